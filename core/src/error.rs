//! The one error type of hospes.
//!
//! Every failure is an [`Error`] variant carrying the offending value. Each variant has a stable
//! dotted [`code`](Error::code) (`client.email_invalid`) that hosts match on, a
//! [`family`](Error::family) (`client`) that the bindings map to exception subclasses, and a
//! message in French, English or Spanish from [`message`](Error::message).

use crate::i18n::Locale;

/// What went wrong, with the value that was wrong.
///
/// ```
/// use hospes::{Error, Locale};
/// let err = Error::EmailInvalid { value: "jean@".into() };
/// assert_eq!(err.code(), "client.email_invalid");
/// assert_eq!(err.family(), "client");
/// assert_eq!(err.message(Locale::Fr), "L’adresse e-mail « jean@ » n’est pas valide.");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input could not be read as the expected shape (wrong type, missing field, bad date).
    #[error("invalid input: {detail}")]
    InputInvalid {
        /// What the decoder said, with the path of the offending field.
        detail: String,
    },
    /// The input is larger than hospes accepts for one call.
    #[error("input of {size} bytes exceeds the limit of {max} bytes")]
    InputTooLarge {
        /// Size received, in bytes.
        size: usize,
        /// Largest accepted size, in bytes.
        max: usize,
    },
    /// A binding asked for an operation that does not exist.
    #[error("unknown operation `{op}`")]
    OperationUnknown {
        /// The operation name received.
        op: String,
    },
    /// Something that cannot happen did; reported instead of crashing the host.
    #[error("internal error: {detail}")]
    Internal {
        /// What failed.
        detail: String,
    },
    /// Not an ISO 4217 currency code.
    #[error("unknown currency `{value}`")]
    CurrencyUnknown {
        /// The code received.
        value: String,
    },
    /// Two amounts in different currencies were combined.
    #[error("cannot combine {left} with {right}")]
    CurrencyMismatch {
        /// Currency of the left operand.
        left: String,
        /// Currency of the right operand.
        right: String,
    },
    /// An amount left the range a decimal can hold.
    #[error("amount out of range")]
    AmountOverflow,
    /// A VAT rate outside 0–100 %.
    #[error("VAT rate `{value}` is not between 0 and 100 %")]
    VatRateInvalid {
        /// The rate received, in percent.
        value: String,
    },
    /// A required field is empty.
    #[error("`{field}` is required")]
    FieldRequired {
        /// The field, as named on the wire.
        field: String,
    },
    /// A text field is longer than allowed.
    #[error("`{field}` is longer than {max} characters")]
    FieldTooLong {
        /// The field, as named on the wire.
        field: String,
        /// Maximum number of characters.
        max: usize,
    },
    /// An e-mail address that is not valid.
    #[error("e-mail address `{value}` is not valid")]
    EmailInvalid {
        /// The address received.
        value: String,
    },
    /// A phone number that cannot be read for its country.
    #[error("phone number `{value}` in `{field}` is not valid")]
    PhoneInvalid {
        /// `landline` or `mobile`.
        field: String,
        /// The number received.
        value: String,
    },
    /// Not an ISO 3166-1 alpha-2 country code.
    #[error("unknown country `{value}`")]
    CountryUnknown {
        /// The code received.
        value: String,
    },
    /// A birth date in the future or before 1900.
    #[error("birth date {value} is not plausible")]
    BirthDateInvalid {
        /// The date received.
        value: String,
    },
    /// A licence plate with characters a plate cannot hold.
    #[error("licence plate `{value}` is not valid")]
    PlateInvalid {
        /// The plate received.
        value: String,
    },
    /// The guest tried to change a field the establishment has locked.
    #[error("`{field}` cannot be changed by the guest")]
    FieldLocked {
        /// The locked field.
        field: String,
    },
    /// A SIRET that is not 14 digits with a valid check digit.
    #[error("SIRET `{value}` is not valid")]
    SiretInvalid {
        /// The SIRET received.
        value: String,
    },
    /// A URL that cannot be parsed or is not http(s).
    #[error("URL `{value}` is not valid")]
    UrlInvalid {
        /// The URL received.
        value: String,
    },
    /// Not an IANA time zone name.
    #[error("unknown time zone `{value}`")]
    TimeZoneUnknown {
        /// The name received.
        value: String,
    },
    /// An opening period whose last day is before its first day.
    #[error("opening period {first_day} – {last_day} is reversed")]
    OpeningPeriodInvalid {
        /// First day open.
        first_day: String,
        /// Last day open.
        last_day: String,
    },
    /// A stay whose departure is not after its arrival.
    #[error("period {start} – {end} is empty or reversed")]
    PeriodInvalid {
        /// First day.
        start: String,
        /// Day after the last night (stays) or last day (openings).
        end: String,
    },
    /// A link token that is not valid: tampered, truncated, for another purpose, establishment,
    /// subject or state, or under an unknown key. Always the same error, whatever the cause.
    #[error("this link is not valid")]
    LinkInvalid,
    /// A genuine link token past its expiry.
    #[error("this link expired at {expired_at}")]
    LinkExpired {
        /// When it expired (RFC 3339).
        expired_at: String,
    },
    /// A link key that is not a PASERK `k4.local.` key (the key itself is never echoed).
    #[error("a link key is not a valid k4.local PASERK key")]
    LinkKeyInvalid,
    /// A link that cannot be issued or checked as asked.
    #[error("link request refused: {detail}")]
    LinkRequestInvalid {
        /// What is wrong with the request.
        detail: String,
    },
    /// A new password shorter than the minimum.
    #[error("the password must have at least {min} characters")]
    PasswordTooShort {
        /// Minimum number of characters.
        min: usize,
    },
    /// Unknown login or wrong password: always the same, so nobody learns who has an account.
    #[error("e-mail or password incorrect")]
    LoginFailed,
    /// The password is right but the account's e-mail was never confirmed.
    #[error("the account's e-mail address is not confirmed yet")]
    AccountNotVerified,
    /// Too many failed attempts: wait before the next one.
    #[error("too many attempts: try again in {retry_after_seconds} s")]
    Throttled {
        /// Seconds to wait.
        retry_after_seconds: u64,
    },
    /// Not this guest's, or outside what their link opens: answered as missing, never forbidden.
    #[error("{what} not found")]
    PortalNotFound {
        /// What was asked for (`stay`, `companion`, `page` …).
        what: String,
    },
    /// The stay is over, in progress or cancelled: its participants can no longer change.
    #[error("stay {reference} can no longer be changed")]
    StayNotEditable {
        /// The stay's reference.
        reference: String,
    },
    /// No unit with this id in the catalogue.
    #[error("unknown unit `{unit}`")]
    UnitUnknown {
        /// The unit id received.
        unit: String,
    },
    /// The unit is booked, closed or has no rate on one of the nights asked for.
    #[error("unit `{unit}` is not available on the night of {date}")]
    UnitUnavailable {
        /// The unit id.
        unit: String,
        /// The first night that is not available.
        date: String,
    },
    /// The stay is shorter than the rate allows.
    #[error("{nights} nights is below the minimum stay of {min} nights")]
    BelowMinimumStay {
        /// Nights asked for.
        nights: u32,
        /// Minimum nights.
        min: u32,
    },
    /// The stay is longer than the rate allows.
    #[error("{nights} nights is above the maximum stay of {max} nights")]
    AboveMaximumStay {
        /// Nights asked for.
        nights: u32,
        /// Maximum nights.
        max: u32,
    },
    /// Arrivals are not taken on that day of the week for this rate.
    #[error("arrival on a {day} is not allowed (allowed: {allowed})")]
    ArrivalDayNotAllowed {
        /// The arrival's day of the week, in English (`monday`).
        day: String,
        /// The allowed days, comma-separated.
        allowed: String,
    },
    /// More guests than the unit sleeps.
    #[error("{guests} guests exceed the capacity of {capacity} of unit `{unit}`")]
    CapacityExceeded {
        /// The unit id.
        unit: String,
        /// Its capacity.
        capacity: u32,
        /// Guests asked for.
        guests: u32,
    },
    /// No option with this id in the catalogue.
    #[error("unknown option `{option}`")]
    OptionUnknown {
        /// The option id received.
        option: String,
    },
    /// The option cannot be booked for this stay, now.
    #[error("option `{option}` is not allowed ({reason})")]
    OptionNotAllowed {
        /// The option's name.
        option: String,
        /// Why: `within_days` (too close to arrival), `booking_only` (only when booking),
        /// `unit` or `season` (not for this unit or season).
        reason: String,
        /// For `within_days`: the days before arrival under which it is closed.
        days: u32,
    },
    /// More of an option than it allows.
    #[error("at most {max} of option `{option}`")]
    OptionQuantityExceeded {
        /// The option's name.
        option: String,
        /// Most allowed.
        max: u32,
    },
    /// No promo code with this code.
    #[error("unknown promo code `{code}`")]
    PromoUnknown {
        /// The code typed.
        code: String,
    },
    /// The promo code is not valid at these dates (of stay or of booking).
    #[error("promo code `{code}` is valid from {from} to {to} only")]
    PromoExpired {
        /// The code.
        code: String,
        /// First valid day.
        from: String,
        /// Last valid day.
        to: String,
    },
    /// The promo code is not for this unit.
    #[error("promo code `{code}` does not apply to this accommodation")]
    PromoNotForUnit {
        /// The code.
        code: String,
    },
    /// The promo code reached its maximum uses or its budget.
    #[error("promo code `{code}` is used up")]
    PromoUsedUp {
        /// The code.
        code: String,
    },
    /// The promo code needs a longer stay.
    #[error("promo code `{code}` needs a stay of {min} nights or more")]
    PromoMinimumNights {
        /// The code.
        code: String,
        /// Minimum nights.
        min: u32,
    },
    /// The catalogue contradicts itself (a rate for an unknown season, a percentage over 100 …).
    #[error("invalid catalogue: {detail}")]
    CatalogueInvalid {
        /// What is wrong, and where.
        detail: String,
    },
    /// A quote whose validity date is not after its creation.
    #[error("a quote must be valid after it is made (valid until {valid_until})")]
    QuoteValidityInvalid {
        /// The validity received.
        valid_until: String,
    },
    /// The quote's validity date has passed.
    #[error("quote {number} expired on {valid_until}")]
    QuoteExpired {
        /// The quote's number.
        number: String,
        /// When it expired.
        valid_until: String,
    },
    /// The quote changed since the guest was shown it: they must read it again.
    #[error("quote {number} changed since it was shown")]
    QuoteChanged {
        /// The quote's number.
        number: String,
    },
    /// The quote is accepted already.
    #[error("quote {number} is already accepted")]
    QuoteAlreadyAccepted {
        /// The quote's number.
        number: String,
    },
    /// An invoice number pattern that cannot be used.
    #[error("invalid number pattern `{pattern}`: {detail}")]
    NumberPatternInvalid {
        /// The pattern.
        pattern: String,
        /// What is wrong.
        detail: String,
    },
    /// A number that does not fit its series' pattern.
    #[error("`{number}` does not fit the pattern `{pattern}`")]
    InvoiceNumberInvalid {
        /// The number.
        number: String,
        /// The series' pattern.
        pattern: String,
    },
    /// An invoice dated in a period before the series' last number: numbers must follow dates.
    #[error("an invoice dated {date} cannot follow {last}")]
    InvoiceDateBeforeLast {
        /// The series' last number.
        last: String,
        /// The date asked for.
        date: String,
    },
    /// The sequence has no digit left for this period.
    #[error("the sequence of `{pattern}` is exhausted for this period")]
    SequenceExhausted {
        /// The pattern.
        pattern: String,
    },
    /// An invoice request that its kind cannot use.
    #[error("cannot draft this invoice: {detail}")]
    InvoiceRequestInvalid {
        /// What is wrong.
        detail: String,
    },
    /// A stay that has its balance or final invoice already.
    #[error("stay {stay_reference} is invoiced already by {number}")]
    AlreadyInvoiced {
        /// The stay.
        stay_reference: String,
        /// Its balance or final invoice.
        number: String,
    },
    /// A mandatory mention is missing from the invoice.
    #[error("mandatory mention `{mention}` is missing")]
    MentionMissing {
        /// The mention (`seller.siret`).
        mention: String,
    },
    /// An issued invoice cannot change.
    #[error("invoice {number} is issued: it cannot change")]
    InvoiceNotDraft {
        /// Its number.
        number: String,
    },
    /// Only an issued invoice can be credited.
    #[error("invoice `{number}` cannot be credited")]
    InvoiceNotIssued {
        /// Its number, if any.
        number: String,
    },
    /// An idempotency key already used for another payment.
    #[error("payment key `{key}` was used for another payment")]
    PaymentKeyReused {
        /// The key.
        key: String,
    },
    /// Nothing can be paid on this invoice.
    #[error("invoice {number} is {status}: nothing to pay")]
    NotPayable {
        /// The invoice.
        number: String,
        /// Its status.
        status: String,
    },
    /// A payment of zero, a negative amount, or more than is due.
    #[error("payment of {amount} when {due} is due")]
    PaymentAmountInvalid {
        /// The amount.
        amount: String,
        /// What is due.
        due: String,
    },
    /// A provider result for another request.
    #[error("provider result {reference} for {amount} does not match the request")]
    PaymentResultMismatch {
        /// The reference received.
        reference: String,
        /// The amount received.
        amount: String,
    },
    /// A contract that cannot be drawn up.
    #[error("cannot draw up the contract: {detail}")]
    ContractRequestInvalid {
        /// What is wrong.
        detail: String,
    },
    /// The contract is signed already.
    #[error("contract {number} is signed already")]
    ContractAlreadySigned {
        /// The contract.
        number: String,
    },
    /// A drawn signature that is not a clean SVG path or PNG.
    #[error("invalid signature image: {detail}")]
    SignatureImageInvalid {
        /// What is wrong.
        detail: String,
    },
    /// The guest signs another document than the current one.
    #[error("document changed: shown {shown}, now {current}")]
    DocumentChanged {
        /// The hash the guest was shown.
        shown: String,
        /// The document's hash now.
        current: String,
    },
    /// A hash-linked event log that does not verify.
    #[error("event log broken at entry {sequence}: {reason}")]
    LogBroken {
        /// The first entry that does not hold.
        sequence: u64,
        /// Why.
        reason: String,
    },
    /// A stay that cannot be cancelled in its status.
    #[error("stay {reference} cannot be cancelled: it is {status}")]
    StayNotCancellable {
        /// The stay.
        reference: String,
        /// Its status.
        status: String,
    },
    /// The cancellation's terms moved since the guest saw them.
    #[error("cancellation of {reference} changed: refund {shown} shown, {now} now")]
    CancellationChanged {
        /// The stay.
        reference: String,
        /// The refund shown.
        shown: String,
        /// The refund now.
        now: String,
    },
    /// A residency that cannot be used.
    #[error("invalid residency: {detail}")]
    ResidencyInvalid {
        /// What is wrong.
        detail: String,
    },
    /// More people on the pitch than allowed.
    #[error("{count} occupants, at most {max}")]
    TooManyOccupants {
        /// People asked.
        count: usize,
        /// Most allowed.
        max: u32,
    },
    /// A line quantity that is zero or negative.
    #[error("quantity `{value}` of line `{label}` must be positive")]
    QuantityInvalid {
        /// Label of the line.
        label: String,
        /// The quantity received.
        value: String,
    },
    /// An appointment asked for a pet that is not on the client's record.
    #[error("no pet named `{pet}` on the client record")]
    AppointmentPetUnknown {
        /// The name received.
        pet: String,
    },
    /// An appointment whose end is not after its start.
    #[error("appointment {start} – {end} is empty or reversed")]
    AppointmentPeriodInvalid {
        /// Start (`YYYY-MM-DDTHH:MM`, local).
        start: String,
        /// End (local).
        end: String,
    },
    /// An appointment asked, confirmed, moved or cancelled once its start has passed.
    #[error("appointment start {start} has passed")]
    AppointmentInPast {
        /// Start (local).
        start: String,
    },
    /// A guest's request within the minimum notice.
    #[error("appointment at {start} is within the {notice_hours} h notice")]
    AppointmentTooSoon {
        /// Start (local).
        start: String,
        /// Hours of notice required.
        notice_hours: u32,
    },
    /// A guest's request further ahead than the schedule allows.
    #[error("appointment at {start} is more than {max_days} days ahead")]
    AppointmentTooFarAhead {
        /// Start (local).
        start: String,
        /// Most days ahead.
        max_days: u32,
    },
    /// An appointment on a closed date or a weekday without opening hours.
    #[error("closed on {date}")]
    AppointmentDayClosed {
        /// The day (`YYYY-MM-DD`).
        date: String,
    },
    /// An appointment that does not fit inside one opening interval of its day.
    #[error("appointment {start} – {end} is outside the opening hours ({hours})")]
    AppointmentOutsideHours {
        /// Start (local).
        start: String,
        /// End (local).
        end: String,
        /// That day's opening hours (`09:00–12:00, 14:00–18:30`).
        hours: String,
    },
    /// An appointment change its status does not allow (confirming a cancelled one …).
    #[error("cannot {action} appointment {id}: it is {status}")]
    AppointmentTransitionInvalid {
        /// The appointment.
        id: String,
        /// Its status.
        status: String,
        /// `confirm`, `reschedule`, `decline` or `cancel`.
        action: String,
    },
    /// An appointment schedule that contradicts itself.
    #[error("invalid appointment schedule: {detail}")]
    AppointmentScheduleInvalid {
        /// What is wrong, and where.
        detail: String,
    },
}

/// The message of [`Error::OptionNotAllowed`], by reason.
fn option_refusal(option: &str, reason: &str, days: u32, locale: Locale) -> String {
    use Locale::{En, Es, Fr};
    match (reason, locale) {
        ("within_days", Fr) => {
            format!(
                "L’option « {option} » ne peut plus être réservée à moins de {days} jours de l’arrivée."
            )
        }
        ("within_days", En) => {
            format!("Option “{option}” cannot be booked less than {days} days before arrival.")
        }
        ("within_days", Es) => {
            format!(
                "La opción «{option}» no se puede reservar a menos de {days} días de la llegada."
            )
        }
        ("booking_only", Fr) => {
            format!("L’option « {option} » ne peut être prise qu’au moment de la réservation.")
        }
        ("booking_only", En) => format!("Option “{option}” can only be taken when booking."),
        ("booking_only", Es) => {
            format!("La opción «{option}» solo se puede contratar al reservar.")
        }
        (_, Fr) => format!("L’option « {option} » n’est pas proposée pour ce séjour."),
        (_, En) => format!("Option “{option}” is not offered for this stay."),
        (_, Es) => format!("La opción «{option}» no se ofrece para esta estancia."),
    }
}

/// The verb of [`Error::AppointmentTransitionInvalid`], by action.
fn appointment_action(action: &str, locale: Locale) -> &str {
    use Locale::{Es, Fr};
    match (action, locale) {
        ("confirm", Fr) => "confirmer",
        ("confirm", Es) => "confirmar",
        ("reschedule", Fr) => "replanifier",
        ("reschedule", Es) => "reprogramar",
        ("decline", Fr) => "refuser",
        ("decline", Es) => "rechazar",
        ("cancel", Fr) => "annuler",
        ("cancel", Es) => "cancelar",
        (other, _) => other,
    }
}

/// Result alias used across hospes.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// The stable dotted code, e.g. `client.email_invalid`. Codes never change meaning.
    ///
    /// ```
    /// assert_eq!(hospes::Error::AmountOverflow.code(), "money.overflow");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Error::InputInvalid { .. } => "input.invalid",
            Error::InputTooLarge { .. } => "input.too_large",
            Error::OperationUnknown { .. } => "input.operation_unknown",
            Error::Internal { .. } => "internal.error",
            Error::CurrencyUnknown { .. } => "money.currency_unknown",
            Error::CurrencyMismatch { .. } => "money.currency_mismatch",
            Error::AmountOverflow => "money.overflow",
            Error::VatRateInvalid { .. } => "money.vat_rate_invalid",
            Error::FieldRequired { .. } => "field.required",
            Error::FieldTooLong { .. } => "field.too_long",
            Error::EmailInvalid { .. } => "client.email_invalid",
            Error::PhoneInvalid { .. } => "client.phone_invalid",
            Error::CountryUnknown { .. } => "client.country_unknown",
            Error::BirthDateInvalid { .. } => "client.birth_date_invalid",
            Error::PlateInvalid { .. } => "client.plate_invalid",
            Error::FieldLocked { .. } => "client.field_locked",
            Error::SiretInvalid { .. } => "establishment.siret_invalid",
            Error::UrlInvalid { .. } => "establishment.url_invalid",
            Error::TimeZoneUnknown { .. } => "establishment.time_zone_unknown",
            Error::OpeningPeriodInvalid { .. } => "establishment.opening_period_invalid",
            Error::PeriodInvalid { .. } => "stay.period_invalid",
            Error::QuantityInvalid { .. } => "stay.quantity_invalid",
            Error::UnitUnknown { .. } => "pricing.unit_unknown",
            Error::UnitUnavailable { .. } => "pricing.unit_unavailable",
            Error::BelowMinimumStay { .. } => "pricing.below_minimum_stay",
            Error::AboveMaximumStay { .. } => "pricing.above_maximum_stay",
            Error::ArrivalDayNotAllowed { .. } => "pricing.arrival_day_not_allowed",
            Error::CapacityExceeded { .. } => "pricing.capacity_exceeded",
            Error::OptionUnknown { .. } => "pricing.option_unknown",
            Error::OptionNotAllowed { .. } => "pricing.option_not_allowed",
            Error::OptionQuantityExceeded { .. } => "pricing.option_quantity_exceeded",
            Error::PromoUnknown { .. } => "pricing.promo_unknown",
            Error::PromoExpired { .. } => "pricing.promo_expired",
            Error::PromoNotForUnit { .. } => "pricing.promo_not_for_unit",
            Error::PromoUsedUp { .. } => "pricing.promo_used_up",
            Error::PromoMinimumNights { .. } => "pricing.promo_min_nights",
            Error::CatalogueInvalid { .. } => "pricing.catalogue_invalid",
            Error::QuoteValidityInvalid { .. } => "quote.validity_invalid",
            Error::QuoteExpired { .. } => "quote.expired",
            Error::QuoteChanged { .. } => "quote.changed",
            Error::QuoteAlreadyAccepted { .. } => "quote.already_accepted",
            Error::NumberPatternInvalid { .. } => "invoice.number_pattern_invalid",
            Error::InvoiceNumberInvalid { .. } => "invoice.number_invalid",
            Error::InvoiceDateBeforeLast { .. } => "invoice.date_before_last",
            Error::SequenceExhausted { .. } => "invoice.sequence_exhausted",
            Error::InvoiceRequestInvalid { .. } => "invoice.request_invalid",
            Error::AlreadyInvoiced { .. } => "invoice.already_invoiced",
            Error::MentionMissing { .. } => "invoice.mention_missing",
            Error::InvoiceNotDraft { .. } => "invoice.not_draft",
            Error::InvoiceNotIssued { .. } => "invoice.not_issued",
            Error::PaymentKeyReused { .. } => "payment.key_reused",
            Error::NotPayable { .. } => "payment.not_payable",
            Error::PaymentAmountInvalid { .. } => "payment.amount_invalid",
            Error::PaymentResultMismatch { .. } => "payment.result_mismatch",
            Error::ContractRequestInvalid { .. } => "contract.request_invalid",
            Error::ContractAlreadySigned { .. } => "contract.already_signed",
            Error::SignatureImageInvalid { .. } => "evidence.signature_image_invalid",
            Error::DocumentChanged { .. } => "evidence.document_changed",
            Error::LogBroken { .. } => "evidence.log_broken",
            Error::StayNotCancellable { .. } => "stay.not_cancellable",
            Error::CancellationChanged { .. } => "stay.cancellation_changed",
            Error::ResidencyInvalid { .. } => "stay.residency_invalid",
            Error::TooManyOccupants { .. } => "stay.too_many_occupants",
            Error::PasswordTooShort { .. } => "account.password_too_short",
            Error::LoginFailed => "account.login_failed",
            Error::AccountNotVerified => "account.not_verified",
            Error::Throttled { .. } => "account.throttled",
            Error::PortalNotFound { .. } => "portal.not_found",
            Error::StayNotEditable { .. } => "stay.not_editable",
            Error::LinkInvalid => "link.invalid",
            Error::LinkExpired { .. } => "link.expired",
            Error::LinkKeyInvalid => "link.key_invalid",
            Error::LinkRequestInvalid { .. } => "link.request_invalid",
            Error::AppointmentPetUnknown { .. } => "appointment.pet_unknown",
            Error::AppointmentPeriodInvalid { .. } => "appointment.period_invalid",
            Error::AppointmentInPast { .. } => "appointment.in_past",
            Error::AppointmentTooSoon { .. } => "appointment.too_soon",
            Error::AppointmentTooFarAhead { .. } => "appointment.too_far_ahead",
            Error::AppointmentDayClosed { .. } => "appointment.day_closed",
            Error::AppointmentOutsideHours { .. } => "appointment.outside_hours",
            Error::AppointmentTransitionInvalid { .. } => "appointment.transition_invalid",
            Error::AppointmentScheduleInvalid { .. } => "appointment.schedule_invalid",
        }
    }

    /// The family of the code: the part before the dot (`client`, `money`, `input` …).
    ///
    /// ```
    /// let err = hospes::Error::FieldLocked { field: "email".into() };
    /// assert_eq!(err.family(), "client");
    /// ```
    pub fn family(&self) -> &'static str {
        let code = self.code();
        code.split_once('.').map_or(code, |(family, _)| family)
    }

    /// The message for a guest or the business, in `locale`.
    ///
    /// ```
    /// use hospes::{Error, Locale};
    /// let err = Error::FieldLocked { field: "email".into() };
    /// assert_eq!(err.message(Locale::Es), "El campo «email» no puede ser modificado por el cliente.");
    /// ```
    pub fn message(&self, locale: Locale) -> String {
        use Locale::{En, Es, Fr};
        match (self, locale) {
            (Error::InputInvalid { detail }, Fr) => format!("Données invalides : {detail}"),
            (Error::InputInvalid { detail }, En) => format!("Invalid input: {detail}"),
            (Error::InputInvalid { detail }, Es) => format!("Datos no válidos: {detail}"),
            (Error::InputTooLarge { size, max }, Fr) => {
                format!("Données trop volumineuses : {size} octets pour {max} au plus.")
            }
            (Error::InputTooLarge { size, max }, En) => {
                format!("Input too large: {size} bytes, at most {max}.")
            }
            (Error::InputTooLarge { size, max }, Es) => {
                format!("Datos demasiado grandes: {size} bytes, como máximo {max}.")
            }
            (Error::OperationUnknown { op }, Fr) => format!("Opération inconnue « {op} »."),
            (Error::OperationUnknown { op }, En) => format!("Unknown operation “{op}”."),
            (Error::OperationUnknown { op }, Es) => format!("Operación desconocida «{op}»."),
            (Error::Internal { detail }, Fr) => format!("Erreur interne : {detail}"),
            (Error::Internal { detail }, En) => format!("Internal error: {detail}"),
            (Error::Internal { detail }, Es) => format!("Error interno: {detail}"),
            (Error::CurrencyUnknown { value }, Fr) => format!("Devise inconnue « {value} »."),
            (Error::CurrencyUnknown { value }, En) => format!("Unknown currency “{value}”."),
            (Error::CurrencyUnknown { value }, Es) => format!("Moneda desconocida «{value}»."),
            (Error::CurrencyMismatch { left, right }, Fr) => {
                format!("Impossible de combiner des montants en {left} et en {right}.")
            }
            (Error::CurrencyMismatch { left, right }, En) => {
                format!("Cannot combine amounts in {left} and {right}.")
            }
            (Error::CurrencyMismatch { left, right }, Es) => {
                format!("No se pueden combinar importes en {left} y en {right}.")
            }
            (Error::AmountOverflow, Fr) => "Montant hors limites.".into(),
            (Error::AmountOverflow, En) => "Amount out of range.".into(),
            (Error::AmountOverflow, Es) => "Importe fuera de rango.".into(),
            (Error::VatRateInvalid { value }, Fr) => {
                format!("Le taux de TVA « {value} » doit être compris entre 0 et 100 %.")
            }
            (Error::VatRateInvalid { value }, En) => {
                format!("VAT rate “{value}” must be between 0 and 100%.")
            }
            (Error::VatRateInvalid { value }, Es) => {
                format!("El tipo de IVA «{value}» debe estar entre 0 y 100 %.")
            }
            (Error::FieldRequired { field }, Fr) => {
                format!("Le champ « {field} » est obligatoire.")
            }
            (Error::FieldRequired { field }, En) => format!("The field “{field}” is required."),
            (Error::FieldRequired { field }, Es) => format!("El campo «{field}» es obligatorio."),
            (Error::FieldTooLong { field, max }, Fr) => {
                format!("Le champ « {field} » dépasse {max} caractères.")
            }
            (Error::FieldTooLong { field, max }, En) => {
                format!("The field “{field}” is longer than {max} characters.")
            }
            (Error::FieldTooLong { field, max }, Es) => {
                format!("El campo «{field}» supera los {max} caracteres.")
            }
            (Error::EmailInvalid { value }, Fr) => {
                format!("L’adresse e-mail « {value} » n’est pas valide.")
            }
            (Error::EmailInvalid { value }, En) => {
                format!("The e-mail address “{value}” is not valid.")
            }
            (Error::EmailInvalid { value }, Es) => {
                format!("La dirección de correo «{value}» no es válida.")
            }
            (Error::PhoneInvalid { field, value }, Fr) => {
                format!("Le numéro « {value} » ({field}) n’est pas valide.")
            }
            (Error::PhoneInvalid { field, value }, En) => {
                format!("The phone number “{value}” ({field}) is not valid.")
            }
            (Error::PhoneInvalid { field, value }, Es) => {
                format!("El número «{value}» ({field}) no es válido.")
            }
            (Error::CountryUnknown { value }, Fr) => format!("Pays inconnu « {value} »."),
            (Error::CountryUnknown { value }, En) => format!("Unknown country “{value}”."),
            (Error::CountryUnknown { value }, Es) => format!("País desconocido «{value}»."),
            (Error::BirthDateInvalid { value }, Fr) => {
                format!("La date de naissance {value} n’est pas plausible.")
            }
            (Error::BirthDateInvalid { value }, En) => {
                format!("The birth date {value} is not plausible.")
            }
            (Error::BirthDateInvalid { value }, Es) => {
                format!("La fecha de nacimiento {value} no es plausible.")
            }
            (Error::PlateInvalid { value }, Fr) => {
                format!("La plaque d’immatriculation « {value} » n’est pas valide.")
            }
            (Error::PlateInvalid { value }, En) => {
                format!("The licence plate “{value}” is not valid.")
            }
            (Error::PlateInvalid { value }, Es) => {
                format!("La matrícula «{value}» no es válida.")
            }
            (Error::FieldLocked { field }, Fr) => {
                format!("Le champ « {field} » ne peut pas être modifié par le client.")
            }
            (Error::FieldLocked { field }, En) => {
                format!("The field “{field}” cannot be changed by the guest.")
            }
            (Error::FieldLocked { field }, Es) => {
                format!("El campo «{field}» no puede ser modificado por el cliente.")
            }
            (Error::SiretInvalid { value }, Fr) => {
                format!("Le SIRET « {value} » n’est pas valide.")
            }
            (Error::SiretInvalid { value }, En) => format!("The SIRET “{value}” is not valid."),
            (Error::SiretInvalid { value }, Es) => format!("El SIRET «{value}» no es válido."),
            (Error::UrlInvalid { value }, Fr) => {
                format!("L’adresse web « {value} » n’est pas valide.")
            }
            (Error::UrlInvalid { value }, En) => format!("The URL “{value}” is not valid."),
            (Error::UrlInvalid { value }, Es) => format!("La URL «{value}» no es válida."),
            (Error::TimeZoneUnknown { value }, Fr) => {
                format!("Fuseau horaire inconnu « {value} ».")
            }
            (Error::TimeZoneUnknown { value }, En) => format!("Unknown time zone “{value}”."),
            (Error::TimeZoneUnknown { value }, Es) => {
                format!("Zona horaria desconocida «{value}».")
            }
            (
                Error::OpeningPeriodInvalid {
                    first_day,
                    last_day,
                },
                Fr,
            ) => {
                format!("La période d’ouverture du {first_day} au {last_day} est inversée.")
            }
            (
                Error::OpeningPeriodInvalid {
                    first_day,
                    last_day,
                },
                En,
            ) => {
                format!("The opening period from {first_day} to {last_day} is reversed.")
            }
            (
                Error::OpeningPeriodInvalid {
                    first_day,
                    last_day,
                },
                Es,
            ) => {
                format!("El periodo de apertura del {first_day} al {last_day} está invertido.")
            }
            (Error::PeriodInvalid { start, end }, Fr) => {
                format!("La période du {start} au {end} est vide ou inversée.")
            }
            (Error::PeriodInvalid { start, end }, En) => {
                format!("The period from {start} to {end} is empty or reversed.")
            }
            (Error::PeriodInvalid { start, end }, Es) => {
                format!("El periodo del {start} al {end} está vacío o invertido.")
            }
            (Error::PasswordTooShort { min }, Fr) => {
                format!("Le mot de passe doit comporter au moins {min} caractères.")
            }
            (Error::PasswordTooShort { min }, En) => {
                format!("The password must have at least {min} characters.")
            }
            (Error::PasswordTooShort { min }, Es) => {
                format!("La contraseña debe tener al menos {min} caracteres.")
            }
            (Error::LoginFailed, Fr) => "Adresse e-mail ou mot de passe incorrect.".into(),
            (Error::LoginFailed, En) => "Incorrect e-mail address or password.".into(),
            (Error::LoginFailed, Es) => "Correo electrónico o contraseña incorrectos.".into(),
            (Error::AccountNotVerified, Fr) => {
                "Confirmez d’abord votre adresse e-mail avec le lien que nous vous avons envoyé."
                    .into()
            }
            (Error::AccountNotVerified, En) => {
                "Please confirm your e-mail address first, with the link we sent you.".into()
            }
            (Error::AccountNotVerified, Es) => {
                "Confirme primero su correo electrónico con el enlace que le enviamos.".into()
            }
            (
                Error::Throttled {
                    retry_after_seconds,
                },
                Fr,
            ) => {
                format!("Trop de tentatives. Réessayez dans {retry_after_seconds} secondes.")
            }
            (
                Error::Throttled {
                    retry_after_seconds,
                },
                En,
            ) => {
                format!("Too many attempts. Try again in {retry_after_seconds} seconds.")
            }
            (
                Error::Throttled {
                    retry_after_seconds,
                },
                Es,
            ) => {
                format!(
                    "Demasiados intentos. Vuelva a intentarlo dentro de {retry_after_seconds} segundos."
                )
            }
            (Error::PortalNotFound { .. }, Fr) => "Cette page n’existe pas ou plus.".into(),
            (Error::PortalNotFound { .. }, En) => "This page does not exist (any more).".into(),
            (Error::PortalNotFound { .. }, Es) => "Esta página no existe o ya no existe.".into(),
            (Error::StayNotEditable { reference }, Fr) => {
                format!("Le séjour {reference} ne peut plus être modifié.")
            }
            (Error::StayNotEditable { reference }, En) => {
                format!("Stay {reference} can no longer be changed.")
            }
            (Error::StayNotEditable { reference }, Es) => {
                format!("La estancia {reference} ya no se puede modificar.")
            }
            (Error::LinkInvalid, Fr) => {
                "Ce lien n’est pas valide. Demandez un nouveau lien à l’établissement.".into()
            }
            (Error::LinkInvalid, En) => {
                "This link is not valid. Please ask the establishment for a new one.".into()
            }
            (Error::LinkInvalid, Es) => {
                "Este enlace no es válido. Pida un enlace nuevo al establecimiento.".into()
            }
            (Error::LinkExpired { expired_at }, Fr) => {
                format!(
                    "Ce lien a expiré ({expired_at}). Demandez un nouveau lien à l’établissement."
                )
            }
            (Error::LinkExpired { expired_at }, En) => {
                format!(
                    "This link expired ({expired_at}). Please ask the establishment for a new one."
                )
            }
            (Error::LinkExpired { expired_at }, Es) => {
                format!(
                    "Este enlace caducó ({expired_at}). Pida un enlace nuevo al establecimiento."
                )
            }
            (Error::LinkKeyInvalid, Fr) => {
                "Une clé de lien n’est pas une clé PASERK k4.local valide.".into()
            }
            (Error::LinkKeyInvalid, En) => "A link key is not a valid k4.local PASERK key.".into(),
            (Error::LinkKeyInvalid, Es) => {
                "Una clave de enlace no es una clave PASERK k4.local válida.".into()
            }
            (Error::LinkRequestInvalid { detail }, Fr) => {
                format!("Demande de lien refusée : {detail}")
            }
            (Error::LinkRequestInvalid { detail }, En) => format!("Link request refused: {detail}"),
            (Error::LinkRequestInvalid { detail }, Es) => {
                format!("Solicitud de enlace rechazada: {detail}")
            }
            (Error::UnitUnknown { unit }, Fr) => format!("Hébergement inconnu « {unit} »."),
            (Error::UnitUnknown { unit }, En) => format!("Unknown accommodation “{unit}”."),
            (Error::UnitUnknown { unit }, Es) => format!("Alojamiento desconocido «{unit}»."),
            (Error::UnitUnavailable { date, .. }, Fr) => {
                format!("Cet hébergement n’est pas disponible la nuit du {date}.")
            }
            (Error::UnitUnavailable { date, .. }, En) => {
                format!("This accommodation is not available on the night of {date}.")
            }
            (Error::UnitUnavailable { date, .. }, Es) => {
                format!("Este alojamiento no está disponible la noche del {date}.")
            }
            (Error::BelowMinimumStay { nights, min }, Fr) => {
                format!("Séjour de {nights} nuits : le minimum est de {min} nuits à ces dates.")
            }
            (Error::BelowMinimumStay { nights, min }, En) => {
                format!("A {nights}-night stay: the minimum is {min} nights at these dates.")
            }
            (Error::BelowMinimumStay { nights, min }, Es) => {
                format!(
                    "Estancia de {nights} noches: el mínimo es de {min} noches en estas fechas."
                )
            }
            (Error::AboveMaximumStay { nights, max }, Fr) => {
                format!("Séjour de {nights} nuits : le maximum est de {max} nuits à ces dates.")
            }
            (Error::AboveMaximumStay { nights, max }, En) => {
                format!("A {nights}-night stay: the maximum is {max} nights at these dates.")
            }
            (Error::AboveMaximumStay { nights, max }, Es) => {
                format!(
                    "Estancia de {nights} noches: el máximo es de {max} noches en estas fechas."
                )
            }
            (Error::ArrivalDayNotAllowed { allowed, .. }, Fr) => {
                format!("Les arrivées ne sont possibles que ces jours-là : {allowed}.")
            }
            (Error::ArrivalDayNotAllowed { allowed, .. }, En) => {
                format!("Arrivals are only possible on: {allowed}.")
            }
            (Error::ArrivalDayNotAllowed { allowed, .. }, Es) => {
                format!("Las llegadas solo son posibles estos días: {allowed}.")
            }
            (
                Error::CapacityExceeded {
                    capacity, guests, ..
                },
                Fr,
            ) => {
                format!("{guests} personnes : cet hébergement en accueille {capacity} au plus.")
            }
            (
                Error::CapacityExceeded {
                    capacity, guests, ..
                },
                En,
            ) => {
                format!("{guests} guests: this accommodation sleeps {capacity} at most.")
            }
            (
                Error::CapacityExceeded {
                    capacity, guests, ..
                },
                Es,
            ) => {
                format!("{guests} personas: este alojamiento admite {capacity} como máximo.")
            }
            (Error::OptionUnknown { option }, Fr) => format!("Option inconnue « {option} »."),
            (Error::OptionUnknown { option }, En) => format!("Unknown option “{option}”."),
            (Error::OptionUnknown { option }, Es) => format!("Opción desconocida «{option}»."),
            (
                Error::OptionNotAllowed {
                    option,
                    reason,
                    days,
                },
                locale,
            ) => option_refusal(option, reason, *days, locale),
            (Error::OptionQuantityExceeded { option, max }, Fr) => {
                format!("L’option « {option} » est limitée à {max}.")
            }
            (Error::OptionQuantityExceeded { option, max }, En) => {
                format!("Option “{option}” is limited to {max}.")
            }
            (Error::OptionQuantityExceeded { option, max }, Es) => {
                format!("La opción «{option}» está limitada a {max}.")
            }
            (Error::PromoUnknown { code }, Fr) => format!("Le code promo « {code} » n’existe pas."),
            (Error::PromoUnknown { code }, En) => format!("Promo code “{code}” does not exist."),
            (Error::PromoUnknown { code }, Es) => {
                format!("El código promocional «{code}» no existe.")
            }
            (Error::PromoExpired { code, from, to }, Fr) => {
                format!("Le code promo « {code} » n’est valable que du {from} au {to}.")
            }
            (Error::PromoExpired { code, from, to }, En) => {
                format!("Promo code “{code}” is only valid from {from} to {to}.")
            }
            (Error::PromoExpired { code, from, to }, Es) => {
                format!("El código promocional «{code}» solo es válido del {from} al {to}.")
            }
            (Error::PromoNotForUnit { code }, Fr) => {
                format!("Le code promo « {code} » ne s’applique pas à cet hébergement.")
            }
            (Error::PromoNotForUnit { code }, En) => {
                format!("Promo code “{code}” does not apply to this accommodation.")
            }
            (Error::PromoNotForUnit { code }, Es) => {
                format!("El código promocional «{code}» no se aplica a este alojamiento.")
            }
            (Error::PromoUsedUp { code }, Fr) => {
                format!("Le code promo « {code} » a déjà été entièrement utilisé.")
            }
            (Error::PromoUsedUp { code }, En) => format!("Promo code “{code}” is used up."),
            (Error::PromoUsedUp { code }, Es) => {
                format!("El código promocional «{code}» ya se ha agotado.")
            }
            (Error::PromoMinimumNights { code, min }, Fr) => {
                format!("Le code promo « {code} » demande un séjour d’au moins {min} nuits.")
            }
            (Error::PromoMinimumNights { code, min }, En) => {
                format!("Promo code “{code}” needs a stay of at least {min} nights.")
            }
            (Error::PromoMinimumNights { code, min }, Es) => {
                format!(
                    "El código promocional «{code}» requiere una estancia de al menos {min} noches."
                )
            }
            (Error::CatalogueInvalid { detail }, Fr) => {
                format!("Catalogue de tarifs invalide : {detail}")
            }
            (Error::CatalogueInvalid { detail }, En) => format!("Invalid rate catalogue: {detail}"),
            (Error::CatalogueInvalid { detail }, Es) => {
                format!("Catálogo de tarifas no válido: {detail}")
            }
            (Error::QuoteValidityInvalid { valid_until }, Fr) => {
                format!(
                    "Un devis doit être valable après sa création (valable jusqu’au {valid_until})."
                )
            }
            (Error::QuoteValidityInvalid { valid_until }, En) => {
                format!("A quote must be valid after it is made (valid until {valid_until}).")
            }
            (Error::QuoteValidityInvalid { valid_until }, Es) => {
                format!(
                    "Un presupuesto debe ser válido después de su creación (válido hasta {valid_until})."
                )
            }
            (Error::QuoteExpired { number, .. }, Fr) => {
                format!("Le devis {number} a expiré. Demandez un nouveau devis à l’établissement.")
            }
            (Error::QuoteExpired { number, .. }, En) => {
                format!("Quote {number} has expired. Please ask the establishment for a new one.")
            }
            (Error::QuoteExpired { number, .. }, Es) => {
                format!("El presupuesto {number} ha caducado. Pida uno nuevo al establecimiento.")
            }
            (Error::QuoteChanged { number }, Fr) => format!(
                "Le devis {number} a changé depuis que vous l’avez consulté : relisez-le avant de l’accepter."
            ),
            (Error::QuoteChanged { number }, En) => format!(
                "Quote {number} changed since you opened it: please read it again before accepting."
            ),
            (Error::QuoteChanged { number }, Es) => format!(
                "El presupuesto {number} ha cambiado desde que lo consultó: reléalo antes de aceptarlo."
            ),
            (Error::QuoteAlreadyAccepted { number }, Fr) => {
                format!("Le devis {number} est déjà accepté.")
            }
            (Error::QuoteAlreadyAccepted { number }, En) => {
                format!("Quote {number} is already accepted.")
            }
            (Error::QuoteAlreadyAccepted { number }, Es) => {
                format!("El presupuesto {number} ya está aceptado.")
            }
            (Error::NumberPatternInvalid { pattern, detail }, Fr) => {
                format!("Modèle de numérotation « {pattern} » invalide : {detail}.")
            }
            (Error::NumberPatternInvalid { pattern, detail }, En) => {
                format!("Invalid numbering pattern “{pattern}”: {detail}.")
            }
            (Error::NumberPatternInvalid { pattern, detail }, Es) => {
                format!("Patrón de numeración «{pattern}» no válido: {detail}.")
            }
            (Error::InvoiceNumberInvalid { number, pattern }, Fr) => {
                format!("Le numéro « {number} » ne suit pas le modèle « {pattern} ».")
            }
            (Error::InvoiceNumberInvalid { number, pattern }, En) => {
                format!("Number “{number}” does not follow the pattern “{pattern}”.")
            }
            (Error::InvoiceNumberInvalid { number, pattern }, Es) => {
                format!("El número «{number}» no sigue el patrón «{pattern}».")
            }
            (Error::InvoiceDateBeforeLast { last, date }, Fr) => format!(
                "Une facture datée du {date} ne peut pas suivre la facture {last} : la numérotation suit l’ordre des dates."
            ),
            (Error::InvoiceDateBeforeLast { last, date }, En) => format!(
                "An invoice dated {date} cannot follow invoice {last}: numbers follow the dates."
            ),
            (Error::InvoiceDateBeforeLast { last, date }, Es) => format!(
                "Una factura con fecha {date} no puede seguir a la factura {last}: la numeración sigue el orden de las fechas."
            ),
            (Error::SequenceExhausted { pattern }, Fr) => {
                format!(
                    "La numérotation « {pattern} » n’a plus de numéro libre pour cette période."
                )
            }
            (Error::SequenceExhausted { pattern }, En) => {
                format!("Numbering “{pattern}” has no number left for this period.")
            }
            (Error::SequenceExhausted { pattern }, Es) => {
                format!("La numeración «{pattern}» no tiene más números para este periodo.")
            }
            (Error::InvoiceRequestInvalid { detail }, Fr) => {
                format!("Impossible d’établir cette facture : {detail}.")
            }
            (Error::InvoiceRequestInvalid { detail }, En) => {
                format!("This invoice cannot be drawn up: {detail}.")
            }
            (Error::InvoiceRequestInvalid { detail }, Es) => {
                format!("No se puede emitir esta factura: {detail}.")
            }
            (
                Error::AlreadyInvoiced {
                    stay_reference,
                    number,
                },
                Fr,
            ) => format!("Le séjour {stay_reference} est déjà facturé (facture {number})."),
            (
                Error::AlreadyInvoiced {
                    stay_reference,
                    number,
                },
                En,
            ) => format!("Stay {stay_reference} is already invoiced (invoice {number})."),
            (
                Error::AlreadyInvoiced {
                    stay_reference,
                    number,
                },
                Es,
            ) => format!("La estancia {stay_reference} ya está facturada (factura {number})."),
            (Error::MentionMissing { mention }, Fr) => {
                format!("Mention obligatoire manquante sur la facture : « {mention} ».")
            }
            (Error::MentionMissing { mention }, En) => {
                format!("A mandatory invoice mention is missing: “{mention}”.")
            }
            (Error::MentionMissing { mention }, Es) => {
                format!("Falta una mención obligatoria en la factura: «{mention}».")
            }
            (Error::InvoiceNotDraft { number }, Fr) => {
                format!("La facture {number} est émise : elle ne peut plus être modifiée.")
            }
            (Error::InvoiceNotDraft { number }, En) => {
                format!("Invoice {number} is issued: it can no longer change.")
            }
            (Error::InvoiceNotDraft { number }, Es) => {
                format!("La factura {number} está emitida: ya no puede modificarse.")
            }
            (Error::InvoiceNotIssued { number }, Fr) => format!(
                "La facture « {number} » ne peut pas recevoir d’avoir (brouillon, avoir ou déjà annulée)."
            ),
            (Error::InvoiceNotIssued { number }, En) => format!(
                "Invoice “{number}” cannot be credited (a draft, a credit note, or cancelled already)."
            ),
            (Error::InvoiceNotIssued { number }, Es) => {
                format!("La factura «{number}» no admite abono (borrador, abono o ya anulada).")
            }
            (Error::PaymentKeyReused { key }, Fr) => {
                format!("La clé de paiement « {key} » a déjà servi pour un autre paiement.")
            }
            (Error::PaymentKeyReused { key }, En) => {
                format!("Payment key “{key}” was already used for another payment.")
            }
            (Error::PaymentKeyReused { key }, Es) => {
                format!("La clave de pago «{key}» ya se usó para otro pago.")
            }
            (Error::NotPayable { number, status }, Fr) => {
                format!("Rien à régler sur la facture {number} (statut : {status}).")
            }
            (Error::NotPayable { number, status }, En) => {
                format!("Nothing to pay on invoice {number} (status: {status}).")
            }
            (Error::NotPayable { number, status }, Es) => {
                format!("Nada que pagar en la factura {number} (estado: {status}).")
            }
            (Error::PaymentAmountInvalid { amount, due }, Fr) => {
                format!("Paiement de {amount} impossible : {due} restent dus.")
            }
            (Error::PaymentAmountInvalid { amount, due }, En) => {
                format!("A payment of {amount} is not possible: {due} is due.")
            }
            (Error::PaymentAmountInvalid { amount, due }, Es) => {
                format!("No es posible un pago de {amount}: quedan {due} pendientes.")
            }
            (Error::PaymentResultMismatch { reference, amount }, Fr) => format!(
                "Le résultat du prestataire de paiement ({reference}, {amount}) ne correspond pas à la demande."
            ),
            (Error::PaymentResultMismatch { reference, amount }, En) => format!(
                "The payment provider’s result ({reference}, {amount}) does not match the request."
            ),
            (Error::PaymentResultMismatch { reference, amount }, Es) => format!(
                "El resultado del proveedor de pago ({reference}, {amount}) no corresponde a la solicitud."
            ),
            (Error::ContractRequestInvalid { detail }, Fr) => {
                format!("Impossible d’établir le contrat : {detail}.")
            }
            (Error::ContractRequestInvalid { detail }, En) => {
                format!("The contract cannot be drawn up: {detail}.")
            }
            (Error::ContractRequestInvalid { detail }, Es) => {
                format!("No se puede redactar el contrato: {detail}.")
            }
            (Error::ContractAlreadySigned { number }, Fr) => {
                format!("Le contrat {number} est déjà signé.")
            }
            (Error::ContractAlreadySigned { number }, En) => {
                format!("Contract {number} is already signed.")
            }
            (Error::ContractAlreadySigned { number }, Es) => {
                format!("El contrato {number} ya está firmado.")
            }
            (Error::SignatureImageInvalid { detail }, Fr) => {
                format!("Signature dessinée invalide : {detail}.")
            }
            (Error::SignatureImageInvalid { detail }, En) => {
                format!("Invalid drawn signature: {detail}.")
            }
            (Error::SignatureImageInvalid { detail }, Es) => {
                format!("Firma dibujada no válida: {detail}.")
            }
            (Error::DocumentChanged { .. }, Fr) => {
                "Le document a changé depuis son affichage : merci de le relire avant de signer."
                    .to_owned()
            }
            (Error::DocumentChanged { .. }, En) => {
                "The document changed since it was shown: please read it again before signing."
                    .to_owned()
            }
            (Error::DocumentChanged { .. }, Es) => {
                "El documento cambió desde que se mostró: vuelva a leerlo antes de firmar."
                    .to_owned()
            }
            (Error::LogBroken { sequence, reason }, Fr) => {
                format!("Le journal des événements est rompu à l’entrée {sequence} : {reason}.")
            }
            (Error::LogBroken { sequence, reason }, En) => {
                format!("The event log is broken at entry {sequence}: {reason}.")
            }
            (Error::LogBroken { sequence, reason }, Es) => {
                format!("El registro de eventos está roto en la entrada {sequence}: {reason}.")
            }
            (Error::StayNotCancellable { reference, status }, Fr) => {
                format!("Le séjour {reference} ne peut pas être annulé (statut : {status}).")
            }
            (Error::StayNotCancellable { reference, status }, En) => {
                format!("Stay {reference} cannot be cancelled (status: {status}).")
            }
            (Error::StayNotCancellable { reference, status }, Es) => {
                format!("La estancia {reference} no puede cancelarse (estado: {status}).")
            }
            (
                Error::CancellationChanged {
                    reference,
                    shown,
                    now,
                },
                Fr,
            ) => format!(
                "Les conditions d’annulation du séjour {reference} ont changé : remboursement de {now} au lieu de {shown}."
            ),
            (
                Error::CancellationChanged {
                    reference,
                    shown,
                    now,
                },
                En,
            ) => format!(
                "The cancellation terms of stay {reference} changed: a refund of {now} instead of {shown}."
            ),
            (
                Error::CancellationChanged {
                    reference,
                    shown,
                    now,
                },
                Es,
            ) => format!(
                "Las condiciones de cancelación de la estancia {reference} cambiaron: reembolso de {now} en lugar de {shown}."
            ),
            (Error::ResidencyInvalid { detail }, Fr) => {
                format!("Contrat de résident invalide : {detail}.")
            }
            (Error::ResidencyInvalid { detail }, En) => format!("Invalid residency: {detail}."),
            (Error::ResidencyInvalid { detail }, Es) => format!("Residencia no válida: {detail}."),
            (Error::TooManyOccupants { count, max }, Fr) => {
                format!("{count} occupants, mais {max} au plus sont autorisés sur l’emplacement.")
            }
            (Error::TooManyOccupants { count, max }, En) => {
                format!("{count} occupants, but at most {max} are allowed on the pitch.")
            }
            (Error::TooManyOccupants { count, max }, Es) => {
                format!("{count} ocupantes, pero se permiten {max} como máximo en la parcela.")
            }
            (Error::QuantityInvalid { label, value }, Fr) => {
                format!("La quantité « {value} » de la prestation « {label} » doit être positive.")
            }
            (Error::QuantityInvalid { label, value }, En) => {
                format!("The quantity “{value}” of line “{label}” must be positive.")
            }
            (Error::QuantityInvalid { label, value }, Es) => {
                format!("La cantidad «{value}» de la prestación «{label}» debe ser positiva.")
            }
            (Error::AppointmentPetUnknown { pet }, Fr) => {
                format!("Aucun animal nommé « {pet} » sur la fiche client.")
            }
            (Error::AppointmentPetUnknown { pet }, En) => {
                format!("No pet named “{pet}” on the client record.")
            }
            (Error::AppointmentPetUnknown { pet }, Es) => {
                format!("Ningún animal llamado «{pet}» en la ficha del cliente.")
            }
            (Error::AppointmentPeriodInvalid { start, end }, Fr) => {
                format!("Le rendez-vous doit finir après son début ({start} – {end}).")
            }
            (Error::AppointmentPeriodInvalid { start, end }, En) => {
                format!("The appointment must end after it starts ({start} – {end}).")
            }
            (Error::AppointmentPeriodInvalid { start, end }, Es) => {
                format!("La cita debe terminar después de empezar ({start} – {end}).")
            }
            (Error::AppointmentInPast { start }, Fr) => {
                format!("L’heure de début {start} est déjà passée.")
            }
            (Error::AppointmentInPast { start }, En) => {
                format!("The start time {start} has already passed.")
            }
            (Error::AppointmentInPast { start }, Es) => {
                format!("La hora de inicio {start} ya ha pasado.")
            }
            (
                Error::AppointmentTooSoon {
                    start,
                    notice_hours,
                },
                Fr,
            ) => format!(
                "Un rendez-vous se demande au moins {notice_hours} h à l’avance : {start} est trop proche."
            ),
            (
                Error::AppointmentTooSoon {
                    start,
                    notice_hours,
                },
                En,
            ) => format!(
                "Appointments must be requested at least {notice_hours} hours ahead: {start} is too soon."
            ),
            (
                Error::AppointmentTooSoon {
                    start,
                    notice_hours,
                },
                Es,
            ) => format!(
                "Las citas se solicitan con al menos {notice_hours} h de antelación: {start} es demasiado pronto."
            ),
            (Error::AppointmentTooFarAhead { start, max_days }, Fr) => format!(
                "Un rendez-vous se demande au plus {max_days} jours à l’avance : {start} est trop loin."
            ),
            (Error::AppointmentTooFarAhead { start, max_days }, En) => format!(
                "Appointments can be requested at most {max_days} days ahead: {start} is too far."
            ),
            (Error::AppointmentTooFarAhead { start, max_days }, Es) => format!(
                "Las citas se solicitan con {max_days} días de antelación como máximo: {start} queda demasiado lejos."
            ),
            (Error::AppointmentDayClosed { date }, Fr) => {
                format!("L’établissement est fermé le {date}.")
            }
            (Error::AppointmentDayClosed { date }, En) => {
                format!("The establishment is closed on {date}.")
            }
            (Error::AppointmentDayClosed { date }, Es) => {
                format!("El establecimiento está cerrado el {date}.")
            }
            (Error::AppointmentOutsideHours { start, end, hours }, Fr) => format!(
                "Le rendez-vous {start} – {end} sort des horaires d’ouverture de ce jour ({hours})."
            ),
            (Error::AppointmentOutsideHours { start, end, hours }, En) => format!(
                "The appointment {start} – {end} is outside that day’s opening hours ({hours})."
            ),
            (Error::AppointmentOutsideHours { start, end, hours }, Es) => format!(
                "La cita {start} – {end} queda fuera del horario de apertura de ese día ({hours})."
            ),
            (Error::AppointmentTransitionInvalid { id, status, action }, Fr) => format!(
                "Impossible de {} le rendez-vous {id} (statut : {status}).",
                appointment_action(action, Fr)
            ),
            (Error::AppointmentTransitionInvalid { id, status, action }, En) => format!(
                "Cannot {} appointment {id} (status: {status}).",
                appointment_action(action, En)
            ),
            (Error::AppointmentTransitionInvalid { id, status, action }, Es) => format!(
                "No se puede {} la cita {id} (estado: {status}).",
                appointment_action(action, Es)
            ),
            (Error::AppointmentScheduleInvalid { detail }, Fr) => {
                format!("Horaires de rendez-vous invalides : {detail}.")
            }
            (Error::AppointmentScheduleInvalid { detail }, En) => {
                format!("Invalid appointment schedule: {detail}.")
            }
            (Error::AppointmentScheduleInvalid { detail }, Es) => {
                format!("Horario de citas no válido: {detail}.")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_variant() -> Vec<Error> {
        let s = || "x".to_string();
        vec![
            Error::InputInvalid { detail: s() },
            Error::InputTooLarge { size: 2, max: 1 },
            Error::OperationUnknown { op: s() },
            Error::Internal { detail: s() },
            Error::CurrencyUnknown { value: s() },
            Error::CurrencyMismatch {
                left: s(),
                right: s(),
            },
            Error::AmountOverflow,
            Error::VatRateInvalid { value: s() },
            Error::FieldRequired { field: s() },
            Error::FieldTooLong { field: s(), max: 1 },
            Error::EmailInvalid { value: s() },
            Error::PhoneInvalid {
                field: s(),
                value: s(),
            },
            Error::CountryUnknown { value: s() },
            Error::BirthDateInvalid { value: s() },
            Error::PlateInvalid { value: s() },
            Error::FieldLocked { field: s() },
            Error::SiretInvalid { value: s() },
            Error::UrlInvalid { value: s() },
            Error::TimeZoneUnknown { value: s() },
            Error::PeriodInvalid {
                start: s(),
                end: s(),
            },
            Error::QuantityInvalid {
                label: s(),
                value: s(),
            },
            Error::UnitUnknown { unit: s() },
            Error::UnitUnavailable {
                unit: s(),
                date: s(),
            },
            Error::BelowMinimumStay { nights: 1, min: 2 },
            Error::AboveMaximumStay { nights: 9, max: 2 },
            Error::ArrivalDayNotAllowed {
                day: s(),
                allowed: s(),
            },
            Error::CapacityExceeded {
                unit: s(),
                capacity: 2,
                guests: 3,
            },
            Error::OptionUnknown { option: s() },
            Error::OptionNotAllowed {
                option: s(),
                reason: s(),
                days: 0,
            },
            Error::OptionQuantityExceeded {
                option: s(),
                max: 1,
            },
            Error::PromoUnknown { code: s() },
            Error::PromoExpired {
                code: s(),
                from: s(),
                to: s(),
            },
            Error::PromoNotForUnit { code: s() },
            Error::PromoUsedUp { code: s() },
            Error::PromoMinimumNights { code: s(), min: 2 },
            Error::CatalogueInvalid { detail: s() },
            Error::QuoteValidityInvalid { valid_until: s() },
            Error::QuoteExpired {
                number: s(),
                valid_until: s(),
            },
            Error::QuoteChanged { number: s() },
            Error::QuoteAlreadyAccepted { number: s() },
            Error::NumberPatternInvalid {
                pattern: s(),
                detail: s(),
            },
            Error::InvoiceNumberInvalid {
                number: s(),
                pattern: s(),
            },
            Error::InvoiceDateBeforeLast {
                last: s(),
                date: s(),
            },
            Error::SequenceExhausted { pattern: s() },
            Error::InvoiceRequestInvalid { detail: s() },
            Error::AlreadyInvoiced {
                stay_reference: s(),
                number: s(),
            },
            Error::MentionMissing { mention: s() },
            Error::InvoiceNotDraft { number: s() },
            Error::InvoiceNotIssued { number: s() },
            Error::PaymentKeyReused { key: s() },
            Error::NotPayable {
                number: s(),
                status: s(),
            },
            Error::PaymentAmountInvalid {
                amount: s(),
                due: s(),
            },
            Error::PaymentResultMismatch {
                reference: s(),
                amount: s(),
            },
            Error::ContractRequestInvalid { detail: s() },
            Error::ContractAlreadySigned { number: s() },
            Error::SignatureImageInvalid { detail: s() },
            Error::DocumentChanged {
                shown: s(),
                current: s(),
            },
            Error::LogBroken {
                sequence: 2,
                reason: s(),
            },
            Error::StayNotCancellable {
                reference: s(),
                status: s(),
            },
            Error::CancellationChanged {
                reference: s(),
                shown: s(),
                now: s(),
            },
            Error::ResidencyInvalid { detail: s() },
            Error::TooManyOccupants { count: 2, max: 2 },
            Error::AppointmentPetUnknown { pet: s() },
            Error::AppointmentPeriodInvalid {
                start: s(),
                end: s(),
            },
            Error::AppointmentInPast { start: s() },
            Error::AppointmentTooSoon {
                start: s(),
                notice_hours: 24,
            },
            Error::AppointmentTooFarAhead {
                start: s(),
                max_days: 60,
            },
            Error::AppointmentDayClosed { date: s() },
            Error::AppointmentOutsideHours {
                start: s(),
                end: s(),
                hours: s(),
            },
            Error::AppointmentTransitionInvalid {
                id: s(),
                status: s(),
                action: "confirm".into(),
            },
            Error::AppointmentScheduleInvalid { detail: s() },
        ]
    }

    #[test]
    fn every_code_is_dotted_and_unique() {
        let codes: Vec<_> = every_variant().iter().map(Error::code).collect();
        let mut unique = codes.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), codes.len());
        assert!(codes.iter().all(|c| c.split('.').count() == 2));
    }

    #[test]
    fn every_code_is_documented_in_docs_errors() {
        let doc = include_str!("../../docs/errors.md");
        for err in every_variant() {
            assert!(
                doc.contains(&format!("| `{}` |", err.code())),
                "{} missing from docs/errors.md",
                err.code()
            );
        }
    }

    #[test]
    fn every_error_speaks_three_languages_differently() {
        for err in every_variant() {
            let fr = err.message(Locale::Fr);
            let en = err.message(Locale::En);
            let es = err.message(Locale::Es);
            assert!(!fr.is_empty() && !en.is_empty() && !es.is_empty());
            assert!(fr != en && en != es, "{} is not translated", err.code());
        }
    }
}
