//! What the host passes: one client and their records, each checked to be theirs.

use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::account::Account;
use crate::appointment::Appointment;
use crate::client::Client;
use crate::contract::Contract;
use crate::error::{Error, Result};
use crate::establishment::Establishment;
use crate::evidence::LoggedEvent;
use crate::invoice::Invoice;
use crate::payment::Payment;
use crate::quote::Quote;
use crate::residency::Residency;
use crate::stay::Stay;

/// One client and every record the host holds on them, as it passes them to
/// [`export`](super::export) and [`erase`](super::erase). Each record must be this client's: a
/// stay, residency, quote, appointment or account with another `client_id`, an invoice or
/// contract made out to another customer, a payment on none of the invoices passed, an event
/// about another client is refused with `client.record_foreign`.
///
/// ```
/// # let client: hospes::Client = serde_json::from_str(r#"{"id":"C-1","last_name":"Dupont","created_at":"2026-01-15T09:30:00Z"}"#).unwrap();
/// let records = hospes::gdpr::GdprRecords::new(client);
/// assert!(records.stays.is_empty());
/// assert!(records.check().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct GdprRecords {
    /// The client record, as stored (companions, pets and the business's notes included).
    pub client: Client,
    /// Their stays, any status.
    #[serde(default)]
    pub stays: Vec<Stay>,
    /// Their residencies (seasonal or yearly pitches).
    #[serde(default)]
    pub residencies: Vec<Residency>,
    /// Their quotes, with their acceptance evidence.
    #[serde(default)]
    pub quotes: Vec<Quote>,
    /// Their invoices and credit notes, drafts included.
    #[serde(default)]
    pub invoices: Vec<Invoice>,
    /// The payments received on those invoices.
    #[serde(default)]
    pub payments: Vec<Payment>,
    /// Their contracts, with their signature evidence.
    #[serde(default)]
    pub contracts: Vec<Contract>,
    /// Their portal accounts.
    #[serde(default)]
    pub accounts: Vec<Account>,
    /// Their appointments.
    #[serde(default)]
    pub appointments: Vec<Appointment>,
    /// The entries of the hash-linked event logs that concern them.
    #[serde(default)]
    pub events: Vec<LoggedEvent>,
}

/// What a record is, in an erasure step and in `client.record_foreign`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum GdprRecordKind {
    /// A stay.
    Stay,
    /// A residency.
    Residency,
    /// A quote.
    Quote,
    /// An invoice or a credit note.
    Invoice,
    /// A payment.
    Payment,
    /// A contract.
    Contract,
    /// A portal account.
    Account,
    /// An appointment.
    Appointment,
    /// An entry of a hash-linked event log.
    Event,
}

impl GdprRecordKind {
    /// Its name on the wire and in error messages (`stay`, `invoice` …).
    ///
    /// ```
    /// assert_eq!(hospes::gdpr::GdprRecordKind::Invoice.as_str(), "invoice");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            GdprRecordKind::Stay => "stay",
            GdprRecordKind::Residency => "residency",
            GdprRecordKind::Quote => "quote",
            GdprRecordKind::Invoice => "invoice",
            GdprRecordKind::Payment => "payment",
            GdprRecordKind::Contract => "contract",
            GdprRecordKind::Account => "account",
            GdprRecordKind::Appointment => "appointment",
            GdprRecordKind::Event => "event",
        }
    }
}

impl GdprRecords {
    /// The client alone, no record yet: fill the lists with struct update syntax.
    ///
    /// ```
    /// # let client: hospes::Client = serde_json::from_str(r#"{"id":"C-1","last_name":"Dupont","created_at":"2026-01-15T09:30:00Z"}"#).unwrap();
    /// let records = hospes::gdpr::GdprRecords { stays: vec![], ..hospes::gdpr::GdprRecords::new(client) };
    /// assert_eq!(records.client.id, "C-1");
    /// ```
    pub fn new(client: Client) -> GdprRecords {
        GdprRecords {
            client,
            stays: Vec::new(),
            residencies: Vec::new(),
            quotes: Vec::new(),
            invoices: Vec::new(),
            payments: Vec::new(),
            contracts: Vec::new(),
            accounts: Vec::new(),
            appointments: Vec::new(),
            events: Vec::new(),
        }
    }

    /// Checks that every record is the client's; the first one that is not is named in
    /// `client.record_foreign` (its kind, its reference, number or id, and the client's id).
    ///
    /// ```
    /// # let client: hospes::Client = serde_json::from_str(r#"{"id":"C-1","last_name":"Dupont","created_at":"2026-01-15T09:30:00Z"}"#).unwrap();
    /// let stay: hospes::Stay = serde_json::from_str(r#"{"reference":"312","client_id":"C-2","accommodation":"Pitch","arrival":"2026-07-11","departure":"2026-07-18","status":"completed","currency":"EUR"}"#).unwrap();
    /// let records = hospes::gdpr::GdprRecords { stays: vec![stay], ..hospes::gdpr::GdprRecords::new(client) };
    /// let err = records.check().unwrap_err();
    /// assert_eq!(err.code(), "client.record_foreign");
    /// assert!(err.to_string().contains("312"));
    /// ```
    pub fn check(&self) -> Result<()> {
        let owner = self.client.id.as_str();
        let foreign = |kind: GdprRecordKind, id: &str| Error::RecordForeign {
            record: kind.as_str().to_owned(),
            id: id.chars().take(100).collect(),
            client_id: owner.chars().take(100).collect(),
        };
        let mine = |kind: GdprRecordKind, id: &str, client_id: &str| {
            if client_id == owner {
                Ok(())
            } else {
                Err(foreign(kind, id))
            }
        };
        for stay in &self.stays {
            mine(GdprRecordKind::Stay, &stay.reference, &stay.client_id)?;
        }
        for residency in &self.residencies {
            mine(
                GdprRecordKind::Residency,
                &residency.reference,
                &residency.client_id,
            )?;
        }
        for quote in &self.quotes {
            mine(GdprRecordKind::Quote, &quote.number, &quote.client_id)?;
            if let Some(signature) = &quote.acceptance {
                mine(GdprRecordKind::Quote, &quote.number, &signature.client_id)?;
            }
        }
        for invoice in &self.invoices {
            mine(
                GdprRecordKind::Invoice,
                invoice_id(invoice),
                &invoice.customer.client_id,
            )?;
        }
        for payment in &self.payments {
            let on_an_invoice_passed = self
                .invoices
                .iter()
                .any(|i| i.number.as_deref() == Some(payment.invoice_number.as_str()));
            if !on_an_invoice_passed {
                return Err(foreign(GdprRecordKind::Payment, &payment.key));
            }
        }
        for contract in &self.contracts {
            mine(
                GdprRecordKind::Contract,
                &contract.number,
                &contract.customer.client_id,
            )?;
            if let Some(signature) = &contract.signature {
                mine(
                    GdprRecordKind::Contract,
                    &contract.number,
                    &signature.client_id,
                )?;
            }
        }
        for account in &self.accounts {
            mine(
                GdprRecordKind::Account,
                &account.client_id,
                &account.client_id,
            )?;
        }
        for appointment in &self.appointments {
            mine(
                GdprRecordKind::Appointment,
                &appointment.id,
                &appointment.client_id,
            )?;
        }
        for entry in &self.events {
            mine(
                GdprRecordKind::Event,
                &entry.sha256,
                entry.event.client_id(),
            )?;
        }
        Ok(())
    }
}

/// How an invoice is named in a step or an error: its number, empty for a draft.
pub(super) fn invoice_id(invoice: &Invoice) -> &str {
    invoice.number.as_deref().unwrap_or_default()
}

/// `now` as a calendar day in the establishment's time zone.
pub(super) fn today(establishment: &Establishment, now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&establishment.time_zone.tz())
        .date_naive()
}

/// `date` plus `years` (29 February gives 28 February); an internal error past the calendar's
/// end, which no real record reaches.
pub(super) fn years_after(date: NaiveDate, years: u32) -> Result<NaiveDate> {
    years
        .checked_mul(12)
        .and_then(|months| date.checked_add_months(Months::new(months)))
        .ok_or_else(|| Error::Internal {
            detail: format!("{date} plus {years} years is beyond the calendar"),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(id: &str) -> Client {
        serde_json::from_value(serde_json::json!({
            "id": id, "last_name": "Dupont", "created_at": "2026-01-15T09:30:00Z"
        }))
        .unwrap()
    }

    #[test]
    fn a_leap_day_plus_ten_years_is_the_last_day_of_february() {
        let day = NaiveDate::from_ymd_opt(2028, 2, 29).unwrap();
        assert_eq!(years_after(day, 10).unwrap().to_string(), "2038-02-28");
        assert_eq!(
            years_after(NaiveDate::MAX, 10).unwrap_err().code(),
            "internal.error"
        );
    }

    #[test]
    fn a_payment_on_an_invoice_not_passed_is_foreign() {
        let payment: Payment = serde_json::from_value(serde_json::json!({
            "key": "pay_1", "invoice_number": "FA26030042",
            "amount": {"amount": "10.00", "currency": "EUR"}, "method": "card",
            "received_at": "2026-03-02T09:00:00Z"
        }))
        .unwrap();
        let records = GdprRecords {
            payments: vec![payment],
            ..GdprRecords::new(client("C-1"))
        };
        assert_eq!(
            records.check().unwrap_err(),
            Error::RecordForeign {
                record: "payment".into(),
                id: "pay_1".into(),
                client_id: "C-1".into()
            }
        );
    }

    #[test]
    fn every_record_kind_has_its_wire_name() {
        for kind in [
            GdprRecordKind::Stay,
            GdprRecordKind::Residency,
            GdprRecordKind::Quote,
            GdprRecordKind::Invoice,
            GdprRecordKind::Payment,
            GdprRecordKind::Contract,
            GdprRecordKind::Account,
            GdprRecordKind::Appointment,
            GdprRecordKind::Event,
        ] {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
        }
    }
}
