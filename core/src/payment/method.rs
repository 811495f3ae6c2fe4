//! How a guest paid.

use serde::{Deserialize, Serialize};

/// How a payment was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum PaymentMethod {
    /// Card, at the desk or online.
    Card,
    /// Bank transfer.
    BankTransfer,
    /// Cheque.
    Cheque,
    /// Cash.
    Cash,
    /// Holiday vouchers (« chèques-vacances »).
    HolidayVouchers,
    /// Anything else.
    Other,
    /// Not money received: sums already received on a cancelled invoice, carried to the
    /// invoice that replaces it (a cancellation fee). Not counted twice in a stay's balance.
    Carried,
}
