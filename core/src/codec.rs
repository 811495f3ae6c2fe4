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

mod date;
pub mod json;
pub(crate) mod parse;
pub mod strict;

pub use date::{CalendarDate, YEARS, date, date_option, dates, parse_date};
pub use json::{DecimalString, MAX_INPUT, from_json, to_json};
pub(crate) use parse::{deserialize_from_str, parse_string};
pub use strict::MAX_DEPTH;
