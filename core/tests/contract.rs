//! Contracts, as the seeds tell them: signed by the guest, locked to the document signed, and
//! kept with the stay's payments in an event log that detects any change.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::at;
use common::invoicing::{deposit, deposit_payment, eur, get};
use hospes::Locale;
use hospes::contract::{Contract, ContractRequest, ContractStatus, ContractTerms};
use hospes::evidence::{append, verify_log};
use hospes::payment;
use hospes::pdf::Printer;
use hospes::portal::{Portal, PortalAccess};
use hospes::signature::{SignatureImage, SignatureRequest, sha256_of};

fn contract() -> Contract {
    let terms: ContractTerms = get("terms");
    Contract::create(
        ContractRequest {
            number: "C-2026-028".into(),
            establishment: get("establishment"),
            client: get("client"),
            stay: get("stay"),
            terms,
            schedule: vec![],
            cancellation: get("cancellation"),
            locale: None,
        },
        at("2026-03-01T10:00:00Z"),
    )
    .unwrap()
}

fn signing(sha256: String) -> SignatureRequest {
    SignatureRequest {
        document_sha256: sha256,
        signer_name: "Marie Dupont".into(),
        signer_email: Some("marie.dupont@example.fr".into()),
        consent_text: "J’ai lu et j’accepte le contrat et ses conditions.".into(),
        ip: Some("203.0.113.7".into()),
        user_agent: Some("Mozilla/5.0".into()),
        image: Some(SignatureImage::SvgPath {
            d: "M10 40 C 30 10, 50 70, 90 30".into(),
            width: 300,
            height: 100,
        }),
        locale: None,
    }
}

/// Marie's space, opened after a login.
fn portal() -> Portal {
    let client: hospes::Client = get("client");
    let access = PortalAccess {
        client_id: client.id.clone(),
        purpose: None,
        subject: None,
    };
    Portal::open(&access, client).unwrap()
}

#[test]
fn the_guest_signs_the_pdf_she_read_and_the_host_keeps_its_bytes() {
    let c = contract();
    let printer = Printer::standard();
    let shown = portal().contract_document(&c, None, printer).unwrap();
    assert_eq!(shown.sha256, sha256_of(&shown.pdf.0));
    let signed = portal()
        .sign_contract(
            &c,
            signing(shown.sha256.clone()),
            printer,
            at("2026-03-02T18:00:00Z"),
        )
        .unwrap();
    assert_eq!(
        signed.copy.document, shown.pdf,
        "the signed record is the PDF shown, byte for byte"
    );
    let evidence = signed.signed.contract.signature.clone().unwrap();
    assert_eq!(evidence.document_sha256, shown.sha256);
    assert_eq!(evidence.content_sha256, Some(c.document_sha256().unwrap()));
    assert_eq!(evidence.locale, Some(Locale::Fr));
    assert!(evidence.verify(&signed.copy.document.0).is_ok());
    assert!(signed.copy.evidence.0.starts_with(b"%PDF"));
    assert_ne!(
        signed.copy.evidence, signed.copy.document,
        "the evidence is a document of its own"
    );
    assert_eq!(signed.signed.contract.status, ContractStatus::Signed);
    let again = portal().sign_contract(
        &signed.signed.contract,
        signing(shown.sha256),
        printer,
        at("2026-03-02T18:01:00Z"),
    );
    assert_eq!(again.unwrap_err().code(), "contract.already_signed");
}

#[test]
fn one_byte_changed_in_the_stored_pdf_fails_verification() {
    let c = contract();
    let printer = Printer::standard();
    let shown = portal().contract_document(&c, None, printer).unwrap();
    let signed = portal()
        .sign_contract(
            &c,
            signing(shown.sha256),
            printer,
            at("2026-03-02T18:00:00Z"),
        )
        .unwrap();
    let signature = signed.signed.contract.signature.unwrap();
    let mut stored = signed.copy.document.0;
    let middle = stored.len() / 2;
    stored[middle] ^= 0x01;
    assert_eq!(
        signature.verify(&stored).unwrap_err().code(),
        "evidence.document_altered"
    );
}

#[test]
fn a_contract_read_in_english_is_signed_as_the_english_pdf() {
    let c = contract();
    let printer = Printer::standard();
    let english = portal()
        .contract_document(&c, Some(Locale::En), printer)
        .unwrap();
    let french = portal().contract_document(&c, None, printer).unwrap();
    assert_ne!(english.sha256, french.sha256);
    let request = SignatureRequest {
        locale: Some(Locale::En),
        ..signing(english.sha256.clone())
    };
    let signed = portal()
        .sign_contract(&c, request, printer, at("2026-03-02T18:00:00Z"))
        .unwrap();
    assert_eq!(signed.copy.document, english.pdf);
    // The French hash with the English page is refused: she signs what she saw.
    let request = SignatureRequest {
        locale: Some(Locale::En),
        ..signing(french.sha256)
    };
    let err = portal()
        .sign_contract(&c, request, printer, at("2026-03-02T18:00:00Z"))
        .unwrap_err();
    assert_eq!(err.code(), "evidence.document_changed");
}

#[test]
fn a_contract_changed_since_it_was_shown_cannot_be_signed_and_its_link_dies() {
    let c = contract();
    let printer = Printer::standard();
    let shown = portal().contract_document(&c, None, printer).unwrap();
    let mut changed = c.clone();
    changed.terms.version = "2026-2".into();
    assert_ne!(changed.link_state().unwrap(), c.link_state().unwrap());
    let err = portal()
        .sign_contract(
            &changed,
            signing(shown.sha256),
            printer,
            at("2026-03-02T18:00:00Z"),
        )
        .unwrap_err();
    assert_eq!(err.code(), "evidence.document_changed");
}

#[test]
fn the_events_of_a_stay_form_a_log_that_detects_any_change() {
    let c = contract();
    let shown = portal()
        .contract_document(&c, None, Printer::standard())
        .unwrap();
    let signed = c
        .sign(
            signing(shown.sha256.clone()),
            &shown.sha256,
            at("2026-03-02T18:00:00Z"),
        )
        .unwrap();
    let paid = payment::record(
        &deposit(),
        &[],
        deposit_payment(),
        at("2026-03-02T09:00:00Z"),
    )
    .unwrap();
    let log = append(None, paid.events).unwrap();
    let log2 = append(log.last(), signed.events).unwrap();
    let whole: Vec<_> = log.into_iter().chain(log2).collect();
    assert!(verify_log(&whole).is_ok());
    let mut tampered = whole.clone();
    if let hospes::Event::PaymentRecorded { amount, .. } = &mut tampered[0].event {
        *amount = eur("3.00");
    }
    assert_eq!(
        verify_log(&tampered).unwrap_err().code(),
        "evidence.log_broken"
    );
    let removed = vec![whole[1].clone()];
    assert!(verify_log(&removed).is_ok(), "a tail verifies on its own");
    let mut reordered = whole.clone();
    reordered.swap(0, 1);
    assert!(verify_log(&reordered).is_err());
}
