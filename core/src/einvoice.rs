//! Electronic invoices for the French reform (« facturation électronique »): the invoice a guest
//! downloads is at the same time the legal e-invoice.
//!
//! - [`cii_xml`] writes an issued invoice or credit note as UN/CEFACT Cross Industry Invoice XML
//!   (D16B), profile **EN 16931** of Factur-X: seller and buyer with their SIREN, VAT number and
//!   address, every line with its net amount excluding VAT, discounts as allowances, the tourist
//!   tax exempt as a disbursement (category E, `VATEX-EU-79-C`), one VAT breakdown per rate, what
//!   was already paid, the due date and the means of payment, and the French notes and billing
//!   framework (BR-FR). Hosts that send through an approved platform send this XML.
//! - [`Printer::factur_x`](crate::pdf::Printer) (in `pdf`) embeds it in a PDF/A-3b invoice: a
//!   Factur-X file any accounting software reads.
//! - [`check`] refuses, each with its own code, what would make an e-invoice invalid (no SIREN,
//!   a business customer without an address …); call it before issuing an invoice of a series
//!   the business made Factur-X.
//!
//! The figures are the invoice's own, to the cent (see `figures`): what the XML says is what the
//! PDF prints. The XML is deterministic: the same invoice and options give the same bytes.
//!
//! ```
//! # let invoice: hospes::invoice::Invoice = serde_json::from_str(include_str!("../tests/data/invoice.json")).unwrap();
//! use hospes::einvoice::{self, FacturX};
//! let xml = einvoice::cii_xml(&invoice, &FacturX::default()).unwrap();
//! assert!(xml.contains("<ram:ID>urn:cen.eu:en16931:2017</ram:ID>"));
//! assert!(xml.contains("<ram:ExemptionReasonCode>VATEX-EU-79-C</ram:ExemptionReasonCode>"));
//! assert_eq!(xml, einvoice::cii_xml(&invoice, &FacturX::default()).unwrap());
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::invoice::{Invoice, InvoiceKind, InvoiceStatus};
use crate::money::{Currency, Money};
use crate::stay::LineKind;

mod cii;
mod document;
mod figures;
mod xml;

/// The name of the XML inside a Factur-X PDF.
///
/// ```
/// assert_eq!(hospes::einvoice::FILE_NAME, "factur-x.xml");
/// ```
pub const FILE_NAME: &str = "factur-x.xml";

/// The Factur-X version written in the PDF's XMP metadata (`fx:Version`): `1.0`, the value of
/// every Factur-X release 1.0x (the XML follows 1.07 to 1.09, checked against 1.09.2's rules).
///
/// ```
/// assert_eq!(hospes::einvoice::FACTUR_X_VERSION, "1.0");
/// ```
pub const FACTUR_X_VERSION: &str = "1.0";

/// The Factur-X profile (`fx:ConformanceLevel`): EN 16931, the European norm in full.
///
/// ```
/// assert_eq!(hospes::einvoice::CONFORMANCE_LEVEL, "EN 16931");
/// ```
pub const CONFORMANCE_LEVEL: &str = "EN 16931";

/// The seller's VAT regime.
///
/// ```
/// let regime: hospes::einvoice::VatRegime = serde_json::from_str("\"franchise\"").unwrap();
/// assert_eq!(regime, hospes::einvoice::VatRegime::Franchise);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum VatRegime {
    /// Charges VAT: standard-rated lines (S), the tourist tax exempt (E, `VATEX-EU-79-C`).
    #[default]
    Standard,
    /// « Franchise en base » (art. 293 B du CGI): no VAT; every line exempt (E,
    /// `VATEX-FR-FRANCHISE`) and the mention « TVA non applicable, art. 293 B du CGI » printed.
    Franchise,
}

/// How the invoice is paid (UNTDID 4461).
///
/// ```
/// let card: hospes::einvoice::PaymentMeansCode = serde_json::from_str("\"card\"").unwrap();
/// assert_eq!(card.code(), "48");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum PaymentMeansCode {
    /// Cash (10).
    Cash,
    /// Cheque (20).
    Cheque,
    /// Credit transfer (30): needs the IBAN.
    CreditTransfer,
    /// Bank card (48).
    Card,
    /// SEPA credit transfer (58): needs the IBAN.
    SepaCreditTransfer,
    /// SEPA direct debit (59).
    SepaDirectDebit,
    /// Online payment service (68): the payment page of the host's provider.
    Online,
}

impl PaymentMeansCode {
    /// The UNTDID 4461 code.
    ///
    /// ```
    /// assert_eq!(hospes::einvoice::PaymentMeansCode::SepaCreditTransfer.code(), "58");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            PaymentMeansCode::Cash => "10",
            PaymentMeansCode::Cheque => "20",
            PaymentMeansCode::CreditTransfer => "30",
            PaymentMeansCode::Card => "48",
            PaymentMeansCode::SepaCreditTransfer => "58",
            PaymentMeansCode::SepaDirectDebit => "59",
            PaymentMeansCode::Online => "68",
        }
    }

    fn name(self) -> &'static str {
        match self {
            PaymentMeansCode::Cash => "cash",
            PaymentMeansCode::Cheque => "cheque",
            PaymentMeansCode::CreditTransfer => "credit_transfer",
            PaymentMeansCode::Card => "card",
            PaymentMeansCode::SepaCreditTransfer => "sepa_credit_transfer",
            PaymentMeansCode::SepaDirectDebit => "sepa_direct_debit",
            PaymentMeansCode::Online => "online",
        }
    }
}

/// The means of payment the invoice asks for (BG-16).
///
/// ```
/// let means: hospes::einvoice::PaymentMeans =
///     serde_json::from_str(r#"{"code": "sepa_credit_transfer", "iban": "FR7630006000011234567890189"}"#).unwrap();
/// assert_eq!(means.code.code(), "58");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PaymentMeans {
    /// The means.
    pub code: PaymentMeansCode,
    /// The account to pay into, for a transfer.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub iban: Option<String>,
    /// Its bank's BIC.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub bic: Option<String>,
    /// The account's holder.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub account_name: Option<String>,
}

/// The customer's legal identifiers, from the client file (a business customer's).
///
/// ```
/// let ids: hospes::einvoice::BuyerIds = serde_json::from_str(r#"{"siren": "552100554"}"#).unwrap();
/// assert_eq!(ids.siren.as_deref(), Some("552100554"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BuyerIds {
    /// SIREN (9 digits): required for a business customer in France.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub siren: Option<String>,
    /// Intra-community VAT number.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub vat_number: Option<String>,
    /// Electronic address in the French directory (« annuaire »), scheme 0225; the SIREN when
    /// absent for a business customer in France.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub electronic_address: Option<String>,
}

/// What an e-invoice needs besides the invoice: the customer's identifiers, the seller's VAT
/// regime, the means of payment, and for a credit note the date of the invoice it cancels. The
/// default suits an invoice to a guest from a business charging VAT.
///
/// ```
/// let options: hospes::einvoice::FacturX = serde_json::from_str(r#"{
///   "vat_regime": "franchise",
///   "payment_means": {"code": "sepa_credit_transfer", "iban": "FR76 3000 6000 0112 3456 7890 189"}
/// }"#).unwrap();
/// assert_eq!(options.vat_regime, Some(hospes::einvoice::VatRegime::Franchise));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FacturX {
    /// The customer's SIREN, VAT number and electronic address.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub buyer: Option<BuyerIds>,
    /// The seller's VAT regime.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub vat_regime: Option<VatRegime>,
    /// How the invoice is to be paid.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub payment_means: Option<PaymentMeans>,
    /// The seller's electronic address in the French directory; its SIREN when absent.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub seller_electronic_address: Option<String>,
    /// For a credit note: the issue date of the invoice it cancels (required then).
    #[serde(default, deserialize_with = "crate::codec::date_option")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub credited_invoice_date: Option<NaiveDate>,
    /// What was paid before the invoice was issued (online at booking): the prepaid amount; all
    /// of it makes the invoice « déjà payée » (billing framework S2).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub paid: Option<Money>,
}

/// A VAT category (UNTDID 5305) and its exemption reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Category {
    /// S: standard rate.
    Standard,
    /// E with `VATEX-EU-79-C`: the tourist tax, collected for the commune.
    Disbursement,
    /// E with `VATEX-FR-FRANCHISE`: a business under the franchise.
    Franchise,
}

impl Category {
    fn code(self) -> &'static str {
        match self {
            Category::Standard => "S",
            Category::Disbursement | Category::Franchise => "E",
        }
    }
    fn reason_code(self) -> Option<&'static str> {
        match self {
            Category::Standard => None,
            Category::Disbursement => Some("VATEX-EU-79-C"),
            Category::Franchise => Some("VATEX-FR-FRANCHISE"),
        }
    }
    fn reason_id(self) -> Option<&'static str> {
        match self {
            Category::Standard => None,
            Category::Disbursement => Some("einvoice-exempt-tourist-tax"),
            Category::Franchise => Some("einvoice-exempt-franchise"),
        }
    }
}

/// Who buys, as the French platforms sort invoices (note BAR).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// A business in France: e-invoicing.
    B2b,
    /// A business abroad.
    B2bInternational,
    /// An individual: e-reporting, not e-invoicing.
    B2c,
}

impl Scope {
    fn code(self) -> &'static str {
        match self {
            Scope::B2b => "B2B",
            Scope::B2bInternational => "B2BINT",
            Scope::B2c => "B2C",
        }
    }
}

/// The French billing framework (« cadre de facturation », BT-23) of a services invoice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Framework {
    /// S1: an invoice of services.
    Services,
    /// S2: already paid.
    Paid,
    /// S4: the final invoice after deposits.
    AfterDeposit,
}

impl Framework {
    fn code(self) -> &'static str {
        match self {
            Framework::Services => "S1",
            Framework::Paid => "S2",
            Framework::AfterDeposit => "S4",
        }
    }
}

/// What [`check`] settles, for the writer.
struct Checked<'a> {
    number: &'a str,
    issue_date: NaiveDate,
    siren: &'a str,
    scope: Scope,
    framework: Framework,
    prepaid: Decimal,
}

fn scope(invoice: &Invoice) -> Scope {
    let country = invoice.customer.address.country;
    match (invoice.customer.business, country) {
        (false, _) => Scope::B2c,
        (true, Some(c)) if c != crate::address::Country::FRANCE => Scope::B2bInternational,
        (true, _) => Scope::B2b,
    }
}

/// Checks that `invoice` can be an e-invoice with `options`, refusing with the first rule it
/// breaks: a draft (`invoice.einvoice_draft`), a number the French platforms refuse
/// (`invoice.einvoice_number_invalid`), a currency other than the euro
/// (`invoice.einvoice_currency_unsupported`), no seller SIRET
/// (`invoice.einvoice_siren_missing`), a seller charging VAT without a VAT number
/// (`invoice.mention_missing`), VAT under the franchise (`invoice.einvoice_franchise_vat`), a
/// customer without a country, or a business customer without an address
/// (`invoice.einvoice_buyer_address_missing`), a business customer in France without her SIREN
/// (`invoice.einvoice_buyer_siren_missing`), a credit note without the date of the invoice it
/// cancels (`invoice.einvoice_credited_date_missing`), a transfer without an IBAN
/// (`invoice.einvoice_iban_missing`), a prepaid amount beyond the total
/// (`invoice.einvoice_paid_invalid`).
///
/// ```
/// # let mut invoice: hospes::invoice::Invoice = serde_json::from_str(include_str!("../tests/data/invoice.json")).unwrap();
/// use hospes::einvoice::{self, FacturX};
/// assert!(einvoice::check(&invoice, &FacturX::default()).is_ok());
/// invoice.seller.siret = None;
/// let err = einvoice::check(&invoice, &FacturX::default()).unwrap_err();
/// assert_eq!(err.code(), "invoice.einvoice_siren_missing");
/// ```
pub fn check(invoice: &Invoice, options: &FacturX) -> Result<()> {
    checked(invoice, options).map(|_| ())
}

fn checked<'a>(invoice: &'a Invoice, options: &FacturX) -> Result<Checked<'a>> {
    let (Some(number), Some(issue_date)) = (&invoice.number, invoice.issue_date) else {
        return Err(Error::EinvoiceDraft {
            number: invoice.number.clone().unwrap_or_default(),
        });
    };
    if invoice.status == InvoiceStatus::Draft {
        return Err(Error::EinvoiceDraft {
            number: number.clone(),
        });
    }
    let id_ok = number.len() <= 35
        && !number.is_empty()
        && number
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '_' | '/'));
    if !id_ok {
        return Err(Error::EinvoiceNumberInvalid {
            number: number.chars().take(64).collect(),
        });
    }
    if invoice.currency != Currency::EUR {
        return Err(Error::EinvoiceCurrencyUnsupported {
            currency: invoice.currency.code().into(),
        });
    }
    let siren = invoice
        .seller
        .siret
        .as_deref()
        .and_then(|s| s.get(..9))
        .filter(|s| s.chars().all(|c| c.is_ascii_digit()))
        .ok_or_else(|| Error::EinvoiceSirenMissing {
            seller: invoice.seller.name.clone(),
        })?;
    let regime = options.vat_regime.unwrap_or_default();
    let charged = invoice
        .lines
        .iter()
        .find(|l| !l.vat_rate.percent().is_zero());
    match (regime, charged) {
        (VatRegime::Franchise, Some(line)) => {
            return Err(Error::EinvoiceFranchiseVat {
                rate: line.vat_rate.to_string(),
            });
        }
        (VatRegime::Standard, Some(_)) if invoice.seller.vat_number.is_none() => {
            return Err(Error::MentionMissing {
                mention: "seller.vat_number".into(),
            });
        }
        _ => {}
    }
    let customer = &invoice.customer;
    let buyer_name = customer.company.clone().unwrap_or(customer.name.clone());
    if customer.address.country.is_none() {
        return Err(Error::EinvoiceBuyerAddressMissing {
            customer: buyer_name,
            missing: "country".into(),
        });
    }
    let scope = scope(invoice);
    if customer.business
        && (customer.address.lines.is_empty()
            || customer.address.postcode.is_none()
            || customer.address.city.is_none())
    {
        return Err(Error::EinvoiceBuyerAddressMissing {
            customer: buyer_name,
            missing: "address".into(),
        });
    }
    let buyer_siren = options.buyer.as_ref().and_then(|b| b.siren.as_deref());
    let siren_ok =
        buyer_siren.is_some_and(|s| s.len() == 9 && s.chars().all(|c| c.is_ascii_digit()));
    if scope == Scope::B2b && !siren_ok {
        return Err(Error::EinvoiceBuyerSirenMissing {
            customer: buyer_name,
        });
    }
    if invoice.kind == InvoiceKind::CreditNote
        && (invoice.credited_invoice.is_none() || options.credited_invoice_date.is_none())
    {
        return Err(Error::EinvoiceCreditedDateMissing {
            number: number.clone(),
        });
    }
    if let Some(means) = &options.payment_means
        && matches!(
            means.code,
            PaymentMeansCode::CreditTransfer | PaymentMeansCode::SepaCreditTransfer
        )
        && means.iban.as_deref().is_none_or(|i| i.trim().is_empty())
    {
        return Err(Error::EinvoiceIbanMissing {
            means: means.code.name().into(),
        });
    }
    let total = invoice.total().amount.abs();
    let prepaid = match &options.paid {
        None => Decimal::ZERO,
        Some(paid)
            if paid.currency == invoice.currency
                && !paid.amount.is_sign_negative()
                && paid.amount <= total =>
        {
            paid.amount
        }
        Some(paid) => {
            return Err(Error::EinvoicePaidInvalid {
                paid: paid.to_string(),
                total: invoice.total().to_string(),
            });
        }
    };
    let deducts_deposit = invoice
        .lines
        .iter()
        .any(|l| l.kind == LineKind::Deposit && l.unit_price.amount.is_sign_negative())
        && invoice.kind != InvoiceKind::CreditNote;
    let framework = if !total.is_zero() && prepaid == total {
        Framework::Paid
    } else if deducts_deposit {
        Framework::AfterDeposit
    } else {
        Framework::Services
    };
    Ok(Checked {
        number,
        issue_date,
        siren,
        scope,
        framework,
        prepaid,
    })
}

/// The invoice as UN/CEFACT CII XML (D16B), profile EN 16931, as the French platforms and any
/// Factur-X reader take it. Refused as [`check`] refuses.
///
/// ```
/// # let invoice: hospes::invoice::Invoice = serde_json::from_str(include_str!("../tests/data/invoice.json")).unwrap();
/// let xml = hospes::einvoice::cii_xml(&invoice, &Default::default()).unwrap();
/// assert!(xml.starts_with("<?xml"));
/// assert!(xml.contains("<ram:GrandTotalAmount>"));
/// ```
pub fn cii_xml(invoice: &Invoice, options: &FacturX) -> Result<String> {
    let checked = checked(invoice, options)?;
    let regime = options.vat_regime.unwrap_or_default();
    let figures = figures::figures(invoice, regime)?;
    let buyer = options.buyer.clone().unwrap_or_default();
    Ok(cii::write(&cii::Parts {
        invoice,
        options,
        buyer: &buyer,
        figures: &figures,
        number: checked.number,
        issue_date: checked.issue_date,
        seller_siren: checked.siren,
        scope: checked.scope,
        framework: checked.framework,
        prepaid: checked.prepaid,
    }))
}
