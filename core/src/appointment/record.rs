//! An appointment as the host stores it, what the guest asks for, and what an operation on one
//! returns.

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use super::local;
use super::status::AppointmentStatus;
use crate::event::Event;

/// Longest comment a guest may leave on a request, and longest reason for declining, in
/// characters.
pub const MAX_COMMENT: usize = 2000;

/// What the guest fills in (« Sélection de l'animal, heure de début, heure de fin (facultatif),
/// commentaires »).
///
/// `start` and `end` are read as `YYYY-MM-DDTHH:MM` (an HTML `datetime-local` field) or with
/// seconds.
///
/// ```
/// use hospes::appointment::AppointmentRequest;
/// let req: AppointmentRequest = serde_json::from_str(r#"{"pet": "Filou", "start": "2026-06-05T14:00"}"#).unwrap();
/// assert_eq!(req.end, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AppointmentRequest {
    /// The pet's name as on the client record; matched trimmed and ignoring case.
    pub pet: String,
    /// Wished start, on the establishment's wall clock.
    #[serde(deserialize_with = "local::deserialize")]
    pub start: NaiveDateTime,
    /// Wished end; the schedule's default length after `start` when absent.
    #[serde(default, deserialize_with = "local::deserialize_opt")]
    pub end: Option<NaiveDateTime>,
    /// Wishes (kind of grooming, constraints); trimmed, at most [`MAX_COMMENT`] characters.
    #[serde(default)]
    pub comment: Option<String>,
}

/// An appointment, as the host stores it and the guest's « Mes rendez-vous » lists it.
///
/// ```
/// # let data: serde_json::Value = serde_json::from_str(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/appointments.json"))).unwrap();
/// use hospes::appointment::{Appointment, AppointmentStatus};
/// let a: Appointment = serde_json::from_value(data["requested"].clone()).unwrap();
/// assert_eq!(a.status, AppointmentStatus::Requested);
/// assert_eq!(serde_json::to_value(&a).unwrap()["start"], "2026-06-02T09:30:00");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Appointment {
    /// The host's identifier.
    pub id: String,
    /// Whose pet.
    pub client_id: String,
    /// The pet's name, spelt as on the client record.
    pub pet: String,
    /// Start, on the establishment's wall clock.
    #[serde(deserialize_with = "local::deserialize")]
    pub start: NaiveDateTime,
    /// End, on the establishment's wall clock; after `start`, the same day.
    #[serde(deserialize_with = "local::deserialize")]
    pub end: NaiveDateTime,
    /// The guest's wishes.
    #[serde(default)]
    pub comment: Option<String>,
    /// Where it stands.
    pub status: AppointmentStatus,
    /// When the guest asked.
    pub requested_at: DateTime<Utc>,
    /// Why the business declined it, when it said.
    #[serde(default)]
    pub decline_reason: Option<String>,
}

/// An appointment to store and what happened to it.
///
/// ```
/// # let data: serde_json::Value = serde_json::from_str(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/appointments.json"))).unwrap();
/// # let a: hospes::appointment::Appointment = serde_json::from_value(data["requested"].clone()).unwrap();
/// let out = hospes::appointment::confirm(&a, "Europe/Paris".parse().unwrap(), "2026-06-01T08:00:00Z".parse().unwrap()).unwrap();
/// assert_eq!(out.events.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AppointmentOutcome {
    /// The appointment to store.
    pub appointment: Appointment,
    /// What happened (none when nothing changed).
    pub events: Vec<Event>,
}
