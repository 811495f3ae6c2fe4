//! The table of every operation hospes offers by name: the one place an operation is declared.
//! Adding an operation is one entry here (its dotted name, its doc comment, its typed arguments
//! and its body), its implementation in the domain, and its vectors in `tests/vectors/`.
//!
//! The table is a macro that hands its entries to another: [`wire`](super) expands it into the
//! typed functions of `wire::ops`, the JSON runners, the schema and `OPERATIONS`; the Kotlin and
//! Swift crate expands it into its uniffi exports. Names in the entries are those of
//! `wire::types`, which both places bring into scope.

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
    /// The options a booking form offers for a stay: each with its description in the
    /// request's language, what one adds to this stay, and whether it can still be taken.
    "pricing.options" => fn offered_options(catalogue: Catalogue, request: PriceRequest, now: DateTime<Utc>) -> Vec<OptionOffer> {
        pricing::options(&catalogue, &request, now)
    }
    /// The price grid of a booking widget: every unit × arrival date for one length of stay and
    /// one party, each cell the total and what is paid to book — exactly what `pricing.price`
    /// answers for that stay — or its refusal code; no lines.
    "pricing.grid" => fn price_grid(catalogue: Catalogue, request: GridRequest, now: DateTime<Utc>) -> PriceGrid {
        pricing::grid(&catalogue, &request, now)
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
    /// for anything wrong, `link.expired` (with the verified `client_id`, `purpose` and
    /// `subject` in its fields) for a genuine token past its expiry. `state` null: the host has
    /// nothing the token could name (a deleted client or document), answered `link.invalid`
    /// like a forged token, after the same work.
    "link.verify" => fn verify_link(keyring: KeyringConfig, establishment: Establishment, token: String, purpose: LinkPurpose, state: Option<LinkState>, now: DateTime<Utc>) -> LinkClaims {
        Keyring::new(&keyring)?.verify(&establishment, &token, purpose, state.as_ref(), now)
    }
    /// The URL of a link: the portal base URL, the purpose's page and the token.
    "link.url" => fn link_url(establishment: Establishment, purpose: LinkPurpose, token: String) -> String {
        link::url(&establishment, purpose, &token)
    }
    /// A QR code of `text` (most often the client's space link) as a compact SVG image: level M,
    /// a white square and one path of the dark modules, a `viewBox` of one unit a module with the
    /// quiet zone, no fixed size. `link.qr_invalid` for an empty text or a line break,
    /// `link.qr_too_long` beyond 2 331 bytes.
    "link.qr_svg" => fn link_qr_svg(text: String) -> String {
        qr::Qr::encode(&text).map(|qr| qr.svg())
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
    /// The home screen in `locale` (the page's language; the guest's own when absent):
    /// establishment header with its presentation message, greeting, details to complete,
    /// upcoming stays. `stays` may hold anyone's: only the guest's are shown.
    "portal.home" => fn portal_home(access: PortalAccess, client: Client, establishment: Establishment, stays: Vec<Stay>, locale: Option<Locale>, today: NaiveDate as CalendarDate) -> PortalHome {
        Portal::open(&access, client)?.home(&establishment, &stays, locale, today)
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
    /// Adds a participant (typed in, or a former companion) to one of the guest's stays. With
    /// the booking-edit `policy` (and `time_zone`, `request_id`), its `participants` deadline
    /// applies as on the booking page: past it, the change is a `request`. With the stay's
    /// `quote` (and `catalogue`), an open quote of a stay in « option » comes back re-priced.
    "portal.add_participant" => fn portal_add_participant(access: PortalAccess, client: Client, stay: Stay, participant: NewParticipant, now: DateTime<Utc>, policy: Option<EditPolicy>, time_zone: Option<TimeZone>, request_id: Option<String>, quote: Option<Quote>, catalogue: Option<Catalogue>) -> ParticipantsChange {
        let portal = Portal::open(&access, client)?;
        let rules = ParticipantRules::new(policy.as_ref(), time_zone, request_id.as_deref(), quote.as_ref(), catalogue.as_ref())?;
        portal.add_participant(&stay, participant, rules, now)
    }
    /// Removes the participant at `index` from one of the guest's stays, under the same
    /// optional policy and quote as `portal.add_participant`.
    "portal.remove_participant" => fn portal_remove_participant(access: PortalAccess, client: Client, stay: Stay, index: u32, now: DateTime<Utc>, policy: Option<EditPolicy>, time_zone: Option<TimeZone>, request_id: Option<String>, quote: Option<Quote>, catalogue: Option<Catalogue>) -> ParticipantsChange {
        let portal = Portal::open(&access, client)?;
        let rules = ParticipantRules::new(policy.as_ref(), time_zone, request_id.as_deref(), quote.as_ref(), catalogue.as_ref())?;
        portal.remove_participant(&stay, index, rules, now)
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
    /// One of the guest's quotes, and whether it can still be changed or accepted.
    "portal.quote" => fn portal_quote(access: PortalAccess, client: Client, quote: Quote, now: DateTime<Utc>) -> QuoteView {
        Portal::open(&access, client)?.quote(&quote, now)
    }
    /// One of the guest's quotes as the PDF they read — in `locale`, else their language — and
    /// the SHA-256 of its bytes, which the sign form sends back.
    "portal.quote_document" => fn portal_quote_document(access: PortalAccess, client: Client, quote: Quote, establishment: Establishment, locale: Option<Locale>, letterhead: Option<Letterhead>) -> ShownDocument {
        Portal::open(&access, client)?.quote_document(&quote, &establishment, locale, &*Printer::for_letterhead(letterhead)?)
    }
    /// The guest changes who comes on a quote: re-priced at the quote's own date.
    "portal.change_quote_guests" => fn portal_change_quote_guests(access: PortalAccess, client: Client, quote: Quote, catalogue: Catalogue, guests: Vec<PricedGuest>, now: DateTime<Utc>) -> QuoteChange {
        Portal::open(&access, client)?.change_quote_guests(&quote, &catalogue, guests, now)
    }
    /// The guest types a promo code on a quote (or removes it): the total is recomputed.
    "portal.apply_quote_promo" => fn portal_apply_quote_promo(access: PortalAccess, client: Client, quote: Quote, catalogue: Catalogue, promo_code: Option<String>, now: DateTime<Utc>) -> QuoteChange {
        Portal::open(&access, client)?.apply_quote_promo(&quote, &catalogue, promo_code, now)
    }
    /// The guest accepts and signs a quote's PDF as they were shown it (rendered again and
    /// compared by hash): the quote carries the evidence, the stay is confirmed,
    /// `quote_accepted` names the signed PDF's hash; the signed PDF and its evidence document
    /// come back for the host to keep.
    "portal.accept_quote" => fn portal_accept_quote(access: PortalAccess, client: Client, quote: Quote, stay: Stay, acceptance: SignatureRequest, establishment: Establishment, letterhead: Option<Letterhead>, now: DateTime<Utc>) -> SignedQuote {
        Portal::open(&access, client)?.accept_quote(&quote, &stay, acceptance, &establishment, &*Printer::for_letterhead(letterhead)?, now)
    }
    /// Drafts an invoice (deposit, balance, final, side sale, rent, cancellation fee): lines,
    /// seller and customer copied in, totals and VAT table; not numbered yet.
    "invoice.draft" => fn draft_invoice(request: InvoiceRequest) -> Invoice {
        invoice::draft(request)
    }
    /// Issues a draft invoice: numbered in its series for `date`, every mandatory mention
    /// checked; it never changes again. In a Factur-X series (`series.factur_x`) it is an
    /// e-invoice carrying its options (the draft's own completed by the series'), refused before
    /// any number is taken as `einvoice.check` refuses.
    "invoice.issue" => fn issue_invoice(invoice: Invoice, series: InvoiceSeries, date: NaiveDate as CalendarDate, now: DateTime<Utc>) -> IssuedInvoice {
        invoice.issue(&series, date, now)
    }
    /// The credit note cancelling an issued invoice: every line negated, numbered in `series`.
    /// The credit note of an e-invoice, or in a Factur-X series, is an e-invoice dated to the
    /// invoice it cancels (`credited_invoice_date` filled in).
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
    /// Records money given back to the guest on a credit note (a cancelled stay's): a negative
    /// entry, idempotent by its key, never more than the credit note still has to refund.
    /// `documents` holds the credit note and the other documents of its stay, `payments` every
    /// payment on them (what the cancelled invoice received, what a cancellation carried).
    "payment.refund" => fn record_refund(documents: Vec<Invoice>, payments: Vec<Payment>, refund: Refund, now: DateTime<Utc>) -> PaymentRecorded {
        correction::refund(&documents, &payments, refund, now)
    }
    /// « Solder le client »: what a client owes across her stays and side sales — her invoices
    /// with something due, oldest first — and their sum. `invoices` may hold anyone's.
    "payment.open_items" => fn client_open_items(client_id: String, currency: Currency, invoices: Vec<Invoice>, payments: Vec<Payment>) -> ClientAccount {
        settlement::open_items(&client_id, currency, &invoices, &payments)
    }
    /// One payment settling several of a client's open items, oldest first: a payment per
    /// invoice (`{key}#{invoice}`), idempotent by the settlement's key.
    "payment.settle" => fn settle_client(invoices: Vec<Invoice>, payments: Vec<Payment>, settlement: Settlement, now: DateTime<Utc>) -> Settled {
        settlement::settle(&invoices, &payments, settlement, now)
    }
    /// Cancels a payment recorded by mistake with a reversing entry and its reason (never by
    /// deleting it); to correct one, reverse it and record the right one.
    "payment.reverse" => fn reverse_payment(invoice: Invoice, payments: Vec<Payment>, reversal: Reversal, now: DateTime<Utc>) -> PaymentRecorded {
        correction::reverse(&invoice, &payments, reversal, now)
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
    /// The state a contract link is bound to: its record's hash and status.
    "contract.link_state" => fn contract_link_state(contract: Contract) -> LinkState {
        contract.link_state()
    }
    /// Checks contract terms as the business saves them — every `[TAG]` in the title, headings
    /// and texts a contract merge field, closed, the sizes capped — and lists the tags used.
    "contract.check_terms" => fn check_contract_terms(terms: ContractTerms) -> ContractTermsSummary {
        terms.summary()
    }
    /// The guest's invoices with what is paid and due, and whether to show « Payer ».
    "portal.invoices" => fn portal_invoices(access: PortalAccess, client: Client, invoices: Vec<Invoice>, payments: Vec<Payment>, online_payment: bool) -> Vec<InvoiceView> {
        Portal::open(&access, client)?.invoices(&invoices, &payments, online_payment)
    }
    /// One of the guest's contracts, and whether it waits for the signature.
    "portal.contract" => fn portal_contract(access: PortalAccess, client: Client, contract: Contract) -> ContractView {
        Portal::open(&access, client)?.contract(&contract)
    }
    /// One of the guest's contracts as the PDF they read — in `locale`, else the contract's
    /// language — and the SHA-256 of its bytes, which the sign form sends back.
    "portal.contract_document" => fn portal_contract_document(access: PortalAccess, client: Client, contract: Contract, locale: Option<Locale>, letterhead: Option<Letterhead>) -> ShownDocument {
        Portal::open(&access, client)?.contract_document(&contract, locale, &*Printer::for_letterhead(letterhead)?)
    }
    /// The guest signs a contract's PDF as they were shown it (drawn signature, consent):
    /// locked to the PDF signed; the signed PDF and its evidence document come back for the
    /// host to keep.
    "portal.sign_contract" => fn portal_sign_contract(access: PortalAccess, client: Client, contract: Contract, signature: SignatureRequest, letterhead: Option<Letterhead>, now: DateTime<Utc>) -> SignedContract {
        Portal::open(&access, client)?.sign_contract(&contract, signature, &*Printer::for_letterhead(letterhead)?, now)
    }
    /// Checks a signed document the host kept: its bytes must hash to what the signature
    /// binds (`evidence.document_altered` otherwise); nothing is rendered again.
    "signature.verify" => fn verify_signature(signature: Signature, document: FileBytes) -> () {
        signature.verify(&document.0)
    }
    /// What cancelling one of the guest's stays now would cost; only her invoices of the stay,
    /// and the payments on them, are counted. Another client's stay is not found.
    "portal.cancellation_preview" => fn portal_cancellation_preview(access: PortalAccess, client: Client, stay: Stay, policy: CancellationPolicy, invoices: Vec<Invoice>, payments: Vec<Payment>, time_zone: TimeZone, now: DateTime<Utc>) -> CancellationPreview {
        Portal::open(&access, client)?.cancellation_preview(&stay, &policy, &invoices, &payments, time_zone, now)
    }
    /// The guest cancels one of her stays as previewed: her invoices of the stay credited, the
    /// fee invoice, the events. Another client's stay is not found.
    "portal.cancel_stay" => fn portal_cancel_stay(access: PortalAccess, client: Client, stay: Stay, policy: CancellationPolicy, invoices: Vec<Invoice>, payments: Vec<Payment>, confirmation: CancellationConfirmation, time_zone: TimeZone, now: DateTime<Utc>) -> Cancellation {
        Portal::open(&access, client)?.cancel_stay(&stay, &policy, &invoices, &payments, confirmation, time_zone, now)
    }
    /// The resident's year `reference` — pitch, dates, rent, installments, authorised persons —
    /// and its rent schedule; another client's residency, or one outside her link, is not found.
    "portal.residency" => fn portal_residency(access: PortalAccess, client: Client, residencies: Vec<Residency>, reference: String) -> ResidencyView {
        Portal::open(&access, client)?.residency(&residencies, &reference)
    }
    /// The resident sets who may stay on her pitch; another client's residency is not found.
    "portal.set_authorised" => fn portal_set_authorised(access: PortalAccess, client: Client, residency: Residency, persons: Vec<Companion>, now: DateTime<Utc>) -> ResidencyChange {
        Portal::open(&access, client)?.set_authorised(&residency, persons, now)
    }
    /// The money of one of the guest's stays, from her invoices of it only: invoiced, paid,
    /// left to pay, and what « Payer » pays now (the deposit before the balance; none without
    /// online payment). Another client's stay is not found.
    "portal.stay_payment" => fn portal_stay_payment(access: PortalAccess, client: Client, stay: Stay, invoices: Vec<Invoice>, payments: Vec<Payment>, online_payment: bool) -> StayPayment {
        Portal::open(&access, client)?.stay_payment(&stay, &invoices, &payments, online_payment)
    }
    /// One of the guest's issued invoices as PDF bytes, the document the business prints — the
    /// Factur-X file for an invoice issued in a Factur-X series; a draft, another client's
    /// invoice or one outside her link is not found.
    "portal.invoice_pdf" => fn portal_invoice_pdf(access: PortalAccess, client: Client, invoice: Invoice, letterhead: Option<Letterhead>) -> FileBytes {
        Portal::open(&access, client)?.invoice_pdf(&invoice, &*Printer::for_letterhead(letterhead)?).map(FileBytes)
    }
    /// The guest asks for an appointment for one of her pets, as `appointment.request`.
    "portal.request_appointment" => fn portal_request_appointment(access: PortalAccess, client: Client, schedule: AppointmentSchedule, time_zone: TimeZone, id: String, request: AppointmentRequest, now: DateTime<Utc>) -> AppointmentOutcome {
        Portal::open(&access, client)?.request_appointment(&schedule, time_zone, &id, request, now)
    }
    /// « Mes animaux »: the guest's pets, read-only, species and breed in `locale` (the
    /// establishment's language) when the catalogue knows them, else as typed, and how many of
    /// her appointments (requested or confirmed, past and upcoming) each had.
    "portal.pets" => fn portal_pets(access: PortalAccess, client: Client, appointments: Vec<Appointment>, locale: Locale) -> Vec<PetView> {
        Portal::open(&access, client)?.pets(&appointments, locale)
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
    /// Books a stay without a quote (by phone, at the desk): the request priced as a new
    /// booking, with the business's discount if any; the stay comes back confirmed, with the
    /// priced stay (schedule, terms) and `stay_confirmed`. Nothing is stored: call it to tell the
    /// caller the price, store what it returns once they agree.
    "stay.book" => fn book_stay(catalogue: Catalogue, booking: BookingRequest, now: DateTime<Utc>) -> Booking {
        booking::book(&catalogue, booking, now)
    }
    /// What changing a confirmed stay (dates, options, guests, a discount) would do: the old and
    /// new totals, the difference, what is left to pay or to refund, the documents it will issue.
    "stay.amendment_preview" => fn preview_amendment(stay: Stay, catalogue: Catalogue, request: PriceRequest, discount: Option<BusinessDiscount>, invoices: Vec<Invoice>, payments: Vec<Payment>, now: DateTime<Utc>) -> AmendmentPreview {
        amendment::preview(&stay, &catalogue, &request, discount.as_ref(), &invoices, &payments, now)
    }
    /// Changes a confirmed stay as previewed (refused if the total shown moved): each balance
    /// invoice cancelled by a credit note and replaced by a new one — never edited —, the money
    /// received carried to it, the stay with its new dates and lines, the events.
    "stay.amend" => fn amend_stay(stay: Stay, catalogue: Catalogue, request: PriceRequest, discount: Option<BusinessDiscount>, invoices: Vec<Invoice>, payments: Vec<Payment>, confirmation: AmendmentConfirmation, now: DateTime<Utc>) -> Amendment {
        amendment::confirm(&stay, &catalogue, &request, discount.as_ref(), &invoices, &payments, confirmation, now)
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
    /// What the guest may still change on her stay `reference`, field by field, with the time
    /// remaining; another client's stay, or one outside her link (a `booking_edit` link opens
    /// its stay), is not found.
    "portal.edit_window" => fn portal_edit_window(access: PortalAccess, client: Client, policy: EditPolicy, stays: Vec<Stay>, reference: String, time_zone: TimeZone, now: DateTime<Utc>) -> EditWindow {
        Portal::open(&access, client)?.edit_window(&policy, &stays, &reference, time_zone, now)
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
    /// so far when `balance` is given; `letterhead` brings the establishment's logo and font;
    /// `space_link`, the client's space link, is printed as a QR code beside her address. With
    /// `factur_x`, the PDF is a Factur-X e-invoice: PDF/A-3b with its CII XML (EN 16931)
    /// embedded, refused as `einvoice.check` refuses; without it, an invoice issued in a
    /// Factur-X series (it carries its `factur_x` options) is its Factur-X file all the same.
    "pdf.invoice" => fn invoice_pdf(invoice: Invoice, balance: Option<InvoiceBalance>, letterhead: Option<Letterhead>, space_link: Option<String>, factur_x: Option<FacturX>) -> FileBytes {
        let printer = Printer::for_letterhead(letterhead)?;
        match factur_x {
            Some(options) => printer.factur_x(&invoice, balance.as_ref(), space_link.as_deref(), &options),
            None => printer.invoice_with_balance(&invoice, balance.as_ref(), space_link.as_deref()),
        }
        .map(FileBytes)
    }
    /// Checks that an issued invoice can be an e-invoice with `factur_x` (the customer's SIREN,
    /// the VAT regime, the means of payment …; by default the options it carries, else `{}`),
    /// refusing with the first rule it breaks, each with its code. `invoice.issue` in a Factur-X
    /// series applies the same rules before it takes a number.
    "einvoice.check" => fn check_einvoice(invoice: Invoice, factur_x: Option<FacturX>) -> () {
        einvoice::check(&invoice, &factur_x.or_else(|| invoice.factur_x.clone()).unwrap_or_default())
    }
    /// The invoice's e-invoice alone: UN/CEFACT CII XML (D16B), profile EN 16931, the
    /// `factur-x.xml` a Factur-X PDF embeds, for hosts that send through an approved platform;
    /// with `factur_x`, by default the options the invoice carries, else `{}`.
    "einvoice.xml" => fn einvoice_xml(invoice: Invoice, factur_x: Option<FacturX>) -> String {
        einvoice::cii_xml(&invoice, &factur_x.or_else(|| invoice.factur_x.clone()).unwrap_or_default())
    }
    /// The B2C e-reporting data of the days `first_day` to `last_day` (31 at most) for the
    /// business's approved platform, from its `invoices` and `payments`: sales to individuals
    /// per day, category (`services` TPS1, `goods` TLB1) and VAT rate, with the number of
    /// documents, amounts excluding VAT and VAT (credit notes negative; invoices to businesses
    /// left to e-invoicing); money received for services per day and rate, each payment split
    /// over its invoice's rates to the cent (refunds negative); per invoice to a business, what
    /// was received on which day; the tourist tax apart. Payments are dated in the
    /// establishment's time zone; `invoices` must hold the invoice of every payment of the
    /// period. Euros only (`invoice.ereporting_currency_unsupported`).
    "ereporting.report" => fn ereporting_report(establishment: Establishment, invoices: Vec<Invoice>, payments: Vec<Payment>, first_day: NaiveDate as CalendarDate, last_day: NaiveDate as CalendarDate, options: Option<EReportOptions>) -> EReport {
        $crate::ereporting::report(&establishment, &invoices, &payments, first_day, last_day, &options.unwrap_or_default())
    }
    /// The quote as PDF bytes, in `locale` (else the client's language, else the establishment's);
    /// `space_link`, the client's space link, is printed as a QR code beside her address.
    "pdf.quote" => fn quote_pdf(quote: Quote, establishment: Establishment, client: Client, locale: Option<Locale>, letterhead: Option<Letterhead>, space_link: Option<String>) -> FileBytes {
        Printer::for_letterhead(letterhead)?.quote(&quote, &establishment, &client, locale, space_link.as_deref()).map(FileBytes)
    }
    /// The contract as PDF bytes, in `locale` (else the contract's language): signed, with the
    /// drawn signature and the evidence page; `space_link`, the client's space link, is printed
    /// as a QR code beside her address.
    "pdf.contract" => fn contract_pdf(contract: Contract, locale: Option<Locale>, letterhead: Option<Letterhead>, space_link: Option<String>) -> FileBytes {
        Printer::for_letterhead(letterhead)?.contract(&contract, locale, space_link.as_deref()).map(FileBytes)
    }
    /// The evidence document of a signature over document `number` issued by `seller`: the
    /// signed PDF's hash, the signer, the instant, IP address, browser, consent and drawing.
    "pdf.signature_evidence" => fn signature_evidence_pdf(number: String, seller: Seller, signature: Signature, locale: Locale, letterhead: Option<Letterhead>) -> FileBytes {
        Printer::for_letterhead(letterhead)?.evidence(&number, &seller, &signature, locale).map(FileBytes)
    }
    /// Address labels as PDF bytes, on a common sheet (A4 3×8, A4 2×7, Letter 3×10).
    "pdf.labels" => fn labels_pdf(request: LabelRequest) -> FileBytes {
        Printer::standard().labels(&request).map(FileBytes)
    }
    /// The page of the client register matching `query` as of `now` (in the register's time
    /// zone), and the count of every match. Hosts with many clients hold the register instead
    /// (`Register`) and keep it current; this form builds it from `register` on every call.
    "register.search" => fn search_register(register: RegisterSource, query: RegisterQuery, now: DateTime<Utc>) -> RegisterPage {
        let register = Register::from_source(register)?;
        register.search(&query, register.today(now))
    }
    /// One client's line of the register as of `now`.
    "register.row" => fn register_row(register: RegisterSource, client_id: String, now: DateTime<Utc>) -> RegisterRow {
        let register = Register::from_source(register)?;
        register.row(&client_id, register.today(now))
    }
    /// The register's lines of `entries` as of `now`, in their order: a client's revenue,
    /// seniority, stays and presence without holding a register.
    "register.rows" => fn register_rows(config: RegisterConfig, entries: Vec<RegisterEntry>, now: DateTime<Utc>) -> Vec<RegisterRow> {
        Register::rows(config, entries, now)
    }
    /// The countries of the register's clients, with how many live in each (the « Pays » list).
    "register.countries" => fn register_countries(register: RegisterSource) -> Vec<CountryCount> {
        Register::from_source(register).map(|register| register.countries())
    }
    /// Address labels as PDF for every client matching `query` (its page ignored), in its
    /// order; clients without a postal address are left out.
    "register.labels" => fn register_labels(register: RegisterSource, query: RegisterQuery, now: DateTime<Utc>, sheet: LabelSheet, sender_country: Country, locale: Locale, skip: u32) -> FileBytes {
        let register = Register::from_source(register)?;
        let labels = LabelRequest::for_register(&register, &query, now, (sheet, sender_country, locale, skip))?;
        Printer::standard().labels(&labels).map(FileBytes)
    }
    /// The clients matching `query` (its page ignored), in its order, as CSV or XLSX: the
    /// `columns` asked for (all when empty), headers in `options.locale`, typed cells, formulas
    /// neutralised. Hosts exporting many clients hold the register and write to a file.
    "register.export" => fn export_register(register: RegisterSource, query: RegisterQuery, now: DateTime<Utc>, columns: Vec<RegisterColumn>, options: SheetOptions) -> FileBytes {
        let register = Register::from_source(register)?;
        let (bytes, _) = register.export(&query, register.today(now), &columns, &options, Vec::new())?;
        Ok::<_, Error>(FileBytes(bytes))
    }
    /// What an issued invoice or credit note adds to its client's revenue (excluding VAT and
    /// the tourist tax, and including VAT) and what is still due on it, given its payments.
    "register.invoice_figures" => fn invoice_figures(invoice: Invoice, payments: Vec<Payment>) -> InvoiceFigures {
        InvoiceFigures::of(&invoice, &payments)
    }
    /// Whether a client may be deleted: never once invoiced, even if the invoice was cancelled
    /// (`client.invoiced`, naming the invoices); otherwise what goes with them.
    "client.deletion_check" => fn client_deletion_check(client: Client, invoices: Vec<Invoice>, stays: Vec<Stay>, accounts: Vec<Account>) -> ClientDeletion {
        register::deletion_check(&client, &invoices, &stays, &accounts)
    }
    /// One sentence describing an event for the business's activity feed, in `locale`.
    "event.describe" => fn describe_event(event: Event, locale: Locale) -> String {
        Ok::<_, Error>(event.describe(locale))
    }
    /// An amount as `locale` writes it: `1 234,56 €` (narrow no-break space, no-break space).
    "i18n.format_money" => fn format_money(amount: Money, locale: Locale) -> String {
        Ok::<_, Error>(format::money(&amount, locale))
    }
    /// Reads a language tag — a stored preference or a browser's first choice (`es-ES`,
    /// `EN_gb`, `fr`) — as one of the languages hospes speaks; any other is `input.invalid`.
    "i18n.read_locale" => fn read_locale(tag: String) -> Locale {
        tag.parse::<Locale>()
    }
    /// A date in `locale`'s long form: `11 juillet 2026`, `July 11, 2026`, `11 de julio de 2026`.
    "i18n.format_date" => fn format_date(date: NaiveDate, locale: Locale) -> String {
        Ok::<_, Error>(format::date(date, locale))
    }
    /// Time left as a guest reads it, as the `[TEMPS_RESTANT]` mail tag writes it: whole days
    /// when at least one, else hours, else minutes (`3 jours`, `2 hours`, `1 minuto`).
    "i18n.format_duration" => fn format_duration(seconds: i64, locale: Locale) -> String {
        Ok::<_, Error>(format::duration(seconds, locale))
    }
    /// A deadline on the wall clock of `time_zone`, as the `[DATE_LIMITE_MODIF]` mail tag writes
    /// it: `10 juillet 2026 à 18:00`; a deadline at midnight reads as the last minute of the day
    /// before (`4 juillet 2026 à 23:59`).
    "i18n.format_deadline" => fn format_deadline(instant: DateTime<Utc>, time_zone: TimeZone, locale: Locale) -> String {
        Ok::<_, Error>(format::deadline(instant, time_zone.tz(), locale))
    }
    /// A phone number stored in E.164 (`+33558091234`) as a reader of `locale` dials it: the
    /// national form of its country when that is the language's country (`05 58 09 12 34` in
    /// French), else the international one (`+33 5 58 09 12 34`); anything but E.164 is
    /// `input.phone_not_e164`.
    "i18n.format_phone" => fn format_phone(e164: String, locale: Locale) -> String {
        format::phone(&e164, locale)
    }
    /// Everything the business holds on one client (GDPR art. 15 and 20) as one document:
    /// format version, controller, subject, sections titled in the client's language, the
    /// records complete (the business's notes included) but never a password hash. A record
    /// of another client is refused (`client.record_foreign`).
    "gdpr.export" => fn gdpr_export(records: GdprRecords, establishment: Establishment, now: DateTime<Utc>) -> GdprExport {
        gdpr::export(&records, &establishment, now)
    }
    /// Erases a client (GDPR art. 17): their anonymised record (a pseudonym, contact details
    /// wiped, `link_version` bumped) and, for every record passed, whether to delete it, store
    /// its anonymised form, or keep it until a date the law requires; `client_erased`.
    "gdpr.erase" => fn gdpr_erase(records: GdprRecords, establishment: Establishment, now: DateTime<Utc>) -> GdprErasure {
        gdpr::erase(&records, &establishment, now)
    }
    /// The export as an XLSX workbook a person reads, in its language: one sheet per section,
    /// dates and amounts typed, instants on the establishment's clock.
    "gdpr.workbook" => fn gdpr_workbook(document: GdprExport) -> FileBytes {
        gdpr::workbook(&document).map(FileBytes)
    }
    /// The chart of accounts on the French PCG's usual choices (411, 706/708 by line kind, 4191,
    /// 4457x per VAT rate, 4471 tourist tax, 512/531/5112, journals VE, BQ, CA): what `{}` reads
    /// as, for the business to start from.
    "accounting.default_chart" => fn default_chart_of_accounts() -> ChartOfAccounts {
        Ok::<_, Error>(ChartOfAccounts::default())
    }
    /// Checks a chart of accounts as the business saves it: PCG account numbers, journal codes,
    /// labels, no VAT rate or payment method twice (`accounting.chart_invalid`).
    "accounting.check_chart" => fn check_chart_of_accounts(chart: ChartOfAccounts) -> () {
        chart.check()
    }
    /// The journal entries of issued invoices, credit notes (reversed) and payments, every one
    /// balanced, dated in the establishment's terms, numbered in each journal after the last
    /// `sequences` (empty: from 1); refuses drafts (`accounting.not_issued`).
    "accounting.journal" => fn accounting_journal(chart: ChartOfAccounts, establishment: Establishment, invoices: Vec<Invoice>, payments: Vec<Payment>, sequences: Vec<JournalSequence>) -> JournalEntries {
        chart.journal(&establishment, &invoices, &payments, &sequences)
    }
    /// The FEC (« fichier des écritures comptables », article A47 A-1 of the LPF) of journal
    /// entries, as file bytes: the 18 zones, tab- or `|`-separated, ISO 8859-15 or UTF-8.
    "accounting.fec" => fn fec_file(entries: Vec<JournalEntry>, options: FecOptions) -> FileBytes {
        accounting::fec(&entries, &options).map(FileBytes)
    }
    /// The FEC's file name, `<SIREN>FEC<YYYYMMDD>.txt`, from a SIREN (or SIRET) and the date
    /// the financial year closes.
    "accounting.fec_file_name" => fn fec_file_name(siren: String, closing_date: NaiveDate as CalendarDate) -> String {
        accounting::fec_file_name(&siren, closing_date)
    }
    /// Journal entries as a spreadsheet (CSV or XLSX, as `options` says, headers in its locale):
    /// one row per entry line, in the order of the books, with debit and credit.
    "accounting.export" => fn export_journal(entries: Vec<JournalEntry>, options: SheetOptions) -> FileBytes {
        accounting::journal_sheet(&entries, &options).map(FileBytes)
    }
    /// The stays as a spreadsheet (CSV or XLSX, as `options` says, headers in its locale):
    /// those `filter` keeps, in the order given, one row each with its dates, nights, persons,
    /// status and totals; `clients` (may be empty) gives the names beside the client ids.
    "export.stays" => fn export_stays(stays: Vec<Stay>, clients: Vec<Client>, options: SheetOptions, filter: Option<StayFilter>) -> FileBytes {
        $crate::export::stays(&stays, &clients, &filter.unwrap_or_default(), &options).map(FileBytes)
    }
    /// The payments as a spreadsheet (CSV or XLSX, as `options` says, headers in its locale):
    /// those `filter` keeps, in the order given, each dated on its day in `time_zone`.
    "export.payments" => fn export_payments(payments: Vec<Payment>, time_zone: TimeZone, options: SheetOptions, filter: Option<PaymentFilter>) -> FileBytes {
        $crate::export::payments(&payments, time_zone, &filter.unwrap_or_default(), &options).map(FileBytes)
    }
        }
    };
}
