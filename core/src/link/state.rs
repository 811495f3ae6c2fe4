//! The state a link is bound to: when it changes (a document edited, an invoice paid), the
//! link stops working.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::money::Money;

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
    /// [`Keyring::issue`](super::Keyring::issue) and [`Keyring::verify`](super::Keyring::verify) bind links to this form, so a host may pass the
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
