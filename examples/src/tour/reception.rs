//! The opening of the tour: the establishment set up, two clients typed at the reception desk, a
//! family stay in July with its VAT table, a guest correcting their details from the portal (and
//! the event the PMS receives), and the errors a guest meets when they type something wrong — in
//! the guest's own language.

use crate::section;
use hospes::{Client, ClientField, Establishment, Event, GuestDetails, Locale, Stay, UpdatePolicy};

/// The campsite and Marie, its client, as the PMS sets them up at `now`.
pub fn reception(now: hospes::DateTime<hospes::Utc>) -> hospes::Result<(Establishment, Client)> {
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
        "portal_base_url": "https://portail.camping-des-pins.fr",
        "presentation": {"fr": "Bienvenue au Camping des Pins, à 300 m de l’océan : piscine chauffée dès avril.",
                         "en": "Welcome to Camping des Pins, 300 m from the ocean: heated pool from April.",
                         "es": "Bienvenidos al Camping des Pins, a 300 m del océano: piscina climatizada desde abril."}
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
    println!(
        "its presentation message, on the portal's home in Spanish: « {} »",
        camping
            .presentation
            .get(Locale::Es, camping.default_locale)
            .unwrap_or_default()
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
    Ok((camping, marie))
}
