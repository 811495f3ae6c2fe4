//! How the register keeps each client: a slot of packed texts and figures, and its hot part
//! (liveness, the default order's key, when they could be present) kept densely apart.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::fold::{fold, fold_into, phone_digits_into, plate_key_into};
use super::query::{Criteria, RegisterQuery};
use crate::address::Country;
use crate::client::{Civility, ClientKind};
use crate::stay::StayStatus;

// The texts of a slot, packed in one string; `ends[i]` is where field `i` ends.
pub(super) const ID: usize = 0;
pub(super) const LAST: usize = 1;
pub(super) const FIRST: usize = 2;
pub(super) const COMPANY: usize = 3;
pub(super) const LINES: usize = 4;
pub(super) const POSTCODE: usize = 5;
pub(super) const CITY: usize = 6;
pub(super) const LANDLINE: usize = 7;
pub(super) const MOBILE: usize = 8;
pub(super) const EMAIL: usize = 9;
pub(super) const PLATES: usize = 10;
pub(super) const FIELDS: usize = 11;
/// The fields the search box looks in.
pub(super) const SEARCHED: [usize; 4] = [LAST, FIRST, COMPANY, EMAIL];

#[derive(Debug, Clone, Copy)]
pub(super) struct Span {
    pub(super) arrival: NaiveDate,
    pub(super) departure: NaiveDate,
    pub(super) status: StayStatus,
}

impl Span {
    /// Whether the stay counts as one: not cancelled, not an option never confirmed.
    pub(super) fn counts(self) -> bool {
        !matches!(self.status, StayStatus::Cancelled | StayStatus::Option)
    }
}

/// What every search reads of a slot, kept densely by slot so that scanning many matches
/// touches little memory: the default order's key, and when the client could be present.
#[derive(Debug, Clone, Copy)]
pub(super) struct Hot {
    /// The first 16 bytes of the folded name (last name or company, then first name).
    pub(super) name: u128,
    /// Earliest arrival and latest departure of any stay, in days from the common era.
    pub(super) reach: (i32, i32),
}

impl Hot {
    pub(super) fn may_be_present(&self, today: i32) -> bool {
        self.reach.0 <= today && today <= self.reach.1
    }
}

/// Which slots hold a client, one bit each: a search over many matches reads this alone.
#[derive(Debug, Default)]
pub(super) struct Living {
    words: Vec<u64>,
}

impl Living {
    pub(super) fn get(&self, ordinal: u32) -> bool {
        self.words
            .get(ordinal as usize / 64)
            .is_some_and(|word| word & (1 << (ordinal % 64)) != 0)
    }

    pub(super) fn set(&mut self, ordinal: u32, alive: bool) {
        let index = ordinal as usize / 64;
        if self.words.len() <= index {
            self.words.resize(index + 1, 0);
        }
        if let Some(word) = self.words.get_mut(index) {
            if alive {
                *word |= 1 << (ordinal % 64);
            } else {
                *word &= !(1 << (ordinal % 64));
            }
        }
    }

    /// Writes the slots set, ascending, to the start of `out`, and clears them.
    pub(super) fn drain_into(&mut self, out: &mut [u32]) {
        let mut place = out.iter_mut();
        for (index, word) in self.words.iter_mut().enumerate() {
            while *word != 0 {
                let bit = word.trailing_zeros();
                *word &= *word - 1;
                if let Some(slot) = place.next() {
                    *slot = u32::try_from(index * 64).unwrap_or(u32::MAX) + bit;
                }
            }
        }
    }

    /// The first `count` slots living, the others not.
    pub(super) fn first(count: u32) -> Living {
        let mut living = Living::default();
        for ordinal in 0..count {
            living.set(ordinal, true);
        }
        living
    }
}

/// Buffers reused from one client to the next while indexing.
#[derive(Debug, Default)]
pub(super) struct Scratch {
    pub(super) folded: [String; 4],
    pub(super) grams: Vec<u64>,
}

#[derive(Debug)]
pub(super) struct Slot {
    pub(super) text: Box<str>,
    pub(super) ends: [u16; FIELDS],
    pub(super) civility: Option<Civility>,
    pub(super) kind: ClientKind,
    pub(super) country: Option<Country>,
    pub(super) created_on: NaiveDate,
    pub(super) stays: Box<[Span]>,
    pub(super) revenue_excl_vat: Decimal,
    pub(super) revenue_incl_vat: Decimal,
    pub(super) due: Decimal,
}

impl Slot {
    pub(super) fn field(&self, i: usize) -> &str {
        let start = match i.checked_sub(1) {
            Some(previous) => self.ends.get(previous).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(i).copied().unwrap_or(0);
        self.text
            .get(usize::from(start)..usize::from(end))
            .unwrap_or("")
    }

    /// The folded name the register sorts by: last name (else company), then first name.
    pub(super) fn sort_name(&self) -> (String, String) {
        let last = Some(self.field(LAST))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| self.field(COMPANY));
        (fold(last), fold(self.field(FIRST)))
    }

    pub(super) fn optional(&self, i: usize) -> Option<String> {
        Some(self.field(i))
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    }

    pub(super) fn present(&self, today: NaiveDate) -> bool {
        self.stays
            .iter()
            .any(|s| s.arrival <= today && today <= s.departure)
    }

    pub(super) fn first_stay(&self) -> Option<NaiveDate> {
        self.stays
            .iter()
            .filter(|s| s.counts())
            .map(|s| s.arrival)
            .min()
    }

    pub(super) fn last_stay(&self, today: NaiveDate) -> Option<NaiveDate> {
        self.stays
            .iter()
            .filter(|s| s.counts() && s.arrival <= today)
            .map(|s| s.arrival)
            .max()
    }

    pub(super) fn next_stay(&self, today: NaiveDate) -> Option<NaiveDate> {
        self.stays
            .iter()
            .filter(|s| s.counts() && s.arrival > today)
            .map(|s| s.arrival)
            .min()
    }

    pub(super) fn stay_count(&self) -> u32 {
        u32::try_from(self.stays.iter().filter(|s| s.counts()).count()).unwrap_or(u32::MAX)
    }

    pub(super) fn lines(&self, i: usize) -> Vec<String> {
        self.field(i)
            .split('\n')
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    }

    pub(super) fn matches_text(&self, fragment: &str, scratch: &mut String) -> bool {
        SEARCHED.iter().any(|&i| {
            fold_into(self.field(i), scratch);
            scratch.contains(fragment)
        })
    }

    /// Whether the slot meets every criterion but the text; `scratch` is reused.
    pub(super) fn matches(
        &self,
        query: &RegisterQuery,
        criteria: &Criteria,
        today: NaiveDate,
        scratch: &mut String,
    ) -> bool {
        if query.present_only && !self.present(today) {
            return false;
        }
        if query.kind.is_some_and(|kind| kind != self.kind) {
            return false;
        }
        if query.country.is_some_and(|c| Some(c) != self.country) {
            return false;
        }
        if query
            .created_year
            .is_some_and(|year| year != self.created_on.year())
        {
            return false;
        }
        if let Some(city) = &criteria.city {
            fold_into(self.field(CITY), scratch);
            if !scratch.contains(city.as_str()) {
                return false;
            }
        }
        if let Some(phone) = &criteria.phone {
            let found = [LANDLINE, MOBILE]
                .iter()
                .any(|&i| phone_digits_into(self.field(i), scratch).contains(phone.as_str()));
            if !found {
                return false;
            }
        }
        if let Some(plate) = &criteria.plate {
            let found = self.field(PLATES).split('\n').any(|p| {
                plate_key_into(p, scratch);
                scratch.contains(plate.as_str())
            });
            if !found {
                return false;
            }
        }
        true
    }
}

/// A trigram: three folded characters, 21 bits each.
pub(super) fn trigram(a: char, b: char, c: char) -> u64 {
    (u64::from(a) << 42) | (u64::from(b) << 21) | u64::from(c)
}

pub(super) fn trigrams_of(folded: &str, out: &mut Vec<u64>) {
    let mut chars = folded.chars();
    let (Some(mut a), Some(mut b)) = (chars.next(), chars.next()) else {
        return;
    };
    for c in chars {
        out.push(trigram(a, b, c));
        a = b;
        b = c;
    }
}

/// The first 16 bytes of `folded_last`, a zero, `folded_first`, as a number that orders as
/// they do.
pub(super) fn name_key(folded_last: &str, folded_first: &str) -> u128 {
    let mut key = [0u8; 16];
    let bytes = folded_last.bytes().chain([0]).chain(folded_first.bytes());
    for (slot, byte) in key.iter_mut().zip(bytes) {
        *slot = byte;
    }
    u128::from_be_bytes(key)
}

/// Bytes that order the other way round: each inverted, then a terminator that puts a longer
/// text before its own beginning.
pub(super) fn reversed(bytes: &[u8]) -> Vec<u8> {
    bytes.iter().map(|b| !b).chain([u8::MAX]).collect()
}

pub(super) fn days(date: NaiveDate) -> i32 {
    date.num_days_from_ce()
}
