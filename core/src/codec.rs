//! How the canonical wire form reads values that serde alone would read too loosely. It sits
//! beneath every domain module: records use these helpers in their `serde` attributes.
//!
//! A calendar date is exactly `YYYY-MM-DD` with a year from 1900 to 2999: chrono alone reads
//! `26-07-11` as the year 26, which would move an invoice series to the first century.
//!
//! ```
//! use hospes::codec::parse_date;
//! assert_eq!(parse_date("2026-07-11").unwrap().to_string(), "2026-07-11");
//! assert_eq!(parse_date("26-07-11").unwrap_err().code(), "input.invalid");
//! assert!(parse_date("2026-02-30").is_err());
//! assert!(parse_date("1899-12-31").is_err());
//! ```

use std::cell::RefCell;

pub mod strict;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer};

use crate::error::{Error, Result};

thread_local! {
    /// The domain error behind the last failed string parse of the current decode, so that a
    /// bad currency deep in a record is reported as `money.currency_unknown`, not as a shape error.
    static PARSE_FAILURE: RefCell<Option<Error>> = const { RefCell::new(None) };
}

/// The domain error of the last failed string parse on this thread, taken (none after).
pub(crate) fn take_parse_failure() -> Option<Error> {
    PARSE_FAILURE.with(|slot| slot.borrow_mut().take())
}

/// Implements `Deserialize` for a string newtype through its checked constructor.
macro_rules! deserialize_from_str {
    ($ty:ty, $parse:expr) => {
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(
                d: D,
            ) -> std::result::Result<Self, D::Error> {
                crate::codec::parse_string(d, $parse)
            }
        }
    };
}
pub(crate) use deserialize_from_str;

/// Deserialises a string with `parse`, keeping the typed error for the wire to report.
pub(crate) fn parse_string<'de, D, T>(
    d: D,
    parse: impl FnOnce(&str) -> Result<T>,
) -> std::result::Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    let s = String::deserialize(d)?;
    parse(&s).map_err(|err| {
        let message = err.to_string();
        PARSE_FAILURE.with(|slot| *slot.borrow_mut() = Some(err));
        serde::de::Error::custom(message)
    })
}

/// First and last years a calendar date may have.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2999;

/// Reads a calendar date written exactly `YYYY-MM-DD`, its year from 1900 to 2999.
pub fn parse_date(text: &str) -> Result<NaiveDate> {
    let refuse = || Error::InputInvalid {
        detail: format!(
            "`{}` is not a date written YYYY-MM-DD with a year from {} to {}",
            text.chars().take(40).collect::<String>(),
            YEARS.start(),
            YEARS.end()
        ),
    };
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shaped {
        return Err(refuse());
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| refuse())?;
    if !YEARS.contains(&date.year()) {
        return Err(refuse());
    }
    Ok(date)
}

/// Reads a date field (`#[serde(deserialize_with = "crate::codec::date")]`).
pub fn date<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<NaiveDate, D::Error> {
    parse_string(d, parse_date)
}

/// One date read by [`date`], inside an option or a list.
#[derive(Deserialize)]
struct Date(#[serde(deserialize_with = "date")] NaiveDate);

/// Reads an optional date field; give it `#[serde(default)]` too, so a missing field is `None`.
pub fn date_option<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<NaiveDate>, D::Error> {
    Ok(Option::<Date>::deserialize(d)?.map(|Date(date)| date))
}

/// Reads a list of dates.
pub fn dates<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Vec<NaiveDate>, D::Error> {
    Ok(Vec::<Date>::deserialize(d)?
        .into_iter()
        .map(|Date(date)| date)
        .collect())
}

/// A calendar date on its own as an operation's argument, read by [`parse_date`].
///
/// ```
/// let d: hospes::codec::CalendarDate = serde_json::from_str(r#""2026-07-11""#).unwrap();
/// assert_eq!(d.0.to_string(), "2026-07-11");
/// assert!(serde_json::from_str::<hospes::codec::CalendarDate>(r#""26-07-11""#).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct CalendarDate(pub NaiveDate);

impl<'de> Deserialize<'de> for CalendarDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        date(d).map(CalendarDate)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for CalendarDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CalendarDate".into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "format": "date", "description": "A calendar date: \"2026-07-11\"." })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_four_digit_years_from_1900_to_2999_are_dates() {
        for bad in [
            "26-07-11",
            "+2026-07-11",
            "2026-7-11",
            "2026-07-1",
            " 2026-07-11",
            "2026-07-11 ",
            "3000-01-01",
            "0026-07-11",
            "2026/07/11",
            "２０２６-07-11",
            "2026-13-01",
            "",
        ] {
            assert!(parse_date(bad).is_err(), "{bad:?}");
        }
        for good in ["1900-01-01", "2026-02-28", "2028-02-29", "2999-12-31"] {
            assert_eq!(parse_date(good).unwrap().to_string(), good);
        }
    }
}
