//! Values a binding parses once and keeps — the link keyring, the price catalogue, the mail
//! template, the client register — with the operations that take them: the same operations as
//! [`call`](super::call), their arguments less the held one, the same envelope. Hosts issue and verify many links with one keyring and price
//! many stays with one catalogue; parsing them once is what makes those calls cheap from Python,
//! Node and the JVM.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{PoisonError, RwLock, RwLockReadGuard};

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::envelope::{Answer, error_envelope, settle};
use super::sink::{Returned, returned};
use crate::address::Country;
use crate::codec::from_json;
use crate::error::{Error, Result};
use crate::establishment::Establishment;
use crate::i18n::Locale;
use crate::link::{Keyring, KeyringConfig, LinkPurpose, LinkRequest, LinkState};
use crate::mail::{CompiledMail, MailContext, MailTemplate, PreparedContext};
use crate::pdf::{FileBytes, LabelRequest, LabelSheet, Printer};
use crate::pricing::{self, Catalogue, PriceRequest};
use crate::quote::Quote;
use crate::register::{Register, RegisterColumn, RegisterEntry, RegisterQuery, RegisterSource};
use crate::sheet::SheetOptions;

/// A value held parsed by a binding, and the operations it serves.
pub trait Held: Sized {
    /// Reads it from its JSON form, checked.
    fn parse(json: &str) -> Result<Self>;
    /// Runs `op` with `input`: the operation's arguments less the held value.
    fn run(&self, op: &str, input: &str) -> Result<Returned>;
}

/// Parses a value to hold; a bad one answers its error envelope.
///
/// ```
/// use hospes::link::Keyring;
/// let key = hospes::link::generate_key().unwrap();
/// let ring: Keyring = hospes::wire::hold(&format!(r#"{{"active_key":"{key}"}}"#)).unwrap();
/// assert!(ring.active_key_id().starts_with("k4.lid."));
/// let err = hospes::wire::hold::<Keyring>(r#"{"active_key":"k4.local.short"}"#).unwrap_err();
/// assert!(err.contains("link.key_invalid"));
/// ```
pub fn hold<H: Held>(json: &str) -> std::result::Result<H, String> {
    H::parse(json).map_err(|err| error_envelope(&err).to_string())
}

/// Runs `op` with a held value; never panics, answers the envelope of [`call`](super::call).
///
/// ```
/// let key = hospes::link::generate_key().unwrap();
/// let ring: hospes::link::Keyring = hospes::wire::hold(&format!(r#"{{"active_key":"{key}"}}"#)).unwrap();
/// let out = hospes::wire::call_held(&ring, "link.verify", r#"{"establishment":{"id":"x","name":"x","currency":"EUR","time_zone":"Europe/Paris","portal_base_url":"https://x.fr/"},"token":"v4.local.x","purpose":"portal","state":{"kind":"link_version","link_version":0},"now":"2026-06-01T10:00:00Z"}"#);
/// assert!(out.contains(r#""code":"link.invalid""#));
/// ```
pub fn call_held<H: Held>(held: &H, op: &str, input: &str) -> String {
    call_held_for_file(held, op, input).into_envelope()
}

/// Runs `op` with a held value like [`call_held`], except that an operation returning a file
/// answers with its bytes, as [`call_for_file`](super::call_for_file) does.
///
/// ```
/// use hospes::wire::{call_held_for_file, hold, Answer, HeldRegister};
/// let register: HeldRegister = hold(r#"{"config": {"currency": "EUR", "time_zone": "Europe/Paris"}, "entries": [
///   {"client": {"id": "C-1", "last_name": "Dupont", "address": {"lines": ["3 rue des Lilas"], "postcode": "69003", "city": "Lyon", "country": "FR"}, "created_at": "2026-01-15T09:30:00Z"}}]}"#).unwrap();
/// let args = r#"{"query": {"present_only": false}, "now": "2026-06-01T10:00:00Z", "sheet": "a4_3x8", "sender_country": "FR", "locale": "fr", "skip": 0}"#;
/// let Answer::File(pdf) = call_held_for_file(&register, "register.labels", args) else { panic!("no PDF") };
/// assert!(pdf.starts_with(b"%PDF"));
/// ```
pub fn call_held_for_file<H: Held>(held: &H, op: &str, input: &str) -> Answer {
    let outcome = catch_unwind(AssertUnwindSafe(|| held.run(op, input)?.into_answer()));
    settle(op, outcome).unwrap_or_else(Answer::Envelope)
}

/// Runs `op` with a held value like [`call_held`], and hands back what it
/// returned, for the binding to build; an error is the envelope `call_held` answers. Never panics.
///
/// ```
/// use hospes::wire::{Returned, call_held_returned, hold};
/// let ring: hospes::link::Keyring = hold(&format!(r#"{{"active_key":"{}"}}"#, hospes::link::generate_key().unwrap())).unwrap();
/// let Err(envelope) = call_held_returned(&ring, "link.verify", "{}") else { panic!("verified nothing") };
/// assert!(envelope.contains(r#""code":"input.invalid""#));
/// ```
pub fn call_held_returned<H: Held>(
    held: &H,
    op: &str,
    input: &str,
) -> std::result::Result<Returned, String> {
    let outcome = catch_unwind(AssertUnwindSafe(|| held.run(op, input)));
    settle(op, outcome)
}

fn unknown(op: &str) -> Error {
    Error::OperationUnknown {
        op: op.chars().take(100).collect(),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IssueLink {
    establishment: Establishment,
    request: LinkRequest,
    now: DateTime<Utc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VerifyLink {
    establishment: Establishment,
    token: String,
    purpose: LinkPurpose,
    /// Absent or `null` when the host has nothing the token could be bound to.
    #[serde(default)]
    state: Option<LinkState>,
    now: DateTime<Utc>,
}

/// `link.issue` and `link.verify`.
impl Held for Keyring {
    fn parse(json: &str) -> Result<Self> {
        Keyring::new(&from_json::<KeyringConfig>(json)?)
    }

    fn run(&self, op: &str, input: &str) -> Result<Returned> {
        match op {
            "link.issue" => {
                let a: IssueLink = from_json(input)?;
                returned(self.issue(&a.establishment, &a.request, a.now)?)
            }
            "link.verify" => {
                let a: VerifyLink = from_json(input)?;
                returned(self.verify(
                    &a.establishment,
                    &a.token,
                    a.purpose,
                    a.state.as_ref(),
                    a.now,
                )?)
            }
            _ => Err(unknown(op)),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PriceStay {
    request: PriceRequest,
    now: DateTime<Utc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PriceGrid {
    request: pricing::GridRequest,
    now: DateTime<Utc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CreateQuote {
    number: String,
    client_id: String,
    stay_reference: String,
    request: PriceRequest,
    now: DateTime<Utc>,
    valid_until: DateTime<Utc>,
}

/// `pricing.price`, `pricing.grid` and `quote.create`; a held catalogue is checked once, when parsed.
impl Held for Catalogue {
    fn parse(json: &str) -> Result<Self> {
        let catalogue = from_json::<Catalogue>(json)?;
        pricing::check_catalogue(&catalogue)?;
        Ok(catalogue)
    }

    fn run(&self, op: &str, input: &str) -> Result<Returned> {
        match op {
            "pricing.price" => {
                let a: PriceStay = from_json(input)?;
                returned(pricing::price(self, &a.request, a.now)?)
            }
            "pricing.grid" => {
                let a: PriceGrid = from_json(input)?;
                returned(pricing::grid(self, &a.request, a.now)?)
            }
            "quote.create" => {
                let a: CreateQuote = from_json(input)?;
                returned(Quote::create(
                    &a.number,
                    &a.client_id,
                    &a.stay_reference,
                    self,
                    a.request,
                    a.now,
                    a.valid_until,
                )?)
            }
            _ => Err(unknown(op)),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RenderMail {
    context: MailContext,
}

/// `mail.render` and `mail.check`; a held template is checked and compiled once, when parsed.
impl Held for CompiledMail {
    fn parse(json: &str) -> Result<Self> {
        CompiledMail::compile(&from_json::<MailTemplate>(json)?)
    }

    fn run(&self, op: &str, input: &str) -> Result<Returned> {
        match op {
            "mail.render" => {
                let a: RenderMail = from_json(input)?;
                returned(self.render(&a.context)?)
            }
            "mail.check" => returned(self.summary()),
            _ => Err(unknown(op)),
        }
    }
}

/// A mail's context (establishment, client, stay, amounts, links) held by a binding, parsed and
/// checked once: rendered with [`render_held`] by any number of templates, as `mail.render`
/// renders it. It serves no operation by name.
impl Held for PreparedContext {
    fn parse(json: &str) -> Result<Self> {
        PreparedContext::new(from_json::<MailContext>(json)?)
    }

    fn run(&self, op: &str, _: &str) -> Result<Returned> {
        Err(unknown(op))
    }
}

/// Renders a held template for a held context: what `mail.render` answers with that template
/// and that context, without reading the context again; an error is its envelope. Never panics.
///
/// ```
/// use hospes::mail::{CompiledMail, PreparedContext};
/// use hospes::wire::{Returned, hold, render_held};
/// let data: serde_json::Value = serde_json::from_str(include_str!("../../tests/data/mail.json")).unwrap();
/// let mail: CompiledMail = hold(&data["template"].to_string()).unwrap();
/// let context: PreparedContext = hold(&data["context"].to_string()).unwrap();
/// let Ok(Returned::Value(rendered)) = render_held(&mail, &context) else { panic!("no mail") };
/// let by_name = hospes::wire::call_held(&mail, "mail.render", &format!(r#"{{"context": {}}}"#, data["context"]));
/// assert_eq!(rendered.envelope(), by_name);
/// ```
pub fn render_held(
    mail: &CompiledMail,
    context: &PreparedContext,
) -> std::result::Result<Returned, String> {
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        returned(mail.render_prepared(context)?)
    }));
    settle("mail.render", outcome)
}

/// The client register held by a binding: many searches at once, one change at a time (a
/// read-write lock), so that a host's threads share one register.
#[derive(Debug)]
pub struct HeldRegister(RwLock<Register>);

impl HeldRegister {
    /// A held register.
    ///
    /// ```
    /// let held = hospes::wire::HeldRegister::new(hospes::register::Register::new(Default::default()));
    /// assert_eq!(held.read().len(), 0);
    /// ```
    pub fn new(register: Register) -> HeldRegister {
        HeldRegister(RwLock::new(register))
    }

    /// The register, for reading — tidied first if many clients changed since it last was
    /// (see [`Register::wants_tidy`]). A change that failed half-way cannot have left it torn
    /// (a client is put in whole or not at all), so a poisoned lock is taken as it is.
    ///
    /// ```
    /// let held = hospes::wire::HeldRegister::new(hospes::register::Register::new(Default::default()));
    /// assert!(held.read().is_empty());
    /// ```
    pub fn read(&self) -> RwLockReadGuard<'_, Register> {
        let register = self.0.read().unwrap_or_else(PoisonError::into_inner);
        if !register.wants_tidy() {
            return register;
        }
        drop(register);
        {
            let mut register = self.write();
            if register.wants_tidy() {
                register.tidy();
            }
        }
        self.0.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// Streams the export of `query`'s clients (see [`Register::export`]) to the file at
    /// `path` (created, or truncated), through a buffer and synced; the number of rows written.
    /// A file that cannot be written is `export.write_failed`, naming the path.
    ///
    /// ```
    /// # use hospes::wire::HeldRegister;
    /// let held = HeldRegister::new(hospes::register::Register::new(Default::default()));
    /// let options = hospes::sheet::SheetOptions::csv(hospes::Locale::En);
    /// let err = held.export_to(&Default::default(), "2026-06-01T10:00:00Z".parse().unwrap(), &[], &options, "/no/such/dir/clients.csv").unwrap_err();
    /// assert_eq!(err.code(), "export.write_failed");
    /// ```
    pub fn export_to(
        &self,
        query: &RegisterQuery,
        now: DateTime<Utc>,
        columns: &[RegisterColumn],
        options: &SheetOptions,
        path: &str,
    ) -> Result<u64> {
        let failed = |err: std::io::Error| Error::ExportWriteFailed {
            detail: format!("{}: {err}", path.chars().take(200).collect::<String>()),
        };
        let register = self.read();
        let file = std::fs::File::create(path).map_err(failed)?;
        let writer = std::io::BufWriter::with_capacity(1 << 16, file);
        let (writer, rows) =
            register.export(query, register.today(now), columns, options, writer)?;
        let file = writer
            .into_inner()
            .map_err(|err| failed(err.into_error()))?;
        file.sync_all().map_err(failed)?;
        Ok(rows)
    }

    /// The register, for changing it (see [`read`](HeldRegister::read) on poisoning).
    ///
    /// ```
    /// let held = hospes::wire::HeldRegister::new(hospes::register::Register::new(Default::default()));
    /// assert!(!held.write().remove("C-1"));
    /// ```
    pub fn write(&self) -> std::sync::RwLockWriteGuard<'_, Register> {
        self.0.write().unwrap_or_else(PoisonError::into_inner)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Upsert {
    entries: Vec<RegisterEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Remove {
    client_ids: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Search {
    query: RegisterQuery,
    now: DateTime<Utc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Row {
    client_id: String,
    now: DateTime<Utc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Labels {
    query: RegisterQuery,
    now: DateTime<Utc>,
    sheet: LabelSheet,
    sender_country: Country,
    locale: Locale,
    skip: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Export {
    query: RegisterQuery,
    now: DateTime<Utc>,
    columns: Vec<RegisterColumn>,
    options: SheetOptions,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExportTo {
    query: RegisterQuery,
    now: DateTime<Utc>,
    columns: Vec<RegisterColumn>,
    options: SheetOptions,
    path: String,
}

/// `register.upsert`, `register.remove`, `register.search`, `register.row`,
/// `register.countries`, `register.labels`, `register.export`, `register.export_to`.
impl Held for HeldRegister {
    fn parse(json: &str) -> Result<Self> {
        Register::from_source(from_json::<RegisterSource>(json)?).map(HeldRegister::new)
    }

    fn run(&self, op: &str, input: &str) -> Result<Returned> {
        match op {
            "register.upsert" => {
                let a: Upsert = from_json(input)?;
                returned(self.write().upsert_all(a.entries)?)
            }
            "register.remove" => {
                let a: Remove = from_json(input)?;
                let mut register = self.write();
                returned(a.client_ids.iter().filter(|id| register.remove(id)).count() as u64)
            }
            "register.search" => {
                let a: Search = from_json(input)?;
                let register = self.read();
                returned(register.search(&a.query, register.today(a.now))?)
            }
            "register.row" => {
                let a: Row = from_json(input)?;
                let register = self.read();
                returned(register.row(&a.client_id, register.today(a.now))?)
            }
            "register.countries" => returned(self.read().countries()),
            "register.export" => {
                let a: Export = from_json(input)?;
                let register = self.read();
                let today = register.today(a.now);
                let (bytes, _) =
                    register.export(&a.query, today, &a.columns, &a.options, Vec::new())?;
                returned(FileBytes(bytes))
            }
            "register.export_to" => {
                let a: ExportTo = from_json(input)?;
                returned(self.export_to(&a.query, a.now, &a.columns, &a.options, &a.path)?)
            }
            "register.labels" => {
                let a: Labels = from_json(input)?;
                let labels = LabelRequest::for_register(
                    &self.read(),
                    &a.query,
                    a.now,
                    (a.sheet, a.sender_country, a.locale, a.skip),
                )?;
                returned(FileBytes(Printer::standard().labels(&labels)?))
            }
            _ => Err(unknown(op)),
        }
    }
}
