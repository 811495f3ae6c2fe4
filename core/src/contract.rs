//! Contracts (« contrats de location », residents' yearly contracts): generated for a stay from
//! the business's terms, read and signed by the guest in the portal, then locked to the exact
//! document signed.
//!
//! A contract's **record** is its canonical JSON: number, parties, the stay (accommodation,
//! dates, participants, lines, totals), the payment schedule, the cancellation terms and the
//! terms' text and version; [`Contract::document_sha256`] is the SHA-256 of those bytes. The
//! guest reads the contract as a PDF and signs **that PDF**: the portal renders it, and the
//! signature binds the SHA-256 of its exact bytes (see [`crate::signature`]), with the record's
//! hash beside it. The signed contract never changes (`contract.already_signed`). A contract
//! link is bound to [`Contract::link_state`] (the record's hash and status), so it stops
//! opening the contract once it changes or is signed.
//!
//! ```
//! # let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/invoicing.json")).unwrap()).unwrap();
//! # let establishment: hospes::Establishment = serde_json::from_value(data["establishment"].clone()).unwrap();
//! # let client: hospes::Client = serde_json::from_value(data["client"].clone()).unwrap();
//! # let stay: hospes::Stay = serde_json::from_value(data["stay"].clone()).unwrap();
//! # let terms: hospes::contract::ContractTerms = serde_json::from_value(data["terms"].clone()).unwrap();
//! use hospes::contract::{Contract, ContractRequest};
//! let now = "2026-03-01T10:00:00Z".parse().unwrap();
//! let contract = Contract::create(ContractRequest {
//!     number: "C-2026-028".into(), establishment, client, stay, terms,
//!     schedule: vec![], cancellation: Default::default(), locale: None,
//! }, now).unwrap();
//! assert_eq!(contract.document_sha256().unwrap().len(), 64);
//! assert!(contract.signature.is_none());
//! ```

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::error::{Error, Result};
use crate::establishment::Establishment;
use crate::event::Event;
use crate::i18n::Locale;
use crate::invoice::{Customer, Seller};
use crate::link::LinkState;
use crate::pricing::{CancellationPolicy, Installment};
use crate::signature::{self, Signature, SignatureRequest};
use crate::stay::{Line, Stay, StayTotals};
use crate::text;

mod terms;

pub use terms::{
    Clause, ContractTerms, ContractTermsSummary, MAX_CLAUSE_CHARS, MAX_CLAUSES, MAX_HEADING_CHARS,
    MAX_TITLE_CHARS, MAX_VERSION_CHARS,
};

/// Where a contract stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ContractStatus {
    /// Sent to the guest, waiting for the signature.
    Sent,
    /// Signed: locked to the document signed.
    Signed,
}

impl ContractStatus {
    /// The status as bound into contract links.
    ///
    /// ```
    /// assert_eq!(hospes::contract::ContractStatus::Signed.name(), "signed");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            ContractStatus::Sent => "sent",
            ContractStatus::Signed => "signed",
        }
    }
}

/// What the host asks to draw up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ContractRequest {
    /// The contract's number (« Contrat 28 »).
    pub number: String,
    /// The lessor.
    pub establishment: Establishment,
    /// The guest.
    pub client: Client,
    /// The stay (or the resident's year).
    pub stay: Stay,
    /// The business's terms.
    pub terms: ContractTerms,
    /// What is due when.
    #[serde(default)]
    pub schedule: Vec<Installment>,
    /// Cancellation terms.
    #[serde(default)]
    pub cancellation: CancellationPolicy,
    /// Language; the client's, else the establishment's.
    #[serde(default)]
    pub locale: Option<Locale>,
}

/// A contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Contract {
    /// Its number.
    pub number: String,
    /// When it was drawn up.
    pub created_at: DateTime<Utc>,
    /// The lessor.
    pub seller: Seller,
    /// The guest.
    pub customer: Customer,
    /// The stay.
    pub stay_reference: String,
    /// Accommodation.
    pub accommodation: String,
    /// Arrival.
    #[serde(deserialize_with = "crate::codec::date")]
    pub arrival: NaiveDate,
    /// Departure.
    #[serde(deserialize_with = "crate::codec::date")]
    pub departure: NaiveDate,
    /// Everyone staying, the client first (full names).
    pub occupants: Vec<String>,
    /// Priced lines.
    pub lines: Vec<Line>,
    /// Totals and VAT table.
    pub totals: StayTotals,
    /// What is due when.
    pub schedule: Vec<Installment>,
    /// Cancellation terms.
    pub cancellation: CancellationPolicy,
    /// The terms, text and version.
    pub terms: ContractTerms,
    /// Language.
    pub locale: Locale,
    /// Sent or signed.
    pub status: ContractStatus,
    /// The signature evidence, once signed.
    #[serde(default)]
    pub signature: Option<Signature>,
}

/// A signed contract and `contract_signed`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ContractSigned {
    /// The contract, signed, with its evidence.
    pub contract: Contract,
    /// `contract_signed`.
    pub events: Vec<Event>,
}

/// The canonical document: everything but the status and the signature.
#[derive(Serialize)]
struct Document<'a> {
    number: &'a str,
    created_at: DateTime<Utc>,
    seller: &'a Seller,
    customer: &'a Customer,
    stay_reference: &'a str,
    accommodation: &'a str,
    arrival: NaiveDate,
    departure: NaiveDate,
    occupants: &'a [String],
    lines: &'a [Line],
    totals: &'a StayTotals,
    schedule: &'a [Installment],
    cancellation: &'a CancellationPolicy,
    terms: &'a ContractTerms,
    locale: Locale,
}

impl Contract {
    /// Draws up the contract for the request's stay at `now`: the terms are checked as
    /// [`ContractTerms::check`] does, and their merge fields filled with the stay's values in
    /// the contract's language, so the record holds the clauses the guest reads and signs, with
    /// the terms' version.
    ///
    /// Errors: `contract.request_invalid` when the stay is another client's or the terms have
    /// no clause; the errors of [`ContractTerms::check`]; line and money errors as for a stay.
    ///
    /// ```
    /// # let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/invoicing.json")).unwrap()).unwrap();
    /// # let establishment: hospes::Establishment = serde_json::from_value(data["establishment"].clone()).unwrap();
    /// # let client: hospes::Client = serde_json::from_value(data["client"].clone()).unwrap();
    /// # let stay: hospes::Stay = serde_json::from_value(data["stay"].clone()).unwrap();
    /// use hospes::contract::{Clause, Contract, ContractRequest, ContractTerms};
    /// let terms = ContractTerms {
    ///     version: "2026-2".into(),
    ///     title: "Contrat de location — [HEBERGEMENT]".into(),
    ///     clauses: vec![Clause {
    ///         heading: "Article 1 — Séjour".into(),
    ///         text: "Du [DATE_ARRIVEE] au [DATE_DEPART] ([NB_NUITS] nuits), pour [NB_PERSONNES] personnes.".into(),
    ///     }],
    /// };
    /// let contract = Contract::create(ContractRequest {
    ///     number: "C-2026-028".into(), establishment, client, stay, terms,
    ///     schedule: vec![], cancellation: Default::default(), locale: None,
    /// }, "2026-03-01T10:00:00Z".parse().unwrap()).unwrap();
    /// assert_eq!(contract.terms.title, "Contrat de location — Mobil-home 3 chambres");
    /// assert_eq!(contract.terms.clauses[0].text,
    ///     "Du 11 juillet 2026 au 18 juillet 2026 (7 nuits), pour 2 personnes.");
    /// assert_eq!(contract.terms.version, "2026-2");
    /// ```
    pub fn create(request: ContractRequest, now: DateTime<Utc>) -> Result<Contract> {
        let ContractRequest {
            number,
            establishment,
            client,
            stay,
            terms,
            schedule,
            cancellation,
            locale,
        } = request;
        if stay.client_id != client.id {
            return Err(Error::ContractRequestInvalid {
                detail: "the stay is another client's".into(),
            });
        }
        let number = text::required(&number, "number", 50)?;
        let invoice_customer = crate::invoice::customer(&client);
        let occupants = stay.occupants(&invoice_customer.name);
        let totals = stay.totals()?;
        let locale = locale.unwrap_or_else(|| client.locale_or(establishment.default_locale));
        let terms = terms.merged(&terms::Source {
            number: &number,
            establishment: &establishment,
            client: &client,
            stay: &stay,
            occupants: &occupants,
            total: &totals.vat.total_incl_vat,
            schedule: &schedule,
            locale,
        })?;
        Ok(Contract {
            number,
            created_at: now,
            seller: crate::invoice::seller(&establishment),
            customer: invoice_customer,
            stay_reference: stay.reference.clone(),
            accommodation: stay.accommodation.clone(),
            arrival: stay.arrival,
            departure: stay.departure,
            occupants,
            totals,
            lines: stay.lines,
            schedule,
            cancellation,
            terms,
            locale,
            status: ContractStatus::Sent,
            signature: None,
        })
    }

    /// SHA-256 (hex) of the contract's canonical document: what the guest signs.
    pub fn document_sha256(&self) -> Result<String> {
        signature::document_sha256(&Document {
            number: &self.number,
            created_at: self.created_at,
            seller: &self.seller,
            customer: &self.customer,
            stay_reference: &self.stay_reference,
            accommodation: &self.accommodation,
            arrival: self.arrival,
            departure: self.departure,
            occupants: &self.occupants,
            lines: &self.lines,
            totals: &self.totals,
            schedule: &self.schedule,
            cancellation: &self.cancellation,
            terms: &self.terms,
            locale: self.locale,
        })
    }

    /// The state a contract link is bound to: the document's hash and status.
    pub fn link_state(&self) -> Result<LinkState> {
        Ok(LinkState::Document {
            sha256: self.document_sha256()?,
            status: self.status.name().into(),
        })
    }

    /// `contract.already_signed` once signed: a signed contract never changes.
    pub(crate) fn check_unsigned(&self) -> Result<()> {
        if self.status == ContractStatus::Signed {
            return Err(Error::ContractAlreadySigned {
                number: self.number.clone(),
            });
        }
        Ok(())
    }

    /// The guest signs `shown_sha256`, the SHA-256 of the exact PDF they were shown (the
    /// portal's `sign_contract` renders it): the evidence is kept with that hash and the
    /// contract's record hash, the contract locked, `contract_signed` names the PDF's hash and
    /// the terms' version.
    ///
    /// Errors: `contract.already_signed`; `evidence.document_changed` when the guest signed
    /// another document than the one shown; `evidence.signature_image_invalid`; a missing name
    /// or consent.
    pub fn sign(
        &self,
        request: SignatureRequest,
        shown_sha256: &str,
        now: DateTime<Utc>,
    ) -> Result<ContractSigned> {
        self.check_unsigned()?;
        let content_sha256 = self.document_sha256()?;
        let sha256 = shown_sha256.trim().to_ascii_lowercase();
        let signature = signature::sign(
            &sha256,
            Some(&content_sha256),
            &self.customer.client_id,
            request,
            now,
        )?;
        let events = vec![Event::ContractSigned {
            occurred_at: now,
            client_id: self.customer.client_id.clone(),
            contract_number: self.number.clone(),
            stay_reference: self.stay_reference.clone(),
            document_sha256: sha256,
            terms_version: self.terms.version.clone(),
        }];
        Ok(ContractSigned {
            contract: Contract {
                status: ContractStatus::Signed,
                signature: Some(signature),
                ..self.clone()
            },
            events,
        })
    }
}
