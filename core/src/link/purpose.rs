//! What a link opens: the guest's space, a quote, a contract, an invoice, a payment…

use serde::{Deserialize, Serialize};

use super::state::LinkState;

/// What a link opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum LinkPurpose {
    /// The whole client space (`[LIEN_ESPACE_CLI]`).
    Portal,
    /// One quote, to read and sign (`[LIEN_DEVIS]`).
    Quote,
    /// One contract, to read and sign (`[LIEN_CONTRAT]`).
    Contract,
    /// One invoice, to read and download (`[LIEN_FACTURE]`).
    Invoice,
    /// Paying the deposit of an invoice (`[LIEN_PAIEMENT_ACOMPTE]`).
    DepositPayment,
    /// Paying the balance of an invoice (`[LIEN_PAIEMENT_SOLDE]`).
    BalancePayment,
    /// Changing the editable fields of one booking.
    BookingEdit,
    /// Choosing a new portal password.
    PasswordReset,
    /// Confirming the e-mail address of a new portal account.
    AccountVerify,
}

impl LinkPurpose {
    /// The wire name (`deposit_payment`).
    ///
    /// ```
    /// assert_eq!(hospes::LinkPurpose::DepositPayment.name(), "deposit_payment");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            LinkPurpose::Portal => "portal",
            LinkPurpose::Quote => "quote",
            LinkPurpose::Contract => "contract",
            LinkPurpose::Invoice => "invoice",
            LinkPurpose::DepositPayment => "deposit_payment",
            LinkPurpose::BalancePayment => "balance_payment",
            LinkPurpose::BookingEdit => "booking_edit",
            LinkPurpose::PasswordReset => "password_reset",
            LinkPurpose::AccountVerify => "account_verify",
        }
    }

    /// The path of the portal page it opens, relative to the portal base URL.
    ///
    /// ```
    /// assert_eq!(hospes::LinkPurpose::Quote.path(), "quote");
    /// ```
    pub fn path(self) -> &'static str {
        match self {
            LinkPurpose::Portal => "",
            LinkPurpose::Quote => "quote",
            LinkPurpose::Contract => "contract",
            LinkPurpose::Invoice => "invoice",
            LinkPurpose::DepositPayment => "pay/deposit",
            LinkPurpose::BalancePayment => "pay/balance",
            LinkPurpose::BookingEdit => "booking",
            LinkPurpose::PasswordReset => "account/reset",
            LinkPurpose::AccountVerify => "account/verify",
        }
    }

    /// Whether the link is about one stay or document (`subject`), rather than the client.
    pub fn needs_subject(self) -> bool {
        !matches!(
            self,
            LinkPurpose::Portal | LinkPurpose::PasswordReset | LinkPurpose::AccountVerify
        )
    }

    pub(super) fn accepts(self, state: &LinkState) -> bool {
        matches!(
            (self, state),
            (
                LinkPurpose::Portal | LinkPurpose::BookingEdit,
                LinkState::LinkVersion { .. }
            ) | (
                LinkPurpose::Quote | LinkPurpose::Contract | LinkPurpose::Invoice,
                LinkState::Document { .. }
            ) | (
                LinkPurpose::DepositPayment | LinkPurpose::BalancePayment,
                LinkState::AmountDue { .. }
            ) | (LinkPurpose::PasswordReset, LinkState::Password { .. })
                | (LinkPurpose::AccountVerify, LinkState::Email { .. })
        )
    }
}
