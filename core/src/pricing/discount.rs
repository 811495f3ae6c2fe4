//! Discounts: a promo code's and the business's own (« remise »), each split into one line per
//! VAT rate of what it applies to; pricing with the terms a business adds to a request.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;

use super::catalogue::{Catalogue, PromoCode, PromoDiscount, PromoTarget};
use super::engine::{PricingRun, budget_left, checked, word};
use super::request::{AppliedPromo, PriceRequest, PricedStay, Terms};
use super::schedule::percent_of;
use crate::error::{Error, Result};
use crate::money::{Money, overflow};
use crate::stay::{Line, LineKind};
use crate::vat::VatRate;

/// [`price`](super::price) with the business's `terms`; also `pricing.discount_invalid` for a
/// discount with a negative amount or price or a percentage outside 0–100, and field errors for
/// its label.
pub(crate) fn price_with(
    catalogue: &Catalogue,
    request: &PriceRequest,
    terms: &Terms<'_>,
    now: DateTime<Utc>,
) -> Result<PricedStay> {
    if let Some(discount) = terms.discount {
        crate::text::required(&discount.label, "discount.label", 200)?;
        let (value, valid) = match &discount.discount {
            PromoDiscount::Fixed { amount } => (amount, *amount >= Decimal::ZERO),
            PromoDiscount::SetPrice { price } => (price, *price >= Decimal::ZERO),
            PromoDiscount::Percent { percent } => (
                percent,
                (Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(percent),
            ),
        };
        if !valid {
            return Err(Error::DiscountInvalid {
                value: value.to_string(),
            });
        }
    }
    let mut run = PricingRun::new(catalogue, request, now)?;
    run.terms = terms;
    run.run()
}

impl<'a> PricingRun<'a> {
    /// The promo code's discount: one line per VAT rate of what it applies to.
    pub(super) fn apply_promo(&mut self, promo: &'a PromoCode) -> Result<Option<AppliedPromo>> {
        // What the code applies to, per VAT rate, net of the discounts already there.
        let (bases, base) = self.bases(|i, line| match &promo.target {
            PromoTarget::WholeStay => line.kind != LineKind::TouristTax,
            PromoTarget::Accommodation => {
                matches!(line.kind, LineKind::Accommodation | LineKind::Discount)
            }
            PromoTarget::Supplement { id } => self.supplement_lines.contains(&(i, id.as_str())),
        })?;
        if base <= Decimal::ZERO {
            return Ok(None);
        }
        let wanted = self.discount_on(&promo.discount, base)?;
        let total = budget_left(promo).map_or(wanted, |l| wanted.min(l));
        if total <= Decimal::ZERO {
            return Ok(None);
        }
        let label = word(
            "label-promo-code",
            &[("code", promo.code.as_str().into())],
            self.request.locale,
        );
        self.discount_lines(&label, total, &bases, base)?;
        Ok(Some(AppliedPromo {
            code: promo.code.clone(),
            discount: Money::new(total, self.catalogue.currency),
        }))
    }

    /// The business's own discount, on everything but the tourist tax, net of the discounts
    /// already there: one line per VAT rate, labelled as the business said.
    pub(super) fn business_discount(&mut self) -> Result<()> {
        let Some(discount) = self.terms.discount else {
            return Ok(());
        };
        let (bases, base) = self.bases(|_, line| line.kind != LineKind::TouristTax)?;
        if base <= Decimal::ZERO {
            return Ok(());
        }
        let total = self.discount_on(&discount.discount, base)?;
        if total <= Decimal::ZERO {
            return Ok(());
        }
        self.discount_lines(discount.label.trim(), total, &bases, base)
    }

    /// The lines that `counts`, summed per VAT rate (in order of first appearance), and their sum.
    fn bases(
        &self,
        counts: impl Fn(usize, &Line) -> bool,
    ) -> Result<(Vec<(VatRate, Decimal)>, Decimal)> {
        let mut bases: Vec<(VatRate, Decimal)> = Vec::with_capacity(2);
        let mut base = Decimal::ZERO;
        for (i, line) in self.lines.iter().enumerate() {
            if !counts(i, line) {
                continue;
            }
            let amount = line.total()?.amount;
            base = checked(base.checked_add(amount))?;
            match bases.iter_mut().find(|(rate, _)| *rate == line.vat_rate) {
                Some(part) => part.1 = checked(part.1.checked_add(amount))?,
                None => bases.push((line.vat_rate, amount)),
            }
        }
        Ok((bases, base))
    }

    /// What `discount` takes off `base`: at most `base`, never below zero, rounded.
    fn discount_on(&self, discount: &PromoDiscount, base: Decimal) -> Result<Decimal> {
        Ok(match discount {
            PromoDiscount::Fixed { amount } => (*amount).min(base),
            PromoDiscount::Percent { percent } => self.round(percent_of(base, *percent)?),
            PromoDiscount::SetPrice { price } => {
                checked(base.checked_sub(*price))?.max(Decimal::ZERO)
            }
        })
    }

    /// `total` off, split across the VAT rates of `bases` in proportion, the last rate taking
    /// the rest: one discount line per rate, its rate in the label when there are several.
    fn discount_lines(
        &mut self,
        label: &str,
        total: Decimal,
        bases: &[(VatRate, Decimal)],
        base: Decimal,
    ) -> Result<()> {
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
                        &[("label", label.into()), ("rate", rate.to_string().into())],
                        self.request.locale,
                    )
                } else {
                    label.to_owned()
                };
                self.add(label, LineKind::Discount, Decimal::ONE, -share, *rate)?;
            }
        }
        Ok(())
    }
}
