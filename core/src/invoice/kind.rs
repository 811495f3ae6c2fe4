//! What an invoice is for: a deposit, a balance, a side sale, a credit note…

use serde::{Deserialize, Serialize};

/// What an invoice is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum InvoiceKind {
    /// A deposit (« facture d'acompte »): a share of the stay's total.
    Deposit,
    /// The balance before arrival (« facture de solde »): the stay less its deposits.
    Balance,
    /// The final invoice at departure: the stay less its deposits.
    Final,
    /// A side sale (« vente annexe »): lines of their own, with or without a stay.
    SideSale,
    /// A resident's rent (« loyer »).
    Rent,
    /// What a cancellation costs (« frais d'annulation »).
    CancellationFee,
    /// A credit note (« avoir »): negates an invoice.
    CreditNote,
}
