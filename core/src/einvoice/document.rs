//! The Factur-X invoice: the PDF the guest downloads, PDF/A-3b, with its CII XML embedded.

use super::{FacturX, VatRegime};
use crate::error::Result;
use crate::i18n::{self, Locale};
use crate::invoice::Invoice;
use crate::payment::InvoiceBalance;
use crate::pdf::{Archive, Printer};

impl Printer {
    /// The invoice (or credit note) as a Factur-X file: the PDF [`invoice_with_balance`]
    /// prints, made PDF/A-3b, with its CII XML ([`cii_xml`](super::cii_xml), profile EN 16931)
    /// embedded as `factur-x.xml`, and the mention « TVA non applicable, art. 293 B du CGI »
    /// for a business under the franchise. Refused as [`check`](super::check) refuses.
    ///
    /// [`invoice_with_balance`]: Printer::invoice_with_balance
    ///
    /// ```
    /// # let invoice: hospes::invoice::Invoice = serde_json::from_str(include_str!("../../tests/data/invoice.json")).unwrap();
    /// let printer = hospes::pdf::Printer::standard();
    /// let pdf = printer.factur_x(&invoice, None, None, &Default::default()).unwrap();
    /// assert!(pdf.windows(12).any(|w| w == b"factur-x.xml"));
    /// assert_eq!(pdf, printer.factur_x(&invoice, None, None, &Default::default()).unwrap());
    /// ```
    pub fn factur_x(
        &self,
        invoice: &Invoice,
        balance: Option<&InvoiceBalance>,
        space_link: Option<&str>,
        options: &FacturX,
    ) -> Result<Vec<u8>> {
        let xml = super::cii_xml(invoice, options)?;
        let mentions = match options.vat_regime.unwrap_or_default() {
            VatRegime::Franchise => vec![i18n::text(
                "einvoice-exempt-franchise",
                &[],
                invoice.locale,
                Locale::Fr,
            )],
            VatRegime::Standard => vec![],
        };
        let archive = Archive {
            data: xml.into_bytes(),
            file_name: super::FILE_NAME,
            mime: "text/xml",
            description: format!(
                "Factur-X {} {}",
                super::CONFORMANCE_LEVEL,
                invoice.number.as_deref().unwrap_or_default()
            ),
            document_type: "INVOICE",
            version: super::FACTUR_X_VERSION,
            conformance_level: super::CONFORMANCE_LEVEL,
        };
        self.invoice_document(invoice, balance, space_link, Some(archive), &mentions)
    }
}
