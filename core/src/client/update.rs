//! The guest's own corrections to their record (« Mes infos personnelles »).
//!
//! The portal shows the guest a form with their details; on submit the host passes the whole
//! form as [`GuestDetails`]. hospes validates it like any record, compares it field by field with
//! the stored record, refuses a change to a field the establishment locked, and returns the new
//! record with a `client_info_updated` event carrying the diff.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::field::{ClientField, FieldChange};
use super::record::{Civility, Client};
use crate::address::{Address, Country};
use crate::error::{Error, Result};
use crate::event::Event;
use crate::i18n::Locale;

/// What the guest may submit from the portal: their contact details and preferences.
/// Notes, kind, companions and pets are not part of it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct GuestDetails {
    /// How to address them.
    #[serde(default)]
    pub civility: Option<Civility>,
    /// First name.
    #[serde(default)]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(default)]
    pub last_name: Option<String>,
    /// Company name.
    #[serde(default)]
    pub company: Option<String>,
    /// Postal address.
    #[serde(default)]
    pub address: Address,
    /// Fixed-line phone, as typed.
    #[serde(default)]
    pub landline: Option<String>,
    /// Mobile phone, as typed.
    #[serde(default)]
    pub mobile: Option<String>,
    /// E-mail address.
    #[serde(default)]
    pub email: Option<String>,
    /// Preferred language.
    #[serde(default)]
    pub preferred_locale: Option<Locale>,
    /// Licence plates.
    #[serde(default)]
    pub licence_plates: Vec<String>,
}

impl GuestDetails {
    /// The form pre-filled from a record, as the portal shows it.
    ///
    /// ```
    /// # let c: hospes::Client = serde_json::from_str(r#"{"id":"1","last_name":"Dupont","notes":"VIP","created_at":"2026-01-01T00:00:00Z"}"#).unwrap();
    /// let form = hospes::GuestDetails::from_client(&c);
    /// assert_eq!(form.last_name.as_deref(), Some("Dupont"));
    /// ```
    pub fn from_client(client: &Client) -> GuestDetails {
        GuestDetails {
            civility: client.civility,
            first_name: client.first_name.clone(),
            last_name: client.last_name.clone(),
            company: client.company.clone(),
            address: client.address.clone(),
            landline: client.landline.clone(),
            mobile: client.mobile.clone(),
            email: client.email.clone(),
            preferred_locale: client.preferred_locale,
            licence_plates: client.licence_plates.clone(),
        }
    }
}

/// The establishment's rule for guest updates: the fields the guest may not change.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct UpdatePolicy {
    /// Fields shown read-only (e.g. the e-mail, when it is the portal login).
    #[serde(default)]
    pub locked: Vec<ClientField>,
}

/// The result of a guest update: the record to store and the events to publish.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ClientUpdateOutcome {
    /// The updated record (unchanged when nothing changed).
    pub client: Client,
    /// `client_info_updated` with the diff, or nothing when the form changed nothing.
    pub events: Vec<Event>,
}

impl Client {
    /// Applies the guest's form to this (normalised) record.
    ///
    /// ```
    /// use hospes::{Client, ClientField, Country, GuestDetails, UpdatePolicy};
    /// let c: Client = serde_json::from_str(r#"{"id":"C-1","last_name":"Dupont","email":"marie@example.fr","created_at":"2026-01-01T00:00:00Z"}"#).unwrap();
    /// let now = "2026-06-01T10:00:00Z".parse().unwrap();
    /// let mut form = GuestDetails::from_client(&c);
    /// form.mobile = Some("06 12 34 56 78".into());
    /// let out = c.apply_guest_update(form.clone(), &UpdatePolicy::default(), Country::FRANCE, now).unwrap();
    /// assert_eq!(out.client.mobile.as_deref(), Some("+33612345678"));
    /// assert_eq!(out.events.len(), 1);
    ///
    /// form.email = Some("autre@example.fr".into());
    /// let locked = UpdatePolicy { locked: vec![ClientField::Email] };
    /// let err = c.apply_guest_update(form, &locked, Country::FRANCE, now).unwrap_err();
    /// assert_eq!(err.code(), "client.field_locked");
    /// ```
    pub fn apply_guest_update(
        &self,
        details: GuestDetails,
        policy: &UpdatePolicy,
        default_country: Country,
        now: DateTime<Utc>,
    ) -> Result<ClientUpdateOutcome> {
        let candidate = Client {
            civility: details.civility,
            first_name: details.first_name,
            last_name: details.last_name,
            company: details.company,
            address: details.address,
            landline: details.landline,
            mobile: details.mobile,
            email: details.email,
            preferred_locale: details.preferred_locale,
            licence_plates: details.licence_plates,
            ..self.clone()
        }
        .normalized(default_country, now)?;
        let changes = diff(self, &candidate);
        if let Some(change) = changes.iter().find(|c| policy.locked.contains(&c.field)) {
            return Err(Error::FieldLocked {
                field: change.field.name().to_owned(),
            });
        }
        let events = if changes.is_empty() {
            Vec::new()
        } else {
            vec![Event::ClientInfoUpdated {
                occurred_at: now,
                client_id: self.id.clone(),
                changes,
            }]
        };
        Ok(ClientUpdateOutcome {
            client: candidate,
            events,
        })
    }
}

/// Field-by-field differences of the guest-visible fields, in [`ClientField`] order.
fn diff(before: &Client, after: &Client) -> Vec<FieldChange> {
    let shown = |c: &Client, field: ClientField| -> Option<String> {
        let text = match field {
            ClientField::Civility => c.civility.map(|v| wire_name(&v)),
            ClientField::FirstName => c.first_name.clone(),
            ClientField::LastName => c.last_name.clone(),
            ClientField::Company => c.company.clone(),
            ClientField::Address => Some(c.address.one_line()),
            ClientField::Landline => c.landline.clone(),
            ClientField::Mobile => c.mobile.clone(),
            ClientField::Email => c.email.clone(),
            ClientField::PreferredLocale => c.preferred_locale.map(|l| l.tag().to_owned()),
            ClientField::LicencePlates => Some(c.licence_plates.join(", ")),
        };
        text.filter(|t| !t.is_empty())
    };
    const FIELDS: [ClientField; 10] = [
        ClientField::Civility,
        ClientField::FirstName,
        ClientField::LastName,
        ClientField::Company,
        ClientField::Address,
        ClientField::Landline,
        ClientField::Mobile,
        ClientField::Email,
        ClientField::PreferredLocale,
        ClientField::LicencePlates,
    ];
    FIELDS
        .into_iter()
        .filter_map(|field| {
            let (b, a) = (shown(before, field), shown(after, field));
            // Structured comparison catches changes the display form would hide.
            let changed =
                b != a || (field == ClientField::Address && before.address != after.address);
            changed.then_some(FieldChange {
                field,
                before: b,
                after: a,
            })
        })
        .collect()
}

/// The snake_case wire name of a unit enum value.
fn wire_name<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::record::tests::marie;

    fn now() -> DateTime<Utc> {
        "2026-06-01T12:00:00Z".parse().unwrap()
    }

    #[test]
    fn a_guest_who_corrects_their_city_produces_one_change() {
        let c = marie();
        let mut form = GuestDetails::from_client(&c);
        form.address.city = Some("Villeurbanne".into());
        form.address.postcode = Some("69100".into());
        let out = c
            .apply_guest_update(form, &UpdatePolicy::default(), Country::FRANCE, now())
            .unwrap();
        let Some(Event::ClientInfoUpdated {
            changes, client_id, ..
        }) = out.events.first()
        else {
            panic!("expected client_info_updated, got {:?}", out.events);
        };
        assert_eq!(client_id, "C-1");
        assert_eq!(
            changes,
            &[FieldChange {
                field: ClientField::Address,
                before: Some("3 rue des Lilas, 69003 Lyon, FR".into()),
                after: Some("3 rue des Lilas, 69100 Villeurbanne, FR".into()),
            }]
        );
    }

    #[test]
    fn submitting_the_form_unchanged_emits_no_event() {
        let c = marie();
        let form = GuestDetails::from_client(&c);
        let out = c
            .apply_guest_update(form, &UpdatePolicy::default(), Country::FRANCE, now())
            .unwrap();
        assert!(out.events.is_empty());
        assert_eq!(out.client, c);
    }

    #[test]
    fn a_locked_field_left_as_it_was_does_not_block_other_changes() {
        let c = marie();
        let mut form = GuestDetails::from_client(&c);
        form.first_name = Some("Marie-Anne".into());
        let policy = UpdatePolicy {
            locked: vec![ClientField::Email],
        };
        let out = c
            .apply_guest_update(form, &policy, Country::FRANCE, now())
            .unwrap();
        assert_eq!(out.client.first_name.as_deref(), Some("Marie-Anne"));
    }

    #[test]
    fn the_guest_cannot_touch_the_business_notes() {
        let mut c = marie();
        c.notes = Some("Client fidèle".into());
        let form = GuestDetails {
            last_name: Some("Durand".into()),
            ..GuestDetails::default()
        };
        let out = c
            .apply_guest_update(form, &UpdatePolicy::default(), Country::FRANCE, now())
            .unwrap();
        assert_eq!(out.client.notes.as_deref(), Some("Client fidèle"));
    }

    #[test]
    fn an_invalid_email_in_the_form_is_refused_before_anything_changes() {
        let c = marie();
        let mut form = GuestDetails::from_client(&c);
        form.email = Some("marie@".into());
        let err = c
            .apply_guest_update(form, &UpdatePolicy::default(), Country::FRANCE, now())
            .unwrap_err();
        assert_eq!(
            err,
            Error::EmailInvalid {
                value: "marie@".into()
            }
        );
    }
}
