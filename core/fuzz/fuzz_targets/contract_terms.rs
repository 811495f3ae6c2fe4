//! Any text as a business's contract terms (title, a clause's heading and text), checked and,
//! when they check, merged into Marie's contract: a coded error or a contract, never a panic
//! nor an internal error.
#![no_main]

use libfuzzer_sys::fuzz_target;

const DATA: &str = include_str!("../../tests/data/invoicing.json");

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(3, '\u{1e}');
    let (title, heading, body) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let terms = hospes::contract::ContractTerms {
        version: "fuzz".into(),
        title: title.into(),
        clauses: vec![hospes::contract::Clause { heading: heading.into(), text: body.into() }],
    };
    if terms.check().is_err() {
        return;
    }
    let data: serde_json::Value = serde_json::from_str(DATA).expect("the example data");
    let get = |key: &str| data[key].clone();
    let request = hospes::contract::ContractRequest {
        number: "C-FUZZ".into(),
        establishment: serde_json::from_value(get("establishment")).expect("establishment"),
        client: serde_json::from_value(get("client")).expect("client"),
        stay: serde_json::from_value(get("stay")).expect("stay"),
        terms,
        schedule: serde_json::from_value(get("merge_schedule")).expect("schedule"),
        cancellation: Default::default(),
        locale: None,
    };
    if let Err(err) = hospes::contract::Contract::create(request, "2026-03-01T10:00:00Z".parse().expect("now")) {
        assert_ne!(err.code(), "internal.error", "{err}");
    }
});
