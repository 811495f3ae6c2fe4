//! Security tests of link tokens, each named after what it proves (issue: link tokens): the
//! keyring opens a token only under the key that made it, keeps old links working through a
//! rotation, and never shows a secret key.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::expect_used
)] // test code

mod common;

use common::link::{
    code, establishment, now, pasetors_b64_decode, pasetors_b64_encode, portal_request, ring,
};
use hospes::link::{self, Keyring, KeyringConfig, LinkPurpose, LinkState};

#[test]
fn a_token_under_another_key_or_a_swapped_key_id_is_rejected() {
    let (a, b) = (link::generate_key().unwrap(), link::generate_key().unwrap());
    let e = establishment("camping-des-pins");
    let token = ring(&a, &[])
        .issue(&e, &portal_request(0), now())
        .unwrap()
        .token;
    let state = LinkState::LinkVersion { link_version: 0 };
    assert_eq!(
        code(ring(&b, &[]).verify(&e, &token, LinkPurpose::Portal, &state, now())),
        "link.invalid"
    );
    // Claiming key b's id for a token made with key a: b is tried, the tag fails.
    let both = ring(&b, &[&a]);
    let parts: Vec<&str> = token.split('.').collect();
    let footer = String::from_utf8(pasetors_b64_decode(parts[3])).unwrap();
    let a_id = ring(&a, &[]).active_key_id().to_owned();
    let swapped = footer.replace(&a_id, both.active_key_id());
    let forged = format!(
        "{}.{}.{}.{}",
        parts[0],
        parts[1],
        parts[2],
        pasetors_b64_encode(swapped.as_bytes())
    );
    assert_eq!(
        code(both.verify(&e, &forged, LinkPurpose::Portal, &state, now())),
        "link.invalid"
    );
}

#[test]
fn rotation_keeps_old_links_working_until_the_old_key_is_removed() {
    let (old, new) = (link::generate_key().unwrap(), link::generate_key().unwrap());
    let e = establishment("camping-des-pins");
    let state = LinkState::LinkVersion { link_version: 0 };
    let token = ring(&old, &[])
        .issue(&e, &portal_request(0), now())
        .unwrap()
        .token;
    assert_eq!(
        code(ring(&new, &[&old]).verify(&e, &token, LinkPurpose::Portal, &state, now())),
        "ok"
    );
    assert_eq!(
        code(ring(&new, &[]).verify(&e, &token, LinkPurpose::Portal, &state, now())),
        "link.invalid"
    );
    let fresh = ring(&new, &[&old])
        .issue(&e, &portal_request(0), now())
        .unwrap()
        .token;
    assert_eq!(link::inspect(&fresh).unwrap().client_id, "C-1042");
    assert_eq!(
        code(ring(&new, &[]).verify(&e, &fresh, LinkPurpose::Portal, &state, now())),
        "ok"
    );
}

#[test]
fn a_secret_key_never_appears_in_debug_output() {
    let secret = link::generate_key().unwrap();
    let config = KeyringConfig {
        active_key: secret.clone(),
        verify_only_keys: vec![secret.clone()],
        clock_skew_seconds: 60,
    };
    let shown = format!("{config:?} {:?}", Keyring::new(&config).unwrap());
    assert!(!shown.contains(&secret["k4.local.".len()..]), "{shown}");
}
