//! Where an appointment stands.

use serde::{Deserialize, Serialize};

/// Where an appointment stands.
///
/// ```
/// use hospes::appointment::AppointmentStatus;
/// assert_eq!(serde_json::to_string(&AppointmentStatus::Requested).unwrap(), r#""requested""#);
/// assert!(AppointmentStatus::Confirmed.is_active());
/// assert!(!AppointmentStatus::Cancelled.is_active());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum AppointmentStatus {
    /// Asked by the guest, waiting for the business.
    Requested,
    /// Confirmed by the business.
    Confirmed,
    /// Refused, or called off, by the business.
    Declined,
    /// Cancelled by the guest.
    Cancelled,
}

impl AppointmentStatus {
    /// Still in the agenda: requested or confirmed.
    pub fn is_active(self) -> bool {
        matches!(
            self,
            AppointmentStatus::Requested | AppointmentStatus::Confirmed
        )
    }

    /// The wire name (`requested`), as error messages show it.
    ///
    /// ```
    /// assert_eq!(hospes::appointment::AppointmentStatus::Declined.as_str(), "declined");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            AppointmentStatus::Requested => "requested",
            AppointmentStatus::Confirmed => "confirmed",
            AppointmentStatus::Declined => "declined",
            AppointmentStatus::Cancelled => "cancelled",
        }
    }
}
