//! The register's order: any column, either way, ties by name then id — the same whether a
//! page is asked for or every row.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::fold::fold;
use super::index::Register;
use super::query::RegisterQuery;
use super::row::RegisterColumn;
use super::slot::{
    CITY, COMPANY, EMAIL, FIRST, ID, LANDLINE, LINES, MOBILE, PLATES, POSTCODE, name_key, reversed,
};

/// Puts the `needed` smallest of `items` first, in order.
fn settle<K: Ord>(items: &mut [(K, u32)], needed: usize) {
    if needed == 0 {
        return;
    }
    if needed < items.len() {
        items.select_nth_unstable_by(needed - 1, |a, b| a.cmp(b));
    }
    if let Some(head) = items.get_mut(..needed) {
        head.sort_unstable();
    }
}

impl Register {
    /// Puts the first `upto` of `matches` in the query's order: by a 128-bit prefix of each
    /// one's value first (dense and cheap), then, only within runs of equal prefixes, by the
    /// whole value, the name and the id.
    pub(super) fn order(
        &self,
        matches: &mut [u32],
        query: &RegisterQuery,
        today: NaiveDate,
        upto: usize,
    ) {
        let column = query.sort;
        let descending = query.descending;
        let mut keyed: Vec<(u128, u32)> = matches
            .iter()
            .map(|&o| {
                let key = self.prefix(o, column, today);
                (if descending { !key } else { key }, o)
            })
            .collect();
        let upto = upto.min(keyed.len());
        if upto == 0 {
            return;
        }
        if upto < keyed.len() {
            keyed.select_nth_unstable_by_key(upto - 1, |&(key, _)| key);
            // Everything whose prefix ties with the last one taken may belong in the page.
            let boundary = keyed.get(upto - 1).map_or(0, |&(key, _)| key);
            keyed.retain(|&(key, _)| key <= boundary);
        }
        keyed.sort_unstable_by_key(|&(key, _)| key);
        let mut start = 0;
        while start < upto.min(keyed.len()) {
            let key = keyed.get(start).map_or(0, |&(key, _)| key);
            let end = keyed
                .iter()
                .skip(start)
                .position(|&(k, _)| k != key)
                .map_or(keyed.len(), |n| start + n);
            if end - start > 1
                && let Some(run) = keyed.get_mut(start..end)
            {
                // Only the first `needed` of a long run reach the page: each one's whole key is
                // read once, the needed ones selected, then sorted.
                let needed = (upto - start).min(run.len());
                let name = if descending { !key } else { key };
                if column == RegisterColumn::LastName && name & 0xFF == 0 {
                    // The whole name fits in the prefix: the same name, so by id alone.
                    let mut ids: Vec<(&str, u32)> =
                        run.iter().map(|&(_, o)| (self.id(o), o)).collect();
                    settle(&mut ids, needed);
                    for (place, (_, o)) in run.iter_mut().zip(ids) {
                        place.1 = o;
                    }
                } else {
                    let mut full: Vec<_> = run
                        .iter()
                        .map(|&(_, o)| (self.tie_key(o, column, descending), o))
                        .collect();
                    settle(&mut full, needed);
                    for (place, (_, o)) in run.iter_mut().zip(full) {
                        place.1 = o;
                    }
                }
            }
            start = end;
        }
        for (place, (_, ordinal)) in matches.iter_mut().zip(keyed.into_iter().take(upto)) {
            *place = ordinal;
        }
    }

    fn id(&self, ordinal: u32) -> &str {
        self.live(ordinal).map_or("", |slot| slot.field(ID))
    }

    /// An order-preserving 128-bit prefix of slot `ordinal`'s value in `column`.
    fn prefix(&self, ordinal: u32, column: RegisterColumn, today: NaiveDate) -> u128 {
        if column == RegisterColumn::LastName {
            return self.hot.get(ordinal as usize).map_or(0, |hot| hot.name);
        }
        let Some(slot) = self.live(ordinal) else {
            return 0;
        };
        let text = |s: &str| name_key(&fold(s), "");
        let date = |d: Option<NaiveDate>| {
            d.map_or(0, |d| {
                u128::from(d.num_days_from_ce().unsigned_abs()) + (1 << 32)
            })
        };
        let amount = |d: Decimal| {
            let scaled = (d * Decimal::from(10_000)).round();
            let value = i64::try_from(scaled).unwrap_or(if d.is_sign_negative() {
                i64::MIN
            } else {
                i64::MAX
            });
            u128::from((value as u64) ^ (1 << 63))
        };
        match column {
            RegisterColumn::LastName => 0,
            RegisterColumn::ClientId => name_key(slot.field(ID), ""),
            RegisterColumn::Civility => slot.civility.map_or(0, |c| c as u128 + 1),
            RegisterColumn::FirstName => text(slot.field(FIRST)),
            RegisterColumn::Company => text(slot.field(COMPANY)),
            RegisterColumn::Address => text(slot.field(LINES)),
            RegisterColumn::Postcode => text(slot.field(POSTCODE)),
            RegisterColumn::City => text(slot.field(CITY)),
            RegisterColumn::Country => slot.country.map_or(0, |c| name_key(c.code(), "")),
            RegisterColumn::Landline => text(slot.field(LANDLINE)),
            RegisterColumn::Mobile => text(slot.field(MOBILE)),
            RegisterColumn::Email => text(slot.field(EMAIL)),
            RegisterColumn::LicencePlates => text(slot.field(PLATES)),
            RegisterColumn::Kind => slot.kind as u128,
            RegisterColumn::CreatedOn => date(Some(slot.created_on)),
            RegisterColumn::FirstStay => date(slot.first_stay()),
            RegisterColumn::Stays => u128::from(slot.stay_count()),
            RegisterColumn::LastStay => date(slot.last_stay(today)),
            RegisterColumn::NextStay => date(slot.next_stay(today)),
            RegisterColumn::Present => u128::from(slot.present(today)),
            RegisterColumn::RevenueExclVat => amount(slot.revenue_excl_vat),
            RegisterColumn::RevenueInclVat => amount(slot.revenue_incl_vat),
            RegisterColumn::Due => amount(slot.due),
        }
    }

    /// The whole order of slots whose prefixes tie: the column's whole text (its prefix is
    /// exact for the others), then the name, then the id.
    fn tie_key(
        &self,
        ordinal: u32,
        column: RegisterColumn,
        descending: bool,
    ) -> (Vec<u8>, (String, String), String) {
        let Some(slot) = self.live(ordinal) else {
            return (Vec::new(), (String::new(), String::new()), String::new());
        };
        let folded = |i: usize| Some(fold(slot.field(i)));
        let name = slot.sort_name();
        let text = match column {
            RegisterColumn::LastName => Some(format!("{}\0{}", name.0, name.1)),
            RegisterColumn::ClientId => Some(slot.field(ID).to_owned()),
            RegisterColumn::FirstName => folded(FIRST),
            RegisterColumn::Company => folded(COMPANY),
            RegisterColumn::Address => folded(LINES),
            RegisterColumn::Postcode => folded(POSTCODE),
            RegisterColumn::City => folded(CITY),
            RegisterColumn::Landline => folded(LANDLINE),
            RegisterColumn::Mobile => folded(MOBILE),
            RegisterColumn::Email => folded(EMAIL),
            RegisterColumn::LicencePlates => folded(PLATES),
            _ => None,
        };
        let bytes = match text {
            Some(text) if descending => reversed(text.as_bytes()),
            Some(text) => text.into_bytes(),
            None => Vec::new(),
        };
        (bytes, name, slot.field(ID).to_owned())
    }
}
