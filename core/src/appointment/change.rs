//! The business's answers to a request (confirm, move, decline) and the guest's cancellation.

use chrono::{DateTime, NaiveDateTime, Utc};

use super::local::{format_local, instant};
use super::record::{Appointment, AppointmentOutcome, MAX_COMMENT};
use super::schedule::AppointmentSchedule;
use super::schedule::{Asker, check_period};
use super::status::AppointmentStatus;
use crate::error::{Error, Result};
use crate::establishment::TimeZone;
use crate::event::Event;
use crate::portal::Portal;
use crate::text;

/// The business confirms a request. Only a `requested` appointment whose start has not passed
/// can be (`appointment.transition_invalid` naming the status, `appointment.in_past`).
///
/// ```
/// # let data: serde_json::Value = serde_json::from_str(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/appointments.json"))).unwrap();
/// # let a: hospes::appointment::Appointment = serde_json::from_value(data["requested"].clone()).unwrap();
/// let now = "2026-06-01T08:00:00Z".parse().unwrap();
/// let paris = "Europe/Paris".parse().unwrap();
/// let once = hospes::appointment::confirm(&a, paris, now).unwrap();
/// let twice = hospes::appointment::confirm(&once.appointment, paris, now).unwrap_err();
/// assert_eq!(twice.code(), "appointment.transition_invalid");
/// ```
pub fn confirm(
    appointment: &Appointment,
    tz: TimeZone,
    now: DateTime<Utc>,
) -> Result<AppointmentOutcome> {
    allowed(appointment, "confirm", &[AppointmentStatus::Requested])?;
    not_started(appointment, tz, now)?;
    let mut updated = appointment.clone();
    updated.status = AppointmentStatus::Confirmed;
    Ok(AppointmentOutcome {
        events: vec![Event::AppointmentConfirmed {
            occurred_at: now,
            client_id: updated.client_id.clone(),
            appointment_id: updated.id.clone(),
            pet: updated.pet.clone(),
            start: updated.start,
            end: updated.end,
        }],
        appointment: updated,
    })
}

/// The business moves or changes an appointment (« la modifier ou la replanifier »): a new
/// start, and a new end (`None` keeps the appointment's length).
///
/// The business's own agenda, so the new period is checked against the calendar only: end after
/// start, not past, the day open, inside one opening interval — not the guest's minimum notice
/// nor the days-ahead limit. The status does not change: a moved request is still a request
/// (call [`confirm`] on the result to confirm it at the new time). Moving it to the very same
/// period changes nothing and returns no event. A declined or cancelled appointment cannot move
/// (`appointment.transition_invalid`), nor one that has started (`appointment.in_past`).
///
/// ```
/// # let data: serde_json::Value = serde_json::from_str(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/appointments.json"))).unwrap();
/// # let schedule: hospes::appointment::AppointmentSchedule = serde_json::from_value(data["schedule"].clone()).unwrap();
/// # let a: hospes::appointment::Appointment = serde_json::from_value(data["requested"].clone()).unwrap();
/// use hospes::appointment::{self, format_local, parse_local};
/// let now = "2026-06-01T08:00:00Z".parse().unwrap();
/// let moved = appointment::reschedule(&a, &schedule, "Europe/Paris".parse().unwrap(), parse_local("2026-06-02T14:00").unwrap(), None, now).unwrap();
/// assert_eq!(format_local(moved.appointment.end), "2026-06-02T15:30");
/// assert_eq!(moved.events[0].kind(), "appointment_rescheduled");
/// ```
pub fn reschedule(
    appointment: &Appointment,
    schedule: &AppointmentSchedule,
    tz: TimeZone,
    start: NaiveDateTime,
    end: Option<NaiveDateTime>,
    now: DateTime<Utc>,
) -> Result<AppointmentOutcome> {
    allowed(
        appointment,
        "reschedule",
        &[AppointmentStatus::Requested, AppointmentStatus::Confirmed],
    )?;
    not_started(appointment, tz, now)?;
    schedule.check()?;
    let end = match end {
        Some(end) => end,
        None => {
            let length = appointment.end.signed_duration_since(appointment.start);
            start
                .checked_add_signed(length)
                .ok_or_else(|| Error::AppointmentPeriodInvalid {
                    start: format_local(start),
                    end: "?".into(),
                })?
        }
    };
    check_period(schedule, tz, start, end, now, Asker::Business)?;
    if start == appointment.start && end == appointment.end {
        return Ok(AppointmentOutcome {
            appointment: appointment.clone(),
            events: Vec::new(),
        });
    }
    let mut updated = appointment.clone();
    updated.start = start;
    updated.end = end;
    Ok(AppointmentOutcome {
        events: vec![Event::AppointmentRescheduled {
            occurred_at: now,
            client_id: updated.client_id.clone(),
            appointment_id: updated.id.clone(),
            pet: updated.pet.clone(),
            previous_start: appointment.start,
            previous_end: appointment.end,
            start,
            end,
            status: updated.status,
        }],
        appointment: updated,
    })
}

/// The business refuses a request, or calls off a confirmed appointment, with an optional reason
/// for the guest (trimmed, at most [`MAX_COMMENT`] characters). A declined or cancelled
/// appointment cannot be (`appointment.transition_invalid`); a past one can, so that the agenda
/// can be cleaned up.
///
/// ```
/// # let data: serde_json::Value = serde_json::from_str(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/appointments.json"))).unwrap();
/// # let a: hospes::appointment::Appointment = serde_json::from_value(data["requested"].clone()).unwrap();
/// let now = "2026-06-01T08:00:00Z".parse().unwrap();
/// let out = hospes::appointment::decline(&a, Some(" Complet ce jour-là ".into()), now).unwrap();
/// assert_eq!(out.appointment.decline_reason.as_deref(), Some("Complet ce jour-là"));
/// ```
pub fn decline(
    appointment: &Appointment,
    reason: Option<String>,
    now: DateTime<Utc>,
) -> Result<AppointmentOutcome> {
    allowed(
        appointment,
        "decline",
        &[AppointmentStatus::Requested, AppointmentStatus::Confirmed],
    )?;
    let reason = text::optional_multiline(reason.as_deref(), "reason", MAX_COMMENT)?;
    let mut updated = appointment.clone();
    updated.status = AppointmentStatus::Declined;
    updated.decline_reason.clone_from(&reason);
    Ok(AppointmentOutcome {
        events: vec![Event::AppointmentDeclined {
            occurred_at: now,
            client_id: updated.client_id.clone(),
            appointment_id: updated.id.clone(),
            pet: updated.pet.clone(),
            start: updated.start,
            previous_status: appointment.status,
            reason,
        }],
        appointment: updated,
    })
}

/// The guest cancels one of their appointments, requested or confirmed, until it starts.
///
/// Another client's appointment is `portal.not_found` (never "forbidden"); a declined or
/// cancelled one `appointment.transition_invalid`; a started one `appointment.in_past`.
///
/// ```
/// # let data: serde_json::Value = serde_json::from_str(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/appointments.json"))).unwrap();
/// # let jean: hospes::Client = serde_json::from_value(data["other_client"].clone()).unwrap();
/// # let a: hospes::appointment::Appointment = serde_json::from_value(data["requested"].clone()).unwrap();
/// use hospes::portal::{Portal, PortalAccess};
/// let jeans = Portal::open(&PortalAccess { client_id: "C-2077".into(), purpose: None, subject: None }, jean).unwrap();
/// let err = hospes::appointment::cancel(&jeans, &a, "Europe/Paris".parse().unwrap(), "2026-06-01T08:00:00Z".parse().unwrap()).unwrap_err();
/// assert_eq!(err.code(), "portal.not_found");
/// ```
pub fn cancel(
    portal: &Portal,
    appointment: &Appointment,
    tz: TimeZone,
    now: DateTime<Utc>,
) -> Result<AppointmentOutcome> {
    if appointment.client_id != portal.client().id || portal.personal_info().is_err() {
        return Err(Error::PortalNotFound {
            what: "appointment".into(),
        });
    }
    allowed(
        appointment,
        "cancel",
        &[AppointmentStatus::Requested, AppointmentStatus::Confirmed],
    )?;
    not_started(appointment, tz, now)?;
    let mut updated = appointment.clone();
    updated.status = AppointmentStatus::Cancelled;
    Ok(AppointmentOutcome {
        events: vec![Event::AppointmentCancelled {
            occurred_at: now,
            client_id: updated.client_id.clone(),
            appointment_id: updated.id.clone(),
            pet: updated.pet.clone(),
            start: updated.start,
            previous_status: appointment.status,
        }],
        appointment: updated,
    })
}

/// `appointment.transition_invalid` unless the appointment is in one of `from`.
fn allowed(appointment: &Appointment, action: &str, from: &[AppointmentStatus]) -> Result<()> {
    if from.contains(&appointment.status) {
        Ok(())
    } else {
        Err(Error::AppointmentTransitionInvalid {
            id: appointment.id.clone(),
            status: appointment.status.as_str().into(),
            action: action.into(),
        })
    }
}

/// `appointment.in_past` once the appointment's start, on the wall clock of `tz`, has passed.
fn not_started(appointment: &Appointment, tz: TimeZone, now: DateTime<Utc>) -> Result<()> {
    if instant(tz, appointment.start) <= now {
        return Err(Error::AppointmentInPast {
            start: format_local(appointment.start),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;
    use super::*;

    fn with_status(status: AppointmentStatus) -> Appointment {
        let mut a = requested();
        a.status = status;
        a
    }

    #[test]
    fn confirming_a_cancelled_appointment_names_its_status() {
        let err = confirm(&with_status(AppointmentStatus::Cancelled), paris(), now()).unwrap_err();
        assert_eq!(
            err,
            Error::AppointmentTransitionInvalid {
                id: "RDV-501".into(),
                status: "cancelled".into(),
                action: "confirm".into(),
            }
        );
        assert_eq!(
            err.message(crate::Locale::Fr),
            "Impossible de confirmer le rendez-vous RDV-501 (statut : cancelled)."
        );
    }

    #[test]
    fn a_request_cannot_be_confirmed_once_its_start_has_passed() {
        let after: DateTime<Utc> = "2026-06-02T07:30:00Z".parse().unwrap(); // 09:30 in Paris
        let err = confirm(&requested(), paris(), after).unwrap_err();
        assert_eq!(err.code(), "appointment.in_past");
    }

    #[test]
    fn a_move_keeps_the_length_and_the_status() {
        let confirmed = with_status(AppointmentStatus::Confirmed);
        let out = reschedule(
            &confirmed,
            &schedule(),
            paris(),
            t("2026-06-03T16:00"),
            None,
            now(),
        )
        .unwrap();
        assert_eq!(out.appointment.end, t("2026-06-03T17:30"));
        assert_eq!(out.appointment.status, AppointmentStatus::Confirmed);
        let Some(Event::AppointmentRescheduled {
            previous_start,
            start,
            status,
            ..
        }) = out.events.first()
        else {
            panic!("{:?}", out.events);
        };
        assert_eq!(*previous_start, t("2026-06-02T09:30"));
        assert_eq!(*start, t("2026-06-03T16:00"));
        assert_eq!(*status, AppointmentStatus::Confirmed);
    }

    #[test]
    fn a_move_to_the_same_period_changes_nothing() {
        let a = requested();
        let out = reschedule(&a, &schedule(), paris(), a.start, Some(a.end), now()).unwrap();
        assert_eq!(out.appointment, a);
        assert!(out.events.is_empty());
    }

    #[test]
    fn a_move_must_fit_the_hours_but_not_the_guests_notice() {
        let a = requested();
        // Tomorrow morning: within the guest's 24 h notice, fine for the business.
        let soon = reschedule(&a, &schedule(), paris(), t("2026-06-02T10:00"), None, now());
        assert!(soon.is_ok());
        let lunch = reschedule(&a, &schedule(), paris(), t("2026-06-02T11:30"), None, now());
        assert_eq!(lunch.unwrap_err().code(), "appointment.outside_hours");
        let declined = with_status(AppointmentStatus::Declined);
        let err = reschedule(
            &declined,
            &schedule(),
            paris(),
            t("2026-06-03T10:00"),
            None,
            now(),
        );
        assert_eq!(err.unwrap_err().code(), "appointment.transition_invalid");
    }

    #[test]
    fn calling_off_a_confirmed_appointment_says_it_was_confirmed() {
        let out = decline(&with_status(AppointmentStatus::Confirmed), None, now()).unwrap();
        assert_eq!(out.appointment.status, AppointmentStatus::Declined);
        assert!(matches!(
            out.events.first(),
            Some(Event::AppointmentDeclined {
                previous_status: AppointmentStatus::Confirmed,
                reason: None,
                ..
            })
        ));
        let again = decline(&out.appointment, None, now()).unwrap_err();
        assert_eq!(again.code(), "appointment.transition_invalid");
    }

    #[test]
    fn the_guest_cancels_until_the_start_and_only_their_own() {
        let out = cancel(&portal(), &requested(), paris(), now()).unwrap();
        assert_eq!(out.appointment.status, AppointmentStatus::Cancelled);
        assert_eq!(
            out.events.first().map(Event::kind),
            Some("appointment_cancelled")
        );
        let twice = cancel(&portal(), &out.appointment, paris(), now()).unwrap_err();
        assert_eq!(twice.code(), "appointment.transition_invalid");
        let started: DateTime<Utc> = "2026-06-02T07:45:00Z".parse().unwrap();
        let late = cancel(&portal(), &requested(), paris(), started).unwrap_err();
        assert_eq!(late.code(), "appointment.in_past");
        let via_quote = cancel(&quote_link_portal(), &requested(), paris(), now()).unwrap_err();
        assert_eq!(via_quote.code(), "portal.not_found");
    }
}
