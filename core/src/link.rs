//! Link tokens: the secret links of every e-mail (`[LIEN_ESPACE_CLI]`, `[LIEN_DEVIS]` …).
//!
//! A link token is a PASETO v4.local token (XChaCha20 + keyed BLAKE2b, through `pasetors`):
//! its claims are encrypted and authenticated, it always expires, and it is bound by the PASETO
//! *implicit assertion* — authenticated, never stored in the token — to its purpose, the
//! establishment, the client, the subject and a [`LinkState`] fingerprint. When that state
//! changes (a new link version, a signed quote, a paid invoice, a new password) every link bound
//! to the old state stops verifying, without any storage. The state is bound in its canonical
//! form ([`LinkState::canonical`]): values equal in value are equal (`417.920` and `417.92`,
//! an upper- and a lower-case hash), and any change of value kills the link. The exact format
//! is in `docs/links.md`.
//!
//! Verifying is two steps, because the state lives in the host's records:
//! [`inspect`] reads the (untrusted, but authenticated once verified) footer to learn which
//! client and subject to load, then [`Keyring::verify`] checks everything against the state
//! the host has now.

use std::borrow::Cow;
use std::fmt;

use chrono::{DateTime, Duration, Utc};
use pasetors::Local;
use pasetors::keys::{Generate, SymmetricKey};
use pasetors::paserk::{FormatAsPaserk, Id};
use pasetors::token::UntrustedToken;
use pasetors::version4::{LocalToken, V4};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::establishment::Establishment;
use crate::money::Money;
use crate::random;

/// Longest token accepted: anything longer is refused before any decoding or cryptography.
pub const MAX_TOKEN_LEN: usize = 1024;
/// Longest validity of a link: 400 days (a yearly resident's contract link and some margin).
pub const MAX_VALIDITY_DAYS: i64 = 400;
/// Clock skew allowed between the issuing and the verifying host, by default.
pub const DEFAULT_SKEW_SECONDS: u32 = 60;

const HEADER: &str = "v4.local.";
const ASSERTION_DOMAIN: &str = "hospes/v1";

/// What a link opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum LinkPurpose {
    /// The whole client space (`[LIEN_ESPACE_CLI]`).
    Portal,
    /// One quote, to read and sign (`[LIEN_DEVIS]`).
    Quote,
    /// One contract, to read and sign (`[LIEN_CONTRAT]`).
    Contract,
    /// One invoice, to read and download (`[LIEN_FACTURE]`).
    Invoice,
    /// Paying the deposit of an invoice (`[LIEN_PAIEMENT_ACOMPTE]`).
    DepositPayment,
    /// Paying the balance of an invoice (`[LIEN_PAIEMENT_SOLDE]`).
    BalancePayment,
    /// Changing the editable fields of one booking.
    BookingEdit,
    /// Choosing a new portal password.
    PasswordReset,
    /// Confirming the e-mail address of a new portal account.
    AccountVerify,
}

impl LinkPurpose {
    /// The wire name (`deposit_payment`).
    ///
    /// ```
    /// assert_eq!(hospes::LinkPurpose::DepositPayment.name(), "deposit_payment");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            LinkPurpose::Portal => "portal",
            LinkPurpose::Quote => "quote",
            LinkPurpose::Contract => "contract",
            LinkPurpose::Invoice => "invoice",
            LinkPurpose::DepositPayment => "deposit_payment",
            LinkPurpose::BalancePayment => "balance_payment",
            LinkPurpose::BookingEdit => "booking_edit",
            LinkPurpose::PasswordReset => "password_reset",
            LinkPurpose::AccountVerify => "account_verify",
        }
    }

    /// The path of the portal page it opens, relative to the portal base URL.
    ///
    /// ```
    /// assert_eq!(hospes::LinkPurpose::Quote.path(), "quote");
    /// ```
    pub fn path(self) -> &'static str {
        match self {
            LinkPurpose::Portal => "",
            LinkPurpose::Quote => "quote",
            LinkPurpose::Contract => "contract",
            LinkPurpose::Invoice => "invoice",
            LinkPurpose::DepositPayment => "pay/deposit",
            LinkPurpose::BalancePayment => "pay/balance",
            LinkPurpose::BookingEdit => "booking",
            LinkPurpose::PasswordReset => "account/reset",
            LinkPurpose::AccountVerify => "account/verify",
        }
    }

    /// Whether the link is about one stay or document (`subject`), rather than the client.
    pub fn needs_subject(self) -> bool {
        !matches!(
            self,
            LinkPurpose::Portal | LinkPurpose::PasswordReset | LinkPurpose::AccountVerify
        )
    }

    fn accepts(self, state: &LinkState) -> bool {
        matches!(
            (self, state),
            (
                LinkPurpose::Portal | LinkPurpose::BookingEdit,
                LinkState::LinkVersion { .. }
            ) | (
                LinkPurpose::Quote | LinkPurpose::Contract | LinkPurpose::Invoice,
                LinkState::Document { .. }
            ) | (
                LinkPurpose::DepositPayment | LinkPurpose::BalancePayment,
                LinkState::AmountDue { .. }
            ) | (LinkPurpose::PasswordReset, LinkState::Password { .. })
                | (LinkPurpose::AccountVerify, LinkState::Email { .. })
        )
    }
}

/// The state a link is bound to; when its value changes, the link stops verifying. It is
/// compared by value, through [`LinkState::canonical`]: `417.920` and `417.92` are the same
/// amount due, an upper- and a lower-case hash the same hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum LinkState {
    /// Portal and booking links: the client's `link_version` (bump it to revoke them all).
    LinkVersion {
        /// The client's current link version.
        link_version: u32,
    },
    /// Quote, contract and invoice links: the exact document and where it stands.
    Document {
        /// SHA-256 of the document's bytes: 64 hexadecimal digits, either case.
        sha256: String,
        /// Its status (`sent`, `signed`, `issued` …): a quote link dies once the quote is signed.
        status: String,
    },
    /// Payment links: the invoice and the amount still due.
    AmountDue {
        /// The invoice number.
        invoice_number: String,
        /// What is due now; a payment changes it and so kills the link.
        amount_due: Money,
    },
    /// Password reset links: the current password hash (single use without storage).
    Password {
        /// The account's current password hash (PHC string), or empty when none is set.
        password_hash: String,
    },
    /// Account verification links: the e-mail address being confirmed.
    Email {
        /// The address.
        email: String,
    },
}

impl LinkState {
    /// The state in its canonical form, the one a link is bound to: two writings of the same
    /// value give the same form, and any change of value gives another.
    ///
    /// - an amount due is written at the currency's minor unit, or with more digits when it has
    ///   them (`417.920`, `417.92` → `417.92`; `449.5` → `449.50`; `0.125` stays; `-0` is `0.00`);
    /// - a document's SHA-256 is 64 lower-case hexadecimal digits (upper-case is read; anything
    ///   else is refused with `link.request_invalid`);
    /// - a status is its canonical name: trimmed, lower-case, words joined by `_`
    ///   (`Partly paid` → `partly_paid`);
    /// - an e-mail address is trimmed, its domain lower-cased (as `email::normalize` stores it).
    ///
    /// Link versions, invoice numbers and password hashes are compared exactly as they are.
    /// [`Keyring::issue`] and [`Keyring::verify`] bind links to this form, so a host may pass the
    /// state as it has it.
    ///
    /// ```
    /// use hospes::{LinkState, Money};
    /// let due = |amount: &str| LinkState::AmountDue {
    ///     invoice_number: "FA26070012".into(),
    ///     amount_due: Money::parse(amount, "EUR").unwrap(),
    /// };
    /// assert_eq!(due("417.920").canonical().unwrap(), due("417.92").canonical().unwrap());
    /// assert_ne!(due("417.921").canonical().unwrap(), due("417.92").canonical().unwrap());
    /// let document = |sha256: &str, status: &str| LinkState::Document { sha256: sha256.into(), status: status.into() };
    /// assert_eq!(
    ///     document(&"9F".repeat(32), " Partly paid ").canonical().unwrap(),
    ///     document(&"9f".repeat(32), "partly_paid"),
    /// );
    /// assert_eq!(document("not a hash", "sent").canonical().unwrap_err().code(), "link.request_invalid");
    /// ```
    pub fn canonical(&self) -> Result<LinkState> {
        Ok(match self {
            LinkState::LinkVersion { link_version } => LinkState::LinkVersion {
                link_version: *link_version,
            },
            LinkState::Document { sha256, status } => LinkState::Document {
                sha256: canonical_sha256(sha256)?,
                status: canonical_status(status),
            },
            LinkState::AmountDue {
                invoice_number,
                amount_due,
            } => LinkState::AmountDue {
                invoice_number: invoice_number.clone(),
                amount_due: canonical_amount(amount_due),
            },
            LinkState::Password { password_hash } => LinkState::Password {
                password_hash: password_hash.clone(),
            },
            LinkState::Email { email } => LinkState::Email {
                email: canonical_email(email),
            },
        })
    }
}

/// 64 hexadecimal digits, lower-cased; anything else is not a SHA-256.
fn canonical_sha256(sha256: &str) -> Result<String> {
    let hex = sha256.trim();
    if hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(hex.to_ascii_lowercase())
    } else {
        Err(Error::LinkRequestInvalid {
            detail: "a document state's sha256 must be 64 hexadecimal digits".into(),
        })
    }
}

/// A status name: trimmed, lower-case, runs of spaces, `-` and `_` as one `_`.
fn canonical_status(status: &str) -> String {
    status
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join("_")
}

/// The amount at the currency's minor unit, or at its own scale when it needs more digits;
/// trailing zeros beyond that and the sign of zero are not part of the value.
fn canonical_amount(money: &Money) -> Money {
    let mut amount = money.amount.normalize();
    let minor = money.currency.minor_units();
    if amount.scale() < minor {
        amount.rescale(minor);
    }
    Money::new(amount, money.currency)
}

/// Trimmed, the domain (after the last `@`) lower-cased.
fn canonical_email(email: &str) -> String {
    let email = email.trim();
    match email.rsplit_once('@') {
        Some((local, domain)) => format!("{local}@{}", domain.to_lowercase()),
        None => email.to_owned(),
    }
}

/// What the host asks for when it issues a link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LinkRequest {
    /// What the link opens.
    pub purpose: LinkPurpose,
    /// Whose link it is.
    pub client_id: String,
    /// The stay or document reference, for every purpose but portal, reset and verify.
    #[serde(default)]
    pub subject: Option<String>,
    /// The state the link is bound to.
    pub state: LinkState,
    /// When it stops working; at most [`MAX_VALIDITY_DAYS`] after `now`.
    pub expires_at: DateTime<Utc>,
}

/// A freshly issued link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct IssuedLink {
    /// The token (`v4.local.…`).
    pub token: String,
    /// The full URL to put in the e-mail.
    pub url: String,
    /// The token's unique id, for the host's audit log.
    pub token_id: String,
    /// When it stops working.
    pub expires_at: DateTime<Utc>,
}

/// What a token says about itself before it is verified: which records to load.
/// Nothing here is trusted until [`Keyring::verify`] succeeds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LinkHint {
    /// The client to load.
    pub client_id: String,
    /// The purpose the token claims.
    pub purpose: LinkPurpose,
    /// The stay or document to load, if any.
    pub subject: Option<String>,
}

/// The verified claims of a link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LinkClaims {
    /// Whose link it is.
    pub client_id: String,
    /// What it opens.
    pub purpose: LinkPurpose,
    /// The stay or document it opens, if any.
    pub subject: Option<String>,
    /// When it was issued.
    pub issued_at: DateTime<Utc>,
    /// When it stops working.
    pub expires_at: DateTime<Utc>,
    /// Its unique id.
    pub token_id: String,
}

/// The host's link keys, as it stores them: PASERK `k4.local.…` strings. Secrets: never log it.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct KeyringConfig {
    /// The key new links are issued with.
    pub active_key: String,
    /// Former keys, still accepted for verification during a rotation.
    #[serde(default)]
    pub verify_only_keys: Vec<String>,
    /// Clock skew allowed on `iat`/`nbf`, in seconds (default 60).
    #[serde(default = "default_skew")]
    pub clock_skew_seconds: u32,
}

fn default_skew() -> u32 {
    DEFAULT_SKEW_SECONDS
}

impl fmt::Debug for KeyringConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KeyringConfig")
            .field("active_key", &"<secret>")
            .field("verify_only_keys", &self.verify_only_keys.len())
            .field("clock_skew_seconds", &self.clock_skew_seconds)
            .finish()
    }
}

struct LinkKey {
    id: String,
    key: SymmetricKey<V4>,
}

impl LinkKey {
    fn parse(paserk: &str) -> Result<LinkKey> {
        let key = SymmetricKey::<V4>::try_from(paserk.trim()).map_err(|_| Error::LinkKeyInvalid)?;
        let mut id = String::new();
        Id::from(&key)
            .fmt(&mut id)
            .map_err(|_| Error::LinkKeyInvalid)?;
        Ok(LinkKey { id, key })
    }
}

/// Generates a new random link key, as a PASERK `k4.local.…` string for the host to store.
///
/// ```
/// let key = hospes::link::generate_key().unwrap();
/// assert!(key.starts_with("k4.local."));
/// ```
pub fn generate_key() -> Result<String> {
    let key = SymmetricKey::<V4>::generate().map_err(|_| random::unavailable())?;
    let mut paserk = String::new();
    key.fmt(&mut paserk).map_err(|_| Error::LinkKeyInvalid)?;
    Ok(paserk)
}

/// The keys, parsed once: one active key and the verify-only keys of a rotation.
pub struct Keyring {
    active: LinkKey,
    verify_only: Vec<LinkKey>,
    skew: Duration,
}

impl fmt::Debug for Keyring {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Keyring")
            .field("active", &self.active.id)
            .field(
                "verify_only",
                &self.verify_only.iter().map(|k| &k.id).collect::<Vec<_>>(),
            )
            .finish()
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Footer<'a> {
    #[serde(borrow)]
    kid: Cow<'a, str>,
    #[serde(borrow)]
    cid: Cow<'a, str>,
    pur: LinkPurpose,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    sub: Option<Cow<'a, str>>,
}

/// The encrypted claims. Client, purpose and subject are in the footer, which the tag
/// authenticates: they are not repeated here, to keep links short.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Payload {
    #[serde(deserialize_with = "instant::one")]
    iat: DateTime<Utc>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "instant::optional"
    )]
    nbf: Option<DateTime<Utc>>,
    #[serde(deserialize_with = "instant::one")]
    exp: DateTime<Utc>,
    jti: String,
}

/// Reading the payload's instants: RFC 3339, with a fast path for the form hospes writes.
mod instant {
    use chrono::{DateTime, NaiveDate, Utc};
    use serde::de::{Deserialize, Deserializer, Error};

    pub(super) fn one<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        parse(<&str>::deserialize(d)?).ok_or_else(|| D::Error::custom("not an RFC 3339 instant"))
    }

    pub(super) fn optional<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<DateTime<Utc>>, D::Error> {
        Option::<&str>::deserialize(d)?
            .map(|s| parse(s).ok_or_else(|| D::Error::custom("not an RFC 3339 instant")))
            .transpose()
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` read directly; any other RFC 3339 form through chrono.
    fn parse(s: &str) -> Option<DateTime<Utc>> {
        if let [
            y1,
            y2,
            y3,
            y4,
            b'-',
            m1,
            m2,
            b'-',
            d1,
            d2,
            b'T',
            h1,
            h2,
            b':',
            i1,
            i2,
            b':',
            s1,
            s2,
            b'Z',
        ] = *s.as_bytes()
        {
            let n = |digits: &[u8]| -> Option<u32> {
                digits.iter().try_fold(0u32, |n, &c| {
                    c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
                })
            };
            let year = i32::try_from(n(&[y1, y2, y3, y4])?).ok()?;
            return NaiveDate::from_ymd_opt(year, n(&[m1, m2])?, n(&[d1, d2])?)?
                .and_hms_opt(n(&[h1, h2])?, n(&[i1, i2])?, n(&[s1, s2])?)
                .map(|t| t.and_utc());
        }
        DateTime::parse_from_rfc3339(s).ok().map(|t| t.to_utc())
    }
}

impl Keyring {
    /// Parses the host's keys; a malformed key is refused with `link.key_invalid` (never echoed).
    ///
    /// ```
    /// use hospes::link::{generate_key, Keyring, KeyringConfig};
    /// let config = KeyringConfig { active_key: generate_key().unwrap(), verify_only_keys: vec![], clock_skew_seconds: 60 };
    /// assert!(Keyring::new(&config).is_ok());
    /// let bad = KeyringConfig { active_key: "k4.local.short".into(), ..config };
    /// assert_eq!(Keyring::new(&bad).unwrap_err().code(), "link.key_invalid");
    /// ```
    pub fn new(config: &KeyringConfig) -> Result<Keyring> {
        Ok(Keyring {
            active: LinkKey::parse(&config.active_key)?,
            verify_only: config
                .verify_only_keys
                .iter()
                .map(|k| LinkKey::parse(k))
                .collect::<Result<_>>()?,
            skew: Duration::seconds(i64::from(config.clock_skew_seconds.min(3600))),
        })
    }

    /// The PASERK id (`k4.lid.…`) of the active key, safe to log.
    pub fn active_key_id(&self) -> &str {
        &self.active.id
    }

    /// Issues a link token and its URL.
    ///
    /// ```
    /// use hospes::link::{generate_key, Keyring, KeyringConfig, LinkPurpose, LinkRequest, LinkState};
    /// # let establishment: hospes::Establishment = serde_json::from_str(r#"{"id":"camping-des-pins","name":"Camping des Pins","currency":"EUR","time_zone":"Europe/Paris","portal_base_url":"https://portail.camping-des-pins.fr/"}"#).unwrap();
    /// let ring = Keyring::new(&KeyringConfig { active_key: generate_key().unwrap(), verify_only_keys: vec![], clock_skew_seconds: 60 }).unwrap();
    /// let now = "2026-06-01T10:00:00Z".parse().unwrap();
    /// let request = LinkRequest {
    ///     purpose: LinkPurpose::Portal, client_id: "C-1042".into(), subject: None,
    ///     state: LinkState::LinkVersion { link_version: 0 },
    ///     expires_at: "2026-09-01T00:00:00Z".parse().unwrap(),
    /// };
    /// let link = ring.issue(&establishment, &request, now).unwrap();
    /// assert!(link.url.starts_with("https://portail.camping-des-pins.fr/?t=v4.local."));
    /// let claims = ring.verify(&establishment, &link.token, LinkPurpose::Portal, &request.state, now).unwrap();
    /// assert_eq!(claims.client_id, "C-1042");
    /// ```
    pub fn issue(
        &self,
        establishment: &Establishment,
        request: &LinkRequest,
        now: DateTime<Utc>,
    ) -> Result<IssuedLink> {
        check_request(request, now)?;
        let state = request.state.canonical()?;
        let token_id = random_id()?;
        let footer = Footer {
            kid: Cow::Borrowed(&self.active.id),
            cid: Cow::Borrowed(&request.client_id),
            pur: request.purpose,
            sub: request.subject.as_deref().map(Cow::Borrowed),
        };
        let payload = Payload {
            iat: now,
            nbf: None,
            exp: request.expires_at,
            jti: token_id.clone(),
        };
        let footer = to_vec(&footer)?;
        let assertion = assertion(
            request.purpose,
            &establishment.id,
            &request.client_id,
            request.subject.as_deref(),
            &state,
        )?;
        let token = LocalToken::encrypt(
            &self.active.key,
            &to_vec(&payload)?,
            Some(&footer),
            Some(&assertion),
        )
        .map_err(|_| Error::Internal {
            detail: "link encryption failed".into(),
        })?;
        if token.len() > MAX_TOKEN_LEN {
            return Err(Error::LinkRequestInvalid {
                detail: format!(
                    "the token would be longer than {MAX_TOKEN_LEN} bytes: shorten the ids"
                ),
            });
        }
        Ok(IssuedLink {
            url: url(establishment, request.purpose, &token)?,
            token,
            token_id,
            expires_at: request.expires_at,
        })
    }

    /// Verifies `token` for `purpose` against the state the host has now. Any tampering, another
    /// purpose, establishment, subject or state, an unknown key: `link.invalid`, always the same.
    /// A genuine token past its expiry: `link.expired`. The state is compared by value
    /// ([`LinkState::canonical`]): an amount due of `417.920` opens a link issued for `417.92`.
    pub fn verify(
        &self,
        establishment: &Establishment,
        token: &str,
        purpose: LinkPurpose,
        state: &LinkState,
        now: DateTime<Utc>,
    ) -> Result<LinkClaims> {
        if !purpose.accepts(state) {
            return Err(Error::LinkRequestInvalid {
                detail: format!(
                    "a {} link is not bound to this kind of state",
                    purpose.name()
                ),
            });
        }
        let state = state.canonical()?;
        let untrusted = open(token)?;
        let footer = read_footer(&untrusted)?;
        if footer.pur != purpose {
            return Err(Error::LinkInvalid);
        }
        let key = std::iter::once(&self.active)
            .chain(&self.verify_only)
            .find(|k| k.id == footer.kid)
            .ok_or(Error::LinkInvalid)?;
        let assertion = assertion(
            purpose,
            &establishment.id,
            &footer.cid,
            footer.sub.as_deref(),
            &state,
        )?;
        let trusted = LocalToken::decrypt(&key.key, &untrusted, None, Some(&assertion))
            .map_err(|_| Error::LinkInvalid)?;
        let payload: Payload =
            serde_json::from_str(trusted.payload()).map_err(|_| Error::LinkInvalid)?;
        if payload.iat > now + self.skew || payload.nbf.is_some_and(|nbf| nbf > now + self.skew) {
            return Err(Error::LinkInvalid);
        }
        if now >= payload.exp {
            return Err(Error::LinkExpired {
                expired_at: payload.exp.to_rfc3339(),
            });
        }
        Ok(LinkClaims {
            client_id: footer.cid.into_owned(),
            purpose: footer.pur,
            subject: footer.sub.map(Cow::into_owned),
            issued_at: payload.iat,
            expires_at: payload.exp,
            token_id: payload.jti,
        })
    }
}

/// Reads which client, purpose and subject a token names, without trusting it: the host loads
/// those records, computes their [`LinkState`] and calls [`Keyring::verify`].
///
/// ```
/// assert_eq!(hospes::link::inspect("v4.local.garbage").unwrap_err().code(), "link.invalid");
/// ```
pub fn inspect(token: &str) -> Result<LinkHint> {
    let untrusted = open(token)?;
    let footer = read_footer(&untrusted)?;
    Ok(LinkHint {
        client_id: footer.cid.into_owned(),
        purpose: footer.pur,
        subject: footer.sub.map(Cow::into_owned),
    })
}

/// The URL of a link: the portal base URL, the purpose's page, and the token as `t`. The base
/// URL must be one a guest may be sent to ([`web_url`](crate::establishment::web_url):
/// `https:`), and the token a well-formed link token, whose characters need no escaping in a
/// URL: anything else is refused, never pasted into the URL.
///
/// ```
/// # let e: hospes::Establishment = serde_json::from_str(r#"{"id":"x","name":"x","currency":"EUR","time_zone":"Europe/Paris","portal_base_url":"https://portail.x.fr/espace/"}"#).unwrap();
/// # let key = hospes::link::generate_key().unwrap();
/// # let ring = hospes::link::Keyring::new(&hospes::wire::from_json(&format!(r#"{{"active_key":"{key}"}}"#)).unwrap()).unwrap();
/// # let request = hospes::wire::from_json(r#"{"purpose":"portal","client_id":"C-1","state":{"kind":"link_version","link_version":0},"expires_at":"2026-08-01T00:00:00Z"}"#).unwrap();
/// # let token = ring.issue(&e, &request, "2026-06-01T00:00:00Z".parse().unwrap()).unwrap().token;
/// let url = hospes::link::url(&e, hospes::LinkPurpose::Portal, &token).unwrap();
/// assert_eq!(url, format!("https://portail.x.fr/espace/?t={token}"));
/// let pasted = hospes::link::url(&e, hospes::LinkPurpose::Portal, "v4.local.x&admin=1");
/// assert_eq!(pasted.unwrap_err().code(), "link.invalid");
/// ```
pub fn url(establishment: &Establishment, purpose: LinkPurpose, token: &str) -> Result<String> {
    let base = crate::establishment::web_url(&establishment.portal_base_url)?;
    open(token)?;
    let base = base.trim_end_matches('/');
    let path = purpose.path();
    Ok(if path.is_empty() {
        format!("{base}/?t={token}")
    } else {
        format!("{base}/{path}?t={token}")
    })
}

/// Parses a token's structure and footer, strictly: size, header, four parts, then pasetors'
/// constant-time decoder, which accepts canonical base64url only (URL-safe alphabet, no padding
/// or whitespace, unused trailing bits zero), so that no two strings are the same token.
fn open(token: &str) -> Result<UntrustedToken<Local, V4>> {
    if token.len() > MAX_TOKEN_LEN || !token.is_ascii() {
        return Err(Error::LinkInvalid);
    }
    let rest = token.strip_prefix(HEADER).ok_or(Error::LinkInvalid)?;
    match rest.split_once('.') {
        Some((body, footer)) if !body.is_empty() && !footer.is_empty() => {}
        _ => return Err(Error::LinkInvalid),
    }
    UntrustedToken::<Local, V4>::try_from(token).map_err(|_| Error::LinkInvalid)
}

/// The footer of a token, still untrusted until it decrypts.
fn read_footer(untrusted: &UntrustedToken<Local, V4>) -> Result<Footer<'_>> {
    serde_json::from_slice(untrusted.untrusted_footer()).map_err(|_| Error::LinkInvalid)
}

fn check_request(request: &LinkRequest, now: DateTime<Utc>) -> Result<()> {
    let invalid = |detail: String| Err(Error::LinkRequestInvalid { detail });
    if request.client_id.trim().is_empty() || request.client_id.len() > 100 {
        return invalid("client_id must be 1 to 100 bytes".into());
    }
    match (&request.subject, request.purpose.needs_subject()) {
        (None, true) => {
            return invalid(format!("a {} link needs a subject", request.purpose.name()));
        }
        (Some(_), false) => {
            return invalid(format!("a {} link has no subject", request.purpose.name()));
        }
        (Some(s), true) if s.trim().is_empty() || s.len() > 100 => {
            return invalid("subject must be 1 to 100 bytes".into());
        }
        _ => {}
    }
    if !request.purpose.accepts(&request.state) {
        return invalid(format!(
            "a {} link is not bound to this kind of state",
            request.purpose.name()
        ));
    }
    if request.expires_at <= now {
        return invalid("expires_at must be after now".into());
    }
    if request.expires_at > now + Duration::days(MAX_VALIDITY_DAYS) {
        return invalid(format!("a link is valid {MAX_VALIDITY_DAYS} days at most"));
    }
    Ok(())
}

/// The implicit assertion: a JSON array, unambiguous whatever the ids contain; `state` is
/// passed in its canonical form ([`LinkState::canonical`]).
fn assertion(
    purpose: LinkPurpose,
    establishment_id: &str,
    client_id: &str,
    subject: Option<&str>,
    state: &LinkState,
) -> Result<Vec<u8>> {
    to_vec(&(
        ASSERTION_DOMAIN,
        purpose,
        establishment_id,
        client_id,
        subject,
        state,
    ))
}

fn to_vec<T: Serialize>(value: &T) -> Result<Vec<u8>> {
    serde_json::to_vec(value).map_err(|e| Error::Internal {
        detail: e.to_string(),
    })
}

/// 128 random bits from the operating system, as 32 hex digits.
fn random_id() -> Result<String> {
    let mut bytes = [0u8; 16];
    random::fill(&mut bytes)?;
    Ok(crate::text::lower_hex(&bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn establishment() -> Establishment {
        serde_json::from_str(r#"{"id":"camping-des-pins","name":"Camping des Pins","currency":"EUR","time_zone":"Europe/Paris","portal_base_url":"https://portail.camping-des-pins.fr/"}"#).unwrap()
    }

    fn now() -> DateTime<Utc> {
        "2026-06-01T10:00:00Z".parse().unwrap()
    }

    /// A token with exactly this payload, properly encrypted under `ring`'s active key.
    fn crafted(ring: &Keyring, payload: &str) -> String {
        let footer = to_vec(&Footer {
            kid: Cow::Borrowed(&ring.active.id),
            cid: Cow::Borrowed("C-1"),
            pur: LinkPurpose::Portal,
            sub: None,
        })
        .unwrap();
        let state = LinkState::LinkVersion { link_version: 0 };
        let assertion =
            assertion(LinkPurpose::Portal, "camping-des-pins", "C-1", None, &state).unwrap();
        LocalToken::encrypt(
            &ring.active.key,
            payload.as_bytes(),
            Some(&footer),
            Some(&assertion),
        )
        .unwrap()
    }

    fn verify(ring: &Keyring, token: &str) -> Result<LinkClaims> {
        let state = LinkState::LinkVersion { link_version: 0 };
        ring.verify(&establishment(), token, LinkPurpose::Portal, &state, now())
    }

    fn ring() -> Keyring {
        Keyring::new(&KeyringConfig {
            active_key: generate_key().unwrap(),
            verify_only_keys: vec![],
            clock_skew_seconds: 60,
        })
        .unwrap()
    }

    #[test]
    fn a_genuine_token_without_exp_is_rejected() {
        let ring = ring();
        let token = crafted(
            &ring,
            r#"{"iat":"2026-06-01T10:00:00Z","nbf":"2026-06-01T10:00:00Z","jti":"x"}"#,
        );
        assert_eq!(verify(&ring, &token).unwrap_err(), Error::LinkInvalid);
    }

    #[test]
    fn an_overflowing_or_pre_1970_exp_is_rejected() {
        let ring = ring();
        for exp in [
            "+275760-09-14T00:00:00Z",
            "99999999999999999999",
            "1969-12-31T23:59:59Z",
        ] {
            let payload = format!(
                r#"{{"iat":"2026-06-01T10:00:00Z","nbf":"2026-06-01T10:00:00Z","exp":"{exp}","jti":"x"}}"#
            );
            let err = verify(&ring, &crafted(&ring, &payload)).unwrap_err();
            assert!(
                matches!(err, Error::LinkInvalid | Error::LinkExpired { .. }),
                "{exp}: {err:?}"
            );
        }
    }

    #[test]
    fn a_future_nbf_is_rejected() {
        let ring = ring();
        let token = crafted(
            &ring,
            r#"{"iat":"2026-06-01T10:00:00Z","nbf":"2026-06-02T10:00:00Z","exp":"2026-07-01T10:00:00Z","jti":"x"}"#,
        );
        assert_eq!(verify(&ring, &token).unwrap_err(), Error::LinkInvalid);
    }

    #[test]
    fn unknown_claims_are_rejected() {
        let ring = ring();
        let token = crafted(
            &ring,
            r#"{"iat":"2026-06-01T10:00:00Z","exp":"2026-07-01T10:00:00Z","jti":"x","admin":true}"#,
        );
        assert_eq!(verify(&ring, &token).unwrap_err(), Error::LinkInvalid);
    }

    #[test]
    fn deep_or_wide_json_in_the_payload_is_rejected_without_trouble() {
        let ring = ring();
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert_eq!(
            verify(&ring, &crafted(&ring, &deep)).unwrap_err(),
            Error::LinkInvalid
        );
    }

    #[test]
    fn a_crafted_token_with_valid_claims_verifies() {
        let ring = ring();
        let token = crafted(
            &ring,
            r#"{"iat":"2026-06-01T10:00:00Z","nbf":"2026-06-01T10:00:00Z","exp":"2026-07-01T10:00:00Z","jti":"x"}"#,
        );
        assert_eq!(verify(&ring, &token).unwrap().client_id, "C-1");
    }

    #[test]
    fn a_quote_link_needs_its_subject_and_a_document_state() {
        let ring = ring();
        let request = LinkRequest {
            purpose: LinkPurpose::Quote,
            client_id: "C-1".into(),
            subject: None,
            state: LinkState::LinkVersion { link_version: 0 },
            expires_at: now() + Duration::days(1),
        };
        assert_eq!(
            ring.issue(&establishment(), &request, now())
                .unwrap_err()
                .code(),
            "link.request_invalid"
        );
        let request = LinkRequest {
            subject: Some("Q-1".into()),
            ..request
        };
        assert_eq!(
            ring.issue(&establishment(), &request, now())
                .unwrap_err()
                .code(),
            "link.request_invalid"
        );
    }

    #[test]
    fn the_implicit_assertion_cannot_be_confused_by_separators_in_ids() {
        let state = LinkState::LinkVersion { link_version: 0 };
        let a = assertion(LinkPurpose::Portal, "a|b", "c", None, &state).unwrap();
        let b = assertion(LinkPurpose::Portal, "a", "b|c", None, &state).unwrap();
        assert_ne!(a, b);
    }

    #[test]
    fn payload_instants_read_the_same_on_the_fast_path_and_through_chrono() {
        let read = |s: &str| {
            serde_json::from_str::<Payload>(&format!(r#"{{"iat":"{s}","exp":"{s}","jti":"x"}}"#))
                .map(|p| p.exp)
                .ok()
        };
        for s in [
            "2026-06-01T10:00:00Z",
            "1970-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z",
        ] {
            assert_eq!(
                read(s),
                DateTime::parse_from_rfc3339(s).ok().map(|t| t.to_utc()),
                "{s}"
            );
        }
        assert_eq!(
            read("2026-06-01T12:00:00+02:00"),
            read("2026-06-01T10:00:00Z")
        );
        for bad in [
            "2026-02-30T10:00:00Z",
            "2026-06-01T24:00:00Z",
            "2026-0a-01T10:00:00Z",
            "",
            "tomorrow",
        ] {
            assert_eq!(read(bad), None, "{bad}");
        }
    }
}
