//! Editable booking fields, as a booking-data manager tells them: the guest changes what the business allows,
//! until the deadline, and asks after it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use hospes::editable::{self, BookingChange, EditPolicy};
use hospes::{Companion, CustomFieldValue, Event, Stay, TimeZone};

fn stay() -> Stay {
    let data: serde_json::Value =
        serde_json::from_str(include_str!("data/invoicing.json")).unwrap();
    serde_json::from_value(data["stay"].clone()).unwrap()
}

/// Companions until the end of D-7, arrival time until D-1 at 18:00, a licence plate until D-2,
/// a reminder three days before the first deadline.
fn policy() -> EditPolicy {
    serde_json::from_str(
        r#"{"fields": [
          {"field": "participants", "days_before_arrival": 7},
          {"field": "arrival_time", "days_before_arrival": 1, "at": "18:00"},
          {"field": "plate", "days_before_arrival": 2, "kind": "licence_plate",
           "labels": [{"locale": "fr", "text": "Plaque d'immatriculation"}, {"locale": "en", "text": "Licence plate"}]}
        ],
        "reminder": {"days_before_deadline": 3, "text": "Pensez à nous donner votre plaque !"}}"#,
    )
    .unwrap()
}

fn paris() -> TimeZone {
    TimeZone::new("Europe/Paris").unwrap()
}

fn at(instant: &str) -> hospes::DateTime<hospes::Utc> {
    instant.parse().unwrap()
}

fn rename_lea() -> BookingChange {
    BookingChange {
        participants: Some(vec![Companion {
            first_name: "Léa".into(),
            last_name: "Martin".into(),
            birth_date: Some("2016-05-02".parse().unwrap()),
        }]),
        ..Default::default()
    }
}

// Arrival Saturday 11 July 2026: companions close at midnight ending 4 July in Paris, 22:00 UTC.
const LAST_SECOND: &str = "2026-07-04T21:59:59Z";
const FIRST_SECOND_AFTER: &str = "2026-07-04T22:00:01Z";

#[test]
fn a_guest_can_still_rename_a_companion_one_second_before_the_deadline() {
    let out = editable::apply(
        &policy(),
        &stay(),
        paris(),
        rename_lea(),
        "REQ-1",
        at(LAST_SECOND),
    )
    .unwrap();
    assert_eq!(out.stay.participants[0].last_name, "Martin");
    assert!(out.request.is_none());
    let Event::BookingFieldsEdited { changes, .. } = &out.events[0] else {
        panic!("{:?}", out.events)
    };
    assert_eq!(changes[0].field, "participants");
    assert_eq!(
        changes[0].before.as_deref(),
        Some("Léa Dupont (2016-05-02)")
    );
    assert_eq!(changes[0].after.as_deref(), Some("Léa Martin (2016-05-02)"));
}

#[test]
fn one_second_after_the_deadline_the_change_becomes_a_request_the_business_approves() {
    let out = editable::apply(
        &policy(),
        &stay(),
        paris(),
        rename_lea(),
        "REQ-1",
        at(FIRST_SECOND_AFTER),
    )
    .unwrap();
    assert_eq!(
        out.stay,
        stay(),
        "nothing changes before the business says so"
    );
    let request = out.request.expect("a request");
    assert_eq!(out.events[0].kind(), "booking_change_requested");
    let approved = editable::approve(&request, &stay(), at("2026-07-05T08:00:00Z")).unwrap();
    assert_eq!(approved.stay.participants[0].last_name, "Martin");
    assert_eq!(approved.events[0].kind(), "booking_change_approved");
    let declined = editable::decline(
        &request,
        Some("Liste déjà transmise".into()),
        at("2026-07-05T08:00:00Z"),
    );
    assert_eq!(declined.unwrap().kind(), "booking_change_declined");
}

#[test]
fn open_fields_change_now_and_late_ones_wait_in_the_same_change() {
    let mut change = rename_lea();
    change.arrival_time = Some("17:30".parse().unwrap());
    let out = editable::apply(
        &policy(),
        &stay(),
        paris(),
        change,
        "REQ-2",
        at(FIRST_SECOND_AFTER),
    )
    .unwrap();
    assert_eq!(out.stay.arrival_time, Some("17:30".parse().unwrap()));
    assert_eq!(out.request.unwrap().changes[0].field, "participants");
    assert_eq!(out.events.len(), 2);
}

#[test]
fn a_field_that_is_not_in_the_policy_cannot_be_changed() {
    let change = BookingChange {
        notes: Some("Allergie aux arachides".into()),
        ..Default::default()
    };
    let err = editable::apply(
        &policy(),
        &stay(),
        paris(),
        change,
        "REQ-3",
        at(LAST_SECOND),
    )
    .unwrap_err();
    assert_eq!(err.code(), "booking.field_not_editable");
    assert!(err.to_string().contains("notes"));
}

#[test]
fn a_licence_plate_is_checked_and_upper_cased() {
    let plate = |value: &str| BookingChange {
        custom_fields: vec![CustomFieldValue {
            key: "plate".into(),
            value: value.into(),
        }],
        ..Default::default()
    };
    let out = editable::apply(
        &policy(),
        &stay(),
        paris(),
        plate(" ab-123-cd "),
        "R",
        at(LAST_SECOND),
    )
    .unwrap();
    assert_eq!(out.stay.custom_fields[0].value, "AB-123-CD");
    let err = editable::apply(
        &policy(),
        &stay(),
        paris(),
        plate("<script>"),
        "R",
        at(LAST_SECOND),
    )
    .unwrap_err();
    assert_eq!(err.code(), "client.plate_invalid");
}

#[test]
fn the_same_value_again_changes_nothing_and_sends_nothing() {
    let same = BookingChange {
        participants: Some(stay().participants),
        ..Default::default()
    };
    let out = editable::apply(&policy(), &stay(), paris(), same, "R", at(LAST_SECOND)).unwrap();
    assert!(out.events.is_empty() && out.request.is_none());
}

#[test]
fn the_window_shows_the_time_remaining_per_field() {
    let window = editable::window(&policy(), &stay(), paris(), at(LAST_SECOND)).unwrap();
    assert_eq!(window.fields[0].remaining_seconds, 1);
    assert_eq!(window.next_deadline, Some(at("2026-07-04T22:00:00Z")));
    let after = editable::window(&policy(), &stay(), paris(), at(FIRST_SECOND_AFTER)).unwrap();
    assert!(!after.fields[0].open && after.fields[1].open);
}

#[test]
fn a_cancelled_stay_cannot_be_changed() {
    let mut cancelled = stay();
    cancelled.status = hospes::StayStatus::Cancelled;
    let err = editable::apply(
        &policy(),
        &cancelled,
        paris(),
        rename_lea(),
        "R",
        at(LAST_SECOND),
    )
    .unwrap_err();
    assert_eq!(err.code(), "stay.not_editable");
}

#[test]
fn the_reminder_is_due_days_before_the_first_deadline_under_one_key() {
    let stays = [stay()];
    let early =
        editable::reminders_due(&policy(), &stays, paris(), at("2026-07-01T21:00:00Z")).unwrap();
    assert!(early.is_empty());
    let due =
        editable::reminders_due(&policy(), &stays, paris(), at("2026-07-01T22:00:00Z")).unwrap();
    let later =
        editable::reminders_due(&policy(), &stays, paris(), at("2026-07-03T09:00:00Z")).unwrap();
    assert_eq!(
        due[0].key, later[0].key,
        "a host sending each key once sends it once"
    );
    assert_eq!(due[0].fields, ["participants", "arrival_time", "plate"]);
    assert_eq!(
        due[0].text.as_deref(),
        Some("Pensez à nous donner votre plaque !")
    );
}

#[test]
fn the_reminder_goes_out_at_the_hour_the_business_chose() {
    // First deadline: midnight ending 4 July in Paris; three days before 4 July is 1 July, 9:00.
    let mut at_nine = policy();
    at_nine.reminder.as_mut().unwrap().at = Some("09:00".parse().unwrap());
    let stays = [stay()];
    let before = editable::reminders_due(&at_nine, &stays, paris(), at("2026-07-01T06:59:59Z"));
    assert!(before.unwrap().is_empty(), "not before nine, Paris time");
    let due = editable::reminders_due(&at_nine, &stays, paris(), at("2026-07-01T07:00:00Z"));
    assert_eq!(due.unwrap().len(), 1);
    let json = serde_json::to_value(at_nine.reminder.unwrap()).unwrap();
    assert_eq!(json["at"], "09:00:00");
}

#[test]
fn a_manual_re_send_gets_a_fresh_key_and_is_refused_once_everything_closed() {
    let again = editable::resend(&policy(), &stay(), paris(), at("2026-07-02T10:00:00Z")).unwrap();
    assert!(again.key.contains("manual"));
    let err =
        editable::resend(&policy(), &stay(), paris(), at("2026-07-10T16:00:00Z")).unwrap_err();
    assert_eq!(err.code(), "booking.nothing_editable");
}

#[test]
fn a_deadline_on_a_clock_change_night_is_read_without_panicking() {
    // Arrival 30 March 2026: D-1 ends at midnight 29→30 March, after the spring change.
    let mut spring = stay();
    spring.arrival = "2026-03-30".parse().unwrap();
    spring.departure = "2026-04-02".parse().unwrap();
    let p: EditPolicy = serde_json::from_str(
        r#"{"fields":[{"field":"notes","days_before_arrival":1,"at":"02:30"}]}"#,
    )
    .unwrap();
    let deadline = p.fields[0].deadline(&spring, paris());
    assert_eq!(deadline, at("2026-03-29T01:30:00Z"));
}
