//! The contract as PDF: parties, the stay and its occupants, lines and totals, the payment
//! schedule, the cancellation terms, the clauses of the establishment's terms, the drawn
//! signature, and a last page of evidence — the hash of the PDF signed, of the record then and
//! now, who signed, when, from which IP address and browser, and the consent ticked.

use base64ct::{Base64, Encoding};

use super::Words;
use super::image::Image;
use super::page::{Align, Info, Weight};
use super::printer::Printer;
use crate::contract::Contract;
use crate::error::Result;
use crate::i18n::Locale;
use crate::signature::SignatureImage;

impl Printer {
    /// The contract as PDF, in `locale` (else the contract's language): signed, it carries the
    /// drawn signature and the evidence page; unsigned — as the guest reads it before signing —
    /// an empty signature box. With the client's `space_link` (a URL a guest may open, else
    /// `link.qr_invalid`), its QR code is printed beside her address.
    ///
    /// ```
    /// # let fixture: serde_json::Value = serde_json::from_str(include_str!("../../tests/data/documents.json")).unwrap();
    /// # let contract: hospes::contract::Contract = serde_json::from_value(fixture["signed_contract"].clone()).unwrap();
    /// let pdf = hospes::pdf::Printer::standard().contract(&contract, None, None).unwrap();
    /// assert!(pdf.starts_with(b"%PDF"));
    /// ```
    pub fn contract(
        &self,
        contract: &Contract,
        locale: Option<Locale>,
        space_link: Option<&str>,
    ) -> Result<Vec<u8>> {
        let code = super::space_link_code(space_link)?;
        let locale = locale.unwrap_or(contract.locale);
        let words = Words { locale };
        let drawn = match contract.signature.as_ref().and_then(|s| s.image.as_ref()) {
            Some(SignatureImage::Png { base64 }) => {
                let bytes = Base64::decode_vec(base64.trim()).unwrap_or_default();
                Some(Image::read(&bytes, "signature.image")?)
            }
            _ => None,
        };
        let mut sheet = self.sheet();
        let top = sheet.y;
        let footer = super::seller_block(&mut sheet, self.logo.as_ref(), &contract.seller, words);
        let title = contract.terms.title.clone();
        let created = contract.created_at.date_naive();
        let refs = [
            words.t("doc-number", &[("number", contract.number.as_str().into())]),
            words.t(
                "doc-stay",
                &[("reference", contract.stay_reference.as_str().into())],
            ),
            words.t(
                "doc-terms-version",
                &[("version", contract.terms.version.as_str().into())],
            ),
        ];
        super::title_block(&mut sheet, top, &title, &refs);
        super::customer_block(
            &mut sheet,
            &contract.customer,
            &contract.seller,
            code.as_ref(),
            words,
        );

        let x = sheet.margin;
        let width = sheet.inner();
        super::stay_block(
            &mut sheet,
            &contract.accommodation,
            contract.arrival,
            contract.departure,
            words,
        );
        if !contract.occupants.is_empty() {
            sheet.paragraph(
                x,
                width,
                &words.t(
                    "doc-occupants",
                    &[("names", contract.occupants.join(", ").into())],
                ),
                9.0,
                Weight::Regular,
                Align::Left,
            );
        }
        sheet.y -= 6.0;
        super::lines_and_totals(
            &mut sheet,
            &contract.lines,
            &contract.totals,
            crate::PriceBasis::IncludingVat,
            words,
        );
        super::schedule(&mut sheet, &contract.schedule, words);
        super::cancellation(&mut sheet, &contract.cancellation, words);
        for clause in &contract.terms.clauses {
            super::heading(&mut sheet, &clause.heading);
            sheet.paragraph(x, width, &clause.text, 8.5, Weight::Regular, Align::Left);
        }

        super::evidence::signature_box(
            &mut sheet,
            contract.signature.as_ref(),
            drawn.as_ref(),
            words,
        );
        if let Some(signature) = &contract.signature {
            let record_now = contract.document_sha256()?;
            super::evidence::evidence_page(
                &mut sheet,
                &contract.number,
                signature,
                Some(&record_now),
                words,
            );
        }
        let info = Info {
            title: format!("{title} {}", contract.number),
            author: contract.seller.name.clone(),
            subject: contract.customer.name.clone(),
            lang: locale.tag(),
            date: Some(created),
            footer,
            archive: None,
        };
        sheet.finish(&info)
    }
}
