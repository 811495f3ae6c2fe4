//! Pricing (« tarifs »): from the establishment's catalogue and a guest's request to priced lines,
//! totals, a payment schedule and the cancellation terms.
//!
//! [`price`] walks the stay night by night: each night (the night *of* a date, from that date to
//! the next) falls in the first [`Season`] of the catalogue that contains it, and is charged at
//! the [`Rate`] of the unit (by id, else by category) for that season. The nights at one rate
//! make one line, whether or not they follow each other (a weekend rate inside a season). Then, each as its own line: extra persons and person-night prices by
//! [`AgeBand`] (age taken on the arrival day), the best [`LengthDiscount`], the options
//! ([`Supplement`]), the promo code ([`PromoCode`]) and the tourist tax ([`TouristTax`]), which
//! nothing ever discounts.
//!
//! **Rounding.** Every unit price derived from another (a percentage of a price, a week's price
//! per night) is rounded to the currency's minor unit, half away from zero, before it is
//! multiplied; every line total is rounded; discounts are computed on rounded line totals and
//! rounded; VAT is computed once per rate on the rounded lines (see [`crate::vat`]). So the total
//! is always exactly the sum of the lines as printed.
//!
//! ```
//! use hospes::pricing::{self, Catalogue, PriceRequest};
//! let catalogue: Catalogue = serde_json::from_str(r#"{
//!   "currency": "EUR", "time_zone": "Europe/Paris",
//!   "vat": {"accommodation": "10", "supplement": "20"},
//!   "units": [{"id": "E12", "name": "Emplacement confort", "category": "pitch", "capacity": 6}],
//!   "seasons": [{"id": "high", "name": "Haute saison", "periods": [{"from": "2026-07-01", "to": "2026-08-31"}]}],
//!   "rates": [{"unit": "pitch", "season": "high", "basis": "per_night", "price": "32.00"}]
//! }"#).unwrap();
//! let request: PriceRequest = serde_json::from_str(r#"{
//!   "unit": "E12", "arrival": "2026-07-11", "departure": "2026-07-18", "guests": [{}, {}]
//! }"#).unwrap();
//! let priced = pricing::price(&catalogue, &request, "2026-03-01T10:00:00Z".parse().unwrap()).unwrap();
//! assert_eq!(priced.totals.vat.total_incl_vat.to_string(), "224.00 EUR");
//! ```

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::establishment::TimeZone;
use crate::i18n::Locale;
use crate::money::{Currency, Money, Rounding, overflow};
use crate::stay::{self, Line, LineKind, StayTotals};
use crate::vat::{PriceBasis, VatRate};

/// Longest stay priced in one request.
pub const MAX_NIGHTS: u32 = 366;

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
    /// use hospes::pricing::Weekday;
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
    /// use hospes::{Locale, pricing::Weekday};
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
        word(id, &[], locale)
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
    /// let p = hospes::pricing::Period { from: "2026-07-01".parse().unwrap(), to: "2026-08-31".parse().unwrap() };
    /// assert!(p.contains("2026-08-31".parse().unwrap()));
    /// assert!(!p.contains("2026-09-01".parse().unwrap()));
    /// ```
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }
}

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
    fn covers(&self, night: NaiveDate) -> bool {
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
    #[cfg_attr(feature = "schema", schemars(with = "crate::wire::DecimalString"))]
    pub price: Decimal,
    /// For unit prices: how many guests the price includes (a pitch « forfait 2 personnes »).
    #[serde(default)]
    pub included_persons: u32,
    /// For unit prices: each guest beyond `included_persons`, per night, after their age band;
    /// none when extra guests cost nothing.
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::wire::DecimalString>")
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
        #[cfg_attr(feature = "schema", schemars(with = "crate::wire::DecimalString"))]
        price: Decimal,
    },
    /// This percentage of the full price (50 = half price).
    Percent {
        /// The percentage paid.
        #[cfg_attr(feature = "schema", schemars(with = "crate::wire::DecimalString"))]
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
    #[cfg_attr(feature = "schema", schemars(with = "crate::wire::DecimalString"))]
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
    /// What `price` is for.
    pub basis: SupplementBasis,
    /// The price (a percentage for `percent_of_stay`).
    #[cfg_attr(feature = "schema", schemars(with = "crate::wire::DecimalString"))]
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

fn one() -> u32 {
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
        #[cfg_attr(feature = "schema", schemars(with = "crate::wire::DecimalString"))]
        amount: Decimal,
    },
    /// A percentage of what it applies to.
    Percent {
        /// The percentage off.
        #[cfg_attr(feature = "schema", schemars(with = "crate::wire::DecimalString"))]
        percent: Decimal,
    },
    /// What it applies to costs this instead (never more than before).
    SetPrice {
        /// The new price.
        #[cfg_attr(feature = "schema", schemars(with = "crate::wire::DecimalString"))]
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
        schemars(with = "Option<crate::wire::DecimalString>")
    )]
    pub budget: Option<Decimal>,
    /// Discount given so far (kept by the host).
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "crate::wire::DecimalString"))]
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
        #[cfg_attr(feature = "schema", schemars(with = "crate::wire::DecimalString"))]
        per_person_night: Decimal,
    },
    /// A percentage of the nightly price per guest excluding VAT, capped (unclassified
    /// accommodation): `min(accommodation excl. VAT ÷ nights ÷ guests × percent, cap)`.
    Percent {
        /// The percentage.
        #[cfg_attr(feature = "schema", schemars(with = "crate::wire::DecimalString"))]
        percent: Decimal,
        /// The most per adult and night.
        #[cfg_attr(feature = "schema", schemars(with = "crate::wire::DecimalString"))]
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

fn adult_age() -> u32 {
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

/// What is paid when: a deposit at booking, the balance some days before arrival.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PaymentSchedule {
    /// The deposit (« acompte ») due at booking.
    pub deposit: Deposit,
    /// The balance (« solde ») is due this many days before arrival; when arrival is closer
    /// than that at booking, everything is due at booking.
    pub balance_days_before_arrival: u32,
}

impl Default for PaymentSchedule {
    fn default() -> Self {
        PaymentSchedule {
            deposit: Deposit::Percent {
                percent: Decimal::from(30),
            },
            balance_days_before_arrival: 30,
        }
    }
}

/// The deposit asked at booking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Deposit {
    /// No deposit: all at the balance date.
    None,
    /// A percentage of the total.
    Percent {
        /// The percentage.
        #[cfg_attr(feature = "schema", schemars(with = "crate::wire::DecimalString"))]
        percent: Decimal,
    },
    /// A fixed amount (at most the total).
    Amount {
        /// The amount.
        #[cfg_attr(feature = "schema", schemars(with = "crate::wire::DecimalString"))]
        amount: Decimal,
    },
}

/// What an installment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum InstallmentKind {
    /// The deposit (« acompte »).
    Deposit,
    /// The balance (« solde »).
    Balance,
    /// Everything at once, when arrival is near.
    Full,
    /// A resident's rent installment.
    Rent,
}

/// One payment due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Installment {
    /// Deposit, balance or everything.
    pub kind: InstallmentKind,
    /// Due on this day (in the establishment's zone).
    #[serde(deserialize_with = "crate::codec::date")]
    pub due_on: NaiveDate,
    /// How much.
    pub amount: Money,
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
    #[cfg_attr(feature = "schema", schemars(with = "crate::wire::DecimalString"))]
    pub deposit_kept_percent: Decimal,
    /// Share of the total kept, when everything was paid.
    #[cfg_attr(feature = "schema", schemars(with = "crate::wire::DecimalString"))]
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

/// A guest of the stay, for prices by age; no birth date counts as an adult.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PricedGuest {
    /// Birth date, when known.
    #[serde(default, deserialize_with = "crate::codec::date_option")]
    pub birth_date: Option<NaiveDate>,
}

/// An option asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SupplementChoice {
    /// The option's id.
    pub id: String,
    /// How many (default 1).
    #[serde(default = "one")]
    pub quantity: u32,
}

/// Whether the price is for a new booking or a change to an existing one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum BookingStage {
    /// A new booking or quote.
    #[default]
    Booking,
    /// A change to a booking already made: `at_booking_only` options cannot be added.
    Amendment,
}

/// What the guest asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PriceRequest {
    /// The unit id.
    pub unit: String,
    /// Arrival day.
    #[serde(deserialize_with = "crate::codec::date")]
    pub arrival: NaiveDate,
    /// Departure day.
    #[serde(deserialize_with = "crate::codec::date")]
    pub departure: NaiveDate,
    /// Every guest, the client included.
    pub guests: Vec<PricedGuest>,
    /// Options asked for (automatic ones are added anyway).
    #[serde(default)]
    pub supplements: Vec<SupplementChoice>,
    /// A promo code typed by the guest.
    #[serde(default)]
    pub promo_code: Option<String>,
    /// New booking or change.
    #[serde(default)]
    pub stage: BookingStage,
    /// Nights the unit is already taken or closed (from the host's calendar).
    #[serde(default)]
    pub unavailable: Vec<Period>,
    /// Language of the line labels.
    #[serde(default)]
    pub locale: Locale,
}

/// A promo code as applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AppliedPromo {
    /// The code, as in the catalogue.
    pub code: String,
    /// The discount it gives (positive): add it to the code's `spent` when the booking is made.
    pub discount: Money,
}

/// The priced stay: lines, totals, schedule and terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PricedStay {
    /// The unit id.
    pub unit: String,
    /// The unit's name.
    pub unit_name: String,
    /// Arrival day.
    #[serde(deserialize_with = "crate::codec::date")]
    pub arrival: NaiveDate,
    /// Departure day.
    #[serde(deserialize_with = "crate::codec::date")]
    pub departure: NaiveDate,
    /// Nights.
    pub nights: u32,
    /// Currency.
    pub currency: Currency,
    /// Whether unit prices include VAT.
    pub price_basis: PriceBasis,
    /// The lines: accommodation, persons, discounts, options, promo, tourist tax.
    pub lines: Vec<Line>,
    /// Line totals and the VAT table.
    pub totals: StayTotals,
    /// The promo code applied, if any.
    pub promo: Option<AppliedPromo>,
    /// What is due when; the amounts add up to the total.
    pub schedule: Vec<Installment>,
    /// The cancellation terms.
    pub cancellation: CancellationPolicy,
}

/// Checks a catalogue when the business saves it: ids unique, rates and options referring to
/// seasons that exist, percentages within 0–100, periods in order, prices not negative.
///
/// ```
/// # let mut catalogue: hospes::pricing::Catalogue = serde_json::from_str(r#"{"currency":"EUR","time_zone":"Europe/Paris","vat":{"accommodation":"10","supplement":"20"},"units":[],"seasons":[],"rates":[]}"#).unwrap();
/// assert!(hospes::pricing::check_catalogue(&catalogue).is_ok());
/// catalogue.rates.push(serde_json::from_str(r#"{"unit":"pitch","season":"summer","basis":"per_night","price":"30"}"#).unwrap());
/// assert_eq!(hospes::pricing::check_catalogue(&catalogue).unwrap_err().code(), "pricing.catalogue_invalid");
/// ```
pub fn check_catalogue(catalogue: &Catalogue) -> Result<()> {
    let invalid = |detail: String| Err(Error::CatalogueInvalid { detail });
    let percent_ok = |p: Decimal| (Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&p);
    for (i, unit) in catalogue.units.iter().enumerate() {
        if catalogue.units.iter().take(i).any(|u| u.id == unit.id) {
            return invalid(format!("unit id `{}` is used twice", unit.id));
        }
        if unit.capacity == 0 {
            return invalid(format!("unit `{}` has a capacity of 0", unit.id));
        }
    }
    for (i, season) in catalogue.seasons.iter().enumerate() {
        if catalogue.seasons.iter().take(i).any(|s| s.id == season.id) {
            return invalid(format!("season id `{}` is used twice", season.id));
        }
        if let Some(p) = season.periods.iter().find(|p| p.to < p.from) {
            return invalid(format!(
                "season `{}`: period {} to {} ends before it starts",
                season.id, p.from, p.to
            ));
        }
    }
    let season_known = |id: &str| catalogue.seasons.iter().any(|s| s.id == id);
    for rate in &catalogue.rates {
        if !season_known(&rate.season) {
            return invalid(format!(
                "rate for `{}` refers to unknown season `{}`",
                rate.unit, rate.season
            ));
        }
        if rate.price < Decimal::ZERO || rate.extra_person.is_some_and(|p| p < Decimal::ZERO) {
            return invalid(format!(
                "rate for `{}` in `{}` has a negative price",
                rate.unit, rate.season
            ));
        }
        if let (Some(min), Some(max)) = (rate.min_nights, rate.max_nights)
            && max < min
        {
            return invalid(format!(
                "rate for `{}` in `{}`: max_nights {max} is below min_nights {min}",
                rate.unit, rate.season
            ));
        }
    }
    for band in &catalogue.age_bands {
        let bad_price = match &band.price {
            AgePrice::Free => false,
            AgePrice::Fixed { price } => *price < Decimal::ZERO,
            AgePrice::Percent { percent } => !percent_ok(*percent),
        };
        if band.max_age <= band.min_age || bad_price {
            return invalid(format!("age band `{}` is not valid", band.label));
        }
    }
    if let Some(d) = catalogue
        .length_discounts
        .iter()
        .find(|d| !percent_ok(d.percent))
    {
        return invalid(format!(
            "length discount from {} nights: {} % is not between 0 and 100",
            d.min_nights, d.percent
        ));
    }
    for (i, option) in catalogue.supplements.iter().enumerate() {
        if catalogue
            .supplements
            .iter()
            .take(i)
            .any(|o| o.id == option.id)
        {
            return invalid(format!("option id `{}` is used twice", option.id));
        }
        let bad_price = option.price < Decimal::ZERO
            || (option.basis == SupplementBasis::PercentOfStay && !percent_ok(option.price));
        if bad_price || option.max_quantity == 0 {
            return invalid(format!("option `{}`: price or max_quantity", option.id));
        }
        if let Some(s) = option.seasons.iter().find(|s| !season_known(s)) {
            return invalid(format!(
                "option `{}` refers to unknown season `{s}`",
                option.id
            ));
        }
    }
    for (i, promo) in catalogue.promo_codes.iter().enumerate() {
        if promo.code.trim().is_empty() {
            return invalid("a promo code is empty".into());
        }
        if catalogue
            .promo_codes
            .iter()
            .take(i)
            .any(|p| same_code(&p.code, &promo.code))
        {
            return invalid(format!("promo code `{}` is used twice", promo.code));
        }
        let bad = promo.valid_to < promo.valid_from
            || match &promo.discount {
                PromoDiscount::Fixed { amount } => *amount < Decimal::ZERO,
                PromoDiscount::Percent { percent } => !percent_ok(*percent),
                PromoDiscount::SetPrice { price } => *price < Decimal::ZERO,
            };
        if bad {
            return invalid(format!(
                "promo code `{}`: dates or discount are not valid",
                promo.code
            ));
        }
        if let PromoTarget::Supplement { id } = &promo.target
            && !catalogue.supplements.iter().any(|o| &o.id == id)
        {
            return invalid(format!(
                "promo code `{}` targets unknown option `{id}`",
                promo.code
            ));
        }
    }
    if let Some(tax) = &catalogue.tourist_tax {
        let bad = match &tax.basis {
            TouristTaxBasis::Fixed { per_person_night } => *per_person_night < Decimal::ZERO,
            TouristTaxBasis::Percent { percent, cap } => {
                !percent_ok(*percent) || *cap < Decimal::ZERO
            }
        };
        if bad {
            return invalid("tourist tax: negative amount or percentage over 100".into());
        }
    }
    let schedule_ok = match &catalogue.payment_schedule.deposit {
        Deposit::None => true,
        Deposit::Percent { percent } => percent_ok(*percent),
        Deposit::Amount { amount } => *amount >= Decimal::ZERO,
    };
    let tiers_ok = catalogue
        .cancellation
        .tiers
        .iter()
        .all(|t| percent_ok(t.deposit_kept_percent) && percent_ok(t.total_kept_percent));
    if !schedule_ok || !tiers_ok {
        return invalid("deposit or cancellation percentages must be between 0 and 100".into());
    }
    Ok(())
}

/// Prices `request` against `catalogue` at `now` (the booking instant: it decides which options
/// are still open and which promo codes are valid by booking date).
///
/// Errors: `pricing.unit_unknown`, `pricing.unit_unavailable` (taken, closed or no rate on a
/// night), `pricing.below_minimum_stay`, `pricing.above_maximum_stay`,
/// `pricing.arrival_day_not_allowed`, `pricing.capacity_exceeded`, `pricing.option_unknown`,
/// `pricing.option_not_allowed`, `pricing.option_quantity_exceeded`, `pricing.promo_unknown`,
/// `pricing.promo_expired`, `pricing.promo_not_for_unit`, `pricing.promo_used_up`,
/// `pricing.promo_min_nights`, `stay.period_invalid`, `field.required` (no guest).
pub fn price(
    catalogue: &Catalogue,
    request: &PriceRequest,
    now: DateTime<Utc>,
) -> Result<PricedStay> {
    Pricer::new(catalogue, request, now)?.run()
}

/// One pricing run: the request's facts, then the lines as they are added.
struct Pricer<'a> {
    catalogue: &'a Catalogue,
    request: &'a PriceRequest,
    unit: &'a Unit,
    nights: u32,
    today: NaiveDate,
    /// Price factor of each guest, by age band, in guest order.
    guests: Vec<GuestPrice<'a>>,
    /// The season of the arrival night.
    arrival_season: &'a Season,
    lines: Vec<Line>,
    /// Which lines are which option: (line index, option id).
    supplement_lines: Vec<(usize, &'a str)>,
    /// Sum of the rounded accommodation lines (unit and persons), before any discount.
    accommodation: Money,
}

#[derive(Clone, Copy)]
struct GuestPrice<'a> {
    band: Option<&'a AgeBand>,
    adult_for_tax: bool,
}

/// The nights at one rate.
struct Segment<'a> {
    rate: &'a Rate,
    season: &'a Season,
    nights: u32,
}

impl<'a> Pricer<'a> {
    fn new(
        catalogue: &'a Catalogue,
        request: &'a PriceRequest,
        now: DateTime<Utc>,
    ) -> Result<Pricer<'a>> {
        let unit = catalogue
            .units
            .iter()
            .find(|u| u.id == request.unit)
            .ok_or_else(|| Error::UnitUnknown {
                unit: request.unit.chars().take(100).collect(),
            })?;
        let days = (request.departure - request.arrival).num_days();
        if days <= 0 {
            return Err(Error::PeriodInvalid {
                start: request.arrival.to_string(),
                end: request.departure.to_string(),
            });
        }
        let nights = u32::try_from(days)
            .ok()
            .filter(|n| *n <= MAX_NIGHTS)
            .ok_or_else(|| Error::AboveMaximumStay {
                nights: u32::try_from(days).unwrap_or(u32::MAX),
                max: MAX_NIGHTS,
            })?;
        if request.guests.is_empty() {
            return Err(Error::FieldRequired {
                field: "guests".into(),
            });
        }
        let guest_count = u32::try_from(request.guests.len()).unwrap_or(u32::MAX);
        if guest_count > unit.capacity {
            return Err(Error::CapacityExceeded {
                unit: unit.id.clone(),
                capacity: unit.capacity,
                guests: guest_count,
            });
        }
        // A guest born after the first night is no guest of this stay (a typo in the year,
        // most often), not a baby priced as one.
        if let Some(born) = request
            .guests
            .iter()
            .filter_map(|g| g.birth_date)
            .find(|born| *born > request.arrival)
        {
            return Err(Error::BirthDateInvalid {
                value: born.to_string(),
            });
        }
        let adult_age = catalogue.tourist_tax.as_ref().map_or(18, |t| t.adult_age);
        let guests = request
            .guests
            .iter()
            .map(|g| {
                let age = g.birth_date.map(|b| age_on(b, request.arrival));
                GuestPrice {
                    band: age.and_then(|a| {
                        catalogue
                            .age_bands
                            .iter()
                            .find(|band| band.min_age <= a && a < band.max_age)
                    }),
                    adult_for_tax: age.is_none_or(|a| a >= adult_age),
                }
            })
            .collect();
        let arrival_season =
            season_of(catalogue, request.arrival).ok_or_else(|| Error::UnitUnavailable {
                unit: unit.id.clone(),
                date: request.arrival.to_string(),
            })?;
        Ok(Pricer {
            catalogue,
            request,
            unit,
            nights,
            today: now.with_timezone(&catalogue.time_zone.tz()).date_naive(),
            guests,
            arrival_season,
            lines: Vec::with_capacity(12),
            supplement_lines: Vec::new(),
            accommodation: Money::zero(catalogue.currency),
        })
    }

    fn run(mut self) -> Result<PricedStay> {
        let segments = self.segments()?;
        self.check_arrival_rules(&segments)?;
        for segment in &segments {
            self.accommodation_lines(segment)?;
        }
        let promo = self.promo_code()?;
        if promo.is_none_or(|p| p.stackable) {
            self.length_discount()?;
        }
        self.supplements()?;
        let promo = match promo {
            Some(promo) => self.apply_promo(promo)?,
            None => None,
        };
        self.tourist_tax()?;
        let catalogue = self.catalogue;
        let totals = stay::totals_of(&self.lines, catalogue.currency, catalogue.price_basis)?;
        let schedule = schedule(
            &catalogue.payment_schedule,
            &totals.vat.total_incl_vat,
            self.today,
            self.request.arrival,
        )?;
        Ok(PricedStay {
            unit: self.unit.id.clone(),
            unit_name: self.unit.name.clone(),
            arrival: self.request.arrival,
            departure: self.request.departure,
            nights: self.nights,
            currency: catalogue.currency,
            price_basis: catalogue.price_basis,
            lines: self.lines,
            totals,
            promo,
            schedule,
            cancellation: catalogue.cancellation.clone(),
        })
    }

    /// Walks the nights: availability, season and rate of each; nights at the same rate make one
    /// segment (one line), in the order the rates first appear.
    fn segments(&self) -> Result<Vec<Segment<'a>>> {
        let mut segments: Vec<Segment<'a>> = Vec::with_capacity(4);
        // The rate of each season, looked up once.
        let mut rates: Vec<Option<Option<&'a Rate>>> = vec![None; self.catalogue.seasons.len()];
        for night in self.request.arrival.iter_days().take(self.nights as usize) {
            let unavailable = || Error::UnitUnavailable {
                unit: self.unit.id.clone(),
                date: night.to_string(),
            };
            if self.request.unavailable.iter().any(|p| p.contains(night)) {
                return Err(unavailable());
            }
            let (index, season) = self
                .catalogue
                .seasons
                .iter()
                .enumerate()
                .find(|(_, s)| s.covers(night))
                .ok_or_else(unavailable)?;
            let cached = rates.get_mut(index).ok_or_else(unavailable)?;
            let rate = *cached.get_or_insert_with(|| self.rate_for(season));
            let rate = rate.ok_or_else(unavailable)?;
            match segments.iter_mut().find(|s| std::ptr::eq(s.rate, rate)) {
                Some(same) => same.nights += 1,
                None => segments.push(Segment {
                    rate,
                    season,
                    nights: 1,
                }),
            }
        }
        Ok(segments)
    }

    fn rate_for(&self, season: &Season) -> Option<&'a Rate> {
        let rates = &self.catalogue.rates;
        rates
            .iter()
            .find(|r| r.season == season.id && r.unit == self.unit.id)
            .or_else(|| {
                rates
                    .iter()
                    .find(|r| r.season == season.id && r.unit == self.unit.category)
            })
    }

    /// Minimum and maximum stay and arrival days, by the rate of the arrival night.
    fn check_arrival_rules(&self, segments: &[Segment<'a>]) -> Result<()> {
        let Some(first) = segments.first() else {
            return Ok(());
        };
        let rate = first.rate;
        if let Some(min) = rate.min_nights.filter(|min| self.nights < *min) {
            return Err(Error::BelowMinimumStay {
                nights: self.nights,
                min,
            });
        }
        if let Some(max) = rate.max_nights.filter(|max| self.nights > *max) {
            return Err(Error::AboveMaximumStay {
                nights: self.nights,
                max,
            });
        }
        let day = Weekday::of(self.request.arrival);
        if !rate.arrival_days.is_empty() && !rate.arrival_days.contains(&day) {
            let locale = self.request.locale;
            return Err(Error::ArrivalDayNotAllowed {
                day: day.name(Locale::En).to_lowercase(),
                allowed: rate
                    .arrival_days
                    .iter()
                    .map(|d| d.name(locale))
                    .collect::<Vec<_>>()
                    .join(", "),
            });
        }
        Ok(())
    }

    fn accommodation_lines(&mut self, segment: &Segment<'a>) -> Result<()> {
        let rate = segment.rate;
        let n = Decimal::from(segment.nights);
        let name = format!("{} — {}", self.unit.name, segment.season.name);
        let vat = self.catalogue.vat.accommodation;
        match rate.basis {
            RateBasis::PerNight => {
                self.add(name.clone(), LineKind::Accommodation, n, rate.price, vat)?;
            }
            RateBasis::PerWeek => {
                let (weeks, rest) = (segment.nights / 7, segment.nights % 7);
                let locale = self.request.locale;
                if weeks > 0 {
                    let label = format!("{name} ({})", word("label-week", &[], locale));
                    self.add(
                        label,
                        LineKind::Accommodation,
                        weeks.into(),
                        rate.price,
                        vat,
                    )?;
                }
                if rest > 0 {
                    let nightly = self.round(rate.price / Decimal::from(7));
                    let label = format!("{name} ({})", word("label-night", &[], locale));
                    self.add(label, LineKind::Accommodation, rest.into(), nightly, vat)?;
                }
            }
            RateBasis::PerPersonNight => {
                self.person_lines(&name, segment.nights, rate.price, 0)?;
            }
        }
        if let Some(extra) = rate.extra_person
            && rate.basis != RateBasis::PerPersonNight
        {
            let label = format!(
                "{name} — {}",
                word("label-extra-person", &[], self.request.locale)
            );
            self.person_lines(&label, segment.nights, extra, rate.included_persons)?;
        }
        Ok(())
    }

    /// One line per age band for the guests beyond the first `included` (the dearest ones are
    /// included first), each paying `full` per night after their band.
    fn person_lines(
        &mut self,
        name: &str,
        nights: u32,
        full: Decimal,
        included: u32,
    ) -> Result<()> {
        let mut prices: Vec<(Decimal, Option<&'a AgeBand>)> = self
            .guests
            .iter()
            .map(|g| Ok((self.band_price(g.band, full)?, g.band)))
            .collect::<Result<_>>()?;
        prices.sort_by_key(|p| std::cmp::Reverse(p.0));
        let charged = prices.get(included as usize..).unwrap_or_default();
        // Group by band, keeping the order of first appearance (dearest first).
        let mut groups: Vec<(Decimal, Option<&'a AgeBand>, u32)> = Vec::with_capacity(3);
        for (price, band) in charged {
            match groups
                .iter_mut()
                .find(|g| g.1.map(|b| &b.label) == band.map(|b| &b.label))
            {
                Some(group) => group.2 += 1,
                None => groups.push((*price, *band, 1)),
            }
        }
        let adult = word("label-adult", &[], self.request.locale);
        for (price, band, count) in groups {
            if price.is_zero() {
                continue;
            }
            let who = band.map_or(adult.as_str(), |b| b.label.as_str());
            let quantity = Decimal::from(count) * Decimal::from(nights);
            let vat = self.catalogue.vat.accommodation;
            self.add(
                format!("{name} — {who}"),
                LineKind::Accommodation,
                quantity,
                price,
                vat,
            )?;
        }
        Ok(())
    }

    fn band_price(&self, band: Option<&AgeBand>, full: Decimal) -> Result<Decimal> {
        Ok(match band.map(|b| &b.price) {
            None => full,
            Some(AgePrice::Free) => Decimal::ZERO,
            Some(AgePrice::Fixed { price }) => *price,
            Some(AgePrice::Percent { percent }) => self.round(percent_of(full, *percent)?),
        })
    }

    /// The best length-of-stay discount, as its own line.
    fn length_discount(&mut self) -> Result<()> {
        let best = self
            .catalogue
            .length_discounts
            .iter()
            .filter(|d| d.min_nights <= self.nights && self.for_unit(&d.units))
            .max_by_key(|d| d.min_nights);
        let Some(discount) = best else {
            return Ok(());
        };
        let amount = self.round(percent_of(self.accommodation.amount, discount.percent)?);
        if amount.is_zero() {
            return Ok(());
        }
        let label = word(
            "label-long-stay-discount",
            &[
                ("nights", discount.min_nights.into()),
                ("percent", discount.percent.to_string().into()),
            ],
            self.request.locale,
        );
        let vat = self.catalogue.vat.accommodation;
        self.add(label, LineKind::Discount, Decimal::ONE, -amount, vat)
    }

    fn supplements(&mut self) -> Result<()> {
        let catalogue = self.catalogue;
        for choice in &self.request.supplements {
            if !catalogue.supplements.iter().any(|s| s.id == choice.id) {
                return Err(Error::OptionUnknown {
                    option: choice.id.chars().take(100).collect(),
                });
            }
        }
        for option in &catalogue.supplements {
            let asked: u32 = self
                .request
                .supplements
                .iter()
                .filter(|c| c.id == option.id)
                .map(|c| c.quantity)
                .fold(0, u32::saturating_add);
            let quantity = match (asked, option.automatic) {
                (0, false) => continue,
                (0, true) => match self.refusal(option) {
                    Some(_) => continue,
                    None => 1,
                },
                (asked, _) => {
                    if let Some((reason, days)) = self.refusal(option) {
                        return Err(Error::OptionNotAllowed {
                            option: option.name.clone(),
                            reason: reason.into(),
                            days,
                        });
                    }
                    asked
                }
            };
            if quantity > option.max_quantity {
                return Err(Error::OptionQuantityExceeded {
                    option: option.name.clone(),
                    max: option.max_quantity,
                });
            }
            let q = Decimal::from(quantity);
            let persons = Decimal::from(self.guests.len());
            let nights = Decimal::from(self.nights);
            let (quantity, unit_price) = match option.basis {
                SupplementBasis::Once => (q, option.price),
                SupplementBasis::PerNight => (q * nights, option.price),
                SupplementBasis::PerPerson => (q * persons, option.price),
                SupplementBasis::PerPersonNight => (q * persons * nights, option.price),
                SupplementBasis::PercentOfStay => (
                    q,
                    self.round(percent_of(self.accommodation.amount, option.price)?),
                ),
            };
            if unit_price.is_zero() {
                continue;
            }
            let vat = option.vat_rate.unwrap_or(catalogue.vat.supplement);
            self.supplement_lines.push((self.lines.len(), &option.id));
            self.add(
                option.name.clone(),
                LineKind::Supplement,
                quantity,
                unit_price,
                vat,
            )?;
        }
        Ok(())
    }

    /// Why `option` cannot be booked for this stay now, if it cannot.
    fn refusal(&self, option: &Supplement) -> Option<(&'static str, u32)> {
        if !self.for_unit(&option.units) {
            return Some(("unit", 0));
        }
        if !option.seasons.is_empty() && !option.seasons.contains(&self.arrival_season.id) {
            return Some(("season", 0));
        }
        if option.at_booking_only && self.request.stage == BookingStage::Amendment {
            return Some(("booking_only", 0));
        }
        let lead = (self.request.arrival - self.today).num_days();
        match option.not_within_days {
            Some(days) if lead < i64::from(days) => Some(("within_days", days)),
            _ => None,
        }
    }

    /// The promo code typed, checked: known, valid at these dates, for this unit and length,
    /// not used up.
    fn promo_code(&self) -> Result<Option<&'a PromoCode>> {
        let Some(typed) = self.request.promo_code.as_deref() else {
            return Ok(None);
        };
        if typed.trim().is_empty() {
            return Ok(None);
        }
        let promo = self
            .catalogue
            .promo_codes
            .iter()
            .find(|p| same_code(&p.code, typed))
            .ok_or_else(|| Error::PromoUnknown {
                code: typed.trim().chars().take(50).collect(),
            })?;
        let code = || promo.code.clone();
        let day = match promo.validity {
            PromoValidity::StayDates => self.request.arrival,
            PromoValidity::BookingDate => self.today,
        };
        if day < promo.valid_from || day > promo.valid_to {
            return Err(Error::PromoExpired {
                code: code(),
                from: promo.valid_from.to_string(),
                to: promo.valid_to.to_string(),
            });
        }
        if !self.for_unit(&promo.units) {
            return Err(Error::PromoNotForUnit { code: code() });
        }
        if let Some(min) = promo.min_nights.filter(|m| self.nights < *m) {
            return Err(Error::PromoMinimumNights { code: code(), min });
        }
        if promo.max_uses.is_some_and(|max| promo.uses >= max)
            || budget_left(promo).is_some_and(|l| l <= Decimal::ZERO)
        {
            return Err(Error::PromoUsedUp { code: code() });
        }
        Ok(Some(promo))
    }

    /// The promo code's discount: one line per VAT rate of what it applies to.
    fn apply_promo(&mut self, promo: &'a PromoCode) -> Result<Option<AppliedPromo>> {
        // What the code applies to, per VAT rate, net of the discounts already there.
        let mut bases: Vec<(VatRate, Decimal)> = Vec::with_capacity(2);
        let mut base = Decimal::ZERO;
        for (i, line) in self.lines.iter().enumerate() {
            let counts = match &promo.target {
                PromoTarget::WholeStay => line.kind != LineKind::TouristTax,
                PromoTarget::Accommodation => {
                    matches!(line.kind, LineKind::Accommodation | LineKind::Discount)
                }
                PromoTarget::Supplement { id } => self.supplement_lines.contains(&(i, id.as_str())),
            };
            if !counts {
                continue;
            }
            let amount = line.total()?.amount;
            base = checked(base.checked_add(amount))?;
            match bases.iter_mut().find(|(rate, _)| *rate == line.vat_rate) {
                Some(part) => part.1 = checked(part.1.checked_add(amount))?,
                None => bases.push((line.vat_rate, amount)),
            }
        }
        if base <= Decimal::ZERO {
            return Ok(None);
        }
        let wanted = match &promo.discount {
            PromoDiscount::Fixed { amount } => (*amount).min(base),
            PromoDiscount::Percent { percent } => self.round(percent_of(base, *percent)?),
            PromoDiscount::SetPrice { price } => {
                checked(base.checked_sub(*price))?.max(Decimal::ZERO)
            }
        };
        let total = budget_left(promo).map_or(wanted, |l| wanted.min(l));
        if total <= Decimal::ZERO {
            return Ok(None);
        }
        // Split across VAT rates in proportion to the base, the last rate taking the rest.
        let label = word(
            "label-promo-code",
            &[("code", promo.code.as_str().into())],
            self.request.locale,
        );
        let mut given = Decimal::ZERO;
        let last = bases.len().saturating_sub(1);
        for (i, (rate, part)) in bases.iter().enumerate() {
            let share = if i == last {
                total - given
            } else {
                self.round(
                    total
                        .checked_mul(*part)
                        .and_then(|x| x.checked_div(base))
                        .ok_or_else(overflow)?,
                )
            };
            given += share;
            if !share.is_zero() {
                let label = if bases.len() > 1 {
                    word(
                        "label-promo-with-vat-rate",
                        &[
                            ("label", label.as_str().into()),
                            ("rate", rate.to_string().into()),
                        ],
                        self.request.locale,
                    )
                } else {
                    label.clone()
                };
                self.add(label, LineKind::Discount, Decimal::ONE, -share, *rate)?;
            }
        }
        Ok(Some(AppliedPromo {
            code: promo.code.clone(),
            discount: Money::new(total, self.catalogue.currency),
        }))
    }

    fn tourist_tax(&mut self) -> Result<()> {
        let Some(tax) = &self.catalogue.tourist_tax else {
            return Ok(());
        };
        let adults = self.guests.iter().filter(|g| g.adult_for_tax).count();
        if adults == 0 {
            return Ok(());
        }
        let per_person_night = match &tax.basis {
            TouristTaxBasis::Fixed { per_person_night } => *per_person_night,
            TouristTaxBasis::Percent { percent, cap } => {
                let excl_vat = match self.catalogue.price_basis {
                    PriceBasis::ExcludingVat => self.accommodation.amount,
                    PriceBasis::IncludingVat => {
                        let rate = self.catalogue.vat.accommodation.percent();
                        checked(
                            self.accommodation
                                .amount
                                .checked_mul(Decimal::ONE_HUNDRED)
                                .and_then(|x| x.checked_div(Decimal::ONE_HUNDRED + rate)),
                        )?
                    }
                };
                let per_guest_night = excl_vat
                    .checked_div(Decimal::from(self.nights) * Decimal::from(self.guests.len()))
                    .ok_or_else(overflow)?;
                self.round(percent_of(per_guest_night, *percent)?.min(*cap))
            }
        };
        if per_person_night.is_zero() {
            return Ok(());
        }
        let label = word("label-tourist-tax", &[], self.request.locale);
        let quantity = Decimal::from(adults) * Decimal::from(self.nights);
        let vat = self.catalogue.vat.tourist_tax;
        self.add(label, LineKind::TouristTax, quantity, per_person_night, vat)
    }

    fn for_unit(&self, units: &[String]) -> bool {
        units.is_empty() || units.contains(&self.unit.id) || units.contains(&self.unit.category)
    }

    fn round(&self, value: Decimal) -> Decimal {
        Rounding::HalfAwayFromZero.round(value, self.catalogue.currency.minor_units())
    }

    fn add(
        &mut self,
        label: String,
        kind: LineKind,
        quantity: Decimal,
        unit_price: Decimal,
        vat_rate: VatRate,
    ) -> Result<()> {
        let line = Line {
            label,
            kind,
            quantity,
            unit_price: Money::new(unit_price, self.catalogue.currency),
            vat_rate,
        };
        if kind == LineKind::Accommodation {
            let total = line.total()?;
            self.accommodation = self.accommodation.checked_add(&total)?;
        }
        self.lines.push(line);
        Ok(())
    }
}

/// The payment schedule of `total` booked on `today` for `arrival`.
fn schedule(
    rule: &PaymentSchedule,
    total: &Money,
    today: NaiveDate,
    arrival: NaiveDate,
) -> Result<Vec<Installment>> {
    let balance_due = arrival
        .checked_sub_days(Days::new(rule.balance_days_before_arrival.into()))
        .unwrap_or(arrival);
    if balance_due <= today {
        return Ok(vec![Installment {
            kind: InstallmentKind::Full,
            due_on: today,
            amount: total.clone(),
        }]);
    }
    let deposit = match &rule.deposit {
        Deposit::None => Decimal::ZERO,
        Deposit::Percent { percent } => {
            Money::new(percent_of(total.amount, *percent)?, total.currency)
                .rounded()
                .amount
        }
        Deposit::Amount { amount } => (*amount).min(total.amount),
    };
    let deposit = Money::new(deposit.max(Decimal::ZERO), total.currency);
    let balance = total.checked_sub(&deposit)?;
    let mut out = Vec::with_capacity(2);
    if !deposit.is_zero() {
        out.push(Installment {
            kind: InstallmentKind::Deposit,
            due_on: today,
            amount: deposit,
        });
    }
    out.push(Installment {
        kind: InstallmentKind::Balance,
        due_on: balance_due,
        amount: balance,
    });
    Ok(out)
}

/// The first season, in catalogue order, that covers the night of `day`.
fn season_of(catalogue: &Catalogue, day: NaiveDate) -> Option<&Season> {
    catalogue.seasons.iter().find(|s| s.covers(day))
}

/// Age in whole years on `day`.
fn age_on(birth: NaiveDate, day: NaiveDate) -> u32 {
    day.years_since(birth).unwrap_or(0)
}

/// `value × percent ÷ 100`; dividing by 100 is moving the decimal point when the scale allows.
fn percent_of(value: Decimal, percent: Decimal) -> Result<Decimal> {
    let mut product = value.checked_mul(percent).ok_or_else(overflow)?;
    match product.set_scale(product.scale() + 2) {
        Ok(()) => Ok(product),
        Err(_) => product
            .checked_div(Decimal::ONE_HUNDRED)
            .ok_or_else(overflow),
    }
}

/// What is left of a promo code's budget, if it has one.
fn budget_left(promo: &PromoCode) -> Option<Decimal> {
    promo
        .budget
        .map(|b| b.checked_sub(promo.spent).unwrap_or(Decimal::ZERO))
}

/// A checked decimal operation's result, or `money.overflow`.
fn checked(value: Option<Decimal>) -> Result<Decimal> {
    value.ok_or_else(overflow)
}

/// Whether two promo codes are the same, ignoring case and surrounding spaces.
fn same_code(a: &str, b: &str) -> bool {
    let upper = |s: &str| {
        s.trim()
            .chars()
            .flat_map(char::to_uppercase)
            .collect::<String>()
    };
    a.trim().eq_ignore_ascii_case(b.trim())
        || (!(a.is_ascii() && b.is_ascii()) && upper(a) == upper(b))
}

/// A line label from the catalogues.
fn word(id: &str, args: &[(&str, crate::i18n::Arg<'_>)], locale: Locale) -> String {
    crate::i18n::text(id, args, locale, locale)
}
