//! A grooming salon's appointments.

use crate::{from_field, read_json, section};
use hospes::{Client, Establishment, Locale};

/// A grooming salon: Marie asks for Filou's appointment, the salon confirms it.
pub fn appointments() -> hospes::Result<()> {
    use hospes::appointment::{self, AppointmentRequest, AppointmentSchedule};
    use hospes::portal::{Portal, PortalAccess};
    section("Toilettage du Parc: appointments");
    let data = read_json(include_str!("../../../core/tests/data/appointments.json"))?;
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
        std::slice::from_ref(&confirmed.appointment),
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
    // « Mes animaux »: her pets as the salon shows them, in its language, with their visits.
    for locale in [Locale::Fr, Locale::Es] {
        for pet in portal.pets(std::slice::from_ref(&confirmed.appointment), locale)? {
            println!(
                "  « Mes animaux » [{locale}]: {} — {}, {} ({} appointment(s))",
                pet.name,
                pet.species.unwrap_or_default(),
                pet.breed.unwrap_or_default(),
                pet.appointments
            );
        }
    }
    Ok(())
}
