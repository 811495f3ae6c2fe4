//! The fixtures of the link token tests: the campsite, a keyring, the requests of a portal and a
//! quote link, and plain base64url to forge tokens with.
#![allow(clippy::indexing_slicing)] // test code

use chrono::{DateTime, Duration, Utc};
use hospes::Establishment;
use hospes::link::{Keyring, KeyringConfig, LinkPurpose, LinkRequest, LinkState};

/// The campsite `id`, with its portal address.
pub fn establishment(id: &str) -> Establishment {
    serde_json::from_value(serde_json::json!({
        "id": id, "name": "Camping des Pins", "currency": "EUR", "time_zone": "Europe/Paris",
        "portal_base_url": "https://portail.camping-des-pins.fr/"
    }))
    .unwrap()
}

/// The instant every test issues and verifies at, unless it says otherwise.
pub fn now() -> DateTime<Utc> {
    "2026-06-01T10:00:00Z".parse().unwrap()
}

/// A keyring issuing with `active` and verifying with `old` too, 60 s of clock skew allowed.
pub fn ring(active: &str, old: &[&str]) -> Keyring {
    Keyring::new(&KeyringConfig {
        active_key: active.into(),
        verify_only_keys: old.iter().map(|k| (*k).into()).collect(),
        clock_skew_seconds: 60,
    })
    .unwrap()
}

/// A portal link for client C-1042 at link version `version`, valid 30 days.
pub fn portal_request(version: u32) -> LinkRequest {
    LinkRequest {
        purpose: LinkPurpose::Portal,
        client_id: "C-1042".into(),
        subject: None,
        state: LinkState::LinkVersion {
            link_version: version,
        },
        expires_at: Some(now() + Duration::days(30)),
        permanent: false,
    }
}

/// A link to quote Q-2026-0312 while its status is `status`, valid 14 days.
pub fn quote_request(status: &str) -> LinkRequest {
    LinkRequest {
        purpose: LinkPurpose::Quote,
        client_id: "C-1042".into(),
        subject: Some("Q-2026-0312".into()),
        state: quote_state(status),
        expires_at: Some(now() + Duration::days(14)),
        permanent: false,
    }
}

/// The state of quote Q-2026-0312: its document hash and `status`.
pub fn quote_state(status: &str) -> LinkState {
    LinkState::Document {
        sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08".into(),
        status: status.into(),
    }
}

/// `ok`, or the error code of a verification.
pub fn code(result: hospes::Result<hospes::LinkClaims>) -> &'static str {
    result.err().map_or("ok", |e| e.code())
}

/// The bytes of base64url `s`.
pub fn pasetors_b64_decode(s: &str) -> Vec<u8> {
    use base64_helpers::decode;
    decode(s)
}

/// `bytes` in base64url, unpadded.
pub fn pasetors_b64_encode(bytes: &[u8]) -> String {
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
