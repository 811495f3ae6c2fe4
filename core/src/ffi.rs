//! The Kotlin and Swift boundary (feature `uniffi`): the error type, and how the Kotlin and Swift bindings see decimals, dates and codes.
//!
//! Decimals, calendar dates and ISO codes cross as strings in their canonical wire form (the
//! Kotlin binding maps decimals to `java.math.BigDecimal` and dates to `java.time.LocalDate`,
//! see `bindings-mobile/uniffi.toml`); instants cross as timestamps (`java.time.Instant`, `Date`).
//! A string that does not parse is refused with the same message as on every other boundary.

use std::str::FromStr;
use std::time::SystemTime;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use rust_decimal::Decimal;

use std::collections::HashMap;

use crate::{Country, Currency, Error, Locale, TimeZone, VatRate};

uniffi::custom_type!(Decimal, String, {
    remote,
    try_lift: |s| Decimal::from_str_exact(s.trim()).map_err(|_| unreadable("decimal", &s).into()),
    lower: |d| d.to_string(),
});

uniffi::custom_type!(NaiveDate, String, {
    remote,
    try_lift: |s| crate::codec::parse_date(&s).map_err(lift_error),
    lower: |d| d.to_string(),
});

// A wall-clock date-time (appointments) crosses as `YYYY-MM-DDTHH:MM` (seconds only when some).
uniffi::custom_type!(NaiveDateTime, String, {
    remote,
    try_lift: |s| crate::appointment::parse_local(&s).map_err(lift_error),
    lower: |t| crate::appointment::format_local(t),
});

// A wall-clock time of day (opening hours) crosses as `HH:MM` (seconds only when some).
uniffi::custom_type!(NaiveTime, String, {
    remote,
    try_lift: |s| NaiveTime::from_str(s.trim()).map_err(|_| unreadable("time (HH:MM)", &s).into()),
    lower: |t| if chrono::Timelike::second(&t) == 0 { t.format("%H:%M").to_string() } else { t.format("%H:%M:%S").to_string() },
});

/// An instant in UTC; uniffi names custom types by a single identifier.
pub type Timestamp = DateTime<Utc>;

// An instant chrono cannot hold (`Instant.MAX`, `Date.distantFuture` beyond it) is refused, not
// a panic in the conversion.
uniffi::custom_type!(Timestamp, SystemTime, {
    remote,
    try_lift: |t| instant(t).ok_or_else(|| unreadable("instant", &format!("{t:?}")).into()),
    lower: |d| SystemTime::from(d),
});

/// `time` as a UTC instant, when chrono can hold it.
fn instant(time: SystemTime) -> Option<Timestamp> {
    match time.duration_since(SystemTime::UNIX_EPOCH) {
        Ok(after) => {
            let seconds = i64::try_from(after.as_secs()).ok()?;
            Timestamp::from_timestamp(seconds, after.subsec_nanos())
        }
        Err(before) => {
            let before = before.duration();
            let seconds = i64::try_from(before.as_secs()).ok()?;
            let (seconds, nanos) = match before.subsec_nanos() {
                0 => (seconds.checked_neg()?, 0),
                n => (seconds.checked_neg()?.checked_sub(1)?, 1_000_000_000 - n),
            };
            Timestamp::from_timestamp(seconds, nanos)
        }
    }
}

uniffi::custom_type!(Currency, String, {
    try_lift: |s| Currency::new(&s).map_err(lift_error),
    lower: |c| c.code().to_owned(),
});

uniffi::custom_type!(Country, String, {
    try_lift: |s| Country::new(&s).map_err(lift_error),
    lower: |c| c.code().to_owned(),
});

uniffi::custom_type!(VatRate, String, {
    try_lift: |s| VatRate::from_str(&s).map_err(lift_error),
    lower: |r| r.to_string(),
});

uniffi::custom_type!(TimeZone, String, {
    try_lift: |s| TimeZone::new(&s).map_err(lift_error),
    lower: |tz| tz.name().to_owned(),
});

/// The error seen by Kotlin (`HospesException`) and Swift (`HospesError`): one case per error
/// family, each with the stable `code`, the English `reason` and the message in every locale.
///
/// It lives here, beside the custom types, so that a value refused while lifting an argument
/// (an unknown currency, a malformed date) reaches the caller as this typed error too.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
#[non_exhaustive]
pub enum HospesError {
    /// `input.*`: a value could not be read.
    #[error("{code}: {reason}")]
    Input {
        /// Stable dotted code.
        code: String,
        /// English message.
        reason: String,
        /// Message per locale tag (`fr`, `en`, `es`).
        messages: HashMap<String, String>,
    },
    /// `money.*`: amounts, currencies, VAT rates.
    #[error("{code}: {reason}")]
    Money {
        /// Stable dotted code.
        code: String,
        /// English message.
        reason: String,
        /// Message per locale tag.
        messages: HashMap<String, String>,
    },
    /// `field.*`: a required field is empty or a text is too long.
    #[error("{code}: {reason}")]
    Field {
        /// Stable dotted code.
        code: String,
        /// English message.
        reason: String,
        /// Message per locale tag.
        messages: HashMap<String, String>,
    },
    /// `client.*`: a client record or guest update was refused.
    #[error("{code}: {reason}")]
    Client {
        /// Stable dotted code.
        code: String,
        /// English message.
        reason: String,
        /// Message per locale tag.
        messages: HashMap<String, String>,
    },
    /// `establishment.*`: settings refused.
    #[error("{code}: {reason}")]
    Establishment {
        /// Stable dotted code.
        code: String,
        /// English message.
        reason: String,
        /// Message per locale tag.
        messages: HashMap<String, String>,
    },
    /// `stay.*`: a stay was refused.
    #[error("{code}: {reason}")]
    Stay {
        /// Stable dotted code.
        code: String,
        /// English message.
        reason: String,
        /// Message per locale tag.
        messages: HashMap<String, String>,
    },
    /// `account.*`: login refused, password too short, too many attempts.
    #[error("{code}: {reason}")]
    Account {
        /// Stable dotted code.
        code: String,
        /// English message.
        reason: String,
        /// Message per locale tag.
        messages: HashMap<String, String>,
    },
    /// `portal.*`: a record that is not the guest's, answered as missing.
    #[error("{code}: {reason}")]
    Portal {
        /// Stable dotted code.
        code: String,
        /// English message.
        reason: String,
        /// Message per locale tag.
        messages: HashMap<String, String>,
    },
    /// `pricing.*`: a stay that cannot be priced or booked as asked.
    #[error("{code}: {reason}")]
    Pricing {
        /// Stable dotted code.
        code: String,
        /// English message.
        reason: String,
        /// Message per locale tag.
        messages: HashMap<String, String>,
    },
    /// `invoice.*`: invoice numbering and issuing.
    #[error("{code}: {reason}")]
    Invoice {
        /// Stable dotted code.
        code: String,
        /// English message.
        reason: String,
        /// Message per locale tag.
        messages: HashMap<String, String>,
    },
    /// `payment.*`: payments that cannot be recorded or requested.
    #[error("{code}: {reason}")]
    Payment {
        /// Stable dotted code.
        code: String,
        /// English message.
        reason: String,
        /// Message per locale tag.
        messages: HashMap<String, String>,
    },
    /// `contract.*`: contracts that cannot be drawn up or signed.
    #[error("{code}: {reason}")]
    Contract {
        /// Stable dotted code.
        code: String,
        /// English message.
        reason: String,
        /// Message per locale tag.
        messages: HashMap<String, String>,
    },
    /// `mail.*`: mail templates and their rendering.
    #[error("{code}: {reason}")]
    Mail {
        /// Stable dotted code.
        code: String,
        /// English message.
        reason: String,
        /// Message per locale tag.
        messages: HashMap<String, String>,
    },
    /// `booking.*`: editable booking fields and change requests.
    #[error("{code}: {reason}")]
    Booking {
        /// Stable dotted code.
        code: String,
        /// English message.
        reason: String,
        /// Message per locale tag.
        messages: HashMap<String, String>,
    },
    /// `appointment.*`: appointment requests.
    #[error("{code}: {reason}")]
    Appointment {
        /// Stable dotted code.
        code: String,
        /// English message.
        reason: String,
        /// Message per locale tag.
        messages: HashMap<String, String>,
    },
    /// `pdf.*`: documents that cannot be printed (a font or logo, labels, another client's quote).
    #[error("{code}: {reason}")]
    Pdf {
        /// Stable dotted code.
        code: String,
        /// English message.
        reason: String,
        /// Message per locale tag.
        messages: HashMap<String, String>,
    },
    /// `evidence.*`: signatures and the hash-linked event log.
    #[error("{code}: {reason}")]
    Evidence {
        /// Stable dotted code.
        code: String,
        /// English message.
        reason: String,
        /// Message per locale tag.
        messages: HashMap<String, String>,
    },
    /// `quote.*`: a quote that cannot be changed or accepted.
    #[error("{code}: {reason}")]
    Quote {
        /// Stable dotted code.
        code: String,
        /// English message.
        reason: String,
        /// Message per locale tag.
        messages: HashMap<String, String>,
    },
    /// `link.*`: a link token refused or a link that cannot be issued.
    #[error("{code}: {reason}")]
    Link {
        /// Stable dotted code.
        code: String,
        /// English message.
        reason: String,
        /// Message per locale tag.
        messages: HashMap<String, String>,
    },
    /// `internal.*`: a bug in hospes, reported instead of crashing.
    #[error("{code}: {reason}")]
    Internal {
        /// Stable dotted code.
        code: String,
        /// English message.
        reason: String,
        /// Message per locale tag.
        messages: HashMap<String, String>,
    },
}

impl From<Error> for HospesError {
    fn from(err: Error) -> Self {
        let code = err.code().to_owned();
        let reason = err.message(Locale::En);
        let messages = Locale::ALL
            .iter()
            .map(|l| (l.tag().to_owned(), err.message(*l)))
            .collect();
        match err.family() {
            "input" => HospesError::Input {
                code,
                reason,
                messages,
            },
            "money" => HospesError::Money {
                code,
                reason,
                messages,
            },
            "field" => HospesError::Field {
                code,
                reason,
                messages,
            },
            "client" => HospesError::Client {
                code,
                reason,
                messages,
            },
            "establishment" => HospesError::Establishment {
                code,
                reason,
                messages,
            },
            "stay" => HospesError::Stay {
                code,
                reason,
                messages,
            },
            "account" => HospesError::Account {
                code,
                reason,
                messages,
            },
            "portal" => HospesError::Portal {
                code,
                reason,
                messages,
            },
            "link" => HospesError::Link {
                code,
                reason,
                messages,
            },
            "pricing" => HospesError::Pricing {
                code,
                reason,
                messages,
            },
            "quote" => HospesError::Quote {
                code,
                reason,
                messages,
            },
            "invoice" => HospesError::Invoice {
                code,
                reason,
                messages,
            },
            "payment" => HospesError::Payment {
                code,
                reason,
                messages,
            },
            "contract" => HospesError::Contract {
                code,
                reason,
                messages,
            },
            "mail" => HospesError::Mail {
                code,
                reason,
                messages,
            },
            "booking" => HospesError::Booking {
                code,
                reason,
                messages,
            },
            "appointment" => HospesError::Appointment {
                code,
                reason,
                messages,
            },
            "pdf" => HospesError::Pdf {
                code,
                reason,
                messages,
            },
            "evidence" => HospesError::Evidence {
                code,
                reason,
                messages,
            },
            _ => HospesError::Internal {
                code,
                reason,
                messages,
            },
        }
    }
}

/// Turns a lifting failure into the typed error, keeping the domain error when there is one.
fn lift_error(err: Error) -> uniffi::deps::anyhow::Error {
    HospesError::from(err).into()
}

fn unreadable(what: &str, value: &str) -> HospesError {
    HospesError::from(Error::InputInvalid {
        detail: format!(
            "`{}` is not a valid {what}",
            value.chars().take(40).collect::<String>()
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_family_has_its_own_exception_class() {
        let samples = [
            Error::InputInvalid { detail: "x".into() },
            Error::AmountOverflow,
            Error::FieldRequired { field: "x".into() },
            Error::EmailInvalid { value: "x".into() },
            Error::SiretInvalid { value: "x".into() },
            Error::QuantityInvalid {
                label: "x".into(),
                value: "0".into(),
            },
            Error::LinkInvalid,
            Error::LoginFailed,
            Error::PortalNotFound {
                what: "stay".into(),
            },
            Error::AppointmentDayClosed {
                date: "2026-07-14".into(),
            },
        ];
        for err in samples {
            let family = err.family();
            let shown = format!("{:?}", HospesError::from(err));
            let variant = shown
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_lowercase();
            assert_eq!(variant, family, "{shown}");
        }
    }
}
