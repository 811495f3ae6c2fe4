//! Postal addresses and ISO 3166 countries, shared by clients and establishments.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::i18n::{self, Locale};
use crate::text;

/// An ISO 3166-1 alpha-2 country, serialised as its code (`"FR"`).
///
/// ```
/// use hospes::Country;
/// let fr: Country = " fr ".parse().unwrap();
/// assert_eq!(fr.code(), "FR");
/// assert_eq!(fr.name(), "France");
/// assert_eq!("XX".parse::<Country>().unwrap_err().code(), "client.country_unknown");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "String")]
pub struct Country(isocountry::CountryCode);

impl Country {
    /// France, the country assumed for phone numbers when an establishment gives none.
    pub const FRANCE: Country = Country(isocountry::CountryCode::FRA);

    /// Reads an alpha-2 code, ignoring case and surrounding spaces.
    ///
    /// ```
    /// assert_eq!(hospes::Country::new("es").unwrap().code(), "ES");
    /// ```
    pub fn new(code: &str) -> Result<Self> {
        isocountry::CountryCode::for_alpha2_caseless(code.trim())
            .map(Country)
            .map_err(|_| Error::CountryUnknown {
                value: code.to_owned(),
            })
    }

    /// The alpha-2 code, upper case.
    pub fn code(self) -> &'static str {
        self.0.alpha2()
    }

    /// The English short name from ISO 3166 (for exports; guests see localised names).
    pub fn name(self) -> &'static str {
        self.0.name()
    }

    /// The country's name in capitals as the post writes it in `locale` (`ESPAGNE`, `SPAIN`),
    /// from the catalogues' `country-XX`; the ISO 3166 English name in capitals for a country
    /// they do not list.
    ///
    /// ```
    /// use hospes::{Country, Locale};
    /// assert_eq!(Country::new("ES").unwrap().postal_name(Locale::Fr), "ESPAGNE");
    /// ```
    pub fn postal_name(self, locale: Locale) -> String {
        let id = format!("country-{}", self.code());
        let named = i18n::text(&id, &[], locale, Locale::En);
        if named == id {
            self.name().to_uppercase()
        } else {
            named
        }
    }
}

impl FromStr for Country {
    type Err = Error;
    fn from_str(code: &str) -> Result<Self> {
        Country::new(code)
    }
}

crate::codec::deserialize_from_str!(Country, Country::new);

impl From<Country> for String {
    fn from(country: Country) -> String {
        country.code().to_owned()
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A postal address. Every part is optional while a prospect's record is incomplete.
///
/// ```
/// use hospes::Address;
/// let a = Address {
///     lines: vec!["  12 chemin des Pins ".into(), "".into()],
///     postcode: Some(" 40200 ".into()),
///     city: Some("Mimizan".into()),
///     country: Some("FR".parse().unwrap()),
/// };
/// let a = a.normalized("address").unwrap();
/// assert_eq!(a.lines, ["12 chemin des Pins"]);
/// assert_eq!(a.one_line(), "12 chemin des Pins, 40200 Mimizan, FR");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Address {
    /// Street lines, first to last (building, street, locality).
    #[serde(default)]
    pub lines: Vec<String>,
    /// Postcode, kept as written (letters allowed: `SW1A 1AA`).
    #[serde(default)]
    pub postcode: Option<String>,
    /// City.
    #[serde(default)]
    pub city: Option<String>,
    /// Country.
    #[serde(default)]
    pub country: Option<Country>,
}

/// Longest street line accepted.
pub const MAX_ADDRESS_LINE: usize = 200;
/// Most street lines accepted.
pub const MAX_ADDRESS_LINES: usize = 4;

impl Address {
    /// Trims every part, drops empty lines, checks lengths; `field` names the address in errors.
    pub fn normalized(self, field: &str) -> Result<Address> {
        let mut lines = Vec::with_capacity(self.lines.len());
        for line in &self.lines {
            if let Some(line) =
                text::optional(Some(line), &format!("{field}.lines"), MAX_ADDRESS_LINE)?
            {
                lines.push(line);
            }
        }
        if lines.len() > MAX_ADDRESS_LINES {
            return Err(Error::FieldTooLong {
                field: format!("{field}.lines"),
                max: MAX_ADDRESS_LINES,
            });
        }
        Ok(Address {
            lines,
            postcode: text::optional(self.postcode.as_deref(), &format!("{field}.postcode"), 16)?,
            city: text::optional(self.city.as_deref(), &format!("{field}.city"), 100)?,
            country: self.country,
        })
    }

    /// The address on one line, parts separated by commas (register columns, diffs).
    pub fn one_line(&self) -> String {
        let town = self.town();
        self.lines
            .iter()
            .map(String::as_str)
            .chain((!town.is_empty()).then_some(town.as_str()))
            .chain(self.country.map(Country::code))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The address on one line as a letter or a contract writes it: street lines, postcode and
    /// town, then the country's postal name in `locale` when it is not `home` (the
    /// establishment's country).
    ///
    /// ```
    /// use hospes::{Address, Country, Locale};
    /// let a = Address { lines: vec!["Calle Mayor 1".into()], postcode: Some("28013".into()),
    ///     city: Some("Madrid".into()), country: Some(Country::new("ES").unwrap()) };
    /// assert_eq!(a.written(Some(Country::FRANCE), Locale::Fr), "Calle Mayor 1, 28013 Madrid, ESPAGNE");
    /// assert_eq!(a.written(a.country, Locale::Fr), "Calle Mayor 1, 28013 Madrid");
    /// ```
    pub fn written(&self, home: Option<Country>, locale: Locale) -> String {
        let town = self.town();
        let country = self
            .country
            .filter(|c| Some(*c) != home)
            .map(|c| c.postal_name(locale));
        self.lines
            .iter()
            .filter(|l| !l.trim().is_empty())
            .cloned()
            .chain((!town.is_empty()).then_some(town))
            .chain(country)
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Postcode and city on one line (`40200 Mimizan`), empty when neither is known.
    ///
    /// ```
    /// let a = hospes::Address { city: Some("Mimizan".into()), postcode: Some("40200".into()), ..Default::default() };
    /// assert_eq!(a.town(), "40200 Mimizan");
    /// ```
    pub fn town(&self) -> String {
        [self.postcode.as_deref(), self.city.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Whether nothing is filled in.
    ///
    /// ```
    /// assert!(hospes::Address::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
            && self.postcode.is_none()
            && self.city.is_none()
            && self.country.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_street_line_over_two_hundred_characters_is_refused() {
        let a = Address {
            lines: vec!["x".repeat(201)],
            ..Address::default()
        };
        assert_eq!(
            a.normalized("address").unwrap_err(),
            Error::FieldTooLong {
                field: "address.lines".into(),
                max: 200
            }
        );
    }

    #[test]
    fn an_empty_address_has_an_empty_line() {
        assert_eq!(Address::default().one_line(), "");
        assert!(Address::default().is_empty());
    }
}
