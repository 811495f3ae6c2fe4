//! Stay 312 of Marie Dupont and its documents, as `core/tests/data/invoicing.json` seeds them:
//! what the tests of invoices, payments, cancellations, contracts and residents share.

use super::at;
use hospes::cancellation;
use hospes::invoice::{self, Invoice, InvoiceKind, InvoiceRequest, InvoiceSeries};
use hospes::payment::{Payment, PaymentMethod};
use hospes::portal::{InvoiceView, Portal, PortalAccess};
use hospes::{Money, TimeZone};
use serde_json::Value;

/// The seeds of `core/tests/data/invoicing.json`.
pub fn data() -> Value {
    serde_json::from_str(include_str!("../data/invoicing.json")).unwrap()
}

/// The seed named `key`, read as a `T`.
pub fn get<T: serde::de::DeserializeOwned>(key: &str) -> T {
    serde_json::from_value(data()[key].clone()).unwrap()
}

/// `amount` euros.
pub fn eur(amount: &str) -> Money {
    Money::parse(amount, "EUR").unwrap()
}

/// The campsite's time zone.
pub fn paris() -> TimeZone {
    "Europe/Paris".parse().unwrap()
}

/// The invoice series `FA{yy}{mm}{seq:04}`, whose last number is `last`.
pub fn series(last: Option<&str>) -> InvoiceSeries {
    InvoiceSeries {
        pattern: "FA{yy}{mm}{seq:04}".into(),
        last: last.map(Into::into),
        factur_x: None,
    }
}

/// The credit note series `AV{yy}{mm}{seq:04}`, still empty.
pub fn credit_series() -> InvoiceSeries {
    InvoiceSeries {
        pattern: "AV{yy}{mm}{seq:04}".into(),
        last: None,
        factur_x: None,
    }
}

/// A request for an invoice of `kind` on stay 312, after the invoices `previous`.
pub fn request(kind: InvoiceKind, previous: Vec<Invoice>) -> InvoiceRequest {
    InvoiceRequest {
        kind,
        establishment: get("establishment"),
        client: get("client"),
        stay: Some(get("stay")),
        lines: vec![],
        amount: (kind == InvoiceKind::Deposit).then(|| eur("300.00")),
        previous,
        due_date: "2026-06-11".parse().unwrap(),
        locale: None,
        late_payment_rate_percent: None,
    }
}

/// Stay 312's deposit invoice FA26030042, 300 €.
pub fn deposit() -> Invoice {
    get("deposit_invoice")
}

/// The payment of the deposit invoice, in full.
pub fn deposit_payment() -> Payment {
    get("deposit_payment")
}

/// A bank transfer of `amount` on `invoice`, recorded under `key`.
pub fn pay(invoice: &Invoice, key: &str, amount: &str) -> Payment {
    Payment {
        key: key.into(),
        invoice_number: invoice.number.clone().unwrap(),
        amount: eur(amount),
        method: PaymentMethod::BankTransfer,
        received_at: at("2026-06-01T09:00:00Z"),
        provider: None,
        provider_reference: None,
        reverses: None,
        reason: None,
    }
}

/// Stay 312's balance invoice FA26060001, 700 €, issued after the deposit.
pub fn balance_invoice() -> Invoice {
    invoice::draft(request(InvoiceKind::Balance, vec![deposit()]))
        .unwrap()
        .issue(
            &series(Some("FA26030042")),
            "2026-06-01".parse().unwrap(),
            at("2026-06-01T10:00:00Z"),
        )
        .unwrap()
        .invoice
}

/// Everything the guest's space shows for stay 312 after `invoices` and `payments`: the
/// views of its documents, and the sum of what they say is due.
pub fn shown_in_her_space(invoices: &[Invoice], payments: &[Payment]) -> (Vec<InvoiceView>, Money) {
    let access = PortalAccess {
        client_id: "C-1042".into(),
        purpose: None,
        subject: None,
    };
    let views: Vec<InvoiceView> = Portal::open(&access, get("client"))
        .unwrap()
        .invoices(invoices, payments, true)
        .unwrap()
        .into_iter()
        .filter(|v| v.invoice.stay_reference.as_deref() == Some("312"))
        .collect();
    let due = Money::sum(hospes::Currency::EUR, views.iter().map(|v| &v.balance.due)).unwrap();
    (views, due)
}

/// The invoices a host stores after an operation: each of `invoices` replaced by its new state
/// among `changed` (same number), then the documents `added`.
pub fn stored<'a>(
    invoices: &[Invoice],
    changed: impl IntoIterator<Item = &'a Invoice> + Clone,
    added: impl IntoIterator<Item = Invoice>,
) -> Vec<Invoice> {
    let mut documents: Vec<Invoice> = invoices
        .iter()
        .map(|i| {
            changed
                .clone()
                .into_iter()
                .find(|c| c.number == i.number)
                .unwrap_or(i)
                .clone()
        })
        .collect();
    documents.extend(added);
    documents
}

/// The documents and payments after a cancellation `done` of `invoices` paid by `payments`.
pub fn after(
    done: &cancellation::Cancellation,
    invoices: &[Invoice],
    payments: &[Payment],
) -> (Vec<Invoice>, Vec<Payment>) {
    let added = done.credit_notes.iter().chain(&done.fee_invoice).cloned();
    let documents = stored(invoices, &done.cancelled_invoices, added);
    let mut payments = payments.to_vec();
    payments.extend(done.carried_payment.clone());
    (documents, payments)
}
