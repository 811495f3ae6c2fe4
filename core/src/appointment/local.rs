//! Local date-times (the establishment's wall clock): reading them leniently, writing them in
//! messages, and turning them into instants across daylight-saving changes.

use chrono::{DateTime, NaiveDateTime, Offset, TimeDelta, TimeZone as _, Utc};
use serde::{Deserialize, Deserializer};

use crate::error::{Error, Result};
use crate::establishment::TimeZone;

/// Reads `YYYY-MM-DDTHH:MM` (what an HTML `datetime-local` field sends) or
/// `YYYY-MM-DDTHH:MM:SS` (what chrono, Python and most JSON libraries write).
///
/// ```
/// use hospes::appointment::parse_local;
/// assert_eq!(parse_local("2026-06-02T09:30").unwrap().to_string(), "2026-06-02 09:30:00");
/// assert_eq!(parse_local("2026-06-02T09:30:00").unwrap().to_string(), "2026-06-02 09:30:00");
/// assert_eq!(parse_local("2026-06-02 9h30").unwrap_err().code(), "input.invalid");
/// ```
pub fn parse_local(value: &str) -> Result<NaiveDateTime> {
    let value = value.trim();
    NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M")
        .or_else(|_| value.parse::<NaiveDateTime>())
        .map_err(|_| Error::InputInvalid {
            detail: format!(
                "`{}` is not a local date and time (YYYY-MM-DDTHH:MM)",
                value.chars().take(40).collect::<String>()
            ),
        })
}

/// Writes a local date-time to the minute (`2026-06-02T09:30`), with seconds only when there
/// are some: the form error messages name and the mobile bindings exchange.
///
/// ```
/// use hospes::appointment::{format_local, parse_local};
/// assert_eq!(format_local(parse_local("2026-06-02T09:30:00").unwrap()), "2026-06-02T09:30");
/// ```
pub fn format_local(value: NaiveDateTime) -> String {
    use chrono::Timelike;
    if value.second() == 0 && value.nanosecond() == 0 {
        value.format("%Y-%m-%dT%H:%M").to_string()
    } else {
        value.format("%Y-%m-%dT%H:%M:%S").to_string()
    }
}

/// A local date-time read by [`parse_local`], for serde.
struct Lenient(NaiveDateTime);

impl<'de> Deserialize<'de> for Lenient {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        crate::codec::parse_string(d, parse_local).map(Lenient)
    }
}

/// `deserialize_with` for a local date-time field.
pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<NaiveDateTime, D::Error> {
    Lenient::deserialize(d).map(|l| l.0)
}

/// `deserialize_with` for an optional local date-time field.
pub(crate) fn deserialize_opt<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<NaiveDateTime>, D::Error> {
    Option::<Lenient>::deserialize(d).map(|l| l.map(|l| l.0))
}

/// The instant a wall-clock time in `tz` names. Never panics across daylight-saving changes:
/// in the autumn overlap (a time that happens twice) the first occurrence is taken; in the
/// spring gap (a time that never happens) the time is read with the offset in force before the
/// gap, which lands just after it (02:30 on the day Paris springs forward is 03:30 CEST).
///
/// ```
/// use hospes::appointment::{instant, parse_local};
/// let paris: hospes::TimeZone = "Europe/Paris".parse().unwrap();
/// let at = |s: &str| instant(paris, parse_local(s).unwrap()).to_rfc3339();
/// assert_eq!(at("2026-06-02T09:30"), "2026-06-02T07:30:00+00:00");
/// assert_eq!(at("2026-03-29T02:30"), "2026-03-29T01:30:00+00:00"); // does not exist
/// assert_eq!(at("2026-10-25T02:30"), "2026-10-25T00:30:00+00:00"); // happens twice
/// ```
pub fn instant(tz: TimeZone, local: NaiveDateTime) -> DateTime<Utc> {
    let zone = tz.tz();
    if let Some(first) = zone.from_local_datetime(&local).earliest() {
        return first.with_timezone(&Utc);
    }
    // In a gap: the offset of the day before (no zone changes twice in a day).
    let before = local
        .checked_sub_signed(TimeDelta::days(1))
        .unwrap_or(local);
    let offset = zone
        .offset_from_utc_datetime(&before)
        .fix()
        .local_minus_utc();
    local
        .checked_sub_signed(TimeDelta::seconds(i64::from(offset)))
        .unwrap_or(local)
        .and_utc()
}

/// What the establishment's wall clock shows at `now`.
pub(crate) fn wall_clock(tz: TimeZone, now: DateTime<Utc>) -> NaiveDateTime {
    now.with_timezone(&tz.tz()).naive_local()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paris() -> TimeZone {
        "Europe/Paris".parse().unwrap()
    }

    #[test]
    fn the_extremes_of_the_calendar_do_not_panic() {
        for local in [NaiveDateTime::MIN, NaiveDateTime::MAX] {
            let _ = instant(paris(), local);
        }
    }

    #[test]
    fn a_gap_in_new_york_lands_after_it_too() {
        let ny: TimeZone = "America/New_York".parse().unwrap();
        let at = instant(ny, parse_local("2026-03-08T02:30").unwrap());
        assert_eq!(at.to_rfc3339(), "2026-03-08T07:30:00+00:00");
        assert_eq!(wall_clock(ny, at).to_string(), "2026-03-08 03:30:00");
    }

    #[test]
    fn a_local_time_with_seconds_is_written_with_them() {
        let t = parse_local("2026-06-02T09:30:15").unwrap();
        assert_eq!(format_local(t), "2026-06-02T09:30:15");
    }
}
