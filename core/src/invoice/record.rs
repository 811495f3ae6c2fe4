//! The invoice itself: where it stands, who sells and who buys as printed, its lines and
//! totals, and the Factur-X options it was issued with.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::facturx::FacturX;
use super::kind::InvoiceKind;
use crate::address::Address;
use crate::i18n::Locale;
use crate::money::{Currency, Money};
use crate::stay::{Line, StayTotals};
use crate::vat::PriceBasis;

/// Where an invoice stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum InvoiceStatus {
    /// Not numbered yet; may still be thrown away.
    Draft,
    /// Numbered and sent; nothing paid yet (credit notes stay `issued`).
    Issued,
    /// Some of it paid.
    PartlyPaid,
    /// Fully paid.
    Paid,
    /// Cancelled by a credit note.
    Cancelled,
}

impl InvoiceStatus {
    /// The status as bound into invoice links (`issued`, `paid` …).
    ///
    /// ```
    /// assert_eq!(hospes::invoice::InvoiceStatus::PartlyPaid.name(), "partly_paid");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            InvoiceStatus::Draft => "draft",
            InvoiceStatus::Issued => "issued",
            InvoiceStatus::PartlyPaid => "partly_paid",
            InvoiceStatus::Paid => "paid",
            InvoiceStatus::Cancelled => "cancelled",
        }
    }
}

/// The seller as printed: name, address and legal identifiers, copied from the establishment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Seller {
    /// Trading name.
    pub name: String,
    /// Address.
    pub address: Address,
    /// SIRET.
    pub siret: Option<String>,
    /// Intra-community VAT number.
    pub vat_number: Option<String>,
    /// Legal form and capital.
    pub legal_form: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Phone.
    pub phone: Option<String>,
}

/// The customer as printed, copied from the client record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Customer {
    /// The client id.
    pub client_id: String,
    /// Name (person or company).
    pub name: String,
    /// Company name, for a business.
    pub company: Option<String>,
    /// Address.
    pub address: Address,
    /// E-mail.
    pub email: Option<String>,
    /// A business (a company or a tour operator): late-payment mentions apply.
    pub business: bool,
}

/// The late-payment mentions owed to a business customer (French Commercial Code, L441-10).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LatePayment {
    /// Yearly penalty rate applied from the day after the due date, in percent.
    #[cfg_attr(feature = "schema", schemars(with = "crate::codec::DecimalString"))]
    pub penalty_rate_percent: Decimal,
    /// Fixed indemnity for recovery costs: 40 €.
    pub recovery_indemnity: Money,
    /// Discount for early payment, in percent (usually none: 0).
    #[cfg_attr(feature = "schema", schemars(with = "crate::codec::DecimalString"))]
    pub early_payment_discount_percent: Decimal,
}

/// An invoice or a credit note.
///
/// ```
/// # let json = include_str!("../../tests/data/invoice.json");
/// let invoice: hospes::invoice::Invoice = serde_json::from_str(json).unwrap();
/// assert_eq!(invoice.number.as_deref(), Some("FA26070118"));
/// // An invoice stored before e-invoicing reads as it was, and writes as it was.
/// assert!(invoice.factur_x.is_none());
/// assert!(!serde_json::to_string(&invoice).unwrap().contains("factur_x"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Invoice {
    /// Its number in its series; none while a draft.
    pub number: Option<String>,
    /// What it is for.
    pub kind: InvoiceKind,
    /// Where it stands.
    pub status: InvoiceStatus,
    /// Date of issue; none while a draft.
    #[serde(default, deserialize_with = "crate::codec::date_option")]
    pub issue_date: Option<NaiveDate>,
    /// When payment is due.
    #[serde(deserialize_with = "crate::codec::date")]
    pub due_date: NaiveDate,
    /// Who sells.
    pub seller: Seller,
    /// Who buys.
    pub customer: Customer,
    /// The stay invoiced, if any.
    pub stay_reference: Option<String>,
    /// First day of the service invoiced (the stay's arrival).
    #[serde(default, deserialize_with = "crate::codec::date_option")]
    pub service_from: Option<NaiveDate>,
    /// Last day of the service invoiced (the stay's departure).
    #[serde(default, deserialize_with = "crate::codec::date_option")]
    pub service_to: Option<NaiveDate>,
    /// Currency.
    pub currency: Currency,
    /// Whether unit prices include VAT.
    pub price_basis: PriceBasis,
    /// Lines: quantity, unit price and VAT rate each; deductions are negative lines.
    pub lines: Vec<Line>,
    /// Line totals, the VAT table and the three totals; `total_incl_vat` is what is owed.
    pub totals: StayTotals,
    /// For a credit note, the number of the invoice it cancels.
    pub credited_invoice: Option<String>,
    /// Late-payment mentions, for a business customer.
    pub late_payment: Option<LatePayment>,
    /// Language of the document.
    pub locale: Locale,
    /// The Factur-X options it is an e-invoice with: set when it was issued in a Factur-X
    /// series ([`InvoiceSeries::factur_x`](super::InvoiceSeries::factur_x)) or is the credit
    /// note of an e-invoice; its PDF is then the Factur-X file and its XML the e-invoice. On a
    /// draft, the invoice's own options (a business customer's `buyer`, what was `paid`),
    /// which complete its series' when it is issued. Absent from the JSON when none, as on
    /// every invoice issued before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub factur_x: Option<FacturX>,
}

impl Invoice {
    /// What is owed: the total including VAT (negative for a credit note).
    ///
    /// ```
    /// # let invoice: hospes::invoice::Invoice = serde_json::from_str(include_str!("../../tests/data/invoice.json")).unwrap();
    /// assert_eq!(invoice.total(), &invoice.totals.vat.total_incl_vat);
    /// ```
    pub fn total(&self) -> &Money {
        &self.totals.vat.total_incl_vat
    }
}
