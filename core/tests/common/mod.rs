//! What the integration tests share: the example catalogue and instants, stay 312's documents
//! (`invoicing`), the link tokens' fixtures (`link`) and Marie's whole file for the GDPR tests
//! (`gdpr`).
#![allow(dead_code, clippy::unwrap_used)]

pub mod gdpr;
pub mod invoicing;
pub mod link;

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

/// The configuration of every property test of `core/tests`: cases and seed from the
/// environment (`PROPTEST_CASES`, `PROPTEST_RNG_SEED`, which `make test` chooses and prints),
/// and failures kept beside the test file (`core/tests/<name>.proptest-regressions`, committed)
/// so that a case found once is replayed first on every later run.
pub fn proptest_config() -> proptest::test_runner::Config {
    proptest::test_runner::Config {
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::WithSource("proptest-regressions"),
        )),
        ..proptest::test_runner::Config::default()
    }
}
