//! Days of the week and periods of dates: what a season, a promo code and opening hours are
//! made of.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::i18n::Locale;

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[allow(missing_docs)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    /// The day of the week of `date`.
    ///
    /// ```
    /// use hospes::calendar::Weekday;
    /// assert_eq!(Weekday::of("2026-07-11".parse().unwrap()), Weekday::Saturday);
    /// ```
    pub fn of(date: NaiveDate) -> Weekday {
        match date.weekday() {
            chrono::Weekday::Mon => Weekday::Monday,
            chrono::Weekday::Tue => Weekday::Tuesday,
            chrono::Weekday::Wed => Weekday::Wednesday,
            chrono::Weekday::Thu => Weekday::Thursday,
            chrono::Weekday::Fri => Weekday::Friday,
            chrono::Weekday::Sat => Weekday::Saturday,
            chrono::Weekday::Sun => Weekday::Sunday,
        }
    }

    /// Its name in `locale`, lower case.
    ///
    /// ```
    /// use hospes::{Locale, calendar::Weekday};
    /// assert_eq!(Weekday::Saturday.name(Locale::Fr), "samedi");
    /// ```
    pub fn name(self, locale: Locale) -> String {
        let id = match self {
            Weekday::Monday => "label-monday",
            Weekday::Tuesday => "label-tuesday",
            Weekday::Wednesday => "label-wednesday",
            Weekday::Thursday => "label-thursday",
            Weekday::Friday => "label-friday",
            Weekday::Saturday => "label-saturday",
            Weekday::Sunday => "label-sunday",
        };
        crate::i18n::text(id, &[], locale, locale)
    }
}

/// A range of days, both ends included (« du 1er juillet au 31 août »).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Period {
    /// First day.
    #[serde(deserialize_with = "crate::codec::date")]
    pub from: NaiveDate,
    /// Last day, included.
    #[serde(deserialize_with = "crate::codec::date")]
    pub to: NaiveDate,
}

impl Period {
    /// Whether `day` is within the period.
    ///
    /// ```
    /// let p = hospes::calendar::Period { from: "2026-07-01".parse().unwrap(), to: "2026-08-31".parse().unwrap() };
    /// assert!(p.contains("2026-08-31".parse().unwrap()));
    /// assert!(!p.contains("2026-09-01".parse().unwrap()));
    /// ```
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }
}
