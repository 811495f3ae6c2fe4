//! Quotes in the guest's words: she reads the quote, adds her daughter, types a promo
//! code, and signs; the stay is confirmed with the exact document she accepted.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use common::{at, catalogue};
use hospes::pdf::Printer;
use hospes::portal::{Portal, PortalAccess};
use hospes::pricing::PricedGuest;
use hospes::quote::{Quote, QuoteAcceptance, QuoteStatus};
use hospes::signature::SignatureRequest;
use hospes::{Client, Event, LinkPurpose, Stay, StayStatus};

fn marie() -> Client {
    serde_json::from_str(r#"{"id": "C-1042", "last_name": "Dupont", "first_name": "Marie", "created_at": "2024-05-02T14:10:00Z"}"#).unwrap()
}

/// Marie's stay in « option », with her partner: the two guests of the quote.
fn option_stay() -> Stay {
    serde_json::from_str(
        r#"{"reference": "312", "client_id": "C-1042", "accommodation": "Emplacement confort",
        "arrival": "2026-07-11", "departure": "2026-07-25", "status": "option", "currency": "EUR",
        "participants": [{"first_name": "Paul", "last_name": "Dupont"}]}"#,
    )
    .unwrap()
}

fn quote() -> Quote {
    let request = serde_json::from_str(
        r#"{"unit": "E12", "arrival": "2026-07-11", "departure": "2026-07-25", "guests": [{}, {}], "supplements": [{"id": "dog"}]}"#,
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

/// Marie, her partner and Léa, 10.
fn with_lea() -> Vec<PricedGuest> {
    vec![
        PricedGuest::default(),
        PricedGuest::default(),
        PricedGuest {
            birth_date: Some("2016-05-02".parse().unwrap()),
        },
    ]
}

fn whole_space() -> Portal {
    Portal::open(
        &PortalAccess {
            client_id: "C-1042".into(),
            purpose: None,
            subject: None,
        },
        marie(),
    )
    .unwrap()
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

fn camping() -> hospes::Establishment {
    common::invoicing::get("establishment")
}

/// The SHA-256 of the quote's PDF as Marie reads it: what she signs.
fn shown(quote: &Quote) -> String {
    whole_space()
        .quote_document(quote, &camping(), None, Printer::standard())
        .unwrap()
        .sha256
}

/// The guest's acceptance through her space, with the standard printer.
trait Accepts {
    fn accept(
        &self,
        quote: &Quote,
        stay: &Stay,
        request: SignatureRequest,
        now: chrono::DateTime<chrono::Utc>,
    ) -> hospes::Result<QuoteAcceptance>;
}

impl Accepts for Portal {
    fn accept(
        &self,
        quote: &Quote,
        stay: &Stay,
        request: SignatureRequest,
        now: chrono::DateTime<chrono::Utc>,
    ) -> hospes::Result<QuoteAcceptance> {
        self.accept_quote(quote, stay, request, &camping(), Printer::standard(), now)
            .map(|signed| signed.acceptance)
    }
}

#[test]
fn accepting_a_quote_confirms_the_stay_with_the_exact_document_signed() {
    let portal = whole_space();
    let now = at("2026-03-02T18:30:00Z");
    let view = portal.quote(&quote(), now).unwrap();
    assert!(view.open);
    let pdf_sha256 = shown(&view.quote);
    let accepted = portal
        .accept(&view.quote, &option_stay(), signature(&pdf_sha256), now)
        .unwrap();
    assert_eq!(accepted.quote.status, QuoteStatus::Accepted);
    assert_eq!(accepted.stay.status, StayStatus::Confirmed);
    assert_eq!(accepted.stay.lines, view.quote.priced.lines);
    let evidence = accepted.quote.acceptance.as_ref().unwrap();
    assert_eq!(
        evidence.document_sha256, pdf_sha256,
        "she signed the PDF she read"
    );
    assert_eq!(
        evidence.content_sha256,
        Some(view.quote.document_sha256().unwrap())
    );
    assert_eq!(evidence.consent_sha256.len(), 64);
    assert_eq!(evidence.ip.as_deref(), Some("203.0.113.7"));
    match &accepted.events[..] {
        [
            Event::QuoteAccepted {
                document_sha256,
                total,
                ..
            },
            Event::StayConfirmed {
                stay_reference,
                dates_changed,
                ..
            },
        ] => {
            assert_eq!(document_sha256, &pdf_sha256);
            assert_eq!(total, &view.quote.priced.totals.vat.total_incl_vat);
            assert_eq!(stay_reference, "312");
            // Same dates on the quote and the stay: nothing to say about them.
            assert_eq!(dates_changed, &None);
        }
        other => panic!("unexpected events {other:?}"),
    }
    // The record's hash covers the document, not its status: accepting does not change it.
    assert_eq!(
        accepted.quote.document_sha256().unwrap(),
        view.quote.document_sha256().unwrap()
    );
}

#[test]
fn an_accepted_quote_cannot_be_accepted_again_nor_changed() {
    let portal = whole_space();
    let now = at("2026-03-02T18:30:00Z");
    let q = quote();
    let hash = shown(&q);
    let accepted = portal
        .accept(&q, &option_stay(), signature(&hash), now)
        .unwrap();
    let again = portal.accept(&accepted.quote, &option_stay(), signature(&hash), now);
    assert_eq!(again.unwrap_err().code(), "quote.already_accepted");
    let promo =
        portal.apply_quote_promo(&accepted.quote, &catalogue(), Some("PRINTEMPS".into()), now);
    assert_eq!(promo.unwrap_err().code(), "quote.already_accepted");
}

#[test]
fn an_expired_quote_cannot_be_accepted() {
    let q = quote();
    let hash = shown(&q);
    let late = whole_space().accept(
        &q,
        &option_stay(),
        signature(&hash),
        at("2026-04-30T22:00:00Z"),
    );
    assert_eq!(late.unwrap_err().code(), "quote.expired");
    assert!(
        !whole_space()
            .quote(&q, at("2026-05-01T00:00:00Z"))
            .unwrap()
            .open
    );
}

#[test]
fn a_quote_changed_since_it_was_shown_cannot_be_accepted() {
    let portal = whole_space();
    let now = at("2026-03-02T18:30:00Z");
    let shown = quote();
    let seen = self::shown(&shown);
    let with_lea = portal
        .change_quote_guests(&shown, &catalogue(), with_lea(), now)
        .unwrap()
        .quote;
    let err = portal
        .accept(&with_lea, &option_stay(), signature(&seen), now)
        .unwrap_err();
    assert_eq!(err.code(), "quote.changed");
}

#[test]
fn adding_a_child_reprices_the_quote_and_kills_the_old_quote_link() {
    let portal = whole_space();
    let now = at("2026-04-20T09:00:00Z");
    let before = quote();
    let change = portal
        .change_quote_guests(&before, &catalogue(), with_lea(), now)
        .unwrap();
    // Léa, 10, pays the child's extra-person price: 14 nights × 3.75.
    let difference = change.quote.priced.totals.vat.total_incl_vat.amount
        - before.priced.totals.vat.total_incl_vat.amount;
    assert_eq!(difference.to_string(), "49.87");
    match &change.events[..] {
        [
            Event::QuoteChanged {
                previous_sha256,
                document_sha256,
                ..
            },
        ] => {
            assert_eq!(previous_sha256, &before.document_sha256().unwrap());
            assert_eq!(document_sha256, &change.quote.document_sha256().unwrap());
            assert_ne!(previous_sha256, document_sha256);
        }
        other => panic!("unexpected events {other:?}"),
    }
    assert_ne!(
        before.link_state().unwrap(),
        change.quote.link_state().unwrap()
    );
}

#[test]
fn a_promo_code_typed_on_the_quote_recomputes_the_total_at_the_quote_date() {
    let portal = whole_space();
    // Typed in April, after the spring offer ended: the quote of March keeps its offer.
    let change = portal
        .apply_quote_promo(
            &quote(),
            &catalogue(),
            Some("printemps".into()),
            at("2026-04-20T09:00:00Z"),
        )
        .unwrap();
    assert_eq!(
        change.quote.priced.promo.as_ref().unwrap().code,
        "PRINTEMPS"
    );
    assert!(
        change.quote.priced.totals.vat.total_incl_vat.amount
            < quote().priced.totals.vat.total_incl_vat.amount
    );
    let unknown = portal.apply_quote_promo(
        &quote(),
        &catalogue(),
        Some("GRATUIT".into()),
        at("2026-03-02T09:00:00Z"),
    );
    assert_eq!(unknown.unwrap_err().code(), "pricing.promo_unknown");
}

#[test]
fn another_clients_quote_is_not_found_and_a_quote_link_opens_only_its_quote() {
    let mut theirs = quote();
    theirs.client_id = "C-2077".into();
    assert_eq!(
        whole_space()
            .quote(&theirs, at("2026-03-02T09:00:00Z"))
            .unwrap_err()
            .code(),
        "portal.not_found"
    );
    let other_quote_link = Portal::open(
        &PortalAccess {
            client_id: "C-1042".into(),
            purpose: Some(LinkPurpose::Quote),
            subject: Some("D26-0299".into()),
        },
        marie(),
    )
    .unwrap();
    assert_eq!(
        other_quote_link
            .quote(&quote(), at("2026-03-02T09:00:00Z"))
            .unwrap_err()
            .code(),
        "portal.not_found"
    );
    let its_link = Portal::open(
        &PortalAccess {
            client_id: "C-1042".into(),
            purpose: Some(LinkPurpose::Quote),
            subject: Some("D26-0312".into()),
        },
        marie(),
    )
    .unwrap();
    assert!(its_link.quote(&quote(), at("2026-03-02T09:00:00Z")).is_ok());
}

#[test]
fn a_quote_must_be_valid_after_it_is_made() {
    let request = serde_json::from_str(
        r#"{"unit": "E12", "arrival": "2026-07-11", "departure": "2026-07-25", "guests": [{}]}"#,
    )
    .unwrap();
    let now = at("2026-03-01T10:00:00Z");
    let err =
        Quote::create("D26-0313", "C-1042", "313", &catalogue(), request, now, now).unwrap_err();
    assert_eq!(err.code(), "quote.validity_invalid");
}

#[test]
fn a_quote_accepted_with_another_stay_says_so_naming_both_stays() {
    let q = quote();
    let mut other = option_stay();
    other.reference = "298".into();
    let err = whole_space()
        .accept(
            &q,
            &other,
            signature(&shown(&q)),
            at("2026-03-02T18:30:00Z"),
        )
        .unwrap_err();
    assert_eq!(err.code(), "quote.stay_mismatch");
    assert_eq!(
        err.message(hospes::Locale::En),
        "Quote D26-0312 is for stay 312, not for stay 298."
    );
    assert_eq!(
        err.message(hospes::Locale::Fr),
        "Le devis D26-0312 porte sur le séjour 312, pas sur le séjour 298."
    );
}

#[test]
fn a_stay_that_is_no_longer_an_option_cannot_be_confirmed_again_by_a_quote() {
    let q = quote();
    let mut confirmed = option_stay();
    confirmed.status = StayStatus::Confirmed;
    let err = whole_space()
        .accept(
            &q,
            &confirmed,
            signature(&shown(&q)),
            at("2026-03-02T18:30:00Z"),
        )
        .unwrap_err();
    assert_eq!(err.code(), "stay.not_editable");
}

#[test]
fn a_stay_naming_fewer_people_than_the_quotes_guests_is_not_confirmed() {
    // She added Léa to the quote but not to the stay: three guests priced, two people named.
    let portal = whole_space();
    let now = at("2026-03-02T18:30:00Z");
    let with_lea = portal
        .change_quote_guests(&quote(), &catalogue(), with_lea(), now)
        .unwrap()
        .quote;
    let hash = shown(&with_lea);
    let err = portal
        .accept(&with_lea, &option_stay(), signature(&hash), now)
        .unwrap_err();
    assert_eq!(
        err,
        hospes::Error::QuoteParticipantsMissing {
            number: "D26-0312".into(),
            stay: "312".into(),
            guests: 3,
            people: 2,
        }
    );
    assert_eq!(
        err.message(hospes::Locale::En),
        "Quote D26-0312 is for 3 guests but stay 312 names only 2 people: please add the participants before accepting."
    );
    // Once Léa is named on the stay, the quote confirms it.
    let mut with_her = option_stay();
    with_her.participants.push(
        serde_json::from_str(
            r#"{"first_name": "Léa", "last_name": "Dupont", "birth_date": "2016-05-02"}"#,
        )
        .unwrap(),
    );
    let accepted = portal
        .accept(&with_lea, &with_her, signature(&hash), now)
        .unwrap();
    assert_eq!(accepted.stay.status, StayStatus::Confirmed);
}

#[test]
fn when_the_quotes_dates_replace_the_stays_the_confirmation_says_so_with_both() {
    // The stay was noted a day earlier than the quote she signs.
    let q = quote();
    let mut earlier = option_stay();
    earlier.arrival = "2026-07-10".parse().unwrap();
    earlier.departure = "2026-07-24".parse().unwrap();
    let accepted = whole_space()
        .accept(
            &q,
            &earlier,
            signature(&shown(&q)),
            at("2026-03-02T18:30:00Z"),
        )
        .unwrap();
    assert_eq!(
        (
            accepted.stay.arrival.to_string(),
            accepted.stay.departure.to_string()
        ),
        ("2026-07-11".to_owned(), "2026-07-25".to_owned())
    );
    let confirmed = accepted.events.last().unwrap();
    match confirmed {
        Event::StayConfirmed {
            dates_changed: Some(change),
            ..
        } => {
            assert_eq!(
                [
                    change.previous_arrival,
                    change.previous_departure,
                    change.arrival,
                    change.departure
                ]
                .map(|d| d.to_string()),
                ["2026-07-10", "2026-07-24", "2026-07-11", "2026-07-25"]
            );
        }
        other => panic!("the confirmation does not say the dates changed: {other:?}"),
    }
    assert_eq!(
        confirmed.describe(hospes::Locale::Fr),
        "Séjour 312 confirmé du 11 juillet 2026 au 25 juillet 2026 (au lieu du 10 juillet 2026 au 24 juillet 2026) (client C-1042)."
    );
    let json = serde_json::to_value(confirmed).unwrap();
    assert_eq!(json["dates_changed"]["previous_arrival"], "2026-07-10");
    assert_eq!(json["dates_changed"]["arrival"], "2026-07-11");
}

#[test]
fn a_confirmation_without_a_change_of_dates_is_written_as_before() {
    // No `dates_changed` key at all, so that an event log written before keeps its hashes.
    let e = Event::StayConfirmed {
        occurred_at: at("2026-03-02T18:30:00Z"),
        client_id: "C-1042".into(),
        stay_reference: "312".into(),
        dates_changed: None,
    };
    assert_eq!(
        serde_json::to_string(&e).unwrap(),
        r#"{"type":"stay_confirmed","occurred_at":"2026-03-02T18:30:00Z","client_id":"C-1042","stay_reference":"312"}"#
    );
    assert_eq!(
        e.describe(hospes::Locale::En),
        "Stay 312 confirmed (client C-1042)."
    );
}
