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
mod plain;
mod tags;
mod values;

use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::editable::{EditPolicy, EditReminder};
use crate::error::{Error, Result};
use crate::establishment::Establishment;
use crate::i18n::Locale;
use crate::link::LinkPurpose;
use crate::money::Money;
use crate::stay::Stay;

pub use plain::plain_text_template;
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

/// The links a mail may carry, as full URLs issued by the link module.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MailLinks {
    /// `[LIEN_ESPACE_CLI]`.
    #[serde(default)]
    pub portal: Option<String>,
    /// `[LIEN_DEVIS]`.
    #[serde(default)]
    pub quote: Option<String>,
    /// `[LIEN_CONTRAT]`.
    #[serde(default)]
    pub contract: Option<String>,
    /// `[LIEN_FACTURE]`.
    #[serde(default)]
    pub invoice: Option<String>,
    /// `[LIEN_PAIEMENT_ACOMPTE]`.
    #[serde(default)]
    pub deposit_payment: Option<String>,
    /// `[LIEN_PAIEMENT_SOLDE]`.
    #[serde(default)]
    pub balance_payment: Option<String>,
    /// `[LIEN_MODIF_RESA]`: the page where the guest edits booking fields.
    #[serde(default)]
    pub booking_edit: Option<String>,
    /// `[LIEN_CONFIRMATION_COMPTE]`: confirming the address of a new portal account.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub account_verify: Option<String>,
    /// `[LIEN_MOT_DE_PASSE]`: choosing a new portal password.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub password_reset: Option<String>,
}

impl MailLinks {
    /// Refuses a link a guest may not be sent to (see
    /// [`web_url`](crate::establishment::web_url)): a `javascript:` link is refused, not merely
    /// escaped.
    ///
    /// ```
    /// use hospes::mail::MailLinks;
    /// let good = MailLinks { portal: Some("https://p.fr/?t=v4.local.x".into()), ..Default::default() };
    /// assert!(good.check().is_ok());
    /// let evil = MailLinks { invoice: Some("javascript:alert(1)".into()), ..Default::default() };
    /// assert_eq!(evil.check().unwrap_err().code(), "mail.link_invalid");
    /// ```
    pub fn check(&self) -> Result<()> {
        let links = [
            ("portal", &self.portal),
            ("quote", &self.quote),
            ("contract", &self.contract),
            ("invoice", &self.invoice),
            ("deposit_payment", &self.deposit_payment),
            ("balance_payment", &self.balance_payment),
            ("booking_edit", &self.booking_edit),
            ("account_verify", &self.account_verify),
            ("password_reset", &self.password_reset),
        ];
        for (link, value) in links {
            if let Some(value) = value {
                crate::establishment::web_url(value).map_err(|_| Error::MailLinkInvalid {
                    link: link.to_owned(),
                    value: value.chars().take(200).collect(),
                })?;
            }
        }
        Ok(())
    }

    /// The URL given for `purpose`, if any.
    ///
    /// ```
    /// use hospes::{mail::MailLinks, LinkPurpose};
    /// let links = MailLinks { portal: Some("https://p/".into()), ..Default::default() };
    /// assert_eq!(links.get(LinkPurpose::Portal), Some("https://p/"));
    /// assert_eq!(links.get(LinkPurpose::Quote), None);
    /// let reset = MailLinks { password_reset: Some("https://p/account/reset?t=x".into()), ..Default::default() };
    /// assert_eq!(reset.get(LinkPurpose::PasswordReset), Some("https://p/account/reset?t=x"));
    /// ```
    pub fn get(&self, purpose: LinkPurpose) -> Option<&str> {
        match purpose {
            LinkPurpose::Portal => self.portal.as_deref(),
            LinkPurpose::Quote => self.quote.as_deref(),
            LinkPurpose::Contract => self.contract.as_deref(),
            LinkPurpose::Invoice => self.invoice.as_deref(),
            LinkPurpose::DepositPayment => self.deposit_payment.as_deref(),
            LinkPurpose::BalancePayment => self.balance_payment.as_deref(),
            LinkPurpose::BookingEdit => self.booking_edit.as_deref(),
            LinkPurpose::PasswordReset => self.password_reset.as_deref(),
            LinkPurpose::AccountVerify => self.account_verify.as_deref(),
        }
    }
}

/// Amounts a mail may show; the host takes them from the stay's balance.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MailAmounts {
    /// The stay's total (`[MONTANT_TOTAL]`).
    #[serde(default)]
    pub total: Option<Money>,
    /// Received so far (`[MONTANT_PAYE]`).
    #[serde(default)]
    pub paid: Option<Money>,
    /// Still due (`[MONTANT_DU]`).
    #[serde(default)]
    pub due: Option<Money>,
    /// The deposit asked (`[MONTANT_ACOMPTE]`).
    #[serde(default)]
    pub deposit: Option<Money>,
    /// The balance asked (`[MONTANT_SOLDE]`).
    #[serde(default)]
    pub balance: Option<Money>,
}

/// Document numbers a mail may show.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MailDocuments {
    /// `[NUM_DEVIS]`.
    #[serde(default)]
    pub quote: Option<String>,
    /// `[NUM_CONTRAT]`.
    #[serde(default)]
    pub contract: Option<String>,
    /// `[NUM_FACTURE]`.
    #[serde(default)]
    pub invoice: Option<String>,
}

/// The editable-fields part of a reminder mail: until when, and the business's own text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MailEdit {
    /// The earliest deadline still open (`[DATE_LIMITE_MODIF]`, shown in the establishment's
    /// zone).
    pub deadline: chrono::DateTime<chrono::Utc>,
    /// Seconds left until then (`[TEMPS_RESTANT]`, shown in days or hours).
    pub remaining_seconds: i64,
    /// The business's extra text (`[TEXTE_RAPPEL]`).
    #[serde(default)]
    pub text: Option<String>,
    /// The fields still editable, as the guest reads them.
    #[serde(default)]
    pub fields: Vec<String>,
}

// The reminder of editable fields fills its part of the mail: a mail word, so written here.
impl EditReminder {
    /// The reminder's part of the mail context (`[DATE_LIMITE_MODIF]`, `[TEMPS_RESTANT]`,
    /// `[TEXTE_RAPPEL]`, the fields' labels) in `locale`.
    ///
    /// ```
    /// # use hospes::editable::*;
    /// # let p: EditPolicy = serde_json::from_str(r#"{"fields":[{"field":"participants","days_before_arrival":7}],"reminder":{"days_before_deadline":3,"text":"À bientôt"}}"#).unwrap();
    /// # let stay: hospes::Stay = serde_json::from_str(r#"{"reference":"1","client_id":"C","accommodation":"P","arrival":"2026-07-11","departure":"2026-07-18","status":"confirmed","currency":"EUR"}"#).unwrap();
    /// # let paris = hospes::TimeZone::new("Europe/Paris").unwrap();
    /// let reminder = resend(&p, &stay, paris, "2026-07-02T10:00:00Z".parse().unwrap()).unwrap();
    /// let edit = reminder.mail_edit(&p, hospes::Locale::Es);
    /// assert_eq!(edit.fields, ["Participantes"]);
    /// assert_eq!(edit.text.as_deref(), Some("À bientôt"));
    /// ```
    pub fn mail_edit(&self, policy: &EditPolicy, locale: Locale) -> MailEdit {
        MailEdit {
            deadline: self.deadline,
            remaining_seconds: self.remaining_seconds,
            text: self.text.clone(),
            fields: self
                .fields
                .iter()
                .filter_map(|f| policy.fields.iter().find(|r| &r.field == f))
                .map(|rule| rule.label(locale))
                .collect(),
        }
    }
}

/// A host tag's value for one mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct HostTagValue {
    /// The tag, without brackets (`PLAQUE`).
    pub name: String,
    /// Its value, escaped like any other.
    pub value: String,
}

/// What one mail is about. Everything but the establishment and the client is optional; a tag
/// whose value is absent is refused at render time (`mail.value_missing`) rather than sent
/// empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MailContext {
    /// Who sends it.
    pub establishment: Establishment,
    /// To whom.
    pub client: Client,
    /// In which language; by default the client's, else the establishment's.
    #[serde(default)]
    pub locale: Option<Locale>,
    /// The stay it is about.
    #[serde(default)]
    pub stay: Option<Stay>,
    /// Amounts to show.
    #[serde(default)]
    pub amounts: MailAmounts,
    /// Document numbers to show.
    #[serde(default)]
    pub documents: MailDocuments,
    /// Links, issued by the link module.
    #[serde(default)]
    pub links: MailLinks,
    /// The editable booking fields reminder, for that mail.
    #[serde(default)]
    pub edit: Option<MailEdit>,
    /// Values of the host's own tags.
    #[serde(default)]
    pub tags: Vec<HostTagValue>,
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
        Ok(CompiledMail {
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
    /// the establishment's; the template's first version if it lacks that one).
    pub fn render(&self, context: &MailContext) -> Result<RenderedMail> {
        let default = context.establishment.default_locale;
        let wanted = context
            .locale
            .unwrap_or_else(|| context.client.locale_or(default));
        let version = self
            .versions
            .iter()
            .find(|v| v.locale == wanted)
            .or_else(|| self.versions.iter().find(|v| v.locale == default))
            .or_else(|| self.versions.first())
            .ok_or_else(|| invalid(&self.name, "the template has no language version"))?;
        context.links.check()?;
        let data = values::context(context, version.locale, &version.needs, &version.host_tags)?;
        let [subject, html, text] = &version.parts;
        let subject = self.part(subject, &data)?;
        let html = self.part(html, &data)?;
        let text = self.part(text, &data)?;
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
