//! The one error type of hospes.
//!
//! Every failure is an [`Error`] variant carrying the offending value. Each variant has a stable
//! dotted [`code`](Error::code) (`client.email_invalid`) that hosts match on, a
//! [`family`](Error::family) (`client`) that the bindings map to exception subclasses, and a
//! message in French, English or Spanish from [`message`](Error::message).

use crate::i18n::{self, Arg, Locale};

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
    /// The input nests deeper than hospes reads (records and lists inside one another).
    #[error("input nested deeper than {max} levels at {path}")]
    InputTooDeep {
        /// Where the limit was passed (`$.client.companions[0]…`).
        path: String,
        /// Deepest nesting accepted.
        max: usize,
    },
    /// The input contains itself (a dictionary or list holding a reference to itself).
    #[error("input contains itself at {path}")]
    InputCyclic {
        /// Where the value refers back to one of its parents.
        path: String,
    },
    /// A value of another type than the field takes: a list for a record, a date or a decimal
    /// for a text, bytes for a name. Nothing is converted behind the caller's back.
    #[error("{path}: expected {expected}, received {received}")]
    InputWrongType {
        /// The field (`$.client.last_name`).
        path: String,
        /// What the field takes (`a string`, `a record`).
        expected: String,
        /// What was received (`Decimal`, `a list`).
        received: String,
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
    /// The stay given to confirm is not the quote's (another reference or another client).
    #[error("quote {number} is for stay {quote_stay}, not stay {stay}")]
    QuoteStayMismatch {
        /// The quote's number.
        number: String,
        /// The stay the quote is for.
        quote_stay: String,
        /// The stay given.
        stay: String,
    },
    /// The stay names fewer people (the client and the participants) than the quote prices.
    #[error("quote {number} is for {guests} guests, stay {stay} names {people}")]
    QuoteParticipantsMissing {
        /// The quote's number.
        number: String,
        /// The stay.
        stay: String,
        /// Guests the quote prices, the client included.
        guests: u32,
        /// People the stay names: the client and the participants.
        people: u32,
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
    /// A font the establishment supplied that cannot be embedded.
    #[error("font {field} cannot be used: {detail}")]
    FontInvalid {
        /// Which font (`font`, `bold_font`).
        field: String,
        /// What is wrong.
        detail: String,
    },
    /// An image (logo, drawn signature) that cannot be printed.
    #[error("image {field} cannot be printed: {detail}")]
    ImageInvalid {
        /// Which image (`logo`).
        field: String,
        /// What is wrong.
        detail: String,
    },
    /// A document printed for another client than its own.
    #[error("document {document} does not belong to client {client_id}")]
    DocumentClientMismatch {
        /// The document's number.
        document: String,
        /// The client given.
        client_id: String,
    },
    /// A label sheet with nothing to print, or a first label beyond the sheet.
    #[error("labels cannot be printed: {detail}")]
    LabelsInvalid {
        /// What is wrong.
        detail: String,
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
    /// A mail template the engine cannot compile, or that uses what a mail may not.
    #[error("mail template {part}, line {line}, column {column}: {detail}")]
    MailTemplateInvalid {
        /// The part (`fr.html`).
        part: String,
        /// Line, from 1.
        line: u32,
        /// Column, from 1.
        column: u32,
        /// What is wrong.
        detail: String,
    },
    /// A `[TAG]` neither built in nor declared by the host.
    #[error("unknown mail tag {tag} in {part}, line {line}, column {column}")]
    MailTagUnknown {
        /// The tag, with its brackets.
        tag: String,
        /// The part (`fr.html`).
        part: String,
        /// Line, from 1.
        line: u32,
        /// Column, from 1.
        column: u32,
    },
    /// A `{{ variable }}` a mail does not have.
    #[error("unknown mail variable `{name}` in {part}, line {line}, column {column}")]
    MailVariableUnknown {
        /// The variable (`client.frist_name`).
        name: String,
        /// The part (`fr.html`).
        part: String,
        /// Line, from 1.
        line: u32,
        /// Column, from 1.
        column: u32,
    },
    /// A tag without which the mail would be wrong (a link, an amount, a document number, the
    /// stay, the booking deadline, the business's own tag) has no value in the mail's context.
    #[error("no value for mail tag {tag} ({what})")]
    MailValueMissing {
        /// The tag, with its brackets.
        tag: String,
        /// What it stands for: `link`, `amount`, `document`, `stay`, `deadline` or `tag`.
        what: String,
    },
    /// A link in the mail's context that a guest may not be sent to (not `https:`, a
    /// `javascript:` link): refused, not merely escaped.
    #[error("mail link {link} is not a web address a guest may follow: {value}")]
    MailLinkInvalid {
        /// Which link (`portal`, `deposit_payment`).
        link: String,
        /// The value given, cut to 200 characters.
        value: String,
    },
    /// A template or rendered part beyond the limit.
    #[error("mail part {part} is larger than {max} bytes")]
    MailTooLarge {
        /// The part (`fr.html`).
        part: String,
        /// The limit, in bytes.
        max: usize,
    },
    /// A template that failed while rendering.
    #[error("mail part {part} could not be rendered: {detail}")]
    MailRenderFailed {
        /// The part (`fr.html`).
        part: String,
        /// What failed.
        detail: String,
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
    /// A booking field the business does not let guests change.
    #[error("booking field `{field}` cannot be changed by the guest")]
    BookingFieldNotEditable {
        /// The field.
        field: String,
    },
    /// A reminder re-sent when no field can be changed any more.
    #[error("nothing left to change on stay {reference}")]
    BookingNothingEditable {
        /// The stay.
        reference: String,
    },
    /// An editable-fields policy that contradicts itself.
    #[error("invalid editable-fields policy: {detail}")]
    BookingPolicyInvalid {
        /// What is wrong.
        detail: String,
    },
}

/// A count, for the catalogues' plural rules.
fn number<T: TryInto<i64>>(value: T) -> Arg<'static> {
    Arg::Number(value.try_into().unwrap_or(i64::MAX))
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
            Error::InputTooDeep { .. } => "input.too_deep",
            Error::InputCyclic { .. } => "input.cyclic",
            Error::InputWrongType { .. } => "input.wrong_type",
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
            Error::QuoteStayMismatch { .. } => "quote.stay_mismatch",
            Error::QuoteParticipantsMissing { .. } => "quote.participants_missing",
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
            Error::FontInvalid { .. } => "pdf.font_invalid",
            Error::ImageInvalid { .. } => "pdf.image_invalid",
            Error::DocumentClientMismatch { .. } => "pdf.client_mismatch",
            Error::LabelsInvalid { .. } => "pdf.labels_invalid",
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
            Error::MailTemplateInvalid { .. } => "mail.template_invalid",
            Error::MailTagUnknown { .. } => "mail.tag_unknown",
            Error::MailVariableUnknown { .. } => "mail.variable_unknown",
            Error::MailValueMissing { .. } => "mail.value_missing",
            Error::MailLinkInvalid { .. } => "mail.link_invalid",
            Error::MailTooLarge { .. } => "mail.too_large",
            Error::MailRenderFailed { .. } => "mail.render_failed",
            Error::AppointmentPetUnknown { .. } => "appointment.pet_unknown",
            Error::AppointmentPeriodInvalid { .. } => "appointment.period_invalid",
            Error::AppointmentInPast { .. } => "appointment.in_past",
            Error::AppointmentTooSoon { .. } => "appointment.too_soon",
            Error::AppointmentTooFarAhead { .. } => "appointment.too_far_ahead",
            Error::AppointmentDayClosed { .. } => "appointment.day_closed",
            Error::AppointmentOutsideHours { .. } => "appointment.outside_hours",
            Error::AppointmentTransitionInvalid { .. } => "appointment.transition_invalid",
            Error::AppointmentScheduleInvalid { .. } => "appointment.schedule_invalid",
            Error::BookingFieldNotEditable { .. } => "booking.field_not_editable",
            Error::BookingNothingEditable { .. } => "booking.nothing_editable",
            Error::BookingPolicyInvalid { .. } => "booking.policy_invalid",
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
        let id = self.code().replace('.', "-");
        i18n::text(&id, &self.args(), locale, Locale::Fr)
    }

    /// The values its message shows, by name, for the catalogues.
    #[allow(clippy::too_many_lines)]
    fn args(&self) -> Vec<(&'static str, Arg<'_>)> {
        match self {
            Error::InputInvalid { detail } => vec![("detail", Arg::from(detail.as_str()))],
            Error::InputTooLarge { size, max } => {
                vec![("size", number(*size)), ("max", number(*max))]
            }
            Error::InputTooDeep { path, max } => {
                vec![("path", Arg::from(path.as_str())), ("max", number(*max))]
            }
            Error::InputCyclic { path } => vec![("path", Arg::from(path.as_str()))],
            Error::InputWrongType {
                path,
                expected,
                received,
            } => vec![
                ("path", Arg::from(path.as_str())),
                ("expected", Arg::from(expected.as_str())),
                ("received", Arg::from(received.as_str())),
            ],
            Error::OperationUnknown { op } => vec![("op", Arg::from(op.as_str()))],
            Error::Internal { detail } => vec![("detail", Arg::from(detail.as_str()))],
            Error::CurrencyUnknown { value } => vec![("value", Arg::from(value.as_str()))],
            Error::CurrencyMismatch { left, right } => vec![
                ("left", Arg::from(left.as_str())),
                ("right", Arg::from(right.as_str())),
            ],
            Error::AmountOverflow => vec![],
            Error::VatRateInvalid { value } => vec![("value", Arg::from(value.as_str()))],
            Error::FieldRequired { field } => vec![("field", Arg::from(field.as_str()))],
            Error::FieldTooLong { field, max } => {
                vec![("field", Arg::from(field.as_str())), ("max", number(*max))]
            }
            Error::EmailInvalid { value } => vec![("value", Arg::from(value.as_str()))],
            Error::PhoneInvalid { field, value } => vec![
                ("field", Arg::from(field.as_str())),
                ("value", Arg::from(value.as_str())),
            ],
            Error::CountryUnknown { value } => vec![("value", Arg::from(value.as_str()))],
            Error::BirthDateInvalid { value } => vec![("value", Arg::from(value.as_str()))],
            Error::PlateInvalid { value } => vec![("value", Arg::from(value.as_str()))],
            Error::FieldLocked { field } => vec![("field", Arg::from(field.as_str()))],
            Error::SiretInvalid { value } => vec![("value", Arg::from(value.as_str()))],
            Error::UrlInvalid { value } => vec![("value", Arg::from(value.as_str()))],
            Error::TimeZoneUnknown { value } => vec![("value", Arg::from(value.as_str()))],
            Error::OpeningPeriodInvalid {
                first_day,
                last_day,
            } => vec![
                ("first_day", Arg::from(first_day.as_str())),
                ("last_day", Arg::from(last_day.as_str())),
            ],
            Error::PeriodInvalid { start, end } => vec![
                ("start", Arg::from(start.as_str())),
                ("end", Arg::from(end.as_str())),
            ],
            Error::LinkInvalid => vec![],
            Error::LinkExpired { expired_at } => {
                vec![("expired_at", Arg::from(expired_at.as_str()))]
            }
            Error::LinkKeyInvalid => vec![],
            Error::LinkRequestInvalid { detail } => vec![("detail", Arg::from(detail.as_str()))],
            Error::PasswordTooShort { min } => vec![("min", number(*min))],
            Error::LoginFailed => vec![],
            Error::AccountNotVerified => vec![],
            Error::Throttled {
                retry_after_seconds,
            } => vec![("retry_after_seconds", number(*retry_after_seconds))],
            Error::PortalNotFound { what } => vec![("what", Arg::from(what.as_str()))],
            Error::StayNotEditable { reference } => {
                vec![("reference", Arg::from(reference.as_str()))]
            }
            Error::UnitUnknown { unit } => vec![("unit", Arg::from(unit.as_str()))],
            Error::UnitUnavailable { unit, date } => vec![
                ("unit", Arg::from(unit.as_str())),
                ("date", Arg::from(date.as_str())),
            ],
            Error::BelowMinimumStay { nights, min } => {
                vec![("nights", number(*nights)), ("min", number(*min))]
            }
            Error::AboveMaximumStay { nights, max } => {
                vec![("nights", number(*nights)), ("max", number(*max))]
            }
            Error::ArrivalDayNotAllowed { day, allowed } => vec![
                ("day", Arg::from(day.as_str())),
                ("allowed", Arg::from(allowed.as_str())),
            ],
            Error::CapacityExceeded {
                unit,
                capacity,
                guests,
            } => vec![
                ("unit", Arg::from(unit.as_str())),
                ("capacity", number(*capacity)),
                ("guests", number(*guests)),
            ],
            Error::OptionUnknown { option } => vec![("option", Arg::from(option.as_str()))],
            Error::OptionNotAllowed {
                option,
                reason,
                days,
            } => vec![
                ("option", Arg::from(option.as_str())),
                ("reason", Arg::from(reason.as_str())),
                ("days", number(*days)),
            ],
            Error::OptionQuantityExceeded { option, max } => vec![
                ("option", Arg::from(option.as_str())),
                ("max", number(*max)),
            ],
            Error::PromoUnknown { code } => vec![("code", Arg::from(code.as_str()))],
            Error::PromoExpired { code, from, to } => vec![
                ("code", Arg::from(code.as_str())),
                ("from", Arg::from(from.as_str())),
                ("to", Arg::from(to.as_str())),
            ],
            Error::PromoNotForUnit { code } => vec![("code", Arg::from(code.as_str()))],
            Error::PromoUsedUp { code } => vec![("code", Arg::from(code.as_str()))],
            Error::PromoMinimumNights { code, min } => {
                vec![("code", Arg::from(code.as_str())), ("min", number(*min))]
            }
            Error::CatalogueInvalid { detail } => vec![("detail", Arg::from(detail.as_str()))],
            Error::QuoteValidityInvalid { valid_until } => {
                vec![("valid_until", Arg::from(valid_until.as_str()))]
            }
            Error::QuoteExpired {
                number,
                valid_until,
            } => vec![
                ("number", Arg::from(number.as_str())),
                ("valid_until", Arg::from(valid_until.as_str())),
            ],
            Error::QuoteChanged { number } => vec![("number", Arg::from(number.as_str()))],
            Error::QuoteAlreadyAccepted { number } => vec![("number", Arg::from(number.as_str()))],
            Error::QuoteStayMismatch {
                number,
                quote_stay,
                stay,
            } => vec![
                ("number", Arg::from(number.as_str())),
                ("quote_stay", Arg::from(quote_stay.as_str())),
                ("stay", Arg::from(stay.as_str())),
            ],
            Error::QuoteParticipantsMissing {
                number: quote,
                stay,
                guests,
                people,
            } => vec![
                ("number", Arg::from(quote.as_str())),
                ("stay", Arg::from(stay.as_str())),
                ("guests", number(*guests)),
                ("people", number(*people)),
            ],
            Error::NumberPatternInvalid { pattern, detail } => vec![
                ("pattern", Arg::from(pattern.as_str())),
                ("detail", Arg::from(detail.as_str())),
            ],
            Error::InvoiceNumberInvalid { number, pattern } => vec![
                ("number", Arg::from(number.as_str())),
                ("pattern", Arg::from(pattern.as_str())),
            ],
            Error::InvoiceDateBeforeLast { last, date } => vec![
                ("last", Arg::from(last.as_str())),
                ("date", Arg::from(date.as_str())),
            ],
            Error::SequenceExhausted { pattern } => vec![("pattern", Arg::from(pattern.as_str()))],
            Error::InvoiceRequestInvalid { detail } => vec![("detail", Arg::from(detail.as_str()))],
            Error::AlreadyInvoiced {
                stay_reference,
                number,
            } => vec![
                ("stay_reference", Arg::from(stay_reference.as_str())),
                ("number", Arg::from(number.as_str())),
            ],
            Error::MentionMissing { mention } => vec![("mention", Arg::from(mention.as_str()))],
            Error::InvoiceNotDraft { number } => vec![("number", Arg::from(number.as_str()))],
            Error::InvoiceNotIssued { number } => vec![("number", Arg::from(number.as_str()))],
            Error::PaymentKeyReused { key } => vec![("key", Arg::from(key.as_str()))],
            Error::NotPayable { number, status } => vec![
                ("number", Arg::from(number.as_str())),
                ("status", Arg::from(status.as_str())),
            ],
            Error::PaymentAmountInvalid { amount, due } => vec![
                ("amount", Arg::from(amount.as_str())),
                ("due", Arg::from(due.as_str())),
            ],
            Error::PaymentResultMismatch { reference, amount } => vec![
                ("reference", Arg::from(reference.as_str())),
                ("amount", Arg::from(amount.as_str())),
            ],
            Error::ContractRequestInvalid { detail } => {
                vec![("detail", Arg::from(detail.as_str()))]
            }
            Error::ContractAlreadySigned { number } => vec![("number", Arg::from(number.as_str()))],
            Error::FontInvalid { field, detail } | Error::ImageInvalid { field, detail } => vec![
                ("field", Arg::from(field.as_str())),
                ("detail", Arg::from(detail.as_str())),
            ],
            Error::DocumentClientMismatch {
                document,
                client_id,
            } => vec![
                ("document", Arg::from(document.as_str())),
                ("client_id", Arg::from(client_id.as_str())),
            ],
            Error::LabelsInvalid { detail } => vec![("detail", Arg::from(detail.as_str()))],
            Error::SignatureImageInvalid { detail } => vec![("detail", Arg::from(detail.as_str()))],
            Error::DocumentChanged { shown, current } => vec![
                ("shown", Arg::from(shown.as_str())),
                ("current", Arg::from(current.as_str())),
            ],
            Error::LogBroken { sequence, reason } => vec![
                ("sequence", number(*sequence)),
                ("reason", Arg::from(reason.as_str())),
            ],
            Error::StayNotCancellable { reference, status } => vec![
                ("reference", Arg::from(reference.as_str())),
                ("status", Arg::from(status.as_str())),
            ],
            Error::CancellationChanged {
                reference,
                shown,
                now,
            } => vec![
                ("reference", Arg::from(reference.as_str())),
                ("shown", Arg::from(shown.as_str())),
                ("now", Arg::from(now.as_str())),
            ],
            Error::ResidencyInvalid { detail } => vec![("detail", Arg::from(detail.as_str()))],
            Error::TooManyOccupants { count, max } => {
                vec![("count", number(*count)), ("max", number(*max))]
            }
            Error::QuantityInvalid { label, value } => vec![
                ("label", Arg::from(label.as_str())),
                ("value", Arg::from(value.as_str())),
            ],
            Error::MailTemplateInvalid {
                part,
                line,
                column,
                detail,
            } => vec![
                ("part", Arg::from(part.as_str())),
                ("line", number(*line)),
                ("column", number(*column)),
                ("detail", Arg::from(detail.as_str())),
            ],
            Error::MailTagUnknown {
                tag,
                part,
                line,
                column,
            } => vec![
                ("tag", Arg::from(tag.as_str())),
                ("part", Arg::from(part.as_str())),
                ("line", number(*line)),
                ("column", number(*column)),
            ],
            Error::MailVariableUnknown {
                name,
                part,
                line,
                column,
            } => vec![
                ("name", Arg::from(name.as_str())),
                ("part", Arg::from(part.as_str())),
                ("line", number(*line)),
                ("column", number(*column)),
            ],
            Error::MailLinkInvalid { link, value } => vec![
                ("link", Arg::from(link.as_str())),
                ("value", Arg::from(value.as_str())),
            ],
            Error::MailValueMissing { tag, what } => vec![
                ("tag", Arg::from(tag.as_str())),
                ("what", Arg::from(what.as_str())),
            ],
            Error::MailTooLarge { part, max } => {
                vec![("part", Arg::from(part.as_str())), ("max", number(*max))]
            }
            Error::MailRenderFailed { part, detail } => vec![
                ("part", Arg::from(part.as_str())),
                ("detail", Arg::from(detail.as_str())),
            ],
            Error::AppointmentPetUnknown { pet } => vec![("pet", Arg::from(pet.as_str()))],
            Error::AppointmentPeriodInvalid { start, end } => vec![
                ("start", Arg::from(start.as_str())),
                ("end", Arg::from(end.as_str())),
            ],
            Error::AppointmentInPast { start } => vec![("start", Arg::from(start.as_str()))],
            Error::AppointmentTooSoon {
                start,
                notice_hours,
            } => vec![
                ("start", Arg::from(start.as_str())),
                ("notice_hours", number(*notice_hours)),
            ],
            Error::AppointmentTooFarAhead { start, max_days } => vec![
                ("start", Arg::from(start.as_str())),
                ("max_days", number(*max_days)),
            ],
            Error::AppointmentDayClosed { date } => vec![("date", Arg::from(date.as_str()))],
            Error::AppointmentOutsideHours { start, end, hours } => vec![
                ("start", Arg::from(start.as_str())),
                ("end", Arg::from(end.as_str())),
                ("hours", Arg::from(hours.as_str())),
            ],
            Error::AppointmentTransitionInvalid { id, status, action } => vec![
                ("id", Arg::from(id.as_str())),
                ("status", Arg::from(status.as_str())),
                ("action", Arg::from(action.as_str())),
            ],
            Error::AppointmentScheduleInvalid { detail } => {
                vec![("detail", Arg::from(detail.as_str()))]
            }
            Error::BookingFieldNotEditable { field } => vec![("field", Arg::from(field.as_str()))],
            Error::BookingNothingEditable { reference } => {
                vec![("reference", Arg::from(reference.as_str()))]
            }
            Error::BookingPolicyInvalid { detail } => vec![("detail", Arg::from(detail.as_str()))],
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
            Error::InputTooDeep { path: s(), max: 1 },
            Error::InputCyclic { path: s() },
            Error::InputWrongType {
                path: s(),
                expected: s(),
                received: s(),
            },
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
            Error::QuoteStayMismatch {
                number: s(),
                quote_stay: s(),
                stay: s(),
            },
            Error::QuoteParticipantsMissing {
                number: s(),
                stay: s(),
                guests: 3,
                people: 1,
            },
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
            Error::FontInvalid {
                field: s(),
                detail: s(),
            },
            Error::ImageInvalid {
                field: s(),
                detail: s(),
            },
            Error::DocumentClientMismatch {
                document: s(),
                client_id: s(),
            },
            Error::LabelsInvalid { detail: s() },
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
            Error::MailTemplateInvalid {
                part: s(),
                line: 2,
                column: 3,
                detail: s(),
            },
            Error::MailTagUnknown {
                tag: s(),
                part: s(),
                line: 2,
                column: 3,
            },
            Error::MailVariableUnknown {
                name: s(),
                part: s(),
                line: 2,
                column: 3,
            },
            Error::MailValueMissing {
                tag: s(),
                what: s(),
            },
            Error::MailLinkInvalid {
                link: s(),
                value: s(),
            },
            Error::MailTooLarge { part: s(), max: 9 },
            Error::MailRenderFailed {
                part: s(),
                detail: s(),
            },
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
            Error::BookingFieldNotEditable { field: s() },
            Error::BookingNothingEditable { reference: s() },
            Error::BookingPolicyInvalid { detail: s() },
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
