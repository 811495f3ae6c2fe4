//! The client space (« espace client »): what one guest sees and does, and nothing else.
//!
//! A [`Portal`] is made only from verified link claims ([`Portal::from_link`]) or a successful
//! login ([`Portal::from_login`]), for the client record they name. Every view and action goes
//! through it and takes the host's records as input; a record that is not this client's — or,
//! for a link that opens one document, anything but that document — is answered
//! `portal.not_found`, never "forbidden", so a guest cannot even learn that it exists.

mod access;
mod guest;
mod participants;
mod payer;
pub mod pets;
mod views;

use access::not_found;
pub use access::{Portal, PortalAccess};
pub use participants::{EditRule, NewParticipant, OpenQuote, ParticipantRules, ParticipantsChange};
pub use payer::{PayNow, StayPayment};
pub use views::ResidencyView;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::client::{
    Client, ClientField, ClientUpdateOutcome, Companion, GuestDetails, UpdatePolicy,
};
use crate::contract::{Contract, ContractSigned, ContractStatus};
use crate::error::{Error, Result};
use crate::establishment::{Establishment, OpeningPeriod};
use crate::i18n::Locale;
use crate::invoice::{Invoice, InvoiceKind, InvoiceRequest, InvoiceStatus};
use crate::payment::{self, InvoiceBalance, Payment};
use crate::pdf::{FileBytes, Printer, SignedCopy};
use crate::pricing::{Catalogue, InstallmentKind, PricedGuest};
use crate::quote::{Quote, QuoteAcceptance, QuoteChange};
use crate::signature::{SignatureRequest, sha256_of};
use crate::stay::{Stay, StayStatus, StayTotals};

/// The establishment as the portal's header shows it (name, logo, site, opening dates,
/// place, phone).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PortalHeader {
    /// Name.
    pub name: String,
    /// Logo URL.
    pub logo_url: Option<String>,
    /// Website.
    pub website: Option<String>,
    /// Opening periods.
    pub opening_periods: Vec<OpeningPeriod>,
    /// Town, on one line.
    pub place: String,
    /// Phone.
    pub phone: Option<String>,
    /// The establishment's presentation message, in the page's language (else its own, else
    /// any written).
    pub presentation: Option<String>,
}

/// A stay as listed on the home and history screens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StaySummary {
    /// Reference (« Réf 312 »).
    pub reference: String,
    /// Accommodation booked.
    pub accommodation: String,
    /// Arrival.
    #[serde(deserialize_with = "crate::codec::date")]
    pub arrival: NaiveDate,
    /// Departure.
    #[serde(deserialize_with = "crate::codec::date")]
    pub departure: NaiveDate,
    /// Status (a quote is `option`).
    pub status: StayStatus,
    /// People staying.
    pub headcount: u32,
}

/// The home screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PortalHome {
    /// The establishment.
    pub header: PortalHeader,
    /// The guest's name, for the greeting and the menu.
    pub guest_name: String,
    /// Details the guest is invited to complete (« Mes infos »).
    pub missing_details: Vec<ClientField>,
    /// Stays not over yet, soonest first (quotes included).
    pub upcoming: Vec<StaySummary>,
}

/// The history screen: upcoming and past stays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StayHistory {
    /// Not over yet, soonest first.
    pub upcoming: Vec<StaySummary>,
    /// Over or cancelled, latest first.
    pub past: Vec<StaySummary>,
}

/// The stay screen: the stay (its participants, lines and documents, never the business's
/// notes), its totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StayDetail {
    /// The stay, participants and lines included, the business's notes left out.
    pub stay: Stay,
    /// Its totals and VAT table.
    pub totals: StayTotals,
    /// The client's former companions, to pick from when adding a participant.
    pub former_companions: Vec<Companion>,
}

impl Portal {
    /// The stays of `stays` this guest may see: theirs, and within the link's scope.
    fn visible<'s>(&self, stays: &'s [Stay]) -> impl Iterator<Item = &'s Stay> + use<'s, '_> {
        stays
            .iter()
            .filter(|s| s.client_id == self.client.id && self.access.opens_stay(s))
    }

    /// The home screen in `locale` — the page's language, from the language switch; the
    /// guest's own, else the establishment's, when absent. `stays` may hold anyone's: only this
    /// guest's are shown.
    pub fn home(
        &self,
        establishment: &Establishment,
        stays: &[Stay],
        locale: Option<Locale>,
        today: NaiveDate,
    ) -> Result<PortalHome> {
        self.whole_space()?;
        let fallback = establishment.default_locale;
        let locale = locale.unwrap_or_else(|| self.client.locale_or(fallback));
        Ok(PortalHome {
            header: PortalHeader {
                name: establishment.name.clone(),
                logo_url: establishment.logo_url.clone(),
                website: establishment.website.clone(),
                opening_periods: establishment.opening_periods.clone(),
                place: establishment.address.town(),
                phone: establishment.phone.clone(),
                presentation: establishment
                    .presentation
                    .get(locale, fallback)
                    .map(str::to_owned),
            },
            guest_name: self.client.display_name(),
            missing_details: self.client.missing_details(),
            upcoming: self.history(stays, today)?.upcoming,
        })
    }

    /// The history screen: this guest's stays, upcoming (soonest first) and past (latest first).
    pub fn history(&self, stays: &[Stay], today: NaiveDate) -> Result<StayHistory> {
        let (mut upcoming, mut past): (Vec<StaySummary>, Vec<StaySummary>) =
            self.visible(stays).map(summary).partition(|s| {
                s.departure >= today
                    && s.status != StayStatus::Cancelled
                    && s.status != StayStatus::Completed
            });
        upcoming.sort_by_key(|s| s.arrival);
        past.sort_by_key(|s| std::cmp::Reverse(s.arrival));
        Ok(StayHistory { upcoming, past })
    }

    /// The stay screen for `reference`; `portal.not_found` when it is not this guest's.
    pub fn stay(&self, stays: &[Stay], reference: &str) -> Result<StayDetail> {
        let stay = self.find(stays, reference)?;
        Ok(StayDetail {
            totals: stay.totals()?,
            former_companions: if self.access.whole_space() {
                self.client.companions.clone()
            } else {
                Vec::new()
            },
            stay: stay.for_guest(),
        })
    }

    /// Applies the guest's « Mes infos » form (see [`Client::apply_guest_update`]).
    pub fn update_personal_info(
        &self,
        details: GuestDetails,
        policy: &UpdatePolicy,
        establishment: &Establishment,
        now: DateTime<Utc>,
    ) -> Result<ClientUpdateOutcome> {
        self.whole_space()?;
        self.client
            .apply_guest_update(details, policy, establishment.country(), now)
    }

    fn find<'a>(&self, stays: &'a [Stay], reference: &str) -> Result<&'a Stay> {
        self.visible(stays)
            .find(|s| s.reference == reference)
            .ok_or_else(|| not_found("stay"))
    }
}

fn summary(stay: &Stay) -> StaySummary {
    StaySummary {
        reference: stay.reference.clone(),
        accommodation: stay.accommodation.clone(),
        arrival: stay.arrival,
        departure: stay.departure,
        status: stay.status,
        headcount: u32::try_from(stay.headcount()).unwrap_or(u32::MAX),
    }
}

/// A quote as the guest sees it, and whether it can still be changed or accepted. What they
/// accept is its PDF: [`Portal::quote_document`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct QuoteView {
    /// The quote.
    pub quote: Quote,
    /// Whether it can still be changed or accepted.
    pub open: bool,
}

/// A quote or contract as the guest is shown it: the PDF, the SHA-256 of its bytes — what the
/// sign form sends back, and what the signature binds — and its language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ShownDocument {
    /// The PDF, to show inline or download.
    pub pdf: FileBytes,
    /// SHA-256 (hex) of those bytes.
    pub sha256: String,
    /// The language it is written in.
    pub locale: Locale,
}

impl ShownDocument {
    fn of(pdf: Vec<u8>, locale: Locale) -> ShownDocument {
        ShownDocument {
            sha256: sha256_of(&pdf),
            pdf: FileBytes(pdf),
            locale,
        }
    }
}

/// An accepted quote and its signed record: the PDF the guest signed, as shown, and the
/// evidence document. The host stores `copy` with the acceptance, and drafts `first_invoice`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SignedQuote {
    /// The quote accepted, its stay confirmed, the events.
    pub acceptance: QuoteAcceptance,
    /// The PDF signed and its evidence.
    pub copy: SignedCopy,
    /// The invoice of the quote's first installment as of the signature, ready for
    /// `draft_invoice` (see [`first_invoice`]); `None` when the quote has no schedule.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub first_invoice: Option<InvoiceRequest>,
}

/// The invoice of a signed quote's first installment, as of `signed_on` (the signature day on
/// the establishment's clock): a deposit invoice of the deposit's amount, or — when the
/// schedule asks everything at once, or its balance is already due on the signature day (a
/// quote signed late) — the balance invoice of the whole stay. Due on the schedule's day, or on
/// the signature day when that one is past: never before the invoice can be issued
/// (`invoice.due_before_issue`). `stay` is the stay as confirmed; the customer is `client`. A
/// business customer's invoice needs the late-payment rate, which the host adds
/// (`late_payment_rate_percent`). `None` for a quote without a schedule.
///
/// ```
/// # let data: serde_json::Value = serde_json::from_str(include_str!("../tests/data/invoicing.json")).unwrap();
/// # let establishment: hospes::Establishment = serde_json::from_value(data["establishment"].clone()).unwrap();
/// # let client: hospes::Client = serde_json::from_value(data["client"].clone()).unwrap();
/// # let stay: hospes::Stay = serde_json::from_value(data["stay"].clone()).unwrap();
/// # let catalogue: hospes::pricing::Catalogue = serde_json::from_str(r#"{"currency":"EUR","time_zone":"Europe/Paris","vat":{"accommodation":"10","supplement":"20"},"units":[{"id":"E12","name":"Emplacement","category":"pitch","capacity":6}],"seasons":[{"id":"s","name":"Été","periods":[{"from":"2026-07-01","to":"2026-08-31"}]}],"rates":[{"unit":"pitch","season":"s","basis":"per_night","price":"30"}]}"#).unwrap();
/// # let request = serde_json::from_str(r#"{"unit":"E12","arrival":"2026-07-11","departure":"2026-07-18","guests":[{}]}"#).unwrap();
/// use hospes::invoice::InvoiceKind;
/// // Made on 1 March: 30 % due at once, the balance on 11 June (the default schedule).
/// let quote = hospes::quote::Quote::create("D26-0312", "C-1042", "312", &catalogue, request,
///     "2026-03-01T10:00:00Z".parse().unwrap(), "2026-03-31T22:00:00Z".parse().unwrap()).unwrap();
/// // Signed on 4 March: the deposit, due that day rather than on 1 March.
/// let deposit = hospes::portal::first_invoice(&quote, &establishment, &client, &stay, "2026-03-04".parse().unwrap()).unwrap();
/// assert_eq!((deposit.kind, deposit.due_date.to_string()), (InvoiceKind::Deposit, "2026-03-04".into()));
/// assert_eq!(deposit.amount.unwrap().to_string(), "63.00 EUR");
/// // Signed on 20 June, past the balance's day: the whole stay at once.
/// let all = hospes::portal::first_invoice(&quote, &establishment, &client, &stay, "2026-06-20".parse().unwrap()).unwrap();
/// assert_eq!((all.kind, &all.amount), (InvoiceKind::Balance, &None));
/// assert!(hospes::invoice::draft(all).is_ok());
/// ```
pub fn first_invoice(
    quote: &Quote,
    establishment: &Establishment,
    client: &Client,
    stay: &Stay,
    signed_on: NaiveDate,
) -> Option<InvoiceRequest> {
    let schedule = &quote.priced.schedule;
    let first = schedule.first()?;
    let balance_due_now = schedule
        .iter()
        .any(|i| i.kind == InstallmentKind::Balance && i.due_on <= signed_on);
    let (kind, amount, due_on) = match first.kind {
        InstallmentKind::Deposit if !balance_due_now => (
            InvoiceKind::Deposit,
            Some(first.amount.clone()),
            first.due_on,
        ),
        _ => (InvoiceKind::Balance, None, first.due_on),
    };
    Some(InvoiceRequest {
        kind,
        establishment: establishment.clone(),
        client: client.clone(),
        stay: Some(stay.clone()),
        lines: Vec::new(),
        amount,
        previous: Vec::new(),
        due_date: due_on.max(signed_on),
        locale: None,
        late_payment_rate_percent: None,
    })
}

/// A signed contract and its signed record: the PDF the guest signed, as shown, and the
/// evidence document. The host stores `copy` with the contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SignedContract {
    /// The contract signed, and `contract_signed`.
    pub signed: ContractSigned,
    /// The PDF signed and its evidence.
    pub copy: SignedCopy,
}

impl Portal {
    /// The quote, if it is this guest's and within what their link opens (a portal link, or a
    /// quote link for this quote number).
    fn opens_quote(&self, quote: &Quote) -> Result<()> {
        if quote.client_id == self.client.id && self.access.opens(|s| s == quote.number) {
            Ok(())
        } else {
            Err(not_found("quote"))
        }
    }

    /// The quote, to read before accepting.
    pub fn quote(&self, quote: &Quote, now: DateTime<Utc>) -> Result<QuoteView> {
        self.opens_quote(quote)?;
        Ok(QuoteView {
            open: quote.is_open(now),
            quote: quote.clone(),
        })
    }

    /// The quote's PDF as the guest reads it — in `locale`, else their language, else the
    /// establishment's — with the SHA-256 the sign form sends back. The same quote, printer
    /// and language give the same bytes.
    pub fn quote_document(
        &self,
        quote: &Quote,
        establishment: &Establishment,
        locale: Option<Locale>,
        printer: &Printer,
    ) -> Result<ShownDocument> {
        self.opens_quote(quote)?;
        let locale = locale.unwrap_or_else(|| self.client.locale_or(establishment.default_locale));
        // No space link on the page the guest reads and signs: she is in her space already.
        let pdf = printer.quote(quote, establishment, &self.client, Some(locale), None)?;
        Ok(ShownDocument::of(pdf, locale))
    }

    /// The guest changes who comes: the quote is re-priced (see [`Quote::with_guests`]).
    pub fn change_quote_guests(
        &self,
        quote: &Quote,
        catalogue: &Catalogue,
        guests: Vec<PricedGuest>,
        now: DateTime<Utc>,
    ) -> Result<QuoteChange> {
        self.opens_quote(quote)?;
        quote.with_guests(catalogue, guests, now)
    }

    /// The guest types a promo code (or removes it with `None`): the total is recomputed.
    pub fn apply_quote_promo(
        &self,
        quote: &Quote,
        catalogue: &Catalogue,
        promo_code: Option<String>,
        now: DateTime<Utc>,
    ) -> Result<QuoteChange> {
        self.opens_quote(quote)?;
        quote.with_promo_code(catalogue, promo_code, now)
    }

    /// The guest accepts and signs the quote's PDF, as [`quote_document`](Portal::quote_document)
    /// showed it in the request's language: it is rendered again now, and accepted only if its
    /// bytes hash to what the guest was shown (else `quote.changed`); the stay is confirmed
    /// (see [`Quote::accept`]) and the signed record returned — that PDF and its evidence —
    /// with the invoice of its first installment as of the signature day on the establishment's
    /// clock ([`first_invoice`]), for the host to draft and issue.
    pub fn accept_quote(
        &self,
        quote: &Quote,
        stay: &Stay,
        acceptance: SignatureRequest,
        establishment: &Establishment,
        printer: &Printer,
        now: DateTime<Utc>,
    ) -> Result<SignedQuote> {
        self.opens_quote(quote)?;
        if stay.client_id != self.client.id {
            return Err(not_found("stay"));
        }
        let shown = self.quote_document(quote, establishment, acceptance.locale, printer)?;
        let request = SignatureRequest {
            locale: Some(shown.locale),
            ..acceptance
        };
        let acceptance = quote.accept(stay, request, &shown.sha256, now)?;
        let signature = acceptance
            .quote
            .acceptance
            .as_ref()
            .ok_or_else(|| Error::Internal {
                detail: "an accepted quote without its signature".to_owned(),
            })?;
        let copy = printer.signed_copy(
            shown.pdf.0,
            &quote.number,
            &crate::invoice::seller(establishment),
            signature,
            shown.locale,
        )?;
        let signed_on = now
            .with_timezone(&establishment.time_zone.tz())
            .date_naive();
        let first_invoice = first_invoice(
            quote,
            establishment,
            &self.client,
            &acceptance.stay,
            signed_on,
        );
        Ok(SignedQuote {
            acceptance,
            copy,
            first_invoice,
        })
    }
}

/// An invoice as the guest's space lists it: with what is paid and due, and whether to show
/// « Payer ».
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct InvoiceView {
    /// The invoice or credit note.
    pub invoice: Invoice,
    /// Paid, due, status.
    pub balance: InvoiceBalance,
    /// Show « Payer »: the establishment takes payments online and something is due.
    pub payable: bool,
}

/// A contract to read and sign. What the guest signs is its PDF:
/// [`Portal::contract_document`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ContractView {
    /// The contract.
    pub contract: Contract,
    /// Whether it still waits for the signature.
    pub signable: bool,
}

impl Portal {
    /// The guest's invoices (drafts never shown), in the order given, within what their link
    /// opens: a portal link or login shows them all, an invoice or payment link its invoice, a
    /// stay link its stay's. `online_payment` says the establishment has a payment provider.
    ///
    /// What is shown adds up: the dues of a stay's documents sum to its
    /// [`stay_balance`](payment::stay_balance) — a credit note is due (to be refunded) only what
    /// was paid on the invoice it cancels, less what a cancellation kept as its fee.
    pub fn invoices(
        &self,
        invoices: &[Invoice],
        payments: &[Payment],
        online_payment: bool,
    ) -> Result<Vec<InvoiceView>> {
        let hers: Vec<&Invoice> = invoices
            .iter()
            .filter(|i| i.customer.client_id == self.client.id && i.status != InvoiceStatus::Draft)
            .collect();
        // Balances over all her documents, so that a credit note knows what its stay's
        // cancellation carried; then only what the link opens is shown.
        let balances = payment::balances(&hers, payments)?;
        Ok(hers
            .into_iter()
            .zip(balances)
            .filter(|(i, _)| self.access.opens_invoice(i))
            .map(|(invoice, balance)| InvoiceView {
                payable: online_payment && payment::open_for_payment(invoice, &balance),
                invoice: invoice.clone(),
                balance,
            })
            .collect())
    }

    fn opens_contract(&self, contract: &Contract) -> Result<()> {
        let in_scope = self
            .access
            .opens(|s| s == contract.number || s == contract.stay_reference);
        if contract.customer.client_id == self.client.id && in_scope {
            Ok(())
        } else {
            Err(not_found("contract"))
        }
    }

    /// The contract, to read before signing.
    pub fn contract(&self, contract: &Contract) -> Result<ContractView> {
        self.opens_contract(contract)?;
        Ok(ContractView {
            signable: contract.status == ContractStatus::Sent,
            contract: contract.clone(),
        })
    }

    /// The contract's PDF as the guest reads it — in `locale`, else the contract's language —
    /// with the SHA-256 the sign form sends back; once signed, with the signature and its
    /// evidence page.
    pub fn contract_document(
        &self,
        contract: &Contract,
        locale: Option<Locale>,
        printer: &Printer,
    ) -> Result<ShownDocument> {
        self.opens_contract(contract)?;
        let locale = locale.unwrap_or(contract.locale);
        Ok(ShownDocument::of(
            printer.contract(contract, Some(locale), None)?,
            locale,
        ))
    }

    /// The guest signs the contract's PDF, as [`contract_document`](Portal::contract_document)
    /// showed it in the request's language: it is rendered again now and signed only if its
    /// bytes hash to what the guest was shown (else `evidence.document_changed`); the signed
    /// contract (see [`Contract::sign`]) and the signed record — that PDF and its evidence.
    pub fn sign_contract(
        &self,
        contract: &Contract,
        request: SignatureRequest,
        printer: &Printer,
        now: DateTime<Utc>,
    ) -> Result<SignedContract> {
        self.opens_contract(contract)?;
        // Before rendering: a signed contract's PDF is another document.
        contract.check_unsigned()?;
        let shown = self.contract_document(contract, request.locale, printer)?;
        let request = SignatureRequest {
            locale: Some(shown.locale),
            ..request
        };
        let signed = contract.sign(request, &shown.sha256, now)?;
        let signature = signed
            .contract
            .signature
            .as_ref()
            .ok_or_else(|| Error::Internal {
                detail: "a signed contract without its signature".to_owned(),
            })?;
        let copy = printer.signed_copy(
            shown.pdf.0,
            &contract.number,
            &contract.seller,
            signature,
            shown.locale,
        )?;
        Ok(SignedContract { signed, copy })
    }
}
