//! Durations and instants written for a guest outside a mail, in the very words the mails use.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)] // test code

use hospes::i18n::format;
use hospes::{Locale, TimeZone};
use serde_json::{Value, json};

fn call(op: &str, input: Value) -> Value {
    serde_json::from_str(&hospes::wire::call(op, &input.to_string())).unwrap()
}

#[test]
fn the_booking_page_writes_the_time_left_in_days_then_hours_then_minutes() {
    let cases = [
        (302_400, Locale::Fr, "3 jours"),
        (86_400, Locale::En, "1 day"),
        (7_200, Locale::En, "2 hours"),
        (3_599, Locale::Es, "59 minutos"),
        (-5, Locale::Fr, "0 minute"),
    ];
    for (seconds, locale, words) in cases {
        assert_eq!(format::duration(seconds, locale), words);
        let out = call(
            "i18n.format_duration",
            json!({"seconds": seconds, "locale": locale}),
        );
        assert_eq!(out["ok"], words, "{seconds} {locale:?}");
    }
}

#[test]
fn a_deadline_at_midnight_reads_as_the_last_minute_of_the_day_before() {
    let out = call(
        "i18n.format_deadline",
        json!({"instant": "2026-07-04T22:00:00Z", "time_zone": "Europe/Paris", "locale": "fr"}),
    );
    assert_eq!(out["ok"], "4 juillet 2026 à 23:59");
    let out = call(
        "i18n.format_deadline",
        json!({"instant": "2026-07-10T16:00:00Z", "time_zone": "Europe/Paris", "locale": "es"}),
    );
    assert_eq!(out["ok"], "10 de julio de 2026 a las 18:00");
}

#[test]
fn the_page_and_the_reminder_mail_write_the_deadline_and_the_time_left_alike() {
    let data: Value = serde_json::from_str(include_str!("data/mail.json")).unwrap();
    let template = json!({"name": "edit_reminder", "versions": [
        {"locale": "en", "subject": "Your booking", "html": "<p>Until [EDIT_DEADLINE]: [TIME_REMAINING] left</p>"}]});
    let mut context = data["context"].clone();
    context["client"]["preferred_locale"] = json!("en");
    context["edit"] = json!({"deadline": "2026-07-04T22:00:00Z", "remaining_seconds": 302_400});
    let mail = call(
        "mail.render",
        json!({"template": template, "context": context}),
    );
    let paris = TimeZone::new("Europe/Paris").unwrap().tz();
    let deadline = format::deadline("2026-07-04T22:00:00Z".parse().unwrap(), paris, Locale::En);
    let left = format::duration(302_400, Locale::En);
    let html = mail["ok"]["html"].as_str().unwrap();
    assert!(
        html.contains(&format!("Until {deadline}: {left} left")),
        "{mail}"
    );
}
