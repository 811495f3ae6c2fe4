//! « Solder le client » (seed 001): what a client owes across her stays and side sales, and one
//! payment that settles several of them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::at;
use common::invoicing::{balance_invoice, deposit, deposit_payment, eur, pay};
use hospes::invoice::{Invoice, InvoiceStatus};
use hospes::payment::PaymentMethod;
use hospes::settlement::{self, Settlement};

/// A side sale of hers, due before the balance, and an invoice of someone else.
fn invoices() -> Vec<Invoice> {
    let mut bakery = deposit();
    bakery.number = Some("FA26030050".into());
    bakery.stay_reference = None;
    bakery.due_date = "2026-03-20".parse().unwrap();
    let mut theirs = deposit();
    theirs.number = Some("FA26030051".into());
    theirs.customer.client_id = "C-2077".into();
    vec![balance_invoice(), deposit(), bakery, theirs]
}

fn cash(key: &str, amount: &str) -> Settlement {
    Settlement {
        key: key.into(),
        client_id: "C-1042".into(),
        amount: eur(amount),
        method: PaymentMethod::Cash,
        received_at: at("2026-06-20T09:00:00Z"),
    }
}

#[test]
fn her_open_items_span_her_stays_and_side_sales_oldest_first_and_only_hers() {
    let account = settlement::open_items(
        "C-1042",
        hospes::Currency::EUR,
        &invoices(),
        &[deposit_payment()],
    )
    .unwrap();
    let numbers: Vec<&str> = account
        .items
        .iter()
        .map(|i| i.balance.invoice_number.as_str())
        .collect();
    assert_eq!(
        numbers,
        ["FA26030050", "FA26060001"],
        "the deposit is paid; C-2077's is not hers"
    );
    assert_eq!(account.due, eur("1000.00"));
}

#[test]
fn one_payment_settles_several_items_oldest_first_and_counts_once() {
    let now = at("2026-06-20T09:00:00Z");
    let done = settlement::settle(
        &invoices(),
        &[deposit_payment()],
        cash("solde-0620", "500.00"),
        now,
    )
    .unwrap();
    let parts: Vec<(String, String)> = done
        .payments
        .iter()
        .map(|p| (p.invoice_number.clone(), p.amount.to_string()))
        .collect();
    assert_eq!(
        parts,
        [
            ("FA26030050".to_owned(), "300.00 EUR".to_owned()),
            ("FA26060001".to_owned(), "200.00 EUR".to_owned())
        ]
    );
    assert_eq!(done.invoices[0].status, InvoiceStatus::Paid);
    assert_eq!(done.invoices[1].status, InvoiceStatus::PartlyPaid);
    assert_eq!(done.account.due, eur("500.00"));
    assert_eq!(done.events.len(), 2);
    let all: Vec<_> = std::iter::once(deposit_payment())
        .chain(done.payments)
        .collect();
    let again = settlement::settle(&invoices(), &all, cash("solde-0620", "500.00"), now).unwrap();
    assert!(again.duplicate && again.payments.is_empty());
    assert_eq!(again.account.due, eur("500.00"));
}

#[test]
fn a_settlement_of_more_than_she_owes_is_refused() {
    let err = settlement::settle(
        &invoices(),
        &[
            deposit_payment(),
            pay(&balance_invoice(), "vir-1", "700.00"),
        ],
        cash("solde-1", "300.01"),
        at("2026-06-20T09:00:00Z"),
    )
    .unwrap_err();
    assert_eq!(err.code(), "payment.amount_invalid");
}
