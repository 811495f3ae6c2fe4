//! The client's permanent space link (« Mon espace client », issue 20 §4), each test named after
//! what it proves: a portal link without expiry, which dies only when the client's links are
//! revoked (her `link_version` bumped) or the key it was issued with is retired.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::expect_used
)] // test code

mod common;

use chrono::{DateTime, Duration, Utc};
use common::link::{code, establishment, now, portal_request, quote_request, quote_state, ring};
use hospes::link::{self, Keyring, LinkPurpose, LinkRequest, LinkState};

/// The permanent space link of client C-1042 at link version `version`.
fn permanent(version: u32) -> LinkRequest {
    LinkRequest {
        expires_at: None,
        permanent: true,
        ..portal_request(version)
    }
}

fn version(link_version: u32) -> LinkState {
    LinkState::LinkVersion { link_version }
}

/// `ok` or the error code of opening `token` as a portal link at `version`, at `at`.
fn open(keys: &Keyring, token: &str, version_now: u32, at: DateTime<Utc>) -> &'static str {
    let e = establishment("camping-des-pins");
    code(keys.verify(&e, token, LinkPurpose::Portal, &version(version_now), at))
}

#[test]
fn a_permanent_space_link_opens_the_space_years_later() {
    let keys = ring(&link::generate_key().unwrap(), &[]);
    let e = establishment("camping-des-pins");
    let issued = keys.issue(&e, &permanent(3), now()).unwrap();
    assert_eq!(issued.expires_at, None);
    assert!(
        issued
            .url
            .starts_with("https://portail.camping-des-pins.fr/?t=v4.local.")
    );
    for years in [0, 1, 2, 10, 50] {
        assert_eq!(
            open(&keys, &issued.token, 3, now() + Duration::days(365 * years)),
            "ok",
            "{years} years later"
        );
    }
    let claims = keys
        .verify(&e, &issued.token, LinkPurpose::Portal, &version(3), now())
        .unwrap();
    assert_eq!(
        (
            claims.client_id.as_str(),
            claims.expires_at,
            claims.issued_at
        ),
        ("C-1042", None, now())
    );
}

#[test]
fn a_permanent_space_link_dies_when_the_clients_links_are_revoked() {
    let keys = ring(&link::generate_key().unwrap(), &[]);
    let e = establishment("camping-des-pins");
    let token = keys.issue(&e, &permanent(3), now()).unwrap().token;
    let later = now() + Duration::days(3 * 365);
    assert_eq!(open(&keys, &token, 4, later), "link.invalid");
    assert_eq!(open(&keys, &token, 4, now()), "link.invalid");
    // The new link, made at the new version, opens; the old one stays dead.
    let fresh = keys.issue(&e, &permanent(4), later).unwrap().token;
    assert_eq!(open(&keys, &fresh, 4, later), "ok");
}

#[test]
fn a_permanent_space_link_survives_a_rotation_and_dies_when_its_key_is_retired() {
    let (old, new) = (link::generate_key().unwrap(), link::generate_key().unwrap());
    let e = establishment("camping-des-pins");
    let token = ring(&old, &[])
        .issue(&e, &permanent(0), now())
        .unwrap()
        .token;
    let years_later = now() + Duration::days(5 * 365);
    assert_eq!(open(&ring(&new, &[&old]), &token, 0, years_later), "ok");
    assert_eq!(
        open(&ring(&new, &[]), &token, 0, years_later),
        "link.invalid"
    );
}

#[test]
fn only_the_portal_purpose_may_be_permanent() {
    let keys = ring(&link::generate_key().unwrap(), &[]);
    let e = establishment("camping-des-pins");
    let quote = LinkRequest {
        expires_at: None,
        permanent: true,
        ..quote_request("sent")
    };
    let booking = LinkRequest {
        purpose: LinkPurpose::BookingEdit,
        subject: Some("S-2026-0042".into()),
        ..permanent(0)
    };
    for request in [quote, booking] {
        let err = keys.issue(&e, &request, now()).unwrap_err();
        assert_eq!(err.code(), "link.request_invalid", "{:?}", request.purpose);
    }
}

#[test]
fn a_permanent_link_has_no_expiry_and_a_link_without_expiry_must_say_it_is_permanent() {
    let keys = ring(&link::generate_key().unwrap(), &[]);
    let e = establishment("camping-des-pins");
    let with_expiry = LinkRequest {
        permanent: true,
        ..portal_request(0)
    };
    let silent = LinkRequest {
        permanent: false,
        ..permanent(0)
    };
    for request in [with_expiry, silent] {
        assert_eq!(
            keys.issue(&e, &request, now()).unwrap_err().code(),
            "link.request_invalid"
        );
    }
}

#[test]
fn a_permanent_link_never_opens_a_document_or_a_booking() {
    let keys = ring(&link::generate_key().unwrap(), &[]);
    let e = establishment("camping-des-pins");
    let token = keys.issue(&e, &permanent(0), now()).unwrap().token;
    for purpose in [
        LinkPurpose::Quote,
        LinkPurpose::Contract,
        LinkPurpose::Invoice,
    ] {
        assert_eq!(
            code(keys.verify(&e, &token, purpose, &quote_state("sent"), now())),
            "link.invalid",
            "{purpose:?}"
        );
    }
    assert_eq!(
        code(keys.verify(&e, &token, LinkPurpose::BookingEdit, &version(0), now())),
        "link.invalid"
    );
}

#[test]
fn every_other_link_keeps_its_400_day_limit() {
    let keys = ring(&link::generate_key().unwrap(), &[]);
    let e = establishment("camping-des-pins");
    let far = LinkRequest {
        expires_at: Some(now() + Duration::days(401)),
        ..quote_request("sent")
    };
    assert_eq!(
        keys.issue(&e, &far, now()).unwrap_err().code(),
        "link.request_invalid"
    );
    let token = keys.issue(&e, &portal_request(0), now()).unwrap().token;
    assert_eq!(
        open(&keys, &token, 0, now() + Duration::days(365)),
        "link.expired"
    );
}
