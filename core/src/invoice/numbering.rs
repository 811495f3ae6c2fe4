//! Invoice numbering: one chronological, gapless sequence per series, as French law requires.
//!
//! A series has a pattern such as `FA{yy}{mm}{seq:04}` (CheckinDog's `FA26020001`): literal
//! text, date parts `{yyyy}`, `{yy}`, `{mm}`, `{dd}` taken from the invoice date, and exactly one
//! `{seq:N}`, the sequence on N digits. The sequence starts again at 1 whenever the date parts
//! change (monthly with `{yy}{mm}`, yearly with `{yyyy}`, never without date parts), which keeps
//! every number unique. hospes stores nothing: the host passes the last number it issued in the
//! series and gets the next one — gapless by design, and refused if the date goes backwards.
//!
//! ```
//! use hospes::invoice::next_number;
//! let feb = "2026-02-27".parse().unwrap();
//! assert_eq!(next_number("FA{yy}{mm}{seq:04}", feb, Some("FA26020041")).unwrap(), "FA26020042");
//! let march = "2026-03-01".parse().unwrap();
//! assert_eq!(next_number("FA{yy}{mm}{seq:04}", march, Some("FA26020042")).unwrap(), "FA26030001");
//! assert_eq!(next_number("FA{yy}{mm}{seq:04}", march, None).unwrap(), "FA26030001");
//! ```

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::facturx::FacturX;
use crate::error::{Error, Result};

/// An invoice series: its pattern, the last number it issued, and whether its invoices are
/// Factur-X e-invoices.
///
/// ```
/// let series: hospes::invoice::InvoiceSeries = serde_json::from_str(
///     r#"{"pattern": "FA{yy}{mm}-{seq:04}", "last": "FA2603-0041", "factur_x": {"payment_means": {"code": "card"}}}"#,
/// ).unwrap();
/// assert!(series.factur_x.is_some());
/// // A series stored before e-invoicing reads as it was, and writes as it was.
/// let plain: hospes::invoice::InvoiceSeries = serde_json::from_str(r#"{"pattern": "AV{yyyy}-{seq:3}"}"#).unwrap();
/// assert_eq!(serde_json::to_string(&plain).unwrap(), r#"{"pattern":"AV{yyyy}-{seq:3}","last":null}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct InvoiceSeries {
    /// Number pattern (`FA{yy}{mm}{seq:04}`).
    pub pattern: String,
    /// The series' last number, none before its first.
    #[serde(default)]
    pub last: Option<String>,
    /// The business's choice to make this series' invoices Factur-X e-invoices, with these
    /// options (`{}` suits invoices to guests from a business charging VAT): every invoice and
    /// credit note issued in it must pass `einvoice::check` before it takes a number, and
    /// carries the options ([`Invoice::factur_x`](super::Invoice::factur_x)). Absent from the
    /// JSON when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub factur_x: Option<FacturX>,
}

impl InvoiceSeries {
    /// The number for a document dated `date`; the series then continues from it.
    ///
    /// ```
    /// let mut series = hospes::invoice::InvoiceSeries { pattern: "AV{yyyy}-{seq:3}".into(), last: None, factur_x: None };
    /// assert_eq!(series.take("2026-05-02".parse().unwrap()).unwrap(), "AV2026-001");
    /// assert_eq!(series.take("2026-05-02".parse().unwrap()).unwrap(), "AV2026-002");
    /// ```
    pub fn take(&mut self, date: NaiveDate) -> Result<String> {
        let number = next_number(&self.pattern, date, self.last.as_deref())?;
        self.last = Some(number.clone());
        Ok(number)
    }
}

/// The two series one operation numbers its documents in — invoices and credit notes. When the
/// business numbers both in one series (the same pattern), they are one sequence: each number
/// taken from either follows the last taken from both, so no number is given twice.
#[derive(Debug, Clone)]
pub(crate) struct SeriesPair {
    invoices: InvoiceSeries,
    credit_notes: InvoiceSeries,
}

impl SeriesPair {
    /// The pair; with one pattern, the invoice series' last number is the sequence's.
    pub(crate) fn new(invoices: InvoiceSeries, credit_notes: InvoiceSeries) -> SeriesPair {
        let credit_notes = if credit_notes.pattern == invoices.pattern {
            invoices.clone()
        } else {
            credit_notes
        };
        SeriesPair {
            invoices,
            credit_notes,
        }
    }

    fn shared(&self) -> bool {
        self.invoices.pattern == self.credit_notes.pattern
    }

    /// The invoice series as it stands.
    pub(crate) fn invoices(&self) -> &InvoiceSeries {
        &self.invoices
    }

    /// The credit-note series as it stands.
    pub(crate) fn credit_notes(&self) -> &InvoiceSeries {
        &self.credit_notes
    }

    /// The invoice series after an invoice was numbered in it.
    pub(crate) fn invoices_now(&mut self, series: InvoiceSeries) {
        if self.shared() {
            self.credit_notes = series.clone();
        }
        self.invoices = series;
    }

    /// The credit-note series after a credit note was numbered in it.
    pub(crate) fn credit_notes_now(&mut self, series: InvoiceSeries) {
        if self.shared() {
            self.invoices = series.clone();
        }
        self.credit_notes = series;
    }

    /// The two series to store: invoices, then credit notes.
    pub(crate) fn into_parts(self) -> (InvoiceSeries, InvoiceSeries) {
        (self.invoices, self.credit_notes)
    }
}

/// Longest pattern accepted.
const MAX_PATTERN: usize = 64;

/// One piece of a number pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Literal(String),
    Year4,
    Year2,
    Month,
    Day,
    Seq(usize),
}

impl Part {
    /// Where a date part sorts: years before months before days, whatever the pattern's order.
    fn rank(&self) -> u8 {
        match self {
            Part::Year4 | Part::Year2 => 0,
            Part::Month => 1,
            _ => 2,
        }
    }

    /// The digits of a date part for `date`.
    fn date_digits(&self, date: NaiveDate) -> Option<String> {
        match self {
            Part::Year4 => Some(format!("{:04}", date.year())),
            Part::Year2 => Some(format!("{:02}", date.year().rem_euclid(100))),
            Part::Month => Some(format!("{:02}", date.month())),
            Part::Day => Some(format!("{:02}", date.day())),
            Part::Literal(_) | Part::Seq(_) => None,
        }
    }

    fn width(&self) -> usize {
        match self {
            Part::Year4 => 4,
            Part::Year2 | Part::Month | Part::Day => 2,
            Part::Seq(width) => *width,
            Part::Literal(text) => text.len(),
        }
    }
}

/// A parsed number pattern.
struct Pattern {
    parts: Vec<Part>,
}

impl Pattern {
    fn parse(pattern: &str) -> Result<Pattern> {
        let invalid = |detail: &str| Error::NumberPatternInvalid {
            pattern: pattern.chars().take(MAX_PATTERN).collect(),
            detail: detail.into(),
        };
        if pattern.len() > MAX_PATTERN {
            return Err(invalid("longer than 64 bytes"));
        }
        let mut parts = Vec::new();
        let mut rest = pattern;
        while !rest.is_empty() {
            match rest.find('{') {
                Some(0) => {
                    let end = rest
                        .find('}')
                        .ok_or_else(|| invalid("a `{` is not closed"))?;
                    let name = rest.get(1..end).unwrap_or_default();
                    parts.push(match name {
                        "yyyy" => Part::Year4,
                        "yy" => Part::Year2,
                        "mm" => Part::Month,
                        "dd" => Part::Day,
                        _ => match name.strip_prefix("seq:").map(str::parse::<usize>) {
                            Some(Ok(width)) if (1..=12).contains(&width) => Part::Seq(width),
                            _ => {
                                return Err(invalid(
                                    "placeholders are {yyyy}, {yy}, {mm}, {dd} and {seq:N} with N from 1 to 12",
                                ));
                            }
                        },
                    });
                    rest = rest.get(end + 1..).unwrap_or_default();
                }
                found => {
                    let end = found.unwrap_or(rest.len());
                    let text = rest.get(..end).unwrap_or_default();
                    if text.contains('}') {
                        return Err(invalid("a `}` is not opened"));
                    }
                    if !text.chars().all(|c| c.is_ascii_graphic()) {
                        return Err(invalid(
                            "literal text must be printable ASCII without spaces",
                        ));
                    }
                    parts.push(Part::Literal(text.into()));
                    rest = rest.get(end..).unwrap_or_default();
                }
            }
        }
        if parts.iter().filter(|p| matches!(p, Part::Seq(_))).count() != 1 {
            return Err(invalid("exactly one {seq:N} is needed"));
        }
        Ok(Pattern { parts })
    }

    /// The date parts of `date`, year first: what must match for the sequence to go on, and
    /// what orders two periods.
    fn period(&self, date: NaiveDate) -> Vec<(u8, String)> {
        let mut period: Vec<(u8, String)> = self
            .parts
            .iter()
            .filter_map(|p| p.date_digits(date).map(|d| (p.rank(), d)))
            .collect();
        period.sort();
        period
    }

    /// Reads `number` against the pattern: its date parts and its sequence.
    fn read(&self, number: &str) -> Option<(Vec<(u8, String)>, u64)> {
        let mut rest = number;
        let mut period = Vec::new();
        let mut seq = None;
        for part in &self.parts {
            let width = part.width();
            let piece = rest.get(..width)?;
            rest = rest.get(width..)?;
            match part {
                Part::Literal(text) => {
                    if piece != text {
                        return None;
                    }
                }
                _ if !piece.bytes().all(|b| b.is_ascii_digit()) => return None,
                Part::Seq(_) => seq = piece.parse().ok(),
                _ => period.push((part.rank(), piece.to_owned())),
            }
        }
        if !rest.is_empty() {
            return None;
        }
        period.sort();
        Some((period, seq?))
    }

    fn render(&self, date: NaiveDate, seq: u64) -> String {
        self.parts
            .iter()
            .map(|part| match part {
                Part::Literal(text) => text.clone(),
                Part::Seq(width) => format!("{seq:0width$}"),
                other => other.date_digits(date).unwrap_or_default(),
            })
            .collect()
    }
}

/// Checks a series' number pattern when the business saves it.
///
/// ```
/// assert!(hospes::invoice::check_number_pattern("AV{yyyy}-{seq:05}").is_ok());
/// let err = hospes::invoice::check_number_pattern("FA{yy}{mm}").unwrap_err();
/// assert_eq!(err.code(), "invoice.number_pattern_invalid");
/// ```
pub fn check_number_pattern(pattern: &str) -> Result<()> {
    Pattern::parse(pattern).map(|_| ())
}

/// The number of the next invoice of a series dated `date`, after `last` (the last number the
/// series issued, `None` for its first).
///
/// Errors: `invoice.number_pattern_invalid`; `invoice.number_invalid` when `last` does not fit
/// the pattern; `invoice.date_before_last` when `date` falls in a period before `last`'s
/// (numbers must follow the dates); `invoice.sequence_exhausted` when the sequence has no digit
/// left for this period.
pub fn next_number(pattern: &str, date: NaiveDate, last: Option<&str>) -> Result<String> {
    let parsed = Pattern::parse(pattern)?;
    let period = parsed.period(date);
    let seq = match last {
        None => 1,
        Some(last) => {
            let (last_period, last_seq) =
                parsed
                    .read(last.trim())
                    .ok_or_else(|| Error::InvoiceNumberInvalid {
                        number: last.chars().take(64).collect(),
                        pattern: pattern.into(),
                    })?;
            match last_period.cmp(&period) {
                std::cmp::Ordering::Equal => last_seq.saturating_add(1),
                std::cmp::Ordering::Less => 1,
                std::cmp::Ordering::Greater => {
                    return Err(Error::InvoiceDateBeforeLast {
                        last: last.trim().into(),
                        date: date.to_string(),
                    });
                }
            }
        }
    };
    let width = parsed
        .parts
        .iter()
        .find_map(|p| match p {
            Part::Seq(width) => Some(*width),
            _ => None,
        })
        .unwrap_or(1);
    if seq.to_string().len() > width {
        return Err(Error::SequenceExhausted {
            pattern: pattern.into(),
        });
    }
    Ok(parsed.render(date, seq))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashSet;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn an_invoice_dated_before_the_last_ones_period_is_refused() {
        let err = next_number("FA{yy}{mm}{seq:04}", day("2026-01-31"), Some("FA26020001"));
        assert_eq!(err.unwrap_err().code(), "invoice.date_before_last");
    }

    #[test]
    fn a_last_number_of_another_series_is_refused() {
        for last in ["AV26020001", "FA2602001", "FA26020001X", "FA26O20001", ""] {
            let err = next_number("FA{yy}{mm}{seq:04}", day("2026-02-10"), Some(last));
            assert_eq!(err.unwrap_err().code(), "invoice.number_invalid", "{last}");
        }
    }

    #[test]
    fn a_full_sequence_says_so_instead_of_wrapping() {
        let err = next_number("F{seq:2}", day("2026-02-10"), Some("F99"));
        assert_eq!(err.unwrap_err().code(), "invoice.sequence_exhausted");
    }

    #[test]
    fn patterns_without_a_sequence_or_with_unknown_parts_are_refused() {
        for bad in [
            "FA{yy}",
            "FA{seq:4}{seq:4}",
            "FA{hh}{seq:4}",
            "FA{seq:0}",
            "FA{seq:4",
            "FA}{seq:4}",
            "F A{seq:3}",
        ] {
            assert_eq!(
                check_number_pattern(bad).unwrap_err().code(),
                "invoice.number_pattern_invalid",
                "{bad}"
            );
        }
    }

    #[test]
    fn periods_compare_year_first_whatever_the_pattern_order() {
        let next = next_number("{mm}{yy}-{seq:3}", day("2027-01-05"), Some("0226-007"));
        assert_eq!(next.unwrap(), "0127-001");
    }

    #[test]
    fn a_series_without_date_parts_never_starts_again() {
        assert_eq!(
            next_number("R-{seq:6}", day("2027-01-01"), Some("R-000041")).unwrap(),
            "R-000042"
        );
    }

    proptest! {
        #[test]
        fn no_number_is_skipped_or_reused_over_thousands_of_invoices(steps in proptest::collection::vec(0u64..9, 1..3000)) {
            let pattern = "FA{yy}{mm}{seq:05}";
            let mut date = day("2025-12-20");
            let mut last: Option<String> = None;
            let mut seen = HashSet::new();
            let mut expected_seq = 0u64;
            for step in steps {
                let next = date + chrono::Days::new(step);
                let new_month = (next.year(), next.month()) != (date.year(), date.month()) || last.is_none();
                date = next;
                let number = next_number(pattern, date, last.as_deref()).unwrap();
                expected_seq = if new_month { 1 } else { expected_seq + 1 };
                prop_assert_eq!(&number[6..], format!("{expected_seq:05}"));
                prop_assert!(seen.insert(number.clone()), "reused {}", number);
                last = Some(number);
            }
        }
    }
}
