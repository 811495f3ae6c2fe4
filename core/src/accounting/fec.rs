//! The FEC (« fichier des écritures comptables »), article A47 A-1 of the LPF: the journal
//! entries as the French tax administration reads them, and the file's name.
//!
//! A flat file: a header naming the 18 zones, then one record per entry line, records ended by
//! CR LF, zones separated by a tab or `|` (the business's choice, one per file). Dates
//! `YYYYMMDD`; amounts with a comma and no thousands separator (`1234,56`), the side a line is
//! not on written `0,00`; a zone not used (`CompAuxNum` off the customers' account, lettering,
//! foreign currency) is empty. Characters in ISO 8859-15, one of the sets the article names
//! (ASCII, ISO 8859-15, EBCDIC), or UTF-8 for software that asks for it; a zone never holds the
//! separator, a tab or a line break (they become spaces).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::charset;
use super::entry::{self, JournalEntry};
use crate::error::{Error, Result};
use crate::money::{Money, Rounding};

/// The 18 zones of a FEC record, in the order article A47 A-1 of the LPF lists them; the first
/// line of the file names them.
///
/// ```
/// assert_eq!(hospes::accounting::FEC_COLUMNS.len(), 18);
/// assert_eq!(hospes::accounting::FEC_COLUMNS[11], "Debit");
/// ```
pub const FEC_COLUMNS: [&str; 18] = [
    "JournalCode",
    "JournalLib",
    "EcritureNum",
    "EcritureDate",
    "CompteNum",
    "CompteLib",
    "CompAuxNum",
    "CompAuxLib",
    "PieceRef",
    "PieceDate",
    "EcritureLib",
    "Debit",
    "Credit",
    "EcritureLet",
    "DateLet",
    "ValidDate",
    "Montantdevise",
    "Idevise",
];

/// The zone separator of a FEC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum FecSeparator {
    /// A tab.
    #[default]
    Tab,
    /// A vertical bar, `|`.
    Pipe,
}

impl FecSeparator {
    /// The character.
    ///
    /// ```
    /// assert_eq!(hospes::accounting::FecSeparator::Pipe.char(), '|');
    /// ```
    pub fn char(self) -> char {
        match self {
            FecSeparator::Tab => '\t',
            FecSeparator::Pipe => '|',
        }
    }
}

/// The character set of a FEC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum FecEncoding {
    /// ISO 8859-15 (Latin-9), named by article A47 A-1: French letters, `€`, `œ`; other
    /// characters spelt with these (`’` → `'`), else `?`.
    #[default]
    #[serde(rename = "iso_8859_15")]
    Latin9,
    /// UTF-8, without a byte-order mark.
    #[serde(rename = "utf_8")]
    Utf8,
}

/// How to write a FEC: `{}` is a tab-separated file in ISO 8859-15.
///
/// ```
/// let options: hospes::accounting::FecOptions = serde_json::from_str(r#"{"separator": "pipe"}"#).unwrap();
/// assert_eq!(options.encoding, hospes::accounting::FecEncoding::Latin9);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FecOptions {
    /// Tab (the default) or `|`.
    pub separator: FecSeparator,
    /// ISO 8859-15 (the default) or UTF-8.
    pub encoding: FecEncoding,
}

/// The FEC of `entries`: the header, then a record per line of each entry, entries in
/// chronological order (by date, then journal and sequence), records ended by CR LF.
///
/// Every entry is checked again: balanced, one currency, no negative amount, an account
/// number that starts with three digits, a journal code and a number; no journal number twice.
/// `ValidDate` is the entry's date (an issued document is final when issued); lettering and
/// foreign-currency zones are empty.
///
/// Errors: `accounting.entry_unbalanced`, `accounting.entry_invalid`.
///
/// ```
/// # let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/invoicing.json")).unwrap()).unwrap();
/// # let establishment: hospes::Establishment = serde_json::from_value(data["establishment"].clone()).unwrap();
/// # let deposit: hospes::invoice::Invoice = serde_json::from_value(data["deposit_invoice"].clone()).unwrap();
/// use hospes::accounting::{self, ChartOfAccounts, FecEncoding, FecOptions, FecSeparator};
/// let journal = ChartOfAccounts::default().journal(&establishment, &[deposit], &[], &[]).unwrap();
/// let options = FecOptions { separator: FecSeparator::Pipe, encoding: FecEncoding::Utf8 };
/// let fec = String::from_utf8(accounting::fec(&journal.entries, &options).unwrap()).unwrap();
/// let lines: Vec<&str> = fec.lines().collect();
/// assert!(lines[0].starts_with("JournalCode|JournalLib|EcritureNum|EcritureDate|"));
/// assert_eq!(lines[1], "VE|Ventes|VE000001|20260301|411|Clients|C-1042|Marie Dupont|FA26030042|20260301|Facture FA26030042, Marie Dupont|300,00|0,00|||20260301||");
/// ```
pub fn fec(entries: &[JournalEntry], options: &FecOptions) -> Result<Vec<u8>> {
    let separator = options.separator.char();
    let latin9 = options.encoding == FecEncoding::Latin9;
    let sorted = entry::in_order(entries);
    let mut text = FEC_COLUMNS.join(&separator.to_string());
    text.push_str("\r\n");
    let mut numbers = std::collections::HashSet::with_capacity(sorted.len());
    for entry in sorted {
        entry.check()?;
        check_entry(entry)?;
        let number = (entry.journal_code.as_str(), entry.number.as_str());
        if !numbers.insert(number) {
            return Err(Error::JournalEntryInvalid {
                entry: entry.number.chars().take(40).collect(),
                detail: format!("journal {} numbers two entries alike", number.0),
            });
        }
        let zone = |value: &str| charset::zone(value, separator, latin9);
        let date = yyyymmdd(entry.date);
        for line in &entry.lines {
            let record = [
                zone(&entry.journal_code),
                zone(&entry.journal_label),
                zone(&entry.number),
                date.clone(),
                zone(&line.account),
                zone(&line.account_label),
                zone(line.auxiliary.as_deref().unwrap_or_default()),
                zone(line.auxiliary_label.as_deref().unwrap_or_default()),
                zone(&entry.piece_ref),
                yyyymmdd(entry.piece_date),
                zone(&entry.label),
                amount(&line.debit),
                amount(&line.credit),
                String::new(),
                String::new(),
                date.clone(),
                String::new(),
                String::new(),
            ];
            text.push_str(&record.join(&separator.to_string()));
            text.push_str("\r\n");
        }
    }
    Ok(if latin9 {
        charset::encode_latin9(&text)
    } else {
        text.into_bytes()
    })
}

/// The name the FEC must have: `<SIREN>FEC<closing date>.txt`, the SIREN from a SIREN or a SIRET
/// (its first nine digits; spaces ignored), the date the financial year closes on.
///
/// Errors: `accounting.siren_invalid` for anything but 9 (or 14) digits with a valid Luhn key.
///
/// ```
/// let closing = "2026-12-31".parse().unwrap();
/// assert_eq!(hospes::accounting::fec_file_name("732 829 320", closing).unwrap(), "732829320FEC20261231.txt");
/// assert_eq!(hospes::accounting::fec_file_name("73282932000074", closing).unwrap(), "732829320FEC20261231.txt");
/// assert_eq!(hospes::accounting::fec_file_name("732829321", closing).unwrap_err().code(), "accounting.siren_invalid");
/// ```
pub fn fec_file_name(siren: &str, closing_date: NaiveDate) -> Result<String> {
    let digits: String = siren.chars().filter(|c| !c.is_whitespace()).collect();
    let invalid = || Error::SirenInvalid {
        value: siren.chars().take(40).collect(),
    };
    if !digits.bytes().all(|b| b.is_ascii_digit()) || !matches!(digits.len(), 9 | 14) {
        return Err(invalid());
    }
    let siren = digits.get(..9).ok_or_else(invalid)?;
    if !luhn(siren) {
        return Err(invalid());
    }
    Ok(format!("{siren}FEC{}.txt", yyyymmdd(closing_date)))
}

/// Whether a string of digits has a valid Luhn check digit.
fn luhn(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b.saturating_sub(b'0'));
            match (i % 2 == 1, d * 2) {
                (true, doubled) if doubled > 9 => doubled - 9,
                (true, doubled) => doubled,
                (false, _) => d,
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// What the FEC needs of an entry beyond its balance: a journal code, a number, account
/// numbers of the PCG.
fn check_entry(entry: &JournalEntry) -> Result<()> {
    let invalid = |detail: String| {
        Err(Error::JournalEntryInvalid {
            entry: entry.number.chars().take(40).collect(),
            detail,
        })
    };
    if entry.journal_code.trim().is_empty() || entry.number.trim().is_empty() {
        return invalid("it has no journal code or no number".to_owned());
    }
    for line in &entry.lines {
        let pcg =
            line.account.len() >= 3 && line.account.bytes().take(3).all(|b| b.is_ascii_digit());
        if !pcg {
            return invalid(format!(
                "account `{}` does not start with three digits of the PCG",
                line.account.chars().take(40).collect::<String>()
            ));
        }
    }
    Ok(())
}

/// A date as the FEC writes it: `20260301`.
fn yyyymmdd(date: NaiveDate) -> String {
    date.format("%Y%m%d").to_string()
}

/// An amount as the FEC writes it: the currency's decimals, a comma, no thousands separator.
fn amount(money: &Money) -> String {
    Rounding::HalfAwayFromZero
        .round(money.amount, money.currency.minor_units())
        .to_string()
        .replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_have_a_comma_and_no_thousands_separator() {
        let m = Money::parse("1234567.5", "EUR").unwrap();
        assert_eq!(amount(&m), "1234567,50");
        assert_eq!(amount(&Money::parse("0", "EUR").unwrap()), "0,00");
        assert_eq!(amount(&Money::parse("1500", "JPY").unwrap()), "1500");
    }

    #[test]
    fn a_siren_has_nine_digits_and_its_luhn_key() {
        let closing = "2027-03-31".parse().unwrap();
        assert_eq!(
            fec_file_name("732829320", closing).unwrap(),
            "732829320FEC20270331.txt"
        );
        for bad in ["", "73282932", "7328293201", "73282932A", "732829320000741"] {
            assert_eq!(
                fec_file_name(bad, closing).unwrap_err().code(),
                "accounting.siren_invalid",
                "{bad}"
            );
        }
    }
}
