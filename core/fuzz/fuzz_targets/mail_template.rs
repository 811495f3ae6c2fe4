//! Any text as a business's mail template (subject, HTML, plain text), checked and, when it
//! compiles, rendered for the example guest: a coded error or a mail, never a panic or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

const CONTEXT: &str = include_str!("../../tests/data/mail.json");

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(3, '\u{1e}');
    let (subject, html, plain) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""), parts.next());
    let template = serde_json::json!({"name": "fuzz", "versions": [
        {"locale": "fr", "subject": subject, "html": html, "text": plain}]});
    let Ok(template) = serde_json::from_value::<hospes::mail::MailTemplate>(template) else { return };
    let Ok(mail) = hospes::mail::CompiledMail::compile(&template) else { return };
    let data: serde_json::Value = serde_json::from_str(CONTEXT).expect("the example mail data");
    let context: hospes::mail::MailContext =
        serde_json::from_value(data["context"].clone()).expect("the example context");
    if let Err(err) = mail.render(&context) {
        assert_ne!(err.code(), "internal.error", "{err}");
    }
});
