//! The signed record of a quote or contract: the exact PDF the guest was shown and signed, kept
//! as it was, and a separate evidence document that names it by the SHA-256 of its bytes — with
//! the signer, the instant, the IP address and browser, the consent ticked and the drawn
//! signature. Verifying hashes the PDF kept (see [`Signature::verify`]); nothing is rendered
//! again.

use base64ct::{Base64, Encoding};

use super::Words;
use super::image::Image;
use super::page::{Align, Column, Info, Sheet, Weight};
use super::printer::{FileBytes, Printer, SignedCopy};
use crate::error::Result;
use crate::i18n::Locale;
use crate::invoice::Seller;
use crate::signature::{Signature, SignatureImage};

impl Printer {
    /// The evidence document of `signature`, given over document `number` issued by `seller`:
    /// the signed PDF's SHA-256 and the record's, the language shown, the signer, the instant,
    /// IP address and browser, the consent and its hash, and the drawn signature — in the
    /// language the document was shown in (else `locale`).
    ///
    /// ```
    /// # let fixture: serde_json::Value = serde_json::from_str(include_str!("../../tests/data/documents.json")).unwrap();
    /// # let contract: hospes::contract::Contract = serde_json::from_value(fixture["signed_contract"].clone()).unwrap();
    /// let signature = contract.signature.as_ref().unwrap();
    /// let pdf = hospes::pdf::Printer::standard()
    ///     .evidence(&contract.number, &contract.seller, signature, contract.locale)
    ///     .unwrap();
    /// assert!(pdf.starts_with(b"%PDF"));
    /// ```
    pub fn evidence(
        &self,
        number: &str,
        seller: &Seller,
        signature: &Signature,
        locale: Locale,
    ) -> Result<Vec<u8>> {
        let words = Words {
            locale: signature.locale.unwrap_or(locale),
        };
        let drawn = match &signature.image {
            Some(SignatureImage::Png { base64 }) => {
                let bytes = Base64::decode_vec(base64.trim()).unwrap_or_default();
                Some(Image::read(&bytes, "signature.image")?)
            }
            _ => None,
        };
        let mut sheet = self.sheet();
        let footer = super::seller_block(&mut sheet, self.logo.as_ref(), seller, words);
        sheet.y -= 12.0;
        evidence_rows(&mut sheet, number, signature, words);
        signature_box(&mut sheet, Some(signature), drawn.as_ref(), words);
        sheet.y -= 6.0;
        let (x, width) = (sheet.margin, sheet.inner());
        sheet.paragraph(
            x,
            width,
            &words.t("doc-evidence-keep", &[]),
            9.0,
            Weight::Regular,
            Align::Left,
        );
        let info = Info {
            title: format!("{} {number}", words.t("doc-evidence", &[])),
            author: seller.name.clone(),
            subject: signature.signer_name.clone(),
            lang: words.locale.tag(),
            date: Some(signature.signed_at.date_naive()),
            footer,
            archive: None,
        };
        sheet.finish(&info)
    }

    /// The signed record: `document`, the PDF the guest signed, kept as it is, and its
    /// [`evidence`](Printer::evidence).
    ///
    /// ```
    /// # let fixture: serde_json::Value = serde_json::from_str(include_str!("../../tests/data/documents.json")).unwrap();
    /// # let contract: hospes::contract::Contract = serde_json::from_value(fixture["signed_contract"].clone()).unwrap();
    /// let signature = contract.signature.as_ref().unwrap();
    /// let copy = hospes::pdf::Printer::standard()
    ///     .signed_copy(b"%PDF-1.7 as shown".to_vec(), &contract.number, &contract.seller, signature, contract.locale)
    ///     .unwrap();
    /// assert_eq!(copy.document.0, b"%PDF-1.7 as shown");
    /// ```
    pub fn signed_copy(
        &self,
        document: Vec<u8>,
        number: &str,
        seller: &Seller,
        signature: &Signature,
        locale: Locale,
    ) -> Result<SignedCopy> {
        Ok(SignedCopy {
            evidence: FileBytes(self.evidence(number, seller, signature, locale)?),
            document: FileBytes(document),
        })
    }
}

/// The framed signature box: the drawing and "signed electronically by … on …", or empty.
pub(super) fn signature_box<'f>(
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

/// The evidence, on a page of its own: the hashes, the signer, when, from where, the consent;
/// with `record_now`, the record's hash today and whether it is still the one signed.
pub(super) fn evidence_page(
    sheet: &mut Sheet<'_>,
    number: &str,
    signature: &Signature,
    record_now: Option<&str>,
    words: Words,
) {
    sheet.new_page();
    evidence_rows(sheet, number, signature, words);
    let Some(current) = record_now else {
        return;
    };
    let (x, width) = (sheet.margin, sheet.inner());
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
    let row = vec![words.t("doc-evidence-current", &[]), current.to_owned()];
    sheet.table(&columns, &[String::new(), String::new()], &[row]);
    sheet.y -= 6.0;
    let verdict = if signature.content_sha256.as_deref() == Some(current) {
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

/// The title, the introduction and the table of what the signature records.
fn evidence_rows(sheet: &mut Sheet<'_>, number: &str, signature: &Signature, words: Words) {
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
        &words.t("doc-evidence-intro", &[("number", number.into())]),
        9.0,
        Weight::Regular,
        Align::Left,
    );
    sheet.y -= 8.0;
    let none = || words.t("doc-evidence-none", &[]);
    let rows = [
        ("doc-evidence-document", signature.document_sha256.clone()),
        (
            "doc-evidence-content",
            signature.content_sha256.clone().unwrap_or_else(none),
        ),
        (
            "doc-evidence-language",
            signature.locale.map_or_else(none, |l| l.tag().to_owned()),
        ),
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
}
