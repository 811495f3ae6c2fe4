//! Security tests of link tokens, each named after what it proves (issue: link tokens).
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::expect_used
)] // test code

mod common;

use chrono::{DateTime, Duration, Utc};
use hospes::link::{self, Keyring, KeyringConfig, LinkPurpose, LinkRequest, LinkState};
use hospes::{Establishment, Money};
use pasetors::Local;
use pasetors::keys::SymmetricKey;
use pasetors::token::UntrustedToken;
use pasetors::version4::{LocalToken, V4};
use proptest::prelude::*;
use serde_json::Value;

fn establishment(id: &str) -> Establishment {
    serde_json::from_value(serde_json::json!({
        "id": id, "name": "Camping des Pins", "currency": "EUR", "time_zone": "Europe/Paris",
        "portal_base_url": "https://portail.camping-des-pins.fr/"
    }))
    .unwrap()
}

fn now() -> DateTime<Utc> {
    "2026-06-01T10:00:00Z".parse().unwrap()
}

fn ring(active: &str, old: &[&str]) -> Keyring {
    Keyring::new(&KeyringConfig {
        active_key: active.into(),
        verify_only_keys: old.iter().map(|k| (*k).into()).collect(),
        clock_skew_seconds: 60,
    })
    .unwrap()
}

fn portal_request(version: u32) -> LinkRequest {
    LinkRequest {
        purpose: LinkPurpose::Portal,
        client_id: "C-1042".into(),
        subject: None,
        state: LinkState::LinkVersion {
            link_version: version,
        },
        expires_at: now() + Duration::days(30),
    }
}

fn quote_request(status: &str) -> LinkRequest {
    LinkRequest {
        purpose: LinkPurpose::Quote,
        client_id: "C-1042".into(),
        subject: Some("Q-2026-0312".into()),
        state: quote_state(status),
        expires_at: now() + Duration::days(14),
    }
}

fn quote_state(status: &str) -> LinkState {
    LinkState::Document {
        sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08".into(),
        status: status.into(),
    }
}

fn code(result: hospes::Result<hospes::LinkClaims>) -> &'static str {
    result.err().map_or("ok", |e| e.code())
}

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
fn a_portal_link_opens_for_its_client_and_purpose() {
    let keys = ring(&link::generate_key().unwrap(), &[]);
    let e = establishment("camping-des-pins");
    let issued = keys.issue(&e, &portal_request(3), now()).unwrap();
    let hint = link::inspect(&issued.token).unwrap();
    assert_eq!(
        (hint.client_id.as_str(), hint.purpose),
        ("C-1042", LinkPurpose::Portal)
    );
    let claims = keys
        .verify(
            &e,
            &issued.token,
            LinkPurpose::Portal,
            &LinkState::LinkVersion { link_version: 3 },
            now(),
        )
        .unwrap();
    assert_eq!(claims.client_id, "C-1042");
    assert_eq!(claims.token_id, issued.token_id);
    assert_eq!(claims.expires_at, issued.expires_at);
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
fn a_link_works_until_one_second_before_its_expiry_and_not_at_it() {
    let keys = ring(&link::generate_key().unwrap(), &[]);
    let e = establishment("camping-des-pins");
    let request = portal_request(0);
    let token = keys.issue(&e, &request, now()).unwrap().token;
    let at =
        |t: DateTime<Utc>| code(keys.verify(&e, &token, LinkPurpose::Portal, &request.state, t));
    assert_eq!(at(request.expires_at - Duration::seconds(1)), "ok");
    assert_eq!(at(request.expires_at), "link.expired");
    assert_eq!(at(request.expires_at + Duration::days(400)), "link.expired");
}

#[test]
fn a_link_issued_in_the_future_beyond_the_skew_is_rejected() {
    let keys = ring(&link::generate_key().unwrap(), &[]);
    let e = establishment("camping-des-pins");
    let request = portal_request(0);
    let token = keys.issue(&e, &request, now()).unwrap().token;
    let at =
        |t: DateTime<Utc>| code(keys.verify(&e, &token, LinkPurpose::Portal, &request.state, t));
    assert_eq!(at(now() - Duration::seconds(60)), "ok");
    assert_eq!(at(now() - Duration::seconds(61)), "link.invalid");
}

#[test]
fn a_link_cannot_be_issued_without_a_future_bounded_expiry() {
    let keys = ring(&link::generate_key().unwrap(), &[]);
    let e = establishment("camping-des-pins");
    for expires_at in [
        now(),
        now() - Duration::seconds(1),
        now() + Duration::days(401),
    ] {
        let request = LinkRequest {
            expires_at,
            ..portal_request(0)
        };
        assert_eq!(
            keys.issue(&e, &request, now()).unwrap_err().code(),
            "link.request_invalid"
        );
    }
}

#[test]
fn a_quote_link_dies_once_the_quote_is_signed() {
    let keys = ring(&link::generate_key().unwrap(), &[]);
    let e = establishment("camping-des-pins");
    let token = keys.issue(&e, &quote_request("sent"), now()).unwrap().token;
    assert_eq!(
        code(keys.verify(&e, &token, LinkPurpose::Quote, &quote_state("sent"), now())),
        "ok"
    );
    assert_eq!(
        code(keys.verify(
            &e,
            &token,
            LinkPurpose::Quote,
            &quote_state("signed"),
            now()
        )),
        "link.invalid"
    );
}

#[test]
fn a_reset_link_dies_once_the_password_changed() {
    let keys = ring(&link::generate_key().unwrap(), &[]);
    let e = establishment("camping-des-pins");
    let state = |hash: &str| LinkState::Password {
        password_hash: hash.into(),
    };
    let request = LinkRequest {
        purpose: LinkPurpose::PasswordReset,
        client_id: "C-1042".into(),
        subject: None,
        state: state("$argon2id$v=19$m=19456,t=2,p=1$old"),
        expires_at: now() + Duration::hours(1),
    };
    let token = keys.issue(&e, &request, now()).unwrap().token;
    assert_eq!(
        code(keys.verify(
            &e,
            &token,
            LinkPurpose::PasswordReset,
            &request.state,
            now()
        )),
        "ok"
    );
    assert_eq!(
        code(keys.verify(
            &e,
            &token,
            LinkPurpose::PasswordReset,
            &state("$argon2id$v=19$m=19456,t=2,p=1$new"),
            now()
        )),
        "link.invalid"
    );
}

#[test]
fn bumping_the_link_version_revokes_every_portal_link() {
    let keys = ring(&link::generate_key().unwrap(), &[]);
    let e = establishment("camping-des-pins");
    let token = keys.issue(&e, &portal_request(3), now()).unwrap().token;
    let bumped = LinkState::LinkVersion { link_version: 4 };
    assert_eq!(
        code(keys.verify(&e, &token, LinkPurpose::Portal, &bumped, now())),
        "link.invalid"
    );
}

/// The state of a balance payment link for invoice FA26070012 with `amount` due.
fn due(amount: &str) -> LinkState {
    LinkState::AmountDue {
        invoice_number: "FA26070012".into(),
        amount_due: Money::parse(amount, "EUR").unwrap(),
    }
}

/// A balance payment link issued while `amount` was due, and a check of it against the amount
/// due now: `ok` or the error code.
fn balance_link(amount: &str) -> impl Fn(&str) -> &'static str {
    let keys = ring(&link::generate_key().unwrap(), &[]);
    let e = establishment("camping-des-pins");
    let request = LinkRequest {
        purpose: LinkPurpose::BalancePayment,
        client_id: "C-1042".into(),
        subject: Some("FA26070012".into()),
        state: due(amount),
        expires_at: now() + Duration::days(30),
    };
    let token = keys.issue(&e, &request, now()).unwrap().token;
    move |now_due: &str| {
        code(keys.verify(
            &e,
            &token,
            LinkPurpose::BalancePayment,
            &due(now_due),
            now(),
        ))
    }
}

#[test]
fn a_payment_link_dies_once_the_amount_due_changes() {
    let verify = balance_link("449.50");
    assert_eq!(verify("449.50"), "ok");
    assert_eq!(verify("0.00"), "link.invalid");
}

#[test]
fn a_payment_link_issued_for_417_920_opens_for_the_balance_computed_as_417_92() {
    let verify = balance_link("417.920");
    assert_eq!(verify("417.92"), "ok");
    assert_eq!(verify("417.9200"), "ok");
    assert_eq!(verify("417.93"), "link.invalid");
    assert_eq!(verify("417.921"), "link.invalid");
}

#[test]
fn a_document_link_opens_with_its_hash_in_capitals_and_its_status_spelt_another_way() {
    let keys = ring(&link::generate_key().unwrap(), &[]);
    let e = establishment("camping-des-pins");
    let token = keys
        .issue(&e, &quote_request("partly_paid"), now())
        .unwrap()
        .token;
    let state = |sha256: &str, status: &str| LinkState::Document {
        sha256: sha256.into(),
        status: status.into(),
    };
    let upper = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";
    assert_eq!(
        code(keys.verify(
            &e,
            &token,
            LinkPurpose::Quote,
            &state(upper, " Partly paid "),
            now()
        )),
        "ok"
    );
    assert_eq!(
        code(keys.verify(&e, &token, LinkPurpose::Quote, &state(upper, "paid"), now())),
        "link.invalid"
    );
}

#[test]
fn a_document_state_whose_hash_is_not_a_sha256_is_refused_as_the_hosts_mistake() {
    let keys = ring(&link::generate_key().unwrap(), &[]);
    let e = establishment("camping-des-pins");
    let mut request = quote_request("sent");
    request.state = LinkState::Document {
        sha256: "9f86d081".into(),
        status: "sent".into(),
    };
    assert_eq!(
        keys.issue(&e, &request, now()).unwrap_err().code(),
        "link.request_invalid"
    );
    let token = keys.issue(&e, &quote_request("sent"), now()).unwrap().token;
    assert_eq!(
        code(keys.verify(&e, &token, LinkPurpose::Quote, &request.state, now())),
        "link.request_invalid"
    );
}

/// A link state and the purpose it serves, generated over every kind of state.
fn any_state() -> impl Strategy<Value = (LinkPurpose, LinkState)> {
    let currency = prop_oneof![Just("EUR"), Just("JPY"), Just("TND")];
    prop_oneof![
        any::<u32>().prop_map(|link_version| (
            LinkPurpose::Portal,
            LinkState::LinkVersion { link_version }
        )),
        (
            proptest::collection::vec(any::<u8>(), 32),
            prop_oneof![
                Just("sent"),
                Just("accepted"),
                Just("issued"),
                Just("partly_paid"),
                Just("paid"),
                Just("cancelled"),
                Just("signed"),
            ],
        )
            .prop_map(|(bytes, status)| (
                LinkPurpose::Invoice,
                LinkState::Document {
                    sha256: bytes.iter().map(|b| format!("{b:02x}")).collect(),
                    status: status.into(),
                }
            )),
        (-1_000_000_000i64..1_000_000_000, 0u32..4, currency).prop_map(
            |(units, scale, currency)| (
                LinkPurpose::BalancePayment,
                LinkState::AmountDue {
                    invoice_number: "FA26070012".into(),
                    amount_due: Money::new(
                        hospes::Decimal::new(units, scale),
                        currency.parse().unwrap()
                    ),
                }
            )
        ),
        "[a-z]{1,8}(\\.[a-z]{1,8})?".prop_map(|local| (
            LinkPurpose::AccountVerify,
            LinkState::Email {
                email: format!("{local}@example.fr"),
            }
        )),
        "[a-zA-Z0-9$=,.+/]{0,40}".prop_map(|hash| (
            LinkPurpose::PasswordReset,
            LinkState::Password {
                password_hash: format!("$argon2id$v=19${hash}"),
            }
        )),
    ]
}

/// The same state written another way: trailing zeros on an amount, a hash in capitals, a
/// status in words, an address with its domain in capitals and spaces around it.
fn written_another_way(state: &LinkState, zeros: u32) -> LinkState {
    match state.clone() {
        LinkState::AmountDue {
            invoice_number,
            mut amount_due,
        } => {
            let scale = (amount_due.amount.scale() + zeros).min(20);
            amount_due.amount.rescale(scale);
            LinkState::AmountDue {
                invoice_number,
                amount_due,
            }
        }
        LinkState::Document { sha256, status } => LinkState::Document {
            sha256: sha256.to_ascii_uppercase(),
            status: format!(" {} ", status.replace('_', " ").to_uppercase()),
        },
        LinkState::Email { email } => LinkState::Email {
            email: format!("  {}", email.replace("example.fr", "EXAMPLE.Fr")),
        },
        other => other,
    }
}

/// The state with one value changed: a link version, a hash digit, a status, one minor unit
/// (or a thousandth) of an amount, a letter of an address, a character of a password hash.
fn changed(state: &LinkState, step: u32) -> LinkState {
    match state.clone() {
        LinkState::LinkVersion { link_version } => LinkState::LinkVersion {
            link_version: link_version.wrapping_add(1 + step),
        },
        LinkState::Document { sha256, status } => {
            if step.is_multiple_of(2) {
                let flipped = if sha256.starts_with('0') { "1" } else { "0" };
                LinkState::Document {
                    sha256: format!("{flipped}{}", &sha256[1..]),
                    status,
                }
            } else {
                LinkState::Document {
                    sha256,
                    status: format!("{status}_again"),
                }
            }
        }
        LinkState::AmountDue {
            invoice_number,
            amount_due,
        } => {
            let delta = hospes::Decimal::new(if step.is_multiple_of(2) { 1 } else { -1 }, 3);
            LinkState::AmountDue {
                invoice_number,
                amount_due: Money::new(amount_due.amount + delta, amount_due.currency),
            }
        }
        LinkState::Email { email } => LinkState::Email {
            email: format!("x{email}"),
        },
        LinkState::Password { password_hash } => LinkState::Password {
            password_hash: format!("{password_hash}x"),
        },
    }
}

proptest! {
    #![proptest_config(common::proptest_config())]

    #[test]
    fn the_same_state_written_two_ways_opens_the_link_and_any_changed_value_does_not(
        (purpose, state) in any_state(),
        zeros in 0u32..6,
        step in 0u32..4,
    ) {
        let keys = ring("k4.local.cHFyc3R1dnd4eXp7fH1-f4CBgoOEhYaHiImKi4yNjo8", &[]);
        let e = establishment("camping-des-pins");
        let request = LinkRequest {
            purpose,
            client_id: "C-1042".into(),
            subject: purpose.needs_subject().then(|| "FA26070012".to_owned()),
            state: state.clone(),
            expires_at: now() + Duration::days(30),
        };
        let token = keys.issue(&e, &request, now()).unwrap().token;
        let other_way = written_another_way(&state, zeros);
        prop_assert_eq!(code(keys.verify(&e, &token, purpose, &other_way, now())), "ok");
        prop_assert_eq!(other_way.canonical().unwrap(), state.canonical().unwrap());
        // Issued from the other writing, it opens with the first.
        let again = keys
            .issue(&e, &LinkRequest { state: other_way, ..request }, now())
            .unwrap()
            .token;
        prop_assert_eq!(code(keys.verify(&e, &again, purpose, &state, now())), "ok");
        let changed = changed(&state, step);
        prop_assert_eq!(
            code(keys.verify(&e, &token, purpose, &changed, now())),
            "link.invalid",
            "{:?} opened a link issued for {:?}", changed, state
        );
    }
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

fn pasetors_b64_decode(s: &str) -> Vec<u8> {
    use base64_helpers::decode;
    decode(s)
}

fn pasetors_b64_encode(bytes: &[u8]) -> String {
    use base64_helpers::encode;
    encode(bytes)
}

/// Plain base64url without padding, for crafting forged tokens in tests.
mod base64_helpers {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    pub fn encode(bytes: &[u8]) -> String {
        let mut out = String::new();
        for chunk in bytes.chunks(3) {
            let n = chunk.iter().fold(0u32, |acc, b| (acc << 8) | u32::from(*b))
                << (8 * (3 - chunk.len()));
            for i in 0..=chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            }
        }
        out
    }

    pub fn decode(s: &str) -> Vec<u8> {
        let mut out = Vec::new();
        let (mut acc, mut bits) = (0u32, 0);
        for c in s.bytes() {
            acc = (acc << 6) | ALPHABET.iter().position(|a| *a == c).unwrap() as u32;
            bits += 6;
            if bits >= 8 {
                bits -= 8;
                out.push((acc >> bits) as u8);
            }
        }
        out
    }
}
