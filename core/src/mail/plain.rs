//! The plain-text alternative of an HTML mail, derived once from the HTML template when it is
//! saved: markup becomes line breaks, list dashes and `text (address)` links, entities are
//! decoded, and the template's own `{{ … }}` / `{% … %}` are kept as they are, so rendering the
//! text part costs no more than rendering the HTML one.
//!
//! This works on the template's source, where values are not yet there: no HTML parser reads a
//! document with template blocks between table rows, which is why it is written here.

/// Elements whose content is dropped.
const HIDDEN: &[&str] = &["head", "style", "script", "title"];

/// The text template of an HTML template source.
///
/// ```
/// # // Reached through a compiled mail; shown here on its own.
/// let html = "<p>Bonjour {{ client.first_name }},</p><p><a href=\"{{ links.portal }}\">Votre espace</a><br>À bientôt&nbsp;!</p>";
/// assert_eq!(
///     hospes::mail::plain_text_template(html),
///     "Bonjour {{ client.first_name }},\n\nVotre espace ({{ links.portal }})\nÀ bientôt\u{a0}!"
/// );
/// ```
pub fn plain_text_template(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut links: Vec<Option<String>> = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(code) = template_code(rest) {
            out.push_str(code);
            rest = rest.get(code.len()..).unwrap_or("");
        } else if rest.starts_with("<!--") {
            rest = rest
                .find("-->")
                .and_then(|i| rest.get(i + 3..))
                .unwrap_or("");
        } else if rest.starts_with('<')
            && rest.get(1..2).is_some_and(|c| {
                c.chars()
                    .all(|c| c.is_ascii_alphabetic() || c == '/' || c == '!')
            })
        {
            let end = tag_end(rest);
            let tag = rest.get(..end).unwrap_or(rest);
            rest = rest.get(end..).unwrap_or("");
            let (closing, name) = tag_name(tag);
            if !closing && HIDDEN.contains(&name.as_str()) {
                let close = format!("</{name}");
                rest = find_ci(rest, &close)
                    .and_then(|i| rest.get(i..))
                    .map_or("", |r| r.get(tag_end(r)..).unwrap_or(""));
                continue;
            }
            match (closing, name.as_str()) {
                (false, "br") => out.push('\n'),
                (false, "li") => out.push_str("\n- "),
                (false, "a") => links.push(attribute(tag, "href")),
                (true, "a") => {
                    if let Some(Some(href)) = links.pop()
                        && !out.trim_end().ends_with(href.as_str())
                    {
                        out.push_str(" (");
                        out.push_str(&href);
                        out.push(')');
                    }
                }
                (false, "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "table" | "ul" | "ol")
                | (true, "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "table" | "ul" | "ol") => {
                    out.push_str("\n\n")
                }
                (_, "div" | "tr" | "section" | "header" | "footer" | "blockquote" | "hr") => {
                    out.push('\n')
                }
                (true, "td" | "th") => out.push(' '),
                _ => {}
            }
        } else if rest.starts_with('&') {
            let (decoded, used) = entity(rest);
            out.push_str(&decoded);
            rest = rest.get(used..).unwrap_or("");
        } else {
            let mut chars = rest.chars();
            let c = chars.next().unwrap_or(' ');
            if c.is_whitespace() {
                if !out.ends_with([' ', '\n']) && !out.is_empty() {
                    out.push(' ');
                }
            } else {
                out.push(c);
            }
            rest = chars.as_str();
        }
    }
    tidy(&out)
}

/// Trims each line and keeps at most one blank line in a row.
pub(crate) fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim_matches(|c: char| c == ' ' || c == '\t');
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        push_spaced(&mut out, line);
    }
    out
}

/// Pushes `line` with runs of spaces made one, and no space left before a comma or a full stop:
/// an optional value that is empty (« Bonjour [CIVILITE] [NOM], ») leaves no gap.
fn push_spaced(out: &mut String, mut line: &str) {
    while let Some(space) = line.find(' ') {
        let (word, rest) = line.split_at(space);
        out.push_str(word);
        line = rest.trim_start_matches(' ');
        if !line.starts_with([',', '.']) {
            out.push(' ');
        }
    }
    out.push_str(line);
}

/// The `{{ … }}`, `{% … %}` or `{# … #}` at the start of `text`, if any.
fn template_code(text: &str) -> Option<&str> {
    let close = match text.get(..2)? {
        "{{" => "}}",
        "{%" => "%}",
        "{#" => "#}",
        _ => return None,
    };
    let end = text.find(close)? + 2;
    text.get(..end)
}

/// The length of the tag at the start of `text`, up to its `>` (quotes and template code
/// respected).
fn tag_end(text: &str) -> usize {
    let mut quote: Option<char> = None;
    let mut iter = text.char_indices();
    while let Some((i, c)) = iter.next() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return i + 1,
            (_, '{') => {
                if let Some(code) = text.get(i..).and_then(template_code) {
                    let skip = code.len() - 1;
                    for _ in 0..skip {
                        iter.next();
                    }
                }
            }
            _ => {}
        }
    }
    text.len()
}

/// Whether the tag closes, and its lower-case name.
fn tag_name(tag: &str) -> (bool, String) {
    let inner = tag.trim_start_matches('<');
    let closing = inner.starts_with('/');
    let name = inner
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    (closing, name)
}

/// The value of attribute `name` in `tag`.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let at = lower.find(&format!("{name}="))? + name.len() + 1;
    let value = tag.get(at..)?;
    let (quote, value) = match value.chars().next()? {
        q @ ('"' | '\'') => (Some(q), value.get(1..)?),
        _ => (None, value),
    };
    let end = match quote {
        Some(q) => value.find(q)?,
        None => value.find(|c: char| c.is_whitespace() || c == '>')?,
    };
    Some(decode(value.get(..end)?))
}

fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(rest.get(..i).unwrap_or(""));
        let (decoded, used) = entity(rest.get(i..).unwrap_or(""));
        out.push_str(&decoded);
        rest = rest.get(i + used..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// The character an entity at the start of `text` stands for, and its length; a lone `&` is
/// kept.
fn entity(text: &str) -> (String, usize) {
    let Some(end) = text.get(..12).unwrap_or(text).find(';') else {
        return ("&".into(), 1);
    };
    let name = text.get(1..end).unwrap_or("");
    let c = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        "euro" => Some('€'),
        "laquo" => Some('«'),
        "raquo" => Some('»'),
        "eacute" => Some('é'),
        "egrave" => Some('è'),
        "agrave" => Some('à'),
        "ccedil" => Some('ç'),
        _ => name
            .strip_prefix("#x")
            .or_else(|| name.strip_prefix("#X"))
            .and_then(|hex| u32::from_str_radix(hex, 16).ok())
            .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
            .and_then(char::from_u32),
    };
    match c {
        Some(c) => (c.to_string(), end + 1),
        None => ("&".into(), 1),
    }
}

/// Where `needle` (lower-case ASCII) starts in `haystack`, ignoring ASCII case.
fn find_ci(haystack: &str, needle: &str) -> Option<usize> {
    haystack.to_ascii_lowercase().find(needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_tables_and_hidden_parts() {
        let html = "<html><head><title>x</title><style>p{color:red}</style></head><body>\n<h1>Séjour</h1>\n<ul><li>Léa</li><li>Tom</li></ul><table><tr><td>Total</td><td>{{ amounts.total }}</td></tr></table></body></html>";
        assert_eq!(
            plain_text_template(html),
            "Séjour\n\n- Léa\n- Tom\n\nTotal {{ amounts.total }}"
        );
    }

    #[test]
    fn a_link_whose_text_is_its_address_is_written_once() {
        let html = "<a href=\"{{ links.portal }}\">{{ links.portal }}</a>";
        assert_eq!(plain_text_template(html), "{{ links.portal }}");
    }

    #[test]
    fn template_blocks_and_entities_survive() {
        let html = "{% if stay %}<p>R&eacute;f.&#160;{{ stay.reference }} &amp; co &lt;3 &unknown; & x</p>{% endif %}";
        assert_eq!(
            plain_text_template(html),
            "{% if stay %}\n\nRéf.\u{a0}{{ stay.reference }} & co <3 &unknown; & x\n\n{% endif %}"
        );
    }

    #[test]
    fn an_empty_optional_value_leaves_no_gap_before_a_comma_or_a_full_stop() {
        assert_eq!(
            tidy("  Bonjour   Madame  ,\t\n\n\n\n Votre séjour   est confirmé  .  \nà  bientôt"),
            "Bonjour Madame,\n\nVotre séjour est confirmé.\nà bientôt"
        );
        assert_eq!(tidy("a ,b . , c"), "a,b., c");
    }
}
