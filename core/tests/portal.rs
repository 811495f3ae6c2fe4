//! The client space, in the guests' words, and the isolation property: no portal call ever
//! returns another client's record.
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)] // test code

mod common;

use chrono::{DateTime, NaiveDate, Utc};
use hospes::portal::{NewParticipant, Portal, PortalAccess};
use hospes::{Client, Companion, Establishment, LinkPurpose, Stay, UpdatePolicy};
use proptest::prelude::*;

fn camping() -> Establishment {
    serde_json::from_str(r#"{"id":"camping-des-pins","name":"Camping des Pins","phone":"+33558091234",
        "address":{"lines":["12 chemin des Pins"],"postcode":"40200","city":"Mimizan","country":"FR"},
        "opening_periods":[{"first_day":"2026-04-04","last_day":"2026-09-27"}],
        "currency":"EUR","time_zone":"Europe/Paris","portal_base_url":"https://portail.camping-des-pins.fr/"}"#)
    .unwrap()
}

fn client(id: &str) -> Client {
    serde_json::from_value(
        serde_json::json!({"id": id, "last_name": "Dupont", "first_name": "Marie",
        "email": "marie@example.fr", "created_at": "2026-01-15T09:30:00Z",
        "companions": [{"first_name": "Paul", "last_name": "Dupont", "birth_date": "1983-11-20"}]}),
    )
    .unwrap()
}

fn stay(reference: &str, client_id: &str, arrival: &str, departure: &str, status: &str) -> Stay {
    serde_json::from_value(serde_json::json!({"reference": reference, "client_id": client_id,
        "accommodation": "Emplacement", "arrival": arrival, "departure": departure, "status": status,
        "currency": "EUR", "documents": [{"kind": "contract", "number": format!("CT-{reference}")}],
        "lines": [{"label": "Emplacement", "quantity": "7", "unit_price": {"amount": "30.00", "currency": "EUR"}, "vat_rate": "10"}]}))
    .unwrap()
}

fn today() -> NaiveDate {
    "2026-06-01".parse().unwrap()
}

fn now() -> DateTime<Utc> {
    "2026-06-01T10:00:00Z".parse().unwrap()
}

fn whole(client_id: &str) -> PortalAccess {
    PortalAccess {
        client_id: client_id.into(),
        purpose: None,
        subject: None,
    }
}

fn everyone() -> Vec<Stay> {
    vec![
        stay("312", "C-1", "2026-07-11", "2026-07-25", "confirmed"),
        stay("298", "C-1", "2025-08-01", "2025-08-08", "completed"),
        stay("320", "C-1", "2026-08-15", "2026-08-22", "option"),
        stay("400", "C-2", "2026-07-01", "2026-07-08", "confirmed"),
    ]
}

#[test]
fn the_home_shows_the_establishment_and_only_the_guests_upcoming_stays() {
    let portal = Portal::open(&whole("C-1"), client("C-1")).unwrap();
    let home = portal.home(&camping(), &everyone(), today()).unwrap();
    assert_eq!(home.header.place, "40200 Mimizan");
    assert_eq!(home.guest_name, "Marie Dupont");
    let refs: Vec<_> = home.upcoming.iter().map(|s| s.reference.as_str()).collect();
    assert_eq!(refs, ["312", "320"]);
}

#[test]
fn the_history_lists_past_stays_latest_first() {
    let portal = Portal::open(&whole("C-1"), client("C-1")).unwrap();
    let history = portal.history(&everyone(), today()).unwrap();
    assert_eq!(
        history
            .past
            .iter()
            .map(|s| s.reference.as_str())
            .collect::<Vec<_>>(),
        ["298"]
    );
}

#[test]
fn another_clients_stay_is_not_found_rather_than_forbidden() {
    let portal = Portal::open(&whole("C-1"), client("C-1")).unwrap();
    assert_eq!(
        portal.stay(&everyone(), "400").unwrap_err().code(),
        "portal.not_found"
    );
    assert_eq!(
        portal.stay(&everyone(), "999").unwrap_err().code(),
        "portal.not_found"
    );
}

#[test]
fn a_contract_link_opens_only_its_stay() {
    let access = PortalAccess {
        client_id: "C-1".into(),
        purpose: Some(LinkPurpose::Contract),
        subject: Some("CT-312".into()),
    };
    let portal = Portal::open(&access, client("C-1")).unwrap();
    let detail = portal.stay(&everyone(), "312").unwrap();
    assert_eq!(detail.totals.vat.total_incl_vat.to_string(), "210.00 EUR");
    assert!(detail.former_companions.is_empty());
    assert_eq!(
        portal.stay(&everyone(), "320").unwrap_err().code(),
        "portal.not_found"
    );
    assert_eq!(
        portal
            .home(&camping(), &everyone(), today())
            .unwrap_err()
            .code(),
        "portal.not_found"
    );
    assert_eq!(
        portal.personal_info().unwrap_err().code(),
        "portal.not_found"
    );
}

#[test]
fn a_guest_adds_a_former_companion_and_a_new_one_who_is_remembered() {
    let portal = Portal::open(&whole("C-1"), client("C-1")).unwrap();
    let s = everyone().remove(0);
    let with_paul = portal
        .add_participant(&s, NewParticipant::Former { index: 0 }, now())
        .unwrap();
    assert_eq!(with_paul.stay.participants[0].first_name, "Paul");
    let lea = Companion {
        first_name: "Léa".into(),
        last_name: "Dupont".into(),
        birth_date: Some("2016-05-02".parse().unwrap()),
    };
    let with_lea = portal
        .add_participant(
            &with_paul.stay,
            NewParticipant::Typed { person: lea },
            now(),
        )
        .unwrap();
    assert_eq!(with_lea.stay.participants.len(), 2);
    assert_eq!(with_lea.client.companions.len(), 2);
    assert_eq!(with_lea.events[0].kind(), "participants_changed");
    let without_paul = portal.remove_participant(&with_lea.stay, 0, now()).unwrap();
    assert_eq!(without_paul.stay.participants[0].first_name, "Léa");
}

#[test]
fn participants_of_a_completed_stay_cannot_change() {
    let portal = Portal::open(&whole("C-1"), client("C-1")).unwrap();
    let past = everyone().remove(1);
    assert_eq!(
        portal
            .remove_participant(&past, 0, now())
            .unwrap_err()
            .code(),
        "stay.not_editable"
    );
}

#[test]
fn the_guest_updates_their_details_through_the_portal() {
    let portal = Portal::open(&whole("C-1"), client("C-1")).unwrap();
    let mut form = portal.personal_info().unwrap();
    form.mobile = Some("06 12 34 56 78".into());
    let out = portal
        .update_personal_info(form, &UpdatePolicy::default(), &camping(), now())
        .unwrap();
    assert_eq!(out.client.mobile.as_deref(), Some("+33612345678"));
}

proptest! {
    #![proptest_config(common::proptest_config())]

    #[test]
    fn no_portal_call_returns_another_clients_record(
        owners in proptest::collection::vec(0usize..4, 1..12),
        me in 0usize..4,
        scoped in any::<bool>(),
        asked in 0usize..12,
    ) {
        let ids = ["C-1", "C-2", "C-3", "C-4"];
        let stays: Vec<Stay> = owners.iter().enumerate()
            .map(|(i, o)| stay(&format!("{}", 100 + i), ids[*o], "2026-07-01", "2026-07-08", "confirmed"))
            .collect();
        let access = if scoped {
            PortalAccess { client_id: ids[me].into(), purpose: Some(LinkPurpose::Quote), subject: Some(format!("{}", 100 + asked)) }
        } else {
            whole(ids[me])
        };
        let portal = Portal::open(&access, client(ids[me])).unwrap();
        // Every record shown belongs to the guest.
        if let Ok(history) = portal.history(&stays, today()) {
            for s in history.upcoming.iter().chain(&history.past) {
                let owner = stays.iter().find(|x| x.reference == s.reference).unwrap();
                prop_assert_eq!(owner.client_id.as_str(), ids[me]);
            }
        }
        for s in &stays {
            if let Ok(detail) = portal.stay(&stays, &s.reference) {
                prop_assert_eq!(detail.stay.client_id.as_str(), ids[me]);
            }
            if let Ok(change) = portal.add_participant(s, NewParticipant::Former { index: 0 }, now()) {
                prop_assert_eq!(change.stay.client_id.as_str(), ids[me]);
            }
        }
        // And a portal for one client cannot be opened on another's record.
        let other = ids[(me + 1) % 4];
        prop_assert!(Portal::open(&access, client(other)).is_err());
    }
}
