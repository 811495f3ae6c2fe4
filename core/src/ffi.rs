//! uniffi custom types: how the Kotlin and Swift bindings see decimals, dates and codes.
//!
//! Decimals, calendar dates and ISO codes cross as strings in their canonical wire form (the
//! Kotlin binding maps decimals to `java.math.BigDecimal` and dates to `java.time.LocalDate`,
//! see `bindings-mobile/uniffi.toml`); instants cross as timestamps (`java.time.Instant`, `Date`).
//! A string that does not parse is refused with the same message as on every other boundary.

use std::str::FromStr;
use std::time::SystemTime;

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;

use crate::{Country, Currency, TimeZone, VatRate};

uniffi::custom_type!(Decimal, String, {
    remote,
    try_lift: |s| Ok(Decimal::from_str_exact(s.trim())?),
    lower: |d| d.to_string(),
});

uniffi::custom_type!(NaiveDate, String, {
    remote,
    try_lift: |s| Ok(NaiveDate::from_str(s.trim())?),
    lower: |d| d.to_string(),
});

/// An instant in UTC; uniffi names custom types by a single identifier.
pub type Timestamp = DateTime<Utc>;

uniffi::custom_type!(Timestamp, SystemTime, {
    remote,
    try_lift: |t| Ok(Timestamp::from(t)),
    lower: |d| SystemTime::from(d),
});

uniffi::custom_type!(Currency, String, {
    try_lift: |s| Ok(Currency::new(&s)?),
    lower: |c| c.code().to_owned(),
});

uniffi::custom_type!(Country, String, {
    try_lift: |s| Ok(Country::new(&s)?),
    lower: |c| c.code().to_owned(),
});

uniffi::custom_type!(VatRate, String, {
    try_lift: |s| Ok(VatRate::from_str(&s)?),
    lower: |r| r.to_string(),
});

uniffi::custom_type!(TimeZone, String, {
    try_lift: |s| Ok(TimeZone::new(&s)?),
    lower: |tz| tz.name().to_owned(),
});
