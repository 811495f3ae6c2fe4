//! The fields of a client record as the guest sees them, and a change of one: the vocabulary
//! of the `client_info_updated` event.

use serde::{Deserialize, Serialize};

/// A field of the client record that the guest sees in their form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ClientField {
    /// Civility.
    Civility,
    /// First name.
    FirstName,
    /// Last name.
    LastName,
    /// Company name.
    Company,
    /// Postal address.
    Address,
    /// Fixed-line phone.
    Landline,
    /// Mobile phone.
    Mobile,
    /// E-mail address.
    Email,
    /// Preferred language.
    PreferredLocale,
    /// Licence plates.
    LicencePlates,
}

impl ClientField {
    /// The field's wire name (`first_name`).
    ///
    /// ```
    /// assert_eq!(hospes::ClientField::LicencePlates.name(), "licence_plates");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            ClientField::Civility => "civility",
            ClientField::FirstName => "first_name",
            ClientField::LastName => "last_name",
            ClientField::Company => "company",
            ClientField::Address => "address",
            ClientField::Landline => "landline",
            ClientField::Mobile => "mobile",
            ClientField::Email => "email",
            ClientField::PreferredLocale => "preferred_locale",
            ClientField::LicencePlates => "licence_plates",
        }
    }
}

/// One changed field, before and after, in display form (addresses on one line, plates joined).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FieldChange {
    /// The field.
    pub field: ClientField,
    /// Value before, `None` when it was empty.
    pub before: Option<String>,
    /// Value after, `None` when it was cleared.
    pub after: Option<String>,
}
