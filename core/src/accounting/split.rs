//! Splitting an amount into cents that add up exactly: the largest-remainder method.
//!
//! A VAT row's base (say 579.09 at 10 %) is shared among the lines at that rate in proportion to
//! their amounts; each share is rounded down to the cent, and the cents still missing go to the
//! shares that lost the most to rounding (the earlier line on a tie). The split is symmetric: a
//! credit note's negated amounts split into exactly the negated shares, so its entry reverses
//! the invoice's to the cent.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::error::{Error, Result};
use crate::money::{self, Rounding};

/// `exact` (unrounded shares) rounded to `decimals` digits so that they add up to `target`
/// (itself at that scale): each share rounded down or up, the cents missing handed out by
/// largest remainder, ties to the earlier share. A `target` with more digits is an internal
/// error; `exact` empty with a non-zero `target` too.
pub(crate) fn apportion(exact: &[Decimal], target: Decimal, decimals: u32) -> Result<Vec<Decimal>> {
    let negative = target.is_sign_negative() && !target.is_zero()
        || target.is_zero()
            && exact
                .iter()
                .find(|e| !e.is_zero())
                .is_some_and(|e| e.is_sign_negative());
    if negative {
        let flipped: Vec<Decimal> = exact.iter().map(|e| -e).collect();
        return Ok(apportion_up(&flipped, -target, decimals)?
            .into_iter()
            .map(|s| -s)
            .collect());
    }
    apportion_up(exact, target, decimals)
}

fn internal(detail: &str) -> Error {
    Error::Internal {
        detail: format!("apportioning: {detail}"),
    }
}

/// [`apportion`] for a `target` of zero or more, whose shares mostly are.
fn apportion_up(exact: &[Decimal], target: Decimal, decimals: u32) -> Result<Vec<Decimal>> {
    let unit = Decimal::new(1, decimals);
    let mut floors = Vec::with_capacity(exact.len());
    let mut rests = Vec::with_capacity(exact.len());
    let mut sum = Decimal::ZERO;
    for e in exact {
        let units = e.checked_div(unit).ok_or_else(money::overflow)?.floor();
        let floor = units.checked_mul(unit).ok_or_else(money::overflow)?;
        rests.push(e.checked_sub(floor).ok_or_else(money::overflow)?);
        sum = sum.checked_add(floor).ok_or_else(money::overflow)?;
        floors.push(floor);
    }
    let missing = target
        .checked_sub(sum)
        .and_then(|m| m.checked_div(unit))
        .ok_or_else(money::overflow)?;
    if !missing.fract().is_zero() {
        return Err(internal("the target has more digits than the currency"));
    }
    let missing = missing
        .to_i64()
        .ok_or_else(|| internal("too many cents to hand out"))?;
    let count = i64::try_from(floors.len()).map_err(|_| internal("too many shares"))?;
    if count == 0 {
        return if missing == 0 {
            Ok(floors)
        } else {
            Err(internal("nothing to share a non-zero amount among"))
        };
    }
    // Every share gets `each` units, and the `extra` largest remainders one more.
    let each = Decimal::from(missing.div_euclid(count))
        .checked_mul(unit)
        .ok_or_else(money::overflow)?;
    let extra = usize::try_from(missing.rem_euclid(count)).unwrap_or(0);
    let mut order: Vec<usize> = (0..floors.len()).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (rests.get(a), rests.get(b));
        rb.cmp(&ra).then(a.cmp(&b))
    });
    let lucky: Vec<usize> = order.into_iter().take(extra).collect();
    floors
        .into_iter()
        .enumerate()
        .map(|(i, floor)| {
            let share = floor.checked_add(each).ok_or_else(money::overflow)?;
            if lucky.contains(&i) {
                share.checked_add(unit).ok_or_else(money::overflow)
            } else {
                Ok(share)
            }
        })
        .map(|share| share.map(|s| Rounding::HalfAwayFromZero.round(s, decimals)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn the_cent_goes_to_the_largest_remainder() {
        // 100 / 3: 33.333… each, one cent left over, to the first on the tie.
        let third = d("100") / d("3");
        let shares = apportion(&[third, third, third], d("100.00"), 2).unwrap();
        assert_eq!(shares, [d("33.34"), d("33.33"), d("33.33")]);
        let shares = apportion(&[d("10.004"), d("10.006")], d("20.01"), 2).unwrap();
        assert_eq!(shares, [d("10.00"), d("10.01")]);
    }

    #[test]
    fn a_negative_split_is_the_positive_one_negated() {
        let exact = [d("827.2727"), d("-248.1818")];
        let up = apportion(&exact, d("579.09"), 2).unwrap();
        assert_eq!(up, [d("827.27"), d("-248.18")]);
        let down = apportion(&[d("-827.2727"), d("248.1818")], d("-579.09"), 2).unwrap();
        assert_eq!(down, [d("-827.27"), d("248.18")]);
    }

    #[test]
    fn a_zero_target_splits_shares_that_cancel_out() {
        let shares = apportion(&[d("22.5045"), d("-22.5045")], d("0.00"), 2).unwrap();
        assert_eq!(shares.iter().sum::<Decimal>(), Decimal::ZERO);
        let flipped = apportion(&[d("-22.5045"), d("22.5045")], d("0.00"), 2).unwrap();
        assert_eq!(flipped, shares.iter().map(|s| -s).collect::<Vec<_>>());
    }

    #[test]
    fn nothing_to_share_a_target_among_is_an_error_not_a_panic() {
        assert_eq!(
            apportion(&[], d("0.01"), 2).unwrap_err().code(),
            "internal.error"
        );
        assert!(apportion(&[], d("0"), 2).unwrap().is_empty());
        assert!(apportion(&[d("1")], d("1.005"), 2).is_err());
    }

    proptest! {
        #[test]
        fn shares_add_up_to_the_target_and_stay_within_a_cent(
            cents in proptest::collection::vec(-1_000_000i64..1_000_000, 1..12),
            rate in prop_oneof![Just("0"), Just("5.5"), Just("10"), Just("20")],
        ) {
            let factor = Decimal::ONE_HUNDRED / (Decimal::ONE_HUNDRED + d(rate));
            let exact: Vec<Decimal> = cents.iter().map(|c| Decimal::new(*c, 2) * factor).collect();
            let sum: Decimal = cents.iter().map(|c| Decimal::new(*c, 2)).sum();
            let target = Rounding::HalfAwayFromZero.round(sum * factor, 2);
            let shares = apportion(&exact, target, 2).unwrap();
            prop_assert_eq!(shares.iter().sum::<Decimal>(), target);
            for (s, e) in shares.iter().zip(&exact) {
                prop_assert!((s - e).abs() <= d("0.01"), "{} from {}", s, e);
            }
            let negated: Vec<Decimal> = exact.iter().map(|e| -e).collect();
            let down = apportion(&negated, -target, 2).unwrap();
            prop_assert_eq!(down, shares.iter().map(|s| -s).collect::<Vec<_>>());
        }
    }
}
