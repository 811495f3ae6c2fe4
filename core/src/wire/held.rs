//! Values a binding parses once and keeps — the link keyring, the price catalogue — with the
//! operations that take them: the same operations as [`call`](super::call), their arguments less
//! the held one, the same envelope. Hosts issue and verify many links with one keyring and price
//! many stays with one catalogue; parsing them once is what makes those calls cheap from Python,
//! Node and the JVM.

use std::panic::{AssertUnwindSafe, catch_unwind};

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::envelope::{error_envelope, ok_envelope, settle};
use crate::codec::from_json;
use crate::error::{Error, Result};
use crate::establishment::Establishment;
use crate::link::{Keyring, KeyringConfig, LinkPurpose, LinkRequest, LinkState};
use crate::mail::{CompiledMail, MailContext, MailTemplate};
use crate::pricing::{self, Catalogue, PriceRequest};
use crate::quote::Quote;

/// A value held parsed by a binding, and the operations it serves.
pub trait Held: Sized {
    /// Reads it from its JSON form, checked.
    fn parse(json: &str) -> Result<Self>;
    /// Runs `op` with `input`: the operation's arguments less the held value.
    fn run(&self, op: &str, input: &str) -> Result<String>;
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
    let outcome = catch_unwind(AssertUnwindSafe(|| held.run(op, input)));
    settle(op, outcome).unwrap_or_else(|error| error)
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
    state: LinkState,
    now: DateTime<Utc>,
}

/// `link.issue` and `link.verify`.
impl Held for Keyring {
    fn parse(json: &str) -> Result<Self> {
        Keyring::new(&from_json::<KeyringConfig>(json)?)
    }

    fn run(&self, op: &str, input: &str) -> Result<String> {
        match op {
            "link.issue" => {
                let a: IssueLink = from_json(input)?;
                ok_envelope(&self.issue(&a.establishment, &a.request, a.now)?)
            }
            "link.verify" => {
                let a: VerifyLink = from_json(input)?;
                ok_envelope(&self.verify(&a.establishment, &a.token, a.purpose, &a.state, a.now)?)
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
struct CreateQuote {
    number: String,
    client_id: String,
    stay_reference: String,
    request: PriceRequest,
    now: DateTime<Utc>,
    valid_until: DateTime<Utc>,
}

/// `pricing.price` and `quote.create`; a held catalogue is checked once, when parsed.
impl Held for Catalogue {
    fn parse(json: &str) -> Result<Self> {
        let catalogue = from_json::<Catalogue>(json)?;
        pricing::check_catalogue(&catalogue)?;
        Ok(catalogue)
    }

    fn run(&self, op: &str, input: &str) -> Result<String> {
        match op {
            "pricing.price" => {
                let a: PriceStay = from_json(input)?;
                ok_envelope(&pricing::price(self, &a.request, a.now)?)
            }
            "quote.create" => {
                let a: CreateQuote = from_json(input)?;
                ok_envelope(&Quote::create(
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

    fn run(&self, op: &str, input: &str) -> Result<String> {
        match op {
            "mail.render" => {
                let a: RenderMail = from_json(input)?;
                ok_envelope(&self.render(&a.context)?)
            }
            "mail.check" => ok_envelope(&self.summary()),
            _ => Err(unknown(op)),
        }
    }
}
