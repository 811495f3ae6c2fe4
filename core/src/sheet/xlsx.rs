//! The XLSX side of a sheet: one worksheet written by `rust_xlsxwriter` in constant-memory mode
//! (each finished row goes to a temporary file), then zipped as a stream onto the writer.

use std::io::Write;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::{
    Cell, CellKind, MAX_XLSX_ROWS, MAX_XLSX_TEXT, SheetColumn, SheetOptions, check_sheet_name,
    neutralise, word,
};
use crate::error::{Error, Result};
use crate::i18n::Locale;
use crate::money::Currency;

/// Excel's built-in number format 14: a short date that Excel shows in the reader's own
/// regional format (`11/07/2026` in France, `7/11/2026` in the United States).
const SHORT_DATE: u8 = 14;

/// Excel's built-in number format 22: a short date and time, in the reader's regional format.
const SHORT_DATE_TIME: u8 = 22;

/// The largest integer a double holds exactly: beyond it, an integer is written as text.
const EXACT_INTEGER: u64 = 1 << 53;

/// An XLSX sheet being written.
/// The stack of the thread that saves a workbook.
const SAVE_STACK: usize = 8 * 1024 * 1024;

pub(super) struct XlsxSheet<W: Write + Send> {
    workbook: Workbook,
    writer: W,
    locale: Locale,
    date: Format,
    date_time: Format,
    /// For an amount outside a money column: two decimals, no symbol.
    plain_amount: Format,
    /// The number format of each currency met so far.
    money: Vec<(Currency, Format)>,
    /// Each column's currency, for its [`Cell::Amount`]s.
    currencies: Vec<Option<Currency>>,
}

impl<W: Write + Send> XlsxSheet<W> {
    /// Opens the workbook (its temporary file in `options.temp_dir`), names the sheet, sets the
    /// widths, writes the bold header row and freezes it.
    pub(super) fn new(writer: W, columns: &[SheetColumn], options: &SheetOptions) -> Result<Self> {
        let name = match &options.sheet_name {
            Some(name) => name.clone(),
            None => word("sheet-default-name", options.locale),
        };
        check_sheet_name(&name)?;
        let headers = columns
            .iter()
            .enumerate()
            .map(|(i, column)| {
                let header = neutralise(&column.header);
                check_length(&header, || format!("the header of column {}", i + 1))?;
                Ok(header)
            })
            .collect::<Result<Vec<_>>>()?;
        let mut workbook = Workbook::new();
        // The creation date is the only thing in the file that would change from one run to the
        // next: fixed, the same rows give the same bytes.
        let epoch = ExcelDateTime::from_ymd(1980, 1, 1).map_err(refused)?;
        workbook.set_properties(&DocProperties::new().set_creation_datetime(&epoch));
        // Zipping is most of an export's time: level 3 zips a million rows three times faster
        // than the default 6, for a file about 12 % larger.
        workbook.set_zip_compression_level(3);
        if let Some(dir) = &options.temp_dir {
            workbook.set_tempdir(dir).map_err(refused)?;
        }
        let sheet = workbook
            .add_worksheet_with_constant_memory()
            .map_err(refused)?;
        sheet.set_name(name).map_err(refused)?;
        let bold = Format::new().set_bold();
        for (i, (column, header)) in columns.iter().zip(headers).enumerate() {
            let col = column_number(i);
            sheet
                .set_column_width(col, column.effective_width())
                .map_err(refused)?;
            sheet
                .write_string_with_format(0, col, header, &bold)
                .map_err(refused)?;
        }
        sheet.set_freeze_panes(1, 0).map_err(refused)?;
        let mut xlsx = XlsxSheet {
            workbook,
            writer,
            locale: options.locale,
            date: Format::new().set_num_format_index(SHORT_DATE),
            date_time: Format::new().set_num_format_index(SHORT_DATE_TIME),
            plain_amount: Format::new().set_num_format("#,##0.00"),
            money: Vec::new(),
            currencies: Vec::with_capacity(columns.len()),
        };
        for column in columns {
            let currency = match column.kind {
                CellKind::Money(currency) => {
                    xlsx.money_format(currency);
                    Some(currency)
                }
                _ => None,
            };
            xlsx.currencies.push(currency);
        }
        Ok(xlsx)
    }

    /// Writes row `number` (from 1, under the header), its width already checked.
    pub(super) fn row(
        &mut self,
        number: u64,
        cells: &[Cell<'_>],
        columns: &[SheetColumn],
    ) -> Result<()> {
        let row = match u32::try_from(number) {
            Ok(row) if number <= MAX_XLSX_ROWS => row,
            _ => {
                return Err(Error::ExportInvalid {
                    detail: format!(
                        "row {number}: an XLSX sheet holds {MAX_XLSX_ROWS} rows under its header \
                         (write CSV for more)"
                    ),
                });
            }
        };
        // The currencies of this row's money cells, known before the sheet is borrowed.
        for cell in cells {
            if let Cell::Money(money) = cell {
                self.money_format(money.currency);
            }
        }
        let sheet = self.workbook.worksheet_from_index(0).map_err(refused)?;
        for (i, (cell, column)) in cells.iter().zip(columns).enumerate() {
            let col = column_number(i);
            let written = match cell {
                Cell::Empty => Ok(&mut *sheet),
                Cell::Text(text) => {
                    let text = neutralise(text);
                    check_length(&text, || {
                        format!(
                            "row {number}, column « {} »",
                            column.header.chars().take(40).collect::<String>()
                        )
                    })?;
                    sheet.write_string(row, col, text)
                }
                // Exact: |n| ≤ 2⁵³.
                Cell::Integer(n) if n.unsigned_abs() <= EXACT_INTEGER => {
                    sheet.write_number(row, col, *n as f64)
                }
                Cell::Integer(n) => sheet.write_string(row, col, n.to_string()),
                Cell::Number(n) => write_decimal(sheet, row, col, *n, None),
                Cell::Amount(amount) => {
                    let format = self
                        .currencies
                        .get(i)
                        .copied()
                        .flatten()
                        .and_then(|c| find_format(&self.money, c))
                        .unwrap_or(&self.plain_amount);
                    write_decimal(sheet, row, col, *amount, Some(format))
                }
                Cell::Money(money) => {
                    let format = find_format(&self.money, money.currency);
                    write_decimal(sheet, row, col, money.amount, format)
                }
                Cell::Date(date) => match excel_date(*date) {
                    Some(serial) => sheet.write_number_with_format(row, col, serial, &self.date),
                    None => sheet.write_string(row, col, date.format("%Y-%m-%d").to_string()),
                },
                Cell::DateTime(at) => match excel_date_time(*at) {
                    Some(serial) => {
                        sheet.write_number_with_format(row, col, serial, &self.date_time)
                    }
                    None => {
                        sheet.write_string(row, col, at.format("%Y-%m-%d %H:%M:%S").to_string())
                    }
                },
                Cell::Bool(value) => sheet.write_boolean(row, col, *value),
            };
            written.map_err(refused)?;
        }
        Ok(())
    }

    /// Puts the autofilter over the header and the `rows` written, then zips the workbook onto
    /// the writer and gives it back.
    pub(super) fn finish(mut self, rows: u64, width: usize) -> Result<W> {
        let last_row = u32::try_from(rows.min(MAX_XLSX_ROWS)).unwrap_or(0);
        let sheet = self.workbook.worksheet_from_index(0).map_err(refused)?;
        sheet
            .autofilter(0, 0, last_row, column_number(width.saturating_sub(1)))
            .map_err(refused)?;
        // `rust_xlsxwriter` zips the workbook with more stack than a small thread has (a
        // 256 KiB thread overflows in a debug build): saved on a thread of its own.
        let (workbook, writer) = (&mut self.workbook, &mut self.writer);
        std::thread::scope(|scope| {
            std::thread::Builder::new()
                .name("hospes-xlsx-save".into())
                .stack_size(SAVE_STACK)
                .spawn_scoped(scope, || workbook.save_to_writer(writer).map_err(refused))
                .map_err(|err| Error::ExportWriteFailed {
                    detail: format!("cannot start the workbook's writer: {err}"),
                })?
                .join()
                .map_err(|_| Error::Internal {
                    detail: "the workbook's writer stopped".into(),
                })?
        })?;
        self.writer.flush().map_err(|e| super::write_failed(&e))?;
        Ok(self.writer)
    }

    /// Registers the number format of `currency` (once).
    fn money_format(&mut self, currency: Currency) {
        if find_format(&self.money, currency).is_none() {
            let format = Format::new().set_num_format(money_format(currency, self.locale));
            self.money.push((currency, format));
        }
    }
}

fn find_format(formats: &[(Currency, Format)], currency: Currency) -> Option<&Format> {
    formats
        .iter()
        .find(|(c, _)| *c == currency)
        .map(|(_, format)| format)
}

/// A decimal as a number cell (Excel's doubles hold 15 significant digits); one a double cannot
/// hold at all is written as its digits.
fn write_decimal<'s>(
    sheet: &'s mut Worksheet,
    row: u32,
    col: u16,
    value: Decimal,
    format: Option<&Format>,
) -> std::result::Result<&'s mut Worksheet, XlsxError> {
    match (value.to_f64(), format) {
        (Some(number), Some(format)) => sheet.write_number_with_format(row, col, number, format),
        (Some(number), None) => sheet.write_number(row, col, number),
        (None, _) => sheet.write_string(row, col, value.to_string()),
    }
}

/// The Excel number format of an amount in `currency`, to its minor unit, with its symbol
/// where `locale` puts it: `#,##0.00 "€"` in French and Spanish, `"€"#,##0.00` in English.
/// Excel shows `,` and `.` as the reader's own separators.
pub(super) fn money_format(currency: Currency, locale: Locale) -> String {
    let digits = usize::try_from(currency.minor_units()).unwrap_or(2);
    let number = if digits == 0 {
        "#,##0".to_owned()
    } else {
        format!("#,##0.{}", "0".repeat(digits))
    };
    let symbol = match currency.code() {
        "EUR" => "€",
        "GBP" => "£",
        "USD" => "$",
        "JPY" => "¥",
        code => code,
    };
    match locale {
        Locale::Fr | Locale::Es => format!("{number} \"{symbol}\""),
        Locale::En if symbol.chars().all(char::is_alphabetic) => {
            format!("\"{symbol}\" {number}")
        }
        Locale::En => format!("\"{symbol}\"{number}"),
    }
}

/// The Excel serial number of a date; none before 1900 or after 9999, which Excel cannot show.
pub(crate) fn excel_date(date: NaiveDate) -> Option<f64> {
    let year = excel_year(date.year())?;
    let month = u8::try_from(date.month()).ok()?;
    let day = u8::try_from(date.day()).ok()?;
    ExcelDateTime::from_ymd(year, month, day)
        .ok()
        .map(|d| d.to_excel())
}

/// The Excel serial number of a date-time, to the second.
pub(crate) fn excel_date_time(at: NaiveDateTime) -> Option<f64> {
    let year = excel_year(at.year())?;
    let month = u8::try_from(at.month()).ok()?;
    let day = u8::try_from(at.day()).ok()?;
    let hour = u16::try_from(at.hour()).ok()?;
    let minute = u8::try_from(at.minute()).ok()?;
    ExcelDateTime::from_ymd(year, month, day)
        .and_then(|d| d.and_hms(hour, minute, at.second()))
        .ok()
        .map(|d| d.to_excel())
}

/// A year Excel can show: 1900 to 9999.
fn excel_year(year: i32) -> Option<u16> {
    u16::try_from(year)
        .ok()
        .filter(|y| (1900..=9999).contains(y))
}

/// Column `i`'s number (a sheet has at most 16 384 columns, checked before).
pub(crate) fn column_number(i: usize) -> u16 {
    u16::try_from(i).unwrap_or(u16::MAX)
}

/// Refuses a text longer than an XLSX cell holds; `place` names where it stands.
fn check_length(text: &str, place: impl FnOnce() -> String) -> Result<()> {
    // UTF-8 never takes fewer bytes than UTF-16 takes code units: most texts need no count.
    if text.len() <= MAX_XLSX_TEXT {
        return Ok(());
    }
    let units = text.encode_utf16().count();
    if units <= MAX_XLSX_TEXT {
        return Ok(());
    }
    Err(Error::ExportInvalid {
        detail: format!(
            "{}: {units} characters, an XLSX cell holds {MAX_XLSX_TEXT}",
            place()
        ),
    })
}

/// A `rust_xlsxwriter` error: the writer or the temporary directory failing is
/// `export.write_failed`; anything else it refuses is `export.invalid`.
pub(crate) fn refused(err: XlsxError) -> Error {
    match err {
        XlsxError::IoError(_) | XlsxError::TempFileError(..) | XlsxError::ZipError(_) => {
            Error::ExportWriteFailed {
                detail: err.to_string(),
            }
        }
        other => Error::ExportInvalid {
            detail: other.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_formats_follow_the_currency_and_the_locale() {
        let eur = Currency::EUR;
        assert_eq!(money_format(eur, Locale::Fr), "#,##0.00 \"€\"");
        assert_eq!(money_format(eur, Locale::En), "\"€\"#,##0.00");
        let jpy = Currency::new("JPY").unwrap();
        assert_eq!(money_format(jpy, Locale::Es), "#,##0 \"¥\"");
        let tnd = Currency::new("TND").unwrap();
        assert_eq!(money_format(tnd, Locale::En), "\"TND\" #,##0.000");
    }

    #[test]
    fn dates_excel_cannot_show_have_no_serial() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(excel_date(d(2026, 7, 11)), Some(46214.0));
        assert_eq!(excel_date(d(1899, 12, 31)), None);
        assert_eq!(excel_date(d(-5, 1, 1)), None);
        assert_eq!(excel_date(d(10_000, 1, 1)), None);
        assert_eq!(excel_date(d(1900, 1, 1)), Some(1.0));
        let noon = d(2026, 7, 11).and_hms_opt(12, 0, 0).unwrap();
        assert_eq!(excel_date_time(noon), Some(46214.5));
    }

    #[test]
    fn a_long_text_is_measured_in_utf16_units() {
        assert!(check_length(&"é".repeat(MAX_XLSX_TEXT), String::new).is_ok());
        let err = check_length(&"😀".repeat(20_000), || "row 3, column « Notes »".into());
        let detail = err.unwrap_err().to_string();
        assert!(
            detail.contains("row 3, column « Notes »: 40000 characters"),
            "{detail}"
        );
    }
}
