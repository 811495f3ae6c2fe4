//! Next summer priced from the campsite's catalogue.

use crate::section;
use hospes::Locale;

/// The price list of the campsite, and the booking widget asking it for prices: the catalogue,
/// for the quote.
pub fn pricing() -> hospes::Result<hospes::pricing::Catalogue> {
    use hospes::pricing::{self, Catalogue, PriceRequest};
    section("Prices for next summer, from the campsite's catalogue");
    let catalogue: Catalogue =
        hospes::wire::from_json(include_str!("../../../core/tests/data/catalogue.json"))?;
    pricing::check_catalogue(&catalogue)?;
    println!(
        "{} units, {} seasons, {} rates, {} options, {} promo codes",
        catalogue.units.len(),
        catalogue.seasons.len(),
        catalogue.rates.len(),
        catalogue.supplements.len(),
        catalogue.promo_codes.len()
    );
    let booked_on = "2026-02-15T10:00:00Z".parse().unwrap_or_default();
    let request: PriceRequest = hospes::wire::from_json(
        r#"{"unit": "E12", "arrival": "2026-06-22", "departure": "2026-07-06",
            "guests": [{}, {}, {"birth_date": "2016-05-02"}, {"birth_date": "2024-08-15"}],
            "supplements": [{"id": "dog"}], "promo_code": "printemps"}"#,
    )?;
    let priced = pricing::price(&catalogue, &request, booked_on)?;
    println!(
        "Marie's family, {} nights on pitch {} (two adults, Léa 10, Hugo 1, a dog), code PRINTEMPS:",
        priced.nights, priced.unit
    );
    for (line, total) in priced.lines.iter().zip(&priced.totals.lines) {
        println!(
            "  {:<88} {:>4} × {:>7} {:>11}",
            line.label,
            line.quantity.to_string(),
            line.unit_price.amount.to_string(),
            total.amount.to_string()
        );
    }
    println!("  total {}", priced.totals.vat.total_incl_vat);
    for installment in &priced.schedule {
        println!(
            "  {:?} {} due on {}",
            installment.kind, installment.amount, installment.due_on
        );
    }
    println!("The options the booking form offers for this stay, described in French:");
    for offer in pricing::options(&catalogue, &request, booked_on)? {
        let state = match (&offer.unavailable_reason, offer.available) {
            (_, true) => "available".to_owned(),
            (Some(reason), false) => format!("not now ({reason})"),
            (None, false) => "not now".to_owned(),
        };
        println!(
            "  {:<24} +{:>11}  {:<16} {}",
            offer.name,
            offer.amount.to_string(),
            state,
            offer.description.as_deref().unwrap_or("")
        );
    }
    let refused: [(&str, &str); 3] = [
        (
            r#"{"unit": "MH3", "arrival": "2026-07-12", "departure": "2026-07-19", "guests": [{}]}"#,
            "2026-02-15T10:00:00Z",
        ),
        (
            r#"{"unit": "MH3", "arrival": "2026-06-10", "departure": "2026-06-13", "guests": [{}], "supplements": [{"id": "linen"}]}"#,
            "2026-06-09T08:00:00Z",
        ),
        (
            r#"{"unit": "E12", "arrival": "2026-07-11", "departure": "2026-07-18", "guests": [{}], "promo_code": "ETE10"}"#,
            "2026-02-15T10:00:00Z",
        ),
    ];
    println!("What the booking widget answers when it cannot:");
    for (json, at) in refused {
        let request: PriceRequest = hospes::wire::from_json(json)?;
        if let Err(err) = pricing::price(&catalogue, &request, at.parse().unwrap_or_default()) {
            println!("  {:<34} {}", err.code(), err.message(Locale::Fr));
        }
    }
    // The booking widget's grid: every unit for the Saturdays of July, in one call.
    let asked: pricing::GridRequest = hospes::wire::from_json(
        r#"{"units": ["E12", "MH3", "CH1"], "arrivals": ["2026-07-04", "2026-07-11", "2026-07-18", "2026-07-25"],
            "nights": 7, "guests": [{}, {}, {"birth_date": "2016-05-02"}],
            "calendars": [{"unit": "MH3", "unavailable": [{"from": "2026-07-14", "to": "2026-07-16"}]}]}"#,
    )?;
    let grid = pricing::grid(&catalogue, &asked, booked_on)?;
    println!("The booking widget's grid, a week from each Saturday of July (one call):");
    println!(
        "  {:<6}{}",
        "",
        grid.arrivals
            .iter()
            .map(|d| format!("{:>26}", d.format("%d/%m")))
            .collect::<String>()
    );
    for row in &grid.rows {
        let cells: String = row
            .cells
            .iter()
            .map(|c| match (&c.total, &c.refused) {
                (Some(total), _) => format!("{:>26}", format!("{total} {}", grid.currency)),
                (None, Some(code)) => format!("{code:>26}"),
                (None, None) => format!("{:>26}", "-"),
            })
            .collect();
        println!("  {:<6}{cells}", row.unit);
    }
    Ok(catalogue)
}
