//! Editable booking fields (« gestionnaire de données de réservation »): the business
//! chooses which booking fields the guest may still change — participants' names and birth
//! dates, notes, arrival time, its own fields such as a licence plate — each until a deadline
//! before arrival, in the establishment's time zone. Before the deadline a change applies at
//! once; after it, it becomes a request the business approves or declines. Reminders tell the
//! guest what they can still change and until when.
//!
//! ```
//! use hospes::editable::{self, BookingChange, EditPolicy};
//! let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/invoicing.json")).unwrap()).unwrap();
//! let stay: hospes::Stay = serde_json::from_value(data["stay"].clone()).unwrap();
//! let policy: EditPolicy = serde_json::from_str(r#"{"fields": [
//!     {"field": "participants", "days_before_arrival": 7},
//!     {"field": "arrival_time", "days_before_arrival": 1}]}"#).unwrap();
//! let paris = hospes::TimeZone::new("Europe/Paris").unwrap();
//! // Arrival 11 July: companions until the end of 4 July (Paris), arrival time until the end of 10 July.
//! let now = "2026-07-04T21:59:59Z".parse().unwrap();
//! let window = editable::window(&policy, &stay, paris, now).unwrap();
//! assert!(window.fields[0].open && window.fields[0].remaining_seconds == 1);
//! let change = BookingChange { arrival_time: Some("17:30".parse().unwrap()), ..Default::default() };
//! let outcome = editable::apply(&policy, &stay, paris, change, "REQ-1", now).unwrap();
//! assert_eq!(outcome.stay.arrival_time, Some("17:30".parse().unwrap()));
//! assert_eq!(outcome.events[0].kind(), "booking_fields_edited");
//! ```

pub(crate) mod change;
pub use change::BookingFieldChange;

use chrono::{DateTime, Days, NaiveDateTime, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use crate::appointment::local::instant;
use crate::client::{Companion, licence_plate};
use crate::error::{Error, Result};
use crate::establishment::TimeZone;
use crate::event::Event;
use crate::i18n::Locale;
use crate::stay::{CustomFieldValue, Stay, StayStatus};
use crate::text;

/// The built-in fields; any other name in a policy is one of the business's own.
pub const BUILT_IN_FIELDS: [&str; 3] = ["participants", "notes", "arrival_time"];
/// Longest note a guest may leave on a booking.
pub const MAX_NOTES: usize = 2000;
/// Longest value of a custom text field.
pub const MAX_CUSTOM: usize = 200;

/// What the business lets guests change, and until when.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct EditPolicy {
    /// The editable fields; a field not listed cannot be changed by the guest.
    pub fields: Vec<FieldRule>,
    /// The reminder mail, if the business wants one.
    #[serde(default)]
    pub reminder: Option<ReminderRule>,
}

/// One editable field and its deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FieldRule {
    /// `participants`, `notes`, `arrival_time`, or the key of a custom field (`plate`).
    pub field: String,
    /// Editable until day D-n before arrival…
    pub days_before_arrival: u32,
    /// …at this local time; without it, through the whole of that day.
    #[serde(default)]
    pub at: Option<NaiveTime>,
    /// For a custom field: what it holds.
    #[serde(default)]
    pub kind: CustomKind,
    /// For a custom field: whether it may be left empty.
    #[serde(default)]
    pub required: bool,
    /// For a custom field: its label per language (« Plaque d'immatriculation »).
    #[serde(default)]
    pub labels: Vec<FieldLabel>,
}

/// What a custom field holds, and how it is checked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum CustomKind {
    /// One line of text, at most [`MAX_CUSTOM`] characters.
    #[default]
    Text,
    /// A licence plate: upper-cased, 2 to 12 letters or digits with spaces or dashes.
    LicencePlate,
    /// A whole number (`3` bicycles).
    Number,
}

/// A custom field's label in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FieldLabel {
    /// The language.
    pub locale: Locale,
    /// The label.
    pub text: String,
}

/// When the reminder goes, and the business's own words in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReminderRule {
    /// Days before the first deadline still open.
    pub days_before_deadline: u32,
    /// The hour the reminder goes out, on the establishment's wall clock (seed: « sélectionnez
    /// l'heure à laquelle le rappel doit être envoyé »): on the day `days_before_deadline`
    /// before the last day the field is open. None: exactly `days_before_deadline` × 24 h before the
    /// deadline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub at: Option<NaiveTime>,
    /// Extra text for the mail (`[TEXTE_RAPPEL]`).
    #[serde(default)]
    pub text: Option<String>,
}

impl ReminderRule {
    /// When the reminder for a field open until `deadline` goes out.
    ///
    /// ```
    /// use hospes::editable::ReminderRule;
    /// let tz: hospes::TimeZone = "Europe/Paris".parse().unwrap();
    /// let deadline = "2026-07-04T22:00:00Z".parse().unwrap(); // midnight, 5 July, in Paris
    /// let exact = ReminderRule { days_before_deadline: 2, at: None, text: None };
    /// assert_eq!(exact.moment(deadline, tz).to_rfc3339(), "2026-07-02T22:00:00+00:00");
    /// let at_nine = ReminderRule { at: "09:00:00".parse().ok(), ..exact };
    /// // Open until the end of 4 July: two days before, at 9 in the morning in Paris.
    /// assert_eq!(at_nine.moment(deadline, tz).to_rfc3339(), "2026-07-02T07:00:00+00:00");
    /// ```
    pub fn moment(&self, deadline: DateTime<Utc>, tz: TimeZone) -> DateTime<Utc> {
        let days = self.days_before_deadline;
        match self.at {
            None => deadline - chrono::Duration::days(i64::from(days)),
            Some(at) => {
                // The last day the field is open: a deadline at midnight closes the day before.
                let last_open = deadline - chrono::Duration::seconds(1);
                let deadline_day = last_open.with_timezone(&tz.tz()).date_naive();
                let day = deadline_day
                    .checked_sub_days(Days::new(u64::from(days)))
                    .unwrap_or(deadline_day);
                instant(tz, NaiveDateTime::new(day, at))
            }
        }
    }
}

/// One field of the window: until when, and how long is left.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FieldWindow {
    /// The field.
    pub field: String,
    /// Its deadline.
    pub deadline: DateTime<Utc>,
    /// Whether the guest may still change it directly.
    pub open: bool,
    /// Seconds left (0 once closed): what the guest is shown.
    pub remaining_seconds: i64,
}

/// What the guest may change on a stay at a given moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct EditWindow {
    /// The stay.
    pub stay_reference: String,
    /// Each field of the policy; all closed for a stay under way, over or cancelled.
    pub fields: Vec<FieldWindow>,
    /// The first deadline still open, if any.
    pub next_deadline: Option<DateTime<Utc>>,
}

/// A guest's change: the fields present are the ones changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BookingChange {
    /// The whole list of participants.
    #[serde(default)]
    pub participants: Option<Vec<Companion>>,
    /// The notes; an empty string clears them.
    #[serde(default)]
    pub notes: Option<String>,
    /// The arrival time.
    #[serde(default)]
    pub arrival_time: Option<NaiveTime>,
    /// Custom fields, by key; an empty value clears one (unless required).
    #[serde(default)]
    pub custom_fields: Vec<CustomFieldValue>,
}

/// A change asked after its deadline, for the business to approve or decline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ChangeRequest {
    /// The host's id for it.
    pub id: String,
    /// Whose.
    pub client_id: String,
    /// Which stay.
    pub stay_reference: String,
    /// When the guest asked.
    pub requested_at: DateTime<Utc>,
    /// The late fields, as the guest typed them (checked).
    pub change: BookingChange,
    /// What would change, field by field.
    pub changes: Vec<BookingFieldChange>,
}

/// The result of a change: the stay to store, a request for the late fields, the events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct EditOutcome {
    /// The stay with the changes allowed now (unchanged when none).
    pub stay: Stay,
    /// The fields past their deadline, waiting for the business.
    pub request: Option<ChangeRequest>,
    /// `booking_fields_edited` and/or `booking_change_requested`; none when nothing changed.
    pub events: Vec<Event>,
}

/// A reminder mail to send: which stay, which fields, until when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct EditReminder {
    /// Stable key: the host sends a reminder with a given key once.
    pub key: String,
    /// To whom.
    pub client_id: String,
    /// Which stay.
    pub stay_reference: String,
    /// The first deadline still open.
    pub deadline: DateTime<Utc>,
    /// Seconds left until then.
    pub remaining_seconds: i64,
    /// The fields still open.
    pub fields: Vec<String>,
    /// The business's extra text.
    pub text: Option<String>,
    /// The tag of the link the mail carries.
    pub tag: String,
}

impl EditPolicy {
    /// Checks the policy as the business saves it: known or well-formed field names, each once,
    /// labels for custom fields.
    ///
    /// ```
    /// let p: hospes::editable::EditPolicy = serde_json::from_str(r#"{"fields":[{"field":"notes","days_before_arrival":2},{"field":"notes","days_before_arrival":1}]}"#).unwrap();
    /// assert_eq!(p.check().unwrap_err().code(), "booking.policy_invalid");
    /// ```
    pub fn check(&self) -> Result<()> {
        for (i, rule) in self.fields.iter().enumerate() {
            let key_ok = rule
                .field
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_lowercase())
                && rule.field.len() <= 40
                && rule
                    .field
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            let invalid = |detail: String| Error::BookingPolicyInvalid { detail };
            if !key_ok {
                return Err(invalid(format!(
                    "field `{}`: write a-z, digits and _",
                    rule.field
                )));
            }
            if self
                .fields
                .iter()
                .skip(i + 1)
                .any(|r| r.field == rule.field)
            {
                return Err(invalid(format!("field `{}` is listed twice", rule.field)));
            }
            if !BUILT_IN_FIELDS.contains(&rule.field.as_str()) && rule.labels.is_empty() {
                return Err(invalid(format!(
                    "custom field `{}` needs a label",
                    rule.field
                )));
            }
        }
        Ok(())
    }

    fn rule(&self, field: &str) -> Result<&FieldRule> {
        self.fields
            .iter()
            .find(|r| r.field == field)
            .ok_or_else(|| Error::BookingFieldNotEditable {
                field: field.chars().take(40).collect(),
            })
    }
}

impl FieldRule {
    /// The instant the field closes for a stay arriving on `stay.arrival`, in `tz`.
    ///
    /// ```
    /// # let r: hospes::editable::FieldRule = serde_json::from_str(r#"{"field":"notes","days_before_arrival":1,"at":"18:00"}"#).unwrap();
    /// # let stay: hospes::Stay = serde_json::from_str(r#"{"reference":"1","client_id":"C","accommodation":"P","arrival":"2026-07-11","departure":"2026-07-18","status":"confirmed","currency":"EUR"}"#).unwrap();
    /// let paris = hospes::TimeZone::new("Europe/Paris").unwrap();
    /// assert_eq!(r.deadline(&stay, paris).to_rfc3339(), "2026-07-10T16:00:00+00:00");
    /// ```
    pub fn deadline(&self, stay: &Stay, tz: TimeZone) -> DateTime<Utc> {
        let day = stay
            .arrival
            .checked_sub_days(Days::new(u64::from(self.days_before_arrival)))
            .unwrap_or(stay.arrival);
        let local = match self.at {
            Some(at) => NaiveDateTime::new(day, at),
            None => NaiveDateTime::new(day.succ_opt().unwrap_or(day), NaiveTime::MIN),
        };
        instant(tz, local)
    }

    /// The label a guest reads: the policy's for a custom field, the catalogue's otherwise.
    pub fn label(&self, locale: Locale) -> String {
        if let Some(label) = self
            .labels
            .iter()
            .find(|l| l.locale == locale)
            .or_else(|| self.labels.first())
        {
            return label.text.clone();
        }
        crate::i18n::text(&format!("label-field-{}", self.field), &[], locale, locale)
    }
}

/// Whether a stay's fields can change at all: an option or a confirmed stay not yet begun.
fn stay_open(stay: &Stay, tz: TimeZone, now: DateTime<Utc>) -> bool {
    let today = now.with_timezone(&tz.tz()).date_naive();
    matches!(stay.status, StayStatus::Option | StayStatus::Confirmed) && today < stay.arrival
}

/// What the guest may change on `stay` at `now`, field by field, with the time remaining.
pub fn window(
    policy: &EditPolicy,
    stay: &Stay,
    tz: TimeZone,
    now: DateTime<Utc>,
) -> Result<EditWindow> {
    policy.check()?;
    let live = stay_open(stay, tz, now);
    let fields: Vec<FieldWindow> = policy
        .fields
        .iter()
        .map(|rule| {
            let deadline = rule.deadline(stay, tz);
            let open = live && now < deadline;
            FieldWindow {
                field: rule.field.clone(),
                deadline,
                open,
                remaining_seconds: if open {
                    (deadline - now).num_seconds()
                } else {
                    0
                },
            }
        })
        .collect();
    let next_deadline = fields.iter().filter(|f| f.open).map(|f| f.deadline).min();
    Ok(EditWindow {
        stay_reference: stay.reference.clone(),
        fields,
        next_deadline,
    })
}

/// Applies the guest's change: fields still open change now (`booking_fields_edited`, field by
/// field), fields past their deadline become a [`ChangeRequest`] with the host's `request_id`
/// (`booking_change_requested`). A field not in the policy: `booking.field_not_editable`; a stay
/// under way, over or cancelled: `stay.not_editable`.
pub fn apply(
    policy: &EditPolicy,
    stay: &Stay,
    tz: TimeZone,
    change: BookingChange,
    request_id: &str,
    now: DateTime<Utc>,
) -> Result<EditOutcome> {
    policy.check()?;
    if !stay_open(stay, tz, now) {
        return Err(Error::StayNotEditable {
            reference: stay.reference.clone(),
        });
    }
    let today = now.with_timezone(&tz.tz()).date_naive();
    let (now_part, late_part) = split(
        policy,
        stay,
        tz,
        normalized(policy, change, today.min(stay.arrival))?,
        now,
    )?;
    let (edited, changes) = changed(stay, &now_part);
    let mut events = Vec::new();
    if !changes.is_empty() {
        events.push(Event::BookingFieldsEdited {
            occurred_at: now,
            client_id: stay.client_id.clone(),
            stay_reference: stay.reference.clone(),
            changes,
        });
    }
    let (_, late_changes) = changed(stay, &late_part);
    let request = (!late_changes.is_empty()).then(|| ChangeRequest {
        id: request_id.to_owned(),
        client_id: stay.client_id.clone(),
        stay_reference: stay.reference.clone(),
        requested_at: now,
        change: late_part,
        changes: late_changes.clone(),
    });
    if let Some(request) = &request {
        events.push(Event::BookingChangeRequested {
            occurred_at: now,
            client_id: stay.client_id.clone(),
            stay_reference: stay.reference.clone(),
            request_id: request.id.clone(),
            changes: late_changes,
        });
    }
    Ok(EditOutcome {
        stay: edited,
        request,
        events,
    })
}

/// The business approves a late change: applied to the stay as it is now.
pub fn approve(request: &ChangeRequest, stay: &Stay, now: DateTime<Utc>) -> Result<EditOutcome> {
    same_stay(request, stay)?;
    let (edited, changes) = changed(stay, &request.change);
    Ok(EditOutcome {
        stay: edited,
        request: None,
        events: vec![Event::BookingChangeApproved {
            occurred_at: now,
            client_id: stay.client_id.clone(),
            stay_reference: stay.reference.clone(),
            request_id: request.id.clone(),
            changes,
        }],
    })
}

/// The business declines a late change, saying why.
pub fn decline(
    request: &ChangeRequest,
    reason: Option<String>,
    now: DateTime<Utc>,
) -> Result<Event> {
    Ok(Event::BookingChangeDeclined {
        occurred_at: now,
        client_id: request.client_id.clone(),
        stay_reference: request.stay_reference.clone(),
        request_id: request.id.clone(),
        reason: text::optional(reason.as_deref(), "reason", 500)?,
    })
}

/// The reminders due at `now`: one per stay whose reminder moment — the policy's days before
/// its first open deadline, at the policy's hour when it names one ([`ReminderRule::moment`]) —
/// has come, while that deadline is still ahead. The key names the
/// stay and the deadline, so a host that sends each key once never sends twice, and a host that
/// missed days sends one, not a burst.
pub fn reminders_due(
    policy: &EditPolicy,
    stays: &[Stay],
    tz: TimeZone,
    now: DateTime<Utc>,
) -> Result<Vec<EditReminder>> {
    let Some(rule) = &policy.reminder else {
        return Ok(vec![]);
    };
    let mut due = Vec::new();
    for stay in stays {
        let open = window(policy, stay, tz, now)?;
        let Some(deadline) = open.next_deadline else {
            continue;
        };
        if now >= rule.moment(deadline, tz) {
            due.push(reminder(
                policy,
                &open,
                stay,
                format!("booking-edit:{}:{}", stay.reference, deadline.to_rfc3339()),
                now,
            ));
        }
    }
    Ok(due)
}

/// The business re-sends the reminder by hand: a fresh key; `booking.nothing_editable` when no
/// field is open any more.
pub fn resend(
    policy: &EditPolicy,
    stay: &Stay,
    tz: TimeZone,
    now: DateTime<Utc>,
) -> Result<EditReminder> {
    let open = window(policy, stay, tz, now)?;
    if open.next_deadline.is_none() {
        return Err(Error::BookingNothingEditable {
            reference: stay.reference.clone(),
        });
    }
    Ok(reminder(
        policy,
        &open,
        stay,
        format!(
            "booking-edit:{}:manual:{}",
            stay.reference,
            now.to_rfc3339()
        ),
        now,
    ))
}

fn reminder(
    policy: &EditPolicy,
    open: &EditWindow,
    stay: &Stay,
    key: String,
    now: DateTime<Utc>,
) -> EditReminder {
    let deadline = open.next_deadline.unwrap_or(now);
    EditReminder {
        key,
        client_id: stay.client_id.clone(),
        stay_reference: stay.reference.clone(),
        deadline,
        remaining_seconds: (deadline - now).num_seconds().max(0),
        fields: open
            .fields
            .iter()
            .filter(|f| f.open)
            .map(|f| f.field.clone())
            .collect(),
        text: policy.reminder.as_ref().and_then(|r| r.text.clone()),
        tag: "[LIEN_MODIF_RESA]".into(),
    }
}

/// Checks and normalises every value of a change against the policy.
fn normalized(
    policy: &EditPolicy,
    change: BookingChange,
    today: chrono::NaiveDate,
) -> Result<BookingChange> {
    let participants = match change.participants {
        Some(list) => {
            policy.rule("participants")?;
            Some(
                list.into_iter()
                    .enumerate()
                    .map(|(i, p)| p.normalized(&format!("participants[{i}]"), today))
                    .collect::<Result<Vec<_>>>()?,
            )
        }
        None => None,
    };
    let notes = match change.notes {
        Some(notes) => {
            policy.rule("notes")?;
            Some(text::optional_multiline(Some(&notes), "notes", MAX_NOTES)?.unwrap_or_default())
        }
        None => None,
    };
    if change.arrival_time.is_some() {
        policy.rule("arrival_time")?;
    }
    let mut custom_fields = Vec::with_capacity(change.custom_fields.len());
    for field in change.custom_fields {
        let rule = policy.rule(&field.key)?;
        if BUILT_IN_FIELDS.contains(&field.key.as_str()) {
            return Err(Error::BookingFieldNotEditable { field: field.key });
        }
        let value = field.value.trim();
        let value = if value.is_empty() {
            if rule.required {
                return Err(Error::FieldRequired { field: field.key });
            }
            String::new()
        } else {
            match rule.kind {
                CustomKind::Text => text::required(value, &field.key, MAX_CUSTOM)?,
                CustomKind::LicencePlate => licence_plate(value)?,
                CustomKind::Number => {
                    value.parse::<u32>().map(|n| n.to_string()).map_err(|_| {
                        Error::InputInvalid {
                            detail: format!("{}: `{}` is not a whole number", field.key, value),
                        }
                    })?
                }
            }
        };
        custom_fields.push(CustomFieldValue {
            key: field.key,
            value,
        });
    }
    Ok(BookingChange {
        participants,
        notes,
        arrival_time: change.arrival_time,
        custom_fields,
    })
}

/// Splits a change into the fields still open and those past their deadline.
fn split(
    policy: &EditPolicy,
    stay: &Stay,
    tz: TimeZone,
    change: BookingChange,
    now: DateTime<Utc>,
) -> Result<(BookingChange, BookingChange)> {
    let open = |field: &str| -> Result<bool> { Ok(now < policy.rule(field)?.deadline(stay, tz)) };
    let mut on_time = BookingChange::default();
    let mut late = BookingChange::default();
    if let Some(p) = change.participants {
        side(open("participants")?, &mut on_time, &mut late).participants = Some(p);
    }
    if let Some(n) = change.notes {
        side(open("notes")?, &mut on_time, &mut late).notes = Some(n);
    }
    if let Some(t) = change.arrival_time {
        side(open("arrival_time")?, &mut on_time, &mut late).arrival_time = Some(t);
    }
    for field in change.custom_fields {
        side(open(&field.key)?, &mut on_time, &mut late)
            .custom_fields
            .push(field);
    }
    Ok((on_time, late))
}

/// The part of a split change a field goes to.
fn side<'a>(
    open: bool,
    on_time: &'a mut BookingChange,
    late: &'a mut BookingChange,
) -> &'a mut BookingChange {
    if open { on_time } else { late }
}

/// The stay with `change` applied, and what changed, field by field.
fn changed(stay: &Stay, change: &BookingChange) -> (Stay, Vec<BookingFieldChange>) {
    let mut out = stay.clone();
    let mut changes = Vec::new();
    let mut record = |field: &str, before: Option<String>, after: Option<String>| {
        if before != after {
            changes.push(BookingFieldChange {
                field: field.to_owned(),
                before,
                after,
            });
        }
    };
    let names = |list: &[Companion]| {
        let text = list
            .iter()
            .map(|p| match p.birth_date {
                Some(born) => format!("{} ({born})", p.full_name()),
                None => p.full_name(),
            })
            .collect::<Vec<_>>()
            .join(", ");
        (!text.is_empty()).then_some(text)
    };
    if let Some(participants) = &change.participants {
        record(
            "participants",
            names(&stay.participants),
            names(participants),
        );
        out.participants = participants.clone();
    }
    if let Some(notes) = &change.notes {
        let after = (!notes.is_empty()).then(|| notes.clone());
        record("notes", stay.notes.clone(), after.clone());
        out.notes = after;
    }
    if let Some(time) = change.arrival_time {
        let show = |t: NaiveTime| t.format("%H:%M").to_string();
        record(
            "arrival_time",
            stay.arrival_time.map(show),
            Some(show(time)),
        );
        out.arrival_time = Some(time);
    }
    for field in &change.custom_fields {
        let before = stay
            .custom_fields
            .iter()
            .find(|f| f.key == field.key)
            .map(|f| f.value.clone());
        let after = (!field.value.is_empty()).then(|| field.value.clone());
        record(&field.key, before, after.clone());
        out.custom_fields.retain(|f| f.key != field.key);
        if let Some(value) = after {
            out.custom_fields.push(CustomFieldValue {
                key: field.key.clone(),
                value,
            });
        }
    }
    (out, changes)
}

fn same_stay(request: &ChangeRequest, stay: &Stay) -> Result<()> {
    if request.stay_reference == stay.reference && request.client_id == stay.client_id {
        Ok(())
    } else {
        Err(Error::InputInvalid {
            detail: format!(
                "request {} is for stay {}, not {}",
                request.id, request.stay_reference, stay.reference
            ),
        })
    }
}
