//! « Mes animaux »: the guest's pets, read-only, with their species and breed in the
//! establishment's language and how many appointments each had.

use serde::{Deserialize, Serialize};

use super::Portal;
use crate::appointment::Appointment;
use crate::client::species;
use crate::error::Result;
use crate::i18n::Locale;

/// A pet as « Mes animaux » lists it.
///
/// `species` and `breed` are shown in the language asked for when the catalogue
/// ([`species`]) knows them — « Caniche nain » in a French salon for a
/// breed typed “Miniature poodle” — and as typed (trimmed) otherwise; `species_id` and
/// `breed_id` are the catalogue's ids, for a host that shows an icon or filters.
///
/// ```
/// let view: hospes::portal::pets::PetView = serde_json::from_str(r#"{"name": "Filou",
///     "species": "Chien", "breed": "Caniche nain", "species_id": "dog",
///     "breed_id": "miniature-poodle", "appointments": 3}"#).unwrap();
/// assert_eq!(view.appointments, 3);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PetView {
    /// The pet's name, as on the client record.
    pub name: String,
    /// Its species as shown; `None` when the record has none.
    pub species: Option<String>,
    /// Its breed as shown; `None` when the record has none.
    pub breed: Option<String>,
    /// The catalogue id of its species (`dog`), when the catalogue knows it.
    pub species_id: Option<String>,
    /// The catalogue id of its breed (`miniature-poodle`), when the catalogue knows it.
    pub breed_id: Option<String>,
    /// Its appointments, past and upcoming, requested or confirmed (declined and cancelled ones
    /// are not counted).
    pub appointments: u32,
}

/// What typed text shows as, and its catalogue id: `None` for blank text.
fn shown(
    typed: Option<&str>,
    recognise: fn(&str) -> Option<&'static str>,
    name_of: fn(&str, Locale) -> String,
    locale: Locale,
) -> (Option<String>, Option<String>) {
    let Some(typed) = typed.map(str::trim).filter(|t| !t.is_empty()) else {
        return (None, None);
    };
    match recognise(typed) {
        Some(id) => (Some(name_of(id, locale)), Some(id.to_owned())),
        None => (Some(typed.to_owned()), None),
    }
}

impl Portal {
    /// « Mes animaux »: her pets, in the order of her record, read-only, with their species and
    /// breed in `locale` — the establishment's language
    /// ([`Establishment::default_locale`](crate::Establishment::default_locale)) — and how many
    /// appointments each had.
    ///
    /// An appointment counts for a pet when it is hers (`appointments` may hold anyone's), names
    /// the pet (trimmed, ignoring case, as [`appointment::request`](crate::appointment::request)
    /// matches it) and is requested or confirmed: past and upcoming alike, never a declined or
    /// cancelled one. Like « Mes infos », only a portal link or a login opens it; a link to one
    /// document answers `portal.not_found`.
    ///
    /// ```
    /// # let data: serde_json::Value = serde_json::from_str(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/appointments.json"))).unwrap();
    /// # let marie: hospes::Client = serde_json::from_value(data["client"].clone()).unwrap();
    /// # let requested: hospes::appointment::Appointment = serde_json::from_value(data["requested"].clone()).unwrap();
    /// use hospes::portal::{Portal, PortalAccess};
    /// use hospes::Locale;
    /// let portal = Portal::open(&PortalAccess { client_id: "C-1042".into(), purpose: None, subject: None }, marie).unwrap();
    /// let pets = portal.pets(&[requested], Locale::En).unwrap();
    /// assert_eq!(pets[0].name, "Filou");
    /// assert_eq!(pets[0].species.as_deref(), Some("Dog"));
    /// assert_eq!(pets[0].breed.as_deref(), Some("Miniature poodle"));
    /// assert_eq!(pets[0].appointments, 1);
    /// assert_eq!(pets[1].appointments, 0);
    /// ```
    pub fn pets(&self, appointments: &[Appointment], locale: Locale) -> Result<Vec<PetView>> {
        self.whole_space()?;
        let hers: Vec<&Appointment> = appointments
            .iter()
            .filter(|a| a.client_id == self.client.id && a.status.is_active())
            .collect();
        Ok(self
            .client
            .pets
            .iter()
            .map(|pet| {
                let count = hers.iter().filter(|a| pet.answers_to(&a.pet)).count();
                let (species, species_id) = shown(
                    pet.species.as_deref(),
                    species::recognise_species,
                    species::species_name_of,
                    locale,
                );
                let (breed, breed_id) = shown(
                    pet.breed.as_deref(),
                    species::recognise_breed,
                    species::breed_name_of,
                    locale,
                );
                PetView {
                    name: pet.name.clone(),
                    species,
                    breed,
                    species_id,
                    breed_id,
                    appointments: u32::try_from(count).unwrap_or(u32::MAX),
                }
            })
            .collect())
    }
}
