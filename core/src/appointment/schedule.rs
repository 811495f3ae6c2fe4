//! When the business takes appointments: weekly opening hours, closed dates, the default length,
//! and how early and how far ahead a guest may ask.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike, Utc};
use serde::{Deserialize, Serialize};

use super::local::{format_local, instant, wall_clock};
use super::record::Appointment;
use crate::calendar::Weekday;
use crate::error::{Error, Result};
use crate::establishment::TimeZone;

/// Minutes in a day: the longest appointment and slot step.
const DAY_MINUTES: u32 = 24 * 60;

/// One opening interval of a day, on the establishment's wall clock (`09:00`–`12:00`).
///
/// Both ends are in the same day: `closes` is after `opens`, and a salon open until midnight
/// writes `23:59`. An appointment fits the interval when it starts at or after `opens` and ends
/// at or before `closes`.
///
/// ```
/// use hospes::appointment::TimeInterval;
/// let morning: TimeInterval = serde_json::from_str(r#"{"opens": "09:00", "closes": "12:00"}"#).unwrap();
/// assert_eq!(morning.to_string(), "09:00–12:00");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TimeInterval {
    /// Opening time (`HH:MM`).
    pub opens: NaiveTime,
    /// Closing time (`HH:MM`), after `opens`.
    pub closes: NaiveTime,
}

impl std::fmt::Display for TimeInterval {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}–{}",
            self.opens.format("%H:%M"),
            self.closes.format("%H:%M")
        )
    }
}

/// The opening intervals of some days of the week (« du mardi au vendredi, 9 h–12 h et
/// 14 h–18 h 30 »). A day appears in at most one entry; a day in none is closed.
///
/// ```
/// use hospes::appointment::OpeningHours;
/// use hospes::calendar::Weekday;
/// let h: OpeningHours = serde_json::from_str(r#"{"days": ["tuesday", "friday"],
///     "intervals": [{"opens": "09:00", "closes": "12:00"}, {"opens": "14:00", "closes": "18:30"}]}"#).unwrap();
/// assert_eq!(h.days, [Weekday::Tuesday, Weekday::Friday]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct OpeningHours {
    /// The days these hours apply to.
    pub days: Vec<Weekday>,
    /// One or more intervals, not overlapping.
    pub intervals: Vec<TimeInterval>,
}

/// When appointments are taken, on the wall clock of the establishment's time zone.
///
/// The guest's requests must fit it entirely (see [`request`](super::request)); the business's
/// reschedules must fit the opening hours and closed dates only.
///
/// ```
/// use hospes::appointment::AppointmentSchedule;
/// let schedule: AppointmentSchedule = serde_json::from_str(r#"{
///   "weekly_hours": [{"days": ["tuesday"], "intervals": [{"opens": "09:00", "closes": "12:00"}]}],
///   "default_duration_minutes": 60
/// }"#).unwrap();
/// assert!(schedule.check().is_ok());
/// assert_eq!(schedule.slot_minutes, 30);
/// assert_eq!(schedule.minimum_notice_hours, 0);
/// assert_eq!(schedule.maximum_days_ahead, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AppointmentSchedule {
    /// Opening hours by day of the week; days not listed are closed.
    pub weekly_hours: Vec<OpeningHours>,
    /// Days closed although their weekday is open (public holidays, holidays).
    #[serde(default)]
    #[serde(deserialize_with = "crate::codec::dates")]
    pub closed_dates: Vec<NaiveDate>,
    /// Length of an appointment whose end the guest leaves blank, in minutes (1 to 1440).
    pub default_duration_minutes: u32,
    /// Step of the starts [`free_slots`](super::free_slots) offers, from each opening, in
    /// minutes (1 to 1440); 30 when absent.
    #[serde(default = "default_slot_minutes")]
    pub slot_minutes: u32,
    /// Hours a guest's request must leave before its start; 0 when absent.
    #[serde(default)]
    pub minimum_notice_hours: u32,
    /// How many days ahead (from today, on the establishment's calendar) a guest may ask; no
    /// limit when absent.
    #[serde(default)]
    pub maximum_days_ahead: Option<u32>,
}

fn default_slot_minutes() -> u32 {
    30
}

impl AppointmentSchedule {
    /// Checks the schedule holds together: lengths between 1 and 1440 minutes, each interval
    /// closing after it opens, a day in one entry at most, a day's intervals not overlapping.
    ///
    /// Errors: `appointment.schedule_invalid` saying what and where.
    ///
    /// ```
    /// use hospes::appointment::AppointmentSchedule;
    /// let reversed: AppointmentSchedule = serde_json::from_str(r#"{
    ///   "weekly_hours": [{"days": ["monday"], "intervals": [{"opens": "12:00", "closes": "09:00"}]}],
    ///   "default_duration_minutes": 60
    /// }"#).unwrap();
    /// assert_eq!(reversed.check().unwrap_err().code(), "appointment.schedule_invalid");
    /// ```
    pub fn check(&self) -> Result<()> {
        let invalid = |detail: String| Err(Error::AppointmentScheduleInvalid { detail });
        for (name, minutes) in [
            ("default_duration_minutes", self.default_duration_minutes),
            ("slot_minutes", self.slot_minutes),
        ] {
            if !(1..=DAY_MINUTES).contains(&minutes) {
                return invalid(format!("{name} is {minutes}, not between 1 and 1440"));
            }
        }
        let mut seen: Vec<Weekday> = Vec::new();
        for (i, hours) in self.weekly_hours.iter().enumerate() {
            if hours.intervals.is_empty() {
                return invalid(format!("weekly_hours[{i}] has no interval"));
            }
            for day in &hours.days {
                if seen.contains(day) {
                    let day = format!("{day:?}").to_lowercase();
                    return invalid(format!("weekly_hours[{i}] lists {day} again"));
                }
                seen.push(*day);
            }
            let mut sorted = hours.intervals.clone();
            sorted.sort_by_key(|t| t.opens);
            for t in &sorted {
                if t.closes <= t.opens {
                    return invalid(format!(
                        "weekly_hours[{i}]: {t} does not close after it opens"
                    ));
                }
            }
            for pair in sorted.windows(2) {
                if let [a, b] = pair
                    && b.opens < a.closes
                {
                    return invalid(format!("weekly_hours[{i}]: {a} overlaps {b}"));
                }
            }
        }
        Ok(())
    }

    /// The opening intervals of `date`, earliest first: none on a closed date or a weekday
    /// without hours.
    ///
    /// ```
    /// use hospes::appointment::AppointmentSchedule;
    /// let s: AppointmentSchedule = serde_json::from_str(r#"{"default_duration_minutes": 60,
    ///   "weekly_hours": [{"days": ["tuesday"], "intervals": [{"opens": "14:00", "closes": "18:30"}, {"opens": "09:00", "closes": "12:00"}]}],
    ///   "closed_dates": ["2026-07-14"]}"#).unwrap();
    /// let d = |s: &str| s.parse().unwrap();
    /// assert_eq!(s.hours_on(d("2026-06-02")).iter().map(|t| t.to_string()).collect::<Vec<_>>(), ["09:00–12:00", "14:00–18:30"]);
    /// assert!(s.hours_on(d("2026-06-01")).is_empty()); // a Monday
    /// assert!(s.hours_on(d("2026-07-14")).is_empty()); // Bastille Day, a Tuesday
    /// ```
    pub fn hours_on(&self, date: NaiveDate) -> Vec<TimeInterval> {
        if self.closed_dates.contains(&date) {
            return Vec::new();
        }
        let day = Weekday::of(date);
        let mut intervals: Vec<TimeInterval> = self
            .weekly_hours
            .iter()
            .filter(|h| h.days.contains(&day))
            .flat_map(|h| h.intervals.iter().copied())
            .collect();
        intervals.sort_by_key(|t| t.opens);
        intervals
    }

    /// The default end of an appointment starting at `start`.
    pub(crate) fn default_end(&self, start: NaiveDateTime) -> Result<NaiveDateTime> {
        start
            .checked_add_signed(TimeDelta::minutes(i64::from(self.default_duration_minutes)))
            .ok_or_else(|| Error::AppointmentPeriodInvalid {
                start: format_local(start),
                end: "?".into(),
            })
    }
}

/// Who is asking: the guest's requests follow every rule, the business's changes only the
/// calendar's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Asker {
    Guest,
    Business,
}

/// Checks `start`–`end` against the schedule, in this order: the end after the start, the start
/// not past, then for a guest the minimum notice and the days ahead, then the day open and the
/// whole interval inside one of its opening intervals.
pub(crate) fn check_period(
    schedule: &AppointmentSchedule,
    tz: TimeZone,
    start: NaiveDateTime,
    end: NaiveDateTime,
    now: DateTime<Utc>,
    asker: Asker,
) -> Result<()> {
    if end <= start {
        return Err(Error::AppointmentPeriodInvalid {
            start: format_local(start),
            end: format_local(end),
        });
    }
    let starts_at = instant(tz, start);
    if starts_at <= now {
        return Err(Error::AppointmentInPast {
            start: format_local(start),
        });
    }
    if asker == Asker::Guest {
        let notice = TimeDelta::hours(i64::from(schedule.minimum_notice_hours));
        if starts_at.signed_duration_since(now) < notice {
            return Err(Error::AppointmentTooSoon {
                start: format_local(start),
                notice_hours: schedule.minimum_notice_hours,
            });
        }
        if let Some(max_days) = schedule.maximum_days_ahead {
            let today = wall_clock(tz, now).date();
            if start.date().signed_duration_since(today).num_days() > i64::from(max_days) {
                return Err(Error::AppointmentTooFarAhead {
                    start: format_local(start),
                    max_days,
                });
            }
        }
    }
    let hours = schedule.hours_on(start.date());
    if hours.is_empty() {
        return Err(Error::AppointmentDayClosed {
            date: start.date().to_string(),
        });
    }
    let fits = end.date() == start.date()
        && hours
            .iter()
            .any(|t| t.opens <= start.time() && end.time() <= t.closes);
    if !fits {
        return Err(Error::AppointmentOutsideHours {
            start: format_local(start),
            end: format_local(end),
            hours: hours
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
    Ok(())
}

/// Minutes since midnight of a wall-clock time (seconds dropped).
pub(crate) fn minutes_of(t: NaiveTime) -> u32 {
    t.hour() * 60 + t.minute()
}

/// The wall-clock time `minutes` after midnight, if within the day.
pub(crate) fn time_at(minutes: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(minutes / 60, minutes % 60, 0)
}

/// The starts a guest could ask for on `day` for `duration_minutes` (the schedule's default
/// when `None`), earliest first: every `slot_minutes` from each opening, keeping those
/// [`request`](super::request) would accept now and that overlap no active (`requested` or `confirmed`)
/// appointment of `taken`. One appointment at a time: a salon with several tables passes each
/// table's appointments separately.
///
/// ```
/// # let data: serde_json::Value = serde_json::from_str(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/appointments.json"))).unwrap();
/// # let schedule: hospes::appointment::AppointmentSchedule = serde_json::from_value(data["schedule"].clone()).unwrap();
/// use hospes::appointment::{free_slots, format_local};
/// let paris = "Europe/Paris".parse().unwrap();
/// let now = "2026-06-01T08:00:00Z".parse().unwrap();
/// let saturday = free_slots(&schedule, paris, "2026-06-06".parse().unwrap(), Some(120), &[], now).unwrap();
/// let starts: Vec<String> = saturday.into_iter().map(format_local).collect();
/// assert_eq!(starts, ["2026-06-06T09:00", "2026-06-06T09:30", "2026-06-06T10:00", "2026-06-06T10:30", "2026-06-06T11:00"]);
/// ```
pub fn free_slots(
    schedule: &AppointmentSchedule,
    tz: TimeZone,
    day: NaiveDate,
    duration_minutes: Option<u32>,
    taken: &[Appointment],
    now: DateTime<Utc>,
) -> Result<Vec<NaiveDateTime>> {
    schedule.check()?;
    let duration = duration_minutes.unwrap_or(schedule.default_duration_minutes);
    let length = TimeDelta::minutes(i64::from(duration));
    let busy: Vec<(NaiveDateTime, NaiveDateTime)> = taken
        .iter()
        .filter(|a| a.status.is_active())
        .map(|a| (a.start, a.end))
        .collect();
    let mut slots = Vec::new();
    for interval in schedule.hours_on(day) {
        let closes = minutes_of(interval.closes);
        let mut minute = minutes_of(interval.opens);
        while minute.saturating_add(duration) <= closes {
            if let Some(start) = time_at(minute).map(|t| day.and_time(t))
                && let Some(end) = start.checked_add_signed(length)
                && busy.iter().all(|(s, e)| end <= *s || *e <= start)
                && check_period(schedule, tz, start, end, now, Asker::Guest).is_ok()
            {
                slots.push(start);
            }
            minute = minute.saturating_add(schedule.slot_minutes);
        }
    }
    Ok(slots)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn salon() -> AppointmentSchedule {
        serde_json::from_str(
            r#"{"weekly_hours": [{"days": ["tuesday", "saturday"],
                "intervals": [{"opens": "09:00", "closes": "12:00"}, {"opens": "14:00", "closes": "18:30"}]}],
                "closed_dates": ["2026-07-14"], "default_duration_minutes": 60,
                "minimum_notice_hours": 24, "maximum_days_ahead": 30}"#,
        )
        .unwrap()
    }

    fn paris() -> TimeZone {
        "Europe/Paris".parse().unwrap()
    }

    fn t(s: &str) -> NaiveDateTime {
        super::super::parse_local(s).unwrap()
    }

    fn now() -> DateTime<Utc> {
        "2026-06-01T08:00:00Z".parse().unwrap()
    }

    fn code(start: &str, end: &str, asker: Asker) -> &'static str {
        match check_period(&salon(), paris(), t(start), t(end), now(), asker) {
            Ok(()) => "ok",
            Err(e) => e.code(),
        }
    }

    #[test]
    fn each_rule_has_its_code() {
        use Asker::{Business, Guest};
        assert_eq!(
            code("2026-06-02T09:00", "2026-06-02T10:00", Guest),
            "appointment.too_soon"
        );
        assert_eq!(code("2026-06-02T09:00", "2026-06-02T10:00", Business), "ok");
        assert_eq!(
            code("2026-06-09T10:00", "2026-06-09T10:00", Guest),
            "appointment.period_invalid"
        );
        assert_eq!(
            code("2026-05-26T10:00", "2026-05-26T11:00", Business),
            "appointment.in_past"
        );
        assert_eq!(
            code("2026-07-07T10:00", "2026-07-07T11:00", Guest),
            "appointment.too_far_ahead"
        );
        assert_eq!(code("2026-07-07T10:00", "2026-07-07T11:00", Business), "ok");
        assert_eq!(
            code("2026-07-14T10:00", "2026-07-14T11:00", Business),
            "appointment.day_closed"
        );
        assert_eq!(
            code("2026-06-08T10:00", "2026-06-08T11:00", Guest),
            "appointment.day_closed"
        );
        assert_eq!(
            code("2026-06-09T11:30", "2026-06-09T14:30", Guest),
            "appointment.outside_hours"
        );
        assert_eq!(code("2026-06-09T17:30", "2026-06-09T18:30", Guest), "ok");
        assert_eq!(
            code("2026-06-09T17:30", "2026-06-10T09:30", Business),
            "appointment.outside_hours"
        );
    }

    #[test]
    fn outside_hours_names_the_days_hours() {
        let err = check_period(
            &salon(),
            paris(),
            t("2026-06-09T08:30"),
            t("2026-06-09T09:30"),
            now(),
            Asker::Guest,
        )
        .unwrap_err();
        assert_eq!(
            err,
            Error::AppointmentOutsideHours {
                start: "2026-06-09T08:30".into(),
                end: "2026-06-09T09:30".into(),
                hours: "09:00–12:00, 14:00–18:30".into(),
            }
        );
    }

    #[test]
    fn the_notice_counts_real_hours_across_a_clock_change() {
        // Paris springs forward on 2026-03-29: Saturday 10:00 to Sunday 10:00 is 23 hours.
        let mut s = salon();
        s.weekly_hours[0].days.push(Weekday::Sunday);
        let now: DateTime<Utc> = "2026-03-28T09:00:00Z".parse().unwrap(); // 10:00 CET
        let r = check_period(
            &s,
            paris(),
            t("2026-03-29T10:00"),
            t("2026-03-29T11:00"),
            now,
            Asker::Guest,
        );
        assert_eq!(r.unwrap_err().code(), "appointment.too_soon");
        let r = check_period(
            &s,
            paris(),
            t("2026-03-29T11:00"),
            t("2026-03-29T12:00"),
            now,
            Asker::Guest,
        );
        assert!(r.is_ok());
    }

    #[test]
    fn a_schedule_is_refused_with_what_is_wrong() {
        let mut s = salon();
        s.weekly_hours.push(OpeningHours {
            days: vec![Weekday::Tuesday],
            intervals: s.weekly_hours[0].intervals.clone(),
        });
        assert!(
            matches!(s.check(), Err(Error::AppointmentScheduleInvalid { detail }) if detail.contains("lists tuesday again"))
        );
        let mut s = salon();
        s.weekly_hours[0].intervals[1].opens = NaiveTime::from_hms_opt(11, 0, 0).unwrap();
        assert!(
            matches!(s.check(), Err(Error::AppointmentScheduleInvalid { detail }) if detail.contains("overlaps"))
        );
        let mut s = salon();
        s.default_duration_minutes = 0;
        assert!(s.check().is_err());
        let mut s = salon();
        s.weekly_hours[0].intervals.clear();
        assert!(s.check().is_err());
    }
}
