//! The money of a stay as the guest's stay page shows it: what is left to pay, and what the
//! « Payer » button pays now — the deposit before the balance, per the stay's invoices.

use serde::{Deserialize, Serialize};

use super::access::Portal;
use crate::error::Result;
use crate::invoice::{Invoice, InvoiceKind};
use crate::money::Money;
use crate::payment::{self, Payment, StayBalance};
use crate::stay::Stay;

/// What « Payer » pays now: one of the stay's invoices and the amount still due on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PayNow {
    /// The invoice the payment goes to (`payment.request` takes it).
    pub invoice_number: String,
    /// Deposit, balance, final invoice…
    pub kind: InvoiceKind,
    /// What is due on it now.
    pub amount: Money,
}

/// The money of one of the guest's stays: its balance, what is left to pay, and what « Payer »
/// would pay now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StayPayment {
    /// Invoiced, paid and due, invoice by invoice.
    pub balance: StayBalance,
    /// What is left to pay: the balance's due, never below zero (a refund owed to the guest
    /// shows as a negative `balance.due`).
    pub left_to_pay: Money,
    /// What « Payer » pays now; none when nothing is due or the establishment takes no payment
    /// online.
    pub pay_now: Option<PayNow>,
}

/// The order in which a stay's invoices are paid: the deposit, then the balance or final
/// invoice, then the rest.
fn rank(kind: InvoiceKind) -> u8 {
    match kind {
        InvoiceKind::Deposit => 0,
        InvoiceKind::Balance | InvoiceKind::Final => 1,
        _ => 2,
    }
}

impl Portal {
    /// The money of one of her stays (see [`payment::stay_balance`]), with what is left to pay
    /// and what « Payer » pays now: the first of her invoices of the stay still open for
    /// payment — the deposit before the balance, then by issue date — and what is due on it.
    /// `online_payment` says the establishment has a payment provider.
    ///
    /// Scope as the stay screen: her stay, opened by her access, else `portal.not_found`.
    /// `invoices` and `payments` may hold anyone's: only her invoices of this stay (drafts
    /// ignored) and the payments on them are counted.
    ///
    /// ```
    /// # let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/invoicing.json")).unwrap()).unwrap();
    /// # let client: hospes::Client = serde_json::from_value(data["client"].clone()).unwrap();
    /// # let stay: hospes::Stay = serde_json::from_value(data["stay"].clone()).unwrap();
    /// # let deposit: hospes::invoice::Invoice = serde_json::from_value(data["deposit_invoice"].clone()).unwrap();
    /// use hospes::portal::{Portal, PortalAccess};
    /// let marie = Portal::open(&PortalAccess { client_id: "C-1042".into(), purpose: None, subject: None }, client).unwrap();
    /// let money = marie.stay_payment(&stay, &[deposit], &[], true).unwrap();
    /// assert_eq!(money.left_to_pay.to_string(), "300.00 EUR");
    /// assert_eq!(money.pay_now.unwrap().kind, hospes::invoice::InvoiceKind::Deposit);
    /// ```
    pub fn stay_payment(
        &self,
        stay: &Stay,
        invoices: &[Invoice],
        payments: &[Payment],
        online_payment: bool,
    ) -> Result<StayPayment> {
        let balance = self.stay_balance(stay, invoices, payments)?;
        let zero = Money::zero(balance.due.currency);
        let left_to_pay = if balance.due.amount.is_sign_positive() {
            balance.due.clone()
        } else {
            zero
        };
        let mut open: Vec<(&Invoice, &payment::InvoiceBalance)> = invoices
            .iter()
            .filter_map(|invoice| {
                let number = invoice.number.as_deref()?;
                let owed = balance
                    .invoices
                    .iter()
                    .find(|b| b.invoice_number == number)?;
                (online_payment
                    && invoice.customer.client_id == self.client.id
                    && payment::open_for_payment(invoice, owed))
                .then_some((invoice, owed))
            })
            .collect();
        open.sort_by_key(|(invoice, _)| (rank(invoice.kind), invoice.issue_date));
        let pay_now = open.first().map(|(invoice, owed)| PayNow {
            invoice_number: owed.invoice_number.clone(),
            kind: invoice.kind,
            amount: owed.due.clone(),
        });
        Ok(StayPayment {
            balance,
            left_to_pay,
            pay_now,
        })
    }
}
