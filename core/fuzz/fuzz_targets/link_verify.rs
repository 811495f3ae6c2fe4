//! Random input never verifies as a link token, and never panics.
#![no_main]

use std::sync::OnceLock;

use hospes::link::{self, Keyring, KeyringConfig, LinkPurpose, LinkState};
use libfuzzer_sys::fuzz_target;

struct Fixture {
    keyring: Keyring,
    establishment: hospes::Establishment,
    now: hospes::DateTime<hospes::Utc>,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| Fixture {
        // The published PASETO test key: a fuzzer could only succeed by forging a tag.
        keyring: Keyring::new(&KeyringConfig {
            active_key: "k4.local.cHFyc3R1dnd4eXp7fH1-f4CBgoOEhYaHiImKi4yNjo8".into(),
            verify_only_keys: vec![],
            clock_skew_seconds: 60,
        })
        .expect("the fixed key is valid"),
        establishment: serde_json::from_str(
            r#"{"id":"camping-des-pins","name":"Camping des Pins","currency":"EUR","time_zone":"Europe/Paris","portal_base_url":"https://portail.camping-des-pins.fr/"}"#,
        )
        .expect("the fixed establishment is valid"),
        now: "2026-06-01T10:00:00Z".parse().expect("a valid instant"),
    })
}

fuzz_target!(|data: &[u8]| {
    let f = fixture();
    let token = String::from_utf8_lossy(data);
    let _ = link::inspect(&token);
    for (purpose, state) in [
        (LinkPurpose::Portal, LinkState::LinkVersion { link_version: 0 }),
        (LinkPurpose::PasswordReset, LinkState::Password { password_hash: String::new() }),
    ] {
        let verified = f.keyring.verify(&f.establishment, &token, purpose, &state, f.now);
        assert!(verified.is_err(), "random input verified: {token:?}");
    }
});
