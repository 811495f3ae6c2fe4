//! The fr, en and es message catalogues: Fluent files in `core/locales/<tag>/`, parsed once.
//!
//! Every sentence a guest or the business reads — error messages, event descriptions, portal
//! labels, document labels, mail labels — is a Fluent message there. Adding a language is adding
//! its directory of `.ftl` files (and its [`Locale`] variant); a key missing in a language falls
//! back to the establishment's default language, then to French, and a test lists every key
//! missing anywhere. Numbers, money and dates are formatted by [`super::format`] (ICU4X) and passed
//! in as strings; Fluent only selects plurals on raw numbers.

use std::borrow::Cow;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::locale::Locale;

/// The catalogue files of each language, in [`Locale::ALL`] order.
const SOURCES: [(Locale, &[&str]); 3] = [
    (
        Locale::Fr,
        &[
            include_str!("../../locales/fr/errors.ftl"),
            include_str!("../../locales/fr/labels.ftl"),
            include_str!("../../locales/fr/events.ftl"),
            include_str!("../../locales/fr/documents.ftl"),
            include_str!("../../locales/fr/gdpr.ftl"),
            include_str!("../../locales/fr/pets.ftl"),
        ],
    ),
    (
        Locale::En,
        &[
            include_str!("../../locales/en/errors.ftl"),
            include_str!("../../locales/en/labels.ftl"),
            include_str!("../../locales/en/events.ftl"),
            include_str!("../../locales/en/documents.ftl"),
            include_str!("../../locales/en/gdpr.ftl"),
            include_str!("../../locales/en/pets.ftl"),
        ],
    ),
    (
        Locale::Es,
        &[
            include_str!("../../locales/es/errors.ftl"),
            include_str!("../../locales/es/labels.ftl"),
            include_str!("../../locales/es/events.ftl"),
            include_str!("../../locales/es/documents.ftl"),
            include_str!("../../locales/es/gdpr.ftl"),
            include_str!("../../locales/es/pets.ftl"),
        ],
    ),
];

/// A parsed catalogue: the bundle and the ids it defines.
struct Catalogue {
    bundle: FluentBundle<FluentResource>,
    ids: Vec<String>,
    /// Syntax errors and duplicate ids found while loading, for the tests to report.
    #[cfg_attr(not(test), allow(dead_code))]
    problems: Vec<String>,
}

fn load(locale: Locale, sources: &[&str]) -> Catalogue {
    let language = locale.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![language]);
    // Values go into e-mails and PDFs as they are: no Unicode isolation marks around them.
    bundle.set_use_isolating(false);
    let mut ids = Vec::new();
    let mut problems = Vec::new();
    for source in sources {
        let resource = match FluentResource::try_new((*source).to_owned()) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                problems.extend(errors.iter().map(|e| format!("{locale}: {e}")));
                resource
            }
        };
        ids.extend(resource.entries().filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        }));
        if let Err(errors) = bundle.add_resource(resource) {
            problems.extend(errors.iter().map(|e| format!("{locale}: {e}")));
        }
    }
    ids.sort();
    Catalogue {
        bundle,
        ids,
        problems,
    }
}

static CATALOGUES: LazyLock<Vec<Catalogue>> = LazyLock::new(|| {
    SOURCES
        .iter()
        .map(|(locale, sources)| load(*locale, sources))
        .collect()
});

fn catalogue(locale: Locale) -> Option<&'static Catalogue> {
    let index = Locale::ALL.iter().position(|l| *l == locale)?;
    CATALOGUES.get(index)
}

/// A value given to a message: text (already formatted) or a number (for plurals).
#[derive(Debug, Clone, PartialEq)]
pub enum Arg<'a> {
    /// Shown as it is.
    Text(Cow<'a, str>),
    /// Selects the plural form; shown as plain digits.
    Number(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(value: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(value))
    }
}

impl From<String> for Arg<'_> {
    fn from(value: String) -> Self {
        Arg::Text(Cow::Owned(value))
    }
}

impl From<i64> for Arg<'_> {
    fn from(value: i64) -> Self {
        Arg::Number(value)
    }
}

impl From<u32> for Arg<'_> {
    fn from(value: u32) -> Self {
        Arg::Number(i64::from(value))
    }
}

impl From<usize> for Arg<'_> {
    fn from(value: usize) -> Self {
        Arg::Number(i64::try_from(value).unwrap_or(i64::MAX))
    }
}

/// The message `id` in `locale`, else in `fallback`, else in French; the id itself if no
/// catalogue has it (never a panic, never an empty string).
///
/// ```
/// use hospes::{i18n, Locale};
/// let text = i18n::text("label-nights", &[("count", 3u32.into())], Locale::Es, Locale::Fr);
/// assert_eq!(text, "3 noches");
/// assert_eq!(i18n::text("label-nights", &[("count", 1u32.into())], Locale::Fr, Locale::Fr), "1 nuit");
/// ```
pub fn text(id: &str, args: &[(&str, Arg<'_>)], locale: Locale, fallback: Locale) -> String {
    [locale, fallback, Locale::Fr]
        .into_iter()
        .find_map(|l| format_in(l, id, args))
        .unwrap_or_else(|| id.to_owned())
}

fn format_in(locale: Locale, id: &str, args: &[(&str, Arg<'_>)]) -> Option<String> {
    let catalogue = catalogue(locale)?;
    let pattern = catalogue.bundle.get_message(id)?.value()?;
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        let value = match value {
            Arg::Text(text) => FluentValue::from(text.as_ref()),
            Arg::Number(n) => FluentValue::from(*n),
        };
        fluent_args.set(*name, value);
    }
    let mut errors = Vec::new();
    let text = catalogue
        .bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors);
    Some(text.into_owned())
}

/// Every message id of `locale`'s catalogue, sorted.
///
/// ```
/// let ids = hospes::i18n::keys(hospes::Locale::En);
/// assert!(ids.iter().any(|id| id == "label-nights"));
/// ```
pub fn keys(locale: Locale) -> Vec<String> {
    catalogue(locale).map(|c| c.ids.clone()).unwrap_or_default()
}

/// The ids some language lacks, as `"<tag>: <id>"`, sorted; empty when the catalogues agree.
///
/// ```
/// assert_eq!(hospes::i18n::missing_keys(), Vec::<String>::new());
/// ```
pub fn missing_keys() -> Vec<String> {
    let mut all: Vec<String> = Locale::ALL.iter().flat_map(|l| keys(*l)).collect();
    all.sort();
    all.dedup();
    let mut missing = Vec::new();
    for locale in Locale::ALL {
        let have = keys(locale);
        for id in &all {
            if have.binary_search(id).is_err() {
                missing.push(format!("{locale}: {id}"));
            }
        }
    }
    missing
}

/// Syntax errors and duplicate ids in the catalogue files, as `"<tag>: <problem>"`.
#[cfg(test)]
pub(crate) fn problems() -> Vec<String> {
    CATALOGUES.iter().flat_map(|c| c.problems.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_catalogue_parses_without_error_or_duplicate() {
        assert_eq!(problems(), Vec::<String>::new());
    }

    #[test]
    fn every_key_exists_in_every_language() {
        assert_eq!(
            missing_keys(),
            Vec::<String>::new(),
            "keys missing from a catalogue"
        );
    }

    #[test]
    fn a_key_missing_in_the_guests_language_falls_back_to_the_establishments() {
        // No catalogue has it: the id itself, never an empty string.
        assert_eq!(
            text("no-such-key", &[], Locale::En, Locale::Es),
            "no-such-key"
        );
        assert_eq!(format_in(Locale::En, "no-such-key", &[]), None);
    }

    #[test]
    fn plurals_follow_each_language() {
        let nights = |n: u32, l| text("label-nights", &[("count", n.into())], l, l);
        assert_eq!(nights(0, Locale::Fr), "0 nuit");
        assert_eq!(nights(2, Locale::Fr), "2 nuits");
        assert_eq!(nights(1, Locale::En), "1 night");
        assert_eq!(nights(0, Locale::En), "0 nights");
        assert_eq!(nights(1, Locale::Es), "1 noche");
    }
}
