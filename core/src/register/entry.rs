//! What the host hands the register for one client: the record, the dates of their stays, and
//! the figures of their issued invoices.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::error::{Error, Result};
use crate::invoice::{Invoice, InvoiceKind};
use crate::money::Money;
use crate::payment::{self, Payment};
use crate::stay::{LineKind, Stay, StayStatus};

/// One client as the register indexes them. Built by the host from its rows; the register
/// keeps what search, filters, sort and the row need, and drops the business's notes.
///
/// ```
/// use hospes::register::RegisterEntry;
/// let entry: RegisterEntry = serde_json::from_str(r#"{
///   "client": {"id": "C-1", "last_name": "Dupont", "created_at": "2026-01-15T09:30:00Z"},
///   "stays": [{"reference": "312", "arrival": "2026-07-11", "departure": "2026-07-25", "status": "confirmed"}]
/// }"#).unwrap();
/// assert_eq!(entry.stays.len(), 1);
/// assert!(entry.invoices.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RegisterEntry {
    /// The client record, as stored (normalise it first: the register does not).
    pub client: Client,
    /// Their stays, any status.
    #[serde(default)]
    pub stays: Vec<StayDates>,
    /// Their issued invoices and credit notes.
    #[serde(default)]
    pub invoices: Vec<InvoiceFigures>,
}

/// A stay as the register needs it: when, and its status.
///
/// ```
/// # let stay: hospes::Stay = serde_json::from_str(r#"{"reference":"312","client_id":"C-1","accommodation":"Pitch","arrival":"2026-07-11","departure":"2026-07-25","status":"confirmed","currency":"EUR"}"#).unwrap();
/// let dates = hospes::register::StayDates::from(&stay);
/// assert_eq!(dates.reference, "312");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StayDates {
    /// The stay's reference.
    pub reference: String,
    /// Arrival day.
    #[serde(deserialize_with = "crate::codec::date")]
    pub arrival: NaiveDate,
    /// Departure day.
    #[serde(deserialize_with = "crate::codec::date")]
    pub departure: NaiveDate,
    /// Its status.
    pub status: StayStatus,
}

impl From<&Stay> for StayDates {
    fn from(stay: &Stay) -> StayDates {
        StayDates {
            reference: stay.reference.clone(),
            arrival: stay.arrival,
            departure: stay.departure,
            status: stay.status,
        }
    }
}

/// An issued invoice or credit note as the register needs it: what it adds to the client's
/// revenue (« CA ») and what is still due on it. Made by [`InvoiceFigures::of`] when the host
/// saves the invoice or records a payment; the host may keep it in columns of its own.
///
/// ```
/// use hospes::register::InvoiceFigures;
/// let figures: InvoiceFigures = serde_json::from_str(r#"{"number": "F-2026-0001", "kind": "balance",
///   "issue_date": "2026-06-01", "revenue_excl_vat": {"amount": "400.00", "currency": "EUR"},
///   "revenue_incl_vat": {"amount": "440.00", "currency": "EUR"}, "due": {"amount": "0", "currency": "EUR"}}"#).unwrap();
/// assert_eq!(figures.revenue_excl_vat.amount.to_string(), "400.00");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct InvoiceFigures {
    /// The invoice's number.
    pub number: String,
    /// What it is for; a credit note's figures are negative.
    pub kind: InvoiceKind,
    /// When it was issued.
    #[serde(deserialize_with = "crate::codec::date")]
    pub issue_date: NaiveDate,
    /// Its total excluding VAT, less the tourist tax (collected for the commune, not revenue).
    pub revenue_excl_vat: Money,
    /// Its total including VAT, less the tourist tax.
    pub revenue_incl_vat: Money,
    /// Still to be paid (negative: owed back to the client).
    pub due: Money,
}

impl InvoiceFigures {
    /// The figures of an issued `invoice` (or credit note) given every payment recorded on it.
    /// Refused (`invoice.not_issued`) for a draft: a draft is not revenue.
    ///
    /// ```
    /// # let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/invoicing.json")).unwrap()).unwrap();
    /// # let invoice: hospes::invoice::Invoice = serde_json::from_value(data["deposit_invoice"].clone()).unwrap();
    /// let figures = hospes::register::InvoiceFigures::of(&invoice, &[]).unwrap();
    /// assert_eq!(figures.due, *invoice.total());
    /// ```
    pub fn of(invoice: &Invoice, payments: &[Payment]) -> Result<InvoiceFigures> {
        let (Some(number), Some(issue_date)) = (&invoice.number, invoice.issue_date) else {
            return Err(Error::InvoiceNotIssued {
                number: invoice.number.clone().unwrap_or_default(),
            });
        };
        let tourist_tax = Money::sum(
            invoice.currency,
            invoice
                .lines
                .iter()
                .zip(&invoice.totals.lines)
                .filter(|(line, _)| line.kind == LineKind::TouristTax)
                .map(|(_, total)| &total.amount),
        )?;
        let vat = &invoice.totals.vat;
        Ok(InvoiceFigures {
            number: number.clone(),
            kind: invoice.kind,
            issue_date,
            revenue_excl_vat: vat.total_excl_vat.checked_sub(&tourist_tax)?,
            revenue_incl_vat: vat.total_incl_vat.checked_sub(&tourist_tax)?,
            due: payment::balance(invoice, payments)?.due,
        })
    }
}
