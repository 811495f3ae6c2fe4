//! Species and breeds of pets: a small catalogue of the common ones, so that « Mes animaux »
//! shows a pet's species and breed in the establishment's language, whatever language they were
//! typed in.
//!
//! A species or breed is recognised when typed in French, English or Spanish, or under a common
//! other name (« chienne », “yorkie”, « malinois »); case, accents, spaces and punctuation do not
//! count (`Berger-Allemand` is « Berger allemand »). Its names are Fluent messages,
//! `species-<id>` and `breed-<id>` in `core/locales/<tag>/pets.ftl`. Anything else is not in the
//! catalogue: the portal shows it as typed.
//!
//! ```
//! use hospes::client::species;
//! use hospes::Locale;
//! assert_eq!(species::recognise_breed("Miniature Poodle"), Some("miniature-poodle"));
//! assert_eq!(species::breed_name("Miniature Poodle", Locale::Fr).as_deref(), Some("Caniche nain"));
//! assert_eq!(species::species_name("chienne", Locale::Es).as_deref(), Some("Perro"));
//! assert_eq!(species::breed_name("Bâtard", Locale::En), None);
//! ```

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::i18n::{self, Locale};
use crate::register::fold;

/// The ids of the species the catalogue knows (`species-<id>` in `pets.ftl`).
pub const SPECIES: [&str; 12] = [
    "dog",
    "cat",
    "rabbit",
    "ferret",
    "guinea-pig",
    "hamster",
    "rodent",
    "horse",
    "donkey",
    "bird",
    "reptile",
    "exotic",
];

/// The ids of the breeds the catalogue knows (`breed-<id>` in `pets.ftl`): the dog and cat
/// breeds most common in France, Spain and the United Kingdom.
pub const BREEDS: [&str; 50] = [
    "labrador",
    "golden-retriever",
    "german-shepherd",
    "belgian-shepherd",
    "australian-shepherd",
    "french-bulldog",
    "english-bulldog",
    "yorkshire-terrier",
    "chihuahua",
    "poodle",
    "miniature-poodle",
    "toy-poodle",
    "standard-poodle",
    "jack-russell",
    "shih-tzu",
    "cavalier-king-charles",
    "border-collie",
    "beagle",
    "dachshund",
    "german-spitz",
    "pomeranian",
    "bichon-frise",
    "maltese",
    "coton-de-tulear",
    "english-cocker",
    "staffordshire-bull-terrier",
    "siberian-husky",
    "west-highland-terrier",
    "boxer",
    "brittany",
    "cane-corso",
    "lhasa-apso",
    "schnauzer",
    "bernese",
    "rottweiler",
    "pug",
    "european-shorthair",
    "maine-coon",
    "persian",
    "birman",
    "ragdoll",
    "british-shorthair",
    "siamese",
    "bengal",
    "sphynx",
    "norwegian-forest",
    "chartreux",
    "scottish-fold",
    "abyssinian",
    "russian-blue",
];

/// Other names a species is typed under, besides its names in `pets.ftl`.
const SPECIES_SYNONYMS: &[(&str, &[&str])] = &[
    (
        "dog",
        &[
            "chienne", "chiot", "canin", "puppy", "perra", "cachorro", "canino",
        ],
    ),
    (
        "cat",
        &[
            "chatte", "chaton", "félin", "kitten", "feline", "gata", "gatito", "felino",
        ],
    ),
    ("rabbit", &["lapine", "lapereau", "bunny", "coneja"]),
    ("ferret", &["hurona"]),
    (
        "guinea-pig",
        &["cobaye", "cavia", "cobayo", "conejillo de Indias"],
    ),
    (
        "rodent",
        &[
            "rat",
            "souris",
            "gerbille",
            "chinchilla",
            "rata",
            "ratón",
            "mouse",
            "gerbil",
        ],
    ),
    ("horse", &["jument", "poulain", "yegua", "mare"]),
    ("donkey", &["ânesse", "asno", "burra"]),
    (
        "bird",
        &[
            "perroquet",
            "perruche",
            "canari",
            "ave",
            "parrot",
            "loro",
            "periquito",
        ],
    ),
    (
        "reptile",
        &[
            "tortue",
            "lézard",
            "serpent",
            "tortuga",
            "lagarto",
            "serpiente",
            "turtle",
            "lizard",
            "snake",
        ],
    ),
    (
        "exotic",
        &[
            "nouvel animal de compagnie",
            "nouveaux animaux de compagnie",
            "animal exotique",
            "exotique",
            "exotic",
            "exótico",
        ],
    ),
];

/// Other names a breed is typed under, besides its names in `pets.ftl`.
const BREED_SYNONYMS: &[(&str, &[&str])] = &[
    ("golden-retriever", &["golden"]),
    (
        "german-shepherd",
        &["alsatian", "berger allemand", "pastor alemán"],
    ),
    (
        "belgian-shepherd",
        &[
            "malinois",
            "berger belge",
            "Belgian shepherd",
            "pastor belga",
        ],
    ),
    ("australian-shepherd", &["aussie"]),
    (
        "french-bulldog",
        &["bulldog français", "frenchie", "bouledogue"],
    ),
    (
        "english-bulldog",
        &["bulldog anglais", "bulldog", "British bulldog"],
    ),
    ("yorkshire-terrier", &["yorkshire", "yorkie"]),
    ("miniature-poodle", &["caniche miniature"]),
    (
        "standard-poodle",
        &["caniche géant", "caniche estándar", "caniche grand"],
    ),
    (
        "jack-russell",
        &["Jack Russell", "Jack Russel", "Jack Russel terrier"],
    ),
    ("cavalier-king-charles", &["cavalier", "King Charles"]),
    (
        "dachshund",
        &["dackel", "sausage dog", "perro salchicha", "tekel"],
    ),
    ("german-spitz", &["spitz"]),
    (
        "pomeranian",
        &["poméranien", "loulou de Poméranie", "Pomeranian spitz"],
    ),
    ("bichon-frise", &["bichon", "bichón"]),
    ("maltese", &["maltais", "bichon maltese", "maltés"]),
    ("coton-de-tulear", &["coton"]),
    (
        "english-cocker",
        &["cocker", "cocker spaniel", "English cocker"],
    ),
    (
        "staffordshire-bull-terrier",
        &["staffie", "staffy", "staff"],
    ),
    ("siberian-husky", &["husky"]),
    (
        "west-highland-terrier",
        &["westie", "West Highland terrier"],
    ),
    ("brittany", &["Brittany spaniel", "spaniel bretón"]),
    ("lhasa-apso", &["Lhasa", "Lhassa"]),
    ("bernese", &["bernois", "Bernese"]),
    ("pug", &["mops", "carlino"]),
    (
        "european-shorthair",
        &[
            "chat européen",
            "gouttière",
            "chat de gouttière",
            "européen à poil court",
            "European",
            "europeo",
        ],
    ),
    ("persian", &["chat persan", "gato persa"]),
    ("birman", &["Birmanie", "Sacred cat of Burma"]),
    (
        "british-shorthair",
        &["British", "British short hair", "británico"],
    ),
    ("siamese", &["siamés"]),
    ("bengal", &["bengali"]),
    ("sphynx", &["sphinx", "Canadian hairless"]),
    (
        "norwegian-forest",
        &[
            "norvégien",
            "forêt norvégienne",
            "Norwegian forest",
            "Norwegian",
        ],
    ),
    ("abyssinian", &["abyssinien"]),
];

/// Folded name → catalogue id, for one kind (`species` or `breed`).
type Index = HashMap<String, &'static str>;

/// Every (folded name, id) pair of a kind: the names in the three languages, then the synonyms.
fn names(
    kind: &str,
    ids: &[&'static str],
    synonyms: &[(&'static str, &[&str])],
) -> Vec<(String, &'static str)> {
    let mut all = Vec::new();
    for id in ids {
        let key = format!("{kind}-{id}");
        for locale in Locale::ALL {
            all.push((fold(&i18n::text(&key, &[], locale, locale)), *id));
        }
    }
    for (id, others) in synonyms {
        all.extend(others.iter().map(|name| (fold(name), *id)));
    }
    all.retain(|(name, _)| !name.is_empty());
    all
}

fn index(names: Vec<(String, &'static str)>) -> Index {
    let mut index = Index::with_capacity(names.len());
    for (name, id) in names {
        index.entry(name).or_insert(id);
    }
    index
}

static SPECIES_INDEX: LazyLock<Index> =
    LazyLock::new(|| index(names("species", &SPECIES, SPECIES_SYNONYMS)));
static BREED_INDEX: LazyLock<Index> =
    LazyLock::new(|| index(names("breed", &BREEDS, BREED_SYNONYMS)));

/// The catalogue id of the species `typed` names, in any of fr, en, es or a common other name;
/// `None` when the catalogue does not know it.
///
/// ```
/// use hospes::client::species::recognise_species;
/// assert_eq!(recognise_species(" CHIEN "), Some("dog"));
/// assert_eq!(recognise_species("Cochon d'Inde"), Some("guinea-pig"));
/// assert_eq!(recognise_species("Hurón"), Some("ferret"));
/// assert_eq!(recognise_species("axolotl"), None);
/// ```
pub fn recognise_species(typed: &str) -> Option<&'static str> {
    SPECIES_INDEX.get(&fold(typed)).copied()
}

/// The catalogue id of the breed `typed` names, in any of fr, en, es or a common other name;
/// `None` when the catalogue does not know it.
///
/// ```
/// use hospes::client::species::recognise_breed;
/// assert_eq!(recognise_breed("berger allemand"), Some("german-shepherd"));
/// assert_eq!(recognise_breed("Pastor Alemán"), Some("german-shepherd"));
/// assert_eq!(recognise_breed("shih-tzu"), Some("shih-tzu"));
/// assert_eq!(recognise_breed("Croisé labrador"), None);
/// ```
pub fn recognise_breed(typed: &str) -> Option<&'static str> {
    BREED_INDEX.get(&fold(typed)).copied()
}

/// The name in `locale` of the species `typed` names; `None` when the catalogue does not know
/// it (the portal then shows it as typed).
///
/// ```
/// use hospes::{client::species::species_name, Locale};
/// assert_eq!(species_name("dog", Locale::Fr).as_deref(), Some("Chien"));
/// assert_eq!(species_name("NAC", Locale::En).as_deref(), Some("Exotic pet"));
/// ```
pub fn species_name(typed: &str, locale: Locale) -> Option<String> {
    recognise_species(typed).map(|id| species_name_of(id, locale))
}

/// The name in `locale` of the breed `typed` names; `None` when the catalogue does not know it
/// (the portal then shows it as typed).
///
/// ```
/// use hospes::{client::species::breed_name, Locale};
/// assert_eq!(breed_name("Persan", Locale::Es).as_deref(), Some("Persa"));
/// assert_eq!(breed_name("French bulldog", Locale::Fr).as_deref(), Some("Bouledogue français"));
/// ```
pub fn breed_name(typed: &str, locale: Locale) -> Option<String> {
    recognise_breed(typed).map(|id| breed_name_of(id, locale))
}

/// The name in `locale` of the species whose catalogue id is `id` (the key itself for an id
/// the catalogue does not have).
///
/// ```
/// use hospes::{client::species::species_name_of, Locale};
/// assert_eq!(species_name_of("cat", Locale::Es), "Gato");
/// ```
pub fn species_name_of(id: &str, locale: Locale) -> String {
    i18n::text(&format!("species-{id}"), &[], locale, locale)
}

/// The name in `locale` of the breed whose catalogue id is `id` (the key itself for an id the
/// catalogue does not have).
///
/// ```
/// use hospes::{client::species::breed_name_of, Locale};
/// assert_eq!(breed_name_of("birman", Locale::Fr), "Sacré de Birmanie");
/// ```
pub fn breed_name_of(id: &str, locale: Locale) -> String {
    i18n::text(&format!("breed-{id}"), &[], locale, locale)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names that fold alike but point to different ids, as `"<name>: <id>, <id>"`.
    fn clashes(names: Vec<(String, &'static str)>) -> Vec<String> {
        let mut seen: HashMap<String, &str> = HashMap::new();
        let mut clashes = Vec::new();
        for (name, id) in names {
            match seen.get(&name) {
                Some(other) if *other != id => clashes.push(format!("{name}: {other}, {id}")),
                _ => {
                    seen.insert(name, id);
                }
            }
        }
        clashes
    }

    #[test]
    fn no_name_means_two_different_species_or_breeds() {
        assert_eq!(
            clashes(names("species", &SPECIES, SPECIES_SYNONYMS)),
            Vec::<String>::new()
        );
        assert_eq!(
            clashes(names("breed", &BREEDS, BREED_SYNONYMS)),
            Vec::<String>::new()
        );
    }

    #[test]
    fn every_species_and_breed_has_a_name_in_every_language_and_no_name_is_left_over() {
        for locale in Locale::ALL {
            let keys = i18n::keys(locale);
            let listed: Vec<String> = SPECIES
                .iter()
                .map(|id| format!("species-{id}"))
                .chain(BREEDS.iter().map(|id| format!("breed-{id}")))
                .collect();
            for key in &listed {
                assert!(keys.contains(key), "{locale}: {key} missing from pets.ftl");
            }
            let in_files = keys
                .iter()
                .filter(|k| k.starts_with("species-") || k.starts_with("breed-"));
            for key in in_files {
                assert!(
                    listed.contains(key),
                    "{locale}: {key} not listed in species.rs"
                );
            }
        }
    }

    #[test]
    fn every_synonym_names_a_listed_id() {
        for (id, _) in SPECIES_SYNONYMS {
            assert!(SPECIES.contains(id), "{id}");
        }
        for (id, _) in BREED_SYNONYMS {
            assert!(BREEDS.contains(id), "{id}");
        }
    }

    #[test]
    fn a_breed_typed_in_english_is_named_in_french_and_spanish() {
        assert_eq!(
            breed_name("Miniature poodle", Locale::Fr).as_deref(),
            Some("Caniche nain")
        );
        assert_eq!(
            breed_name("caniche nain", Locale::Es).as_deref(),
            Some("Caniche enano")
        );
        assert_eq!(
            breed_name("YORKIE", Locale::En).as_deref(),
            Some("Yorkshire terrier")
        );
        assert_eq!(
            breed_name("sacre de birmanie", Locale::En).as_deref(),
            Some("Birman")
        );
    }

    #[test]
    fn blank_or_unknown_text_is_not_in_the_catalogue() {
        assert_eq!(recognise_species("   "), None);
        assert_eq!(recognise_breed("—"), None);
        assert_eq!(recognise_breed("Croisé caniche"), None);
    }
}
