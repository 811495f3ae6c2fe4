//! Marie edits her booking before the deadline.

use crate::{from_field, read_json, section};
use hospes::{Client, Establishment, Locale, Stay};

/// Marie may still change her booking: companions until D-7, her plate until D-2; a week
/// before, the reminder mail; one second too late, a request the campsite approves.
pub fn booking_fields() -> hospes::Result<()> {
    use hospes::editable::{self, BookingChange, EditPolicy};
    use hospes::mail::{CompiledMail, MailContext, MailLinks, MailTemplate};
    section("Marie edits her booking before the deadline");
    let data = read_json(include_str!("../../../core/tests/data/invoicing.json"))?;
    let camping: Establishment = from_field(&data, "establishment")?;
    let marie: Client = from_field(&data, "client")?;
    let stay: Stay = from_field(&data, "stay")?;
    let policy: EditPolicy = hospes::wire::from_json(
        r#"{"fields": [
          {"field": "participants", "days_before_arrival": 7},
          {"field": "arrival_time", "days_before_arrival": 1, "at": "18:00"},
          {"field": "plate", "days_before_arrival": 2, "kind": "licence_plate",
           "labels": [{"locale": "fr", "text": "Plaque d'immatriculation"}, {"locale": "en", "text": "Licence plate"}]}],
        "reminder": {"days_before_deadline": 3, "at": "09:00", "text": "Pensez à nous donner votre plaque !"}}"#,
    )?;
    let zone = camping.time_zone;
    // The campsite sends its reminders at 9:00, Paris time (07:00 UTC in July), three days
    // before the last day a field is open (4 July).
    let reminder_day = "2026-07-01T07:00:00Z".parse().unwrap_or_default();
    let an_hour_early = "2026-07-01T06:00:00Z".parse().unwrap_or_default();
    let early = editable::reminders_due(&policy, std::slice::from_ref(&stay), zone, an_hour_early)?;
    println!(
        "At 8:00 in Paris, {} reminder due; at 9:00, the hour the campsite chose:",
        early.len()
    );
    for reminder in
        editable::reminders_due(&policy, std::slice::from_ref(&stay), zone, reminder_day)?
    {
        let template: MailTemplate = hospes::wire::from_json(
            r#"{"name": "booking_edit_reminder", "versions": [{"locale": "fr",
              "subject": "Plus que [TEMPS_RESTANT] pour compléter votre réservation [REF_SEJOUR]",
              "html": "<p>Bonjour [PRENOM],</p><p>[TEXTE_RAPPEL]</p><p>Jusqu'au [DATE_LIMITE_MODIF] : {{ edit.fields | join(sep=\", \") }}.</p><p><a href=\"[LIEN_MODIF_RESA]\">Compléter ma réservation</a></p>"}]}"#,
        )?;
        let mail = CompiledMail::compile(&template)?.render(&MailContext {
            establishment: camping.clone(),
            client: marie.clone(),
            locale: None,
            stay: Some(stay.clone()),
            amounts: Default::default(),
            documents: Default::default(),
            links: MailLinks {
                booking_edit: Some(
                    "https://portail.camping-des-pins.fr/booking?t=v4.local.…".into(),
                ),
                ..MailLinks::default()
            },
            edit: Some(reminder.mail_edit(&policy, Locale::Fr)),
            tags: vec![],
        })?;
        let dir = std::path::Path::new("target/tour/mails");
        std::fs::create_dir_all(dir)
            .and_then(|()| {
                std::fs::write(dir.join("booking_edit_reminder.marie.fr.txt"), &mail.text)
            })
            .map_err(|e| hospes::Error::Internal {
                detail: e.to_string(),
            })?;
        println!("reminder {} due {}", reminder.key, reminder_day);
        println!("  Subject: {}", mail.subject);
        for line in mail.text.lines().filter(|l| !l.is_empty()) {
            println!("  {line}");
        }
    }
    let last_second = "2026-07-04T21:59:59Z".parse().unwrap_or_default();
    let window = editable::window(&policy, &stay, zone, last_second)?;
    for field in &window.fields {
        println!(
            "  at {last_second}: {:<13} {} ({} s left)",
            field.field,
            if field.open { "open" } else { "closed" },
            field.remaining_seconds
        );
    }
    let mut rename = BookingChange {
        participants: Some(stay.participants.clone()),
        ..BookingChange::default()
    };
    if let Some(lea) = rename.participants.as_mut().and_then(|p| p.first_mut()) {
        lea.last_name = "Martin".into();
    }
    let on_time = editable::apply(&policy, &stay, zone, rename.clone(), "REQ-1", last_second)?;
    for event in &on_time.events {
        println!("  {}", event.describe(Locale::Fr));
    }
    let too_late = "2026-07-04T22:00:01Z".parse().unwrap_or_default();
    let late = editable::apply(&policy, &stay, zone, rename, "REQ-2", too_late)?;
    for event in &late.events {
        println!("  one second later: {}", event.describe(Locale::Fr));
    }
    if let Some(request) = &late.request {
        let approved = editable::approve(request, &stay, too_late)?;
        for event in &approved.events {
            println!("  {}", event.describe(Locale::Fr));
        }
    }
    let notes = BookingChange {
        notes: Some("Nous arriverons avec un vélo.".into()),
        ..BookingChange::default()
    };
    if let Err(err) = editable::apply(&policy, &stay, zone, notes, "REQ-3", last_second) {
        println!("  changing the notes: {}", err.message(Locale::Fr));
    }
    Ok(())
}
