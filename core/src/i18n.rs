//! Languages hospes speaks to guests and businesses: French, English and Spanish.

use std::str::FromStr;

use crate::error::Error;

pub(crate) mod catalogue;
pub mod format;
pub(crate) mod locale;
mod translated;

pub use catalogue::{Arg, keys, missing_keys, text};
pub use locale::Locale;
pub use translated::Translated;

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
