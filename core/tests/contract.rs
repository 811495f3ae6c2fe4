//! Contracts, as the seeds tell them: signed by the guest, locked to the document signed, and
//! kept with the stay's payments in an event log that detects any change.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::at;
use common::invoicing::{deposit, deposit_payment, eur, get};
use hospes::contract::{Contract, ContractRequest, ContractStatus, ContractTerms};
use hospes::evidence::{append, verify_log};
use hospes::payment;
use hospes::signature::{SignatureImage, SignatureRequest};

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
    }
}

#[test]
fn a_signed_contract_is_locked_to_the_document_signed() {
    let c = contract();
    assert_eq!(
        c.occupants,
        vec!["Marie Dupont".to_owned(), "Léa Dupont".to_owned()]
    );
    let sha = c.document_sha256().unwrap();
    let signed = c
        .sign(signing(sha.clone()), at("2026-03-02T18:00:00Z"))
        .unwrap();
    let evidence = signed.contract.signature.clone().unwrap();
    assert_eq!(evidence.document_sha256, sha);
    assert!(evidence.image_sha256.is_some());
    assert_eq!(signed.contract.status, ContractStatus::Signed);
    assert_eq!(
        signed.contract.document_sha256().unwrap(),
        sha,
        "signing does not change the document"
    );
    let again = signed
        .contract
        .sign(signing(sha), at("2026-03-02T18:01:00Z"));
    assert_eq!(again.unwrap_err().code(), "contract.already_signed");
}

#[test]
fn a_contract_changed_since_it_was_shown_cannot_be_signed() {
    let c = contract();
    let shown = c.document_sha256().unwrap();
    let mut changed = c.clone();
    changed.terms.version = "2026-2".into();
    let err = changed
        .sign(signing(shown), at("2026-03-02T18:00:00Z"))
        .unwrap_err();
    assert_eq!(err.code(), "evidence.document_changed");
}

#[test]
fn the_events_of_a_stay_form_a_log_that_detects_any_change() {
    let signed = contract()
        .sign(
            signing(contract().document_sha256().unwrap()),
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
