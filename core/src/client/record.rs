//! The record itself and the checks that keep it clean.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::field::ClientField;
use crate::address::{Address, Country};
use crate::error::{Error, Result};
use crate::i18n::Locale;
use crate::{email, phone, text};

/// Longest first or last name accepted.
pub const MAX_NAME: usize = 100;
/// Longest business note accepted.
pub const MAX_NOTES: usize = 10_000;

/// How the client is addressed (seed: Famille, Société, M., Mme, Mlle).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Civility {
    /// « Famille ».
    Family,
    /// « Société ».
    Company,
    /// « M. ».
    Mr,
    /// « Mme ».
    Mrs,
    /// « Mlle ».
    Miss,
}

impl Civility {
    /// The catalogue id of its label (« Madame », “Mrs”, « Señora »).
    ///
    /// ```
    /// use hospes::{i18n, Civility, Locale};
    /// let id = Civility::Mrs.label_id();
    /// assert_eq!(i18n::text(id, &[], Locale::Es, Locale::Fr), "Señora");
    /// ```
    pub fn label_id(self) -> &'static str {
        match self {
            Civility::Family => "label-civility-family",
            Civility::Company => "label-civility-company",
            Civility::Mr => "label-civility-mr",
            Civility::Mrs => "label-civility-mrs",
            Civility::Miss => "label-civility-miss",
        }
    }
}

/// The kind of client in the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ClientKind {
    /// Has stayed at least once (« séjournant »).
    Stayer,
    /// Never came yet (« prospect »).
    #[default]
    Prospect,
    /// Rents a pitch for the season or the year (« résident »).
    Resident,
    /// Books on behalf of its own customers (« tour opérateur »).
    TourOperator,
}

/// A person who stays with the client (« accompagnant »).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Companion {
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Birth date, when given (ages drive prices and tourist tax).
    #[serde(default, deserialize_with = "crate::codec::date_option")]
    pub birth_date: Option<NaiveDate>,
}

impl Companion {
    /// Trims the names (both required) and checks the birth date is between 1900 and `today`.
    ///
    /// ```
    /// use hospes::Companion;
    /// let c = Companion { first_name: " Léa ".into(), last_name: "Martin".into(), birth_date: Some("2016-05-02".parse().unwrap()) };
    /// let today = "2026-07-01".parse().unwrap();
    /// assert_eq!(c.normalized("companions[0]", today).unwrap().first_name, "Léa");
    /// ```
    pub fn normalized(self, field: &str, today: NaiveDate) -> Result<Companion> {
        Ok(Companion {
            first_name: text::required(&self.first_name, &format!("{field}.first_name"), MAX_NAME)?,
            last_name: text::required(&self.last_name, &format!("{field}.last_name"), MAX_NAME)?,
            birth_date: self
                .birth_date
                .map(|d| plausible_birth_date(d, today))
                .transpose()?,
        })
    }

    /// The full name, first name first.
    ///
    /// ```
    /// let c = hospes::Companion { first_name: "Léa".into(), last_name: "Dupont".into(), birth_date: None };
    /// assert_eq!(c.full_name(), "Léa Dupont");
    /// ```
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }
}

/// An animal the client brings (campsites) or has groomed (salons).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Pet {
    /// The animal's name.
    pub name: String,
    /// Species (« chien », « chat »).
    #[serde(default)]
    pub species: Option<String>,
    /// Breed (« Caniche nain »).
    #[serde(default)]
    pub breed: Option<String>,
}

impl Pet {
    /// Whether `name`, as a guest or an appointment writes it, is this pet's: spaces around
    /// and case do not count.
    ///
    /// ```
    /// let filou: hospes::client::Pet = serde_json::from_str(r#"{"name": "Filou"}"#).unwrap();
    /// assert!(filou.answers_to(" filou "));
    /// assert!(!filou.answers_to("Praline"));
    /// ```
    pub fn answers_to(&self, name: &str) -> bool {
        self.name.trim().to_lowercase() == name.trim().to_lowercase()
    }
}

/// A client record, as the register shows it and the host stores it.
///
/// `notes` belong to the business: they are never shown to the guest nor printed on documents.
///
/// ```
/// use hospes::Client;
/// let json = r#"{
///   "id": "C-1042", "civility": "mrs", "last_name": "Dupont", "first_name": "Marie",
///   "email": "Marie.Dupont@Example.FR", "mobile": "06 12 34 56 78",
///   "created_at": "2026-01-15T09:30:00Z"
/// }"#;
/// let client: Client = serde_json::from_str(json).unwrap();
/// let now = "2026-02-01T00:00:00Z".parse().unwrap();
/// let client = client.normalized("FR".parse().unwrap(), now).unwrap();
/// assert_eq!(client.email.as_deref(), Some("Marie.Dupont@example.fr"));
/// assert_eq!(client.mobile.as_deref(), Some("+33612345678"));
/// assert_eq!(client.display_name(), "Marie Dupont");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Client {
    /// The host's identifier.
    pub id: String,
    /// How to address the client.
    #[serde(default)]
    pub civility: Option<Civility>,
    /// Family name; required unless a company name is given.
    #[serde(default)]
    pub last_name: Option<String>,
    /// First name.
    #[serde(default)]
    pub first_name: Option<String>,
    /// Company name (business clients, tour operators).
    #[serde(default)]
    pub company: Option<String>,
    /// Postal address.
    #[serde(default)]
    pub address: Address,
    /// Fixed-line phone, E.164 once normalised.
    #[serde(default)]
    pub landline: Option<String>,
    /// Mobile phone, E.164 once normalised.
    #[serde(default)]
    pub mobile: Option<String>,
    /// E-mail address; the login of a portal account.
    #[serde(default)]
    pub email: Option<String>,
    /// Language for the portal, mails and documents; the establishment's when absent.
    #[serde(default)]
    pub preferred_locale: Option<Locale>,
    /// The business's private notes: never shown to the guest.
    #[serde(default)]
    pub notes: Option<String>,
    /// Licence plates, upper case.
    #[serde(default)]
    pub licence_plates: Vec<String>,
    /// Kind of client.
    #[serde(default)]
    pub kind: ClientKind,
    /// When the record was created (seniority in the register).
    pub created_at: DateTime<Utc>,
    /// Bumped by the host to revoke every link sent to this client.
    #[serde(default)]
    pub link_version: u32,
    /// People who usually stay with the client.
    #[serde(default)]
    pub companions: Vec<Companion>,
    /// The client's animals.
    #[serde(default)]
    pub pets: Vec<Pet>,
}

impl Client {
    /// Checks and cleans the record: names trimmed, e-mail checked, phones in E.164 (read in
    /// the address's country, else `default_country`), plates upper-cased and deduplicated,
    /// companions' birth dates between 1900 and `now`.
    pub fn normalized(self, default_country: Country, now: DateTime<Utc>) -> Result<Client> {
        let today = now.date_naive();
        let address = self.address.normalized("address")?;
        let country = address.country.unwrap_or(default_country);
        let company = text::optional(self.company.as_deref(), "company", 200)?;
        let last_name = text::optional(self.last_name.as_deref(), "last_name", MAX_NAME)?;
        if last_name.is_none() && company.is_none() {
            return Err(Error::FieldRequired {
                field: "last_name".into(),
            });
        }
        let mut plates: Vec<String> = Vec::with_capacity(self.licence_plates.len());
        for plate in &self.licence_plates {
            let plate = licence_plate(plate)?;
            if !plates.contains(&plate) {
                plates.push(plate);
            }
        }
        let companions = self
            .companions
            .into_iter()
            .enumerate()
            .map(|(i, c)| c.normalized(&format!("companions[{i}]"), today))
            .collect::<Result<Vec<_>>>()?;
        let pets = self
            .pets
            .into_iter()
            .enumerate()
            .map(|(i, p)| {
                Ok(Pet {
                    name: text::required(&p.name, &format!("pets[{i}].name"), MAX_NAME)?,
                    species: text::optional(
                        p.species.as_deref(),
                        &format!("pets[{i}].species"),
                        MAX_NAME,
                    )?,
                    breed: text::optional(
                        p.breed.as_deref(),
                        &format!("pets[{i}].breed"),
                        MAX_NAME,
                    )?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Client {
            id: text::required(&self.id, "id", 100)?,
            civility: self.civility,
            last_name,
            first_name: text::optional(self.first_name.as_deref(), "first_name", MAX_NAME)?,
            company,
            landline: optional_phone(self.landline.as_deref(), country, "landline")?,
            mobile: optional_phone(self.mobile.as_deref(), country, "mobile")?,
            email: text::optional(self.email.as_deref(), "email", email::MAX_EMAIL * 2)?
                .map(|e| email::normalize(&e))
                .transpose()?,
            address,
            preferred_locale: self.preferred_locale,
            notes: text::optional_multiline(self.notes.as_deref(), "notes", MAX_NOTES)?,
            licence_plates: plates,
            kind: self.kind,
            created_at: self.created_at,
            link_version: self.link_version,
            companions,
            pets,
        })
    }

    /// The name to greet the client with: first and last name, else the company.
    ///
    /// ```
    /// # let mut c: hospes::Client = serde_json::from_str(r#"{"id":"1","company":"Voyages Soleil","created_at":"2026-01-01T00:00:00Z"}"#).unwrap();
    /// assert_eq!(c.display_name(), "Voyages Soleil");
    /// ```
    pub fn display_name(&self) -> String {
        let person = [self.first_name.as_deref(), self.last_name.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        if person.is_empty() {
            self.company.clone().unwrap_or_default()
        } else {
            person
        }
    }

    /// The language to speak to this client in: theirs, else the establishment's `default`.
    ///
    /// ```
    /// # let c: hospes::Client = serde_json::from_str(r#"{"id":"1","last_name":"Núñez","preferred_locale":"es","created_at":"2026-01-01T00:00:00Z"}"#).unwrap();
    /// assert_eq!(c.locale_or(hospes::Locale::Fr), hospes::Locale::Es);
    /// ```
    pub fn locale_or(&self, default: Locale) -> Locale {
        self.preferred_locale.unwrap_or(default)
    }

    /// Contact details still missing, for the portal's "complete your details" prompt.
    ///
    /// ```
    /// # let c: hospes::Client = serde_json::from_str(r#"{"id":"1","last_name":"Dupont","created_at":"2026-01-01T00:00:00Z"}"#).unwrap();
    /// use hospes::ClientField;
    /// assert_eq!(c.missing_details(), [ClientField::FirstName, ClientField::Address, ClientField::Mobile, ClientField::Email]);
    /// ```
    pub fn missing_details(&self) -> Vec<ClientField> {
        let mut missing = Vec::new();
        if self.first_name.is_none() && self.company.is_none() {
            missing.push(ClientField::FirstName);
        }
        if self.address.lines.is_empty()
            || self.address.city.is_none()
            || self.address.country.is_none()
        {
            missing.push(ClientField::Address);
        }
        if self.mobile.is_none() && self.landline.is_none() {
            missing.push(ClientField::Mobile);
        }
        if self.email.is_none() {
            missing.push(ClientField::Email);
        }
        missing
    }
}

fn optional_phone(value: Option<&str>, country: Country, field: &str) -> Result<Option<String>> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => phone::normalize(v, country, field).map(Some),
    }
}

/// Upper-cases a plate and checks it holds 2 to 12 letters or digits, with spaces or dashes.
pub(crate) fn licence_plate(value: &str) -> Result<String> {
    let plate = value.trim().to_uppercase();
    let significant = plate.chars().filter(char::is_ascii_alphanumeric).count();
    let allowed = plate
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ' ');
    if !allowed || !(2..=12).contains(&significant) || plate.len() > 16 {
        return Err(Error::PlateInvalid {
            value: value.chars().take(20).collect(),
        });
    }
    Ok(plate)
}

fn plausible_birth_date(date: NaiveDate, today: NaiveDate) -> Result<NaiveDate> {
    let earliest = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN);
    if date < earliest || date > today {
        return Err(Error::BirthDateInvalid {
            value: date.to_string(),
        });
    }
    Ok(date)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub(crate) fn marie() -> Client {
        serde_json::from_str(
            r#"{"id":"C-1","civility":"mrs","last_name":"Dupont","first_name":"Marie",
                "address":{"lines":["3 rue des Lilas"],"postcode":"69003","city":"Lyon","country":"FR"},
                "email":"marie@example.fr","mobile":"+33612345678","created_at":"2026-01-15T09:30:00Z"}"#,
        )
        .unwrap()
    }

    fn now() -> DateTime<Utc> {
        "2026-06-01T12:00:00Z".parse().unwrap()
    }

    #[test]
    fn a_client_needs_a_last_name_or_a_company() {
        let mut c = marie();
        c.last_name = Some("  ".into());
        assert_eq!(
            c.normalized(Country::FRANCE, now()).unwrap_err(),
            Error::FieldRequired {
                field: "last_name".into()
            }
        );
    }

    #[test]
    fn plates_are_upper_cased_and_deduplicated() {
        let mut c = marie();
        c.licence_plates = vec!["ab-123-cd".into(), "AB-123-CD".into(), " 1abc234 ".into()];
        let c = c.normalized(Country::FRANCE, now()).unwrap();
        assert_eq!(c.licence_plates, ["AB-123-CD", "1ABC234"]);
    }

    #[test]
    fn a_plate_with_symbols_is_refused() {
        let mut c = marie();
        c.licence_plates = vec!["AB<script>".into()];
        assert_eq!(
            c.normalized(Country::FRANCE, now()).unwrap_err().code(),
            "client.plate_invalid"
        );
    }

    #[test]
    fn a_companion_born_tomorrow_is_refused() {
        let mut c = marie();
        c.companions = vec![Companion {
            first_name: "Léo".into(),
            last_name: "Dupont".into(),
            birth_date: Some("2026-06-02".parse().unwrap()),
        }];
        assert_eq!(
            c.normalized(Country::FRANCE, now()).unwrap_err(),
            Error::BirthDateInvalid {
                value: "2026-06-02".into()
            }
        );
    }

    #[test]
    fn a_phone_is_read_in_the_clients_own_country() {
        let mut c = marie();
        c.address.country = Some("ES".parse().unwrap());
        c.mobile = Some("612 345 678".into());
        let c = c.normalized(Country::FRANCE, now()).unwrap();
        assert_eq!(c.mobile.as_deref(), Some("+34612345678"));
    }

    #[test]
    fn business_notes_may_span_several_lines() {
        let mut c = marie();
        c.notes = Some("Allergique aux chats.\nPréfère l’emplacement 12.".into());
        assert!(c.normalized(Country::FRANCE, now()).is_ok());
    }
}
