//! One booking field changed, before and after: the vocabulary of the booking events.

use serde::{Deserialize, Serialize};

/// One field changed: its value before and after, as text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BookingFieldChange {
    /// The field (`participants`, `plate` …).
    pub field: String,
    /// Before, `None` when empty.
    pub before: Option<String>,
    /// After, `None` when cleared.
    pub after: Option<String>,
}
