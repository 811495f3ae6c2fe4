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

use crate::error::ErrorFamily;
use crate::i18n::Locale;
use crate::{Country, Currency, Error, TimeZone, VatRate};

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

/// The error seen by Kotlin (`HospesException`) and Swift (`HospesError`): one shape for every
/// error, with the stable `code`, its `family`, the English `reason`, the message in every
/// locale and its named values as text (`fields`, see [`Error::fields`]).
///
/// It lives here, beside the custom types, so that a value refused while lifting an argument
/// (an unknown currency, a malformed date) reaches the caller as this typed error too.
///
/// ```
/// use hospes::error::ErrorFamily;
/// use hospes::ffi::HospesError;
/// let err = HospesError::from(hospes::Error::AmountOverflow);
/// let HospesError::Failed { code, family, reason, messages, fields } = err else { unreachable!() };
/// assert_eq!((code.as_str(), family), ("money.overflow", ErrorFamily::Money));
/// assert_eq!(reason, "Amount out of range.");
/// assert_eq!(messages["fr"], "Montant hors limites.");
/// assert!(fields.is_empty());
/// let HospesError::Failed { fields, .. } = HospesError::from(hospes::Error::FieldTooLong { field: "notes".into(), max: 2000 }) else { unreachable!() };
/// assert_eq!((fields["field"].as_str(), fields["max"].as_str()), ("notes", "2000"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
#[non_exhaustive]
pub enum HospesError {
    /// The operation failed: every error of hospes, whatever its family.
    #[error("{code}: {reason}")]
    Failed {
        /// Stable dotted code (`client.email_invalid`).
        code: String,
        /// The part of the code before the dot, as an enum (`ErrorFamily.CLIENT`).
        family: ErrorFamily,
        /// English message.
        reason: String,
        /// Message per locale tag (`fr`, `en`, `es`).
        messages: HashMap<String, String>,
        /// The error's named values ([`Error::fields`]) as text: a count in decimal digits, an
        /// absent optional value left out (`line`, `column` of `mail.tag_unknown`; `client_id`
        /// of `link.expired`). Never a secret.
        fields: HashMap<String, String>,
    },
}

impl From<Error> for HospesError {
    fn from(err: Error) -> Self {
        HospesError::Failed {
            code: err.code().to_owned(),
            family: err.family(),
            reason: err.message(Locale::En),
            messages: Locale::ALL
                .iter()
                .map(|l| (l.tag().to_owned(), err.message(*l)))
                .collect(),
            fields: err
                .fields()
                .into_iter()
                .filter_map(|(name, value)| match value {
                    serde_json::Value::String(text) => Some((name, text)),
                    serde_json::Value::Null => None,
                    other => Some((name, other.to_string())),
                })
                .collect(),
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
    fn every_error_crosses_with_its_code_family_and_messages() {
        for err in Error::samples() {
            let HospesError::Failed {
                code,
                family,
                reason,
                messages,
                fields,
            } = HospesError::from(err.clone());
            assert_eq!(
                fields.keys().collect::<std::collections::BTreeSet<_>>(),
                err.fields()
                    .iter()
                    .filter(|(_, v)| !v.is_null())
                    .map(|(k, _)| k)
                    .collect()
            );
            assert_eq!((code.as_str(), family), (err.code(), err.family()));
            assert_eq!(reason, err.message(Locale::En));
            for locale in Locale::ALL {
                assert_eq!(messages.get(locale.tag()), Some(&err.message(locale)));
            }
            assert_eq!(messages.len(), Locale::ALL.len());
        }
    }

    #[test]
    fn its_display_is_the_code_and_the_english_message() {
        let err = HospesError::from(Error::FieldLocked {
            field: "email".into(),
        });
        assert_eq!(
            err.to_string(),
            "client.field_locked: The field “email” cannot be changed by the guest."
        );
    }

    #[test]
    fn an_unreadable_value_is_an_input_error() {
        let HospesError::Failed { code, family, .. } = unreadable("decimal", "abc");
        assert_eq!(
            (code.as_str(), family),
            ("input.invalid", ErrorFamily::Input)
        );
    }
}
