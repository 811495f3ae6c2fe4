//! VAT rates and the per-rate breakdown printed on quotes and invoices.
//!
//! The rule, named [`Rounding::HalfAwayFromZero`](crate::Rounding) and applied in this order:
//! 1. each line total is rounded to the minor unit (done by the caller, e.g. [`crate::Stay`]);
//! 2. line totals are summed per rate;
//! 3. per rate, the VAT is computed once from that sum and rounded: from prices including VAT,
//!    `base = round(total × 100 / (100 + rate))` and `vat = total − base`; from prices excluding
//!    VAT, `vat = round(base × rate / 100)` and `total = base + vat`.
//!
//! So the printed lines always add up to the printed totals, to the cent.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::money::{Currency, Money};

/// A VAT rate in percent, from 0 to 100 excluded (`"20"`, `"10"`, `"5.5"`). The default is
/// 0 % (outside the scope of VAT, as the tourist tax).
///
/// ```
/// use hospes::VatRate;
/// let r: VatRate = "5.5".parse().unwrap();
/// assert_eq!(r.to_string(), "5.5");
/// assert_eq!("120".parse::<VatRate>().unwrap_err().code(), "money.vat_rate_invalid");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Default)]
#[serde(into = "String")]
pub struct VatRate(Decimal);

impl VatRate {
    /// A rate from a percentage, refused outside `0 ≤ rate < 100`.
    ///
    /// ```
    /// let ten = hospes::VatRate::new(hospes::Decimal::TEN).unwrap();
    /// assert_eq!(ten.percent(), hospes::Decimal::TEN);
    /// ```
    pub fn new(percent: Decimal) -> Result<Self> {
        if percent.is_sign_negative() || percent >= Decimal::ONE_HUNDRED {
            return Err(Error::VatRateInvalid {
                value: percent.to_string(),
            });
        }
        Ok(VatRate(percent.normalize()))
    }

    /// The rate in percent.
    ///
    /// ```
    /// let r: hospes::VatRate = "20".parse().unwrap();
    /// assert_eq!(r.percent().to_string(), "20");
    /// ```
    pub fn percent(self) -> Decimal {
        self.0
    }

    /// No VAT (exempt or outside its scope).
    pub const ZERO: VatRate = VatRate(Decimal::ZERO);
}

impl FromStr for VatRate {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        let percent = Decimal::from_str_exact(s.trim()).map_err(|_| Error::VatRateInvalid {
            value: s.to_owned(),
        })?;
        VatRate::new(percent)
    }
}

crate::codec::deserialize_from_str!(VatRate, <VatRate as FromStr>::from_str);

impl From<VatRate> for String {
    fn from(rate: VatRate) -> String {
        rate.to_string()
    }
}

impl fmt::Display for VatRate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Whether the prices of a document include VAT (guests' prices) or exclude it (business prices).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum PriceBasis {
    /// Prices are all taxes included (TTC), the usual case for guests.
    #[default]
    IncludingVat,
    /// Prices are before VAT (HT).
    ExcludingVat,
}

/// A rounded amount subject to one VAT rate: the input of [`breakdown`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TaxedAmount {
    /// The amount, on the document's price basis.
    pub amount: Money,
    /// Its VAT rate.
    pub vat_rate: VatRate,
}

/// One row of the VAT table: everything charged at one rate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VatLine {
    /// The rate.
    pub vat_rate: VatRate,
    /// Base excluding VAT.
    pub excl_vat: Money,
    /// VAT at that rate.
    pub vat: Money,
    /// Base plus VAT.
    pub incl_vat: Money,
}

/// The VAT table of a document and its three totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VatBreakdown {
    /// One row per rate, by increasing rate.
    pub lines: Vec<VatLine>,
    /// Total excluding VAT.
    pub total_excl_vat: Money,
    /// Total VAT.
    pub total_vat: Money,
    /// Total including VAT.
    pub total_incl_vat: Money,
}

/// Groups `amounts` by rate and computes the VAT once per rate (see the module rule).
///
/// ```
/// use hospes::{vat, Currency, Money, PriceBasis, TaxedAmount};
/// let at = |a: &str, r: &str| TaxedAmount { amount: Money::parse(a, "EUR").unwrap(), vat_rate: r.parse().unwrap() };
/// let b = vat::breakdown(Currency::EUR, PriceBasis::IncludingVat, &[at("110.00", "10"), at("24.00", "20")]).unwrap();
/// assert_eq!(b.total_incl_vat.to_string(), "134.00 EUR");
/// assert_eq!(b.total_vat.to_string(), "14.00 EUR");
/// assert_eq!(b.lines[0].excl_vat.to_string(), "100.00 EUR");
/// ```
pub fn breakdown(
    currency: Currency,
    basis: PriceBasis,
    amounts: &[TaxedAmount],
) -> Result<VatBreakdown> {
    let mut rates: Vec<VatRate> = amounts.iter().map(|a| a.vat_rate).collect();
    rates.sort_unstable();
    rates.dedup();
    let mut lines = Vec::with_capacity(rates.len());
    for rate in rates {
        let at_rate = amounts
            .iter()
            .filter(|a| a.vat_rate == rate)
            .map(|a| &a.amount);
        let sum = Money::sum(currency, at_rate)?.rounded();
        lines.push(vat_line(rate, basis, sum)?);
    }
    Ok(VatBreakdown {
        total_excl_vat: Money::sum(currency, lines.iter().map(|l| &l.excl_vat))?,
        total_vat: Money::sum(currency, lines.iter().map(|l| &l.vat))?,
        total_incl_vat: Money::sum(currency, lines.iter().map(|l| &l.incl_vat))?,
        lines,
    })
}

fn vat_line(rate: VatRate, basis: PriceBasis, sum: Money) -> Result<VatLine> {
    let hundred = Decimal::ONE_HUNDRED;
    match basis {
        PriceBasis::IncludingVat => {
            let factor = hundred
                .checked_div(hundred + rate.percent())
                .ok_or(Error::AmountOverflow)?;
            let excl_vat = sum.checked_mul(factor)?.rounded();
            Ok(VatLine {
                vat_rate: rate,
                vat: sum.checked_sub(&excl_vat)?,
                excl_vat,
                incl_vat: sum,
            })
        }
        PriceBasis::ExcludingVat => {
            let vat = sum.checked_mul(rate.percent() / hundred)?.rounded();
            Ok(VatLine {
                vat_rate: rate,
                incl_vat: sum.checked_add(&vat)?,
                vat,
                excl_vat: sum,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(amount: &str, rate: &str) -> TaxedAmount {
        TaxedAmount {
            amount: Money::parse(amount, "EUR").unwrap(),
            vat_rate: rate.parse().unwrap(),
        }
    }

    #[test]
    fn vat_is_computed_once_per_rate_not_per_line() {
        // Three lines of 0.10 at 20 %: per line the VAT would round to 0.02 × 3 = 0.06,
        // per rate it is round(0.30 − 0.25) = 0.05.
        let b = breakdown(
            Currency::EUR,
            PriceBasis::IncludingVat,
            &[at("0.10", "20"), at("0.10", "20"), at("0.10", "20")],
        )
        .unwrap();
        assert_eq!(b.lines.len(), 1);
        assert_eq!(b.total_vat, Money::parse("0.05", "EUR").unwrap());
    }

    #[test]
    fn a_campsite_bill_at_ten_and_twenty_percent() {
        let b = breakdown(
            Currency::EUR,
            PriceBasis::IncludingVat,
            &[at("385.00", "10"), at("24.00", "20"), at("12.40", "0")],
        )
        .unwrap();
        let rows: Vec<_> = b
            .lines
            .iter()
            .map(|l| {
                (
                    l.vat_rate.to_string(),
                    l.excl_vat.amount.to_string(),
                    l.vat.amount.to_string(),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("0".into(), "12.40".into(), "0.00".into()),
                ("10".into(), "350.00".into(), "35.00".into()),
                ("20".into(), "20.00".into(), "4.00".into())
            ]
        );
        assert_eq!(b.total_incl_vat, Money::parse("421.40", "EUR").unwrap());
    }

    #[test]
    fn prices_excluding_vat_add_the_vat_on_top() {
        let b = breakdown(
            Currency::EUR,
            PriceBasis::ExcludingVat,
            &[at("99.99", "5.5")],
        )
        .unwrap();
        assert_eq!(b.total_vat, Money::parse("5.50", "EUR").unwrap());
        assert_eq!(b.total_incl_vat, Money::parse("105.49", "EUR").unwrap());
    }

    #[test]
    fn mixing_currencies_in_a_breakdown_is_refused() {
        let chf = TaxedAmount {
            amount: Money::parse("1", "CHF").unwrap(),
            vat_rate: VatRate::ZERO,
        };
        let err = breakdown(Currency::EUR, PriceBasis::IncludingVat, &[chf]).unwrap_err();
        assert_eq!(err.code(), "money.currency_mismatch");
    }

    #[test]
    fn a_negative_rate_is_refused() {
        assert_eq!(
            "-5".parse::<VatRate>().unwrap_err().code(),
            "money.vat_rate_invalid"
        );
    }

    proptest! {
        #[test]
        fn base_plus_vat_is_the_total_for_every_rate(cents in proptest::collection::vec(-100_000i64..1_000_000, 1..20), rate_idx in proptest::collection::vec(0usize..4, 20)) {
            let rates = ["0", "5.5", "10", "20"];
            let amounts: Vec<TaxedAmount> = cents.iter().zip(&rate_idx).map(|(c, r)| TaxedAmount {
                amount: Money::new(Decimal::new(*c, 2), Currency::EUR),
                vat_rate: rates[*r].parse().unwrap(),
            }).collect();
            for basis in [PriceBasis::IncludingVat, PriceBasis::ExcludingVat] {
                let b = breakdown(Currency::EUR, basis, &amounts).unwrap();
                for l in &b.lines {
                    prop_assert_eq!(l.excl_vat.checked_add(&l.vat).unwrap(), l.incl_vat.clone());
                }
                prop_assert_eq!(b.total_excl_vat.checked_add(&b.total_vat).unwrap(), b.total_incl_vat.clone());
                let sum = Money::sum(Currency::EUR, amounts.iter().map(|a| &a.amount)).unwrap();
                let side = if basis == PriceBasis::IncludingVat { &b.total_incl_vat } else { &b.total_excl_vat };
                prop_assert_eq!(&sum, side);
            }
        }
    }
}
