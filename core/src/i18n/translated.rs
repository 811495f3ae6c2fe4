//! A text the business writes itself in each of its languages, such as the presentation
//! message of its guest portal.

use serde::{Deserialize, Serialize};

use super::locale::Locale;
use crate::error::Result;
use crate::text;

/// A text written by the business in French, English and Spanish (any of them may be left out):
/// shown in the reader's language, else in the establishment's, else in any language written.
///
/// ```
/// use hospes::i18n::Translated;
/// use hospes::Locale;
/// let welcome = Translated { fr: Some("Bienvenue au camping !".into()), en: None, es: Some("¡Bienvenidos!".into()) };
/// assert_eq!(welcome.get(Locale::Es, Locale::Fr), Some("¡Bienvenidos!"));
/// assert_eq!(welcome.get(Locale::En, Locale::Fr), Some("Bienvenue au camping !"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Translated {
    /// In French.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub fr: Option<String>,
    /// In English.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub en: Option<String>,
    /// In Spanish.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub es: Option<String>,
}

impl Translated {
    /// The text in `locale`, else in `fallback`, else in any language written; `None` when
    /// nothing is.
    ///
    /// ```
    /// let none = hospes::i18n::Translated::default();
    /// assert_eq!(none.get(hospes::Locale::Fr, hospes::Locale::Fr), None);
    /// ```
    pub fn get(&self, locale: Locale, fallback: Locale) -> Option<&str> {
        self.exactly(locale)
            .or_else(|| self.exactly(fallback))
            .or_else(|| Locale::ALL.into_iter().find_map(|l| self.exactly(l)))
    }

    fn exactly(&self, locale: Locale) -> Option<&str> {
        match locale {
            Locale::Fr => self.fr.as_deref(),
            Locale::En => self.en.as_deref(),
            Locale::Es => self.es.as_deref(),
        }
    }

    /// Each text trimmed (an empty one is left out; line breaks kept) and at most `max`
    /// characters, else
    /// refused naming `field.fr`, `field.en` or `field.es`.
    ///
    /// ```
    /// let t = hospes::i18n::Translated { fr: Some("  Bonjour  ".into()), en: Some(" ".into()), es: None };
    /// let t = t.normalized("presentation", 2000).unwrap();
    /// assert_eq!((t.fr.as_deref(), t.en), (Some("Bonjour"), None));
    /// ```
    pub fn normalized(self, field: &str, max: usize) -> Result<Translated> {
        let one = |value: Option<String>, tag: &str| {
            text::optional_multiline(value.as_deref(), &format!("{field}.{tag}"), max)
        };
        Ok(Translated {
            fr: one(self.fr, "fr")?,
            en: one(self.en, "en")?,
            es: one(self.es, "es")?,
        })
    }
}
