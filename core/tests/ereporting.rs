//! B2C e-reporting, as the platform reads it: the sales to individuals per day and VAT rate, the
//! money received for services split over the invoices' rates to the cent, what invoices to
//! businesses leave to e-invoicing, and the tourist tax apart.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::at;
use common::invoicing::{credit_series, deposit, deposit_payment, eur, get, pay, request};
use hospes::ereporting::{self, EReport, EReportOptions, TransactionCategory};
use hospes::invoice::{self, Invoice, InvoiceKind, InvoiceStatus};
use hospes::payment::{Payment, PaymentMethod};
use hospes::stay::LineKind;
use hospes::{Decimal, Establishment, Line, Money, NaiveDate};
use proptest::prelude::*;

fn camping() -> Establishment {
    get("establishment")
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The report of `first` to `last` with the default options.
fn report(invoices: &[Invoice], payments: &[Payment], first: &str, last: &str) -> EReport {
    ereporting::report(
        &camping(),
        invoices,
        payments,
        day(first),
        day(last),
        &EReportOptions::default(),
    )
    .unwrap()
}

/// `invoice` under another number, for another guest.
fn another(invoice: &Invoice, number: &str, client_id: &str) -> Invoice {
    let mut other = Invoice {
        number: Some(number.into()),
        ..invoice.clone()
    };
    other.customer.client_id = client_id.into();
    other
}

/// The 20-line final invoice of stay 418 (`core/tests/data/invoice.json`): accommodation and
/// supplements at 10 % and 20 %, side sales at 5.5 % and 20 %, the tourist tax at 0 %.
fn final_invoice() -> Invoice {
    serde_json::from_str(include_str!("data/invoice.json")).unwrap()
}

/// A side-sale invoice of `lines`, numbered `number` and issued on `date`, for Marie.
fn issued(lines: Vec<Line>, number: &str, date: &str) -> Invoice {
    let draft = invoice::draft(invoice::InvoiceRequest {
        kind: InvoiceKind::SideSale,
        stay: None,
        lines,
        ..request(InvoiceKind::SideSale, vec![])
    })
    .unwrap();
    Invoice {
        number: Some(number.into()),
        status: InvoiceStatus::Issued,
        issue_date: Some(day(date)),
        ..draft
    }
}

fn line(kind: LineKind, quantity: &str, price: &str, rate: &str) -> Line {
    Line {
        label: format!("{kind:?}"),
        kind,
        quantity: quantity.parse().unwrap(),
        unit_price: eur(price),
        vat_rate: rate.parse().unwrap(),
    }
}

fn total(amounts: impl IntoIterator<Item = Money>) -> Money {
    amounts
        .into_iter()
        .fold(Money::zero(hospes::Currency::EUR), |a, b| {
            a.checked_add(&b).unwrap()
        })
}

#[test]
fn a_day_of_two_guests_invoices_is_one_line_per_vat_rate() {
    let marie = deposit();
    let paul = another(&marie, "FA26030043", "C-2077");
    let decade = report(&[marie, paul], &[], "2026-03-01", "2026-03-10");
    assert_eq!(decade.siren, "732829320");
    let lines: Vec<_> = decade
        .transactions
        .iter()
        .map(|t| {
            let (date, code, rate) = (t.date, t.category.code(), t.vat_rate);
            format!("{date} {code} {rate} ×{} {} {}", t.count, t.excl_vat, t.vat)
        })
        .collect();
    assert_eq!(
        lines,
        [
            "2026-03-01 TPS1 10 ×2 496.36 EUR 49.64 EUR",
            "2026-03-01 TPS1 20 ×2 45.00 EUR 9.00 EUR",
        ]
    );
    assert!(
        decade
            .transactions
            .iter()
            .all(|t| t.vat_category == "S" && t.exemption_reason.is_none())
    );
    assert!(decade.payments.is_empty() && decade.tourist_tax.is_empty());
}

#[test]
fn a_credit_note_takes_back_what_its_invoice_reported() {
    let note = deposit()
        .credit_note(
            &credit_series(),
            day("2026-03-05"),
            at("2026-03-05T10:00:00Z"),
        )
        .unwrap();
    let cancelled = note.cancelled.unwrap();
    assert_eq!(cancelled.status, InvoiceStatus::Cancelled);
    let documents = [cancelled, note.invoice];
    let decade = report(&documents, &[], "2026-03-01", "2026-03-10");
    let on = |date: &str| -> Vec<String> {
        decade
            .transactions
            .iter()
            .filter(|t| t.date == day(date))
            .map(|t| format!("{} {} {}", t.vat_rate, t.excl_vat, t.vat))
            .collect()
    };
    assert_eq!(
        on("2026-03-01"),
        ["10 248.18 EUR 24.82 EUR", "20 22.50 EUR 4.50 EUR"]
    );
    assert_eq!(
        on("2026-03-05"),
        ["10 -248.18 EUR -24.82 EUR", "20 -22.50 EUR -4.50 EUR"]
    );
    assert!(total(decade.transactions.iter().map(|t| t.excl_vat.clone())).is_zero());
    // From 2 March, only the taking back: the invoice was reported in its own period.
    let later = report(&documents, &[], "2026-03-02", "2026-03-11");
    assert_eq!(later.transactions.len(), 2);
    assert!(
        later
            .transactions
            .iter()
            .all(|t| t.excl_vat.amount.is_sign_negative())
    );
}

#[test]
fn a_deposit_paid_by_card_is_reported_on_the_day_it_was_received_split_across_the_invoice_s_rates_to_the_cent()
 {
    // 33.33 € of the 300 € deposit (273 € at 10 %, 27 € at 20 %), late on 1 March in UTC: 2 March
    // in Mimizan. 30.3303… and 2.9997…: the cent goes to the part that lost the most.
    let paid = Payment {
        method: PaymentMethod::Card,
        received_at: at("2026-03-01T23:30:00Z"),
        ..pay(&deposit(), "pay_1", "33.33")
    };
    let decade = report(&[deposit()], &[paid], "2026-03-01", "2026-03-10");
    let received: Vec<_> = decade
        .payments
        .iter()
        .map(|p| {
            format!(
                "{} {} ×{} {} {}",
                p.date, p.vat_rate, p.count, p.amount, p.vat
            )
        })
        .collect();
    assert_eq!(
        received,
        [
            "2026-03-02 10 ×1 30.33 EUR 2.76 EUR",
            "2026-03-02 20 ×1 3.00 EUR 0.50 EUR",
        ]
    );
    assert_eq!(
        total(decade.payments.iter().map(|p| p.amount.clone())),
        eur("33.33")
    );
}

#[test]
fn the_payments_of_a_day_add_up_per_rate_and_an_invoice_of_before_the_period_is_needed() {
    let first = deposit_payment();
    let decade = report(
        &[deposit()],
        std::slice::from_ref(&first),
        "2026-03-01",
        "2026-03-10",
    );
    assert_eq!(decade.payments[0].amount, eur("273.00"));
    assert_eq!(decade.payments[1].amount, eur("27.00"));
    // The deposit was issued on 1 March: reporting 2 March alone still needs it.
    let err = ereporting::report(
        &camping(),
        &[],
        std::slice::from_ref(&first),
        day("2026-03-02"),
        day("2026-03-02"),
        &EReportOptions::default(),
    )
    .unwrap_err();
    assert_eq!(err.code(), "invoice.ereporting_invoice_unknown");
    assert!(err.to_string().contains("FA26030042") && err.to_string().contains("pay_5Kx"));
    let second = report(&[deposit()], &[first], "2026-03-02", "2026-03-02");
    assert!(second.transactions.is_empty());
    assert_eq!(second.payments.len(), 2);
}

#[test]
fn a_refund_on_a_credit_note_is_negative_on_the_day_the_money_went_back() {
    let note = deposit()
        .credit_note(
            &credit_series(),
            day("2026-05-02"),
            at("2026-05-02T10:00:00Z"),
        )
        .unwrap()
        .invoice;
    let back = hospes::correction::Refund {
        key: "rb-1".into(),
        credit_note_number: note.number.clone().unwrap(),
        amount: eur("300.00"),
        method: PaymentMethod::BankTransfer,
        refunded_at: at("2026-05-03T09:00:00Z"),
        reason: None,
    };
    let refunded = hospes::correction::refund(
        std::slice::from_ref(&note),
        &[deposit_payment()],
        back,
        at("2026-05-03T09:00:00Z"),
    )
    .unwrap();
    let mut payments = vec![deposit_payment()];
    payments.extend(refunded.payments);
    let may = report(&[deposit(), note], &payments, "2026-05-01", "2026-05-31");
    let amounts: Vec<_> = may
        .payments
        .iter()
        .map(|p| format!("{} {} {}", p.date, p.vat_rate, p.amount))
        .collect();
    assert_eq!(
        amounts,
        ["2026-05-03 10 -273.00 EUR", "2026-05-03 20 -27.00 EUR"]
    );
}

#[test]
fn money_carried_by_a_cancellation_is_not_received_again() {
    let carried = Payment {
        method: PaymentMethod::Carried,
        received_at: at("2026-03-03T09:00:00Z"),
        ..pay(&deposit(), "carried:AV26030001:FA26030042", "300.00")
    };
    let decade = report(&[deposit()], &[carried], "2026-03-01", "2026-03-10");
    assert!(decade.payments.is_empty());
}

#[test]
fn an_invoice_to_a_business_is_left_to_e_invoicing() {
    let mut business = another(&deposit(), "FA26030050", "C-3001");
    business.customer.business = true;
    business.customer.company = Some("Les Randonneurs SARL".into());
    let paid = Payment {
        received_at: at("2026-03-04T10:00:00Z"),
        ..pay(&business, "vir-1", "100.00")
    };
    let decade = report(&[business], &[paid], "2026-03-01", "2026-03-10");
    assert!(decade.transactions.is_empty() && decade.payments.is_empty());
    let on_invoice = &decade.invoice_payments[0];
    assert_eq!(on_invoice.invoice_number, "FA26030050");
    assert_eq!(on_invoice.issue_date, day("2026-03-01"));
    assert_eq!(on_invoice.date, day("2026-03-04"));
    let amounts: Vec<_> = on_invoice
        .amounts
        .iter()
        .map(|a| format!("{} {} {}", a.vat_rate, a.amount, a.vat))
        .collect();
    assert_eq!(amounts, ["10 91.00 EUR 8.27 EUR", "20 9.00 EUR 1.50 EUR"]);
    assert!(on_invoice.tourist_tax.is_zero());
}

#[test]
fn a_side_sale_is_goods_split_from_the_services_of_its_rate_to_the_cent() {
    let invoice = final_invoice();
    let july = report(
        std::slice::from_ref(&invoice),
        &[],
        "2026-07-11",
        "2026-07-20",
    );
    let lines: Vec<_> = july
        .transactions
        .iter()
        .map(|t| {
            format!(
                "{} {} {} {}",
                t.category.code(),
                t.vat_rate,
                t.excl_vat,
                t.vat
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            "TPS1 10 669.09 EUR 66.91 EUR",
            "TPS1 20 201.68 EUR 40.34 EUR",
            "TLB1 5.5 132.70 EUR 7.30 EUR",
            "TLB1 20 90.00 EUR 18.00 EUR",
        ]
    );
    // With the tourist tax apart, the report adds up to the invoice's own VAT table.
    assert_eq!(july.tourist_tax[0].invoiced, eur("8.54"));
    let excl = total(july.transactions.iter().map(|t| t.excl_vat.clone()));
    assert_eq!(
        excl.checked_add(&july.tourist_tax[0].invoiced).unwrap(),
        invoice.totals.vat.total_excl_vat
    );
    assert_eq!(
        total(july.transactions.iter().map(|t| t.vat.clone())),
        invoice.totals.vat.total_vat
    );
}

#[test]
fn only_services_are_in_the_payment_data_and_the_tourist_tax_is_apart() {
    let invoice = final_invoice();
    let paid = Payment {
        received_at: at("2026-07-18T16:00:00Z"),
        ..pay(&invoice, "tpe-1", "1234.56")
    };
    let july = report(
        std::slice::from_ref(&invoice),
        &[paid],
        "2026-07-11",
        "2026-07-20",
    );
    // Everything paid: services at their rates, the tourist tax apart, goods not reported
    // (their VAT is due on delivery: the transaction carries it).
    let received: Vec<_> = july
        .payments
        .iter()
        .map(|p| format!("{} {}", p.vat_rate, p.amount))
        .collect();
    assert_eq!(received, ["10 736.00 EUR", "20 242.02 EUR"]);
    assert_eq!(july.tourist_tax[0].received, eur("8.54"));
    assert_eq!(july.payments[1].vat, eur("40.34"));
}

#[test]
fn under_the_franchise_everything_is_exempt_and_vat_charged_is_refused() {
    let bread = issued(
        vec![
            line(LineKind::SideSale, "3", "4.20", "0"),
            line(LineKind::Supplement, "1", "5.00", "0"),
        ],
        "FA26070200",
        "2026-07-12",
    );
    let franchise = EReportOptions {
        vat_regime: Some(hospes::einvoice::VatRegime::Franchise),
        vat_on_debits: false,
    };
    let july = ereporting::report(
        &camping(),
        &[bread],
        &[],
        day("2026-07-01"),
        day("2026-07-31"),
        &franchise,
    )
    .unwrap();
    let lines: Vec<_> = july
        .transactions
        .iter()
        .map(|t| {
            (
                t.category,
                t.vat_category.as_str(),
                t.exemption_reason.as_deref(),
                t.excl_vat.to_string(),
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            (
                TransactionCategory::Services,
                "E",
                Some("VATEX-FR-FRANCHISE"),
                "5.00 EUR".to_string()
            ),
            (
                TransactionCategory::Goods,
                "E",
                Some("VATEX-FR-FRANCHISE"),
                "12.60 EUR".to_string()
            ),
        ]
    );
    assert!(july.tourist_tax.is_empty());
    let err = ereporting::report(
        &camping(),
        &[deposit()],
        &[],
        day("2026-03-01"),
        day("2026-03-31"),
        &franchise,
    )
    .unwrap_err();
    assert_eq!(err.code(), "invoice.einvoice_franchise_vat");
}

#[test]
fn a_business_that_opted_for_the_debits_reports_no_payments() {
    let debits = EReportOptions {
        vat_regime: None,
        vat_on_debits: true,
    };
    let decade = ereporting::report(
        &camping(),
        &[deposit()],
        &[deposit_payment()],
        day("2026-03-01"),
        day("2026-03-10"),
        &debits,
    )
    .unwrap();
    assert!(
        decade.vat_on_debits && decade.payments.is_empty() && decade.invoice_payments.is_empty()
    );
    assert_eq!(decade.transactions.len(), 2);
}

#[test]
fn drafts_are_ignored() {
    let draft = Invoice {
        status: InvoiceStatus::Draft,
        number: None,
        issue_date: None,
        ..deposit()
    };
    assert!(
        report(&[draft], &[], "2026-03-01", "2026-03-10")
            .transactions
            .is_empty()
    );
}

#[test]
fn a_period_reversed_or_longer_than_a_month_is_refused() {
    let refuse = |first: &str, last: &str| {
        ereporting::report(
            &camping(),
            &[],
            &[],
            day(first),
            day(last),
            &EReportOptions::default(),
        )
        .unwrap_err()
    };
    let err = refuse("2026-03-10", "2026-03-01");
    assert_eq!(err.code(), "invoice.ereporting_period_reversed");
    assert!(err.to_string().contains("2026-03-10") && err.to_string().contains("2026-03-01"));
    let err = refuse("2026-03-01", "2026-04-01");
    assert_eq!(err.code(), "invoice.ereporting_period_too_long");
    assert_eq!(err.fields()["days"], 32);
    assert!(
        report(&[], &[], "2026-03-01", "2026-03-31")
            .transactions
            .is_empty()
    );
}

#[test]
fn only_the_euro_is_reported_and_the_siren_is_needed() {
    let francs = Invoice {
        currency: "CHF".parse().unwrap(),
        ..deposit()
    };
    let err = ereporting::report(
        &camping(),
        &[francs],
        &[],
        day("2026-03-01"),
        day("2026-03-10"),
        &EReportOptions::default(),
    )
    .unwrap_err();
    assert_eq!(err.code(), "invoice.ereporting_currency_unsupported");
    assert_eq!(err.fields()["reference"], "FA26030042");
    assert_eq!(err.fields()["currency"], "CHF");
    let mut no_siret = camping();
    no_siret.legal.siret = None;
    let err = ereporting::report(
        &no_siret,
        &[],
        &[],
        day("2026-03-01"),
        day("2026-03-10"),
        &EReportOptions::default(),
    )
    .unwrap_err();
    assert_eq!(err.code(), "invoice.einvoice_siren_missing");
}

#[test]
fn the_report_reads_and_writes_its_wire_form() {
    let out = hospes::wire::call(
        "ereporting.report",
        &serde_json::json!({
            "establishment": camping(), "invoices": [deposit()], "payments": [deposit_payment()],
            "first_day": "2026-03-01", "last_day": "2026-03-10"
        })
        .to_string(),
    );
    let out: serde_json::Value = serde_json::from_str(&out).unwrap();
    let ok = &out["ok"];
    assert_eq!(ok["transactions"][0]["category"], "services");
    assert_eq!(ok["transactions"][0]["excl_vat"]["amount"], "248.18");
    assert_eq!(ok["payments"][1]["amount"]["amount"], "27.00");
    assert_eq!(ok["vat_regime"], "standard");
    let back: EReport = serde_json::from_value(ok.clone()).unwrap();
    assert_eq!(
        back,
        report(
            &[deposit()],
            &[deposit_payment()],
            "2026-03-01",
            "2026-03-10"
        )
    );
}

// ---------------------------------------------------------------------------------------------
// The totals of the report are those of the documents, whatever they are.

/// One line of a generated invoice: kind, rate, quantity, unit price in cents.
fn any_line() -> impl Strategy<Value = Line> {
    (0..4usize, 0..3usize, 1..5u32, 1..40_000i64).prop_map(|(kind, rate, quantity, cents)| {
        let (kind, rate) = match kind {
            0 => (LineKind::Accommodation, ["5.5", "10", "20"][rate]),
            1 => (LineKind::Supplement, ["5.5", "10", "20"][rate]),
            2 => (LineKind::SideSale, ["5.5", "10", "20"][rate]),
            _ => (LineKind::TouristTax, "0"),
        };
        Line {
            label: "x".into(),
            kind,
            quantity: Decimal::from(quantity),
            unit_price: Money::new(Decimal::new(cents, 2), hospes::Currency::EUR),
            vat_rate: rate.parse().unwrap(),
        }
    })
}

/// A generated document: its lines, the day it is issued (from 25 June), whether its customer
/// is a business, whether it is credited (and on which day), and payments: (share of the total
/// in per mille, day, hour).
type Generated = (Vec<Line>, i64, bool, Option<i64>, Vec<(i64, i64, u32)>);

fn any_document() -> impl Strategy<Value = Generated> {
    (
        prop::collection::vec(any_line(), 1..6),
        0..20i64,
        prop::bool::weighted(0.2),
        prop::option::weighted(0.3, 0..20i64),
        prop::collection::vec((1..1000i64, 0..20i64, 0..24u32), 0..3),
    )
}

proptest! {
    #![proptest_config(common::proptest_config())]

    #[test]
    fn the_report_adds_up_to_the_documents_and_the_payments(documents in prop::collection::vec(any_document(), 1..6)) {
        let start = day("2026-06-25");
        let (first, last) = (day("2026-07-01"), day("2026-07-10"));
        let mut invoices = Vec::new();
        let mut payments = Vec::new();
        for (i, (lines, issued_on, business, credited_on, paid)) in documents.into_iter().enumerate() {
            let date = start + chrono::Duration::days(issued_on);
            let has_goods = lines.iter().any(|l| l.kind == LineKind::SideSale);
            let mut invoice = issued(lines, &format!("FA{i:04}"), &date.to_string());
            invoice.customer.business = business;
            // Money received is checked on services (the goods' part is not payment data).
            if !has_goods {
                for (k, (per_mille, on, hour)) in paid.into_iter().enumerate() {
                    let amount = (invoice.total().amount * Decimal::new(per_mille, 3)).round_dp(2);
                    let when = (start + chrono::Duration::days(on)).and_hms_opt(hour, 0, 0).unwrap().and_utc();
                    payments.push(Payment { received_at: when, ..pay(&invoice, &format!("p{i}-{k}"), &amount.to_string()) });
                }
            }
            if let Some(on) = credited_on {
                let on = date + chrono::Duration::days(on);
                let series = invoice::InvoiceSeries { pattern: "AV{yy}{seq:04}".into(), ..credit_series() };
                let series = invoice::InvoiceSeries { last: Some(format!("AV26{:04}", i + 1)), ..series };
                let note = invoice.credit_note(&series, on, on.and_hms_opt(12, 0, 0).unwrap().and_utc()).unwrap();
                if !has_goods {
                    let back = (note.invoice.total().amount / Decimal::TWO).round_dp(2);
                    payments.push(Payment {
                        received_at: on.and_hms_opt(15, 0, 0).unwrap().and_utc(),
                        ..pay(&note.invoice, &format!("r{i}"), &back.to_string())
                    });
                }
                invoices.push(note.cancelled.unwrap());
                invoices.push(note.invoice);
            } else {
                invoices.push(invoice);
            }
        }
        let report = ereporting::report(&camping(), &invoices, &payments, first, last, &EReportOptions::default()).unwrap();

        // Transactions (and the tourist tax apart) are the VAT tables of the documents to
        // individuals issued in the period, rate by rate.
        let reported: Vec<&Invoice> = invoices.iter()
            .filter(|i| !i.customer.business && i.issue_date.is_some_and(|d| first <= d && d <= last))
            .collect();
        let mut rates: Vec<_> = reported.iter().flat_map(|i| i.totals.vat.lines.iter().map(|r| r.vat_rate)).collect();
        rates.sort();
        rates.dedup();
        for rate in rates {
            let rows: Vec<_> = reported.iter().flat_map(|i| i.totals.vat.lines.iter()).filter(|r| r.vat_rate == rate).collect();
            let (excl, vat) = (total(rows.iter().map(|r| r.excl_vat.clone())), total(rows.iter().map(|r| r.vat.clone())));
            if rate.percent().is_zero() {
                prop_assert_eq!(total(report.tourist_tax.iter().map(|t| t.invoiced.clone())), excl);
            } else {
                let at: Vec<_> = report.transactions.iter().filter(|t| t.vat_rate == rate).collect();
                prop_assert_eq!(total(at.iter().map(|t| t.excl_vat.clone())), excl);
                prop_assert_eq!(total(at.iter().map(|t| t.vat.clone())), vat);
            }
        }
        let all_excl = total(reported.iter().map(|i| i.totals.vat.total_excl_vat.clone()));
        let tourist = total(report.tourist_tax.iter().map(|t| t.invoiced.clone()));
        prop_assert_eq!(total(report.transactions.iter().map(|t| t.excl_vat.clone())).checked_add(&tourist).unwrap(), all_excl);
        let documents: u32 = report.transactions.iter().map(|t| t.count).sum();
        prop_assert!(documents as usize >= reported.iter().filter(|i| i.totals.vat.lines.iter().any(|r| !r.vat_rate.percent().is_zero())).count());

        // Payments: every one received in the period, split to the cent, adds up.
        let zone = camping().time_zone.tz();
        let received = |business: bool| total(payments.iter().filter(|p| {
            let d = p.received_at.with_timezone(&zone).date_naive();
            let invoice = invoices.iter().find(|i| i.number.as_deref() == Some(p.invoice_number.as_str())).unwrap();
            first <= d && d <= last && invoice.customer.business == business
        }).map(|p| p.amount.clone()));
        let to_guests = total(report.payments.iter().map(|p| p.amount.clone()))
            .checked_add(&total(report.tourist_tax.iter().map(|t| t.received.clone()))).unwrap();
        prop_assert_eq!(to_guests, received(false));
        let to_businesses = total(report.invoice_payments.iter().flat_map(|p| p.amounts.iter().map(|a| a.amount.clone()))
            .chain(report.invoice_payments.iter().map(|p| p.tourist_tax.clone())));
        prop_assert_eq!(to_businesses, received(true));
    }
}
