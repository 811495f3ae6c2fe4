//! Languages hospes speaks to guests and businesses: French, English and Spanish.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::Error;

mod catalogue;
pub mod format;

pub use catalogue::{Arg, keys, missing_keys, text};

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

impl FromStr for Locale {
    type Err = Error;

    /// Reads a language tag, ignoring case and any region (`es-ES`, `EN_gb`).
    fn from_str(tag: &str) -> Result<Self, Error> {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Ok(Locale::Fr),
            "en" => Ok(Locale::En),
            "es" => Ok(Locale::Es),
            _ => Err(Error::InputInvalid {
                detail: format!("unsupported locale `{tag}` (expected fr, en or es)"),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regional_tag_reads_as_its_language() {
        assert_eq!("es-ES".parse::<Locale>(), Ok(Locale::Es));
        assert_eq!("EN_gb".parse::<Locale>(), Ok(Locale::En));
    }

    #[test]
    fn an_unsupported_language_is_refused_with_the_tag() {
        let err = "de".parse::<Locale>().unwrap_err();
        assert_eq!(err.code(), "input.invalid");
        assert!(err.to_string().contains("`de`"));
    }
}
