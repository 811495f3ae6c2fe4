//! « Génération automatique de contrats — créant un modèle-type de contrat ! Pour chaque
//! réservation, un système de génération de contrat sera alors mis à votre disposition afin de
//! créer un contrat sur-mesure »: the business writes its terms once with merge fields, checked
//! when it saves them; each stay's contract is made from them with the stay's own values.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::at;
use common::invoicing::get;
use hospes::contract::{Clause, Contract, ContractRequest, ContractTerms};
use hospes::pdf::Printer;
use hospes::pricing::Installment;
use hospes::{Client, Error, Locale};

fn request(terms: ContractTerms, client: Client, locale: Option<Locale>) -> ContractRequest {
    ContractRequest {
        number: "C-2026-028".into(),
        establishment: get("establishment"),
        client,
        stay: get("stay"),
        terms,
        schedule: get::<Vec<Installment>>("merge_schedule"),
        cancellation: get("cancellation"),
        locale,
    }
}

fn made(terms: ContractTerms, client: Client, locale: Option<Locale>) -> Contract {
    Contract::create(request(terms, client, locale), at("2026-03-01T10:00:00Z")).unwrap()
}

/// Terms of one clause with `text`.
fn terms(text: &str) -> ContractTerms {
    ContractTerms {
        version: "2026-2".into(),
        title: "Contrat de location".into(),
        clauses: vec![Clause {
            heading: "Article 1".into(),
            text: text.into(),
        }],
    }
}

#[test]
fn a_contract_templates_merge_fields_are_filled_with_the_stays_dates_unit_guests_and_amounts() {
    let template: ContractTerms = get("merge_terms");
    assert!(template.check().is_ok());
    let contract = made(template.clone(), get("client"), None);
    let clauses = &contract.terms.clauses;
    assert_eq!(
        contract.terms.title,
        "Contrat de location saisonnière n° C-2026-028"
    );
    assert_eq!(
        clauses[0].text,
        "Entre Camping des Pins, 12 chemin des Pins, 40200 Mimizan, et Madame Marie Dupont, \
         demeurant 3 rue des Lilas, 69003 Lyon."
    );
    assert_eq!(clauses[1].heading, "Article 2 — Séjour 312");
    assert_eq!(
        clauses[1].text,
        "Location de l’hébergement « Mobil-home 3 chambres » du 11 juillet 2026 au \
         18 juillet 2026, soit 7 nuits, pour 2 personnes : Marie Dupont, Léa Dupont."
    );
    assert_eq!(
        clauses[2].text,
        "Le prix du séjour est de 1\u{202f}000,00\u{a0}€. Un acompte de 300,00\u{a0}€ est versé \
         à la réservation ; le solde de 700,00\u{a0}€ est dû avant l’arrivée."
    );
    assert_eq!(
        contract.terms.version, template.version,
        "the template's version is kept"
    );

    // In English, dates and amounts are written the English way; the business's words stay.
    let english = made(template, get("client"), Some(Locale::En));
    assert!(
        english.terms.clauses[1]
            .text
            .contains("du July 11, 2026 au July 18, 2026")
    );
    assert!(english.terms.clauses[2].text.contains("€1,000.00"));
    assert!(
        english.terms.clauses[0]
            .text
            .contains("et Mrs Marie Dupont")
    );

    // A guest from abroad: her country is named, in the contract's language.
    let mut client: Client = get("client");
    client.address.country = Some(hospes::Country::new("ES").unwrap());
    let contract = made(get("merge_terms"), client, None);
    assert!(
        contract.terms.clauses[0]
            .text
            .ends_with("demeurant 3 rue des Lilas, 69003 Lyon, ESPAGNE.")
    );
}

/// The text of `pdf` as poppler's `pdftotext` extracts it, on one line (`make test` installs
/// poppler-utils).
fn text_of(pdf: &[u8]) -> String {
    let path = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("contract-merged.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is needed: `make test` installs it");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_pdf_the_guest_reads_shows_the_filled_clauses() {
    let contract = made(get("merge_terms"), get("client"), None);
    let pdf = Printer::standard().contract(&contract, None, None).unwrap();
    let text = text_of(&pdf);
    for needle in [
        "Contrat de location saisonnière n° C-2026-028",
        "Article 2 — Séjour 312",
        "du 11 juillet 2026 au 18 juillet 2026, soit 7 nuits, pour 2 personnes : Marie Dupont, Léa Dupont.",
        "le solde de 700,00 € est dû avant l’arrivée.",
    ] {
        assert!(text.contains(needle), "{needle} missing from: {text}");
    }
    assert!(!text.contains('['), "a tag left in: {text}");
    // Rendering is deterministic: the same record gives the same bytes.
    assert_eq!(
        Printer::standard().contract(&contract, None, None).unwrap(),
        pdf
    );
}

#[test]
fn an_unknown_merge_field_is_refused_when_the_template_is_saved() {
    let mut template: ContractTerms = get("merge_terms");
    template.clauses[1].text = "Du [DATE_ARRIVEE] au [DATE_DEPAR].".into();
    let err = template.check().unwrap_err();
    assert_eq!(
        err,
        Error::ContractTagUnknown {
            tag: "[DATE_DEPAR]".into(),
            part: "terms.clauses[1].text".into(),
            offset: 21,
            suggestion: Some("[DATE_DEPART]".into()),
        }
    );
    assert_eq!(err.code(), "contract.tag_unknown");
    assert_eq!(
        err.message(Locale::Fr),
        "Balise inconnue [DATE_DEPAR] dans terms.clauses[1].text, au caractère 21 : \
         vouliez-vous dire [DATE_DEPART] ?"
    );
    assert_eq!(
        err.message(Locale::En),
        "Unknown tag [DATE_DEPAR] in terms.clauses[1].text, at character 21: did you mean \
         [DATE_DEPART]?"
    );
    // Drawing up a contract from such terms is refused the same way.
    let refused = Contract::create(
        request(template, get("client"), None),
        at("2026-03-01T10:00:00Z"),
    );
    assert_eq!(refused.unwrap_err().code(), "contract.tag_unknown");

    // A link belongs in a mail, not in a contract; a bracket left open is refused too.
    assert_eq!(
        terms("Signez ici : [LIEN_CONTRAT]")
            .check()
            .unwrap_err()
            .code(),
        "contract.tag_unknown"
    );
    let err = terms("Arrivée le [DATE_ARRIVEE à 16 h.")
        .check()
        .unwrap_err();
    assert_eq!(
        err,
        Error::ContractTagUnclosed {
            tag: "[DATE_ARRIVEE".into(),
            part: "terms.clauses[0].text".into(),
            offset: 11,
        }
    );
    // Brackets around words that are not tags stay text.
    assert!(
        terms("Voir l’annexe [a], [Note], tableau[0].")
            .check()
            .is_ok()
    );
}

#[test]
fn a_guests_name_is_never_read_as_a_merge_field() {
    let mut client: Client = get("client");
    client.first_name = Some("[DATE_ARRIVEE]".into());
    client.last_name = Some("[NOM]\nDupont".into());
    let contract = made(terms("Locataire : [PRENOM] [NOM]."), client, None);
    assert_eq!(
        contract.terms.clauses[0].text, "Locataire : [DATE_ARRIVEE] [NOM] Dupont.",
        "written once, as plain text on one line"
    );
}

#[test]
fn terms_without_merge_fields_make_the_contract_they_always_made() {
    let terms: ContractTerms = get("terms");
    let contract = made(terms.clone(), get("client"), None);
    assert_eq!(contract.terms, terms);
    assert_eq!(terms.summary().unwrap().tags, Vec::<String>::new());
}

#[test]
fn the_check_lists_the_tags_used_once_by_their_french_names() {
    let mut template: ContractTerms = get("merge_terms");
    template.clauses.push(Clause {
        heading: String::new(),
        text: "[ARRIVAL_DATE] [STAY_REFERENCE]".into(),
    });
    let tags = template.summary().unwrap().tags;
    assert_eq!(tags.first().map(String::as_str), Some("[NUM_CONTRAT]"));
    assert_eq!(
        tags.iter().filter(|t| *t == "[DATE_ARRIVEE]").count(),
        1,
        "{tags:?}"
    );
    assert!(tags.contains(&"[MONTANT_SOLDE]".to_owned()), "{tags:?}");
}
