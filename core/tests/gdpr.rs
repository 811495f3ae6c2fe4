//! The GDPR rights over the client file, as seed 001's « Export RGPD » and the law tell them:
//! a client gets everything the business holds on them (art. 15 and 20), as one JSON document
//! and as a workbook. Their erasure (art. 17) is in `gdpr_erase.rs`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code

mod common;

use common::gdpr::{HASH, establishment, records, september, stay};
use hospes::evidence;
use hospes::gdpr::{self, GdprRecords, GdprSectionKind};
use hospes::{Event, Locale};

// --- The export (art. 15 and 20) ---------------------------------------------------------------

#[test]
fn an_export_never_contains_a_password_hash() {
    let export = gdpr::export(&records(), &establishment(), september()).unwrap();
    let json = serde_json::to_string(&export).unwrap();
    assert!(!json.contains(HASH));
    assert!(!json.contains("password"));
    assert!(!json.contains("argon2"));
    assert_eq!(export.accounts[0].email, "marie.dupont@example.fr");
    assert!(export.accounts[0].verified);
    // Through the wire too, as every binding gets it.
    let input = serde_json::json!({
        "records": records(), "establishment": establishment(), "now": september()
    });
    let out = hospes::wire::call("gdpr.export", &input.to_string());
    assert!(out.starts_with(r#"{"ok":"#), "{out}");
    assert!(!out.contains(HASH) && !out.contains("password_hash"));
}

#[test]
fn an_export_holds_everything_the_business_knows_including_its_notes() {
    let export = gdpr::export(&records(), &establishment(), september()).unwrap();
    assert_eq!(export.format_version, 1);
    assert_eq!(export.subject_id, "C-1042");
    assert_eq!(export.generated_at, september());
    assert_eq!(export.controller.name, "Camping des Pins");
    assert_eq!(
        export.controller.email.as_deref(),
        Some("accueil@camping-des-pins.fr")
    );
    // The business's notes about the client are personal data about them.
    assert_eq!(
        export.client.notes.as_deref(),
        Some("Préfère l’emplacement 12, au calme.")
    );
    assert_eq!(export.client.companions[0].first_name, "Léa");
    assert_eq!(export.client.pets[0].name, "Filou");
    assert_eq!(export.stays[0].reference, "312");
    assert_eq!(export.invoices[0].number.as_deref(), Some("FA26030042"));
    assert_eq!(export.payments[0].key, "pay_5Kx");
    let signature = export.contracts[0].signature.as_ref().unwrap();
    assert_eq!(signature.ip.as_deref(), Some("203.0.113.7"));
    assert_eq!(export.appointments[0].id, "RDV-501");
    assert_eq!(export.events.len(), 3);
    let counts: Vec<(GdprSectionKind, u32)> = export
        .sections
        .iter()
        .map(|s| (s.section, s.count))
        .collect();
    assert_eq!(
        counts,
        [
            (GdprSectionKind::Client, 1),
            (GdprSectionKind::Companions, 1),
            (GdprSectionKind::Pets, 1),
            (GdprSectionKind::Stays, 1),
            (GdprSectionKind::Residencies, 0),
            (GdprSectionKind::Quotes, 0),
            (GdprSectionKind::Invoices, 1),
            (GdprSectionKind::Payments, 1),
            (GdprSectionKind::Contracts, 1),
            (GdprSectionKind::Signatures, 1),
            (GdprSectionKind::Accounts, 1),
            (GdprSectionKind::Appointments, 1),
            (GdprSectionKind::Events, 3),
        ]
    );
}

#[test]
fn an_export_speaks_the_clients_language() {
    let mut records = records();
    records.client.preferred_locale = Some(Locale::Es);
    let export = gdpr::export(&records, &establishment(), september()).unwrap();
    assert_eq!(export.locale, Locale::Es);
    assert_eq!(export.title, "Sus datos personales — Camping des Pins");
    assert_eq!(export.sections[3].title, "Estancias");
    records.client.preferred_locale = None;
    let export = gdpr::export(&records, &establishment(), september()).unwrap();
    assert_eq!(export.sections[3].title, "Séjours");
}

#[test]
fn a_stay_of_another_client_is_refused() {
    let mut records = records();
    let mut theirs = stay();
    theirs.reference = "313".into();
    theirs.client_id = "C-2077".into();
    records.stays.push(theirs);
    for err in [
        gdpr::export(&records, &establishment(), september()).unwrap_err(),
        gdpr::erase(&records, &establishment(), september()).unwrap_err(),
    ] {
        assert_eq!(
            err,
            hospes::Error::RecordForeign {
                record: "stay".into(),
                id: "313".into(),
                client_id: "C-1042".into()
            }
        );
    }
}

#[test]
fn an_invoice_made_out_to_another_customer_is_refused() {
    let mut records = records();
    records.invoices[0].customer.client_id = "C-2077".into();
    let err = gdpr::export(&records, &establishment(), september()).unwrap_err();
    assert_eq!(err.code(), "client.record_foreign");
    assert!(err.to_string().contains("FA26030042"), "{err}");
}

#[test]
fn a_payment_an_account_a_contract_or_an_event_of_someone_else_is_refused() {
    let refused = |records: GdprRecords, record: &str| {
        let err = gdpr::export(&records, &establishment(), september()).unwrap_err();
        match err {
            hospes::Error::RecordForeign { record: r, .. } => assert_eq!(r, record),
            other => panic!("{other}"),
        }
    };
    let mut r = records();
    r.payments[0].invoice_number = "FA26039999".into();
    refused(r, "payment");
    let mut r = records();
    r.accounts[0].client_id = "C-2077".into();
    refused(r, "account");
    let mut r = records();
    r.contracts[0].customer.client_id = "C-2077".into();
    refused(r, "contract");
    let mut r = records();
    r.appointments[0].client_id = "C-2077".into();
    refused(r, "appointment");
    let mut r = records();
    let theirs = Event::ClientErased {
        occurred_at: september(),
        client_id: "C-2077".into(),
    };
    r.events = evidence::append(None, vec![theirs]).unwrap();
    refused(r, "event");
}

// --- The readable workbook -------------------------------------------------------------------

/// Every XML part of an XLSX file, by name.
fn parts(xlsx: &[u8]) -> Vec<(String, String)> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut file = zip.by_index(i).unwrap();
            let mut text = String::new();
            file.read_to_string(&mut text).unwrap();
            (file.name().unwrap().to_string(), text)
        })
        .collect()
}

fn part<'a>(parts: &'a [(String, String)], name: &str) -> &'a str {
    &parts.iter().find(|(n, _)| n == name).unwrap().1
}

#[test]
fn the_workbook_has_one_sheet_per_section_in_the_clients_language() {
    let export = gdpr::export(&records(), &establishment(), september()).unwrap();
    let xlsx = gdpr::workbook(&export).unwrap();
    let parts = parts(&xlsx);
    let workbook = part(&parts, "xl/workbook.xml");
    for section in &export.sections {
        assert!(
            workbook.contains(&format!(r#"<sheet name="{}""#, section.title)),
            "no sheet {}",
            section.title
        );
    }
    let strings = part(&parts, "xl/sharedStrings.xml");
    for expected in [
        "Préfère l’emplacement 12, au calme.",
        "Demande toujours l’emplacement 12.",
        "Responsable du traitement",
        "Camping des Pins",
        "Léa",
        "Filou",
        "Carte bancaire",
        "203.0.113.7",
        "Contrat C-2026-028 signé, séjour 312 (client C-1042).",
    ] {
        assert!(strings.contains(expected), "{expected} missing");
    }
    assert!(!strings.contains("gdpr-"), "a label is missing: {strings}");
    for (_, text) in &parts {
        assert!(!text.contains(HASH) && !text.contains("argon2"));
    }
    // The same export gives the same bytes.
    assert_eq!(xlsx, gdpr::workbook(&export).unwrap());

    let mut records = records();
    records.client.preferred_locale = Some(Locale::En);
    let export = gdpr::export(&records, &establishment(), september()).unwrap();
    let parts = self::parts(&gdpr::workbook(&export).unwrap());
    assert!(part(&parts, "xl/workbook.xml").contains(r#"<sheet name="Client record""#));
    assert!(part(&parts, "xl/sharedStrings.xml").contains("The establishment’s notes"));
}

#[test]
fn the_workbook_is_a_file_on_the_wire() {
    let export = gdpr::export(&records(), &establishment(), september()).unwrap();
    let input = serde_json::json!({ "document": export });
    let hospes::wire::Answer::File(xlsx) =
        hospes::wire::call_for_file("gdpr.workbook", &input.to_string())
    else {
        panic!("no file");
    };
    assert_eq!(xlsx, gdpr::workbook(&export).unwrap());
}

#[test]
fn a_formula_in_a_note_is_written_inert() {
    let mut records = records();
    records.client.notes = Some("=HYPERLINK(\"http://evil.example\")".into());
    let export = gdpr::export(&records, &establishment(), september()).unwrap();
    let parts = parts(&gdpr::workbook(&export).unwrap());
    let strings = part(&parts, "xl/sharedStrings.xml");
    assert!(strings.contains("<t>'=HYPERLINK"), "{strings}");
}

#[test]
fn the_workbook_is_written_from_a_thread_with_a_small_stack() {
    let export = gdpr::export(&records(), &establishment(), september()).unwrap();
    let small = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || gdpr::workbook(&export).map(|xlsx| xlsx.len()))
        .unwrap();
    assert!(small.join().unwrap().unwrap() > 0);
}
