//! Cancelling a stay, as the seeds tell it: what the terms keep and refund, the credit notes and
//! fee invoice it issues, and what the guest's space shows afterwards.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::at;
use common::invoicing::{
    after, balance_invoice, credit_series, deposit, deposit_payment, eur, get, paris, pay, series,
    shown_in_her_space,
};
use hospes::cancellation::{self, CancellationConfirmation};
use hospes::invoice::InvoiceStatus;
use hospes::payment;
use hospes::pricing::CancellationPolicy;
use hospes::{Money, Stay};

#[test]
fn cancelling_forty_days_before_arrival_keeps_the_deposit() {
    let stay: Stay = get("stay");
    let policy: CancellationPolicy = get("cancellation");
    let now = at("2026-06-01T10:00:00Z");
    let p = cancellation::preview(
        &stay,
        &policy,
        &[deposit()],
        &[deposit_payment()],
        paris(),
        now,
    )
    .unwrap();
    assert_eq!(
        (p.days_before_arrival, p.penalty.clone(), p.refund.clone()),
        (40, eur("300.00"), eur("0.00"))
    );
    let done = cancellation::confirm(
        &stay,
        &policy,
        &[deposit()],
        &[deposit_payment()],
        CancellationConfirmation {
            shown_refund: eur("0.00"),
            invoice_series: series(Some("FA26050007")),
            credit_note_series: credit_series(),
        },
        paris(),
        now,
    )
    .unwrap();
    assert_eq!(done.stay.status, hospes::StayStatus::Cancelled);
    assert_eq!(done.credit_notes[0].number.as_deref(), Some("AV26060001"));
    let fee = done.fee_invoice.clone().unwrap();
    assert_eq!(fee.number.as_deref(), Some("FA26060001"));
    assert_eq!(fee.total(), &eur("300.00"));
    let mut invoices = done.cancelled_invoices.clone();
    invoices.extend(done.credit_notes.clone());
    invoices.push(fee);
    let payments = vec![deposit_payment(), done.carried_payment.clone().unwrap()];
    let b = payment::stay_balance(hospes::Currency::EUR, &invoices, &payments).unwrap();
    assert_eq!(
        (b.invoiced, b.paid, b.due),
        (eur("300.00"), eur("300.00"), eur("0.00"))
    );
    assert_eq!(done.events.last().unwrap().kind(), "stay_cancelled");
}

#[test]
fn a_business_numbering_credit_notes_and_invoices_in_one_series_never_gets_a_number_twice() {
    let stay: Stay = get("stay");
    let policy: CancellationPolicy = get("cancellation");
    let one_series = series(Some("FA26060004"));
    let done = cancellation::confirm(
        &stay,
        &policy,
        &[deposit()],
        &[deposit_payment()],
        CancellationConfirmation {
            shown_refund: eur("0.00"),
            invoice_series: one_series.clone(),
            credit_note_series: one_series,
        },
        paris(),
        at("2026-06-01T10:00:00Z"),
    )
    .unwrap();
    let note = done.credit_notes[0].number.clone().unwrap();
    let fee = done.fee_invoice.unwrap().number.unwrap();
    assert_eq!((note.as_str(), fee.as_str()), ("FA26060005", "FA26060006"));
    assert_eq!(done.invoice_series, done.credit_note_series);
    assert_eq!(done.invoice_series.last.as_deref(), Some("FA26060006"));
}

#[test]
fn cancelling_five_days_before_arrival_after_paying_everything_refunds_nothing() {
    let stay: Stay = get("stay");
    let policy: CancellationPolicy = get("cancellation");
    let b = balance_invoice();
    let payments = vec![deposit_payment(), pay(&b, "t-balance", "700.00")];
    let now = at("2026-07-06T10:00:00Z");
    let p = cancellation::preview(
        &stay,
        &policy,
        &[deposit(), b.clone()],
        &payments,
        paris(),
        now,
    )
    .unwrap();
    assert_eq!(p.days_before_arrival, 5);
    assert_eq!(
        (p.penalty.clone(), p.refund.clone()),
        (eur("1000.00"), eur("0.00"))
    );
    assert_eq!(p.documents.len(), 3);
}

#[test]
fn after_a_free_cancellation_her_space_shows_the_deposit_refunded_and_the_unpaid_balance_simply_cancelled()
 {
    // The deposit was paid, the balance invoice never was; the terms keep nothing.
    let stay: Stay = get("stay");
    let invoices = vec![deposit(), balance_invoice()];
    let payments = vec![deposit_payment()];
    let now = at("2026-06-01T10:00:00Z");
    let free = CancellationPolicy::default();
    let shown = cancellation::preview(&stay, &free, &invoices, &payments, paris(), now).unwrap();
    assert_eq!(shown.refund, eur("300.00"));
    let done = cancellation::confirm(
        &stay,
        &free,
        &invoices,
        &payments,
        CancellationConfirmation {
            shown_refund: shown.refund,
            invoice_series: series(Some("FA26060001")),
            credit_note_series: credit_series(),
        },
        paris(),
        now,
    )
    .unwrap();
    let (documents, payments) = after(&done, &invoices, &payments);
    let (views, due) = shown_in_her_space(&documents, &payments);
    let dues: Vec<(Option<&str>, Money)> = views
        .iter()
        .map(|v| (v.invoice.number.as_deref(), v.balance.due.clone()))
        .collect();
    assert_eq!(
        dues,
        [
            (Some("FA26030042"), eur("0.00")),
            (Some("FA26060001"), eur("0.00")),
            // The deposit's credit note refunds the 300 € paid …
            (Some("AV26060001"), eur("-300.00")),
            // … the balance's cancels a debt: nothing was paid, nothing is refunded.
            (Some("AV26060002"), eur("0.00")),
        ]
    );
    let balance = payment::stay_balance(hospes::Currency::EUR, &documents, &payments).unwrap();
    assert_eq!(balance.due, eur("-300.00"));
    assert_eq!(due, balance.due);
    assert_eq!(done.refund, eur("300.00"));
}

#[test]
fn after_a_cancellation_that_keeps_the_deposit_her_space_shows_nothing_due_either_way() {
    // Forty days before arrival the deposit paid is kept as the cancellation fee: it was carried
    // to the fee invoice, so the deposit's credit note refunds nothing.
    let stay: Stay = get("stay");
    let policy: CancellationPolicy = get("cancellation");
    let invoices = vec![deposit(), balance_invoice()];
    let payments = vec![deposit_payment()];
    let now = at("2026-06-01T10:00:00Z");
    let done = cancellation::confirm(
        &stay,
        &policy,
        &invoices,
        &payments,
        CancellationConfirmation {
            shown_refund: eur("0.00"),
            invoice_series: series(Some("FA26060001")),
            credit_note_series: credit_series(),
        },
        paris(),
        now,
    )
    .unwrap();
    let (documents, payments) = after(&done, &invoices, &payments);
    let (views, due) = shown_in_her_space(&documents, &payments);
    assert!(views.iter().all(|v| v.balance.due.is_zero()), "{views:#?}");
    assert_eq!(due, eur("0.00"));
    let balance = payment::stay_balance(hospes::Currency::EUR, &documents, &payments).unwrap();
    assert_eq!(balance.due, due);
    // Every document that stands is paid (or settled) in full; the cancelled ones answer
    // through their credit notes.
    for v in views
        .iter()
        .filter(|v| v.invoice.status != InvoiceStatus::Cancelled)
    {
        assert_eq!(
            v.balance.paid.checked_add(&v.balance.due).unwrap(),
            v.balance.total
        );
    }
}

#[test]
fn a_cancellation_is_refused_when_the_refund_moved_since_it_was_shown() {
    let stay: Stay = get("stay");
    let policy: CancellationPolicy = get("cancellation");
    let b = balance_invoice();
    let payments = vec![deposit_payment(), pay(&b, "t-balance", "700.00")];
    // Shown at D-40 (refund 700), confirmed at D-29 (refund 400).
    let err = cancellation::confirm(
        &stay,
        &policy,
        &[deposit(), b],
        &payments,
        CancellationConfirmation {
            shown_refund: eur("700.00"),
            invoice_series: series(None),
            credit_note_series: credit_series(),
        },
        paris(),
        at("2026-06-12T10:00:00Z"),
    )
    .unwrap_err();
    assert_eq!(err.code(), "stay.cancellation_changed");
}
