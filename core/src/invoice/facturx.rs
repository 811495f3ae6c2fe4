//! The Factur-X options of an invoice: what an e-invoice needs besides the invoice itself. They
//! live with the invoice because a series can be Factur-X ([`InvoiceSeries::factur_x`]) and an
//! issued invoice records the options it is an e-invoice with ([`Invoice::factur_x`]);
//! `crate::einvoice` writes the XML from them and re-exports them.
//!
//! [`InvoiceSeries::factur_x`]: crate::invoice::InvoiceSeries::factur_x
//! [`Invoice::factur_x`]: crate::invoice::Invoice::factur_x

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::money::Money;

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

    /// Its name on the wire (`sepa_credit_transfer`), for error messages.
    pub(crate) fn name(self) -> &'static str {
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
/// The business sets them on a series ([`InvoiceSeries::factur_x`]) to make its invoices
/// e-invoices; what belongs to one invoice (the business customer's `buyer`, what was `paid`)
/// goes on the draft's own [`Invoice::factur_x`], which completes the series' options.
///
/// [`InvoiceSeries::factur_x`]: crate::invoice::InvoiceSeries::factur_x
/// [`Invoice::factur_x`]: crate::invoice::Invoice::factur_x
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
    /// For a credit note: the issue date of the invoice it cancels (required then; filled by
    /// [`Invoice::credit_note`](crate::invoice::Invoice::credit_note)).
    #[serde(default, deserialize_with = "crate::codec::date_option")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub credited_invoice_date: Option<NaiveDate>,
    /// What was paid before the invoice was issued (online at booking): the prepaid amount; all
    /// of it makes the invoice « déjà payée » (billing framework S2).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub paid: Option<Money>,
}

impl FacturX {
    /// These options where they say something, `defaults`' elsewhere, field by field.
    fn over(self, defaults: &FacturX) -> FacturX {
        let defaults = defaults.clone();
        FacturX {
            buyer: self.buyer.or(defaults.buyer),
            vat_regime: self.vat_regime.or(defaults.vat_regime),
            payment_means: self.payment_means.or(defaults.payment_means),
            seller_electronic_address: self
                .seller_electronic_address
                .or(defaults.seller_electronic_address),
            credited_invoice_date: self
                .credited_invoice_date
                .or(defaults.credited_invoice_date),
            paid: self.paid.or(defaults.paid),
        }
    }

    /// What another document for the same customer keeps of these options: all but what was
    /// one invoice's own (`paid`, `credited_invoice_date`).
    pub(crate) fn carried(&self) -> FacturX {
        FacturX {
            paid: None,
            credited_invoice_date: None,
            ..self.clone()
        }
    }
}

/// The options a document is issued with: its own (`own`) completed by its series'
/// (`series`), field by field; none when neither has any — then it is not an e-invoice.
pub(crate) fn options(own: Option<&FacturX>, series: Option<&FacturX>) -> Option<FacturX> {
    match (own, series) {
        (Some(own), Some(series)) => Some(own.clone().over(series)),
        (own, series) => own.or(series).cloned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn transfer() -> PaymentMeans {
        PaymentMeans {
            code: PaymentMeansCode::SepaCreditTransfer,
            iban: Some("FR7630006000011234567890189".into()),
            bic: None,
            account_name: None,
        }
    }

    #[test]
    fn the_invoices_own_options_complete_the_series_field_by_field_and_win() {
        let series = FacturX {
            vat_regime: Some(VatRegime::Franchise),
            payment_means: Some(transfer()),
            ..FacturX::default()
        };
        let own = FacturX {
            buyer: Some(BuyerIds {
                siren: Some("552100554".into()),
                ..BuyerIds::default()
            }),
            vat_regime: Some(VatRegime::Standard),
            ..FacturX::default()
        };
        let both = options(Some(&own), Some(&series)).unwrap();
        assert_eq!(both.buyer, own.buyer);
        assert_eq!(both.vat_regime, Some(VatRegime::Standard));
        assert_eq!(both.payment_means, Some(transfer()));
        assert_eq!(options(None, Some(&series)), Some(series.clone()));
        assert_eq!(options(Some(&own), None), Some(own));
        assert_eq!(options(None, None), None);
    }

    #[test]
    fn another_document_keeps_the_customers_options_not_what_one_invoice_was_paid() {
        let options = FacturX {
            payment_means: Some(transfer()),
            paid: Some(Money::parse("300.00", "EUR").unwrap()),
            credited_invoice_date: "2026-03-01".parse().ok(),
            ..FacturX::default()
        };
        let carried = options.carried();
        assert_eq!(carried.payment_means, Some(transfer()));
        assert_eq!((carried.paid, carried.credited_invoice_date), (None, None));
    }
}
