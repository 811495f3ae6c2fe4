//! The wire boundary: every operation of hospes callable by name with JSON arguments.
//!
//! The Python and Node bindings, and the shared conformance vectors in `tests/vectors/`, go
//! through [`call`]: an operation name (`client.normalize`), a JSON object of named arguments in
//! the canonical wire form (snake_case keys, decimals as strings, dates as `YYYY-MM-DD`, instants
//! as RFC 3339), and back a JSON envelope: `{"ok": value}` or `{"error": {"code", "family",
//! "message", "messages"}}`. With the `schema` feature, `schema()` describes every operation and
//! type so that bindings generate their stubs and convert decimals and dates to native types.
//!
//! ```
//! let out = hospes::wire::call("money.add", r#"{"a": {"amount": "1.10", "currency": "EUR"}, "b": {"amount": "2.20", "currency": "EUR"}}"#);
//! assert_eq!(out, r#"{"ok":{"amount":"3.30","currency":"EUR"}}"#);
//! let err = hospes::wire::call("money.add", r#"{"a": {"amount": "1", "currency": "EUR"}, "b": {"amount": "1", "currency": "USD"}}"#);
//! assert!(err.contains(r#""code":"money.currency_mismatch""#));
//! ```

use std::panic::{AssertUnwindSafe, catch_unwind};

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Value, json};

use crate::account::{self, Account, AccountUpdate, Login, Registration, Throttle};
use crate::appointment::{
    self, Appointment, AppointmentOutcome, AppointmentRequest, AppointmentSchedule,
};
use crate::cancellation::{self, Cancellation, CancellationConfirmation, CancellationPreview};
use crate::codec::strict::Strict;
use crate::codec::{self, CalendarDate, parse_string};
use crate::contract::{Contract, ContractRequest, ContractSigned};
use crate::editable::{
    self, BookingChange, ChangeRequest, EditOutcome, EditPolicy, EditReminder, EditWindow,
};
use crate::error::{Error, Result};
use crate::establishment::TimeZone;
use crate::event::{self, Event, LoggedEvent};
use crate::i18n::Locale;
use crate::invoice::{self, Invoice, InvoiceRequest, InvoiceSeries, IssuedInvoice};
use crate::link::{
    self, IssuedLink, Keyring, KeyringConfig, LinkClaims, LinkHint, LinkPurpose, LinkRequest,
    LinkState,
};
use crate::mail::{CompiledMail, MailContext, MailEdit, MailSummary, MailTemplate, RenderedMail};
use crate::payment::{
    self, InvoiceBalance, Payment, PaymentRecorded, PaymentReminder, PaymentRequest,
    ProviderResult, ReminderPolicy, ScheduledPayment, StayBalance,
};
use crate::pdf::{FileBytes, LabelRequest, Letterhead, Printer};
use crate::portal::{
    ContractView, InvoiceView, NewParticipant, ParticipantsChange, Portal, PortalAccess,
    PortalHome, QuoteView, StayDetail, StayHistory,
};
use crate::pricing::{self, Catalogue, PriceRequest, PricedGuest, PricedStay};
use crate::pricing::{CancellationPolicy, Installment};
use crate::quote::{Quote, QuoteAcceptance, QuoteChange};
use crate::residency::{Residency, ResidencyChange};
use crate::signature::SignatureRequest;
use crate::vat::{self, PriceBasis, TaxedAmount, VatBreakdown};
use crate::{
    Client, ClientField, ClientUpdateOutcome, Companion, Country, Currency, Establishment,
    GuestDetails, Money, Stay, StayTotals, UpdatePolicy,
};

mod held;
#[cfg(feature = "schema")]
pub mod shape;

pub use held::{Held, call_held, hold};

/// Largest JSON input accepted by one call: 1 MiB, far above any real record.
pub const MAX_INPUT: usize = 1024 * 1024;

/// Deepest nesting of records and lists hospes reads, the arguments object counting as the first:
/// 32 levels, some three times the deepest record of hospes. The bindings refuse deeper values
/// while converting them, and [`call`] while reading JSON (`input.too_deep`), before going deeper.
pub const MAX_DEPTH: usize = 32;

/// An operation callable by name.
#[derive(Clone, Copy)]
pub struct Operation {
    /// Dotted name (`client.normalize`), used by vectors and bindings.
    pub name: &'static str,
    /// Function name in snake_case (`normalize_client`); bindings derive their own casing.
    pub function: &'static str,
    /// What it does, from the doc comment.
    pub doc: &'static str,
    run: fn(&str) -> Result<Answer>,
    #[cfg(feature = "schema")]
    schema: fn(&mut schemars::SchemaGenerator) -> (schemars::Schema, schemars::Schema),
}

impl std::fmt::Debug for Operation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Operation")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

macro_rules! operations {
    ($(
        $(#[doc = $doc:literal])*
        $op:literal => fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block
    )*) => {
        #[allow(non_camel_case_types)]
        mod args {
            use super::*;
            $(
                #[derive(Deserialize)]
                #[serde(deny_unknown_fields)]
                #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
                pub(super) struct $name { $(pub(super) $arg: $ty,)* }
            )*
        }
        mod run {
            use super::*;
            $(
                pub(super) fn $name(input: &str) -> Result<Answer> {
                    let args::$name { $($arg),* } = decode(input)?;
                    let out: $ret = $body?;
                    answer(out)
                }
            )*
        }
        /// Every operation, in documentation order.
        pub const OPERATIONS: &[Operation] = &[$(
            Operation {
                name: $op,
                function: stringify!($name),
                doc: concat!($($doc, "\n",)*),
                run: run::$name,
                #[cfg(feature = "schema")]
                schema: schema_pair::<args::$name, $ret>,
            },
        )*];
    };
}

operations! {
    /// Checks and normalises a client record: names trimmed, e-mail checked, phones in E.164
    /// (read in the client's country, else `default_country`), plates upper-cased, companions'
    /// birth dates plausible as of `now`.
    "client.normalize" => fn normalize_client(client: Client, default_country: Country, now: DateTime<Utc>) -> Client {
        client.normalized(default_country, now)
    }
    /// Applies the guest's form from the portal to their record; refuses a change to a locked
    /// field; returns the new record and a `client_info_updated` event with the diff.
    "client.apply_guest_update" => fn apply_guest_update(client: Client, details: GuestDetails, policy: UpdatePolicy, default_country: Country, now: DateTime<Utc>) -> ClientUpdateOutcome {
        client.apply_guest_update(details, &policy, default_country, now)
    }
    /// Contact details still missing, for the portal's "complete your details" prompt.
    "client.missing_details" => fn missing_client_details(client: Client) -> Vec<ClientField> {
        Ok::<_, Error>(client.missing_details())
    }
    /// Checks and normalises an establishment: phone in E.164, SIRET, URLs, opening periods.
    "establishment.normalize" => fn normalize_establishment(establishment: Establishment) -> Establishment {
        establishment.normalized()
    }
    /// `a + b`, refusing different currencies.
    "money.add" => fn add_money(a: Money, b: Money) -> Money {
        a.checked_add(&b)
    }
    /// `a − b`, refusing different currencies.
    "money.subtract" => fn subtract_money(a: Money, b: Money) -> Money {
        a.checked_sub(&b)
    }
    /// `money × factor`, unrounded.
    "money.multiply" => fn multiply_money(money: Money, factor: DecimalString) -> Money {
        money.checked_mul(factor.0)
    }
    /// Rounds to the currency's minor unit, half away from zero.
    "money.round" => fn round_money(money: Money) -> Money {
        Ok::<_, Error>(money.rounded())
    }
    /// Groups amounts by VAT rate and computes the VAT once per rate.
    "vat.breakdown" => fn vat_breakdown(currency: Currency, basis: PriceBasis, amounts: Vec<TaxedAmount>) -> VatBreakdown {
        vat::breakdown(currency, basis, &amounts)
    }
    /// Checks a stay: dates, positive quantities, one currency, participants as of `today`.
    "stay.normalize" => fn normalize_stay(stay: Stay, today: CalendarDate) -> Stay {
        stay.normalized(today.0)
    }
    /// Line totals rounded one by one, then the VAT table and the three totals.
    "stay.totals" => fn stay_totals(stay: Stay) -> StayTotals {
        stay.totals()
    }
    /// Checks a price catalogue when the business saves it: ids unique, rates and options
    /// referring to seasons that exist, percentages within 0–100, periods in order.
    "pricing.check_catalogue" => fn check_catalogue(catalogue: Catalogue) -> () {
        pricing::check_catalogue(&catalogue)
    }
    /// Prices a stay: priced lines (accommodation, persons by age, discounts, options, promo
    /// code, tourist tax), totals with the VAT table, the payment schedule and the
    /// cancellation terms; or the precise reason it cannot be booked.
    "pricing.price" => fn price_stay(catalogue: Catalogue, request: PriceRequest, now: DateTime<Utc>) -> PricedStay {
        pricing::price(&catalogue, &request, now)
    }
    /// A new random link key, as a PASERK `k4.local.…` string for the host to keep secret.
    "link.generate_key" => fn generate_link_key() -> String {
        link::generate_key()
    }
    /// Issues a link token bound to its purpose, the establishment, the client, the subject and
    /// the state given; returns the token and the URL to put in the e-mail.
    "link.issue" => fn issue_link(keyring: KeyringConfig, establishment: Establishment, request: LinkRequest, now: DateTime<Utc>) -> IssuedLink {
        Keyring::new(&keyring)?.issue(&establishment, &request, now)
    }
    /// Which client, purpose and subject a token names, untrusted: the records to load before
    /// verifying it.
    "link.inspect" => fn inspect_link(token: String) -> LinkHint {
        link::inspect(&token)
    }
    /// Verifies a link token for `purpose` against the state the host has now; `link.invalid`
    /// for anything wrong, `link.expired` for a genuine token past its expiry.
    "link.verify" => fn verify_link(keyring: KeyringConfig, establishment: Establishment, token: String, purpose: LinkPurpose, state: LinkState, now: DateTime<Utc>) -> LinkClaims {
        Keyring::new(&keyring)?.verify(&establishment, &token, purpose, &state, now)
    }
    /// The URL of a link: the portal base URL, the purpose's page and the token.
    "link.url" => fn link_url(establishment: Establishment, purpose: LinkPurpose, token: String) -> String {
        link::url(&establishment, purpose, &token)
    }
    /// Registers a portal account for `email` with `password`; `client` is the client record
    /// holding that address, if any, and `existing` its account, if any. Answers the same work
    /// whether or not the address is known; an account comes back only when one was created.
    "account.register" => fn register_account(client: Option<Client>, existing: Option<Account>, email: String, password: String, now: DateTime<Utc>) -> Registration {
        account::register(client.as_ref(), existing.as_ref(), &email, &password, now)
    }
    /// Marks an account verified from the verified claims of its `account_verify` link.
    "account.confirm" => fn confirm_account(account: Account, claims: LinkClaims, now: DateTime<Utc>) -> AccountUpdate {
        account::confirm(&account, &claims, now)
    }
    /// Logs in: `account.login_failed` for an unknown login or a wrong password alike.
    "account.login" => fn login(account: Option<Account>, email: String, password: String, throttle: Throttle, now: DateTime<Utc>) -> Login {
        account::login(account.as_ref(), &email, &password, &throttle, now)
    }
    /// Changes the password of a logged-in guest, who gives the current one.
    "account.change_password" => fn change_password(account: Account, current_password: String, new_password: String, now: DateTime<Utc>) -> AccountUpdate {
        account::change_password(&account, &current_password, &new_password, now)
    }
    /// Sets a new password from the verified claims of a `password_reset` link.
    "account.reset_password" => fn reset_password(account: Account, claims: LinkClaims, new_password: String, now: DateTime<Utc>) -> AccountUpdate {
        account::reset_password(&account, &claims, &new_password, now)
    }
    /// Seconds to wait before the next login attempt (0: allowed now).
    "account.throttle_wait" => fn login_wait_seconds(throttle: Throttle, now: DateTime<Utc>) -> i64 {
        Ok::<_, Error>(throttle.wait_seconds(now))
    }
    /// The failure counter after a failed login at `now`.
    "account.throttle_failed" => fn record_login_failure(throttle: Throttle, now: DateTime<Utc>) -> Throttle {
        Ok::<_, Error>(throttle.failed(now))
    }
    /// The access a verified link gives: the whole space for a portal link, one stay or
    /// document for the others.
    "portal.access_from_link" => fn portal_access_from_link(claims: LinkClaims) -> PortalAccess {
        Ok::<_, Error>(PortalAccess::from_link(&claims))
    }
    /// The access a successful login gives: the whole space.
    "portal.access_from_login" => fn portal_access_from_login(login: Login) -> PortalAccess {
        Ok::<_, Error>(PortalAccess::from_login(&login))
    }
    /// The home screen: establishment header, greeting, details to complete, upcoming stays.
    /// `stays` may hold anyone's: only the guest's are shown.
    "portal.home" => fn portal_home(access: PortalAccess, client: Client, establishment: Establishment, stays: Vec<Stay>, today: CalendarDate) -> PortalHome {
        Portal::open(&access, client)?.home(&establishment, &stays, today.0)
    }
    /// The history screen: the guest's upcoming and past stays.
    "portal.history" => fn portal_history(access: PortalAccess, client: Client, stays: Vec<Stay>, today: CalendarDate) -> StayHistory {
        Portal::open(&access, client)?.history(&stays, today.0)
    }
    /// The stay screen: the stay, its totals, its documents, the former companions.
    "portal.stay" => fn portal_stay(access: PortalAccess, client: Client, stays: Vec<Stay>, reference: String) -> StayDetail {
        Portal::open(&access, client)?.stay(&stays, &reference)
    }
    /// The « Mes infos » form, pre-filled.
    "portal.personal_info" => fn portal_personal_info(access: PortalAccess, client: Client) -> GuestDetails {
        Portal::open(&access, client)?.personal_info()
    }
    /// Applies the guest's « Mes infos » form.
    "portal.update_personal_info" => fn portal_update_personal_info(access: PortalAccess, client: Client, details: GuestDetails, policy: UpdatePolicy, establishment: Establishment, now: DateTime<Utc>) -> ClientUpdateOutcome {
        Portal::open(&access, client)?.update_personal_info(details, &policy, &establishment, now)
    }
    /// Adds a participant (typed in, or a former companion) to one of the guest's stays.
    "portal.add_participant" => fn portal_add_participant(access: PortalAccess, client: Client, stay: Stay, participant: NewParticipant, now: DateTime<Utc>) -> ParticipantsChange {
        Portal::open(&access, client)?.add_participant(&stay, participant, now)
    }
    /// Removes the participant at `index` from one of the guest's stays.
    "portal.remove_participant" => fn portal_remove_participant(access: PortalAccess, client: Client, stay: Stay, index: u32, now: DateTime<Utc>) -> ParticipantsChange {
        Portal::open(&access, client)?.remove_participant(&stay, index, now)
    }
    /// Checks an invoice series' number pattern (`FA{yy}{mm}{seq:04}`) when the business saves it.
    "invoice.check_number_pattern" => fn check_number_pattern(pattern: String) -> () {
        invoice::check_number_pattern(&pattern)
    }
    /// The next number of an invoice series for an invoice dated `date`, after `last` (the
    /// series' last number, none for its first): gapless, restarting when the date parts change.
    "invoice.next_number" => fn next_invoice_number(pattern: String, date: CalendarDate, last: Option<String>) -> String {
        invoice::next_number(&pattern, date.0, last.as_deref())
    }
    /// Makes a quote (a stay in « option ») from a price request, valid until `valid_until`.
    "quote.create" => fn create_quote(number: String, client_id: String, stay_reference: String, catalogue: Catalogue, request: PriceRequest, now: DateTime<Utc>, valid_until: DateTime<Utc>) -> Quote {
        Quote::create(&number, &client_id, &stay_reference, &catalogue, request, now, valid_until)
    }
    /// The state a quote link is bound to (its document hash and status): the link dies once
    /// the quote changes or is accepted.
    "quote.link_state" => fn quote_link_state(quote: Quote) -> LinkState {
        quote.link_state()
    }
    /// One of the guest's quotes, with the hash of its document and whether it is still open.
    "portal.quote" => fn portal_quote(access: PortalAccess, client: Client, quote: Quote, now: DateTime<Utc>) -> QuoteView {
        Portal::open(&access, client)?.quote(&quote, now)
    }
    /// The guest changes who comes on a quote: re-priced at the quote's own date.
    "portal.change_quote_guests" => fn portal_change_quote_guests(access: PortalAccess, client: Client, quote: Quote, catalogue: Catalogue, guests: Vec<PricedGuest>, now: DateTime<Utc>) -> QuoteChange {
        Portal::open(&access, client)?.change_quote_guests(&quote, &catalogue, guests, now)
    }
    /// The guest types a promo code on a quote (or removes it): the total is recomputed.
    "portal.apply_quote_promo" => fn portal_apply_quote_promo(access: PortalAccess, client: Client, quote: Quote, catalogue: Catalogue, promo_code: Option<String>, now: DateTime<Utc>) -> QuoteChange {
        Portal::open(&access, client)?.apply_quote_promo(&quote, &catalogue, promo_code, now)
    }
    /// The guest accepts and signs a quote: the quote carries the evidence, the stay is
    /// confirmed, `quote_accepted` names the exact document hash.
    "portal.accept_quote" => fn portal_accept_quote(access: PortalAccess, client: Client, quote: Quote, stay: Stay, acceptance: SignatureRequest, now: DateTime<Utc>) -> QuoteAcceptance {
        Portal::open(&access, client)?.accept_quote(&quote, &stay, acceptance, now)
    }
    /// Drafts an invoice (deposit, balance, final, side sale, rent, cancellation fee): lines,
    /// seller and customer copied in, totals and VAT table; not numbered yet.
    "invoice.draft" => fn draft_invoice(request: InvoiceRequest) -> Invoice {
        invoice::draft(request)
    }
    /// Issues a draft invoice: numbered in its series for `date`, every mandatory mention
    /// checked; it never changes again.
    "invoice.issue" => fn issue_invoice(invoice: Invoice, series: InvoiceSeries, date: CalendarDate, now: DateTime<Utc>) -> IssuedInvoice {
        invoice.issue(&series, date.0, now)
    }
    /// The credit note cancelling an issued invoice: every line negated, numbered in `series`.
    "invoice.credit_note" => fn credit_invoice(invoice: Invoice, series: InvoiceSeries, date: CalendarDate, now: DateTime<Utc>) -> IssuedInvoice {
        invoice.credit_note(&series, date.0, now)
    }
    /// The state an invoice link is bound to: its document hash and status.
    "invoice.link_state" => fn invoice_link_state(invoice: Invoice) -> LinkState {
        invoice.link_state()
    }
    /// Records a payment on an invoice; the same idempotency key twice counts once.
    "payment.record" => fn record_payment(invoice: Invoice, payments: Vec<Payment>, payment: Payment, now: DateTime<Utc>) -> PaymentRecorded {
        payment::record(&invoice, &payments, payment, now)
    }
    /// What is paid and due on one invoice.
    "payment.balance" => fn invoice_balance(invoice: Invoice, payments: Vec<Payment>) -> InvoiceBalance {
        payment::balance(&invoice, &payments)
    }
    /// What is invoiced, paid and due for a stay: paid + due = invoiced.
    "payment.stay_balance" => fn stay_balance(currency: Currency, invoices: Vec<Invoice>, payments: Vec<Payment>) -> StayBalance {
        payment::stay_balance(currency, &invoices, &payments)
    }
    /// The payment schedule's state at `now`: paid, upcoming, due today or late.
    "payment.schedule_state" => fn payment_schedule_state(schedule: Vec<Installment>, paid: Money, time_zone: TimeZone, now: DateTime<Utc>) -> Vec<ScheduledPayment> {
        payment::schedule_state(&schedule, &paid, time_zone, now)
    }
    /// The payment reminders due at `now` for a stay, less those already `sent`.
    "payment.reminders_due" => fn payment_reminders_due(stay_reference: String, states: Vec<ScheduledPayment>, policy: ReminderPolicy, sent: Vec<String>, time_zone: TimeZone, now: DateTime<Utc>) -> Vec<PaymentReminder> {
        Ok(payment::reminders_due(&stay_reference, &states, &policy, &sent, time_zone, now))
    }
    /// The request for the host's payment provider: what is due on the invoice, return links.
    "payment.request" => fn payment_request(establishment: Establishment, invoice: Invoice, payments: Vec<Payment>) -> PaymentRequest {
        payment::payment_request(&establishment, &invoice, &payments)
    }
    /// Accepts the payment provider's result for a request: a success is recorded once.
    "payment.accept_result" => fn accept_payment_result(invoice: Invoice, payments: Vec<Payment>, request: PaymentRequest, result: ProviderResult, now: DateTime<Utc>) -> PaymentRecorded {
        payment::accept_result(&invoice, &payments, &request, result, now)
    }
    /// Draws up a contract for a stay from the business's terms.
    "contract.create" => fn create_contract(request: ContractRequest, now: DateTime<Utc>) -> Contract {
        Contract::create(request, now)
    }
    /// The state a contract link is bound to: its document hash and status.
    "contract.link_state" => fn contract_link_state(contract: Contract) -> LinkState {
        contract.link_state()
    }
    /// The guest's invoices with what is paid and due, and whether to show « Payer ».
    "portal.invoices" => fn portal_invoices(access: PortalAccess, client: Client, invoices: Vec<Invoice>, payments: Vec<Payment>, online_payment: bool) -> Vec<InvoiceView> {
        Portal::open(&access, client)?.invoices(&invoices, &payments, online_payment)
    }
    /// One of the guest's contracts, with the hash of its document.
    "portal.contract" => fn portal_contract(access: PortalAccess, client: Client, contract: Contract) -> ContractView {
        Portal::open(&access, client)?.contract(&contract)
    }
    /// The guest signs a contract (drawn signature, consent): locked to the document signed.
    "portal.sign_contract" => fn portal_sign_contract(access: PortalAccess, client: Client, contract: Contract, signature: SignatureRequest, now: DateTime<Utc>) -> ContractSigned {
        Portal::open(&access, client)?.sign_contract(&contract, signature, now)
    }
    /// Appends events to a stay's hash-linked log after its last entry (none for a new log).
    "event.append_log" => fn append_event_log(last: Option<LoggedEvent>, events: Vec<Event>) -> Vec<LoggedEvent> {
        event::append(last.as_ref(), events)
    }
    /// Verifies a hash-linked event log (or a tail of one).
    "event.verify_log" => fn verify_event_log(entries: Vec<LoggedEvent>) -> () {
        event::verify_log(&entries)
    }
    /// What cancelling a stay now would cost: penalty, refund, the documents it will issue.
    "cancellation.preview" => fn preview_cancellation(stay: Stay, policy: CancellationPolicy, invoices: Vec<Invoice>, payments: Vec<Payment>, time_zone: TimeZone, now: DateTime<Utc>) -> CancellationPreview {
        cancellation::preview(&stay, &policy, &invoices, &payments, time_zone, now)
    }
    /// Cancels a stay as previewed: credit notes, the fee invoice, the events.
    "cancellation.confirm" => fn confirm_cancellation(stay: Stay, policy: CancellationPolicy, invoices: Vec<Invoice>, payments: Vec<Payment>, confirmation: CancellationConfirmation, time_zone: TimeZone, now: DateTime<Utc>) -> Cancellation {
        cancellation::confirm(&stay, &policy, &invoices, &payments, confirmation, time_zone, now)
    }
    /// A resident's rent installments.
    "residency.rent_schedule" => fn rent_schedule(residency: Residency) -> Vec<Installment> {
        residency.rent_schedule()
    }
    /// The draft rent invoice for installment `index` (from 0).
    "residency.rent_invoice" => fn rent_invoice(residency: Residency, establishment: Establishment, client: Client, index: u32) -> Invoice {
        residency.rent_invoice(&establishment, &client, index)
    }
    /// The resident sets who may stay on their pitch.
    "residency.set_authorised" => fn set_authorised_persons(residency: Residency, persons: Vec<Companion>, now: DateTime<Utc>) -> ResidencyChange {
        residency.set_authorised(persons, now)
    }
    /// The residency as a stay of status `resident`, for its yearly contract.
    "residency.stay" => fn residency_stay(residency: Residency) -> Stay {
        Ok(residency.stay())
    }
    /// The guest asks for an appointment from their space: one of their pets, a start (local,
    /// `YYYY-MM-DDTHH:MM`), an optional end, a comment; checked against the salon's schedule in
    /// its time zone. `id` is the host's.
    "appointment.request" => fn request_appointment(access: PortalAccess, client: Client, schedule: AppointmentSchedule, time_zone: TimeZone, id: String, request: AppointmentRequest, now: DateTime<Utc>) -> AppointmentOutcome {
        appointment::request(&Portal::open(&access, client)?, &schedule, time_zone, &id, request, now)
    }
    /// The guest's appointments (« Mes rendez-vous »), by start; another client's are left out.
    "appointment.for_guest" => fn guest_appointments(access: PortalAccess, client: Client, appointments: Vec<Appointment>) -> Vec<Appointment> {
        appointment::for_guest(&Portal::open(&access, client)?, &appointments)
    }
    /// The business confirms a requested appointment (not one whose start has passed).
    "appointment.confirm" => fn confirm_appointment(appointment: Appointment, time_zone: TimeZone, now: DateTime<Utc>) -> AppointmentOutcome {
        appointment::confirm(&appointment, time_zone, now)
    }
    /// The business moves an appointment (checked against the opening hours, not the guest's
    /// notice); its status stays.
    "appointment.reschedule" => fn reschedule_appointment(appointment: Appointment, schedule: AppointmentSchedule, time_zone: TimeZone, start: LocalDateTime, end: Option<LocalDateTime>, now: DateTime<Utc>) -> AppointmentOutcome {
        appointment::reschedule(&appointment, &schedule, time_zone, start.0, end.map(|e| e.0), now)
    }
    /// The business declines a request or calls off a confirmed appointment, with a reason.
    "appointment.decline" => fn decline_appointment(appointment: Appointment, reason: Option<String>, now: DateTime<Utc>) -> AppointmentOutcome {
        appointment::decline(&appointment, reason, now)
    }
    /// The guest cancels their appointment from their space.
    "appointment.cancel" => fn cancel_appointment(access: PortalAccess, client: Client, appointment: Appointment, time_zone: TimeZone, now: DateTime<Utc>) -> AppointmentOutcome {
        appointment::cancel(&Portal::open(&access, client)?, &appointment, time_zone, now)
    }
    /// The starts still bookable on `day` for an appointment of `duration_minutes` (the
    /// schedule's default when absent), around the appointments already taken.
    "appointment.free_slots" => fn free_appointment_slots(schedule: AppointmentSchedule, time_zone: TimeZone, day: CalendarDate, duration_minutes: Option<u32>, taken: Vec<Appointment>, now: DateTime<Utc>) -> Vec<chrono::NaiveDateTime> {
        appointment::free_slots(&schedule, time_zone, day.0, duration_minutes, &taken, now)
    }
    /// Checks a salon's appointment schedule as the business saves it.
    "appointment.check_schedule" => fn check_appointment_schedule(schedule: AppointmentSchedule) -> () {
        schedule.check()
    }
    /// Checks an editable-fields policy as the business saves it.
    "editable.check_policy" => fn check_edit_policy(policy: EditPolicy) -> () {
        policy.check()
    }
    /// What the guest may still change on a stay, field by field, with the time remaining.
    "editable.window" => fn edit_window(policy: EditPolicy, stay: Stay, time_zone: TimeZone, now: DateTime<Utc>) -> EditWindow {
        editable::window(&policy, &stay, time_zone, now)
    }
    /// The guest changes booking fields from their space: open fields change now, late ones
    /// become a request (`request_id` is the host's). Another client's stay is not found.
    "editable.apply" => fn apply_booking_change(access: PortalAccess, client: Client, policy: EditPolicy, stay: Stay, time_zone: TimeZone, change: BookingChange, request_id: String, now: DateTime<Utc>) -> EditOutcome {
        let portal = Portal::open(&access, client)?;
        portal.stay(std::slice::from_ref(&stay), &stay.reference)?;
        editable::apply(&policy, &stay, time_zone, change, &request_id, now)
    }
    /// The business approves a late change.
    "editable.approve" => fn approve_booking_change(request: ChangeRequest, stay: Stay, now: DateTime<Utc>) -> EditOutcome {
        editable::approve(&request, &stay, now)
    }
    /// The business declines a late change.
    "editable.decline" => fn decline_booking_change(request: ChangeRequest, reason: Option<String>, now: DateTime<Utc>) -> Event {
        editable::decline(&request, reason, now)
    }
    /// The editable-fields reminders due at `now`, one per stay, each under a stable key.
    "editable.reminders_due" => fn edit_reminders_due(policy: EditPolicy, stays: Vec<Stay>, time_zone: TimeZone, now: DateTime<Utc>) -> Vec<EditReminder> {
        editable::reminders_due(&policy, &stays, time_zone, now)
    }
    /// The business re-sends the reminder by hand (a fresh key).
    "editable.resend" => fn resend_edit_reminder(policy: EditPolicy, stay: Stay, time_zone: TimeZone, now: DateTime<Utc>) -> EditReminder {
        editable::resend(&policy, &stay, time_zone, now)
    }
    /// A reminder's part of the mail context, with the fields' labels in `locale`.
    "editable.mail_edit" => fn edit_reminder_mail(reminder: EditReminder, policy: EditPolicy, locale: Locale) -> MailEdit {
        Ok::<_, Error>(reminder.mail_edit(&policy, locale))
    }
    /// Checks a mail template as the business saves it (unknown tag or variable, syntax, with
    /// part, line and column); returns the tags and links it uses.
    "mail.check" => fn check_mail(template: MailTemplate) -> MailSummary {
        CompiledMail::compile(&template).map(|mail| mail.summary())
    }
    /// Renders a mail: subject, HTML (values escaped) and plain text, in the context's language.
    /// Hosts sending many mails hold the compiled template instead (`Mailer`).
    "mail.render" => fn render_mail(template: MailTemplate, context: MailContext) -> RenderedMail {
        CompiledMail::compile(&template)?.render(&context)
    }
    /// The invoice or credit note as PDF bytes, in the invoice's language, with what was paid
    /// so far when `balance` is given; `letterhead` brings the establishment's logo and font.
    "pdf.invoice" => fn invoice_pdf(invoice: Invoice, balance: Option<InvoiceBalance>, letterhead: Option<Letterhead>) -> FileBytes {
        Printer::for_letterhead(letterhead)?.invoice_with_balance(&invoice, balance.as_ref()).map(FileBytes)
    }
    /// The quote as PDF bytes, in `locale` (else the client's language, else the establishment's).
    "pdf.quote" => fn quote_pdf(quote: Quote, establishment: Establishment, client: Client, locale: Option<Locale>, letterhead: Option<Letterhead>) -> FileBytes {
        Printer::for_letterhead(letterhead)?.quote(&quote, &establishment, &client, locale).map(FileBytes)
    }
    /// The contract as PDF bytes: signed, with the drawn signature and the evidence page.
    "pdf.contract" => fn contract_pdf(contract: Contract, letterhead: Option<Letterhead>) -> FileBytes {
        Printer::for_letterhead(letterhead)?.contract(&contract).map(FileBytes)
    }
    /// Address labels as PDF bytes, on a common sheet (A4 3×8, A4 2×7, Letter 3×10).
    "pdf.labels" => fn labels_pdf(request: LabelRequest) -> FileBytes {
        Printer::standard().labels(&request).map(FileBytes)
    }
    /// One sentence describing an event for the business's activity feed, in `locale`.
    "event.describe" => fn describe_event(event: Event, locale: Locale) -> String {
        Ok::<_, Error>(event.describe(locale))
    }
    /// An amount as `locale` writes it: `1 234,56 €` (narrow no-break space, no-break space).
    "i18n.format_money" => fn format_money(amount: Money, locale: Locale) -> String {
        Ok::<_, Error>(crate::i18n::format::money(&amount, locale))
    }
    /// A date in `locale`'s long form: `11 juillet 2026`, `July 11, 2026`, `11 de julio de 2026`.
    "i18n.format_date" => fn format_date(date: chrono::NaiveDate, locale: Locale) -> String {
        Ok::<_, Error>(crate::i18n::format::date(date, locale))
    }
}

/// A decimal carried as a string on the wire (`"12.50"`), never as a JSON number.
///
/// ```
/// let d: hospes::wire::DecimalString = serde_json::from_str(r#""12.50""#).unwrap();
/// assert_eq!(d.0.to_string(), "12.50");
/// assert!(serde_json::from_str::<hospes::wire::DecimalString>("12.5").is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DecimalString(#[serde(with = "rust_decimal::serde::str")] pub Decimal);

impl<'de> Deserialize<'de> for DecimalString {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        parse_string(d, |s| {
            Decimal::from_str_exact(s.trim())
                .map(DecimalString)
                .map_err(|_| Error::InputInvalid {
                    detail: format!(
                        "`{}` is not a decimal",
                        s.chars().take(40).collect::<String>()
                    ),
                })
        })
    }
}

/// Reads any hospes value from its canonical JSON form, with the same errors as [`call`].
///
/// ```
/// let m: hospes::Money = hospes::wire::from_json(r#"{"amount":"1.50","currency":"EUR"}"#).unwrap();
/// assert_eq!(m.to_string(), "1.50 EUR");
/// let err = hospes::wire::from_json::<hospes::Money>(r#"{"amount":"1.50","currency":"XYZ"}"#).unwrap_err();
/// assert_eq!(err.code(), "money.currency_unknown");
/// ```
pub fn from_json<T: DeserializeOwned>(json: &str) -> Result<T> {
    decode(json)
}

/// Writes any hospes value in its canonical JSON form.
///
/// ```
/// let m = hospes::Money::parse("1.50", "EUR").unwrap();
/// assert_eq!(hospes::wire::to_json(&m).unwrap(), r#"{"amount":"1.50","currency":"EUR"}"#);
/// ```
pub fn to_json<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| Error::Internal {
        detail: e.to_string(),
    })
}

fn decode<T: DeserializeOwned>(input: &str) -> Result<T> {
    if input.len() > MAX_INPUT {
        return Err(Error::InputTooLarge {
            size: input.len(),
            max: MAX_INPUT,
        });
    }
    codec::take_parse_failure();
    // Fast path: most inputs are valid. Only a failure pays for decoding again with the path
    // of the offending field tracked. Records are read from objects only (`Strict`).
    let de = &mut serde_json::Deserializer::from_str(input);
    if let Ok(value) =
        T::deserialize(Strict::new(&mut *de)).and_then(|value| de.end().map(|()| value))
    {
        return Ok(value);
    }
    if let Some(domain) = codec::take_parse_failure() {
        return Err(domain);
    }
    let mut track = serde_path_to_error::Track::new();
    let de = &mut serde_json::Deserializer::from_str(input);
    let tracked = serde_path_to_error::Deserializer::new(&mut *de, &mut track);
    let err = match T::deserialize(Strict::new(tracked)).and_then(|value| de.end().map(|()| value))
    {
        Ok(value) => return Ok(value),
        Err(err) => err,
    };
    codec::take_parse_failure();
    let path = match track.path().to_string() {
        root if root == "." => "$".to_owned(),
        path => format!("$.{path}"),
    };
    Err(refusal(&path, &err))
}

/// The error for what serde_json refused at `path`: a value of another type (`input.wrong_type`),
/// nesting past [`MAX_DEPTH`] (`input.too_deep`), anything else (`input.invalid`).
fn refusal(path: &str, err: &serde_json::Error) -> Error {
    let message = err.to_string();
    // serde's words: "invalid type: integer `12`, expected a string at line 1 column 20".
    let message = message.split(" at line ").next().unwrap_or(&message);
    if let Some((received, expected)) = message
        .strip_prefix("invalid type: ")
        .and_then(|rest| rest.split_once(", expected "))
    {
        return Error::InputWrongType {
            path: path.to_owned(),
            expected: plain_words(expected),
            received: match received {
                "sequence" => "a list".to_owned(),
                "map" => "a record".to_owned(),
                other => other.to_owned(),
            },
        };
    }
    if message.starts_with("nested deeper than") {
        return Error::InputTooDeep {
            path: path.to_owned(),
            max: MAX_DEPTH,
        };
    }
    let detail = if path == "$" {
        message.to_owned()
    } else {
        format!("{path}: {message}")
    };
    Error::InputInvalid { detail }
}

fn encode<T: Serialize>(value: &T) -> Result<String> {
    to_json(value).map(|json| format!(r#"{{"ok":{json}}}"#))
}

/// The error envelope: code, family, English message and the message in every locale.
///
/// ```
/// let e = hospes::wire::error_envelope(&hospes::Error::AmountOverflow);
/// assert_eq!(e["error"]["code"], "money.overflow");
/// assert_eq!(e["error"]["messages"]["fr"], "Montant hors limites.");
/// ```
pub fn error_envelope(err: &Error) -> Value {
    let messages: serde_json::Map<String, Value> = Locale::ALL
        .iter()
        .map(|l| (l.tag().to_owned(), Value::String(err.message(*l))))
        .collect();
    json!({ "error": {
        "code": err.code(),
        "family": err.family(),
        "message": err.message(Locale::En),
        "messages": messages,
    }})
}

/// Runs operation `op` on the JSON object `input` and returns the JSON envelope. Never panics:
/// a bug inside hospes comes back as an `internal.error` envelope.
///
/// ```
/// let out = hospes::wire::call("money.round", r#"{"money": {"amount": "2.345", "currency": "EUR"}}"#);
/// assert_eq!(out, r#"{"ok":{"amount":"2.35","currency":"EUR"}}"#);
/// ```
pub fn call(op: &str, input: &str) -> String {
    match run(op, input) {
        Answer::Envelope(json) => json,
        // In the envelope a file is base64.
        Answer::File(bytes) => {
            encode(&FileBytes(bytes)).unwrap_or_else(|err| error_envelope(&err).to_string())
        }
    }
}

/// Runs operation `op` like [`call`], except that an operation returning a file (a PDF) answers
/// with the file's bytes themselves, not base64 inside an envelope: the bindings hand them on as
/// Python `bytes` or a Node `Buffer` without decoding. Every other answer, and every error, is
/// the envelope [`call`] returns. Never panics.
///
/// ```
/// use hospes::wire::{call_for_file, Answer};
/// let invoice = include_str!("../tests/data/invoice.json");
/// let Answer::File(pdf) = call_for_file("pdf.invoice", &format!(r#"{{"invoice": {invoice}}}"#)) else {
///     panic!("no PDF")
/// };
/// assert!(pdf.starts_with(b"%PDF-1.7"));
/// // Every other answer, and every error, is the envelope `call` gives.
/// let rounded = call_for_file("money.round", r#"{"money": {"amount": "2.345", "currency": "EUR"}}"#);
/// assert_eq!(rounded, Answer::Envelope(r#"{"ok":{"amount":"2.35","currency":"EUR"}}"#.into()));
/// let Answer::Envelope(error) = call_for_file("pdf.invoice", "{}") else { panic!("no error") };
/// assert!(error.contains(r#""code":"input.invalid""#));
/// ```
pub fn call_for_file(op: &str, input: &str) -> Answer {
    run(op, input)
}

/// What [`call_for_file`] answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The JSON envelope, `{"ok": …}` or `{"error": …}`, as [`call`] returns it.
    Envelope(String),
    /// The file an operation returned (a PDF), as it is.
    File(Vec<u8>),
}

/// The answer of an operation that returned `out`: its bytes when it is a file, else its
/// envelope.
fn answer<T: Serialize + 'static>(out: T) -> Result<Answer> {
    let mut slot = Some(out);
    if let Some(file) = (&mut slot as &mut dyn std::any::Any)
        .downcast_mut::<Option<FileBytes>>()
        .and_then(Option::take)
    {
        return Ok(Answer::File(file.0));
    }
    // Not a file: `slot` still holds `out`, and `Some(out)` is written as `out`.
    encode(&slot).map(Answer::Envelope)
}

fn run(op: &str, input: &str) -> Answer {
    let outcome =
        catch_unwind(AssertUnwindSafe(|| {
            let operation = OPERATIONS.iter().find(|o| o.name == op).ok_or_else(|| {
                Error::OperationUnknown {
                    op: op.chars().take(100).collect(),
                }
            })?;
            (operation.run)(input)
        }));
    settle(op, outcome).unwrap_or_else(Answer::Envelope)
}

/// What a field takes in the words of [`shape`](self::shape) rather than serde's: `text`, `a
/// decimal`, `a record`, `a list`.
fn plain_words(expected: &str) -> String {
    let word = match expected {
        "a string" | "a borrowed string" => "text",
        "a Decimal type representing a fixed-point number" => "a decimal",
        "a sequence" => "a list",
        "a boolean" => "true or false",
        "a formatted date string" => "a date (YYYY-MM-DD)",
        "a formatted date and time string or a unix timestamp" => "an instant",
        _ if expected.starts_with("struct ") || expected.starts_with("a map") => "a record",
        _ if expected.starts_with("internally tagged enum") => "a record",
        "u8" | "u16" | "u32" | "u64" | "i8" | "i16" | "i32" | "i64" | "usize" => "an integer",
        _ => expected,
    };
    word.to_owned()
}

/// The error envelope of a value a binding refused while converting it, before calling hospes:
/// `input.wrong_type` (`detail` is what the field takes, `received` what came),
/// `input.too_deep`, `input.cyclic`, `input.too_large` (`detail` the size reached), any other
/// code `input.invalid` with `detail`. The messages are those of every other error, in every
/// language.
///
/// ```
/// let e = hospes::wire::input_refusal("input.wrong_type", "$.a", "a record", "Array");
/// assert!(e.contains(r#""code":"input.wrong_type""#));
/// assert!(e.contains("$.a: expected a record, received Array"));
/// ```
pub fn input_refusal(code: &str, path: &str, detail: &str, received: &str) -> String {
    let path = path.to_owned();
    let error = match code {
        "input.wrong_type" => Error::InputWrongType {
            path,
            expected: detail.to_owned(),
            received: received.to_owned(),
        },
        "input.too_deep" => Error::InputTooDeep {
            path,
            max: MAX_DEPTH,
        },
        "input.cyclic" => Error::InputCyclic { path },
        "input.too_large" => Error::InputTooLarge {
            size: detail.parse().unwrap_or(MAX_INPUT + 1),
            max: MAX_INPUT,
        },
        _ => Error::InputInvalid {
            detail: format!("{path}: {detail}"),
        },
    };
    error_envelope(&error).to_string()
}

/// The envelope of an operation's outcome; a panic becomes `internal.error`.
fn envelope(op: &str, outcome: std::thread::Result<Result<String>>) -> String {
    settle(op, outcome).unwrap_or_else(|error| error)
}

/// An operation's value, or its error envelope; a panic becomes `internal.error`.
fn settle<T>(op: &str, outcome: std::thread::Result<Result<T>>) -> std::result::Result<T, String> {
    let result = outcome.unwrap_or_else(|_| {
        Err(Error::Internal {
            detail: format!("operation `{op}` failed unexpectedly"),
        })
    });
    result.map_err(|err| error_envelope(&err).to_string())
}

#[cfg(feature = "schema")]
fn schema_pair<A: schemars::JsonSchema, R: schemars::JsonSchema>(
    generator: &mut schemars::SchemaGenerator,
) -> (schemars::Schema, schemars::Schema) {
    (
        generator.subschema_for::<A>(),
        generator.subschema_for::<R>(),
    )
}

/// The JSON Schema (draft 2020-12) of every operation and type: `{"operations": [{"name",
/// "function", "doc", "args", "returns"}], "$defs": {...}}`. Decimals carry `"format":
/// "decimal"`, calendar dates `"date"`, instants `"date-time"`.
///
/// ```
/// let s = hospes::wire::schema();
/// assert_eq!(s["operations"][0]["name"], "client.normalize");
/// assert!(s["$defs"]["Client"].is_object());
/// ```
#[cfg(feature = "schema")]
pub fn schema() -> Value {
    let mut generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    let operations: Vec<Value> = OPERATIONS
        .iter()
        .map(|op| {
            let (args, returns) = (op.schema)(&mut generator);
            json!({
                "name": op.name,
                "function": op.function,
                "doc": op.doc.trim(),
                "args": args,
                "returns": returns,
            })
        })
        .collect();
    let mut defs = generator.take_definitions(true);
    // Argument structs are named after their function: move them out of the type list.
    let mut operations = operations;
    for op in &mut operations {
        let Some(function) = op["function"].as_str().map(str::to_owned) else {
            continue;
        };
        if let Some(args) = defs.remove(&function) {
            op["args"] = args;
        }
    }
    json!({ "operations": operations, "$defs": defs })
}
/// A wall-clock date-time carried on the wire as `YYYY-MM-DDTHH:MM` (seconds optional), as an
/// appointment's start and end are.
///
/// ```
/// let t: hospes::wire::LocalDateTime = serde_json::from_str(r#""2026-06-05T14:00""#).unwrap();
/// assert_eq!(t.0.to_string(), "2026-06-05 14:00:00");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalDateTime(pub chrono::NaiveDateTime);

impl<'de> Deserialize<'de> for LocalDateTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        parse_string(d, |s| appointment::parse_local(s).map(LocalDateTime))
    }
}

#[cfg(feature = "schema")]
mod schema_impls {
    use std::borrow::Cow;

    use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

    use super::{DecimalString, LocalDateTime};
    use crate::{Country, Currency, TimeZone, VatRate};

    macro_rules! string_schema {
        ($ty:ty, $name:literal, $format:literal, $description:literal) => {
            impl JsonSchema for $ty {
                fn schema_name() -> Cow<'static, str> {
                    $name.into()
                }
                fn inline_schema() -> bool {
                    true
                }
                fn json_schema(_: &mut SchemaGenerator) -> Schema {
                    json_schema!({ "type": "string", "format": $format, "description": $description })
                }
            }
        };
    }

    string_schema!(
        DecimalString,
        "Decimal",
        "decimal",
        "A decimal number written as a string: \"1234.50\"."
    );
    string_schema!(
        LocalDateTime,
        "LocalDateTime",
        "partial-date-time",
        "A wall-clock date-time in the establishment's zone: \"2026-06-05T14:00\"."
    );
    string_schema!(
        VatRate,
        "VatRate",
        "decimal",
        "A VAT rate in percent, 0 to 100 excluded: \"5.5\"."
    );
    string_schema!(
        Currency,
        "Currency",
        "currency",
        "An ISO 4217 currency code: \"EUR\"."
    );
    string_schema!(
        Country,
        "Country",
        "country",
        "An ISO 3166-1 alpha-2 country code: \"FR\"."
    );
    string_schema!(
        TimeZone,
        "TimeZone",
        "time-zone",
        "An IANA time zone name: \"Europe/Paris\"."
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_operation_is_named_in_the_error() {
        let out = call("client.delete_everything", "{}");
        assert!(out.contains(r#""code":"input.operation_unknown""#), "{out}");
        assert!(out.contains("client.delete_everything"));
    }

    #[test]
    fn a_wrong_type_is_reported_with_its_path() {
        let out = call(
            "money.round",
            r#"{"money": {"amount": 12.5, "currency": "EUR"}}"#,
        );
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["error"]["code"], "input.wrong_type");
        assert!(
            v["error"]["message"]
                .as_str()
                .unwrap()
                .contains("money.amount"),
            "{out}"
        );
    }

    #[test]
    fn nesting_past_thirty_two_levels_is_too_deep() {
        // An event is read whole before its kind is known: the nesting inside is read too.
        let deep = format!(
            r#"{{"last": null, "events": [{{"deep": {}1{}, "type": "x"}}]}}"#,
            "[".repeat(200),
            "]".repeat(200)
        );
        let v: Value = serde_json::from_str(&call("event.append_log", &deep)).unwrap();
        assert_eq!(v["error"]["code"], "input.too_deep", "{v}");
    }

    #[test]
    fn a_bad_currency_deep_in_a_record_keeps_its_own_code() {
        let out = call(
            "money.round",
            r#"{"money": {"amount": "1", "currency": "EURO"}}"#,
        );
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["error"]["code"], "money.currency_unknown");
    }

    #[test]
    fn ten_megabytes_are_refused_before_parsing() {
        let huge = format!(r#"{{"money": "{}"}}"#, "a".repeat(10 * 1024 * 1024));
        let v: Value = serde_json::from_str(&call("money.round", &huge)).unwrap();
        assert_eq!(v["error"]["code"], "input.too_large");
    }

    #[test]
    fn a_pdf_asked_for_as_a_file_is_the_envelope_s_bytes_decoded() {
        let input = format!(
            r#"{{"invoice": {}}}"#,
            include_str!("../tests/data/invoice.json")
        );
        let Answer::File(pdf) = call_for_file("pdf.invoice", &input) else {
            panic!("pdf.invoice gave no file");
        };
        let envelope: Value = serde_json::from_str(&call("pdf.invoice", &input)).unwrap();
        let inside: FileBytes = serde_json::from_value(envelope["ok"].clone()).unwrap();
        assert_eq!(pdf, inside.0);
    }

    #[test]
    fn asked_for_a_file_an_unknown_operation_or_a_refused_input_is_still_an_envelope() {
        let Answer::Envelope(out) = call_for_file("pdf.everything", "{}") else {
            panic!("an unknown operation gave a file");
        };
        assert!(out.contains(r#""code":"input.operation_unknown""#), "{out}");
        let huge = format!(r#"{{"invoice": "{}"}}"#, "a".repeat(2 * MAX_INPUT));
        let Answer::Envelope(out) = call_for_file("pdf.invoice", &huge) else {
            panic!("a refused input gave a file");
        };
        assert!(out.contains(r#""code":"input.too_large""#), "{out}");
    }

    #[test]
    fn operation_names_are_unique() {
        let mut names: Vec<_> = OPERATIONS.iter().map(|o| o.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), OPERATIONS.len());
    }
}
