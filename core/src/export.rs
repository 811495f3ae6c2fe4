//! The business's exports of its bookings and payments, as CSV or XLSX (« extraire les données
//! relatives aux réservations, aux paiements »): one row per stay or payment, the headers in the
//! business's language, written by [`crate::sheet`].
//!
//! The host selects the records (by its own criteria, from its own storage) and passes them in
//! the order it wants; a [`StayFilter`] or [`PaymentFilter`] narrows them further by date, status
//! or method when that is all the host needs. Nothing is sorted, nothing is stored.
//!
//! | stays | payments |
//! |---|---|
//! | reference, client no., client (name, when the client is passed), accommodation, arrival, departure, nights, persons, status, total excl. VAT, VAT, total incl. VAT, currency, documents | received on (the day in the establishment's zone), invoice, amount, currency, method, provider, provider reference, payment reference |
//!
//! ```
//! use hospes::export::{self, StayFilter};
//! use hospes::sheet::SheetOptions;
//! use hospes::{Locale, Stay};
//!
//! let stay: Stay = serde_json::from_str(r#"{"reference": "312", "client_id": "C-1",
//!     "accommodation": "Mobil-home", "arrival": "2026-07-11", "departure": "2026-07-18",
//!     "status": "confirmed", "currency": "EUR", "lines": [{"label": "Mobil-home, 7 nuits",
//!     "quantity": "7", "unit_price": {"amount": "98.00", "currency": "EUR"}, "vat_rate": "10"}]}"#).unwrap();
//! let csv = export::stays(&[stay], &[], &StayFilter::default(), &SheetOptions::csv(Locale::Fr)).unwrap();
//! let text = String::from_utf8(csv).unwrap();
//! assert!(text.starts_with("\u{feff}Réf. séjour;N° client;Client;Hébergement;Arrivée;Départ;"));
//! assert!(text.ends_with("\r\n312;C-1;;Mobil-home;2026-07-11;2026-07-18;7;1;Confirmé;623,64;62,36;686,00;EUR;;;\r\n"));
//! ```

use std::borrow::Borrow;
use std::collections::HashMap;
use std::io::{Cursor, Write};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::error::Result;
use crate::establishment::TimeZone;
use crate::i18n::{Locale, text};
use crate::money::Currency;
use crate::payment::{Payment, PaymentMethod};
use crate::sheet::{Cell, CellKind, SheetColumn, SheetOptions, SheetWriter};
use crate::stay::{BookingOrigin, DocumentRef, Stay, StayStatus};

/// Which stays an export keeps: every bound is optional and inclusive; an empty `statuses`
/// keeps every status.
///
/// ```
/// use hospes::export::StayFilter;
/// let filter: StayFilter = serde_json::from_str(r#"{"arrival_from": "2026-07-01", "statuses": ["confirmed"]}"#).unwrap();
/// assert_eq!(filter.arrival_to, None);
/// assert!(serde_json::from_str::<StayFilter>(r#"{"arrival_from": "2026-7-1"}"#).is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StayFilter {
    /// Stays arriving on this day or after.
    #[serde(default, deserialize_with = "crate::codec::date_option")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub arrival_from: Option<NaiveDate>,
    /// Stays arriving on this day or before.
    #[serde(default, deserialize_with = "crate::codec::date_option")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub arrival_to: Option<NaiveDate>,
    /// The statuses kept; empty for all.
    #[serde(default)]
    pub statuses: Vec<StayStatus>,
    /// The origins kept (web, phone, agency…); empty for all, a stay of unknown origin included.
    #[serde(default)]
    pub origins: Vec<BookingOrigin>,
}

impl StayFilter {
    /// Whether `stay` is kept.
    ///
    /// ```
    /// # let stay: hospes::Stay = serde_json::from_str(r#"{"reference":"1","client_id":"C-1","accommodation":"Pitch","arrival":"2026-07-11","departure":"2026-07-25","status":"cancelled","currency":"EUR"}"#).unwrap();
    /// use hospes::export::StayFilter;
    /// use hospes::StayStatus;
    /// assert!(StayFilter::default().keeps(&stay));
    /// let confirmed = StayFilter { statuses: vec![StayStatus::Confirmed], ..StayFilter::default() };
    /// assert!(!confirmed.keeps(&stay));
    /// ```
    pub fn keeps(&self, stay: &Stay) -> bool {
        self.arrival_from.is_none_or(|from| stay.arrival >= from)
            && self.arrival_to.is_none_or(|to| stay.arrival <= to)
            && (self.statuses.is_empty() || self.statuses.contains(&stay.status))
            && (self.origins.is_empty() || stay.origin.is_some_and(|o| self.origins.contains(&o)))
    }
}

/// Which payments an export keeps: the day each was received (in the establishment's zone)
/// within the optional, inclusive bounds, its method among `methods` (empty for all).
///
/// ```
/// let filter: hospes::export::PaymentFilter = serde_json::from_str(r#"{"methods": ["card", "cash"]}"#).unwrap();
/// assert_eq!(filter.methods.len(), 2);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PaymentFilter {
    /// Payments received on this day or after.
    #[serde(default, deserialize_with = "crate::codec::date_option")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub received_from: Option<NaiveDate>,
    /// Payments received on this day or before.
    #[serde(default, deserialize_with = "crate::codec::date_option")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub received_to: Option<NaiveDate>,
    /// The methods kept; empty for all (`carried` included: sums moved from a cancelled
    /// invoice to its fee invoice, not money received — leave it out to add up receipts).
    #[serde(default)]
    pub methods: Vec<PaymentMethod>,
}

impl PaymentFilter {
    /// Whether `payment` is kept, its day read in `time_zone`.
    ///
    /// ```
    /// # let payment: hospes::payment::Payment = serde_json::from_str(r#"{"key":"p1","invoice_number":"FA1","amount":{"amount":"10","currency":"EUR"},"method":"card","received_at":"2026-06-30T22:30:00Z"}"#).unwrap();
    /// use hospes::export::PaymentFilter;
    /// let july = PaymentFilter { received_from: "2026-07-01".parse().ok(), ..PaymentFilter::default() };
    /// // Half past midnight on 1 July in Paris.
    /// assert!(july.keeps(&payment, "Europe/Paris".parse().unwrap()));
    /// assert!(!july.keeps(&payment, "UTC".parse().unwrap()));
    /// ```
    pub fn keeps(&self, payment: &Payment, time_zone: TimeZone) -> bool {
        let day = received_on(payment, time_zone);
        self.received_from.is_none_or(|from| day >= from)
            && self.received_to.is_none_or(|to| day <= to)
            && (self.methods.is_empty() || self.methods.contains(&payment.method))
    }
}

/// The columns of the stays export, headed in `locale`; amounts in `currency`'s format.
///
/// ```
/// let columns = hospes::export::stay_columns(hospes::Locale::En, hospes::Currency::EUR);
/// assert_eq!(columns[0].header, "Stay ref.");
/// assert_eq!(columns.len(), 16);
/// ```
pub fn stay_columns(locale: Locale, currency: Currency) -> Vec<SheetColumn> {
    let h = |id: &str| text(&format!("export-stay-{id}"), &[], locale, Locale::Fr);
    vec![
        SheetColumn::new(h("reference"), CellKind::Text).with_width(12.0),
        SheetColumn::new(h("client_id"), CellKind::Text).with_width(12.0),
        SheetColumn::new(h("client"), CellKind::Text).with_width(28.0),
        SheetColumn::new(h("accommodation"), CellKind::Text).with_width(28.0),
        SheetColumn::new(h("arrival"), CellKind::Date),
        SheetColumn::new(h("departure"), CellKind::Date),
        SheetColumn::new(h("nights"), CellKind::Integer),
        SheetColumn::new(h("persons"), CellKind::Integer),
        SheetColumn::new(h("status"), CellKind::Text).with_width(14.0),
        SheetColumn::new(h("total_excl_vat"), CellKind::Money(currency)),
        SheetColumn::new(h("total_vat"), CellKind::Money(currency)),
        SheetColumn::new(h("total_incl_vat"), CellKind::Money(currency)),
        SheetColumn::new(h("currency"), CellKind::Text).with_width(8.0),
        SheetColumn::new(h("documents"), CellKind::Text),
        SheetColumn::new(h("origin"), CellKind::Text).with_width(16.0),
        SheetColumn::new(h("business_notes"), CellKind::Text).with_width(40.0),
    ]
}

/// The columns of the payments export, headed in `locale`; amounts in `currency`'s format.
///
/// ```
/// let columns = hospes::export::payment_columns(hospes::Locale::Es, hospes::Currency::EUR);
/// assert_eq!(columns[0].header, "Recibido el");
/// ```
pub fn payment_columns(locale: Locale, currency: Currency) -> Vec<SheetColumn> {
    let h = |id: &str| text(&format!("export-payment-{id}"), &[], locale, Locale::Fr);
    vec![
        SheetColumn::new(h("received_on"), CellKind::Date),
        SheetColumn::new(h("invoice"), CellKind::Text).with_width(14.0),
        SheetColumn::new(h("amount"), CellKind::Money(currency)),
        SheetColumn::new(h("currency"), CellKind::Text).with_width(8.0),
        SheetColumn::new(h("method"), CellKind::Text).with_width(18.0),
        SheetColumn::new(h("provider"), CellKind::Text).with_width(14.0),
        SheetColumn::new(h("provider_reference"), CellKind::Text),
        SheetColumn::new(h("key"), CellKind::Text),
    ]
}

/// Writes the stays `filter` keeps onto `writer`, one row each in the order given, as
/// `options` says (the sheet named « Séjours » unless it names it), and gives the writer back.
/// `clients` gives the names shown beside the client ids; a client not among them leaves the
/// name empty. A stay whose totals cannot be computed (a line in another currency) fails the
/// export with that error.
///
/// ```
/// use hospes::export::{self, StayFilter};
/// use hospes::sheet::SheetOptions;
/// let out = export::write_stays(Vec::new(), Vec::<hospes::Stay>::new(), &[], &StayFilter::default(), &SheetOptions::default()).unwrap();
/// assert!(out.starts_with("\u{feff}Réf. séjour;".as_bytes()));
/// ```
pub fn write_stays<W, I>(
    writer: W,
    stays: I,
    clients: &[Client],
    filter: &StayFilter,
    options: &SheetOptions,
) -> Result<W>
where
    W: Write + Send,
    I: IntoIterator,
    I::Item: Borrow<Stay>,
{
    let mut stays = stays.into_iter().peekable();
    let currency = stays
        .peek()
        .map_or(Currency::EUR, |stay| stay.borrow().currency);
    let names: HashMap<&str, &Client> = clients.iter().map(|c| (c.id.as_str(), c)).collect();
    let locale = options.locale;
    let options = named(options, "export-sheet-stays");
    let mut sheet = SheetWriter::new(writer, &stay_columns(locale, currency), &options)?;
    for stay in stays {
        let stay = stay.borrow();
        if !filter.keeps(stay) {
            continue;
        }
        let totals = stay.totals()?.vat;
        let client = names.get(stay.client_id.as_str()).map(|c| c.display_name());
        sheet.row(&[
            Cell::from(stay.reference.as_str()),
            Cell::from(stay.client_id.as_str()),
            Cell::from(client),
            Cell::from(stay.accommodation.as_str()),
            Cell::Date(stay.arrival),
            Cell::Date(stay.departure),
            Cell::Integer(stay.nights()),
            Cell::Integer(i64::try_from(stay.headcount()).unwrap_or(i64::MAX)),
            Cell::from(status_label(stay.status, locale)),
            Cell::Money(totals.total_excl_vat),
            Cell::Money(totals.total_vat),
            Cell::Money(totals.total_incl_vat),
            Cell::from(stay.currency.code()),
            Cell::from(documents(&stay.documents)),
            Cell::from(stay.origin.map(|o| o.label(locale))),
            Cell::from(stay.business_notes.as_deref()),
        ])?;
    }
    sheet.finish()
}

/// The stays export as a file's bytes (see [`write_stays`]).
///
/// ```
/// use hospes::export::{self, StayFilter};
/// use hospes::sheet::SheetOptions;
/// let xlsx = export::stays(&[], &[], &StayFilter::default(), &SheetOptions::xlsx(hospes::Locale::En)).unwrap();
/// assert!(xlsx.starts_with(b"PK"));
/// ```
pub fn stays(
    stays: &[Stay],
    clients: &[Client],
    filter: &StayFilter,
    options: &SheetOptions,
) -> Result<Vec<u8>> {
    write_stays(Cursor::new(Vec::new()), stays, clients, filter, options).map(Cursor::into_inner)
}

/// Writes the payments `filter` keeps onto `writer`, one row each in the order given, their
/// day read in `time_zone`, as `options` says (the sheet named « Paiements » unless it names
/// it), and gives the writer back.
///
/// ```
/// use hospes::export::{self, PaymentFilter};
/// use hospes::sheet::SheetOptions;
/// let payment: hospes::payment::Payment = serde_json::from_str(r#"{"key": "pay_5Kx",
///     "invoice_number": "FA26030042", "amount": {"amount": "300", "currency": "EUR"},
///     "method": "card", "received_at": "2026-03-01T23:30:00Z", "provider": "payplug"}"#).unwrap();
/// let out = export::write_payments(Vec::new(), [payment], "Europe/Paris".parse().unwrap(),
///     &PaymentFilter::default(), &SheetOptions::default()).unwrap();
/// assert!(String::from_utf8(out).unwrap().ends_with("\r\n2026-03-02;FA26030042;300,00;EUR;Carte bancaire;payplug;;pay_5Kx\r\n"));
/// ```
pub fn write_payments<W, I>(
    writer: W,
    payments: I,
    time_zone: TimeZone,
    filter: &PaymentFilter,
    options: &SheetOptions,
) -> Result<W>
where
    W: Write + Send,
    I: IntoIterator,
    I::Item: Borrow<Payment>,
{
    let mut payments = payments.into_iter().peekable();
    let currency = payments
        .peek()
        .map_or(Currency::EUR, |p| p.borrow().amount.currency);
    let locale = options.locale;
    let options = named(options, "export-sheet-payments");
    let mut sheet = SheetWriter::new(writer, &payment_columns(locale, currency), &options)?;
    for payment in payments {
        let payment = payment.borrow();
        if !filter.keeps(payment, time_zone) {
            continue;
        }
        sheet.row(&[
            Cell::Date(received_on(payment, time_zone)),
            Cell::from(payment.invoice_number.as_str()),
            Cell::Money(payment.amount.clone()),
            Cell::from(payment.amount.currency.code()),
            Cell::from(method_label(payment.method, locale)),
            Cell::from(payment.provider.as_deref()),
            Cell::from(payment.provider_reference.as_deref()),
            Cell::from(payment.key.as_str()),
        ])?;
    }
    sheet.finish()
}

/// The payments export as a file's bytes (see [`write_payments`]).
///
/// ```
/// use hospes::export::{self, PaymentFilter};
/// use hospes::sheet::SheetOptions;
/// let csv = export::payments(&[], "Europe/Paris".parse().unwrap(), &PaymentFilter::default(), &SheetOptions::csv(hospes::Locale::En)).unwrap();
/// assert!(csv.starts_with("\u{feff}Received on;Invoice;Amount;".as_bytes()));
/// ```
pub fn payments(
    payments: &[Payment],
    time_zone: TimeZone,
    filter: &PaymentFilter,
    options: &SheetOptions,
) -> Result<Vec<u8>> {
    write_payments(
        Cursor::new(Vec::new()),
        payments,
        time_zone,
        filter,
        options,
    )
    .map(Cursor::into_inner)
}

/// The options, the sheet named after the export (`id` in the catalogue) unless they name it.
fn named(options: &SheetOptions, id: &str) -> SheetOptions {
    let mut options = options.clone();
    if options.sheet_name.is_none() {
        options.sheet_name = Some(text(id, &[], options.locale, Locale::Fr));
    }
    options
}

/// The day a payment was received, in the establishment's zone.
fn received_on(payment: &Payment, time_zone: TimeZone) -> NaiveDate {
    payment
        .received_at
        .with_timezone(&time_zone.tz())
        .date_naive()
}

/// A stay's documents, by number: `FA26070118, 28`.
fn documents(documents: &[DocumentRef]) -> String {
    documents
        .iter()
        .map(|d| d.number.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn status_label(status: StayStatus, locale: Locale) -> String {
    let id = match status {
        StayStatus::Option => "option",
        StayStatus::Confirmed => "confirmed",
        StayStatus::InProgress => "in_progress",
        StayStatus::Completed => "completed",
        StayStatus::Cancelled => "cancelled",
        StayStatus::Resident => "resident",
    };
    text(&format!("export-stay-status-{id}"), &[], locale, Locale::Fr)
}

fn method_label(method: PaymentMethod, locale: Locale) -> String {
    let id = match method {
        PaymentMethod::Card => "card",
        PaymentMethod::BankTransfer => "bank_transfer",
        PaymentMethod::Cheque => "cheque",
        PaymentMethod::Cash => "cash",
        PaymentMethod::HolidayVouchers => "holiday_vouchers",
        PaymentMethod::Other => "other",
        PaymentMethod::Carried => "carried",
    };
    text(
        &format!("export-payment-method-{id}"),
        &[],
        locale,
        Locale::Fr,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_and_method_has_a_label_in_every_language() {
        let statuses = [
            StayStatus::Option,
            StayStatus::Confirmed,
            StayStatus::InProgress,
            StayStatus::Completed,
            StayStatus::Cancelled,
            StayStatus::Resident,
        ];
        let methods = [
            PaymentMethod::Card,
            PaymentMethod::BankTransfer,
            PaymentMethod::Cheque,
            PaymentMethod::Cash,
            PaymentMethod::HolidayVouchers,
            PaymentMethod::Other,
            PaymentMethod::Carried,
        ];
        for locale in Locale::ALL {
            for status in statuses {
                assert!(!status_label(status, locale).starts_with("export-"));
            }
            for method in methods {
                assert!(!method_label(method, locale).starts_with("export-"));
            }
            for column in stay_columns(locale, Currency::EUR)
                .iter()
                .chain(&payment_columns(locale, Currency::EUR))
            {
                assert!(!column.header.starts_with("export-"), "{}", column.header);
            }
        }
    }
}
