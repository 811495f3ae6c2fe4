//! Accounting: the journal entries of issued invoices, credit notes and payments, on the
//! business's chart of accounts, and the French FEC (« fichier des écritures comptables »).
//!
//! - [`ChartOfAccounts`]: which account each line, tax and payment goes to, and the journals;
//!   `{}` is the French PCG's usual choices (411 customers, 706/708 sales by line kind, 4191
//!   deposits, 4457x VAT per rate, 4471 tourist tax, 512/531/5112 payments, journals VE and BQ).
//! - [`ChartOfAccounts::journal`]: the entries, every one balanced, dated in the establishment's
//!   terms and numbered in each journal without gaps ([`JournalEntries`]).
//! - [`fec`] and [`fec_file_name`]: the FEC of those entries, as article A47 A-1 of the LPF
//!   lays it out, and its name.
//! - [`journal_sheet`]: the same entries as a CSV or XLSX sheet, one row per line, for people.
//!
//! Refunds are not recorded by hospes yet; once they are, a refund will be an entry of its own
//! (money paid back on a credit note: the customer debited, the bank credited), beside those
//! of payments.
//!
//! ```
//! # let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/invoicing.json")).unwrap()).unwrap();
//! # let establishment: hospes::Establishment = serde_json::from_value(data["establishment"].clone()).unwrap();
//! # let deposit: hospes::invoice::Invoice = serde_json::from_value(data["deposit_invoice"].clone()).unwrap();
//! # let paid: hospes::payment::Payment = serde_json::from_value(data["deposit_payment"].clone()).unwrap();
//! use hospes::accounting::{self, ChartOfAccounts, FecOptions};
//! let chart: ChartOfAccounts = serde_json::from_str("{}").unwrap();
//! let journal = chart.journal(&establishment, &[deposit], &[paid], &[]).unwrap();
//! assert_eq!(journal.entries.len(), 2);
//! assert_eq!(journal.total_debit.to_string(), "600.00 EUR");
//! assert_eq!(journal.total_debit, journal.total_credit);
//! let fec = accounting::fec(&journal.entries, &FecOptions::default()).unwrap();
//! assert!(fec.starts_with(b"JournalCode\tJournalLib\t"));
//! ```

mod charset;
mod chart;
mod entry;
mod export;
mod fec;
mod journal;
mod split;

pub use chart::{
    ChartOfAccounts, Journal, LedgerAccount, PaymentAccount, SalesAccounts, VatAccount,
};
pub use entry::{EntryLine, EntrySource, JournalEntries, JournalEntry, JournalSequence};
pub use export::{journal_sheet, write_journal_sheet};
pub use fec::{FEC_COLUMNS, FecEncoding, FecOptions, FecSeparator, fec, fec_file_name};
