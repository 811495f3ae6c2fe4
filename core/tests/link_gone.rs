//! Security tests of link tokens, each named after what it proves (frictions 5 and 6 of the
//! reference portal): a link whose client or document the host no longer has is refused like a
//! forged one, and an expired link says, once proven genuine, whose it was so that the page can
//! offer a new one.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::expect_used
)] // test code

mod common;

use std::time::Instant;

use chrono::Duration;
use common::link::{code, establishment, now, portal_request, quote_request, quote_state, ring};
use hospes::link::{self, LinkPurpose, LinkState};
use serde_json::{Value, json};

#[test]
fn a_genuine_link_whose_record_is_gone_is_refused_as_invalid_like_a_forged_one() {
    let keys = ring(&link::generate_key().unwrap(), &[]);
    let e = establishment("camping-des-pins");
    let quote = keys.issue(&e, &quote_request("sent"), now()).unwrap().token;
    let portal = keys.issue(&e, &portal_request(3), now()).unwrap().token;
    let verify = |token: &str, purpose| code(keys.verify(&e, token, purpose, None, now()));
    assert_eq!(verify(&quote, LinkPurpose::Quote), "link.invalid");
    assert_eq!(verify(&portal, LinkPurpose::Portal), "link.invalid");
    // A forged token, a garbled one, and one for another purpose: the very same answer.
    let forged = format!("{}x", &quote[..quote.len() - 1]);
    assert_eq!(verify(&forged, LinkPurpose::Quote), "link.invalid");
    assert_eq!(
        verify("v4.local.garbage", LinkPurpose::Quote),
        "link.invalid"
    );
    assert_eq!(verify(&quote, LinkPurpose::Portal), "link.invalid");
    // With its state, the same token still opens.
    let state = quote_state("sent");
    assert_eq!(
        code(keys.verify(&e, &quote, LinkPurpose::Quote, &state, now())),
        "ok"
    );
}

#[test]
fn an_expired_link_whose_record_is_gone_is_invalid_not_expired_as_nothing_proves_it_genuine() {
    let keys = ring(&link::generate_key().unwrap(), &[]);
    let e = establishment("camping-des-pins");
    let token = keys.issue(&e, &quote_request("sent"), now()).unwrap().token;
    let later = now() + Duration::days(30);
    assert_eq!(
        code(keys.verify(&e, &token, LinkPurpose::Quote, None, later)),
        "link.invalid"
    );
    let state = quote_state("sent");
    assert_eq!(
        code(keys.verify(&e, &token, LinkPurpose::Quote, &state, later)),
        "link.expired"
    );
}

#[test]
fn refusing_a_link_without_state_takes_the_time_of_refusing_a_forged_one() {
    let keys = ring(&link::generate_key().unwrap(), &[]);
    let e = establishment("camping-des-pins");
    let token = keys.issue(&e, &quote_request("sent"), now()).unwrap().token;
    let wrong = quote_state("accepted");
    // Best of many runs each, so that the machine's noise does not decide.
    let best = |run: &dyn Fn()| {
        (0..7)
            .map(|_| {
                let start = Instant::now();
                for _ in 0..200 {
                    run();
                }
                start.elapsed()
            })
            .min()
            .unwrap()
    };
    let without = best(&|| {
        assert!(
            keys.verify(&e, &token, LinkPurpose::Quote, None, now())
                .is_err()
        );
    });
    let forged = best(&|| {
        assert!(
            keys.verify(&e, &token, LinkPurpose::Quote, &wrong, now())
                .is_err()
        );
    });
    let ratio = without.as_secs_f64() / forged.as_secs_f64();
    // The tag is checked in both (the decryption is the work): neither is a shortcut.
    assert!((0.5..2.0).contains(&ratio), "{without:?} vs {forged:?}");
}

#[test]
fn an_expired_link_names_the_client_purpose_and_subject_it_was_issued_for() {
    let keys = ring(&link::generate_key().unwrap(), &[]);
    let e = establishment("camping-des-pins");
    let request = quote_request("sent");
    let token = keys.issue(&e, &request, now()).unwrap().token;
    let later = request.expires_at.unwrap();
    let err = keys
        .verify(&e, &token, LinkPurpose::Quote, &request.state, later)
        .unwrap_err();
    assert_eq!(err.code(), "link.expired");
    assert_eq!(
        Value::Object(err.fields()),
        json!({
            "expired_at": later.to_rfc3339(),
            "client_id": "C-1042",
            "purpose": "quote",
            "subject": "Q-2026-0312",
        })
    );
    // A portal link has no subject: `null`.
    let portal = portal_request(0);
    let token = keys.issue(&e, &portal, now()).unwrap().token;
    let err = keys
        .verify(
            &e,
            &token,
            LinkPurpose::Portal,
            &portal.state,
            portal.expires_at.unwrap(),
        )
        .unwrap_err();
    assert_eq!(err.fields()["subject"], Value::Null);
    assert_eq!(err.fields()["client_id"], "C-1042");
}

#[test]
fn an_expired_link_whose_state_changed_is_invalid_and_names_nobody() {
    let keys = ring(&link::generate_key().unwrap(), &[]);
    let e = establishment("camping-des-pins");
    let token = keys.issue(&e, &portal_request(0), now()).unwrap().token;
    let bumped = LinkState::LinkVersion { link_version: 1 };
    let err = keys
        .verify(
            &e,
            &token,
            LinkPurpose::Portal,
            &bumped,
            now() + Duration::days(60),
        )
        .unwrap_err();
    assert_eq!(err.code(), "link.invalid");
    assert!(err.fields().is_empty());
}

#[test]
fn the_wire_verifies_without_state_and_carries_the_expired_links_client_in_args() {
    let key = link::generate_key().unwrap();
    let keys = ring(&key, &[]);
    let e = establishment("camping-des-pins");
    let request = quote_request("sent");
    let token = keys.issue(&e, &request, now()).unwrap().token;
    let call = |state: Value, at: String| -> Value {
        let input = json!({
            "keyring": {"active_key": key}, "establishment": e, "token": token,
            "purpose": "quote", "state": state, "now": at,
        });
        serde_json::from_str(&hospes::wire::call("link.verify", &input.to_string())).unwrap()
    };
    let gone = call(Value::Null, now().to_rfc3339());
    assert_eq!(gone["error"]["code"], "link.invalid");
    assert_eq!(gone["error"]["args"], json!({}));
    let state = serde_json::to_value(&request.state).unwrap();
    let expired = call(state, (now() + Duration::days(20)).to_rfc3339());
    assert_eq!(expired["error"]["code"], "link.expired");
    assert_eq!(expired["error"]["args"]["client_id"], "C-1042");
    assert_eq!(expired["error"]["args"]["purpose"], "quote");
    assert_eq!(expired["error"]["args"]["subject"], "Q-2026-0312");
}
