//! The CSV side of a sheet: RFC 4180 through the `csv` crate, UTF-8 with a byte-order mark,
//! CRLF line ends, the business's delimiter.

use std::fmt::Write as _;
use std::io::Write;

use rust_decimal::Decimal;

use super::{Cell, CellKind, SheetColumn, SheetOptions, neutralise, word, write_failed};
use crate::error::{Error, Result};

/// UTF-8's byte-order mark: without it, Excel reads a CSV in the system's legacy code page and
/// « Hébergement » becomes « HÃ©bergement ».
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A CSV sheet being written.
pub(super) struct CsvSheet<W: Write> {
    writer: csv::Writer<W>,
    decimal: char,
    yes: String,
    no: String,
    /// One field's text, reused from cell to cell.
    field: String,
}

impl<W: Write> CsvSheet<W> {
    /// Writes the byte-order mark and the header row.
    pub(super) fn new(
        mut writer: W,
        columns: &[SheetColumn],
        options: &SheetOptions,
    ) -> Result<Self> {
        writer.write_all(BOM).map_err(|e| write_failed(&e))?;
        let writer = csv::WriterBuilder::new()
            .delimiter(options.delimiter.byte())
            .terminator(csv::Terminator::CRLF)
            .quote_style(csv::QuoteStyle::Necessary)
            .from_writer(writer);
        let mut sheet = CsvSheet {
            writer,
            decimal: options.delimiter.decimal_separator(),
            yes: word("sheet-yes", options.locale),
            no: word("sheet-no", options.locale),
            field: String::new(),
        };
        for column in columns {
            let header = neutralise(&column.header);
            sheet
                .writer
                .write_field(header.as_bytes())
                .map_err(csv_failed)?;
        }
        sheet.end_record()?;
        Ok(sheet)
    }

    /// Writes one row (its width already checked).
    pub(super) fn row(&mut self, cells: &[Cell<'_>], columns: &[SheetColumn]) -> Result<()> {
        for (cell, column) in cells.iter().zip(columns) {
            self.field.clear();
            match cell {
                Cell::Empty => {}
                Cell::Text(text) => self.field.push_str(&neutralise(text)),
                Cell::Integer(n) => push(&mut self.field, n),
                Cell::Number(n) => self.push_decimal(*n, 0),
                Cell::Amount(amount) => {
                    let digits = match column.kind {
                        CellKind::Money(currency) => currency.minor_units(),
                        _ => 2,
                    };
                    self.push_decimal(*amount, digits);
                }
                Cell::Money(money) => self.push_decimal(money.amount, money.currency.minor_units()),
                Cell::Date(date) => push(&mut self.field, date.format("%Y-%m-%d")),
                Cell::DateTime(at) => push(&mut self.field, at.format("%Y-%m-%d %H:%M:%S")),
                Cell::Bool(true) => self.field.push_str(&self.yes),
                Cell::Bool(false) => self.field.push_str(&self.no),
            }
            self.writer
                .write_field(self.field.as_bytes())
                .map_err(csv_failed)?;
        }
        self.end_record()
    }

    /// Flushes and gives the writer back.
    pub(super) fn finish(self) -> Result<W> {
        self.writer
            .into_inner()
            .map_err(|err| write_failed(err.error()))
    }

    fn end_record(&mut self) -> Result<()> {
        self.writer
            .write_record(std::iter::empty::<&[u8]>())
            .map_err(csv_failed)
    }

    /// A decimal with at least `digits` decimals (never fewer than it has: nothing is rounded
    /// away), its separator the delimiter's.
    fn push_decimal(&mut self, value: Decimal, digits: u32) {
        let mut value = value;
        if value.is_zero() {
            value.set_sign_positive(true);
        }
        if value.scale() < digits {
            value.rescale(digits);
        }
        let start = self.field.len();
        push(&mut self.field, value);
        if self.decimal != '.'
            && let Some(point) = self.field.get(start..).and_then(|s| s.find('.'))
        {
            let at = start + point;
            self.field.replace_range(at..=at, ",");
        }
    }
}

/// Appends `value`'s display to `field` (writing to a `String` cannot fail).
fn push(field: &mut String, value: impl std::fmt::Display) {
    let _ = write!(field, "{value}");
}

/// A `csv` error: every one of them while writing is an I/O failure.
fn csv_failed(err: csv::Error) -> Error {
    match err.into_kind() {
        csv::ErrorKind::Io(io) => write_failed(&io),
        other => Error::ExportWriteFailed {
            detail: format!("{other:?}"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::super::{CsvDelimiter, SheetWriter, to_bytes};
    use super::*;
    use crate::i18n::Locale;
    use crate::money::{Currency, Money};

    fn csv(columns: &[SheetColumn], rows: &[Vec<Cell<'_>>], options: &SheetOptions) -> String {
        String::from_utf8(to_bytes(columns, rows, options).unwrap()).unwrap()
    }

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        let columns = [
            SheetColumn::new("Nom", CellKind::Text),
            SheetColumn::new("Note", CellKind::Text),
        ];
        let rows = vec![
            vec![Cell::from("Dupont; Martin"), Cell::from("dit \"Jo\"")],
            vec![Cell::from("ligne\r\nsuivante"), Cell::from("a,b")],
        ];
        assert_eq!(
            csv(&columns, &rows, &SheetOptions::default()),
            "\u{feff}Nom;Note\r\n\"Dupont; Martin\";\"dit \"\"Jo\"\"\"\r\n\"ligne\r\nsuivante\";a,b\r\n"
        );
        let comma = SheetOptions {
            delimiter: CsvDelimiter::Comma,
            ..SheetOptions::default()
        };
        assert!(csv(&columns, &rows, &comma).ends_with("\"ligne\r\nsuivante\",\"a,b\"\r\n"));
    }

    #[test]
    fn amounts_keep_every_digit_and_reach_the_minor_unit() {
        let columns = [
            SheetColumn::new("EUR", CellKind::Money(Currency::EUR)),
            SheetColumn::new("JPY", CellKind::Money(Currency::new("JPY").unwrap())),
            SheetColumn::new("Qté", CellKind::Number),
            SheetColumn::new("Autre", CellKind::Text),
        ];
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        let rows = vec![
            vec![
                Cell::Amount(d("0.605")),
                Cell::Amount(d("1500")),
                Cell::Number(d("2.5")),
                Cell::Money(Money::parse("-90", "TND").unwrap()),
            ],
            vec![
                Cell::Amount(-Decimal::ZERO),
                Cell::Amount(d("-3")),
                Cell::Number(d("7")),
                Cell::Amount(d("1")),
            ],
        ];
        assert_eq!(
            csv(&columns, &rows, &SheetOptions::default()),
            "\u{feff}EUR;JPY;Qté;Autre\r\n0,605;1500;2,5;-90,000\r\n0,00;-3;7;1,00\r\n"
        );
    }

    #[test]
    fn booleans_speak_the_locale_and_dates_are_iso() {
        let columns = [
            SheetColumn::new("B", CellKind::Bool),
            SheetColumn::new("D", CellKind::Date),
            SheetColumn::new("T", CellKind::DateTime),
        ];
        let at = NaiveDateTimeExt::at(2026, 7, 11, 14, 5);
        let rows = vec![vec![
            Cell::Bool(true),
            Cell::Date(at.date()),
            Cell::DateTime(at),
        ]];
        assert_eq!(
            csv(&columns, &rows, &SheetOptions::csv(Locale::Es)),
            "\u{feff}B;D;T\r\nsí;2026-07-11;2026-07-11 14:05:00\r\n"
        );
    }

    #[test]
    fn a_failing_writer_is_a_coded_error() {
        struct Full;
        impl Write for Full {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::Error::new(
                    std::io::ErrorKind::StorageFull,
                    "disk full",
                ))
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let columns = [SheetColumn::new("A", CellKind::Text)];
        let err = SheetWriter::new(Full, &columns, &SheetOptions::default())
            .err()
            .unwrap();
        assert_eq!(err.code(), "export.write_failed");
        assert!(err.to_string().contains("disk full"));
    }

    struct NaiveDateTimeExt;
    impl NaiveDateTimeExt {
        fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> chrono::NaiveDateTime {
            chrono::NaiveDate::from_ymd_opt(y, m, d)
                .unwrap()
                .and_hms_opt(h, min, 0)
                .unwrap()
        }
    }
}
