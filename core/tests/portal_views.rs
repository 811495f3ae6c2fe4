//! The guest's reads of a booking's edit window and of her residency, through her space: hers
//! only, and only what her link opens.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)] // test code

mod common;

use common::invoicing::{get, paris};
use hospes::editable::EditPolicy;
use hospes::portal::{Portal, PortalAccess};
use hospes::residency::Residency;
use hospes::{LinkPurpose, Stay};

/// Marie's space (C-1042, stay 312 and residency R-2027-A12 of `core/tests/data/invoicing.json`).
fn marie(purpose: Option<LinkPurpose>, subject: Option<&str>) -> Portal {
    let access = PortalAccess {
        client_id: "C-1042".into(),
        purpose,
        subject: subject.map(Into::into),
    };
    Portal::open(&access, get("client")).unwrap()
}

/// Companions until the end of D-7, arrival time until D-1 at 18:00.
fn policy() -> EditPolicy {
    serde_json::from_str(
        r#"{"fields": [{"field": "participants", "days_before_arrival": 7},
                       {"field": "arrival_time", "days_before_arrival": 1, "at": "18:00"}]}"#,
    )
    .unwrap()
}

/// Her stay 312 (arrival 11 July 2026) and Jean's stay 401.
fn stays() -> Vec<Stay> {
    let hers: Stay = get("stay");
    let mut jeans = hers.clone();
    jeans.client_id = "C-2077".into();
    jeans.reference = "401".into();
    vec![hers, jeans]
}

#[test]
fn her_booking_edit_link_shows_what_she_may_still_change_on_its_stay() {
    let link = marie(Some(LinkPurpose::BookingEdit), Some("312"));
    let now = common::at("2026-07-01T10:00:00Z");
    let window = link
        .edit_window(&policy(), &stays(), "312", paris(), now)
        .unwrap();
    assert_eq!(window.stay_reference, "312");
    assert!(window.fields.iter().all(|f| f.open));
    // Companions close at the end of 4 July in Paris: 22:00 UTC.
    assert_eq!(window.fields[0].remaining_seconds, 302_400);
    assert_eq!(
        window,
        hospes::editable::window(&policy(), &stays()[0], paris(), now).unwrap()
    );
}

#[test]
fn another_clients_stay_has_no_edit_window_for_her() {
    let now = common::at("2026-07-01T10:00:00Z");
    let err = marie(None, None)
        .edit_window(&policy(), &stays(), "401", paris(), now)
        .unwrap_err();
    assert_eq!(err.code(), "portal.not_found");
}

#[test]
fn a_booking_edit_link_for_another_stay_does_not_open_this_ones_window() {
    let now = common::at("2026-07-01T10:00:00Z");
    let err = marie(Some(LinkPurpose::BookingEdit), Some("330"))
        .edit_window(&policy(), &stays(), "312", paris(), now)
        .unwrap_err();
    assert_eq!(err.code(), "portal.not_found");
}

#[test]
fn the_resident_sees_her_year_and_its_rent_schedule() {
    let residency: Residency = get("residency");
    let year = marie(None, None)
        .residency(std::slice::from_ref(&residency), "R-2027-A12")
        .unwrap();
    assert_eq!(year.residency, residency);
    assert_eq!(year.schedule, residency.rent_schedule().unwrap());
    assert_eq!(year.schedule.len(), 4);
    let its_link = marie(Some(LinkPurpose::BookingEdit), Some("R-2027-A12"));
    assert!(its_link.residency(&[residency], "R-2027-A12").is_ok());
}

#[test]
fn another_residents_year_is_not_found_nor_one_outside_her_link() {
    let residency: Residency = get("residency");
    let theirs = Residency {
        client_id: "C-2077".into(),
        reference: "R-2027-B03".into(),
        ..residency.clone()
    };
    let both = [residency, theirs];
    let err = marie(None, None)
        .residency(&both, "R-2027-B03")
        .unwrap_err();
    assert_eq!(err.code(), "portal.not_found");
    let invoice_link = marie(Some(LinkPurpose::Invoice), Some("FA26030042"));
    let err = invoice_link.residency(&both, "R-2027-A12").unwrap_err();
    assert_eq!(err.code(), "portal.not_found");
}
