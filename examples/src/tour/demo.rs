//! The demo's data: the one fixture the reference portal (`make demo`) seeds its database from,
//! `examples/portal/demo.json`, read here as well so the tour and the portal show the same
//! campsite, salon, guests and stays.

use crate::read_json;
use hospes::{Client, Establishment, Stay};
use serde_json::Value;

/// The fixture, as written (its dates as of its `as_of`).
pub struct Demo {
    data: Value,
}

impl Demo {
    /// Reads `examples/portal/demo.json` (compiled into the tour).
    pub fn load() -> hospes::Result<Demo> {
        Ok(Demo {
            data: read_json(include_str!("../../portal/demo.json"))?,
        })
    }

    /// The instant the fixture is written as of.
    pub fn as_of(&self) -> hospes::Result<hospes::DateTime<hospes::Utc>> {
        crate::from_field(&self.data, "as_of")
    }

    /// The establishment entry whose record has `id` (with its catalogue, policies, schedule).
    fn entry(&self, id: &str) -> hospes::Result<&Value> {
        self.list("establishments")
            .find(|e| record_id(e) == Some(id))
            .ok_or_else(|| missing("establishment", id))
    }

    fn list(&self, key: &str) -> impl Iterator<Item = &Value> {
        self.data
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
    }

    /// The establishment `id`, its portal where `make demo` serves it (the portal sets
    /// `portal_base_url` from its own address when it seeds).
    pub fn establishment(&self, id: &str) -> hospes::Result<Establishment> {
        let mut record = self.entry(id)?.get("record").cloned().unwrap_or_default();
        if let Some(fields) = record.as_object_mut() {
            fields.insert(
                "portal_base_url".into(),
                format!("http://127.0.0.1:8080/{id}/").into(),
            );
        }
        hospes::wire::from_json::<Establishment>(&record.to_string())?.normalized()
    }

    /// A setting of the establishment `id` (`schedule`, `edit_policy`, `catalogue`…).
    pub fn setting<T: serde::de::DeserializeOwned>(
        &self,
        id: &str,
        key: &str,
    ) -> hospes::Result<T> {
        crate::from_field(self.entry(id)?, key)
    }

    /// The client `id`.
    pub fn client(&self, id: &str) -> hospes::Result<Client> {
        let found = self
            .list("clients")
            .find(|c| record_id(c) == Some(id))
            .ok_or_else(|| missing("client", id))?;
        crate::from_field(found, "record")
    }

    /// Every record of a list of the fixture (`stays`, `appointments`…), whoever it belongs to.
    pub fn all<T: serde::de::DeserializeOwned>(&self, key: &str) -> hospes::Result<Vec<T>> {
        crate::from_field(&self.data, key)
    }

    /// Every stay of the fixture, whoever's it is.
    pub fn stays(&self) -> hospes::Result<Vec<Stay>> {
        self.all("stays")
    }
}

/// The `record.id` of a fixture entry.
fn record_id(entry: &Value) -> Option<&str> {
    entry.get("record")?.get("id")?.as_str()
}

fn missing(what: &str, id: &str) -> hospes::Error {
    hospes::Error::Internal {
        detail: format!("examples/portal/demo.json has no {what} {id:?}"),
    }
}
