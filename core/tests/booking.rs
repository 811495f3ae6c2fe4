//! A booking taken by phone, as the seeds tell it: priced from the catalogue and confirmed at
//! once, without a quote, with the business's discount when it grants one.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::invoicing::{eur, get, series};
use common::{at, catalogue};
use hospes::booking::{self, BookingRequest};
use hospes::invoice::{self, InvoiceKind, InvoiceRequest};
use hospes::pricing::{BusinessDiscount, InstallmentKind, PriceRequest, PromoDiscount};
use hospes::stay::BookingOrigin;
use hospes::{LineKind, StayStatus};

/// Two adults in the three-bedroom mobile home for a week from `arrival`, a Saturday.
fn a_week(arrival: &str, departure: &str) -> PriceRequest {
    serde_json::from_value(serde_json::json!({
        "unit": "MH3", "arrival": arrival, "departure": departure, "guests": [{}, {}]
    }))
    .unwrap()
}

/// Marie's phone call of 1 March: stay 312, a week in July.
fn phone_call(request: PriceRequest) -> BookingRequest {
    BookingRequest {
        client_id: "C-1042".into(),
        stay_reference: "312".into(),
        request,
        discount: None,
        participants: vec![],
        origin: Some(BookingOrigin::Phone),
    }
}

#[test]
fn a_booking_taken_by_phone_is_confirmed_without_a_quote() {
    let now = at("2026-03-01T10:00:00Z");
    let booked = booking::book(
        &catalogue(),
        phone_call(a_week("2026-07-11", "2026-07-18")),
        now,
    )
    .unwrap();
    let stay = &booked.stay;
    assert_eq!(stay.status, StayStatus::Confirmed);
    assert_eq!(stay.origin, Some(BookingOrigin::Phone));
    assert_eq!(
        (stay.reference.as_str(), stay.client_id.as_str()),
        ("312", "C-1042")
    );
    assert_eq!(stay.lines, booked.priced.lines);
    assert_eq!(
        stay.totals().unwrap().vat.total_incl_vat,
        booked.priced.totals.vat.total_incl_vat
    );
    // One event, the one a quote accepted ends with: the same automations follow.
    let kinds: Vec<&str> = booked.events.iter().map(|e| e.kind()).collect();
    assert_eq!(kinds, ["stay_confirmed"]);
    // The deposit is due today, the balance thirty days before arrival.
    let schedule = &booked.priced.schedule;
    assert_eq!(schedule[0].kind, InstallmentKind::Deposit);
    assert_eq!(schedule[0].due_on.to_string(), "2026-03-01");
    assert_eq!(schedule[1].due_on.to_string(), "2026-06-11");
}

#[test]
fn the_deposit_of_a_booking_taken_by_phone_is_invoiced_from_its_schedule() {
    let booked = booking::book(
        &catalogue(),
        phone_call(a_week("2026-07-11", "2026-07-18")),
        at("2026-03-01T10:00:00Z"),
    )
    .unwrap();
    let deposit = booked.priced.schedule[0].amount.clone();
    let draft = invoice::draft(InvoiceRequest {
        kind: InvoiceKind::Deposit,
        establishment: get("establishment"),
        client: get("client"),
        stay: Some(booked.stay.clone()),
        lines: vec![],
        amount: Some(deposit.clone()),
        previous: vec![],
        due_date: "2026-03-08".parse().unwrap(),
        locale: None,
        late_payment_rate_percent: None,
    })
    .unwrap();
    let issued = draft
        .issue(
            &series(Some("FA26030041")),
            "2026-03-01".parse().unwrap(),
            at("2026-03-01T10:00:00Z"),
        )
        .unwrap();
    assert_eq!(issued.invoice.total(), &deposit);
}

#[test]
fn a_discount_the_business_grants_on_the_phone_is_a_line_of_its_own() {
    let mut call = phone_call(a_week("2026-07-11", "2026-07-18"));
    call.request.supplements = serde_json::from_str(r#"[{"id": "cleaning"}]"#).unwrap();
    let now = at("2026-03-01T10:00:00Z");
    let full = booking::book(&catalogue(), call.clone(), now).unwrap();
    call.discount = Some(BusinessDiscount {
        label: "Geste commercial".into(),
        discount: PromoDiscount::Percent {
            percent: "10".parse().unwrap(),
        },
    });
    let discounted = booking::book(&catalogue(), call, now).unwrap();
    let discounts: Vec<_> = discounted
        .stay
        .lines
        .iter()
        .filter(|l| l.kind == LineKind::Discount)
        .collect();
    // Accommodation at 10 % and cleaning at 20 %: one line per VAT rate, each named.
    assert_eq!(discounts.len(), 2);
    assert!(discounts[0].label.starts_with("Geste commercial"));
    let total = |b: &booking::Booking| b.priced.totals.vat.total_incl_vat.clone();
    // 980 + 60 = 1 040 discounted by 104; the tourist tax (12.32) never is.
    assert_eq!(total(&full), eur("1052.32"));
    assert_eq!(total(&discounted), eur("948.32"));
}

#[test]
fn a_booking_taken_by_phone_is_refused_as_pricing_refuses_it() {
    let now = at("2026-03-01T10:00:00Z");
    // Mobile homes are let Saturday to Saturday in high season.
    let sunday = booking::book(
        &catalogue(),
        phone_call(a_week("2026-07-12", "2026-07-19")),
        now,
    )
    .unwrap_err();
    assert_eq!(sunday.code(), "pricing.arrival_day_not_allowed");
    let mut taken = phone_call(a_week("2026-07-11", "2026-07-18"));
    taken.request.unavailable =
        serde_json::from_str(r#"[{"from": "2026-07-14", "to": "2026-07-14"}]"#).unwrap();
    let err = booking::book(&catalogue(), taken, now).unwrap_err();
    assert_eq!(err.code(), "pricing.unit_unavailable");
    let mut generous = phone_call(a_week("2026-07-11", "2026-07-18"));
    generous.discount = Some(BusinessDiscount {
        label: "Geste commercial".into(),
        discount: PromoDiscount::Percent {
            percent: "120".parse().unwrap(),
        },
    });
    let err = booking::book(&catalogue(), generous, now).unwrap_err();
    assert_eq!(err.code(), "pricing.discount_invalid");
}
