//! The payment schedule: the deposit asked at booking and the balance before arrival.

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::money::{Money, overflow};

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
        #[cfg_attr(feature = "schema", schemars(with = "crate::codec::DecimalString"))]
        percent: Decimal,
    },
    /// A fixed amount (at most the total).
    Amount {
        /// The amount.
        #[cfg_attr(feature = "schema", schemars(with = "crate::codec::DecimalString"))]
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

/// The payment schedule of `total` booked on `today` for `arrival`.
pub(super) fn schedule(
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

/// `value × percent ÷ 100`; dividing by 100 is moving the decimal point when the scale allows.
pub(super) fn percent_of(value: Decimal, percent: Decimal) -> Result<Decimal> {
    let mut product = value.checked_mul(percent).ok_or_else(overflow)?;
    match product.set_scale(product.scale() + 2) {
        Ok(()) => Ok(product),
        Err(_) => product
            .checked_div(Decimal::ONE_HUNDRED)
            .ok_or_else(overflow),
    }
}
