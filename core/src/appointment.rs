//! Appointment requests (« demander un nouveau rendez-vous », as a grooming salon's guest space
//! offers it): a guest asks from their space for one of their pets, a start, an optional end
//! and a comment; the request is checked against the business's [`AppointmentSchedule`] and the
//! pets on the client record; the business then confirms it, moves it or declines it, and the
//! guest may cancel it.
//!
//! Times are **local**: `start` and `end` are wall-clock date-times
//! ([`NaiveDateTime`](chrono::NaiveDateTime)) in the
//! establishment's [`TimeZone`], as the salon's agenda shows them; `now` is an instant, compared
//! to them through [`instant`] (which never panics across daylight-saving changes).
//!
//! Every operation takes the appointment as the host stored it and returns the new one with its
//! events, or a typed error; the host keeps the ids (hospes never invents one).
//!
//! | status | may become |
//! |---|---|
//! | `requested` | `confirmed` ([`confirm`]), `declined` ([`decline`]), `cancelled` ([`cancel`]); moved by [`reschedule`] |
//! | `confirmed` | `declined` (the business calls it off), `cancelled`; moved by [`reschedule`] |
//! | `declined`, `cancelled` | nothing: final |
//!
//! ```
//! # let data: serde_json::Value = serde_json::from_str(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/appointments.json"))).unwrap();
//! # let schedule: hospes::appointment::AppointmentSchedule = serde_json::from_value(data["schedule"].clone()).unwrap();
//! # let marie: hospes::Client = serde_json::from_value(data["client"].clone()).unwrap();
//! use hospes::appointment::{self, AppointmentRequest, AppointmentStatus};
//! use hospes::portal::{Portal, PortalAccess};
//! let portal = Portal::open(&PortalAccess { client_id: "C-1042".into(), purpose: None, subject: None }, marie).unwrap();
//! let paris = "Europe/Paris".parse().unwrap();
//! let now = "2026-06-01T08:00:00Z".parse().unwrap();
//! let req = AppointmentRequest {
//!     pet: "filou".into(), start: appointment::parse_local("2026-06-05T14:00").unwrap(),
//!     end: None, comment: Some("Toilettage complet".into()),
//! };
//! let asked = appointment::request(&portal, &schedule, paris, "RDV-502", req, now).unwrap();
//! assert_eq!(asked.appointment.pet, "Filou");
//! assert_eq!(appointment::format_local(asked.appointment.end), "2026-06-05T15:30");
//! assert_eq!(asked.events[0].kind(), "appointment_requested");
//!
//! let confirmed = appointment::confirm(&asked.appointment, paris, now).unwrap();
//! assert_eq!(confirmed.appointment.status, AppointmentStatus::Confirmed);
//! ```

mod change;
pub(crate) mod local;
mod record;
mod schedule;
pub(crate) mod status;

pub use change::{cancel, confirm, decline, reschedule};
pub use local::{format_local, instant, parse_local};
pub use record::{Appointment, AppointmentOutcome, AppointmentRequest, MAX_COMMENT};
pub use schedule::{AppointmentSchedule, OpeningHours, TimeInterval, free_slots};
pub use status::AppointmentStatus;

use chrono::{DateTime, Utc};

use crate::client::MAX_NAME;
use crate::error::{Error, Result};
use crate::establishment::TimeZone;
use crate::event::Event;
use crate::portal::Portal;
use crate::text;
use schedule::{Asker, check_period};

/// The guest asks for an appointment from their space.
///
/// The pet must be one of the portal client's pets (`appointment.pet_unknown` otherwise);
/// `end` defaults to the schedule's length; the comment is trimmed (`field.too_long` past
/// [`MAX_COMMENT`]). Then the period is checked, in this order: `appointment.period_invalid`
/// (end not after start), `appointment.in_past`, `appointment.too_soon` (within the minimum
/// notice), `appointment.too_far_ahead`, `appointment.day_closed` (a closed date, or a weekday
/// without hours), `appointment.outside_hours` (the whole appointment must fit inside one
/// opening interval of its day). A schedule that does not hold together is
/// `appointment.schedule_invalid`. Overlaps with other appointments are not checked: this is a
/// request, and the business confirms it or not ([`free_slots`] offers only free starts).
///
/// The appointments pages belong to the whole space: a link that opens one document (a quote,
/// an invoice) answers `portal.not_found`, like « Mes infos ».
///
/// ```
/// # let data: serde_json::Value = serde_json::from_str(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/appointments.json"))).unwrap();
/// # let schedule: hospes::appointment::AppointmentSchedule = serde_json::from_value(data["schedule"].clone()).unwrap();
/// # let marie: hospes::Client = serde_json::from_value(data["client"].clone()).unwrap();
/// # let portal = hospes::portal::Portal::open(&hospes::portal::PortalAccess { client_id: "C-1042".into(), purpose: None, subject: None }, marie).unwrap();
/// use hospes::appointment::{self, AppointmentRequest};
/// let now = "2026-06-01T08:00:00Z".parse().unwrap();
/// let req = AppointmentRequest { pet: "Rex".into(), start: appointment::parse_local("2026-06-05T14:00").unwrap(), end: None, comment: None };
/// let err = appointment::request(&portal, &schedule, "Europe/Paris".parse().unwrap(), "RDV-9", req, now).unwrap_err();
/// assert_eq!(err.code(), "appointment.pet_unknown");
/// ```
pub fn request(
    portal: &Portal,
    schedule: &AppointmentSchedule,
    tz: TimeZone,
    id: &str,
    req: AppointmentRequest,
    now: DateTime<Utc>,
) -> Result<AppointmentOutcome> {
    // The same gate as « Mes infos »: only a portal link or a login opens it.
    portal.personal_info()?;
    let client = portal.client();
    let id = text::required(id, "id", 100)?;
    let wanted = text::required(&req.pet, "pet", MAX_NAME)?;
    let pet = client
        .pets
        .iter()
        .find(|p| p.answers_to(&wanted))
        .ok_or_else(|| Error::AppointmentPetUnknown {
            pet: req.pet.trim().chars().take(MAX_NAME).collect(),
        })?
        .name
        .trim()
        .to_owned();
    let comment = text::optional_multiline(req.comment.as_deref(), "comment", MAX_COMMENT)?;
    schedule.check()?;
    let end = match req.end {
        Some(end) => end,
        None => schedule.default_end(req.start)?,
    };
    check_period(schedule, tz, req.start, end, now, Asker::Guest)?;
    let appointment = Appointment {
        id,
        client_id: client.id.clone(),
        pet,
        start: req.start,
        end,
        comment,
        status: AppointmentStatus::Requested,
        requested_at: now,
        decline_reason: None,
    };
    Ok(AppointmentOutcome {
        events: vec![Event::AppointmentRequested {
            occurred_at: now,
            client_id: appointment.client_id.clone(),
            appointment_id: appointment.id.clone(),
            pet: appointment.pet.clone(),
            start: appointment.start,
            end: appointment.end,
            comment: appointment.comment.clone(),
        }],
        appointment,
    })
}

/// The guest's appointments (« Mes rendez-vous »), past and upcoming, by start: `appointments`
/// may hold anyone's, only this guest's are returned. Same gate as [`request`].
///
/// ```
/// # let data: serde_json::Value = serde_json::from_str(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/appointments.json"))).unwrap();
/// # let marie: hospes::Client = serde_json::from_value(data["client"].clone()).unwrap();
/// # let a: hospes::appointment::Appointment = serde_json::from_value(data["requested"].clone()).unwrap();
/// # let portal = hospes::portal::Portal::open(&hospes::portal::PortalAccess { client_id: "C-1042".into(), purpose: None, subject: None }, marie).unwrap();
/// let mut someone_elses = a.clone();
/// someone_elses.client_id = "C-2077".into();
/// let mine = hospes::appointment::for_guest(&portal, &[someone_elses, a]).unwrap();
/// assert_eq!(mine.len(), 1);
/// ```
pub fn for_guest(portal: &Portal, appointments: &[Appointment]) -> Result<Vec<Appointment>> {
    portal.personal_info()?;
    let mut mine: Vec<Appointment> = appointments
        .iter()
        .filter(|a| a.client_id == portal.client().id)
        .cloned()
        .collect();
    mine.sort_by_key(|a| a.start);
    Ok(mine)
}

/// The salon of `tests/data/appointments.json`, for the unit tests.
#[cfg(test)]
pub(crate) mod fixture {
    use super::*;
    use crate::Client;
    use crate::link::LinkPurpose;
    use crate::portal::PortalAccess;

    fn data() -> serde_json::Value {
        serde_json::from_str(include_str!("../tests/data/appointments.json")).unwrap()
    }

    pub(crate) fn schedule() -> AppointmentSchedule {
        serde_json::from_value(data()["schedule"].clone()).unwrap()
    }

    pub(crate) fn marie() -> Client {
        serde_json::from_value(data()["client"].clone()).unwrap()
    }

    pub(crate) fn requested() -> Appointment {
        serde_json::from_value(data()["requested"].clone()).unwrap()
    }

    pub(crate) fn portal() -> Portal {
        Portal::open(&access(None, None), marie()).unwrap()
    }

    /// Marie's space opened from a link to one quote only.
    pub(crate) fn quote_link_portal() -> Portal {
        Portal::open(
            &access(Some(LinkPurpose::Quote), Some("DE-7".into())),
            marie(),
        )
        .unwrap()
    }

    fn access(purpose: Option<LinkPurpose>, subject: Option<String>) -> PortalAccess {
        PortalAccess {
            client_id: "C-1042".into(),
            purpose,
            subject,
        }
    }

    pub(crate) fn paris() -> TimeZone {
        "Europe/Paris".parse().unwrap()
    }

    /// Monday 1 June 2026, 10:00 in Paris.
    pub(crate) fn now() -> DateTime<Utc> {
        "2026-06-01T08:00:00Z".parse().unwrap()
    }

    pub(crate) fn t(s: &str) -> chrono::NaiveDateTime {
        parse_local(s).unwrap()
    }

    pub(crate) fn ask(pet: &str, start: &str, end: Option<&str>) -> AppointmentRequest {
        AppointmentRequest {
            pet: pet.into(),
            start: t(start),
            end: end.map(t),
            comment: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixture::*;
    use super::*;

    fn asked(req: AppointmentRequest) -> Result<AppointmentOutcome> {
        request(&portal(), &schedule(), paris(), "RDV-9", req, now())
    }

    #[test]
    fn the_pet_is_matched_ignoring_case_and_spaces_and_kept_as_on_the_record() {
        let out = asked(ask("  PRALINE ", "2026-06-05T14:00", None)).unwrap();
        assert_eq!(out.appointment.pet, "Praline");
        assert_eq!(out.appointment.end, t("2026-06-05T15:30"));
        assert_eq!(out.appointment.client_id, "C-1042");
        assert_eq!(out.appointment.requested_at, now());
    }

    #[test]
    fn a_blank_pet_is_required_and_a_long_comment_refused() {
        let blank = asked(ask("  ", "2026-06-05T14:00", None)).unwrap_err();
        assert_eq!(
            blank,
            Error::FieldRequired {
                field: "pet".into()
            }
        );
        let mut req = ask("Filou", "2026-06-05T14:00", None);
        req.comment = Some("a".repeat(MAX_COMMENT + 1));
        assert_eq!(asked(req).unwrap_err().code(), "field.too_long");
    }

    #[test]
    fn the_comment_is_trimmed_and_travels_with_the_event() {
        let mut req = ask("Filou", "2026-06-05T14:00", Some("2026-06-05T16:00"));
        req.comment = Some("  Coupe courte,\nattention aux oreilles. ".into());
        let out = asked(req).unwrap();
        let Some(Event::AppointmentRequested { comment, end, .. }) = out.events.first() else {
            panic!("{:?}", out.events);
        };
        assert_eq!(
            comment.as_deref(),
            Some("Coupe courte,\nattention aux oreilles.")
        );
        assert_eq!(*end, t("2026-06-05T16:00"));
    }

    #[test]
    fn an_unknown_pet_is_named_in_the_error() {
        assert_eq!(
            asked(ask(" Médor ", "2026-06-05T14:00", None)).unwrap_err(),
            Error::AppointmentPetUnknown {
                pet: "Médor".into()
            }
        );
    }

    #[test]
    fn a_link_to_one_quote_does_not_open_the_appointments() {
        let err = request(
            &quote_link_portal(),
            &schedule(),
            paris(),
            "RDV-9",
            ask("Filou", "2026-06-05T14:00", None),
            now(),
        )
        .unwrap_err();
        assert_eq!(err.code(), "portal.not_found");
        assert!(for_guest(&quote_link_portal(), &[requested()]).is_err());
    }

    #[test]
    fn a_broken_schedule_is_reported_before_the_hours() {
        let mut s = schedule();
        s.default_duration_minutes = 0;
        let err = request(
            &portal(),
            &s,
            paris(),
            "RDV-9",
            ask("Filou", "2026-06-05T14:00", None),
            now(),
        )
        .unwrap_err();
        assert_eq!(err.code(), "appointment.schedule_invalid");
    }

    #[test]
    fn a_request_reads_local_times_with_or_without_seconds() {
        let req: AppointmentRequest = serde_json::from_str(
            r#"{"pet": "Filou", "start": "2026-06-05T14:00:00", "end": "2026-06-05T15:00"}"#,
        )
        .unwrap();
        assert_eq!(req.end, Some(t("2026-06-05T15:00")));
        let bad = crate::codec::from_json::<AppointmentRequest>(
            r#"{"pet": "Filou", "start": "05/06/2026 14h"}"#,
        )
        .unwrap_err();
        assert_eq!(bad.code(), "input.invalid");
    }

    #[test]
    fn the_guests_list_is_theirs_by_start() {
        let mut later = requested();
        later.id = "RDV-600".into();
        later.start = t("2026-06-20T09:00");
        later.end = t("2026-06-20T10:30");
        let mut jeans = requested();
        jeans.client_id = "C-2077".into();
        let list = for_guest(&portal(), &[later, jeans, requested()]).unwrap();
        let ids: Vec<&str> = list.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["RDV-501", "RDV-600"]);
    }
}
