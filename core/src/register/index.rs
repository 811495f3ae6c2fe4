//! The held register: every client's line packed small, and a trigram index over the names,
//! companies and e-mails, so that a fragment is found among a million clients in well under a
//! millisecond.
//!
//! Each client is a slot. Changing a client retires their slot and appends a new one, so the
//! trigram lists stay sorted by slot without ever being rewritten; retired slots are skipped.
//! [`Register::tidy`] sweeps them away and renumbers the slots in the register's default order
//! (by name), so that the first page of a search by name stops after its fifty rows.

use std::collections::HashMap;
use std::hash::BuildHasher;

use foldhash::quality::RandomState;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::entry::RegisterEntry;
use super::fold::fold_into;
use super::query::{CountryCount, RegisterPage, RegisterQuery};
use super::row::RegisterRow;
use super::slot::{
    CITY, COMPANY, EMAIL, FIELDS, FIRST, Hot, ID, LANDLINE, LAST, LINES, Living, MOBILE, PLATES,
    POSTCODE, SEARCHED, Scratch, Slot, Span, days, name_key, trigrams_of,
};
use crate::address::{Address, Country};
use crate::client::ClientKind;
use crate::error::{Error, Result};
use crate::establishment::TimeZone;
use crate::money::{Currency, Money};
use crate::stay::StayStatus;

/// What a register needs to know of the establishment: its currency (the revenue's) and its
/// time zone (what "today" and a creation year are).
///
/// ```
/// let config: hospes::register::RegisterConfig = serde_json::from_str(r#"{"currency": "EUR", "time_zone": "Europe/Paris"}"#).unwrap();
/// assert_eq!(config, hospes::register::RegisterConfig::default());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RegisterConfig {
    /// The currency of the revenue and amounts due.
    pub currency: Currency,
    /// The establishment's time zone.
    pub time_zone: TimeZone,
}

impl Default for RegisterConfig {
    fn default() -> Self {
        RegisterConfig {
            currency: Currency::EUR,
            time_zone: TimeZone::PARIS,
        }
    }
}

/// A register as one value: its configuration and its clients. A small register travels whole
/// (the operations of the wire take it so); a large one is made from its configuration alone,
/// then filled in batches with [`Register::upsert_all`].
///
/// ```
/// let source: hospes::register::RegisterSource = serde_json::from_str(r#"{"config": {"currency": "EUR", "time_zone": "Europe/Paris"}}"#).unwrap();
/// assert!(hospes::register::Register::from_source(source).unwrap().is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RegisterSource {
    /// The establishment's currency and time zone.
    pub config: RegisterConfig,
    /// The clients.
    #[serde(default)]
    pub entries: Vec<RegisterEntry>,
}

/// The slots' numbers by client id: a table of bare numbers, each beside 32 bits of its id's
/// hash (so that growing the table never reads the slots), the id itself read back from its
/// slot. Hashed with a random key.
#[derive(Debug, Default)]
struct Ids {
    table: hashbrown::HashTable<(u32, u32)>,
    hasher: RandomState,
}

fn id_of(slots: &[Option<Slot>], ordinal: u32) -> &str {
    slots
        .get(ordinal as usize)
        .and_then(Option::as_ref)
        .map_or("", |slot| slot.field(ID))
}

/// The table's hash of an id's 32 kept bits: the same bits high and low, as the table reads
/// both ends.
fn spread(bits: u32) -> u64 {
    (u64::from(bits) << 32) | u64::from(bits)
}

impl Ids {
    fn len(&self) -> usize {
        self.table.len()
    }

    fn bits(&self, id: &str) -> u32 {
        let hash = self.hasher.hash_one(id);
        (hash ^ (hash >> 32)) as u32
    }

    fn get(&self, slots: &[Option<Slot>], id: &str) -> Option<u32> {
        let bits = self.bits(id);
        self.table
            .find(spread(bits), |&(o, b)| b == bits && id_of(slots, o) == id)
            .map(|&(o, _)| o)
    }

    fn remove(&mut self, slots: &[Option<Slot>], id: &str) -> Option<u32> {
        let bits = self.bits(id);
        let entry = self
            .table
            .find_entry(spread(bits), |&(o, b)| b == bits && id_of(slots, o) == id)
            .ok()?;
        Some(entry.remove().0.0)
    }

    /// Adds `ordinal`, whose slot holds `id`.
    fn insert(&mut self, id: &str, ordinal: u32) {
        let bits = self.bits(id);
        self.table
            .insert_unique(spread(bits), (ordinal, bits), |&(_, b)| spread(b));
    }

    fn renumber(&mut self, map: impl Fn(u32) -> u32) {
        for (ordinal, _) in self.table.iter_mut() {
            *ordinal = map(*ordinal);
        }
    }
}

/// The client register held in memory: built from the host's rows, kept current with
/// [`upsert`](Register::upsert) and [`remove`](Register::remove), searched many times. It is
/// an index: the host can always rebuild it from its database, and it holds no notes.
///
/// ```
/// use hospes::register::{Register, RegisterConfig, RegisterEntry, RegisterQuery};
/// let mut register = Register::new(RegisterConfig::default());
/// for (id, last, first) in [("C-1", "Lefèvre", "Élodie"), ("C-2", "Dupont", "Marie")] {
///     let json = format!(r#"{{"client": {{"id": "{id}", "last_name": "{last}", "first_name": "{first}", "created_at": "2026-01-15T09:30:00Z"}}}}"#);
///     register.upsert(serde_json::from_str::<RegisterEntry>(&json).unwrap()).unwrap();
/// }
/// let query = RegisterQuery { text: Some("LEFEV".into()), present_only: false, ..RegisterQuery::default() };
/// let page = register.search(&query, "2026-06-01".parse().unwrap()).unwrap();
/// assert_eq!(page.total, 1);
/// assert_eq!(page.rows[0].first_name.as_deref(), Some("Élodie"));
/// ```
#[derive(Debug)]
pub struct Register {
    config: RegisterConfig,
    pub(super) slots: Vec<Option<Slot>>,
    pub(super) hot: Vec<Hot>,
    pub(super) living: Living,
    /// The slots before this one are in the default order (by name, then id).
    pub(super) ordered: u32,
    /// Each living slot's number, found by the client's id (the id itself lives in the slot:
    /// four bytes a client here).
    by_id: Ids,
    pub(super) trigrams: HashMap<u64, Vec<u32>, RandomState>,
    scratch: Scratch,
}

impl Register {
    /// An empty register.
    ///
    /// ```
    /// let register = hospes::register::Register::new(Default::default());
    /// assert_eq!(register.len(), 0);
    /// ```
    pub fn new(config: RegisterConfig) -> Register {
        Register {
            config,
            slots: Vec::new(),
            hot: Vec::new(),
            living: Living::default(),
            ordered: 0,
            by_id: Ids::default(),
            trigrams: HashMap::default(),
            scratch: Scratch::default(),
        }
    }

    /// A register of `source`'s clients; the first refused is named (see [`upsert`](Register::upsert)).
    ///
    /// ```
    /// # use hospes::register::{Register, RegisterSource};
    /// let source: RegisterSource = serde_json::from_str(r#"{"config": {"currency": "EUR", "time_zone": "Europe/Paris"},
    ///   "entries": [{"client": {"id": "C-1", "last_name": "Dupont", "created_at": "2026-01-15T09:30:00Z"}}]}"#).unwrap();
    /// assert_eq!(Register::from_source(source).unwrap().len(), 1);
    /// ```
    pub fn from_source(source: RegisterSource) -> Result<Register> {
        let mut register = Register::new(source.config);
        register.upsert_all(source.entries)?;
        Ok(register)
    }

    /// The lines of `entries` as of `now`, in their order, without keeping them.
    ///
    /// ```
    /// # use hospes::register::{Register, RegisterEntry};
    /// let entries: Vec<RegisterEntry> = serde_json::from_str(r#"[{"client": {"id": "C-1", "last_name": "Dupont", "created_at": "2026-01-15T09:30:00Z"}}]"#).unwrap();
    /// let rows = Register::rows(Default::default(), entries, "2026-06-01T10:00:00Z".parse().unwrap()).unwrap();
    /// assert_eq!(rows[0].created_on.to_string(), "2026-01-15");
    /// ```
    pub fn rows(
        config: RegisterConfig,
        entries: Vec<RegisterEntry>,
        now: DateTime<Utc>,
    ) -> Result<Vec<RegisterRow>> {
        let register = Register::new(config);
        let today = register.today(now);
        let mut scratch = Scratch::default();
        entries
            .into_iter()
            .map(|entry| {
                let (_, slot, _) = register.slot(entry, &mut scratch)?;
                Ok(register.row_of(&slot, today))
            })
            .collect()
    }

    /// Its configuration.
    ///
    /// ```
    /// let register = hospes::register::Register::new(Default::default());
    /// assert_eq!(register.config().currency, hospes::Currency::EUR);
    /// ```
    pub fn config(&self) -> &RegisterConfig {
        &self.config
    }

    /// Clients held.
    ///
    /// ```
    /// assert!(hospes::register::Register::new(Default::default()).is_empty());
    /// ```
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// Whether it holds no client.
    ///
    /// ```
    /// assert!(hospes::register::Register::new(Default::default()).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.by_id.len() == 0
    }

    /// Adds a client, or replaces what it holds of them (same `client.id`). Refused, leaving
    /// the register as it was: an invoice in another currency than the register's
    /// (`money.currency_mismatch`), a client too large to index (`register.entry_invalid`).
    ///
    /// ```
    /// # use hospes::register::{Register, RegisterEntry};
    /// let mut register = Register::new(Default::default());
    /// let entry: RegisterEntry = serde_json::from_str(r#"{"client": {"id": "C-1", "last_name": "Dupont", "created_at": "2026-01-15T09:30:00Z"}}"#).unwrap();
    /// register.upsert(entry.clone()).unwrap();
    /// register.upsert(entry).unwrap();
    /// assert_eq!(register.len(), 1);
    /// ```
    pub fn upsert(&mut self, entry: RegisterEntry) -> Result<()> {
        let mut scratch = std::mem::take(&mut self.scratch);
        let packed = self.slot(entry, &mut scratch);
        let result = packed.and_then(|(id, slot, hot)| {
            let ordinal =
                u32::try_from(self.slots.len()).map_err(|_| Error::RegisterEntryInvalid {
                    client_id: id.chars().take(100).collect(),
                    detail: "the register is full".to_owned(),
                })?;
            if let Some(old) = self.by_id.remove(&self.slots, &id) {
                self.retire(old);
            }
            self.slots.push(Some(slot));
            self.hot.push(hot);
            self.living.set(ordinal, true);
            self.by_id.insert(&id, ordinal);
            for &gram in &scratch.grams {
                let list = self.trigrams.entry(gram).or_default();
                if list.len() == list.capacity() {
                    // Grow by a quarter, not double: the lists are most of the register's size.
                    list.reserve_exact((list.len() / 4).max(4));
                }
                list.push(ordinal);
            }
            Ok(())
        });
        self.scratch = scratch;
        result?;
        self.tidy_if_sparse();
        Ok(())
    }

    /// Adds or replaces many clients; stops at the first refused, naming it, with those
    /// before it kept (each is whole: a client is never half in).
    ///
    /// ```
    /// # use hospes::register::{Register, RegisterEntry};
    /// let mut register = Register::new(Default::default());
    /// let entries: Vec<RegisterEntry> = serde_json::from_str(r#"[{"client": {"id": "C-1", "last_name": "Dupont", "created_at": "2026-01-15T09:30:00Z"}},
    ///   {"client": {"id": "C-2", "last_name": "Martin", "created_at": "2026-01-16T09:30:00Z"}}]"#).unwrap();
    /// assert_eq!(register.upsert_all(entries).unwrap(), 2);
    /// ```
    pub fn upsert_all(&mut self, entries: Vec<RegisterEntry>) -> Result<u64> {
        let mut count = 0;
        for entry in entries {
            self.upsert(entry)?;
            count += 1;
        }
        Ok(count)
    }

    /// Forgets a client (deleted, or erased); `false` when it held no such client.
    ///
    /// ```
    /// # use hospes::register::{Register, RegisterEntry};
    /// # let mut register = Register::new(Default::default());
    /// # register.upsert(serde_json::from_str(r#"{"client": {"id": "C-1", "last_name": "Dupont", "created_at": "2026-01-15T09:30:00Z"}}"#).unwrap()).unwrap();
    /// assert!(register.remove("C-1"));
    /// assert!(!register.remove("C-1"));
    /// ```
    pub fn remove(&mut self, client_id: &str) -> bool {
        let Some(ordinal) = self.by_id.remove(&self.slots, client_id) else {
            return false;
        };
        self.retire(ordinal);
        self.tidy_if_sparse();
        true
    }

    /// Empties a slot; its number stays in the trigram lists until the next tidy.
    fn retire(&mut self, ordinal: u32) {
        if let Some(slot) = self.slots.get_mut(ordinal as usize) {
            *slot = None;
        }
        self.living.set(ordinal, false);
    }

    /// The row of one client as of `today`.
    ///
    /// ```
    /// # use hospes::register::{Register, RegisterEntry};
    /// # let mut register = Register::new(Default::default());
    /// # register.upsert(serde_json::from_str(r#"{"client": {"id": "C-1", "last_name": "Dupont", "created_at": "2026-01-15T09:30:00Z"}}"#).unwrap()).unwrap();
    /// let row = register.row("C-1", "2026-06-01".parse().unwrap()).unwrap();
    /// assert_eq!(row.kind, hospes::ClientKind::Prospect);
    /// assert_eq!(register.row("C-9", "2026-06-01".parse().unwrap()).unwrap_err().code(), "register.client_unknown");
    /// ```
    pub fn row(&self, client_id: &str, today: NaiveDate) -> Result<RegisterRow> {
        self.by_id
            .get(&self.slots, client_id)
            .and_then(|ordinal| self.live(ordinal))
            .map(|slot| self.row_of(slot, today))
            .ok_or_else(|| Error::RegisterClientUnknown {
                client_id: client_id.chars().take(100).collect(),
            })
    }

    /// The day it is at `now` in the establishment's zone.
    ///
    /// ```
    /// let register = hospes::register::Register::new(Default::default());
    /// assert_eq!(register.today("2026-06-30T22:30:00Z".parse().unwrap()).to_string(), "2026-07-01");
    /// ```
    pub fn today(&self, now: DateTime<Utc>) -> NaiveDate {
        now.with_timezone(&self.config.time_zone.tz()).date_naive()
    }

    /// The page of clients matching `query` as of `today`, and their count. Refused: a
    /// fragment too short (`register.query_too_short`), a page or size out of range
    /// (`register.query_invalid`).
    ///
    /// ```
    /// # use hospes::register::{Register, RegisterQuery};
    /// let register = Register::new(Default::default());
    /// let query = RegisterQuery { text: Some("du".into()), ..RegisterQuery::default() };
    /// assert_eq!(register.search(&query, "2026-06-01".parse().unwrap()).unwrap_err().code(), "register.query_too_short");
    /// ```
    pub fn search(&self, query: &RegisterQuery, today: NaiveDate) -> Result<RegisterPage> {
        let matches = self.matching(query, today)?;
        let total = matches.len() as u64;
        let size = query.page_size as usize;
        let start = (query.page as usize - 1).saturating_mul(size);
        let end = start.saturating_add(size).min(matches.len());
        let rows = if start >= matches.len() {
            Vec::new()
        } else {
            let mut candidates = self.candidates(matches, query, end);
            self.order(&mut candidates, query, today, end);
            candidates
                .get(start..end)
                .unwrap_or_default()
                .iter()
                .filter_map(|&o| self.live(o))
                .map(|slot| self.row_of(slot, today))
                .collect()
        };
        Ok(RegisterPage {
            total,
            page: query.page,
            page_size: query.page_size,
            rows,
        })
    }

    /// Every client matching `query` (its page ignored), in its order: for exports and labels.
    ///
    /// ```
    /// # use hospes::register::{Register, RegisterQuery};
    /// let register = Register::new(Default::default());
    /// let rows: Vec<_> = register.select(&RegisterQuery::default(), "2026-06-01".parse().unwrap()).unwrap().collect();
    /// assert!(rows.is_empty());
    /// ```
    pub fn select<'a>(
        &'a self,
        query: &RegisterQuery,
        today: NaiveDate,
    ) -> Result<impl Iterator<Item = RegisterRow> + 'a> {
        let mut matches = self.matching(query, today)?;
        let all = matches.len();
        self.order(&mut matches, query, today, all);
        Ok(matches
            .into_iter()
            .filter_map(move |o| self.live(o))
            .map(move |slot| self.row_of(slot, today)))
    }

    /// The countries of the register's clients, by code, with how many live in each.
    ///
    /// ```
    /// let register = hospes::register::Register::new(Default::default());
    /// assert!(register.countries().is_empty());
    /// ```
    pub fn countries(&self) -> Vec<CountryCount> {
        let mut counts: HashMap<Country, u64> = HashMap::new();
        for country in self.slots.iter().flatten().filter_map(|s| s.country) {
            *counts.entry(country).or_default() += 1;
        }
        let mut out: Vec<CountryCount> = counts
            .into_iter()
            .map(|(country, clients)| CountryCount { country, clients })
            .collect();
        out.sort_by(|a, b| a.country.code().cmp(b.country.code()));
        out
    }

    /// Slots matching `query`, ascending.
    fn matching(&self, query: &RegisterQuery, today: NaiveDate) -> Result<Vec<u32>> {
        let criteria = query.criteria()?;
        // A search by text alone reads nothing but the dense liveness of each match.
        let text_alone = !query.present_only
            && query.kind.is_none()
            && query.country.is_none()
            && query.created_year.is_none()
            && criteria.city.is_none()
            && criteria.phone.is_none()
            && criteria.plate.is_none();
        let day = days(today);
        let mut scratch = String::new();
        let mut keep = |ordinal: u32, check_text: bool| {
            if !self.living.get(ordinal) {
                return false;
            }
            if query.present_only
                && !self
                    .hot
                    .get(ordinal as usize)
                    .is_some_and(|hot| hot.may_be_present(day))
            {
                return false;
            }
            if text_alone && !check_text {
                return true;
            }
            self.live(ordinal).is_some_and(|slot| {
                slot.matches(query, &criteria, today, &mut scratch)
                    && (!check_text
                        || criteria
                            .text
                            .as_deref()
                            .is_none_or(|t| slot.matches_text(t, &mut scratch)))
            })
        };
        let Some(text) = &criteria.text else {
            return Ok((0..self.slot_count()).filter(|&o| keep(o, false)).collect());
        };
        let mut grams = Vec::new();
        trigrams_of(text, &mut grams);
        grams.sort_unstable();
        grams.dedup();
        let mut lists = Vec::with_capacity(grams.len());
        for gram in &grams {
            match self.trigrams.get(gram) {
                Some(list) => lists.push(list.as_slice()),
                None => return Ok(Vec::new()),
            }
        }
        lists.sort_by_key(|list| list.len());
        let Some((shortest, others)) = lists.split_first() else {
            return Ok(Vec::new());
        };
        // A three-letter fragment is its own trigram: the list is the answer. A longer one is
        // narrowed by its other trigrams, then checked whole (its trigrams may lie in
        // different fields).
        let exact = text.chars().count() == 3;
        Ok(shortest
            .iter()
            .copied()
            .filter(|o| others.iter().all(|list| list.binary_search(o).is_ok()))
            .filter(|&o| keep(o, !exact))
            .collect())
    }

    /// Renumbers the slots found by id.
    pub(super) fn renumber_ids(&mut self, map: impl Fn(u32) -> u32) {
        self.by_id.renumber(map);
    }

    pub(super) fn slot_count(&self) -> u32 {
        u32::try_from(self.slots.len()).unwrap_or(u32::MAX)
    }

    pub(super) fn live(&self, ordinal: u32) -> Option<&Slot> {
        self.slots.get(ordinal as usize).and_then(Option::as_ref)
    }

    fn row_of(&self, slot: &Slot, today: NaiveDate) -> RegisterRow {
        let currency = self.config.currency;
        RegisterRow {
            client_id: slot.field(ID).to_owned(),
            civility: slot.civility,
            last_name: slot.optional(LAST),
            first_name: slot.optional(FIRST),
            company: slot.optional(COMPANY),
            address: Address {
                lines: slot.lines(LINES),
                postcode: slot.optional(POSTCODE),
                city: slot.optional(CITY),
                country: slot.country,
            },
            landline: slot.optional(LANDLINE),
            mobile: slot.optional(MOBILE),
            email: slot.optional(EMAIL),
            licence_plates: slot.lines(PLATES),
            kind: slot.kind,
            created_on: slot.created_on,
            first_stay: slot.first_stay(),
            stays: slot.stay_count(),
            last_stay: slot.last_stay(today),
            next_stay: slot.next_stay(today),
            present: slot.present(today),
            revenue_excl_vat: Money::new(slot.revenue_excl_vat, currency),
            revenue_incl_vat: Money::new(slot.revenue_incl_vat, currency),
            due: Money::new(slot.due, currency),
        }
    }

    /// Packs an entry into a slot and its hot part; its trigrams are left in `scratch.grams`.
    fn slot(&self, entry: RegisterEntry, scratch: &mut Scratch) -> Result<(String, Slot, Hot)> {
        let RegisterEntry {
            client,
            stays,
            invoices,
        } = entry;
        let invalid = |detail: String| Error::RegisterEntryInvalid {
            client_id: client.id.chars().take(100).collect(),
            detail,
        };
        if client.id.trim().is_empty() {
            return Err(invalid("the client has no id".to_owned()));
        }
        let currency = self.config.currency;
        let mut revenue_excl_vat = Money::zero(currency);
        let mut revenue_incl_vat = Money::zero(currency);
        let mut due = Money::zero(currency);
        for invoice in &invoices {
            revenue_excl_vat = revenue_excl_vat.checked_add(&invoice.revenue_excl_vat)?;
            revenue_incl_vat = revenue_incl_vat.checked_add(&invoice.revenue_incl_vat)?;
            due = due.checked_add(&invoice.due)?;
        }
        let spans: Box<[Span]> = stays
            .iter()
            .map(|s| Span {
                arrival: s.arrival,
                departure: s.departure,
                status: s.status,
            })
            .collect();
        let kind = match client.kind {
            ClientKind::Resident | ClientKind::TourOperator => client.kind,
            _ if spans.iter().any(|s| s.status == StayStatus::Resident) => ClientKind::Resident,
            _ if spans.iter().any(|s| s.counts()) => ClientKind::Stayer,
            _ => ClientKind::Prospect,
        };
        let address = &client.address;
        let lines = address.lines.join("\n");
        let plates = client.licence_plates.join("\n");
        let fields: [&str; FIELDS] = [
            &client.id,
            client.last_name.as_deref().unwrap_or(""),
            client.first_name.as_deref().unwrap_or(""),
            client.company.as_deref().unwrap_or(""),
            &lines,
            address.postcode.as_deref().unwrap_or(""),
            address.city.as_deref().unwrap_or(""),
            client.landline.as_deref().unwrap_or(""),
            client.mobile.as_deref().unwrap_or(""),
            client.email.as_deref().unwrap_or(""),
            &plates,
        ];
        let mut text = String::with_capacity(fields.iter().map(|f| f.len()).sum());
        let mut ends = [0u16; FIELDS];
        for (end, field) in ends.iter_mut().zip(fields) {
            text.push_str(field);
            *end = u16::try_from(text.len())
                .map_err(|_| invalid(format!("its texts exceed {} bytes", u16::MAX)))?;
        }
        let grams = &mut scratch.grams;
        grams.clear();
        for (folded, field) in scratch.folded.iter_mut().zip(SEARCHED) {
            fold_into(fields.get(field).copied().unwrap_or(""), folded);
            trigrams_of(folded, grams);
        }
        grams.sort_unstable();
        grams.dedup();
        let [last, first, company, _] = &scratch.folded;
        let hot = Hot {
            name: name_key(if last.is_empty() { company } else { last }, first),
            reach: spans.iter().fold((i32::MAX, i32::MIN), |(from, to), span| {
                (from.min(days(span.arrival)), to.max(days(span.departure)))
            }),
        };
        let created_on = client
            .created_at
            .with_timezone(&self.config.time_zone.tz())
            .date_naive();
        let slot = Slot {
            text: text.into_boxed_str(),
            ends,
            civility: client.civility,
            kind,
            country: address.country,
            created_on,
            stays: spans,
            revenue_excl_vat: revenue_excl_vat.amount,
            revenue_incl_vat: revenue_incl_vat.amount,
            due: due.amount,
        };
        Ok((client.id, slot, hot))
    }
}
