//! The register as a spreadsheet (CSV or XLSX), streamed: whole or as filtered, the columns the
//! business chooses, headers in its language.

use std::io::Write;

use chrono::NaiveDate;

use super::index::Register;
use super::query::RegisterQuery;
use super::row::{RegisterColumn, RegisterRow};
use crate::error::Result;
use crate::i18n::{self, Locale};
use crate::sheet::{Cell, CellKind, SheetColumn, SheetOptions, SheetWriter};

impl RegisterColumn {
    /// What the column holds in a spreadsheet.
    fn cell_kind(self, register: &Register) -> CellKind {
        match self {
            RegisterColumn::CreatedOn
            | RegisterColumn::FirstStay
            | RegisterColumn::LastStay
            | RegisterColumn::NextStay => CellKind::Date,
            RegisterColumn::Stays => CellKind::Integer,
            RegisterColumn::Present => CellKind::Bool,
            RegisterColumn::RevenueExclVat
            | RegisterColumn::RevenueInclVat
            | RegisterColumn::Due => CellKind::Money(register.config().currency),
            _ => CellKind::Text,
        }
    }

    /// The cell of `row` in this column, words in `locale`.
    fn cell(self, row: &RegisterRow, locale: Locale) -> Cell<'static> {
        let label = |id: &str| Cell::from(i18n::text(id, &[], locale, Locale::Fr));
        let date = |d: Option<NaiveDate>| d.map_or(Cell::Empty, Cell::Date);
        match self {
            RegisterColumn::ClientId => row.client_id.clone().into(),
            RegisterColumn::Civility => row.civility.map_or(Cell::Empty, |c| label(c.label_id())),
            RegisterColumn::LastName => row.last_name.clone().into(),
            RegisterColumn::FirstName => row.first_name.clone().into(),
            RegisterColumn::Company => row.company.clone().into(),
            RegisterColumn::Address => row.address.lines.join(", ").into(),
            RegisterColumn::Postcode => row.address.postcode.clone().into(),
            RegisterColumn::City => row.address.city.clone().into(),
            RegisterColumn::Country => row.address.country.map(|c| c.code().to_owned()).into(),
            RegisterColumn::Landline => row.landline.clone().into(),
            RegisterColumn::Mobile => row.mobile.clone().into(),
            RegisterColumn::Email => row.email.clone().into(),
            RegisterColumn::LicencePlates => row.licence_plates.join(", ").into(),
            RegisterColumn::Kind => label(kind_label(row.kind)),
            RegisterColumn::CreatedOn => Cell::Date(row.created_on),
            RegisterColumn::FirstStay => date(row.first_stay),
            RegisterColumn::Stays => Cell::Integer(i64::from(row.stays)),
            RegisterColumn::LastStay => date(row.last_stay),
            RegisterColumn::NextStay => date(row.next_stay),
            RegisterColumn::Present => Cell::Bool(row.present),
            RegisterColumn::RevenueExclVat => Cell::Amount(row.revenue_excl_vat.amount),
            RegisterColumn::RevenueInclVat => Cell::Amount(row.revenue_incl_vat.amount),
            RegisterColumn::Due => Cell::Amount(row.due.amount),
        }
    }
}

fn kind_label(kind: crate::client::ClientKind) -> &'static str {
    use crate::client::ClientKind;
    match kind {
        ClientKind::Stayer => "label-client-kind-stayer",
        ClientKind::Prospect => "label-client-kind-prospect",
        ClientKind::Resident => "label-client-kind-resident",
        ClientKind::TourOperator => "label-client-kind-tour_operator",
    }
}

impl Register {
    /// Writes every client matching `query` (its page ignored), in its order, as a spreadsheet
    /// on `writer`: the `columns` asked for (every column when empty), headers and words in
    /// `options.locale`, dates as dates, amounts as numbers in the register's currency. The
    /// rows are streamed: a million clients never stand in memory at once. Returns the writer
    /// and the number of rows. Refused: the query's errors, and the writer's
    /// (`export.invalid`, `export.write_failed`).
    ///
    /// ```
    /// use hospes::register::{Register, RegisterColumn, RegisterQuery};
    /// use hospes::sheet::SheetOptions;
    /// let mut register = Register::new(Default::default());
    /// register.upsert(serde_json::from_str(r#"{"client": {"id": "C-1", "last_name": "=Dupont", "first_name": "Marie", "created_at": "2026-01-15T09:30:00Z"}}"#).unwrap()).unwrap();
    /// let query = RegisterQuery { present_only: false, ..RegisterQuery::default() };
    /// let columns = [RegisterColumn::LastName, RegisterColumn::FirstName, RegisterColumn::CreatedOn];
    /// let (csv, rows) = register.export(&query, "2026-06-01".parse().unwrap(), &columns, &SheetOptions::csv(hospes::Locale::Fr), Vec::new()).unwrap();
    /// assert_eq!(rows, 1);
    /// assert_eq!(String::from_utf8(csv).unwrap(), "\u{feff}Nom;Prénom;Ancienneté\r\n'=Dupont;Marie;2026-01-15\r\n");
    /// ```
    pub fn export<W: Write + Send>(
        &self,
        query: &RegisterQuery,
        today: NaiveDate,
        columns: &[RegisterColumn],
        options: &SheetOptions,
        writer: W,
    ) -> Result<(W, u64)> {
        let columns = if columns.is_empty() {
            &RegisterColumn::ALL[..]
        } else {
            columns
        };
        let locale = options.locale;
        let mut options = options.clone();
        if options.sheet_name.is_none() {
            options.sheet_name = Some(i18n::text("register-sheet", &[], locale, Locale::Fr));
        }
        let sheet_columns: Vec<SheetColumn> = columns
            .iter()
            .map(|c| {
                let header = i18n::text(c.header_id(), &[], locale, Locale::Fr);
                SheetColumn::new(header, c.cell_kind(self))
            })
            .collect();
        let rows = self.select(query, today)?;
        let mut sheet = SheetWriter::new(writer, &sheet_columns, &options)?;
        let mut cells = Vec::with_capacity(columns.len());
        for row in rows {
            cells.clear();
            cells.extend(columns.iter().map(|c| c.cell(&row, locale)));
            sheet.row(&cells)?;
        }
        let count = sheet.rows();
        Ok((sheet.finish()?, count))
    }
}
