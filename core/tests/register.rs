//! The client register, as HippoCamp's « Registre clients » describes it.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)] // tests on fixed, valid inputs

use hospes::ClientKind;
use hospes::register::{
    InvoiceFigures, Register, RegisterColumn, RegisterConfig, RegisterEntry, RegisterQuery,
    deletion_check,
};
use serde_json::json;

fn entry(value: serde_json::Value) -> RegisterEntry {
    serde_json::from_value(value).unwrap()
}

fn today() -> hospes::NaiveDate {
    "2026-07-14".parse().unwrap()
}

/// A small campsite's file: Marie on site today, Élodie coming in August, a German family who
/// came last year, a tour operator, and a prospect who never came.
fn campsite() -> Register {
    let mut register = Register::new(RegisterConfig::default());
    let eur = |a: &str| json!({"amount": a, "currency": "EUR"});
    for e in [
        json!({"client": {"id": "C-1", "civility": "mrs", "last_name": "Dupont", "first_name": "Marie",
                "address": {"lines": ["3 rue des Lilas"], "postcode": "69003", "city": "Lyon", "country": "FR"},
                "mobile": "+33612345678", "email": "marie.dupont@example.fr", "licence_plates": ["AB-123-CD"],
                "created_at": "2025-03-02T10:00:00Z"},
               "stays": [{"reference": "312", "arrival": "2026-07-11", "departure": "2026-07-25", "status": "in_progress"}],
               "invoices": [
                 {"number": "F-1", "kind": "deposit", "issue_date": "2026-03-02", "revenue_excl_vat": eur("100.00"), "revenue_incl_vat": eur("110.00"), "due": eur("0.00")},
                 {"number": "F-2", "kind": "balance", "issue_date": "2026-06-11", "revenue_excl_vat": eur("300.00"), "revenue_incl_vat": eur("330.00"), "due": eur("130.00")}]}),
        json!({"client": {"id": "C-2", "civility": "mrs", "last_name": "Lefèvre-Dupont", "first_name": "Élodie",
                "address": {"lines": ["12 quai de la Fosse"], "postcode": "44000", "city": "Nantes", "country": "FR"},
                "landline": "+33240123456", "email": "elodie@example.fr", "created_at": "2026-02-10T10:00:00Z"},
               "stays": [{"reference": "401", "arrival": "2026-08-01", "departure": "2026-08-08", "status": "confirmed"}]}),
        json!({"client": {"id": "C-3", "civility": "family", "last_name": "Müller", "first_name": "Jürgen",
                "address": {"lines": ["Hauptstraße 5"], "postcode": "80331", "city": "München", "country": "DE"},
                "mobile": "+4915112345678", "licence_plates": ["M-JM 1234"], "created_at": "2025-01-20T10:00:00Z"},
               "stays": [{"reference": "201", "arrival": "2025-08-02", "departure": "2025-08-16", "status": "completed"}],
               "invoices": [
                 {"number": "F-0", "kind": "final", "issue_date": "2025-08-16", "revenue_excl_vat": eur("500.00"), "revenue_incl_vat": eur("550.00"), "due": eur("0.00")},
                 {"number": "A-0", "kind": "credit_note", "issue_date": "2025-08-20", "revenue_excl_vat": eur("-50.00"), "revenue_incl_vat": eur("-55.00"), "due": eur("0.00")}]}),
        json!({"client": {"id": "C-4", "company": "Voyages Soleil", "kind": "tour_operator",
                "address": {"lines": ["1 place Bellecour"], "city": "Lyon", "country": "FR"},
                "email": "resa@voyages-soleil.example", "created_at": "2024-11-05T10:00:00Z"}}),
        json!({"client": {"id": "C-5", "last_name": "García", "first_name": "Lucía", "email": "lucia@example.es",
                "address": {"city": "Sevilla", "country": "ES"}, "created_at": "2026-05-01T10:00:00Z"},
               "stays": [{"reference": "Q-9", "arrival": "2026-09-01", "departure": "2026-09-05", "status": "option"}]}),
    ] {
        register.upsert(entry(e)).unwrap();
    }
    register
}

fn whole() -> RegisterQuery {
    RegisterQuery {
        present_only: false,
        ..RegisterQuery::default()
    }
}

fn ids(register: &Register, query: &RegisterQuery) -> Vec<String> {
    register
        .search(query, today())
        .unwrap()
        .rows
        .into_iter()
        .map(|r| r.client_id)
        .collect()
}

#[test]
fn by_default_the_register_shows_only_the_clients_present_today() {
    assert_eq!(ids(&campsite(), &RegisterQuery::default()), ["C-1"]);
}

#[test]
fn a_stay_covering_today_counts_whatever_its_status() {
    let mut register = campsite();
    register
        .upsert(entry(json!({"client": {"id": "C-6", "last_name": "Annulé", "created_at": "2026-01-01T00:00:00Z"},
            "stays": [{"reference": "9", "arrival": "2026-07-10", "departure": "2026-07-20", "status": "cancelled"}]})))
        .unwrap();
    assert_eq!(ids(&register, &RegisterQuery::default()), ["C-6", "C-1"]);
}

#[test]
fn the_search_ignores_accents_case_and_punctuation() {
    let register = campsite();
    for text in ["lefevre", "LEFÈVRE", "vre-dup", "elodie", "Élo"] {
        let query = RegisterQuery {
            text: Some(text.into()),
            ..whole()
        };
        assert_eq!(ids(&register, &query), ["C-2"], "{text}");
    }
    let query = RegisterQuery {
        text: Some("muller".into()),
        ..whole()
    };
    assert_eq!(ids(&register, &query), ["C-3"]);
}

#[test]
fn a_fragment_of_a_name_or_an_email_finds_every_client_holding_it() {
    let register = campsite();
    let query = RegisterQuery {
        text: Some("dupont".into()),
        ..whole()
    };
    assert_eq!(ids(&register, &query), ["C-1", "C-2"]);
    let query = RegisterQuery {
        text: Some("voyages-soleil".into()),
        ..whole()
    };
    assert_eq!(ids(&register, &query), ["C-4"]);
}

#[test]
fn the_search_starts_at_three_characters() {
    let register = campsite();
    let query = RegisterQuery {
        text: Some("é-d".into()),
        ..whole()
    };
    let err = register.search(&query, today()).unwrap_err();
    assert_eq!(err.code(), "register.query_too_short");
}

#[test]
fn a_phone_is_found_on_its_digits_however_it_is_typed() {
    let register = campsite();
    for phone in ["06 12", "+33 6 12", "0612", "0033612", "06.12.34"] {
        let query = RegisterQuery {
            phone: Some(phone.into()),
            ..whole()
        };
        assert_eq!(ids(&register, &query), ["C-1"], "{phone}");
    }
    let query = RegisterQuery {
        phone: Some("02 40 12".into()),
        ..whole()
    };
    assert_eq!(ids(&register, &query), ["C-2"]);
}

#[test]
fn a_plate_is_found_on_its_normalised_form() {
    let register = campsite();
    for plate in ["ab123", "AB-123-CD", "b 12"] {
        let query = RegisterQuery {
            plate: Some(plate.into()),
            ..whole()
        };
        assert_eq!(ids(&register, &query), ["C-1"], "{plate}");
    }
}

#[test]
fn criteria_combine_with_and() {
    let register = campsite();
    let query = RegisterQuery {
        text: Some("dupont".into()),
        city: Some("nant".into()),
        ..whole()
    };
    assert_eq!(ids(&register, &query), ["C-2"]);
    let query = RegisterQuery {
        city: Some("lyon".into()),
        kind: Some(ClientKind::TourOperator),
        ..whole()
    };
    assert_eq!(ids(&register, &query), ["C-4"]);
    let query = RegisterQuery {
        country: Some("DE".parse().unwrap()),
        created_year: Some(2025),
        ..whole()
    };
    assert_eq!(ids(&register, &query), ["C-3"]);
}

#[test]
fn a_prospect_becomes_a_stayer_with_a_confirmed_stay() {
    let register = campsite();
    let kind = |id: &str| register.row(id, today()).unwrap().kind;
    assert_eq!(kind("C-2"), ClientKind::Stayer);
    assert_eq!(
        kind("C-5"),
        ClientKind::Prospect,
        "an option is not a stay yet"
    );
    assert_eq!(kind("C-4"), ClientKind::TourOperator);
}

#[test]
fn revenue_is_net_of_credit_notes_and_excludes_vat() {
    let register = campsite();
    let row = register.row("C-3", today()).unwrap();
    assert_eq!(row.revenue_excl_vat.amount.to_string(), "450.00");
    assert_eq!(row.revenue_incl_vat.amount.to_string(), "495.00");
    let row = register.row("C-1", today()).unwrap();
    assert_eq!(row.due.amount.to_string(), "130.00");
    assert!(row.present);
    assert_eq!(row.stays, 1);
    assert_eq!(row.last_stay.unwrap().to_string(), "2026-07-11");
}

#[test]
fn sorted_by_revenue_largest_first_then_paged() {
    let register = campsite();
    let query = RegisterQuery {
        sort: RegisterColumn::RevenueExclVat,
        descending: true,
        page_size: 2,
        ..whole()
    };
    let page = register.search(&query, today()).unwrap();
    assert_eq!(page.total, 5);
    let first: Vec<_> = page.rows.iter().map(|r| r.client_id.as_str()).collect();
    assert_eq!(first, ["C-3", "C-1"]);
    let query = RegisterQuery { page: 3, ..query };
    assert_eq!(
        ids(&register, &query),
        ["C-4"],
        "ties by name: Dupont, García, Lefèvre, Voyages"
    );
}

#[test]
fn every_column_sorts_and_the_whole_order_is_the_same_paged_or_not() {
    let register = campsite();
    for column in RegisterColumn::ALL {
        for descending in [false, true] {
            let query = RegisterQuery {
                sort: column,
                descending,
                page_size: 1000,
                ..whole()
            };
            let all = ids(&register, &query);
            assert_eq!(all.len(), 5);
            let paged: Vec<String> = (1..=3)
                .flat_map(|page| {
                    ids(
                        &register,
                        &RegisterQuery {
                            page,
                            page_size: 2,
                            ..query.clone()
                        },
                    )
                })
                .collect();
            assert_eq!(paged, all, "{column:?} {descending}");
        }
    }
}

#[test]
fn the_countries_list_shows_only_the_countries_in_the_file() {
    let countries: Vec<_> = campsite()
        .countries()
        .into_iter()
        .map(|c| (c.country.code(), c.clients))
        .collect();
    assert_eq!(countries, [("DE", 1), ("ES", 1), ("FR", 3)]);
}

#[test]
fn a_client_saved_again_replaces_their_line_and_a_removed_one_is_gone() {
    let mut register = campsite();
    register
        .upsert(entry(json!({"client": {"id": "C-2", "last_name": "Martin", "first_name": "Élodie", "created_at": "2026-02-10T10:00:00Z"}})))
        .unwrap();
    let query = RegisterQuery {
        text: Some("lefevre".into()),
        ..whole()
    };
    assert!(ids(&register, &query).is_empty());
    let query = RegisterQuery {
        text: Some("martin".into()),
        ..whole()
    };
    assert_eq!(ids(&register, &query), ["C-2"]);
    assert!(register.remove("C-2"));
    assert!(ids(&register, &query).is_empty());
    assert_eq!(register.len(), 4);
}

#[test]
fn thousands_of_changes_keep_the_index_exact() {
    let mut register = Register::new(RegisterConfig::default());
    for round in 0..3 {
        for i in 0..1500 {
            let name = if (i + round) % 2 == 0 {
                "Durand"
            } else {
                "Petit"
            };
            register
                .upsert(entry(json!({"client": {"id": format!("C-{i}"), "last_name": name, "created_at": "2026-01-01T00:00:00Z"}})))
                .unwrap();
        }
    }
    let count = |text: &str| {
        let query = RegisterQuery {
            text: Some(text.into()),
            ..whole()
        };
        register.search(&query, today()).unwrap().total
    };
    assert_eq!(count("durand"), 750);
    assert_eq!(count("petit"), 750);
    assert_eq!(register.len(), 1500);
}

#[test]
fn a_query_out_of_range_is_refused() {
    let register = campsite();
    for query in [
        RegisterQuery { page: 0, ..whole() },
        RegisterQuery {
            page_size: 0,
            ..whole()
        },
        RegisterQuery {
            page_size: 1001,
            ..whole()
        },
        RegisterQuery {
            created_year: Some(12),
            ..whole()
        },
    ] {
        assert_eq!(
            register.search(&query, today()).unwrap_err().code(),
            "register.query_invalid"
        );
    }
    let far = RegisterQuery {
        page: u32::MAX,
        page_size: 1000,
        ..whole()
    };
    let page = register.search(&far, today()).unwrap();
    assert!(page.rows.is_empty());
    assert_eq!(page.total, 5);
}

#[test]
fn an_invoice_in_another_currency_is_refused_and_the_register_is_unchanged() {
    let mut register = campsite();
    let bad = entry(
        json!({"client": {"id": "C-1", "last_name": "Dupont", "created_at": "2025-03-02T10:00:00Z"},
        "invoices": [{"number": "F-9", "kind": "final", "issue_date": "2026-01-01",
            "revenue_excl_vat": {"amount": "1", "currency": "USD"}, "revenue_incl_vat": {"amount": "1", "currency": "USD"},
            "due": {"amount": "0", "currency": "USD"}}]}),
    );
    assert_eq!(
        register.upsert(bad).unwrap_err().code(),
        "money.currency_mismatch"
    );
    assert_eq!(
        register.row("C-1", today()).unwrap().first_name.as_deref(),
        Some("Marie")
    );
}

#[test]
fn notes_never_reach_the_register() {
    let mut register = Register::new(RegisterConfig::default());
    register
        .upsert(entry(
            json!({"client": {"id": "C-1", "last_name": "Dupont", "notes": "Secret: allergique",
            "created_at": "2026-01-01T00:00:00Z"}}),
        ))
        .unwrap();
    let row = register.row("C-1", today()).unwrap();
    assert!(!serde_json::to_string(&row).unwrap().contains("allergique"));
    let query = RegisterQuery {
        text: Some("allergique".into()),
        ..whole()
    };
    assert_eq!(register.search(&query, today()).unwrap().total, 0);
}

fn invoice() -> hospes::invoice::Invoice {
    let data: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/invoicing.json"
        ))
        .unwrap(),
    )
    .unwrap();
    serde_json::from_value(data["deposit_invoice"].clone()).unwrap()
}

#[test]
fn a_client_who_was_invoiced_cannot_be_deleted_even_after_a_cancellation() {
    let invoice = invoice();
    let client: hospes::Client = serde_json::from_value(json!({
        "id": invoice.customer.client_id, "last_name": "Dupont", "created_at": "2026-01-01T00:00:00Z"}))
    .unwrap();
    let err = deletion_check(&client, std::slice::from_ref(&invoice), &[], &[]).unwrap_err();
    assert_eq!(err.code(), "client.invoiced");
    assert!(err.to_string().contains(invoice.number.as_deref().unwrap()));
    let mut cancelled = invoice.clone();
    cancelled.status = hospes::invoice::InvoiceStatus::Cancelled;
    assert_eq!(
        deletion_check(&client, &[cancelled], &[], &[])
            .unwrap_err()
            .code(),
        "client.invoiced"
    );
}

#[test]
fn a_client_never_invoiced_goes_with_their_companions_stays_and_accounts() {
    let client: hospes::Client = serde_json::from_value(json!({
        "id": "C-7", "last_name": "Petit", "link_version": 3,
        "companions": [{"first_name": "Léo", "last_name": "Petit"}], "created_at": "2026-01-01T00:00:00Z"}))
    .unwrap();
    let stay: hospes::Stay = serde_json::from_value(json!({"reference": "Q-1", "client_id": "C-7",
        "accommodation": "Pitch", "arrival": "2026-08-01", "departure": "2026-08-05", "status": "option", "currency": "EUR"}))
    .unwrap();
    let deletion = deletion_check(&client, &[], std::slice::from_ref(&stay), &[]).unwrap();
    assert_eq!(deletion.stays, ["Q-1"]);
    assert_eq!(deletion.companions.len(), 1);
    assert_eq!(deletion.link_version, 4);
    let mut other = stay;
    other.client_id = "C-8".into();
    assert_eq!(
        deletion_check(&client, &[], &[other], &[])
            .unwrap_err()
            .code(),
        "client.record_foreign"
    );
}

#[test]
fn an_invoice_adds_its_revenue_without_the_tourist_tax() {
    let invoice = invoice();
    let figures = InvoiceFigures::of(&invoice, &[]).unwrap();
    assert_eq!(figures.due, *invoice.total());
    let mut draft = invoice;
    draft.number = None;
    assert_eq!(
        InvoiceFigures::of(&draft, &[]).unwrap_err().code(),
        "invoice.not_issued"
    );
}

#[test]
fn names_alike_for_sixteen_letters_still_sort_in_full_both_ways() {
    let mut register = Register::new(RegisterConfig::default());
    for (id, first) in [
        ("C-1", "Zofia"),
        ("C-2", "Adam"),
        ("C-3", "Łukasz"),
        ("C-4", "Adam"),
    ] {
        register
            .upsert(entry(
                json!({"client": {"id": id, "last_name": "Wiśniewska-Kamińska", "first_name": first,
                "created_at": "2026-01-01T00:00:00Z"}}),
            ))
            .unwrap();
    }
    let up = RegisterQuery {
        text: Some("kaminska".into()),
        ..whole()
    };
    assert_eq!(ids(&register, &up), ["C-2", "C-4", "C-3", "C-1"]);
    let down = RegisterQuery {
        descending: true,
        ..up
    };
    assert_eq!(
        ids(&register, &down),
        ["C-1", "C-3", "C-2", "C-4"],
        "ties by id stay ascending"
    );
}

/// A change to the register: a client saved (id, last name, first name, arrival day) or
/// removed, or the register tidied.
#[derive(Debug, Clone)]
enum Change {
    Save(u16, &'static str, &'static str, u8),
    Remove(u16),
    Tidy,
}

fn change() -> impl proptest::strategy::Strategy<Value = Change> {
    use proptest::prelude::*;
    // Few names, some alike for sixteen letters and more, so that ties are common.
    let last = prop::sample::select(vec![
        "Dupont",
        "Dupond",
        "Wiśniewska-Kamińska",
        "Wisniewska-Kaminski",
        "Marín",
        "Martin",
        "",
        "Ôde",
    ]);
    let first = prop::sample::select(vec!["Marie", "Mario", "", "Zoé", "Adam"]);
    prop_oneof![
        6 => (0u16..60, last, first, 0u8..20).prop_map(|(i, l, f, d)| Change::Save(i, l, f, d)),
        2 => (0u16..60).prop_map(Change::Remove),
        1 => Just(Change::Tidy),
    ]
}

/// The register's order by name, said plainly: the folded last name (else the company), then
/// the first name, then the id — descending reverses the names, never the ids.
fn by_name(register: &Register, descending: bool) -> Vec<String> {
    let query = RegisterQuery {
        page_size: 1000,
        ..whole()
    };
    let mut rows = register.search(&query, today()).unwrap().rows;
    rows.reverse();
    let key = |r: &hospes::register::RegisterRow| {
        let last = r
            .last_name
            .clone()
            .or(r.company.clone())
            .unwrap_or_default();
        let first = r.first_name.clone().unwrap_or_default();
        format!(
            "{}\0{}",
            hospes::register::fold(&last),
            hospes::register::fold(&first)
        )
    };
    rows.sort_by(|a, b| {
        let names = key(a).cmp(&key(b));
        let names = if descending { names.reverse() } else { names };
        names.then_with(|| a.client_id.cmp(&b.client_id))
    });
    rows.into_iter().map(|r| r.client_id).collect()
}

proptest::proptest! {
    /// Tidied or not, after any saves and removals, every page in every order is the same, and
    /// the order by name is the plain one.
    #[test]
    fn a_tidied_register_finds_and_orders_as_an_untidy_one(
        changes in proptest::collection::vec(change(), 1..200),
        page_size in 1u32..7,
    ) {
        let mut tidied = Register::new(RegisterConfig::default());
        let mut untidy = Register::new(RegisterConfig::default());
        for change in &changes {
            match *change {
                Change::Save(i, last, first, day) => {
                    let arrival = format!("2026-07-{:02}", day + 1);
                    let e = entry(json!({"client": {"id": format!("C-{i}"), "last_name": last, "first_name": first,
                        "company": "Camping Ô Lac", "created_at": "2026-01-01T00:00:00Z"},
                        "stays": [{"reference": "1", "arrival": arrival, "departure": "2026-07-25", "status": "confirmed"}]}));
                    tidied.upsert(e.clone()).unwrap();
                    untidy.upsert(e).unwrap();
                }
                Change::Remove(i) => {
                    let id = format!("C-{i}");
                    proptest::prop_assert_eq!(tidied.remove(&id), untidy.remove(&id));
                }
                Change::Tidy => tidied.tidy(),
            }
        }
        for descending in [false, true] {
            let expected = by_name(&untidy, descending);
            for column in [RegisterColumn::LastName, RegisterColumn::FirstName, RegisterColumn::NextStay] {
                for text in [None, Some("dup"), Some("mar"), Some("kamin")] {
                    for present_only in [false, true] {
                        let query = RegisterQuery { text: text.map(Into::into), sort: column, descending, present_only, page_size, ..RegisterQuery::default() };
                        for page in 1..=4 {
                            let query = RegisterQuery { page, ..query.clone() };
                            let a = tidied.search(&query, today()).unwrap();
                            let b = untidy.search(&query, today()).unwrap();
                            proptest::prop_assert_eq!(a.total, b.total);
                            proptest::prop_assert_eq!(&a.rows, &b.rows, "{:?} {} page {}", column, descending, page);
                        }
                    }
                }
            }
            let query = RegisterQuery { descending, page_size: 1000, ..whole() };
            let got: Vec<String> = tidied.search(&query, today()).unwrap().rows.into_iter().map(|r| r.client_id).collect();
            proptest::prop_assert_eq!(got, expected);
        }
    }
}
