//! The tour: a campsite on the Landes coast uses hospes as its PMS would.
//!
//! `make demo` runs it. It prints what the PMS sees at each step: the establishment set up,
//! two clients typed at the reception desk, a family stay in July with its VAT table, a guest
//! correcting their details from the portal (and the event the PMS receives), the errors a
//! guest meets when they type something wrong — in the guest's own language —, secret links, a
//! portal account, the client space, next summer priced from the catalogue, a quote changed
//! and signed from the portal, the mails it sends (written to `target/tour/mails/`), a guest
//! editing her booking before the deadline, a grooming salon's appointments, and the documents
//! as PDF (written to `target/tour/pdf/`).

use hospes::link::{self, Keyring, KeyringConfig, LinkPurpose, LinkRequest, LinkState};
use hospes::{Client, ClientField, Establishment, Event, GuestDetails, Locale, Stay, UpdatePolicy};

fn main() {
    if let Err(err) = run() {
        eprintln!("tour failed: {} ({})", err.message(Locale::En), err.code());
        std::process::exit(1);
    }
}

fn section(title: &str) {
    println!("\n== {title} ==");
}

fn run() -> hospes::Result<()> {
    let now = "2026-06-01T09:00:00Z".parse().unwrap_or_default();

    section("The establishment");
    let camping: Establishment = hospes::wire::from_json::<Establishment>(
        r#"{
        "id": "camping-des-pins", "name": "Camping des Pins ★★★★",
        "website": "https://camping-des-pins.fr",
        "opening_periods": [{"first_day": "2026-04-04", "last_day": "2026-09-27"}],
        "address": {"lines": ["12 chemin des Pins"], "postcode": "40200", "city": "Mimizan", "country": "FR"},
        "phone": "05 58 09 12 34", "email": "accueil@camping-des-pins.fr",
        "legal": {"siret": "732 829 320 00074", "vat_number": "FR40123456824"},
        "default_locale": "fr", "currency": "EUR", "time_zone": "Europe/Paris",
        "portal_base_url": "https://portail.camping-des-pins.fr"
    }"#,
    )?
    .normalized()?;
    println!("{} — {}", camping.name, camping.address.one_line());
    println!(
        "phone {}, SIRET {}, open {} → {}",
        camping.phone.as_deref().unwrap_or("-"),
        camping.legal.siret.as_deref().unwrap_or("-"),
        camping
            .opening_periods
            .first()
            .map(|p| p.first_day.to_string())
            .unwrap_or_default(),
        camping
            .opening_periods
            .first()
            .map(|p| p.last_day.to_string())
            .unwrap_or_default(),
    );
    let country = camping.country();

    section("Two clients typed at the reception desk");
    let marie: Client = hospes::wire::from_json::<Client>(
        r#"{
        "id": "C-1042", "civility": "mrs", "last_name": "dupont ", "first_name": "Marie",
        "address": {"lines": ["3 rue des Lilas"], "postcode": "69003", "city": "Lyon", "country": "FR"},
        "mobile": "06 12 34 56 78", "email": "Marie.Dupont@Example.FR", "kind": "stayer",
        "notes": "Préfère un emplacement ombragé.", "licence_plates": ["ab-123-cd"],
        "created_at": "2024-05-02T14:10:00Z",
        "companions": [
            {"first_name": "Paul", "last_name": "Dupont", "birth_date": "1983-11-20"},
            {"first_name": "Léa", "last_name": "Dupont", "birth_date": "2016-05-02"},
            {"first_name": "Hugo", "last_name": "Dupont", "birth_date": "2019-08-14"}
        ],
        "pets": [{"name": "Filou", "species": "chien", "breed": "Beagle"}]
    }"#,
    )?
    .normalized(country, now)?;
    let lukasz: Client = hospes::wire::from_json::<Client>(
        r#"{
        "id": "C-1043", "civility": "mr", "last_name": "Żółć", "first_name": "Łukasz",
        "address": {"lines": ["ul. Długa 5"], "postcode": "00-238", "city": "Warszawa", "country": "PL"},
        "mobile": "+48 512 345 678", "preferred_locale": "en", "kind": "prospect",
        "created_at": "2026-03-10T08:00:00Z",
        "companions": [{"first_name": "Agnieszka", "last_name": "Żółć", "birth_date": "1990-02-14"}],
        "pets": [{"name": "Burek", "species": "chien", "breed": "Owczarek podhalański"}]
    }"#,
    )?
    .normalized(country, now)?;
    for client in [&marie, &lukasz] {
        println!(
            "{:<8} {:<14} {:<13} {:<24} {} companion(s), {} pet(s), plates [{}]",
            client.id,
            client.display_name(),
            client.mobile.as_deref().unwrap_or("-"),
            client.email.as_deref().unwrap_or("-"),
            client.companions.len(),
            client.pets.len(),
            client.licence_plates.join(", "),
        );
    }
    let missing: Vec<&str> = lukasz
        .missing_details()
        .into_iter()
        .map(ClientField::name)
        .collect();
    println!(
        "the portal asks {} to complete: {}",
        lukasz.display_name(),
        missing.join(", ")
    );

    section("A family stay in July (Réf 312)");
    let stay: Stay = hospes::wire::from_json::<Stay>(
        r#"{
        "reference": "312", "client_id": "C-1042", "accommodation": "Emplacement grand confort",
        "arrival": "2026-07-11", "departure": "2026-07-25", "status": "confirmed", "currency": "EUR",
        "participants": [
            {"first_name": "Paul", "last_name": "Dupont", "birth_date": "1983-11-20"},
            {"first_name": "Léa", "last_name": "Dupont", "birth_date": "2016-05-02"},
            {"first_name": "Hugo", "last_name": "Dupont", "birth_date": "2019-08-14"}
        ],
        "lines": [
            {"label": "Emplacement grand confort", "quantity": "14", "unit_price": {"amount": "38.50", "currency": "EUR"}, "vat_rate": "10"},
            {"label": "Électricité 10 A", "kind": "supplement", "quantity": "14", "unit_price": {"amount": "4.90", "currency": "EUR"}, "vat_rate": "20"},
            {"label": "Chien", "kind": "supplement", "quantity": "14", "unit_price": {"amount": "3.00", "currency": "EUR"}, "vat_rate": "10"},
            {"label": "Taxe de séjour (2 adultes)", "kind": "tourist_tax", "quantity": "28", "unit_price": {"amount": "0.66", "currency": "EUR"}, "vat_rate": "0"}
        ],
        "documents": [{"kind": "contract", "number": "28"}, {"kind": "invoice", "number": "FA26070012"}]
    }"#,
    )?
    .normalized(now.date_naive())?;
    println!(
        "{} → {}: {} nights, {} people, {}",
        stay.arrival,
        stay.departure,
        stay.nights(),
        stay.headcount(),
        stay.accommodation
    );
    let totals = stay.totals()?;
    for line in &totals.lines {
        println!(
            "  {:<30} {:>10} {:>5} %",
            line.label,
            line.amount.to_string(),
            line.vat_rate.to_string()
        );
    }
    for rate in &totals.vat.lines {
        println!(
            "  VAT {:>4} %  base {:>12}  VAT {:>11}  total {:>12}",
            rate.vat_rate.to_string(),
            rate.excl_vat.to_string(),
            rate.vat.to_string(),
            rate.incl_vat.to_string()
        );
    }
    println!(
        "  total excl. VAT {}, VAT {}, total incl. VAT {}",
        totals.vat.total_excl_vat, totals.vat.total_vat, totals.vat.total_incl_vat
    );

    section("Marie corrects her details from the portal");
    let mut form = GuestDetails::from_client(&marie);
    form.last_name = Some("Dupont".into());
    form.address.lines = vec!["18 avenue Jean Jaurès".into()];
    form.address.postcode = Some("69007".into());
    form.preferred_locale = Some(Locale::Fr);
    let policy = UpdatePolicy {
        locked: vec![ClientField::Email],
    };
    let outcome = marie.apply_guest_update(form.clone(), &policy, country, now)?;
    for event in &outcome.events {
        let Event::ClientInfoUpdated {
            changes,
            occurred_at,
            client_id,
        } = event
        else {
            continue;
        };
        println!("event {} for {client_id} at {occurred_at}:", event.kind());
        for change in changes {
            println!(
                "  {:<16} {:?} → {:?}",
                change.field.name(),
                change.before.as_deref().unwrap_or(""),
                change.after.as_deref().unwrap_or("")
            );
        }
    }
    println!(
        "as JSON for the PMS: {}",
        hospes::wire::to_json(&outcome.events)?
    );

    section("What a guest reads when they type something wrong");
    let mut wrong = form.clone();
    wrong.email = Some("marie.dupont@autre.fr".into());
    if let Err(err) = marie.apply_guest_update(wrong, &policy, country, now) {
        for locale in Locale::ALL {
            println!("  [{locale}] {}", err.message(locale));
        }
        println!("  code for the PMS: {}", err.code());
    }
    let mut typo = form;
    typo.mobile = Some("06 12".into());
    if let Err(err) = marie.apply_guest_update(typo, &UpdatePolicy::default(), country, now) {
        println!(
            "  [{}] {}  ({})",
            Locale::Fr,
            err.message(Locale::Fr),
            err.code()
        );
    }
    links(&camping, &marie, now)?;
    accounts(&marie, now)?;
    pricing()?;
    booking_fields()?;
    appointments()?;
    documents()?;
    hostile()
}

/// What a web form, a database row or an attacker hands a host, through the same entry point the
/// Python and Node packages use: each answered with a coded error naming what was wrong.
fn hostile() -> hospes::Result<()> {
    section("Hostile input: refused, named, never a crash");
    let deep = format!(
        r#"{{"last": null, "events": [{{"type": "stay_confirmed", "x": {}1{}}}]}}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let mail = read_json(include_str!("../../core/tests/data/mail.json"))?;
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

/// The documents as PDF, written to `target/tour/pdf/`: Łukasz Żółć's 20-line invoice in
/// French, English and Spanish, its credit note, a quote, the signed contract with its evidence
/// page, and a sheet of address labels.
fn documents() -> hospes::Result<()> {
    use hospes::pdf::{LabelRequest, LabelSheet, Printer};
    section("Documents as PDF (target/tour/pdf/)");
    let data = read_json(include_str!("../../core/tests/data/documents.json"))?;
    let mut invoice: hospes::invoice::Invoice = from_field(&data, "invoice")?;
    let printer = Printer::standard();
    let dir = std::path::Path::new("target/tour/pdf");
    let write = |name: &str, pdf: &[u8]| -> hospes::Result<()> {
        std::fs::create_dir_all(dir)
            .and_then(|()| std::fs::write(dir.join(name), pdf))
            .map_err(|e| hospes::Error::Internal {
                detail: e.to_string(),
            })?;
        println!("  {name:<28} {:>6} bytes", pdf.len());
        Ok(())
    };
    for locale in Locale::ALL {
        invoice.locale = locale;
        write(
            &format!("invoice.{locale}.pdf"),
            &printer.invoice(&invoice)?,
        )?;
    }
    let credit: hospes::invoice::Invoice = from_field(&data, "credit_note")?;
    write("credit_note.fr.pdf", &printer.invoice(&credit)?)?;
    let quote: hospes::quote::Quote = from_field(&data, "quote")?;
    let establishment: Establishment = from_field(&data, "establishment")?;
    let client: Client = from_field(&data, "client")?;
    write(
        "quote.en.pdf",
        &printer.quote(&quote, &establishment, &client, Some(Locale::En))?,
    )?;
    let contract: hospes::contract::Contract = from_field(&data, "signed_contract")?;
    write("contract.signed.fr.pdf", &printer.contract(&contract)?)?;
    let request = LabelRequest {
        clients: from_field(&data, "label_clients")?,
        sheet: LabelSheet::A4_3x8,
        sender_country: hospes::Country::FRANCE,
        locale: Locale::Fr,
        skip: 0,
    };
    write("labels.a4_3x8.pdf", &printer.labels(&request)?)?;
    Ok(())
}

fn read_json(text: &str) -> hospes::Result<serde_json::Value> {
    serde_json::from_str(text).map_err(|e| hospes::Error::Internal {
        detail: e.to_string(),
    })
}

fn from_field<T: serde::de::DeserializeOwned>(
    data: &serde_json::Value,
    key: &str,
) -> hospes::Result<T> {
    hospes::wire::from_json(&data.get(key).cloned().unwrap_or_default().to_string())
}

/// Marie may still change her booking: companions until D-7, her plate until D-2; a week
/// before, the reminder mail; one second too late, a request the campsite approves.
fn booking_fields() -> hospes::Result<()> {
    use hospes::editable::{self, BookingChange, EditPolicy};
    use hospes::mail::{CompiledMail, MailContext, MailLinks, MailTemplate};
    section("Marie edits her booking before the deadline");
    let data = read_json(include_str!("../../core/tests/data/invoicing.json"))?;
    let camping: Establishment = from_field(&data, "establishment")?;
    let marie: Client = from_field(&data, "client")?;
    let stay: Stay = from_field(&data, "stay")?;
    let policy: EditPolicy = hospes::wire::from_json(
        r#"{"fields": [
          {"field": "participants", "days_before_arrival": 7},
          {"field": "arrival_time", "days_before_arrival": 1, "at": "18:00"},
          {"field": "plate", "days_before_arrival": 2, "kind": "licence_plate",
           "labels": [{"locale": "fr", "text": "Plaque d'immatriculation"}, {"locale": "en", "text": "Licence plate"}]}],
        "reminder": {"days_before_deadline": 3, "text": "Pensez à nous donner votre plaque !"}}"#,
    )?;
    let zone = camping.time_zone;
    let reminder_day = "2026-07-02T07:00:00Z".parse().unwrap_or_default();
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

/// A grooming salon: Marie asks for Filou's appointment, the salon confirms it.
fn appointments() -> hospes::Result<()> {
    use hospes::appointment::{self, AppointmentRequest, AppointmentSchedule};
    use hospes::portal::{Portal, PortalAccess};
    section("Toilettage du Parc: appointments");
    let data = read_json(include_str!("../../core/tests/data/appointments.json"))?;
    let salon: Establishment = from_field(&data, "establishment")?;
    let marie: Client = from_field(&data, "client")?;
    let schedule: AppointmentSchedule = from_field(&data, "schedule")?;
    let access: PortalAccess =
        hospes::wire::from_json(r#"{"client_id": "C-1042", "purpose": null, "subject": null}"#)?;
    let portal = Portal::open(&access, marie)?;
    let now = "2026-05-28T08:00:00Z".parse().unwrap_or_default();
    let ask = |pet: &str, start: &str| -> hospes::Result<AppointmentRequest> {
        Ok(AppointmentRequest {
            pet: pet.into(),
            start: appointment::parse_local(start)?,
            end: None,
            comment: Some("Coupe courte, merci.".into()),
        })
    };
    for (pet, start) in [
        ("Rex", "2026-06-05T09:30"),
        ("Filou", "2026-06-08T10:00"),
        ("Filou", "2026-06-05T11:00"),
    ] {
        if let Err(err) = appointment::request(
            &portal,
            &schedule,
            salon.time_zone,
            "RDV-0",
            ask(pet, start)?,
            now,
        ) {
            println!("  {pet} on {start}: {}", err.message(Locale::Fr));
        }
    }
    let requested = appointment::request(
        &portal,
        &schedule,
        salon.time_zone,
        "RDV-502",
        ask("Filou", "2026-06-05T09:30")?,
        now,
    )?;
    let confirmed = appointment::confirm(&requested.appointment, salon.time_zone, now)?;
    for event in requested.events.iter().chain(&confirmed.events) {
        println!("  {}", event.describe(Locale::Fr));
    }
    let slots = appointment::free_slots(
        &schedule,
        salon.time_zone,
        "2026-06-05".parse().unwrap_or_default(),
        None,
        &[confirmed.appointment],
        now,
    )?;
    println!(
        "  still free on 5 June: {}",
        slots
            .iter()
            .map(|s| s.format("%H:%M").to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    Ok(())
}

/// The price list of the campsite, and the booking widget asking it for prices.
fn pricing() -> hospes::Result<()> {
    use hospes::pricing::{self, Catalogue, PriceRequest};
    section("Prices for next summer, from the campsite's catalogue");
    let catalogue: Catalogue =
        hospes::wire::from_json(include_str!("../../core/tests/data/catalogue.json"))?;
    pricing::check_catalogue(&catalogue)?;
    println!(
        "{} units, {} seasons, {} rates, {} options, {} promo codes",
        catalogue.units.len(),
        catalogue.seasons.len(),
        catalogue.rates.len(),
        catalogue.supplements.len(),
        catalogue.promo_codes.len()
    );
    let booked_on = "2026-02-15T10:00:00Z".parse().unwrap_or_default();
    let request: PriceRequest = hospes::wire::from_json(
        r#"{"unit": "E12", "arrival": "2026-06-22", "departure": "2026-07-06",
            "guests": [{}, {}, {"birth_date": "2016-05-02"}, {"birth_date": "2024-08-15"}],
            "supplements": [{"id": "dog"}], "promo_code": "printemps"}"#,
    )?;
    let priced = pricing::price(&catalogue, &request, booked_on)?;
    println!(
        "Marie's family, {} nights on pitch {} (two adults, Léa 10, Hugo 1, a dog), code PRINTEMPS:",
        priced.nights, priced.unit
    );
    for (line, total) in priced.lines.iter().zip(&priced.totals.lines) {
        println!(
            "  {:<88} {:>4} × {:>7} {:>11}",
            line.label,
            line.quantity.to_string(),
            line.unit_price.amount.to_string(),
            total.amount.to_string()
        );
    }
    println!("  total {}", priced.totals.vat.total_incl_vat);
    for installment in &priced.schedule {
        println!(
            "  {:?} {} due on {}",
            installment.kind, installment.amount, installment.due_on
        );
    }
    let refused: [(&str, &str); 3] = [
        (
            r#"{"unit": "MH3", "arrival": "2026-07-12", "departure": "2026-07-19", "guests": [{}]}"#,
            "2026-02-15T10:00:00Z",
        ),
        (
            r#"{"unit": "MH3", "arrival": "2026-06-10", "departure": "2026-06-13", "guests": [{}], "supplements": [{"id": "linen"}]}"#,
            "2026-06-09T08:00:00Z",
        ),
        (
            r#"{"unit": "E12", "arrival": "2026-07-11", "departure": "2026-07-18", "guests": [{}], "promo_code": "ETE10"}"#,
            "2026-02-15T10:00:00Z",
        ),
    ];
    println!("What the booking widget answers when it cannot:");
    for (json, at) in refused {
        let request: PriceRequest = hospes::wire::from_json(json)?;
        if let Err(err) = pricing::price(&catalogue, &request, at.parse().unwrap_or_default()) {
            println!("  {:<34} {}", err.code(), err.message(Locale::Fr));
        }
    }
    quote(&catalogue)
}

/// A quote sent in March: Marie adds her daughter, types a promo code, and signs.
fn quote(catalogue: &hospes::pricing::Catalogue) -> hospes::Result<()> {
    use hospes::portal::{Portal, PortalAccess};
    use hospes::pricing::PricedGuest;
    use hospes::quote::Quote;
    use hospes::signature::SignatureRequest;
    section("A quote for next summer, signed from the portal");
    let sent = "2026-03-01T10:00:00Z".parse().unwrap_or_default();
    let quote = Quote::create(
        "D26-0312",
        "C-1042",
        "318",
        catalogue,
        hospes::wire::from_json(
            r#"{"unit": "E12", "arrival": "2026-07-11", "departure": "2026-07-25", "guests": [{}, {}], "supplements": [{"id": "dog"}]}"#,
        )?,
        sent,
        "2026-03-31T21:59:59Z".parse().unwrap_or_default(),
    )?;
    println!(
        "quote {} sent, {} — valid until {}",
        quote.number, quote.priced.totals.vat.total_incl_vat, quote.valid_until
    );
    let marie: hospes::Client = hospes::wire::from_json(
        r#"{"id": "C-1042", "last_name": "Dupont", "first_name": "Marie", "email": "marie.dupont@example.fr", "created_at": "2024-05-02T14:10:00Z"}"#,
    )?;
    let from_link = PortalAccess {
        client_id: "C-1042".into(),
        purpose: Some(hospes::LinkPurpose::Quote),
        subject: Some("D26-0312".into()),
    };
    let portal = Portal::open(&from_link, marie)?;
    let evening = "2026-03-02T18:30:00Z".parse().unwrap_or_default();
    let guests = vec![
        PricedGuest::default(),
        PricedGuest::default(),
        PricedGuest {
            birth_date: "2016-05-02".parse().ok(),
        },
    ];
    let with_lea = portal.change_quote_guests(&quote, catalogue, guests, evening)?;
    println!(
        "she adds Léa (10): {}",
        with_lea.quote.priced.totals.vat.total_incl_vat
    );
    let with_code = portal.apply_quote_promo(
        &with_lea.quote,
        catalogue,
        Some("printemps".into()),
        evening,
    )?;
    println!(
        "she types PRINTEMPS: {} (the total shown as soon as the code is typed)",
        with_code.quote.priced.totals.vat.total_incl_vat
    );
    let view = portal.quote(&with_code.quote, evening)?;
    // The stay names everyone the quote prices (Marie, Paul and Léa): a quote for three is not
    // confirmed on a stay that names fewer (`quote.participants_missing`).
    let stay: hospes::Stay = hospes::wire::from_json(
        r#"{"reference": "318", "client_id": "C-1042", "accommodation": "Emplacement confort",
            "arrival": "2026-07-11", "departure": "2026-07-25", "status": "option", "currency": "EUR",
            "participants": [{"first_name": "Paul", "last_name": "Dupont"},
                             {"first_name": "Léa", "last_name": "Dupont", "birth_date": "2016-05-02"}]}"#,
    )?;
    let signature = SignatureRequest {
        document_sha256: view.document_sha256.clone(),
        signer_name: "Marie Dupont".into(),
        signer_email: Some("marie.dupont@example.fr".into()),
        consent_text: "J’accepte le devis et les conditions générales de vente.".into(),
        ip: Some("203.0.113.7".into()),
        user_agent: Some("Mozilla/5.0 (iPhone)".into()),
        image: None,
    };
    let stale = SignatureRequest {
        document_sha256: quote.document_sha256()?,
        ..signature.clone()
    };
    if let Err(err) = portal.accept_quote(&with_code.quote, &stay, stale, evening) {
        println!("signing the quote as first sent: {}", err.code());
    }
    let accepted = portal.accept_quote(&view.quote, &stay, signature, evening)?;
    println!(
        "she signs: stay {} is {:?}, document sha256 {}…",
        accepted.stay.reference,
        accepted.stay.status,
        view.document_sha256.get(..16).unwrap_or_default()
    );
    for event in &accepted.events {
        println!("  event {} at {}", event.kind(), event.occurred_at());
    }
    let pattern = "FA{yy}{mm}{seq:04}";
    let february_last = "FA26020041";
    let deposit_number =
        hospes::invoice::next_number(pattern, evening.date_naive(), Some(february_last))?;
    println!(
        "her deposit invoice is the first of March in series {pattern}: {deposit_number} (February ended at {february_last})"
    );
    billing(&accepted.quote, &accepted.stay, february_last)
}

/// Invoices, payments, the contract signed by drawing, the event log, and a cancellation.
fn billing(
    quote: &hospes::quote::Quote,
    stay: &hospes::Stay,
    february_last: &str,
) -> hospes::Result<()> {
    use hospes::cancellation::{self, CancellationConfirmation};
    use hospes::contract::{Contract, ContractRequest};
    use hospes::event;
    use hospes::invoice::{self, InvoiceKind, InvoiceRequest, InvoiceSeries};
    use hospes::payment::{self, ProviderResult, ProviderStatus};
    use hospes::signature::{SignatureImage, SignatureRequest};
    section("Her invoices, her payments, her contract");
    let data: serde_json::Value = serde_json::from_str(include_str!(
        "../../core/tests/data/invoicing.json"
    ))
    .map_err(|e| hospes::Error::Internal {
        detail: e.to_string(),
    })?;
    let field = |key: &str| data.get(key).cloned().unwrap_or_default();
    let camping: hospes::Establishment =
        hospes::wire::from_json(&field("establishment").to_string())?;
    let marie: hospes::Client = hospes::wire::from_json(&field("client").to_string())?;
    let terms: hospes::contract::ContractTerms =
        hospes::wire::from_json(&field("terms").to_string())?;
    let signed_at: hospes::DateTime<hospes::Utc> =
        "2026-03-02T18:30:00Z".parse().unwrap_or_default();
    let deposit = quote
        .priced
        .schedule
        .first()
        .map(|i| i.amount.clone())
        .unwrap_or_else(|| hospes::Money::zero(stay.currency));
    let request = |kind, previous| InvoiceRequest {
        kind,
        establishment: camping.clone(),
        client: marie.clone(),
        stay: Some(stay.clone()),
        lines: vec![],
        amount: (kind == InvoiceKind::Deposit).then(|| deposit.clone()),
        previous,
        due_date: "2026-06-11".parse().unwrap_or_default(),
        locale: None,
        late_payment_rate_percent: None,
    };
    let series = InvoiceSeries {
        pattern: "FA{yy}{mm}{seq:04}".into(),
        last: Some(february_last.into()),
    };
    let issued = invoice::draft(request(InvoiceKind::Deposit, vec![]))?.issue(
        &series,
        signed_at.date_naive(),
        signed_at,
    )?;
    let deposit_invoice = issued.invoice;
    println!(
        "deposit invoice {}: {} — VAT {}",
        deposit_invoice.number.as_deref().unwrap_or_default(),
        deposit_invoice.total(),
        deposit_invoice
            .totals
            .vat
            .lines
            .iter()
            .map(|l| format!("{} % {}", l.vat_rate.percent(), l.vat))
            .collect::<Vec<_>>()
            .join(", ")
    );

    let pay_request = payment::payment_request(&camping, &deposit_invoice, &[])?;
    println!(
        "« Payer » sends her to the provider for {} — back to {}",
        pay_request.amount, pay_request.return_url
    );
    let result = ProviderResult {
        reference: pay_request.reference.clone(),
        status: ProviderStatus::Succeeded,
        amount: pay_request.amount.clone(),
        provider: "payplug".into(),
        transaction_id: "pay_5Kx".into(),
        at: signed_at,
    };
    let paid = payment::accept_result(
        &deposit_invoice,
        &[],
        &pay_request,
        result.clone(),
        signed_at,
    )?;
    let twice = payment::accept_result(
        &paid.invoice,
        &paid.payments,
        &pay_request,
        result,
        signed_at,
    )?;
    println!(
        "the provider says paid: {:?}; its webhook says it again: counted {} time(s)",
        paid.invoice.status,
        twice.payments.len()
    );

    let contract = Contract::create(
        ContractRequest {
            number: "C-2026-028".into(),
            establishment: camping.clone(),
            client: marie.clone(),
            stay: stay.clone(),
            terms,
            schedule: quote.priced.schedule.clone(),
            cancellation: quote.priced.cancellation.clone(),
            locale: None,
        },
        signed_at,
    )?;
    let sha = contract.document_sha256()?;
    let signed = contract.sign(
        SignatureRequest {
            document_sha256: sha.clone(),
            signer_name: "Marie Dupont".into(),
            signer_email: marie.email.clone(),
            consent_text: "J’ai lu et j’accepte le contrat et ses conditions (version 2026-1)."
                .into(),
            ip: Some("203.0.113.7".into()),
            user_agent: Some("Mozilla/5.0 (iPhone)".into()),
            image: Some(SignatureImage::SvgPath {
                d: "M12 58 C 30 12, 44 80, 62 40 S 98 20, 120 52 L 160 44".into(),
                width: 320,
                height: 100,
            }),
        },
        signed_at,
    )?;
    println!(
        "she signs contract {} by drawing: document {}…, drawing {}…",
        signed.contract.number,
        sha.get(..12).unwrap_or_default(),
        signed
            .contract
            .signature
            .as_ref()
            .and_then(|s| s.image_sha256.as_deref())
            .and_then(|h| h.get(..12))
            .unwrap_or_default()
    );

    let mut events = issued.events;
    events.extend(paid.events);
    events.extend(signed.events);
    let log = event::append(None, events)?;
    event::verify_log(&log)?;
    println!("the stay's log: {} events chained, verified", log.len());
    for entry in &log {
        println!(
            "  #{} {} {}…",
            entry.sequence,
            entry.event.kind(),
            entry.sha256.get(..12).unwrap_or_default()
        );
    }

    let june: hospes::DateTime<hospes::Utc> = "2026-06-01T10:00:00Z".parse().unwrap_or_default();
    let zone = camping.time_zone;
    let preview = cancellation::preview(
        stay,
        &quote.priced.cancellation,
        std::slice::from_ref(&paid.invoice),
        &paid.payments,
        zone,
        june,
    )?;
    println!(
        "if she cancelled on 1 June (D-{}): {} kept, {} refunded",
        preview.days_before_arrival, preview.penalty, preview.refund
    );
    let done = cancellation::confirm(
        stay,
        &quote.priced.cancellation,
        std::slice::from_ref(&paid.invoice),
        &paid.payments,
        CancellationConfirmation {
            shown_refund: preview.refund.clone(),
            invoice_series: InvoiceSeries {
                pattern: "FA{yy}{mm}{seq:04}".into(),
                last: issued.series.last.clone(),
            },
            credit_note_series: InvoiceSeries {
                pattern: "AV{yy}{mm}{seq:04}".into(),
                last: None,
            },
        },
        zone,
        june,
    )?;
    println!(
        "confirmed: credit note {}, fee invoice {}, events {}",
        done.credit_notes
            .first()
            .and_then(|c| c.number.as_deref())
            .unwrap_or_default(),
        done.fee_invoice
            .as_ref()
            .and_then(|f| f.number.as_deref())
            .unwrap_or("-"),
        done.events
            .iter()
            .map(|e| e.kind())
            .collect::<Vec<_>>()
            .join(", ")
    );
    Ok(())
}

fn accounts(marie: &Client, now: hospes::DateTime<hospes::Utc>) -> hospes::Result<()> {
    use hospes::account::{self, Throttle};
    section("A portal account for Marie");
    let email = marie.email.clone().unwrap_or_default();
    let registration = account::register(Some(marie), None, &email, "Filou aime la plage", now)?;
    let Some(created) = registration.account else {
        println!("no account created");
        return Ok(());
    };
    println!(
        "account for {} created, to confirm by e-mail ({} event)",
        created.email,
        registration.events.len()
    );
    let stranger = account::register(None, None, "inconnu@example.fr", "Filou aime la plage", now)?;
    println!(
        "an unknown address: account created? {} — the page says the same to both",
        stranger.account.is_some()
    );
    let verified = hospes::account::Account {
        verified: true,
        ..created
    };
    let mut throttle = Throttle::default();
    for attempt in ["filou", "Filou aime la mer", "Filou aime la plage"] {
        match account::login(Some(&verified), &email, attempt, &throttle, now) {
            Ok(login) => {
                println!("  {attempt:?}: welcome, client {}", login.client_id);
                portal(&login, marie, now)?;
            }
            Err(err) => {
                throttle = throttle.failed(now);
                println!(
                    "  {attempt:?}: {} ({})",
                    err.message(Locale::Fr),
                    err.code()
                );
            }
        }
    }
    Ok(())
}

fn links(
    camping: &Establishment,
    marie: &Client,
    now: hospes::DateTime<hospes::Utc>,
) -> hospes::Result<()> {
    section("Secret links in the confirmation e-mail");
    let keyring = Keyring::new(&KeyringConfig {
        active_key: link::generate_key()?,
        verify_only_keys: vec![],
        clock_skew_seconds: 60,
    })?;
    let portal_state = LinkState::LinkVersion {
        link_version: marie.link_version,
    };
    let portal = keyring.issue(
        camping,
        &LinkRequest {
            purpose: LinkPurpose::Portal,
            client_id: marie.id.clone(),
            subject: None,
            state: portal_state.clone(),
            expires_at: now + chrono::Duration::days(120),
        },
        now,
    )?;
    let contract_state = |status: &str| LinkState::Document {
        sha256: "3b7e2c9a5f0d4e1b8a6c2f9e7d5b3a1c0e8f6d4b2a0c9e7f5d3b1a9c7e5f3d1b".into(),
        status: status.into(),
    };
    let contract = keyring.issue(
        camping,
        &LinkRequest {
            purpose: LinkPurpose::Contract,
            client_id: marie.id.clone(),
            subject: Some("28".into()),
            state: contract_state("sent"),
            expires_at: now + chrono::Duration::days(30),
        },
        now,
    )?;
    println!(
        "[LIEN_ESPACE_CLI] {} ({} characters)",
        portal.url,
        portal.url.len()
    );
    println!(
        "[LIEN_CONTRAT]    {}…",
        contract.url.chars().take(72).collect::<String>()
    );
    let hint = link::inspect(&contract.token)?;
    println!(
        "the guest clicks: the link names client {} and contract {}",
        hint.client_id,
        hint.subject.as_deref().unwrap_or("-")
    );
    let claims = keyring.verify(
        camping,
        &contract.token,
        LinkPurpose::Contract,
        &contract_state("sent"),
        now,
    )?;
    println!(
        "verified: contract {} of {}, valid until {}",
        claims.subject.as_deref().unwrap_or("-"),
        claims.client_id,
        claims.expires_at
    );
    let revoked = LinkState::LinkVersion {
        link_version: marie.link_version + 1,
    };
    let outcomes = [
        (
            "the same link once the contract is signed",
            keyring.verify(
                camping,
                &contract.token,
                LinkPurpose::Contract,
                &contract_state("signed"),
                now,
            ),
        ),
        (
            "the contract link used as a portal link",
            keyring.verify(
                camping,
                &contract.token,
                LinkPurpose::Portal,
                &portal_state,
                now,
            ),
        ),
        (
            "the portal link after the client's links were revoked",
            keyring.verify(camping, &portal.token, LinkPurpose::Portal, &revoked, now),
        ),
        (
            "the portal link four months later",
            keyring.verify(
                camping,
                &portal.token,
                LinkPurpose::Portal,
                &portal_state,
                now + chrono::Duration::days(121),
            ),
        ),
    ];
    for (what, outcome) in outcomes {
        match outcome {
            Ok(_) => println!("  {what}: accepted"),
            Err(err) => println!("  {what}: {} — {}", err.code(), err.message(Locale::Fr)),
        }
    }
    mails(camping, marie, &portal.url, &contract.url)
}

/// The contract mail the campsite sends, written as its owner wrote it in the PMS, rendered for
/// Marie (French) and for a Spanish guest, and written to `target/tour/mails/`.
fn mails(
    camping: &Establishment,
    marie: &Client,
    portal_url: &str,
    contract_url: &str,
) -> hospes::Result<()> {
    use hospes::mail::{CompiledMail, MailContext, MailLinks, MailTemplate};
    section("The mails it sends");
    let template: MailTemplate = hospes::wire::from_json(
        r#"{
        "name": "contract_to_sign",
        "versions": [
          {"locale": "fr", "subject": "[NOM_ETABLISSEMENT] — votre contrat à signer",
           "html": "<p>Bonjour [CIVILITE] [NOM],</p>\n<p>Votre contrat de location est prêt : <a href=\"[LIEN_CONTRAT]\">lire et signer le contrat</a>.</p>\n<p>Tous vos séjours et vos factures sont dans <a href=\"[LIEN_ESPACE_CLI]\">votre espace client</a>.</p>\n<p>À bientôt au [NOM_ETABLISSEMENT] !</p>"},
          {"locale": "en", "subject": "[ESTABLISHMENT_NAME] — your contract to sign",
           "html": "<p>Dear [CIVILITY] [LAST_NAME],</p>\n<p>Your rental contract is ready: <a href=\"[CONTRACT_LINK]\">read and sign it</a>.</p>\n<p>All your stays and invoices are in <a href=\"[PORTAL_LINK]\">your guest space</a>.</p>"},
          {"locale": "es", "subject": "[NOM_ETABLISSEMENT] — su contrato para firmar",
           "html": "<p>Estimado/a [CIVILITE] [NOM]:</p>\n<p>Su contrato de alquiler está listo: <a href=\"[LIEN_CONTRAT]\">leer y firmar el contrato</a>.</p>\n<p>Todas sus estancias y facturas están en <a href=\"[LIEN_ESPACE_CLI]\">su espacio cliente</a>.</p>"}
        ]}"#,
    )?;
    let mail = CompiledMail::compile(&template)?;
    println!(
        "template « {} » saved: links to issue {:?}",
        mail.name(),
        mail.summary().links_needed
    );
    let mut typo = template.clone();
    if let Some(version) = typo.versions.first_mut() {
        version.html = "<p>Bonjour [PRENOM],</p>\n<p>Votre facture : [LIEN_FACTUR]</p>".into();
    }
    if let Err(err) = CompiledMail::compile(&typo) {
        println!("a typo when saving: {}", err.message(Locale::Fr));
    }
    let context = MailContext {
        establishment: camping.clone(),
        client: marie.clone(),
        locale: None,
        stay: None,
        amounts: Default::default(),
        documents: Default::default(),
        links: MailLinks {
            portal: Some(portal_url.into()),
            contract: Some(contract_url.into()),
            ..MailLinks::default()
        },
        edit: None,
        tags: vec![],
    };
    let dir = std::path::Path::new("target/tour/mails");
    std::fs::create_dir_all(dir).map_err(|e| hospes::Error::Internal {
        detail: e.to_string(),
    })?;
    let spanish = MailContext {
        locale: Some(Locale::Es),
        ..context.clone()
    };
    for (who, context) in [("marie", context), ("huesped", spanish)] {
        let rendered = mail.render(&context)?;
        let base = dir.join(format!("contract_to_sign.{who}.{}", rendered.locale));
        for (extension, body) in [("html", &rendered.html), ("txt", &rendered.text)] {
            std::fs::write(base.with_extension(extension), body).map_err(|e| {
                hospes::Error::Internal {
                    detail: e.to_string(),
                }
            })?;
        }
        println!("[{}] Subject: {}", rendered.locale, rendered.subject);
        for line in rendered.text.lines() {
            let line: String = line.chars().take(100).collect();
            println!("     {line}");
        }
    }
    println!("written to {}", dir.display());
    Ok(())
}

fn portal(
    login: &hospes::account::Login,
    marie: &Client,
    now: hospes::DateTime<hospes::Utc>,
) -> hospes::Result<()> {
    use hospes::portal::{NewParticipant, Portal};
    section("Marie's client space");
    let stays: Vec<Stay> = hospes::wire::from_json(
        r#"[
        {"reference": "312", "client_id": "C-1042", "accommodation": "Emplacement grand confort", "arrival": "2026-07-11",
         "departure": "2026-07-25", "status": "confirmed", "currency": "EUR",
         "lines": [{"label": "Emplacement", "quantity": "14", "unit_price": {"amount": "38.50", "currency": "EUR"}, "vat_rate": "10"}],
         "documents": [{"kind": "contract", "number": "28"}]},
        {"reference": "287", "client_id": "C-1042", "accommodation": "Chalet", "arrival": "2025-07-05",
         "departure": "2025-07-12", "status": "completed", "currency": "EUR"},
        {"reference": "315", "client_id": "C-1043", "accommodation": "Chalet", "arrival": "2026-08-01",
         "departure": "2026-08-08", "status": "option", "currency": "EUR"}
    ]"#,
    )?;
    let space = Portal::from_login(login, marie.clone())?;
    let history = space.history(&stays, now.date_naive())?;
    for s in &history.upcoming {
        println!(
            "  upcoming: Réf {} — {} → {} ({:?})",
            s.reference, s.arrival, s.departure, s.status
        );
    }
    for s in &history.past {
        println!(
            "  past:     Réf {} — {} → {}",
            s.reference, s.arrival, s.departure
        );
    }
    match space.stay(&stays, "315") {
        Ok(_) => println!("  Réf 315: shown (this must never happen)"),
        Err(err) => println!("  Réf 315 (another client's): {}", err.code()),
    }
    let detail = space.stay(&stays, "312")?;
    println!(
        "  Réf 312: {} total, documents {:?}",
        detail.totals.vat.total_incl_vat,
        detail
            .stay
            .documents
            .iter()
            .map(|d| d.number.as_str())
            .collect::<Vec<_>>()
    );
    if let Some(stay) = stays.first() {
        let change = space.add_participant(stay, NewParticipant::Former { index: 1 }, now)?;
        let names: Vec<String> = change
            .stay
            .participants
            .iter()
            .map(|p| p.full_name())
            .collect();
        println!(
            "  she adds Léa from her former companions: {}",
            names.join(", ")
        );
    }
    Ok(())
}
