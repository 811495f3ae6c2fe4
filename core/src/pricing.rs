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

mod catalogue;
mod check;
mod discount;
mod engine;
mod grid;
mod offer;
mod request;
mod schedule;

pub use crate::calendar::{Period, Weekday};
pub use catalogue::{
    AgeBand, AgePrice, CancellationPolicy, CancellationTier, Catalogue, LengthDiscount, LineVat,
    PromoCode, PromoDiscount, PromoTarget, PromoValidity, Rate, RateBasis, Season, Supplement,
    SupplementBasis, TouristTax, TouristTaxBasis, Unit,
};
pub use check::check_catalogue;
pub(crate) use discount::price_with;
pub use engine::price;
pub use grid::{
    GridCell, GridRequest, GridRow, MAX_GRID_ARRIVALS, MAX_GRID_CELLS, MAX_GRID_UNITS, PriceGrid,
    UnitCalendar, grid,
};
pub use offer::{OptionOffer, options};
pub(crate) use request::Terms;
pub use request::{
    AppliedPromo, BookingStage, BusinessDiscount, MAX_NIGHTS, PriceRequest, PricedGuest,
    PricedStay, SupplementChoice,
};
pub use schedule::{Deposit, Installment, InstallmentKind, PaymentSchedule};
