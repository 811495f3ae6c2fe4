//! Spreadsheets: one streaming table writer, two formats — CSV and XLSX.
//!
//! A [`SheetWriter`] takes its columns ([`SheetColumn`]: a header already in the reader's
//! language, a [`CellKind`], a width), then one row of [`Cell`]s at a time, and writes them as
//! they come, so a million rows take no more memory than ten:
//!
//! - **CSV** (RFC 4180) in UTF-8 with a byte-order mark, so that Excel reads accents right;
//!   fields separated by `;` (the default, what Excel expects where the decimal separator is a
//!   comma) or `,` ([`CsvDelimiter`]); lines ended by CRLF; a field quoted only when it holds the
//!   delimiter, a quote or a line break. Dates are `YYYY-MM-DD`, date-times `YYYY-MM-DD HH:MM:SS`,
//!   amounts plain digits to at least the currency's minor unit with a decimal comma after `;`
//!   and a decimal point after `,`, booleans the locale's « oui » / « non ».
//! - **XLSX**, a real workbook written by `rust_xlsxwriter` in constant-memory mode (each row goes
//!   to a temporary file in [`SheetOptions::temp_dir`], else the system's, as soon as the next one
//!   starts): a bold header row, frozen, with an autofilter; column widths; typed cells — dates
//!   as Excel dates in the reader's own short date format, amounts as numbers with the currency's
//!   number format (`#,##0.00 "€"`), integers, booleans. Its bytes are reproducible: the
//!   workbook's creation date is fixed (1980-01-01, the zip format's own epoch), so the same rows
//!   give the same file.
//!
//! **Formula injection** (OWASP « CSV injection »): a text cell that starts with `=`, `+`, `-`,
//! `@`, a tab or a carriage return would run as a formula when a spreadsheet opens the file.
//! Such a text is written with a single quote before it (`'=HYPERLINK(…)`), in both formats. In
//! XLSX a string cell never becomes a formula anyway; the quote is kept there too so that the
//! same text reads the same in either file, and stays inert if someone copies it into a CSV.
//! Numbers, dates and amounts are typed cells and are never prefixed (`-90` is a number).
//!
//! Every failure is an [`Error`]: `export.invalid` (columns, options or a row refused, with
//! the value that was wrong but never a cell's contents) or `export.write_failed` (the writer or
//! the temporary directory failed). Nothing panics.
//!
//! ```
//! use hospes::sheet::{self, Cell, CellKind, SheetColumn, SheetOptions};
//! use hospes::{Currency, NaiveDate};
//!
//! let columns = [
//!     SheetColumn::new("Réf.", CellKind::Text),
//!     SheetColumn::new("Arrivée", CellKind::Date),
//!     SheetColumn::new("Total", CellKind::Money(Currency::EUR)),
//! ];
//! let arrival = NaiveDate::from_ymd_opt(2026, 7, 11).unwrap();
//! let rows = [[Cell::from("312"), Cell::Date(arrival), Cell::Amount("710.5".parse().unwrap())]];
//! let csv = sheet::to_bytes(&columns, &rows, &SheetOptions::default()).unwrap();
//! assert_eq!(csv, "\u{feff}Réf.;Arrivée;Total\r\n312;2026-07-11;710,50\r\n".as_bytes());
//! ```

use std::borrow::Cow;
use std::io::Write;

use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::i18n::{Locale, text};
use crate::money::{Currency, Money};

mod delimited;
pub(crate) mod xlsx;

/// The most data rows an XLSX worksheet holds: Excel's 1 048 576 rows, less the header.
pub const MAX_XLSX_ROWS: u64 = 1_048_575;

/// The most columns a sheet may have: Excel's 16 384.
pub const MAX_COLUMNS: usize = 16_384;

/// The most characters (UTF-16 code units) an XLSX cell holds.
pub const MAX_XLSX_TEXT: usize = 32_767;

/// The file format of a sheet.
///
/// ```
/// use hospes::sheet::SheetFormat;
/// assert_eq!(serde_json::to_string(&SheetFormat::Xlsx).unwrap(), r#""xlsx""#);
/// assert_eq!(SheetFormat::default(), SheetFormat::Csv);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum SheetFormat {
    /// CSV (RFC 4180), UTF-8 with a byte-order mark, CRLF line ends.
    #[default]
    Csv,
    /// An Excel workbook (Office Open XML), one worksheet.
    Xlsx,
}

/// What separates the fields of a CSV file.
///
/// ```
/// use hospes::sheet::CsvDelimiter;
/// assert_eq!(CsvDelimiter::default(), CsvDelimiter::Semicolon);
/// assert_eq!(CsvDelimiter::Comma.byte(), b',');
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum CsvDelimiter {
    /// `;`, what Excel expects in French, Spanish and most of Europe, where the decimal separator
    /// is a comma: amounts are written `710,50`.
    #[default]
    Semicolon,
    /// `,`, what Excel expects in English: amounts are written `710.50`.
    Comma,
}

impl CsvDelimiter {
    /// The delimiter's byte.
    ///
    /// ```
    /// assert_eq!(hospes::sheet::CsvDelimiter::Semicolon.byte(), b';');
    /// ```
    pub fn byte(self) -> u8 {
        match self {
            CsvDelimiter::Semicolon => b';',
            CsvDelimiter::Comma => b',',
        }
    }

    /// The decimal separator amounts and numbers are written with after this delimiter: a comma
    /// after `;`, a point after `,`.
    ///
    /// ```
    /// use hospes::sheet::CsvDelimiter;
    /// assert_eq!(CsvDelimiter::Semicolon.decimal_separator(), ',');
    /// assert_eq!(CsvDelimiter::Comma.decimal_separator(), '.');
    /// ```
    pub fn decimal_separator(self) -> char {
        match self {
            CsvDelimiter::Semicolon => ',',
            CsvDelimiter::Comma => '.',
        }
    }
}

/// How a sheet is written: its format, the CSV delimiter, the XLSX sheet name and temporary
/// directory, and the language of the words the writer adds itself (« oui » / « non », the
/// default sheet name, the headers of the ready-made exports). Every field has a default: `{}`
/// is a semicolon CSV in French.
///
/// ```
/// use hospes::sheet::{CsvDelimiter, SheetFormat, SheetOptions};
/// let options: SheetOptions = serde_json::from_str(r#"{"format": "xlsx", "sheet_name": "Séjours 2026"}"#).unwrap();
/// assert_eq!(options.format, SheetFormat::Xlsx);
/// assert_eq!(options.delimiter, CsvDelimiter::Semicolon);
/// assert!(serde_json::from_str::<SheetOptions>(r#"{"fromat": "xlsx"}"#).is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SheetOptions {
    /// CSV (the default) or XLSX.
    pub format: SheetFormat,
    /// The CSV field separator: `semicolon` (the default) or `comma`. Ignored for XLSX.
    pub delimiter: CsvDelimiter,
    /// The XLSX worksheet's name (at most 31 characters, none of `[ ] : * ? / \`, no apostrophe
    /// at either end); by default the export's own (« Séjours ») or « Feuil1 ». Ignored for CSV.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub sheet_name: Option<String>,
    /// Where an XLSX export keeps its rows until the file is assembled (an existing, writable
    /// directory); by default the system's temporary directory. Ignored for CSV.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub temp_dir: Option<String>,
    /// The language of the words the writer adds: booleans in CSV, the default sheet name, the
    /// headers of the ready-made exports (French by default).
    pub locale: Locale,
}

impl SheetOptions {
    /// A CSV in `locale`, with the default delimiter.
    ///
    /// ```
    /// let options = hospes::sheet::SheetOptions::csv(hospes::Locale::En);
    /// assert_eq!(options.format, hospes::sheet::SheetFormat::Csv);
    /// ```
    pub fn csv(locale: Locale) -> SheetOptions {
        SheetOptions {
            locale,
            ..SheetOptions::default()
        }
    }

    /// An XLSX workbook in `locale`, its temporary rows in the system's directory.
    ///
    /// ```
    /// let options = hospes::sheet::SheetOptions::xlsx(hospes::Locale::Es);
    /// assert_eq!(options.format, hospes::sheet::SheetFormat::Xlsx);
    /// ```
    pub fn xlsx(locale: Locale) -> SheetOptions {
        SheetOptions {
            format: SheetFormat::Xlsx,
            locale,
            ..SheetOptions::default()
        }
    }
}

/// What a column holds: it sets the column's number format and default width in XLSX, and the
/// digits of its amounts in CSV. A cell of another kind is still written as what it is (a
/// [`Cell::Date`] is a date wherever it stands); [`Cell::Empty`] fits every column.
///
/// ```
/// use hospes::sheet::CellKind;
/// assert_eq!(CellKind::Money(hospes::Currency::EUR).default_width(), 14.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CellKind {
    /// Text.
    Text,
    /// Whole numbers (counts, nights).
    Integer,
    /// Decimal numbers that are not money (quantities, rates), in the General format.
    Number,
    /// Calendar dates.
    Date,
    /// Wall-clock date-times (in the establishment's zone).
    DateTime,
    /// Amounts in this currency: `#,##0.00 "€"` in XLSX, to the minor unit in CSV.
    Money(Currency),
    /// Yes or no.
    Bool,
}

impl CellKind {
    /// The width (in characters) a column of this kind gets when its [`SheetColumn::width`]
    /// is 0.
    ///
    /// ```
    /// assert_eq!(hospes::sheet::CellKind::Date.default_width(), 12.0);
    /// ```
    pub fn default_width(self) -> f64 {
        match self {
            CellKind::Text => 24.0,
            CellKind::Integer | CellKind::Bool => 10.0,
            CellKind::Number => 12.0,
            CellKind::Date => 12.0,
            CellKind::DateTime => 17.0,
            CellKind::Money(_) => 14.0,
        }
    }
}

/// A column: its header (already in the reader's language), its kind, its width in characters
/// (0 for the kind's default; up to 255). The width only matters in XLSX.
///
/// ```
/// use hospes::sheet::{CellKind, SheetColumn};
/// let column = SheetColumn::new("Arrivée", CellKind::Date).with_width(14.0);
/// assert_eq!((column.header.as_str(), column.width), ("Arrivée", 14.0));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct SheetColumn {
    /// The header, as the reader reads it.
    pub header: String,
    /// What the column holds.
    pub kind: CellKind,
    /// Width in characters; 0 for the kind's default.
    pub width: f64,
}

impl SheetColumn {
    /// A column of the kind's default width.
    ///
    /// ```
    /// let c = hospes::sheet::SheetColumn::new("Nuits", hospes::sheet::CellKind::Integer);
    /// assert_eq!(c.width, 0.0);
    /// ```
    pub fn new(header: impl Into<String>, kind: CellKind) -> SheetColumn {
        SheetColumn {
            header: header.into(),
            kind,
            width: 0.0,
        }
    }

    /// The same column, `width` characters wide.
    ///
    /// ```
    /// let c = hospes::sheet::SheetColumn::new("Client", hospes::sheet::CellKind::Text).with_width(30.0);
    /// assert_eq!(c.width, 30.0);
    /// ```
    pub fn with_width(self, width: f64) -> SheetColumn {
        SheetColumn { width, ..self }
    }

    /// The width it is written with: its own, else its kind's default.
    fn effective_width(&self) -> f64 {
        if self.width == 0.0 {
            self.kind.default_width()
        } else {
            self.width
        }
    }
}

/// One cell of a row. Text borrows or owns its string; the others are values.
///
/// ```
/// use hospes::sheet::Cell;
/// assert_eq!(Cell::from("312"), Cell::Text("312".into()));
/// assert_eq!(Cell::from(7_i64), Cell::Integer(7));
/// assert_eq!(Cell::from(None::<&str>), Cell::Empty);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell<'a> {
    /// Nothing.
    Empty,
    /// Text; neutralised when it starts like a formula (see the [module](self) doc).
    Text(Cow<'a, str>),
    /// A whole number. Beyond ±2⁵³ an XLSX cell holds it as text, so that no digit is lost.
    Integer(i64),
    /// A decimal number that is not money (a quantity, a rate).
    Number(Decimal),
    /// An amount in the column's currency (its [`CellKind::Money`]); in another column, a
    /// number with two decimals.
    Amount(Decimal),
    /// An amount in its own currency, whatever the column says.
    Money(Money),
    /// A calendar date. Excel has no date before 1900: such a date is written as text.
    Date(NaiveDate),
    /// A wall-clock date-time (in the establishment's zone).
    DateTime(NaiveDateTime),
    /// Yes or no.
    Bool(bool),
}

impl<'a> From<&'a str> for Cell<'a> {
    fn from(value: &'a str) -> Self {
        Cell::Text(Cow::Borrowed(value))
    }
}

impl From<String> for Cell<'_> {
    fn from(value: String) -> Self {
        Cell::Text(Cow::Owned(value))
    }
}

impl From<i64> for Cell<'_> {
    fn from(value: i64) -> Self {
        Cell::Integer(value)
    }
}

impl From<NaiveDate> for Cell<'_> {
    fn from(value: NaiveDate) -> Self {
        Cell::Date(value)
    }
}

impl From<bool> for Cell<'_> {
    fn from(value: bool) -> Self {
        Cell::Bool(value)
    }
}

impl From<Money> for Cell<'_> {
    fn from(value: Money) -> Self {
        Cell::Money(value)
    }
}

impl<'a, T: Into<Cell<'a>>> From<Option<T>> for Cell<'a> {
    fn from(value: Option<T>) -> Self {
        value.map_or(Cell::Empty, Into::into)
    }
}

/// `text` as a spreadsheet may show it without running it: with a single quote before it when
/// it starts with `=`, `+`, `-`, `@`, a tab or a carriage return (OWASP's CSV injection rule);
/// else unchanged, and not copied.
///
/// ```
/// use hospes::sheet::neutralise;
/// assert_eq!(neutralise("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
/// assert_eq!(neutralise("-2+3"), "'-2+3");
/// assert_eq!(neutralise("Marie = Dupont"), "Marie = Dupont");
/// ```
pub fn neutralise(text: &str) -> Cow<'_, str> {
    match text.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

/// Checks an XLSX worksheet name against Excel's rules: 1 to 31 characters, none of
/// `[ ] : * ? / \`, no apostrophe at either end, not `History` (Excel keeps it).
///
/// ```
/// use hospes::sheet::check_sheet_name;
/// assert!(check_sheet_name("Séjours 2026").is_ok());
/// assert_eq!(check_sheet_name("2026/07").unwrap_err().code(), "export.invalid");
/// assert!(check_sheet_name("Un nom de feuille bien trop long pour Excel").is_err());
/// ```
pub fn check_sheet_name(name: &str) -> Result<()> {
    let shown: String = name.chars().take(40).collect();
    let refuse = |why: &str| {
        Err(Error::ExportInvalid {
            detail: format!("sheet name « {shown} » {why}"),
        })
    };
    let length = name.chars().count();
    if name.trim().is_empty() {
        return refuse("is empty");
    }
    if length > 31 {
        return refuse(&format!("has {length} characters, Excel allows 31"));
    }
    if let Some(c) = name
        .chars()
        .find(|c| matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') || c.is_control())
    {
        return refuse(&format!(
            "contains « {} », which Excel forbids",
            c.escape_default()
        ));
    }
    if name.starts_with('\'') || name.ends_with('\'') {
        return refuse("starts or ends with an apostrophe");
    }
    if name.eq_ignore_ascii_case("history") {
        return refuse("is reserved by Excel");
    }
    Ok(())
}

/// The format's own writer.
enum Backend<W: Write + Send> {
    Csv(Box<delimited::CsvSheet<W>>),
    Xlsx(Box<xlsx::XlsxSheet<W>>),
}

/// A table being written, row by row, as CSV or XLSX (see the [module](self) doc), on any
/// writer: a file, a buffer, a socket, standard output (neither format needs to seek: the
/// XLSX zip is written as a stream once its rows are all in).
///
/// ```
/// use std::io::Cursor;
/// use hospes::sheet::{Cell, CellKind, SheetColumn, SheetOptions, SheetWriter};
///
/// let columns = [SheetColumn::new("Nom", CellKind::Text), SheetColumn::new("Nuits", CellKind::Integer)];
/// let mut writer = SheetWriter::new(Cursor::new(Vec::new()), &columns, &SheetOptions::xlsx(hospes::Locale::Fr)).unwrap();
/// writer.row(&[Cell::from("Dupont"), Cell::Integer(7)]).unwrap();
/// assert_eq!(writer.row(&[Cell::from("Martin")]).unwrap_err().code(), "export.invalid");
/// let file = writer.finish().unwrap().into_inner();
/// assert!(file.starts_with(b"PK"));
/// ```
pub struct SheetWriter<W: Write + Send> {
    columns: Vec<SheetColumn>,
    rows: u64,
    backend: Backend<W>,
}

impl<W: Write + Send> SheetWriter<W> {
    /// Starts a sheet in `options.format` on `writer` and writes its header row. Refuses
    /// (`export.invalid`) no columns or more than 16 384, a width outside 0–255, a sheet name
    /// Excel forbids; `export.write_failed` when the writer, or the temporary directory of an
    /// XLSX sheet, cannot be written.
    ///
    /// ```
    /// use hospes::sheet::{CellKind, SheetColumn, SheetOptions, SheetWriter};
    /// let columns = [SheetColumn::new("Nom", CellKind::Text)];
    /// let mut out = Vec::new();
    /// let mut writer = SheetWriter::new(&mut out, &columns, &SheetOptions::default()).unwrap();
    /// writer.row(&["Núñez".into()]).unwrap();
    /// writer.finish().unwrap();
    /// assert_eq!(out, "\u{feff}Nom\r\nNúñez\r\n".as_bytes());
    /// let none = SheetWriter::new(Vec::new(), &[], &SheetOptions::default());
    /// assert_eq!(none.err().unwrap().code(), "export.invalid");
    /// ```
    pub fn new(writer: W, columns: &[SheetColumn], options: &SheetOptions) -> Result<Self> {
        check_columns(columns)?;
        let backend = match options.format {
            SheetFormat::Csv => Backend::Csv(Box::new(delimited::CsvSheet::new(
                writer, columns, options,
            )?)),
            SheetFormat::Xlsx => {
                Backend::Xlsx(Box::new(xlsx::XlsxSheet::new(writer, columns, options)?))
            }
        };
        Ok(SheetWriter {
            columns: columns.to_vec(),
            rows: 0,
            backend,
        })
    }

    /// Writes one row: as many cells as columns, else `export.invalid` naming the row (from 1)
    /// and both counts. In XLSX, a text over 32 767 characters or a row past Excel's 1 048 575
    /// is refused too; `export.write_failed` when the writer fails.
    ///
    /// ```
    /// use hospes::sheet::{Cell, CellKind, SheetColumn, SheetOptions, SheetWriter};
    /// let columns = [SheetColumn::new("A", CellKind::Text), SheetColumn::new("B", CellKind::Bool)];
    /// let mut writer = SheetWriter::new(Vec::new(), &columns, &SheetOptions::default()).unwrap();
    /// writer.row(&[Cell::from("=1+1"), Cell::Bool(true)]).unwrap();
    /// let err = writer.row(&[Cell::Empty]).unwrap_err();
    /// assert!(err.to_string().contains("row 2 has 1 cell for 2 columns"), "{err}");
    /// let out = writer.finish().unwrap();
    /// assert_eq!(out, "\u{feff}A;B\r\n'=1+1;oui\r\n".as_bytes());
    /// ```
    pub fn row(&mut self, cells: &[Cell<'_>]) -> Result<()> {
        let number = self.rows + 1;
        if cells.len() != self.columns.len() {
            return Err(Error::ExportInvalid {
                detail: format!(
                    "row {number} has {} cell{} for {} columns",
                    cells.len(),
                    if cells.len() == 1 { "" } else { "s" },
                    self.columns.len()
                ),
            });
        }
        match &mut self.backend {
            Backend::Csv(csv) => csv.row(cells, &self.columns)?,
            Backend::Xlsx(xlsx) => xlsx.row(number, cells, &self.columns)?,
        }
        self.rows = number;
        Ok(())
    }

    /// How many rows were written, the header not counted.
    ///
    /// ```
    /// use hospes::sheet::{CellKind, SheetColumn, SheetOptions, SheetWriter};
    /// let columns = [SheetColumn::new("A", CellKind::Integer)];
    /// let mut writer = SheetWriter::new(Vec::new(), &columns, &SheetOptions::default()).unwrap();
    /// writer.row(&[3_i64.into()]).unwrap();
    /// assert_eq!(writer.rows(), 1);
    /// ```
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// Ends the sheet (XLSX: assembles the workbook from its temporary file) and gives the
    /// writer back, flushed.
    ///
    /// ```
    /// use hospes::sheet::{CellKind, SheetColumn, SheetOptions, SheetWriter};
    /// let columns = [SheetColumn::new("A", CellKind::Text)];
    /// let writer = SheetWriter::new(Vec::new(), &columns, &SheetOptions::default()).unwrap();
    /// assert_eq!(writer.finish().unwrap(), "\u{feff}A\r\n".as_bytes());
    /// ```
    pub fn finish(self) -> Result<W> {
        match self.backend {
            Backend::Csv(csv) => csv.finish(),
            Backend::Xlsx(xlsx) => xlsx.finish(self.rows, self.columns.len()),
        }
    }
}

/// Writes `rows` under `columns` in `options.format` and returns the file's bytes: for the
/// operations that answer with a file, and any export small enough to hold in memory (the
/// XLSX rows still go through a temporary file while it is written).
///
/// ```
/// use hospes::sheet::{self, Cell, CellKind, SheetColumn, SheetOptions};
/// let columns = [SheetColumn::new("Nuits", CellKind::Integer), SheetColumn::new("Présent", CellKind::Bool)];
/// let rows = vec![vec![Cell::Integer(7), Cell::Bool(false)]];
/// let options = SheetOptions { delimiter: sheet::CsvDelimiter::Comma, ..SheetOptions::csv(hospes::Locale::En) };
/// assert_eq!(sheet::to_bytes(&columns, &rows, &options).unwrap(), "\u{feff}Nuits,Présent\r\n7,no\r\n".as_bytes());
/// ```
pub fn to_bytes<'a, I, R>(
    columns: &[SheetColumn],
    rows: I,
    options: &SheetOptions,
) -> Result<Vec<u8>>
where
    I: IntoIterator<Item = R>,
    R: AsRef<[Cell<'a>]>,
{
    let mut writer = SheetWriter::new(std::io::Cursor::new(Vec::new()), columns, options)?;
    for row in rows {
        writer.row(row.as_ref())?;
    }
    Ok(writer.finish()?.into_inner())
}

/// Checks the columns: at least one, at most [`MAX_COLUMNS`], widths within 0–255.
fn check_columns(columns: &[SheetColumn]) -> Result<()> {
    if columns.is_empty() || columns.len() > MAX_COLUMNS {
        return Err(Error::ExportInvalid {
            detail: format!("{} columns: a sheet has 1 to {MAX_COLUMNS}", columns.len()),
        });
    }
    if let Some(column) = columns.iter().find(|c| !(0.0..=255.0).contains(&c.width)) {
        return Err(Error::ExportInvalid {
            detail: format!(
                "column « {} » is {} characters wide: 0 (the default) to 255",
                column.header.chars().take(40).collect::<String>(),
                column.width
            ),
        });
    }
    Ok(())
}

/// The words the writer adds itself, in `locale`.
fn word(id: &str, locale: Locale) -> String {
    text(id, &[], locale, Locale::Fr)
}

/// An I/O failure as `export.write_failed`: the system's message, never the data.
fn write_failed(err: &std::io::Error) -> Error {
    Error::ExportWriteFailed {
        detail: err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_formula_start_is_neutralised_and_nothing_else() {
        for start in ["=", "+", "-", "@", "\t", "\r"] {
            let text = format!("{start}cmd|' /C calc'!A0");
            assert_eq!(neutralise(&text), format!("'{text}"));
        }
        for safe in ["", "Dupont", " =1", "'=1", "\n=1", "1-2", "a@b.fr"] {
            assert!(matches!(neutralise(safe), Cow::Borrowed(s) if s == safe));
        }
    }

    #[test]
    fn sheet_names_follow_excels_rules() {
        assert!(check_sheet_name(&"é".repeat(31)).is_ok());
        for bad in [
            "",
            "   ",
            "a[b",
            "a]b",
            "a:b",
            "a*b",
            "a?b",
            "a/b",
            "a\\b",
            "'ab",
            "ab'",
            "History",
            "HISTORY",
            "tab\there",
        ] {
            assert_eq!(
                check_sheet_name(bad).unwrap_err().code(),
                "export.invalid",
                "{bad}"
            );
        }
        let err = check_sheet_name(&"x".repeat(32)).unwrap_err();
        assert!(err.to_string().contains("32 characters"), "{err}");
    }

    #[test]
    fn columns_are_checked_before_anything_is_written() {
        let mut out = Vec::new();
        let wide = [SheetColumn::new("A", CellKind::Text).with_width(300.0)];
        let err = SheetWriter::new(&mut out, &wide, &SheetOptions::default()).err();
        assert!(
            err.unwrap()
                .to_string()
                .contains("« A » is 300 characters wide")
        );
        let nan = [SheetColumn::new("A", CellKind::Text).with_width(f64::NAN)];
        assert!(SheetWriter::new(&mut out, &nan, &SheetOptions::default()).is_err());
        assert!(out.is_empty());
    }

    #[test]
    fn a_sheet_name_is_checked_for_xlsx_only() {
        let columns = [SheetColumn::new("A", CellKind::Text)];
        let bad = SheetOptions {
            sheet_name: Some("a/b".into()),
            ..SheetOptions::default()
        };
        assert!(to_bytes(&columns, Vec::<Vec<Cell>>::new(), &bad).is_ok());
        let xlsx = SheetOptions {
            format: SheetFormat::Xlsx,
            ..bad
        };
        let err = to_bytes(&columns, Vec::<Vec<Cell>>::new(), &xlsx).unwrap_err();
        assert_eq!(err.code(), "export.invalid");
    }
}
