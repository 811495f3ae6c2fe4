//! Exact amounts of money: a [`Decimal`] and an ISO 4217 [`Currency`], never a float.
//!
//! Arithmetic refuses to mix currencies. Rounding is explicit and named:
//! [`Rounding::HalfAwayFromZero`] to the currency's minor unit, applied once per line and once per
//! VAT rate (see [`crate::vat`]).

use std::fmt;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// An ISO 4217 currency, serialised as its alphabetic code (`"EUR"`).
///
/// ```
/// use hospes::Currency;
/// let eur: Currency = "eur".parse().unwrap();
/// assert_eq!(eur.code(), "EUR");
/// assert_eq!(eur.minor_units(), 2);
/// assert_eq!("JPY".parse::<Currency>().unwrap().minor_units(), 0);
/// assert_eq!("EURO".parse::<Currency>().unwrap_err().code(), "money.currency_unknown");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "String")]
pub struct Currency(iso_currency::Currency);

impl Currency {
    /// The euro, the currency of most establishments hospes serves.
    pub const EUR: Currency = Currency(iso_currency::Currency::EUR);

    /// Reads an alphabetic ISO 4217 code, ignoring case and surrounding spaces.
    ///
    /// ```
    /// assert!(hospes::Currency::new(" chf ").is_ok());
    /// ```
    pub fn new(code: &str) -> Result<Self> {
        iso_currency::Currency::from_code(&code.trim().to_ascii_uppercase())
            .map(Currency)
            .ok_or_else(|| Error::CurrencyUnknown {
                value: code.to_owned(),
            })
    }

    /// The three-letter code.
    ///
    /// ```
    /// assert_eq!(hospes::Currency::EUR.code(), "EUR");
    /// ```
    pub fn code(self) -> &'static str {
        self.0.code()
    }

    /// Digits after the decimal separator in the currency's minor unit (2 for EUR, 0 for JPY).
    /// Currencies without a minor unit in ISO 4217 (gold, SDR) count as 2.
    ///
    /// ```
    /// assert_eq!(hospes::Currency::new("TND").unwrap().minor_units(), 3);
    /// ```
    pub fn minor_units(self) -> u32 {
        self.0.exponent().map_or(2, u32::from)
    }
}

impl FromStr for Currency {
    type Err = Error;
    fn from_str(code: &str) -> Result<Self> {
        Currency::new(code)
    }
}

crate::codec::deserialize_from_str!(Currency, Currency::new);

impl From<Currency> for String {
    fn from(currency: Currency) -> String {
        currency.code().to_owned()
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A named rounding rule. hospes rounds with exactly one: half away from zero, to the minor unit.
///
/// ```
/// use hospes::{Decimal, Rounding};
/// let half: Decimal = "2.345".parse().unwrap();
/// assert_eq!(Rounding::HalfAwayFromZero.round(half, 2).to_string(), "2.35");
/// let minus: Decimal = "-2.345".parse().unwrap();
/// assert_eq!(Rounding::HalfAwayFromZero.round(minus, 2).to_string(), "-2.35");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Rounding {
    /// 0.5 goes away from zero: 2.345 → 2.35, −2.345 → −2.35 (the commercial rule in France).
    #[default]
    HalfAwayFromZero,
}

impl Rounding {
    /// Rounds `value` to `decimals` digits after the separator, keeping exactly that scale.
    ///
    /// ```
    /// let v: hospes::Decimal = "7".parse().unwrap();
    /// assert_eq!(hospes::Rounding::HalfAwayFromZero.round(v, 2).to_string(), "7.00");
    /// ```
    pub fn round(self, value: Decimal, decimals: u32) -> Decimal {
        let mut rounded = match self {
            Rounding::HalfAwayFromZero => {
                value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
            }
        };
        rounded.rescale(decimals);
        rounded
    }
}

/// An amount in a currency.
///
/// Serialised as `{"amount": "1234.50", "currency": "EUR"}`; the amount is a decimal string so
/// that no language ever reads it as a float.
///
/// ```
/// use hospes::{Currency, Money};
/// let a = Money::parse("10.10", "EUR").unwrap();
/// let b = Money::parse("0.20", "EUR").unwrap();
/// assert_eq!(a.checked_add(&b).unwrap(), Money::parse("10.30", "EUR").unwrap());
/// let chf = Money::parse("1", "CHF").unwrap();
/// assert_eq!(a.checked_add(&chf).unwrap_err().code(), "money.currency_mismatch");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Money {
    /// The amount, exact; may carry more digits than the minor unit until rounded.
    #[cfg_attr(feature = "schema", schemars(with = "crate::codec::DecimalString"))]
    pub amount: Decimal,
    /// Its currency.
    pub currency: Currency,
}

impl Money {
    /// An amount in `currency`.
    ///
    /// ```
    /// use hospes::{Currency, Money};
    /// let m = Money::new(hospes::Decimal::new(1250, 2), Currency::EUR);
    /// assert_eq!(m.to_string(), "12.50 EUR");
    /// ```
    pub fn new(amount: Decimal, currency: Currency) -> Self {
        Money { amount, currency }
    }

    /// Zero in `currency`, at its minor-unit scale.
    ///
    /// ```
    /// assert_eq!(hospes::Money::zero(hospes::Currency::EUR).to_string(), "0.00 EUR");
    /// ```
    pub fn zero(currency: Currency) -> Self {
        Money::new(Decimal::new(0, currency.minor_units()), currency)
    }

    /// Reads a decimal string and a currency code; refuses exponents, floats' `NaN` and the like.
    ///
    /// ```
    /// assert_eq!(hospes::Money::parse("1e3", "EUR").unwrap_err().code(), "input.invalid");
    /// ```
    pub fn parse(amount: &str, currency: &str) -> Result<Self> {
        let currency = Currency::new(currency)?;
        let amount = Decimal::from_str_exact(amount.trim()).map_err(|_| Error::InputInvalid {
            detail: format!("`{amount}` is not a decimal amount"),
        })?;
        Ok(Money::new(amount, currency))
    }

    fn same_currency(&self, other: &Money) -> Result<()> {
        if self.currency == other.currency {
            Ok(())
        } else {
            Err(Error::CurrencyMismatch {
                left: self.currency.code().to_owned(),
                right: other.currency.code().to_owned(),
            })
        }
    }

    /// `self + other`, refusing another currency or an overflow.
    ///
    /// ```
    /// let a = hospes::Money::parse("0.10", "EUR").unwrap();
    /// assert_eq!(a.checked_add(&a).unwrap().to_string(), "0.20 EUR");
    /// ```
    pub fn checked_add(&self, other: &Money) -> Result<Money> {
        self.same_currency(other)?;
        let amount = self.amount.checked_add(other.amount).ok_or_else(overflow)?;
        Ok(Money::new(amount, self.currency))
    }

    /// `self − other`, refusing another currency or an overflow.
    ///
    /// ```
    /// let a = hospes::Money::parse("5", "EUR").unwrap();
    /// let b = hospes::Money::parse("7.5", "EUR").unwrap();
    /// assert_eq!(a.checked_sub(&b).unwrap().amount.to_string(), "-2.5");
    /// ```
    pub fn checked_sub(&self, other: &Money) -> Result<Money> {
        self.same_currency(other)?;
        let amount = self.amount.checked_sub(other.amount).ok_or_else(overflow)?;
        Ok(Money::new(amount, self.currency))
    }

    /// `self × factor` (a quantity, a rate), unrounded.
    ///
    /// ```
    /// let night = hospes::Money::parse("32.40", "EUR").unwrap();
    /// let three: hospes::Decimal = "3".parse().unwrap();
    /// assert_eq!(night.checked_mul(three).unwrap().amount.to_string(), "97.20");
    /// ```
    pub fn checked_mul(&self, factor: Decimal) -> Result<Money> {
        let amount = self.amount.checked_mul(factor).ok_or_else(overflow)?;
        Ok(Money::new(amount, self.currency))
    }

    /// Rounded to the currency's minor unit with [`Rounding::HalfAwayFromZero`].
    ///
    /// ```
    /// let m = hospes::Money::parse("10.005", "EUR").unwrap();
    /// assert_eq!(m.rounded().amount.to_string(), "10.01");
    /// let yen = hospes::Money::parse("99.5", "JPY").unwrap();
    /// assert_eq!(yen.rounded().amount.to_string(), "100");
    /// ```
    pub fn rounded(&self) -> Money {
        Money::new(
            Rounding::HalfAwayFromZero.round(self.amount, self.currency.minor_units()),
            self.currency,
        )
    }

    /// Sum of `amounts` in `currency` (zero when empty), refusing any other currency.
    ///
    /// ```
    /// use hospes::{Currency, Money};
    /// let parts = [Money::parse("1.10", "EUR").unwrap(), Money::parse("2.20", "EUR").unwrap()];
    /// assert_eq!(Money::sum(Currency::EUR, &parts).unwrap().to_string(), "3.30 EUR");
    /// ```
    pub fn sum<'a>(
        currency: Currency,
        amounts: impl IntoIterator<Item = &'a Money>,
    ) -> Result<Money> {
        amounts
            .into_iter()
            .try_fold(Money::zero(currency), |total, m| total.checked_add(m))
    }

    /// Whether the amount is exactly zero.
    ///
    /// ```
    /// assert!(hospes::Money::parse("0.00", "EUR").unwrap().is_zero());
    /// ```
    pub fn is_zero(&self) -> bool {
        self.amount.is_zero()
    }
}

impl fmt::Display for Money {
    /// `12.50 EUR`: a neutral form for logs and tests; guests see [`crate::i18n`] formatting.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount, self.currency)
    }
}

/// `money.overflow`, built only when an operation actually overflows.
pub(crate) fn overflow() -> Error {
    Error::AmountOverflow
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn eur(s: &str) -> Money {
        Money::parse(s, "EUR").unwrap()
    }

    #[test]
    fn half_a_cent_rounds_away_from_zero_both_ways() {
        assert_eq!(eur("0.125").rounded(), eur("0.13"));
        assert_eq!(eur("-0.125").rounded(), eur("-0.13"));
        assert_eq!(eur("0.124").rounded(), eur("0.12"));
    }

    #[test]
    fn rounding_keeps_the_minor_unit_scale() {
        assert_eq!(eur("7").rounded().amount.to_string(), "7.00");
    }

    #[test]
    fn a_currency_code_is_read_whatever_its_case() {
        assert_eq!(Currency::new("eUr").unwrap(), Currency::EUR);
    }

    #[test]
    fn the_wire_form_is_a_decimal_string_and_a_code() {
        let json = serde_json::to_string(&eur("1234.50")).unwrap();
        assert_eq!(json, r#"{"amount":"1234.50","currency":"EUR"}"#);
        let back: Money = serde_json::from_str(&json).unwrap();
        assert_eq!(back, eur("1234.50"));
    }

    #[test]
    fn a_float_amount_is_refused_on_the_wire() {
        let err = serde_json::from_str::<Money>(r#"{"amount":12.5,"currency":"EUR"}"#);
        assert!(err.is_err());
    }

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        let max = Money::new(Decimal::MAX, Currency::EUR);
        assert_eq!(
            max.checked_add(&eur("1")).unwrap_err(),
            Error::AmountOverflow
        );
        assert_eq!(
            max.checked_mul(Decimal::TWO).unwrap_err(),
            Error::AmountOverflow
        );
    }

    proptest! {
        #[test]
        fn rounding_moves_an_amount_by_at_most_half_a_minor_unit(cents in -10_000_000i64..10_000_000, extra in 0u32..1000) {
            let amount = Decimal::new(cents * 1000 + i64::from(extra), 5);
            let rounded = Money::new(amount, Currency::EUR).rounded().amount;
            prop_assert!((rounded - amount).abs() <= Decimal::new(5, 3));
            prop_assert_eq!(rounded.scale(), 2);
        }

        #[test]
        fn addition_then_subtraction_gives_back_the_amount(a in -1_000_000_000i64..1_000_000_000, b in -1_000_000_000i64..1_000_000_000) {
            let x = Money::new(Decimal::new(a, 2), Currency::EUR);
            let y = Money::new(Decimal::new(b, 2), Currency::EUR);
            prop_assert_eq!(x.checked_add(&y).unwrap().checked_sub(&y).unwrap(), x);
        }
    }
}
