//! The checks a catalogue passes when the business saves it.

use rust_decimal::Decimal;

use super::catalogue::{
    AgePrice, Catalogue, PromoDiscount, PromoTarget, SupplementBasis, TouristTaxBasis, same_code,
};
use super::schedule::Deposit;
use crate::error::{Error, Result};

/// The longest option description, in characters, per language.
const MAX_DESCRIPTION: usize = 2000;

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
        if let Some(description) = &option.description
            && let Err(e) = description
                .clone()
                .normalized("description", MAX_DESCRIPTION)
        {
            return invalid(format!("option `{}`: {e}", option.id));
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
