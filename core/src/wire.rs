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

use serde::{Deserialize, Deserializer};
use serde_json::{Value, json};

use crate::codec::{CalendarDate, parse_string};
use crate::error::{Error, Result};
use crate::link::Keyring;
use crate::mail::CompiledMail;
use crate::pdf::Printer;
use crate::portal::Portal;
use crate::{
    account, appointment, cancellation, editable, evidence, invoice, link, payment, pricing, vat,
};
use types::*;

/// Every type the table of operations names, in scope wherever the table is expanded (here,
/// and in the Kotlin and Swift crate).
pub mod types {
    pub use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
    pub use rust_decimal::Decimal;

    pub use crate::account::{Account, AccountUpdate, Login, Registration, Throttle};
    pub use crate::address::Country;
    pub use crate::appointment::{
        Appointment, AppointmentOutcome, AppointmentRequest, AppointmentSchedule,
    };
    pub use crate::cancellation::{Cancellation, CancellationConfirmation, CancellationPreview};
    pub use crate::client::{
        Client, ClientField, ClientUpdateOutcome, Companion, GuestDetails, UpdatePolicy,
    };
    pub use crate::contract::{Contract, ContractRequest, ContractSigned};
    pub use crate::editable::{
        BookingChange, ChangeRequest, EditOutcome, EditPolicy, EditReminder, EditWindow,
    };
    pub use crate::establishment::{Establishment, TimeZone};
    pub use crate::event::Event;
    pub use crate::evidence::LoggedEvent;
    pub use crate::i18n::Locale;
    pub use crate::invoice::{Invoice, InvoiceRequest, InvoiceSeries, IssuedInvoice};
    pub use crate::link::{
        IssuedLink, KeyringConfig, LinkClaims, LinkHint, LinkPurpose, LinkRequest, LinkState,
    };
    pub use crate::mail::{MailContext, MailEdit, MailSummary, MailTemplate, RenderedMail};
    pub use crate::money::{Currency, Money};
    pub use crate::payment::{
        InvoiceBalance, Payment, PaymentRecorded, PaymentReminder, PaymentRequest, ProviderResult,
        ReminderPolicy, ScheduledPayment, StayBalance,
    };
    pub use crate::pdf::{FileBytes, LabelRequest, Letterhead};
    pub use crate::portal::{
        ContractView, InvoiceView, NewParticipant, ParticipantsChange, PortalAccess, PortalHome,
        QuoteView, StayDetail, StayHistory,
    };
    pub use crate::pricing::{
        CancellationPolicy, Catalogue, Installment, PriceRequest, PricedGuest, PricedStay,
    };
    pub use crate::quote::{Quote, QuoteAcceptance, QuoteChange};
    pub use crate::residency::{Residency, ResidencyChange};
    pub use crate::signature::SignatureRequest;
    pub use crate::stay::{Stay, StayTotals};
    pub use crate::vat::{PriceBasis, TaxedAmount, VatBreakdown};
}

mod envelope;
mod held;
#[cfg(feature = "schema")]
pub mod shape;

pub use envelope::{Answer, error_envelope, input_refusal};
use envelope::{answer, ok_envelope, settle};
pub use held::{Held, call_held, hold};
// The canonical JSON form lives in the codec, beneath the domain; these are its names here too.
pub use crate::codec::{DecimalString, MAX_DEPTH, MAX_INPUT, from_json, to_json};

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

/// The table of operations, declared once (below) and handed to `$callback`, a macro that
/// receives every entry: `wire` builds the typed functions, the JSON runners, the schema and
/// [`OPERATIONS`] from it; the Kotlin and Swift crate builds its uniffi exports from it. An
/// argument written `name: Type as Wire` is `Type` in Rust and read from JSON as `Wire` (a
/// stricter reader: decimals as strings, dates exactly `YYYY-MM-DD`).
#[doc(hidden)]
#[macro_export]
macro_rules! operation_table {
    ($callback:ident) => {
        $callback! {
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
    "money.multiply" => fn multiply_money(money: Money, factor: Decimal as DecimalString) -> Money {
        money.checked_mul(factor)
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
    "stay.normalize" => fn normalize_stay(stay: Stay, today: NaiveDate as CalendarDate) -> Stay {
        stay.normalized(today)
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
    "portal.home" => fn portal_home(access: PortalAccess, client: Client, establishment: Establishment, stays: Vec<Stay>, today: NaiveDate as CalendarDate) -> PortalHome {
        Portal::open(&access, client)?.home(&establishment, &stays, today)
    }
    /// The history screen: the guest's upcoming and past stays.
    "portal.history" => fn portal_history(access: PortalAccess, client: Client, stays: Vec<Stay>, today: NaiveDate as CalendarDate) -> StayHistory {
        Portal::open(&access, client)?.history(&stays, today)
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
    "invoice.next_number" => fn next_invoice_number(pattern: String, date: NaiveDate as CalendarDate, last: Option<String>) -> String {
        invoice::next_number(&pattern, date, last.as_deref())
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
    "invoice.issue" => fn issue_invoice(invoice: Invoice, series: InvoiceSeries, date: NaiveDate as CalendarDate, now: DateTime<Utc>) -> IssuedInvoice {
        invoice.issue(&series, date, now)
    }
    /// The credit note cancelling an issued invoice: every line negated, numbered in `series`.
    "invoice.credit_note" => fn credit_invoice(invoice: Invoice, series: InvoiceSeries, date: NaiveDate as CalendarDate, now: DateTime<Utc>) -> IssuedInvoice {
        invoice.credit_note(&series, date, now)
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
        evidence::append(last.as_ref(), events)
    }
    /// Verifies a hash-linked event log (or a tail of one).
    "event.verify_log" => fn verify_event_log(entries: Vec<LoggedEvent>) -> () {
        evidence::verify_log(&entries)
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
    "appointment.reschedule" => fn reschedule_appointment(appointment: Appointment, schedule: AppointmentSchedule, time_zone: TimeZone, start: NaiveDateTime as LocalDateTime, end: Option<NaiveDateTime> as Option<LocalDateTime>, now: DateTime<Utc>) -> AppointmentOutcome {
        appointment::reschedule(&appointment, &schedule, time_zone, start, end, now)
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
    "appointment.free_slots" => fn free_appointment_slots(schedule: AppointmentSchedule, time_zone: TimeZone, day: NaiveDate as CalendarDate, duration_minutes: Option<u32>, taken: Vec<Appointment>, now: DateTime<Utc>) -> Vec<NaiveDateTime> {
        appointment::free_slots(&schedule, time_zone, day, duration_minutes, &taken, now)
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
    "i18n.format_date" => fn format_date(date: NaiveDate, locale: Locale) -> String {
        Ok::<_, Error>(crate::i18n::format::date(date, locale))
    }
        }
    };
}

/// The Rust type a JSON argument is read as: `Wire` when the table says `Type as Wire`.
macro_rules! wire_type {
    ($ty:ty) => {
        $ty
    };
    ($ty:ty as $wire:ty) => {
        $wire
    };
}

/// Builds the wire from the table (see [`operation_table`]).
macro_rules! operations {
    ($(
        $(#[doc = $doc:literal])*
        $op:literal => fn $name:ident($($arg:ident: $ty:ty $(as $wire:ty)?),* $(,)?) -> $ret:ty $body:block
    )*) => {
        /// Every operation as a typed Rust function, as the table declares it.
        pub mod ops {
            #[allow(unused_imports)]
            use super::*;
            $(
                $(#[doc = $doc])*
                pub fn $name($($arg: $ty),*) -> Result<$ret> {
                    Ok($body?)
                }
            )*
        }
        #[allow(non_camel_case_types)]
        mod args {
            use super::*;
            $(
                #[derive(Deserialize)]
                #[serde(deny_unknown_fields)]
                #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
                pub(super) struct $name { $(pub(super) $arg: wire_type!($ty $(as $wire)?),)* }
            )*
        }
        mod run {
            use super::*;
            $(
                pub(super) fn $name(input: &str) -> Result<Answer> {
                    let args::$name { $($arg),* } = from_json(input)?;
                    answer(ops::$name($(Carried::carried($arg)),*)?)
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

operation_table!(operations);

/// A value read from JSON in its wire form, carried over to the type the operation takes.
trait Carried<T> {
    fn carried(self) -> T;
}

impl<T> Carried<T> for T {
    fn carried(self) -> T {
        self
    }
}

impl Carried<Decimal> for DecimalString {
    fn carried(self) -> Decimal {
        self.0
    }
}

impl Carried<NaiveDate> for CalendarDate {
    fn carried(self) -> NaiveDate {
        self.0
    }
}

impl Carried<NaiveDateTime> for LocalDateTime {
    fn carried(self) -> NaiveDateTime {
        self.0
    }
}

impl Carried<Option<NaiveDateTime>> for Option<LocalDateTime> {
    fn carried(self) -> Option<NaiveDateTime> {
        self.map(|t| t.0)
    }
}

/// Runs operation `op` on the JSON object `input` and returns the JSON envelope. Never panics:
/// a bug inside hospes comes back as an `internal.error` envelope.
///
/// ```
/// let out = hospes::wire::call("money.round", r#"{"money": {"amount": "2.345", "currency": "EUR"}}"#);
/// assert_eq!(out, r#"{"ok":{"amount":"2.35","currency":"EUR"}}"#);
/// ```
pub fn call(op: &str, input: &str) -> String {
    match call_for_file(op, input) {
        Answer::Envelope(json) => json,
        // In the envelope a file is base64.
        Answer::File(bytes) => {
            ok_envelope(&FileBytes(bytes)).unwrap_or_else(|err| error_envelope(&err).to_string())
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

    use super::LocalDateTime;
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
