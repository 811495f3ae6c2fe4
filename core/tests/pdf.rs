//! PDF documents, read back the way a guest and a PDF reader see them: text extracted with
//! poppler's `pdftotext` (every mandatory mention and every name as written), pages rendered
//! with `pdftoppm` (none blank), and a golden SHA-256 per document, since the same record must
//! give the same bytes. `make test` installs poppler-utils.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::PathBuf;
use std::process::Command;

use hospes::contract::Contract;
use hospes::invoice::Invoice;
use hospes::pdf::{LabelRequest, LabelSheet, Letterhead, Printer};
use hospes::quote::Quote;
use hospes::{Client, Country, Establishment, Locale};
use serde_json::Value;
use sha2::{Digest, Sha256};

fn fixture() -> Value {
    serde_json::from_str(include_str!("data/documents.json")).unwrap()
}

fn get<T: serde::de::DeserializeOwned>(key: &str) -> T {
    serde_json::from_value(fixture()[key].clone()).unwrap()
}

fn out_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("pdf");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The text of `pdf` as pdftotext extracts it (reading order, `-layout` off).
fn text_of(name: &str, pdf: &[u8]) -> String {
    let path = out_dir().join(format!("{name}.pdf"));
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is needed: `make test` installs it");
    assert!(
        out.status.success(),
        "pdftotext failed on {name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Renders every page at 30 dpi in gray and fails on a page with no dark pixel.
fn assert_no_blank_page(name: &str, pdf: &[u8]) -> usize {
    let dir = out_dir().join(format!("{name}-pages"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = out_dir().join(format!("{name}.pdf"));
    std::fs::write(&path, pdf).unwrap();
    let status = Command::new("pdftoppm")
        .args(["-r", "30", "-gray"])
        .arg(&path)
        .arg(dir.join("p"))
        .status()
        .expect("pdftoppm (poppler-utils) is needed: `make test` installs it");
    assert!(status.success());
    let mut pages: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    pages.sort();
    assert!(!pages.is_empty(), "{name}: no page rendered");
    for page in &pages {
        let pgm = std::fs::read(page).unwrap();
        // Binary PGM: "P5\n<w> <h>\n<max>\n" then one byte per pixel.
        let mut fields = 0;
        let mut at = 0;
        while fields < 4 {
            while pgm[at].is_ascii_whitespace() {
                at += 1;
            }
            while !pgm[at].is_ascii_whitespace() {
                at += 1;
            }
            fields += 1;
        }
        let pixels = &pgm[at + 1..];
        let dark = pixels.iter().filter(|&&p| p < 128).count();
        assert!(
            dark > 50,
            "{name}: page {} is blank ({dark} dark pixels)",
            page.display()
        );
    }
    pages.len()
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether the bytes of `pdf` hold `needle` (a name or a key of its objects).
fn holds(pdf: &[u8], needle: &[u8]) -> bool {
    pdf.windows(needle.len()).any(|w| w == needle)
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn an_invoice_extracts_with_every_mention_and_every_name() {
    let invoice: Invoice = get("invoice");
    let pdf = Printer::standard().invoice(&invoice).unwrap();
    let text = text_of("invoice-fr", &pdf);
    let flat = squash(&text);
    for needle in [
        "Facture",
        "FA26070118",
        "Camping des Pins",
        "SIRET 73282932000074",
        "N° TVA intracommunautaire FR44732829320",
        "Łukasz Żółć",
        "Mobil-home Ørsted",
        "Ñúñez",
        "Zoë",
        "Détail de la TVA",
        "Total TTC",
        "Taxe de séjour",
        "Statut : à régler",
        "Date d’émission : 18 juillet 2026",
    ] {
        assert!(flat.contains(needle), "`{needle}` missing from:\n{text}");
    }
    // The total, as French writes it: a narrow no-break space between thousands.
    assert!(
        flat.contains("1 234,56 €"),
        "1 234,56 € missing from:\n{text}"
    );
    assert!(pdf.len() <= 20 * 1024, "{} bytes", pdf.len());
    assert_no_blank_page("invoice-fr", &pdf);
}

#[test]
fn an_invoice_writes_its_text_one_byte_a_glyph() {
    let invoice: Invoice = get("invoice");
    let pdf = Printer::standard().invoice(&invoice).unwrap();
    // Both faces through the one embedded CMap of one-byte codes, none through `Identity-H`.
    assert!(holds(&pdf, b"/CMapName/Hospes-Identity-OneByte"));
    assert!(!holds(&pdf, b"/Identity-H"));
}

#[test]
fn an_invoice_in_more_letters_than_one_byte_codes_still_extracts_every_word() {
    let mut invoice: Invoice = get("invoice");
    // Latin-1 and Latin Extended-A, Greek and Cyrillic letters: some 300 glyphs in one face.
    let letters: Vec<char> = ('À'..='ž')
        .chain('Α'..='ω')
        .chain('А'..='я')
        .filter(|c| c.is_alphabetic())
        .collect();
    let words: Vec<String> = letters.chunks(10).map(|w| w.iter().collect()).collect();
    assert!(letters.len() > 224, "{} letters", letters.len());
    invoice.lines[0].label = words.join(" ");
    let pdf = Printer::standard().invoice(&invoice).unwrap();
    assert!(holds(&pdf, b"/Identity-H"));
    let flat = squash(&text_of("invoice-many-letters", &pdf));
    for word in &words {
        assert!(
            flat.contains(word.as_str()),
            "`{word}` missing from:\n{flat}"
        );
    }
    assert!(flat.contains("Łukasz Żółć"), "{flat}");
    assert_no_blank_page("invoice-many-letters", &pdf);
}

#[test]
fn the_same_invoice_gives_the_same_bytes() {
    let invoice: Invoice = get("invoice");
    let a = Printer::standard().invoice(&invoice).unwrap();
    let b = Printer::standard().invoice(&invoice).unwrap();
    assert_eq!(sha256(&a), sha256(&b));
}

#[test]
fn an_invoice_prints_in_english_and_spanish() {
    let mut invoice: Invoice = get("invoice");
    invoice.locale = Locale::En;
    let text = squash(&text_of(
        "invoice-en",
        &Printer::standard().invoice(&invoice).unwrap(),
    ));
    for needle in [
        "Invoice",
        "VAT breakdown",
        "Total incl. VAT",
        "Issue date: July 18, 2026",
        "€1,234.56",
    ] {
        assert!(text.contains(needle), "`{needle}` missing from:\n{text}");
    }
    invoice.locale = Locale::Es;
    let text = text_of(
        "invoice-es",
        &Printer::standard().invoice(&invoice).unwrap(),
    );
    let flat = squash(&text);
    for needle in [
        "Factura",
        "Desglose del IVA",
        "Total IVA incluido",
        "Fecha de emisión: 18 de julio de 2026",
    ] {
        assert!(flat.contains(needle), "`{needle}` missing from:\n{text}");
    }
    assert!(
        flat.contains("1234,56 €"),
        "1234,56 € missing from:\n{text}"
    );
}

#[test]
fn a_credit_note_names_the_invoice_it_cancels() {
    let credit: Invoice = get("credit_note");
    let text = squash(&text_of(
        "credit-note",
        &Printer::standard().invoice(&credit).unwrap(),
    ));
    assert!(text.contains("Avoir"), "{text}");
    assert!(text.contains("Avoir sur la facture FA26070118"), "{text}");
}

#[test]
fn a_quote_shows_its_validity_schedule_and_cancellation_terms() {
    let quote: Quote = get("quote");
    let establishment: Establishment = get("establishment");
    let client: Client = get("client");
    for (locale, needles) in [
        (
            Locale::Fr,
            [
                "Devis",
                "Valable jusqu’au 1 mai 2026",
                "Échéancier de paiement",
                "Conditions d’annulation",
                "11 juillet 2026 – 25 juillet 2026 (14 nuits)",
            ],
        ),
        (
            Locale::En,
            [
                "Quote",
                "Valid until May 1, 2026",
                "Payment schedule",
                "Cancellation terms",
                "July 11, 2026 – July 25, 2026 (14 nights)",
            ],
        ),
        (
            Locale::Es,
            [
                "Presupuesto",
                "Válido hasta el 1 de mayo de 2026",
                "Calendario de pagos",
                "Condiciones de cancelación",
                "11 de julio de 2026 – 25 de julio de 2026 (14 noches)",
            ],
        ),
    ] {
        let pdf = Printer::standard()
            .quote(&quote, &establishment, &client, Some(locale), None)
            .unwrap();
        let text = squash(&text_of(&format!("quote-{}", locale.tag()), &pdf));
        for needle in needles {
            assert!(text.contains(needle), "`{needle}` missing from:\n{text}");
        }
        assert_no_blank_page(&format!("quote-{}", locale.tag()), &pdf);
    }
}

#[test]
fn a_quote_is_not_printed_for_another_client() {
    let quote: Quote = get("quote");
    let establishment: Establishment = get("establishment");
    let mut client: Client = get("client");
    client.id = "C-9999".into();
    let err = Printer::standard()
        .quote(&quote, &establishment, &client, None, None)
        .unwrap_err();
    assert_eq!(err.code(), "pdf.client_mismatch");
}

#[test]
fn a_signed_contract_carries_the_drawing_and_an_evidence_page() {
    let contract: Contract = get("signed_contract");
    let pdf = Printer::standard().contract(&contract, None, None).unwrap();
    let text = squash(&text_of("contract-signed", &pdf));
    let signature = contract.signature.as_ref().unwrap();
    for needle in [
        "Contrat de location saisonnière",
        "Article 2 — Animaux",
        "Signé électroniquement par Łukasz Żółć",
        "Preuve de signature électronique",
        signature.document_sha256.as_str(),
        "203.0.113.7",
        "Les empreintes de l’enregistrement concordent",
    ] {
        assert!(text.contains(needle), "`{needle}` missing from:\n{text}");
    }
    assert!(assert_no_blank_page("contract-signed", &pdf) >= 2);
}

#[test]
fn the_evidence_document_names_the_signed_pdf_the_signer_and_the_consent() {
    let contract: Contract = get("signed_contract");
    let signature = contract.signature.as_ref().unwrap();
    let pdf = Printer::standard()
        .evidence(
            &contract.number,
            &contract.seller,
            signature,
            contract.locale,
        )
        .unwrap();
    let text = squash(&text_of("evidence", &pdf));
    for needle in [
        "Preuve de signature électronique",
        "Empreinte du PDF signé (SHA-256)",
        signature.document_sha256.as_str(),
        "Łukasz Żółć",
        "203.0.113.7",
        "conservez les deux",
    ] {
        assert!(text.contains(needle), "`{needle}` missing from:\n{text}");
    }
    assert!(assert_no_blank_page("evidence", &pdf) >= 1);
}

#[test]
fn an_unsigned_contract_has_an_empty_signature_box_and_no_evidence_page() {
    let contract: Contract = get("contract");
    let text = squash(&text_of(
        "contract",
        &Printer::standard().contract(&contract, None, None).unwrap(),
    ));
    assert!(text.contains("Non signé."), "{text}");
    assert!(!text.contains("Preuve de signature"), "{text}");
}

#[test]
fn labels_fill_a_sheet_in_order_with_each_countrys_layout() {
    let clients: Vec<Client> = get("label_clients");
    for sheet in [
        LabelSheet::A4_3x8,
        LabelSheet::A4_2x7,
        LabelSheet::Letter_3x10,
    ] {
        let request = LabelRequest {
            clients: clients.clone(),
            sheet,
            sender_country: Country::FRANCE,
            locale: Locale::Fr,
            skip: 1,
        };
        let pdf = Printer::standard().labels(&request).unwrap();
        let text = squash(&text_of(&format!("labels-{sheet:?}"), &pdf));
        for needle in [
            "Łukasz Żółć",
            "00-116 Warszawa",
            "POLOGNE",
            "Anders Ørsted",
            "1165 København",
            "DANEMARK",
            "Inés Ñúñez",
            "28013 Madrid",
            "ESPAGNE",
            "Zoë Martin",
            "40200 MIMIZAN",
            "LONDON SW1A 2AA ROYAUME-UNI",
        ] {
            assert!(
                text.contains(needle),
                "{sheet:?}: `{needle}` missing from:\n{text}"
            );
        }
        assert_no_blank_page(&format!("labels-{sheet:?}"), &pdf);
    }
}

#[test]
fn more_clients_than_a_sheet_holds_go_on_to_a_second_sheet() {
    let clients: Vec<Client> = get("label_clients");
    let many: Vec<Client> = clients.iter().cycle().take(30).cloned().collect();
    let request = LabelRequest {
        clients: many,
        sheet: LabelSheet::A4_3x8,
        sender_country: Country::FRANCE,
        locale: Locale::Fr,
        skip: 0,
    };
    let pdf = Printer::standard().labels(&request).unwrap();
    assert_eq!(assert_no_blank_page("labels-two-sheets", &pdf), 2);
}

#[test]
fn an_establishment_font_and_logo_are_embedded() {
    let invoice: Invoice = get("invoice");
    let font = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fonts/NotoSans-Bold.ttf"
    ))
    .unwrap();
    let logo = logo_png();
    let letterhead = Letterhead {
        logo: Some(hospes::pdf::FileBytes(logo)),
        font: Some(hospes::pdf::FileBytes(font)),
        bold_font: None,
    };
    let printer = Printer::new(&letterhead).unwrap();
    let pdf = printer.invoice(&invoice).unwrap();
    let text = squash(&text_of("invoice-letterhead", &pdf));
    assert!(text.contains("Łukasz Żółć"), "{text}");
    assert!(String::from_utf8_lossy(&pdf).contains("/Subtype/Image"));
    assert!(
        String::from_utf8_lossy(&pdf)
            .matches("+NotoSans-Bold")
            .count()
            >= 2
    );
    assert_no_blank_page("invoice-letterhead", &pdf);
}

#[test]
fn a_logo_that_is_not_an_image_is_refused_when_the_printer_is_made() {
    let letterhead = Letterhead {
        logo: Some(hospes::pdf::FileBytes(b"GIF89a....".to_vec())),
        ..Default::default()
    };
    let err = Printer::new(&letterhead).unwrap_err();
    assert_eq!(err.code(), "pdf.image_invalid");
    assert!(
        err.to_string().contains("neither a PNG nor a JPEG"),
        "{err}"
    );
}

/// A 40 × 20 RGBA PNG: a green block on transparency.
fn logo_png() -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, 40, 20);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().unwrap();
        let mut data = Vec::new();
        for y in 0..20 {
            for x in 0..40 {
                let inside = (4..36).contains(&x) && (4..16).contains(&y);
                data.extend_from_slice(if inside {
                    &[20, 120, 60, 255]
                } else {
                    &[0, 0, 0, 0]
                });
            }
        }
        writer.write_image_data(&data).unwrap();
    }
    out
}

/// Each document's SHA-256, frozen: a change to the layout, the fonts or the catalogues shows up
/// here, and is reviewed (regenerate by running with `HOSPES_PRINT_GOLDEN=1`).
const GOLDEN: &[(&str, &str)] = &[
    (
        "invoice",
        "05380e7a10f50097a028b999d4e60d377eb579f20173daf7e1c35822b5eaf516",
    ),
    (
        "credit_note",
        "0c70f8551f7f358c929c9be04dbf85b41f1d51099386c246d40f18802d383b97",
    ),
    (
        "quote",
        "82862afd1e479ed98f771ac5a56b188ffc24969789f8cf02c7645d95c8254107",
    ),
    (
        "contract",
        "b2a46a71735b20984513f527c67a6fc9d27efebd188ae407ac9ddd7b511392fb",
    ),
    (
        "signed_contract",
        "9dc2fcd9a0c36a2e0fc5e384fb887f47d9f260194878148f153150e99fd62e42",
    ),
    (
        "labels",
        "e84c498dd015de9d510a87daed621256b95074d0e719a212842e96707cbdcafc",
    ),
];

#[test]
fn every_document_matches_its_golden_hash() {
    let printer = Printer::standard();
    let establishment: Establishment = get("establishment");
    let client: Client = get("client");
    let documents: Vec<(&str, Vec<u8>)> = vec![
        ("invoice", printer.invoice(&get("invoice")).unwrap()),
        ("credit_note", printer.invoice(&get("credit_note")).unwrap()),
        (
            "quote",
            printer
                .quote(&get("quote"), &establishment, &client, None, None)
                .unwrap(),
        ),
        (
            "contract",
            printer.contract(&get("contract"), None, None).unwrap(),
        ),
        (
            "signed_contract",
            printer
                .contract(&get("signed_contract"), None, None)
                .unwrap(),
        ),
        (
            "labels",
            printer
                .labels(&LabelRequest {
                    clients: get("label_clients"),
                    sheet: LabelSheet::A4_3x8,
                    sender_country: Country::FRANCE,
                    locale: Locale::Fr,
                    skip: 0,
                })
                .unwrap(),
        ),
    ];
    let actual: Vec<(&str, String)> = documents
        .iter()
        .map(|(name, pdf)| (*name, sha256(pdf)))
        .collect();
    if std::env::var_os("HOSPES_PRINT_GOLDEN").is_some() {
        for (name, hash) in &actual {
            println!("    (\"{name}\", \"{hash}\"),");
        }
    }
    let expected: Vec<(&str, String)> = GOLDEN.iter().map(|(n, h)| (*n, (*h).to_owned())).collect();
    assert_eq!(actual, expected);
}
