//! The languages themselves: a [`Locale`] and its tag. Reading one from a tag, which can fail,
//! is in [`i18n`](super).

use std::fmt;

use serde::{Deserialize, Serialize};

/// A language of the portal, documents and messages.
///
/// Serialised as its BCP 47 primary tag: `"fr"`, `"en"`, `"es"`.
///
/// ```
/// use hospes::Locale;
/// let fr: Locale = "fr-FR".parse().unwrap();
/// assert_eq!(fr, Locale::Fr);
/// assert_eq!(fr.to_string(), "fr");
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Locale {
    /// Français.
    #[default]
    Fr,
    /// English.
    En,
    /// Español.
    Es,
}

impl Locale {
    /// Every locale hospes ships, in catalogue order.
    pub const ALL: [Locale; 3] = [Locale::Fr, Locale::En, Locale::Es];

    /// The BCP 47 primary language tag.
    ///
    /// ```
    /// assert_eq!(hospes::Locale::Es.tag(), "es");
    /// ```
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Fr => "fr",
            Locale::En => "en",
            Locale::Es => "es",
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}
