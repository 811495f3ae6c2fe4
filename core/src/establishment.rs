//! The establishment: who the guest is dealing with, shown on the portal and every document.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::address::{Address, Country};
use crate::error::{Error, Result};
use crate::i18n::{Locale, Translated};
use crate::money::Currency;
use crate::{email, phone, text};

/// An IANA time zone (`"Europe/Paris"`), the zone of the establishment's calendar dates.
///
/// ```
/// use hospes::TimeZone;
/// let tz: TimeZone = "Europe/Paris".parse().unwrap();
/// assert_eq!(tz.name(), "Europe/Paris");
/// assert_eq!("Mars/Olympus".parse::<TimeZone>().unwrap_err().code(), "establishment.time_zone_unknown");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "String")]
pub struct TimeZone(chrono_tz::Tz);

impl TimeZone {
    /// `Europe/Paris`.
    pub const PARIS: TimeZone = TimeZone(chrono_tz::Europe::Paris);

    /// Reads an IANA name, exactly as the tz database spells it.
    pub fn new(name: &str) -> Result<Self> {
        name.trim()
            .parse::<chrono_tz::Tz>()
            .map(TimeZone)
            .map_err(|_| Error::TimeZoneUnknown {
                value: name.chars().take(64).collect(),
            })
    }

    /// The IANA name.
    pub fn name(self) -> &'static str {
        self.0.name()
    }

    /// The chrono-tz zone, to convert instants to the establishment's calendar.
    ///
    /// ```
    /// let tz: hospes::TimeZone = "Europe/Paris".parse().unwrap();
    /// let late: hospes::DateTime<hospes::Utc> = "2026-07-10T22:30:00Z".parse().unwrap();
    /// assert_eq!(late.with_timezone(&tz.tz()).date_naive().to_string(), "2026-07-11");
    /// ```
    pub fn tz(self) -> chrono_tz::Tz {
        self.0
    }
}

impl FromStr for TimeZone {
    type Err = Error;
    fn from_str(name: &str) -> Result<Self> {
        TimeZone::new(name)
    }
}

crate::codec::deserialize_from_str!(TimeZone, TimeZone::new);

impl From<TimeZone> for String {
    fn from(tz: TimeZone) -> String {
        tz.name().to_owned()
    }
}

impl fmt::Display for TimeZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A season the establishment is open, both days included ("ouvert du 1er avril au 30 septembre").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct OpeningPeriod {
    /// First day open.
    #[serde(deserialize_with = "crate::codec::date")]
    pub first_day: NaiveDate,
    /// Last day open.
    #[serde(deserialize_with = "crate::codec::date")]
    pub last_day: NaiveDate,
}

/// Legal identifiers printed on invoices.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LegalIds {
    /// French SIRET: 14 digits with a Luhn check digit (spaces allowed on input).
    #[serde(default)]
    pub siret: Option<String>,
    /// Intra-community VAT number (`FR40123456824`).
    #[serde(default)]
    pub vat_number: Option<String>,
    /// Legal form and capital as printed ("SARL au capital de 15 000 €").
    #[serde(default)]
    pub legal_form: Option<String>,
}

/// The establishment's identity and settings.
///
/// ```
/// use hospes::Establishment;
/// let json = r#"{
///   "id": "camping-des-pins", "name": "Camping des Pins",
///   "address": {"lines": ["12 chemin des Pins"], "postcode": "40200", "city": "Mimizan", "country": "FR"},
///   "phone": "05 58 09 12 34", "currency": "EUR", "time_zone": "Europe/Paris",
///   "portal_base_url": "https://portail.camping-des-pins.fr/"
/// }"#;
/// let e: Establishment = serde_json::from_str(json).unwrap();
/// let e = e.normalized().unwrap();
/// assert_eq!(e.phone.as_deref(), Some("+33558091234"));
/// assert_eq!(e.default_locale, hospes::Locale::Fr);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Establishment {
    /// The host's identifier.
    pub id: String,
    /// Trading name.
    pub name: String,
    /// Logo shown on the portal (URL).
    #[serde(default)]
    pub logo_url: Option<String>,
    /// Public website.
    #[serde(default)]
    pub website: Option<String>,
    /// Seasons open; empty means open all year.
    #[serde(default)]
    pub opening_periods: Vec<OpeningPeriod>,
    /// Where it is.
    #[serde(default)]
    pub address: Address,
    /// Reception phone, normalised to E.164.
    #[serde(default)]
    pub phone: Option<String>,
    /// Reception e-mail.
    #[serde(default)]
    pub email: Option<String>,
    /// Legal identifiers.
    #[serde(default)]
    pub legal: LegalIds,
    /// Language used when the guest has none.
    #[serde(default)]
    pub default_locale: Locale,
    /// Currency of every amount.
    pub currency: Currency,
    /// Zone of the calendar dates (arrivals, deadlines).
    pub time_zone: TimeZone,
    /// Base of every link to the portal; https.
    pub portal_base_url: String,
    /// The presentation message of the portal's home, in each language written (seed 000).
    #[serde(default)]
    pub presentation: Translated,
}

impl Establishment {
    /// Checks and cleans the record: names trimmed, phone in E.164, e-mail, SIRET, URLs and
    /// opening periods checked. The country of the address (France when absent) reads phones.
    pub fn normalized(self) -> Result<Establishment> {
        let address = self.address.normalized("address")?;
        let country = address.country.unwrap_or(Country::FRANCE);
        let mut periods = self.opening_periods;
        for p in &periods {
            if p.last_day < p.first_day {
                return Err(Error::OpeningPeriodInvalid {
                    first_day: p.first_day.to_string(),
                    last_day: p.last_day.to_string(),
                });
            }
        }
        periods.sort_by_key(|p| p.first_day);
        Ok(Establishment {
            id: text::required(&self.id, "id", 100)?,
            name: text::required(&self.name, "name", 200)?,
            logo_url: self.logo_url.as_deref().map(web_url).transpose()?,
            website: self.website.as_deref().map(web_url).transpose()?,
            opening_periods: periods,
            address,
            phone: self
                .phone
                .as_deref()
                .map(|p| phone::normalize(p, country, "phone"))
                .transpose()?,
            email: self.email.as_deref().map(email::normalize).transpose()?,
            legal: LegalIds {
                siret: self.legal.siret.as_deref().map(siret).transpose()?,
                vat_number: text::optional(
                    self.legal.vat_number.as_deref(),
                    "legal.vat_number",
                    20,
                )?
                .map(|v| v.replace(' ', "").to_ascii_uppercase()),
                legal_form: text::optional(
                    self.legal.legal_form.as_deref(),
                    "legal.legal_form",
                    200,
                )?,
            },
            default_locale: self.default_locale,
            currency: self.currency,
            time_zone: self.time_zone,
            portal_base_url: web_url(&self.portal_base_url)?,
            presentation: self.presentation.normalized("presentation", 4000)?,
        })
    }

    /// The country phone numbers are read in: the address's, France when it has none.
    ///
    /// ```
    /// # let e: hospes::Establishment = serde_json::from_str(r#"{"id":"x","name":"x","currency":"EUR","time_zone":"Europe/Paris","portal_base_url":"https://x.fr"}"#).unwrap();
    /// assert_eq!(e.country(), hospes::Country::FRANCE);
    /// ```
    pub fn country(&self) -> Country {
        self.address.country.unwrap_or(Country::FRANCE)
    }

    /// Whether the establishment is open on `day` (always, when no period is set).
    ///
    /// ```
    /// # use hospes::{Establishment, OpeningPeriod};
    /// # let mut e: Establishment = serde_json::from_str(r#"{"id":"x","name":"x","currency":"EUR","time_zone":"Europe/Paris","portal_base_url":"https://x.fr"}"#).unwrap();
    /// let d = |s: &str| s.parse().unwrap();
    /// e.opening_periods = vec![OpeningPeriod { first_day: d("2026-04-01"), last_day: d("2026-09-30") }];
    /// assert!(e.is_open_on(d("2026-09-30")));
    /// assert!(!e.is_open_on(d("2026-10-01")));
    /// ```
    pub fn is_open_on(&self, day: NaiveDate) -> bool {
        self.opening_periods.is_empty()
            || self
                .opening_periods
                .iter()
                .any(|p| p.first_day <= day && day <= p.last_day)
    }
}

/// A URL a guest may be sent to, checked and written canonically: `https:` (`http:` only for
/// `localhost`, `127.0.0.1` and `[::1]`, for development), a host, no user name or password in
/// it, at most 2 000 bytes. A `javascript:` or `data:` link is refused, not merely escaped.
///
/// ```
/// use hospes::establishment::web_url;
/// assert_eq!(web_url("https://portail.x.fr").unwrap(), "https://portail.x.fr/");
/// assert!(web_url("http://127.0.0.1:8000/espace").is_ok());
/// for bad in ["javascript:alert(1)", "http://portail.x.fr", "https://a:b@x.fr", "ftp://x.fr", "//x.fr"] {
///     assert_eq!(web_url(bad).unwrap_err().code(), "establishment.url_invalid");
/// }
/// ```
pub fn web_url(value: &str) -> Result<String> {
    let invalid = || Error::UrlInvalid {
        value: value.chars().take(200).collect(),
    };
    if value.len() > 2000 || value.chars().any(char::is_control) {
        return Err(invalid());
    }
    let parsed = url::Url::parse(value.trim()).map_err(|_| invalid())?;
    let local = matches!(
        parsed.host(),
        Some(url::Host::Domain("localhost"))
            | Some(url::Host::Ipv4(std::net::Ipv4Addr::LOCALHOST))
            | Some(url::Host::Ipv6(std::net::Ipv6Addr::LOCALHOST))
    );
    let scheme_ok = parsed.scheme() == "https" || (parsed.scheme() == "http" && local);
    if !scheme_ok
        || parsed.host().is_none()
        || !parsed.username().is_empty()
        || parsed.password().is_some()
    {
        return Err(invalid());
    }
    Ok(parsed.to_string())
}

/// Checks a SIRET: 14 digits whose Luhn sum is a multiple of 10; returns the digits alone.
fn siret(value: &str) -> Result<String> {
    let digits: String = value.chars().filter(|c| !c.is_whitespace()).collect();
    let invalid = || Error::SiretInvalid {
        value: value.chars().take(40).collect(),
    };
    if digits.len() != 14 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid());
    }
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    if sum.is_multiple_of(10) {
        Ok(digits)
    } else {
        Err(invalid())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_siret_with_a_wrong_check_digit_is_refused() {
        assert_eq!(siret("732 829 320 00074").unwrap(), "73282932000074");
        assert_eq!(
            siret("73282932000075").unwrap_err().code(),
            "establishment.siret_invalid"
        );
        assert_eq!(
            siret("7328293200007").unwrap_err().code(),
            "establishment.siret_invalid"
        );
    }

    #[test]
    fn a_portal_url_must_be_web() {
        assert_eq!(
            web_url("ftp://x.fr").unwrap_err().code(),
            "establishment.url_invalid"
        );
        assert_eq!(
            web_url("https://portail.x.fr").unwrap(),
            "https://portail.x.fr/"
        );
    }
}
