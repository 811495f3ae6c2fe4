//! The options a guest may choose for a stay (« options »), as a booking form lists them: what
//! each is, what it adds to this stay, and whether it can still be taken.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::catalogue::{Catalogue, SupplementBasis};
use super::engine::PricingRun;
use super::request::PriceRequest;
use crate::error::Result;
use crate::money::Money;
use crate::vat::VatRate;

/// One option offered for a stay.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct OptionOffer {
    /// Its id, to ask for it in [`PriceRequest::supplements`].
    pub id: String,
    /// Its name as printed (« Animal »).
    pub name: String,
    /// The business's description, in the request's language (else another it wrote).
    pub description: Option<String>,
    /// What its price is for (per night, per person…).
    pub basis: SupplementBasis,
    /// The catalogue's price per basis unit (a percentage for `percent_of_stay`).
    #[cfg_attr(feature = "schema", schemars(with = "crate::codec::DecimalString"))]
    pub price: Decimal,
    /// What one of it adds to this stay, on the catalogue's price basis.
    pub amount: Money,
    /// Its VAT rate.
    pub vat_rate: VatRate,
    /// Most of it per stay.
    pub max_quantity: u32,
    /// Added without being asked.
    pub automatic: bool,
    /// Whether it can be taken for this stay now.
    pub available: bool,
    /// Why not, when it cannot: `season` (not sold in the arrival's season), `booking_only`
    /// (only when booking, not in a change), `within_days` (too close to arrival).
    pub unavailable_reason: Option<String>,
    /// For `within_days`, the days before arrival it stops being sold.
    pub unavailable_within_days: Option<u32>,
}

/// The options of `catalogue` for the stay `request` describes, in catalogue order, at `now`:
/// those sold for its unit, each with what one adds to this stay and whether it can be taken
/// (the rules [`super::price`] applies when it is asked for). Options of other units are left
/// out.
///
/// Errors: those of [`super::price`] about the stay itself (unit unknown or unavailable,
/// minimum stay, arrival day, capacity).
///
/// ```
/// use hospes::pricing::{self, Catalogue, PriceRequest};
/// let catalogue: Catalogue = serde_json::from_str(r#"{
///   "currency": "EUR", "time_zone": "Europe/Paris",
///   "vat": {"accommodation": "10", "supplement": "20"},
///   "units": [{"id": "E12", "name": "Emplacement", "category": "pitch", "capacity": 6}],
///   "seasons": [{"id": "high", "name": "Été", "periods": [{"from": "2026-07-01", "to": "2026-08-31"}]}],
///   "rates": [{"unit": "pitch", "season": "high", "basis": "per_night", "price": "32.00"}],
///   "supplements": [{"id": "dog", "name": "Animal", "basis": "per_night", "price": "3.50",
///     "description": {"fr": "Un chien ou un chat, tenu en laisse.", "en": "One dog or cat, kept on a lead."}}]
/// }"#).unwrap();
/// let request: PriceRequest = serde_json::from_str(r#"{"unit": "E12", "arrival": "2026-07-11",
///   "departure": "2026-07-18", "guests": [{}], "locale": "en"}"#).unwrap();
/// let offers = pricing::options(&catalogue, &request, "2026-03-01T10:00:00Z".parse().unwrap()).unwrap();
/// assert_eq!(offers[0].description.as_deref(), Some("One dog or cat, kept on a lead."));
/// assert_eq!(offers[0].amount.to_string(), "24.50 EUR");
/// assert!(offers[0].available);
/// ```
pub fn options(
    catalogue: &Catalogue,
    request: &PriceRequest,
    now: DateTime<Utc>,
) -> Result<Vec<OptionOffer>> {
    let mut run = PricingRun::new(catalogue, request, now)?;
    run.accommodation()?;
    let mut offers = Vec::new();
    for option in &catalogue.supplements {
        if !run.for_unit(&option.units) {
            continue;
        }
        let (quantity, unit_price) = run.option_charge(option, 1)?;
        let amount = Money::new(unit_price, catalogue.currency)
            .checked_mul(quantity)?
            .rounded();
        let refusal = run.refusal(option);
        offers.push(OptionOffer {
            id: option.id.clone(),
            name: option.name.clone(),
            description: option
                .description
                .as_ref()
                .and_then(|d| d.get(request.locale, request.locale))
                .map(str::to_owned),
            basis: option.basis,
            price: option.price,
            amount,
            vat_rate: option.vat_rate.unwrap_or(catalogue.vat.supplement),
            max_quantity: option.max_quantity,
            automatic: option.automatic,
            available: refusal.is_none(),
            unavailable_reason: refusal.map(|(reason, _)| reason.to_owned()),
            unavailable_within_days: refusal.and_then(|(_, days)| (days > 0).then_some(days)),
        });
    }
    Ok(offers)
}
