//! Who comes, in the guests' words (frictions 3, 4, 10 and 11 of the reference portal): the
//! participants follow the booking page's deadline, a stay in « option » has its quote re-priced
//! as she adds Léa, and once she signs, the first invoice is ready to draft, due no earlier
//! than the day she signed.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use common::invoicing::{paris, series};
use common::{at, catalogue};
use hospes::editable::{self, BookingChange, EditPolicy};
use hospes::invoice::{self, InvoiceKind};
use hospes::pdf::Printer;
use hospes::portal::{EditRule, NewParticipant, OpenQuote, ParticipantRules, Portal, PortalAccess};
use hospes::quote::Quote;
use hospes::signature::SignatureRequest;
use hospes::{Client, Companion, Stay, StayStatus};

fn marie() -> Client {
    serde_json::from_str(r#"{"id": "C-1042", "last_name": "Dupont", "first_name": "Marie", "created_at": "2024-05-02T14:10:00Z",
        "companions": [{"first_name": "Paul", "last_name": "Dupont"}]}"#).unwrap()
}

fn portal() -> Portal {
    let access = PortalAccess {
        client_id: "C-1042".into(),
        purpose: None,
        subject: None,
    };
    Portal::open(&access, marie()).unwrap()
}

/// Marie's stay 312, 11–25 July, with Paul: in « option », or `status`.
fn stay(status: &str) -> Stay {
    serde_json::from_value(
        serde_json::json!({"reference": "312", "client_id": "C-1042",
        "accommodation": "Emplacement confort", "arrival": "2026-07-11", "departure": "2026-07-25",
        "status": status, "currency": "EUR",
        "participants": [{"first_name": "Paul", "last_name": "Dupont"}]}),
    )
    .unwrap()
}

/// Participants until 7 days before arrival: the end of 4 July in Paris.
fn policy() -> EditPolicy {
    serde_json::from_str(r#"{"fields": [{"field": "participants", "days_before_arrival": 7}]}"#)
        .unwrap()
}

fn under(policy: &EditPolicy) -> ParticipantRules<'_> {
    ParticipantRules {
        edit: Some(EditRule {
            policy,
            time_zone: paris(),
            request_id: "REQ-41",
        }),
        quote: None,
    }
}

fn lea() -> NewParticipant {
    NewParticipant::Typed {
        person: Companion {
            first_name: "Léa".into(),
            last_name: "Dupont".into(),
            birth_date: Some("2016-05-02".parse().unwrap()),
        },
    }
}

/// The quote of stay 312, made on 1 March for Marie and Paul, valid until 30 April.
fn quote() -> Quote {
    let request = serde_json::from_str(
        r#"{"unit": "E12", "arrival": "2026-07-11", "departure": "2026-07-25", "guests": [{}, {}]}"#,
    )
    .unwrap();
    Quote::create(
        "D26-0312",
        "C-1042",
        "312",
        &catalogue(),
        request,
        at("2026-03-01T10:00:00Z"),
        at("2026-04-30T22:00:00Z"),
    )
    .unwrap()
}

#[test]
fn a_participant_added_before_the_deadline_joins_the_stay_at_once() {
    let policy = policy();
    let change = portal()
        .add_participant(
            &stay("confirmed"),
            lea(),
            under(&policy),
            at("2026-07-04T21:59:59Z"),
        )
        .unwrap();
    assert_eq!(change.stay.participants.len(), 2);
    assert_eq!(change.request, None);
    assert_eq!(change.client.companions.len(), 2, "Léa is remembered");
    assert_eq!(change.events[0].kind(), "participants_changed");
}

#[test]
fn a_participant_added_after_the_deadline_becomes_a_request_for_the_business() {
    let policy = policy();
    let change = portal()
        .add_participant(
            &stay("confirmed"),
            lea(),
            under(&policy),
            at("2026-07-04T22:00:00Z"),
        )
        .unwrap();
    assert_eq!(
        change.stay,
        stay("confirmed"),
        "nothing changes until approved"
    );
    assert_eq!(change.client, marie());
    let request = change.request.unwrap();
    assert_eq!(request.id, "REQ-41");
    let asked = request.change.participants.unwrap();
    assert_eq!(asked.len(), 2);
    assert_eq!(asked[1].first_name, "Léa");
    assert_eq!(change.events.len(), 1);
    assert_eq!(change.events[0].kind(), "booking_change_requested");
}

#[test]
fn the_stay_page_and_the_booking_page_give_one_answer_for_the_participants() {
    let policy = policy();
    for now in [
        "2026-06-01T10:00:00Z",
        "2026-07-04T21:59:59Z",
        "2026-07-04T22:00:00Z",
        "2026-07-10T08:00:00Z",
        "2026-07-11T08:00:00Z",
    ] {
        let now = at(now);
        let removed = portal().remove_participant(&stay("confirmed"), 0, under(&policy), now);
        let booking = editable::apply(
            &policy,
            &stay("confirmed"),
            paris(),
            BookingChange {
                participants: Some(vec![]),
                ..BookingChange::default()
            },
            "REQ-41",
            now,
        );
        match (removed, booking) {
            (Ok(removed), Ok(booking)) => {
                assert_eq!(removed.stay, booking.stay, "{now}");
                assert_eq!(removed.request, booking.request, "{now}");
            }
            (Err(a), Err(b)) => assert_eq!(a.code(), b.code(), "{now}"),
            (a, b) => panic!("{now}: stay page {a:?}, booking page {b:?}"),
        }
    }
}

#[test]
fn a_policy_that_does_not_offer_the_participants_lets_the_guest_change_none() {
    let notes: EditPolicy =
        serde_json::from_str(r#"{"fields": [{"field": "notes", "days_before_arrival": 1}]}"#)
            .unwrap();
    let refused = portal().add_participant(
        &stay("confirmed"),
        lea(),
        under(&notes),
        at("2026-06-01T10:00:00Z"),
    );
    assert_eq!(refused.unwrap_err().code(), "booking.field_not_editable");
    // Without a policy, as before: any time the stay's status allows.
    let free = portal().add_participant(
        &stay("confirmed"),
        lea(),
        ParticipantRules::default(),
        at("2026-07-10T10:00:00Z"),
    );
    assert_eq!(free.unwrap().stay.participants.len(), 2);
}

#[test]
fn adding_lea_to_a_stay_in_option_reprices_its_quote_and_she_can_then_sign() {
    let (quote, catalogue) = (quote(), catalogue());
    let rules = ParticipantRules {
        edit: None,
        quote: Some(OpenQuote {
            quote: &quote,
            catalogue: &catalogue,
        }),
    };
    let now = at("2026-03-02T18:30:00Z");
    let change = portal()
        .add_participant(&stay("option"), lea(), rules, now)
        .unwrap();
    let repriced = change.quote.unwrap();
    assert_eq!(repriced.request.guests.len(), 3);
    assert_eq!(
        repriced.request.guests[2].birth_date,
        Some("2016-05-02".parse().unwrap()),
        "her age counts"
    );
    assert_ne!(
        repriced.priced.totals.vat.total_incl_vat,
        quote.priced.totals.vat.total_incl_vat
    );
    let kinds: Vec<_> = change.events.iter().map(|e| e.kind()).collect();
    assert_eq!(kinds, ["participants_changed", "quote_changed"]);
    // She signs the re-priced quote for everyone now coming.
    let shown = portal()
        .quote_document(&repriced, &camping(), None, Printer::standard())
        .unwrap();
    let signed = portal()
        .accept_quote(
            &repriced,
            &change.stay,
            signature(&shown.sha256),
            &camping(),
            Printer::standard(),
            now,
        )
        .unwrap();
    assert_eq!(signed.acceptance.stay.status, StayStatus::Confirmed);
}

#[test]
fn removing_a_participant_reprices_the_quote_too() {
    let (quote, catalogue) = (quote(), catalogue());
    let rules = ParticipantRules {
        edit: None,
        quote: Some(OpenQuote {
            quote: &quote,
            catalogue: &catalogue,
        }),
    };
    let change = portal()
        .remove_participant(&stay("option"), 0, rules, at("2026-03-02T18:30:00Z"))
        .unwrap();
    assert_eq!(change.quote.unwrap().request.guests.len(), 1);
}

#[test]
fn an_expired_quote_or_a_confirmed_stay_leaves_the_quote_as_it_is() {
    let (quote, catalogue) = (quote(), catalogue());
    let rules = ParticipantRules {
        edit: None,
        quote: Some(OpenQuote {
            quote: &quote,
            catalogue: &catalogue,
        }),
    };
    let expired = portal()
        .add_participant(&stay("option"), lea(), rules, at("2026-05-02T10:00:00Z"))
        .unwrap();
    assert_eq!((expired.quote, expired.events.len()), (None, 1));
    let confirmed = portal()
        .add_participant(&stay("confirmed"), lea(), rules, at("2026-03-02T10:00:00Z"))
        .unwrap();
    assert_eq!(confirmed.quote, None);
}

#[test]
fn another_stays_quote_or_another_clients_is_refused() {
    let catalogue = catalogue();
    let other_stay = Quote {
        stay_reference: "313".into(),
        ..quote()
    };
    let rules = ParticipantRules {
        edit: None,
        quote: Some(OpenQuote {
            quote: &other_stay,
            catalogue: &catalogue,
        }),
    };
    let refused =
        portal().add_participant(&stay("option"), lea(), rules, at("2026-03-02T10:00:00Z"));
    assert_eq!(refused.unwrap_err().code(), "quote.stay_mismatch");
    let theirs = Quote {
        client_id: "C-2".into(),
        ..quote()
    };
    let rules = ParticipantRules {
        edit: None,
        quote: Some(OpenQuote {
            quote: &theirs,
            catalogue: &catalogue,
        }),
    };
    let refused =
        portal().add_participant(&stay("option"), lea(), rules, at("2026-03-02T10:00:00Z"));
    assert_eq!(refused.unwrap_err().code(), "portal.not_found");
}

fn camping() -> hospes::Establishment {
    common::invoicing::get("establishment")
}

fn signature(sha256: &str) -> SignatureRequest {
    SignatureRequest {
        document_sha256: sha256.into(),
        signer_name: "Marie Dupont".into(),
        signer_email: Some("marie.dupont@example.fr".into()),
        consent_text: "J’accepte le devis et les conditions générales de vente.".into(),
        ip: Some("203.0.113.7".into()),
        user_agent: Some("Mozilla/5.0".into()),
        image: None,
        locale: None,
    }
}

#[test]
fn signing_a_quote_three_days_after_it_was_made_gives_the_deposit_invoice_due_that_day() {
    let quote = quote();
    assert_eq!(
        quote.priced.schedule[0].due_on.to_string(),
        "2026-03-01",
        "the deposit is due the day the quote was made"
    );
    let shown = portal()
        .quote_document(&quote, &camping(), None, Printer::standard())
        .unwrap();
    // 23:30 in Paris on 4 March is 22:30 UTC: the signature day is the establishment's.
    let now = at("2026-03-04T22:30:00Z");
    let signed = portal()
        .accept_quote(
            &quote,
            &stay("option"),
            signature(&shown.sha256),
            &camping(),
            Printer::standard(),
            now,
        )
        .unwrap();
    let request = signed.first_invoice.unwrap();
    assert_eq!(request.kind, InvoiceKind::Deposit);
    assert_eq!(request.due_date.to_string(), "2026-03-04");
    assert_eq!(
        request.amount,
        Some(quote.priced.schedule[0].amount.clone())
    );
    assert_eq!(request.stay.as_ref().unwrap().status, StayStatus::Confirmed);
    assert_eq!(request.client, marie());
    // Ready to draft and issue on the signature day.
    let issued = invoice::draft(request)
        .unwrap()
        .issue(&series(None), "2026-03-04".parse().unwrap(), now)
        .unwrap();
    assert_eq!(
        issued.invoice.totals.vat.total_incl_vat,
        quote.priced.schedule[0].amount
    );
}
