//! Mail templates: what the business writes once per language — subject, HTML body, optional
//! text body — with HippoCamp's tags (`[LIEN_ESPACE_CLI]` …), their English aliases
//! (`[PORTAL_LINK]` …), its own tags and `{{ variables }}`; checked when it is saved, compiled
//! once (tera), rendered for each guest with every value escaped.
//!
//! The host sends the mail: hospes returns its subject, HTML and plain text. Links come from the
//! link module ([`crate::Keyring::issue`]): [`CompiledMail::links_needed`] says which a mail
//! needs, the host passes their URLs in [`MailContext::links`].
//!
//! ```
//! use hospes::mail::{CompiledMail, MailContext, MailTemplate};
//! let template: MailTemplate = serde_json::from_str(r#"{
//!   "name": "confirmation",
//!   "versions": [{"locale": "fr", "subject": "Votre séjour [REF_SEJOUR]",
//!                 "html": "<p>Bonjour [PRENOM],</p><p><a href=\"[LIEN_ESPACE_CLI]\">Votre espace</a></p>"}]
//! }"#).unwrap();
//! let mail = CompiledMail::compile(&template).unwrap();
//! let data = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/invoicing.json")).unwrap();
//! let data: serde_json::Value = serde_json::from_str(&data).unwrap();
//! let context: MailContext = serde_json::from_value(serde_json::json!({
//!     "establishment": data["establishment"], "client": data["client"], "stay": data["stay"],
//!     "links": {"portal": "https://portail.example/?t=v4.local.x&y=1"}
//! })).unwrap();
//! let rendered = mail.render(&context).unwrap();
//! assert_eq!(rendered.subject, "Votre séjour 312");
//! assert!(rendered.html.contains("href=\"https://portail.example/?t=v4.local.x&amp;y=1\""));
//! assert_eq!(rendered.text, "Bonjour Marie,\n\nVotre espace (https://portail.example/?t=v4.local.x&y=1)");
//! ```

mod check;
mod context;
mod plain;
mod prepared;
mod tags;
mod values;

use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::i18n::Locale;
use crate::link::LinkPurpose;

pub use context::{HostTagValue, MailAmounts, MailContext, MailDocuments, MailEdit, MailLinks};
pub use plain::plain_text_template;
pub use prepared::PreparedContext;
pub use tags::{TAGS, Tag, find_tag};

/// Largest template part the business may save, in bytes.
pub const MAX_TEMPLATE_BYTES: usize = 64 * 1024;
/// Largest rendered part, in bytes: a template cannot produce more.
pub const MAX_OUTPUT_BYTES: usize = 512 * 1024;
/// Longest subject, in characters, after rendering.
pub const MAX_SUBJECT_CHARS: usize = 250;

/// A mail template as the business saves it: one version per language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MailTemplate {
    /// The host's name for it (`booking_confirmation`).
    pub name: String,
    /// Subject and bodies, per language.
    pub versions: Vec<MailVersion>,
    /// The host's own tags this template may use (`PLAQUE` for `[PLAQUE]`), valued per mail in
    /// [`MailContext::tags`].
    #[serde(default)]
    pub host_tags: Vec<String>,
}

/// One language of a mail template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MailVersion {
    /// Its language.
    pub locale: Locale,
    /// The subject line.
    pub subject: String,
    /// The HTML body.
    pub html: String,
    /// The plain-text body; derived from the HTML one when absent.
    #[serde(default)]
    pub text: Option<String>,
}

/// A mail ready to send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RenderedMail {
    /// The language it was written in.
    pub locale: Locale,
    /// The subject: one line, no control characters.
    pub subject: String,
    /// The HTML body, every value escaped.
    pub html: String,
    /// The plain-text alternative.
    pub text: String,
}

/// What a saved template uses, for the business's editor and the host's link issuing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MailSummary {
    /// The template's name.
    pub name: String,
    /// Its languages.
    pub locales: Vec<Locale>,
    /// The tags it uses in any language, with brackets, French name first (`[LIEN_CONTRAT]`),
    /// then the host's own.
    pub tags: Vec<String>,
    /// The links to issue for it, in any language.
    pub links_needed: Vec<LinkPurpose>,
}

/// One language of a compiled template.
#[derive(Debug, Clone)]
struct Compiled {
    locale: Locale,
    /// Variables the three parts use.
    uses: Vec<check::Use>,
    /// What to build of them per mail: only those.
    needs: Vec<values::Need>,
    /// The engine's names of its subject, HTML and text parts.
    parts: [String; 3],
    /// Built-in tags used, whose values must be present.
    tags: Vec<Tag>,
    /// Host tags used.
    host_tags: Vec<String>,
}

/// A template checked and compiled once, to render any number of mails.
#[derive(Clone)]
pub struct CompiledMail {
    /// Tells this template's compiled versions apart from another's, for the values a
    /// [`PreparedContext`] keeps per version (a clone keeps it: same versions).
    id: u64,
    name: String,
    engine: tera::Tera,
    versions: Vec<Compiled>,
}

impl std::fmt::Debug for CompiledMail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CompiledMail")
            .field("name", &self.name)
            .field("locales", &self.locales())
            .finish()
    }
}

impl CompiledMail {
    /// Checks and compiles `template`, as when the business saves it: an unknown tag
    /// (`mail.tag_unknown`), an unknown variable (`mail.variable_unknown`) or a syntax error
    /// or construct a mail may not use (`mail.template_invalid`) is reported with its part
    /// (`fr.html`), line and column.
    ///
    /// ```
    /// use hospes::mail::{CompiledMail, MailTemplate, MailVersion};
    /// use hospes::{Error, Locale};
    /// let template = MailTemplate {
    ///     name: "t".into(),
    ///     versions: vec![MailVersion { locale: Locale::Fr, subject: "Bonjour".into(),
    ///                    html: "<p>Lien :\n [LIEN_INCONNU]</p>".into(), text: None }],
    ///     host_tags: vec![],
    /// };
    /// let err = CompiledMail::compile(&template).unwrap_err();
    /// assert_eq!(err, Error::MailTagUnknown { tag: "[LIEN_INCONNU]".into(), part: "fr.html".into(), line: 2, column: 2 });
    /// ```
    pub fn compile(template: &MailTemplate) -> Result<CompiledMail> {
        if template.versions.is_empty() {
            return Err(invalid(
                &template.name,
                "the template has no language version",
            ));
        }
        for tag in &template.host_tags {
            if !tags::is_tag_name(tag) || find_tag(tag).is_some() {
                return Err(Error::InputInvalid {
                    detail: format!(
                        "host tag `{tag}`: write A–Z, digits and _ (at most 40), not a built-in tag"
                    ),
                });
            }
        }
        let mut engine = tera::Tera::new();
        engine.autoescape_on([".html"]);
        let mut versions: Vec<Compiled> = Vec::new();
        for version in &template.versions {
            if versions.iter().any(|v| v.locale == version.locale) {
                return Err(invalid(
                    &template.name,
                    &format!("two versions in `{}`", version.locale),
                ));
            }
            let locale = version.locale;
            let parts = [
                ("subject", Some(version.subject.as_str())),
                ("html", Some(version.html.as_str())),
                ("text", version.text.as_deref()),
            ];
            let mut compiled = Compiled {
                locale,
                uses: Vec::new(),
                needs: Vec::new(),
                parts: ["subject", "html", "text"].map(|kind| format!("{locale}.{kind}")),
                tags: Vec::new(),
                host_tags: Vec::new(),
            };
            for (kind, source) in parts {
                let Some(source) = source else { continue };
                let part = format!("{locale}.{kind}");
                if source.len() > MAX_TEMPLATE_BYTES {
                    return Err(Error::MailTooLarge {
                        part,
                        max: MAX_TEMPLATE_BYTES,
                    });
                }
                let prepared = check::prepare(source, &part, &template.host_tags)?;
                add(&mut engine, &part, source, &prepared)?;
                if kind == "html" && version.text.is_none() {
                    let text = plain_text_template(&prepared.source);
                    add(
                        &mut engine,
                        &format!("{locale}.text"),
                        source,
                        &check::Prepared {
                            source: text,
                            ..check::Prepared::default()
                        },
                    )?;
                }
                merge(&mut compiled, prepared);
            }
            compiled.needs = values::needs(&compiled.uses, &compiled.tags);
            versions.push(compiled);
        }
        static COMPILED: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        Ok(CompiledMail {
            id: COMPILED.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            name: template.name.clone(),
            engine,
            versions,
        })
    }

    /// The template's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// What the template uses, across its languages.
    ///
    /// ```
    /// # use hospes::mail::*;
    /// # let t: MailTemplate = serde_json::from_str(r#"{"name":"t","host_tags":["PLAQUE"],"versions":[{"locale":"fr","subject":"[REF_SEJOUR]","html":"[PORTAL_LINK] [PLAQUE]"},{"locale":"en","subject":"s","html":"[LIEN_FACTURE]"}]}"#).unwrap();
    /// let summary = CompiledMail::compile(&t).unwrap().summary();
    /// assert_eq!(summary.tags, ["[REF_SEJOUR]", "[LIEN_ESPACE_CLI]", "[LIEN_FACTURE]", "[PLAQUE]"]);
    /// assert_eq!(summary.links_needed, [hospes::LinkPurpose::Portal, hospes::LinkPurpose::Invoice]);
    /// ```
    pub fn summary(&self) -> MailSummary {
        let mut tags: Vec<Tag> = Vec::new();
        let mut host_tags: Vec<String> = Vec::new();
        for version in &self.versions {
            for tag in &version.tags {
                if !tags.contains(tag) {
                    tags.push(*tag);
                }
            }
            for tag in &version.host_tags {
                if !host_tags.contains(tag) {
                    host_tags.push(tag.clone());
                }
            }
        }
        MailSummary {
            name: self.name.clone(),
            locales: self.locales(),
            links_needed: tags.iter().filter_map(|t| t.link).collect(),
            tags: tags
                .iter()
                .map(|t| format!("[{}]", t.name))
                .chain(host_tags.iter().map(|t| format!("[{t}]")))
                .collect(),
        }
    }

    /// The languages it is written in.
    ///
    /// ```
    /// # use hospes::mail::*;
    /// # let t: MailTemplate = serde_json::from_str(r#"{"name":"t","versions":[{"locale":"fr","subject":"s","html":"h"},{"locale":"es","subject":"s","html":"h"}]}"#).unwrap();
    /// let mail = CompiledMail::compile(&t).unwrap();
    /// assert_eq!(mail.locales(), [hospes::Locale::Fr, hospes::Locale::Es]);
    /// ```
    pub fn locales(&self) -> Vec<Locale> {
        self.versions.iter().map(|v| v.locale).collect()
    }

    /// The links the mail needs in `locale` (its language versions may differ), for the host
    /// to issue before rendering.
    ///
    /// ```
    /// # use hospes::mail::*;
    /// # let t: MailTemplate = serde_json::from_str(r#"{"name":"t","versions":[{"locale":"fr","subject":"s","html":"[LIEN_CONTRAT] [LIEN_PAIEMENT_ACOMPTE] [CONTRACT_LINK]"}]}"#).unwrap();
    /// let mail = CompiledMail::compile(&t).unwrap();
    /// use hospes::LinkPurpose;
    /// assert_eq!(mail.links_needed(hospes::Locale::Fr), [LinkPurpose::Contract, LinkPurpose::DepositPayment]);
    /// ```
    pub fn links_needed(&self, locale: Locale) -> Vec<LinkPurpose> {
        self.version(locale)
            .map(|v| v.tags.iter().filter_map(|t| t.link).collect())
            .unwrap_or_default()
    }

    /// The version for `locale`, else the first one.
    fn version(&self, locale: Locale) -> Option<&Compiled> {
        self.versions
            .iter()
            .find(|v| v.locale == locale)
            .or_else(|| self.versions.first())
    }

    /// Renders the mail for `context`, in its language (the context's, else the client's, else
    /// the establishment's; the template's first version if it lacks that one). A link that is
    /// not a web address is refused (`mail.link_invalid`).
    pub fn render(&self, context: &MailContext) -> Result<RenderedMail> {
        context.links.check()?;
        let (_, version) = self.version_for(context)?;
        let data = values::context(context, version.locale, &version.needs, &version.host_tags)?;
        self.write(version, &data)
    }

    /// Renders the mail for a context prepared once ([`PreparedContext`]): the same mail as
    /// [`CompiledMail::render`] gives for its records, without checking them again.
    ///
    /// ```
    /// use hospes::mail::{CompiledMail, MailContext, MailTemplate, PreparedContext};
    /// let data: serde_json::Value = serde_json::from_str(include_str!("../tests/data/mail.json")).unwrap();
    /// let mail = CompiledMail::compile(&serde_json::from_value::<MailTemplate>(data["template"].clone()).unwrap()).unwrap();
    /// let context: MailContext = serde_json::from_value(data["context"].clone()).unwrap();
    /// let prepared = PreparedContext::new(context.clone()).unwrap();
    /// assert_eq!(mail.render_prepared(&prepared).unwrap(), mail.render(&context).unwrap());
    /// ```
    pub fn render_prepared(&self, prepared: &PreparedContext) -> Result<RenderedMail> {
        let (index, version) = self.version_for(prepared.context())?;
        let data = prepared.values((self.id, index), || {
            values::context(
                prepared.context(),
                version.locale,
                &version.needs,
                &version.host_tags,
            )
        })?;
        self.write(version, &data)
    }

    /// The version a mail for `context` is written in, and its index.
    fn version_for(&self, context: &MailContext) -> Result<(usize, &Compiled)> {
        let default = context.establishment.default_locale;
        let wanted = context
            .locale
            .unwrap_or_else(|| context.client.locale_or(default));
        let position = |locale: Locale| self.versions.iter().position(|v| v.locale == locale);
        let index = position(wanted)
            .or_else(|| position(default))
            .unwrap_or_default();
        self.versions
            .get(index)
            .map(|version| (index, version))
            .ok_or_else(|| invalid(&self.name, "the template has no language version"))
    }

    /// Writes the three parts of `version` with the values of `data`.
    fn write(&self, version: &Compiled, data: &tera::Context) -> Result<RenderedMail> {
        let [subject, html, text] = &version.parts;
        let subject = self.part(subject, data)?;
        let html = self.part(html, data)?;
        let text = self.part(text, data)?;
        Ok(RenderedMail {
            locale: version.locale,
            subject: one_line(&subject),
            html,
            text: plain::tidy(&text),
        })
    }

    fn part(&self, name: &str, data: &tera::Context) -> Result<String> {
        let mut out = Capped(Vec::with_capacity(1024));
        match self.engine.render_to(name, data, &mut out) {
            Ok(()) => String::from_utf8(out.0).map_err(|_| Error::Internal {
                detail: format!("mail part {name} is not UTF-8"),
            }),
            Err(e) if out.0.len() >= MAX_OUTPUT_BYTES => {
                drop(e);
                Err(Error::MailTooLarge {
                    part: name.to_owned(),
                    max: MAX_OUTPUT_BYTES,
                })
            }
            Err(e) => Err(Error::MailRenderFailed {
                part: name.to_owned(),
                detail: tera_message(&e),
            }),
        }
    }
}

/// Adds one part to the engine, mapping tera's syntax errors back to the business's source.
fn add(
    engine: &mut tera::Tera,
    part: &str,
    source: &str,
    prepared: &check::Prepared,
) -> Result<()> {
    engine
        .add_raw_template(part, &prepared.source)
        .map_err(|e| {
            let (line, column, detail) = match e.kind() {
                tera::ErrorKind::SyntaxError(report) => {
                    let offset = prepared.original_offset(report.span().range.start);
                    let (line, column) = check::position(source, offset);
                    (line, column, report.message().to_owned())
                }
                _ => (1, 1, tera_message(&e)),
            };
            Error::MailTemplateInvalid {
                part: part.to_owned(),
                line,
                column,
                detail,
            }
        })
}

fn merge(compiled: &mut Compiled, prepared: check::Prepared) {
    for used in prepared.uses {
        if !compiled.uses.contains(&used) {
            compiled.uses.push(used);
        }
    }
    for tag in prepared.tags {
        if !compiled.tags.contains(&tag) {
            compiled.tags.push(tag);
        }
    }
    for tag in prepared.host_tags {
        if !compiled.host_tags.contains(&tag) {
            compiled.host_tags.push(tag);
        }
    }
}

fn invalid(name: &str, detail: &str) -> Error {
    Error::MailTemplateInvalid {
        part: name.to_owned(),
        line: 1,
        column: 1,
        detail: detail.to_owned(),
    }
}

/// tera's message, without its source excerpt (which may quote other guests' data).
fn tera_message(e: &tera::Error) -> String {
    match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
            r.message().to_owned()
        }
        tera::ErrorKind::Msg(m) => m.clone(),
        _ => "the template could not be rendered".into(),
    }
}

/// One line, control characters and runs of spaces folded, at most [`MAX_SUBJECT_CHARS`]:
/// nothing a guest's name holds can add a mail header.
fn one_line(subject: &str) -> String {
    let mut out = String::with_capacity(subject.len());
    for word in subject.split(|c: char| c.is_whitespace() || c.is_control()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    match out.char_indices().nth(MAX_SUBJECT_CHARS) {
        Some((cut, _)) => out.get(..cut).unwrap_or(&out).to_owned(),
        None => out,
    }
}

/// A buffer that refuses to grow past [`MAX_OUTPUT_BYTES`], which stops the render.
struct Capped(Vec<u8>);

impl Write for Capped {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.0.len() + buf.len() > MAX_OUTPUT_BYTES {
            let room = MAX_OUTPUT_BYTES - self.0.len();
            self.0.extend_from_slice(buf.get(..room).unwrap_or(&[]));
            return Err(io::Error::other("mail output limit reached"));
        }
        self.0.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
