//! Reading a template the business saves: mail tags rewritten to variables, and everything the
//! template engine would accept but a mail must not do refused, with its line and column.
//!
//! A mail template may print values (`{{ … }}` with a few text filters), test them
//! (`{% if %}`) and loop over the stay's lists (`{% for %}`, at most three deep). It cannot set
//! variables, call functions, include or extend other templates, or mark a value `safe`: so it
//! always ends, its output is bounded by its data, and every value is escaped.

use crate::error::{Error, Result};
use crate::mail::tags::{OBJECTS, Tag, find_tag, is_tag_name};

/// Filters a mail may use: text shaping only.
const FILTERS: &[&str] = &[
    "default",
    "upper",
    "lower",
    "capitalize",
    "title",
    "trim",
    "trim_start",
    "trim_end",
    "truncate",
    "length",
    "first",
    "last",
    "join",
    "wordcount",
    "newlines_to_br",
    "escape",
    "escape_html",
];

/// Block tags a mail may use.
const BLOCKS: &[&str] = &["if", "elif", "else", "endif", "for", "endfor"];

/// Words of the expression language that are not variables.
const KEYWORDS: &[&str] = &[
    "and", "or", "not", "in", "is", "true", "false", "none", "True", "False", "None",
];

/// How deep loops may nest.
const MAX_LOOP_DEPTH: usize = 3;

/// A variable a template uses: an object (`stay`) and, when named, its field (`arrival`).
pub(crate) type Use = (&'static str, Option<&'static str>);

/// A template source after reading: what to compile, and what it uses.
#[derive(Debug, Default)]
pub(crate) struct Prepared {
    /// The source with every mail tag rewritten to `{{ variable }}`.
    pub source: String,
    /// `(offset in source, bytes added so far)` after each rewrite, to map positions back.
    pub shifts: Vec<(usize, isize)>,
    /// Built-in tags used, in order of first use.
    pub tags: Vec<Tag>,
    /// Host tags used.
    pub host_tags: Vec<String>,
    /// Variables used, as `(object, field)`; no field when the whole object is used.
    pub uses: Vec<Use>,
}

impl Prepared {
    /// The byte offset in the business's source of `offset` in the rewritten one.
    pub fn original_offset(&self, offset: usize) -> usize {
        let added = self
            .shifts
            .iter()
            .take_while(|(at, _)| *at <= offset)
            .last()
            .map_or(0, |(_, added)| *added);
        offset.saturating_add_signed(-added)
    }
}

/// Line and column (both from 1, columns in characters) of byte `offset` in `source`.
pub(crate) fn position(source: &str, offset: usize) -> (u32, u32) {
    let before = source.get(..offset).unwrap_or(source);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(column).unwrap_or(u32::MAX),
    )
}

/// Reads `source` (the part named `part`, e.g. `fr.html`) knowing the host's own tags.
pub(crate) fn prepare(source: &str, part: &str, host_tags: &[String]) -> Result<Prepared> {
    let mut reader = Reader {
        source,
        part,
        host_tags,
        out: Prepared {
            source: String::with_capacity(source.len() + 64),
            ..Prepared::default()
        },
        loops: Vec::new(),
        ifs: 0,
    };
    reader.run()?;
    Ok(reader.out)
}

struct Reader<'a> {
    source: &'a str,
    part: &'a str,
    host_tags: &'a [String],
    out: Prepared,
    /// Loop variables of the open `for` blocks.
    loops: Vec<Vec<String>>,
    ifs: usize,
}

impl Reader<'_> {
    fn invalid(&self, offset: usize, detail: impl Into<String>) -> Error {
        let (line, column) = position(self.source, offset);
        Error::MailTemplateInvalid {
            part: self.part.to_owned(),
            line,
            column,
            detail: detail.into(),
        }
    }

    fn run(&mut self) -> Result<()> {
        let source = self.source;
        let mut at = 0;
        while at < source.len() {
            let rest = source.get(at..).unwrap_or("");
            let next = ["{{", "{%", "{#"]
                .iter()
                .filter_map(|d| rest.find(d).map(|i| (i, *d)))
                .min_by_key(|(i, _)| *i);
            let Some((start, open)) = next else {
                self.text(at, rest)?;
                break;
            };
            self.text(at, rest.get(..start).unwrap_or(""))?;
            let begin = at + start;
            let close = match open {
                "{{" => "}}",
                "{%" => "%}",
                _ => "#}",
            };
            let end = if open == "{#" {
                rest.get(start..)
                    .and_then(|r| r.find(close))
                    .map(|i| begin + i + 2)
            } else {
                self.code(begin, open, close)?
            };
            let Some(end) = end else {
                return Err(self.invalid(begin, format!("`{open}` is never closed by `{close}`")));
            };
            self.out
                .source
                .push_str(source.get(begin..end).unwrap_or(""));
            at = end;
        }
        if !self.loops.is_empty() {
            return Err(self.invalid(
                source.len(),
                "a `{% for %}` is never closed by `{% endfor %}`",
            ));
        }
        if self.ifs > 0 {
            return Err(self.invalid(
                source.len(),
                "an `{% if %}` is never closed by `{% endif %}`",
            ));
        }
        Ok(())
    }

    /// Copies text, rewriting `[TAG]` to `{{ variable }}`.
    fn text(&mut self, at: usize, text: &str) -> Result<()> {
        let mut copied = 0;
        let mut search = 0;
        while let Some(open) = text
            .get(search..)
            .and_then(|t| t.find('['))
            .map(|i| search + i)
        {
            let after = text.get(open + 1..).unwrap_or("");
            let name_len = after
                .find(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'))
                .unwrap_or(after.len());
            let name = after.get(..name_len).unwrap_or("");
            let closed = after.get(name_len..).is_some_and(|r| r.starts_with(']'));
            if !closed || !is_tag_name(name) {
                search = open + 1;
                continue;
            }
            let variable = if let Some(tag) = find_tag(name) {
                if !self.out.tags.contains(&tag) {
                    self.out.tags.push(tag);
                }
                let (object, field) = tag.variable.split_once('.').unwrap_or((tag.variable, ""));
                self.used(object, Some(field));
                tag.variable.to_owned()
            } else if self.host_tags.iter().any(|t| t == name) {
                if !self.out.host_tags.iter().any(|t| t == name) {
                    self.out.host_tags.push(name.to_owned());
                }
                self.used("tags", None);
                format!("tags.{name}")
            } else {
                let (line, column) = position(self.source, at + open);
                return Err(Error::MailTagUnknown {
                    tag: format!("[{name}]"),
                    part: self.part.to_owned(),
                    line,
                    column,
                });
            };
            self.out
                .source
                .push_str(text.get(copied..open).unwrap_or(""));
            let written = format!("{{{{ {variable} }}}}");
            let tag_len = name_len + 2;
            self.out.source.push_str(&written);
            let added = self.out.shifts.last().map_or(0, |(_, a)| *a)
                + isize::try_from(written.len()).unwrap_or(0)
                - isize::try_from(tag_len).unwrap_or(0);
            self.out.shifts.push((self.out.source.len(), added));
            copied = open + tag_len;
            search = copied;
        }
        self.out.source.push_str(text.get(copied..).unwrap_or(""));
        Ok(())
    }

    fn used(&mut self, object: &str, field: Option<&str>) {
        let Some((object, fields)) = OBJECTS.iter().find(|(o, _)| *o == object) else {
            return;
        };
        let used: Use = (
            object,
            field.and_then(|f| fields.iter().find(|k| **k == f).copied()),
        );
        if !self.out.uses.contains(&used) {
            self.out.uses.push(used);
        }
    }

    /// Checks the expression or block starting at `begin`; returns where it ends.
    fn code(&mut self, begin: usize, open: &str, close: &str) -> Result<Option<usize>> {
        let tokens = match lex(self.source, begin + 2, close) {
            Ok(lexed) => lexed,
            Err(LexError::Unclosed) => return Ok(None),
            Err(LexError::Char(at, c)) => {
                return Err(self.invalid(at, format!("unexpected character `{c}`")));
            }
        };
        let (tokens, end) = tokens;
        let mut tokens = tokens.as_slice();
        if open == "{%" {
            let Some((Token::Ident(keyword), at)) = tokens.first() else {
                return Err(self.invalid(begin, "a block must start with a keyword"));
            };
            if !BLOCKS.contains(&keyword.as_str()) {
                return Err(self.invalid(
                    *at,
                    format!(
                        "`{{% {keyword} %}}` is not allowed in a mail (only if, elif, else, for)"
                    ),
                ));
            }
            match keyword.as_str() {
                "for" => {
                    if self.loops.len() >= MAX_LOOP_DEPTH {
                        return Err(self.invalid(
                            *at,
                            format!("loops nest at most {MAX_LOOP_DEPTH} deep in a mail"),
                        ));
                    }
                    let in_at = tokens
                        .iter()
                        .position(|(t, _)| *t == Token::Ident("in".into()))
                        .unwrap_or(tokens.len());
                    let names = tokens
                        .get(1..in_at)
                        .unwrap_or(&[])
                        .iter()
                        .filter_map(|(t, _)| match t {
                            Token::Ident(name) => Some(name.clone()),
                            _ => None,
                        })
                        .collect();
                    self.loops.push(names);
                    tokens = tokens.get(in_at + 1..).unwrap_or(&[]);
                }
                "endfor" => {
                    if self.loops.pop().is_none() {
                        return Err(self.invalid(*at, "`{% endfor %}` without a `{% for %}`"));
                    }
                    tokens = &[];
                }
                "if" => {
                    self.ifs += 1;
                    tokens = tokens.get(1..).unwrap_or(&[]);
                }
                "endif" => {
                    self.ifs = self
                        .ifs
                        .checked_sub(1)
                        .ok_or_else(|| self.invalid(*at, "`{% endif %}` without an `{% if %}`"))?;
                    tokens = &[];
                }
                _ => tokens = tokens.get(1..).unwrap_or(&[]),
            }
        }
        self.expression(tokens)?;
        Ok(Some(end))
    }

    /// Checks filters, function calls and variables of an expression.
    fn expression(&mut self, tokens: &[(Token, usize)]) -> Result<()> {
        let mut previous: Option<&Token> = None;
        for (i, (token, at)) in tokens.iter().enumerate() {
            if let Token::Ident(name) = token {
                let next = tokens.get(i + 1).map(|(t, _)| t);
                match previous {
                    Some(Token::Pipe) => {
                        if !FILTERS.contains(&name.as_str()) {
                            return Err(self.invalid(
                                *at,
                                format!("the filter `{name}` is not allowed in a mail"),
                            ));
                        }
                    }
                    Some(Token::Dot) => {}
                    Some(Token::Ident(word)) if word == "is" || word == "not" => {}
                    _ if KEYWORDS.contains(&name.as_str()) => {}
                    _ if next == Some(&Token::Assign) => {}
                    _ if next == Some(&Token::Open) => {
                        return Err(self.invalid(
                            *at,
                            format!("`{name}(…)`: functions cannot be called in a mail"),
                        ));
                    }
                    _ => self.variable(name, tokens.get(i + 1..).unwrap_or(&[]), *at)?,
                }
            }
            previous = Some(token);
        }
        Ok(())
    }

    /// Checks a variable and, for a known object, its field.
    fn variable(&mut self, name: &str, rest: &[(Token, usize)], at: usize) -> Result<()> {
        if self.loops.iter().flatten().any(|v| v == name) {
            return Ok(());
        }
        let Some((object, fields)) = OBJECTS.iter().find(|(o, _)| *o == name) else {
            let (line, column) = position(self.source, at);
            return Err(Error::MailVariableUnknown {
                name: name.to_owned(),
                part: self.part.to_owned(),
                line,
                column,
            });
        };
        let field = match rest {
            [(Token::Dot, _), (Token::Ident(field), field_at), ..] => Some((field, *field_at)),
            _ => None,
        };
        let Some((field, field_at)) = field else {
            self.used(object, None);
            return Ok(());
        };
        self.used(object, Some(field));
        let known = if *object == "tags" {
            self.host_tags.iter().any(|t| t == field)
        } else {
            fields.contains(&field.as_str())
        };
        if known {
            if *object == "tags" && !self.out.host_tags.iter().any(|t| t == field) {
                self.out.host_tags.push(field.clone());
            }
            Ok(())
        } else {
            let (line, column) = position(self.source, field_at);
            Err(Error::MailVariableUnknown {
                name: format!("{object}.{field}"),
                part: self.part.to_owned(),
                line,
                column,
            })
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Ident(String),
    Pipe,
    Dot,
    Open,
    /// A single `=`: the name before it is a keyword argument.
    Assign,
    Other,
}

enum LexError {
    Unclosed,
    Char(usize, char),
}

/// The tokens of `{{ … }}` / `{% … %}` from byte `from` up to `close`, and the offset after it.
fn lex(
    source: &str,
    from: usize,
    close: &str,
) -> std::result::Result<(Vec<(Token, usize)>, usize), LexError> {
    let mut tokens = Vec::new();
    let rest = source.get(from..).ok_or(LexError::Unclosed)?;
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at = from + i;
        match c {
            '-' if rest.get(i + 1..).is_some_and(|r| r.starts_with(close)) => {}
            _ if rest.get(i..).is_some_and(|r| r.starts_with(close)) => {
                return Ok((tokens, at + close.len()));
            }
            '"' | '\'' | '`' => {
                // A string literal: skipped whole, whatever it holds.
                loop {
                    match chars.next() {
                        Some((_, q)) if q == c => break,
                        Some(_) => {}
                        None => return Err(LexError::Unclosed),
                    }
                }
                tokens.push((Token::Other, at));
            }
            c if c.is_alphabetic() || c == '_' => {
                let mut end = i + c.len_utf8();
                while let Some((j, d)) = chars.peek() {
                    if d.is_alphanumeric() || *d == '_' {
                        end = j + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                tokens.push((Token::Ident(rest.get(i..end).unwrap_or("").to_owned()), at));
            }
            '|' => tokens.push((Token::Pipe, at)),
            '.' => tokens.push((Token::Dot, at)),
            '(' => tokens.push((Token::Open, at)),
            c if c.is_whitespace() => {}
            '=' | '!' | '<' | '>' if chars.peek().is_some_and(|(_, d)| *d == '=') => {
                chars.next();
                tokens.push((Token::Other, at));
            }
            '=' => tokens.push((Token::Assign, at)),
            c if c.is_ascii_digit() || "+-*/%~!<>,:)[]{}".contains(c) => {
                tokens.push((Token::Other, at));
            }
            c => return Err(LexError::Char(at, c)),
        }
    }
    Err(LexError::Unclosed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(source: &str) -> Result<Prepared> {
        prepare(source, "fr.html", &["PLAQUE".to_owned()])
    }

    #[test]
    fn tags_become_variables_and_are_listed_once() {
        let p = check("Bonjour [PRENOM], <a href=\"[LIEN_ESPACE_CLI]\">[PORTAL_LINK]</a> [PLAQUE]")
            .unwrap();
        assert_eq!(
            p.source,
            "Bonjour {{ client.first_name }}, <a href=\"{{ links.portal }}\">{{ links.portal }}</a> {{ tags.PLAQUE }}"
        );
        assert_eq!(p.tags.len(), 2);
        assert_eq!(p.host_tags, ["PLAQUE"]);
        assert_eq!(
            p.uses,
            [
                ("client", Some("first_name")),
                ("links", Some("portal")),
                ("tags", None)
            ]
        );
    }

    #[test]
    fn an_unknown_tag_is_refused_with_its_line_and_column() {
        let err = check("Bonjour,\n  voir [LIEN_INCONNU] ici").unwrap_err();
        assert_eq!(
            err,
            Error::MailTagUnknown {
                tag: "[LIEN_INCONNU]".into(),
                part: "fr.html".into(),
                line: 2,
                column: 8
            }
        );
    }

    #[test]
    fn brackets_that_are_not_tags_stay_text() {
        let p = check("[a] [Note] [] [ A ] tableau[0]").unwrap();
        assert_eq!(p.source, "[a] [Note] [] [ A ] tableau[0]");
    }

    #[test]
    fn positions_after_a_rewritten_tag_map_back_to_the_source() {
        let p = check("[PRENOM] {{ oops }").unwrap_err();
        assert_eq!(p.code(), "mail.template_invalid");
        let p = check("[PRENOM] x").unwrap();
        let x = p.source.find('x').unwrap();
        assert_eq!(p.original_offset(x), 9);
    }

    #[test]
    fn a_mail_cannot_set_include_or_call_functions() {
        for source in [
            "{% set x = 1 %}",
            "{% include \"other\" %}",
            "{% extends \"base\" %}",
            "{{ range(end=10) }}",
            "{% for i in range(end=100000) %}{% endfor %}",
            "{{ client.first_name | safe }}",
            "{{ client.first_name | indent(width=1000000) }}",
            "{% raw %}{% endraw %}",
        ] {
            assert_eq!(
                check(source).unwrap_err().code(),
                "mail.template_invalid",
                "{source}"
            );
        }
    }

    #[test]
    fn loops_nest_at_most_three_deep() {
        let three = "{% for a in stay.participants %}{% for b in stay.participants %}{% for c in stay.participants %}{{ c }}{% endfor %}{% endfor %}{% endfor %}";
        assert!(check(three).is_ok());
        let four = "{% for a in stay.participants %}".repeat(4);
        assert_eq!(check(&four).unwrap_err().code(), "mail.template_invalid");
    }

    #[test]
    fn unknown_variables_and_fields_are_refused_where_they_are() {
        let err = check("{{ client.frist_name }}").unwrap_err();
        assert_eq!(
            err,
            Error::MailVariableUnknown {
                name: "client.frist_name".into(),
                part: "fr.html".into(),
                line: 1,
                column: 11
            }
        );
        assert_eq!(
            check("{{ password }}").unwrap_err().code(),
            "mail.variable_unknown"
        );
        assert!(check("{% for p in stay.participants %}{{ p | upper }}{% endfor %}").is_ok());
        assert!(
            check("{% if links.contract is defined and not stay.nights %}x{% endif %}").is_ok()
        );
        assert!(check("{{ \"a|b(c)\" }}{{ client.first_name | default(value=\"ami\") }}").is_ok());
    }

    #[test]
    fn unclosed_blocks_are_reported() {
        assert_eq!(
            check("{% if stay %}x").unwrap_err().code(),
            "mail.template_invalid"
        );
        assert_eq!(
            check("x {{ client.first_name").unwrap_err().code(),
            "mail.template_invalid"
        );
        assert_eq!(
            check("{% endfor %}").unwrap_err().code(),
            "mail.template_invalid"
        );
    }
}
