//! Journal entries (« écritures comptables »): what an issued invoice, a credit note or a
//! payment is in the books, each balanced, numbered in its journal.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::money::{Currency, Money};

/// What an entry records.
///
/// A refund, once the core records refunds, will be an entry of its own (`refund`): money paid
/// back on a credit note, the bank credited and the customer debited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum EntrySource {
    /// An issued invoice: the customer debited, sales, deposits, VAT and tourist tax credited.
    Invoice,
    /// A credit note: the entry of the invoice it cancels, reversed.
    CreditNote,
    /// A payment received: the bank (or cash, cheques …) debited, the customer credited.
    Payment,
}

/// One line of an entry: an account debited or credited.
///
/// ```
/// let line: hospes::accounting::EntryLine = serde_json::from_str(r#"{
///   "account": "411", "account_label": "Clients", "auxiliary": "C-1042", "auxiliary_label": "Marie Dupont",
///   "debit": {"amount": "300.00", "currency": "EUR"}, "credit": {"amount": "0.00", "currency": "EUR"}
/// }"#).unwrap();
/// assert_eq!(line.debit.to_string(), "300.00 EUR");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct EntryLine {
    /// The account number (`CompteNum`).
    pub account: String,
    /// The account's label (`CompteLib`).
    pub account_label: String,
    /// The auxiliary account (`CompAuxNum`): the client id, on the customers' account.
    #[serde(default)]
    pub auxiliary: Option<String>,
    /// The auxiliary account's label (`CompAuxLib`): the customer's name.
    #[serde(default)]
    pub auxiliary_label: Option<String>,
    /// Debited (`Debit`): zero when the line is a credit.
    pub debit: Money,
    /// Credited (`Credit`): zero when the line is a debit.
    pub credit: Money,
}

/// A journal entry: balanced lines under one number, date and document.
///
/// ```
/// # let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/invoicing.json")).unwrap()).unwrap();
/// # let establishment: hospes::Establishment = serde_json::from_value(data["establishment"].clone()).unwrap();
/// # let deposit: hospes::invoice::Invoice = serde_json::from_value(data["deposit_invoice"].clone()).unwrap();
/// let chart = hospes::accounting::ChartOfAccounts::default();
/// let journal = chart.journal(&establishment, &[deposit], &[], &[]).unwrap();
/// let entry = &journal.entries[0];
/// assert_eq!((entry.journal_code.as_str(), entry.number.as_str()), ("VE", "VE000001"));
/// assert!(entry.check().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct JournalEntry {
    /// The journal's code (`JournalCode`).
    pub journal_code: String,
    /// The journal's label (`JournalLib`).
    pub journal_label: String,
    /// Its number in the journal (`EcritureNum`): the journal code and the sequence on six
    /// digits, `VE000042`.
    pub number: String,
    /// Its sequence in the journal, from 1, without gaps.
    pub sequence: u32,
    /// When it is booked (`EcritureDate`, and `ValidDate`): the invoice's issue date, or the day
    /// the payment was received in the establishment's time zone.
    #[serde(deserialize_with = "crate::codec::date")]
    pub date: NaiveDate,
    /// What it records.
    pub source: EntrySource,
    /// The document (`PieceRef`): the invoice's number, or the payment's key.
    pub piece_ref: String,
    /// The document's date (`PieceDate`).
    #[serde(deserialize_with = "crate::codec::date")]
    pub piece_date: NaiveDate,
    /// What it is (`EcritureLib`), in the establishment's language: `Facture FA26030042, Marie
    /// Dupont`.
    pub label: String,
    /// The lines: the customer first, then the other accounts; debits equal credits.
    pub lines: Vec<EntryLine>,
}

impl JournalEntry {
    /// The sums of the debits and of the credits, in the entry's currency.
    ///
    /// Errors: `accounting.entry_invalid` for an entry without lines, or whose lines mix
    /// currencies or carry a negative amount.
    ///
    /// ```
    /// # let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/invoicing.json")).unwrap()).unwrap();
    /// # let establishment: hospes::Establishment = serde_json::from_value(data["establishment"].clone()).unwrap();
    /// # let deposit: hospes::invoice::Invoice = serde_json::from_value(data["deposit_invoice"].clone()).unwrap();
    /// # let journal = hospes::accounting::ChartOfAccounts::default().journal(&establishment, &[deposit], &[], &[]).unwrap();
    /// let (debit, credit) = journal.entries[0].totals().unwrap();
    /// assert_eq!((debit.to_string(), credit.to_string()), ("300.00 EUR".into(), "300.00 EUR".into()));
    /// ```
    pub fn totals(&self) -> Result<(Money, Money)> {
        let Some(first) = self.lines.first() else {
            return Err(self.invalid("it has no lines".to_owned()));
        };
        let currency = first.debit.currency;
        let mut debit = Money::zero(currency);
        let mut credit = Money::zero(currency);
        for line in &self.lines {
            for amount in [&line.debit, &line.credit] {
                if amount.currency != currency {
                    return Err(self.invalid(format!(
                        "its lines mix {} and {}",
                        currency, amount.currency
                    )));
                }
                if amount.amount.is_sign_negative() && !amount.amount.is_zero() {
                    return Err(self.invalid(format!(
                        "account {} carries a negative amount, {amount}",
                        line.account
                    )));
                }
            }
            debit = debit.checked_add(&line.debit)?;
            credit = credit.checked_add(&line.credit)?;
        }
        Ok((debit, credit))
    }

    /// Checks the entry is balanced: debits equal credits, no amount negative, one currency.
    ///
    /// Errors: `accounting.entry_unbalanced` with both sums; `accounting.entry_invalid`.
    ///
    /// ```
    /// # let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/invoicing.json")).unwrap()).unwrap();
    /// # let establishment: hospes::Establishment = serde_json::from_value(data["establishment"].clone()).unwrap();
    /// # let deposit: hospes::invoice::Invoice = serde_json::from_value(data["deposit_invoice"].clone()).unwrap();
    /// # let journal = hospes::accounting::ChartOfAccounts::default().journal(&establishment, &[deposit], &[], &[]).unwrap();
    /// let mut entry = journal.entries[0].clone();
    /// entry.lines[0].debit.amount += hospes::Decimal::new(1, 2);
    /// assert_eq!(entry.check().unwrap_err().code(), "accounting.entry_unbalanced");
    /// ```
    pub fn check(&self) -> Result<()> {
        let (debit, credit) = self.totals()?;
        if debit.amount != credit.amount {
            return Err(Error::EntryUnbalanced {
                entry: self.reference(),
                debit: debit.to_string(),
                credit: credit.to_string(),
            });
        }
        Ok(())
    }

    /// The entry as named in errors: `VE000042 (FA26030042)`.
    fn reference(&self) -> String {
        let number: String = self.number.chars().take(40).collect();
        let piece: String = self.piece_ref.chars().take(60).collect();
        format!("{number} ({piece})")
    }

    fn invalid(&self, detail: String) -> Error {
        Error::JournalEntryInvalid {
            entry: self.reference(),
            detail,
        }
    }
}

/// The last sequence a journal gave: where its numbering goes on from.
///
/// ```
/// let s: hospes::accounting::JournalSequence = serde_json::from_str(r#"{"journal_code": "VE", "last": 41}"#).unwrap();
/// assert_eq!(s.last, 41);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct JournalSequence {
    /// The journal's code.
    pub journal_code: String,
    /// Its last entry's sequence (0: none yet).
    pub last: u32,
}

/// The entries made from a batch of documents, and where each journal's numbering stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct JournalEntries {
    /// The entries, by date (then journal and sequence): store them, never change them.
    pub entries: Vec<JournalEntry>,
    /// Every journal's last sequence now, by code: pass them with the next batch.
    pub sequences: Vec<JournalSequence>,
    /// The sum of every debit.
    pub total_debit: Money,
    /// The sum of every credit: equal to `total_debit`.
    pub total_credit: Money,
}

/// `entries` in the order of the books: by date, then journal, then sequence.
pub(crate) fn in_order(entries: &[JournalEntry]) -> Vec<&JournalEntry> {
    let mut sorted: Vec<&JournalEntry> = entries.iter().collect();
    sorted.sort_by(|a, b| {
        (a.date, &a.journal_code, a.sequence).cmp(&(b.date, &b.journal_code, b.sequence))
    });
    sorted
}

/// The sums of debits and credits of `entries`, each entry checked balanced.
pub(crate) fn totals(currency: Currency, entries: &[JournalEntry]) -> Result<(Money, Money)> {
    let mut debit = Money::zero(currency);
    let mut credit = Money::zero(currency);
    for entry in entries {
        entry.check()?;
        let (d, c) = entry.totals()?;
        debit = debit.checked_add(&d)?;
        credit = credit.checked_add(&c)?;
    }
    Ok((debit, credit))
}

/// A line debiting (`amount > 0`) or crediting (`amount < 0`) `account`.
pub(crate) fn line(
    account: &super::chart::LedgerAccount,
    auxiliary: Option<(&str, &str)>,
    signed: Decimal,
    currency: Currency,
) -> EntryLine {
    let zero = Money::zero(currency);
    let amount = Money::new(signed.abs(), currency).rounded();
    let (debit, credit) = if signed.is_sign_negative() {
        (zero, amount)
    } else {
        (amount, zero)
    };
    EntryLine {
        account: account.number.clone(),
        account_label: account.label.clone(),
        auxiliary: auxiliary.map(|(id, _)| id.to_owned()),
        auxiliary_label: auxiliary.map(|(_, name)| name.to_owned()),
        debit,
        credit,
    }
}
