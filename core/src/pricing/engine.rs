//! The pricing engine: one run over a stay, night by night, to priced lines and totals.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;

use super::catalogue::{
    AgeBand, AgePrice, Catalogue, PromoCode, PromoValidity, Rate, RateBasis, Season, Supplement,
    SupplementBasis, TouristTaxBasis, Unit, same_code,
};
use super::request::{BookingStage, MAX_NIGHTS, PriceRequest, PricedStay, Terms};
use super::schedule::{percent_of, schedule};
use crate::calendar::Weekday;
use crate::error::{Error, Result};
use crate::i18n::Locale;
use crate::money::{Money, Rounding, overflow};
use crate::stay::{self, Line, LineKind};
use crate::vat::{PriceBasis, VatRate};

/// Prices `request` against `catalogue` at `now` (the booking instant: it decides which options
/// are still open and which promo codes are valid by booking date).
///
/// Errors: `pricing.unit_unknown`, `pricing.unit_unavailable` (taken, closed or no rate on a
/// night), `pricing.below_minimum_stay`, `pricing.above_maximum_stay`,
/// `pricing.arrival_day_not_allowed`, `pricing.capacity_exceeded`, `pricing.option_unknown`,
/// `pricing.option_not_allowed`, `pricing.option_quantity_exceeded`, `pricing.promo_unknown`,
/// `pricing.promo_expired`, `pricing.promo_not_for_unit`, `pricing.promo_used_up`,
/// `pricing.promo_min_nights`, `stay.period_invalid`, `field.required` (no guest).
pub fn price(
    catalogue: &Catalogue,
    request: &PriceRequest,
    now: DateTime<Utc>,
) -> Result<PricedStay> {
    PricingRun::new(catalogue, request, now)?.run()
}

/// One pricing run: the request's facts, then the lines as they are added.
pub(super) struct PricingRun<'a> {
    pub(super) catalogue: &'a Catalogue,
    pub(super) request: &'a PriceRequest,
    /// The business's discount and the options booked already (none for a guest's request).
    pub(super) terms: &'a Terms<'a>,
    pub(super) unit: &'a Unit,
    nights: u32,
    today: NaiveDate,
    /// Price factor of each guest, by age band, in guest order.
    guests: Vec<GuestPrice<'a>>,
    /// The season of the arrival night.
    arrival_season: &'a Season,
    pub(super) lines: Vec<Line>,
    /// Which lines are which option: (line index, option id).
    pub(super) supplement_lines: Vec<(usize, &'a str)>,
    /// Sum of the rounded accommodation lines (unit and persons), before any discount.
    accommodation: Money,
}

#[derive(Clone, Copy)]
struct GuestPrice<'a> {
    band: Option<&'a AgeBand>,
    adult_for_tax: bool,
}

/// The nights at one rate.
struct Segment<'a> {
    rate: &'a Rate,
    season: &'a Season,
    nights: u32,
}

impl<'a> PricingRun<'a> {
    pub(super) fn new(
        catalogue: &'a Catalogue,
        request: &'a PriceRequest,
        now: DateTime<Utc>,
    ) -> Result<PricingRun<'a>> {
        let unit = catalogue
            .units
            .iter()
            .find(|u| u.id == request.unit)
            .ok_or_else(|| Error::UnitUnknown {
                unit: request.unit.chars().take(100).collect(),
            })?;
        let days = (request.departure - request.arrival).num_days();
        if days <= 0 {
            return Err(Error::PeriodInvalid {
                start: request.arrival.to_string(),
                end: request.departure.to_string(),
            });
        }
        let nights = u32::try_from(days)
            .ok()
            .filter(|n| *n <= MAX_NIGHTS)
            .ok_or_else(|| Error::AboveMaximumStay {
                nights: u32::try_from(days).unwrap_or(u32::MAX),
                max: MAX_NIGHTS,
            })?;
        if request.guests.is_empty() {
            return Err(Error::FieldRequired {
                field: "guests".into(),
            });
        }
        let guest_count = u32::try_from(request.guests.len()).unwrap_or(u32::MAX);
        if guest_count > unit.capacity {
            return Err(Error::CapacityExceeded {
                unit: unit.id.clone(),
                capacity: unit.capacity,
                guests: guest_count,
            });
        }
        // A guest born after the first night is no guest of this stay (a typo in the year,
        // most often), not a baby priced as one.
        if let Some(born) = request
            .guests
            .iter()
            .filter_map(|g| g.birth_date)
            .find(|born| *born > request.arrival)
        {
            return Err(Error::BirthDateInvalid {
                value: born.to_string(),
            });
        }
        let adult_age = catalogue.tourist_tax.as_ref().map_or(18, |t| t.adult_age);
        let guests = request
            .guests
            .iter()
            .map(|g| {
                let age = g.birth_date.map(|b| age_on(b, request.arrival));
                GuestPrice {
                    band: age.and_then(|a| {
                        catalogue
                            .age_bands
                            .iter()
                            .find(|band| band.min_age <= a && a < band.max_age)
                    }),
                    adult_for_tax: age.is_none_or(|a| a >= adult_age),
                }
            })
            .collect();
        let arrival_season =
            season_of(catalogue, request.arrival).ok_or_else(|| Error::UnitUnavailable {
                unit: unit.id.clone(),
                date: request.arrival.to_string(),
            })?;
        Ok(PricingRun {
            catalogue,
            request,
            terms: Terms::none(),
            unit,
            nights,
            today: now.with_timezone(&catalogue.time_zone.tz()).date_naive(),
            guests,
            arrival_season,
            lines: Vec::with_capacity(12),
            supplement_lines: Vec::new(),
            accommodation: Money::zero(catalogue.currency),
        })
    }

    /// The stay's nights checked and its accommodation lines added: what options are priced on.
    pub(super) fn accommodation(&mut self) -> Result<()> {
        let segments = self.segments()?;
        self.check_arrival_rules(&segments)?;
        for segment in &segments {
            self.accommodation_lines(segment)?;
        }
        Ok(())
    }

    pub(super) fn run(mut self) -> Result<PricedStay> {
        self.accommodation()?;
        let promo = self.promo_code()?;
        if promo.is_none_or(|p| p.stackable) {
            self.length_discount()?;
        }
        self.supplements()?;
        let promo = match promo {
            Some(promo) => self.apply_promo(promo)?,
            None => None,
        };
        self.business_discount()?;
        self.tourist_tax()?;
        let catalogue = self.catalogue;
        let totals = stay::totals_of(&self.lines, catalogue.currency, catalogue.price_basis)?;
        let schedule = schedule(
            &catalogue.payment_schedule,
            &totals.vat.total_incl_vat,
            self.today,
            self.request.arrival,
        )?;
        Ok(PricedStay {
            unit: self.unit.id.clone(),
            unit_name: self.unit.name.clone(),
            arrival: self.request.arrival,
            departure: self.request.departure,
            nights: self.nights,
            currency: catalogue.currency,
            price_basis: catalogue.price_basis,
            lines: self.lines,
            totals,
            promo,
            schedule,
            cancellation: catalogue.cancellation.clone(),
        })
    }

    /// Walks the nights: availability, season and rate of each; nights at the same rate make one
    /// segment (one line), in the order the rates first appear.
    fn segments(&self) -> Result<Vec<Segment<'a>>> {
        let mut segments: Vec<Segment<'a>> = Vec::with_capacity(4);
        // The rate of each season, looked up once.
        let mut rates: Vec<Option<Option<&'a Rate>>> = vec![None; self.catalogue.seasons.len()];
        for night in self.request.arrival.iter_days().take(self.nights as usize) {
            let unavailable = || Error::UnitUnavailable {
                unit: self.unit.id.clone(),
                date: night.to_string(),
            };
            if self.request.unavailable.iter().any(|p| p.contains(night)) {
                return Err(unavailable());
            }
            let (index, season) = self
                .catalogue
                .seasons
                .iter()
                .enumerate()
                .find(|(_, s)| s.covers(night))
                .ok_or_else(unavailable)?;
            let cached = rates.get_mut(index).ok_or_else(unavailable)?;
            let rate = *cached.get_or_insert_with(|| self.rate_for(season));
            let rate = rate.ok_or_else(unavailable)?;
            match segments.iter_mut().find(|s| std::ptr::eq(s.rate, rate)) {
                Some(same) => same.nights += 1,
                None => segments.push(Segment {
                    rate,
                    season,
                    nights: 1,
                }),
            }
        }
        Ok(segments)
    }

    fn rate_for(&self, season: &Season) -> Option<&'a Rate> {
        let rates = &self.catalogue.rates;
        rates
            .iter()
            .find(|r| r.season == season.id && r.unit == self.unit.id)
            .or_else(|| {
                rates
                    .iter()
                    .find(|r| r.season == season.id && r.unit == self.unit.category)
            })
    }

    /// Minimum and maximum stay and arrival days, by the rate of the arrival night.
    fn check_arrival_rules(&self, segments: &[Segment<'a>]) -> Result<()> {
        let Some(first) = segments.first() else {
            return Ok(());
        };
        let rate = first.rate;
        if let Some(min) = rate.min_nights.filter(|min| self.nights < *min) {
            return Err(Error::BelowMinimumStay {
                nights: self.nights,
                min,
            });
        }
        if let Some(max) = rate.max_nights.filter(|max| self.nights > *max) {
            return Err(Error::AboveMaximumStay {
                nights: self.nights,
                max,
            });
        }
        let day = Weekday::of(self.request.arrival);
        if !rate.arrival_days.is_empty() && !rate.arrival_days.contains(&day) {
            let locale = self.request.locale;
            return Err(Error::ArrivalDayNotAllowed {
                day: day.name(Locale::En).to_lowercase(),
                allowed: rate
                    .arrival_days
                    .iter()
                    .map(|d| d.name(locale))
                    .collect::<Vec<_>>()
                    .join(", "),
            });
        }
        Ok(())
    }

    fn accommodation_lines(&mut self, segment: &Segment<'a>) -> Result<()> {
        let rate = segment.rate;
        let n = Decimal::from(segment.nights);
        let name = format!("{} — {}", self.unit.name, segment.season.name);
        let vat = self.catalogue.vat.accommodation;
        match rate.basis {
            RateBasis::PerNight => {
                self.add(name.clone(), LineKind::Accommodation, n, rate.price, vat)?;
            }
            RateBasis::PerWeek => {
                let (weeks, rest) = (segment.nights / 7, segment.nights % 7);
                let locale = self.request.locale;
                if weeks > 0 {
                    let label = format!("{name} ({})", word("label-week", &[], locale));
                    self.add(
                        label,
                        LineKind::Accommodation,
                        weeks.into(),
                        rate.price,
                        vat,
                    )?;
                }
                if rest > 0 {
                    let nightly = self.round(rate.price / Decimal::from(7));
                    let label = format!("{name} ({})", word("label-night", &[], locale));
                    self.add(label, LineKind::Accommodation, rest.into(), nightly, vat)?;
                }
            }
            RateBasis::PerPersonNight => {
                self.person_lines(&name, segment.nights, rate.price, 0)?;
            }
        }
        if let Some(extra) = rate.extra_person
            && rate.basis != RateBasis::PerPersonNight
        {
            let label = format!(
                "{name} — {}",
                word("label-extra-person", &[], self.request.locale)
            );
            self.person_lines(&label, segment.nights, extra, rate.included_persons)?;
        }
        Ok(())
    }

    /// One line per age band for the guests beyond the first `included` (the dearest ones are
    /// included first), each paying `full` per night after their band.
    fn person_lines(
        &mut self,
        name: &str,
        nights: u32,
        full: Decimal,
        included: u32,
    ) -> Result<()> {
        let mut prices: Vec<(Decimal, Option<&'a AgeBand>)> = self
            .guests
            .iter()
            .map(|g| Ok((self.band_price(g.band, full)?, g.band)))
            .collect::<Result<_>>()?;
        prices.sort_by_key(|p| std::cmp::Reverse(p.0));
        let charged = prices.get(included as usize..).unwrap_or_default();
        // Group by band, keeping the order of first appearance (dearest first).
        let mut groups: Vec<(Decimal, Option<&'a AgeBand>, u32)> = Vec::with_capacity(3);
        for (price, band) in charged {
            match groups
                .iter_mut()
                .find(|g| g.1.map(|b| &b.label) == band.map(|b| &b.label))
            {
                Some(group) => group.2 += 1,
                None => groups.push((*price, *band, 1)),
            }
        }
        let adult = word("label-adult", &[], self.request.locale);
        for (price, band, count) in groups {
            if price.is_zero() {
                continue;
            }
            let who = band.map_or(adult.as_str(), |b| b.label.as_str());
            let quantity = Decimal::from(count) * Decimal::from(nights);
            let vat = self.catalogue.vat.accommodation;
            self.add(
                format!("{name} — {who}"),
                LineKind::Accommodation,
                quantity,
                price,
                vat,
            )?;
        }
        Ok(())
    }

    fn band_price(&self, band: Option<&AgeBand>, full: Decimal) -> Result<Decimal> {
        Ok(match band.map(|b| &b.price) {
            None => full,
            Some(AgePrice::Free) => Decimal::ZERO,
            Some(AgePrice::Fixed { price }) => *price,
            Some(AgePrice::Percent { percent }) => self.round(percent_of(full, *percent)?),
        })
    }

    /// The best length-of-stay discount, as its own line.
    fn length_discount(&mut self) -> Result<()> {
        let best = self
            .catalogue
            .length_discounts
            .iter()
            .filter(|d| d.min_nights <= self.nights && self.for_unit(&d.units))
            .max_by_key(|d| d.min_nights);
        let Some(discount) = best else {
            return Ok(());
        };
        let amount = self.round(percent_of(self.accommodation.amount, discount.percent)?);
        if amount.is_zero() {
            return Ok(());
        }
        let label = word(
            "label-long-stay-discount",
            &[
                ("nights", discount.min_nights.into()),
                ("percent", discount.percent.to_string().into()),
            ],
            self.request.locale,
        );
        let vat = self.catalogue.vat.accommodation;
        self.add(label, LineKind::Discount, Decimal::ONE, -amount, vat)
    }

    fn supplements(&mut self) -> Result<()> {
        let catalogue = self.catalogue;
        for choice in &self.request.supplements {
            if !catalogue.supplements.iter().any(|s| s.id == choice.id) {
                return Err(Error::OptionUnknown {
                    option: choice.id.chars().take(100).collect(),
                });
            }
        }
        for option in &catalogue.supplements {
            let asked: u32 = self
                .request
                .supplements
                .iter()
                .filter(|c| c.id == option.id)
                .map(|c| c.quantity)
                .fold(0, u32::saturating_add);
            let quantity = match (asked, option.automatic) {
                (0, false) => continue,
                (0, true) => match self.refusal(option) {
                    Some(_) => continue,
                    None => 1,
                },
                (asked, _) => {
                    if let Some((reason, days)) = self.refusal(option) {
                        return Err(Error::OptionNotAllowed {
                            option: option.name.clone(),
                            reason: reason.into(),
                            days,
                        });
                    }
                    asked
                }
            };
            if quantity > option.max_quantity {
                return Err(Error::OptionQuantityExceeded {
                    option: option.name.clone(),
                    max: option.max_quantity,
                });
            }
            let (quantity, unit_price) = self.option_charge(option, quantity)?;
            if unit_price.is_zero() {
                continue;
            }
            let vat = option.vat_rate.unwrap_or(catalogue.vat.supplement);
            self.supplement_lines.push((self.lines.len(), &option.id));
            self.add(
                option.name.clone(),
                LineKind::Supplement,
                quantity,
                unit_price,
                vat,
            )?;
        }
        Ok(())
    }

    /// The line `quantity` of `option` makes for this stay: its quantity (times the nights or
    /// the persons, by the option's basis) and unit price.
    pub(super) fn option_charge(
        &self,
        option: &Supplement,
        quantity: u32,
    ) -> Result<(Decimal, Decimal)> {
        let q = Decimal::from(quantity);
        let persons = Decimal::from(self.guests.len());
        let nights = Decimal::from(self.nights);
        Ok(match option.basis {
            SupplementBasis::Once => (q, option.price),
            SupplementBasis::PerNight => (q * nights, option.price),
            SupplementBasis::PerPerson => (q * persons, option.price),
            SupplementBasis::PerPersonNight => (q * persons * nights, option.price),
            SupplementBasis::PercentOfStay => (
                q,
                self.round(percent_of(self.accommodation.amount, option.price)?),
            ),
        })
    }

    /// Why `option` cannot be booked for this stay now, if it cannot.
    pub(super) fn refusal(&self, option: &Supplement) -> Option<(&'static str, u32)> {
        if !self.for_unit(&option.units) {
            return Some(("unit", 0));
        }
        if !option.seasons.is_empty() && !option.seasons.contains(&self.arrival_season.id) {
            return Some(("season", 0));
        }
        // Booked already: kept as it is, not added now.
        let booked = self.terms.booked_options.contains(&option.id.as_str());
        if option.at_booking_only && self.request.stage == BookingStage::Amendment && !booked {
            return Some(("booking_only", 0));
        }
        let lead = (self.request.arrival - self.today).num_days();
        match option.not_within_days {
            Some(days) if lead < i64::from(days) && !booked => Some(("within_days", days)),
            _ => None,
        }
    }

    /// The promo code typed, checked: known, valid at these dates, for this unit and length,
    /// not used up.
    fn promo_code(&self) -> Result<Option<&'a PromoCode>> {
        let Some(typed) = self.request.promo_code.as_deref() else {
            return Ok(None);
        };
        if typed.trim().is_empty() {
            return Ok(None);
        }
        let promo = self
            .catalogue
            .promo_codes
            .iter()
            .find(|p| same_code(&p.code, typed))
            .ok_or_else(|| Error::PromoUnknown {
                code: typed.trim().chars().take(50).collect(),
            })?;
        let code = || promo.code.clone();
        let day = match promo.validity {
            PromoValidity::StayDates => self.request.arrival,
            PromoValidity::BookingDate => self.today,
        };
        if day < promo.valid_from || day > promo.valid_to {
            return Err(Error::PromoExpired {
                code: code(),
                from: promo.valid_from.to_string(),
                to: promo.valid_to.to_string(),
            });
        }
        if !self.for_unit(&promo.units) {
            return Err(Error::PromoNotForUnit { code: code() });
        }
        if let Some(min) = promo.min_nights.filter(|m| self.nights < *m) {
            return Err(Error::PromoMinimumNights { code: code(), min });
        }
        if promo.max_uses.is_some_and(|max| promo.uses >= max)
            || budget_left(promo).is_some_and(|l| l <= Decimal::ZERO)
        {
            return Err(Error::PromoUsedUp { code: code() });
        }
        Ok(Some(promo))
    }

    fn tourist_tax(&mut self) -> Result<()> {
        let Some(tax) = &self.catalogue.tourist_tax else {
            return Ok(());
        };
        let adults = self.guests.iter().filter(|g| g.adult_for_tax).count();
        if adults == 0 {
            return Ok(());
        }
        let per_person_night = match &tax.basis {
            TouristTaxBasis::Fixed { per_person_night } => *per_person_night,
            TouristTaxBasis::Percent { percent, cap } => {
                let excl_vat = match self.catalogue.price_basis {
                    PriceBasis::ExcludingVat => self.accommodation.amount,
                    PriceBasis::IncludingVat => {
                        let rate = self.catalogue.vat.accommodation.percent();
                        checked(
                            self.accommodation
                                .amount
                                .checked_mul(Decimal::ONE_HUNDRED)
                                .and_then(|x| x.checked_div(Decimal::ONE_HUNDRED + rate)),
                        )?
                    }
                };
                let per_guest_night = excl_vat
                    .checked_div(Decimal::from(self.nights) * Decimal::from(self.guests.len()))
                    .ok_or_else(overflow)?;
                self.round(percent_of(per_guest_night, *percent)?.min(*cap))
            }
        };
        if per_person_night.is_zero() {
            return Ok(());
        }
        let label = word("label-tourist-tax", &[], self.request.locale);
        let quantity = Decimal::from(adults) * Decimal::from(self.nights);
        let vat = self.catalogue.vat.tourist_tax;
        self.add(label, LineKind::TouristTax, quantity, per_person_night, vat)
    }

    pub(super) fn for_unit(&self, units: &[String]) -> bool {
        units.is_empty() || units.contains(&self.unit.id) || units.contains(&self.unit.category)
    }

    pub(super) fn round(&self, value: Decimal) -> Decimal {
        Rounding::HalfAwayFromZero.round(value, self.catalogue.currency.minor_units())
    }

    pub(super) fn add(
        &mut self,
        label: String,
        kind: LineKind,
        quantity: Decimal,
        unit_price: Decimal,
        vat_rate: VatRate,
    ) -> Result<()> {
        let line = Line {
            label,
            kind,
            quantity,
            unit_price: Money::new(unit_price, self.catalogue.currency),
            vat_rate,
        };
        if kind == LineKind::Accommodation {
            let total = line.total()?;
            self.accommodation = self.accommodation.checked_add(&total)?;
        }
        self.lines.push(line);
        Ok(())
    }
}

/// The first season, in catalogue order, that covers the night of `day`.
fn season_of(catalogue: &Catalogue, day: NaiveDate) -> Option<&Season> {
    catalogue.seasons.iter().find(|s| s.covers(day))
}

/// Age in whole years on `day`.
fn age_on(birth: NaiveDate, day: NaiveDate) -> u32 {
    day.years_since(birth).unwrap_or(0)
}

/// What is left of a promo code's budget, if it has one.
pub(super) fn budget_left(promo: &PromoCode) -> Option<Decimal> {
    promo
        .budget
        .map(|b| b.checked_sub(promo.spent).unwrap_or(Decimal::ZERO))
}

/// A checked decimal operation's result, or `money.overflow`.
pub(super) fn checked(value: Option<Decimal>) -> Result<Decimal> {
    value.ok_or_else(overflow)
}

/// A line label from the catalogues.
pub(super) fn word(id: &str, args: &[(&str, crate::i18n::Arg<'_>)], locale: Locale) -> String {
    crate::i18n::text(id, args, locale, locale)
}
