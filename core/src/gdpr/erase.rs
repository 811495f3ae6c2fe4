//! The erasure of a client (GDPR art. 17): the anonymised record, and for every other record
//! what the host must do with it.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::records::{GdprRecordKind, GdprRecords, invoice_id, today, years_after};
use crate::address::Address;
use crate::client::{Client, ClientKind};
use crate::contract::{Contract, ContractStatus};
use crate::error::{Error, Result};
use crate::establishment::Establishment;
use crate::event::Event;
use crate::i18n::{self, Locale};
use crate::invoice::{Invoice, InvoiceStatus};
use crate::money::{Currency, Money};
use crate::quote::{Quote, QuoteStatus};
use crate::residency::Residency;
use crate::signature::{Signature, sha256_of};
use crate::stay::{Stay, StayStatus};

/// From this total (including VAT, in euros) a contract concluded electronically with a
/// consumer is kept ten years (Code de la consommation, art. D213-1).
pub const CONSUMER_CONTRACT_THRESHOLD_EUR: i64 = 120;

/// What the host does with a record when its client is erased.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ErasureAction {
    /// Delete it.
    Delete,
    /// Store the step's `value` in its place: the same record with its personal data wiped.
    Anonymise,
    /// Keep it (as the step's `value` when there is one) until `keep_until`, because the law
    /// requires it (`basis`); delete it then. Without a basis, it holds no personal data.
    Keep,
}

/// Why a record outlives its client's erasure (GDPR art. 17(3)(b) and (e)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum RetentionBasis {
    /// Invoices, credit notes, payments and their accounting entries: ten years (Code de
    /// commerce, art. L123-22; the tax administration's six years, Livre des procédures
    /// fiscales art. L102 B, end earlier).
    Accounting,
    /// Signed contracts and accepted quotes, with their signature evidence: five years, the
    /// limitation period of an action on the contract (Code civil, art. 2224; Code de commerce,
    /// art. L110-4).
    Limitation,
    /// A contract concluded electronically with a consumer for 120 € or more (a contract signed
    /// or a quote accepted in the portal): ten years from its performance (Code de la
    /// consommation, art. L213-1 and D213-1).
    ConsumerContract,
}

impl RetentionBasis {
    /// How many years a record is kept.
    ///
    /// ```
    /// assert_eq!(hospes::gdpr::RetentionBasis::Accounting.years(), 10);
    /// ```
    pub fn years(self) -> u32 {
        match self {
            RetentionBasis::Accounting | RetentionBasis::ConsumerContract => 10,
            RetentionBasis::Limitation => 5,
        }
    }

    /// The articles of French law it rests on.
    ///
    /// ```
    /// assert_eq!(hospes::gdpr::RetentionBasis::Limitation.citation(), "Code civil, art. 2224");
    /// ```
    pub fn citation(self) -> &'static str {
        match self {
            RetentionBasis::Accounting => "Code de commerce, art. L123-22",
            RetentionBasis::Limitation => "Code civil, art. 2224",
            RetentionBasis::ConsumerContract => "Code de la consommation, art. L213-1",
        }
    }
}

/// A record as the host stores it after the erasure, when it changes.
// Returned once per record, never held in bulk; the Kotlin and Swift records take no `Box`.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "record", rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ErasedRecord {
    /// A stay without its participants, the guest's and the business's notes, arrival time and
    /// custom fields.
    Stay {
        /// The stay to store.
        stay: Stay,
    },
    /// A residency without its authorised persons.
    Residency {
        /// The residency to store.
        residency: Residency,
    },
    /// An invoice kept with what is printed on it, the customer's e-mail wiped.
    Invoice {
        /// The invoice to store.
        invoice: Invoice,
    },
}

/// What to do with one record passed to [`erase`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ErasureStep {
    /// What the record is.
    pub record: GdprRecordKind,
    /// Its position in its list of the [`GdprRecords`] passed, from 0.
    pub index: u32,
    /// Its reference, number or id (an event log entry's `sha256`, an account's client id; a
    /// draft invoice has none: empty).
    pub id: String,
    /// What to do.
    pub action: ErasureAction,
    /// Why it is kept, for [`ErasureAction::Keep`].
    pub basis: Option<RetentionBasis>,
    /// The last day it is kept, for [`ErasureAction::Keep`] with a basis.
    pub keep_until: Option<NaiveDate>,
    /// The personal data a kept record still holds, as field paths (`customer.name`).
    pub personal_data_kept: Vec<String>,
    /// The record to store in place of the one passed, when it changes.
    pub value: Option<ErasedRecord>,
}

/// The erasure of a client: their anonymised record, what to do with each of their records,
/// and the event to store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct GdprErasure {
    /// The client record to store in place of theirs (and to upsert into the register): the
    /// pseudonym as its last name, the country and the client's kind and seniority kept,
    /// everything else wiped, `link_version` one higher.
    pub client: Client,
    /// The pseudonym (« Client effacé 7F3A1C2B »), stable for an id.
    pub pseudonym: String,
    /// One step per record passed, in the order of [`GdprRecords`]: stays, residencies, quotes,
    /// invoices, payments, contracts, accounts, appointments, events.
    pub steps: Vec<ErasureStep>,
    /// `client_erased`.
    pub events: Vec<Event>,
}

/// The pseudonym of an erased client: « Client effacé » (in `locale`) and the first eight
/// hexadecimal digits of the SHA-256 of their id, upper case — the same for the same id, so
/// that kept documents and statistics still tell two erased clients apart.
///
/// ```
/// use hospes::{gdpr, Locale};
/// assert_eq!(gdpr::pseudonym("C-1042", Locale::Fr), gdpr::pseudonym("C-1042", Locale::Fr));
/// assert!(gdpr::pseudonym("C-1042", Locale::Fr).starts_with("Client effacé "));
/// assert!(gdpr::pseudonym("C-1042", Locale::En).starts_with("Erased client "));
/// ```
pub fn pseudonym(client_id: &str, locale: Locale) -> String {
    let code: String = sha256_of(client_id.as_bytes())
        .chars()
        .take(8)
        .collect::<String>()
        .to_uppercase();
    i18n::text(
        "gdpr-pseudonym",
        &[("code", code.into())],
        locale,
        Locale::Fr,
    )
}

/// Erases a client at `now`, the establishment's calendar giving the days: their anonymised
/// record, one step per record passed, and `client_erased`.
///
/// - **Client**: the pseudonym (in the establishment's language) as last name; civility, first
///   name, company, street, postcode, city, phones, e-mail, language, notes, plates,
///   companions and pets wiped; the country (not identifying alone, and counted in the
///   occupancy statistics by country of residence), the kind and `created_at` kept;
///   `link_version` bumped, so that no portal link of theirs verifies any more.
/// - **Stays** and **residencies**: anonymised (participants, the guest's and the business's
///   notes, arrival time, custom fields, authorised persons wiped); dates, units and lines stay for occupancy and revenue.
/// - **Invoices and credit notes** issued: kept ten years from their issue date
///   ([`RetentionBasis::Accounting`]) with the customer's name and address as printed, the
///   e-mail wiped; drafts deleted. **Payments**: kept ten years from their receipt.
/// - **Contracts** signed and **quotes** accepted, with their signature evidence: kept,
///   unchanged (the evidence is over the exact document), from the later of the signature and
///   the stay's last day — ten years when concluded online with a consumer for 120 € or more
///   ([`RetentionBasis::ConsumerContract`]), else five ([`RetentionBasis::Limitation`]); the
///   others deleted.
/// - **Accounts** and **appointments**: deleted.
/// - **Event log entries**: those that evidence an invoice or a payment kept ten years, a
///   booking, an acceptance, a signature or a cancellation five (a signature as long as its
///   document, when passed), unchanged (a log entry is never rewritten: its hash chain is the
///   evidence); the others deleted.
///
/// A record whose keeping period is over at `now` is deleted. Errors: `client.record_foreign`
/// for a record of another client; `gdpr.erasure_blocked` while a stay (confirmed, under way
/// or resident) or a residency runs past today — the data is still needed for the contract.
///
/// ```
/// # let client: hospes::Client = serde_json::from_str(r#"{"id":"C-1","first_name":"Marie","last_name":"Dupont","email":"marie@example.fr","link_version":2,"created_at":"2026-01-15T09:30:00Z"}"#).unwrap();
/// # let establishment: hospes::Establishment = serde_json::from_str(r#"{"id":"e","name":"Camping des Pins","currency":"EUR","time_zone":"Europe/Paris","portal_base_url":"https://portail.example.fr/"}"#).unwrap();
/// let erasure = hospes::gdpr::erase(&hospes::gdpr::GdprRecords::new(client), &establishment, "2026-09-01T10:00:00Z".parse().unwrap()).unwrap();
/// assert_eq!(erasure.client.first_name, None);
/// assert_eq!(erasure.client.last_name.as_ref(), Some(&erasure.pseudonym));
/// assert_eq!(erasure.client.link_version, 3);
/// ```
pub fn erase(
    records: &GdprRecords,
    establishment: &Establishment,
    now: DateTime<Utc>,
) -> Result<GdprErasure> {
    records.check()?;
    let today = today(establishment, now);
    let client = &records.client;
    still_running(records, today)?;
    let pseudonym = pseudonym(&client.id, establishment.default_locale);
    let consumer = client.company.is_none() && client.kind != ClientKind::TourOperator;
    let anonymised = anonymised_client(client, &pseudonym)?;
    let day = |at: DateTime<Utc>| at.with_timezone(&establishment.time_zone.tz()).date_naive();
    let mut steps = Vec::new();
    let mut add = |record, index: usize, id: &str, plan: Plan| {
        steps.push(ErasureStep {
            record,
            index: u32::try_from(index).unwrap_or(u32::MAX),
            id: id.to_owned(),
            action: plan.action,
            basis: plan.basis,
            keep_until: plan.keep_until,
            personal_data_kept: plan.personal_data_kept,
            value: plan.value,
        });
    };
    for (i, stay) in records.stays.iter().enumerate() {
        let value = ErasedRecord::Stay {
            stay: anonymised_stay(stay),
        };
        add(
            GdprRecordKind::Stay,
            i,
            &stay.reference,
            Plan::anonymise(value),
        );
    }
    for (i, residency) in records.residencies.iter().enumerate() {
        let value = ErasedRecord::Residency {
            residency: Residency {
                authorised: Vec::new(),
                ..residency.clone()
            },
        };
        add(
            GdprRecordKind::Residency,
            i,
            &residency.reference,
            Plan::anonymise(value),
        );
    }
    // The signed documents kept, for the log entries that evidence them.
    let mut signed_kept: Vec<(GdprRecordKind, &str, RetentionBasis, NaiveDate)> = Vec::new();
    for (i, quote) in records.quotes.iter().enumerate() {
        let plan = quote_plan(quote, consumer, &day, today)?;
        if let (Some(basis), Some(until)) = (plan.basis, plan.keep_until) {
            signed_kept.push((GdprRecordKind::Quote, &quote.number, basis, until));
        }
        add(GdprRecordKind::Quote, i, &quote.number, plan);
    }
    for (i, invoice) in records.invoices.iter().enumerate() {
        let plan = invoice_plan(invoice, today)?;
        add(GdprRecordKind::Invoice, i, invoice_id(invoice), plan);
    }
    for (i, payment) in records.payments.iter().enumerate() {
        let mut plan = Plan::keep(RetentionBasis::Accounting, day(payment.received_at), today)?;
        if plan.action == ErasureAction::Keep && payment.provider_reference.is_some() {
            plan.personal_data_kept = vec!["provider_reference".into()];
        }
        add(GdprRecordKind::Payment, i, &payment.key, plan);
    }
    for (i, contract) in records.contracts.iter().enumerate() {
        let plan = contract_plan(contract, &day, today)?;
        if let (Some(basis), Some(until)) = (plan.basis, plan.keep_until) {
            signed_kept.push((GdprRecordKind::Contract, &contract.number, basis, until));
        }
        add(GdprRecordKind::Contract, i, &contract.number, plan);
    }
    for (i, account) in records.accounts.iter().enumerate() {
        add(
            GdprRecordKind::Account,
            i,
            &account.client_id,
            Plan::delete(),
        );
    }
    for (i, appointment) in records.appointments.iter().enumerate() {
        add(
            GdprRecordKind::Appointment,
            i,
            &appointment.id,
            Plan::delete(),
        );
    }
    for (i, entry) in records.events.iter().enumerate() {
        let mut plan = match event_retention(&entry.event) {
            Some(basis) => Plan::keep(basis, day(entry.event.occurred_at()), today)?,
            None if matches!(entry.event, Event::ClientErased { .. }) => Plan {
                action: ErasureAction::Keep,
                ..Plan::delete()
            },
            None => Plan::delete(),
        };
        // The signature of a document kept longer is kept as long as the document.
        let signed = match &entry.event {
            Event::ContractSigned {
                contract_number, ..
            } => Some((GdprRecordKind::Contract, contract_number.as_str())),
            Event::QuoteAccepted { quote_number, .. } => {
                Some((GdprRecordKind::Quote, quote_number.as_str()))
            }
            _ => None,
        };
        let document = signed.and_then(|(kind, number)| {
            signed_kept
                .iter()
                .find(|(k, n, _, _)| *k == kind && *n == number)
        });
        if let Some(&(_, _, basis, until)) = document
            && plan.keep_until.is_none_or(|own| own < until)
        {
            plan = Plan {
                action: ErasureAction::Keep,
                basis: Some(basis),
                keep_until: Some(until),
                ..Plan::delete()
            };
        }
        add(GdprRecordKind::Event, i, &entry.sha256, plan);
    }
    Ok(GdprErasure {
        client: anonymised,
        pseudonym,
        steps,
        events: vec![Event::ClientErased {
            occurred_at: now,
            client_id: client.id.clone(),
        }],
    })
}

/// What to do with one record, before it is named.
struct Plan {
    action: ErasureAction,
    basis: Option<RetentionBasis>,
    keep_until: Option<NaiveDate>,
    personal_data_kept: Vec<String>,
    value: Option<ErasedRecord>,
}

impl Plan {
    fn delete() -> Plan {
        Plan {
            action: ErasureAction::Delete,
            basis: None,
            keep_until: None,
            personal_data_kept: Vec::new(),
            value: None,
        }
    }

    fn anonymise(value: ErasedRecord) -> Plan {
        Plan {
            action: ErasureAction::Anonymise,
            value: Some(value),
            ..Plan::delete()
        }
    }

    /// Kept `basis.years()` from `from`; deleted when that is over by `today`.
    fn keep(basis: RetentionBasis, from: NaiveDate, today: NaiveDate) -> Result<Plan> {
        let until = years_after(from, basis.years())?;
        if until < today {
            return Ok(Plan::delete());
        }
        Ok(Plan {
            action: ErasureAction::Keep,
            basis: Some(basis),
            keep_until: Some(until),
            ..Plan::delete()
        })
    }

    /// The personal data still on the kept record: the `(path, present)` pairs that hold some.
    fn holding(mut self, fields: &[(&str, bool)]) -> Plan {
        if self.action == ErasureAction::Keep {
            self.personal_data_kept = fields
                .iter()
                .filter(|(_, present)| *present)
                .map(|(path, _)| (*path).to_owned())
                .collect();
        }
        self
    }
}

/// Refuses while a stay or a residency runs past `today`.
fn still_running(records: &GdprRecords, today: NaiveDate) -> Result<()> {
    let blocked = |record: GdprRecordKind, id: &str, last_day: NaiveDate| Error::ErasureBlocked {
        client_id: records.client.id.chars().take(100).collect(),
        record: record.as_str().to_owned(),
        id: id.chars().take(100).collect(),
        until: last_day.to_string(),
    };
    for stay in &records.stays {
        let booked = matches!(
            stay.status,
            StayStatus::Confirmed | StayStatus::InProgress | StayStatus::Resident
        );
        if booked && stay.departure > today {
            return Err(blocked(
                GdprRecordKind::Stay,
                &stay.reference,
                stay.departure,
            ));
        }
    }
    for residency in &records.residencies {
        if residency.to > today {
            let last_day = residency.to.pred_opt().unwrap_or(residency.to);
            return Err(blocked(
                GdprRecordKind::Residency,
                &residency.reference,
                last_day,
            ));
        }
    }
    Ok(())
}

/// The client record with nothing left of the person but the country.
fn anonymised_client(client: &Client, pseudonym: &str) -> Result<Client> {
    let link_version = client
        .link_version
        .checked_add(1)
        .ok_or_else(|| Error::Internal {
            detail: "link_version cannot be bumped past its maximum".into(),
        })?;
    // Every field is named, so that a field added to the record is decided on here.
    Ok(Client {
        id: client.id.clone(),
        civility: None,
        last_name: Some(pseudonym.to_owned()),
        first_name: None,
        company: None,
        address: Address {
            country: client.address.country,
            ..Address::default()
        },
        landline: None,
        mobile: None,
        email: None,
        preferred_locale: None,
        notes: None,
        licence_plates: Vec::new(),
        kind: client.kind,
        created_at: client.created_at,
        link_version,
        companions: Vec::new(),
        pets: Vec::new(),
    })
}

/// The stay without who came, what the guest wrote and what the business noted about it.
fn anonymised_stay(stay: &Stay) -> Stay {
    Stay {
        participants: Vec::new(),
        notes: None,
        arrival_time: None,
        custom_fields: Vec::new(),
        business_notes: None,
        ..stay.clone()
    }
}

/// An issued invoice is kept ten years from its issue date, printed as it is; a draft goes.
fn invoice_plan(invoice: &Invoice, today: NaiveDate) -> Result<Plan> {
    let Some(issued_on) = invoice
        .issue_date
        .filter(|_| invoice.status != InvoiceStatus::Draft)
    else {
        return Ok(Plan::delete());
    };
    let mut plan = Plan::keep(RetentionBasis::Accounting, issued_on, today)?;
    if plan.action == ErasureAction::Keep {
        let mut kept = invoice.clone();
        kept.customer.email = None;
        plan.value = Some(ErasedRecord::Invoice { invoice: kept });
    }
    let customer = &invoice.customer;
    Ok(plan.holding(&[
        ("customer.name", !customer.name.is_empty()),
        ("customer.company", customer.company.is_some()),
        ("customer.address", !customer.address.is_empty()),
    ]))
}

/// The fields of a signature's evidence that name or trace the signer.
fn signature_fields(prefix: &str, signature: &Signature) -> [(String, bool); 5] {
    [
        (format!("{prefix}.signer_name"), true),
        (
            format!("{prefix}.signer_email"),
            signature.signer_email.is_some(),
        ),
        (format!("{prefix}.ip"), signature.ip.is_some()),
        (
            format!("{prefix}.user_agent"),
            signature.user_agent.is_some(),
        ),
        (format!("{prefix}.image"), signature.image.is_some()),
    ]
}

/// A signed contract is evidence five years from the later of its signature and the stay's
/// last day; an unsigned one goes.
fn contract_plan(
    contract: &Contract,
    day: &impl Fn(DateTime<Utc>) -> NaiveDate,
    today: NaiveDate,
) -> Result<Plan> {
    let signed = contract.status == ContractStatus::Signed || contract.signature.is_some();
    if !signed {
        return Ok(Plan::delete());
    }
    let signed_on = contract.signature.as_ref().map(|s| day(s.signed_at));
    let from = signed_on.map_or(contract.departure, |d| d.max(contract.departure));
    let basis = contract_basis(
        !contract.customer.business,
        &contract.totals.vat.total_incl_vat,
    );
    let plan = Plan::keep(basis, from, today)?;
    let customer = &contract.customer;
    let mut fields: Vec<(String, bool)> = vec![
        ("customer.name".into(), !customer.name.is_empty()),
        ("customer.company".into(), customer.company.is_some()),
        ("customer.address".into(), !customer.address.is_empty()),
        ("customer.email".into(), customer.email.is_some()),
        ("occupants".into(), !contract.occupants.is_empty()),
        ("terms".into(), terms_name_someone(contract)),
    ];
    if let Some(signature) = &contract.signature {
        fields.extend(signature_fields("signature", signature));
    }
    let fields: Vec<(&str, bool)> = fields.iter().map(|(p, k)| (p.as_str(), *k)).collect();
    Ok(plan.holding(&fields))
}

/// Whether the contract's terms, merge fields filled in, name the client or an occupant.
fn terms_name_someone(contract: &Contract) -> bool {
    let names: Vec<&str> = std::iter::once(contract.customer.name.as_str())
        .chain(contract.occupants.iter().map(String::as_str))
        .filter(|n| !n.trim().is_empty())
        .collect();
    let terms = &contract.terms;
    std::iter::once(terms.title.as_str())
        .chain(
            terms
                .clauses
                .iter()
                .flat_map(|c| [c.heading.as_str(), c.text.as_str()]),
        )
        .any(|text| names.iter().any(|name| text.contains(name)))
}

/// An accepted quote is the evidence of the booking: five years from the later of its
/// acceptance and the stay's last day; a quote never accepted goes.
fn quote_plan(
    quote: &Quote,
    consumer: bool,
    day: &impl Fn(DateTime<Utc>) -> NaiveDate,
    today: NaiveDate,
) -> Result<Plan> {
    if quote.status != QuoteStatus::Accepted && quote.acceptance.is_none() {
        return Ok(Plan::delete());
    }
    let departure = quote.request.departure;
    let accepted_on = quote.acceptance.as_ref().map(|s| day(s.signed_at));
    let from = accepted_on.map_or(departure, |d| d.max(departure));
    let basis = contract_basis(consumer, &quote.priced.totals.vat.total_incl_vat);
    let plan = Plan::keep(basis, from, today)?;
    let birth_dates = quote.request.guests.iter().any(|g| g.birth_date.is_some());
    let mut fields: Vec<(String, bool)> = vec![("request.guests".into(), birth_dates)];
    if let Some(signature) = &quote.acceptance {
        fields.extend(signature_fields("acceptance", signature));
    }
    let fields: Vec<(&str, bool)> = fields.iter().map(|(p, k)| (p.as_str(), *k)).collect();
    Ok(plan.holding(&fields))
}

/// Ten years for a contract concluded online with a consumer for 120 € or more, else five.
fn contract_basis(consumer: bool, total: &Money) -> RetentionBasis {
    let threshold = Decimal::from(CONSUMER_CONTRACT_THRESHOLD_EUR);
    if consumer && total.currency == Currency::EUR && total.amount >= threshold {
        RetentionBasis::ConsumerContract
    } else {
        RetentionBasis::Limitation
    }
}

/// How long a log entry outlives the erasure: as long as the record it evidences. An event
/// type added later is deleted until decided on here.
fn event_retention(event: &Event) -> Option<RetentionBasis> {
    match event {
        Event::InvoiceIssued { .. }
        | Event::InvoiceCancelled { .. }
        | Event::PaymentRecorded { .. } => Some(RetentionBasis::Accounting),
        Event::QuoteAccepted { .. }
        | Event::ContractSigned { .. }
        | Event::StayConfirmed { .. }
        | Event::StayAmended { .. }
        | Event::StayCancelled { .. } => Some(RetentionBasis::Limitation),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eur(amount: &str) -> Money {
        Money::parse(amount, "EUR").unwrap()
    }

    #[test]
    fn an_online_contract_with_a_consumer_is_kept_ten_years_from_120_euros() {
        assert_eq!(
            contract_basis(true, &eur("120.00")),
            RetentionBasis::ConsumerContract
        );
        assert_eq!(
            contract_basis(true, &eur("119.99")),
            RetentionBasis::Limitation
        );
        assert_eq!(
            contract_basis(false, &eur("5000")),
            RetentionBasis::Limitation
        );
        let dollars = Money::parse("5000", "USD").unwrap();
        assert_eq!(contract_basis(true, &dollars), RetentionBasis::Limitation);
        assert_eq!(RetentionBasis::ConsumerContract.years(), 10);
    }

    #[test]
    fn a_keeping_period_over_by_today_means_delete() {
        let day = |s: &str| s.parse::<NaiveDate>().unwrap();
        let plan = Plan::keep(
            RetentionBasis::Limitation,
            day("2020-01-01"),
            day("2025-01-01"),
        )
        .unwrap();
        assert_eq!(plan.action, ErasureAction::Keep);
        let plan = Plan::keep(
            RetentionBasis::Limitation,
            day("2020-01-01"),
            day("2025-01-02"),
        )
        .unwrap();
        assert_eq!(plan.action, ErasureAction::Delete);
    }
}
