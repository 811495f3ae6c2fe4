//! The workbook's writer: tables of [`Cell`]s as the worksheets of one XLSX file, by
//! `rust_xlsxwriter`.
//!
//! [`crate::sheet`] writes one table as one worksheet; a workbook of several sheets is written
//! here with the same cells and the same rules (formula injection neutralised, Excel's own short
//! date formats, a fixed creation date so that the same tables give the same bytes).

use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet};

use crate::error::{Error, Result};
use crate::money::Money;
use crate::sheet::xlsx::{column_number, excel_date, excel_date_time, refused};
use crate::sheet::{Cell, MAX_XLSX_TEXT, SheetColumn, check_sheet_name, neutralise};

/// One sheet: its name, its columns and its rows.
pub(super) struct Table {
    /// The worksheet's name (see [`sheet_name`]).
    pub(super) name: String,
    /// The columns.
    pub(super) columns: Vec<SheetColumn>,
    /// The rows, as many cells each as columns.
    pub(super) rows: Vec<Vec<Cell<'static>>>,
}

struct Formats {
    bold: Format,
    wrap: Format,
    date: Format,
    date_time: Format,
}

/// The workbook of `tables`, titled `title`, as XLSX bytes.
pub(super) fn write(title: &str, tables: &[Table]) -> Result<Vec<u8>> {
    // `rust_xlsxwriter` zips the workbook with more stack than a small thread has (a 256 KiB
    // thread overflows in a debug build): written on a thread of its own, whatever the caller's.
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("hospes-gdpr-workbook".into())
            .stack_size(WRITER_STACK)
            .spawn_scoped(scope, || write_here(title, tables))
            .map_err(|err| Error::ExportWriteFailed {
                detail: format!("cannot start the workbook's writer: {err}"),
            })?
            .join()
            .map_err(|_| Error::Internal {
                detail: "the workbook's writer stopped".into(),
            })?
    })
}

/// The stack of the thread that writes a workbook.
const WRITER_STACK: usize = 8 * 1024 * 1024;

fn write_here(title: &str, tables: &[Table]) -> Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    // Fixed, so that the same tables give the same bytes.
    let epoch = ExcelDateTime::from_ymd(1980, 1, 1).map_err(refused)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_creation_datetime(&epoch),
    );
    let formats = Formats {
        bold: Format::new().set_bold(),
        wrap: Format::new().set_text_wrap(),
        date: Format::new().set_num_format_index(14),
        date_time: Format::new().set_num_format_index(22),
    };
    for table in tables {
        let sheet = workbook.add_worksheet();
        write_table(sheet, table, &formats)?;
    }
    workbook.save_to_buffer().map_err(refused)
}

/// A section title as a worksheet name Excel takes: its forbidden characters replaced, at most
/// 31 characters.
pub(super) fn sheet_name(title: &str) -> String {
    let name: String = title
        .chars()
        .map(|c| match c {
            '[' | ']' | ':' | '*' | '?' | '/' | '\\' | '\'' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .take(31)
        .collect();
    if check_sheet_name(&name).is_ok() {
        name
    } else {
        "-".to_owned()
    }
}

/// Writes one table on a fresh worksheet: name, widths, bold frozen header, rows, autofilter.
fn write_table(sheet: &mut Worksheet, table: &Table, formats: &Formats) -> Result<()> {
    sheet.set_name(&table.name).map_err(refused)?;
    for (i, column) in table.columns.iter().enumerate() {
        let col = column_number(i);
        let width = if column.width == 0.0 {
            column.kind.default_width()
        } else {
            column.width
        };
        sheet.set_column_width(col, width).map_err(refused)?;
        sheet
            .write_string_with_format(0, col, fitted(&neutralise(&column.header)), &formats.bold)
            .map_err(refused)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(refused)?;
    let mut last_row = 0;
    for (r, cells) in table.rows.iter().enumerate() {
        let row = u32::try_from(r + 1).map_err(|_| Error::ExportInvalid {
            detail: format!("more than {} rows in a sheet", u32::MAX),
        })?;
        for (i, cell) in cells.iter().enumerate() {
            write_cell(sheet, row, column_number(i), cell, formats)?;
        }
        last_row = row;
    }
    if last_row > 0 {
        let last_col = column_number(table.columns.len().saturating_sub(1));
        sheet
            .autofilter(0, 0, last_row, last_col)
            .map_err(refused)?;
    }
    Ok(())
}

fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell<'_>,
    formats: &Formats,
) -> Result<()> {
    let written = match cell {
        Cell::Empty => return Ok(()),
        Cell::Text(value) => {
            let value = fitted(&neutralise(value));
            if value.contains('\n') {
                sheet.write_string_with_format(row, col, value, &formats.wrap)
            } else {
                sheet.write_string(row, col, value)
            }
        }
        Cell::Integer(n) => match n.to_f64().filter(|f| f.abs() < 9.0e15) {
            Some(number) => sheet.write_number(row, col, number),
            None => sheet.write_string(row, col, n.to_string()),
        },
        Cell::Number(n) | Cell::Amount(n) => match n.to_f64() {
            Some(number) => sheet.write_number(row, col, number),
            None => sheet.write_string(row, col, n.to_string()),
        },
        Cell::Money(m) => match m.amount.to_f64() {
            Some(number) => {
                let format = Format::new().set_num_format(money_format(m));
                sheet.write_number_with_format(row, col, number, &format)
            }
            None => sheet.write_string(row, col, m.to_string()),
        },
        Cell::Date(day) => match excel_date(*day) {
            Some(serial) => sheet.write_number_with_format(row, col, serial, &formats.date),
            None => sheet.write_string(row, col, day.to_string()),
        },
        Cell::DateTime(at) => match excel_date_time(*at) {
            Some(serial) => sheet.write_number_with_format(row, col, serial, &formats.date_time),
            None => sheet.write_string(row, col, at.format("%Y-%m-%d %H:%M:%S").to_string()),
        },
        Cell::Bool(value) => sheet.write_boolean(row, col, *value),
    };
    written.map(|_| ()).map_err(refused)
}

/// A text cut to what an XLSX cell holds (32 767 UTF-16 units).
fn fitted(value: &str) -> String {
    if value.len() <= MAX_XLSX_TEXT {
        return value.to_owned();
    }
    let mut units = 0;
    value
        .chars()
        .take_while(|c| {
            units += c.len_utf16();
            units <= MAX_XLSX_TEXT
        })
        .collect()
}

/// An amount's number format: to its currency's minor unit, its code after it.
fn money_format(money: &Money) -> String {
    let digits = usize::try_from(money.currency.minor_units()).unwrap_or(2);
    let number = if digits == 0 {
        "#,##0".to_owned()
    } else {
        format!("#,##0.{}", "0".repeat(digits))
    };
    format!("{number} \"{}\"", money.currency.code())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn a_title_becomes_a_sheet_name_excel_takes() {
        assert_eq!(sheet_name("Séjours"), "Séjours");
        assert_eq!(sheet_name("Factures/avoirs: 2026"), "Factures avoirs  2026");
        assert_eq!(sheet_name(&"x".repeat(40)).chars().count(), 31);
        assert_eq!(sheet_name("'"), "-");
    }

    #[test]
    fn a_text_longer_than_a_cell_is_cut_at_a_character() {
        assert_eq!(fitted("abc"), "abc");
        let long = "😀".repeat(20_000);
        assert_eq!(fitted(&long).encode_utf16().count(), MAX_XLSX_TEXT - 1);
    }

    #[test]
    fn dates_excel_cannot_show_are_text() {
        let day = NaiveDate::from_ymd_opt(1899, 12, 31).unwrap();
        assert_eq!(excel_date(day), None);
        let noon = NaiveDate::from_ymd_opt(2026, 7, 11)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap();
        assert_eq!(excel_date_time(noon), Some(46214.5));
    }
}
