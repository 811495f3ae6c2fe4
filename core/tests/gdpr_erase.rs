//! The erasure of a client (GDPR art. 17), as the law tells it: everything about them goes or is
//! anonymised, except what French law requires the business to keep — kept no longer, and with
//! no more of them than it needs.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code

mod common;

use common::at;
use common::gdpr::{establishment, log, marie, records, september, stay};
use common::invoicing::{deposit, get};
use common::link::ring;
use hospes::evidence;
use hospes::gdpr::{
    self, ErasedRecord, ErasureAction, ErasureStep, GdprRecordKind, GdprRecords, RetentionBasis,
};
use hospes::link::{self, LinkPurpose, LinkRequest, LinkState};
use hospes::signature::SignatureRequest;
use hospes::{Client, Country, Event, Locale, StayStatus};

fn step(steps: &[ErasureStep], record: GdprRecordKind) -> &ErasureStep {
    steps.iter().find(|s| s.record == record).unwrap()
}

/// `text` as a search box compares it: letters and digits, lower case, accents dropped.
fn folded(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            c => c,
        })
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

// --- The erasure (art. 17) ---------------------------------------------------------------------

#[test]
fn an_erased_client_keeps_none_of_their_names_contacts_or_plates() {
    let original = marie();
    let erasure = gdpr::erase(&records(), &establishment(), september()).unwrap();
    let erased = &erasure.client;
    let text = folded(&serde_json::to_string(erased).unwrap());
    let originals = [
        "Marie",
        "Dupont",
        "marie.dupont@example.fr",
        "+33612345678",
        "612345678",
        "+33478000000",
        "AB-123-CD",
        "3 rue des Lilas",
        "69003",
        "Lyon",
        "Léa",
        "Filou",
        "Caniche",
        "emplacement 12",
    ];
    for value in originals {
        assert!(!text.contains(&folded(value)), "{value} is still in {text}");
    }
    assert_eq!(erased.email, None);
    assert_eq!(erased.mobile, None);
    assert_eq!(erased.landline, None);
    assert_eq!(erased.civility, None);
    assert_eq!(erased.notes, None);
    assert!(erased.licence_plates.is_empty());
    assert!(erased.companions.is_empty() && erased.pets.is_empty());
    // Kept: the id, the country (not identifying alone), the kind and the seniority.
    assert_eq!(erased.id, "C-1042");
    assert_eq!(erased.address.country, original.address.country);
    assert_eq!(erased.address.city, None);
    assert_eq!(erased.kind, original.kind);
    assert_eq!(erased.created_at, original.created_at);
    // Still a valid record, under a stable pseudonym.
    assert!(
        erased
            .clone()
            .normalized(Country::FRANCE, september())
            .is_ok()
    );
    assert_eq!(erasure.pseudonym, gdpr::pseudonym("C-1042", Locale::Fr));
    assert!(erasure.pseudonym.starts_with("Client effacé "));
    assert_eq!(erased.display_name(), erasure.pseudonym);
}

#[test]
fn an_erased_clients_links_no_longer_verify() {
    let keys = ring(&link::generate_key().unwrap(), &[]);
    let e = establishment();
    let before = marie();
    let state = |client: &Client| LinkState::LinkVersion {
        link_version: client.link_version,
    };
    let issued = keys
        .issue(
            &e,
            &LinkRequest {
                purpose: LinkPurpose::Portal,
                client_id: before.id.clone(),
                subject: None,
                state: state(&before),
                expires_at: Some(at("2026-09-30T00:00:00Z")),
                permanent: false,
            },
            september(),
        )
        .unwrap();
    let verify = |client: &Client| {
        keys.verify(
            &e,
            &issued.token,
            LinkPurpose::Portal,
            &state(client),
            september(),
        )
    };
    assert!(verify(&before).is_ok());
    let erased = gdpr::erase(&records(), &e, september()).unwrap().client;
    assert_eq!(erased.link_version, before.link_version + 1);
    assert_eq!(verify(&erased).unwrap_err().code(), "link.invalid");
}

#[test]
fn an_invoice_survives_erasure_for_ten_years_with_the_name_printed_on_it() {
    let erasure = gdpr::erase(&records(), &establishment(), september()).unwrap();
    let invoice = step(&erasure.steps, GdprRecordKind::Invoice);
    assert_eq!(invoice.id, "FA26030042");
    assert_eq!(invoice.action, ErasureAction::Keep);
    assert_eq!(invoice.basis, Some(RetentionBasis::Accounting));
    assert_eq!(
        invoice.basis.unwrap().citation(),
        "Code de commerce, art. L123-22"
    );
    // Issued on 1 March 2026: kept until 1 March 2036.
    assert_eq!(invoice.keep_until, Some("2036-03-01".parse().unwrap()));
    assert_eq!(
        invoice.personal_data_kept,
        ["customer.name", "customer.address"]
    );
    let Some(ErasedRecord::Invoice { invoice: kept }) = &invoice.value else {
        panic!("no invoice to store");
    };
    assert_eq!(kept.customer.name, "Marie Dupont");
    assert_eq!(kept.customer.address, deposit().customer.address);
    assert_eq!(kept.customer.email, None);
    assert_eq!(kept.lines, deposit().lines);
    assert_eq!(kept.totals, deposit().totals);
    // Its payment is an accounting voucher too.
    let payment = step(&erasure.steps, GdprRecordKind::Payment);
    assert_eq!(
        (payment.action, payment.keep_until),
        (ErasureAction::Keep, Some("2036-03-02".parse().unwrap()))
    );
}

#[test]
fn an_invoice_past_its_ten_years_and_a_draft_are_deleted() {
    let later = at("2036-03-02T12:00:00Z");
    let erasure = gdpr::erase(&records(), &establishment(), later).unwrap();
    assert_eq!(
        step(&erasure.steps, GdprRecordKind::Invoice).action,
        ErasureAction::Delete
    );
    let mut records = records();
    let mut draft = deposit();
    draft.number = None;
    draft.issue_date = None;
    draft.status = hospes::invoice::InvoiceStatus::Draft;
    records.invoices = vec![draft];
    records.payments.clear();
    let erasure = gdpr::erase(&records, &establishment(), september()).unwrap();
    let step = step(&erasure.steps, GdprRecordKind::Invoice);
    assert_eq!((step.id.as_str(), step.action), ("", ErasureAction::Delete));
}

#[test]
fn a_contract_signed_online_by_a_consumer_is_kept_ten_years_after_the_stay_as_it_was_signed() {
    let erasure = gdpr::erase(&records(), &establishment(), september()).unwrap();
    let contract = step(&erasure.steps, GdprRecordKind::Contract);
    assert_eq!(contract.action, ErasureAction::Keep);
    // Signed in the portal by a consumer, for 1 000 €: Code de la consommation, art. L213-1.
    assert_eq!(contract.basis, Some(RetentionBasis::ConsumerContract));
    // Signed on 2 March, the stay ends on 18 July 2026: ten years from then.
    assert_eq!(contract.keep_until, Some("2036-07-18".parse().unwrap()));
    // The evidence is over the exact document: nothing to store in its place.
    assert_eq!(contract.value, None);
    assert!(
        contract
            .personal_data_kept
            .contains(&"signature.ip".to_owned())
    );
    assert!(
        contract
            .personal_data_kept
            .contains(&"occupants".to_owned())
    );
}

#[test]
fn a_contract_whose_merge_fields_name_the_client_says_its_terms_hold_personal_data() {
    let plain = gdpr::erase(&records(), &establishment(), september()).unwrap();
    let kept = |erasure: &gdpr::GdprErasure| {
        step(&erasure.steps, GdprRecordKind::Contract)
            .personal_data_kept
            .contains(&"terms".to_owned())
    };
    assert!(!kept(&plain), "the template's own words name no one");
    let mut records = records();
    records.contracts[0].terms.clauses[0].text = "Entre le camping et Marie Dupont.".into();
    let merged = gdpr::erase(&records, &establishment(), september()).unwrap();
    assert!(kept(&merged));
}

#[test]
fn a_business_contract_is_kept_for_the_five_years_of_limitation() {
    let mut records = records();
    records.contracts[0].customer.business = true;
    let erasure = gdpr::erase(&records, &establishment(), september()).unwrap();
    let contract = step(&erasure.steps, GdprRecordKind::Contract);
    assert_eq!(contract.basis, Some(RetentionBasis::Limitation));
    assert_eq!(contract.basis.unwrap().citation(), "Code civil, art. 2224");
    assert_eq!(contract.keep_until, Some("2031-07-18".parse().unwrap()));
}

/// Quote D26-0312 for stay 312, from the campsite's catalogue: sent on 1 March 2026.
fn quote() -> hospes::quote::Quote {
    let request = serde_json::from_str(
        r#"{"unit": "E12", "arrival": "2026-07-11", "departure": "2026-07-25", "guests": [{}, {"birth_date": "2016-05-02"}]}"#,
    )
    .unwrap();
    hospes::quote::Quote::create(
        "D26-0312",
        "C-1042",
        "312",
        &common::catalogue(),
        request,
        at("2026-03-01T10:00:00Z"),
        at("2026-04-30T22:00:00Z"),
    )
    .unwrap()
}

#[test]
fn an_accepted_quote_is_kept_as_the_contract_it_is_and_a_quote_never_accepted_goes() {
    let sent = quote();
    let mut accepted = quote();
    accepted.status = hospes::quote::QuoteStatus::Accepted;
    accepted.acceptance = Some(
        hospes::signature::sign(
            &accepted.document_sha256().unwrap(),
            None,
            "C-1042",
            SignatureRequest {
                document_sha256: accepted.document_sha256().unwrap(),
                signer_name: "Marie Dupont".into(),
                signer_email: None,
                consent_text: "J’accepte le devis.".into(),
                ip: Some("203.0.113.7".into()),
                user_agent: None,
                image: None,
                locale: None,
            },
            at("2026-03-05T09:00:00Z"),
        )
        .unwrap(),
    );
    let records = GdprRecords {
        quotes: vec![sent, accepted],
        ..GdprRecords::new(marie())
    };
    let erasure = gdpr::erase(&records, &establishment(), september()).unwrap();
    let plan: Vec<_> = erasure
        .steps
        .iter()
        .map(|s| {
            (
                s.index,
                s.action,
                s.basis,
                s.keep_until.map(|d| d.to_string()),
            )
        })
        .collect();
    assert_eq!(
        plan,
        [
            (0, ErasureAction::Delete, None, None),
            // Accepted online by a consumer: ten years after the stay's last day, 25 July 2026.
            (
                1,
                ErasureAction::Keep,
                Some(RetentionBasis::ConsumerContract),
                Some("2036-07-25".into())
            ),
        ]
    );
    assert_eq!(
        erasure.steps[1].personal_data_kept,
        ["request.guests", "acceptance.signer_name", "acceptance.ip"]
    );
}

#[test]
fn a_contract_never_signed_is_deleted() {
    let mut records = records();
    records.contracts[0].signature = None;
    records.contracts[0].status = hospes::contract::ContractStatus::Sent;
    let erasure = gdpr::erase(&records, &establishment(), september()).unwrap();
    assert_eq!(
        step(&erasure.steps, GdprRecordKind::Contract).action,
        ErasureAction::Delete
    );
}

#[test]
fn a_stay_is_anonymised_and_accounts_and_appointments_deleted() {
    let erasure = gdpr::erase(&records(), &establishment(), september()).unwrap();
    let stay_step = step(&erasure.steps, GdprRecordKind::Stay);
    assert_eq!(stay_step.action, ErasureAction::Anonymise);
    let Some(ErasedRecord::Stay { stay: kept }) = &stay_step.value else {
        panic!("no stay to store");
    };
    assert!(kept.participants.is_empty());
    assert_eq!(kept.notes, None);
    assert_eq!(kept.business_notes, None, "the business's notes go too");
    assert_eq!(
        (kept.arrival, kept.departure),
        (stay().arrival, stay().departure)
    );
    assert_eq!(kept.lines, stay().lines);
    for record in [GdprRecordKind::Account, GdprRecordKind::Appointment] {
        assert_eq!(step(&erasure.steps, record).action, ErasureAction::Delete);
    }
    // One step per record passed, in the order of GdprRecords.
    let kinds: Vec<GdprRecordKind> = erasure.steps.iter().map(|s| s.record).collect();
    assert_eq!(
        kinds,
        [
            GdprRecordKind::Stay,
            GdprRecordKind::Invoice,
            GdprRecordKind::Payment,
            GdprRecordKind::Contract,
            GdprRecordKind::Account,
            GdprRecordKind::Appointment,
            GdprRecordKind::Event,
            GdprRecordKind::Event,
            GdprRecordKind::Event,
        ]
    );
}

#[test]
fn log_entries_that_are_evidence_stay_and_the_others_go() {
    let log = log();
    let erasure = gdpr::erase(&records(), &establishment(), september()).unwrap();
    let entries: Vec<&ErasureStep> = erasure
        .steps
        .iter()
        .filter(|s| s.record == GdprRecordKind::Event)
        .collect();
    let plan: Vec<(&str, ErasureAction, Option<String>)> = entries
        .iter()
        .map(|s| (s.id.as_str(), s.action, s.keep_until.map(|d| d.to_string())))
        .collect();
    let until = |day: &str| Some(day.to_owned());
    assert_eq!(
        plan,
        [
            (
                log[0].sha256.as_str(),
                ErasureAction::Keep,
                until("2036-07-18") // as long as its contract, ten years after the stay
            ),
            (
                log[1].sha256.as_str(),
                ErasureAction::Keep,
                until("2036-03-02")
            ),
            (log[2].sha256.as_str(), ErasureAction::Delete, None),
        ]
    );
    // The entries kept are never rewritten: they still verify as they were.
    assert!(evidence::verify_log(&log[..2]).is_ok());
}

#[test]
fn the_erasure_is_recorded_by_an_event_without_personal_data() {
    let erasure = gdpr::erase(&records(), &establishment(), september()).unwrap();
    assert_eq!(
        erasure.events,
        [Event::ClientErased {
            occurred_at: september(),
            client_id: "C-1042".into()
        }]
    );
    let json = serde_json::to_value(&erasure.events[0]).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"type": "client_erased", "occurred_at": "2026-09-01T10:00:00Z",
                           "client_id": "C-1042"})
    );
    assert_eq!(
        erasure.events[0].describe(Locale::Fr),
        "Fiche du client C-1042 effacée (RGPD) : ses données personnelles ont été supprimées ou anonymisées."
    );
    // A second erasure keeps the record of the first.
    let mut records = records();
    records.events = evidence::append(None, erasure.events).unwrap();
    let again = gdpr::erase(&records, &establishment(), september()).unwrap();
    let kept = step(&again.steps, GdprRecordKind::Event);
    assert_eq!((kept.action, kept.basis), (ErasureAction::Keep, None));
}

#[test]
fn a_client_cannot_be_erased_while_their_stay_runs() {
    let mut records = records();
    records.stays[0].status = StayStatus::Confirmed;
    let during = at("2026-07-15T10:00:00Z");
    let err = gdpr::erase(&records, &establishment(), during).unwrap_err();
    assert_eq!(
        err,
        hospes::Error::ErasureBlocked {
            client_id: "C-1042".into(),
            record: "stay".into(),
            id: "312".into(),
            until: "2026-07-18".into()
        }
    );
    assert_eq!(
        err.message(Locale::Fr),
        "Le client « C-1042 » ne peut pas encore être effacé : son séjour « 312 » court jusqu’au \
         2026-07-18. Ses données servent encore au contrat ; annulez-le ou attendez sa fin."
    );
    // A cancelled one does not hold the erasure back, nor one that is over.
    records.stays[0].status = StayStatus::Cancelled;
    assert!(gdpr::erase(&records, &establishment(), during).is_ok());
    records.stays[0].status = StayStatus::Confirmed;
    assert!(gdpr::erase(&records, &establishment(), september()).is_ok());
}

#[test]
fn a_resident_cannot_be_erased_during_their_year_and_then_loses_the_names_on_their_pitch() {
    let mut records = records();
    records.residencies = vec![get("residency")];
    let err = gdpr::erase(&records, &establishment(), september()).unwrap_err();
    assert_eq!(err.code(), "gdpr.erasure_blocked");
    assert!(err.to_string().contains("2027-12-31"), "{err}");
    let erasure = gdpr::erase(&records, &establishment(), at("2028-01-02T10:00:00Z")).unwrap();
    let Some(ErasedRecord::Residency { residency }) =
        &step(&erasure.steps, GdprRecordKind::Residency).value
    else {
        panic!("no residency to store");
    };
    assert!(residency.authorised.is_empty());
    assert_eq!(residency.pitch, "Emplacement A12");
}

#[test]
fn the_erasure_plan_reads_on_the_wire() {
    let input = serde_json::json!({
        "records": records(), "establishment": establishment(), "now": september()
    });
    let out: serde_json::Value =
        serde_json::from_str(&hospes::wire::call("gdpr.erase", &input.to_string())).unwrap();
    let plan = &out["ok"];
    assert_eq!(plan["client"]["last_name"], plan["pseudonym"]);
    assert_eq!(plan["steps"][1]["record"], "invoice");
    assert_eq!(plan["steps"][1]["action"], "keep");
    assert_eq!(plan["steps"][1]["basis"], "accounting");
    assert_eq!(plan["steps"][1]["keep_until"], "2036-03-01");
    assert_eq!(plan["steps"][1]["value"]["record"], "invoice");
    assert_eq!(
        plan["steps"][0]["value"]["stay"]["participants"],
        serde_json::json!([])
    );
    assert_eq!(plan["events"][0]["type"], "client_erased");
}

#[test]
fn an_erased_client_no_longer_matches_any_search_of_the_register() {
    use hospes::register::{Register, RegisterConfig, RegisterEntry, RegisterQuery};
    let entry = |client: &Client| RegisterEntry {
        client: client.clone(),
        stays: vec![hospes::register::StayDates::from(&stay())],
        invoices: vec![],
    };
    let searches = [
        RegisterQuery {
            text: Some("dupont".into()),
            ..RegisterQuery::default()
        },
        RegisterQuery {
            text: Some("Marie".into()),
            ..RegisterQuery::default()
        },
        RegisterQuery {
            text: Some("marie.dupont@example".into()),
            ..RegisterQuery::default()
        },
        RegisterQuery {
            phone: Some("06 12 34".into()),
            ..RegisterQuery::default()
        },
        RegisterQuery {
            plate: Some("AB123".into()),
            ..RegisterQuery::default()
        },
        RegisterQuery {
            city: Some("Lyon".into()),
            ..RegisterQuery::default()
        },
    ]
    .map(|q| RegisterQuery {
        present_only: false,
        ..q
    });
    let found = |register: &Register| {
        searches
            .iter()
            .map(|q| {
                register
                    .search(q, "2026-09-01".parse().unwrap())
                    .unwrap()
                    .total
            })
            .collect::<Vec<_>>()
    };
    let mut register = Register::new(RegisterConfig::default());
    register.upsert(entry(&marie())).unwrap();
    assert_eq!(found(&register), [1, 1, 1, 1, 1, 1]);
    let erased = gdpr::erase(&records(), &establishment(), september())
        .unwrap()
        .client;
    register.upsert(entry(&erased)).unwrap();
    assert_eq!(found(&register), [0, 0, 0, 0, 0, 0]);
}
