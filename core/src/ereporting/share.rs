//! Sharing amounts to the cent: an invoice's VAT rows split by what they pay for (services,
//! goods, the tourist tax), and a payment split over them in proportion, by the largest
//! remainder, so that the parts always add up exactly to the whole.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::error::{Error, Result};
use crate::invoice::Invoice;
use crate::money;
use crate::stay::LineKind;
use crate::vat::VatRate;

/// What part of an invoice pays for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Nature {
    /// Services: the stay, its supplements, deposits on it, rent, fees (TPS1).
    Services,
    /// Goods: the lines of kind `side_sale` (TLB1).
    Goods,
    /// The tourist tax, collected for the commune: the 0 % rate under the standard regime.
    TouristTax,
}

/// What one VAT row of an invoice holds of one nature, on the invoice's own figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Part {
    /// Services, goods or the tourist tax.
    pub(super) nature: Nature,
    /// The row's rate.
    pub(super) rate: VatRate,
    /// Its share of the row's amount excluding VAT.
    pub(super) excl: Decimal,
    /// Its share of the row's VAT.
    pub(super) vat: Decimal,
}

impl Part {
    /// Its amount including VAT.
    pub(super) fn incl(&self) -> Decimal {
        self.excl + self.vat
    }
}

/// The parts of `invoice`: each row of its VAT table, whole when all its lines are of one
/// nature, else split between services and goods in proportion to their lines' totals (to the
/// cent, adding up to the row). With `tourist_tax_at_zero` (the standard VAT regime, as the
/// e-invoice reads it), the 0 % row is the tourist tax.
///
/// Errors: `money.overflow` on absurd amounts.
pub(super) fn parts(invoice: &Invoice, tourist_tax_at_zero: bool) -> Result<Vec<Part>> {
    let mut parts = Vec::new();
    for row in &invoice.totals.vat.lines {
        let rate = row.vat_rate;
        let (excl, vat) = (row.excl_vat.amount, row.vat.amount);
        if tourist_tax_at_zero && rate.percent().is_zero() {
            parts.push(Part {
                nature: Nature::TouristTax,
                rate,
                excl,
                vat,
            });
            continue;
        }
        let (mut services, mut goods) = (None::<Decimal>, None::<Decimal>);
        for line in invoice.lines.iter().filter(|l| l.vat_rate == rate) {
            let total = line.total()?.amount;
            let sum = if line.kind == LineKind::SideSale {
                &mut goods
            } else {
                &mut services
            };
            *sum = Some(sum.unwrap_or_default() + total);
        }
        match (services, goods) {
            (Some(services), Some(goods)) => {
                let weights = [services, goods];
                let excls = allocate(excl, &weights)?;
                let vats = allocate(vat, &weights)?;
                let natures = [Nature::Services, Nature::Goods];
                for ((nature, excl), vat) in natures.into_iter().zip(excls).zip(vats) {
                    parts.push(Part {
                        nature,
                        rate,
                        excl,
                        vat,
                    });
                }
            }
            (None, Some(_)) => parts.push(Part {
                nature: Nature::Goods,
                rate,
                excl,
                vat,
            }),
            _ => parts.push(Part {
                nature: Nature::Services,
                rate,
                excl,
                vat,
            }),
        }
    }
    Ok(parts)
}

/// `total` shared in proportion to `weights`, to the cent, the shares adding up to `total`
/// exactly (largest remainder): each exact share rounded down to the cent, then the cents left
/// over one each to the shares that lost the most (the first on a tie). Weights of mixed signs
/// are shared alike; weights adding up to zero give everything to the largest in size.
///
/// Errors: `money.overflow` on absurd amounts.
pub(super) fn allocate(total: Decimal, weights: &[Decimal]) -> Result<Vec<Decimal>> {
    if weights.is_empty() {
        if total.is_zero() {
            return Ok(vec![]);
        }
        return Err(Error::Internal {
            detail: format!("{total} shared over nothing"),
        });
    }
    let cent = Decimal::new(1, 2);
    let sum = weights
        .iter()
        .try_fold(Decimal::ZERO, |sum, w| sum.checked_add(*w))
        .ok_or_else(money::overflow)?;
    if sum.is_zero() {
        let largest = weights
            .iter()
            .enumerate()
            .max_by(|(i, a), (j, b)| a.abs().cmp(&b.abs()).then(j.cmp(i)))
            .map(|(i, _)| i);
        return Ok((0..weights.len())
            .map(|i| {
                if Some(i) == largest {
                    total
                } else {
                    Decimal::ZERO
                }
            })
            .collect());
    }
    let mut shares = Vec::with_capacity(weights.len());
    let mut lost = Vec::with_capacity(weights.len());
    for weight in weights {
        let exact = total
            .checked_mul(*weight)
            .and_then(|x| x.checked_div(sum))
            .ok_or_else(money::overflow)?;
        let floor = exact.round_dp_with_strategy(2, RoundingStrategy::ToNegativeInfinity);
        shares.push(floor);
        lost.push(exact - floor);
    }
    let given: Decimal = shares.iter().copied().sum();
    let left = total - given;
    // Whole cents one by one (`left` is a few cents: each share lost less than one); whatever
    // is below the cent (a total not in cents) goes to the first share.
    let cents = (left / cent).trunc();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|a, b| {
        let (x, y) = (lost.get(*a), lost.get(*b));
        y.cmp(&x).then(a.cmp(b))
    });
    let count = Decimal::from(order.len());
    let each = (cents / count).trunc();
    let extra = cents - each * count;
    let step = if extra.is_sign_negative() {
        -cent
    } else {
        cent
    };
    let mut extra_left = extra.abs();
    for i in &order {
        let Some(share) = shares.get_mut(*i) else {
            continue;
        };
        *share += each * cent;
        if extra_left >= Decimal::ONE {
            *share += step;
            extra_left -= Decimal::ONE;
        }
    }
    if let Some(first) = order.first().and_then(|i| shares.get_mut(*i)) {
        *first += left - cents * cent;
    }
    Ok(shares)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn the_shares_add_up_to_the_total_to_the_cent() {
        let shares = allocate(d("100.00"), &[d("1"), d("1"), d("1")]).unwrap();
        assert_eq!(shares, vec![d("33.34"), d("33.33"), d("33.33")]);
        let shares = allocate(d("-100.00"), &[d("-1"), d("-1"), d("-1")]).unwrap();
        assert_eq!(shares.iter().copied().sum::<Decimal>(), d("-100.00"));
        assert_eq!(shares, vec![d("-33.33"), d("-33.33"), d("-33.34")]);
    }

    #[test]
    fn the_largest_remainder_takes_the_cent() {
        // 10 × 0.666… = 6.666… and 10 × 0.333… = 3.333…: 6.66 + 3.33, the cent to the first.
        let shares = allocate(d("10.00"), &[d("2"), d("1")]).unwrap();
        assert_eq!(shares, vec![d("6.67"), d("3.33")]);
    }

    #[test]
    fn weights_adding_up_to_nothing_give_all_to_the_largest() {
        let shares = allocate(d("5.00"), &[d("1"), d("-3"), d("2")]).unwrap();
        assert_eq!(shares, vec![d("0"), d("5.00"), d("0")]);
        assert_eq!(allocate(d("0"), &[]).unwrap(), Vec::<Decimal>::new());
        assert!(allocate(d("1"), &[]).is_err());
    }

    #[test]
    fn weights_of_mixed_signs_still_add_up() {
        let shares = allocate(d("95.00"), &[d("-5"), d("100")]).unwrap();
        assert_eq!(shares, vec![d("-5.00"), d("100.00")]);
        let shares = allocate(d("0.07"), &[d("3"), d("-1"), d("5")]).unwrap();
        assert_eq!(shares.iter().copied().sum::<Decimal>(), d("0.07"));
    }
}
