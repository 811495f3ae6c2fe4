//! A grooming salon's appointments, with the reference portal's demo data
//! (`examples/portal/demo.json`): Camille asks for Filou's appointment, the salon confirms it.

use crate::demo::Demo;
use crate::section;
use hospes::Locale;

/// A grooming salon: Camille asks for Filou's appointment, the salon confirms it.
pub fn appointments() -> hospes::Result<()> {
    use hospes::appointment::{self, Appointment, AppointmentRequest, AppointmentSchedule};
    use hospes::portal::{Portal, PortalAccess};
    section("Toilettage du Parc: appointments (the demo portal's data)");
    let demo = Demo::load()?;
    let salon = demo.establishment("toilettage-du-parc")?;
    let schedule: AppointmentSchedule = demo.setting("toilettage-du-parc", "schedule")?;
    let camille = demo.client("T-0501")?;
    let booked: Vec<Appointment> = demo.all("appointments")?;
    let access: PortalAccess =
        hospes::wire::from_json(r#"{"client_id": "T-0501", "purpose": null, "subject": null}"#)?;
    let portal = Portal::open(&access, camille)?;
    let now = demo.as_of()?;
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
        ("Filou", "2026-06-02T08:00"),
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
        "RDV-503",
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
        &[
            booked.as_slice(),
            std::slice::from_ref(&confirmed.appointment),
        ]
        .concat(),
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
        for pet in portal.pets(
            &[
                booked.as_slice(),
                std::slice::from_ref(&confirmed.appointment),
            ]
            .concat(),
            locale,
        )? {
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
