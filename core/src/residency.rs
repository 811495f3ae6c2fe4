//! Residents (« résidents », as campsites call them): a client who rents a pitch for the season or the year.
//! From their space they keep the list of people allowed to stay on the pitch, pay their rent
//! (one invoice per installment) and, at the start of the year, sign their contract.
//!
//! ```
//! # let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/invoicing.json")).unwrap()).unwrap();
//! # let residency: hospes::residency::Residency = serde_json::from_value(data["residency"].clone()).unwrap();
//! let schedule = residency.rent_schedule().unwrap();
//! assert_eq!(schedule.len(), 4);
//! assert_eq!(schedule[1].due_on.to_string(), "2027-04-01");
//! assert_eq!(schedule[0].amount.to_string(), "650.00 EUR");
//! ```

use chrono::{DateTime, Months, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::client::{Client, Companion};
use crate::error::{Error, Result};
use crate::establishment::Establishment;
use crate::event::Event;
use crate::invoice::{self, Invoice, InvoiceKind, InvoiceRequest};
use crate::money::Money;
use crate::pricing::{Installment, InstallmentKind};
use crate::stay::{Line, LineKind, Stay, StayStatus};
use crate::vat::{PriceBasis, VatRate};

/// A resident's year (or season) on a pitch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Residency {
    /// The host's reference for this year's residency (used as the stay reference).
    pub reference: String,
    /// The resident.
    pub client_id: String,
    /// The pitch (« Emplacement A12 »).
    pub pitch: String,
    /// First day of the residency.
    #[serde(deserialize_with = "crate::codec::date")]
    pub from: NaiveDate,
    /// Day after the last one.
    #[serde(deserialize_with = "crate::codec::date")]
    pub to: NaiveDate,
    /// Rent for the whole residency, VAT included.
    pub rent: Money,
    /// VAT rate of the rent.
    pub vat_rate: VatRate,
    /// Paid in this many equal installments, one every `12 / n` months from `from`:
    /// 1, 2, 3, 4, 6 or 12.
    pub installments: u32,
    /// Most people allowed on the pitch, the resident included.
    pub max_occupants: u32,
    /// People allowed to stay on the pitch besides the resident.
    #[serde(default)]
    pub authorised: Vec<Companion>,
}

/// The new list of authorised persons and the event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ResidencyChange {
    /// The residency with its new list.
    pub residency: Residency,
    /// `authorised_persons_changed`, none when nothing changed.
    pub events: Vec<Event>,
}

impl Residency {
    fn check(&self) -> Result<()> {
        let invalid = |detail: String| Err(Error::ResidencyInvalid { detail });
        if self.to <= self.from {
            return invalid(format!(
                "it ends on {} before it starts on {}",
                self.to, self.from
            ));
        }
        if ![1, 2, 3, 4, 6, 12].contains(&self.installments) {
            return invalid(format!(
                "{} installments: 1, 2, 3, 4, 6 or 12 are possible",
                self.installments
            ));
        }
        if self.rent.amount <= Decimal::ZERO {
            return invalid(format!("a rent of {}", self.rent));
        }
        Ok(())
    }

    /// The rent's installments: equal parts (the last one takes the rounding cents), due every
    /// `12 / installments` months from the first day.
    pub fn rent_schedule(&self) -> Result<Vec<Installment>> {
        self.check()?;
        let n = self.installments;
        let part = self
            .rent
            .checked_mul(Decimal::ONE / Decimal::from(n))?
            .rounded();
        let mut left = self.rent.clone();
        (0..n)
            .map(|k| {
                let amount = if k + 1 == n {
                    left.clone()
                } else {
                    part.clone()
                };
                left = left.checked_sub(&amount)?;
                let due_on = self
                    .from
                    .checked_add_months(Months::new(k * (12 / n)))
                    .ok_or_else(|| Error::ResidencyInvalid {
                        detail: format!("no date {} months after {}", k * (12 / n), self.from),
                    })?;
                Ok(Installment {
                    kind: InstallmentKind::Rent,
                    due_on,
                    amount,
                })
            })
            .collect()
    }

    /// The draft rent invoice for installment `index` (from 0), due on its date.
    pub fn rent_invoice(
        &self,
        establishment: &Establishment,
        client: &Client,
        index: u32,
    ) -> Result<Invoice> {
        let schedule = self.rent_schedule()?;
        let installment = schedule
            .get(index as usize)
            .ok_or_else(|| Error::ResidencyInvalid {
                detail: format!(
                    "installment {} of {}",
                    u64::from(index) + 1,
                    self.installments
                ),
            })?;
        let label = format!(
            "{} — {} {}/{} ({} – {})",
            self.pitch,
            crate::invoice::label(
                "label-rent-installment",
                &[],
                client.locale_or(establishment.default_locale)
            ),
            index + 1,
            self.installments,
            self.from,
            self.to
        );
        let mut stay = self.stay();
        stay.lines = vec![];
        invoice::draft(InvoiceRequest {
            kind: InvoiceKind::Rent,
            establishment: establishment.clone(),
            client: client.clone(),
            stay: Some(stay),
            lines: vec![Line {
                label,
                kind: LineKind::Rent,
                quantity: Decimal::ONE,
                unit_price: installment.amount.clone(),
                vat_rate: self.vat_rate,
            }],
            amount: None,
            previous: vec![],
            due_date: installment.due_on,
            locale: None,
            late_payment_rate_percent: None,
        })
    }

    /// The residency as a stay of status `resident`, for its yearly contract
    /// ([`crate::contract::Contract::create`]): the pitch, the dates, the authorised persons, one
    /// rent line.
    pub fn stay(&self) -> Stay {
        Stay {
            reference: self.reference.clone(),
            client_id: self.client_id.clone(),
            accommodation: self.pitch.clone(),
            arrival: self.from,
            departure: self.to,
            status: StayStatus::Resident,
            participants: self.authorised.clone(),
            lines: vec![Line {
                label: self.pitch.clone(),
                kind: LineKind::Rent,
                quantity: Decimal::ONE,
                unit_price: self.rent.clone(),
                vat_rate: self.vat_rate,
            }],
            price_basis: PriceBasis::IncludingVat,
            currency: self.rent.currency,
            documents: vec![],
            notes: None,
            arrival_time: None,
            custom_fields: vec![],
            origin: None,
            business_notes: None,
        }
    }

    /// The resident sets the list of people allowed on the pitch: names checked, duplicates
    /// refused, at most `max_occupants − 1`.
    ///
    /// Errors: `stay.too_many_occupants`; field errors for a name or birth date.
    pub fn set_authorised(
        &self,
        persons: Vec<Companion>,
        now: DateTime<Utc>,
    ) -> Result<ResidencyChange> {
        let today = now.date_naive();
        let persons = persons
            .into_iter()
            .enumerate()
            .map(|(i, p)| p.normalized(&format!("authorised[{i}]"), today))
            .collect::<Result<Vec<_>>>()?;
        let mut unique: Vec<Companion> = Vec::with_capacity(persons.len());
        for p in persons {
            if !unique.iter().any(|u| same_person(u, &p)) {
                unique.push(p);
            }
        }
        let allowed = self.max_occupants.saturating_sub(1) as usize;
        if unique.len() > allowed {
            return Err(Error::TooManyOccupants {
                count: unique.len() + 1,
                max: self.max_occupants,
            });
        }
        let names = |list: &[Companion], other: &[Companion]| -> Vec<String> {
            list.iter()
                .filter(|p| !other.iter().any(|o| same_person(o, p)))
                .map(Companion::full_name)
                .collect()
        };
        let added = names(&unique, &self.authorised);
        let removed = names(&self.authorised, &unique);
        let events = if added.is_empty() && removed.is_empty() {
            vec![]
        } else {
            vec![Event::AuthorisedPersonsChanged {
                occurred_at: now,
                client_id: self.client_id.clone(),
                pitch: self.pitch.clone(),
                added,
                removed,
            }]
        };
        Ok(ResidencyChange {
            residency: Residency {
                authorised: unique,
                ..self.clone()
            },
            events,
        })
    }
}

fn same_person(a: &Companion, b: &Companion) -> bool {
    a.first_name.to_lowercase() == b.first_name.to_lowercase()
        && a.last_name.to_lowercase() == b.last_name.to_lowercase()
}
