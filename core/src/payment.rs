//! Payments: recording them (idempotently), what is still due per invoice and per stay, the
//! payment schedule's state and the reminders due, and the request to a payment provider and its
//! result.
//!
//! hospes stores nothing: the host passes the payments it recorded so far, and gets back the
//! new payment (if any), the invoice's new status, the balance and the events. A payment carries
//! an **idempotency key** (the provider's transaction id, or the host's): recording the same key
//! twice changes nothing, so a webhook delivered twice, or a guest double-clicking « Payer »,
//! counts once.
//!
//! ```
//! # let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/invoicing.json")).unwrap()).unwrap();
//! # let invoice: hospes::invoice::Invoice = serde_json::from_value(data["deposit_invoice"].clone()).unwrap();
//! use hospes::payment::{self, Payment, PaymentMethod};
//! let now = "2026-03-02T09:00:00Z".parse().unwrap();
//! let payment = Payment {
//!     key: "pay_5Kx".into(), invoice_number: "FA26030042".into(),
//!     amount: hospes::Money::parse("300.00", "EUR").unwrap(), method: PaymentMethod::Card,
//!     received_at: now, provider: Some("payplug".into()), provider_reference: Some("pay_5Kx".into()),
//!     reverses: None, reason: None,
//! };
//! let first = payment::record(&invoice, &[], payment.clone(), now).unwrap();
//! assert_eq!(first.balance.due.to_string(), "0.00 EUR");
//! let again = payment::record(&first.invoice, &first.payments, payment, now).unwrap();
//! assert!(again.duplicate);
//! assert_eq!(again.payments.len(), 1);
//! ```

pub(crate) mod method;
pub use method::PaymentMethod;

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::establishment::{Establishment, TimeZone};
use crate::event::Event;
use crate::i18n::Locale;
use crate::invoice::{Invoice, InvoiceKind, InvoiceStatus};
use crate::link::LinkPurpose;
use crate::money::{Currency, Money};
use crate::pricing::{Installment, InstallmentKind};
use crate::signature::sha256_of;
use crate::text;

/// A payment received on an invoice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Payment {
    /// Idempotency key: the same key recorded twice counts once.
    pub key: String,
    /// The invoice paid.
    pub invoice_number: String,
    /// How much.
    pub amount: Money,
    /// How.
    pub method: PaymentMethod,
    /// When it was received.
    pub received_at: DateTime<Utc>,
    /// The payment provider, for an online payment (`payplug`, `stripe`).
    #[serde(default)]
    pub provider: Option<String>,
    /// The provider's transaction id.
    #[serde(default)]
    pub provider_reference: Option<String>,
    /// For a reversing entry ([`reverse`](crate::correction::reverse)): the key of the payment
    /// it cancels.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub reverses: Option<String>,
    /// Why a reversing entry or a refund was made.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub reason: Option<String>,
}

/// What is paid and due on one invoice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct InvoiceBalance {
    /// The invoice.
    pub invoice_number: String,
    /// Its total including VAT.
    pub total: Money,
    /// Paid so far. For a credit note, the part of it settled: refunded already, or without
    /// money — the unpaid rest of the invoice it cancels (a debt cancelled, nothing to refund),
    /// and in a stay's view the sums a cancellation carried to its fee invoice (negative, like
    /// the credit note).
    pub paid: Money,
    /// Still due: `total − paid`. 0 for a cancelled invoice (its credit note answers for it);
    /// for a credit note, minus what is still to be refunded: what was paid on the invoice it
    /// cancels, less the refunds recorded — a credit note only refunds what was paid.
    pub due: Money,
    /// Its status given those payments.
    pub status: InvoiceStatus,
}

/// A payment recorded (or recognised as already recorded), and what follows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PaymentRecorded {
    /// The invoice, its status brought up to date.
    pub invoice: Invoice,
    /// Every payment of the invoice, the new one last: store them.
    pub payments: Vec<Payment>,
    /// What is paid and due now.
    pub balance: InvoiceBalance,
    /// The key was recorded already: nothing changed.
    pub duplicate: bool,
    /// `payment_recorded`, or `payment_failed`; empty for a duplicate.
    pub events: Vec<Event>,
}

impl PaymentRecorded {
    /// The answer for `invoice` once `payments` are its entries: its status follows `balance`,
    /// as in every answer — a host that passes the invoice as it was before a first recording
    /// gets it brought up to date.
    pub(crate) fn of(
        invoice: &Invoice,
        payments: Vec<Payment>,
        balance: InvoiceBalance,
        duplicate: bool,
        events: Vec<Event>,
    ) -> PaymentRecorded {
        PaymentRecorded {
            invoice: Invoice {
                status: balance.status,
                ..invoice.clone()
            },
            duplicate,
            payments,
            balance,
            events,
        }
    }
}

/// What is paid and due on one invoice given `payments` (those of other invoices are ignored).
///
/// A credit note is due (negative: to be refunded) only what was received on the invoice it
/// cancels: crediting an invoice never paid cancels a debt and refunds nothing. Seen alone, a
/// credit note does not know what a cancellation carried from it to its fee invoice; a stay's
/// documents seen together ([`stay_balance`], the portal's invoice list) do, and add up.
///
/// ```
/// # let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/invoicing.json")).unwrap()).unwrap();
/// # let invoice: hospes::invoice::Invoice = serde_json::from_value(data["deposit_invoice"].clone()).unwrap();
/// let balance = hospes::payment::balance(&invoice, &[]).unwrap();
/// assert_eq!(balance.due, balance.total);
/// assert_eq!(balance.status, hospes::invoice::InvoiceStatus::Issued);
/// ```
pub fn balance(invoice: &Invoice, payments: &[Payment]) -> Result<InvoiceBalance> {
    let number = invoice.number.clone().unwrap_or_default();
    let total = invoice.total().clone();
    let paid = Money::sum(
        invoice.currency,
        payments
            .iter()
            .filter(|p| p.invoice_number == number)
            .map(|p| &p.amount),
    )?;
    let (paid, due) = match (&invoice.kind, &invoice.credited_invoice) {
        _ if invoice.status == InvoiceStatus::Cancelled => (paid, Money::zero(invoice.currency)),
        (InvoiceKind::CreditNote, Some(credited)) => {
            // What it refunds: the money received on the invoice it cancels, never more than
            // that invoice's total; the rest of it cancels a debt.
            let received = received_on(invoice.currency, credited, payments)?;
            let refund = if received.amount > -total.amount {
                Money::new(-total.amount, invoice.currency)
            } else {
                received
            };
            // Refunds recorded on the credit note itself are negative payments: what went
            // back already.
            let due = Money::zero(invoice.currency)
                .checked_sub(&refund)?
                .checked_sub(&paid)?;
            (total.checked_sub(&due)?, due)
        }
        _ => {
            let due = total.checked_sub(&paid)?;
            (paid, due)
        }
    };
    let status = match invoice.status {
        InvoiceStatus::Draft | InvoiceStatus::Cancelled => invoice.status,
        _ if invoice.kind == InvoiceKind::CreditNote => InvoiceStatus::Issued,
        _ if due.amount <= Decimal::ZERO => InvoiceStatus::Paid,
        _ if paid.is_zero() => InvoiceStatus::Issued,
        _ => InvoiceStatus::PartlyPaid,
    };
    Ok(InvoiceBalance {
        invoice_number: number,
        total,
        paid,
        due,
        status,
    })
}

/// Records `payment` on `invoice`, whose earlier payments are `payments`.
///
/// The same key twice changes nothing (`duplicate`, no event). Errors:
/// `payment.not_payable` (a draft, a credit note, a cancelled or fully paid invoice, or another
/// invoice's number), `payment.amount_invalid` (zero, negative, or more than is due),
/// `payment.key_reused` (a key already used for another payment), `money.currency_mismatch`.
pub fn record(
    invoice: &Invoice,
    payments: &[Payment],
    payment: Payment,
    now: DateTime<Utc>,
) -> Result<PaymentRecorded> {
    let number = invoice.number.clone().unwrap_or_default();
    let key = text::required(&payment.key, "key", 200)?;
    let payment = Payment { key, ..payment };
    if payment.reverses.is_some() {
        return Err(Error::InputInvalid {
            detail: "a payment to record reverses nothing: cancel one with payment.reverse"
                .to_owned(),
        });
    }
    if let Some(earlier) = payments.iter().find(|p| p.key == payment.key) {
        if earlier.invoice_number == payment.invoice_number && earlier.amount == payment.amount {
            return unchanged(invoice, payments, true, vec![]);
        }
        return Err(Error::PaymentKeyReused { key: payment.key });
    }
    let mut kept = of_invoice(invoice, payments);
    let before = balance(invoice, &kept)?;
    if payment.invoice_number != number || !open_for_payment(invoice, &before) {
        return Err(Error::NotPayable {
            number: payment.invoice_number.clone(),
            status: before.status.name().into(),
        });
    }
    if payment.amount.currency != invoice.currency {
        return Err(Error::CurrencyMismatch {
            left: invoice.currency.code().into(),
            right: payment.amount.currency.code().into(),
        });
    }
    if payment.amount.amount <= Decimal::ZERO || payment.amount.amount > before.due.amount {
        return Err(Error::PaymentAmountInvalid {
            amount: payment.amount.to_string(),
            due: before.due.to_string(),
        });
    }
    let event = Event::PaymentRecorded {
        occurred_at: now,
        client_id: invoice.customer.client_id.clone(),
        invoice_number: number,
        amount: payment.amount.clone(),
        method: payment.method,
        key: payment.key.clone(),
    };
    kept.push(payment);
    let after = balance(invoice, &kept)?;
    Ok(PaymentRecorded::of(
        invoice,
        kept,
        after,
        false,
        vec![event],
    ))
}

/// Whether something can be paid on `invoice` given its `balance`: an invoice (not a credit
/// note) issued or partly paid — which means something is due.
pub(crate) fn open_for_payment(invoice: &Invoice, balance: &InvoiceBalance) -> bool {
    invoice.kind != InvoiceKind::CreditNote
        && matches!(
            balance.status,
            InvoiceStatus::Issued | InvoiceStatus::PartlyPaid
        )
}

/// The payments of `invoice` among `payments`.
pub(crate) fn of_invoice(invoice: &Invoice, payments: &[Payment]) -> Vec<Payment> {
    let number = invoice.number.as_deref().unwrap_or_default();
    payments
        .iter()
        .filter(|p| p.invoice_number == number)
        .cloned()
        .collect()
}

/// The answer when nothing is recorded: the invoice as it is, its payments and balance.
pub(crate) fn unchanged(
    invoice: &Invoice,
    payments: &[Payment],
    duplicate: bool,
    events: Vec<Event>,
) -> Result<PaymentRecorded> {
    let kept = of_invoice(invoice, payments);
    let balance = balance(invoice, &kept)?;
    Ok(PaymentRecorded::of(
        invoice, kept, balance, duplicate, events,
    ))
}

/// What is invoiced, paid and due for a whole stay.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StayBalance {
    /// Sum of the issued invoices and credit notes.
    pub invoiced: Money,
    /// Sum of the payments on them (money received: `carried` payments are not counted again).
    pub paid: Money,
    /// `invoiced − paid`; negative when the establishment owes a refund.
    pub due: Money,
    /// Each invoice, in the order given; their dues add up to `due`.
    pub invoices: Vec<InvoiceBalance>,
}

/// The balance of a stay from its invoices (drafts ignored) and their payments:
/// `paid + due = invoiced` always; a cancelled invoice and its credit note add up to zero, and
/// what was paid on it shows as a negative `due` until it is refunded or carried over.
/// The dues of `invoices` add up to `due`: a credit note refunds what was paid on the invoice
/// it cancels, less what a cancellation carried to its fee invoice (see [`balance`]).
///
/// ```
/// # let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/invoicing.json")).unwrap()).unwrap();
/// # let invoice: hospes::invoice::Invoice = serde_json::from_value(data["deposit_invoice"].clone()).unwrap();
/// let b = hospes::payment::stay_balance(hospes::Currency::EUR, &[invoice], &[]).unwrap();
/// assert_eq!(b.due.to_string(), "300.00 EUR");
/// ```
pub fn stay_balance(
    currency: Currency,
    invoices: &[Invoice],
    payments: &[Payment],
) -> Result<StayBalance> {
    let issued: Vec<&Invoice> = invoices
        .iter()
        .filter(|i| i.status != InvoiceStatus::Draft)
        .collect();
    let balances = balances(&issued, payments)?;
    let invoiced = Money::sum(currency, issued.iter().map(|i| i.total()))?;
    let paid = received(currency, issued.iter().copied(), payments)?;
    Ok(StayBalance {
        due: invoiced.checked_sub(&paid)?,
        invoiced,
        paid,
        invoices: balances,
    })
}

/// The balance of each of `invoices`, seen together (in the order given): as [`balance`], and
/// the sums a cancellation carried to a fee invoice are taken from what the stay's credit notes
/// refund — in the order given, each up to what it refunds — so that the dues of a stay's
/// documents add up to its balance: a `carried` payment moves money, it is received once.
pub(crate) fn balances(invoices: &[&Invoice], payments: &[Payment]) -> Result<Vec<InvoiceBalance>> {
    let mut balances = invoices
        .iter()
        .map(|i| balance(i, payments))
        .collect::<Result<Vec<_>>>()?;
    let mut stays: Vec<&str> = invoices
        .iter()
        .filter_map(|i| i.stay_reference.as_deref())
        .collect();
    stays.sort_unstable();
    stays.dedup();
    for stay in stays {
        let of_stay = |i: &Invoice| i.stay_reference.as_deref() == Some(stay);
        // Carried to a document that still stands (a fee invoice credited in turn gives its
        // sums back to the credit notes they came from).
        let mut left = Decimal::ZERO;
        for invoice in invoices.iter().filter(|i| {
            of_stay(i)
                && i.kind != InvoiceKind::CreditNote
                && !matches!(i.status, InvoiceStatus::Draft | InvoiceStatus::Cancelled)
        }) {
            let number = invoice.number.as_deref().unwrap_or_default();
            left += payments
                .iter()
                .filter(|p| p.method == PaymentMethod::Carried && p.invoice_number == number)
                .map(|p| p.amount.amount)
                .sum::<Decimal>();
        }
        for (invoice, balance) in invoices.iter().zip(balances.iter_mut()) {
            if left <= Decimal::ZERO {
                break;
            }
            if invoice.kind != InvoiceKind::CreditNote
                || invoice.status == InvoiceStatus::Draft
                || !of_stay(invoice)
            {
                continue;
            }
            let share = left.min(-balance.due.amount).max(Decimal::ZERO);
            balance.due = unsigned_zero(balance.due.amount + share, balance.due.currency);
            balance.paid = unsigned_zero(balance.paid.amount - share, balance.paid.currency);
            left -= share;
        }
    }
    Ok(balances)
}

/// `amount` in `currency`, a zero always written `0.00`, never `-0.00`.
fn unsigned_zero(mut amount: Decimal, currency: Currency) -> Money {
    if amount.is_zero() {
        amount.set_sign_positive(true);
    }
    Money::new(amount, currency)
}

/// The money received on invoice `number`: its payments but `carried` ones.
fn received_on(currency: Currency, number: &str, payments: &[Payment]) -> Result<Money> {
    Money::sum(
        currency,
        payments
            .iter()
            .filter(|p| p.method != PaymentMethod::Carried && p.invoice_number == number)
            .map(|p| &p.amount),
    )
}

/// The money received on `invoices`: their payments, less `carried` ones (sums moved from a
/// cancelled invoice, received once already).
pub(crate) fn received<'a>(
    currency: Currency,
    invoices: impl Iterator<Item = &'a Invoice>,
    payments: &[Payment],
) -> Result<Money> {
    let numbers: Vec<&str> = invoices.filter_map(|i| i.number.as_deref()).collect();
    Money::sum(
        currency,
        payments
            .iter()
            .filter(|p| p.method != PaymentMethod::Carried)
            .filter(|p| numbers.contains(&p.invoice_number.as_str()))
            .map(|p| &p.amount),
    )
}

/// Where one installment of the schedule stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum InstallmentState {
    /// Paid in full.
    Paid,
    /// Not due yet.
    Upcoming,
    /// Due today.
    Due,
    /// Past its date and not fully paid.
    Late,
}

/// One installment with what was paid towards it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ScheduledPayment {
    /// Deposit, balance or everything.
    pub kind: InstallmentKind,
    /// Due on this day, in the establishment's zone.
    #[serde(deserialize_with = "crate::codec::date")]
    pub due_on: NaiveDate,
    /// The installment's amount.
    pub amount: Money,
    /// Paid towards it (payments fill the installments in order).
    pub paid: Money,
    /// Still due on it.
    pub due: Money,
    /// Paid, upcoming, due today or late.
    pub state: InstallmentState,
}

/// The schedule's state at `now` (a day in `time_zone`), given what the stay's payments add up
/// to (`paid`): payments fill the deposit first, then the balance.
///
/// ```
/// use hospes::payment::{schedule_state, InstallmentState};
/// # let schedule: Vec<hospes::pricing::Installment> = serde_json::from_str(r#"[{"kind":"deposit","due_on":"2026-03-01","amount":{"amount":"300.00","currency":"EUR"}},{"kind":"balance","due_on":"2026-06-11","amount":{"amount":"700.00","currency":"EUR"}}]"#).unwrap();
/// let paid = hospes::Money::parse("300.00", "EUR").unwrap();
/// let now = "2026-06-12T08:00:00Z".parse().unwrap();
/// let states = schedule_state(&schedule, &paid, "Europe/Paris".parse().unwrap(), now).unwrap();
/// assert_eq!(states[0].state, InstallmentState::Paid);
/// assert_eq!(states[1].state, InstallmentState::Late);
/// ```
pub fn schedule_state(
    schedule: &[Installment],
    paid: &Money,
    time_zone: TimeZone,
    now: DateTime<Utc>,
) -> Result<Vec<ScheduledPayment>> {
    let today = now.with_timezone(&time_zone.tz()).date_naive();
    let mut left = paid.clone();
    schedule
        .iter()
        .map(|installment| {
            let towards = if left.amount >= installment.amount.amount {
                installment.amount.clone()
            } else if left.amount > Decimal::ZERO {
                left.clone()
            } else {
                Money::zero(installment.amount.currency)
            };
            left = left.checked_sub(&towards)?;
            let due = installment.amount.checked_sub(&towards)?;
            let state = if due.amount <= Decimal::ZERO {
                InstallmentState::Paid
            } else if today < installment.due_on {
                InstallmentState::Upcoming
            } else if today == installment.due_on {
                InstallmentState::Due
            } else {
                InstallmentState::Late
            };
            Ok(ScheduledPayment {
                kind: installment.kind,
                due_on: installment.due_on,
                amount: installment.amount.clone(),
                paid: towards,
                due,
                state,
            })
        })
        .collect()
}

/// When to remind a guest of a payment: days before its date, and days after it (late).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReminderPolicy {
    /// Remind this many days before the due date (e.g. `[7]`).
    #[serde(default)]
    pub days_before: Vec<u32>,
    /// Remind this many days after an unpaid due date (e.g. `[1, 7]`).
    #[serde(default)]
    pub days_after: Vec<u32>,
}

/// A reminder the host should send now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PaymentReminder {
    /// Stable key (`312:balance:-7`, `312:balance:+1`): store it once sent, pass it back in
    /// `sent` so it is not sent twice.
    pub key: String,
    /// The stay.
    pub stay_reference: String,
    /// Which installment.
    pub kind: InstallmentKind,
    /// Its date.
    #[serde(deserialize_with = "crate::codec::date")]
    pub due_on: NaiveDate,
    /// What is still due on it.
    pub amount_due: Money,
    /// Days from the due date: negative before it, positive when late.
    pub days_from_due: i64,
    /// The link to put in the mail (`[LIEN_PAIEMENT_ACOMPTE]` or `[LIEN_PAIEMENT_SOLDE]`).
    pub link_purpose: LinkPurpose,
}

/// The reminders due at `now` for one stay: for each installment not paid, the latest step of
/// `policy` reached today, unless its key is in `sent`. A host that missed a few days sends
/// one reminder, not a burst.
///
/// ```
/// use hospes::payment::{reminders_due, schedule_state, ReminderPolicy};
/// # let schedule: Vec<hospes::pricing::Installment> = serde_json::from_str(r#"[{"kind":"balance","due_on":"2026-06-11","amount":{"amount":"700.00","currency":"EUR"}}]"#).unwrap();
/// let now = "2026-06-05T08:00:00Z".parse().unwrap();
/// let states = schedule_state(&schedule, &hospes::Money::parse("0", "EUR").unwrap(), "Europe/Paris".parse().unwrap(), now).unwrap();
/// let policy = ReminderPolicy { days_before: vec![7], days_after: vec![1, 7] };
/// let due = reminders_due("312", &states, &policy, &[], "Europe/Paris".parse().unwrap(), now);
/// assert_eq!(due[0].key, "312:balance:-7");
/// let sent = vec![due[0].key.clone()];
/// assert!(reminders_due("312", &states, &policy, &sent, "Europe/Paris".parse().unwrap(), now).is_empty());
/// ```
pub fn reminders_due(
    stay_reference: &str,
    states: &[ScheduledPayment],
    policy: &ReminderPolicy,
    sent: &[String],
    time_zone: TimeZone,
    now: DateTime<Utc>,
) -> Vec<PaymentReminder> {
    let today = now.with_timezone(&time_zone.tz()).date_naive();
    let steps: Vec<i64> = policy
        .days_before
        .iter()
        .map(|d| -i64::from(*d))
        .chain(policy.days_after.iter().map(|d| i64::from(*d)))
        .collect();
    states
        .iter()
        .filter(|s| s.state != InstallmentState::Paid)
        .filter_map(|s| {
            let days_from_due = (today - s.due_on).num_days();
            let step = steps
                .iter()
                .copied()
                .filter(|d| *d <= days_from_due)
                .max()?;
            let kind = match s.kind {
                InstallmentKind::Deposit => "deposit",
                InstallmentKind::Balance => "balance",
                InstallmentKind::Full => "full",
                InstallmentKind::Rent => "rent",
            };
            let key = format!("{stay_reference}:{kind}:{step:+}");
            if sent.contains(&key) {
                return None;
            }
            Some(PaymentReminder {
                key,
                stay_reference: stay_reference.to_owned(),
                kind: s.kind,
                due_on: s.due_on,
                amount_due: s.due.clone(),
                days_from_due: step,
                link_purpose: match s.kind {
                    InstallmentKind::Deposit => LinkPurpose::DepositPayment,
                    _ => LinkPurpose::BalancePayment,
                },
            })
        })
        .collect()
}

/// What hospes hands to the host's payment provider plug-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PaymentRequest {
    /// Reference for the provider: the same request made twice has the same reference, so the
    /// provider can refuse a second charge.
    pub reference: String,
    /// The invoice paid.
    pub invoice_number: String,
    /// Deposit, balance or everything.
    pub kind: InstallmentKind,
    /// How much: what is due on the invoice.
    pub amount: Money,
    /// What the guest sees on the provider's page.
    pub description: String,
    /// The guest's name.
    pub customer_name: String,
    /// The guest's e-mail.
    pub customer_email: Option<String>,
    /// Where the provider sends the guest back after paying.
    pub return_url: String,
    /// Where the provider sends the guest back when they give up.
    pub cancel_url: String,
    /// Language of the provider's page.
    pub locale: Locale,
}

/// The payment request for what is due on `invoice`: refused (`payment.not_payable`) when
/// nothing is. Return links go to the portal: `{portal_base_url}/pay/return?ref=…` and
/// `/pay/cancel?ref=…`.
pub fn payment_request(
    establishment: &Establishment,
    invoice: &Invoice,
    payments: &[Payment],
) -> Result<PaymentRequest> {
    let balance = balance(invoice, payments)?;
    if !open_for_payment(invoice, &balance) {
        return Err(Error::NotPayable {
            number: balance.invoice_number,
            status: balance.status.name().into(),
        });
    }
    let kind = match invoice.kind {
        InvoiceKind::Deposit => InstallmentKind::Deposit,
        InvoiceKind::Balance | InvoiceKind::Final => InstallmentKind::Balance,
        _ => InstallmentKind::Full,
    };
    let number = balance.invoice_number.clone();
    let digest = sha256_of(format!("{number}|{}|{}", balance.paid, balance.due).as_bytes());
    let reference = format!("{number}-{}", digest.get(..12).unwrap_or_default());
    let base = establishment.portal_base_url.trim_end_matches('/');
    let description = crate::invoice::label(
        "label-payment-description",
        &[
            ("establishment", establishment.name.as_str().into()),
            ("number", number.as_str().into()),
        ],
        invoice.locale,
    );
    Ok(PaymentRequest {
        return_url: format!("{base}/pay/return?ref={reference}"),
        cancel_url: format!("{base}/pay/cancel?ref={reference}"),
        reference,
        invoice_number: number,
        kind,
        amount: balance.due,
        description,
        customer_name: invoice.customer.name.clone(),
        customer_email: invoice.customer.email.clone(),
        locale: invoice.locale,
    })
}

/// What the provider says happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ProviderStatus {
    /// Paid.
    Succeeded,
    /// Refused by the bank or the provider.
    Failed,
    /// The guest gave up.
    Cancelled,
    /// Not settled yet (a transfer, 3-D Secure pending).
    Pending,
}

/// The provider's result, as the host's plug-in reads it from the webhook or the return page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ProviderResult {
    /// The request's reference.
    pub reference: String,
    /// What happened.
    pub status: ProviderStatus,
    /// The amount the provider took.
    pub amount: Money,
    /// The provider (`payplug`).
    pub provider: String,
    /// The provider's transaction id: the payment's idempotency key.
    pub transaction_id: String,
    /// When the provider settled it.
    pub at: DateTime<Utc>,
}

/// Accepts the provider's result for `request`: a success records the payment (its key the
/// transaction id, so a webhook and a return page reporting the same payment count once); a
/// failure or a cancellation records nothing and says `payment_failed`; pending changes nothing.
///
/// Errors: `payment.result_mismatch` when the result is for another reference, another amount
/// or another currency than the request; then as [`record`].
pub fn accept_result(
    invoice: &Invoice,
    payments: &[Payment],
    request: &PaymentRequest,
    result: ProviderResult,
    now: DateTime<Utc>,
) -> Result<PaymentRecorded> {
    if result.reference != request.reference || result.amount != request.amount {
        return Err(Error::PaymentResultMismatch {
            reference: result.reference.chars().take(100).collect(),
            amount: result.amount.to_string(),
        });
    }
    match result.status {
        ProviderStatus::Succeeded => record(
            invoice,
            payments,
            Payment {
                key: result.transaction_id.clone(),
                invoice_number: request.invoice_number.clone(),
                amount: result.amount,
                method: PaymentMethod::Card,
                received_at: result.at,
                provider: Some(result.provider),
                provider_reference: Some(result.transaction_id),
                reverses: None,
                reason: None,
            },
            now,
        ),
        ProviderStatus::Failed | ProviderStatus::Cancelled => unchanged(
            invoice,
            payments,
            false,
            vec![Event::PaymentFailed {
                occurred_at: now,
                client_id: invoice.customer.client_id.clone(),
                invoice_number: request.invoice_number.clone(),
                amount: request.amount.clone(),
                cancelled_by_guest: result.status == ProviderStatus::Cancelled,
            }],
        ),
        ProviderStatus::Pending => unchanged(invoice, payments, false, vec![]),
    }
}
