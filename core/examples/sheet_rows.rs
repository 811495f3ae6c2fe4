//! Writes a large sheet with hospes's spreadsheet writer, to measure its time and memory:
//!
//! ```text
//! cargo run --release -p hospes --example sheet_rows -- [ROWS] [xlsx|csv] [OUTPUT]
//! ```
//!
//! Defaults: 1 000 000 rows, XLSX, `sheet_rows.xlsx` in the system's temporary directory. Each
//! row looks like a stay of the exports: ten columns of text, dates, integers, amounts and a
//! boolean, the texts different on every row. `core/benches/export_rss.sh` runs it under
//! `/usr/bin/time -v` and reports the peak memory (RSS).

use std::fs::File;
use std::io::BufWriter;
use std::time::Instant;

use hospes::sheet::{Cell, CellKind, SheetColumn, SheetFormat, SheetOptions, SheetWriter};
use hospes::{Currency, Decimal, NaiveDate};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let rows: u64 = args.next().map_or(Ok(1_000_000), |n| n.parse())?;
    let format = match args.next().as_deref() {
        None | Some("xlsx") => SheetFormat::Xlsx,
        Some("csv") => SheetFormat::Csv,
        Some(other) => return Err(format!("unknown format {other}: xlsx or csv").into()),
    };
    let extension = if format == SheetFormat::Xlsx {
        "xlsx"
    } else {
        "csv"
    };
    let path = args.next().map_or_else(
        || std::env::temp_dir().join(format!("sheet_rows.{extension}")),
        Into::into,
    );
    let columns = [
        SheetColumn::new("Réf. séjour", CellKind::Text),
        SheetColumn::new("Client", CellKind::Text),
        SheetColumn::new("Hébergement", CellKind::Text),
        SheetColumn::new("Arrivée", CellKind::Date),
        SheetColumn::new("Départ", CellKind::Date),
        SheetColumn::new("Nuits", CellKind::Integer),
        SheetColumn::new("Personnes", CellKind::Integer),
        SheetColumn::new("Total HT", CellKind::Money(Currency::EUR)),
        SheetColumn::new("Total TTC", CellKind::Money(Currency::EUR)),
        SheetColumn::new("Présent", CellKind::Bool),
    ];
    let options = SheetOptions {
        format,
        ..SheetOptions::default()
    };
    let start = Instant::now();
    let file = BufWriter::new(File::create(&path)?);
    let mut sheet = SheetWriter::new(file, &columns, &options)?;
    let first = NaiveDate::from_ymd_opt(2020, 1, 1).ok_or("date")?;
    let accommodations = [
        "Emplacement",
        "Mobil-home 3 chambres",
        "Chalet vue lac",
        "Tente lodge",
    ];
    for i in 0..rows {
        let n = i64::try_from(i)?;
        let arrival = first + chrono::Days::new(i % 2_500);
        let nights = 1 + n % 14;
        let departure = arrival + chrono::Days::new(u64::try_from(nights)?);
        let incl = Decimal::new(3_250 * nights + n % 100, 2);
        let excl = (incl / Decimal::new(11, 1)).round_dp(2);
        let reference = format!("R{i:07}");
        let client = format!("Client n° {} — Dupont", n % 50_000);
        sheet.row(&[
            Cell::from(reference.as_str()),
            Cell::from(client.as_str()),
            Cell::from(*accommodations.get(usize::try_from(i % 4)?).ok_or("index")?),
            Cell::Date(arrival),
            Cell::Date(departure),
            Cell::Integer(nights),
            Cell::Integer(1 + n % 6),
            Cell::Amount(excl),
            Cell::Amount(incl),
            Cell::Bool(i % 3 == 0),
        ])?;
    }
    let written = start.elapsed();
    sheet.finish()?;
    let elapsed = start.elapsed();
    let size = std::fs::metadata(&path)?.len();
    println!(
        "{rows} rows × {} columns as {extension}: {:.2} s ({:.2} s rows, {:.2} s finish), {:.1} MiB, {}",
        columns.len(),
        elapsed.as_secs_f64(),
        written.as_secs_f64(),
        (elapsed - written).as_secs_f64(),
        size as f64 / 1_048_576.0,
        path.display()
    );
    Ok(())
}
