//! Quotes (« devis », a stay in « option »): created from a priced request with a validity
//! date; in the portal the guest reads it, changes who comes (re-priced), types a promo code
//! (the total recomputed and shown, as French consumer law requires), and accepts it by signing.
//!
//! A quote's **record** is its canonical JSON (number, client, stay, dates, request and priced
//! lines, in that order): [`Quote::document_sha256`] is the SHA-256 of those exact bytes, and a
//! quote link bound to [`Quote::link_state`] stops working once it changes. The guest reads the
//! quote as a PDF and accepts **that PDF**: the portal renders it in the language shown and the
//! acceptance binds the SHA-256 of its bytes; if the document shown is no longer the current
//! one, acceptance is refused (`quote.changed`). Accepting turns the stay to confirmed, stores a
//! [`Signature`] (the evidence: the PDF's hash and the record's, signer, time, IP, user agent,
//! consent text and its hash, the drawn signature if any) and emits `quote_accepted` and
//! `stay_confirmed`.
//! Only the quote's own stay, still in « option » and naming at least as many people as the
//! quote prices, is confirmed; when the quote's dates replace the stay's, `stay_confirmed`
//! says so with both.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::event::Event;
use crate::link::LinkState;
use crate::pricing::{self, Catalogue, PriceRequest, PricedGuest, PricedStay};
use crate::signature::{self, Signature, SignatureRequest};
use crate::stay::{DatesChange, Stay, StayStatus};
use crate::text;

/// Where a quote stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum QuoteStatus {
    /// Sent to the guest, open until its validity date.
    Sent,
    /// Accepted and signed by the guest.
    Accepted,
}

impl QuoteStatus {
    /// The status as bound into quote links (`sent`, `accepted`).
    ///
    /// ```
    /// assert_eq!(hospes::quote::QuoteStatus::Sent.name(), "sent");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            QuoteStatus::Sent => "sent",
            QuoteStatus::Accepted => "accepted",
        }
    }
}

/// A quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Quote {
    /// Its number as printed (`D26-0312`).
    pub number: String,
    /// Whose quote it is.
    pub client_id: String,
    /// The stay in « option » it prices.
    pub stay_reference: String,
    /// When it was made; prices and conditions are those of that instant.
    pub created_at: DateTime<Utc>,
    /// Until when it can be accepted.
    pub valid_until: DateTime<Utc>,
    /// What was asked.
    pub request: PriceRequest,
    /// The priced stay.
    pub priced: PricedStay,
    /// Where it stands.
    pub status: QuoteStatus,
    /// The acceptance evidence, once accepted.
    #[serde(default)]
    pub acceptance: Option<Signature>,
}

/// The canonical document of a quote: what its hash is over.
#[derive(Serialize)]
struct Document<'a> {
    number: &'a str,
    client_id: &'a str,
    stay_reference: &'a str,
    created_at: DateTime<Utc>,
    valid_until: DateTime<Utc>,
    request: &'a PriceRequest,
    priced: &'a PricedStay,
}

/// A quote changed by the guest, and the event saying so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct QuoteChange {
    /// The quote, re-priced.
    pub quote: Quote,
    /// `quote_changed`.
    pub events: Vec<Event>,
}

/// An accepted quote, its confirmed stay, and the events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct QuoteAcceptance {
    /// The quote, accepted, with its evidence.
    pub quote: Quote,
    /// The stay, confirmed, with the quote's lines.
    pub stay: Stay,
    /// `quote_accepted` then `stay_confirmed`.
    pub events: Vec<Event>,
}

impl Quote {
    /// Prices `request` and makes the quote, valid until `valid_until`.
    ///
    /// ```
    /// # let catalogue: hospes::pricing::Catalogue = serde_json::from_str(r#"{"currency":"EUR","time_zone":"Europe/Paris","vat":{"accommodation":"10","supplement":"20"},"units":[{"id":"E12","name":"Emplacement","category":"pitch","capacity":6}],"seasons":[{"id":"s","name":"Été","periods":[{"from":"2026-07-01","to":"2026-08-31"}]}],"rates":[{"unit":"pitch","season":"s","basis":"per_night","price":"30"}]}"#).unwrap();
    /// # let request = serde_json::from_str(r#"{"unit":"E12","arrival":"2026-07-11","departure":"2026-07-18","guests":[{}]}"#).unwrap();
    /// use hospes::quote::Quote;
    /// let now = "2026-03-01T10:00:00Z".parse().unwrap();
    /// let quote = Quote::create("D26-0312", "C-1042", "312", &catalogue, request, now, "2026-03-15T23:00:00Z".parse().unwrap()).unwrap();
    /// assert_eq!(quote.priced.totals.vat.total_incl_vat.to_string(), "210.00 EUR");
    /// assert_eq!(quote.document_sha256().unwrap().len(), 64);
    /// ```
    pub fn create(
        number: &str,
        client_id: &str,
        stay_reference: &str,
        catalogue: &Catalogue,
        request: PriceRequest,
        now: DateTime<Utc>,
        valid_until: DateTime<Utc>,
    ) -> Result<Quote> {
        if valid_until <= now {
            return Err(Error::QuoteValidityInvalid {
                valid_until: valid_until.to_rfc3339(),
            });
        }
        let priced = pricing::price(catalogue, &request, now)?;
        Ok(Quote {
            number: text::required(number, "number", 50)?,
            client_id: text::required(client_id, "client_id", 100)?,
            stay_reference: text::required(stay_reference, "stay_reference", 50)?,
            created_at: now,
            valid_until,
            request,
            priced,
            status: QuoteStatus::Sent,
            acceptance: None,
        })
    }

    /// SHA-256 (lower-case hex) of the quote's canonical document; changes with any line, date
    /// or guest, not with its status.
    pub fn document_sha256(&self) -> Result<String> {
        signature::document_sha256(&Document {
            number: &self.number,
            client_id: &self.client_id,
            stay_reference: &self.stay_reference,
            created_at: self.created_at,
            valid_until: self.valid_until,
            request: &self.request,
            priced: &self.priced,
        })
    }

    /// The state a quote link is bound to: its hash and status, so that the link dies once the
    /// quote changes or is accepted.
    pub fn link_state(&self) -> Result<LinkState> {
        Ok(LinkState::Document {
            sha256: self.document_sha256()?,
            status: self.status.name().into(),
        })
    }

    /// Whether it can still be changed or accepted at `now`.
    pub fn is_open(&self, now: DateTime<Utc>) -> bool {
        self.status == QuoteStatus::Sent && now < self.valid_until
    }

    fn check_open(&self, now: DateTime<Utc>) -> Result<()> {
        if self.status == QuoteStatus::Accepted {
            return Err(Error::QuoteAlreadyAccepted {
                number: self.number.clone(),
            });
        }
        if now >= self.valid_until {
            return Err(Error::QuoteExpired {
                number: self.number.clone(),
                valid_until: self.valid_until.to_rfc3339(),
            });
        }
        Ok(())
    }

    /// The quote re-priced for `guests` (the client included): at the prices and conditions of
    /// the quote's own date, so that a guest changing who comes keeps the offer they had.
    pub fn with_guests(
        &self,
        catalogue: &Catalogue,
        guests: Vec<PricedGuest>,
        now: DateTime<Utc>,
    ) -> Result<QuoteChange> {
        let request = PriceRequest {
            guests,
            ..self.request.clone()
        };
        self.repriced(catalogue, request, now)
    }

    /// The quote with `promo_code` (or none), the total recomputed.
    pub fn with_promo_code(
        &self,
        catalogue: &Catalogue,
        promo_code: Option<String>,
        now: DateTime<Utc>,
    ) -> Result<QuoteChange> {
        let request = PriceRequest {
            promo_code,
            ..self.request.clone()
        };
        self.repriced(catalogue, request, now)
    }

    fn repriced(
        &self,
        catalogue: &Catalogue,
        request: PriceRequest,
        now: DateTime<Utc>,
    ) -> Result<QuoteChange> {
        self.check_open(now)?;
        let previous_sha256 = self.document_sha256()?;
        let priced = pricing::price(catalogue, &request, self.created_at)?;
        let quote = Quote {
            request,
            priced,
            ..self.clone()
        };
        let events = vec![Event::QuoteChanged {
            occurred_at: now,
            client_id: quote.client_id.clone(),
            quote_number: quote.number.clone(),
            previous_sha256,
            document_sha256: quote.document_sha256()?,
            total: quote.priced.totals.vat.total_incl_vat.clone(),
        }];
        Ok(QuoteChange { quote, events })
    }

    /// Accepts the quote for its stay (in « option ») with the guest's signature over
    /// `shown_sha256`, the SHA-256 of the exact PDF the guest was shown (the portal's
    /// `accept_quote` renders it): the stay is confirmed with the quote's lines and dates, the
    /// acceptance binds that hash and the quote's record hash. Refused when accepted already
    /// (`quote.already_accepted`), past its validity (`quote.expired`), signed over another
    /// document than the one shown (`quote.changed`), for a stay that is not the quote's (`quote.stay_mismatch`,
    /// naming both references), no longer in « option » (`stay.not_editable`), or naming fewer
    /// people — the client and the participants — than the quote's guests
    /// (`quote.participants_missing`, with both counts).
    ///
    /// When the quote's dates differ from the stay's, `stay_confirmed` says so with both
    /// (`dates_changed`).
    pub fn accept(
        &self,
        stay: &Stay,
        request: SignatureRequest,
        shown_sha256: &str,
        now: DateTime<Utc>,
    ) -> Result<QuoteAcceptance> {
        self.check_open(now)?;
        let content_sha256 = self.document_sha256()?;
        let document_sha256 = shown_sha256.trim().to_ascii_lowercase();
        if request.document_sha256.trim().to_ascii_lowercase() != document_sha256 {
            return Err(Error::QuoteChanged {
                number: self.number.clone(),
            });
        }
        if stay.reference != self.stay_reference || stay.client_id != self.client_id {
            return Err(Error::QuoteStayMismatch {
                number: self.number.clone(),
                quote_stay: self.stay_reference.clone(),
                stay: stay.reference.clone(),
            });
        }
        if stay.status != StayStatus::Option {
            return Err(Error::StayNotEditable {
                reference: stay.reference.clone(),
            });
        }
        let guests = self.request.guests.len();
        if stay.headcount() < guests {
            let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
            return Err(Error::QuoteParticipantsMissing {
                number: self.number.clone(),
                stay: stay.reference.clone(),
                guests: count(guests),
                people: count(stay.headcount()),
            });
        }
        let acceptance = signature::sign(
            &document_sha256,
            Some(&content_sha256),
            &self.client_id,
            request,
            now,
        )?;
        let total = self.priced.totals.vat.total_incl_vat.clone();
        let quote = Quote {
            status: QuoteStatus::Accepted,
            acceptance: Some(acceptance),
            ..self.clone()
        };
        let priced = &self.priced;
        let dates_changed = DatesChange::between(stay, priced.arrival, priced.departure);
        let stay = Stay {
            status: StayStatus::Confirmed,
            lines: self.priced.lines.clone(),
            currency: self.priced.currency,
            price_basis: self.priced.price_basis,
            arrival: self.priced.arrival,
            departure: self.priced.departure,
            ..stay.clone()
        };
        let events = vec![
            Event::QuoteAccepted {
                occurred_at: now,
                client_id: self.client_id.clone(),
                quote_number: self.number.clone(),
                stay_reference: self.stay_reference.clone(),
                document_sha256,
                total,
            },
            Event::StayConfirmed {
                occurred_at: now,
                client_id: self.client_id.clone(),
                stay_reference: self.stay_reference.clone(),
                dates_changed,
            },
        ];
        Ok(QuoteAcceptance {
            quote,
            stay,
            events,
        })
    }
}
