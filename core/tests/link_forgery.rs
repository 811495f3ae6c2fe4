//! Security tests of link tokens, each named after what it proves (issue: link tokens): a
//! token altered, forged, truncated or padded opens nothing, checked against PASETO's official
//! vectors.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::expect_used
)] // test code

mod common;

use common::link::{
    code, establishment, now, pasetors_b64_decode, pasetors_b64_encode, portal_request,
    quote_request, quote_state, ring,
};
use hospes::link::{self, LinkPurpose, LinkState};
use pasetors::Local;
use pasetors::keys::SymmetricKey;
use pasetors::token::UntrustedToken;
use pasetors::version4::{LocalToken, V4};
use serde_json::Value;

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

#[test]
fn all_official_paseto_v4_local_vectors() {
    let doc: Value = serde_json::from_str(include_str!("data/paseto-v4.json")).unwrap();
    let mut checked = 0;
    for t in doc["tests"].as_array().unwrap() {
        let token = t["token"].as_str().unwrap();
        let local = token.starts_with("v4.local.") || t.get("key").is_some_and(Value::is_string);
        if !local {
            continue;
        }
        let key_hex = t["key"]
            .as_str()
            .or_else(|| t["secret-key"].as_str())
            .unwrap();
        let key = SymmetricKey::<V4>::from(&hex(key_hex)[..32]).unwrap();
        let footer = t["footer"]
            .as_str()
            .filter(|f| !f.is_empty())
            .map(str::as_bytes);
        let assertion = t["implicit-assertion"]
            .as_str()
            .unwrap_or_default()
            .as_bytes();
        let outcome = UntrustedToken::<Local, V4>::try_from(token)
            .and_then(|u| LocalToken::decrypt(&key, &u, footer, Some(assertion)));
        if t["expect-fail"].as_bool().unwrap() {
            assert!(outcome.is_err(), "{} should fail", t["name"]);
        } else {
            let trusted = outcome.unwrap_or_else(|e| panic!("{}: {e:?}", t["name"]));
            assert_eq!(
                trusted.payload(),
                t["payload"].as_str().unwrap(),
                "{}",
                t["name"]
            );
        }
        checked += 1;
    }
    assert!(checked >= 11, "only {checked} official vectors checked");
}

#[test]
fn a_bit_flip_in_any_character_is_rejected() {
    let keys = ring(&link::generate_key().unwrap(), &[]);
    let e = establishment("camping-des-pins");
    let token = keys.issue(&e, &quote_request("sent"), now()).unwrap().token;
    let state = quote_state("sent");
    for i in "v4.local.".len()..token.len() {
        let mut bytes = token.clone().into_bytes();
        if bytes[i] == b'.' {
            continue;
        }
        bytes[i] = if bytes[i] == b'A' { b'B' } else { b'A' };
        let flipped = String::from_utf8(bytes).unwrap();
        assert_eq!(
            code(keys.verify(&e, &flipped, LinkPurpose::Quote, &state, now())),
            "link.invalid",
            "position {i}"
        );
    }
}

#[test]
fn v4_public_and_v3_headers_are_rejected() {
    let keys = ring(&link::generate_key().unwrap(), &[]);
    let e = establishment("camping-des-pins");
    let token = keys.issue(&e, &portal_request(0), now()).unwrap().token;
    let state = LinkState::LinkVersion { link_version: 0 };
    for header in [
        "v4.public.",
        "v3.local.",
        "v2.local.",
        "V4.local.",
        "v4.local",
    ] {
        let forged = token.replacen("v4.local.", header, 1);
        assert_eq!(
            code(keys.verify(&e, &forged, LinkPurpose::Portal, &state, now())),
            "link.invalid",
            "{header}"
        );
    }
}

#[test]
fn a_link_for_another_purpose_establishment_or_subject_is_rejected() {
    let keys = ring(&link::generate_key().unwrap(), &[]);
    let e = establishment("camping-des-pins");
    let token = keys.issue(&e, &quote_request("sent"), now()).unwrap().token;
    let state = quote_state("sent");
    assert_eq!(
        code(keys.verify(&e, &token, LinkPurpose::Contract, &state, now())),
        "link.invalid"
    );
    assert_eq!(
        code(keys.verify(
            &establishment("camping-des-dunes"),
            &token,
            LinkPurpose::Quote,
            &state,
            now()
        )),
        "link.invalid"
    );
    // The subject comes from the authenticated footer: rewriting it breaks the tag.
    let parts: Vec<&str> = token.split('.').collect();
    let footer = String::from_utf8(pasetors_b64_decode(parts[3]))
        .unwrap()
        .replace("Q-2026-0312", "Q-2026-0313");
    let forged = format!(
        "{}.{}.{}.{}",
        parts[0],
        parts[1],
        parts[2],
        pasetors_b64_encode(footer.as_bytes())
    );
    assert_eq!(
        link::inspect(&forged).unwrap().subject.as_deref(),
        Some("Q-2026-0313")
    );
    assert_eq!(
        code(keys.verify(&e, &forged, LinkPurpose::Quote, &state, now())),
        "link.invalid"
    );
}

#[test]
fn every_truncated_prefix_is_rejected() {
    let keys = ring(&link::generate_key().unwrap(), &[]);
    let e = establishment("camping-des-pins");
    let token = keys.issue(&e, &quote_request("sent"), now()).unwrap().token;
    for end in 0..token.len() {
        assert_eq!(
            code(keys.verify(
                &e,
                &token[..end],
                LinkPurpose::Quote,
                &quote_state("sent"),
                now()
            )),
            "link.invalid",
            "prefix {end}"
        );
    }
}

#[test]
fn non_canonical_base64url_is_rejected() {
    let keys = ring(&link::generate_key().unwrap(), &[]);
    let e = establishment("camping-des-pins");
    let token = keys.issue(&e, &portal_request(0), now()).unwrap().token;
    let state = LinkState::LinkVersion { link_version: 0 };
    let parts: Vec<&str> = token.split('.').collect();
    let body = parts[2];
    let mut variants = vec![
        format!("{token}="),
        format!("{}.{}.{}=.{}", parts[0], parts[1], body, parts[3]),
        format!("{}.{}.+{}.{}", parts[0], parts[1], &body[1..], parts[3]),
        format!("{}.{}./{}.{}", parts[0], parts[1], &body[1..], parts[3]),
        format!(" {token}"),
        format!("{token}\n"),
        format!("{}.{}.{} .{}", parts[0], parts[1], body, parts[3]),
    ];
    // Trailing bits: the last character of a part whose length leaves spare bits, changed so
    // that only those spare bits differ.
    for (i, part) in [(2, body), (3, parts[3])] {
        if part.len() % 4 != 0 {
            let alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            let last = alphabet.find(part.chars().last().unwrap()).unwrap();
            let twin = alphabet.as_bytes()[last | 1] as char;
            let mut changed = parts.iter().map(|p| (*p).to_owned()).collect::<Vec<_>>();
            changed[i] = format!("{}{}", &part[..part.len() - 1], twin);
            variants.push(changed.join("."));
        }
    }
    for variant in variants {
        assert_eq!(
            code(keys.verify(&e, &variant, LinkPurpose::Portal, &state, now())),
            "link.invalid",
            "{variant:?}"
        );
    }
}

#[test]
fn ten_megabytes_are_refused_before_any_decoding() {
    let keys = ring(&link::generate_key().unwrap(), &[]);
    let e = establishment("camping-des-pins");
    let huge = format!("v4.local.{}", "A".repeat(10 * 1024 * 1024));
    assert_eq!(
        code(keys.verify(
            &e,
            &huge,
            LinkPurpose::Portal,
            &LinkState::LinkVersion { link_version: 0 },
            now()
        )),
        "link.invalid"
    );
    assert_eq!(link::inspect(&huge).unwrap_err().code(), "link.invalid");
}

#[test]
fn zero_width_and_full_width_characters_are_rejected() {
    let keys = ring(&link::generate_key().unwrap(), &[]);
    let e = establishment("camping-des-pins");
    let token = keys.issue(&e, &portal_request(0), now()).unwrap().token;
    let state = LinkState::LinkVersion { link_version: 0 };
    for variant in [
        token.replacen("v4.local.", "v4.local.\u{200b}", 1),
        token.replacen("v4.local.", "ｖ4.local.", 1),
        format!("{token}\u{feff}"),
    ] {
        assert_eq!(
            code(keys.verify(&e, &variant, LinkPurpose::Portal, &state, now())),
            "link.invalid"
        );
    }
}
