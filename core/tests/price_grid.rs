//! The price grid of a booking widget: every pitch and chalet for every Saturday of the season,
//! one week, one family — in one call, each cell exactly what pricing the stay alone answers.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use common::{at, catalogue};
use hospes::NaiveDate;
use hospes::pricing::{self, GridRequest, PriceRequest, PricedGuest, SupplementChoice};
use proptest::prelude::*;

fn grid_request(json: &str) -> GridRequest {
    serde_json::from_str(json).unwrap()
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// The request `pricing.price` gets for one cell of `request`.
fn cell_request(request: &GridRequest, unit: &str, arrival: NaiveDate) -> PriceRequest {
    PriceRequest {
        unit: unit.into(),
        arrival,
        departure: arrival + chrono::Days::new(request.nights.into()),
        guests: request.guests.clone(),
        supplements: request.supplements.clone(),
        promo_code: request.promo_code.clone(),
        stage: pricing::BookingStage::Booking,
        unavailable: request
            .calendars
            .iter()
            .filter(|c| c.unit == unit)
            .flat_map(|c| c.unavailable.clone())
            .collect(),
        locale: hospes::Locale::default(),
    }
}

#[test]
fn every_saturday_of_the_summer_for_every_unit_in_one_call() {
    let saturdays: Vec<String> = (0..13)
        .map(|w| (day("2026-06-06") + chrono::Days::new(7 * w)).to_string())
        .collect();
    let request = grid_request(&format!(
        r#"{{"units": ["E12", "MH3", "CH1"], "arrivals": {}, "nights": 7,
             "guests": [{{}}, {{}}, {{"birth_date": "2016-05-02"}}], "supplements": [{{"id": "dog"}}]}}"#,
        serde_json::to_string(&saturdays).unwrap()
    ));
    let grid = pricing::grid(&catalogue(), &request, at("2026-02-15T10:00:00Z")).unwrap();
    assert_eq!(grid.rows.len(), 3);
    assert_eq!(grid.nights, 7);
    assert_eq!(grid.arrivals.len(), 13);
    for row in &grid.rows {
        assert_eq!(row.cells.len(), 13);
        for (cell, arrival) in row.cells.iter().zip(&grid.arrivals) {
            let alone = pricing::price(
                &catalogue(),
                &cell_request(&request, &row.unit, *arrival),
                at("2026-02-15T10:00:00Z"),
            );
            match alone {
                Ok(priced) => {
                    assert_eq!(cell.total, Some(priced.totals.vat.total_incl_vat.amount));
                    assert_eq!(cell.due_at_booking, Some(priced.schedule[0].amount.amount));
                    assert!(cell.refused.is_none());
                }
                Err(err) => {
                    assert_eq!(cell.refused.as_deref(), Some(err.code()));
                    assert!(cell.total.is_none() && cell.due_at_booking.is_none());
                }
            }
        }
    }
    assert!(
        grid.rows
            .iter()
            .flat_map(|r| &r.cells)
            .any(|c| c.total.is_some()),
        "some weeks are priced"
    );
}

#[test]
fn a_mobile_home_taken_in_july_is_refused_on_the_week_that_touches_it_only() {
    let request = grid_request(
        r#"{"units": ["MH3", "E12"], "arrivals": ["2026-07-04", "2026-07-11", "2026-07-18"], "nights": 7,
            "guests": [{}, {}], "calendars": [{"unit": "MH3", "unavailable": [{"from": "2026-07-12", "to": "2026-07-13"}]}]}"#,
    );
    let grid = pricing::grid(&catalogue(), &request, at("2026-02-15T10:00:00Z")).unwrap();
    let mobile_home = &grid.rows[0];
    assert_eq!(
        mobile_home.cells[1].refused.as_deref(),
        Some("pricing.unit_unavailable")
    );
    assert_eq!(
        mobile_home.cells[0].total.unwrap().to_string(),
        "992.32",
        "980.00 the week, and the tourist tax"
    );
    assert!(mobile_home.cells[2].total.is_some());
    assert!(
        grid.rows[1].cells.iter().all(|c| c.total.is_some()),
        "another unit's calendar does not apply"
    );
}

#[test]
fn an_unknown_unit_is_a_row_of_refusals_not_an_error() {
    let request = grid_request(
        r#"{"units": ["ZZ9"], "arrivals": ["2026-07-04"], "nights": 7, "guests": [{}]}"#,
    );
    let grid = pricing::grid(&catalogue(), &request, at("2026-02-15T10:00:00Z")).unwrap();
    assert_eq!(
        grid.rows[0].cells[0].refused.as_deref(),
        Some("pricing.unit_unknown")
    );
}

#[test]
fn a_grid_past_twenty_thousand_cells_is_refused_before_anything_is_priced() {
    let mut request = grid_request(r#"{"units": [], "arrivals": [], "nights": 7, "guests": [{}]}"#);
    request.units = (0..200).map(|i| format!("U{i}")).collect();
    request.arrivals = (0..101)
        .map(|i| day("2026-01-01") + chrono::Days::new(i))
        .collect();
    let err = pricing::grid(&catalogue(), &request, at("2026-02-15T10:00:00Z")).unwrap_err();
    assert_eq!(err.code(), "pricing.grid_too_large");
    assert!(
        err.message(hospes::Locale::Fr).contains("20 000")
            || err.message(hospes::Locale::Fr).contains("20000")
    );
    request.arrivals.truncate(100);
    assert!(pricing::grid(&catalogue(), &request, at("2026-02-15T10:00:00Z")).is_ok());
}

#[test]
fn a_grid_of_no_night_or_nobody_is_refused_whole() {
    let refused = |json: &str| {
        pricing::grid(
            &catalogue(),
            &grid_request(json),
            at("2026-02-15T10:00:00Z"),
        )
        .unwrap_err()
        .code()
    };
    assert_eq!(
        refused(r#"{"units": ["E12"], "arrivals": ["2026-07-04"], "nights": 0, "guests": [{}]}"#),
        "stay.period_invalid"
    );
    assert_eq!(
        refused(r#"{"units": ["E12"], "arrivals": ["2026-07-04"], "nights": 7, "guests": []}"#),
        "field.required"
    );
    assert_eq!(
        refused(r#"{"units": ["E12"], "arrivals": ["2026-07-04"], "nights": 400, "guests": [{}]}"#),
        "pricing.above_maximum_stay"
    );
}

#[test]
fn the_last_arrival_date_there_is_is_a_refused_cell_not_a_panic() {
    let request = grid_request(
        r#"{"units": ["E12"], "arrivals": ["+262142-12-25"], "nights": 7, "guests": [{}]}"#,
    );
    if let Ok(grid) = pricing::grid(&catalogue(), &request, at("2026-02-15T10:00:00Z")) {
        assert!(grid.rows[0].cells[0].refused.is_some());
    }
}

proptest! {
    #![proptest_config(common::proptest_config())]

    #[test]
    fn the_grid_agrees_with_pricing_each_stay_alone(
        units in proptest::sample::subsequence(vec!["E12", "MH3", "CH1", "ZZ9"], 1..4),
        offsets in proptest::collection::vec(0u64..420, 1..12),
        nights in 1u32..22,
        guests in 1usize..8,
        dog: bool,
        promo in proptest::option::of(proptest::sample::select(vec!["HIVER2026", "PRINTEMPS", "ETE10", "MENAGE", "NOPE"])),
        taken in proptest::option::of((0u64..420, 0u64..10)),
    ) {
        let start = day("2026-03-01");
        let mut request = grid_request(r#"{"units": [], "arrivals": [], "nights": 1, "guests": []}"#);
        request.units = units.iter().map(|u| (*u).to_owned()).collect();
        request.arrivals = offsets.iter().map(|o| start + chrono::Days::new(*o)).collect();
        request.nights = nights;
        request.guests = (0..guests).map(|i| PricedGuest {
            birth_date: (i % 3 == 2).then(|| day("2018-01-01")),
        }).collect();
        if dog {
            request.supplements = vec![SupplementChoice { id: "dog".into(), quantity: 1 }];
        }
        request.promo_code = promo.map(str::to_owned);
        if let Some((from, length)) = taken {
            let from = start + chrono::Days::new(from);
            request.calendars = vec![pricing::UnitCalendar {
                unit: "E12".into(),
                unavailable: vec![pricing::Period { from, to: from + chrono::Days::new(length) }],
            }];
        }
        let now = at("2026-02-15T10:00:00Z");
        let grid = pricing::grid(&catalogue(), &request, now).unwrap();
        prop_assert_eq!(grid.rows.len(), request.units.len());
        for (row, unit) in grid.rows.iter().zip(&request.units) {
            prop_assert_eq!(&row.unit, unit);
            for (cell, arrival) in row.cells.iter().zip(&request.arrivals) {
                match pricing::price(&catalogue(), &cell_request(&request, unit, *arrival), now) {
                    Ok(priced) => {
                        prop_assert_eq!(cell.total, Some(priced.totals.vat.total_incl_vat.amount));
                        prop_assert_eq!(cell.due_at_booking, Some(priced.schedule[0].amount.amount));
                    }
                    Err(err) => prop_assert_eq!(cell.refused.as_deref(), Some(err.code())),
                }
            }
        }
    }
}
