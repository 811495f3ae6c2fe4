//! The contract as PDF: parties, the stay and its occupants, lines and totals, the payment
//! schedule, the cancellation terms, the clauses of the establishment's terms, the drawn
//! signature, and a last page of evidence — the hash of the document signed and of this one,
//! who signed, when, from which IP address and browser, and the consent ticked.

use base64ct::{Base64, Encoding};

use super::Words;
use super::image::Image;
use super::page::{Align, Column, Info, Sheet, Weight};
use super::printer::Printer;
use crate::contract::Contract;
use crate::error::Result;
use crate::signature::{Signature, SignatureImage};

impl Printer {
    /// The contract as PDF, in the contract's language: signed, it carries the drawn signature
    /// and the evidence page; unsigned, an empty signature box.
    ///
    /// ```
    /// # let fixture: serde_json::Value = serde_json::from_str(include_str!("../../tests/data/documents.json")).unwrap();
    /// # let contract: hospes::contract::Contract = serde_json::from_value(fixture["signed_contract"].clone()).unwrap();
    /// let pdf = hospes::pdf::Printer::standard().contract(&contract).unwrap();
    /// assert!(pdf.starts_with(b"%PDF"));
    /// ```
    pub fn contract(&self, contract: &Contract) -> Result<Vec<u8>> {
        let words = Words {
            locale: contract.locale,
        };
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
        super::customer_block(&mut sheet, &contract.customer, &contract.seller, words);

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

        signature_box(
            &mut sheet,
            contract.signature.as_ref(),
            drawn.as_ref(),
            words,
        );
        let document_sha256 = contract.document_sha256()?;
        if let Some(signature) = &contract.signature {
            evidence_page(&mut sheet, contract, signature, &document_sha256, words);
        }
        let info = Info {
            title: format!("{title} {}", contract.number),
            author: contract.seller.name.clone(),
            subject: contract.customer.name.clone(),
            lang: contract.locale.tag(),
            date: Some(created),
            footer,
        };
        sheet.finish(&info)
    }
}

/// The framed signature box: the drawing and "signed electronically by … on …", or empty.
fn signature_box<'f>(
    sheet: &mut Sheet<'f>,
    signature: Option<&Signature>,
    drawn: Option<&'f Image>,
    words: Words,
) {
    sheet.need(130.0);
    super::heading(sheet, &words.t("doc-signature", &[]));
    let (x, width, height) = (sheet.margin, 240.0, 90.0);
    let bottom = sheet.y - height + 8.0;
    sheet.frame(x, bottom, width, height, 0.6);
    match signature {
        Some(signature) => {
            match (&signature.image, drawn) {
                (
                    Some(SignatureImage::SvgPath {
                        d,
                        width: w,
                        height: h,
                    }),
                    _,
                ) => {
                    sheet.svg_path(
                        d,
                        (*w, *h),
                        x + 8.0,
                        bottom + 8.0,
                        width - 16.0,
                        height - 16.0,
                    );
                }
                (Some(SignatureImage::Png { .. }), Some(image)) => {
                    sheet.image(image, x + 8.0, bottom + 8.0, width - 16.0, height - 16.0);
                }
                _ => {}
            }
            sheet.y = bottom - 14.0;
            let text = words.t(
                "doc-signed-by",
                &[
                    ("name", signature.signer_name.as_str().into()),
                    ("date", words.date(signature.signed_at.date_naive()).into()),
                    (
                        "time",
                        signature.signed_at.format("%H:%M:%S").to_string().into(),
                    ),
                ],
            );
            sheet.paragraph(x, sheet.inner(), &text, 8.5, Weight::Regular, Align::Left);
        }
        None => {
            sheet.y = bottom - 14.0;
            sheet.paragraph(
                x,
                sheet.inner(),
                &words.t("doc-not-signed", &[]),
                8.5,
                Weight::Regular,
                Align::Left,
            );
        }
    }
}

/// The evidence page, on a page of its own.
fn evidence_page(
    sheet: &mut Sheet<'_>,
    contract: &Contract,
    signature: &Signature,
    current: &str,
    words: Words,
) {
    sheet.new_page();
    let (x, width) = (sheet.margin, sheet.inner());
    sheet.text(
        x,
        sheet.y,
        &words.t("doc-evidence", &[]),
        15.0,
        Weight::Bold,
        Align::Left,
    );
    sheet.y -= 24.0;
    sheet.paragraph(
        x,
        width,
        &words.t(
            "doc-evidence-intro",
            &[("number", contract.number.as_str().into())],
        ),
        9.0,
        Weight::Regular,
        Align::Left,
    );
    sheet.y -= 8.0;
    let none = || words.t("doc-evidence-none", &[]);
    let rows = [
        ("doc-evidence-document", signature.document_sha256.clone()),
        ("doc-evidence-current", current.to_owned()),
        ("doc-evidence-signer", signature.signer_name.clone()),
        (
            "doc-evidence-email",
            signature.signer_email.clone().unwrap_or_else(none),
        ),
        ("doc-evidence-client", signature.client_id.clone()),
        (
            "doc-evidence-time",
            signature
                .signed_at
                .format("%Y-%m-%d %H:%M:%S UTC")
                .to_string(),
        ),
        ("doc-evidence-ip", signature.ip.clone().unwrap_or_else(none)),
        (
            "doc-evidence-agent",
            signature.user_agent.clone().unwrap_or_else(none),
        ),
        ("doc-evidence-consent", signature.consent_text.clone()),
        (
            "doc-evidence-consent-hash",
            signature.consent_sha256.clone(),
        ),
        (
            "doc-evidence-image-hash",
            signature.image_sha256.clone().unwrap_or_else(none),
        ),
    ];
    let columns = [
        Column {
            width: 170.0,
            align: Align::Left,
        },
        Column {
            width: width - 170.0,
            align: Align::Left,
        },
    ];
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|(id, value)| vec![words.t(id, &[]), value])
        .collect();
    sheet.table(&columns, &[String::new(), String::new()], &rows);
    sheet.y -= 6.0;
    let verdict = if signature.document_sha256 == current {
        "doc-evidence-match"
    } else {
        "doc-evidence-mismatch"
    };
    sheet.paragraph(
        x,
        width,
        &words.t(verdict, &[]),
        9.5,
        Weight::Bold,
        Align::Left,
    );
}
