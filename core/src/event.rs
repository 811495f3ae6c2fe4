//! Events: what changed, returned by every state change for the host to store, audit and act on.
//!
//! Serialised with a `type` tag and an `occurred_at` instant:
//! `{"type": "client_info_updated", "occurred_at": "2026-06-01T12:00:00Z", "client_id": …}`.

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::appointment::status::AppointmentStatus;
use crate::client::field::FieldChange;
use crate::editable::change::BookingFieldChange;
use crate::i18n::{self, Locale};
use crate::invoice::kind::InvoiceKind;
use crate::money::Money;
use crate::payment::method::PaymentMethod;
use crate::stay::DatesChange;

mod describe;

/// Something that happened, as the establishment receives it "in real time".
///
/// ```
/// use hospes::Event;
/// let e = Event::ClientInfoUpdated {
///     occurred_at: "2026-06-01T12:00:00Z".parse().unwrap(),
///     client_id: "C-1".into(),
///     changes: vec![],
/// };
/// assert_eq!(e.kind(), "client_info_updated");
/// let json = serde_json::to_value(&e).unwrap();
/// assert_eq!(json["type"], "client_info_updated");
/// assert_eq!(json["occurred_at"], "2026-06-01T12:00:00Z");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[non_exhaustive]
pub enum Event {
    /// The guest changed their details from the portal.
    ClientInfoUpdated {
        /// When.
        occurred_at: DateTime<Utc>,
        /// Whose record.
        client_id: String,
        /// What changed, field by field.
        changes: Vec<FieldChange>,
    },
    /// A portal account was created, waiting for its e-mail to be confirmed.
    AccountRegistered {
        /// When.
        occurred_at: DateTime<Utc>,
        /// Whose account.
        client_id: String,
    },
    /// The owner confirmed the account's e-mail address.
    AccountVerified {
        /// When.
        occurred_at: DateTime<Utc>,
        /// Whose account.
        client_id: String,
    },
    /// The guest added or removed participants of a stay from the portal.
    ParticipantsChanged {
        /// When.
        occurred_at: DateTime<Utc>,
        /// Whose stay.
        client_id: String,
        /// The stay.
        stay_reference: String,
        /// Full names added.
        added: Vec<String>,
        /// Full names removed.
        removed: Vec<String>,
    },
    /// The account's password was changed or reset.
    PasswordChanged {
        /// When.
        occurred_at: DateTime<Utc>,
        /// Whose account.
        client_id: String,
    },
    /// The guest changed a quote (who comes, a promo code): it was re-priced.
    QuoteChanged {
        /// When.
        occurred_at: DateTime<Utc>,
        /// Whose quote.
        client_id: String,
        /// The quote.
        quote_number: String,
        /// The document's hash before.
        previous_sha256: String,
        /// The document's hash now.
        document_sha256: String,
        /// The new total.
        total: Money,
    },
    /// The guest accepted and signed a quote: the exact document they accepted is named by its hash.
    QuoteAccepted {
        /// When.
        occurred_at: DateTime<Utc>,
        /// Whose quote.
        client_id: String,
        /// The quote.
        quote_number: String,
        /// Its stay.
        stay_reference: String,
        /// SHA-256 of the document accepted.
        document_sha256: String,
        /// The total accepted.
        total: Money,
    },
    /// A stay became a booking: a quote accepted (after `quote_accepted`), or a booking the
    /// business took directly, by phone or at the desk (alone, see [`crate::booking`]).
    StayConfirmed {
        /// When.
        occurred_at: DateTime<Utc>,
        /// Whose stay.
        client_id: String,
        /// The stay.
        stay_reference: String,
        /// The stay's dates before and now, when the quote's dates replaced them; absent (not
        /// even `null`, so that logs written before keep their hashes) when they were the same.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        dates_changed: Option<DatesChange>,
    },
    /// The business changed a confirmed stay (dates, options, a discount): re-priced, its balance
    /// invoice replaced by a credit note and a new invoice (see [`crate::amendment`]).
    StayAmended {
        /// When.
        occurred_at: DateTime<Utc>,
        /// Whose stay.
        client_id: String,
        /// The stay.
        stay_reference: String,
        /// The dates before and now, when they changed; absent when they did not.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        dates_changed: Option<DatesChange>,
        /// The total before.
        previous_total: Money,
        /// The total now.
        total: Money,
        /// What the establishment owes back now: money received that the new stay's documents
        /// no longer hold, for the host's payment plug-in to refund (zero mostly).
        refund: Money,
    },
    /// An invoice or a credit note was issued (numbered): it never changes again.
    InvoiceIssued {
        /// When.
        occurred_at: DateTime<Utc>,
        /// The customer.
        client_id: String,
        /// Its number.
        invoice_number: String,
        /// Deposit, balance, credit note …
        kind: InvoiceKind,
        /// Its stay, if any.
        stay_reference: Option<String>,
        /// Its total including VAT (negative for a credit note).
        total: Money,
    },
    /// An invoice was cancelled by a credit note.
    InvoiceCancelled {
        /// When.
        occurred_at: DateTime<Utc>,
        /// The customer.
        client_id: String,
        /// The invoice cancelled.
        invoice_number: String,
        /// The credit note cancelling it.
        credit_note_number: String,
    },
    /// A payment was recorded on an invoice.
    PaymentRecorded {
        /// When.
        occurred_at: DateTime<Utc>,
        /// The customer.
        client_id: String,
        /// The invoice paid.
        invoice_number: String,
        /// How much.
        amount: Money,
        /// How.
        method: PaymentMethod,
        /// The payment's idempotency key.
        key: String,
    },
    /// Money was refunded to the guest against a credit note.
    RefundRecorded {
        /// When.
        occurred_at: DateTime<Utc>,
        /// The customer.
        client_id: String,
        /// The credit note refunded.
        invoice_number: String,
        /// How much went back (positive).
        amount: Money,
        /// How.
        method: PaymentMethod,
        /// The refund's idempotency key.
        key: String,
    },
    /// A payment recorded by mistake was cancelled by a reversing entry, with its reason.
    PaymentReversed {
        /// When.
        occurred_at: DateTime<Utc>,
        /// The customer.
        client_id: String,
        /// The invoice.
        invoice_number: String,
        /// The amount taken back off the invoice (the payment's).
        amount: Money,
        /// The key of the payment cancelled.
        reverses: String,
        /// The reversing entry's idempotency key.
        key: String,
        /// Why.
        reason: String,
    },
    /// An online payment failed or the guest gave up.
    PaymentFailed {
        /// When.
        occurred_at: DateTime<Utc>,
        /// The customer.
        client_id: String,
        /// The invoice.
        invoice_number: String,
        /// The amount asked.
        amount: Money,
        /// The guest gave up (rather than the bank refusing).
        cancelled_by_guest: bool,
    },
    /// The guest signed a contract: the exact document is named by its hash.
    ContractSigned {
        /// When.
        occurred_at: DateTime<Utc>,
        /// The signer.
        client_id: String,
        /// The contract.
        contract_number: String,
        /// Its stay.
        stay_reference: String,
        /// SHA-256 of the document signed.
        document_sha256: String,
        /// The version of the terms signed.
        terms_version: String,
    },
    /// A stay was cancelled; `refund` is for the host's payment plug-in to pay back.
    StayCancelled {
        /// When.
        occurred_at: DateTime<Utc>,
        /// Whose stay.
        client_id: String,
        /// The stay.
        stay_reference: String,
        /// What the establishment keeps.
        penalty: Money,
        /// What it pays back.
        refund: Money,
    },
    /// A resident changed the list of people allowed on their pitch.
    AuthorisedPersonsChanged {
        /// When.
        occurred_at: DateTime<Utc>,
        /// The resident.
        client_id: String,
        /// The pitch.
        pitch: String,
        /// Full names added.
        added: Vec<String>,
        /// Full names removed.
        removed: Vec<String>,
    },
    /// A guest asked for an appointment from their space.
    AppointmentRequested {
        /// When.
        occurred_at: DateTime<Utc>,
        /// Whose pet.
        client_id: String,
        /// The host's id of the appointment.
        appointment_id: String,
        /// The pet, spelt as on the client record.
        pet: String,
        /// Start asked, on the establishment's wall clock.
        #[serde(deserialize_with = "crate::appointment::local::deserialize")]
        start: NaiveDateTime,
        /// End asked, on the establishment's wall clock.
        #[serde(deserialize_with = "crate::appointment::local::deserialize")]
        end: NaiveDateTime,
        /// The guest's wishes.
        comment: Option<String>,
    },
    /// The business confirmed an appointment request.
    AppointmentConfirmed {
        /// When.
        occurred_at: DateTime<Utc>,
        /// Whose pet.
        client_id: String,
        /// The appointment.
        appointment_id: String,
        /// The pet.
        pet: String,
        /// Start, on the establishment's wall clock.
        #[serde(deserialize_with = "crate::appointment::local::deserialize")]
        start: NaiveDateTime,
        /// End, on the establishment's wall clock.
        #[serde(deserialize_with = "crate::appointment::local::deserialize")]
        end: NaiveDateTime,
    },
    /// The business moved an appointment, or changed its length.
    AppointmentRescheduled {
        /// When.
        occurred_at: DateTime<Utc>,
        /// Whose pet.
        client_id: String,
        /// The appointment.
        appointment_id: String,
        /// The pet.
        pet: String,
        /// Start before.
        #[serde(deserialize_with = "crate::appointment::local::deserialize")]
        previous_start: NaiveDateTime,
        /// End before.
        #[serde(deserialize_with = "crate::appointment::local::deserialize")]
        previous_end: NaiveDateTime,
        /// New start, on the establishment's wall clock.
        #[serde(deserialize_with = "crate::appointment::local::deserialize")]
        start: NaiveDateTime,
        /// New end.
        #[serde(deserialize_with = "crate::appointment::local::deserialize")]
        end: NaiveDateTime,
        /// Its status, unchanged: still a request, or confirmed.
        status: AppointmentStatus,
    },
    /// The business refused a request or called off a confirmed appointment.
    AppointmentDeclined {
        /// When.
        occurred_at: DateTime<Utc>,
        /// Whose pet.
        client_id: String,
        /// The appointment.
        appointment_id: String,
        /// The pet.
        pet: String,
        /// Its start.
        #[serde(deserialize_with = "crate::appointment::local::deserialize")]
        start: NaiveDateTime,
        /// `requested` (a request refused) or `confirmed` (an appointment called off).
        previous_status: AppointmentStatus,
        /// The reason given to the guest, if any.
        reason: Option<String>,
    },
    /// The guest cancelled an appointment from their space.
    AppointmentCancelled {
        /// When.
        occurred_at: DateTime<Utc>,
        /// Whose pet.
        client_id: String,
        /// The appointment.
        appointment_id: String,
        /// The pet.
        pet: String,
        /// Its start.
        #[serde(deserialize_with = "crate::appointment::local::deserialize")]
        start: NaiveDateTime,
        /// `requested` or `confirmed`.
        previous_status: AppointmentStatus,
    },
    /// The guest changed booking fields still open (participants, notes, arrival time…).
    BookingFieldsEdited {
        /// When.
        occurred_at: DateTime<Utc>,
        /// Whose stay.
        client_id: String,
        /// The stay.
        stay_reference: String,
        /// What changed, field by field.
        changes: Vec<BookingFieldChange>,
    },
    /// The guest asked for changes past their deadline: the business decides.
    BookingChangeRequested {
        /// When.
        occurred_at: DateTime<Utc>,
        /// Whose stay.
        client_id: String,
        /// The stay.
        stay_reference: String,
        /// The host's id of the request.
        request_id: String,
        /// What would change.
        changes: Vec<BookingFieldChange>,
    },
    /// The business approved a late change.
    BookingChangeApproved {
        /// When.
        occurred_at: DateTime<Utc>,
        /// Whose stay.
        client_id: String,
        /// The stay.
        stay_reference: String,
        /// The request.
        request_id: String,
        /// What changed.
        changes: Vec<BookingFieldChange>,
    },
    /// The business declined a late change.
    BookingChangeDeclined {
        /// When.
        occurred_at: DateTime<Utc>,
        /// Whose stay.
        client_id: String,
        /// The stay.
        stay_reference: String,
        /// The request.
        request_id: String,
        /// Why, if said.
        reason: Option<String>,
    },
    /// The client's record was erased (GDPR art. 17): anonymised, their other records deleted,
    /// anonymised or kept as the law requires. Carries no personal data, only the host's id.
    ClientErased {
        /// When.
        occurred_at: DateTime<Utc>,
        /// The erased client's id (their record now holds a pseudonym).
        client_id: String,
    },
}

impl Event {
    /// When it happened.
    ///
    /// ```
    /// let at = "2026-06-01T12:00:00Z".parse().unwrap();
    /// let e = hospes::Event::ClientInfoUpdated { occurred_at: at, client_id: "C-1".into(), changes: vec![] };
    /// assert_eq!(e.occurred_at(), at);
    /// ```
    pub fn occurred_at(&self) -> DateTime<Utc> {
        match self {
            Event::ClientInfoUpdated { occurred_at, .. }
            | Event::AccountRegistered { occurred_at, .. }
            | Event::AccountVerified { occurred_at, .. }
            | Event::ParticipantsChanged { occurred_at, .. }
            | Event::PasswordChanged { occurred_at, .. }
            | Event::QuoteChanged { occurred_at, .. }
            | Event::QuoteAccepted { occurred_at, .. }
            | Event::StayConfirmed { occurred_at, .. }
            | Event::StayAmended { occurred_at, .. }
            | Event::InvoiceIssued { occurred_at, .. }
            | Event::InvoiceCancelled { occurred_at, .. }
            | Event::PaymentRecorded { occurred_at, .. }
            | Event::PaymentFailed { occurred_at, .. }
            | Event::RefundRecorded { occurred_at, .. }
            | Event::PaymentReversed { occurred_at, .. }
            | Event::ContractSigned { occurred_at, .. }
            | Event::StayCancelled { occurred_at, .. }
            | Event::AuthorisedPersonsChanged { occurred_at, .. }
            | Event::AppointmentRequested { occurred_at, .. }
            | Event::AppointmentConfirmed { occurred_at, .. }
            | Event::AppointmentRescheduled { occurred_at, .. }
            | Event::AppointmentDeclined { occurred_at, .. }
            | Event::AppointmentCancelled { occurred_at, .. }
            | Event::BookingFieldsEdited { occurred_at, .. }
            | Event::BookingChangeRequested { occurred_at, .. }
            | Event::BookingChangeApproved { occurred_at, .. }
            | Event::BookingChangeDeclined { occurred_at, .. }
            | Event::ClientErased { occurred_at, .. } => *occurred_at,
        }
    }

    /// The `type` tag (`client_info_updated`), stable like error codes.
    pub fn kind(&self) -> &'static str {
        match self {
            Event::ClientInfoUpdated { .. } => "client_info_updated",
            Event::AccountRegistered { .. } => "account_registered",
            Event::AccountVerified { .. } => "account_verified",
            Event::ParticipantsChanged { .. } => "participants_changed",
            Event::PasswordChanged { .. } => "password_changed",
            Event::QuoteChanged { .. } => "quote_changed",
            Event::QuoteAccepted { .. } => "quote_accepted",
            Event::StayConfirmed { .. } => "stay_confirmed",
            Event::StayAmended { .. } => "stay_amended",
            Event::InvoiceIssued { .. } => "invoice_issued",
            Event::InvoiceCancelled { .. } => "invoice_cancelled",
            Event::PaymentRecorded { .. } => "payment_recorded",
            Event::PaymentFailed { .. } => "payment_failed",
            Event::RefundRecorded { .. } => "refund_recorded",
            Event::PaymentReversed { .. } => "payment_reversed",
            Event::ContractSigned { .. } => "contract_signed",
            Event::StayCancelled { .. } => "stay_cancelled",
            Event::AuthorisedPersonsChanged { .. } => "authorised_persons_changed",
            Event::AppointmentRequested { .. } => "appointment_requested",
            Event::AppointmentConfirmed { .. } => "appointment_confirmed",
            Event::AppointmentRescheduled { .. } => "appointment_rescheduled",
            Event::AppointmentDeclined { .. } => "appointment_declined",
            Event::AppointmentCancelled { .. } => "appointment_cancelled",
            Event::BookingFieldsEdited { .. } => "booking_fields_edited",
            Event::BookingChangeRequested { .. } => "booking_change_requested",
            Event::BookingChangeApproved { .. } => "booking_change_approved",
            Event::BookingChangeDeclined { .. } => "booking_change_declined",
            Event::ClientErased { .. } => "client_erased",
        }
    }

    /// Whose event it is: every event concerns one client.
    ///
    /// ```
    /// let at = "2026-06-01T12:00:00Z".parse().unwrap();
    /// let e = hospes::Event::ClientErased { occurred_at: at, client_id: "C-1042".into() };
    /// assert_eq!(e.client_id(), "C-1042");
    /// ```
    pub fn client_id(&self) -> &str {
        match self {
            Event::ClientInfoUpdated { client_id, .. }
            | Event::AccountRegistered { client_id, .. }
            | Event::AccountVerified { client_id, .. }
            | Event::ParticipantsChanged { client_id, .. }
            | Event::PasswordChanged { client_id, .. }
            | Event::QuoteChanged { client_id, .. }
            | Event::QuoteAccepted { client_id, .. }
            | Event::StayConfirmed { client_id, .. }
            | Event::StayAmended { client_id, .. }
            | Event::InvoiceIssued { client_id, .. }
            | Event::InvoiceCancelled { client_id, .. }
            | Event::PaymentRecorded { client_id, .. }
            | Event::PaymentFailed { client_id, .. }
            | Event::RefundRecorded { client_id, .. }
            | Event::PaymentReversed { client_id, .. }
            | Event::ContractSigned { client_id, .. }
            | Event::StayCancelled { client_id, .. }
            | Event::AuthorisedPersonsChanged { client_id, .. }
            | Event::AppointmentRequested { client_id, .. }
            | Event::AppointmentConfirmed { client_id, .. }
            | Event::AppointmentRescheduled { client_id, .. }
            | Event::AppointmentDeclined { client_id, .. }
            | Event::AppointmentCancelled { client_id, .. }
            | Event::BookingFieldsEdited { client_id, .. }
            | Event::BookingChangeRequested { client_id, .. }
            | Event::BookingChangeApproved { client_id, .. }
            | Event::BookingChangeDeclined { client_id, .. }
            | Event::ClientErased { client_id, .. } => client_id,
        }
    }

    /// One sentence for the business's activity feed, in `locale`, from the catalogues.
    ///
    /// ```
    /// use hospes::{Event, Locale};
    /// let e = Event::StayConfirmed {
    ///     occurred_at: "2026-06-01T12:00:00Z".parse().unwrap(),
    ///     client_id: "C-1042".into(),
    ///     stay_reference: "312".into(),
    ///     dates_changed: None,
    /// };
    /// assert_eq!(e.describe(Locale::Fr), "Séjour 312 confirmé (client C-1042).");
    /// assert_eq!(e.describe(Locale::Es), "Estancia 312 confirmada (cliente C-1042).");
    /// ```
    pub fn describe(&self, locale: Locale) -> String {
        let id = format!("event-{}", self.kind());
        i18n::text(&id, &self.args(locale), locale, Locale::Fr)
    }
}
