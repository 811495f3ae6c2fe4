//! Spreadsheet exports read back: CSV compared byte by byte (BOM, delimiter, CRLF, quoting,
//! decimal comma), XLSX unzipped and its XML parts read (typed cells and their number formats,
//! bold frozen header, autofilter, widths, sheet name, fixed creation date), formula injection
//! neutralised in both, and the wire operations answering with the file's bytes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::io::{Cursor, Read};

use hospes::export::{self, PaymentFilter, StayFilter};
use hospes::payment::{Payment, PaymentMethod};
use hospes::sheet::{
    self, Cell, CellKind, CsvDelimiter, SheetColumn, SheetFormat, SheetOptions, SheetWriter,
};
use hospes::stay::BookingOrigin;
use hospes::wire::{Answer, call, call_for_file};
use hospes::{Client, Currency, Locale, Money, NaiveDate, Stay, StayStatus, TimeZone};
use serde_json::{Value, json};

fn fixture() -> Value {
    serde_json::from_str(include_str!("data/exports.json")).unwrap()
}

fn records<T: serde::de::DeserializeOwned>(key: &str) -> Vec<T> {
    serde_json::from_value(fixture()[key].clone()).unwrap()
}

fn paris() -> TimeZone {
    "Europe/Paris".parse().unwrap()
}

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// One part of an XLSX file (a zip of XML parts), as text.
fn part(xlsx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(xlsx)).unwrap();
    let mut file = zip.by_name(name).unwrap();
    let mut text = String::new();
    file.read_to_string(&mut text).unwrap();
    text
}

fn sheet_xml(xlsx: &[u8]) -> String {
    part(xlsx, "xl/worksheets/sheet1.xml")
}

fn columns() -> Vec<SheetColumn> {
    vec![
        SheetColumn::new("Réf.", CellKind::Text),
        SheetColumn::new("Arrivée", CellKind::Date),
        SheetColumn::new("Nuits", CellKind::Integer),
        SheetColumn::new("Total", CellKind::Money(Currency::EUR)).with_width(16.0),
        SheetColumn::new("Payé", CellKind::Bool),
        SheetColumn::new("Note", CellKind::Text),
    ]
}

fn rows() -> Vec<Vec<Cell<'static>>> {
    vec![
        vec![
            Cell::from("312"),
            Cell::Date(date("2026-07-11")),
            Cell::Integer(7),
            Cell::Amount("710.5".parse().unwrap()),
            Cell::Bool(true),
            Cell::from("Arrivée tardive; « Zoë »"),
        ],
        vec![
            Cell::from("313"),
            Cell::Empty,
            Cell::Integer(-2),
            Cell::Amount("-90".parse().unwrap()),
            Cell::Bool(false),
            Cell::from("=HYPERLINK(\"http://evil.example\")"),
        ],
    ]
}

#[test]
fn a_csv_is_utf8_with_a_bom_semicolons_and_crlf() {
    let bytes = sheet::to_bytes(&columns(), rows(), &SheetOptions::default()).unwrap();
    let expected = "\u{feff}Réf.;Arrivée;Nuits;Total;Payé;Note\r\n\
        312;2026-07-11;7;710,50;oui;\"Arrivée tardive; « Zoë »\"\r\n\
        313;;-2;-90,00;non;\"'=HYPERLINK(\"\"http://evil.example\"\")\"\r\n";
    assert_eq!(bytes, expected.as_bytes());
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
}

#[test]
fn a_comma_csv_writes_decimal_points_and_english_words() {
    let options = SheetOptions {
        delimiter: CsvDelimiter::Comma,
        ..SheetOptions::csv(Locale::En)
    };
    let bytes = sheet::to_bytes(&columns(), rows(), &options).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert_eq!(
        text.split("\r\n").nth(1),
        Some("312,2026-07-11,7,710.50,yes,Arrivée tardive; « Zoë »")
    );
    assert!(text.ends_with("313,,-2,-90.00,no,\"'=HYPERLINK(\"\"http://evil.example\"\")\"\r\n"));
}

#[test]
fn formula_injection_is_neutralised_in_both_formats() {
    let columns = [SheetColumn::new("Texte", CellKind::Text)];
    let hostile = [
        "=cmd|' /C calc'!A0",
        "+1+1",
        "-2+3",
        "@SUM(A1)",
        "\t=1",
        "\r=1",
    ];
    let rows: Vec<Vec<Cell>> = hostile.iter().map(|t| vec![Cell::from(*t)]).collect();
    let csv = sheet::to_bytes(&columns, &rows, &SheetOptions::default()).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&csv[3..]);
    let read: Vec<String> = reader.records().map(|r| r.unwrap()[0].to_owned()).collect();
    let expected: Vec<String> = hostile.iter().map(|t| format!("'{t}")).collect();
    assert_eq!(read, expected);

    let xlsx = sheet::to_bytes(&columns, &rows, &SheetOptions::xlsx(Locale::Fr)).unwrap();
    let xml = sheet_xml(&xlsx);
    assert!(!xml.contains("<f>"), "a formula in {xml}");
    assert!(xml.contains("<t>'=cmd|' /C calc'!A0</t>"), "{xml}");
    assert!(xml.contains("<t>'@SUM(A1)</t>"), "{xml}");
    // A header is text too.
    let header = [SheetColumn::new("=1+1", CellKind::Text)];
    let csv = sheet::to_bytes(&header, Vec::<Vec<Cell>>::new(), &SheetOptions::default()).unwrap();
    assert_eq!(csv, "\u{feff}'=1+1\r\n".as_bytes());
}

#[test]
fn an_xlsx_has_typed_cells_a_bold_frozen_header_widths_and_a_filter() {
    let options = SheetOptions {
        sheet_name: Some("Séjours été".into()),
        ..SheetOptions::xlsx(Locale::Fr)
    };
    let xlsx = sheet::to_bytes(&columns(), rows(), &options).unwrap();
    assert!(xlsx.starts_with(b"PK\x03\x04"));
    let xml = sheet_xml(&xlsx);
    // Header: bold (style 1), frozen, filtered.
    assert!(
        xml.contains(r#"<c r="A1" s="1" t="inlineStr"><is><t>Réf.</t></is></c>"#),
        "{xml}"
    );
    assert!(
        xml.contains(
            r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        )
    );
    assert!(xml.contains(r#"<autoFilter ref="A1:F3"/>"#), "{xml}");
    // Widths: the kind's default, or the column's own.
    assert!(
        xml.contains(r#"<col min="1" max="1" width="24.7109375" customWidth="1"/>"#),
        "{xml}"
    );
    assert!(
        xml.contains(r#"<col min="4" max="4" width="16.7109375" customWidth="1"/>"#),
        "{xml}"
    );
    // Typed cells: a date serial with style 2, an integer, an amount with style 3, a boolean.
    assert!(xml.contains(r#"<c r="B2" s="2"><v>46214</v></c>"#), "{xml}");
    assert!(xml.contains(r#"<c r="C2"><v>7</v></c>"#), "{xml}");
    assert!(xml.contains(r#"<c r="D2" s="3"><v>710.5</v></c>"#), "{xml}");
    assert!(xml.contains(r#"<c r="E2" t="b"><v>1</v></c>"#), "{xml}");
    assert!(xml.contains(r#"<c r="D3" s="3"><v>-90</v></c>"#), "{xml}");
    assert!(!xml.contains(r#"r="B3""#), "an empty cell is not written");
    let styles = part(&xlsx, "xl/styles.xml");
    assert!(
        styles.contains(r##"<numFmt numFmtId="164" formatCode="#,##0.00 &quot;€&quot;"/>"##),
        "{styles}"
    );
    assert!(styles.contains("<font><b/>"), "{styles}");
    assert!(styles.contains(
        r#"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
    ));
    assert!(
        styles.contains(r#"<xf numFmtId="14" fontId="0""#),
        "dates in the reader's short format"
    );
    assert!(styles.contains(r#"<xf numFmtId="164" fontId="0""#));
    let workbook = part(&xlsx, "xl/workbook.xml");
    assert!(
        workbook.contains(r#"<sheet name="Séjours été" sheetId="1""#),
        "{workbook}"
    );
}

#[test]
fn an_xlsx_is_the_same_bytes_every_time() {
    let options = SheetOptions::xlsx(Locale::En);
    let first = sheet::to_bytes(&columns(), rows(), &options).unwrap();
    let second = sheet::to_bytes(&columns(), rows(), &options).unwrap();
    assert_eq!(first, second);
    let core = part(&first, "docProps/core.xml");
    assert!(
        core.contains(">1980-01-01T00:00:00Z</dcterms:created>"),
        "{core}"
    );
    // English: the symbol before the amount, the default sheet name in English.
    assert!(part(&first, "xl/styles.xml").contains(r#"formatCode="&quot;€&quot;#,##0.00""#));
    assert!(part(&first, "xl/workbook.xml").contains(r#"<sheet name="Sheet1""#));
}

#[test]
fn money_cells_carry_their_own_currency_and_big_integers_stay_exact() {
    let columns = [
        SheetColumn::new("Montant", CellKind::Money(Currency::EUR)),
        SheetColumn::new("N", CellKind::Integer),
        SheetColumn::new("Quand", CellKind::DateTime),
        SheetColumn::new("Ancien", CellKind::Date),
    ];
    let at = date("2026-07-11").and_hms_opt(18, 0, 0).unwrap();
    let rows = vec![vec![
        Cell::Money(Money::parse("1500", "JPY").unwrap()),
        Cell::Integer(i64::MAX),
        Cell::DateTime(at),
        Cell::Date(date("1850-05-01")),
    ]];
    let xlsx = sheet::to_bytes(&columns, &rows, &SheetOptions::xlsx(Locale::Fr)).unwrap();
    let xml = sheet_xml(&xlsx);
    assert!(xml.contains("<t>9223372036854775807</t>"), "{xml}");
    assert!(xml.contains("<v>46214.75</v>"), "{xml}");
    assert!(xml.contains("<t>1850-05-01</t>"), "{xml}");
    let styles = part(&xlsx, "xl/styles.xml");
    assert!(
        styles.contains(r##"formatCode="#,##0 &quot;¥&quot;""##),
        "{styles}"
    );
    assert!(
        styles.contains(r#"numFmtId="22""#),
        "date-times in the reader's format"
    );
    let csv = sheet::to_bytes(&columns, &rows, &SheetOptions::default()).unwrap();
    assert!(csv.ends_with(b"\r\n1500;9223372036854775807;2026-07-11 18:00:00;1850-05-01\r\n"));
}

#[test]
fn a_row_of_the_wrong_width_is_refused_with_its_number() {
    for format in [SheetFormat::Csv, SheetFormat::Xlsx] {
        let options = SheetOptions {
            format,
            ..SheetOptions::default()
        };
        let mut writer = SheetWriter::new(Vec::new(), &columns(), &options).unwrap();
        for row in rows() {
            writer.row(&row).unwrap();
        }
        let err = writer
            .row(&[Cell::from("a"), Cell::from("b"), Cell::Empty])
            .unwrap_err();
        assert_eq!(err.code(), "export.invalid");
        assert!(
            err.to_string().contains("row 3 has 3 cells for 6 columns"),
            "{err}"
        );
        assert_eq!(writer.rows(), 2);
        assert!(writer.finish().is_ok(), "the rows before still make a file");
    }
}

#[test]
fn a_text_too_long_for_a_cell_is_refused_without_its_contents() {
    let columns = [SheetColumn::new("Notes", CellKind::Text)];
    let long = "secret ".repeat(5_000);
    let mut writer =
        SheetWriter::new(Vec::new(), &columns, &SheetOptions::xlsx(Locale::Fr)).unwrap();
    let err = writer.row(&[Cell::from(long.as_str())]).unwrap_err();
    assert_eq!(err.code(), "export.invalid");
    let message = err.message(Locale::Fr);
    assert!(
        message.contains("row 1, column « Notes »: 35000 characters"),
        "{message}"
    );
    assert!(!message.contains("secret"));
    // CSV has no such limit.
    let csv = sheet::to_bytes(
        &columns,
        [[Cell::from(long.as_str())]],
        &SheetOptions::default(),
    );
    assert!(csv.unwrap().len() > 35_000);
}

#[test]
fn the_temporary_directory_is_the_callers() {
    let dir = std::env::temp_dir().join(format!("hospes-sheet-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let options = SheetOptions {
        temp_dir: Some(dir.to_string_lossy().into_owned()),
        ..SheetOptions::xlsx(Locale::Fr)
    };
    assert!(sheet::to_bytes(&columns(), rows(), &options).is_ok());
    // The temporary file is gone with the writer.
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
    std::fs::remove_dir(&dir).unwrap();
    let err = sheet::to_bytes(&columns(), rows(), &options).unwrap_err();
    assert_eq!(err.code(), "export.write_failed");
}

#[test]
fn a_writer_that_fails_is_a_coded_error_not_a_panic() {
    struct Broken(usize);
    impl std::io::Write for Broken {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.0 < buf.len() {
                return Err(std::io::Error::other("pipe closed"));
            }
            self.0 -= buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut writer =
        SheetWriter::new(Broken(100), &columns(), &SheetOptions::xlsx(Locale::Fr)).unwrap();
    writer.row(&rows()[0]).unwrap();
    let err = writer.finish().err().unwrap();
    assert_eq!(err.code(), "export.write_failed");
    assert!(err.to_string().contains("pipe closed"), "{err}");
}

#[test]
fn the_stays_export_has_a_row_per_stay_kept_with_names_status_and_totals() {
    let stays: Vec<Stay> = records("stays");
    let clients: Vec<Client> = records("clients");
    let csv = export::stays(
        &stays,
        &clients,
        &StayFilter::default(),
        &SheetOptions::default(),
    )
    .unwrap();
    let expected = "\u{feff}Réf. séjour;N° client;Client;Hébergement;Arrivée;Départ;Nuits;Personnes;Statut;Total HT;TVA;Total TTC;Devise;Documents;Origine;Notes internes\r\n\
        312;C-1042;Marie Dupont;Mobil-home 3 chambres;2026-07-11;2026-07-18;7;2;Confirmé;655,15;64,59;719,74;EUR;FA26070118, 28;Téléphone;A demandé un emplacement à l’ombre.\r\n\
        313;C-2077;Łukasz Żółć;Emplacement grand confort;2026-08-01;2026-08-03;2;1;Annulé;54,55;5,45;60,00;EUR;;Plateforme de réservation;\r\n\
        314;C-3001;\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"Voyages\"\")\";\"Chalet; vue lac\";2026-06-20;2026-06-27;7;1;Option;725,45;72,55;798,00;EUR;;;\r\n\
        315;C-9999;;Tente lodge;2026-07-25;2026-07-26;1;1;Terminé;0,00;0,00;0,00;EUR;;;\r\n";
    assert_eq!(String::from_utf8(csv).unwrap(), expected);

    let filter = StayFilter {
        arrival_from: Some(date("2026-07-01")),
        arrival_to: Some(date("2026-07-31")),
        statuses: vec![StayStatus::Confirmed, StayStatus::Completed],
        origins: Vec::new(),
    };
    let options = SheetOptions::xlsx(Locale::Es);
    let xlsx = export::stays(&stays, &clients, &filter, &options).unwrap();
    let xml = sheet_xml(&xlsx);
    assert!(xml.contains("<t>Ref. estancia</t>"), "{xml}");
    assert!(xml.contains("<t>Marie Dupont</t>") && xml.contains("<t>Tente lodge</t>"));
    assert!(!xml.contains("<t>313</t>") && !xml.contains("<t>314</t>"));
    assert!(xml.contains(r#"<autoFilter ref="A1:P3"/>"#), "{xml}");
    assert!(xml.contains("<t>Confirmada</t>"));
    assert!(part(&xlsx, "xl/workbook.xml").contains(r#"<sheet name="Estancias""#));
    assert!(part(&xlsx, "xl/styles.xml").contains(r##"formatCode="#,##0.00 &quot;€&quot;""##));
}

#[test]
fn the_business_exports_the_bookings_taken_by_phone() {
    let stays: Vec<Stay> = records("stays");
    let filter = StayFilter {
        origins: vec![BookingOrigin::Phone, BookingOrigin::Agency],
        ..StayFilter::default()
    };
    let csv = export::stays(&stays, &[], &filter, &SheetOptions::csv(Locale::En)).unwrap();
    let text = String::from_utf8(csv).unwrap();
    assert!(text.contains(";Origin;Internal notes\r\n"), "{text}");
    let rows: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(rows.len(), 1, "{text}");
    assert!(
        rows[0].starts_with("312;") && rows[0].contains(";Phone;"),
        "{text}"
    );
}

#[test]
fn the_payments_export_dates_each_payment_in_the_establishments_zone() {
    let payments: Vec<Payment> = records("payments");
    let options = SheetOptions {
        delimiter: CsvDelimiter::Comma,
        ..SheetOptions::csv(Locale::En)
    };
    let csv = export::payments(&payments, paris(), &PaymentFilter::default(), &options).unwrap();
    let expected = "\u{feff}Received on,Invoice,Amount,Currency,Payment method,Provider,Provider ref.,Payment ref.\r\n\
        2026-03-02,FA26030042,300.00,EUR,Card,payplug,pay_5Kx,pay_5Kx\r\n\
        2026-07-11,FA26070118,421.74,EUR,Cheque,,,chq-0042\r\n\
        2026-08-01,FA26080003,60.00,EUR,Bank transfer,,,vir-17\r\n\
        2026-08-02,FA26080004,40.00,EUR,Carried over (no money received),,,carry-FA26080003\r\n";
    assert_eq!(String::from_utf8(csv).unwrap(), expected);

    let receipts = PaymentFilter {
        received_from: Some(date("2026-07-01")),
        received_to: Some(date("2026-08-01")),
        methods: vec![
            PaymentMethod::Cheque,
            PaymentMethod::BankTransfer,
            PaymentMethod::Card,
        ],
    };
    let xlsx = export::payments(
        &payments,
        paris(),
        &receipts,
        &SheetOptions::xlsx(Locale::Fr),
    )
    .unwrap();
    let xml = sheet_xml(&xlsx);
    assert!(
        xml.contains("<t>Reçu le</t>") && xml.contains("<t>Chèque</t>"),
        "{xml}"
    );
    assert!(xml.contains("<t>vir-17</t>") && !xml.contains("pay_5Kx") && !xml.contains("carry-"));
    assert!(
        xml.contains(r#"<c r="A3" s="2"><v>46235</v></c>"#),
        "1 August 2026: {xml}"
    );
    assert!(
        xml.contains(r#"<c r="C2" s="3"><v>421.74</v></c>"#),
        "{xml}"
    );
    assert!(part(&xlsx, "xl/workbook.xml").contains(r#"<sheet name="Paiements""#));
}

#[test]
fn the_wire_answers_an_export_with_the_files_bytes() {
    let data = fixture();
    let input = json!({
        "stays": data["stays"], "clients": data["clients"],
        "filter": {"statuses": ["confirmed"]}, "options": {"format": "xlsx", "locale": "en"},
    });
    let Answer::File(xlsx) = call_for_file("export.stays", &input.to_string()) else {
        panic!("no file");
    };
    assert!(sheet_xml(&xlsx).contains("<t>Confirmed</t>"));
    let direct = export::stays(
        &records::<Stay>("stays"),
        &records::<Client>("clients"),
        &StayFilter {
            statuses: vec![StayStatus::Confirmed],
            ..StayFilter::default()
        },
        &SheetOptions::xlsx(Locale::En),
    )
    .unwrap();
    assert_eq!(xlsx, direct);

    let input = json!({"payments": data["payments"], "time_zone": "Europe/Paris", "options": {}});
    let Answer::File(csv) = call_for_file("export.payments", &input.to_string()) else {
        panic!("no file");
    };
    assert!(csv.starts_with("\u{feff}Reçu le;Facture;Montant;".as_bytes()));

    let bad = json!({"payments": [], "time_zone": "Europe/Paris", "options": {"format": "xlsx", "sheet_name": "a:b"}});
    let out: Value = serde_json::from_str(&call("export.payments", &bad.to_string())).unwrap();
    assert_eq!(out["error"]["code"], "export.invalid");
    assert_eq!(out["error"]["family"], "export");
    let unknown = json!({"stays": [], "clients": [], "options": {"delimiter": "tab"}});
    let out: Value = serde_json::from_str(&call("export.stays", &unknown.to_string())).unwrap();
    assert_eq!(out["error"]["code"], "input.invalid", "{out}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Any text, hostile or not, reads back from the CSV exactly as written (neutralised when it
    /// starts like a formula), and never fails nor panics in XLSX.
    #[test]
    fn any_text_survives_both_formats(texts in proptest::collection::vec("\\PC*|[=+\\-@\t\r\n\";,\\x00-\\x1f]{0,8}.*", 1..4)) {
        let columns: Vec<SheetColumn> = (0..texts.len())
            .map(|i| SheetColumn::new(format!("C{i}"), CellKind::Text))
            .collect();
        let row: Vec<Cell> = texts.iter().map(|t| Cell::from(t.as_str())).collect();
        let csv = sheet::to_bytes(&columns, [&row[..]], &SheetOptions::default()).unwrap();
        let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(&csv[3..]);
        let record = reader.records().next().unwrap().unwrap();
        let read: Vec<&str> = record.iter().collect();
        let expected: Vec<String> = texts.iter().map(|t| sheet::neutralise(t).into_owned()).collect();
        proptest::prop_assert_eq!(read, expected);
        let xlsx = sheet::to_bytes(&columns, [&row[..]], &SheetOptions::xlsx(Locale::Fr)).unwrap();
        proptest::prop_assert!(!sheet_xml(&xlsx).contains("<f>"));
    }
}
