//! « Solder le client » (seed 001): a client's open items across her stays and side sales, and
//! one payment that settles several of them — split over the oldest first, each part a payment
//! of its own on its invoice, idempotent by the settlement's key.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::event::Event;
use crate::invoice::{Invoice, InvoiceKind};
use crate::money::{Currency, Money};
use crate::payment::{self, InvoiceBalance, Payment, PaymentMethod};
use crate::text;

/// One invoice of the client with something still due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct OpenItem {
    /// Deposit, balance, side sale…
    pub kind: InvoiceKind,
    /// The stay it belongs to; none for a side sale without a stay.
    pub stay_reference: Option<String>,
    /// When it was issued.
    pub issue_date: Option<NaiveDate>,
    /// When it is due.
    #[serde(deserialize_with = "crate::codec::date")]
    pub due_date: NaiveDate,
    /// Total, paid and still due.
    pub balance: InvoiceBalance,
}

/// What a client owes across every stay and side sale: her open items, oldest first, and their
/// sum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ClientAccount {
    /// The client.
    pub client_id: String,
    /// Her invoices with something due, oldest due date first.
    pub items: Vec<OpenItem>,
    /// What they add up to.
    pub due: Money,
}

/// One payment that settles several of a client's open items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Settlement {
    /// Idempotency key of the whole payment; each part is recorded as `{key}#{invoice}`.
    pub key: String,
    /// The client paying.
    pub client_id: String,
    /// How much she pays (at most what she owes).
    pub amount: Money,
    /// How.
    pub method: PaymentMethod,
    /// When it was received.
    pub received_at: DateTime<Utc>,
}

/// A settlement recorded: its parts, the invoices whose status changed, what is still owed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Settled {
    /// The payments to store, one per invoice settled or reduced (none for a duplicate).
    pub payments: Vec<Payment>,
    /// Those invoices, their status brought up to date.
    pub invoices: Vec<Invoice>,
    /// What she still owes after it.
    pub account: ClientAccount,
    /// The key was recorded already: nothing changed.
    pub duplicate: bool,
    /// `payment_recorded` for each part.
    pub events: Vec<Event>,
}

/// The open items of `client_id` among `invoices` (anyone's may be given) with `payments`: her
/// issued invoices, not credit notes, with something due — oldest due date first, then by
/// number — and what they add up to, in `currency`.
///
/// ```
/// # let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/invoicing.json")).unwrap()).unwrap();
/// # let deposit: hospes::invoice::Invoice = serde_json::from_value(data["deposit_invoice"].clone()).unwrap();
/// let account = hospes::settlement::open_items("C-1042", hospes::Currency::EUR, &[deposit], &[]).unwrap();
/// assert_eq!(account.due.to_string(), "300.00 EUR");
/// assert_eq!(account.items.len(), 1);
/// ```
pub fn open_items(
    client_id: &str,
    currency: Currency,
    invoices: &[Invoice],
    payments: &[Payment],
) -> Result<ClientAccount> {
    let mut items = Vec::new();
    for invoice in invoices
        .iter()
        .filter(|i| i.customer.client_id == client_id)
    {
        let balance = payment::balance(invoice, payments)?;
        if payment::open_for_payment(invoice, &balance) {
            items.push(OpenItem {
                kind: invoice.kind,
                stay_reference: invoice.stay_reference.clone(),
                issue_date: invoice.issue_date,
                due_date: invoice.due_date,
                balance,
            });
        }
    }
    items.sort_by(|a, b| {
        (a.due_date, &a.balance.invoice_number).cmp(&(b.due_date, &b.balance.invoice_number))
    });
    let due = Money::sum(currency, items.iter().map(|i| &i.balance.due))?;
    Ok(ClientAccount {
        client_id: client_id.to_owned(),
        items,
        due,
    })
}

/// Records `settlement` over the client's open items, oldest first: each invoice gets a
/// payment of what is due on it, the last one what is left; the same key twice changes nothing
/// (`duplicate`). Errors: `payment.amount_invalid` (zero, negative, or more than she owes),
/// `money.currency_mismatch`, `payment.key_reused` (the key of another payment).
///
/// ```
/// # let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/invoicing.json")).unwrap()).unwrap();
/// # let deposit: hospes::invoice::Invoice = serde_json::from_value(data["deposit_invoice"].clone()).unwrap();
/// use hospes::settlement::{settle, Settlement};
/// let now = "2026-03-02T09:00:00Z".parse().unwrap();
/// let cash = Settlement { key: "solde-1".into(), client_id: "C-1042".into(),
///     amount: hospes::Money::parse("300.00", "EUR").unwrap(),
///     method: hospes::payment::PaymentMethod::Cash, received_at: now };
/// let done = settle(&[deposit], &[], cash, now).unwrap();
/// assert_eq!(done.payments[0].key, "solde-1#FA26030042");
/// assert_eq!(done.account.due.to_string(), "0.00 EUR");
/// ```
pub fn settle(
    invoices: &[Invoice],
    payments: &[Payment],
    settlement: Settlement,
    now: DateTime<Utc>,
) -> Result<Settled> {
    let key = text::required(&settlement.key, "key", 150)?;
    let currency = settlement.amount.currency;
    let part_key = |number: &str| format!("{key}#{number}");
    let prefix = format!("{key}#");
    if payments.iter().any(|p| p.key == key) {
        return Err(Error::PaymentKeyReused { key });
    }
    if payments.iter().any(|p| p.key.starts_with(&prefix)) {
        // Recorded already: what she owes now, nothing new.
        return Ok(Settled {
            payments: Vec::new(),
            invoices: Vec::new(),
            account: open_items(&settlement.client_id, currency, invoices, payments)?,
            duplicate: true,
            events: Vec::new(),
        });
    }
    let account = open_items(&settlement.client_id, currency, invoices, payments)?;
    let amount = settlement.amount;
    if amount.amount <= rust_decimal::Decimal::ZERO || amount.amount > account.due.amount {
        return Err(Error::PaymentAmountInvalid {
            amount: amount.to_string(),
            due: account.due.to_string(),
        });
    }
    let mut left = amount;
    let mut recorded = Vec::new();
    let mut changed = Vec::new();
    let mut events = Vec::new();
    let mut all = payments.to_vec();
    for item in &account.items {
        if left.amount.is_zero() {
            break;
        }
        let part = if left.amount < item.balance.due.amount {
            left.clone()
        } else {
            item.balance.due.clone()
        };
        let number = &item.balance.invoice_number;
        let Some(invoice) = invoices
            .iter()
            .find(|i| i.number.as_deref() == Some(number.as_str()))
        else {
            continue;
        };
        let entry = Payment {
            key: part_key(number),
            invoice_number: number.clone(),
            amount: part.clone(),
            method: settlement.method,
            received_at: settlement.received_at,
            provider: None,
            provider_reference: None,
            reverses: None,
            reason: None,
        };
        let done = payment::record(invoice, &all, entry.clone(), now)?;
        all.push(entry.clone());
        recorded.push(entry);
        changed.push(done.invoice);
        events.extend(done.events);
        left = left.checked_sub(&part)?;
    }
    Ok(Settled {
        payments: recorded,
        invoices: changed,
        account: open_items(&settlement.client_id, currency, invoices, &all)?,
        duplicate: false,
        events,
    })
}
