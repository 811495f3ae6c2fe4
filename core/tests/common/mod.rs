//! What the integration tests share: the example catalogue and instants.
#![allow(dead_code, clippy::unwrap_used)]

use hospes::pricing::Catalogue;
use hospes::{DateTime, Utc};

/// The campsite's catalogue of `core/tests/data/catalogue.json`.
pub fn catalogue() -> Catalogue {
    serde_json::from_str(include_str!("../data/catalogue.json")).unwrap()
}

/// An instant written RFC 3339.
pub fn at(instant: &str) -> DateTime<Utc> {
    instant.parse().unwrap()
}
