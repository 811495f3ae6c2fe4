//! The journal as a spreadsheet (CSV or XLSX, written by [`crate::sheet`]): one row per entry
//! line, for the business to read, filter and sum — the FEC is for the administration and the
//! accounting software, this is for people.

use std::io::{Cursor, Write};

use super::entry::{self, JournalEntry};
use crate::error::Result;
use crate::i18n::{Locale, text};
use crate::money::Currency;
use crate::sheet::{Cell, CellKind, SheetColumn, SheetOptions, SheetWriter};

/// The columns, by their catalogue ids (`accounting-column-…`), and their kinds.
const COLUMNS: [(&str, Kind); 12] = [
    ("journal", Kind::Text),
    ("number", Kind::Text),
    ("date", Kind::Date),
    ("account", Kind::Text),
    ("account_label", Kind::Text),
    ("auxiliary", Kind::Text),
    ("auxiliary_label", Kind::Text),
    ("piece_ref", Kind::Text),
    ("piece_date", Kind::Date),
    ("label", Kind::Text),
    ("debit", Kind::Money),
    ("credit", Kind::Money),
];

#[derive(Clone, Copy)]
enum Kind {
    Text,
    Date,
    Money,
}

/// Writes the journal `entries` to `writer` as a sheet (CSV or XLSX, as `options` says, the
/// headers in its locale, the sheet named « Journal » unless `options` names it): one row per
/// entry line — journal, entry number, date, account and its label, auxiliary account and its
/// label, document and its date, label, debit, credit — entries in the order of the books (date,
/// journal, sequence). Every entry is checked balanced first.
///
/// Errors: `accounting.entry_unbalanced`, `accounting.entry_invalid`; `export.invalid` and
/// `export.write_failed` from the sheet.
///
/// ```
/// # let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/invoicing.json")).unwrap()).unwrap();
/// # let establishment: hospes::Establishment = serde_json::from_value(data["establishment"].clone()).unwrap();
/// # let deposit: hospes::invoice::Invoice = serde_json::from_value(data["deposit_invoice"].clone()).unwrap();
/// use hospes::sheet::SheetOptions;
/// let journal = hospes::accounting::ChartOfAccounts::default().journal(&establishment, &[deposit], &[], &[]).unwrap();
/// let out = hospes::accounting::write_journal_sheet(Vec::new(), &journal.entries, &SheetOptions::default()).unwrap();
/// let csv = String::from_utf8(out).unwrap();
/// assert!(csv.starts_with("\u{feff}Journal;N° écriture;Date;Compte;"));
/// assert!(csv.contains("\r\nVE;VE000001;2026-03-01;411;Clients;C-1042;Marie Dupont;FA26030042;2026-03-01;Facture FA26030042, Marie Dupont;300,00;0,00\r\n"));
/// ```
pub fn write_journal_sheet<W: Write + Send>(
    writer: W,
    entries: &[JournalEntry],
    options: &SheetOptions,
) -> Result<W> {
    for entry in entries {
        entry.check()?;
    }
    let currency = entries
        .iter()
        .find_map(|e| e.lines.first())
        .map_or(Currency::EUR, |l| l.debit.currency);
    let locale = options.locale;
    let columns: Vec<SheetColumn> = COLUMNS
        .iter()
        .map(|(id, kind)| {
            let header = text(&format!("accounting-column-{id}"), &[], locale, Locale::Fr);
            SheetColumn::new(
                header,
                match kind {
                    Kind::Text => CellKind::Text,
                    Kind::Date => CellKind::Date,
                    Kind::Money => CellKind::Money(currency),
                },
            )
        })
        .collect();
    let mut options = options.clone();
    if options.sheet_name.is_none() {
        options.sheet_name = Some(text("accounting-sheet-journal", &[], locale, Locale::Fr));
    }
    let mut sheet = SheetWriter::new(writer, &columns, &options)?;
    for entry in entry::in_order(entries) {
        for line in &entry.lines {
            sheet.row(&[
                Cell::from(entry.journal_code.as_str()),
                Cell::from(entry.number.as_str()),
                Cell::Date(entry.date),
                Cell::from(line.account.as_str()),
                Cell::from(line.account_label.as_str()),
                Cell::from(line.auxiliary.as_deref()),
                Cell::from(line.auxiliary_label.as_deref()),
                Cell::from(entry.piece_ref.as_str()),
                Cell::Date(entry.piece_date),
                Cell::from(entry.label.as_str()),
                Cell::Money(line.debit.clone()),
                Cell::Money(line.credit.clone()),
            ])?;
        }
    }
    sheet.finish()
}

/// The journal sheet of `entries` as a file's bytes (see [`write_journal_sheet`]).
///
/// ```
/// use hospes::sheet::SheetOptions;
/// let csv = hospes::accounting::journal_sheet(&[], &SheetOptions::csv(hospes::Locale::En)).unwrap();
/// assert_eq!(csv, "\u{feff}Journal;Entry no.;Date;Account;Account name;Auxiliary account;Auxiliary name;Document;Document date;Label;Debit;Credit\r\n".as_bytes());
/// ```
pub fn journal_sheet(entries: &[JournalEntry], options: &SheetOptions) -> Result<Vec<u8>> {
    write_journal_sheet(Cursor::new(Vec::new()), entries, options).map(Cursor::into_inner)
}
