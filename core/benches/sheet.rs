//! Benchmarks of the spreadsheet writer: 10 000 rows of ten columns (text, dates, integers,
//! amounts, a boolean) written as CSV and as XLSX (constant-memory mode, zipped at the end), and
//! the stays export of the same count. A million rows, with the peak memory, is
//! `core/benches/export_rss.sh`.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, missing_docs)] // benchmark setup on fixed, valid inputs

use std::hint::black_box;
use std::io::Cursor;

use criterion::{Criterion, criterion_group, criterion_main};
use hospes::export::{self, StayFilter};
use hospes::sheet::{Cell, CellKind, SheetColumn, SheetOptions, SheetWriter};
use hospes::{Currency, Decimal, Locale, NaiveDate, Stay};

const ROWS: i64 = 10_000;

fn columns() -> Vec<SheetColumn> {
    vec![
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
    ]
}

fn write(options: &SheetOptions) -> usize {
    let columns = columns();
    let mut sheet = SheetWriter::new(Cursor::new(Vec::new()), &columns, options).unwrap();
    let first = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    for n in 0..ROWS {
        let arrival = first + chrono::Days::new(n.unsigned_abs() % 300);
        let nights = 1 + n % 14;
        let reference = format!("R{n:07}");
        let client = format!("Client n° {n} — Dupont");
        sheet
            .row(&[
                Cell::from(reference.as_str()),
                Cell::from(client.as_str()),
                Cell::from("Mobil-home 3 chambres"),
                Cell::Date(arrival),
                Cell::Date(arrival + chrono::Days::new(nights.unsigned_abs())),
                Cell::Integer(nights),
                Cell::Integer(1 + n % 6),
                Cell::Amount(Decimal::new(2_955 * nights, 2)),
                Cell::Amount(Decimal::new(3_250 * nights, 2)),
                Cell::Bool(n % 3 == 0),
            ])
            .unwrap();
    }
    sheet.finish().unwrap().into_inner().len()
}

fn sheets(c: &mut Criterion) {
    let mut group = c.benchmark_group("sheet_10k_rows");
    group.sample_size(10);
    group.bench_function("csv", |b| {
        b.iter(|| write(black_box(&SheetOptions::csv(Locale::Fr))))
    });
    group.bench_function("xlsx", |b| {
        b.iter(|| write(black_box(&SheetOptions::xlsx(Locale::Fr))))
    });
    let stay: Stay = serde_json::from_str(
        r#"{"reference":"312","client_id":"C-1042","accommodation":"Emplacement","arrival":"2026-07-11",
        "departure":"2026-07-25","status":"confirmed","currency":"EUR","lines":[
        {"label":"Emplacement","quantity":"14","unit_price":{"amount":"32.40","currency":"EUR"},"vat_rate":"10"},
        {"label":"Taxe de séjour","kind":"tourist_tax","quantity":"56","unit_price":{"amount":"0.66","currency":"EUR"},"vat_rate":"0"}]}"#,
    )
    .unwrap();
    let stays = vec![stay; 10_000];
    group.bench_function("stays_export_xlsx", |b| {
        b.iter(|| {
            export::stays(
                black_box(&stays),
                &[],
                &StayFilter::default(),
                &SheetOptions::xlsx(Locale::Fr),
            )
            .unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, sheets);
criterion_main!(benches);
