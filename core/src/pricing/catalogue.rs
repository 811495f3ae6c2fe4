//! The establishment's price catalogue: units, seasons, rates, prices by age, length discounts,
//! options, promo codes, the tourist tax, the deposit and the cancellation terms.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::schedule::PaymentSchedule;
use crate::calendar::{Period, Weekday};
use crate::establishment::TimeZone;
use crate::i18n::Translated;
use crate::money::Currency;
use crate::vat::{PriceBasis, VatRate};

/// A rentable unit: a pitch, a mobile home, a room, a chalet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Unit {
    /// The host's id (`E12`, `MH-3`).
    pub id: String,
    /// Its name as printed on the quote (« Mobil-home 3 chambres »).
    pub name: String,
    /// Its category; rates may be set per category (`pitch`, `mobile_home`).
    pub category: String,
    /// Most guests it sleeps.
    pub capacity: u32,
}

/// A season: the days it covers, optionally only some days of the week (a weekend rate).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Season {
    /// Its id, referred to by rates.
    pub id: String,
    /// Its name as printed (« Haute saison »).
    pub name: String,
    /// The days it covers.
    pub periods: Vec<Period>,
    /// Only the nights of these days of the week; empty for every day.
    #[serde(default)]
    pub weekdays: Vec<Weekday>,
}

impl Season {
    /// Whether the night of `night` falls in this season.
    pub(super) fn covers(&self, night: NaiveDate) -> bool {
        self.periods.iter().any(|p| p.contains(night))
            && (self.weekdays.is_empty() || self.weekdays.contains(&Weekday::of(night)))
    }
}

/// What a rate's price is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum RateBasis {
    /// The unit, per night.
    PerNight,
    /// The unit, per week of 7 nights; remaining nights at a seventh of it each, rounded.
    PerWeek,
    /// Each guest, per night, after their age band.
    PerPersonNight,
}

/// The price of a unit (or a category) in a season, and its booking rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Rate {
    /// A unit id, or a category; a rate for the unit wins over one for its category.
    pub unit: String,
    /// The season id.
    pub season: String,
    /// What the price is for.
    pub basis: RateBasis,
    /// The price, on the catalogue's price basis.
    #[cfg_attr(feature = "schema", schemars(with = "crate::codec::DecimalString"))]
    pub price: Decimal,
    /// For unit prices: how many guests the price includes (a pitch « forfait 2 personnes »).
    #[serde(default)]
    pub included_persons: u32,
    /// For unit prices: each guest beyond `included_persons`, per night, after their age band;
    /// none when extra guests cost nothing.
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::codec::DecimalString>")
    )]
    pub extra_person: Option<Decimal>,
    /// Shortest stay, when arriving in this season.
    #[serde(default)]
    pub min_nights: Option<u32>,
    /// Longest stay, when arriving in this season.
    #[serde(default)]
    pub max_nights: Option<u32>,
    /// Allowed arrival days, when arriving in this season; empty for any day.
    #[serde(default)]
    pub arrival_days: Vec<Weekday>,
}

/// What an age band pays, relative to the full person price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum AgePrice {
    /// Nothing.
    Free,
    /// This price instead, per night.
    Fixed {
        /// The price per night.
        #[cfg_attr(feature = "schema", schemars(with = "crate::codec::DecimalString"))]
        price: Decimal,
    },
    /// This percentage of the full price (50 = half price).
    Percent {
        /// The percentage paid.
        #[cfg_attr(feature = "schema", schemars(with = "crate::codec::DecimalString"))]
        percent: Decimal,
    },
}

/// Guests whose age on the arrival day is in `min_age..max_age` pay `price`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AgeBand {
    /// As printed (« Enfant 3–12 ans »).
    pub label: String,
    /// Youngest age in the band.
    pub min_age: u32,
    /// First age no longer in the band.
    pub max_age: u32,
    /// What the band pays.
    pub price: AgePrice,
}

/// A discount on the accommodation for stays of `min_nights` or more (the longest that applies).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LengthDiscount {
    /// From this many nights.
    pub min_nights: u32,
    /// Percentage off the accommodation.
    #[cfg_attr(feature = "schema", schemars(with = "crate::codec::DecimalString"))]
    pub percent: Decimal,
    /// Only these units or categories; empty for all.
    #[serde(default)]
    pub units: Vec<String>,
}

/// What an option's price is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum SupplementBasis {
    /// Once per stay (cleaning, linen pack).
    Once,
    /// Per night (a dog, electricity).
    PerNight,
    /// Per guest (a welcome kit).
    PerPerson,
    /// Per guest and night (breakfast).
    PerPersonNight,
    /// A percentage of the accommodation price (cancellation insurance); `price` is the percentage.
    PercentOfStay,
}

/// An option or supplement (« option », « prestation »), with the conditions it is sold under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Supplement {
    /// Its id, as requested.
    pub id: String,
    /// Its name as printed (« Animal »).
    pub name: String,
    /// What the guest reads about it before choosing (seed: « un maximum d'informations sur la
    /// prestation »), in each of the business's languages; at most 2 000 characters each.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub description: Option<Translated>,
    /// What `price` is for.
    pub basis: SupplementBasis,
    /// The price (a percentage for `percent_of_stay`).
    #[cfg_attr(feature = "schema", schemars(with = "crate::codec::DecimalString"))]
    pub price: Decimal,
    /// Its VAT rate; the catalogue's supplement rate when none.
    #[serde(default)]
    pub vat_rate: Option<VatRate>,
    /// Added to every stay it is allowed for, without being asked.
    #[serde(default)]
    pub automatic: bool,
    /// Most of it per stay.
    #[serde(default = "one")]
    pub max_quantity: u32,
    /// Not bookable within this many days of arrival.
    #[serde(default)]
    pub not_within_days: Option<u32>,
    /// Only when booking, never added later (cancellation insurance).
    #[serde(default)]
    pub at_booking_only: bool,
    /// Only for these units or categories; empty for all.
    #[serde(default)]
    pub units: Vec<String>,
    /// Only when arriving in these seasons; empty for all.
    #[serde(default)]
    pub seasons: Vec<String>,
}

pub(super) fn one() -> u32 {
    1
}

/// Which dates a promo code's validity is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum PromoValidity {
    /// The arrival day must be in the validity period.
    #[default]
    StayDates,
    /// The booking day (`now`, in the catalogue's time zone) must be in it.
    BookingDate,
}

/// What a promo code takes off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum PromoDiscount {
    /// A fixed amount, at most what it applies to.
    Fixed {
        /// The amount off.
        #[cfg_attr(feature = "schema", schemars(with = "crate::codec::DecimalString"))]
        amount: Decimal,
    },
    /// A percentage of what it applies to.
    Percent {
        /// The percentage off.
        #[cfg_attr(feature = "schema", schemars(with = "crate::codec::DecimalString"))]
        percent: Decimal,
    },
    /// What it applies to costs this instead (never more than before).
    SetPrice {
        /// The new price.
        #[cfg_attr(feature = "schema", schemars(with = "crate::codec::DecimalString"))]
        price: Decimal,
    },
}

/// What a promo code applies to: the whole stay (accommodation and options, never the tourist
/// tax) or one line, for the accounts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum PromoTarget {
    /// Accommodation and options.
    #[default]
    WholeStay,
    /// The accommodation only.
    Accommodation,
    /// One option.
    Supplement {
        /// The option's id.
        id: String,
    },
}

/// A promo code (« code promo »), e.g. HIVER2015.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PromoCode {
    /// The code the guest types; matched ignoring case and surrounding spaces.
    pub code: String,
    /// Which dates `valid_from`/`valid_to` are about.
    #[serde(default)]
    pub validity: PromoValidity,
    /// First valid day.
    #[serde(deserialize_with = "crate::codec::date")]
    pub valid_from: NaiveDate,
    /// Last valid day, included.
    #[serde(deserialize_with = "crate::codec::date")]
    pub valid_to: NaiveDate,
    /// Only these units or categories; empty for all.
    #[serde(default)]
    pub units: Vec<String>,
    /// What it takes off.
    pub discount: PromoDiscount,
    /// What it applies to.
    #[serde(default)]
    pub target: PromoTarget,
    /// Only for stays of this many nights or more.
    #[serde(default)]
    pub min_nights: Option<u32>,
    /// Most uses; the host counts them in `uses`.
    #[serde(default)]
    pub max_uses: Option<u32>,
    /// Times used so far (kept by the host).
    #[serde(default)]
    pub uses: u32,
    /// Most discount given in total; the host counts it in `spent`.
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::codec::DecimalString>")
    )]
    pub budget: Option<Decimal>,
    /// Discount given so far (kept by the host).
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "crate::codec::DecimalString"))]
    pub spent: Decimal,
    /// Whether it adds to the length-of-stay discount; when not, it replaces it.
    #[serde(default)]
    pub stackable: bool,
}

/// How the tourist tax (« taxe de séjour ») is computed, per adult and night.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum TouristTaxBasis {
    /// A fixed amount per adult and night (classified accommodation).
    Fixed {
        /// Amount per adult and night.
        #[cfg_attr(feature = "schema", schemars(with = "crate::codec::DecimalString"))]
        per_person_night: Decimal,
    },
    /// A percentage of the nightly price per guest excluding VAT, capped (unclassified
    /// accommodation): `min(accommodation excl. VAT ÷ nights ÷ guests × percent, cap)`.
    Percent {
        /// The percentage.
        #[cfg_attr(feature = "schema", schemars(with = "crate::codec::DecimalString"))]
        percent: Decimal,
        /// The most per adult and night.
        #[cfg_attr(feature = "schema", schemars(with = "crate::codec::DecimalString"))]
        cap: Decimal,
    },
}

/// The tourist tax: its own line, never discounted; guests under `adult_age` are exempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TouristTax {
    /// How it is computed.
    pub basis: TouristTaxBasis,
    /// Guests younger than this on arrival pay none (18 in France).
    #[serde(default = "adult_age")]
    pub adult_age: u32,
}

pub(super) fn adult_age() -> u32 {
    18
}

/// VAT rate per kind of line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LineVat {
    /// Accommodation and its discounts (10 % in France for campsites and rentals).
    pub accommodation: VatRate,
    /// Options, unless an option says otherwise.
    pub supplement: VatRate,
    /// The tourist tax (outside the scope of VAT: 0).
    #[serde(default)]
    pub tourist_tax: VatRate,
}

/// One step of the cancellation terms: cancelling `days_before_arrival` days or more before
/// arrival (and less than the previous step) costs these percentages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CancellationTier {
    /// From this many days before arrival.
    pub days_before_arrival: u32,
    /// Share of the paid deposit kept, when only the deposit was paid.
    #[cfg_attr(feature = "schema", schemars(with = "crate::codec::DecimalString"))]
    pub deposit_kept_percent: Decimal,
    /// Share of the total kept, when everything was paid.
    #[cfg_attr(feature = "schema", schemars(with = "crate::codec::DecimalString"))]
    pub total_kept_percent: Decimal,
}

/// The cancellation terms that travel with a quote; the invoices issue computes with them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CancellationPolicy {
    /// The steps, any order.
    #[serde(default)]
    pub tiers: Vec<CancellationTier>,
}

/// The establishment's price list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Catalogue {
    /// Currency of every price.
    pub currency: Currency,
    /// The establishment's zone: booking days and "N days before arrival" are counted there.
    pub time_zone: TimeZone,
    /// Whether prices include VAT (the usual case for guests).
    #[serde(default)]
    pub price_basis: PriceBasis,
    /// VAT rate per kind of line.
    pub vat: LineVat,
    /// The units.
    pub units: Vec<Unit>,
    /// The seasons, by priority: a night is in the first one that covers it.
    pub seasons: Vec<Season>,
    /// The rates.
    pub rates: Vec<Rate>,
    /// Age bands for person prices; a guest in none (or without a birth date) pays full price.
    #[serde(default)]
    pub age_bands: Vec<AgeBand>,
    /// Length-of-stay discounts.
    #[serde(default)]
    pub length_discounts: Vec<LengthDiscount>,
    /// Options and supplements.
    #[serde(default)]
    pub supplements: Vec<Supplement>,
    /// Promo codes.
    #[serde(default)]
    pub promo_codes: Vec<PromoCode>,
    /// The tourist tax, if the establishment collects one.
    #[serde(default)]
    pub tourist_tax: Option<TouristTax>,
    /// Deposit and balance.
    #[serde(default)]
    pub payment_schedule: PaymentSchedule,
    /// Cancellation terms.
    #[serde(default)]
    pub cancellation: CancellationPolicy,
}

/// Whether two promo codes are the same, ignoring case and surrounding spaces.
pub(super) fn same_code(a: &str, b: &str) -> bool {
    let upper = |s: &str| {
        s.trim()
            .chars()
            .flat_map(char::to_uppercase)
            .collect::<String>()
    };
    a.trim().eq_ignore_ascii_case(b.trim())
        || (!(a.is_ascii() && b.is_ascii()) && upper(a) == upper(b))
}
