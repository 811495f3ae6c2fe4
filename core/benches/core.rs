//! Benchmarks of the hot paths: normalising a client, a stay's totals, the wire round trip the
//! Python and Node bindings pay on every call, links, pricing, rendering a mail, and printing an
//! invoice as PDF.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, missing_docs)] // benchmark setup on fixed, valid inputs

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use hospes::{Client, Country, Stay};

const CLIENT: &str = r#"{"id":"C-1042","civility":"mrs","last_name":"Dupont","first_name":"Marie",
  "address":{"lines":["3 rue des Lilas"],"postcode":"69003","city":"Lyon","country":"FR"},
  "email":"Marie.Dupont@Example.FR","mobile":"06 12 34 56 78","licence_plates":["ab-123-cd"],
  "created_at":"2026-01-15T09:30:00Z",
  "companions":[{"first_name":"Paul","last_name":"Dupont","birth_date":"1985-03-02"}]}"#;

const STAY: &str = r#"{"reference":"312","client_id":"C-1042","accommodation":"Emplacement","arrival":"2026-07-11",
  "departure":"2026-07-25","status":"confirmed","currency":"EUR","lines":[
  {"label":"Emplacement","quantity":"14","unit_price":{"amount":"32.40","currency":"EUR"},"vat_rate":"10"},
  {"label":"Électricité","kind":"supplement","quantity":"14","unit_price":{"amount":"4.90","currency":"EUR"},"vat_rate":"20"},
  {"label":"Animal","kind":"supplement","quantity":"14","unit_price":{"amount":"3.00","currency":"EUR"},"vat_rate":"10"},
  {"label":"Taxe de séjour","kind":"tourist_tax","quantity":"56","unit_price":{"amount":"0.66","currency":"EUR"},"vat_rate":"0"}]}"#;

fn benches(c: &mut Criterion) {
    let client: Client = serde_json::from_str(CLIENT).unwrap();
    let stay: Stay = serde_json::from_str(STAY).unwrap();
    let now = "2026-06-01T10:00:00Z".parse().unwrap();
    c.bench_function("client_normalize", |b| {
        b.iter(|| {
            black_box(client.clone())
                .normalized(Country::FRANCE, now)
                .unwrap()
        })
    });
    c.bench_function("stay_totals_4_lines", |b| {
        b.iter(|| black_box(&stay).totals().unwrap())
    });
    let input = format!(r#"{{"stay":{STAY}}}"#);
    c.bench_function("wire_stay_totals", |b| {
        b.iter(|| hospes::wire::call("stay.totals", black_box(&input)))
    });
}

fn links(c: &mut Criterion) {
    use hospes::link::{self, Keyring, KeyringConfig, LinkPurpose, LinkRequest, LinkState};
    let camping = r#"{"id":"camping-des-pins","name":"Camping des Pins","currency":"EUR","time_zone":"Europe/Paris","portal_base_url":"https://portail.camping-des-pins.fr/"}"#;
    let establishment: hospes::Establishment = serde_json::from_str(camping).unwrap();
    let ring = Keyring::new(&KeyringConfig {
        active_key: link::generate_key().unwrap(),
        verify_only_keys: vec![link::generate_key().unwrap()],
        clock_skew_seconds: 60,
    })
    .unwrap();
    let now = "2026-06-01T10:00:00Z".parse().unwrap();
    let request = LinkRequest {
        purpose: LinkPurpose::Quote,
        client_id: "C-1042".into(),
        subject: Some("Q-2026-0312".into()),
        state: LinkState::Document {
            sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08".into(),
            status: "sent".into(),
        },
        expires_at: Some("2026-06-15T10:00:00Z".parse().unwrap()),
        permanent: false,
    };
    let token = ring.issue(&establishment, &request, now).unwrap().token;
    c.bench_function("link_issue", |b| {
        b.iter(|| {
            ring.issue(&establishment, black_box(&request), now)
                .unwrap()
        })
    });
    c.bench_function("link_verify", |b| {
        b.iter(|| {
            ring.verify(
                &establishment,
                black_box(&token),
                LinkPurpose::Quote,
                &request.state,
                now,
            )
            .unwrap()
        })
    });
    // What a binding's held keyring does per call: read the arguments' JSON, verify, write the
    // claims (`Returned`), before any language-side conversion.
    let input = serde_json::json!({
        "establishment": serde_json::from_str::<serde_json::Value>(camping).unwrap(), "token": &token, "purpose": "quote",
        "state": &request.state, "now": "2026-06-01T10:00:00Z",
    })
    .to_string();
    c.bench_function("wire_link_verify_held", |b| {
        b.iter(|| hospes::wire::call_held_returned(&ring, "link.verify", black_box(&input)))
    });
    let mut tampered = token.clone().into_bytes();
    tampered[40] ^= 1;
    let tampered = String::from_utf8_lossy(&tampered).into_owned();
    c.bench_function("link_verify_tampered", |b| {
        b.iter(|| {
            ring.verify(
                &establishment,
                black_box(&tampered),
                LinkPurpose::Quote,
                &request.state,
                now,
            )
            .is_err()
        })
    });
    let huge = format!("v4.local.{}", "A".repeat(10 * 1024 * 1024));
    c.bench_function("link_verify_10MB", |b| {
        b.iter(|| {
            ring.verify(
                &establishment,
                black_box(&huge),
                LinkPurpose::Quote,
                &request.state,
                now,
            )
            .is_err()
        })
    });
}

/// The issue's case: fourteen nights across three seasons (a weekend rate inside mid season), two
/// age bands, two options (a dog, automatic electricity), a promo code and the tourist tax.
fn pricing(c: &mut Criterion) {
    use hospes::pricing::{self, Catalogue, PriceRequest};
    let catalogue: Catalogue =
        serde_json::from_str(include_str!("../tests/data/catalogue.json")).unwrap();
    let request: PriceRequest = serde_json::from_str(PRICE_REQUEST).unwrap();
    let now = "2026-02-15T10:00:00Z".parse().unwrap();
    let priced = pricing::price(&catalogue, &request, now).unwrap();
    assert_eq!(priced.lines.len(), 11);
    c.bench_function("price_14_nights_3_seasons", |b| {
        b.iter(|| pricing::price(black_box(&catalogue), black_box(&request), now).unwrap())
    });
}

/// A booking widget's grid: 30 units (ten of each kind of the example catalogue) × the 52
/// Saturdays of 2026 × 7 nights, two adults and a child — 1 560 cells, as the Python and Node
/// benchmarks ask it.
fn grid(c: &mut Criterion) {
    use hospes::pricing::{self, Catalogue, GridRequest};
    let mut catalogue: Catalogue =
        serde_json::from_str(include_str!("../tests/data/catalogue.json")).unwrap();
    let kinds = catalogue.units.clone();
    catalogue.units = (0..30)
        .map(|i| {
            let mut unit = kinds[i % kinds.len()].clone();
            unit.id = format!("U{i:02}");
            unit
        })
        .collect();
    let request: GridRequest = serde_json::from_value(serde_json::json!({
        "units": catalogue.units.iter().map(|u| u.id.clone()).collect::<Vec<_>>(),
        "arrivals": (0..52u64).map(|w| ("2026-01-03".parse::<hospes::NaiveDate>().unwrap()
            + chrono::Days::new(7 * w)).to_string()).collect::<Vec<_>>(),
        "nights": 7, "guests": [{}, {}, {"birth_date": "2016-05-02"}]
    }))
    .unwrap();
    let now = "2026-01-02T10:00:00Z".parse().unwrap();
    assert_eq!(
        pricing::grid(&catalogue, &request, now).unwrap().rows.len(),
        30
    );
    c.bench_function("grid_30_units_52_saturdays_7_nights", |b| {
        b.iter(|| pricing::grid(black_box(&catalogue), black_box(&request), now).unwrap())
    });
}

/// The request priced by [`pricing`], also used by the Python and Node benchmarks.
const PRICE_REQUEST: &str = r#"{"unit": "E12", "arrival": "2026-06-22", "departure": "2026-07-06",
  "guests": [{}, {}, {"birth_date": "2016-05-02"}, {"birth_date": "2024-08-15"}],
  "supplements": [{"id": "dog"}], "promo_code": "PRINTEMPS"}"#;

/// A ten-tag booking confirmation (subject, HTML and text), compiled once.
fn mail(c: &mut Criterion) {
    let data: serde_json::Value =
        serde_json::from_str(include_str!("../tests/data/mail.json")).unwrap();
    let template: hospes::mail::MailTemplate =
        serde_json::from_value(data["template"].clone()).unwrap();
    let context: hospes::mail::MailContext =
        serde_json::from_value(data["context"].clone()).unwrap();
    let mail = hospes::mail::CompiledMail::compile(&template).unwrap();
    c.bench_function("mail_render_ten_tags", |b| {
        b.iter(|| mail.render(black_box(&context)).unwrap())
    });
    let input = serde_json::json!({ "context": data["context"] }).to_string();
    let prepared = hospes::mail::PreparedContext::new(context.clone()).unwrap();
    c.bench_function("mail_render_prepared", |b| {
        b.iter(|| mail.render_prepared(black_box(&prepared)).unwrap())
    });
    c.bench_function("wire_mail_render_held", |b| {
        b.iter(|| hospes::wire::call_held(&mail, "mail.render", black_box(&input)))
    });
    c.bench_function("mail_compile_three_languages", |b| {
        b.iter(|| hospes::mail::CompiledMail::compile(black_box(&template)).unwrap())
    });
}

/// The documents' goal: a 20-line invoice with its embedded font subsets, ≤ 0.5 ms and ≤ 20 KB.
fn pdf(c: &mut Criterion) {
    let invoice: hospes::invoice::Invoice =
        serde_json::from_str(include_str!("../tests/data/invoice.json")).unwrap();
    let printer = hospes::pdf::Printer::standard();
    let size = printer.invoice(&invoice).unwrap().len();
    println!("pdf_invoice_20_lines: {size} bytes");
    c.bench_function("pdf_invoice_20_lines", |b| {
        b.iter(|| black_box(printer.invoice(black_box(&invoice)).unwrap()))
    });
    // Factur-X (issue 21): the same invoice as PDF/A-3b with its CII XML embedded, ≤ 1.5× the
    // time of the plain one and ≤ 30 KB; and the XML alone.
    let options = hospes::einvoice::FacturX::default();
    let size = printer
        .factur_x(&invoice, None, None, &options)
        .unwrap()
        .len();
    println!("pdf_invoice_20_lines_factur_x: {size} bytes");
    c.bench_function("pdf_invoice_20_lines_factur_x", |b| {
        b.iter(|| {
            black_box(
                printer
                    .factur_x(black_box(&invoice), None, None, &options)
                    .unwrap(),
            )
        })
    });
    let size = hospes::einvoice::cii_xml(&invoice, &options).unwrap().len();
    println!("einvoice_xml_20_lines: {size} bytes");
    c.bench_function("einvoice_xml_20_lines", |b| {
        b.iter(|| black_box(hospes::einvoice::cii_xml(black_box(&invoice), &options).unwrap()))
    });
    // The client's permanent space link (370 bytes, version 15): its QR code, as SVG and printed.
    let link = concat!(
        "https://portail.camping-des-pins.fr/?t=v4.local.S5tNCyf3PatMjOfxdzqhQKcJ7-aNqYWnCKDN9lOHFA",
        "ExculODfSLoGwiZ7uspYBPsyU22KT-mMkYrzpY6MT3_DvsZeznt3NEAD197CtpcvoboiLc3RpRQx2oOZ1QF9rAFu8xp",
        "JzDzpkNS46S4dcHCuemDKNl1c4xYG0ePbIeq0DiUjhjXPVhJ7rUnkPdThhBc3VzJ40.eyJraWQiOiJrNC5saWQuaVZ",
        "0WVFEanI1Z0VpakNTakpDM2ZRYUptN25DZVFTZWF0eTBKaXh5OGRic2siLCJjaWQiOiJDLTEwNDIiLCJwdXIiOiJwb3",
        "J0YWwifQ"
    );
    c.bench_function("qr_space_link_svg", |b| {
        b.iter(|| black_box(hospes::qr::Qr::encode(black_box(link)).unwrap().svg()))
    });
    let size = printer
        .invoice_with_balance(&invoice, None, Some(link))
        .unwrap()
        .len();
    println!("pdf_invoice_20_lines_space_link: {size} bytes");
    c.bench_function("pdf_invoice_20_lines_space_link", |b| {
        b.iter(|| {
            black_box(
                printer
                    .invoice_with_balance(black_box(&invoice), None, Some(link))
                    .unwrap(),
            )
        })
    });
}

criterion_group!(core, benches, links, pricing, grid, mail, pdf);
criterion_main!(core);
