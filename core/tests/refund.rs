//! Refunds and corrections, as a business does them: money given back on a credit note, a
//! payment recorded by mistake taken back with its reason — never deleted, always a new entry.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::at;
use common::invoicing::{credit_series, deposit, deposit_payment, eur, pay};
use hospes::correction::{self, Refund, Reversal};
use hospes::invoice::{Invoice, InvoiceStatus};
use hospes::payment::{self, Payment, PaymentMethod};

/// The deposit paid 300 €, then cancelled by its credit note.
fn cancelled() -> (Invoice, Invoice, Vec<Payment>) {
    let paid = payment::record(
        &deposit(),
        &[],
        deposit_payment(),
        at("2026-03-02T09:00:00Z"),
    )
    .unwrap();
    let issued = paid
        .invoice
        .credit_note(
            &credit_series(),
            "2026-05-02".parse().unwrap(),
            at("2026-05-02T09:00:00Z"),
        )
        .unwrap();
    (issued.cancelled.unwrap(), issued.invoice, paid.payments)
}

fn refund(credit: &Invoice, key: &str, amount: &str) -> Refund {
    Refund {
        key: key.into(),
        credit_note_number: credit.number.clone().unwrap(),
        amount: eur(amount),
        method: PaymentMethod::BankTransfer,
        refunded_at: at("2026-05-03T10:00:00Z"),
        reason: Some("Annulation du séjour 312".into()),
    }
}

#[test]
fn the_refund_of_a_cancelled_stay_is_recorded_on_its_credit_note_and_the_stay_balances_to_zero() {
    let (cancelled, credit, payments) = cancelled();
    let before = payment::stay_balance(
        hospes::Currency::EUR,
        &[cancelled.clone(), credit.clone()],
        &payments,
    )
    .unwrap();
    assert_eq!(
        before.due,
        eur("-300.00"),
        "the establishment owes her 300 €"
    );
    let done = correction::refund(
        std::slice::from_ref(&credit),
        &payments,
        refund(&credit, "vir-1", "300.00"),
        at("2026-05-03T10:00:00Z"),
    )
    .unwrap();
    assert_eq!(done.balance.due, eur("0.00"));
    assert_eq!(done.payments[0].amount, eur("-300.00"));
    assert_eq!(done.events[0].kind(), "refund_recorded");
    let all: Vec<Payment> = payments.iter().cloned().chain(done.payments).collect();
    let after = payment::stay_balance(hospes::Currency::EUR, &[cancelled, credit], &all).unwrap();
    assert_eq!(after.due, eur("0.00"));
    assert_eq!(after.paid, eur("0.00"), "received 300 €, gave 300 € back");
    let dues: Vec<_> = after.invoices.iter().map(|b| b.due.to_string()).collect();
    assert_eq!(dues, ["0.00 EUR", "0.00 EUR"]);
}

#[test]
fn a_refund_recorded_twice_counts_once_and_a_partial_refund_leaves_the_rest_owed() {
    let (_, credit, payments) = cancelled();
    let now = at("2026-05-03T10:00:00Z");
    let first = correction::refund(
        std::slice::from_ref(&credit),
        &payments,
        refund(&credit, "vir-1", "100.00"),
        now,
    )
    .unwrap();
    assert_eq!(first.balance.due, eur("-200.00"));
    let all: Vec<Payment> = payments.iter().cloned().chain(first.payments).collect();
    let again = correction::refund(
        std::slice::from_ref(&credit),
        &all,
        refund(&credit, "vir-1", "100.00"),
        now,
    )
    .unwrap();
    assert!(again.duplicate && again.events.is_empty());
    assert_eq!(again.balance.due, eur("-200.00"));
    let too_much = correction::refund(
        std::slice::from_ref(&credit),
        &all,
        refund(&credit, "vir-2", "250.00"),
        now,
    )
    .unwrap_err();
    assert_eq!(too_much.code(), "payment.not_refundable");
}

#[test]
fn only_a_credit_note_is_refunded_and_never_a_negative_amount() {
    let (cancelled, credit, payments) = cancelled();
    let now = at("2026-05-03T10:00:00Z");
    let on_invoice = Refund {
        credit_note_number: cancelled.number.clone().unwrap(),
        ..refund(&credit, "vir-1", "100.00")
    };
    assert_eq!(
        correction::refund(
            &[cancelled.clone(), credit.clone()],
            &payments,
            on_invoice,
            now
        )
        .unwrap_err()
        .code(),
        "payment.not_refundable"
    );
    assert_eq!(
        correction::refund(
            std::slice::from_ref(&credit),
            &payments,
            refund(&credit, "vir-1", "-10.00"),
            now
        )
        .unwrap_err()
        .code(),
        "payment.amount_invalid"
    );
}

#[test]
fn a_bounced_cheque_is_reversed_with_its_reason_and_the_invoice_is_due_again() {
    let invoice = deposit();
    let now = at("2026-03-10T09:00:00Z");
    let cheque = Payment {
        method: PaymentMethod::Cheque,
        ..pay(&invoice, "chq-1", "300.00")
    };
    let paid = payment::record(&invoice, &[], cheque, now).unwrap();
    assert_eq!(paid.invoice.status, InvoiceStatus::Paid);
    let bounced = Reversal {
        key: "rev-chq-1".into(),
        payment_key: "chq-1".into(),
        reason: "Chèque sans provision".into(),
        reversed_at: now,
    };
    let reversed =
        correction::reverse(&paid.invoice, &paid.payments, bounced.clone(), now).unwrap();
    assert_eq!(reversed.invoice.status, InvoiceStatus::Issued);
    assert_eq!(reversed.balance.due, eur("300.00"));
    assert_eq!(
        reversed.payments.len(),
        2,
        "the cheque stays, beside its reversal"
    );
    assert_eq!(reversed.payments[1].reverses.as_deref(), Some("chq-1"));
    assert_eq!(
        reversed.payments[1].reason.as_deref(),
        Some("Chèque sans provision")
    );
    assert_eq!(reversed.events[0].kind(), "payment_reversed");
    let again = correction::reverse(&reversed.invoice, &reversed.payments, bounced, now).unwrap();
    assert!(again.duplicate, "the same reversal twice counts once");
    let twice = Reversal {
        key: "rev-chq-2".into(),
        ..again_reversal()
    };
    assert_eq!(
        correction::reverse(&reversed.invoice, &reversed.payments, twice, now)
            .unwrap_err()
            .code(),
        "payment.not_reversible"
    );
    let of_reversal = Reversal {
        key: "rev-rev".into(),
        payment_key: "rev-chq-1".into(),
        ..again_reversal()
    };
    assert_eq!(
        correction::reverse(&reversed.invoice, &reversed.payments, of_reversal, now)
            .unwrap_err()
            .code(),
        "payment.not_reversible"
    );
}

fn again_reversal() -> Reversal {
    Reversal {
        key: "rev-x".into(),
        payment_key: "chq-1".into(),
        reason: "Erreur de saisie".into(),
        reversed_at: at("2026-03-11T09:00:00Z"),
    }
}

#[test]
fn a_payment_typed_wrong_is_corrected_by_a_reversal_and_the_right_payment() {
    let invoice = deposit();
    let now = at("2026-03-10T09:00:00Z");
    let typo = payment::record(&invoice, &[], pay(&invoice, "cash-1", "30.00"), now).unwrap();
    let reversal = Reversal {
        key: "rev-cash-1".into(),
        payment_key: "cash-1".into(),
        reason: "Montant mal saisi".into(),
        reversed_at: now,
    };
    let undone = correction::reverse(&typo.invoice, &typo.payments, reversal, now).unwrap();
    let right = payment::record(
        &undone.invoice,
        &undone.payments,
        pay(&invoice, "cash-2", "300.00"),
        now,
    )
    .unwrap();
    assert_eq!(right.invoice.status, InvoiceStatus::Paid);
    assert_eq!(right.balance.paid, eur("300.00"));
    assert_eq!(right.payments.len(), 3, "nothing was deleted");
}

#[test]
fn a_payment_that_claims_to_reverse_another_is_not_recorded_as_a_payment() {
    let invoice = deposit();
    let sneaky = Payment {
        reverses: Some("pay_5Kx".into()),
        ..pay(&invoice, "x-1", "10.00")
    };
    let err = payment::record(&invoice, &[], sneaky, at("2026-03-10T09:00:00Z")).unwrap_err();
    assert_eq!(err.code(), "input.invalid");
}

#[test]
fn a_refund_never_gives_back_what_a_cancellation_kept_as_its_fee() {
    use hospes::cancellation::{self, CancellationConfirmation};
    let stay: hospes::Stay = common::invoicing::get("stay");
    let policy: hospes::pricing::CancellationPolicy = common::invoicing::get("cancellation");
    // She paid the whole stay (1 000 €); at D-40 the campsite keeps 30 % (300 €): 700 € go back.
    let balance = common::invoicing::balance_invoice();
    let invoices = [deposit(), balance.clone()];
    let paid_in = vec![deposit_payment(), pay(&balance, "vir-b", "700.00")];
    let june = at("2026-06-01T10:00:00Z");
    let paris = common::invoicing::paris();
    let preview = cancellation::preview(&stay, &policy, &invoices, &paid_in, paris, june).unwrap();
    let confirmation = CancellationConfirmation {
        shown_refund: preview.refund.clone(),
        invoice_series: common::invoicing::series(Some("FA26060001")),
        credit_note_series: credit_series(),
    };
    let done = cancellation::confirm(
        &stay,
        &policy,
        &invoices,
        &paid_in,
        confirmation,
        paris,
        june,
    )
    .unwrap();
    assert_eq!(done.refund, eur("700.00"), "{preview:?}");
    let documents: Vec<Invoice> = done
        .cancelled_invoices
        .iter()
        .chain(&done.credit_notes)
        .chain(&done.fee_invoice)
        .cloned()
        .collect();
    let payments: Vec<Payment> = paid_in
        .iter()
        .cloned()
        .chain(done.carried_payment)
        .collect();
    let stay_now = payment::stay_balance(hospes::Currency::EUR, &documents, &payments).unwrap();
    assert_eq!(stay_now.due, eur("-700.00"), "what the stay owes her");
    // No credit note refunds the whole invoice it cancels: the fee's share stays kept.
    for credit in &done.credit_notes {
        let everything = refund(credit, "vir-all", "1000.00");
        let err = correction::refund(&documents, &payments, everything, june).unwrap_err();
        assert_eq!(err.code(), "payment.not_refundable");
    }
    // Each credit note refunds what the stay's view says it owes, and the stay is settled.
    let mut all = payments.clone();
    let mut left = eur("700.00");
    for credit in &done.credit_notes {
        let seen = payment::stay_balance(hospes::Currency::EUR, &documents, &all).unwrap();
        let owed = seen
            .invoices
            .iter()
            .find(|b| Some(&b.invoice_number) == credit.number.as_ref())
            .unwrap()
            .due
            .amount;
        if owed.is_zero() {
            continue;
        }
        let amount = hospes::Money::new(-owed, hospes::Currency::EUR);
        let back = Refund {
            amount: amount.clone(),
            ..refund(
                credit,
                &format!("rb-{}", credit.number.clone().unwrap()),
                "1",
            )
        };
        let done = correction::refund(&documents, &all, back, june).unwrap();
        all.extend(
            done.payments
                .into_iter()
                .filter(|p| p.key.starts_with("rb-")),
        );
        left = left.checked_sub(&amount).unwrap();
    }
    assert_eq!(left, eur("0.00"), "exactly what the stay owed went back");
    let settled = payment::stay_balance(hospes::Currency::EUR, &documents, &all).unwrap();
    assert_eq!(settled.due, eur("0.00"));
}
