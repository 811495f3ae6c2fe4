//! Security tests of link tokens, each named after what it proves (issue: link tokens): a link
//! opens for its client, its purpose and the state it was issued for, until it expires, and dies
//! once that state changes.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::expect_used
)] // test code

mod common;

use chrono::{DateTime, Duration, Utc};
use common::link::{code, establishment, now, portal_request, quote_request, quote_state, ring};
use hospes::Money;
use hospes::link::{self, LinkPurpose, LinkRequest, LinkState};
use proptest::prelude::*;

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
fn a_link_works_until_one_second_before_its_expiry_and_not_at_it() {
    let keys = ring(&link::generate_key().unwrap(), &[]);
    let e = establishment("camping-des-pins");
    let request = portal_request(0);
    let token = keys.issue(&e, &request, now()).unwrap().token;
    let at =
        |t: DateTime<Utc>| code(keys.verify(&e, &token, LinkPurpose::Portal, &request.state, t));
    let expires_at = request.expires_at.unwrap();
    assert_eq!(at(expires_at - Duration::seconds(1)), "ok");
    assert_eq!(at(expires_at), "link.expired");
    assert_eq!(at(expires_at + Duration::days(400)), "link.expired");
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
        None,
        Some(now()),
        Some(now() - Duration::seconds(1)),
        Some(now() + Duration::days(401)),
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
        expires_at: Some(now() + Duration::hours(1)),
        permanent: false,
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
        expires_at: Some(now() + Duration::days(30)),
        permanent: false,
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
            expires_at: Some(now() + Duration::days(30)),
            permanent: false,
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
