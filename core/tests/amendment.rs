//! Changing a confirmed stay, as seed 002 tells it: « Modifiez en quelques clics la réservation
//! en appliquant une remise, en y ajoutant des options ou en changeant des dates » — and the
//! invoices that follow: a credit note and a new invoice, never an edit.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::invoicing::{credit_series, eur, get, pay, series, stored};
use common::{at, catalogue, proptest_config};
use hospes::amendment::{self, Amendment, AmendmentConfirmation};
use hospes::booking::{self, BookingRequest};
use hospes::invoice::{self, Invoice, InvoiceKind, InvoiceRequest, InvoiceStatus};
use hospes::payment::{self, Payment, PaymentMethod};
use hospes::pricing::{BusinessDiscount, PriceRequest, PromoDiscount};
use hospes::{Currency, DateTime, Decimal, Money, Stay, StayStatus, Utc};
use proptest::prelude::*;

/// Two adults in the three-bedroom mobile home from `arrival` to `departure`, with `options`.
fn request(arrival: &str, departure: &str, options: &[&str]) -> PriceRequest {
    let supplements: Vec<_> = options
        .iter()
        .map(|id| serde_json::json!({"id": id}))
        .collect();
    serde_json::from_value(serde_json::json!({
        "unit": "MH3", "arrival": arrival, "departure": departure, "guests": [{}, {}],
        "supplements": supplements,
    }))
    .unwrap()
}

/// Stay 312, booked by phone on 1 March for the week of 11 July with `options`.
fn booked(options: &[&str]) -> Stay {
    booking::book(
        &catalogue(),
        BookingRequest {
            client_id: "C-1042".into(),
            stay_reference: "312".into(),
            request: request("2026-07-11", "2026-07-18", options),
            discount: None,
            participants: vec![],
            origin: None,
        },
        at("2026-03-01T10:00:00Z"),
    )
    .unwrap()
    .stay
}

/// An invoice of `kind` for `stay` after `previous`, issued on `date`.
fn issued(
    stay: &Stay,
    kind: InvoiceKind,
    previous: Vec<Invoice>,
    date: &str,
    last: &str,
) -> Invoice {
    let total = stay.totals().unwrap().vat.total_incl_vat;
    let deposit = total.checked_mul("0.3".parse().unwrap()).unwrap().rounded();
    invoice::draft(InvoiceRequest {
        kind,
        establishment: get("establishment"),
        client: get("client"),
        stay: Some(stay.clone()),
        lines: vec![],
        amount: (kind == InvoiceKind::Deposit).then_some(deposit),
        previous,
        due_date: date.parse().unwrap(),
        locale: None,
        late_payment_rate_percent: None,
    })
    .unwrap()
    .issue(
        &series(Some(last)),
        date.parse().unwrap(),
        at(&format!("{date}T10:00:00Z")),
    )
    .unwrap()
    .invoice
}

/// Stay 312's deposit (30 %, invoiced and paid on 1 March) and balance (invoiced on 1 June).
fn invoiced(stay: &Stay) -> (Invoice, Invoice) {
    let deposit = issued(
        stay,
        InvoiceKind::Deposit,
        vec![],
        "2026-03-01",
        "FA26030041",
    );
    let balance = issued(
        stay,
        InvoiceKind::Balance,
        vec![deposit.clone()],
        "2026-06-01",
        "FA26050007",
    );
    (deposit, balance)
}

/// The 5 June instant at which the business changes the stay.
fn june() -> DateTime<Utc> {
    at("2026-06-05T09:00:00Z")
}

/// Changes `stay` as `request` (and `discount`) asks on 5 June, confirming the total previewed.
fn change(
    stay: &Stay,
    request: &PriceRequest,
    discount: Option<&BusinessDiscount>,
    invoices: &[Invoice],
    payments: &[Payment],
) -> Amendment {
    let shown = amendment::preview(
        stay,
        &catalogue(),
        request,
        discount,
        invoices,
        payments,
        june(),
    )
    .unwrap();
    amendment::confirm(
        stay,
        &catalogue(),
        request,
        discount,
        invoices,
        payments,
        AmendmentConfirmation {
            shown_total: shown.total,
            invoice_series: series(Some("FA26060003")),
            credit_note_series: credit_series(),
        },
        june(),
    )
    .unwrap()
}

/// Changes `stay` as `request` asks on 5 June, without a discount.
fn change_it(
    stay: &Stay,
    request: &PriceRequest,
    invoices: &[Invoice],
    payments: &[Payment],
) -> Amendment {
    change(stay, request, None, invoices, payments)
}

/// The stay's documents and payments once `done` is stored: the invoices replaced by their
/// cancelled copies, then the credit notes and new invoices; the carried payments added.
fn after(
    done: &Amendment,
    invoices: &[Invoice],
    payments: &[Payment],
) -> (Vec<Invoice>, Vec<Payment>) {
    let changed = done.cancelled_invoices.iter().chain(&done.settled_invoices);
    let added = done.credit_notes.iter().chain(&done.invoices).cloned();
    let documents = stored(invoices, changed, added);
    let mut payments = payments.to_vec();
    payments.extend(done.carried_payments.clone());
    (documents, payments)
}

fn total(stay: &Stay) -> Money {
    stay.totals().unwrap().vat.total_incl_vat
}

#[test]
fn moving_a_stays_dates_cancels_its_balance_invoice_by_a_credit_note_and_issues_a_new_one() {
    let stay = booked(&[]);
    let (deposit, balance) = invoiced(&stay);
    let invoices = vec![deposit.clone(), balance.clone()];
    let a_week_later = request("2026-07-18", "2026-07-25", &[]);
    let shown = amendment::preview(
        &stay,
        &catalogue(),
        &a_week_later,
        None,
        &invoices,
        &[],
        june(),
    )
    .unwrap();
    let change = shown.dates_changed.clone().unwrap();
    assert_eq!(
        (
            change.previous_arrival.to_string(),
            change.arrival.to_string()
        ),
        ("2026-07-11".into(), "2026-07-18".into())
    );
    assert_eq!(shown.documents.len(), 2);
    assert_eq!(shown.documents[0].kind, InvoiceKind::CreditNote);
    assert_eq!(shown.documents[0].cancels, balance.number);
    assert_eq!(shown.documents[1].kind, InvoiceKind::Balance);

    let done = change_it(&stay, &a_week_later, &invoices, &[]);
    assert_eq!(done.stay.status, StayStatus::Confirmed);
    assert_eq!(done.stay.arrival.to_string(), "2026-07-18");
    assert_eq!(done.cancelled_invoices[0].number, balance.number);
    assert_eq!(done.cancelled_invoices[0].status, InvoiceStatus::Cancelled);
    let note = &done.credit_notes[0];
    assert_eq!(note.number.as_deref(), Some("AV26060001"));
    assert_eq!(note.credited_invoice, balance.number);
    assert_eq!(
        note.total(),
        &Money::new(-balance.total().amount, Currency::EUR)
    );
    let new = &done.invoices[0];
    assert_eq!(new.kind, InvoiceKind::Balance);
    assert_eq!(new.number.as_deref(), Some("FA26060004"));
    assert_eq!(new.service_from.unwrap().to_string(), "2026-07-18");
    // Due thirty days before the new arrival.
    assert_eq!(new.due_date.to_string(), "2026-06-18");
    // The deposit stays as it was, and is deducted from the new balance as from the old.
    assert_eq!(new.total(), balance.total());
    let kinds: Vec<&str> = done.events.iter().map(|e| e.kind()).collect();
    assert_eq!(
        kinds,
        [
            "invoice_issued",
            "invoice_cancelled",
            "invoice_issued",
            "stay_amended"
        ]
    );
    assert_eq!(done.invoice_series.last.as_deref(), Some("FA26060004"));
}

#[test]
fn money_paid_on_the_cancelled_invoice_is_carried_to_the_new_one() {
    let stay = booked(&[]);
    let (deposit, balance) = invoiced(&stay);
    let invoices = vec![deposit.clone(), balance.clone()];
    let payments = vec![
        pay(&deposit, "t-deposit", &deposit.total().amount.to_string()),
        pay(&balance, "t-balance", &balance.total().amount.to_string()),
    ];
    // The guest asks for the end-of-stay cleaning: 60 € more.
    let with_cleaning = request("2026-07-11", "2026-07-18", &["cleaning"]);
    let shown = amendment::preview(
        &stay,
        &catalogue(),
        &with_cleaning,
        None,
        &invoices,
        &payments,
        june(),
    )
    .unwrap();
    assert_eq!(shown.difference, eur("60.00"));
    assert_eq!(shown.left_to_pay, eur("60.00"));
    assert_eq!(shown.refund, eur("0.00"));

    let done = change_it(&stay, &with_cleaning, &invoices, &payments);
    let carried = &done.carried_payments[0];
    assert_eq!(carried.method, PaymentMethod::Carried);
    assert_eq!(&carried.amount, balance.total());
    assert_eq!(
        Some(&carried.invoice_number),
        done.invoices[0].number.as_ref()
    );
    assert_eq!(done.invoices[0].status, InvoiceStatus::PartlyPaid);

    let (documents, payments_after) = after(&done, &invoices, &payments);
    let b = payment::stay_balance(Currency::EUR, &documents, &payments_after).unwrap();
    // Nothing is paid twice: what was received is what was received, 60 € are left to pay.
    assert_eq!(b.invoiced, total(&done.stay));
    assert_eq!(b.paid, eur("992.32"));
    assert_eq!(b.due, eur("60.00"));
    let dues = Money::sum(Currency::EUR, b.invoices.iter().map(|i| &i.due)).unwrap();
    assert_eq!(dues, b.due);
    let note = b
        .invoices
        .iter()
        .find(|i| i.invoice_number == "AV26060001")
        .unwrap();
    assert_eq!(note.due, eur("0.00"));
}

#[test]
fn an_invoice_is_never_edited() {
    let stay = booked(&[]);
    let (deposit, balance) = invoiced(&stay);
    let invoices = vec![deposit.clone(), balance.clone()];
    let done = change_it(
        &stay,
        &request("2026-07-18", "2026-07-25", &["cleaning"]),
        &invoices,
        &[],
    );
    // The balance invoice comes back only with its status changed: the same document, to the
    // byte of its hash; the deposit is not touched at all.
    let cancelled = &done.cancelled_invoices[0];
    assert_eq!(
        Invoice {
            status: balance.status,
            ..cancelled.clone()
        },
        balance
    );
    assert_eq!(
        cancelled.document_sha256().unwrap(),
        balance.document_sha256().unwrap()
    );
    assert!(
        done.cancelled_invoices
            .iter()
            .all(|i| i.number != deposit.number)
    );
    assert!(done.invoices.iter().all(|i| i.number != balance.number));
}

#[test]
fn an_option_the_catalogue_sells_only_at_booking_cannot_be_added_later() {
    let stay = booked(&[]);
    let with_insurance = request("2026-07-11", "2026-07-18", &["insurance"]);
    let err = amendment::preview(&stay, &catalogue(), &with_insurance, None, &[], &[], june())
        .unwrap_err();
    assert_eq!(err.code(), "pricing.option_not_allowed");
    assert!(format!("{err:?}").contains("booking_only"));
}

#[test]
fn an_option_taken_at_booking_stays_when_the_dates_move() {
    let stay = booked(&["insurance"]);
    let moved = request("2026-07-18", "2026-07-25", &["insurance"]);
    let shown = amendment::preview(&stay, &catalogue(), &moved, None, &[], &[], june()).unwrap();
    assert!(
        shown
            .priced
            .lines
            .iter()
            .any(|l| l.label == "Assurance annulation")
    );
    // No balance invoice yet: only the stay changes.
    assert!(shown.documents.is_empty());
}

#[test]
fn the_amount_shown_before_confirming_must_be_the_amount_confirmed() {
    let stay = booked(&[]);
    let (deposit, balance) = invoiced(&stay);
    let invoices = vec![deposit, balance];
    let with_cleaning = request("2026-07-11", "2026-07-18", &["cleaning"]);
    let shown = amendment::preview(
        &stay,
        &catalogue(),
        &with_cleaning,
        None,
        &invoices,
        &[],
        june(),
    )
    .unwrap();
    // The cleaning went up between the preview and the confirmation.
    let mut dearer = catalogue();
    let cleaning = dearer
        .supplements
        .iter_mut()
        .find(|s| s.id == "cleaning")
        .unwrap();
    cleaning.price = "75.00".parse().unwrap();
    let err = amendment::confirm(
        &stay,
        &dearer,
        &with_cleaning,
        None,
        &invoices,
        &[],
        AmendmentConfirmation {
            shown_total: shown.total.clone(),
            invoice_series: series(Some("FA26060003")),
            credit_note_series: credit_series(),
        },
        june(),
    )
    .unwrap_err();
    assert_eq!(
        err,
        hospes::Error::AmendmentChanged {
            reference: "312".into(),
            shown: "1052.32 EUR".into(),
            now: "1067.32 EUR".into(),
        }
    );
}

#[test]
fn a_discount_on_a_paid_stay_is_refunded_by_the_credit_note() {
    let stay = booked(&[]);
    let (deposit, balance) = invoiced(&stay);
    let invoices = vec![deposit.clone(), balance.clone()];
    let payments = vec![
        pay(&deposit, "t-deposit", &deposit.total().amount.to_string()),
        pay(&balance, "t-balance", &balance.total().amount.to_string()),
    ];
    let gesture = BusinessDiscount {
        label: "Geste commercial".into(),
        discount: PromoDiscount::Fixed {
            amount: "80.00".parse().unwrap(),
        },
    };
    let same_dates = request("2026-07-11", "2026-07-18", &[]);
    let done = change(&stay, &same_dates, Some(&gesture), &invoices, &payments);
    assert_eq!(total(&done.stay), eur("912.32"));
    assert_eq!(done.refund, eur("80.00"));
    let (documents, payments_after) = after(&done, &invoices, &payments);
    let b = payment::stay_balance(Currency::EUR, &documents, &payments_after).unwrap();
    assert_eq!((b.invoiced, b.due), (eur("912.32"), eur("-80.00")));
    let event = serde_json::to_value(done.events.last().unwrap()).unwrap();
    assert_eq!(event["type"], "stay_amended");
    assert_eq!(event["refund"]["amount"], "80.00");
    assert!(event.get("dates_changed").is_none());
}

#[test]
fn a_stay_brought_below_its_deposit_has_its_deposit_replaced_too() {
    let stay = booked(&[]);
    let (deposit, _) = invoiced(&stay);
    let payments = vec![pay(
        &deposit,
        "t-deposit",
        &deposit.total().amount.to_string(),
    )];
    let friends_rate = BusinessDiscount {
        label: "Tarif ami".into(),
        discount: PromoDiscount::SetPrice {
            price: "200.00".parse().unwrap(),
        },
    };
    let same_dates = request("2026-07-11", "2026-07-18", &[]);
    let invoices = vec![deposit.clone()];
    let done = change(
        &stay,
        &same_dates,
        Some(&friends_rate),
        &invoices,
        &payments,
    );
    // 212.32 € now, less than the 297.70 € deposit: no balance could follow it.
    assert_eq!(done.cancelled_invoices[0].number, deposit.number);
    let new = &done.invoices[0];
    assert_eq!(
        (new.kind, new.total()),
        (InvoiceKind::Balance, &eur("212.32"))
    );
    assert_eq!(new.status, InvoiceStatus::Paid);
    assert_eq!(done.refund, eur("85.38"));
    let (documents, payments_after) = after(&done, &invoices, &payments);
    let b = payment::stay_balance(Currency::EUR, &documents, &payments_after).unwrap();
    assert_eq!((b.invoiced, b.due), (eur("212.32"), eur("-85.38")));
}

#[test]
fn a_stay_that_is_not_confirmed_or_not_changed_is_refused() {
    let stay = booked(&[]);
    let same = request("2026-07-11", "2026-07-18", &[]);
    let err = amendment::preview(&stay, &catalogue(), &same, None, &[], &[], june()).unwrap_err();
    assert_eq!(err.code(), "stay.nothing_changed");
    let cancelled = Stay {
        status: StayStatus::Cancelled,
        ..stay
    };
    let moved = request("2026-07-18", "2026-07-25", &[]);
    let err =
        amendment::preview(&cancelled, &catalogue(), &moved, None, &[], &[], june()).unwrap_err();
    assert_eq!(err.code(), "stay.not_editable");
}

/// One change drawn by the property test: a shift of the arrival by whole weeks, a length in
/// weeks, the cleaning or not, a percentage off or none.
#[derive(Debug, Clone)]
struct Change {
    shift: u64,
    weeks: u64,
    cleaning: bool,
    discount: Option<u32>,
}

fn a_change() -> impl Strategy<Value = Change> {
    (
        0u64..4,
        0u64..3,
        any::<bool>(),
        prop::option::of(0u32..=100),
    )
        .prop_map(|(shift, weeks, cleaning, discount)| Change {
            shift,
            weeks,
            cleaning,
            discount,
        })
}

/// A stay with its documents and payments, as the host stores them.
type Stored = (Stay, Vec<Invoice>, Vec<Payment>);

/// Applies `change` to `stay` with its `documents` and `payments`, checks what must hold after
/// it, and returns the stay, documents and payments to store; none when it changes nothing.
fn apply_and_check(
    stay: &Stay,
    change: &Change,
    documents: &[Invoice],
    payments: &[Payment],
    series_last: &str,
    credit_last: Option<&str>,
) -> Result<Option<Stored>, TestCaseError> {
    let arrival =
        hospes::NaiveDate::from_ymd_opt(2026, 7, 11).unwrap() + chrono::Days::new(7 * change.shift);
    let departure = arrival + chrono::Days::new(7 * (change.weeks + 1));
    let options: &[&str] = if change.cleaning { &["cleaning"] } else { &[] };
    let asked = request(&arrival.to_string(), &departure.to_string(), options);
    let discount = change.discount.map(|percent| BusinessDiscount {
        label: "Remise".into(),
        discount: PromoDiscount::Percent {
            percent: Decimal::from(percent),
        },
    });
    let before = payment::stay_balance(Currency::EUR, documents, payments).unwrap();
    let shown = match amendment::preview(
        stay,
        &catalogue(),
        &asked,
        discount.as_ref(),
        documents,
        payments,
        june(),
    ) {
        Ok(shown) => shown,
        Err(e) => {
            prop_assert_eq!(e.code(), "stay.nothing_changed");
            return Ok(None);
        }
    };
    let done = amendment::confirm(
        stay,
        &catalogue(),
        &asked,
        discount.as_ref(),
        documents,
        payments,
        AmendmentConfirmation {
            shown_total: shown.total.clone(),
            invoice_series: series(Some(series_last)),
            credit_note_series: hospes::invoice::InvoiceSeries {
                pattern: "AV{yy}{mm}{seq:04}".into(),
                last: credit_last.map(Into::into),
                factur_x: None,
            },
        },
        june(),
    )
    .unwrap();
    prop_assert_eq!(&shown.total, &total(&done.stay));
    prop_assert_eq!(&shown.refund, &done.refund);
    let (documents_after, payments_after) = after(&done, documents, payments);
    let b = payment::stay_balance(Currency::EUR, &documents_after, &payments_after).unwrap();
    // paid + due = invoiced, and the money received is what it was: nothing paid twice.
    prop_assert_eq!(b.paid.checked_add(&b.due).unwrap(), b.invoiced.clone());
    prop_assert_eq!(&b.paid, &before.paid);
    // What each document says is due adds up to the stay's due.
    let dues = Money::sum(Currency::EUR, b.invoices.iter().map(|i| &i.due)).unwrap();
    prop_assert_eq!(&dues, &b.due);
    // Something is refunded only when nothing is owed any more, and it is what is owed back.
    if !done.refund.is_zero() {
        prop_assert_eq!(
            Money::new(-done.refund.amount, Currency::EUR),
            b.due.clone()
        );
    }
    // Once a balance invoice stands, the stay's documents add up to its new total.
    let live_balance = documents_after
        .iter()
        .any(|i| i.kind == InvoiceKind::Balance && i.status != InvoiceStatus::Cancelled);
    if live_balance {
        prop_assert_eq!(&b.invoiced, &total(&done.stay));
        prop_assert_eq!(&b.due, &total(&done.stay).checked_sub(&b.paid).unwrap());
    }
    // An invoice is never edited: every document stands as it was issued.
    for original in documents {
        let now = documents_after
            .iter()
            .find(|d| d.number == original.number)
            .unwrap();
        prop_assert_eq!(
            now.document_sha256().unwrap(),
            original.document_sha256().unwrap()
        );
    }
    Ok(Some((done.stay, documents_after, payments_after)))
}

proptest! {
    #![proptest_config(proptest_config())]

    /// Whatever the changes — one, then maybe another — and whatever was paid, nothing is lost
    /// and nothing is paid twice: `paid + due = invoiced`, the money received stays what it
    /// was, what each document says is due adds up to the stay's due, a refund is owed only
    /// when nothing else is, and once a balance invoice stands the documents add up to the new
    /// total.
    #[test]
    fn after_any_change_the_stays_documents_add_up_to_its_new_total(
        first in a_change(),
        second in prop::option::of(a_change()),
        balance_invoiced in any::<bool>(),
        deposit_paid in 0u32..=100,
        balance_paid in 0u32..=100,
    ) {
        let stay = booked(&[]);
        let (deposit, balance) = invoiced(&stay);
        let mut invoices = vec![deposit.clone()];
        let part = |i: &Invoice, percent: u32| {
            i.total().checked_mul(Decimal::from(percent) / Decimal::ONE_HUNDRED).unwrap().rounded()
        };
        let mut payments = vec![];
        if deposit_paid > 0 {
            let amount = part(&deposit, deposit_paid).amount.to_string();
            payments.push(pay(&deposit, "t-deposit", &amount));
        }
        if balance_invoiced {
            invoices.push(balance.clone());
            if balance_paid > 0 {
                let amount = part(&balance, balance_paid).amount.to_string();
                payments.push(pay(&balance, "t-balance", &amount));
            }
        }
        let Some((stay, invoices, payments)) =
            apply_and_check(&stay, &first, &invoices, &payments, "FA26060003", None)?
        else {
            return Ok(());
        };
        if let Some(second) = second {
            let credit_last = Some("AV26060005");
            apply_and_check(&stay, &second, &invoices, &payments, "FA26060009", credit_last)?;
        }
    }
}

#[test]
fn the_change_reads_in_the_business_s_activity_feed_in_its_three_languages() {
    let stay = booked(&[]);
    let done = change_it(
        &stay,
        &request("2026-07-18", "2026-07-25", &["cleaning"]),
        &[],
        &[],
    );
    let event = done.events.last().unwrap();
    assert_eq!(
        event.describe(hospes::Locale::En),
        "Stay 312 changed: from July 18, 2026 to July 25, 2026 (instead of July 11, 2026 to July 18, \
         2026), €1,052.32 instead of €992.32 (client C-1042)."
    );
    assert!(
        event
            .describe(hospes::Locale::Fr)
            .starts_with("Séjour 312 modifié : du ")
    );
    assert!(
        event
            .describe(hospes::Locale::Es)
            .starts_with("Estancia 312 modificada: del ")
    );
    let priced_only = change_it(
        &stay,
        &request("2026-07-11", "2026-07-18", &["cleaning"]),
        &[],
        &[],
    );
    assert!(
        priced_only
            .events
            .last()
            .unwrap()
            .describe(hospes::Locale::Fr)
            .starts_with("Séjour 312 modifié : ")
    );
}
