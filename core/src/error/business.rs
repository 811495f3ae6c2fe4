//! The errors of the business's side: pricing, quotes, invoices, payments, contracts, the
//! evidence log, mails, editable bookings, appointments, PDFs, GDPR and exports. The middle part
//! of the table of [`Error`](super::Error); the books' (accounting, internal) are in `books`.

/// Hands `$callback` the whole table: the guest's part first, then this one, then the books'.
macro_rules! error_table {
    ($callback:ident) => {
        books_families! { $callback;
            /// A register query or entry that cannot be served (`register.query_invalid` …).
            Register = "register" {
                /// A search fragment shorter than the register starts at.
                #[error("`{field}` needs at least {min} letters or digits to search")]
                RegisterQueryTooShort = "register.query_too_short" {
                    /// The criterion (`text`, `city`, `phone`, `plate`).
                    field: String,
                    /// The fewest letters or digits it takes.
                    min: usize,
                },
                /// A register query with a value out of range.
                #[error("register query: {detail}")]
                RegisterQueryInvalid = "register.query_invalid" {
                    /// What was wrong, with the value.
                    detail: String,
                },
                /// A register entry that cannot be indexed.
                #[error("register entry `{client_id}`: {detail}")]
                RegisterEntryInvalid = "register.entry_invalid" {
                    /// The client's id (truncated).
                    client_id: String,
                    /// What was wrong.
                    detail: String,
                },
                /// No client with this id in the register.
                #[error("no client `{client_id}` in the register")]
                RegisterClientUnknown = "register.client_unknown" {
                    /// The id asked for (truncated).
                    client_id: String,
                },
            }
            /// A stay that cannot be priced or booked as asked (`pricing.unit_unavailable`,
            /// `pricing.promo_expired` …).
            Pricing = "pricing" {
                /// No unit with this id in the catalogue.
                #[error("unknown unit `{unit}`")]
                UnitUnknown = "pricing.unit_unknown" {
                    /// The unit id received.
                    unit: String,
                },
                /// The unit is booked, closed or has no rate on one of the nights asked for.
                #[error("unit `{unit}` is not available on the night of {date}")]
                UnitUnavailable = "pricing.unit_unavailable" {
                    /// The unit id.
                    unit: String,
                    /// The first night that is not available.
                    date: String,
                },
                /// The stay is shorter than the rate allows.
                #[error("{nights} nights is below the minimum stay of {min} nights")]
                BelowMinimumStay = "pricing.below_minimum_stay" {
                    /// Nights asked for.
                    nights: u32,
                    /// Minimum nights.
                    min: u32,
                },
                /// The stay is longer than the rate allows.
                #[error("{nights} nights is above the maximum stay of {max} nights")]
                AboveMaximumStay = "pricing.above_maximum_stay" {
                    /// Nights asked for.
                    nights: u32,
                    /// Maximum nights.
                    max: u32,
                },
                /// Arrivals are not taken on that day of the week for this rate.
                #[error("arrival on a {day} is not allowed (allowed: {allowed})")]
                ArrivalDayNotAllowed = "pricing.arrival_day_not_allowed" {
                    /// The arrival's day of the week, in English (`monday`).
                    day: String,
                    /// The allowed days, comma-separated.
                    allowed: String,
                },
                /// More guests than the unit sleeps.
                #[error("{guests} guests exceed the capacity of {capacity} of unit `{unit}`")]
                CapacityExceeded = "pricing.capacity_exceeded" {
                    /// The unit id.
                    unit: String,
                    /// Its capacity.
                    capacity: u32,
                    /// Guests asked for.
                    guests: u32,
                },
                /// No option with this id in the catalogue.
                #[error("unknown option `{option}`")]
                OptionUnknown = "pricing.option_unknown" {
                    /// The option id received.
                    option: String,
                },
                /// The option cannot be booked for this stay, now.
                #[error("option `{option}` is not allowed ({reason})")]
                OptionNotAllowed = "pricing.option_not_allowed" {
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
                OptionQuantityExceeded = "pricing.option_quantity_exceeded" {
                    /// The option's name.
                    option: String,
                    /// Most allowed.
                    max: u32,
                },
                /// No promo code with this code.
                #[error("unknown promo code `{code}`")]
                PromoUnknown = "pricing.promo_unknown" {
                    /// The code typed.
                    code: String,
                },
                /// The promo code is not valid at these dates (of stay or of booking).
                #[error("promo code `{code}` is valid from {from} to {to} only")]
                PromoExpired = "pricing.promo_expired" {
                    /// The code.
                    code: String,
                    /// First valid day.
                    from: String,
                    /// Last valid day.
                    to: String,
                },
                /// The promo code is not for this unit.
                #[error("promo code `{code}` does not apply to this accommodation")]
                PromoNotForUnit = "pricing.promo_not_for_unit" {
                    /// The code.
                    code: String,
                },
                /// The promo code reached its maximum uses or its budget.
                #[error("promo code `{code}` is used up")]
                PromoUsedUp = "pricing.promo_used_up" {
                    /// The code.
                    code: String,
                },
                /// The promo code needs a longer stay.
                #[error("promo code `{code}` needs a stay of {min} nights or more")]
                PromoMinimumNights = "pricing.promo_min_nights" {
                    /// The code.
                    code: String,
                    /// Minimum nights.
                    min: u32,
                },
                /// The catalogue contradicts itself (a rate for an unknown season, a percentage over
                /// 100 …).
                #[error("invalid catalogue: {detail}")]
                CatalogueInvalid = "pricing.catalogue_invalid" {
                    /// What is wrong, and where.
                    detail: String,
                },
                /// A business discount with a negative amount or price, or a percentage outside 0–100.
                #[error("discount `{value}` is not valid: a percentage from 0 to 100, or an amount not below zero")]
                DiscountInvalid = "pricing.discount_invalid" {
                    /// The value received.
                    value: String,
                },
                /// A price grid past 500 units, 400 arrival dates or 20 000 cells.
                #[error("a price grid of {units} units × {arrivals} arrival dates is too large (at most {max_units} units, {max_arrivals} dates, {max_cells} cells)")]
                GridTooLarge = "pricing.grid_too_large" {
                    /// Units asked for.
                    units: usize,
                    /// Arrival dates asked for.
                    arrivals: usize,
                    /// Most units.
                    max_units: usize,
                    /// Most arrival dates.
                    max_arrivals: usize,
                    /// Most cells.
                    max_cells: usize,
                },
            }
            /// A quote that can no longer be changed or accepted (`quote.expired`, `quote.changed` …).
            Quote = "quote" {
                /// A quote whose validity date is not after its creation.
                #[error("a quote must be valid after it is made (valid until {valid_until})")]
                QuoteValidityInvalid = "quote.validity_invalid" {
                    /// The validity received.
                    valid_until: String,
                },
                /// The quote's validity date has passed.
                #[error("quote {number} expired on {valid_until}")]
                QuoteExpired = "quote.expired" {
                    /// The quote's number.
                    number: String,
                    /// When it expired.
                    valid_until: String,
                },
                /// The quote changed since the guest was shown it: they must read it again.
                #[error("quote {number} changed since it was shown")]
                QuoteChanged = "quote.changed" {
                    /// The quote's number.
                    number: String,
                },
                /// The quote is accepted already.
                #[error("quote {number} is already accepted")]
                QuoteAlreadyAccepted = "quote.already_accepted" {
                    /// The quote's number.
                    number: String,
                },
                /// The stay given to confirm is not the quote's (another reference or another client).
                #[error("quote {number} is for stay {quote_stay}, not stay {stay}")]
                QuoteStayMismatch = "quote.stay_mismatch" {
                    /// The quote's number.
                    number: String,
                    /// The stay the quote is for.
                    quote_stay: String,
                    /// The stay given.
                    stay: String,
                },
                /// The stay names fewer people (the client and the participants) than the quote prices.
                #[error("quote {number} is for {guests} guests, stay {stay} names {people}")]
                QuoteParticipantsMissing = "quote.participants_missing" {
                    /// The quote's number.
                    number: String,
                    /// The stay.
                    stay: String,
                    /// Guests the quote prices, the client included.
                    guests: u32,
                    /// People the stay names: the client and the participants.
                    people: u32,
                },
            }
            /// Invoice numbering or issuing refused (`invoice.date_before_last` …).
            Invoice = "invoice" {
                /// An invoice number pattern that cannot be used.
                #[error("invalid number pattern `{pattern}`: {detail}")]
                NumberPatternInvalid = "invoice.number_pattern_invalid" {
                    /// The pattern.
                    pattern: String,
                    /// What is wrong.
                    detail: String,
                },
                /// A number that does not fit its series' pattern.
                #[error("`{number}` does not fit the pattern `{pattern}`")]
                InvoiceNumberInvalid = "invoice.number_invalid" {
                    /// The number.
                    number: String,
                    /// The series' pattern.
                    pattern: String,
                },
                /// An invoice dated in a period before the series' last number: numbers must follow dates.
                #[error("an invoice dated {date} cannot follow {last}")]
                InvoiceDateBeforeLast = "invoice.date_before_last" {
                    /// The series' last number.
                    last: String,
                    /// The date asked for.
                    date: String,
                },
                /// The sequence has no digit left for this period.
                #[error("the sequence of `{pattern}` is exhausted for this period")]
                SequenceExhausted = "invoice.sequence_exhausted" {
                    /// The pattern.
                    pattern: String,
                },
                /// An invoice request that its kind cannot use.
                #[error("cannot draft this invoice: {detail}")]
                InvoiceRequestInvalid = "invoice.request_invalid" {
                    /// What is wrong.
                    detail: String,
                },
                /// A stay that has its balance or final invoice already.
                #[error("stay {stay_reference} is invoiced already by {number}")]
                AlreadyInvoiced = "invoice.already_invoiced" {
                    /// The stay.
                    stay_reference: String,
                    /// Its balance or final invoice.
                    number: String,
                },
                /// A mandatory mention is missing from the invoice.
                #[error("mandatory mention `{mention}` is missing")]
                MentionMissing = "invoice.mention_missing" {
                    /// The mention (`seller.siret`).
                    mention: String,
                },
                /// An invoice would be due before the day it is issued.
                #[error("invoice due on {due_date}, before its issue date {issue_date}")]
                InvoiceDueBeforeIssue = "invoice.due_before_issue" {
                    /// The due date (`YYYY-MM-DD`).
                    due_date: String,
                    /// The issue date asked for (`YYYY-MM-DD`).
                    issue_date: String,
                },
                /// An issued invoice cannot change.
                #[error("invoice {number} is issued: it cannot change")]
                InvoiceNotDraft = "invoice.not_draft" {
                    /// Its number.
                    number: String,
                },
                /// Only an issued invoice can be credited.
                #[error("invoice `{number}` cannot be credited")]
                InvoiceNotIssued = "invoice.not_issued" {
                    /// Its number, if any.
                    number: String,
                },
                /// A draft has no number nor issue date: only an issued invoice is an e-invoice.
                #[error("invoice `{number}` is not issued: a draft cannot be an e-invoice")]
                EinvoiceDraft = "invoice.einvoice_draft" {
                    /// Its number, if any.
                    number: String,
                },
                /// An e-invoice needs the seller's SIREN (from its SIRET) (BR-FR-10).
                #[error("the seller `{seller}` has no SIRET: an e-invoice needs its SIREN")]
                EinvoiceSirenMissing = "invoice.einvoice_siren_missing" {
                    /// The seller's name.
                    seller: String,
                },
                /// A business customer in France needs her SIREN on an e-invoice (BR-FR-11).
                #[error("the business customer `{customer}` has no SIREN: a B2B e-invoice needs it")]
                EinvoiceBuyerSirenMissing = "invoice.einvoice_buyer_siren_missing" {
                    /// The customer's name.
                    customer: String,
                },
                /// The customer's address lacks what an e-invoice needs: a country for everyone,
                /// the street, postcode and city for a business (BR-10, BR-11).
                #[error("the customer `{customer}` has no {missing}: an e-invoice needs it")]
                EinvoiceBuyerAddressMissing = "invoice.einvoice_buyer_address_missing" {
                    /// The customer's name.
                    customer: String,
                    /// What is missing (`country`, `address`).
                    missing: String,
                },
                /// A credit note's e-invoice names the invoice it cancels and its date (BR-FR-CO-05).
                #[error("credit note `{number}`: the issue date of the invoice it cancels is needed")]
                EinvoiceCreditedDateMissing = "invoice.einvoice_credited_date_missing" {
                    /// The credit note's number.
                    number: String,
                },
                /// An invoice number the French platforms refuse: at most 35 letters, digits and
                /// `+ - _ /` (BR-FR-01, BR-FR-02).
                #[error("invoice number `{number}` cannot be an e-invoice's: at most 35 letters, digits and + - _ /")]
                EinvoiceNumberInvalid = "invoice.einvoice_number_invalid" {
                    /// The number.
                    number: String,
                },
                /// hospes writes e-invoices in euros only (BR-FR-CO-12).
                #[error("an e-invoice in {currency} is not supported: euros only")]
                EinvoiceCurrencyUnsupported = "invoice.einvoice_currency_unsupported" {
                    /// The invoice's currency.
                    currency: String,
                },
                /// A business under the VAT franchise (art. 293 B du CGI) charges no VAT.
                #[error("a business under the VAT franchise charges no VAT, yet a line is at {rate} %")]
                EinvoiceFranchiseVat = "invoice.einvoice_franchise_vat" {
                    /// The rate charged.
                    rate: String,
                },
                /// Payment by credit transfer names the account to pay into (BR-61).
                #[error("payment by {means} needs the IBAN of the account to pay into")]
                EinvoiceIbanMissing = "invoice.einvoice_iban_missing" {
                    /// The means of payment (`sepa_credit_transfer`).
                    means: String,
                },
                /// An identifier of the e-invoice options that is not what it names: a SIREN of
                /// other than 9 digits, a VAT number, IBAN or BIC out of their format, an
                /// electronic address or account name too long or with control characters.
                #[error("the e-invoice's {field} `{value}` is not in its format")]
                EinvoiceIdentifierInvalid = "invoice.einvoice_identifier_invalid" {
                    /// Which identifier (`buyer.siren`, `payment_means.iban` …).
                    field: String,
                    /// The value given, cut to 40 characters.
                    value: String,
                },
                /// What was paid before the invoice was issued cannot exceed its total.
                #[error("paid {paid} on an invoice of {total}")]
                EinvoicePaidInvalid = "invoice.einvoice_paid_invalid" {
                    /// The amount said to be paid.
                    paid: String,
                    /// The invoice's total.
                    total: String,
                },
                /// An e-reporting period whose last day is before its first.
                #[error("e-reporting period from {first_day} to {last_day}: the last day is before the first")]
                EreportingPeriodReversed = "invoice.ereporting_period_reversed" {
                    /// The first day (`YYYY-MM-DD`).
                    first_day: String,
                    /// The last day (`YYYY-MM-DD`).
                    last_day: String,
                },
                /// An e-reporting period longer than a month (31 days).
                #[error("e-reporting period from {first_day} to {last_day} is {days} days: 31 at most")]
                EreportingPeriodTooLong = "invoice.ereporting_period_too_long" {
                    /// The first day (`YYYY-MM-DD`).
                    first_day: String,
                    /// The last day (`YYYY-MM-DD`).
                    last_day: String,
                    /// Its length in days, both included.
                    days: u32,
                },
                /// French e-reporting is in euros: nothing is converted.
                #[error("`{reference}` is in {currency}: e-reporting is in euros only")]
                EreportingCurrencyUnsupported = "invoice.ereporting_currency_unsupported" {
                    /// The establishment's id, the invoice's number or the payment's key.
                    reference: String,
                    /// Its currency.
                    currency: String,
                },
                /// A payment reported whose invoice was not handed with it (or is a draft).
                #[error("payment `{key}` is on invoice `{invoice_number}`, which was not given")]
                EreportingInvoiceUnknown = "invoice.ereporting_invoice_unknown" {
                    /// The invoice's number.
                    invoice_number: String,
                    /// The payment's key.
                    key: String,
                },
            }
            /// A payment that cannot be recorded or asked for (`payment.amount_invalid`,
            /// `payment.not_payable` …).
            Payment = "payment" {
                /// An idempotency key already used for another payment.
                #[error("payment key `{key}` was used for another payment")]
                PaymentKeyReused = "payment.key_reused" {
                    /// The key.
                    key: String,
                },
                /// Nothing can be paid on this invoice.
                #[error("invoice {number} is {status}: nothing to pay")]
                NotPayable = "payment.not_payable" {
                    /// The invoice.
                    number: String,
                    /// Its status.
                    status: String,
                },
                /// A refund on something else than an issued credit note, or more than it
                /// still has to refund.
                #[error("nothing to refund on {number}: {detail}")]
                NotRefundable = "payment.not_refundable" {
                    /// The document.
                    number: String,
                    /// Why.
                    detail: String,
                },
                /// A reversal of a payment that cannot be reversed: unknown on that invoice,
                /// already reversed, a reversal itself, or money carried by a cancellation.
                #[error("payment {key} cannot be reversed: {detail}")]
                NotReversible = "payment.not_reversible" {
                    /// The payment's key.
                    key: String,
                    /// Why.
                    detail: String,
                },
                /// A payment of zero, a negative amount, or more than is due.
                #[error("payment of {amount} when {due} is due")]
                PaymentAmountInvalid = "payment.amount_invalid" {
                    /// The amount.
                    amount: String,
                    /// What is due.
                    due: String,
                },
                /// A provider result for another request.
                #[error("provider result {reference} for {amount} does not match the request")]
                PaymentResultMismatch = "payment.result_mismatch" {
                    /// The reference received.
                    reference: String,
                    /// The amount received.
                    amount: String,
                },
            }
            /// A contract that cannot be drawn up or signed, or terms that cannot be saved
            /// (`contract.already_signed`, `contract.tag_unknown` …).
            Contract = "contract" {
                /// A contract that cannot be drawn up.
                #[error("cannot draw up the contract: {detail}")]
                ContractRequestInvalid = "contract.request_invalid" {
                    /// What is wrong.
                    detail: String,
                },
                /// The contract is signed already.
                #[error("contract {number} is signed already")]
                ContractAlreadySigned = "contract.already_signed" {
                    /// The contract.
                    number: String,
                },
                /// A `[TAG]` in the contract terms that is not a merge field a contract has.
                #[error("unknown contract tag {tag} in {part}, at character {offset}")]
                ContractTagUnknown = "contract.tag_unknown" {
                    /// The tag, with its brackets.
                    tag: String,
                    /// Where: `terms.title`, `terms.clauses[2].heading`, `terms.clauses[2].text`
                    /// (clauses counted from 0).
                    part: String,
                    /// Where its `[` is in that text, in characters from 0.
                    offset: u32,
                    /// The known tag closest to it, with its brackets, when one is close.
                    suggestion: Option<String>,
                },
                /// A `[` opening a tag name that `]` does not close.
                #[error("contract tag {tag} is not closed by `]` in {part}, at character {offset}")]
                ContractTagUnclosed = "contract.tag_unclosed" {
                    /// What was written: the bracket and the name (`[DATE_ARRIVEE`).
                    tag: String,
                    /// Where: `terms.title`, `terms.clauses[2].heading`, `terms.clauses[2].text`.
                    part: String,
                    /// Where its `[` is in that text, in characters from 0.
                    offset: u32,
                },
            }
            /// A signature or an event log that does not hold (`evidence.document_changed`,
            /// `evidence.log_broken` …).
            Evidence = "evidence" {
                /// A drawn signature that is not a clean SVG path or PNG.
                #[error("invalid signature image: {detail}")]
                SignatureImageInvalid = "evidence.signature_image_invalid" {
                    /// What is wrong.
                    detail: String,
                },
                /// The guest signs another document than the current one.
                #[error("document changed: shown {shown}, now {current}")]
                DocumentChanged = "evidence.document_changed" {
                    /// The hash the guest was shown.
                    shown: String,
                    /// The document's hash now.
                    current: String,
                },
                /// The bytes kept as a signed document are not those that were signed.
                #[error("document altered: signed {signed}, stored {stored}")]
                DocumentAltered = "evidence.document_altered" {
                    /// The hash the signature binds.
                    signed: String,
                    /// The hash of the bytes given.
                    stored: String,
                },
                /// A hash-linked event log that does not verify.
                #[error("event log broken at entry {sequence}: {reason}")]
                LogBroken = "evidence.log_broken" {
                    /// The first entry that does not hold.
                    sequence: u64,
                    /// Why.
                    reason: String,
                },
            }
            /// A mail template that cannot be saved or rendered (`mail.tag_unknown`,
            /// `mail.value_missing` …).
            Mail = "mail" {
                /// A mail template the engine cannot compile, or that uses what a mail may not.
                #[error("mail template {part}, line {line}, column {column}: {detail}")]
                MailTemplateInvalid = "mail.template_invalid" {
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
                MailTagUnknown = "mail.tag_unknown" {
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
                MailVariableUnknown = "mail.variable_unknown" {
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
                MailValueMissing = "mail.value_missing" {
                    /// The tag, with its brackets.
                    tag: String,
                    /// What it stands for: `link`, `amount`, `document`, `stay`, `deadline` or `tag`.
                    what: String,
                },
                /// A link in the mail's context that a guest may not be sent to (not `https:`, a
                /// `javascript:` link): refused, not merely escaped.
                #[error("mail link {link} is not a web address a guest may follow: {value}")]
                MailLinkInvalid = "mail.link_invalid" {
                    /// Which link (`portal`, `deposit_payment`).
                    link: String,
                    /// The value given, cut to 200 characters.
                    value: String,
                },
                /// A template or rendered part beyond the limit.
                #[error("mail part {part} is larger than {max} bytes")]
                MailTooLarge = "mail.too_large" {
                    /// The part (`fr.html`).
                    part: String,
                    /// The limit, in bytes.
                    max: usize,
                },
                /// A template that failed while rendering.
                #[error("mail part {part} could not be rendered: {detail}")]
                MailRenderFailed = "mail.render_failed" {
                    /// The part (`fr.html`).
                    part: String,
                    /// What failed.
                    detail: String,
                },
            }
            /// A booking field the guest may not change, or not anymore (`booking.field_not_editable` …).
            Booking = "booking" {
                /// A booking field the business does not let guests change.
                #[error("booking field `{field}` cannot be changed by the guest")]
                BookingFieldNotEditable = "booking.field_not_editable" {
                    /// The field.
                    field: String,
                },
                /// A reminder re-sent when no field can be changed any more.
                #[error("nothing left to change on stay {reference}")]
                BookingNothingEditable = "booking.nothing_editable" {
                    /// The stay.
                    reference: String,
                },
                /// An editable-fields policy that contradicts itself.
                #[error("invalid editable-fields policy: {detail}")]
                BookingPolicyInvalid = "booking.policy_invalid" {
                    /// What is wrong.
                    detail: String,
                },
            }
            /// An appointment that cannot be requested or changed (outside opening hours, someone else's
            /// pet …).
            Appointment = "appointment" {
                /// An appointment asked for a pet that is not on the client's record.
                #[error("no pet named `{pet}` on the client record")]
                AppointmentPetUnknown = "appointment.pet_unknown" {
                    /// The name received.
                    pet: String,
                },
                /// An appointment whose end is not after its start.
                #[error("appointment {start} – {end} is empty or reversed")]
                AppointmentPeriodInvalid = "appointment.period_invalid" {
                    /// Start (`YYYY-MM-DDTHH:MM`, local).
                    start: String,
                    /// End (local).
                    end: String,
                },
                /// An appointment asked, confirmed, moved or cancelled once its start has passed.
                #[error("appointment start {start} has passed")]
                AppointmentInPast = "appointment.in_past" {
                    /// Start (local).
                    start: String,
                },
                /// A guest's request within the minimum notice.
                #[error("appointment at {start} is within the {notice_hours} h notice")]
                AppointmentTooSoon = "appointment.too_soon" {
                    /// Start (local).
                    start: String,
                    /// Hours of notice required.
                    notice_hours: u32,
                },
                /// A guest's request further ahead than the schedule allows.
                #[error("appointment at {start} is more than {max_days} days ahead")]
                AppointmentTooFarAhead = "appointment.too_far_ahead" {
                    /// Start (local).
                    start: String,
                    /// Most days ahead.
                    max_days: u32,
                },
                /// An appointment on a closed date or a weekday without opening hours.
                #[error("closed on {date}")]
                AppointmentDayClosed = "appointment.day_closed" {
                    /// The day (`YYYY-MM-DD`).
                    date: String,
                },
                /// An appointment that does not fit inside one opening interval of its day.
                #[error("appointment {start} – {end} is outside the opening hours ({hours})")]
                AppointmentOutsideHours = "appointment.outside_hours" {
                    /// Start (local).
                    start: String,
                    /// End (local).
                    end: String,
                    /// That day's opening hours (`09:00–12:00, 14:00–18:30`).
                    hours: String,
                },
                /// An appointment change its status does not allow (confirming a cancelled one …).
                #[error("cannot {action} appointment {id}: it is {status}")]
                AppointmentTransitionInvalid = "appointment.transition_invalid" {
                    /// The appointment.
                    id: String,
                    /// Its status.
                    status: String,
                    /// `confirm`, `reschedule`, `decline` or `cancel`.
                    action: String,
                },
                /// An appointment schedule that contradicts itself.
                #[error("invalid appointment schedule: {detail}")]
                AppointmentScheduleInvalid = "appointment.schedule_invalid" {
                    /// What is wrong, and where.
                    detail: String,
                },
            }
            /// A document that cannot be printed: a font or logo refused, labels without an address
            /// (`pdf.*`).
            Pdf = "pdf" {
                /// A font the establishment supplied that cannot be embedded.
                #[error("font {field} cannot be used: {detail}")]
                FontInvalid = "pdf.font_invalid" {
                    /// Which font (`font`, `bold_font`).
                    field: String,
                    /// What is wrong.
                    detail: String,
                },
                /// An image (logo, drawn signature) that cannot be printed.
                #[error("image {field} cannot be printed: {detail}")]
                ImageInvalid = "pdf.image_invalid" {
                    /// Which image (`logo`).
                    field: String,
                    /// What is wrong.
                    detail: String,
                },
                /// A document printed for another client than its own.
                #[error("document {document} does not belong to client {client_id}")]
                DocumentClientMismatch = "pdf.client_mismatch" {
                    /// The document's number.
                    document: String,
                    /// The client given.
                    client_id: String,
                },
                /// A label sheet with nothing to print, or a first label beyond the sheet.
                #[error("labels cannot be printed: {detail}")]
                LabelsInvalid = "pdf.labels_invalid" {
                    /// What is wrong.
                    detail: String,
                },
            }
            /// A GDPR erasure that cannot be made yet (`gdpr.erasure_blocked`).
            Gdpr = "gdpr" {
                /// The client still has a stay or a residency under way: the data is needed to
                /// perform the contract (GDPR art. 6(1)(b)), so erasure waits for its end.
                #[error("client `{client_id}` cannot be erased yet: {record} `{id}` runs until {until}")]
                ErasureBlocked = "gdpr.erasure_blocked" {
                    /// The client.
                    client_id: String,
                    /// `stay` or `residency`.
                    record: String,
                    /// Its reference.
                    id: String,
                    /// Its last day (`YYYY-MM-DD`).
                    until: String,
                },
            }
            /// A spreadsheet export that cannot be written: columns, options or a row refused, or the
            /// file not written (`export.invalid`, `export.write_failed`).
            Export = "export" {
                /// Columns, options or a row the spreadsheet writer refuses: a row of the wrong
                /// width, a sheet name Excel forbids, a text longer than a cell holds, more rows
                /// than a worksheet holds.
                #[error("export refused: {detail}")]
                ExportInvalid = "export.invalid" {
                    /// What is wrong, with the value (never a cell's contents).
                    detail: String,
                },
                /// The file could not be written: the writer or the temporary directory failed.
                #[error("export could not be written: {detail}")]
                ExportWriteFailed = "export.write_failed" {
                    /// What failed (the system's error).
                    detail: String,
                },
            }
        }
    };
}
