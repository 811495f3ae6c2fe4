//! The client register: the business's own view of its file — searched, sorted, exported,
//! and a deletion refused.

use crate::section;
use hospes::Client;
use hospes::register::{Register, RegisterColumn, RegisterEntry, RegisterQuery, StayDates};
use hospes::sheet::{SheetFormat, SheetOptions};

fn client(json: &str) -> hospes::Result<Client> {
    hospes::wire::from_json(json)
}

/// Marie and four other clients in the register: who is on site today, a search typed without
/// accents, a phone typed the French way, the register sorted by revenue, exported as CSV and
/// XLSX to `target/tour/`, Marie's record that cannot be deleted once she is invoiced, and
/// Lucía, who asks to be forgotten: erased, she no longer matches any search.
pub fn register(
    camping: &hospes::Establishment,
    marie: &Client,
    july_14: hospes::DateTime<hospes::Utc>,
) -> hospes::Result<()> {
    section("The client register");
    let mut register = Register::new(Default::default());
    let stay = |reference: &str,
                arrival: &str,
                departure: &str,
                status: &str|
     -> hospes::Result<StayDates> {
        hospes::wire::from_json(&format!(
            r#"{{"reference": "{reference}", "arrival": "{arrival}", "departure": "{departure}", "status": "{status}"}}"#
        ))
    };
    let figures = |number: &str,
                   excl: &str,
                   incl: &str|
     -> hospes::Result<hospes::register::InvoiceFigures> {
        hospes::wire::from_json(&format!(
            r#"{{"number": "{number}", "kind": "final", "issue_date": "2025-08-16",
                "revenue_excl_vat": {{"amount": "{excl}", "currency": "EUR"}},
                "revenue_incl_vat": {{"amount": "{incl}", "currency": "EUR"}}, "due": {{"amount": "0.00", "currency": "EUR"}}}}"#
        ))
    };
    register.upsert(RegisterEntry {
        client: marie.clone(),
        stays: vec![stay("312", "2026-07-11", "2026-07-18", "in_progress")?],
        invoices: vec![figures("FA26030042", "270.68", "300.00")?],
    })?;
    let others = [
        (
            r#"{"id": "C-2001", "civility": "mrs", "last_name": "Lefèvre", "first_name": "Élodie", "mobile": "+33698765432",
             "address": {"city": "Nantes", "country": "FR"}, "created_at": "2024-05-02T08:00:00Z"}"#,
            vec![stay("201", "2025-08-02", "2025-08-16", "completed")?],
            vec![figures("FA25080007", "1240.00", "1364.00")?],
        ),
        (
            r#"{"id": "C-2002", "civility": "family", "last_name": "Müller", "first_name": "Jürgen", "licence_plates": ["M-JM 1234"],
             "address": {"city": "München", "country": "DE"}, "created_at": "2025-01-20T08:00:00Z"}"#,
            vec![stay("330", "2026-07-12", "2026-07-26", "confirmed")?],
            vec![],
        ),
        (
            r#"{"id": "C-2003", "last_name": "Núñez", "first_name": "Lucía", "email": "lucia.nunez@example.es",
             "address": {"city": "Sevilla", "country": "ES"}, "created_at": "2026-03-11T08:00:00Z"}"#,
            vec![stay("Q-12", "2026-09-01", "2026-09-05", "option")?],
            vec![],
        ),
        (
            r#"{"id": "C-2004", "company": "Voyages Soleil", "kind": "tour_operator", "email": "resa@voyages-soleil.example",
             "address": {"lines": ["1 place Bellecour"], "city": "Lyon", "country": "FR"}, "created_at": "2023-11-05T08:00:00Z"}"#,
            vec![],
            vec![],
        ),
    ];
    for (json, stays, invoices) in others {
        register.upsert(RegisterEntry {
            client: client(json)?,
            stays,
            invoices,
        })?;
    }
    let today = register.today(july_14);
    let show = |title: &str, query: &RegisterQuery| -> hospes::Result<()> {
        let page = register.search(query, today)?;
        println!("  {title}: {} client(s)", page.total);
        for row in &page.rows {
            println!(
                "    {:<8} {:<24} {:<10} since {}  stays {}  CA HT {:>8}  {}",
                row.client_id,
                row.to_client().display_name(),
                format!("{:?}", row.kind).to_lowercase(),
                row.created_on,
                row.stays,
                row.revenue_excl_vat.amount,
                if row.present { "present" } else { "" }
            );
        }
        Ok(())
    };
    show("On site today (the default)", &RegisterQuery::default())?;
    let whole = RegisterQuery {
        present_only: false,
        ..RegisterQuery::default()
    };
    show(
        "Searching « lefevre » (typed without accent)",
        &RegisterQuery {
            text: Some("lefevre".into()),
            ..whole.clone()
        },
    )?;
    show(
        "Phone « 06 98 76 »",
        &RegisterQuery {
            phone: Some("06 98 76".into()),
            ..whole.clone()
        },
    )?;
    show(
        "By revenue, largest first",
        &RegisterQuery {
            sort: RegisterColumn::RevenueExclVat,
            descending: true,
            ..whole.clone()
        },
    )?;
    let countries: Vec<String> = register
        .countries()
        .iter()
        .map(|c| format!("{} ({})", c.country.code(), c.clients))
        .collect();
    println!("  Countries in the file: {}", countries.join(", "));
    let two_letters = RegisterQuery {
        text: Some("mü".into()),
        ..whole.clone()
    };
    if let Err(err) = register.search(&two_letters, today) {
        println!("  Two letters typed: {}", err.message(hospes::Locale::Fr));
    }

    std::fs::create_dir_all("target/tour").map_err(io)?;
    for (name, format) in [
        ("register.csv", SheetFormat::Csv),
        ("register.xlsx", SheetFormat::Xlsx),
    ] {
        let file = std::fs::File::create(format!("target/tour/{name}")).map_err(io)?;
        let options = SheetOptions {
            format,
            ..SheetOptions::csv(hospes::Locale::Fr)
        };
        let (_, rows) =
            register.export(&whole, today, &[], &options, std::io::BufWriter::new(file))?;
        println!("  Exported {rows} clients to target/tour/{name}");
    }
    let data = crate::read_json(include_str!("../../../core/tests/data/invoicing.json"))?;
    let invoice: hospes::invoice::Invoice = crate::from_field(&data, "deposit_invoice")?;
    if let Err(refused) = hospes::register::deletion_check(marie, &[invoice], &[], &[]) {
        println!("  Deleting Marie: {}", refused.message(hospes::Locale::Fr));
    }

    // Lucía asks to be forgotten (GDPR art. 17): only an option, never invoiced.
    let lucia = register.row("C-2003", today)?.to_client();
    let records = hospes::gdpr::GdprRecords::new(lucia);
    let erasure = hospes::gdpr::erase(&records, camping, july_14)?;
    register.upsert(RegisterEntry {
        client: erasure.client.clone(),
        stays: vec![],
        invoices: vec![],
    })?;
    let found = register
        .search(
            &RegisterQuery {
                text: Some("nunez".into()),
                ..whole
            },
            today,
        )?
        .total;
    println!(
        "  Lucía erased: now « {} », « nunez » finds {found} client(s)",
        erasure.pseudonym
    );
    Ok(())
}

fn io(err: std::io::Error) -> hospes::Error {
    hospes::Error::Internal {
        detail: err.to_string(),
    }
}
