//! The export of a client's data (GDPR art. 15 and 20): one typed document, in the wire form.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::records::GdprRecords;
use crate::address::Address;
use crate::appointment::Appointment;
use crate::client::Client;
use crate::contract::Contract;
use crate::error::Result;
use crate::establishment::{Establishment, TimeZone};
use crate::evidence::LoggedEvent;
use crate::i18n::{self, Locale};
use crate::invoice::Invoice;
use crate::payment::Payment;
use crate::quote::Quote;
use crate::residency::Residency;
use crate::stay::Stay;

/// The version of the [`GdprExport`] format: raised when a field changes meaning or goes away
/// (adding one does not).
pub const FORMAT_VERSION: u32 = 1;

/// Everything the business holds on one client, as one machine-readable document (GDPR art. 15,
/// right of access, and art. 20, portability). Its JSON is the wire form of hospes: snake_case
/// keys, decimals as strings, dates `YYYY-MM-DD`, instants RFC 3339 UTC.
///
/// The records are as the host stores them, complete — the client record with its companions,
/// pets and the business's private notes about them (personal data about the client, so part
/// of what art. 15 gives access to); stays, residencies, quotes, invoices and credit notes,
/// payments, contracts with their signature evidence, appointments, and the entries of the
/// event logs that concern them — except portal accounts, exported as [`GdprAccount`]: never a
/// password hash.
///
/// ```
/// # let client: hospes::Client = serde_json::from_str(r#"{"id":"C-1","last_name":"Dupont","notes":"Préfère l’emplacement 12.","preferred_locale":"en","created_at":"2026-01-15T09:30:00Z"}"#).unwrap();
/// # let establishment: hospes::Establishment = serde_json::from_str(r#"{"id":"e","name":"Camping des Pins","currency":"EUR","time_zone":"Europe/Paris","portal_base_url":"https://portail.example.fr/"}"#).unwrap();
/// use hospes::gdpr::{self, GdprRecords, GdprSectionKind};
/// let export = gdpr::export(&GdprRecords::new(client), &establishment, "2026-09-01T10:00:00Z".parse().unwrap()).unwrap();
/// assert_eq!(export.format_version, gdpr::FORMAT_VERSION);
/// assert_eq!(export.client.notes.as_deref(), Some("Préfère l’emplacement 12."));
/// assert_eq!(export.sections[0].section, GdprSectionKind::Client);
/// assert_eq!(export.sections[0].title, "Client record");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct GdprExport {
    /// [`FORMAT_VERSION`].
    pub format_version: u32,
    /// When it was made.
    pub generated_at: DateTime<Utc>,
    /// The language of its titles: the client's, else the establishment's.
    pub locale: Locale,
    /// The establishment's time zone: the workbook shows instants on its clock.
    pub time_zone: TimeZone,
    /// The document's title (« Vos données personnelles — Camping des Pins »).
    pub title: String,
    /// Who holds the data: the establishment, and how to reach it.
    pub controller: GdprController,
    /// The client's id (the data subject).
    pub subject_id: String,
    /// Every section in order, with its title in `locale` and how many records it holds, empty
    /// ones included: companions and pets are in `client`, signatures in `quotes` and
    /// `contracts`; the others are the lists below.
    pub sections: Vec<GdprSection>,
    /// The client record, complete.
    pub client: Client,
    /// Stays.
    pub stays: Vec<Stay>,
    /// Residencies.
    pub residencies: Vec<Residency>,
    /// Quotes, with their acceptance evidence.
    pub quotes: Vec<Quote>,
    /// Invoices and credit notes.
    pub invoices: Vec<Invoice>,
    /// Payments.
    pub payments: Vec<Payment>,
    /// Contracts, with their signature evidence.
    pub contracts: Vec<Contract>,
    /// Portal accounts, without their password hash.
    pub accounts: Vec<GdprAccount>,
    /// Appointments.
    pub appointments: Vec<Appointment>,
    /// Event log entries about the client.
    pub events: Vec<LoggedEvent>,
}

/// The data controller (GDPR art. 4(7)): the establishment, as the export names it.
///
/// ```
/// # let establishment: hospes::Establishment = serde_json::from_str(r#"{"id":"e","name":"Camping des Pins","email":"accueil@camping-des-pins.fr","currency":"EUR","time_zone":"Europe/Paris","portal_base_url":"https://portail.example.fr/"}"#).unwrap();
/// let controller = hospes::gdpr::GdprController::from(&establishment);
/// assert_eq!(controller.email.as_deref(), Some("accueil@camping-des-pins.fr"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct GdprController {
    /// Trading name.
    pub name: String,
    /// Legal form and capital, when known.
    pub legal_form: Option<String>,
    /// SIRET, when known.
    pub siret: Option<String>,
    /// Postal address.
    pub address: Address,
    /// E-mail.
    pub email: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Website.
    pub website: Option<String>,
}

impl From<&Establishment> for GdprController {
    fn from(establishment: &Establishment) -> GdprController {
        GdprController {
            name: establishment.name.clone(),
            legal_form: establishment.legal.legal_form.clone(),
            siret: establishment.legal.siret.clone(),
            address: establishment.address.clone(),
            email: establishment.email.clone(),
            phone: establishment.phone.clone(),
            website: establishment.website.clone(),
        }
    }
}

/// A portal account as exported: what it holds about its owner, never its password hash (a
/// secret of the establishment's security, not data about the person) nor any reset token.
///
/// ```
/// # let account: hospes::account::Account = serde_json::from_str(r#"{"client_id":"C-1","email":"marie@example.fr","password_hash":"$argon2id$v=19$secret","verified":true,"created_at":"2026-01-15T09:30:00Z"}"#).unwrap();
/// let exported = hospes::gdpr::GdprAccount::from(&account);
/// assert_eq!(exported.email, "marie@example.fr");
/// assert!(!serde_json::to_string(&exported).unwrap().contains("argon2"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct GdprAccount {
    /// The client it belongs to.
    pub client_id: String,
    /// The login.
    pub email: String,
    /// Whether the owner confirmed the address.
    pub verified: bool,
    /// When it was created.
    pub created_at: DateTime<Utc>,
}

impl From<&crate::account::Account> for GdprAccount {
    fn from(account: &crate::account::Account) -> GdprAccount {
        GdprAccount {
            client_id: account.client_id.clone(),
            email: account.email.clone(),
            verified: account.verified,
            created_at: account.created_at,
        }
    }
}

/// A section of the export, as listed in [`GdprExport::sections`] and as a sheet of the
/// workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum GdprSectionKind {
    /// The client record (`client`).
    Client,
    /// Companions (`client.companions`).
    Companions,
    /// Pets (`client.pets`).
    Pets,
    /// Stays (`stays`).
    Stays,
    /// Residencies (`residencies`).
    Residencies,
    /// Quotes (`quotes`).
    Quotes,
    /// Invoices and credit notes (`invoices`).
    Invoices,
    /// Payments (`payments`).
    Payments,
    /// Contracts (`contracts`).
    Contracts,
    /// Signature evidence (`quotes[].acceptance`, `contracts[].signature`).
    Signatures,
    /// Portal accounts (`accounts`).
    Accounts,
    /// Appointments (`appointments`).
    Appointments,
    /// Event log entries (`events`).
    Events,
}

impl GdprSectionKind {
    /// Every section, in the order of the export and the workbook.
    pub const ALL: [GdprSectionKind; 13] = [
        GdprSectionKind::Client,
        GdprSectionKind::Companions,
        GdprSectionKind::Pets,
        GdprSectionKind::Stays,
        GdprSectionKind::Residencies,
        GdprSectionKind::Quotes,
        GdprSectionKind::Invoices,
        GdprSectionKind::Payments,
        GdprSectionKind::Contracts,
        GdprSectionKind::Signatures,
        GdprSectionKind::Accounts,
        GdprSectionKind::Appointments,
        GdprSectionKind::Events,
    ];

    /// Its name on the wire (`stays`).
    ///
    /// ```
    /// assert_eq!(hospes::gdpr::GdprSectionKind::Signatures.as_str(), "signatures");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            GdprSectionKind::Client => "client",
            GdprSectionKind::Companions => "companions",
            GdprSectionKind::Pets => "pets",
            GdprSectionKind::Stays => "stays",
            GdprSectionKind::Residencies => "residencies",
            GdprSectionKind::Quotes => "quotes",
            GdprSectionKind::Invoices => "invoices",
            GdprSectionKind::Payments => "payments",
            GdprSectionKind::Contracts => "contracts",
            GdprSectionKind::Signatures => "signatures",
            GdprSectionKind::Accounts => "accounts",
            GdprSectionKind::Appointments => "appointments",
            GdprSectionKind::Events => "events",
        }
    }

    /// Its title in `locale`, from the catalogues.
    ///
    /// ```
    /// use hospes::{gdpr::GdprSectionKind, Locale};
    /// assert_eq!(GdprSectionKind::Stays.title(Locale::Fr), "Séjours");
    /// assert_eq!(GdprSectionKind::Stays.title(Locale::Es), "Estancias");
    /// ```
    pub fn title(self, locale: Locale) -> String {
        i18n::text(
            &format!("gdpr-section-{}", self.as_str()),
            &[],
            locale,
            Locale::Fr,
        )
    }
}

/// A section of the export: which, its title in the export's language, how many records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct GdprSection {
    /// Which section.
    pub section: GdprSectionKind,
    /// Its title.
    pub title: String,
    /// How many records it holds (1 for the client record).
    pub count: u32,
}

/// The export of one client's data at `now`, titled in the client's language (else the
/// establishment's): every record passed, checked to be theirs first (`client.record_foreign`).
///
/// ```
/// # let client: hospes::Client = serde_json::from_str(r#"{"id":"C-1","last_name":"Dupont","created_at":"2026-01-15T09:30:00Z"}"#).unwrap();
/// # let establishment: hospes::Establishment = serde_json::from_str(r#"{"id":"e","name":"Camping des Pins","currency":"EUR","time_zone":"Europe/Paris","portal_base_url":"https://portail.example.fr/"}"#).unwrap();
/// let export = hospes::gdpr::export(&hospes::gdpr::GdprRecords::new(client), &establishment, "2026-09-01T10:00:00Z".parse().unwrap()).unwrap();
/// assert_eq!(export.title, "Vos données personnelles — Camping des Pins");
/// assert_eq!(export.controller.name, "Camping des Pins");
/// ```
pub fn export(
    records: &GdprRecords,
    establishment: &Establishment,
    now: DateTime<Utc>,
) -> Result<GdprExport> {
    records.check()?;
    let locale = records.client.locale_or(establishment.default_locale);
    let signatures = records
        .quotes
        .iter()
        .filter(|q| q.acceptance.is_some())
        .count()
        + records
            .contracts
            .iter()
            .filter(|c| c.signature.is_some())
            .count();
    let count = |section: GdprSectionKind| match section {
        GdprSectionKind::Client => 1,
        GdprSectionKind::Companions => records.client.companions.len(),
        GdprSectionKind::Pets => records.client.pets.len(),
        GdprSectionKind::Stays => records.stays.len(),
        GdprSectionKind::Residencies => records.residencies.len(),
        GdprSectionKind::Quotes => records.quotes.len(),
        GdprSectionKind::Invoices => records.invoices.len(),
        GdprSectionKind::Payments => records.payments.len(),
        GdprSectionKind::Contracts => records.contracts.len(),
        GdprSectionKind::Signatures => signatures,
        GdprSectionKind::Accounts => records.accounts.len(),
        GdprSectionKind::Appointments => records.appointments.len(),
        GdprSectionKind::Events => records.events.len(),
    };
    let sections = GdprSectionKind::ALL
        .iter()
        .map(|&section| GdprSection {
            section,
            title: section.title(locale),
            count: u32::try_from(count(section)).unwrap_or(u32::MAX),
        })
        .collect();
    Ok(GdprExport {
        format_version: FORMAT_VERSION,
        generated_at: now,
        locale,
        time_zone: establishment.time_zone,
        title: i18n::text(
            "gdpr-export-title",
            &[("controller", establishment.name.as_str().into())],
            locale,
            Locale::Fr,
        ),
        controller: GdprController::from(establishment),
        subject_id: records.client.id.clone(),
        sections,
        client: records.client.clone(),
        stays: records.stays.clone(),
        residencies: records.residencies.clone(),
        quotes: records.quotes.clone(),
        invoices: records.invoices.clone(),
        payments: records.payments.clone(),
        contracts: records.contracts.clone(),
        accounts: records.accounts.iter().map(GdprAccount::from).collect(),
        appointments: records.appointments.clone(),
        events: records.events.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_has_a_title_in_every_language() {
        for locale in Locale::ALL {
            for section in GdprSectionKind::ALL {
                let title = section.title(locale);
                assert!(!title.starts_with("gdpr-"), "{locale}: {title}");
                assert_eq!(
                    serde_json::to_value(section).unwrap(),
                    section.as_str(),
                    "{section:?}"
                );
            }
        }
    }
}
