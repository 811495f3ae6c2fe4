//! Any operation name and any input through the wire boundary: an envelope, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (op, input) = text.split_once('\n').unwrap_or(("client.normalize", &text));
    for name in [op, "client.normalize", "stay.totals", "link.verify", "vat.breakdown"] {
        let out = hospes::wire::call(name, input);
        let envelope: serde_json::Value = serde_json::from_str(&out).expect("the envelope is JSON");
        assert!(envelope.get("ok").is_some() ^ envelope.get("error").is_some());
        if let Some(code) = envelope.pointer("/error/code") {
            assert_ne!(code, "internal.error", "{out}");
        }
    }
});
