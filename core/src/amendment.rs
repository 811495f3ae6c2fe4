//! Changing a confirmed stay — seed 002: « Modifiez en quelques clics la réservation en
//! appliquant une remise, en y ajoutant des options ou en changeant des dates. »
//!
//! [`preview`] prices the stay as asked — its unit, dates, guests, options, promo code, and the
//! business's own discount ([`BusinessDiscount`]) — and shows what changes: the old and new
//! totals, the difference, what was paid and what is left to pay, and the documents confirming
//! will issue. [`confirm`] takes the total shown (refused with `stay.amendment_changed` if it
//! moved since) and changes the stay.
//!
//! - **Priced as a change** (`BookingStage::Amendment`) at `now`: an option the catalogue sells
//!   only at booking cannot be added (`pricing.option_not_allowed`, reason `booking_only`), nor
//!   one closed so close to arrival; an option the stay has already (its line, by the option's
//!   name) is kept when the dates move. A change that changes neither the dates nor a line is
//!   refused (`stay.nothing_changed`); only a confirmed stay can be changed (`stay.not_editable`).
//! - **An invoice is never edited.** Each balance or final invoice of the stay that stands is
//!   cancelled by a credit note, and one invoice of the same kind is issued for the changed stay,
//!   its deposits deducted as [`invoice::draft`] does. Deposit invoices stay as they are: the
//!   money asked at booking was asked. But when the changed stay costs no more than its deposits
//!   invoiced — no balance could follow — the deposit invoices are credited too, and one invoice
//!   for the whole changed stay (of the kind credited, else a balance invoice) replaces them.
//!   With no balance or final invoice yet (and the deposits below the new total), only the stay
//!   changes: its balance invoice, later, follows its new lines.
//! - **Money received stays received.** What was paid on the invoices credited is carried to the
//!   new invoice by a `carried` payment, up to its total — moved, not received twice — and then
//!   to what the stay's other invoices still ask (a deposit left unpaid); the rest, when the stay
//!   costs less than was paid, is what the credit notes refund (`refund`): nothing is refunded
//!   while something is still owed.
//!   Afterwards the stay's documents add up ([`payment::stay_balance`]): invoiced, the new total
//!   (once a balance invoice exists); paid, what was received; due, what is left to pay.
//!
//! Events: `invoice_issued` and `invoice_cancelled` per credit note, `invoice_issued` for the new
//! invoice, then `stay_amended` with the dates before and after (when they moved), both totals
//! and the refund.
//!
//! ```
//! # let catalogue: hospes::pricing::Catalogue = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/catalogue.json")).unwrap()).unwrap();
//! use hospes::amendment;
//! use hospes::booking::{self, BookingRequest};
//! let now = "2026-03-01T10:00:00Z".parse().unwrap();
//! let week = |arrival: &str, departure: &str| serde_json::from_value(serde_json::json!({
//!     "unit": "MH3", "arrival": arrival, "departure": departure, "guests": [{}, {}]})).unwrap();
//! let booked = booking::book(&catalogue, BookingRequest {
//!     client_id: "C-1042".into(), stay_reference: "312".into(),
//!     request: week("2026-07-11", "2026-07-18"), discount: None, participants: vec![], origin: None,
//! }, now).unwrap();
//! // A second week, no invoice yet: only the stay changes.
//! let two_weeks = week("2026-07-11", "2026-07-25");
//! let p = amendment::preview(&booked.stay, &catalogue, &two_weeks, None, &[], &[], now).unwrap();
//! assert_eq!(p.previous_total.to_string(), "992.32 EUR");
//! assert_eq!(p.difference.to_string(), "894.32 EUR"); // the 14-night discount applies
//! assert!(p.documents.is_empty());
//! ```

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::cancellation::{self, PlannedDocument};
use crate::error::{Error, Result};
use crate::event::Event;
use crate::invoice::facturx::FacturX;
use crate::invoice::{self, Invoice, InvoiceKind, InvoiceSeries, InvoiceStatus, SeriesPair};
use crate::money::Money;
use crate::payment::{self, Payment, PaymentMethod};
use crate::pricing::{
    self, BookingStage, BusinessDiscount, Catalogue, InstallmentKind, PriceRequest, PricedStay,
};
use crate::stay::{self, DatesChange, LineKind, Stay, StayStatus};

/// What changing the stay now would do, shown before confirming.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AmendmentPreview {
    /// The stay.
    pub stay_reference: String,
    /// The dates before and after, when they move.
    pub dates_changed: Option<DatesChange>,
    /// The stay's total now.
    pub previous_total: Money,
    /// Its total once changed: what [`AmendmentConfirmation::shown_total`] repeats.
    pub total: Money,
    /// `total − previous_total` (negative when the stay costs less).
    pub difference: Money,
    /// The stay priced as asked: its lines, totals, schedule, promo code.
    pub priced: PricedStay,
    /// What was received for the stay so far, refunds deducted.
    pub paid: Money,
    /// `total − paid`: what is left to pay once changed (negative when more was paid).
    pub left_to_pay: Money,
    /// What the establishment will owe back: money received that no document of the changed
    /// stay holds.
    pub refund: Money,
    /// The documents confirming will issue: a credit note per invoice replaced, then the invoice
    /// replacing them.
    pub documents: Vec<PlannedDocument>,
}

/// What [`confirm`] needs besides the stay's records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AmendmentConfirmation {
    /// The new total shown ([`AmendmentPreview::total`]): confirming is refused if it changed.
    pub shown_total: Money,
    /// The series the new invoice is numbered in.
    pub invoice_series: InvoiceSeries,
    /// The series credit notes are numbered in; with the same pattern as `invoice_series`, the
    /// two are one series (numbers follow each other, both come back equal).
    pub credit_note_series: InvoiceSeries,
}

/// A confirmed change: the stay, the documents and payments to store, the events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Amendment {
    /// The stay, still `confirmed`, with its new dates and lines (the unit's name as its
    /// accommodation).
    pub stay: Stay,
    /// The stay priced as asked: the schedule, the promo code applied (add its discount to the
    /// code's `spent`).
    pub priced: PricedStay,
    /// The invoices replaced, now `cancelled`.
    pub cancelled_invoices: Vec<Invoice>,
    /// The credit notes, one per invoice replaced.
    pub credit_notes: Vec<Invoice>,
    /// The invoice replacing them, issued (`paid` or `partly_paid` by the sums carried).
    pub invoices: Vec<Invoice>,
    /// The invoices kept whose status the sums carried changed (a deposit left unpaid, settled
    /// from a balance paid): store them too.
    pub settled_invoices: Vec<Invoice>,
    /// The `carried` payments settling the new invoice, then the invoices kept, from the sums
    /// received; each keyed `carried:{credit note}:{invoice}`.
    pub carried_payments: Vec<Payment>,
    /// The invoice series, advanced.
    pub invoice_series: InvoiceSeries,
    /// The credit-note series, advanced.
    pub credit_note_series: InvoiceSeries,
    /// What the host must refund (see [`AmendmentPreview::refund`]).
    pub refund: Money,
    /// `invoice_issued` / `invoice_cancelled` per document, then `stay_amended`.
    pub events: Vec<Event>,
}

/// The change worked out, before anything is numbered.
struct Plan<'a> {
    /// The stay changed.
    stay: Stay,
    priced: PricedStay,
    previous_total: Money,
    dates_changed: Option<DatesChange>,
    /// Received for the stay, refunds deducted.
    paid: Money,
    /// The invoices to credit, in the order given.
    replaced: Vec<&'a Invoice>,
    /// The invoice replacing them, a draft.
    replacement: Option<Invoice>,
    /// Carried to it from the sums received.
    carried: Money,
    /// Carried to the invoices kept that still ask for something, in the order given.
    carried_to_kept: Vec<(&'a Invoice, Money)>,
    refund: Money,
}

/// What changing `stay` as `request` (and `discount`) asks would do at `now`, given its invoices
/// and payments (`invoices` may hold other stays': only this stay's count).
///
/// Errors: `stay.not_editable` for a stay that is not confirmed; `stay.nothing_changed`; the
/// pricing errors of [`pricing::price`] and `pricing.discount_invalid`;
/// `money.currency_mismatch` for a catalogue in another currency than the stay.
pub fn preview(
    stay: &Stay,
    catalogue: &Catalogue,
    request: &PriceRequest,
    discount: Option<&BusinessDiscount>,
    invoices: &[Invoice],
    payments: &[Payment],
    now: DateTime<Utc>,
) -> Result<AmendmentPreview> {
    let plan = plan(stay, catalogue, request, discount, invoices, payments, now)?;
    let currency = stay.currency;
    let total = plan.priced.totals.vat.total_incl_vat.clone();
    let mut documents: Vec<PlannedDocument> = plan
        .replaced
        .iter()
        .map(|i| PlannedDocument {
            kind: InvoiceKind::CreditNote,
            cancels: i.number.clone(),
            amount: Money::new(-i.total().amount, currency),
        })
        .collect();
    documents.extend(plan.replacement.iter().map(|i| PlannedDocument {
        kind: i.kind,
        cancels: None,
        amount: i.total().clone(),
    }));
    Ok(AmendmentPreview {
        stay_reference: stay.reference.clone(),
        dates_changed: plan.dates_changed,
        difference: total.checked_sub(&plan.previous_total)?,
        left_to_pay: total.checked_sub(&plan.paid)?,
        previous_total: plan.previous_total,
        total,
        priced: plan.priced,
        paid: plan.paid,
        refund: plan.refund,
        documents,
    })
}

/// Changes the stay as [`preview`] described: the credit notes, the new invoice and the
/// `carried` payment settling it, the stay with its new dates and lines, the events.
///
/// Errors: as [`preview`]; `stay.amendment_changed` when the new total is not the one shown;
/// numbering and mandatory-mention errors.
#[allow(clippy::too_many_arguments)]
pub fn confirm(
    stay: &Stay,
    catalogue: &Catalogue,
    request: &PriceRequest,
    discount: Option<&BusinessDiscount>,
    invoices: &[Invoice],
    payments: &[Payment],
    confirmation: AmendmentConfirmation,
    now: DateTime<Utc>,
) -> Result<Amendment> {
    let plan = plan(stay, catalogue, request, discount, invoices, payments, now)?;
    let total = plan.priced.totals.vat.total_incl_vat.clone();
    if total != confirmation.shown_total {
        return Err(Error::AmendmentChanged {
            reference: stay.reference.clone(),
            shown: confirmation.shown_total.to_string(),
            now: total.to_string(),
        });
    }
    let today = now.with_timezone(&catalogue.time_zone.tz()).date_naive();
    let mut series = SeriesPair::new(confirmation.invoice_series, confirmation.credit_note_series);
    let mut events = Vec::new();
    let mut cancelled_invoices = Vec::new();
    let mut credit_notes = Vec::new();
    for invoice in &plan.replaced {
        let issued = invoice.credit_note(series.credit_notes(), today, now)?;
        series.credit_notes_now(issued.series);
        events.extend(issued.events);
        credit_notes.push(issued.invoice);
        cancelled_invoices.extend(issued.cancelled);
    }
    // Keyed after this change's first credit note: unique, and the same for the same change.
    let source = credit_notes
        .first()
        .and_then(|n| n.number.clone())
        .unwrap_or_default();
    let carry = |invoice: &Invoice, amount: &Money| Payment {
        key: format!(
            "carried:{source}:{}",
            invoice.number.as_deref().unwrap_or_default()
        ),
        invoice_number: invoice.number.clone().unwrap_or_default(),
        amount: amount.clone(),
        method: PaymentMethod::Carried,
        received_at: now,
        provider: None,
        provider_reference: None,
        reverses: None,
        reason: None,
    };
    let mut new_invoices = Vec::new();
    let mut carried_payments = Vec::new();
    if let Some(draft) = plan.replacement {
        let issued = draft.issue(series.invoices(), today, now)?;
        series.invoices_now(issued.series);
        events.extend(issued.events);
        let mut invoice = issued.invoice;
        if !plan.carried.is_zero() {
            let carried = carry(&invoice, &plan.carried);
            invoice.status = payment::balance(&invoice, std::slice::from_ref(&carried))?.status;
            carried_payments.push(carried);
        }
        new_invoices.push(invoice);
    }
    let mut settled_invoices = Vec::new();
    for (invoice, amount) in &plan.carried_to_kept {
        let carried = carry(invoice, amount);
        let mut on_it = payment::of_invoice(invoice, payments);
        on_it.push(carried.clone());
        let status = payment::balance(invoice, &on_it)?.status;
        carried_payments.push(carried);
        settled_invoices.push(Invoice {
            status,
            ..(*invoice).clone()
        });
    }
    events.push(Event::StayAmended {
        occurred_at: now,
        client_id: stay.client_id.clone(),
        stay_reference: stay.reference.clone(),
        dates_changed: plan.dates_changed,
        previous_total: plan.previous_total,
        total,
        refund: plan.refund.clone(),
    });
    let (invoice_series, credit_note_series) = series.into_parts();
    Ok(Amendment {
        stay: plan.stay,
        priced: plan.priced,
        cancelled_invoices,
        credit_notes,
        invoices: new_invoices,
        settled_invoices,
        carried_payments,
        invoice_series,
        credit_note_series,
        refund: plan.refund,
        events,
    })
}

/// The change worked out: the stay re-priced, the invoices to replace and their replacement,
/// the money to carry (see the [module](self)).
fn plan<'a>(
    stay: &Stay,
    catalogue: &Catalogue,
    request: &PriceRequest,
    discount: Option<&BusinessDiscount>,
    invoices: &'a [Invoice],
    payments: &[Payment],
    now: DateTime<Utc>,
) -> Result<Plan<'a>> {
    if stay.status != StayStatus::Confirmed {
        return Err(Error::StayNotEditable {
            reference: stay.reference.clone(),
        });
    }
    let request = PriceRequest {
        stage: BookingStage::Amendment,
        ..request.clone()
    };
    // The options the stay has already, by their lines: kept, not added again.
    let booked_options = catalogue
        .supplements
        .iter()
        .filter(|o| {
            stay.lines
                .iter()
                .any(|l| l.kind == LineKind::Supplement && l.label == o.name)
        })
        .map(|o| o.id.as_str())
        .collect();
    let terms = pricing::Terms {
        discount,
        booked_options,
    };
    let priced = pricing::price_with(catalogue, &request, &terms, now)?;
    let currency = stay.currency;
    if priced.currency != currency {
        return Err(Error::CurrencyMismatch {
            left: currency.code().into(),
            right: priced.currency.code().into(),
        });
    }
    if priced.lines == stay.lines
        && priced.price_basis == stay.price_basis
        && (priced.arrival, priced.departure) == (stay.arrival, stay.departure)
    {
        return Err(Error::NothingChanged {
            reference: stay.reference.clone(),
        });
    }
    let dates_changed = DatesChange::between(stay, priced.arrival, priced.departure);
    let changed = Stay {
        accommodation: priced.unit_name.clone(),
        arrival: priced.arrival,
        departure: priced.departure,
        lines: priced.lines.clone(),
        price_basis: priced.price_basis,
        ..stay.clone()
    };
    let total = &priced.totals.vat.total_incl_vat;
    let of_stay: Vec<&Invoice> = invoices
        .iter()
        .filter(|i| {
            i.stay_reference.as_deref() == Some(stay.reference.as_str())
                && i.status != InvoiceStatus::Draft
        })
        .collect();
    let live: Vec<&Invoice> = cancellation::live_invoices(stay, invoices).collect();
    let finals: Vec<&Invoice> = live
        .iter()
        .copied()
        .filter(|i| matches!(i.kind, InvoiceKind::Balance | InvoiceKind::Final))
        .collect();
    let deposits = live.iter().filter(|i| i.kind == InvoiceKind::Deposit);
    let deposited = Money::sum(currency, deposits.clone().map(|i| i.total()))?;
    // No balance could follow deposits worth the whole stay: they are replaced too.
    let below = deposits.count() > 0 && total.amount <= deposited.amount;
    let (replaced, kept): (Vec<&Invoice>, Vec<&Invoice>) = live.iter().partition(|i| {
        matches!(i.kind, InvoiceKind::Balance | InvoiceKind::Final)
            || (below && i.kind == InvoiceKind::Deposit)
    });
    let paid = payment::received(currency, of_stay.iter().copied(), payments)?;
    // What the invoices kept hold of the money received, and what they still ask.
    let mut held = Decimal::ZERO;
    let mut owed = Vec::new();
    for invoice in &kept {
        let balance = payment::balance(invoice, payments)?;
        held += balance
            .paid
            .amount
            .clamp(Decimal::ZERO, invoice.total().amount.max(Decimal::ZERO));
        if balance.due.amount > Decimal::ZERO {
            owed.push((*invoice, balance.due.amount));
        }
    }
    let free = (paid.amount - held).max(Decimal::ZERO);
    let model = finals.first().or(replaced.first());
    let replacement = match model {
        Some(model) => {
            let lines = invoice::balance_lines(&changed, kept.iter().copied(), model.locale)?;
            let totals = stay::totals_of(&lines, currency, changed.price_basis)?;
            let due = priced
                .schedule
                .iter()
                .find(|i| matches!(i.kind, InstallmentKind::Balance | InstallmentKind::Full))
                .map(|i| i.due_on);
            let today = now.with_timezone(&catalogue.time_zone.tz()).date_naive();
            (totals.vat.total_incl_vat.amount > Decimal::ZERO).then(|| Invoice {
                number: None,
                kind: finals.first().map_or(InvoiceKind::Balance, |f| f.kind),
                status: InvoiceStatus::Draft,
                issue_date: None,
                due_date: due.map_or(today, |d| d.max(today)),
                stay_reference: Some(changed.reference.clone()),
                service_from: Some(changed.arrival),
                service_to: Some(changed.departure),
                currency,
                price_basis: changed.price_basis,
                lines,
                totals,
                credited_invoice: None,
                // The customer's e-invoicing details go on; what was paid was the old one's.
                factur_x: model.factur_x.as_ref().map(FacturX::carried),
                ..(*model).clone()
            })
        }
        None => None,
    };
    let carried = replacement
        .as_ref()
        .map_or(Decimal::ZERO, |r| free.min(r.total().amount));
    // Then to what the invoices kept still ask; money moves only with a change that credits
    // something (its credit note names the move). What is left is to refund.
    let mut left = free - carried;
    let mut carried_to_kept = Vec::new();
    for (invoice, due) in owed.into_iter().filter(|_| !replaced.is_empty()) {
        let share = left.min(due);
        if share > Decimal::ZERO {
            carried_to_kept.push((invoice, Money::new(share, currency).rounded()));
            left -= share;
        }
    }
    Ok(Plan {
        stay: changed,
        previous_total: stay.totals()?.vat.total_incl_vat,
        dates_changed,
        paid,
        replaced,
        replacement,
        carried: Money::new(carried, currency).rounded(),
        carried_to_kept,
        refund: Money::new(left, currency).rounded(),
        priced,
    })
}
