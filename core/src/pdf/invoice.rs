//! The invoice and the credit note as PDF, with every mention French law asks for: seller's
//! identity, SIRET and VAT number, number and dates, customer, lines with quantity, unit price
//! and VAT rate, the VAT breakdown per rate, totals, the tourist tax on its own line, the
//! payment status and, for a business customer, the late-payment terms.

use super::Words;
use super::archive::Archive;
use super::page::{Align, Info, Weight};
use super::printer::Printer;
use crate::einvoice::{self, FacturX, VatRegime};
use crate::error::Result;
use crate::i18n::{self, Locale};
use crate::invoice::{Invoice, InvoiceKind, InvoiceStatus};
use crate::payment::InvoiceBalance;

impl Printer {
    /// The invoice (or credit note) as PDF, in the invoice's language. A draft prints with a
    /// "draft" banner instead of a number. An e-invoice (issued in a Factur-X series: it carries
    /// its [`factur_x`](Invoice::factur_x) options) prints as its Factur-X file
    /// ([`factur_x`](Printer::factur_x)).
    ///
    /// ```
    /// # let invoice: hospes::invoice::Invoice = serde_json::from_str(include_str!("../../tests/data/invoice.json")).unwrap();
    /// let printer = hospes::pdf::Printer::standard();
    /// let pdf = printer.invoice(&invoice).unwrap();
    /// assert!(pdf.len() < 20_000);
    /// let einvoice = hospes::invoice::Invoice { factur_x: Some(Default::default()), ..invoice.clone() };
    /// assert_eq!(printer.invoice(&einvoice).unwrap(), printer.factur_x(&invoice, None, None, &Default::default()).unwrap());
    /// ```
    pub fn invoice(&self, invoice: &Invoice) -> Result<Vec<u8>> {
        self.invoice_with_balance(invoice, None, None)
    }

    /// The invoice with what was paid on it so far (from `payment::invoice_balance`): the
    /// amount already paid and the amount still due are printed under the totals. With the
    /// client's `space_link` (a URL a guest may open, else `link.qr_invalid`), its QR code is
    /// printed beside the customer's address. An e-invoice (one that carries its
    /// [`factur_x`](Invoice::factur_x) options) is its Factur-X file, refused as
    /// [`einvoice::check`] refuses; any other invoice prints as it always did, byte for byte.
    ///
    /// ```
    /// # let invoice: hospes::invoice::Invoice = serde_json::from_str(include_str!("../../tests/data/invoice.json")).unwrap();
    /// let printer = hospes::pdf::Printer::standard();
    /// assert!(printer.invoice_with_balance(&invoice, None, None).unwrap().starts_with(b"%PDF"));
    /// let link = Some("https://portail.camping-des-pins.fr/?t=v4.local.x");
    /// assert!(printer.invoice_with_balance(&invoice, None, link).unwrap().starts_with(b"%PDF"));
    /// ```
    pub fn invoice_with_balance(
        &self,
        invoice: &Invoice,
        balance: Option<&InvoiceBalance>,
        space_link: Option<&str>,
    ) -> Result<Vec<u8>> {
        match &invoice.factur_x {
            Some(options) => self.factur_x(invoice, balance, space_link, options),
            None => self.invoice_document(invoice, balance, space_link, None, &[]),
        }
    }

    /// The invoice (or credit note) as a Factur-X file with `options`, whatever options it
    /// carries: the PDF [`invoice_with_balance`] prints, made PDF/A-3b, with its CII XML
    /// ([`einvoice::cii_xml`], profile EN 16931) embedded as `factur-x.xml`, and the mention
    /// « TVA non applicable, art. 293 B du CGI » for a business under the franchise. Refused as
    /// [`einvoice::check`] refuses.
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
        let xml = einvoice::cii_xml(invoice, options)?;
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
            file_name: einvoice::FILE_NAME,
            mime: "text/xml",
            description: format!(
                "Factur-X {} {}",
                einvoice::CONFORMANCE_LEVEL,
                invoice.number.as_deref().unwrap_or_default()
            ),
            document_type: "INVOICE",
            version: einvoice::FACTUR_X_VERSION,
            conformance_level: einvoice::CONFORMANCE_LEVEL,
        };
        self.invoice_document(invoice, balance, space_link, Some(archive), &mentions)
    }

    /// The invoice as [`invoice_with_balance`](Printer::invoice_with_balance) prints a plain
    /// one, with `mentions` printed under the payment terms, and made PDF/A-3b with `archive`
    /// embedded when given (a Factur-X invoice).
    fn invoice_document(
        &self,
        invoice: &Invoice,
        balance: Option<&InvoiceBalance>,
        space_link: Option<&str>,
        archive: Option<Archive>,
        mentions: &[String],
    ) -> Result<Vec<u8>> {
        let code = super::space_link_code(space_link)?;
        let words = Words {
            locale: invoice.locale,
        };
        let mut sheet = self.sheet();
        let top = sheet.y;
        let footer = super::seller_block(&mut sheet, self.logo.as_ref(), &invoice.seller, words);
        let kind = kind_id(invoice.kind);
        let title = words.t(kind, &[]);
        let mut refs = Vec::new();
        match &invoice.number {
            Some(number) => refs.push(words.t("doc-number", &[("number", number.as_str().into())])),
            None => refs.push(words.t("doc-draft", &[])),
        }
        if let Some(date) = invoice.issue_date {
            refs.push(words.t("doc-issue-date", &[("date", words.date(date).into())]));
        }
        if let Some(reference) = &invoice.stay_reference {
            refs.push(words.t("doc-stay", &[("reference", reference.as_str().into())]));
        }
        if let (Some(from), Some(to)) = (invoice.service_from, invoice.service_to) {
            refs.push(words.t(
                "doc-period",
                &[
                    ("from", words.date(from).into()),
                    ("to", words.date(to).into()),
                ],
            ));
        }
        if let Some(credited) = &invoice.credited_invoice {
            refs.push(words.t("doc-credits", &[("number", credited.as_str().into())]));
        }
        super::title_block(&mut sheet, top, &title, &refs);
        super::customer_block(
            &mut sheet,
            &invoice.customer,
            &invoice.seller,
            code.as_ref(),
            words,
        );
        super::lines_and_totals(
            &mut sheet,
            &invoice.lines,
            &invoice.totals,
            invoice.price_basis,
            words,
        );

        // Payment status and terms.
        sheet.need(60.0);
        sheet.y -= 6.0;
        let status = balance.map_or(invoice.status, |b| b.status);
        let status_text = words.t(status_id(status), &[]);
        let x = sheet.margin;
        let width = sheet.inner();
        sheet.paragraph(
            x,
            width,
            &words.t("doc-status", &[("status", status_text.into())]),
            9.5,
            Weight::Bold,
            Align::Left,
        );
        if let Some(balance) = balance {
            sheet.paragraph(
                x,
                width,
                &words.t("doc-paid", &[("amount", words.money(&balance.paid).into())]),
                9.0,
                Weight::Regular,
                Align::Left,
            );
            sheet.paragraph(
                x,
                width,
                &words.t(
                    "doc-amount-due",
                    &[("amount", words.money(&balance.due).into())],
                ),
                9.0,
                Weight::Bold,
                Align::Left,
            );
        }
        if invoice.kind != InvoiceKind::CreditNote
            && !matches!(status, InvoiceStatus::Paid | InvoiceStatus::Cancelled)
        {
            sheet.paragraph(
                x,
                width,
                &words.t(
                    "doc-due-date",
                    &[("date", words.date(invoice.due_date).into())],
                ),
                9.0,
                Weight::Regular,
                Align::Left,
            );
        }
        if let Some(late) = &invoice.late_payment {
            sheet.y -= 4.0;
            let text = words.t(
                "doc-late-payment",
                &[
                    ("rate", words.number(late.penalty_rate_percent).into()),
                    ("indemnity", words.money(&late.recovery_indemnity).into()),
                ],
            );
            sheet.paragraph(x, width, &text, 7.5, Weight::Regular, Align::Left);
            let discount = if late.early_payment_discount_percent.is_zero() {
                words.t("doc-no-early-discount", &[])
            } else {
                words.t(
                    "doc-early-discount",
                    &[(
                        "percent",
                        words.number(late.early_payment_discount_percent).into(),
                    )],
                )
            };
            sheet.paragraph(x, width, &discount, 7.5, Weight::Regular, Align::Left);
        }
        for mention in mentions {
            sheet.y -= 4.0;
            sheet.paragraph(x, width, mention, 8.5, Weight::Bold, Align::Left);
        }

        let info = Info {
            title: match &invoice.number {
                Some(number) => format!("{title} {number}"),
                None => title.clone(),
            },
            author: invoice.seller.name.clone(),
            subject: invoice.customer.name.clone(),
            lang: invoice.locale.tag(),
            date: invoice
                .issue_date
                .or(invoice.service_from)
                .or(Some(invoice.due_date)),
            footer,
            archive,
        };
        sheet.finish(&info)
    }
}

fn kind_id(kind: InvoiceKind) -> &'static str {
    match kind {
        InvoiceKind::Deposit => "doc-invoice-deposit",
        InvoiceKind::Balance => "doc-invoice-balance",
        InvoiceKind::Final => "doc-invoice-final",
        InvoiceKind::SideSale => "doc-invoice-side_sale",
        InvoiceKind::Rent => "doc-invoice-rent",
        InvoiceKind::CancellationFee => "doc-invoice-cancellation_fee",
        InvoiceKind::CreditNote => "doc-invoice-credit_note",
    }
}

fn status_id(status: InvoiceStatus) -> &'static str {
    match status {
        InvoiceStatus::Draft => "doc-status-draft",
        InvoiceStatus::Issued => "doc-status-issued",
        InvoiceStatus::PartlyPaid => "doc-status-partly_paid",
        InvoiceStatus::Paid => "doc-status-paid",
        InvoiceStatus::Cancelled => "doc-status-cancelled",
    }
}
