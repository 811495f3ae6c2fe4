//! What a guest asks to be priced, and what pricing answers.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::catalogue::{CancellationPolicy, PromoDiscount, one};
use super::schedule::Installment;
use crate::calendar::Period;
use crate::i18n::Locale;
use crate::money::{Currency, Money};
use crate::stay::{Line, StayTotals};
use crate::vat::PriceBasis;

/// Longest stay priced in one request.
pub const MAX_NIGHTS: u32 = 366;

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

/// A discount the business grants (« remise », « geste commercial »), on top of the catalogue:
/// on everything but the tourist tax, after the promo code and net of the discounts already
/// there, never below zero, split into one line per VAT rate like a promo code's. Never typed by
/// the guest: only a booking the business takes ([`crate::booking`]) or a change it makes to one
/// ([`crate::amendment`]) carries one.
///
/// ```
/// let d: hospes::pricing::BusinessDiscount = serde_json::from_str(
///     r#"{"label": "Geste commercial", "discount": {"kind": "percent", "percent": "10"}}"#).unwrap();
/// assert_eq!(d.label, "Geste commercial");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BusinessDiscount {
    /// As printed on its line (« Geste commercial »), up to 200 characters.
    pub label: String,
    /// How much: a `percent`, a `fixed` amount, or the price the stay is brought to
    /// (`set_price`, the tourist tax not included).
    pub discount: PromoDiscount,
}

/// What the business adds to a request, never the guest: its own discount, and the options the
/// booking being changed has already — an option sold only at booking, or closed so close to
/// arrival, stays booked when the dates move (it is not added again, it is kept).
#[derive(Debug, Default)]
pub(crate) struct Terms<'a> {
    /// The business's discount, if any.
    pub(crate) discount: Option<&'a BusinessDiscount>,
    /// The ids of the options the booking has already.
    pub(crate) booked_options: Vec<&'a str>,
}

/// No terms: a request priced as the guest asked it.
static NO_TERMS: Terms<'static> = Terms {
    discount: None,
    booked_options: Vec::new(),
};

impl Terms<'_> {
    /// No terms: a request priced as the guest asked it.
    pub(super) fn none() -> &'static Terms<'static> {
        &NO_TERMS
    }
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
