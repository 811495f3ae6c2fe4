//! An address as documents and labels print it, the country named in the reader's language.

use crate::Address;
use crate::i18n::Locale;

/// A country's name in capitals, as the post writes it in `locale` (`ESPAGNE`, `SPAIN`), from
/// the catalogues' `country-XX`; the ISO 3166 English name for a country they do not list.
pub(super) fn country_name(country: crate::Country, locale: Locale) -> String {
    country.postal_name(locale)
}

/// An address as printed on a document: street lines, then postcode and town, then country.
pub(super) fn address_lines(address: &Address) -> Vec<String> {
    let mut lines: Vec<String> = address
        .lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .cloned()
        .collect();
    let town = address.town();
    if !town.is_empty() {
        lines.push(town);
    }
    lines
}
