//! « Mes animaux » at a grooming salon, in its guests' words: Marie sees her pets, read-only,
//! their species and breed in the salon's language, and how many appointments each had.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code

use hospes::appointment::AppointmentStatus::{self, Cancelled, Confirmed, Declined, Requested};
use hospes::appointment::{Appointment, parse_local};
use hospes::link::LinkPurpose;
use hospes::portal::pets::PetView;
use hospes::portal::{Portal, PortalAccess};
use hospes::{Client, Establishment, Locale, Pet};

fn data() -> serde_json::Value {
    serde_json::from_str(include_str!("data/appointments.json")).unwrap()
}

fn salon() -> Establishment {
    serde_json::from_value(data()["establishment"].clone()).unwrap()
}

fn marie() -> Client {
    serde_json::from_value(data()["client"].clone()).unwrap()
}

fn space(client: Client) -> Portal {
    let access = PortalAccess {
        client_id: client.id.clone(),
        purpose: None,
        subject: None,
    };
    Portal::open(&access, client).unwrap()
}

/// Marie's appointment `id` for `pet` on `day`, in `status`.
fn booked(id: &str, pet: &str, day: &str, status: AppointmentStatus) -> Appointment {
    let mut a: Appointment = serde_json::from_value(data()["requested"].clone()).unwrap();
    a.id = id.into();
    a.pet = pet.into();
    a.start = parse_local(&format!("{day}T09:30")).unwrap();
    a.end = parse_local(&format!("{day}T11:00")).unwrap();
    a.status = status;
    a
}

fn names_and_counts(pets: &[PetView]) -> Vec<(&str, u32)> {
    pets.iter()
        .map(|p| (p.name.as_str(), p.appointments))
        .collect()
}

#[test]
fn mes_animaux_lists_her_pets_with_species_and_breed_in_the_establishments_language() {
    // Filou was typed « chien », « Caniche nain »; Praline « chat », « Persan ».
    let french = salon();
    assert_eq!(french.default_locale, Locale::Fr);
    let pets = space(marie()).pets(&[], french.default_locale).unwrap();
    assert_eq!(
        pets[0],
        PetView {
            name: "Filou".into(),
            species: Some("Chien".into()),
            breed: Some("Caniche nain".into()),
            species_id: Some("dog".into()),
            breed_id: Some("miniature-poodle".into()),
            appointments: 0,
        }
    );
    assert_eq!(pets[1].species.as_deref(), Some("Chat"));
    assert_eq!(pets[1].breed.as_deref(), Some("Persan"));

    // The same record in a Spanish salon, and one typed in English in a French salon.
    let spanish = space(marie()).pets(&[], Locale::Es).unwrap();
    assert_eq!(spanish[0].species.as_deref(), Some("Perro"));
    assert_eq!(spanish[0].breed.as_deref(), Some("Caniche enano"));
    assert_eq!(spanish[1].breed.as_deref(), Some("Persa"));
    let mut english = marie();
    english.pets = vec![Pet {
        name: "Rocky".into(),
        species: Some("DOG".into()),
        breed: Some("German Shepherd".into()),
    }];
    let rocky = &space(english).pets(&[], Locale::Fr).unwrap()[0];
    assert_eq!(rocky.species.as_deref(), Some("Chien"));
    assert_eq!(rocky.breed.as_deref(), Some("Berger allemand"));
}

#[test]
fn a_breed_not_in_the_catalogue_is_shown_as_typed() {
    let mut client = marie();
    client.pets = vec![
        Pet {
            name: "Caramel".into(),
            species: Some(" Chien ".into()),
            breed: Some(" Croisé griffon ".into()),
        },
        Pet {
            name: "Nougat".into(),
            species: Some("Axolotl".into()),
            breed: None,
        },
    ];
    let pets = space(client).pets(&[], Locale::En).unwrap();
    assert_eq!(pets[0].species.as_deref(), Some("Dog"));
    assert_eq!(pets[0].breed.as_deref(), Some("Croisé griffon"));
    assert_eq!(pets[0].breed_id, None);
    assert_eq!(pets[1].species.as_deref(), Some("Axolotl"));
    assert_eq!(pets[1].species_id, None);
    assert_eq!(pets[1].breed, None);
}

#[test]
fn each_pet_shows_how_many_appointments_it_had() {
    let appointments = [
        booked("RDV-401", "Filou", "2026-03-10", Confirmed),
        booked("RDV-450", "filou ", "2026-04-21", Confirmed),
        booked("RDV-501", "Filou", "2026-06-02", Requested),
        booked("RDV-430", "Praline", "2026-04-07", Confirmed),
        // Neither a declined nor a cancelled appointment counts.
        booked("RDV-460", "Praline", "2026-05-05", Declined),
        booked("RDV-470", "Filou", "2026-05-12", Cancelled),
    ];
    let pets = space(marie()).pets(&appointments, Locale::Fr).unwrap();
    assert_eq!(names_and_counts(&pets), [("Filou", 3), ("Praline", 1)]);
}

#[test]
fn another_clients_appointments_are_not_counted() {
    // Jean also has a dog called Filou.
    let mut jeans = booked("RDV-777", "Filou", "2026-06-03", Confirmed);
    jeans.client_id = "C-2077".into();
    let mine = booked("RDV-501", "Filou", "2026-06-02", Requested);
    let pets = space(marie()).pets(&[jeans, mine], Locale::Fr).unwrap();
    assert_eq!(names_and_counts(&pets), [("Filou", 1), ("Praline", 0)]);
}

#[test]
fn a_link_to_one_document_does_not_open_the_pets_page() {
    let access = PortalAccess {
        client_id: "C-1042".into(),
        purpose: Some(LinkPurpose::Invoice),
        subject: Some("FA26020001".into()),
    };
    let portal = Portal::open(&access, marie()).unwrap();
    let err = portal.pets(&[], Locale::Fr).unwrap_err();
    assert_eq!(err.code(), "portal.not_found");
}
