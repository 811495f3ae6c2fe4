//! Pricing, in the words of the seeds: a campsite pitch in July–August with children and a dog,
//! a week rental arriving on Saturdays only, a winter promo code, options and their conditions.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use common::{at, catalogue};
use hospes::pricing::{self, InstallmentKind, PriceRequest, PricedStay};
use hospes::{LineKind, Money};
use proptest::prelude::*;

fn request(json: &str) -> PriceRequest {
    serde_json::from_str(json).unwrap()
}

fn eur(amount: &str) -> Money {
    Money::parse(amount, "EUR").unwrap()
}

fn price(json: &str, now: &str) -> hospes::Result<PricedStay> {
    pricing::price(&catalogue(), &request(json), at(now))
}

fn code(result: hospes::Result<PricedStay>) -> &'static str {
    result.unwrap_err().code()
}

/// (label, quantity, unit price) of every line, for readable assertions.
fn lines(priced: &PricedStay) -> Vec<(String, String, String)> {
    priced
        .lines
        .iter()
        .map(|l| {
            (
                l.label.clone(),
                l.quantity.to_string(),
                l.unit_price.amount.to_string(),
            )
        })
        .collect()
}

fn line(label: &str, quantity: &str, price: &str) -> (String, String, String) {
    (label.into(), quantity.into(), price.into())
}

const FAMILY: &str = r#"[{}, {}, {"birth_date": "2016-05-02"}, {"birth_date": "2024-08-15"}]"#;

#[test]
fn the_example_catalogue_is_valid() {
    pricing::check_catalogue(&catalogue()).unwrap();
}

#[test]
fn a_campsite_pitch_in_july_with_two_children_and_a_dog() {
    let priced = price(
        &format!(
            r#"{{"unit": "E12", "arrival": "2026-07-11", "departure": "2026-07-25", "guests": {FAMILY},
                "supplements": [{{"id": "dog"}}]}}"#
        ),
        "2026-03-01T10:00:00Z",
    )
    .unwrap();
    assert_eq!(
        lines(&priced),
        vec![
            line("Emplacement confort — Haute saison", "14", "32.00"),
            line(
                "Emplacement confort — Haute saison — personne supplémentaire — Enfant 3–12 ans",
                "14",
                "3.75"
            ),
            line("Remise séjour de 14 nuits (5 %)", "1", "-25.03"),
            line("Chien", "14", "3.50"),
            line("Électricité 10 A", "14", "4.80"),
            line("Taxe de séjour", "28", "0.88"),
        ]
    );
    assert_eq!(priced.totals.vat.total_incl_vat, eur("616.31"));
    assert_eq!(priced.nights, 14);
    // The deposit at booking, the balance thirty days before arrival.
    let schedule: Vec<_> = priced
        .schedule
        .iter()
        .map(|i| (i.kind, i.due_on.to_string(), i.amount.to_string()))
        .collect();
    assert_eq!(
        schedule,
        vec![
            (
                InstallmentKind::Deposit,
                "2026-03-01".into(),
                "184.89 EUR".into()
            ),
            (
                InstallmentKind::Balance,
                "2026-06-11".into(),
                "431.42 EUR".into()
            ),
        ]
    );
}

#[test]
fn the_toddler_is_free_and_the_parents_are_in_the_pitch_price() {
    let priced = price(
        r#"{"unit": "E12", "arrival": "2026-07-11", "departure": "2026-07-14", "guests": [{}, {"birth_date": "2025-01-01"}, {}]}"#,
        "2026-03-01T10:00:00Z",
    )
    .unwrap();
    // The two dearest guests (the adults) are included; the toddler costs nothing.
    assert_eq!(
        lines(&priced)[..2].to_vec(),
        vec![
            line("Emplacement confort — Haute saison", "3", "32.00"),
            line("Électricité 10 A", "3", "4.80"),
        ]
    );
}

#[test]
fn a_week_rental_arrives_on_saturdays_only() {
    let week = r#"{"unit": "MH3", "arrival": "2026-07-11", "departure": "2026-07-18", "guests": [{}, {}, {}, {}]}"#;
    let priced = price(week, "2026-03-01T10:00:00Z").unwrap();
    assert_eq!(
        lines(&priced),
        vec![
            line(
                "Mobil-home 3 chambres — Haute saison (semaine)",
                "1",
                "980.00"
            ),
            line("Taxe de séjour", "28", "0.88"),
        ]
    );
    assert_eq!(priced.totals.vat.total_incl_vat, eur("1004.64"));
    let sunday =
        r#"{"unit": "MH3", "arrival": "2026-07-12", "departure": "2026-07-19", "guests": [{}]}"#;
    let err = price(sunday, "2026-03-01T10:00:00Z").unwrap_err();
    assert_eq!(err.code(), "pricing.arrival_day_not_allowed");
    assert!(err.message(hospes::Locale::Fr).contains("samedi"));
}

#[test]
fn ten_nights_of_a_weekly_rate_are_a_week_and_three_sevenths() {
    let priced = price(
        r#"{"unit": "MH3", "arrival": "2026-07-11", "departure": "2026-07-21", "guests": [{}], "locale": "en"}"#,
        "2026-03-01T10:00:00Z",
    )
    .unwrap();
    assert_eq!(
        lines(&priced)[..2].to_vec(),
        vec![
            line("Mobil-home 3 chambres — Haute saison (week)", "1", "980.00"),
            line(
                "Mobil-home 3 chambres — Haute saison (night)",
                "3",
                "140.00"
            ),
        ]
    );
}

#[test]
fn a_stay_under_the_minimum_is_refused() {
    let short =
        r#"{"unit": "MH3", "arrival": "2026-07-11", "departure": "2026-07-14", "guests": [{}]}"#;
    let err = price(short, "2026-03-01T10:00:00Z").unwrap_err();
    assert_eq!(err, hospes::Error::BelowMinimumStay { nights: 3, min: 7 });
}

#[test]
fn the_winter_promo_code_takes_fifteen_percent_off_a_chalet_whatever_its_case() {
    let priced = price(
        r#"{"unit": "CH1", "arrival": "2026-12-19", "departure": "2026-12-26",
            "guests": [{}, {}, {"birth_date": "2018-03-01"}], "promo_code": " hiver2026 "}"#,
        "2026-11-01T10:00:00Z",
    )
    .unwrap();
    assert_eq!(
        lines(&priced),
        vec![
            line("Chalet du lac — Hiver — adulte", "14", "45.00"),
            line("Chalet du lac — Hiver — Enfant 3–12 ans", "7", "22.50"),
            line("Code promo HIVER2026", "1", "-118.13"),
            line("Taxe de séjour", "14", "0.88"),
        ]
    );
    assert_eq!(priced.promo.as_ref().unwrap().discount, eur("118.13"));
    assert_eq!(priced.totals.vat.total_incl_vat, eur("681.69"));
}

#[test]
fn a_fixed_promo_is_split_across_vat_rates_and_replaces_the_length_discount() {
    // Fourteen nights across three seasons (a weekend rate inside mid season), two age bands,
    // a dog, electricity, a promo code and the tourist tax: the benchmarked request.
    let priced = price(
        &format!(
            r#"{{"unit": "E12", "arrival": "2026-06-22", "departure": "2026-07-06", "guests": {FAMILY},
                "supplements": [{{"id": "dog"}}], "promo_code": "PRINTEMPS"}}"#
        ),
        "2026-02-15T10:00:00Z",
    )
    .unwrap();
    assert_eq!(
        lines(&priced),
        vec![
            line("Emplacement confort — Moyenne saison", "9", "24.00"),
            line(
                "Emplacement confort — Moyenne saison — personne supplémentaire — Enfant 3–12 ans",
                "9",
                "3.00"
            ),
            line(
                "Emplacement confort — Moyenne saison, week-end",
                "3",
                "28.00"
            ),
            line(
                "Emplacement confort — Moyenne saison, week-end — personne supplémentaire — Enfant 3–12 ans",
                "3",
                "3.00"
            ),
            line("Emplacement confort — Haute saison", "2", "32.00"),
            line(
                "Emplacement confort — Haute saison — personne supplémentaire — Enfant 3–12 ans",
                "2",
                "3.75"
            ),
            line("Chien", "14", "3.50"),
            line("Électricité 10 A", "14", "4.80"),
            line("Code promo PRINTEMPS (TVA 10 %)", "1", "-38.91"),
            line("Code promo PRINTEMPS (TVA 20 %)", "1", "-11.09"),
            line("Taxe de séjour", "28", "0.88"),
        ]
    );
    assert_eq!(priced.totals.vat.total_incl_vat, eur("498.34"));
}

#[test]
fn a_set_price_promo_on_one_option_only_touches_that_option() {
    let priced = price(
        r#"{"unit": "MH3", "arrival": "2026-10-03", "departure": "2026-10-06", "guests": [{}],
            "supplements": [{"id": "cleaning"}], "promo_code": "MENAGE"}"#,
        "2026-09-01T10:00:00Z",
    )
    .unwrap();
    let promo = priced
        .lines
        .iter()
        .find(|l| l.label == "Code promo MENAGE")
        .unwrap();
    assert_eq!(promo.unit_price, eur("-30.00"));
    assert_eq!(promo.vat_rate, "20".parse().unwrap());
}

#[test]
fn an_option_is_refused_when_arrival_is_too_close() {
    let err = price(
        r#"{"unit": "MH3", "arrival": "2026-06-10", "departure": "2026-06-13", "guests": [{}], "supplements": [{"id": "linen"}]}"#,
        "2026-06-09T08:00:00Z",
    )
    .unwrap_err();
    assert_eq!(err.code(), "pricing.option_not_allowed");
    assert_eq!(
        err.message(hospes::Locale::En),
        "Option “Kit linge de lit” cannot be booked less than 3 days before arrival."
    );
}

#[test]
fn a_booking_form_lists_the_options_with_their_description_and_what_they_add() {
    let stay = request(
        r#"{"unit": "MH3", "arrival": "2026-06-10", "departure": "2026-06-13", "guests": [{}, {}], "locale": "es"}"#,
    );
    let offers = pricing::options(&catalogue(), &stay, at("2026-06-09T08:00:00Z")).unwrap();
    let ids: Vec<&str> = offers.iter().map(|o| o.id.as_str()).collect();
    // Electricity is for pitches only: not offered for a mobile home.
    assert_eq!(
        ids,
        ["dog", "linen", "cleaning", "insurance", "late_checkout"]
    );
    let dog = &offers[0];
    assert_eq!(
        dog.description.as_deref(),
        Some("Perro con correa y cartilla de vacunación al día.")
    );
    assert_eq!(dog.amount, eur("10.50"), "three nights at 3.50");
    // No Spanish text for the linen: the French one is shown rather than nothing.
    let linen = &offers[1];
    assert!(linen.description.as_deref().unwrap().starts_with("Draps"));
    assert_eq!(linen.amount, eur("24.00"), "two persons at 12.00");
    assert!(
        !linen.available,
        "the day before arrival is too late for linen"
    );
    assert_eq!(linen.unavailable_reason.as_deref(), Some("within_days"));
    assert_eq!(linen.unavailable_within_days, Some(3));
    assert_eq!(offers[2].description, None);
}

#[test]
fn the_options_offered_in_a_change_leave_out_what_is_sold_only_when_booking() {
    let change = request(
        r#"{"unit": "MH3", "arrival": "2026-10-03", "departure": "2026-10-06", "guests": [{}], "stage": "amendment"}"#,
    );
    let offers = pricing::options(&catalogue(), &change, at("2026-09-01T10:00:00Z")).unwrap();
    let insurance = offers.iter().find(|o| o.id == "insurance").unwrap();
    assert!(!insurance.available);
    assert_eq!(
        insurance.unavailable_reason.as_deref(),
        Some("booking_only")
    );
    // 3.5 % of three nights at 70.00.
    assert_eq!(insurance.amount, eur("7.35"));
}

#[test]
fn cancellation_insurance_is_sold_only_when_booking() {
    let asked = r#"{"unit": "MH3", "arrival": "2026-10-03", "departure": "2026-10-06", "guests": [{}], "supplements": [{"id": "insurance"}]"#;
    let booking = price(&format!("{asked}}}"), "2026-09-01T10:00:00Z").unwrap();
    let insurance = booking
        .lines
        .iter()
        .find(|l| l.label == "Assurance annulation")
        .unwrap();
    // 3.5 % of three nights at 70.00.
    assert_eq!(insurance.unit_price, eur("7.35"));
    assert_eq!(insurance.vat_rate, "0".parse().unwrap());
    let amendment = price(
        &format!(r#"{asked}, "stage": "amendment"}}"#),
        "2026-09-01T10:00:00Z",
    );
    assert_eq!(code(amendment), "pricing.option_not_allowed");
}

#[test]
fn an_option_for_other_seasons_or_units_is_refused_and_an_unknown_one_named() {
    let late = r#"{"unit": "E12", "arrival": "2026-07-11", "departure": "2026-07-14", "guests": [{}], "supplements": [{"id": "late_checkout"}]}"#;
    assert_eq!(
        code(price(late, "2026-03-01T10:00:00Z")),
        "pricing.option_not_allowed"
    );
    let cleaning = r#"{"unit": "E12", "arrival": "2026-07-11", "departure": "2026-07-14", "guests": [{}], "supplements": [{"id": "cleaning"}]}"#;
    assert_eq!(
        code(price(cleaning, "2026-03-01T10:00:00Z")),
        "pricing.option_not_allowed"
    );
    let spa = r#"{"unit": "E12", "arrival": "2026-07-11", "departure": "2026-07-14", "guests": [{}], "supplements": [{"id": "spa"}]}"#;
    assert_eq!(
        price(spa, "2026-03-01T10:00:00Z").unwrap_err(),
        hospes::Error::OptionUnknown {
            option: "spa".into()
        }
    );
    let three_dogs = r#"{"unit": "E12", "arrival": "2026-07-11", "departure": "2026-07-14", "guests": [{}], "supplements": [{"id": "dog", "quantity": 3}]}"#;
    assert_eq!(
        code(price(three_dogs, "2026-03-01T10:00:00Z")),
        "pricing.option_quantity_exceeded"
    );
}

#[test]
fn promo_codes_say_precisely_why_they_do_not_apply() {
    let ask = |code: &str, unit: &str, arrival: &str, departure: &str| {
        format!(
            r#"{{"unit": "{unit}", "arrival": "{arrival}", "departure": "{departure}", "guests": [{{}}], "promo_code": "{code}"}}"#
        )
    };
    let now = "2026-02-15T10:00:00Z";
    assert_eq!(
        code(price(&ask("NOPE", "E12", "2026-07-11", "2026-07-18"), now)),
        "pricing.promo_unknown"
    );
    assert_eq!(
        code(price(&ask("ETE10", "E12", "2026-07-11", "2026-07-18"), now)),
        "pricing.promo_used_up"
    );
    assert_eq!(
        code(price(
            &ask("PRINTEMPS", "E12", "2026-07-11", "2026-07-18"),
            "2026-04-02T10:00:00Z"
        )),
        "pricing.promo_expired"
    );
    assert_eq!(
        code(price(
            &ask("PRINTEMPS", "CH1", "2026-10-03", "2026-10-10"),
            now
        )),
        "pricing.promo_not_for_unit"
    );
    assert_eq!(
        code(price(
            &ask("PRINTEMPS", "E12", "2026-07-11", "2026-07-14"),
            now
        )),
        "pricing.promo_min_nights"
    );
    // An empty code is no code.
    assert!(
        price(&ask("  ", "E12", "2026-07-11", "2026-07-18"), now)
            .unwrap()
            .promo
            .is_none()
    );
}

#[test]
fn a_unit_taken_closed_or_too_full_is_refused() {
    let taken = r#"{"unit": "E12", "arrival": "2026-07-11", "departure": "2026-07-18", "guests": [{}],
                    "unavailable": [{"from": "2026-07-15", "to": "2026-07-16"}]}"#;
    assert_eq!(
        price(taken, "2026-03-01T10:00:00Z").unwrap_err(),
        hospes::Error::UnitUnavailable {
            unit: "E12".into(),
            date: "2026-07-15".into()
        }
    );
    let november =
        r#"{"unit": "E12", "arrival": "2026-10-30", "departure": "2026-11-03", "guests": [{}]}"#;
    assert_eq!(
        price(november, "2026-03-01T10:00:00Z").unwrap_err(),
        hospes::Error::UnitUnavailable {
            unit: "E12".into(),
            date: "2026-11-01".into()
        }
    );
    let five = r#"{"unit": "CH1", "arrival": "2026-12-19", "departure": "2026-12-26", "guests": [{}, {}, {}, {}, {}]}"#;
    assert_eq!(
        code(price(five, "2026-03-01T10:00:00Z")),
        "pricing.capacity_exceeded"
    );
    let nobody =
        r#"{"unit": "CH1", "arrival": "2026-12-19", "departure": "2026-12-26", "guests": []}"#;
    assert_eq!(
        code(price(nobody, "2026-03-01T10:00:00Z")),
        "field.required"
    );
    let backwards =
        r#"{"unit": "CH1", "arrival": "2026-12-19", "departure": "2026-12-19", "guests": [{}]}"#;
    assert_eq!(
        code(price(backwards, "2026-03-01T10:00:00Z")),
        "stay.period_invalid"
    );
    let unknown =
        r#"{"unit": "Z9", "arrival": "2026-12-19", "departure": "2026-12-26", "guests": [{}]}"#;
    assert_eq!(
        code(price(unknown, "2026-03-01T10:00:00Z")),
        "pricing.unit_unknown"
    );
}

#[test]
fn everything_is_due_at_booking_when_arrival_is_near() {
    let priced = price(
        r#"{"unit": "MH3", "arrival": "2026-06-20", "departure": "2026-06-23", "guests": [{}]}"#,
        "2026-06-01T10:00:00Z",
    )
    .unwrap();
    assert_eq!(priced.schedule.len(), 1);
    assert_eq!(priced.schedule[0].kind, InstallmentKind::Full);
    assert_eq!(priced.schedule[0].amount, priced.totals.vat.total_incl_vat);
}

#[test]
fn a_percentage_tourist_tax_is_capped_and_spares_minors() {
    let mut catalogue = catalogue();
    catalogue.tourist_tax = Some(
        serde_json::from_str(r#"{"basis": {"kind": "percent", "percent": "5", "cap": "2.30"}}"#)
            .unwrap(),
    );
    // Low season mobile home: 3 nights at 70.00 incl. 10 % VAT, for one adult and one child.
    let priced = pricing::price(
        &catalogue,
        &request(r#"{"unit": "MH3", "arrival": "2026-10-03", "departure": "2026-10-06", "guests": [{}, {"birth_date": "2015-01-01"}]}"#),
        at("2026-09-01T10:00:00Z"),
    )
    .unwrap();
    // 210.00 incl. VAT = 190.909… excl.; ÷ 3 nights ÷ 2 guests = 31.818…; × 5 % = 1.59 (under the cap).
    let tax = priced
        .lines
        .iter()
        .find(|l| l.kind == LineKind::TouristTax)
        .unwrap();
    assert_eq!(
        (tax.quantity.to_string(), tax.unit_price.amount.to_string()),
        ("3".into(), "1.59".into())
    );
    // A dearer unit hits the cap.
    let chalet = pricing::price(
        &catalogue,
        &request(r#"{"unit": "CH1", "arrival": "2026-12-19", "departure": "2026-12-21", "guests": [{}]}"#),
        at("2026-09-01T10:00:00Z"),
    )
    .unwrap();
    let tax = chalet
        .lines
        .iter()
        .find(|l| l.kind == LineKind::TouristTax)
        .unwrap();
    assert_eq!(tax.unit_price, eur("2.05"));
}

#[test]
fn labels_follow_the_guest_language() {
    let es = price(
        r#"{"unit": "E12", "arrival": "2026-07-11", "departure": "2026-07-25", "guests": [{}], "locale": "es"}"#,
        "2026-03-01T10:00:00Z",
    )
    .unwrap();
    let labels: Vec<_> = es.lines.iter().map(|l| l.label.as_str()).collect();
    assert!(labels.contains(&"Descuento estancia de 14 noches (5 %)"));
    assert!(labels.contains(&"Tasa turística"));
}

#[test]
fn a_contradictory_catalogue_is_refused_when_saved() {
    let mut bad = catalogue();
    bad.rates[0].season = "monsoon".into();
    assert_eq!(
        pricing::check_catalogue(&bad).unwrap_err().code(),
        "pricing.catalogue_invalid"
    );
    let mut bad = catalogue();
    bad.promo_codes.push(bad.promo_codes[0].clone());
    assert!(
        pricing::check_catalogue(&bad)
            .unwrap_err()
            .to_string()
            .contains("HIVER2026")
    );
}

#[test]
fn a_guest_born_after_the_first_night_is_refused_not_priced_as_a_baby() {
    let err = price(
        r#"{"unit": "E12", "arrival": "2026-07-11", "departure": "2026-07-18",
            "guests": [{"birth_date": "1980-01-01"}, {"birth_date": "2026-08-01"}]}"#,
        "2026-03-01T10:00:00Z",
    );
    assert_eq!(code(err), "client.birth_date_invalid");
}

fn family_request(nights: u64, guests: usize, dog: bool, promo: bool) -> PriceRequest {
    let arrival = hospes::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    let mut r = request(
        r#"{"unit": "E12", "arrival": "2026-06-01", "departure": "2026-06-02", "guests": []}"#,
    );
    r.arrival = arrival;
    r.departure = arrival + chrono::Days::new(nights);
    r.guests = (0..guests)
        .map(|i| pricing::PricedGuest {
            birth_date: (i % 3 == 2).then(|| hospes::NaiveDate::from_ymd_opt(2018, 1, 1).unwrap()),
        })
        .collect();
    if dog {
        r.supplements = vec![pricing::SupplementChoice {
            id: "dog".into(),
            quantity: 1,
        }];
    }
    if promo {
        r.promo_code = Some("PRINTEMPS".into());
    }
    r
}

proptest! {
    #![proptest_config(common::proptest_config())]

    #[test]
    fn the_total_is_the_sum_of_the_lines_and_the_schedule_adds_up(nights in 5u64..60, guests in 1usize..7, dog: bool, promo: bool) {
        let priced = pricing::price(&catalogue(), &family_request(nights, guests, dog, promo), at("2026-02-15T10:00:00Z")).unwrap();
        let sum = Money::sum(hospes::Currency::EUR, priced.totals.lines.iter().map(|l| &l.amount)).unwrap();
        prop_assert_eq!(&sum, &priced.totals.vat.total_incl_vat);
        let paid = Money::sum(hospes::Currency::EUR, priced.schedule.iter().map(|i| &i.amount)).unwrap();
        prop_assert_eq!(&paid, &priced.totals.vat.total_incl_vat);
    }

    #[test]
    fn a_promo_never_makes_what_it_discounts_negative_nor_touches_the_tourist_tax(nights in 5u64..60, guests in 1usize..7, dog: bool) {
        let with = pricing::price(&catalogue(), &family_request(nights, guests, dog, true), at("2026-02-15T10:00:00Z")).unwrap();
        let without = pricing::price(&catalogue(), &family_request(nights, guests, dog, false), at("2026-02-15T10:00:00Z")).unwrap();
        let tax = |p: &PricedStay| p.lines.iter().filter(|l| l.kind == LineKind::TouristTax).cloned().collect::<Vec<_>>();
        prop_assert_eq!(tax(&with), tax(&without));
        let discounted: rust_decimal::Decimal = with.totals.lines.iter().zip(&with.lines)
            .filter(|(_, l)| l.kind != LineKind::TouristTax)
            .map(|(t, _)| t.amount.amount)
            .sum();
        prop_assert!(discounted >= rust_decimal::Decimal::ZERO);
    }

    #[test]
    fn at_equal_nightly_rates_a_longer_stay_never_costs_less(nights in 1u64..40, guests in 1usize..7, dog: bool) {
        let mut flat = catalogue();
        flat.length_discounts.clear();
        let now = at("2026-02-15T10:00:00Z");
        let shorter = pricing::price(&flat, &family_request(nights, guests, dog, false), now).unwrap();
        let longer = pricing::price(&flat, &family_request(nights + 1, guests, dog, false), now).unwrap();
        prop_assert!(longer.totals.vat.total_incl_vat.amount >= shorter.totals.vat.total_incl_vat.amount);
    }

    #[test]
    fn a_longer_stay_costs_less_only_through_a_length_discount(nights in 1u64..40, guests in 1usize..7, dog: bool) {
        let now = at("2026-02-15T10:00:00Z");
        let shorter = pricing::price(&catalogue(), &family_request(nights, guests, dog, false), now).unwrap();
        let longer = pricing::price(&catalogue(), &family_request(nights + 1, guests, dog, false), now).unwrap();
        let discount = |p: &PricedStay| p.lines.iter().find(|l| l.kind == LineKind::Discount).map(|l| l.label.clone());
        if longer.totals.vat.total_incl_vat.amount < shorter.totals.vat.total_incl_vat.amount {
            prop_assert!(discount(&longer).is_some());
            prop_assert_ne!(discount(&longer), discount(&shorter));
        }
    }
}
