//! Cancelling a stay: what it costs, shown to the guest before they confirm, then the documents.
//!
//! [`preview`] reads the cancellation terms (the step reached `N` days before arrival, counted
//! in the establishment's zone) against what was paid: when only part was paid, the step's
//! `deposit_kept_percent` of the sums paid is kept; when everything was paid, its
//! `total_kept_percent` of the total. hospes never turns a cancellation into a new debt: the
//! penalty is at most what was paid, the rest is refunded. Closer to arrival than every step,
//! the closest step applies; no terms, nothing is kept.
//!
//! [`confirm`] takes the refund the guest was shown (refused with `stay.cancellation_changed` if
//! it moved since), cancels every invoice of the stay by a credit note, issues a
//! cancellation-fee invoice for the penalty (split over the stay's VAT rates), settles it with
//! a `carried` payment — money already received, moved, not received twice — and returns the
//! cancelled stay and the events: `invoice_issued`, `invoice_cancelled`, `stay_cancelled` (with
//! the refund the host's payment plug-in should make). Afterwards the stay's documents add up
//! to `−refund` ([`payment::stay_balance`]): a credit note refunds only what was paid on the
//! invoice it cancels, less what the fee invoice kept.
//!
//! ```
//! # let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/invoicing.json")).unwrap()).unwrap();
//! # let stay: hospes::Stay = serde_json::from_value(data["stay"].clone()).unwrap();
//! # let policy: hospes::pricing::CancellationPolicy = serde_json::from_value(data["cancellation"].clone()).unwrap();
//! # let invoice: hospes::invoice::Invoice = serde_json::from_value(data["deposit_invoice"].clone()).unwrap();
//! # let payment: hospes::payment::Payment = serde_json::from_value(data["deposit_payment"].clone()).unwrap();
//! // Forty days before a 1 000 € stay whose 300 € deposit was paid: the deposit is kept.
//! let now = "2026-06-01T10:00:00Z".parse().unwrap();
//! let p = hospes::cancellation::preview(&stay, &policy, &[invoice], &[payment], "Europe/Paris".parse().unwrap(), now).unwrap();
//! assert_eq!(p.days_before_arrival, 40);
//! assert_eq!(p.penalty.to_string(), "300.00 EUR");
//! assert_eq!(p.refund.to_string(), "0.00 EUR");
//! ```

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::establishment::TimeZone;
use crate::event::Event;
use crate::invoice::facturx::FacturX;
use crate::invoice::{self, Invoice, InvoiceKind, InvoiceSeries, InvoiceStatus, SeriesPair};
use crate::money::Money;
use crate::payment::{self, Payment, PaymentMethod};
use crate::pricing::{CancellationPolicy, CancellationTier};
use crate::stay::{self, LineKind, Stay, StayStatus};

/// A document a cancellation (or a change of the stay, [`crate::amendment`]) will produce.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PlannedDocument {
    /// A credit note, the cancellation-fee invoice, or the invoice replacing those a change
    /// cancels.
    pub kind: InvoiceKind,
    /// For a credit note, the invoice it cancels.
    pub cancels: Option<String>,
    /// Its total (negative for a credit note).
    pub amount: Money,
}

/// What cancelling now would cost, shown to the guest before they confirm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CancellationPreview {
    /// The stay.
    pub stay_reference: String,
    /// Days from today to arrival, in the establishment's zone.
    pub days_before_arrival: i64,
    /// The step of the terms applied, if any.
    pub tier: Option<CancellationTier>,
    /// The stay's total.
    pub total: Money,
    /// What was paid for it.
    pub paid: Money,
    /// What the establishment keeps.
    pub penalty: Money,
    /// What it gives back: `paid − penalty`.
    pub refund: Money,
    /// The documents confirming will issue.
    pub documents: Vec<PlannedDocument>,
}

/// A confirmed cancellation: the stay, the documents, the payments to store, the events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Cancellation {
    /// The stay, `cancelled`.
    pub stay: Stay,
    /// The stay's invoices, now `cancelled`.
    pub cancelled_invoices: Vec<Invoice>,
    /// The credit notes, one per invoice cancelled.
    pub credit_notes: Vec<Invoice>,
    /// The cancellation-fee invoice, when something is kept; `paid`.
    pub fee_invoice: Option<Invoice>,
    /// The `carried` payment settling the fee invoice from the sums received.
    pub carried_payment: Option<Payment>,
    /// The invoice series, advanced.
    pub invoice_series: InvoiceSeries,
    /// The credit-note series, advanced.
    pub credit_note_series: InvoiceSeries,
    /// What the host must refund.
    pub refund: Money,
    /// `invoice_issued` / `invoice_cancelled` per document, then `stay_cancelled`.
    pub events: Vec<Event>,
}

/// The invoices of `stay` that a cancellation credits: issued, not cancelled, not credit notes.
pub(crate) fn live_invoices<'a, 's>(
    stay: &'s Stay,
    invoices: &'a [Invoice],
) -> impl Iterator<Item = &'a Invoice> + use<'a, 's> {
    invoices.iter().filter(move |i| {
        i.stay_reference.as_deref() == Some(stay.reference.as_str())
            && i.kind != InvoiceKind::CreditNote
            && !matches!(i.status, InvoiceStatus::Draft | InvoiceStatus::Cancelled)
    })
}

/// What cancelling `stay` at `now` would cost under `policy`, given its invoices and payments.
///
/// Errors: `stay.not_cancellable` for a stay cancelled already, under way or over.
pub fn preview(
    stay: &Stay,
    policy: &CancellationPolicy,
    invoices: &[Invoice],
    payments: &[Payment],
    time_zone: TimeZone,
    now: DateTime<Utc>,
) -> Result<CancellationPreview> {
    if !matches!(
        stay.status,
        StayStatus::Option | StayStatus::Confirmed | StayStatus::Resident
    ) {
        return Err(Error::StayNotCancellable {
            reference: stay.reference.clone(),
            status: format!("{:?}", stay.status).to_lowercase(),
        });
    }
    let today: NaiveDate = now.with_timezone(&time_zone.tz()).date_naive();
    let days_before_arrival = (stay.arrival - today).num_days();
    let currency = stay.currency;
    let total = stay.totals()?.vat.total_incl_vat;
    let live: Vec<&Invoice> = live_invoices(stay, invoices).collect();
    let of_stay = invoices
        .iter()
        .filter(|i| i.stay_reference.as_deref() == Some(stay.reference.as_str()));
    let paid = payment::received(currency, of_stay, payments)?;
    let tier = applicable_tier(policy, days_before_arrival);
    let penalty = match &tier {
        None => Money::zero(currency),
        Some(tier) if paid.amount >= total.amount => {
            total.checked_mul(tier.total_kept_percent / Decimal::ONE_HUNDRED)?
        }
        Some(tier) => paid.checked_mul(tier.deposit_kept_percent / Decimal::ONE_HUNDRED)?,
    }
    .rounded();
    let penalty = if penalty.amount > paid.amount {
        paid.clone()
    } else {
        penalty
    };
    let mut documents: Vec<PlannedDocument> = live
        .iter()
        .map(|i| PlannedDocument {
            kind: InvoiceKind::CreditNote,
            cancels: i.number.clone(),
            amount: Money::new(-i.total().amount, currency),
        })
        .collect();
    if !penalty.is_zero() {
        documents.push(PlannedDocument {
            kind: InvoiceKind::CancellationFee,
            cancels: None,
            amount: penalty.clone(),
        });
    }
    Ok(CancellationPreview {
        stay_reference: stay.reference.clone(),
        days_before_arrival,
        tier,
        refund: paid.checked_sub(&penalty)?,
        total,
        paid,
        penalty,
        documents,
    })
}

/// The step reached `days` before arrival: the one with the most days not above `days`; closer
/// than every step, the closest one.
fn applicable_tier(policy: &CancellationPolicy, days: i64) -> Option<CancellationTier> {
    let reached = policy
        .tiers
        .iter()
        .filter(|t| i64::from(t.days_before_arrival) <= days)
        .max_by_key(|t| t.days_before_arrival);
    reached
        .or_else(|| policy.tiers.iter().min_by_key(|t| t.days_before_arrival))
        .cloned()
}

/// What [`confirm`] needs besides the stay's records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CancellationConfirmation {
    /// The refund the guest was shown: confirming is refused if it changed since.
    pub shown_refund: Money,
    /// The series the cancellation-fee invoice is numbered in.
    pub invoice_series: InvoiceSeries,
    /// The series credit notes are numbered in; with the same pattern as `invoice_series`, the
    /// two are one series (numbers follow each other, both come back equal).
    pub credit_note_series: InvoiceSeries,
}

/// Cancels the stay as [`preview`] described: credit notes, the fee invoice settled from the
/// sums received, the stay `cancelled`, the events.
///
/// Errors: as [`preview`]; `stay.cancellation_changed` when the refund is not the one shown;
/// numbering errors.
#[allow(clippy::too_many_arguments)]
pub fn confirm(
    stay: &Stay,
    policy: &CancellationPolicy,
    invoices: &[Invoice],
    payments: &[Payment],
    confirmation: CancellationConfirmation,
    time_zone: TimeZone,
    now: DateTime<Utc>,
) -> Result<Cancellation> {
    let shown = preview(stay, policy, invoices, payments, time_zone, now)?;
    if shown.refund != confirmation.shown_refund {
        return Err(Error::CancellationChanged {
            reference: stay.reference.clone(),
            shown: confirmation.shown_refund.to_string(),
            now: shown.refund.to_string(),
        });
    }
    let today = now.with_timezone(&time_zone.tz()).date_naive();
    let mut series = SeriesPair::new(confirmation.invoice_series, confirmation.credit_note_series);
    let mut events = Vec::new();
    let mut cancelled_invoices = Vec::new();
    let mut credit_notes = Vec::new();
    let live: Vec<&Invoice> = live_invoices(stay, invoices).collect();
    for invoice in &live {
        let issued = invoice.credit_note(series.credit_notes(), today, now)?;
        series.credit_notes_now(issued.series);
        events.extend(issued.events);
        credit_notes.push(issued.invoice);
        cancelled_invoices.extend(issued.cancelled);
    }
    let (fee_invoice, carried_payment) = match live.first() {
        Some(model) if !shown.penalty.is_zero() => {
            let label = invoice::label(
                "label-cancellation-fee",
                &[("stay", stay.reference.as_str().into())],
                model.locale,
            );
            let lines = invoice::share_lines(
                stay,
                &shown.penalty,
                &label,
                LineKind::Accommodation,
                model.locale,
            )?;
            // An e-invoice when the stay's invoices were or the series is one; paid by the
            // money carried to it, before it is issued.
            let factur_x = model
                .factur_x
                .as_ref()
                .map(FacturX::carried)
                .or_else(|| {
                    series
                        .invoices()
                        .factur_x
                        .as_ref()
                        .map(|_| FacturX::default())
                })
                .map(|options| FacturX {
                    paid: Some(shown.penalty.clone()),
                    ..options
                });
            let draft = Invoice {
                number: None,
                kind: InvoiceKind::CancellationFee,
                status: InvoiceStatus::Draft,
                issue_date: None,
                due_date: today,
                totals: stay::totals_of(
                    &lines,
                    stay.currency,
                    crate::vat::PriceBasis::IncludingVat,
                )?,
                price_basis: crate::vat::PriceBasis::IncludingVat,
                lines,
                credited_invoice: None,
                factur_x,
                ..(*model).clone()
            };
            let issued = draft.issue(series.invoices(), today, now)?;
            series.invoices_now(issued.series);
            events.extend(issued.events);
            let fee = Invoice {
                status: InvoiceStatus::Paid,
                ..issued.invoice
            };
            let number = fee.number.clone().unwrap_or_default();
            let carried = Payment {
                key: format!("carried:{number}"),
                invoice_number: number,
                amount: shown.penalty.clone(),
                method: PaymentMethod::Carried,
                received_at: now,
                provider: None,
                provider_reference: None,
                reverses: None,
                reason: None,
            };
            (Some(fee), Some(carried))
        }
        _ => (None, None),
    };
    events.push(Event::StayCancelled {
        occurred_at: now,
        client_id: stay.client_id.clone(),
        stay_reference: stay.reference.clone(),
        penalty: shown.penalty.clone(),
        refund: shown.refund.clone(),
    });
    let (invoice_series, credit_note_series) = series.into_parts();
    Ok(Cancellation {
        stay: Stay {
            status: StayStatus::Cancelled,
            ..stay.clone()
        },
        cancelled_invoices,
        credit_notes,
        fee_invoice,
        carried_payment,
        invoice_series,
        credit_note_series,
        refund: shown.refund,
        events,
    })
}
