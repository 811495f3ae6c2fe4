//! Invoices (« factures ») and credit notes (« avoirs »), as French law wants them.
//!
//! An invoice is drafted from a stay ([`InvoiceKind::Deposit`], [`InvoiceKind::Balance`],
//! [`InvoiceKind::Final`]) or from lines ([`InvoiceKind::SideSale`], [`InvoiceKind::Rent`],
//! [`InvoiceKind::CancellationFee`]), then **issued**: numbered in its series (see
//! [`next_number`]: gapless and chronological), dated, checked for every mandatory mention.
//! An issued invoice never changes; a correction or a cancellation is a credit note that
//! negates it line by line ([`Invoice::credit_note`]), and the invoice becomes `cancelled`.
//!
//! - **Deposit**: a share of the stay's total, split over its VAT rates in proportion (one line
//!   per rate, the last rate taking the rounding cent), on prices including VAT.
//! - **Balance** (before arrival) and **final** (at departure): every line of the stay, then each
//!   deposit invoiced for it deducted, rate by rate; VAT is computed once per rate on the net.
//! - The seller's and customer's identities are copied in, so that the invoice stays what it
//!   was when the records change. A business customer gets the late-payment mentions.
//!
//! ```
//! # let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/invoicing.json")).unwrap()).unwrap();
//! # let establishment: hospes::Establishment = serde_json::from_value(data["establishment"].clone()).unwrap();
//! # let client: hospes::Client = serde_json::from_value(data["client"].clone()).unwrap();
//! # let stay: hospes::Stay = serde_json::from_value(data["stay"].clone()).unwrap();
//! use hospes::invoice::{InvoiceKind, InvoiceRequest, InvoiceSeries};
//! let request = InvoiceRequest {
//!     kind: InvoiceKind::Deposit,
//!     establishment, client, stay: Some(stay),
//!     lines: vec![], amount: Some(hospes::Money::parse("300.00", "EUR").unwrap()),
//!     previous: vec![], due_date: "2026-03-08".parse().unwrap(), locale: None,
//!     late_payment_rate_percent: None,
//! };
//! let draft = hospes::invoice::draft(request).unwrap();
//! let series = InvoiceSeries { pattern: "FA{yy}{mm}{seq:04}".into(), last: Some("FA26030041".into()), factur_x: None };
//! let issued = draft.issue(&series, "2026-03-01".parse().unwrap(), "2026-03-01T10:00:00Z".parse().unwrap()).unwrap();
//! assert_eq!(issued.invoice.number.as_deref(), Some("FA26030042"));
//! assert_eq!(issued.invoice.totals.vat.total_incl_vat.to_string(), "300.00 EUR");
//! assert_eq!(issued.events[0].kind(), "invoice_issued");
//! ```

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::address::Address;
use crate::client::{Client, ClientKind};
use crate::error::{Error, Result};
use crate::establishment::Establishment;
use crate::event::Event;
use crate::i18n::Locale;
use crate::link::LinkState;
use crate::money::{self, Currency, Money};
use crate::signature;
use crate::stay::{self, Line, LineKind, Stay, StayTotals};
use crate::vat::{PriceBasis, VatRate};

pub(crate) mod einvoicing;
pub(crate) mod facturx;
pub(crate) mod kind;
mod numbering;
mod record;
use facturx::FacturX;
pub use kind::InvoiceKind;
pub(crate) use numbering::SeriesPair;
pub use numbering::{InvoiceSeries, check_number_pattern, next_number};
pub use record::{Customer, Invoice, InvoiceStatus, LatePayment, Seller};

/// What the host asks to invoice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct InvoiceRequest {
    /// Any kind but a credit note (see [`Invoice::credit_note`]).
    pub kind: InvoiceKind,
    /// The seller.
    pub establishment: Establishment,
    /// The customer.
    pub client: Client,
    /// The stay: required for a deposit, balance or final invoice.
    #[serde(default)]
    pub stay: Option<Stay>,
    /// The lines of a side sale, rent or cancellation fee.
    #[serde(default)]
    pub lines: Vec<Line>,
    /// The deposit's amount, including VAT (from the quote's schedule).
    #[serde(default)]
    pub amount: Option<Money>,
    /// The stay's invoices so far: a balance or final invoice deducts its deposits.
    #[serde(default)]
    pub previous: Vec<Invoice>,
    /// When payment is due.
    #[serde(deserialize_with = "crate::codec::date")]
    pub due_date: NaiveDate,
    /// Language of the document; the client's, else the establishment's.
    #[serde(default)]
    pub locale: Option<Locale>,
    /// Late-payment penalty rate for a business customer, in percent a year (required then).
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::codec::DecimalString>")
    )]
    pub late_payment_rate_percent: Option<Decimal>,
}

/// An issued invoice (or credit note), the invoice it cancels if any, and the events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct IssuedInvoice {
    /// The document, numbered: store it as is, it never changes.
    pub invoice: Invoice,
    /// For a credit note, the invoice it cancelled, now `cancelled`.
    pub cancelled: Option<Invoice>,
    /// The series' new last number.
    pub series: InvoiceSeries,
    /// `invoice_issued`, and `invoice_cancelled` for a credit note.
    pub events: Vec<Event>,
}

/// The French indemnity for recovery costs owed by a late business customer.
const RECOVERY_INDEMNITY: i64 = 40;

/// Drafts an invoice (not numbered yet): the lines of its kind, the seller and customer copied
/// in, the totals and VAT table computed.
///
/// Errors: `invoice.request_invalid` when the kind lacks what it needs (a stay, a deposit
/// amount, lines) or has what it must not; `invoice.already_invoiced` for a second balance or
/// final invoice of a stay; money and line errors as for a stay.
pub fn draft(request: InvoiceRequest) -> Result<Invoice> {
    let invalid = |detail: &str| {
        Err(Error::InvoiceRequestInvalid {
            detail: detail.to_owned(),
        })
    };
    let establishment = request.establishment;
    let client = request.client;
    let locale = request
        .locale
        .unwrap_or_else(|| client.locale_or(establishment.default_locale));
    let currency = establishment.currency;
    let stay = request.stay;
    if let Some(stay) = &stay {
        if stay.client_id != client.id {
            return invalid("the stay is another client's");
        }
        if stay.currency != currency {
            return Err(Error::CurrencyMismatch {
                left: currency.code().into(),
                right: stay.currency.code().into(),
            });
        }
    }
    let from_stay = matches!(
        request.kind,
        InvoiceKind::Deposit | InvoiceKind::Balance | InvoiceKind::Final
    );
    if from_stay && stay.is_none() {
        return invalid("a deposit, balance or final invoice needs its stay");
    }
    if from_stay && !request.lines.is_empty() {
        return invalid("a deposit, balance or final invoice takes its lines from the stay");
    }
    if request.amount.is_some() && request.kind != InvoiceKind::Deposit {
        return invalid("only a deposit invoice takes an amount");
    }
    let (lines, basis) = match (request.kind, &stay) {
        (InvoiceKind::CreditNote, _) => {
            return invalid("a credit note is made from the invoice it cancels");
        }
        (InvoiceKind::Deposit, Some(stay)) => {
            let Some(amount) = request.amount else {
                return invalid("a deposit invoice needs the deposit's amount");
            };
            (
                deposit_lines(stay, &amount, locale)?,
                PriceBasis::IncludingVat,
            )
        }
        (InvoiceKind::Balance | InvoiceKind::Final, Some(stay)) => (
            balance_lines(stay, &request.previous, locale)?,
            stay.price_basis,
        ),
        (_, stay) => {
            if request.lines.is_empty() {
                return invalid("a side sale, rent or cancellation fee needs lines");
            }
            (
                request.lines.clone(),
                stay.as_ref().map(|s| s.price_basis).unwrap_or_default(),
            )
        }
    };
    if lines.is_empty() {
        return invalid("there is nothing to invoice: the stay has no lines");
    }
    for line in &lines {
        line.check(currency)?;
    }
    let totals = stay::totals_of(&lines, currency, basis)?;
    if totals.vat.total_incl_vat.amount <= Decimal::ZERO {
        return Err(Error::InvoiceRequestInvalid {
            detail: format!(
                "the invoice's total would be {}: nothing is owed",
                totals.vat.total_incl_vat
            ),
        });
    }
    let customer = customer(&client);
    let late_payment = if customer.business {
        let Some(rate) = request.late_payment_rate_percent else {
            return Err(Error::MentionMissing {
                mention: "late_payment_rate_percent".into(),
            });
        };
        Some(LatePayment {
            penalty_rate_percent: rate,
            recovery_indemnity: Money::new(Decimal::from(RECOVERY_INDEMNITY), currency),
            early_payment_discount_percent: Decimal::ZERO,
        })
    } else {
        None
    };
    Ok(Invoice {
        number: None,
        kind: request.kind,
        status: InvoiceStatus::Draft,
        issue_date: None,
        due_date: request.due_date,
        seller: seller(&establishment),
        customer,
        stay_reference: stay.as_ref().map(|s| s.reference.clone()),
        service_from: stay.as_ref().map(|s| s.arrival),
        service_to: stay.as_ref().map(|s| s.departure),
        currency,
        price_basis: basis,
        lines,
        totals,
        credited_invoice: None,
        late_payment,
        locale,
        factur_x: None,
    })
}

pub(crate) fn seller(e: &Establishment) -> Seller {
    Seller {
        name: e.name.clone(),
        address: e.address.clone(),
        siret: e.legal.siret.clone(),
        vat_number: e.legal.vat_number.clone(),
        legal_form: e.legal.legal_form.clone(),
        email: e.email.clone(),
        phone: e.phone.clone(),
    }
}

pub(crate) fn customer(c: &Client) -> Customer {
    Customer {
        client_id: c.id.clone(),
        name: c.display_name(),
        company: c.company.clone(),
        address: c.address.clone(),
        email: c.email.clone(),
        business: c.company.is_some() || c.kind == ClientKind::TourOperator,
    }
}

/// The lines of a balance or final invoice of `stay`: every line of the stay, then each deposit
/// invoiced for it among `previous` (issued, not cancelled) deducted, rate by rate.
///
/// Errors: `invoice.already_invoiced` when `previous` holds a balance or final invoice of the
/// stay that stands.
pub(crate) fn balance_lines<'a>(
    stay: &Stay,
    previous: impl IntoIterator<Item = &'a Invoice>,
    locale: Locale,
) -> Result<Vec<Line>> {
    let earlier = previous.into_iter().filter(|i| {
        i.stay_reference.as_deref() == Some(stay.reference.as_str())
            && !matches!(i.status, InvoiceStatus::Draft | InvoiceStatus::Cancelled)
    });
    let mut lines = stay.lines.clone();
    for invoice in earlier {
        match invoice.kind {
            InvoiceKind::Balance | InvoiceKind::Final => {
                return Err(Error::AlreadyInvoiced {
                    stay_reference: stay.reference.clone(),
                    number: invoice.number.clone().unwrap_or_default(),
                });
            }
            InvoiceKind::Deposit => {
                lines.extend(deduction_lines(invoice, stay.price_basis, locale));
            }
            _ => {}
        }
    }
    Ok(lines)
}

/// The deposit `amount` split over the stay's VAT rates (see [`share_lines`]).
fn deposit_lines(stay: &Stay, amount: &Money, locale: Locale) -> Result<Vec<Line>> {
    let label = label(
        "label-deposit-on-stay",
        &[("stay", stay.reference.as_str().into())],
        locale,
    );
    share_lines(stay, amount, &label, LineKind::Deposit, locale)
}

/// A share `amount` (including VAT) of the stay, split over its VAT rates in proportion to what
/// each rate weighs in the total, the last rate taking the rounding remainder: one line per rate.
pub(crate) fn share_lines(
    stay: &Stay,
    amount: &Money,
    label: &str,
    kind: LineKind,
    locale: Locale,
) -> Result<Vec<Line>> {
    let totals = stay.totals()?;
    let total = &totals.vat.total_incl_vat;
    if amount.currency != stay.currency {
        return Err(Error::CurrencyMismatch {
            left: stay.currency.code().into(),
            right: amount.currency.code().into(),
        });
    }
    if amount.amount <= Decimal::ZERO || amount.amount > total.amount {
        return Err(Error::InvoiceRequestInvalid {
            detail: format!("a share of {amount} of a stay of {total}"),
        });
    }
    let mut lines = Vec::new();
    let mut left = amount.clone();
    let count = totals.vat.lines.len();
    for (i, row) in totals.vat.lines.iter().enumerate() {
        let share = if i + 1 == count {
            left.clone()
        } else {
            let part = amount
                .amount
                .checked_mul(row.incl_vat.amount)
                .and_then(|x| x.checked_div(total.amount))
                .ok_or_else(money::overflow)?;
            let part = Money::new(part, amount.currency).rounded();
            left = left.checked_sub(&part)?;
            part
        };
        if share.is_zero() {
            continue;
        }
        lines.push(Line {
            label: with_rate(label, row.vat_rate, count, locale),
            kind,
            quantity: Decimal::ONE,
            unit_price: share,
            vat_rate: row.vat_rate,
        });
    }
    Ok(lines)
}

/// The lines deducting a deposit invoice from a balance: one negative line per VAT rate.
fn deduction_lines(deposit: &Invoice, basis: PriceBasis, locale: Locale) -> Vec<Line> {
    let number = deposit.number.clone().unwrap_or_default();
    let label = label(
        "label-deposit-deducted",
        &[("number", number.as_str().into())],
        locale,
    );
    let count = deposit.totals.vat.lines.len();
    deposit
        .totals
        .vat
        .lines
        .iter()
        .map(|row| {
            let base = match basis {
                PriceBasis::IncludingVat => &row.incl_vat,
                PriceBasis::ExcludingVat => &row.excl_vat,
            };
            Line {
                label: with_rate(&label, row.vat_rate, count, locale),
                kind: LineKind::Deposit,
                quantity: Decimal::ONE,
                unit_price: Money::new(-base.amount, base.currency),
                vat_rate: row.vat_rate,
            }
        })
        .collect()
}

fn with_rate(label: &str, rate: VatRate, count: usize, locale: Locale) -> String {
    if count < 2 {
        return label.to_owned();
    }
    let percent = rate.percent().normalize();
    self::label(
        "label-with-vat-rate",
        &[
            ("label", label.into()),
            ("percent", percent.to_string().into()),
        ],
        locale,
    )
}

/// A document label from the catalogues.
pub(crate) fn label(id: &str, args: &[(&str, crate::i18n::Arg<'_>)], locale: Locale) -> String {
    crate::i18n::text(id, args, locale, locale)
}

/// The canonical document of an invoice: what its hash is over.
#[derive(Serialize)]
struct Document<'a> {
    number: &'a Option<String>,
    kind: InvoiceKind,
    issue_date: &'a Option<NaiveDate>,
    due_date: NaiveDate,
    seller: &'a Seller,
    customer: &'a Customer,
    stay_reference: &'a Option<String>,
    service_from: &'a Option<NaiveDate>,
    service_to: &'a Option<NaiveDate>,
    currency: Currency,
    price_basis: PriceBasis,
    lines: &'a [Line],
    totals: &'a StayTotals,
    credited_invoice: &'a Option<String>,
    late_payment: &'a Option<LatePayment>,
    locale: Locale,
    /// Left out when none, so that the hash of every invoice that is not an e-invoice is what
    /// it always was.
    #[serde(skip_serializing_if = "Option::is_none")]
    factur_x: &'a Option<FacturX>,
}

impl Invoice {
    /// SHA-256 (hex) of the invoice's canonical document — everything printed, not its payment
    /// status — so that an invoice link names the exact invoice.
    pub fn document_sha256(&self) -> Result<String> {
        signature::document_sha256(&Document {
            number: &self.number,
            kind: self.kind,
            issue_date: &self.issue_date,
            due_date: self.due_date,
            seller: &self.seller,
            customer: &self.customer,
            stay_reference: &self.stay_reference,
            service_from: &self.service_from,
            service_to: &self.service_to,
            currency: self.currency,
            price_basis: self.price_basis,
            lines: &self.lines,
            totals: &self.totals,
            credited_invoice: &self.credited_invoice,
            late_payment: &self.late_payment,
            locale: self.locale,
            factur_x: &self.factur_x,
        })
    }

    /// The state an invoice link is bound to: the document's hash and its status.
    pub fn link_state(&self) -> Result<LinkState> {
        Ok(LinkState::Document {
            sha256: self.document_sha256()?,
            status: self.status.name().into(),
        })
    }

    /// The mandatory mentions this invoice lacks, by name (`seller.siret`, `customer.address`):
    /// empty for an invoice that may be issued.
    ///
    /// Checked: seller name, address, SIRET, and VAT number when VAT is charged; customer name,
    /// and address for a business; the service dates for an invoice of a stay; every line's
    /// label; the late-payment terms for a business. A due date before the issue date is not a
    /// missing mention: [`issue`](Invoice::issue) refuses it as `invoice.due_before_issue`.
    pub fn missing_mentions(&self) -> Vec<String> {
        let mut missing = Vec::new();
        let mut need = |ok: bool, name: &str| {
            if !ok {
                missing.push(name.to_owned());
            }
        };
        let address_ok =
            |a: &Address| !a.lines.is_empty() && a.postcode.is_some() && a.city.is_some();
        need(!self.seller.name.trim().is_empty(), "seller.name");
        need(address_ok(&self.seller.address), "seller.address");
        need(self.seller.siret.is_some(), "seller.siret");
        let charges_vat = self.totals.vat.lines.iter().any(|l| !l.vat.is_zero());
        need(
            !charges_vat || self.seller.vat_number.is_some(),
            "seller.vat_number",
        );
        need(!self.customer.name.trim().is_empty(), "customer.name");
        need(
            !self.customer.business || address_ok(&self.customer.address),
            "customer.address",
        );
        need(
            self.stay_reference.is_none() || self.service_from.is_some(),
            "service_dates",
        );
        need(
            self.lines.iter().all(|l| !l.label.trim().is_empty()),
            "lines.label",
        );
        need(
            !self.customer.business || self.late_payment.is_some(),
            "late_payment",
        );
        missing
    }

    /// Issues a draft: numbered in `series` for `date`, its mentions checked. Returns the
    /// invoice, the series' new last number and `invoice_issued`.
    ///
    /// In a Factur-X series (one with [`factur_x`](InvoiceSeries::factur_x) options), or for a
    /// draft that carries its own options, the invoice is issued as an e-invoice: its
    /// [`factur_x`](Invoice::factur_x) options are the draft's own completed by the series',
    /// field by field, and the invoice as it would be issued — numbered and dated — must pass
    /// every rule of `einvoice::check`. A refused invoice takes no number: the series comes back
    /// only with an invoice issued, so the host's series stays as it was.
    ///
    /// Errors: `invoice.not_draft` for an invoice already issued (issued invoices never
    /// change), `invoice.mention_missing` naming the first mention missing,
    /// `invoice.due_before_issue` naming both dates when `date` is after the due date,
    /// numbering errors, then in a Factur-X series the codes of `einvoice::check`
    /// (`invoice.einvoice_siren_missing`, `invoice.einvoice_buyer_siren_missing` …).
    ///
    /// ```
    /// # let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/invoicing.json")).unwrap()).unwrap();
    /// # let mut draft: hospes::invoice::Invoice = serde_json::from_value(data["deposit_invoice"].clone()).unwrap();
    /// # draft.status = hospes::invoice::InvoiceStatus::Draft;
    /// # draft.number = None;
    /// # draft.issue_date = None;
    /// use hospes::invoice::InvoiceSeries;
    /// let series: InvoiceSeries = serde_json::from_str(r#"{"pattern": "FA{yy}{mm}{seq:04}"}"#).unwrap();
    /// draft.due_date = "2026-03-08".parse().unwrap();
    /// let now = "2026-03-10T10:00:00Z".parse().unwrap();
    /// let err = draft.issue(&series, "2026-03-10".parse().unwrap(), now).unwrap_err();
    /// assert_eq!(err.code(), "invoice.due_before_issue");
    /// assert!(err.to_string().contains("2026-03-08") && err.to_string().contains("2026-03-10"));
    /// assert!(draft.missing_mentions().is_empty());
    ///
    /// // A Factur-X series: the invoice is an e-invoice, its PDF the Factur-X file.
    /// let factur_x: InvoiceSeries = serde_json::from_str(r#"{"pattern": "FA{yy}{mm}-{seq:04}", "factur_x": {}}"#).unwrap();
    /// draft.due_date = "2026-03-31".parse().unwrap();
    /// let issued = draft.issue(&factur_x, "2026-03-10".parse().unwrap(), now).unwrap();
    /// assert_eq!(issued.invoice.factur_x, Some(Default::default()));
    /// assert_eq!(issued.series.last.as_deref(), Some("FA2603-0001"));
    ///
    /// // What an e-invoice may not be is refused before a number is taken.
    /// draft.seller.siret = Some("SIRET à venir".into());
    /// let err = draft.issue(&factur_x, "2026-03-10".parse().unwrap(), now).unwrap_err();
    /// assert_eq!(err.code(), "invoice.einvoice_siren_missing");
    /// ```
    pub fn issue(
        &self,
        series: &InvoiceSeries,
        date: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<IssuedInvoice> {
        if self.status != InvoiceStatus::Draft {
            return Err(Error::InvoiceNotDraft {
                number: self.number.clone().unwrap_or_default(),
            });
        }
        let mut series = series.clone();
        let mut invoice = Invoice {
            issue_date: Some(date),
            status: InvoiceStatus::Issued,
            factur_x: facturx::options(self.factur_x.as_ref(), series.factur_x.as_ref()),
            ..self.clone()
        };
        if let Some(mention) = invoice.missing_mentions().into_iter().next() {
            return Err(Error::MentionMissing { mention });
        }
        if invoice.due_date < date {
            return Err(Error::InvoiceDueBeforeIssue {
                due_date: invoice.due_date.to_string(),
                issue_date: date.to_string(),
            });
        }
        invoice.number = Some(series.take(date)?);
        if let Some(options) = &invoice.factur_x {
            einvoicing::checked(&invoice, options)?;
        }
        let events = vec![issued_event(&invoice, now)];
        Ok(IssuedInvoice {
            invoice,
            cancelled: None,
            series,
            events,
        })
    }

    /// The credit note cancelling this invoice: every line negated, numbered in `series`,
    /// dated `date`; the invoice comes back `cancelled`. Money already paid on it is the host's
    /// to refund or to carry to another invoice (see [`crate::cancellation`]).
    ///
    /// The credit note of an e-invoice is an e-invoice, and so is any credit note of a
    /// Factur-X series: its options are the invoice's (but what was `paid` on it) completed by
    /// the series', with `credited_invoice_date` the invoice's issue date; it must pass every
    /// rule of `einvoice::check` before a number is taken, as in [`issue`](Invoice::issue).
    ///
    /// Errors: `invoice.not_issued` for a draft, a credit note or an invoice cancelled already;
    /// numbering errors; for an e-invoice, the codes of `einvoice::check`.
    ///
    /// ```
    /// # let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/invoicing.json")).unwrap()).unwrap();
    /// # let mut deposit: hospes::invoice::Invoice = serde_json::from_value(data["deposit_invoice"].clone()).unwrap();
    /// use hospes::invoice::{InvoiceKind, InvoiceSeries};
    /// let credit_notes = InvoiceSeries { pattern: "AV{yy}{mm}-{seq:04}".into(), last: None, factur_x: None };
    /// let now = "2026-03-05T10:00:00Z".parse().unwrap();
    /// deposit.factur_x = Some(Default::default()); // issued in a Factur-X series
    /// let issued = deposit.credit_note(&credit_notes, "2026-03-05".parse().unwrap(), now).unwrap();
    /// assert_eq!(issued.invoice.kind, InvoiceKind::CreditNote);
    /// let options = issued.invoice.factur_x.unwrap();
    /// assert_eq!(options.credited_invoice_date, deposit.issue_date);
    /// ```
    pub fn credit_note(
        &self,
        series: &InvoiceSeries,
        date: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<IssuedInvoice> {
        let number = match (&self.number, self.kind, self.status) {
            (Some(number), kind, status)
                if kind != InvoiceKind::CreditNote
                    && !matches!(status, InvoiceStatus::Draft | InvoiceStatus::Cancelled) =>
            {
                number.clone()
            }
            _ => {
                return Err(Error::InvoiceNotIssued {
                    number: self.number.clone().unwrap_or_default(),
                });
            }
        };
        let lines: Vec<Line> = self
            .lines
            .iter()
            .map(|l| Line {
                unit_price: Money::new(-l.unit_price.amount, l.unit_price.currency),
                ..l.clone()
            })
            .collect();
        let mut series = series.clone();
        let own = self.factur_x.as_ref().map(FacturX::carried);
        let factur_x =
            facturx::options(own.as_ref(), series.factur_x.as_ref()).map(|options| FacturX {
                credited_invoice_date: self.issue_date,
                ..options
            });
        let note = Invoice {
            number: Some(series.take(date)?),
            kind: InvoiceKind::CreditNote,
            status: InvoiceStatus::Issued,
            issue_date: Some(date),
            due_date: date,
            totals: stay::totals_of(&lines, self.currency, self.price_basis)?,
            lines,
            credited_invoice: Some(number.clone()),
            factur_x,
            ..self.clone()
        };
        if let Some(options) = &note.factur_x {
            einvoicing::checked(&note, options)?;
        }
        let cancelled = Invoice {
            status: InvoiceStatus::Cancelled,
            ..self.clone()
        };
        let events = vec![
            issued_event(&note, now),
            Event::InvoiceCancelled {
                occurred_at: now,
                client_id: self.customer.client_id.clone(),
                invoice_number: number,
                credit_note_number: note.number.clone().unwrap_or_default(),
            },
        ];
        Ok(IssuedInvoice {
            invoice: note,
            cancelled: Some(cancelled),
            series,
            events,
        })
    }
}

fn issued_event(invoice: &Invoice, now: DateTime<Utc>) -> Event {
    Event::InvoiceIssued {
        occurred_at: now,
        client_id: invoice.customer.client_id.clone(),
        invoice_number: invoice.number.clone().unwrap_or_default(),
        kind: invoice.kind,
        stay_reference: invoice.stay_reference.clone(),
        total: invoice.total().clone(),
    }
}
