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
//!   Factur-X file any accounting software reads. An invoice issued in a Factur-X series carries
//!   its options ([`Invoice::factur_x`](crate::invoice::Invoice::factur_x)), and every PDF of it
//!   — the one the business prints, the one the guest downloads from her space — is that file.
//! - [`check`] refuses, each with its own code, what would make an e-invoice invalid (no SIREN,
//!   a business customer without an address …). The business makes a series Factur-X
//!   ([`InvoiceSeries::factur_x`](crate::invoice::InvoiceSeries::factur_x)), and issuing in it
//!   applies this check before taking a number.
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

use crate::error::Result;
use crate::invoice::Invoice;
use crate::invoice::einvoicing::checked;

mod cii;
mod figures;
mod xml;

pub use crate::invoice::facturx::{BuyerIds, FacturX, PaymentMeans, PaymentMeansCode, VatRegime};

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

/// Checks that `invoice` can be an e-invoice with `options`, refusing with the first rule it
/// breaks: a draft (`invoice.einvoice_draft`), a number the French platforms refuse
/// (`invoice.einvoice_number_invalid`), a currency other than the euro
/// (`invoice.einvoice_currency_unsupported`), an identifier of the options out of its format — a
/// SIREN of other than 9 digits, an IBAN whose check digits are wrong
/// (`invoice.einvoice_identifier_invalid`), no seller SIRET
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
        checked,
    }))
}
