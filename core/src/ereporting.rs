//! B2C e-reporting data (« e-reporting »): what the business's approved platform (« plateforme
//! agréée ») transmits to the tax administration besides e-invoices, computed from the invoices
//! and payments the host keeps.
//!
//! France's reform makes a business report, for a period (ten days, a month or two, by VAT
//! regime):
//!
//! - the **transactions** with individuals, which no e-invoice carries: per day, per VAT rate and
//!   category and per category of transaction (services `TPS1`, goods `TLB1`), the number of
//!   documents, the amount excluding VAT and the VAT ([`TransactionTotal`]);
//! - the **payments** received for services, on which VAT is due (« TVA sur les encaissements »,
//!   unless the business opted for the debits): per day and VAT rate for individuals
//!   ([`PaymentTotal`]), per invoice for businesses ([`InvoicePayment`]).
//!
//! [`report`] computes both for one period from the documents' own figures, to the cent: a day's
//! transactions add up to the VAT tables of the invoices and credit notes issued that day; each
//! payment is split over the VAT rates of its invoice in proportion to their amounts including
//! VAT, the parts adding up exactly to the payment. The tourist tax is not a sale of the
//! business: it is reported apart ([`TouristTaxTotal`]), as the e-invoice marks it exempt
//! (category E, `VATEX-EU-79-C`). hospes does not write the platform's file format: the host (or
//! its platform's API) maps this structure to it (see `docs/e-invoicing.md`).
//!
//! ```
//! # let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/invoicing.json")).unwrap()).unwrap();
//! # let camping: hospes::Establishment = serde_json::from_value(data["establishment"].clone()).unwrap();
//! # let deposit: hospes::invoice::Invoice = serde_json::from_value(data["deposit_invoice"].clone()).unwrap();
//! # let paid: hospes::payment::Payment = serde_json::from_value(data["deposit_payment"].clone()).unwrap();
//! use hospes::ereporting::{self, TransactionCategory};
//! // Marie's deposit invoice of 1 March (300 €: 10 % and 20 %), paid by card on 2 March.
//! let decade = ereporting::report(&camping, &[deposit], &[paid],
//!     "2026-03-01".parse().unwrap(), "2026-03-10".parse().unwrap(), &Default::default()).unwrap();
//! assert_eq!(decade.siren, "732829320");
//! let first = &decade.transactions[0];
//! assert_eq!((first.date.to_string(), first.category), ("2026-03-01".into(), TransactionCategory::Services));
//! assert_eq!((first.vat_rate.to_string(), first.excl_vat.to_string(), first.vat.to_string()),
//!            ("10".into(), "248.18 EUR".into(), "24.82 EUR".into()));
//! let received = &decade.payments[0];
//! assert_eq!((received.date.to_string(), received.amount.to_string()), ("2026-03-02".into(), "273.00 EUR".into()));
//! ```

mod share;

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::einvoice::VatRegime;
use crate::error::{Error, Result};
use crate::establishment::Establishment;
use crate::invoice::{Invoice, InvoiceStatus};
use crate::money::{self, Currency, Money};
use crate::payment::{Payment, PaymentMethod};
use crate::vat::VatRate;
use share::{Nature, Part, allocate, parts};

/// The longest period one report covers, in days: a month (the legal periods are ten days for
/// a monthly VAT return, a month otherwise, two months under the franchise — in two reports).
///
/// ```
/// assert_eq!(hospes::ereporting::MAX_DAYS, 31);
/// ```
pub const MAX_DAYS: u32 = 31;

/// What the report needs to know of the business besides its documents.
///
/// ```
/// let options: hospes::ereporting::EReportOptions =
///     serde_json::from_str(r#"{"vat_regime": "franchise"}"#).unwrap();
/// assert!(!options.vat_on_debits);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct EReportOptions {
    /// The business's VAT regime, as for its e-invoices (standard when absent): under the
    /// franchise, every amount is exempt (category E, `VATEX-FR-FRANCHISE`) and the tourist tax
    /// is not told apart, as on the e-invoice.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub vat_regime: Option<VatRegime>,
    /// The business opted to pay VAT on its services when it invoices them (« option pour le
    /// paiement de la taxe d'après les débits »): no payment data is reported then.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub vat_on_debits: bool,
}

/// The category of a transaction, as the platforms name it (« catégorie de transaction »).
///
/// ```
/// use hospes::ereporting::TransactionCategory;
/// assert_eq!(TransactionCategory::Services.code(), "TPS1");
/// assert_eq!(serde_json::to_string(&TransactionCategory::Goods).unwrap(), r#""goods""#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum TransactionCategory {
    /// `TPS1`, services subject to VAT: the stay, its supplements, deposits, rent, fees.
    Services,
    /// `TLB1`, goods subject to VAT: the lines of kind `side_sale` (bread, gas, souvenirs).
    Goods,
}

impl TransactionCategory {
    /// The platforms' code: `TPS1` or `TLB1`.
    ///
    /// ```
    /// assert_eq!(hospes::ereporting::TransactionCategory::Goods.code(), "TLB1");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            TransactionCategory::Services => "TPS1",
            TransactionCategory::Goods => "TLB1",
        }
    }
}

/// The sales to individuals of one day at one VAT rate, of one category (flux 10.3): the
/// invoices and credit notes issued that day, credit notes negative.
///
/// ```
/// let line: hospes::ereporting::TransactionTotal = serde_json::from_str(r#"{"date": "2026-07-18",
///   "category": "services", "vat_rate": "10", "vat_category": "S", "exemption_reason": null,
///   "count": 2, "excl_vat": {"amount": "900.00", "currency": "EUR"},
///   "vat": {"amount": "90.00", "currency": "EUR"}}"#).unwrap();
/// assert_eq!(line.category.code(), "TPS1");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TransactionTotal {
    /// The day the documents were issued.
    #[serde(deserialize_with = "crate::codec::date")]
    pub date: NaiveDate,
    /// Services (`TPS1`) or goods (`TLB1`).
    pub category: TransactionCategory,
    /// The VAT rate.
    pub vat_rate: VatRate,
    /// The VAT category (UNTDID 5305): `S` (standard), or `E` under the franchise.
    pub vat_category: String,
    /// Why it is exempt: `VATEX-FR-FRANCHISE` under the franchise, else none.
    pub exemption_reason: Option<String>,
    /// How many documents (invoices and credit notes) make it up.
    pub count: u32,
    /// Their amount excluding VAT, at this rate and of this category.
    pub excl_vat: Money,
    /// Their VAT.
    pub vat: Money,
}

/// The money received from individuals for services on one day, at one VAT rate (flux 10.4):
/// what VAT is due on. Refunds and reversed payments are negative.
///
/// ```
/// let line: hospes::ereporting::PaymentTotal = serde_json::from_str(r#"{"date": "2026-03-02",
///   "vat_rate": "10", "count": 1, "amount": {"amount": "273.00", "currency": "EUR"},
///   "vat": {"amount": "24.82", "currency": "EUR"}}"#).unwrap();
/// assert_eq!(line.amount.to_string(), "273.00 EUR");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PaymentTotal {
    /// The day the money was received, in the establishment's time zone.
    #[serde(deserialize_with = "crate::codec::date")]
    pub date: NaiveDate,
    /// The VAT rate.
    pub vat_rate: VatRate,
    /// How many payments (and refunds) make it up.
    pub count: u32,
    /// The amount received at this rate, including VAT.
    pub amount: Money,
    /// The VAT it includes: `amount × rate / (100 + rate)`, rounded once for the day and rate.
    pub vat: Money,
}

/// An amount received at one VAT rate, including VAT.
///
/// ```
/// let part: hospes::ereporting::RateAmount = serde_json::from_str(r#"{"vat_rate": "20",
///   "amount": {"amount": "120.00", "currency": "EUR"}, "vat": {"amount": "20.00", "currency": "EUR"}}"#).unwrap();
/// assert_eq!(part.vat.to_string(), "20.00 EUR");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RateAmount {
    /// The VAT rate.
    pub vat_rate: VatRate,
    /// The amount received at it, including VAT.
    pub amount: Money,
    /// The VAT it includes, rounded once.
    pub vat: Money,
}

/// The money received for services on one invoice to a business, on one day: what the platform
/// reports as the e-invoice's payment (« encaissée »).
///
/// ```
/// let paid: hospes::ereporting::InvoicePayment = serde_json::from_str(r#"{"invoice_number": "FA26060007",
///   "issue_date": "2026-06-01", "date": "2026-06-15", "amounts": [],
///   "tourist_tax": {"amount": "0.00", "currency": "EUR"}}"#).unwrap();
/// assert_eq!(paid.invoice_number, "FA26060007");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct InvoicePayment {
    /// The invoice (or credit note, for a refund).
    pub invoice_number: String,
    /// Its issue date.
    #[serde(deserialize_with = "crate::codec::date")]
    pub issue_date: NaiveDate,
    /// The day the money was received, in the establishment's time zone.
    #[serde(deserialize_with = "crate::codec::date")]
    pub date: NaiveDate,
    /// What was received for services, per VAT rate, by increasing rate.
    pub amounts: Vec<RateAmount>,
    /// What was received for the tourist tax, not a sale of the business.
    pub tourist_tax: Money,
}

/// The tourist tax of one day, apart from the business's sales: invoiced to individuals, and
/// received from them.
///
/// ```
/// let day: hospes::ereporting::TouristTaxTotal = serde_json::from_str(r#"{"date": "2026-07-18",
///   "invoiced": {"amount": "8.54", "currency": "EUR"}, "received": {"amount": "0.00", "currency": "EUR"}}"#).unwrap();
/// assert_eq!(day.invoiced.to_string(), "8.54 EUR");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TouristTaxTotal {
    /// The day.
    #[serde(deserialize_with = "crate::codec::date")]
    pub date: NaiveDate,
    /// On the documents issued to individuals that day (credit notes negative).
    pub invoiced: Money,
    /// In the money received from individuals that day.
    pub received: Money,
}

/// The e-reporting data of one period, for the business's approved platform.
///
/// ```
/// # let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/invoicing.json")).unwrap()).unwrap();
/// # let camping: hospes::Establishment = serde_json::from_value(data["establishment"].clone()).unwrap();
/// let empty = hospes::ereporting::report(&camping, &[], &[],
///     "2026-03-01".parse().unwrap(), "2026-03-31".parse().unwrap(), &Default::default()).unwrap();
/// assert!(empty.transactions.is_empty() && empty.payments.is_empty());
/// assert_eq!(empty.currency, hospes::Currency::EUR);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct EReport {
    /// The business's SIREN: the first nine digits of the establishment's SIRET.
    pub siren: String,
    /// The period's first day.
    #[serde(deserialize_with = "crate::codec::date")]
    pub first_day: NaiveDate,
    /// The period's last day (included).
    #[serde(deserialize_with = "crate::codec::date")]
    pub last_day: NaiveDate,
    /// The currency of every amount: the euro.
    pub currency: Currency,
    /// The VAT regime the amounts were read under.
    pub vat_regime: VatRegime,
    /// VAT on services paid on invoicing: `payments` and `invoice_payments` are empty.
    pub vat_on_debits: bool,
    /// Sales to individuals, by day, category and rate.
    pub transactions: Vec<TransactionTotal>,
    /// Money received from individuals for services, by day and rate.
    pub payments: Vec<PaymentTotal>,
    /// Money received for services on invoices to businesses, by day and invoice.
    pub invoice_payments: Vec<InvoicePayment>,
    /// The tourist tax, by day: not a sale of the business.
    pub tourist_tax: Vec<TouristTaxTotal>,
}

/// A day's transactions at one category and rate, adding up.
#[derive(Default)]
struct Sales {
    count: u32,
    excl: Decimal,
    vat: Decimal,
}

/// A day's money received at one rate, adding up.
#[derive(Default)]
struct Received {
    count: u32,
    amount: Decimal,
}

/// The money received on one invoice to a business on one day, adding up.
struct OnInvoice {
    issue_date: NaiveDate,
    amounts: BTreeMap<VatRate, Decimal>,
    tourist_tax: Decimal,
}

/// The e-reporting data of the days `first_day` to `last_day` (included) of `establishment`,
/// from its `invoices` and `payments`.
///
/// - **Transactions**: the invoices and credit notes to individuals (`customer.business` false)
///   issued in the period — a cancelled invoice was issued and counts, its credit note takes it
///   back on its own day; drafts are ignored; invoices to businesses are left to e-invoicing.
/// - **Payments**: those received in the period (on the day of `received_at` in the
///   establishment's time zone), refunds and reversals negative; `carried` sums are not money
///   received (reported when they were, on the invoice cancelled). `invoices` must hold the
///   invoice of each of them, even one issued before the period.
///
/// Errors: `invoice.ereporting_period_reversed` (`last_day` before `first_day`),
/// `invoice.ereporting_period_too_long` (over [`MAX_DAYS`]),
/// `invoice.ereporting_currency_unsupported` (an establishment, invoice or payment in another
/// currency than the euro), `invoice.einvoice_siren_missing` (no SIRET),
/// `invoice.ereporting_invoice_unknown` (a payment whose invoice is not among `invoices`),
/// `invoice.einvoice_franchise_vat` (VAT charged under the franchise), `input.invalid` (an
/// invoice number given twice).
///
/// ```
/// # let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/invoicing.json")).unwrap()).unwrap();
/// # let camping: hospes::Establishment = serde_json::from_value(data["establishment"].clone()).unwrap();
/// # let paid: hospes::payment::Payment = serde_json::from_value(data["deposit_payment"].clone()).unwrap();
/// use hospes::ereporting;
/// let (from, to) = ("2026-03-01".parse().unwrap(), "2026-03-10".parse().unwrap());
/// let err = ereporting::report(&camping, &[], &[paid], from, to, &Default::default()).unwrap_err();
/// assert_eq!(err.code(), "invoice.ereporting_invoice_unknown");
/// let err = ereporting::report(&camping, &[], &[], to, from, &Default::default()).unwrap_err();
/// assert_eq!(err.code(), "invoice.ereporting_period_reversed");
/// ```
pub fn report(
    establishment: &Establishment,
    invoices: &[Invoice],
    payments: &[Payment],
    first_day: NaiveDate,
    last_day: NaiveDate,
    options: &EReportOptions,
) -> Result<EReport> {
    let days = period_days(first_day, last_day)?;
    if days > MAX_DAYS {
        return Err(Error::EreportingPeriodTooLong {
            first_day: first_day.to_string(),
            last_day: last_day.to_string(),
            days,
        });
    }
    euro(establishment.currency, &establishment.id)?;
    let siren = establishment
        .legal
        .siret
        .as_deref()
        .map(|s| s.chars().filter(|c| !c.is_whitespace()).collect::<String>())
        .and_then(|s| s.get(..9).map(str::to_owned))
        .filter(|s| s.chars().all(|c| c.is_ascii_digit()))
        .ok_or_else(|| Error::EinvoiceSirenMissing {
            seller: establishment.name.clone(),
        })?;
    let regime = options.vat_regime.unwrap_or_default();
    let in_period = |day: NaiveDate| first_day <= day && day <= last_day;
    let issued: Vec<(&Invoice, NaiveDate)> = invoices
        .iter()
        .filter(|i| i.status != InvoiceStatus::Draft && i.number.is_some())
        .filter_map(|i| i.issue_date.map(|d| (i, d)))
        .collect();
    let mut by_number: HashMap<&str, (&Invoice, NaiveDate)> = HashMap::new();
    for (invoice, date) in &issued {
        let number = invoice.number.as_deref().unwrap_or_default();
        if by_number.insert(number, (*invoice, *date)).is_some() {
            return Err(Error::InputInvalid {
                detail: format!("invoice `{number}` is given twice: it would be reported twice"),
            });
        }
    }

    let mut sales: BTreeMap<(NaiveDate, TransactionCategory, VatRate), Sales> = BTreeMap::new();
    let mut tourist: BTreeMap<NaiveDate, (Decimal, Decimal)> = BTreeMap::new();
    for (invoice, day) in issued
        .iter()
        .filter(|(i, d)| !i.customer.business && in_period(*d))
    {
        for part in invoice_parts(invoice, regime)? {
            let category = match part.nature {
                Nature::TouristTax => {
                    tourist.entry(*day).or_default().0 += part.incl();
                    continue;
                }
                Nature::Services => TransactionCategory::Services,
                Nature::Goods => TransactionCategory::Goods,
            };
            let sum = sales.entry((*day, category, part.rate)).or_default();
            sum.count = sum.count.saturating_add(1);
            sum.excl += part.excl;
            sum.vat += part.vat;
        }
    }

    let zone = establishment.time_zone.tz();
    let mut received: BTreeMap<(NaiveDate, VatRate), Received> = BTreeMap::new();
    let mut on_invoices: BTreeMap<(NaiveDate, String), OnInvoice> = BTreeMap::new();
    for payment in payments
        .iter()
        .filter(|p| p.method != PaymentMethod::Carried)
    {
        let day = payment.received_at.with_timezone(&zone).date_naive();
        if !in_period(day) {
            continue;
        }
        euro(payment.amount.currency, &payment.key)?;
        let Some((invoice, issue_date)) = by_number.get(payment.invoice_number.as_str()) else {
            return Err(Error::EreportingInvoiceUnknown {
                invoice_number: payment.invoice_number.chars().take(60).collect(),
                key: payment.key.chars().take(60).collect(),
            });
        };
        let parts = invoice_parts(invoice, regime)?;
        let weights: Vec<Decimal> = parts.iter().map(Part::incl).collect();
        if parts.is_empty() {
            return Err(Error::InputInvalid {
                detail: format!(
                    "invoice `{}` has no VAT table: payment `{}` cannot be split",
                    payment.invoice_number, payment.key
                ),
            });
        }
        let shares = allocate(payment.amount.amount, &weights)?;
        if invoice.customer.business {
            let entry = on_invoices
                .entry((day, payment.invoice_number.clone()))
                .or_insert_with(|| OnInvoice {
                    issue_date: *issue_date,
                    amounts: BTreeMap::new(),
                    tourist_tax: Decimal::ZERO,
                });
            for (part, share) in parts.iter().zip(shares) {
                match part.nature {
                    Nature::Services => *entry.amounts.entry(part.rate).or_default() += share,
                    Nature::TouristTax => entry.tourist_tax += share,
                    Nature::Goods => {}
                }
            }
        } else {
            for (part, share) in parts.iter().zip(shares) {
                match part.nature {
                    Nature::Services => {
                        let sum = received.entry((day, part.rate)).or_default();
                        sum.count = sum.count.saturating_add(1);
                        sum.amount += share;
                    }
                    Nature::TouristTax => tourist.entry(day).or_default().1 += share,
                    Nature::Goods => {}
                }
            }
        }
    }

    let eur = |amount: Decimal| Money::new(amount, Currency::EUR).rounded();
    let (vat_category, exemption_reason) = match regime {
        VatRegime::Standard => ("S", None),
        VatRegime::Franchise => ("E", Some("VATEX-FR-FRANCHISE".to_owned())),
    };
    let transactions = sales
        .into_iter()
        .map(|((date, category, vat_rate), sum)| TransactionTotal {
            date,
            category,
            vat_rate,
            vat_category: vat_category.to_owned(),
            exemption_reason: exemption_reason.clone(),
            count: sum.count,
            excl_vat: eur(sum.excl),
            vat: eur(sum.vat),
        })
        .collect();
    let mut payments_out = Vec::new();
    let mut invoice_payments = Vec::new();
    if !options.vat_on_debits {
        for ((date, vat_rate), sum) in received {
            payments_out.push(PaymentTotal {
                date,
                vat_rate,
                count: sum.count,
                amount: eur(sum.amount),
                vat: eur(vat_in(sum.amount, vat_rate)?),
            });
        }
        for ((date, invoice_number), entry) in on_invoices {
            let amounts = entry
                .amounts
                .into_iter()
                .map(|(vat_rate, amount)| {
                    Ok(RateAmount {
                        vat_rate,
                        amount: eur(amount),
                        vat: eur(vat_in(amount, vat_rate)?),
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            invoice_payments.push(InvoicePayment {
                invoice_number,
                issue_date: entry.issue_date,
                date,
                amounts,
                tourist_tax: eur(entry.tourist_tax),
            });
        }
    }
    let tourist_tax = tourist
        .into_iter()
        .map(|(date, (invoiced, received))| TouristTaxTotal {
            date,
            invoiced: eur(invoiced),
            received: eur(received),
        })
        .collect();
    Ok(EReport {
        siren,
        first_day,
        last_day,
        currency: Currency::EUR,
        vat_regime: regime,
        vat_on_debits: options.vat_on_debits,
        transactions,
        payments: payments_out,
        invoice_payments,
        tourist_tax,
    })
}

/// The number of days from `first_day` to `last_day`, both included.
///
/// Errors: `invoice.ereporting_period_reversed` when `last_day` is before `first_day`.
fn period_days(first_day: NaiveDate, last_day: NaiveDate) -> Result<u32> {
    let days = (last_day - first_day).num_days() + 1;
    if days < 1 {
        return Err(Error::EreportingPeriodReversed {
            first_day: first_day.to_string(),
            last_day: last_day.to_string(),
        });
    }
    Ok(u32::try_from(days).unwrap_or(u32::MAX))
}

/// Refuses `currency` unless it is the euro, naming what is in it (`reference`).
fn euro(currency: Currency, reference: &str) -> Result<()> {
    if currency == Currency::EUR {
        return Ok(());
    }
    Err(Error::EreportingCurrencyUnsupported {
        reference: reference.chars().take(60).collect(),
        currency: currency.code().to_owned(),
    })
}

/// The parts of `invoice` under `regime`, after checking its currency and, under the
/// franchise, that it charges no VAT.
fn invoice_parts(invoice: &Invoice, regime: VatRegime) -> Result<Vec<Part>> {
    euro(
        invoice.currency,
        invoice.number.as_deref().unwrap_or_default(),
    )?;
    if regime == VatRegime::Franchise
        && let Some(row) = invoice
            .totals
            .vat
            .lines
            .iter()
            .find(|r| !r.vat_rate.percent().is_zero())
    {
        return Err(Error::EinvoiceFranchiseVat {
            rate: row.vat_rate.to_string(),
        });
    }
    parts(invoice, regime == VatRegime::Standard)
}

/// The VAT included in `amount` at `rate`: `amount × rate / (100 + rate)`, unrounded.
fn vat_in(amount: Decimal, rate: VatRate) -> Result<Decimal> {
    amount
        .checked_mul(rate.percent())
        .and_then(|x| x.checked_div(Decimal::ONE_HUNDRED + rate.percent()))
        .ok_or_else(money::overflow)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_counts_both_its_days() {
        let day = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(
            period_days(day("2026-03-01"), day("2026-03-10")).unwrap(),
            10
        );
        assert_eq!(
            period_days(day("2026-03-01"), day("2026-03-01")).unwrap(),
            1
        );
        let err = period_days(day("2026-03-02"), day("2026-03-01")).unwrap_err();
        assert_eq!(err.code(), "invoice.ereporting_period_reversed");
    }

    #[test]
    fn the_vat_in_an_amount_is_its_share_at_the_rate() {
        let vat = vat_in("110.00".parse().unwrap(), "10".parse().unwrap()).unwrap();
        assert_eq!(vat, Decimal::TEN);
    }
}
