//! Appointment requests at a grooming salon, in its guests' words: Marie
//! asks from her space for a grooming for Filou, the salon confirms, moves or declines it, she
//! may cancel it; and nothing ever panics, whatever is asked.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code

mod common;

use hospes::appointment::{
    self, Appointment, AppointmentOutcome, AppointmentRequest, AppointmentSchedule,
    AppointmentStatus, format_local, parse_local,
};
use hospes::portal::{Portal, PortalAccess};
use hospes::{Client, DateTime, Error, Establishment, Event, Locale, NaiveDateTime, TimeZone, Utc};
use proptest::prelude::*;

fn data() -> serde_json::Value {
    serde_json::from_str(include_str!("data/appointments.json")).unwrap()
}

fn salon() -> Establishment {
    serde_json::from_value::<Establishment>(data()["establishment"].clone())
        .unwrap()
        .normalized()
        .unwrap()
}

fn schedule() -> AppointmentSchedule {
    serde_json::from_value(data()["schedule"].clone()).unwrap()
}

fn client(key: &str) -> Client {
    serde_json::from_value(data()[key].clone()).unwrap()
}

fn space(key: &str) -> Portal {
    let client = client(key);
    let access = PortalAccess {
        client_id: client.id.clone(),
        purpose: None,
        subject: None,
    };
    Portal::open(&access, client).unwrap()
}

fn marie() -> Portal {
    space("client")
}

fn paris() -> TimeZone {
    salon().time_zone
}

/// Monday 1 June 2026, 10:00 in Lyon: the salon is closed on Mondays.
fn now() -> DateTime<Utc> {
    "2026-06-01T08:00:00Z".parse().unwrap()
}

fn t(s: &str) -> NaiveDateTime {
    parse_local(s).unwrap()
}

fn ask(pet: &str, start: &str, end: Option<&str>, comment: Option<&str>) -> AppointmentRequest {
    AppointmentRequest {
        pet: pet.into(),
        start: t(start),
        end: end.map(t),
        comment: comment.map(Into::into),
    }
}

fn request(portal: &Portal, req: AppointmentRequest) -> hospes::Result<AppointmentOutcome> {
    appointment::request(portal, &schedule(), paris(), "RDV-502", req, now())
}

fn refused(req: AppointmentRequest) -> Error {
    request(&marie(), req).unwrap_err()
}

/// Filou on Friday 5 June, 14:00, as Marie asked and the salon stored it.
fn filous_friday() -> Appointment {
    request(
        &marie(),
        ask("Filou", "2026-06-05T14:00", None, Some("Coupe courte")),
    )
    .unwrap()
    .appointment
}

#[test]
fn marie_asks_for_a_grooming_for_filou_and_the_salon_confirms_it() {
    let asked = request(
        &marie(),
        ask(
            "filou",
            "2026-06-05T14:00",
            None,
            Some(" Toilettage complet, coupe courte. "),
        ),
    )
    .unwrap();
    let a = &asked.appointment;
    assert_eq!(
        (a.id.as_str(), a.client_id.as_str(), a.pet.as_str()),
        ("RDV-502", "C-1042", "Filou")
    );
    assert_eq!(
        format_local(a.end),
        "2026-06-05T15:30",
        "90 minutes by default"
    );
    assert_eq!(
        a.comment.as_deref(),
        Some("Toilettage complet, coupe courte.")
    );
    assert_eq!(a.status, AppointmentStatus::Requested);

    let event = serde_json::to_value(&asked.events[0]).unwrap();
    assert_eq!(event["type"], "appointment_requested");
    assert_eq!(event["appointment_id"], "RDV-502");
    assert_eq!(event["pet"], "Filou");
    assert_eq!(event["start"], "2026-06-05T14:00:00");
    assert_eq!(event["occurred_at"], "2026-06-01T08:00:00Z");

    let confirmed = appointment::confirm(a, paris(), now()).unwrap();
    assert_eq!(confirmed.appointment.status, AppointmentStatus::Confirmed);
    assert_eq!(confirmed.events[0].kind(), "appointment_confirmed");
}

#[test]
fn the_guest_may_give_the_end_herself() {
    let asked = request(
        &marie(),
        ask(
            "Praline",
            "2026-06-06T09:00",
            Some("2026-06-06T13:00"),
            None,
        ),
    )
    .unwrap();
    assert_eq!(format_local(asked.appointment.end), "2026-06-06T13:00");
}

#[test]
fn a_request_for_someone_elses_dog_is_refused() {
    // Rex is Jean's: for Marie he does not exist.
    assert_eq!(
        refused(ask("Rex", "2026-06-05T14:00", None, None)),
        Error::AppointmentPetUnknown { pet: "Rex".into() }
    );
    assert!(
        request(
            &space("other_client"),
            ask("Rex", "2026-06-05T14:00", None, None)
        )
        .is_ok()
    );
}

#[test]
fn a_request_on_a_monday_when_the_salon_is_closed_is_refused() {
    let err = refused(ask("Filou", "2026-06-08T10:00", None, None));
    assert_eq!(
        err,
        Error::AppointmentDayClosed {
            date: "2026-06-08".into()
        }
    );
    assert_eq!(
        err.message(Locale::Fr),
        "L’établissement est fermé le 2026-06-08."
    );
}

#[test]
fn a_request_on_bastille_day_is_refused_although_tuesdays_are_open() {
    assert_eq!(
        refused(ask("Filou", "2026-07-14T10:00", None, None)).code(),
        "appointment.day_closed"
    );
}

#[test]
fn a_request_across_the_lunch_break_is_refused_with_the_days_hours() {
    let err = refused(ask("Filou", "2026-06-05T11:00", None, None));
    assert_eq!(
        err,
        Error::AppointmentOutsideHours {
            start: "2026-06-05T11:00".into(),
            end: "2026-06-05T12:30".into(),
            hours: "09:00–12:00, 14:00–18:30".into(),
        }
    );
    assert_eq!(
        err.message(Locale::En),
        "The appointment 2026-06-05T11:00 – 2026-06-05T12:30 is outside that day’s opening hours (09:00–12:00, 14:00–18:30)."
    );
}

#[test]
fn a_request_that_ends_at_closing_time_fits_and_one_minute_later_does_not() {
    assert!(request(&marie(), ask("Filou", "2026-06-05T17:00", None, None)).is_ok());
    assert_eq!(
        refused(ask("Filou", "2026-06-05T17:01", None, None)).code(),
        "appointment.outside_hours"
    );
}

#[test]
fn a_request_for_tomorrow_morning_is_too_soon() {
    // Tuesday 09:00 is 23 hours away; the salon asks for 24.
    let err = refused(ask("Filou", "2026-06-02T09:00", None, None));
    assert_eq!(
        err,
        Error::AppointmentTooSoon {
            start: "2026-06-02T09:00".into(),
            notice_hours: 24,
        }
    );
    assert!(request(&marie(), ask("Filou", "2026-06-02T10:00", None, None)).is_ok());
}

#[test]
fn a_request_more_than_sixty_days_ahead_is_too_far() {
    assert!(request(&marie(), ask("Filou", "2026-07-31T09:00", None, None)).is_ok());
    assert_eq!(
        refused(ask("Filou", "2026-08-01T09:00", None, None)),
        Error::AppointmentTooFarAhead {
            start: "2026-08-01T09:00".into(),
            max_days: 60,
        }
    );
}

#[test]
fn a_request_in_the_past_is_refused() {
    assert_eq!(
        refused(ask("Filou", "2026-05-29T10:00", None, None)).code(),
        "appointment.in_past"
    );
}

#[test]
fn a_request_ending_before_it_starts_is_refused() {
    assert_eq!(
        refused(ask(
            "Filou",
            "2026-06-05T15:00",
            Some("2026-06-05T14:00"),
            None
        )),
        Error::AppointmentPeriodInvalid {
            start: "2026-06-05T15:00".into(),
            end: "2026-06-05T14:00".into(),
        }
    );
}

#[test]
fn the_business_reschedules_a_confirmed_appointment() {
    let confirmed = appointment::confirm(&filous_friday(), paris(), now())
        .unwrap()
        .appointment;
    // The groomer moves it to tomorrow morning, sooner than a guest may ask.
    let moved = appointment::reschedule(
        &confirmed,
        &schedule(),
        paris(),
        t("2026-06-02T09:00"),
        None,
        now(),
    )
    .unwrap();
    assert_eq!(moved.appointment.status, AppointmentStatus::Confirmed);
    assert_eq!(format_local(moved.appointment.start), "2026-06-02T09:00");
    assert_eq!(format_local(moved.appointment.end), "2026-06-02T10:30");
    let event = serde_json::to_value(&moved.events[0]).unwrap();
    assert_eq!(event["type"], "appointment_rescheduled");
    assert_eq!(event["previous_start"], "2026-06-05T14:00:00");
    assert_eq!(event["start"], "2026-06-02T09:00:00");
    assert_eq!(event["status"], "confirmed");
}

#[test]
fn the_business_shortens_a_request_then_confirms_it() {
    let shorter = appointment::reschedule(
        &filous_friday(),
        &schedule(),
        paris(),
        t("2026-06-05T14:00"),
        Some(t("2026-06-05T14:45")),
        now(),
    )
    .unwrap();
    assert_eq!(shorter.appointment.status, AppointmentStatus::Requested);
    let confirmed = appointment::confirm(&shorter.appointment, paris(), now()).unwrap();
    assert_eq!(format_local(confirmed.appointment.end), "2026-06-05T14:45");
}

#[test]
fn the_business_cannot_move_an_appointment_onto_a_holiday() {
    let err = appointment::reschedule(
        &filous_friday(),
        &schedule(),
        paris(),
        t("2026-08-15T10:00"),
        None,
        now(),
    )
    .unwrap_err();
    assert_eq!(err.code(), "appointment.day_closed");
}

#[test]
fn the_salon_declines_a_request_with_a_reason() {
    let out =
        appointment::decline(&filous_friday(), Some("Complet ce jour-là".into()), now()).unwrap();
    assert_eq!(out.appointment.status, AppointmentStatus::Declined);
    let event = serde_json::to_value(&out.events[0]).unwrap();
    assert_eq!(event["type"], "appointment_declined");
    assert_eq!(event["reason"], "Complet ce jour-là");
    assert_eq!(event["previous_status"], "requested");
}

#[test]
fn a_cancelled_appointment_cannot_be_confirmed() {
    let cancelled = appointment::cancel(&marie(), &filous_friday(), paris(), now())
        .unwrap()
        .appointment;
    let err = appointment::confirm(&cancelled, paris(), now()).unwrap_err();
    assert_eq!(
        err,
        Error::AppointmentTransitionInvalid {
            id: "RDV-502".into(),
            status: "cancelled".into(),
            action: "confirm".into(),
        }
    );
    assert_eq!(
        err.message(Locale::Es),
        "No se puede confirmar la cita RDV-502 (estado: cancelled)."
    );
}

#[test]
fn marie_cancels_her_request_from_her_space() {
    let out = appointment::cancel(&marie(), &filous_friday(), paris(), now()).unwrap();
    assert_eq!(out.appointment.status, AppointmentStatus::Cancelled);
    assert!(matches!(
        &out.events[0],
        Event::AppointmentCancelled { client_id, appointment_id, .. }
            if client_id == "C-1042" && appointment_id == "RDV-502"
    ));
}

#[test]
fn jean_cannot_cancel_maries_appointment_nor_learn_it_exists() {
    let err =
        appointment::cancel(&space("other_client"), &filous_friday(), paris(), now()).unwrap_err();
    assert_eq!(
        err,
        Error::PortalNotFound {
            what: "appointment".into()
        }
    );
    assert!(
        appointment::for_guest(&space("other_client"), &[filous_friday()])
            .unwrap()
            .is_empty()
    );
}

#[test]
fn free_slots_skip_the_lunch_break_and_the_appointments_taken() {
    let taken = [filous_friday()]; // 14:00–15:30
    let slots: Vec<String> = appointment::free_slots(
        &schedule(),
        paris(),
        "2026-06-05".parse().unwrap(),
        None,
        &taken,
        now(),
    )
    .unwrap()
    .into_iter()
    .map(|s| format_local(s).split_off(11))
    .collect();
    assert_eq!(
        slots,
        [
            "09:00", "09:30", "10:00", "10:30", "15:30", "16:00", "16:30", "17:00"
        ]
    );
    let cancelled = appointment::cancel(&marie(), &taken[0], paris(), now())
        .unwrap()
        .appointment;
    let with_cancelled = appointment::free_slots(
        &schedule(),
        paris(),
        "2026-06-05".parse().unwrap(),
        None,
        &[cancelled],
        now(),
    )
    .unwrap();
    assert_eq!(
        with_cancelled.len(),
        11,
        "a cancelled appointment frees its time"
    );
}

#[test]
fn there_are_no_free_slots_on_a_closed_day_nor_within_the_notice() {
    let day = |d: &str| {
        appointment::free_slots(&schedule(), paris(), d.parse().unwrap(), None, &[], now()).unwrap()
    };
    assert!(day("2026-06-08").is_empty(), "a Monday");
    assert!(day("2026-07-14").is_empty(), "Bastille Day");
    let tuesday: Vec<String> = day("2026-06-02").into_iter().map(format_local).collect();
    assert_eq!(
        tuesday.first().map(String::as_str),
        Some("2026-06-02T10:00")
    );
}

#[test]
fn the_schedule_fixture_holds_together_and_round_trips() {
    let s = schedule();
    s.check().unwrap();
    let again: AppointmentSchedule =
        serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
    assert_eq!(again, s);
    let unknown = hospes::wire::from_json::<AppointmentSchedule>(
        r#"{"weekly_hours": [], "default_duration_minutes": 60, "lunch": true}"#,
    );
    assert_eq!(unknown.unwrap_err().code(), "input.invalid");
}

#[test]
fn an_appointment_and_its_events_round_trip_through_json() {
    let asked = request(&marie(), ask("Filou", "2026-06-05T14:00", None, None)).unwrap();
    let json = serde_json::to_string(&asked).unwrap();
    let back: AppointmentOutcome = serde_json::from_str(&json).unwrap();
    assert_eq!(back, asked);
}

#[test]
fn a_request_on_the_night_paris_springs_forward_does_not_panic() {
    // A boarding kennel open around the clock on Sundays; 02:30 does not exist on 29 March 2026.
    let mut kennel = schedule();
    kennel.weekly_hours = serde_json::from_str(
        r#"[{"days": ["sunday"], "intervals": [{"opens": "00:00", "closes": "23:59"}]}]"#,
    )
    .unwrap();
    kennel.minimum_notice_hours = 0;
    let before: DateTime<Utc> = "2026-03-28T12:00:00Z".parse().unwrap();
    let out = appointment::request(
        &marie(),
        &kennel,
        paris(),
        "RDV-1",
        ask("Filou", "2026-03-29T02:30", Some("2026-03-29T03:30"), None),
        before,
    );
    assert!(out.is_ok());
    // Once 03:30 CEST has struck (01:30 UTC), the nonexistent 02:30 is past.
    let after: DateTime<Utc> = "2026-03-29T01:30:00Z".parse().unwrap();
    let err = appointment::confirm(&out.unwrap().appointment, paris(), after).unwrap_err();
    assert_eq!(err.code(), "appointment.in_past");
}

proptest! {
    #![proptest_config(common::proptest_config())]

    #[test]
    fn no_request_panics_and_every_refusal_is_typed(
        day in 0i64..120,
        minute in 0u32..1440,
        length in -60i64..600,
        with_end in any::<bool>(),
        pet in prop::sample::select(vec!["Filou", "praline", "Rex", "", " FILOU "]),
        now_minutes in 0i64..(200 * 1440),
    ) {
        let start = t("2026-03-01T00:00")
            + chrono::TimeDelta::days(day)
            + chrono::TimeDelta::minutes(i64::from(minute));
        let end = with_end.then(|| start + chrono::TimeDelta::minutes(length));
        let now = "2026-02-01T00:00:00Z".parse::<DateTime<Utc>>().unwrap()
            + chrono::TimeDelta::minutes(now_minutes);
        let req = AppointmentRequest { pet: pet.into(), start, end, comment: None };
        match appointment::request(&marie(), &schedule(), paris(), "RDV-x", req, now) {
            Ok(out) => {
                prop_assert_eq!(&out.appointment.client_id, "C-1042");
                prop_assert!(out.appointment.end > out.appointment.start);
                prop_assert!(appointment::instant(paris(), out.appointment.start) > now);
            }
            Err(err) => prop_assert!(
                err.family() == hospes::error::ErrorFamily::Appointment || err.code() == "field.required",
                "{}", err.code()
            ),
        }
    }

    #[test]
    fn every_free_slot_is_a_request_the_salon_accepts(day in 0i64..70, duration in 15u32..240) {
        let date = "2026-06-01".parse::<hospes::NaiveDate>().unwrap() + chrono::TimeDelta::days(day);
        let slots = appointment::free_slots(&schedule(), paris(), date, Some(duration), &[], now()).unwrap();
        for start in slots {
            let end = start + chrono::TimeDelta::minutes(i64::from(duration));
            let req = AppointmentRequest { pet: "Filou".into(), start, end: Some(end), comment: None };
            prop_assert!(request(&marie(), req).is_ok(), "{start}");
        }
    }
}
