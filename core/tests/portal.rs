//! The client space, in the guests' words, and the isolation property: no portal call ever
//! returns another client's record.
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)] // test code

mod common;

use chrono::{DateTime, NaiveDate, Utc};
use common::invoicing::{
    self, balance_invoice, credit_series, deposit, deposit_payment, get, paris,
};
use hospes::appointment::{Appointment, AppointmentRequest, AppointmentSchedule};
use hospes::cancellation::CancellationConfirmation;
use hospes::invoice::{Invoice, InvoiceStatus};
use hospes::payment::Payment;
use hospes::pdf::Printer;
use hospes::portal::{NewParticipant, ParticipantRules, Portal, PortalAccess};
use hospes::pricing::CancellationPolicy;
use hospes::residency::Residency;
use hospes::{Client, Companion, Establishment, LinkPurpose, Stay, StayStatus, UpdatePolicy};
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

/// A record of core/tests/data/documents.json.
fn document<T: serde::de::DeserializeOwned>(key: &str) -> T {
    let all: serde_json::Value = serde_json::from_str(include_str!("data/documents.json")).unwrap();
    serde_json::from_value(all[key].clone()).unwrap()
}

fn today() -> NaiveDate {
    "2026-06-01".parse().unwrap()
}

fn now() -> DateTime<Utc> {
    "2026-06-01T10:00:00Z".parse().unwrap()
}

/// No booking-edit policy, no quote: the participants change while the stay's status allows.
fn none() -> ParticipantRules<'static> {
    ParticipantRules::default()
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
    let home = portal.home(&camping(), &everyone(), None, today()).unwrap();
    assert_eq!(home.header.place, "40200 Mimizan");
    assert_eq!(home.guest_name, "Marie Dupont");
    let refs: Vec<_> = home.upcoming.iter().map(|s| s.reference.as_str()).collect();
    assert_eq!(refs, ["312", "320"]);
    assert_eq!(
        home.header.presentation, None,
        "no message written, none shown"
    );
}

#[test]
fn the_home_greets_with_the_presentation_message_in_the_pages_language() {
    let mut camping = camping();
    camping.presentation = hospes::i18n::Translated {
        fr: Some("Bienvenue au Camping des Pins, à 300 m de l’océan.".into()),
        en: None,
        es: Some("Bienvenidos al Camping des Pins, a 300 m del océano.".into()),
    };
    let portal = Portal::open(&whole("C-1"), client("C-1")).unwrap();
    let shown = |locale| {
        portal
            .home(&camping, &everyone(), locale, today())
            .unwrap()
            .header
            .presentation
            .unwrap()
    };
    assert!(shown(Some(hospes::Locale::Es)).starts_with("Bienvenidos"));
    assert!(
        shown(Some(hospes::Locale::En)).starts_with("Bienvenue"),
        "not written in English: the establishment's language"
    );
    assert!(shown(None).starts_with("Bienvenue"));
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
fn the_business_notes_on_a_stay_are_never_shown_to_the_guest() {
    let mut stays = everyone();
    stays[0].business_notes = Some("Client difficile : pas près des sanitaires.".into());
    stays[0].origin = Some(hospes::stay::BookingOrigin::Phone);
    let portal = Portal::open(&whole("C-1"), client("C-1")).unwrap();
    let detail = portal.stay(&stays, "312").unwrap();
    assert_eq!(detail.stay.business_notes, None);
    let shown = serde_json::to_string(&portal.history(&stays, today()).unwrap()).unwrap()
        + &serde_json::to_string(&detail).unwrap();
    assert!(!shown.contains("difficile"), "{shown}");
    // What the host stores keeps them.
    assert!(stays[0].business_notes.is_some());
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
            .home(&camping(), &everyone(), None, today())
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
        .add_participant(&s, NewParticipant::Former { index: 0 }, none(), now())
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
            none(),
            now(),
        )
        .unwrap();
    assert_eq!(with_lea.stay.participants.len(), 2);
    assert_eq!(with_lea.client.companions.len(), 2);
    assert_eq!(with_lea.events[0].kind(), "participants_changed");
    let without_paul = portal
        .remove_participant(&with_lea.stay, 0, none(), now())
        .unwrap();
    assert_eq!(without_paul.stay.participants[0].first_name, "Léa");
}

#[test]
fn participants_of_a_completed_stay_cannot_change() {
    let portal = Portal::open(&whole("C-1"), client("C-1")).unwrap();
    let past = everyone().remove(1);
    assert_eq!(
        portal
            .remove_participant(&past, 0, none(), now())
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

/// Marie's space (C-1042, stay 312 of `core/tests/data/invoicing.json`) from `access`.
fn marie(purpose: Option<LinkPurpose>, subject: Option<&str>) -> Portal {
    let access = PortalAccess {
        client_id: "C-1042".into(),
        purpose,
        subject: subject.map(Into::into),
    };
    Portal::open(&access, get("client")).unwrap()
}

/// Jean's (C-2077) copy of `invoice`, numbered `number`.
fn jeans(invoice: &Invoice, number: &str) -> Invoice {
    let mut theirs = invoice.clone();
    theirs.customer.client_id = "C-2077".into();
    theirs.customer.name = "Jean Martin".into();
    theirs.number = Some(number.into());
    theirs
}

fn policy() -> CancellationPolicy {
    get("cancellation")
}

fn confirmation(shown_refund: &str) -> CancellationConfirmation {
    CancellationConfirmation {
        shown_refund: invoicing::eur(shown_refund),
        invoice_series: invoicing::series(Some("FA26050007")),
        credit_note_series: credit_series(),
    }
}

fn salon() -> serde_json::Value {
    serde_json::from_str(include_str!("data/appointments.json")).unwrap()
}

#[test]
fn a_guest_previews_and_cancels_her_own_stay() {
    let stay: Stay = get("stay");
    let shown = marie(None, None)
        .cancellation_preview(
            &stay,
            &policy(),
            &[deposit()],
            &[deposit_payment()],
            paris(),
            now(),
        )
        .unwrap();
    assert_eq!(shown.penalty.to_string(), "300.00 EUR");
    let done = marie(None, None)
        .cancel_stay(
            &stay,
            &policy(),
            &[deposit()],
            &[deposit_payment()],
            confirmation(&shown.refund.amount.to_string()),
            paris(),
            now(),
        )
        .unwrap();
    assert_eq!(done.stay.status, StayStatus::Cancelled);
    assert_eq!(done.credit_notes.len(), 1);
    assert!(done.fee_invoice.is_some());
}

#[test]
fn a_guest_cannot_preview_the_cancellation_of_another_clients_stay() {
    let mut theirs: Stay = get("stay");
    theirs.client_id = "C-2077".into();
    let portal = marie(None, None);
    let preview = portal.cancellation_preview(&theirs, &policy(), &[], &[], paris(), now());
    assert_eq!(preview.unwrap_err().code(), "portal.not_found");
    let cancel = portal.cancel_stay(
        &theirs,
        &policy(),
        &[],
        &[],
        confirmation("0.00"),
        paris(),
        now(),
    );
    assert_eq!(cancel.unwrap_err().code(), "portal.not_found");
}

#[test]
fn a_link_to_another_stay_neither_previews_nor_cancels_this_one() {
    let stay: Stay = get("stay");
    let elsewhere = marie(Some(LinkPurpose::BookingEdit), Some("330"));
    let err = elsewhere
        .cancellation_preview(
            &stay,
            &policy(),
            &[deposit()],
            &[deposit_payment()],
            paris(),
            now(),
        )
        .unwrap_err();
    assert_eq!(err.code(), "portal.not_found");
    let err = elsewhere
        .cancel_stay(
            &stay,
            &policy(),
            &[],
            &[],
            confirmation("0.00"),
            paris(),
            now(),
        )
        .unwrap_err();
    assert_eq!(err.code(), "portal.not_found");
    let its_own = marie(Some(LinkPurpose::BookingEdit), Some("312"));
    assert!(
        its_own
            .cancellation_preview(&stay, &policy(), &[], &[], paris(), now())
            .is_ok()
    );
}

#[test]
fn another_clients_invoices_are_neither_counted_nor_credited_when_she_cancels() {
    let stay: Stay = get("stay");
    let theirs = jeans(&deposit(), "FA26030043");
    let their_payment = invoicing::pay(&theirs, "jean-1", "300.00");
    let invoices = [deposit(), theirs];
    let payments = [deposit_payment(), their_payment];
    let portal = marie(None, None);
    let shown = portal
        .cancellation_preview(&stay, &policy(), &invoices, &payments, paris(), now())
        .unwrap();
    assert_eq!(shown.paid.to_string(), "300.00 EUR");
    assert_eq!(shown.documents.len(), 2); // her credit note and the fee invoice
    let done = portal
        .cancel_stay(
            &stay,
            &policy(),
            &invoices,
            &payments,
            confirmation("0.00"),
            paris(),
            now(),
        )
        .unwrap();
    let credited: Vec<_> = done
        .credit_notes
        .iter()
        .map(|c| c.credited_invoice.as_deref())
        .collect();
    assert_eq!(credited, [Some("FA26030042")]);
    assert!(
        done.cancelled_invoices
            .iter()
            .chain(&done.credit_notes)
            .chain(&done.fee_invoice)
            .all(|i| i.customer.client_id == "C-1042")
    );
}

#[test]
fn a_resident_names_who_may_stay_on_her_pitch_and_on_no_one_elses() {
    let residency: Residency = get("residency");
    let jeanne = Companion {
        first_name: "Jeanne".into(),
        last_name: "Martin".into(),
        birth_date: None,
    };
    let at = common::at("2027-01-05T10:00:00Z");
    let change = marie(None, None)
        .set_authorised(&residency, vec![jeanne.clone()], at)
        .unwrap();
    assert_eq!(change.residency.authorised, std::slice::from_ref(&jeanne));
    assert_eq!(change.events[0].kind(), "authorised_persons_changed");
    let its_link = marie(Some(LinkPurpose::BookingEdit), Some("R-2027-A12"));
    assert!(its_link.set_authorised(&residency, vec![], at).is_ok());

    let mut theirs = residency.clone();
    theirs.client_id = "C-2077".into();
    let err = marie(None, None)
        .set_authorised(&theirs, vec![jeanne.clone()], at)
        .unwrap_err();
    assert_eq!(err.code(), "portal.not_found");
    let other_link = marie(Some(LinkPurpose::Invoice), Some("FA26030042"));
    let err = other_link
        .set_authorised(&residency, vec![jeanne], at)
        .unwrap_err();
    assert_eq!(err.code(), "portal.not_found");
}

#[test]
fn the_stay_balance_counts_only_her_documents_of_that_stay() {
    let stay: Stay = get("stay");
    let balance = balance_invoice();
    let theirs = jeans(&deposit(), "FA26030043");
    let mut other_stay = deposit();
    other_stay.number = Some("FA26030044".into());
    other_stay.stay_reference = Some("330".into());
    let payments = [
        deposit_payment(),
        invoicing::pay(&theirs, "jean-1", "300.00"),
        invoicing::pay(&other_stay, "other-1", "300.00"),
    ];
    let shown = marie(None, None)
        .stay_balance(&stay, &[deposit(), balance, theirs, other_stay], &payments)
        .unwrap();
    assert_eq!(shown.invoiced.to_string(), "1000.00 EUR");
    assert_eq!(shown.paid.to_string(), "300.00 EUR");
    assert_eq!(shown.due.to_string(), "700.00 EUR");
    assert_eq!(shown.invoices.len(), 2);
}

#[test]
fn the_stay_page_asks_for_the_deposit_first_then_the_balance() {
    let stay: Stay = get("stay");
    let invoices = [balance_invoice(), deposit()];
    let before = marie(None, None)
        .stay_payment(&stay, &invoices, &[], true)
        .unwrap();
    let first = before.pay_now.unwrap();
    assert_eq!(first.kind, hospes::invoice::InvoiceKind::Deposit);
    assert_eq!(first.amount.to_string(), "300.00 EUR");
    assert_eq!(before.left_to_pay.to_string(), "1000.00 EUR");
    let after = marie(None, None)
        .stay_payment(&stay, &invoices, &[deposit_payment()], true)
        .unwrap();
    let then = after.pay_now.unwrap();
    assert_eq!(then.kind, hospes::invoice::InvoiceKind::Balance);
    assert_eq!(then.amount.to_string(), "700.00 EUR");
    assert_eq!(after.left_to_pay.to_string(), "700.00 EUR");
    let offline = marie(None, None)
        .stay_payment(&stay, &invoices, &[], false)
        .unwrap();
    assert!(
        offline.pay_now.is_none(),
        "no « Payer » without a payment provider"
    );
    assert_eq!(offline.left_to_pay.to_string(), "1000.00 EUR");
}

#[test]
fn another_clients_stay_has_no_balance_for_her() {
    let mut theirs: Stay = get("stay");
    theirs.client_id = "C-2077".into();
    let err = marie(None, None)
        .stay_balance(&theirs, &[deposit()], &[deposit_payment()])
        .unwrap_err();
    assert_eq!(err.code(), "portal.not_found");
}

#[test]
fn an_invoice_link_downloads_its_own_invoice_only() {
    let printer = Printer::standard();
    let link = marie(Some(LinkPurpose::Invoice), Some("FA26030042"));
    assert!(link.invoice_pdf(&deposit(), printer).is_ok());
    let err = link.invoice_pdf(&balance_invoice(), printer).unwrap_err();
    assert_eq!(err.code(), "portal.not_found");
    // A link to the stay opens every invoice of the stay.
    let stay_link = marie(Some(LinkPurpose::BookingEdit), Some("312"));
    assert!(stay_link.invoice_pdf(&balance_invoice(), printer).is_ok());
}

#[test]
fn a_draft_or_another_clients_invoice_is_never_downloaded() {
    let printer = Printer::standard();
    let portal = marie(None, None);
    let mut draft = deposit();
    draft.status = InvoiceStatus::Draft;
    draft.number = None;
    assert_eq!(
        portal.invoice_pdf(&draft, printer).unwrap_err().code(),
        "portal.not_found"
    );
    let theirs = jeans(&deposit(), "FA26030043");
    assert_eq!(
        portal.invoice_pdf(&theirs, printer).unwrap_err().code(),
        "portal.not_found"
    );
}

#[test]
fn the_downloaded_invoice_is_the_document_the_business_prints() {
    let printer = Printer::standard();
    let downloaded = marie(None, None).invoice_pdf(&deposit(), printer).unwrap();
    assert_eq!(downloaded, printer.invoice(&deposit()).unwrap());
}

#[test]
fn a_guest_asks_for_an_appointment_for_her_pet_but_a_document_link_does_not_open_them() {
    let data = salon();
    let schedule: AppointmentSchedule = serde_json::from_value(data["schedule"].clone()).unwrap();
    let client: Client = serde_json::from_value(data["client"].clone()).unwrap();
    let ask = |pet: &str| AppointmentRequest {
        pet: pet.into(),
        start: hospes::appointment::parse_local("2026-06-05T14:00").unwrap(),
        end: None,
        comment: None,
    };
    let whole_space = Portal::open(&whole("C-1042"), client.clone()).unwrap();
    let asked = whole_space
        .request_appointment(&schedule, paris(), "RDV-9", ask("Filou"), now())
        .unwrap();
    assert_eq!(asked.appointment.client_id, "C-1042");
    let err = whole_space
        .request_appointment(&schedule, paris(), "RDV-9", ask("Rex"), now())
        .unwrap_err();
    assert_eq!(err.code(), "appointment.pet_unknown");
    let access = PortalAccess {
        client_id: "C-1042".into(),
        purpose: Some(LinkPurpose::Invoice),
        subject: Some("FA26030042".into()),
    };
    let one_invoice = Portal::open(&access, client).unwrap();
    let err = one_invoice
        .request_appointment(&schedule, paris(), "RDV-9", ask("Filou"), now())
        .unwrap_err();
    assert_eq!(err.code(), "portal.not_found");
}

/// A client of the property test, with a pet to ask appointments for.
fn client_with_pet(id: &str) -> Client {
    let mut c = client(id);
    c.pets = serde_json::from_str(r#"[{"name": "Filou", "species": "chien"}]"#).unwrap();
    c
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
        let portal = Portal::open(&access, client_with_pet(ids[me])).unwrap();
        // Each stay has an invoice of its owner (every fourth a draft) and one of someone else
        // naming it, each paid 100 € when issued; a residency of the same reference and an
        // appointment.
        let invoices: Vec<Invoice> = stays.iter().enumerate()
            .flat_map(|(i, s)| {
                let mut invoice = deposit();
                invoice.customer.client_id = s.client_id.clone();
                invoice.stay_reference = Some(s.reference.clone());
                invoice.number = Some(format!("FA2603{i:04}"));
                if i % 4 == 3 {
                    invoice.status = InvoiceStatus::Draft;
                    invoice.number = None;
                }
                let mut stray = deposit();
                stray.customer.client_id = ids[(owners[i] + 1) % 4].into();
                stray.stay_reference = Some(s.reference.clone());
                stray.number = Some(format!("FA2604{i:04}"));
                [invoice, stray]
            })
            .collect();
        let payments: Vec<Payment> = invoices.iter().enumerate()
            .filter(|(_, i)| i.number.is_some())
            .map(|(k, i)| invoicing::pay(i, &format!("p-{k}"), "100.00"))
            .collect();
        let residencies: Vec<Residency> = stays.iter()
            .map(|s| Residency { reference: s.reference.clone(), client_id: s.client_id.clone(), ..get("residency") })
            .collect();
        let requested: Appointment = serde_json::from_value(salon()["requested"].clone()).unwrap();
        let appointments: Vec<Appointment> = stays.iter()
            .map(|s| Appointment { id: format!("RDV-{}", s.reference), client_id: s.client_id.clone(), ..requested.clone() })
            .collect();
        let edit_policy: hospes::editable::EditPolicy =
            serde_json::from_str(r#"{"fields": [{"field": "participants", "days_before_arrival": 7}]}"#).unwrap();
        let mine = |client_id: &str| -> Result<(), TestCaseError> {
            prop_assert_eq!(client_id, ids[me]);
            Ok(())
        };
        let my_number = |number: &str| invoices.iter()
            .any(|i| i.number.as_deref() == Some(number) && i.customer.client_id == ids[me]);
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
            if let Ok(change) = portal.add_participant(s, NewParticipant::Former { index: 0 }, none(), now()) {
                prop_assert_eq!(change.stay.client_id.as_str(), ids[me]);
            }
            if let Ok(change) = portal.remove_participant(s, 0, none(), now()) {
                prop_assert_eq!(change.stay.client_id.as_str(), ids[me]);
            }
            if let Ok(preview) = portal.cancellation_preview(s, &policy(), &invoices, &payments, paris(), now()) {
                mine(&s.client_id)?;
                for planned in &preview.documents {
                    if let Some(number) = &planned.cancels {
                        prop_assert!(my_number(number));
                    }
                }
                let done = portal
                    .cancel_stay(s, &policy(), &invoices, &payments, CancellationConfirmation {
                        shown_refund: preview.refund.clone(),
                        invoice_series: invoicing::series(None),
                        credit_note_series: credit_series(),
                    }, paris(), now())
                    .unwrap();
                mine(&done.stay.client_id)?;
                for document in done.cancelled_invoices.iter().chain(&done.credit_notes).chain(&done.fee_invoice) {
                    mine(&document.customer.client_id)?;
                }
            }
            if let Ok(window) = portal.edit_window(&edit_policy, &stays, &s.reference, paris(), now()) {
                prop_assert_eq!(&window.stay_reference, &s.reference);
                mine(&s.client_id)?;
            }
            if let Ok(money) = portal.stay_payment(s, &invoices, &payments, true) {
                mine(&s.client_id)?;
                for b in &money.balance.invoices {
                    prop_assert!(my_number(&b.invoice_number));
                }
                if let Some(pay) = &money.pay_now {
                    prop_assert!(my_number(&pay.invoice_number));
                }
            }
        }
        if let Ok(views) = portal.invoices(&invoices, &payments, true) {
            for view in &views {
                mine(&view.invoice.customer.client_id)?;
            }
        }
        // One download a case (a PDF is slow to render in a debug build).
        let invoice = &invoices[asked % invoices.len()];
        if portal.invoice_pdf(invoice, Printer::standard()).is_ok() {
            mine(&invoice.customer.client_id)?;
            prop_assert_ne!(invoice.status, InvoiceStatus::Draft);
        }
        for residency in &residencies {
            if let Ok(change) = portal.set_authorised(residency, vec![], now()) {
                mine(&change.residency.client_id)?;
            }
            if let Ok(year) = portal.residency(&residencies, &residency.reference) {
                mine(&year.residency.client_id)?;
            }
        }
        if let Ok(list) = hospes::appointment::for_guest(&portal, &appointments) {
            for a in &list {
                mine(&a.client_id)?;
            }
        }
        for a in &appointments {
            if let Ok(out) = hospes::appointment::cancel(&portal, a, paris(), now()) {
                mine(&out.appointment.client_id)?;
            }
        }
        let schedule: AppointmentSchedule = serde_json::from_value(salon()["schedule"].clone()).unwrap();
        let ask = AppointmentRequest {
            pet: "Filou".into(),
            start: hospes::appointment::parse_local("2026-06-05T14:00").unwrap(),
            end: None,
            comment: None,
        };
        if let Ok(out) = portal.request_appointment(&schedule, paris(), "RDV-1", ask, now()) {
            mine(&out.appointment.client_id)?;
        }
        // Every client has a Filou: hers counts only her appointments.
        if let Ok(pets) = portal.pets(&appointments, hospes::Locale::Fr) {
            let hers = appointments.iter().filter(|a| a.client_id == ids[me]).count();
            prop_assert_eq!(pets.len(), 1);
            prop_assert_eq!(pets[0].appointments as usize, hers);
        }
        // A quote and a contract of one of the clients, numbered as a stay: viewed, and one
        // of them shown as a PDF a case.
        let owner = ids[owners[asked % owners.len()]];
        let subject = format!("{}", 100 + asked % owners.len());
        let mut quote: hospes::quote::Quote = document("quote");
        quote.client_id = owner.into();
        quote.number = subject.clone();
        let mut contract: hospes::contract::Contract = document("contract");
        contract.customer.client_id = owner.into();
        contract.number = subject;
        if let Ok(view) = portal.quote(&quote, now()) {
            mine(&view.quote.client_id)?;
        }
        if let Ok(view) = portal.contract(&contract) {
            mine(&view.contract.customer.client_id)?;
        }
        if asked % 2 == 0 {
            if portal.quote_document(&quote, &camping(), None, Printer::standard()).is_ok() {
                mine(&quote.client_id)?;
            }
        } else if portal.contract_document(&contract, None, Printer::standard()).is_ok() {
            mine(&contract.customer.client_id)?;
        }
        // And a portal for one client cannot be opened on another's record.
        let other = ids[(me + 1) % 4];
        prop_assert!(Portal::open(&access, client(other)).is_err());
    }
}
