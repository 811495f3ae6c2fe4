//! The journal: the entries of issued invoices, credit notes and payments, numbered.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;

use super::chart::{ChartOfAccounts, Journal, LedgerAccount, method_name};
use super::entry::{self, EntrySource, JournalEntries, JournalEntry, JournalSequence};
use super::split::apportion;
use crate::error::{Error, Result};
use crate::establishment::Establishment;
use crate::i18n::{self, Arg, Locale};
use crate::invoice::{Invoice, InvoiceKind, InvoiceStatus};
use crate::money::{self, Currency, Rounding};
use crate::payment::{Payment, PaymentMethod};
use crate::stay::{self, LineKind};
use crate::vat::PriceBasis;

/// The invoices passed, by number.
type Invoices<'a> = HashMap<&'a str, &'a Invoice>;

/// An entry before it is numbered, with what it sorts by.
struct Draft {
    /// The day, then invoices before credit notes before payments, then the instant a payment
    /// was received, then the document's reference.
    key: (NaiveDate, u8, Option<DateTime<Utc>>, String),
    entry: JournalEntry,
}

impl ChartOfAccounts {
    /// The journal entries of `invoices` (issued invoices and credit notes) and `payments`,
    /// numbered in each journal after the last sequences in `sequences` (none: from 1).
    ///
    /// - An invoice debits the customer (411, the client as auxiliary account) with its total,
    ///   and credits each rate's VAT (from the invoice's VAT table) and each rate's base split
    ///   among its lines' accounts: sales by line kind, deposits (4191), the tourist tax (4471).
    ///   The split is exact to the cent (largest remainder); a deposit line takes its own base
    ///   rounded, so that deducting a deposit clears what its invoice credited.
    /// - A credit note is the same with the amounts negated: the entry of the invoice it
    ///   cancels, reversed, on the accounts of that invoice's kind when it is among `invoices`.
    /// - A payment debits its method's account (512 bank, 531 cash …) and credits the customer.
    ///   A `carried` payment moves money already received between a stay's documents: nothing
    ///   to book.
    ///
    /// Entries are dated the invoice's issue date, or the day the payment was received in the
    /// establishment's time zone, and sorted by date; every one is balanced.
    ///
    /// Errors: `accounting.chart_invalid`; `accounting.not_issued` for a draft;
    /// `accounting.invoice_unknown` for a payment on an invoice not in `invoices`;
    /// `accounting.document_invalid` for an invoice whose totals do not follow from its lines,
    /// a number or payment key given twice, a payment of zero or less, a journal code given
    /// twice in `sequences` or out of numbers; `money.currency_mismatch` for a document in
    /// another currency than the establishment's.
    ///
    /// ```
    /// # let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/invoicing.json")).unwrap()).unwrap();
    /// # let establishment: hospes::Establishment = serde_json::from_value(data["establishment"].clone()).unwrap();
    /// # let deposit: hospes::invoice::Invoice = serde_json::from_value(data["deposit_invoice"].clone()).unwrap();
    /// # let paid: hospes::payment::Payment = serde_json::from_value(data["deposit_payment"].clone()).unwrap();
    /// use hospes::accounting::{ChartOfAccounts, JournalSequence};
    /// let chart = ChartOfAccounts::default();
    /// let last = [JournalSequence { journal_code: "VE".into(), last: 41 }];
    /// let journal = chart.journal(&establishment, &[deposit], &[paid], &last).unwrap();
    /// let lines: Vec<_> = journal.entries[0].lines.iter()
    ///     .map(|l| (l.account.as_str(), l.debit.amount.to_string(), l.credit.amount.to_string()))
    ///     .collect();
    /// assert_eq!(lines, [
    ///     ("411", "300.00".into(), "0.00".into()),
    ///     ("4191", "0.00".into(), "270.68".into()),
    ///     ("445712", "0.00".into(), "24.82".into()),
    ///     ("445711", "0.00".into(), "4.50".into()),
    /// ]);
    /// assert_eq!(journal.entries[0].number, "VE000042");
    /// assert_eq!(journal.entries[1].number, "BQ000001");
    /// assert_eq!(journal.total_debit, journal.total_credit);
    /// ```
    pub fn journal(
        &self,
        establishment: &Establishment,
        invoices: &[Invoice],
        payments: &[Payment],
        sequences: &[JournalSequence],
    ) -> Result<JournalEntries> {
        self.check()?;
        let currency = establishment.currency;
        let locale = establishment.default_locale;
        let mut by_number = HashMap::with_capacity(invoices.len());
        for invoice in invoices {
            let number = issued_number(invoice)?;
            if by_number.insert(number, invoice).is_some() {
                return Err(document_invalid(number, "it is given twice"));
            }
        }
        let mut drafts = Vec::with_capacity(invoices.len() + payments.len());
        for invoice in invoices {
            drafts.push(self.invoice_entry(invoice, &by_number, currency, locale)?);
        }
        let mut keys = HashSet::with_capacity(payments.len());
        for payment in payments {
            if !keys.insert(payment.key.as_str()) {
                return Err(document_invalid(&payment.key, "it is given twice"));
            }
            let local = payment
                .received_at
                .with_timezone(&establishment.time_zone.tz())
                .date_naive();
            if let Some(draft) = self.payment_entry(payment, &by_number, currency, local, locale)? {
                drafts.push(draft);
            }
        }
        drafts.sort_by(|a, b| a.key.cmp(&b.key));
        let mut last = BTreeMap::new();
        for s in sequences {
            if last.insert(s.journal_code.clone(), s.last).is_some() {
                return Err(document_invalid(
                    &s.journal_code,
                    "its sequence is given twice",
                ));
            }
        }
        let mut entries = Vec::with_capacity(drafts.len());
        for Draft { mut entry, .. } in drafts {
            let seq = last.entry(entry.journal_code.clone()).or_insert(0);
            *seq = seq.checked_add(1).ok_or_else(|| {
                document_invalid(&entry.journal_code, "the journal has no number left")
            })?;
            entry.sequence = *seq;
            entry.number = format!("{}{:06}", entry.journal_code, *seq);
            entry.check()?;
            entries.push(entry);
        }
        let (total_debit, total_credit) = entry::totals(currency, &entries)?;
        Ok(JournalEntries {
            entries,
            sequences: last
                .into_iter()
                .map(|(journal_code, last)| JournalSequence { journal_code, last })
                .collect(),
            total_debit,
            total_credit,
        })
    }

    /// The entry of an issued invoice or credit note (see [`ChartOfAccounts::journal`]).
    fn invoice_entry(
        &self,
        invoice: &Invoice,
        invoices: &Invoices<'_>,
        currency: Currency,
        locale: Locale,
    ) -> Result<Draft> {
        let number = issued_number(invoice)?;
        let date = invoice.issue_date.ok_or_else(|| Error::NotIssued {
            number: number.to_owned(),
        })?;
        same_currency(currency, invoice.currency)?;
        let totals = stay::totals_of(&invoice.lines, invoice.currency, invoice.price_basis)?;
        if totals != invoice.totals {
            return Err(document_invalid(
                number,
                "its totals do not follow from its lines",
            ));
        }
        let total = invoice.total().amount;
        if total.is_zero() {
            return Err(document_invalid(
                number,
                "its total is zero: nothing to book",
            ));
        }
        let credit_note = invoice.kind == InvoiceKind::CreditNote;
        // A credit note books on the accounts of the invoice it cancels.
        let kind = match (credit_note, &invoice.credited_invoice) {
            (true, Some(credited)) => invoices
                .get(credited.as_str())
                .map_or(invoice.kind, |i| i.kind),
            _ => invoice.kind,
        };
        let decimals = currency.minor_units();
        let mut booked = Booked::default();
        for row in &totals.vat.lines {
            let at: Vec<usize> = (0..invoice.lines.len())
                .filter(|&i| {
                    invoice
                        .lines
                        .get(i)
                        .is_some_and(|l| l.vat_rate == row.vat_rate)
                })
                .collect();
            let factor = match invoice.price_basis {
                PriceBasis::IncludingVat => Decimal::ONE_HUNDRED
                    .checked_div(Decimal::ONE_HUNDRED + row.vat_rate.percent())
                    .ok_or_else(money::overflow)?,
                PriceBasis::ExcludingVat => Decimal::ONE,
            };
            let mut exact = Vec::with_capacity(at.len());
            let mut deposit = Vec::with_capacity(at.len());
            for &i in &at {
                let amount = totals.lines.get(i).map(|l| l.amount.amount);
                let amount = amount.unwrap_or_default();
                exact.push(amount.checked_mul(factor).ok_or_else(money::overflow)?);
                deposit.push(
                    invoice
                        .lines
                        .get(i)
                        .is_some_and(|l| l.kind == LineKind::Deposit),
                );
            }
            let shares = split_base(&exact, &deposit, row.excl_vat.amount, decimals)?;
            for (&i, share) in at.iter().zip(shares) {
                let kind_of_line = invoice.lines.get(i).map(|l| l.kind).unwrap_or_default();
                booked.add(self.line_account(kind, kind_of_line), -share)?;
            }
            booked.add(self.vat_account(row.vat_rate), -row.vat.amount)?;
        }
        let customer = (
            invoice.customer.client_id.as_str(),
            invoice.customer.name.as_str(),
        );
        let mut lines = vec![entry::line(
            &self.customers,
            self.customer_auxiliary.then_some(customer),
            total,
            currency,
        )];
        lines.extend(
            booked
                .0
                .iter()
                .filter(|(_, amount)| !amount.is_zero())
                .map(|(account, amount)| entry::line(account, None, *amount, currency)),
        );
        let (label, source, rank) = if credit_note {
            ("label-entry-credit-note", EntrySource::CreditNote, 1)
        } else {
            ("label-entry-invoice", EntrySource::Invoice, 0)
        };
        let label = i18n::text(
            label,
            &[("number", number.into()), ("customer", customer.1.into())],
            locale,
            locale,
        );
        Ok(Draft {
            key: (date, rank, None, number.to_owned()),
            entry: unnumbered(&self.sales_journal, date, source, number, label, lines),
        })
    }

    /// The entry of a payment received, none for a `carried` one.
    fn payment_entry(
        &self,
        payment: &Payment,
        invoices: &Invoices<'_>,
        currency: Currency,
        date: NaiveDate,
        locale: Locale,
    ) -> Result<Option<Draft>> {
        if payment.method == PaymentMethod::Carried {
            return Ok(None);
        }
        let invoice = invoices
            .get(payment.invoice_number.as_str())
            .ok_or_else(|| Error::InvoiceUnknown {
                invoice_number: payment.invoice_number.chars().take(60).collect(),
                key: payment.key.chars().take(60).collect(),
            })?;
        same_currency(currency, payment.amount.currency)?;
        let amount = payment.amount.amount;
        if amount <= Decimal::ZERO {
            return Err(document_invalid(
                &payment.key,
                &format!("a payment of {} is not money received", payment.amount),
            ));
        }
        if amount != Rounding::HalfAwayFromZero.round(amount, currency.minor_units()) {
            return Err(document_invalid(
                &payment.key,
                &format!("a payment of {} is not in whole cents", payment.amount),
            ));
        }
        let (account, journal) = self.payment_account(payment.method);
        let customer = (
            invoice.customer.client_id.as_str(),
            invoice.customer.name.as_str(),
        );
        let lines = vec![
            entry::line(account, None, amount, currency),
            entry::line(
                &self.customers,
                self.customer_auxiliary.then_some(customer),
                -amount,
                currency,
            ),
        ];
        let label = i18n::text(
            "label-entry-payment",
            &[
                ("number", payment.invoice_number.as_str().into()),
                ("customer", customer.1.into()),
                ("method", Arg::from(method_name(payment.method))),
            ],
            locale,
            locale,
        );
        Ok(Some(Draft {
            key: (date, 2, Some(payment.received_at), payment.key.clone()),
            entry: unnumbered(
                journal,
                date,
                EntrySource::Payment,
                &payment.key,
                label,
                lines,
            ),
        }))
    }
}

/// Amounts booked per account, in the order the accounts first appear (debit positive).
#[derive(Default)]
struct Booked(Vec<(LedgerAccount, Decimal)>);

impl Booked {
    fn add(&mut self, account: &LedgerAccount, amount: Decimal) -> Result<()> {
        match self.0.iter_mut().find(|(a, _)| a.number == account.number) {
            Some((_, sum)) => *sum = sum.checked_add(amount).ok_or_else(money::overflow)?,
            None => self.0.push((account.clone(), amount)),
        }
        Ok(())
    }
}

/// A VAT row's base split among its lines: each deposit line its own base rounded (what its
/// deposit invoice credited), the rest of the base among the other lines by largest remainder.
/// When no other line is left to take a rest, every line shares the base.
fn split_base(
    exact: &[Decimal],
    deposit: &[bool],
    base: Decimal,
    decimals: u32,
) -> Result<Vec<Decimal>> {
    let pinned: Vec<Option<Decimal>> = exact
        .iter()
        .zip(deposit)
        .map(|(e, &d)| d.then(|| Rounding::HalfAwayFromZero.round(*e, decimals)))
        .collect();
    let rest_exact: Vec<Decimal> = exact
        .iter()
        .zip(&pinned)
        .filter(|(_, p)| p.is_none())
        .map(|(e, _)| *e)
        .collect();
    let rest = pinned
        .iter()
        .flatten()
        .try_fold(base, |rest, p| rest.checked_sub(*p))
        .ok_or_else(money::overflow)?;
    if rest_exact.is_empty() && !rest.is_zero() {
        return apportion(exact, base, decimals);
    }
    let mut shared = apportion(&rest_exact, rest, decimals)?.into_iter();
    Ok(pinned
        .into_iter()
        .map(|p| p.or_else(|| shared.next()).unwrap_or_default())
        .collect())
}

/// An entry not numbered yet.
fn unnumbered(
    journal: &Journal,
    date: NaiveDate,
    source: EntrySource,
    piece: &str,
    label: String,
    lines: Vec<entry::EntryLine>,
) -> JournalEntry {
    JournalEntry {
        journal_code: journal.code.clone(),
        journal_label: journal.label.clone(),
        number: String::new(),
        sequence: 0,
        date,
        source,
        piece_ref: piece.to_owned(),
        piece_date: date,
        label,
        lines,
    }
}

/// The number of an issued invoice: a draft is `accounting.not_issued`.
fn issued_number(invoice: &Invoice) -> Result<&str> {
    match (&invoice.number, invoice.issue_date, invoice.status) {
        (Some(number), Some(_), status) if status != InvoiceStatus::Draft => Ok(number),
        (number, ..) => Err(Error::NotIssued {
            number: number
                .as_deref()
                .unwrap_or_default()
                .chars()
                .take(60)
                .collect(),
        }),
    }
}

fn same_currency(expected: Currency, found: Currency) -> Result<()> {
    if expected == found {
        Ok(())
    } else {
        Err(Error::CurrencyMismatch {
            left: expected.code().into(),
            right: found.code().into(),
        })
    }
}

fn document_invalid(reference: &str, detail: &str) -> Error {
    Error::DocumentInvalid {
        reference: reference.chars().take(60).collect(),
        detail: detail.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn a_deducted_deposit_takes_its_own_base_and_the_stay_the_rest() {
        // 910 at 10 % less a 273 deposit: the deposit's base is round(273 / 1.1) = 248.18,
        // the stay's line takes 579.09 + 248.18.
        let f = d("100") / d("110");
        let shares = split_base(
            &[d("910") * f, d("-273") * f],
            &[false, true],
            d("579.09"),
            2,
        )
        .unwrap();
        assert_eq!(shares, [d("827.27"), d("-248.18")]);
    }

    #[test]
    fn deposits_alone_share_their_base_when_their_own_bases_do_not_add_up() {
        // Two deposit lines at one rate whose rounded bases miss the row's base by a cent.
        let f = d("100") / d("110");
        let shares =
            split_base(&[d("0.05") * f, d("0.05") * f], &[true, true], d("0.09"), 2).unwrap();
        assert_eq!(shares.iter().sum::<Decimal>(), d("0.09"));
    }
}
