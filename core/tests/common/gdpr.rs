//! Marie Dupont's file at the campsite, as the GDPR tests export and erase it: her record filled
//! in, stay 312 over, its deposit invoice and payment, the contract she signed, her portal
//! account, an appointment and the stay's event log.
#![allow(clippy::indexing_slicing)] // test code

use super::at;
use super::invoicing::{deposit, deposit_payment, get};
use hospes::account::Account;
use hospes::contract::{Contract, ContractRequest};
use hospes::evidence::{self, LoggedEvent};
use hospes::gdpr::GdprRecords;
use hospes::signature::SignatureRequest;
use hospes::{Client, Establishment, Event, Stay, StayStatus};

/// Her account's password hash: never exported.
pub const HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c2VsLWRlLW1hcmll$Zm9yLWV5ZXMtb25seS1zZWNyZXQ";

/// The campsite.
pub fn establishment() -> Establishment {
    get("establishment")
}

/// Marie Dupont's record, filled in: phones, plates, a note of the business, a companion, a pet.
pub fn marie() -> Client {
    let mut client: Client = get("client");
    client.mobile = Some("+33612345678".into());
    client.landline = Some("+33478000000".into());
    client.licence_plates = vec!["AB-123-CD".into()];
    client.notes = Some("Préfère l’emplacement 12, au calme.".into());
    client.companions = vec![
        serde_json::from_value(serde_json::json!({
            "first_name": "Léa", "last_name": "Dupont", "birth_date": "2016-05-02"
        }))
        .unwrap(),
    ];
    client.pets = vec![
        serde_json::from_value(serde_json::json!({
            "name": "Filou", "species": "chien", "breed": "Caniche nain"
        }))
        .unwrap(),
    ];
    client.link_version = 4;
    client
}

/// Stay 312, over by September 2026.
pub fn stay() -> Stay {
    let mut stay: Stay = get("stay");
    stay.status = StayStatus::Completed;
    stay.notes = Some("Arrivée tardive, vers 22 h.".into());
    stay.business_notes = Some("Demande toujours l’emplacement 12.".into());
    stay
}

/// The contract of stay 312, signed by Marie on 2 March 2026.
pub fn signed_contract() -> Contract {
    let contract = Contract::create(
        ContractRequest {
            number: "C-2026-028".into(),
            establishment: establishment(),
            client: get("client"),
            stay: get("stay"),
            terms: get("terms"),
            schedule: vec![],
            cancellation: get("cancellation"),
            locale: None,
        },
        at("2026-03-01T10:00:00Z"),
    )
    .unwrap();
    // She signs the PDF she read.
    let pdf = hospes::pdf::Printer::standard()
        .contract(&contract, None, None)
        .unwrap();
    let shown = hospes::signature::sha256_of(&pdf);
    let request = SignatureRequest {
        document_sha256: shown.clone(),
        signer_name: "Marie Dupont".into(),
        signer_email: Some("marie.dupont@example.fr".into()),
        consent_text: "J’ai lu et j’accepte le contrat.".into(),
        ip: Some("203.0.113.7".into()),
        user_agent: Some("Mozilla/5.0".into()),
        image: None,
        locale: None,
    };
    contract
        .sign(request, &shown, at("2026-03-02T08:00:00Z"))
        .unwrap()
        .contract
}

/// Her portal account, verified.
pub fn account() -> Account {
    serde_json::from_value(serde_json::json!({
        "client_id": "C-1042", "email": "marie.dupont@example.fr", "password_hash": HASH,
        "verified": true, "created_at": "2026-01-15T09:35:00Z"
    }))
    .unwrap()
}

/// Stay 312's log: the contract signed, the deposit paid, a participant added.
pub fn log() -> Vec<LoggedEvent> {
    let events: Vec<Event> = serde_json::from_value(serde_json::json!([
        {"type": "contract_signed", "occurred_at": "2026-03-02T08:00:00Z", "client_id": "C-1042",
         "contract_number": "C-2026-028", "stay_reference": "312",
         "document_sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
         "terms_version": "2026-1"},
        {"type": "payment_recorded", "occurred_at": "2026-03-02T09:00:00Z", "client_id": "C-1042",
         "invoice_number": "FA26030042", "amount": {"amount": "300.00", "currency": "EUR"},
         "method": "card", "key": "pay_5Kx"},
        {"type": "participants_changed", "occurred_at": "2026-06-01T10:00:00Z",
         "client_id": "C-1042", "stay_reference": "312", "added": ["Léa Dupont"], "removed": []}
    ]))
    .unwrap();
    evidence::append(None, events).unwrap()
}

/// Everything the campsite holds on Marie.
pub fn records() -> GdprRecords {
    let appointments: serde_json::Value =
        serde_json::from_str(include_str!("../data/appointments.json")).unwrap();
    GdprRecords {
        stays: vec![stay()],
        invoices: vec![deposit()],
        payments: vec![deposit_payment()],
        contracts: vec![signed_contract()],
        accounts: vec![account()],
        appointments: vec![serde_json::from_value(appointments["requested"].clone()).unwrap()],
        events: log(),
        ..GdprRecords::new(marie())
    }
}

/// 1 September 2026, after her stay: when she asks.
pub fn september() -> hospes::DateTime<hospes::Utc> {
    at("2026-09-01T10:00:00Z")
}
