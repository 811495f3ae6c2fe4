//! Corrections to what was paid: money going back and payments taken back: a refund recorded against a credit note, and a
//! payment cancelled by a reversing entry with its reason. Nothing is ever deleted: each is a
//! new entry in the payments the host keeps, idempotent by its key like a payment.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::event::Event;
use crate::invoice::{Invoice, InvoiceKind, InvoiceStatus};
use crate::money::Money;
use crate::payment::{
    InvoiceBalance, Payment, PaymentMethod, PaymentRecorded, balance, balances, of_invoice,
    unchanged,
};
use crate::text;

/// A refund to record: money given back to the guest on a credit note (a cancelled stay's, or
/// a correction's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Refund {
    /// Idempotency key: the same key recorded twice counts once.
    pub key: String,
    /// The credit note refunded.
    pub credit_note_number: String,
    /// How much goes back (positive).
    pub amount: Money,
    /// How.
    pub method: PaymentMethod,
    /// When the money went back.
    pub refunded_at: DateTime<Utc>,
    /// Why, if the business says.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub reason: Option<String>,
}

/// A payment to cancel, recorded by mistake (a wrong amount, the wrong invoice, a cheque that
/// bounced): a reversing entry takes its amount back off the invoice. To correct a payment,
/// reverse it and record the right one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Reversal {
    /// The reversing entry's idempotency key.
    pub key: String,
    /// The key of the payment cancelled.
    pub payment_key: String,
    /// Why (kept in the entry and the event).
    pub reason: String,
    /// When it is cancelled.
    pub reversed_at: DateTime<Utc>,
}

/// Records `refund` on its credit note, one of `documents` — the credit note and the other
/// documents of its stay, so that what a cancellation carried to its fee invoice is not refunded
/// twice — given every payment recorded on them so far: a negative entry on the credit note,
/// and `refund_recorded`. The same key twice changes nothing (`duplicate`).
///
/// Errors: `payment.not_refundable` (no issued credit note of that number among `documents`,
/// or more than it still has to refund), `payment.amount_invalid` (zero or negative),
/// `payment.key_reused`, `money.currency_mismatch`.
///
/// ```
/// # let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/invoicing.json")).unwrap()).unwrap();
/// # let deposit: hospes::invoice::Invoice = serde_json::from_value(data["deposit_invoice"].clone()).unwrap();
/// # let paid: hospes::payment::Payment = serde_json::from_value(data["deposit_payment"].clone()).unwrap();
/// # let series = hospes::invoice::InvoiceSeries { pattern: "AV{yy}{seq:04}".into(), last: None, factur_x: None };
/// use hospes::correction::{refund, Refund};
/// use hospes::payment::PaymentMethod;
/// let now = "2026-05-02T09:00:00Z".parse().unwrap();
/// let credit = deposit.credit_note(&series, "2026-05-02".parse().unwrap(), now).unwrap().invoice;
/// let back = Refund { key: "rb-1".into(), credit_note_number: credit.number.clone().unwrap(),
///     amount: hospes::Money::parse("300.00", "EUR").unwrap(), method: PaymentMethod::BankTransfer,
///     refunded_at: now, reason: None };
/// let done = refund(&[credit], &[paid], back, now).unwrap();
/// assert_eq!(done.balance.due.to_string(), "0.00 EUR");
/// assert_eq!(done.payments[0].amount.to_string(), "-300.00 EUR");
/// ```
pub fn refund(
    documents: &[Invoice],
    payments: &[Payment],
    refund: Refund,
    now: DateTime<Utc>,
) -> Result<PaymentRecorded> {
    let key = text::required(&refund.key, "key", 200)?;
    let reason = text::optional(refund.reason.as_deref(), "reason", 500)?;
    let refusal = |detail: &str| Error::NotRefundable {
        number: refund.credit_note_number.chars().take(100).collect(),
        detail: detail.to_owned(),
    };
    let missing = || refusal("no issued credit note of that number among the documents");
    let at = documents
        .iter()
        .position(|d| {
            d.number.as_deref() == Some(refund.credit_note_number.as_str())
                && d.kind == InvoiceKind::CreditNote
                && d.status != InvoiceStatus::Draft
        })
        .ok_or_else(missing)?;
    let credit_note = documents.get(at).ok_or_else(missing)?;
    let number = credit_note.number.clone().unwrap_or_default();
    let amount = refund.amount.clone();
    let entry = Payment {
        key,
        invoice_number: number.clone(),
        amount: Money::zero(amount.currency).checked_sub(&amount)?,
        method: refund.method,
        received_at: refund.refunded_at,
        provider: None,
        provider_reference: None,
        reverses: None,
        reason,
    };
    if let Some(earlier) = payments.iter().find(|p| p.key == entry.key) {
        if earlier.invoice_number == entry.invoice_number && earlier.amount == entry.amount {
            // Seen with every document: the credit note's due depends on the invoice it
            // cancels and on what a cancellation carried.
            let now = owed(documents, at, payments)?;
            let entries = of_invoice(credit_note, payments);
            return Ok(PaymentRecorded::of(credit_note, entries, now, true, vec![]));
        }
        return Err(Error::PaymentKeyReused { key: entry.key });
    }
    if amount.currency != credit_note.currency {
        return Err(Error::CurrencyMismatch {
            left: credit_note.currency.code().into(),
            right: amount.currency.code().into(),
        });
    }
    let before = owed(documents, at, payments)?;
    let left = Money::zero(credit_note.currency).checked_sub(&before.due)?;
    if !amount.amount.is_sign_positive() || amount.amount.is_zero() {
        return Err(Error::PaymentAmountInvalid {
            amount: amount.to_string(),
            due: left.to_string(),
        });
    }
    if amount.amount > left.amount {
        return Err(refusal(&format!("{left} is left to refund, not {amount}")));
    }
    let event = Event::RefundRecorded {
        occurred_at: now,
        client_id: credit_note.customer.client_id.clone(),
        invoice_number: number,
        amount,
        method: entry.method,
        key: entry.key.clone(),
    };
    let mut all = payments.to_vec();
    all.push(entry);
    let after = owed(documents, at, &all)?;
    let entries = of_invoice(credit_note, &all);
    Ok(PaymentRecorded::of(
        credit_note,
        entries,
        after,
        false,
        vec![event],
    ))
}

/// The balance of `documents[at]` seen with the other documents of its stay.
fn owed(documents: &[Invoice], at: usize, payments: &[Payment]) -> Result<InvoiceBalance> {
    let all: Vec<&Invoice> = documents.iter().collect();
    balances(&all, payments)?
        .into_iter()
        .nth(at)
        .ok_or_else(|| Error::Internal {
            detail: format!("no balance for document {at}"),
        })
}

/// Cancels a payment on `invoice` by a reversing entry — its amount taken back, its reason kept
/// — given the invoice's payments so far; `payment_reversed` names both keys. The same key twice
/// changes nothing (`duplicate`). The payment itself stays, as does every entry.
///
/// Errors: `payment.not_reversible` (no such payment on the invoice, already reversed, itself
/// a reversal, money carried by a cancellation, or the invoice cancelled — its credit note
/// answers for it), `payment.key_reused`, a missing reason.
///
/// ```
/// # let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/invoicing.json")).unwrap()).unwrap();
/// # let deposit: hospes::invoice::Invoice = serde_json::from_value(data["deposit_invoice"].clone()).unwrap();
/// # let paid: hospes::payment::Payment = serde_json::from_value(data["deposit_payment"].clone()).unwrap();
/// use hospes::correction::{reverse, Reversal};
/// let now = "2026-03-03T09:00:00Z".parse().unwrap();
/// let bounced = Reversal { key: "rev-1".into(), payment_key: paid.key.clone(),
///     reason: "Chèque sans provision".into(), reversed_at: now };
/// let done = reverse(&deposit, &[paid], bounced, now).unwrap();
/// assert_eq!(done.balance.due.to_string(), "300.00 EUR");
/// assert_eq!(done.payments.len(), 2, "the payment stays, beside its reversal");
/// ```
pub fn reverse(
    invoice: &Invoice,
    payments: &[Payment],
    reversal: Reversal,
    now: DateTime<Utc>,
) -> Result<PaymentRecorded> {
    let key = text::required(&reversal.key, "key", 200)?;
    let reason = text::required(&reversal.reason, "reason", 500)?;
    let number = invoice.number.clone().unwrap_or_default();
    let target = reversal.payment_key;
    if let Some(earlier) = payments.iter().find(|p| p.key == key) {
        if earlier.reverses.as_deref() == Some(target.as_str()) {
            return unchanged(invoice, payments, true, vec![]);
        }
        return Err(Error::PaymentKeyReused { key });
    }
    let refusal = |detail: String| Error::NotReversible {
        key: target.chars().take(200).collect(),
        detail,
    };
    let original = payments
        .iter()
        .find(|p| p.key == target && p.invoice_number == number)
        .ok_or_else(|| refusal(format!("no such payment on invoice {number}")))?;
    if original.reverses.is_some() {
        return Err(refusal(
            "it is itself a reversal: record the payment again instead".to_owned(),
        ));
    }
    if let Some(by) = payments
        .iter()
        .find(|p| p.reverses.as_deref() == Some(target.as_str()))
    {
        return Err(refusal(format!("already reversed by {}", by.key)));
    }
    if original.method == PaymentMethod::Carried {
        return Err(refusal(
            "it was carried by a cancellation: credit the fee invoice instead".to_owned(),
        ));
    }
    if invoice.status == InvoiceStatus::Cancelled {
        return Err(refusal(
            "the invoice is cancelled: its credit note answers for it".to_owned(),
        ));
    }
    let entry = Payment {
        key,
        invoice_number: number.clone(),
        amount: Money::zero(original.amount.currency).checked_sub(&original.amount)?,
        method: original.method,
        received_at: reversal.reversed_at,
        provider: original.provider.clone(),
        provider_reference: original.provider_reference.clone(),
        reverses: Some(target.clone()),
        reason: Some(reason.clone()),
    };
    let event = Event::PaymentReversed {
        occurred_at: now,
        client_id: invoice.customer.client_id.clone(),
        invoice_number: number,
        amount: original.amount.clone(),
        reverses: target,
        key: entry.key.clone(),
        reason,
    };
    let mut kept = of_invoice(invoice, payments);
    kept.push(entry);
    let after = balance(invoice, &kept)?;
    Ok(PaymentRecorded::of(
        invoice,
        kept,
        after,
        false,
        vec![event],
    ))
}
