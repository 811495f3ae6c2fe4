//! A small XML writer: elements opened and closed in order, text and attribute values escaped,
//! one element a line without indentation (a third smaller, and as quick to deflate). Enough for the CII document, whose shape hospes fixes; output is
//! deterministic (no clock, no map order).

/// An XML document being written.
pub(super) struct Xml {
    out: String,
    open: Vec<&'static str>,
}

impl Xml {
    /// A document starting with its declaration.
    pub(super) fn new() -> Xml {
        Xml {
            out: String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"),
            open: Vec::new(),
        }
    }

    fn start(&mut self, name: &'static str, attributes: &[(&str, &str)]) {
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attributes {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            escape_into(&mut self.out, value);
            self.out.push('"');
        }
        self.out.push('>');
    }

    /// Opens `name` with `attributes`; [`close`](Xml::close) ends it.
    pub(super) fn open_with(&mut self, name: &'static str, attributes: &[(&str, &str)]) {
        self.start(name, attributes);
        self.out.push('\n');
        self.open.push(name);
    }

    /// Opens `name`.
    pub(super) fn open(&mut self, name: &'static str) {
        self.open_with(name, &[]);
    }

    /// Closes the element opened last.
    pub(super) fn close(&mut self) {
        if let Some(name) = self.open.pop() {
            self.out.push_str("</");
            self.out.push_str(name);
            self.out.push_str(">\n");
        }
    }

    /// `<name attributes>text</name>`.
    pub(super) fn leaf_with(
        &mut self,
        name: &'static str,
        attributes: &[(&str, &str)],
        text: &str,
    ) {
        self.start(name, attributes);
        escape_into(&mut self.out, text);
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// `<name>text</name>`.
    pub(super) fn leaf(&mut self, name: &'static str, text: &str) {
        self.leaf_with(name, &[], text);
    }

    /// The document, every element closed.
    pub(super) fn finish(mut self) -> String {
        while !self.open.is_empty() {
            self.close();
        }
        self.out
    }
}

/// Appends `text` with `&`, `<`, `>`, `"` and `'` escaped, and any character XML 1.0 cannot
/// carry (controls other than tab and line breaks) left out.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped_and_elements_nest() {
        let mut xml = Xml::new();
        xml.open_with("a", &[("k", "\"1\" & <2>")]);
        xml.leaf("b", "Tom & Jerry's <café>\u{1}");
        let text = xml.finish();
        assert_eq!(
            text,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a k=\"&quot;1&quot; &amp; &lt;2&gt;\">\n\
             <b>Tom &amp; Jerry&apos;s &lt;café&gt;</b>\n</a>\n"
        );
    }
}
