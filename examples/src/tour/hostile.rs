//! Hostile input: what a web form, a database row or an attacker hands a host, refused and
//! named, never a crash.

use crate::{read_json, section};

/// What a web form, a database row or an attacker hands a host, through the same entry point the
/// Python and Node packages use: each answered with a coded error naming what was wrong.
pub fn hostile() -> hospes::Result<()> {
    section("Hostile input: refused, named, never a crash");
    let deep = format!(
        r#"{{"last": null, "events": [{{"type": "stay_confirmed", "x": {}1{}}}]}}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let mail = read_json(include_str!("../../../core/tests/data/mail.json"))?;
    let mut evil_mail = mail.clone();
    if let Some(links) = evil_mail.pointer_mut("/context/links") {
        *links = serde_json::json!({"portal": "javascript:alert(document.cookie)"});
    }
    let evil_mail = serde_json::json!({
        "template": mail.get("template"),
        "context": evil_mail.get("context"),
    });
    let cases = [
        (
            "a list given for an amount",
            "money.add",
            r#"{"a": ["10.10", "EUR"], "b": {"amount": "1", "currency": "EUR"}}"#.to_owned(),
        ),
        (
            "a two-digit year",
            "invoice.next_number",
            r#"{"pattern": "FA{yy}{seq:04}", "date": "26-07-11", "last": null}"#.to_owned(),
        ),
        (
            "a NUL inside a name",
            "client.normalize",
            r#"{"client": {"id": "C-9", "last_name": "Mar\u0000tin", "created_at": "2026-01-01T00:00:00Z"}, "default_country": "FR", "now": "2026-06-01T09:00:00Z"}"#.to_owned(),
        ),
        ("ten thousand levels of nesting", "event.append_log", deep),
        ("a javascript: link in a mail", "mail.render", evil_mail.to_string()),
    ];
    for (what, op, input) in cases {
        let out = read_json(&hospes::wire::call(op, &input))?;
        let code = out
            .pointer("/error/code")
            .and_then(serde_json::Value::as_str)
            .unwrap_or("(accepted)");
        let message = out
            .pointer("/error/messages/en")
            .and_then(serde_json::Value::as_str)
            .unwrap_or("");
        let message: String = message.chars().take(90).collect();
        println!("  {what:<32} {code:<20} {message}");
    }
    Ok(())
}
