//! The price grid of a booking widget: every unit × every arrival date for one length of stay
//! and one party, answered at once — the total and what is paid to book, or why not.

use chrono::{DateTime, Days, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::catalogue::Catalogue;
use super::engine::price;
use super::request::{BookingStage, PriceRequest, PricedGuest, PricedStay, SupplementChoice};
use super::schedule::InstallmentKind;
use crate::calendar::Period;
use crate::error::{Error, Result};
use crate::i18n::Locale;
use crate::money::Currency;

/// Most units in one grid.
pub const MAX_GRID_UNITS: usize = 500;
/// Most arrival dates in one grid.
pub const MAX_GRID_ARRIVALS: usize = 400;
/// Most cells (units × arrivals) in one grid.
pub const MAX_GRID_CELLS: usize = 20_000;

/// The nights one unit is already taken or closed, from the host's calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct UnitCalendar {
    /// The unit id.
    pub unit: String,
    /// Its nights taken or closed.
    pub unavailable: Vec<Period>,
}

/// What a booking widget asks: which units, which arrival dates, how many nights, who comes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct GridRequest {
    /// The unit ids: one row each, in this order (up to 500).
    pub units: Vec<String>,
    /// The arrival dates: one column each, in this order (up to 400; 20 000 cells in all).
    pub arrivals: Vec<NaiveDate>,
    /// The length of every stay, in nights.
    pub nights: u32,
    /// Every guest, the client included.
    pub guests: Vec<PricedGuest>,
    /// Options asked for (automatic ones are added anyway).
    #[serde(default)]
    pub supplements: Vec<SupplementChoice>,
    /// A promo code typed by the guest.
    #[serde(default)]
    pub promo_code: Option<String>,
    /// Each unit's nights already taken or closed; a unit not listed is free.
    #[serde(default)]
    pub calendars: Vec<UnitCalendar>,
}

/// One cell: the stay of one unit from one arrival date, priced or refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct GridCell {
    /// The total, all taxes included, in the grid's currency; `None` when refused.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::codec::DecimalString>")
    )]
    pub total: Option<Decimal>,
    /// What is paid to book: the deposit, or the whole when the schedule asks everything at
    /// booking; `None` when refused.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::codec::DecimalString>")
    )]
    pub due_at_booking: Option<Decimal>,
    /// Why this stay cannot be booked: the code `pricing.price` answers
    /// (`pricing.unit_unavailable`, `pricing.arrival_day_not_allowed`…); `None` when priced.
    pub refused: Option<String>,
}

/// One unit's row: a cell per arrival date, in the request's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct GridRow {
    /// The unit id.
    pub unit: String,
    /// The cells, one per arrival date.
    pub cells: Vec<GridCell>,
}

/// The answer: the catalogue's currency, the length of stay, and a row per unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PriceGrid {
    /// The currency of every amount.
    pub currency: Currency,
    /// The nights of every stay.
    pub nights: u32,
    /// The arrival dates, as asked: the columns.
    pub arrivals: Vec<NaiveDate>,
    /// One row per unit, as asked.
    pub rows: Vec<GridRow>,
}

/// Prices every unit × arrival date of `request` at `now`: each cell is exactly what
/// [`price`] answers for that stay — its total and what is paid to book, or its refusal code —
/// without the lines, in one call instead of one per cell.
///
/// Errors, for the whole grid: `pricing.grid_too_large` past 500 units, 400 arrival dates or
/// 20 000 cells; `stay.period_invalid` for no night, `pricing.above_maximum_stay` past
/// [`MAX_NIGHTS`](super::MAX_NIGHTS); `field.required` without guests. Everything else is a
/// cell's refusal.
///
/// ```
/// use hospes::pricing::{self, Catalogue, GridRequest};
/// let catalogue: Catalogue = serde_json::from_str(r#"{
///   "currency": "EUR", "time_zone": "Europe/Paris",
///   "vat": {"accommodation": "10", "supplement": "20"},
///   "units": [{"id": "E12", "name": "Emplacement confort", "category": "pitch", "capacity": 6}],
///   "seasons": [{"id": "high", "name": "Haute saison", "periods": [{"from": "2026-07-01", "to": "2026-08-31"}]}],
///   "rates": [{"unit": "pitch", "season": "high", "basis": "per_night", "price": "32.00"}]
/// }"#).unwrap();
/// let request: GridRequest = serde_json::from_str(r#"{
///   "units": ["E12", "Z99"], "arrivals": ["2026-07-04", "2026-08-29"], "nights": 7,
///   "guests": [{}, {}]
/// }"#).unwrap();
/// let grid = pricing::grid(&catalogue, &request, "2026-03-01T10:00:00Z".parse().unwrap()).unwrap();
/// assert_eq!(grid.rows[0].cells[0].total.unwrap().to_string(), "224.00");
/// assert!(grid.rows[0].cells[1].refused.is_some()); // the season ends on 31 August
/// assert_eq!(grid.rows[1].cells[0].refused.as_deref(), Some("pricing.unit_unknown"));
/// ```
pub fn grid(catalogue: &Catalogue, request: &GridRequest, now: DateTime<Utc>) -> Result<PriceGrid> {
    let cells = request.units.len().saturating_mul(request.arrivals.len());
    if request.units.len() > MAX_GRID_UNITS
        || request.arrivals.len() > MAX_GRID_ARRIVALS
        || cells > MAX_GRID_CELLS
    {
        return Err(Error::GridTooLarge {
            units: request.units.len(),
            arrivals: request.arrivals.len(),
            max_units: MAX_GRID_UNITS,
            max_arrivals: MAX_GRID_ARRIVALS,
            max_cells: MAX_GRID_CELLS,
        });
    }
    if request.nights > super::request::MAX_NIGHTS {
        return Err(Error::AboveMaximumStay {
            nights: request.nights,
            max: super::request::MAX_NIGHTS,
        });
    }
    if request.nights == 0 {
        return Err(Error::PeriodInvalid {
            start: "0 nights".into(),
            end: "0 nights".into(),
        });
    }
    if request.guests.is_empty() {
        return Err(Error::FieldRequired {
            field: "guests".into(),
        });
    }
    let mut stay = PriceRequest {
        unit: String::new(),
        arrival: NaiveDate::MIN,
        departure: NaiveDate::MIN,
        guests: request.guests.clone(),
        supplements: request.supplements.clone(),
        promo_code: request.promo_code.clone(),
        stage: BookingStage::Booking,
        unavailable: Vec::new(),
        locale: Locale::default(),
    };
    let mut rows = Vec::with_capacity(request.units.len());
    for unit in &request.units {
        stay.unit.clone_from(unit);
        stay.unavailable = request
            .calendars
            .iter()
            .filter(|c| &c.unit == unit)
            .flat_map(|c| c.unavailable.iter().cloned())
            .collect();
        let mut cells = Vec::with_capacity(request.arrivals.len());
        for &arrival in &request.arrivals {
            stay.arrival = arrival;
            cells.push(
                match arrival.checked_add_days(Days::new(request.nights.into())) {
                    Some(departure) => {
                        stay.departure = departure;
                        cell(price(catalogue, &stay, now))
                    }
                    None => refused(&Error::PeriodInvalid {
                        start: arrival.to_string(),
                        end: format!("+{} nights", request.nights),
                    }),
                },
            );
        }
        rows.push(GridRow {
            unit: unit.clone(),
            cells,
        });
    }
    Ok(PriceGrid {
        currency: catalogue.currency,
        nights: request.nights,
        arrivals: request.arrivals.clone(),
        rows,
    })
}

fn cell(priced: Result<PricedStay>) -> GridCell {
    match priced {
        Ok(priced) => {
            let total = priced.totals.vat.total_incl_vat.amount;
            let due = priced
                .schedule
                .iter()
                .find(|i| matches!(i.kind, InstallmentKind::Deposit | InstallmentKind::Full))
                .map_or(total, |i| i.amount.amount);
            GridCell {
                total: Some(total),
                due_at_booking: Some(due),
                refused: None,
            }
        }
        Err(err) => refused(&err),
    }
}

fn refused(err: &Error) -> GridCell {
    GridCell {
        total: None,
        due_at_booking: None,
        refused: Some(err.code().to_owned()),
    }
}
