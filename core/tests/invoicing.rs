//! Invoices, as the seeds tell them: deposit, balance and side sale invoices, their numbers and
//! legal mentions, and the credit note that cancels one.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::at;
use common::invoicing::{balance_invoice, credit_series, deposit, eur, request, series};
use hospes::Money;
use hospes::invoice::{self, InvoiceKind, InvoiceStatus};
use proptest::prelude::*;

#[test]
fn a_deposit_invoice_splits_the_deposit_over_the_vat_rates_of_the_stay() {
    let d = deposit();
    assert_eq!(d.kind, InvoiceKind::Deposit);
    let vat = &d.totals.vat;
    assert_eq!(vat.lines.len(), 2);
    assert_eq!(vat.lines[0].incl_vat, eur("273.00"));
    assert_eq!(vat.lines[0].vat, eur("24.82"));
    assert_eq!(vat.lines[1].incl_vat, eur("27.00"));
    assert_eq!(vat.lines[1].vat, eur("4.50"));
    assert_eq!(vat.total_incl_vat, eur("300.00"));
}

#[test]
fn the_balance_invoice_lists_the_stay_and_deducts_the_deposit_rate_by_rate() {
    let b = balance_invoice();
    assert_eq!(b.number.as_deref(), Some("FA26060001"));
    assert_eq!(b.lines.len(), 4);
    assert!(b.lines[2].label.contains("FA26030042"));
    let vat = &b.totals.vat;
    assert_eq!(vat.lines[0].incl_vat, eur("637.00"));
    assert_eq!(vat.lines[1].incl_vat, eur("63.00"));
    assert_eq!(vat.total_incl_vat, eur("700.00"));
    assert_eq!(b.service_from, Some("2026-07-11".parse().unwrap()));
}

#[test]
fn a_stay_is_invoiced_for_its_balance_only_once() {
    let err = invoice::draft(request(
        InvoiceKind::Final,
        vec![deposit(), balance_invoice()],
    ))
    .unwrap_err();
    assert_eq!(err.code(), "invoice.already_invoiced");
}

#[test]
fn an_issued_invoice_cannot_be_issued_again() {
    let err = deposit().issue(
        &series(None),
        "2026-03-02".parse().unwrap(),
        at("2026-03-02T00:00:00Z"),
    );
    assert_eq!(err.unwrap_err().code(), "invoice.not_draft");
}

#[test]
fn an_invoice_is_not_issued_without_the_sellers_siret() {
    let mut r = request(InvoiceKind::Deposit, vec![]);
    r.establishment.legal.siret = None;
    let draft = invoice::draft(r).unwrap();
    assert_eq!(draft.missing_mentions(), vec!["seller.siret".to_owned()]);
    let err = draft
        .issue(
            &series(None),
            "2026-03-01".parse().unwrap(),
            at("2026-03-01T10:00:00Z"),
        )
        .unwrap_err();
    assert_eq!(err.code(), "invoice.mention_missing");
}

#[test]
fn an_invoice_due_before_the_day_it_is_issued_is_refused_naming_both_dates() {
    let draft = invoice::draft(request(InvoiceKind::Deposit, vec![])).unwrap();
    assert!(draft.missing_mentions().is_empty());
    let err = draft
        .issue(
            &series(None),
            "2026-06-12".parse().unwrap(),
            at("2026-06-12T10:00:00Z"),
        )
        .unwrap_err();
    assert_eq!(err.code(), "invoice.due_before_issue");
    assert_eq!(
        err,
        hospes::Error::InvoiceDueBeforeIssue {
            due_date: "2026-06-11".into(),
            issue_date: "2026-06-12".into(),
        }
    );
    assert!(err.message(hospes::Locale::Fr).contains("2026-06-11"));
}

#[test]
fn an_invoice_due_on_the_day_it_is_issued_is_issued() {
    let draft = invoice::draft(request(InvoiceKind::Deposit, vec![])).unwrap();
    let issued = draft
        .issue(
            &series(None),
            "2026-06-11".parse().unwrap(),
            at("2026-06-11T10:00:00Z"),
        )
        .unwrap();
    assert_eq!(issued.invoice.issue_date, issued.invoice.due_date.into());
}

#[test]
fn a_business_customer_gets_the_late_payment_mentions() {
    let mut r = request(InvoiceKind::Deposit, vec![]);
    r.client.company = Some("Voyages Soleil SARL".into());
    assert_eq!(
        invoice::draft(r.clone()).unwrap_err().code(),
        "invoice.mention_missing"
    );
    r.late_payment_rate_percent = Some("12.15".parse().unwrap());
    let d = invoice::draft(r).unwrap();
    let late = d.late_payment.unwrap();
    assert_eq!(late.recovery_indemnity, eur("40"));
}

#[test]
fn a_side_sale_has_lines_of_its_own() {
    let mut r = request(InvoiceKind::SideSale, vec![]);
    r.stay = None;
    r.lines = vec![serde_json::from_str(r#"{"label":"Pain et croissants","kind":"side_sale","quantity":"3","unit_price":{"amount":"4.20","currency":"EUR"},"vat_rate":"5.5"}"#).unwrap()];
    let d = invoice::draft(r).unwrap();
    assert_eq!(d.total(), &eur("12.60"));
    assert_eq!(d.stay_reference, None);
}

#[test]
fn a_credit_note_brings_the_cancelled_invoice_to_zero() {
    let issued = deposit()
        .credit_note(
            &credit_series(),
            "2026-03-05".parse().unwrap(),
            at("2026-03-05T10:00:00Z"),
        )
        .unwrap();
    let note = issued.invoice;
    let cancelled = issued.cancelled.unwrap();
    assert_eq!(note.number.as_deref(), Some("AV26030001"));
    assert_eq!(note.credited_invoice.as_deref(), Some("FA26030042"));
    assert_eq!(cancelled.status, InvoiceStatus::Cancelled);
    let sum = note.total().checked_add(cancelled.total()).unwrap();
    assert!(sum.is_zero());
    assert_eq!(issued.events[1].kind(), "invoice_cancelled");
    let again = cancelled.credit_note(
        &issued.series,
        "2026-03-05".parse().unwrap(),
        at("2026-03-05T10:00:00Z"),
    );
    assert_eq!(again.unwrap_err().code(), "invoice.not_issued");
}

proptest! {
    #![proptest_config(common::proptest_config())]

    #[test]
    fn a_credit_note_zeroes_any_invoice(prices in proptest::collection::vec((1i64..100, 1i64..100_000, 0usize..3), 1..10)) {
        let rates = ["5.5", "10", "20"];
        let mut r = request(InvoiceKind::SideSale, vec![]);
        r.stay = None;
        r.lines = prices.iter().map(|(q, p, k)| hospes::Line {
            label: "x".into(), kind: hospes::LineKind::SideSale,
            quantity: rust_decimal::Decimal::new(*q, 1),
            unit_price: Money::new(rust_decimal::Decimal::new(*p, 3), hospes::Currency::EUR),
            vat_rate: rates[*k].parse().unwrap(),
        }).collect();
        let issued = invoice::draft(r).unwrap().issue(&series(None), "2026-05-01".parse().unwrap(), at("2026-05-01T00:00:00Z")).unwrap();
        let note = issued.invoice.credit_note(&credit_series(), "2026-05-02".parse().unwrap(), at("2026-05-02T00:00:00Z")).unwrap();
        let sum = note.invoice.total().checked_add(issued.invoice.total()).unwrap();
        prop_assert!(sum.is_zero());
        for (a, b) in note.invoice.totals.vat.lines.iter().zip(&issued.invoice.totals.vat.lines) {
            prop_assert!(a.vat.checked_add(&b.vat).unwrap().is_zero());
        }
    }
}
