//! Who comes on a stay: the guest adds a participant (typed in, or one of her former
//! companions) or removes one. Given the business's booking-edit policy, the change follows the
//! very rule of the booking page for its `participants` field (see [`editable::apply`]): before
//! the deadline it applies, after it it becomes a request. Given the stay's open quote, the quote
//! is re-priced for the people now coming, so that what she signs names everyone.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::access::{Portal, not_found};
use crate::client::{Client, Companion};
use crate::editable::{self, BookingChange, ChangeRequest, EditPolicy};
use crate::error::{Error, Result};
use crate::establishment::TimeZone;
use crate::event::Event;
use crate::pricing::{Catalogue, PricedGuest};
use crate::quote::Quote;
use crate::stay::{Stay, StayStatus};

/// What a participant change gives back: the stay and the client record to store, the request
/// of a change made past its deadline, the stay's quote re-priced, and the events.
///
/// ```
/// let change: hospes::portal::ParticipantsChange = serde_json::from_value(serde_json::json!({
///     "stay": {"reference": "312", "client_id": "C-1", "accommodation": "Emplacement",
///              "arrival": "2026-07-11", "departure": "2026-07-18", "status": "option", "currency": "EUR"},
///     "client": {"id": "C-1", "last_name": "Dupont", "created_at": "2026-01-15T09:30:00Z"},
///     "events": []})).unwrap();
/// assert!(change.request.is_none() && change.quote.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ParticipantsChange {
    /// The stay to store (unchanged when the change became a request).
    pub stay: Stay,
    /// The client record to store (its companions list may grow).
    pub client: Client,
    /// A change past the policy's `participants` deadline, for the business to approve or
    /// decline (the stay is unchanged until then); only with a policy.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub request: Option<ChangeRequest>,
    /// The stay's quote re-priced for the people now coming, when one was given, open, and the
    /// stay is in « option » and changed: store it in place of the quote.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub quote: Option<Quote>,
    /// `participants_changed` (then `quote_changed` with a re-priced quote), or
    /// `booking_change_requested` for a late change.
    pub events: Vec<Event>,
}

/// How a participant is added: typed in, or picked among the former companions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum NewParticipant {
    /// First name, last name and birth date typed by the guest.
    Typed {
        /// The person.
        person: Companion,
    },
    /// One of the client's former companions, by position in `former_companions`.
    Former {
        /// Position in the client's companions list.
        index: u32,
    },
}

/// The booking-edit rule a participant change follows: the business's policy, the
/// establishment's time zone its deadlines are in, and the host's id for the request a late
/// change becomes.
///
/// ```
/// use hospes::portal::EditRule;
/// let policy: hospes::editable::EditPolicy = serde_json::from_str(
///     r#"{"fields": [{"field": "participants", "days_before_arrival": 7}]}"#).unwrap();
/// let rule = EditRule { policy: &policy, time_zone: "Europe/Paris".parse().unwrap(), request_id: "REQ-7" };
/// assert_eq!(rule.request_id, "REQ-7");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct EditRule<'a> {
    /// The business's booking-edit policy; without a `participants` field, the guest may not
    /// change them (`booking.field_not_editable`).
    pub policy: &'a EditPolicy,
    /// The establishment's time zone.
    pub time_zone: TimeZone,
    /// The host's id for the request a change past its deadline becomes.
    pub request_id: &'a str,
}

/// The stay's quote, and the catalogue to price it again.
///
/// ```
/// # let catalogue: hospes::pricing::Catalogue = serde_json::from_str(r#"{"currency":"EUR","time_zone":"Europe/Paris","vat":{"accommodation":"10","supplement":"20"},"units":[{"id":"E12","name":"Emplacement","category":"pitch","capacity":6}],"seasons":[{"id":"s","name":"Été","periods":[{"from":"2026-07-01","to":"2026-08-31"}]}],"rates":[{"unit":"pitch","season":"s","basis":"per_night","price":"30"}]}"#).unwrap();
/// # let request = serde_json::from_str(r#"{"unit":"E12","arrival":"2026-07-11","departure":"2026-07-18","guests":[{}]}"#).unwrap();
/// # let quote = hospes::quote::Quote::create("D26-0312", "C-1", "312", &catalogue, request, "2026-03-01T10:00:00Z".parse().unwrap(), "2026-03-15T23:00:00Z".parse().unwrap()).unwrap();
/// let open = hospes::portal::OpenQuote { quote: &quote, catalogue: &catalogue };
/// assert_eq!(open.quote.stay_reference, "312");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct OpenQuote<'a> {
    /// The quote of the stay (its `stay_reference`).
    pub quote: &'a Quote,
    /// The catalogue it was priced from.
    pub catalogue: &'a Catalogue,
}

/// What a participant change answers to beside the stay's status: the booking-edit rule, and
/// the stay's quote. The default is neither: the change applies while the stay is in
/// « option », confirmed or a resident's season, and no quote is touched.
///
/// ```
/// let rules = hospes::portal::ParticipantRules::default();
/// assert!(rules.edit.is_none() && rules.quote.is_none());
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct ParticipantRules<'a> {
    /// The booking-edit rule: the `participants` deadline applies, a late change becomes a
    /// request, as on the booking page (`editable.apply`).
    pub edit: Option<EditRule<'a>>,
    /// The stay's quote: re-priced for the people now coming when it is open and the stay in
    /// « option » (an accepted or expired quote is left as it is).
    pub quote: Option<OpenQuote<'a>>,
}

impl<'a> ParticipantRules<'a> {
    /// The rules from their parts, as the wire passes them: `policy` needs `time_zone` and
    /// `request_id` (else `input.invalid`), `quote` needs `catalogue`; a time zone, request id
    /// or catalogue without what it goes with is not used.
    ///
    /// ```
    /// use hospes::portal::ParticipantRules;
    /// let policy: hospes::editable::EditPolicy = serde_json::from_str(
    ///     r#"{"fields": [{"field": "participants", "days_before_arrival": 7}]}"#).unwrap();
    /// let paris = "Europe/Paris".parse().ok();
    /// let rules = ParticipantRules::new(Some(&policy), paris, Some("REQ-7"), None, None).unwrap();
    /// assert_eq!(rules.edit.unwrap().request_id, "REQ-7");
    /// let err = ParticipantRules::new(Some(&policy), paris, None, None, None).unwrap_err();
    /// assert_eq!(err.code(), "input.invalid");
    /// assert!(ParticipantRules::new(None, paris, None, None, None).unwrap().edit.is_none());
    /// ```
    pub fn new(
        policy: Option<&'a EditPolicy>,
        time_zone: Option<TimeZone>,
        request_id: Option<&'a str>,
        quote: Option<&'a Quote>,
        catalogue: Option<&'a Catalogue>,
    ) -> Result<ParticipantRules<'a>> {
        let missing = |what: &str| Error::InputInvalid {
            detail: what.to_owned(),
        };
        let edit = match policy {
            None => None,
            Some(policy) => Some(EditRule {
                policy,
                time_zone: time_zone
                    .ok_or_else(|| missing("a policy needs the time_zone of its deadlines"))?,
                request_id: request_id
                    .ok_or_else(|| missing("a policy needs the request_id of a late change"))?,
            }),
        };
        let quote = match quote {
            None => None,
            Some(quote) => Some(OpenQuote {
                quote,
                catalogue: catalogue
                    .ok_or_else(|| missing("a quote needs the catalogue it is priced from"))?,
            }),
        };
        Ok(ParticipantRules { edit, quote })
    }
}

impl Portal {
    /// Adds a participant to one of this guest's stays; a typed-in person also joins the
    /// client's companions, to be picked next time. `rules` brings the booking-edit policy (the
    /// `participants` deadline; past it, a request) and the stay's quote (re-priced), see
    /// [`ParticipantRules`].
    ///
    /// ```
    /// use hospes::portal::{NewParticipant, ParticipantRules, Portal, PortalAccess};
    /// # let marie: hospes::Client = serde_json::from_str(r#"{"id":"C-1","last_name":"Dupont","created_at":"2026-01-15T09:30:00Z","companions":[{"first_name":"Paul","last_name":"Dupont"}]}"#).unwrap();
    /// # let stay: hospes::Stay = serde_json::from_str(r#"{"reference":"312","client_id":"C-1","accommodation":"Emplacement","arrival":"2026-07-11","departure":"2026-07-18","status":"confirmed","currency":"EUR"}"#).unwrap();
    /// let access = PortalAccess { client_id: "C-1".into(), purpose: None, subject: None };
    /// let portal = Portal::open(&access, marie).unwrap();
    /// let now = "2026-06-01T10:00:00Z".parse().unwrap();
    /// let paul = NewParticipant::Former { index: 0 };
    /// let change = portal.add_participant(&stay, paul.clone(), ParticipantRules::default(), now).unwrap();
    /// assert_eq!(change.stay.participants[0].first_name, "Paul");
    ///
    /// // With the business's policy: participants until 7 days before arrival, then a request.
    /// let policy: hospes::editable::EditPolicy = serde_json::from_str(
    ///     r#"{"fields": [{"field": "participants", "days_before_arrival": 7}]}"#).unwrap();
    /// let edit = hospes::portal::EditRule { policy: &policy, time_zone: "Europe/Paris".parse().unwrap(), request_id: "REQ-7" };
    /// let rules = ParticipantRules { edit: Some(edit), quote: None };
    /// let late = "2026-07-06T10:00:00Z".parse().unwrap();
    /// let asked = portal.add_participant(&stay, paul, rules, late).unwrap();
    /// assert!(asked.stay.participants.is_empty());
    /// assert_eq!(asked.request.unwrap().id, "REQ-7");
    /// assert_eq!(asked.events[0].kind(), "booking_change_requested");
    /// ```
    pub fn add_participant(
        &self,
        stay: &Stay,
        participant: NewParticipant,
        rules: ParticipantRules<'_>,
        now: DateTime<Utc>,
    ) -> Result<ParticipantsChange> {
        let stay = self.participants_of(stay, &rules)?;
        let mut client = self.client.clone();
        let person = match participant {
            NewParticipant::Typed { person } => {
                // Born by today, and by the first day of the stay.
                let person =
                    person.normalized("participant", now.date_naive().min(stay.arrival))?;
                if !client.companions.contains(&person) {
                    client.companions.push(person.clone());
                }
                person
            }
            NewParticipant::Former { index } => usize::try_from(index)
                .ok()
                .and_then(|i| self.client.companions.get(i))
                .cloned()
                .ok_or_else(|| not_found("companion"))?,
        };
        let mut participants = stay.participants.clone();
        if !participants.contains(&person) {
            participants.push(person.clone());
        }
        let added = vec![person.full_name()];
        self.change_participants(stay, participants, client, (added, Vec::new()), rules, now)
    }

    /// Removes the participant at `index` from one of this guest's stays, under the same
    /// `rules` as [`add_participant`](Portal::add_participant).
    ///
    /// ```
    /// use hospes::portal::{ParticipantRules, Portal, PortalAccess};
    /// # let marie: hospes::Client = serde_json::from_str(r#"{"id":"C-1","last_name":"Dupont","created_at":"2026-01-15T09:30:00Z"}"#).unwrap();
    /// # let stay: hospes::Stay = serde_json::from_str(r#"{"reference":"312","client_id":"C-1","accommodation":"Emplacement","arrival":"2026-07-11","departure":"2026-07-18","status":"confirmed","currency":"EUR","participants":[{"first_name":"Paul","last_name":"Dupont"}]}"#).unwrap();
    /// let portal = Portal::open(&PortalAccess { client_id: "C-1".into(), purpose: None, subject: None }, marie).unwrap();
    /// let now = "2026-06-01T10:00:00Z".parse().unwrap();
    /// let change = portal.remove_participant(&stay, 0, ParticipantRules::default(), now).unwrap();
    /// assert!(change.stay.participants.is_empty());
    /// assert_eq!(portal.remove_participant(&stay, 3, ParticipantRules::default(), now).unwrap_err().code(), "portal.not_found");
    /// ```
    pub fn remove_participant(
        &self,
        stay: &Stay,
        index: u32,
        rules: ParticipantRules<'_>,
        now: DateTime<Utc>,
    ) -> Result<ParticipantsChange> {
        let stay = self.participants_of(stay, &rules)?;
        let mut participants = stay.participants.clone();
        let position = usize::try_from(index)
            .ok()
            .filter(|i| *i < participants.len())
            .ok_or_else(|| not_found("participant"))?;
        let person = participants.remove(position);
        let removed = vec![person.full_name()];
        let client = self.client.clone();
        self.change_participants(
            stay,
            participants,
            client,
            (Vec::new(), removed),
            rules,
            now,
        )
    }

    /// The stay, if it is this guest's and its quote (when given) is hers and its own; without
    /// a policy, one whose participants may change in its status.
    fn participants_of<'s>(
        &self,
        stay: &'s Stay,
        rules: &ParticipantRules<'_>,
    ) -> Result<&'s Stay> {
        let stay = self.find(std::slice::from_ref(stay), &stay.reference)?;
        if let Some(open) = rules.quote {
            self.opens_quote(open.quote)?;
            if open.quote.stay_reference != stay.reference {
                return Err(Error::QuoteStayMismatch {
                    number: open.quote.number.clone(),
                    quote_stay: open.quote.stay_reference.clone(),
                    stay: stay.reference.clone(),
                });
            }
        }
        // With a policy, `editable::apply` decides, as on the booking page.
        if rules.edit.is_none() {
            editable(stay)?;
        }
        Ok(stay)
    }

    /// The stay with `participants`: at once, or — past the policy's deadline — as a request;
    /// then its open quote re-priced.
    fn change_participants(
        &self,
        stay: &Stay,
        participants: Vec<Companion>,
        client: Client,
        (added, removed): (Vec<String>, Vec<String>),
        rules: ParticipantRules<'_>,
        now: DateTime<Utc>,
    ) -> Result<ParticipantsChange> {
        let updated = match rules.edit {
            None => Stay {
                participants,
                ..stay.clone()
            },
            Some(rule) => {
                let change = BookingChange {
                    participants: Some(participants),
                    ..BookingChange::default()
                };
                let outcome = editable::apply(
                    rule.policy,
                    stay,
                    rule.time_zone,
                    change,
                    rule.request_id,
                    now,
                )?;
                if outcome.request.is_some() {
                    // Past the deadline: nothing changes until the business approves.
                    return Ok(ParticipantsChange {
                        stay: outcome.stay,
                        client: self.client.clone(),
                        request: outcome.request,
                        quote: None,
                        events: outcome.events,
                    });
                }
                outcome.stay
            }
        };
        let mut events = vec![Event::ParticipantsChanged {
            occurred_at: now,
            client_id: client.id.clone(),
            stay_reference: updated.reference.clone(),
            added,
            removed,
        }];
        let quote = match rules.quote {
            Some(open) if updated.status == StayStatus::Option && open.quote.is_open(now) => {
                let change = open
                    .quote
                    .with_guests(open.catalogue, quote_guests(&updated), now)?;
                events.extend(change.events);
                Some(change.quote)
            }
            _ => None,
        };
        Ok(ParticipantsChange {
            stay: updated,
            client,
            request: None,
            quote,
            events,
        })
    }
}

/// Participants can change while the stay is a quote, confirmed, or a resident's season.
fn editable(stay: &Stay) -> Result<()> {
    match stay.status {
        StayStatus::Option | StayStatus::Confirmed | StayStatus::Resident => Ok(()),
        _ => Err(Error::StayNotEditable {
            reference: stay.reference.clone(),
        }),
    }
}

/// The guests a quote prices for a stay: the client (an adult: her record has no birth date),
/// then each participant with their birth date, so that ages count.
fn quote_guests(stay: &Stay) -> Vec<PricedGuest> {
    std::iter::once(PricedGuest::default())
        .chain(stay.participants.iter().map(|p| PricedGuest {
            birth_date: p.birth_date,
        }))
        .collect()
}
