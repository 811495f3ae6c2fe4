//! Calendar dates exactly as the wire writes them: `YYYY-MM-DD`, a year from 1900 to 2999.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer};

use super::parse::parse_string;
use crate::error::{Error, Result};

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
