//! PDF documents: invoices and credit notes, quotes, contracts with their drawn signature and
//! evidence page, and address labels — in French, English or Spanish, rendered with pdf-writer.
//!
//! A [`Printer`] holds the faces and the logo, read once: the shipped Noto Sans
//! ([`Printer::standard`]) or the establishment's own font and logo ([`Printer::new`] with a
//! [`Letterhead`]). Each document embeds only the glyphs it uses, with a `ToUnicode` map, so
//! "Łukasz Żółć", "Ørsted", "Ñúñez", "Zoë" and "1 234,56 €" print, copy and extract as written.
//!
//! Output is deterministic: dates come from the document (never the clock), objects are written
//! in a fixed order and the font subset is named from the glyphs it holds — the same document
//! gives the same bytes, so the hash a signature binds to can be recomputed.
//!
//! ```
//! use hospes::pdf::Printer;
//! # let invoice: hospes::invoice::Invoice = serde_json::from_str(include_str!("../tests/data/invoice.json")).unwrap();
//! let pdf = Printer::standard().invoice(&invoice).unwrap();
//! assert!(pdf.starts_with(b"%PDF-1.7"));
//! assert_eq!(pdf, Printer::standard().invoice(&invoice).unwrap()); // same invoice, same bytes
//! ```

use crate::StayTotals;
use crate::i18n::{self, Arg, Locale};
use crate::invoice::{Customer, Seller};
use crate::money::Money;
use crate::qr::Qr;
use crate::stay::Line;

mod address;
mod archive;
mod contract;
mod deflate;
mod evidence;
mod font;
mod image;
mod invoice;
mod labels;
mod page;
mod printer;
mod quote;
mod unhint;

pub use labels::{LabelRequest, LabelSheet};
pub use printer::{FileBytes, Letterhead, Printer, SignedCopy};

use address::{address_lines, country_name};

use image::Image;
use page::{Align, Column, Sheet, Weight};

#[cfg(feature = "uniffi")]
uniffi::custom_type!(FileBytes, Vec<u8>, {
    try_lift: |bytes| Ok(FileBytes(bytes)),
    lower: |file| file.0,
});

/// A document's strings in one language: catalogue messages, money and dates.
#[derive(Debug, Clone, Copy)]
struct Words {
    locale: Locale,
}

impl Words {
    fn t(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        i18n::text(id, args, self.locale, Locale::Fr)
    }
    fn money(&self, money: &Money) -> String {
        i18n::format::money(money, self.locale)
    }
    fn date(&self, date: chrono::NaiveDate) -> String {
        i18n::format::date(date, self.locale)
    }
    fn number(&self, value: rust_decimal::Decimal) -> String {
        i18n::format::number(value.normalize(), self.locale)
    }
}

/// The seller's block, top left (under the logo), and the legal line for the footer.
fn seller_block<'f>(
    sheet: &mut Sheet<'f>,
    logo: Option<&'f Image>,
    seller: &Seller,
    words: Words,
) -> String {
    let x = sheet.margin;
    if let Some(logo) = logo {
        sheet.image(logo, x, sheet.y - 40.0, 150.0, 48.0);
        sheet.y -= 58.0;
    }
    sheet.text(x, sheet.y, &seller.name, 13.0, Weight::Bold, Align::Left);
    sheet.y -= 15.0;
    let mut lines: Vec<String> = address_lines(&seller.address);
    lines.extend(seller.phone.iter().cloned());
    lines.extend(seller.email.iter().cloned());
    for line in lines {
        sheet.text(x, sheet.y, &line, 8.5, Weight::Regular, Align::Left);
        sheet.y -= 11.0;
    }
    let mut legal = vec![seller.name.clone()];
    legal.extend(seller.legal_form.iter().cloned());
    legal.extend(
        seller
            .siret
            .as_ref()
            .map(|v| words.t("doc-siret", &[("value", v.as_str().into())])),
    );
    legal.extend(
        seller
            .vat_number
            .as_ref()
            .map(|v| words.t("doc-vat-number", &[("value", v.as_str().into())])),
    );
    legal.push(address_lines(&seller.address).join(", "));
    legal.join(" · ")
}

/// The document's title and references, top right from `top`.
fn title_block(sheet: &mut Sheet<'_>, top: f32, title: &str, lines: &[String]) {
    let right = sheet.width - sheet.margin;
    let mut y = top;
    sheet.text(right, y, title, 16.0, Weight::Bold, Align::Right);
    y -= 18.0;
    for line in lines {
        sheet.text(right, y, line, 9.0, Weight::Regular, Align::Right);
        y -= 12.0;
    }
    sheet.y = sheet.y.min(y);
}

/// The customer's block, framed, on the right half; the country is named when it is not the
/// seller's. Beside it, on the left half, the QR code of the client's space link when the
/// document carries one.
fn customer_block(
    sheet: &mut Sheet<'_>,
    customer: &Customer,
    seller: &Seller,
    space_link: Option<&Qr>,
    words: Words,
) {
    let top = sheet.y;
    let x = sheet.width / 2.0 + 10.0;
    let width = sheet.width - sheet.margin - x;
    let mut lines = vec![customer.name.clone()];
    lines.extend(
        customer
            .company
            .iter()
            .filter(|c| **c != customer.name)
            .cloned(),
    );
    lines.extend(address_lines(&customer.address));
    if let Some(country) = customer.address.country
        && Some(country) != seller.address.country
    {
        lines.push(country_name(country, words.locale));
    }
    lines.extend(customer.email.iter().cloned());
    sheet.y -= 10.0;
    let height = 16.0 + 11.5 * lines.len() as f32;
    sheet.frame(x - 6.0, sheet.y - height + 10.0, width + 6.0, height, 0.75);
    sheet.text(
        x,
        sheet.y,
        &words.t("doc-customer", &[]),
        7.5,
        Weight::Regular,
        Align::Left,
    );
    sheet.y -= 13.0;
    for (i, line) in lines.iter().enumerate() {
        let weight = if i == 0 {
            Weight::Bold
        } else {
            Weight::Regular
        };
        sheet.text(x, sheet.y, line, 9.5, weight, Align::Left);
        sheet.y -= 11.5;
    }
    sheet.y -= 14.0;
    if let Some(code) = space_link {
        let bottom = space_link_block(sheet, code, top, x - 16.0, words);
        sheet.y = sheet.y.min(bottom - 14.0);
    }
}

/// The smallest side of a printed QR code, quiet zone aside.
const QR_SIDE: f32 = 22.0 * page::MM;

/// The smallest module printed: a denser code is drawn larger than [`QR_SIDE`], so that a phone
/// still reads it off paper.
const QR_MODULE: f32 = 0.3 * page::MM;

/// The client's space link to print, checked and encoded before anything is drawn: a URL a guest
/// may be sent to (`establishment::web_url`: https, a host, no credentials), its QR code drawn
/// from its canonical form. Anything else is `link.qr_invalid`, which never echoes the link: it
/// opens the client's space.
fn space_link_code(space_link: Option<&str>) -> crate::error::Result<Option<Qr>> {
    let Some(link) = space_link else {
        return Ok(None);
    };
    let url = crate::establishment::web_url(link).map_err(|_| crate::Error::QrInvalid {
        detail: "the space link is not an https URL a guest may open".to_owned(),
    })?;
    Qr::encode(&url).map(Some)
}

/// The QR code of the space link, its symbol's top left corner at the left margin and `top`,
/// its caption to its right up to `right`; returns the lowest point drawn.
fn space_link_block(sheet: &mut Sheet<'_>, code: &Qr, top: f32, right: f32, words: Words) -> f32 {
    let modules = code.size().saturating_sub(2 * crate::qr::QUIET_ZONE).max(1) as f32;
    let side = QR_SIDE.max(modules * QR_MODULE);
    // To a ten-thousandth of a point: a shorter number, and 177 modules within 0.01 pt of `side`.
    let pitch = (side / modules * 10_000.0).round() / 10_000.0;
    let quiet = crate::qr::QUIET_ZONE as f32 * pitch;
    let x = sheet.margin;
    sheet.qr(code, x - quiet, top + quiet, pitch);
    let caption_x = x + side + 8.0;
    let mut y = top - 10.0;
    let caption = words.t("doc-space-link", &[]);
    for line in sheet.wrap(&caption, right - caption_x, 9.0, Weight::Bold) {
        sheet.text(caption_x, y, &line, 9.0, Weight::Bold, Align::Left);
        y -= 11.5;
    }
    (top - side).min(y)
}

/// The lines table, then the VAT breakdown and the totals.
fn lines_and_totals(
    sheet: &mut Sheet<'_>,
    lines: &[Line],
    totals: &StayTotals,
    basis: crate::PriceBasis,
    words: Words,
) {
    let inner = sheet.inner();
    let incl = basis == crate::PriceBasis::IncludingVat;
    let columns = [
        Column {
            width: inner - 245.0,
            align: Align::Left,
        },
        Column {
            width: 40.0,
            align: Align::Right,
        },
        Column {
            width: 75.0,
            align: Align::Right,
        },
        Column {
            width: 45.0,
            align: Align::Right,
        },
        Column {
            width: 85.0,
            align: Align::Right,
        },
    ];
    let header = [
        words.t("doc-col-description", &[]),
        words.t("doc-col-quantity", &[]),
        words.t(
            if incl {
                "doc-col-unit-incl"
            } else {
                "doc-col-unit-excl"
            },
            &[],
        ),
        words.t("doc-col-vat", &[]),
        words.t(
            if incl {
                "doc-col-total-incl"
            } else {
                "doc-col-total-excl"
            },
            &[],
        ),
    ];
    let mut tourist_tax = false;
    let rows: Vec<Vec<String>> = lines
        .iter()
        .zip(&totals.lines)
        .map(|(line, total)| {
            tourist_tax |= line.kind == crate::stay::LineKind::TouristTax;
            let rate = line.vat_rate.percent();
            vec![
                line.label.clone(),
                words.number(line.quantity),
                words.money(&line.unit_price),
                if rate.is_zero() {
                    "—".to_owned()
                } else {
                    format!("{} %", words.number(rate))
                },
                words.money(&total.amount),
            ]
        })
        .collect();
    sheet.table(&columns, &header, &rows);

    // VAT breakdown, left; totals, right.
    let vat_columns = [
        Column {
            width: 55.0,
            align: Align::Right,
        },
        Column {
            width: 80.0,
            align: Align::Right,
        },
        Column {
            width: 75.0,
            align: Align::Right,
        },
        Column {
            width: 80.0,
            align: Align::Right,
        },
    ];
    let vat_header = [
        words.t("doc-col-rate", &[]),
        words.t("doc-col-base", &[]),
        words.t("doc-col-vat-amount", &[]),
        words.t("doc-col-total-incl", &[]),
    ];
    let vat_rows: Vec<Vec<String>> = totals
        .vat
        .lines
        .iter()
        .map(|l| {
            let rate = l.vat_rate.percent();
            vec![
                if rate.is_zero() {
                    words.t("doc-not-subject", &[])
                } else {
                    format!("{} %", words.number(rate))
                },
                words.money(&l.excl_vat),
                words.money(&l.vat),
                words.money(&l.incl_vat),
            ]
        })
        .collect();
    sheet.need(70.0 + 14.0 * vat_rows.len() as f32);
    sheet.y -= 6.0;
    sheet.text(
        sheet.margin,
        sheet.y,
        &words.t("doc-vat-breakdown", &[]),
        9.0,
        Weight::Bold,
        Align::Left,
    );
    sheet.y -= 14.0;
    let top = sheet.y;
    sheet.table(&vat_columns, &vat_header, &vat_rows);
    let after_table = sheet.y;
    let right = sheet.width - sheet.margin;
    let mut y = top;
    for (id, amount, weight) in [
        (
            "doc-total-excl",
            &totals.vat.total_excl_vat,
            Weight::Regular,
        ),
        ("doc-total-vat", &totals.vat.total_vat, Weight::Regular),
        ("doc-total-incl", &totals.vat.total_incl_vat, Weight::Bold),
    ] {
        sheet.text(
            right - 95.0,
            y,
            &words.t(id, &[]),
            9.5,
            weight,
            Align::Right,
        );
        sheet.text(right, y, &words.money(amount), 9.5, weight, Align::Right);
        y -= 14.0;
    }
    sheet.y = after_table.min(y) - 4.0;
    if tourist_tax {
        sheet.paragraph(
            sheet.margin,
            sheet.inner(),
            &words.t("doc-tourist-tax-note", &[]),
            7.5,
            Weight::Regular,
            Align::Left,
        );
    }
}

/// The payment schedule table.
fn schedule(sheet: &mut Sheet<'_>, installments: &[crate::pricing::Installment], words: Words) {
    if installments.is_empty() {
        return;
    }
    heading(sheet, &words.t("doc-schedule", &[]));
    let columns = [
        Column {
            width: 160.0,
            align: Align::Left,
        },
        Column {
            width: 120.0,
            align: Align::Left,
        },
        Column {
            width: 100.0,
            align: Align::Right,
        },
    ];
    let header = [
        words.t("doc-col-payment", &[]),
        words.t("doc-col-due-on", &[]),
        words.t("doc-col-amount", &[]),
    ];
    let rows: Vec<Vec<String>> = installments
        .iter()
        .map(|i| {
            use crate::pricing::InstallmentKind as K;
            let kind = match i.kind {
                K::Deposit => "doc-installment-deposit",
                K::Balance => "doc-installment-balance",
                K::Full => "doc-installment-full",
                K::Rent => "doc-installment-rent",
            };
            vec![
                words.t(kind, &[]),
                words.date(i.due_on),
                words.money(&i.amount),
            ]
        })
        .collect();
    sheet.table(&columns, &header, &rows);
}

/// The cancellation terms, one sentence per step, nearest to arrival last.
fn cancellation(sheet: &mut Sheet<'_>, policy: &crate::pricing::CancellationPolicy, words: Words) {
    heading(sheet, &words.t("doc-cancellation", &[]));
    let mut tiers = policy.tiers.clone();
    tiers.sort_by_key(|t| std::cmp::Reverse(t.days_before_arrival));
    let text = if tiers.is_empty() {
        words.t("doc-cancellation-free", &[])
    } else {
        tiers
            .iter()
            .map(|t| {
                words.t(
                    "doc-cancellation-tier",
                    &[
                        ("days", t.days_before_arrival.into()),
                        ("deposit", words.number(t.deposit_kept_percent).into()),
                        ("total", words.number(t.total_kept_percent).into()),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    sheet.paragraph(
        sheet.margin,
        sheet.inner(),
        &text,
        8.5,
        Weight::Regular,
        Align::Left,
    );
}

/// The accommodation in bold, then its dates and nights.
fn stay_block(
    sheet: &mut Sheet<'_>,
    accommodation: &str,
    arrival: chrono::NaiveDate,
    departure: chrono::NaiveDate,
    words: Words,
) {
    let (x, width) = (sheet.margin, sheet.inner());
    let name = words.t("doc-accommodation", &[("name", accommodation.into())]);
    sheet.paragraph(x, width, &name, 10.0, Weight::Bold, Align::Left);
    let nights = u32::try_from((departure - arrival).num_days()).unwrap_or(0);
    let dates = words.t(
        "doc-nights",
        &[
            ("from", words.date(arrival).into()),
            ("to", words.date(departure).into()),
            ("nights", nights.into()),
        ],
    );
    sheet.paragraph(x, width, &dates, 9.5, Weight::Regular, Align::Left);
}

/// A section heading with a little room above it.
fn heading(sheet: &mut Sheet<'_>, text: &str) {
    sheet.need(44.0);
    sheet.y -= 8.0;
    sheet.text(sheet.margin, sheet.y, text, 10.5, Weight::Bold, Align::Left);
    sheet.y -= 15.0;
}
