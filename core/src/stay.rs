//! Stays (séjours): dates, status, participants, priced lines and their totals.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::client::record::Companion;
use crate::error::{Error, Result};
use crate::i18n::{self, Locale};
use crate::money::{Currency, Money};
use crate::text;
use crate::vat::{self, PriceBasis, TaxedAmount, VatBreakdown, VatRate};

/// Where a stay stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum StayStatus {
    /// A quote the guest has not accepted yet (« option »).
    Option,
    /// Booked.
    Confirmed,
    /// The guest is on site.
    InProgress,
    /// Over.
    Completed,
    /// Cancelled by the guest or the establishment.
    Cancelled,
    /// A seasonal or yearly resident's pitch.
    Resident,
}

/// The longest business note on a stay, in characters.
const MAX_BUSINESS_NOTES: usize = 4000;

/// Where a booking came from (« origine »): the business reads it on the booking and in the
/// stays export, and filters by it.
///
/// ```
/// use hospes::stay::BookingOrigin;
/// let origin: BookingOrigin = serde_json::from_str(r#""phone""#).unwrap();
/// assert_eq!(origin, BookingOrigin::Phone);
/// assert_eq!(origin.label(hospes::Locale::Fr), "Téléphone");
/// assert_eq!(BookingOrigin::Marketplace.label(hospes::Locale::En), "Booking platform");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum BookingOrigin {
    /// Booked online, on the business's own site or booking widget.
    Web,
    /// Taken by phone.
    Phone,
    /// Asked by e-mail or letter.
    Email,
    /// Booked at the desk, on site.
    WalkIn,
    /// Through a travel agency or a tour operator.
    Agency,
    /// Through a booking platform (Booking.com, Airbnb…).
    Marketplace,
    /// Any other way.
    Other,
}

impl BookingOrigin {
    /// Its name in the wire form (`walk_in`).
    ///
    /// ```
    /// assert_eq!(hospes::stay::BookingOrigin::WalkIn.name(), "walk_in");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            BookingOrigin::Web => "web",
            BookingOrigin::Phone => "phone",
            BookingOrigin::Email => "email",
            BookingOrigin::WalkIn => "walk_in",
            BookingOrigin::Agency => "agency",
            BookingOrigin::Marketplace => "marketplace",
            BookingOrigin::Other => "other",
        }
    }

    /// What the business reads, in `locale` (« Téléphone », "Phone", « Teléfono »).
    ///
    /// ```
    /// assert_eq!(hospes::stay::BookingOrigin::WalkIn.label(hospes::Locale::Es), "En recepción");
    /// ```
    pub fn label(self, locale: Locale) -> String {
        i18n::text(
            &format!("stay-origin-{}", self.name()),
            &[],
            locale,
            Locale::Fr,
        )
    }
}

/// What a line charges for; discounts and the tourist tax are lines of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum LineKind {
    /// The accommodation or pitch.
    #[default]
    Accommodation,
    /// An option or supplement (pet, electricity, linen).
    Supplement,
    /// A discount (negative unit price).
    Discount,
    /// Tourist tax (« taxe de séjour »).
    TouristTax,
    /// A side sale (« vente annexe »).
    SideSale,
    /// A deposit (« acompte »): invoiced on its own, then deducted (negative) from the balance.
    Deposit,
    /// A resident's rent (« loyer »).
    Rent,
}

/// A priced line (« prestation »).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Line {
    /// What is charged, as printed.
    pub label: String,
    /// Kind of line.
    #[serde(default)]
    pub kind: LineKind,
    /// Quantity (nights, persons, units); positive.
    #[cfg_attr(feature = "schema", schemars(with = "crate::codec::DecimalString"))]
    pub quantity: Decimal,
    /// Price of one unit, on the stay's price basis; negative for a discount.
    pub unit_price: Money,
    /// VAT rate.
    pub vat_rate: VatRate,
}

impl Line {
    /// `quantity × unit_price`, rounded to the minor unit: the line's total as printed.
    ///
    /// ```
    /// let line: hospes::Line = serde_json::from_str(r#"{"label":"Taxe de séjour","quantity":"3","unit_price":{"amount":"0.605","currency":"EUR"},"vat_rate":"0"}"#).unwrap();
    /// assert_eq!(line.total().unwrap().to_string(), "1.82 EUR");
    /// ```
    pub fn total(&self) -> Result<Money> {
        Ok(self.unit_price.checked_mul(self.quantity)?.rounded())
    }

    /// Checks the line can be charged in `currency`: a positive quantity
    /// (`stay.quantity_invalid`), a unit price in that currency (`money.currency_mismatch`).
    ///
    /// ```
    /// let line: hospes::Line = serde_json::from_str(r#"{"label":"Pitch","quantity":"0","unit_price":{"amount":"30","currency":"EUR"},"vat_rate":"10"}"#).unwrap();
    /// assert_eq!(line.check(hospes::Currency::EUR).unwrap_err().code(), "stay.quantity_invalid");
    /// ```
    pub fn check(&self, currency: Currency) -> Result<()> {
        if self.quantity <= Decimal::ZERO {
            return Err(Error::QuantityInvalid {
                label: self.label.clone(),
                value: self.quantity.to_string(),
            });
        }
        if self.unit_price.currency != currency {
            return Err(Error::CurrencyMismatch {
                left: currency.code().to_owned(),
                right: self.unit_price.currency.code().to_owned(),
            });
        }
        Ok(())
    }
}

/// A document attached to a stay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum DocumentKind {
    /// Quote (« devis »).
    Quote,
    /// Contract.
    Contract,
    /// Invoice (deposit, balance or final).
    Invoice,
    /// Credit note.
    CreditNote,
}

/// A reference to a document the host stores (« Contrat 28 »).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DocumentRef {
    /// Kind of document.
    pub kind: DocumentKind,
    /// Its number as printed (`FA26020001`, `28`).
    pub number: String,
}

/// A stay, as the host stores it.
///
/// ```
/// use hospes::Stay;
/// let json = r#"{
///   "reference": "312", "client_id": "C-1", "accommodation": "Mobil-home 3 chambres",
///   "arrival": "2026-07-11", "departure": "2026-07-18", "status": "confirmed", "currency": "EUR",
///   "lines": [
///     {"label": "Mobil-home, 7 nuits", "quantity": "7", "unit_price": {"amount": "98.00", "currency": "EUR"}, "vat_rate": "10"},
///     {"label": "Animal", "kind": "supplement", "quantity": "7", "unit_price": {"amount": "3.50", "currency": "EUR"}, "vat_rate": "10"}
///   ]
/// }"#;
/// let stay: Stay = serde_json::from_str(json).unwrap();
/// assert_eq!(stay.nights(), 7);
/// let totals = stay.totals().unwrap();
/// assert_eq!(totals.vat.total_incl_vat.to_string(), "710.50 EUR");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Stay {
    /// The host's reference (« Réf 312 »).
    pub reference: String,
    /// The client who booked.
    pub client_id: String,
    /// Accommodation category booked (« Emplacement grand confort »).
    pub accommodation: String,
    /// Arrival day, in the establishment's zone.
    #[serde(deserialize_with = "crate::codec::date")]
    pub arrival: NaiveDate,
    /// Departure day, in the establishment's zone.
    #[serde(deserialize_with = "crate::codec::date")]
    pub departure: NaiveDate,
    /// Where the stay stands.
    pub status: StayStatus,
    /// People staying, besides the client.
    #[serde(default)]
    pub participants: Vec<Companion>,
    /// Priced lines.
    #[serde(default)]
    pub lines: Vec<Line>,
    /// Whether unit prices include VAT.
    #[serde(default)]
    pub price_basis: PriceBasis,
    /// Currency of every line.
    pub currency: Currency,
    /// Quotes, contracts, invoices attached.
    #[serde(default)]
    pub documents: Vec<DocumentRef>,
    /// The guest's notes on the booking (not the business's notes on the client).
    ///
    /// The three editable-field values are left out of the JSON when empty, so that a stay that
    /// does not use them keeps the canonical form (and the document hashes) it always had.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// When the guest expects to arrive, on the establishment's wall clock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrival_time: Option<chrono::NaiveTime>,
    /// The business's own booking fields (a licence plate, a flight number), by key.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_fields: Vec<CustomFieldValue>,
    /// Where the booking came from (web, phone, agency…); none when the host does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub origin: Option<BookingOrigin>,
    /// The business's own notes on the stay (« notes internes »): for the staff only, never in
    /// what the portal, the mails or the guest's documents show.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub business_notes: Option<String>,
}

/// The value of one of the business's own booking fields.
///
/// ```
/// let v: hospes::CustomFieldValue = serde_json::from_str(r#"{"key":"plate","value":"AB-123-CD"}"#).unwrap();
/// assert_eq!(v.key, "plate");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CustomFieldValue {
    /// The field's key in the business's policy (`plate`).
    pub key: String,
    /// Its value.
    pub value: String,
}

/// A stay's dates replaced by others: a quote accepted with dates of its own says so in its
/// `stay_confirmed` event, with both.
///
/// ```
/// let change: hospes::stay::DatesChange = serde_json::from_str(r#"{"previous_arrival":"2026-07-11",
///     "previous_departure":"2026-07-25","arrival":"2026-07-12","departure":"2026-07-26"}"#).unwrap();
/// assert_eq!(change.arrival.to_string(), "2026-07-12");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DatesChange {
    /// Arrival before.
    #[serde(deserialize_with = "crate::codec::date")]
    pub previous_arrival: NaiveDate,
    /// Departure before.
    #[serde(deserialize_with = "crate::codec::date")]
    pub previous_departure: NaiveDate,
    /// Arrival now.
    #[serde(deserialize_with = "crate::codec::date")]
    pub arrival: NaiveDate,
    /// Departure now.
    #[serde(deserialize_with = "crate::codec::date")]
    pub departure: NaiveDate,
}

impl DatesChange {
    /// `stay`'s dates replaced by `arrival` and `departure`, when they differ.
    ///
    /// ```
    /// # let stay: hospes::Stay = serde_json::from_str(r#"{"reference":"1","client_id":"C-1","accommodation":"Pitch","arrival":"2026-07-11","departure":"2026-07-25","status":"confirmed","currency":"EUR"}"#).unwrap();
    /// use hospes::stay::DatesChange;
    /// let (a, d) = ("2026-07-12".parse().unwrap(), "2026-07-26".parse().unwrap());
    /// assert_eq!(DatesChange::between(&stay, a, d).unwrap().previous_arrival, stay.arrival);
    /// assert_eq!(DatesChange::between(&stay, stay.arrival, stay.departure), None);
    /// ```
    pub fn between(stay: &Stay, arrival: NaiveDate, departure: NaiveDate) -> Option<DatesChange> {
        (stay.arrival != arrival || stay.departure != departure).then_some(DatesChange {
            previous_arrival: stay.arrival,
            previous_departure: stay.departure,
            arrival,
            departure,
        })
    }
}

/// One line's total, rounded to the minor unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LineTotal {
    /// The line's label.
    pub label: String,
    /// `round(quantity × unit_price)`.
    pub amount: Money,
    /// Its VAT rate.
    pub vat_rate: VatRate,
}

/// The totals of a stay: each line, then the VAT table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StayTotals {
    /// Line totals, in line order.
    pub lines: Vec<LineTotal>,
    /// VAT per rate and the totals excluding VAT, VAT and including VAT.
    pub vat: VatBreakdown,
}

impl Stay {
    /// Nights between arrival and departure.
    ///
    /// ```
    /// # let stay: hospes::Stay = serde_json::from_str(r#"{"reference":"1","client_id":"C-1","accommodation":"Pitch","arrival":"2026-07-11","departure":"2026-07-25","status":"confirmed","currency":"EUR"}"#).unwrap();
    /// assert_eq!(stay.nights(), 14);
    /// ```
    pub fn nights(&self) -> i64 {
        (self.departure - self.arrival).num_days()
    }

    /// Number of people staying: the client and the participants.
    ///
    /// ```
    /// # let stay: hospes::Stay = serde_json::from_str(r#"{"reference":"1","client_id":"C-1","accommodation":"Pitch","arrival":"2026-07-11","departure":"2026-07-25","status":"confirmed","currency":"EUR","participants":[{"first_name":"Léa","last_name":"Dupont"}]}"#).unwrap();
    /// assert_eq!(stay.headcount(), 2);
    /// ```
    pub fn headcount(&self) -> usize {
        self.participants.len() + 1
    }

    /// Everyone staying, by full name: the client (`client_name`) first, then the participants.
    ///
    /// ```
    /// # let stay: hospes::Stay = serde_json::from_str(r#"{"reference":"1","client_id":"C-1","accommodation":"Pitch","arrival":"2026-07-11","departure":"2026-07-25","status":"confirmed","currency":"EUR","participants":[{"first_name":"Léa","last_name":"Dupont"}]}"#).unwrap();
    /// assert_eq!(stay.occupants("Marie Dupont"), ["Marie Dupont", "Léa Dupont"]);
    /// ```
    pub fn occupants(&self, client_name: &str) -> Vec<String> {
        std::iter::once(client_name.to_owned())
            .chain(self.participants.iter().map(|p| p.full_name()))
            .collect()
    }

    /// Checks the stay: reference and labels present, departure after arrival, positive
    /// quantities, every line in the stay's currency; participants checked as of `today`.
    ///
    /// ```
    /// # let mut stay: hospes::Stay = serde_json::from_str(r#"{"reference":"312","client_id":"C-1","accommodation":"Pitch","arrival":"2026-07-11","departure":"2026-07-11","status":"option","currency":"EUR"}"#).unwrap();
    /// let today = "2026-06-01".parse().unwrap();
    /// assert_eq!(stay.clone().normalized(today).unwrap_err().code(), "stay.period_invalid");
    /// ```
    pub fn normalized(self, today: NaiveDate) -> Result<Stay> {
        if self.departure <= self.arrival {
            return Err(Error::PeriodInvalid {
                start: self.arrival.to_string(),
                end: self.departure.to_string(),
            });
        }
        let mut lines = Vec::with_capacity(self.lines.len());
        for (i, line) in self.lines.into_iter().enumerate() {
            let label = text::required(&line.label, &format!("lines[{i}].label"), 200)?;
            let line = Line { label, ..line };
            line.check(self.currency)?;
            lines.push(line);
        }
        let participants = self
            .participants
            .into_iter()
            .enumerate()
            // Born by today, and by the first day of the stay: no one stays before birth.
            .map(|(i, p)| p.normalized(&format!("participants[{i}]"), today.min(self.arrival)))
            .collect::<Result<Vec<_>>>()?;
        Ok(Stay {
            reference: text::required(&self.reference, "reference", 50)?,
            client_id: text::required(&self.client_id, "client_id", 100)?,
            accommodation: text::required(&self.accommodation, "accommodation", 200)?,
            participants,
            lines,
            business_notes: text::optional_multiline(
                self.business_notes.as_deref(),
                "business_notes",
                MAX_BUSINESS_NOTES,
            )?,
            ..self
        })
    }

    /// The stay as a guest may read it: the business's notes left out (the portal's stay
    /// screen shows this).
    ///
    /// ```
    /// # let mut stay: hospes::Stay = serde_json::from_str(r#"{"reference":"1","client_id":"C-1","accommodation":"Pitch","arrival":"2026-07-11","departure":"2026-07-25","status":"confirmed","currency":"EUR"}"#).unwrap();
    /// stay.business_notes = Some("Client difficile, pas d’emplacement près des sanitaires.".into());
    /// assert_eq!(stay.for_guest().business_notes, None);
    /// ```
    pub fn for_guest(&self) -> Stay {
        Stay {
            business_notes: None,
            ..self.clone()
        }
    }

    /// Line totals rounded one by one, then VAT per rate (see [`crate::vat`]).
    pub fn totals(&self) -> Result<StayTotals> {
        totals_of(&self.lines, self.currency, self.price_basis)
    }
}

/// The totals of `lines`: each rounded, then VAT per rate (see [`crate::vat`]).
pub(crate) fn totals_of(
    lines: &[Line],
    currency: Currency,
    basis: PriceBasis,
) -> Result<StayTotals> {
    let lines = lines
        .iter()
        .map(|line| {
            Ok(LineTotal {
                label: line.label.clone(),
                amount: line.total()?,
                vat_rate: line.vat_rate,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let taxed: Vec<TaxedAmount> = lines
        .iter()
        .map(|l| TaxedAmount {
            amount: l.amount.clone(),
            vat_rate: l.vat_rate,
        })
        .collect();
    Ok(StayTotals {
        vat: vat::breakdown(currency, basis, &taxed)?,
        lines,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn stay(lines: &str) -> Stay {
        serde_json::from_str(&format!(
            r#"{{"reference":"312","client_id":"C-1","accommodation":"Emplacement","arrival":"2026-07-11",
                "departure":"2026-07-25","status":"confirmed","currency":"EUR","lines":[{lines}]}}"#
        ))
        .unwrap()
    }

    fn today() -> NaiveDate {
        "2026-06-01".parse().unwrap()
    }

    #[test]
    fn each_line_is_rounded_before_the_vat_is_computed() {
        let s = stay(
            r#"{"label":"Taxe de séjour","kind":"tourist_tax","quantity":"3","unit_price":{"amount":"0.605","currency":"EUR"},"vat_rate":"0"}"#,
        );
        let t = s.totals().unwrap();
        assert_eq!(t.lines[0].amount, Money::parse("1.82", "EUR").unwrap());
        assert_eq!(t.vat.total_incl_vat, Money::parse("1.82", "EUR").unwrap());
    }

    #[test]
    fn a_line_in_another_currency_is_refused() {
        let s = stay(
            r#"{"label":"Pitch","quantity":"1","unit_price":{"amount":"10","currency":"CHF"},"vat_rate":"10"}"#,
        );
        assert_eq!(
            s.normalized(today()).unwrap_err().code(),
            "money.currency_mismatch"
        );
    }

    #[test]
    fn a_zero_quantity_is_refused_with_the_line_label() {
        let s = stay(
            r#"{"label":"Pitch","quantity":"0","unit_price":{"amount":"10","currency":"EUR"},"vat_rate":"10"}"#,
        );
        assert_eq!(
            s.normalized(today()).unwrap_err(),
            Error::QuantityInvalid {
                label: "Pitch".into(),
                value: "0".into()
            }
        );
    }

    #[test]
    fn a_stay_of_two_weeks_has_fourteen_nights() {
        assert_eq!(stay("").nights(), 14);
        assert_eq!(stay("").headcount(), 1);
    }

    proptest! {
        #[test]
        fn the_total_is_the_sum_of_the_rounded_lines(prices in proptest::collection::vec((1i64..500, -5_000i64..50_000, 0usize..3), 0..15)) {
            let rates = ["0", "10", "20"];
            let mut s = stay("");
            s.lines = prices.iter().map(|(q, p, r)| Line {
                label: "x".into(),
                kind: LineKind::Accommodation,
                quantity: Decimal::new(*q, 1),
                unit_price: Money::new(Decimal::new(*p, 3), Currency::EUR),
                vat_rate: rates[*r].parse().unwrap(),
            }).collect();
            let t = s.totals().unwrap();
            let sum = Money::sum(Currency::EUR, t.lines.iter().map(|l| &l.amount)).unwrap();
            prop_assert_eq!(sum, t.vat.total_incl_vat);
        }
    }
}
