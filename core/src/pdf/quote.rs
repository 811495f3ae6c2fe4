//! The quote as PDF: the stay, its lines and totals, the validity date, the payment schedule and
//! the cancellation terms, and who accepted it once accepted.

use super::Words;
use super::page::{Align, Info, Weight};
use super::printer::Printer;
use crate::error::{Error, Result};
use crate::i18n::Locale;
use crate::invoice::{customer, seller};
use crate::quote::Quote;
use crate::{Client, Establishment};

impl Printer {
    /// The quote as PDF, in `locale` (else the client's language, else the establishment's).
    /// `establishment` and `client` supply the names and addresses printed; a client other than
    /// the quote's is refused (`pdf.client_mismatch`). With the client's `space_link` (a URL a
    /// guest may open, else `link.qr_invalid`), its QR code is printed beside her address.
    ///
    /// ```
    /// # let fixture: serde_json::Value = serde_json::from_str(include_str!("../../tests/data/documents.json")).unwrap();
    /// # let quote: hospes::quote::Quote = serde_json::from_value(fixture["quote"].clone()).unwrap();
    /// # let establishment: hospes::Establishment = serde_json::from_value(fixture["establishment"].clone()).unwrap();
    /// # let client: hospes::Client = serde_json::from_value(fixture["client"].clone()).unwrap();
    /// let pdf = hospes::pdf::Printer::standard().quote(&quote, &establishment, &client, None, None).unwrap();
    /// assert!(pdf.starts_with(b"%PDF"));
    /// ```
    pub fn quote(
        &self,
        quote: &Quote,
        establishment: &Establishment,
        client: &Client,
        locale: Option<Locale>,
        space_link: Option<&str>,
    ) -> Result<Vec<u8>> {
        if client.id != quote.client_id {
            return Err(Error::DocumentClientMismatch {
                document: quote.number.clone(),
                client_id: client.id.clone(),
            });
        }
        let code = super::space_link_code(space_link)?;
        let locale = locale.unwrap_or_else(|| client.locale_or(establishment.default_locale));
        let words = Words { locale };
        let zone = establishment.time_zone;
        let local = |at: chrono::DateTime<chrono::Utc>| at.with_timezone(&zone.tz()).date_naive();
        let seller = seller(establishment);
        let mut sheet = self.sheet();
        let top = sheet.y;
        let footer = super::seller_block(&mut sheet, self.logo.as_ref(), &seller, words);
        let title = words.t("doc-quote", &[]);
        let refs = [
            words.t("doc-number", &[("number", quote.number.as_str().into())]),
            words.t(
                "doc-quote-date",
                &[("date", words.date(local(quote.created_at)).into())],
            ),
            words.t(
                "doc-valid-until",
                &[("date", words.date(local(quote.valid_until)).into())],
            ),
            words.t(
                "doc-stay",
                &[("reference", quote.stay_reference.as_str().into())],
            ),
        ];
        super::title_block(&mut sheet, top, &title, &refs);
        super::customer_block(&mut sheet, &customer(client), &seller, code.as_ref(), words);

        let priced = &quote.priced;
        let x = sheet.margin;
        let width = sheet.inner();
        super::stay_block(
            &mut sheet,
            &priced.unit_name,
            priced.arrival,
            priced.departure,
            words,
        );
        sheet.y -= 6.0;
        super::lines_and_totals(
            &mut sheet,
            &priced.lines,
            &priced.totals,
            priced.price_basis,
            words,
        );
        super::schedule(&mut sheet, &priced.schedule, words);
        super::cancellation(&mut sheet, &priced.cancellation, words);
        if let Some(acceptance) = &quote.acceptance {
            sheet.y -= 8.0;
            let text = words.t(
                "doc-accepted",
                &[
                    ("date", words.date(local(acceptance.signed_at)).into()),
                    ("name", acceptance.signer_name.as_str().into()),
                ],
            );
            sheet.paragraph(x, width, &text, 9.5, Weight::Bold, Align::Left);
        }
        let info = Info {
            title: format!("{title} {}", quote.number),
            author: seller.name.clone(),
            subject: client.display_name(),
            lang: locale.tag(),
            date: Some(local(quote.created_at)),
            footer,
            archive: None,
        };
        sheet.finish(&info)
    }
}
