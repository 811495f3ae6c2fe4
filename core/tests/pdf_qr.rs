//! The QR code of the client's space link on the quote, the invoice and the contract (issue 20
//! §4), read back from the PDF: drawn as vectors — one path of rectangles in the page content —
//! only when the host passes the link, module for module the code of `hospes::qr::Qr`, at
//! 0.3 mm a module or more, with its caption in the document's language; the same input gives
//! the same bytes; a link that is not an https URL is refused and never echoed. `make test`
//! installs poppler-utils (pdftotext).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code

use std::process::Command;

use hospes::contract::Contract;
use hospes::invoice::Invoice;
use hospes::pdf::Printer;
use hospes::qr::Qr;
use hospes::quote::Quote;
use hospes::{Client, Establishment, Locale};
use serde_json::Value;

/// The client's permanent space link of tests/vectors/link.json, as `link.url` writes it.
const SPACE_LINK: &str = concat!(
    "https://portail.camping-des-pins.fr/?t=v4.local.S5tNCyf3PatMjOfxdzqhQKcJ7-aNqYWnCKDN9lOHFAExc",
    "ulODfSLoGwiZ7uspYBPsyU22KT-mMkYrzpY6MT3_DvsZeznt3NEAD197CtpcvoboiLc3RpRQx2oOZ1QF9rAFu8xpJzDzp",
    "kNS46S4dcHCuemDKNl1c4xYG0ePbIeq0DiUjhjXPVhJ7rUnkPdThhBc3VzJ40.eyJraWQiOiJrNC5saWQuaVZ0WVFEanI",
    "1Z0VpakNTakpDM2ZRYUptN25DZVFTZWF0eTBKaXh5OGRic2siLCJjaWQiOiJDLTEwNDIiLCJwdXIiOiJwb3J0YWwifQ"
);

/// Points per millimetre.
const MM: f32 = 72.0 / 25.4;

fn get<T: serde::de::DeserializeOwned>(key: &str) -> T {
    let fixture: Value = serde_json::from_str(include_str!("data/documents.json")).unwrap();
    serde_json::from_value(fixture[key].clone()).unwrap()
}

/// The page contents of `pdf`, inflated: every deflated stream that sets text.
fn pages(pdf: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = pdf;
    while let Some(at) = rest.windows(10).position(|w| w == b">>\nstream\n") {
        let body = &rest[at + 10..];
        let end = body.windows(10).position(|w| w == b"\nendstream").unwrap();
        if let Ok(bytes) = miniz_oxide::inflate::decompress_to_vec_zlib(&body[..end]) {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            if text.contains("BT") {
                found.push(text);
            }
        }
        rest = &body[end + 10..];
    }
    found
}

/// A QR code as a page draws it: the pitch and origin of its matrix (`q p 0 0 -p x y cm 0 g`),
/// then the modules its rectangles paint (`x y w 1 re` …, one `f`), `size` a side.
struct Drawn {
    pitch: f32,
    origin: (f32, f32),
    dark: Vec<bool>,
}

/// The QR codes drawn on a page.
fn drawn_codes(page: &str, size: usize) -> Vec<Drawn> {
    let mut codes = Vec::new();
    let page = page.replace('\n', " ");
    for block in page.split(" q ").skip(1) {
        let Some((matrix, body)) = block.split_once(" cm 0 g ") else {
            continue;
        };
        let m: Vec<f32> = matrix.split(' ').map(|n| n.parse().unwrap()).collect();
        assert_eq!(
            (m[1], m[2], m[3]),
            (0.0, 0.0, -m[0]),
            "a square grid, rows going down"
        );
        let (body, _) = body.split_once(" f Q").expect("the modules, filled once");
        let numbers: Vec<&str> = body.split(' ').collect();
        let mut dark = vec![false; size * size];
        for rect in numbers.chunks(5) {
            assert_eq!(
                (rect[3], rect[4]),
                ("1", "re"),
                "a run of one row: {rect:?}"
            );
            let [x, y, w]: [usize; 3] = [0, 1, 2].map(|i| rect[i].parse().unwrap());
            for column in x..x + w {
                assert!(
                    !dark[y * size + column],
                    "module {column},{y} painted twice"
                );
                dark[y * size + column] = true;
            }
        }
        codes.push(Drawn {
            pitch: m[0],
            origin: (m[4], m[5]),
            dark,
        });
    }
    codes
}

/// Checks that `pdf` draws the code of `link` once, on its first page, module for module, at
/// 0.3 mm a module or more and 22 mm a side or more; returns its side in millimetres.
fn assert_draws_the_code_of(pdf: &[u8], link: &str) -> f32 {
    let qr = Qr::encode(link).unwrap();
    let n = qr.size();
    let pages = pages(pdf);
    let codes = drawn_codes(&pages[0], n);
    assert_eq!(codes.len(), 1, "one code on the first page");
    for later in &pages[1..] {
        assert!(drawn_codes(later, n).is_empty(), "a code on a later page");
    }
    let code = &codes[0];
    let expected: Vec<bool> = (0..n * n).map(|i| qr.is_dark(i % n, i / n)).collect();
    assert!(
        code.dark == expected,
        "the modules drawn are not the code's"
    );
    assert!(code.pitch >= 0.3 * MM - 1e-4, "{} pt a module", code.pitch);
    let side = code.pitch * (n - 8) as f32 / MM;
    assert!(side >= 22.0 - 0.01, "{side} mm a side");
    // The symbol (quiet zone aside) starts at the left margin, 18 mm.
    let left = code.origin.0 + 4.0 * code.pitch;
    assert!(
        (left - 18.0 * MM).abs() < 0.05,
        "{left} pt from the left edge"
    );
    side
}

fn assert_draws_no_code(pdf: &[u8]) {
    let pages = pages(pdf);
    assert!(!pages.is_empty(), "no page content read");
    for page in pages {
        assert!(
            !page.replace('\n', " ").contains(" cm 0 g "),
            "a QR code drawn"
        );
    }
}

/// The text of `pdf` as pdftotext extracts it, on one line.
fn text_of(name: &str, pdf: &[u8]) -> String {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("pdf_qr");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.pdf"));
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is needed: `make test` installs it");
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn an_invoice_with_the_space_link_draws_its_qr_code_and_the_same_bytes_every_time() {
    let invoice: Invoice = get("invoice");
    let printer = Printer::standard();
    let pdf = printer
        .invoice_with_balance(&invoice, None, Some(SPACE_LINK))
        .unwrap();
    let side = assert_draws_the_code_of(&pdf, SPACE_LINK);
    // Version 15, 77 modules: 23.1 mm, inside the 22–25 mm of the issue.
    assert!((23.0..23.2).contains(&side), "{side} mm");
    let text = text_of("invoice-space-link", &pdf);
    assert!(text.contains("Votre espace client"), "{text}");
    assert!(text.contains("Łukasz Żółć"), "{text}");
    assert_eq!(
        pdf,
        printer
            .invoice_with_balance(&invoice, None, Some(SPACE_LINK))
            .unwrap()
    );
    // The rectangles stay a few kilobytes once deflated.
    assert!(pdf.len() < 24 * 1024, "{} bytes", pdf.len());
}

#[test]
fn without_the_link_nothing_changes() {
    let invoice: Invoice = get("invoice");
    let printer = Printer::standard();
    let plain = printer.invoice_with_balance(&invoice, None, None).unwrap();
    assert_eq!(plain, printer.invoice(&invoice).unwrap());
    assert_draws_no_code(&plain);
    assert!(!text_of("invoice-no-link", &plain).contains("espace client"));
}

#[test]
fn a_quote_and_a_contract_carry_it_with_the_caption_in_their_language() {
    let quote: Quote = get("quote");
    let establishment: Establishment = get("establishment");
    let client: Client = get("client");
    let printer = Printer::standard();
    let pdf = printer
        .quote(
            &quote,
            &establishment,
            &client,
            Some(Locale::En),
            Some(SPACE_LINK),
        )
        .unwrap();
    assert_draws_the_code_of(&pdf, SPACE_LINK);
    let text = text_of("quote-space-link", &pdf);
    assert!(text.contains("Your guest space"), "{text}");
    assert_draws_no_code(
        &printer
            .quote(&quote, &establishment, &client, Some(Locale::En), None)
            .unwrap(),
    );

    // The signed contract: the code on its first page, none on the evidence page.
    let contract: Contract = get("signed_contract");
    let pdf = printer
        .contract(&contract, Some(Locale::Es), Some(SPACE_LINK))
        .unwrap();
    assert_draws_the_code_of(&pdf, SPACE_LINK);
    let text = text_of("contract-space-link", &pdf);
    assert!(text.contains("Su espacio cliente"), "{text}");
    assert_draws_no_code(&printer.contract(&contract, Some(Locale::Es), None).unwrap());
}

#[test]
fn a_denser_link_is_drawn_larger_so_that_a_module_stays_readable() {
    let invoice: Invoice = get("invoice");
    let long = format!("{SPACE_LINK}&{}", "x".repeat(800));
    let pdf = Printer::standard()
        .invoice_with_balance(&invoice, None, Some(&long))
        .unwrap();
    let side = assert_draws_the_code_of(&pdf, &long);
    assert!(side > 30.0, "{side} mm");
    let text = text_of("invoice-dense-link", &pdf);
    assert!(
        text.contains("Votre espace client Client Łukasz Żółć"),
        "{text}"
    );
    // A short one is never drawn smaller than 22 mm.
    let pdf = Printer::standard()
        .invoice_with_balance(&invoice, None, Some("https://portail.camping-des-pins.fr/"))
        .unwrap();
    let side = assert_draws_the_code_of(&pdf, "https://portail.camping-des-pins.fr/");
    assert!((side - 22.0).abs() < 0.01, "{side} mm");
}

#[test]
fn a_link_that_is_not_an_https_url_is_refused_and_never_echoed() {
    let invoice: Invoice = get("invoice");
    let contract: Contract = get("contract");
    let printer = Printer::standard();
    for link in [
        "",
        "javascript:alert('secret')",
        "http://portail.camping-des-pins.fr/?t=secret",
        "https://user:secret@portail.camping-des-pins.fr/",
        "portail.camping-des-pins.fr/?t=secret",
        "https://portail.camping-des-pins.fr/?t=secret\n",
    ] {
        for err in [
            printer
                .invoice_with_balance(&invoice, None, Some(link))
                .unwrap_err(),
            printer.contract(&contract, None, Some(link)).unwrap_err(),
        ] {
            assert_eq!(err.code(), "link.qr_invalid", "{link:?}");
            for locale in [Locale::Fr, Locale::En, Locale::Es] {
                assert!(!err.message(locale).contains("secret"), "{err}");
            }
            assert!(!format!("{err:?}").contains("secret"), "{err:?}");
        }
    }
    // A development portal on the machine itself is a URL a guest may be sent to.
    let local = "http://127.0.0.1:8000/?t=v4.local.x";
    let pdf = printer
        .invoice_with_balance(&invoice, None, Some(local))
        .unwrap();
    assert_draws_the_code_of(&pdf, local);
}
