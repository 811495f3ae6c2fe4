//! Events: what changed, returned by every state change for the host to store, audit and act on.
//!
//! Serialised with a `type` tag and an `occurred_at` instant:
//! `{"type": "client_info_updated", "occurred_at": "2026-06-01T12:00:00Z", "client_id": …}`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::client::FieldChange;
use crate::money::Money;

/// Something that happened, as the establishment receives it "in real time".
///
/// ```
/// use hospes::Event;
/// let e = Event::ClientInfoUpdated {
///     occurred_at: "2026-06-01T12:00:00Z".parse().unwrap(),
///     client_id: "C-1".into(),
///     changes: vec![],
/// };
/// assert_eq!(e.kind(), "client_info_updated");
/// let json = serde_json::to_value(&e).unwrap();
/// assert_eq!(json["type"], "client_info_updated");
/// assert_eq!(json["occurred_at"], "2026-06-01T12:00:00Z");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[non_exhaustive]
pub enum Event {
    /// The guest changed their details from the portal.
    ClientInfoUpdated {
        /// When.
        occurred_at: DateTime<Utc>,
        /// Whose record.
        client_id: String,
        /// What changed, field by field.
        changes: Vec<FieldChange>,
    },
    /// A portal account was created, waiting for its e-mail to be confirmed.
    AccountRegistered {
        /// When.
        occurred_at: DateTime<Utc>,
        /// Whose account.
        client_id: String,
    },
    /// The owner confirmed the account's e-mail address.
    AccountVerified {
        /// When.
        occurred_at: DateTime<Utc>,
        /// Whose account.
        client_id: String,
    },
    /// The guest added or removed participants of a stay from the portal.
    ParticipantsChanged {
        /// When.
        occurred_at: DateTime<Utc>,
        /// Whose stay.
        client_id: String,
        /// The stay.
        stay_reference: String,
        /// Full names added.
        added: Vec<String>,
        /// Full names removed.
        removed: Vec<String>,
    },
    /// The account's password was changed or reset.
    PasswordChanged {
        /// When.
        occurred_at: DateTime<Utc>,
        /// Whose account.
        client_id: String,
    },
    /// The guest changed a quote (who comes, a promo code): it was re-priced.
    QuoteChanged {
        /// When.
        occurred_at: DateTime<Utc>,
        /// Whose quote.
        client_id: String,
        /// The quote.
        quote_number: String,
        /// The document's hash before.
        previous_sha256: String,
        /// The document's hash now.
        document_sha256: String,
        /// The new total.
        total: Money,
    },
    /// The guest accepted and signed a quote: the exact document they accepted is named by its hash.
    QuoteAccepted {
        /// When.
        occurred_at: DateTime<Utc>,
        /// Whose quote.
        client_id: String,
        /// The quote.
        quote_number: String,
        /// Its stay.
        stay_reference: String,
        /// SHA-256 of the document accepted.
        document_sha256: String,
        /// The total accepted.
        total: Money,
    },
    /// A stay in « option » became a booking.
    StayConfirmed {
        /// When.
        occurred_at: DateTime<Utc>,
        /// Whose stay.
        client_id: String,
        /// The stay.
        stay_reference: String,
    },
}

impl Event {
    /// When it happened.
    ///
    /// ```
    /// let at = "2026-06-01T12:00:00Z".parse().unwrap();
    /// let e = hospes::Event::ClientInfoUpdated { occurred_at: at, client_id: "C-1".into(), changes: vec![] };
    /// assert_eq!(e.occurred_at(), at);
    /// ```
    pub fn occurred_at(&self) -> DateTime<Utc> {
        match self {
            Event::ClientInfoUpdated { occurred_at, .. }
            | Event::AccountRegistered { occurred_at, .. }
            | Event::AccountVerified { occurred_at, .. }
            | Event::ParticipantsChanged { occurred_at, .. }
            | Event::PasswordChanged { occurred_at, .. }
            | Event::QuoteChanged { occurred_at, .. }
            | Event::QuoteAccepted { occurred_at, .. }
            | Event::StayConfirmed { occurred_at, .. } => *occurred_at,
        }
    }

    /// The `type` tag (`client_info_updated`), stable like error codes.
    pub fn kind(&self) -> &'static str {
        match self {
            Event::ClientInfoUpdated { .. } => "client_info_updated",
            Event::AccountRegistered { .. } => "account_registered",
            Event::AccountVerified { .. } => "account_verified",
            Event::ParticipantsChanged { .. } => "participants_changed",
            Event::PasswordChanged { .. } => "password_changed",
            Event::QuoteChanged { .. } => "quote_changed",
            Event::QuoteAccepted { .. } => "quote_accepted",
            Event::StayConfirmed { .. } => "stay_confirmed",
        }
    }
}
