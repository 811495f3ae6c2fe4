//! The books, as the seeds ask for them (« les écritures comptables générées par ce client »):
//! stay 312's deposit, balance and credit note, its payments, and the FEC the tax
//! administration reads.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::at;
use common::invoicing::{
    balance_invoice, credit_series, deposit, deposit_payment, eur, get, pay, request, series,
};
use hospes::accounting::{
    self, ChartOfAccounts, EntrySource, FEC_COLUMNS, FecEncoding, FecOptions, FecSeparator,
    JournalEntries, JournalEntry, JournalSequence,
};
use hospes::invoice::{self, Invoice, InvoiceKind};
use hospes::payment::{Payment, PaymentMethod};
use hospes::sheet::SheetOptions;
use hospes::{Decimal, Establishment, Line, LineKind, Locale, Money, PriceBasis, Stay};
use proptest::prelude::*;

fn establishment() -> Establishment {
    get("establishment")
}

fn journal(invoices: &[Invoice], payments: &[Payment]) -> JournalEntries {
    ChartOfAccounts::default()
        .journal(&establishment(), invoices, payments, &[])
        .unwrap()
}

/// The lines of an entry as (account, debit, credit).
fn lines(entry: &JournalEntry) -> Vec<(String, String, String)> {
    entry
        .lines
        .iter()
        .map(|l| {
            (
                l.account.clone(),
                l.debit.amount.to_string(),
                l.credit.amount.to_string(),
            )
        })
        .collect()
}

fn row(account: &str, debit: &str, credit: &str) -> (String, String, String) {
    (account.into(), debit.into(), credit.into())
}

/// What `account` holds after `entries`: debits less credits.
fn net(entries: &[JournalEntry], account: &str) -> Decimal {
    entries
        .iter()
        .flat_map(|e| &e.lines)
        .filter(|l| l.account == account)
        .map(|l| l.debit.amount - l.credit.amount)
        .sum()
}

fn credit_note(of: &Invoice) -> Invoice {
    of.credit_note(
        &credit_series(),
        "2026-06-05".parse().unwrap(),
        at("2026-06-05T10:00:00Z"),
    )
    .unwrap()
    .invoice
}

#[test]
fn every_entry_is_balanced() {
    let balance = balance_invoice();
    let note = credit_note(&balance);
    let payments = [deposit_payment(), pay(&balance, "vir-0612", "700.00")];
    let journal = journal(&[deposit(), balance, note], &payments);
    assert_eq!(journal.entries.len(), 5);
    for entry in &journal.entries {
        let (debit, credit) = entry.totals().unwrap();
        assert_eq!(debit, credit, "{}", entry.number);
        entry.check().unwrap();
    }
    assert_eq!(journal.total_debit, journal.total_credit);
}

#[test]
fn the_deposit_credits_the_deposits_received_and_the_vat_of_each_rate() {
    let journal = journal(&[deposit()], &[]);
    let entry = &journal.entries[0];
    assert_eq!(entry.source, EntrySource::Invoice);
    assert_eq!(
        (entry.journal_code.as_str(), entry.journal_label.as_str()),
        ("VE", "Ventes")
    );
    assert_eq!(entry.date.to_string(), "2026-03-01");
    assert_eq!(entry.piece_ref, "FA26030042");
    assert_eq!(entry.label, "Facture FA26030042, Marie Dupont");
    assert_eq!(
        lines(entry),
        [
            row("411", "300.00", "0.00"),
            row("4191", "0.00", "270.68"),
            row("445712", "0.00", "24.82"),
            row("445711", "0.00", "4.50"),
        ]
    );
    let customer = &entry.lines[0];
    assert_eq!(customer.auxiliary.as_deref(), Some("C-1042"));
    assert_eq!(customer.auxiliary_label.as_deref(), Some("Marie Dupont"));
    assert!(entry.lines[1].auxiliary.is_none());
}

#[test]
fn the_balance_debits_the_deposit_it_deducts_and_clears_the_deposits_account() {
    let balance = balance_invoice();
    let journal = journal(&[deposit(), balance], &[]);
    let entry = &journal.entries[1];
    assert_eq!(entry.piece_ref, "FA26060001");
    // 910 at 10 % and 90 at 20 %, less the deposit's 273 and 27: VAT 57.91 and 10.50.
    assert_eq!(
        lines(entry),
        [
            row("411", "700.00", "0.00"),
            row("7061", "0.00", "827.27"),
            row("4191", "270.68", "0.00"),
            row("445712", "0.00", "57.91"),
            row("7062", "0.00", "75.00"),
            row("445711", "0.00", "10.50"),
        ]
    );
    assert_eq!(net(&journal.entries, "4191"), Decimal::ZERO);
    // What the stay sold, and the VAT on it, whatever the deposits.
    assert_eq!(net(&journal.entries, "7061"), "-827.27".parse().unwrap());
    assert_eq!(
        net(&journal.entries, "445712") + net(&journal.entries, "445711"),
        "-97.73".parse().unwrap()
    );
}

#[test]
fn the_tourist_tax_goes_to_the_communes_account_not_to_sales() {
    let mut stay: Stay = get("stay");
    stay.lines.push(Line {
        label: "Taxe de séjour".into(),
        kind: LineKind::TouristTax,
        quantity: "14".parse().unwrap(),
        unit_price: eur("0.66"),
        vat_rate: hospes::VatRate::ZERO,
    });
    let mut req = request(InvoiceKind::Final, vec![]);
    req.stay = Some(stay);
    let invoice = invoice::draft(req)
        .unwrap()
        .issue(
            &series(None),
            "2026-06-01".parse().unwrap(),
            at("2026-06-01T10:00:00Z"),
        )
        .unwrap()
        .invoice;
    let journal = journal(&[invoice], &[]);
    let entry = &journal.entries[0];
    assert_eq!(net(&journal.entries, "4471"), "-9.24".parse().unwrap());
    assert_eq!(net(&journal.entries, "411"), "1009.24".parse().unwrap());
    let sales: Decimal = entry
        .lines
        .iter()
        .filter(|l| l.account.starts_with('7'))
        .map(|l| l.credit.amount - l.debit.amount)
        .sum();
    // 910 / 1.1 + 90 / 1.2: the tax is not in the sales.
    assert_eq!(sales, "902.27".parse().unwrap());
}

#[test]
fn a_credit_note_is_its_invoices_entry_reversed() {
    let balance = balance_invoice();
    let note = credit_note(&balance);
    let journal = journal(&[balance, note], &[]);
    let (invoice, reversed) = (&journal.entries[0], &journal.entries[1]);
    assert_eq!(reversed.source, EntrySource::CreditNote);
    assert_eq!(reversed.piece_ref, "AV26060001");
    assert_eq!(reversed.label, "Avoir AV26060001, Marie Dupont");
    assert_eq!(invoice.lines.len(), reversed.lines.len());
    for (a, b) in invoice.lines.iter().zip(&reversed.lines) {
        assert_eq!(
            (&a.account, &a.debit, &a.credit),
            (&b.account, &b.credit, &b.debit)
        );
    }
    for account in ["411", "7061", "7062", "4191", "445711", "445712"] {
        assert_eq!(net(&journal.entries, account), Decimal::ZERO, "{account}");
    }
}

#[test]
fn a_credit_note_of_a_cancellation_fee_books_on_the_fees_account() {
    let mut req = request(InvoiceKind::CancellationFee, vec![]);
    req.stay = None;
    req.lines = vec![Line {
        label: "Frais d'annulation".into(),
        kind: LineKind::Accommodation,
        quantity: Decimal::ONE,
        unit_price: eur("110.00"),
        vat_rate: "10".parse().unwrap(),
    }];
    let fee = invoice::draft(req)
        .unwrap()
        .issue(
            &series(None),
            "2026-06-01".parse().unwrap(),
            at("2026-06-01T10:00:00Z"),
        )
        .unwrap()
        .invoice;
    let note = credit_note(&fee);
    let both = journal(&[fee, note.clone()], &[]);
    assert_eq!(net(&both.entries[..1], "7064"), "-100.00".parse().unwrap());
    assert_eq!(net(&both.entries[1..], "7064"), "100.00".parse().unwrap());
    // Alone, the credit note knows only its lines' kinds.
    let alone = journal(&[note], &[]);
    assert_eq!(net(&alone.entries, "7061"), "100.00".parse().unwrap());
}

#[test]
fn a_payment_debits_its_methods_account_and_credits_the_customer() {
    let balance = balance_invoice();
    let mut cash = pay(&balance, "caisse-17", "100.00");
    cash.method = PaymentMethod::Cash;
    // 22:30 UTC on 1 June is 00:30 on 2 June in Mimizan.
    cash.received_at = at("2026-06-01T22:30:00Z");
    let transfer = pay(&balance, "vir-0612", "600.00");
    let journal = journal(&[deposit(), balance], &[deposit_payment(), transfer, cash]);
    let payments: Vec<&JournalEntry> = journal
        .entries
        .iter()
        .filter(|e| e.source == EntrySource::Payment)
        .collect();
    let card = payments[0];
    assert_eq!(
        (card.number.as_str(), card.piece_ref.as_str()),
        ("BQ000001", "pay_5Kx")
    );
    assert_eq!(card.date.to_string(), "2026-03-02");
    assert_eq!(
        card.label,
        "Règlement FA26030042, Marie Dupont, carte bancaire"
    );
    assert_eq!(
        lines(card),
        [row("512", "300.00", "0.00"), row("411", "0.00", "300.00")]
    );
    assert_eq!(card.lines[1].auxiliary.as_deref(), Some("C-1042"));
    let cash = payments[2];
    assert_eq!(
        (cash.journal_code.as_str(), cash.number.as_str()),
        ("CA", "CA000001")
    );
    assert_eq!(cash.date.to_string(), "2026-06-02");
    assert_eq!(
        lines(cash),
        [row("531", "100.00", "0.00"), row("411", "0.00", "100.00")]
    );
    // Everything invoiced is paid: the customer's account is settled.
    assert_eq!(net(&journal.entries, "411"), Decimal::ZERO);
}

#[test]
fn money_carried_from_a_cancelled_invoice_is_not_booked_again() {
    let mut carried = deposit_payment();
    carried.key = "carried-1".into();
    carried.method = PaymentMethod::Carried;
    let journal = journal(&[deposit()], &[deposit_payment(), carried]);
    assert_eq!(journal.entries.len(), 2);
}

#[test]
fn prices_excluding_vat_credit_the_sales_with_the_lines_as_printed() {
    let mut stay: Stay = get("stay");
    stay.price_basis = PriceBasis::ExcludingVat;
    let mut req = request(InvoiceKind::Final, vec![]);
    req.stay = Some(stay);
    let invoice = invoice::draft(req)
        .unwrap()
        .issue(
            &series(None),
            "2026-06-01".parse().unwrap(),
            at("2026-06-01T10:00:00Z"),
        )
        .unwrap()
        .invoice;
    let journal = journal(&[invoice], &[]);
    assert_eq!(
        lines(&journal.entries[0]),
        [
            row("411", "1109.00", "0.00"),
            row("7061", "0.00", "910.00"),
            row("445712", "0.00", "91.00"),
            row("7062", "0.00", "90.00"),
            row("445711", "0.00", "18.00"),
        ]
    );
}

#[test]
fn drafts_unknown_invoices_and_altered_totals_are_refused() {
    let draft = invoice::draft(request(InvoiceKind::Deposit, vec![])).unwrap();
    let chart = ChartOfAccounts::default();
    let e = establishment();
    let err = chart.journal(&e, &[draft], &[], &[]).unwrap_err();
    assert_eq!(err.code(), "accounting.not_issued");

    let balance = balance_invoice();
    let err = chart
        .journal(&e, &[deposit()], &[pay(&balance, "vir-1", "1.00")], &[])
        .unwrap_err();
    assert_eq!(err.code(), "accounting.invoice_unknown");

    let mut altered = deposit();
    altered.totals.vat.lines[0].vat.amount += Decimal::new(1, 2);
    let err = chart.journal(&e, &[altered], &[], &[]).unwrap_err();
    assert_eq!(err.code(), "accounting.document_invalid");

    let err = chart
        .journal(&e, &[deposit(), deposit()], &[], &[])
        .unwrap_err();
    assert_eq!(err.code(), "accounting.document_invalid");

    let mut usd = deposit_payment();
    usd.amount = Money::parse("300.00", "USD").unwrap();
    let err = chart.journal(&e, &[deposit()], &[usd], &[]).unwrap_err();
    assert_eq!(err.code(), "money.currency_mismatch");
}

#[test]
fn numbers_go_on_from_the_last_ones_without_gaps_whatever_the_order_given() {
    let balance = balance_invoice();
    let note = credit_note(&balance);
    let payments = vec![deposit_payment(), pay(&balance, "vir-0612", "700.00")];
    let last = [JournalSequence {
        journal_code: "VE".into(),
        last: 41,
    }];
    let chart = ChartOfAccounts::default();
    let e = establishment();
    let one = chart
        .journal(
            &e,
            &[deposit(), balance.clone(), note.clone()],
            &payments,
            &last,
        )
        .unwrap();
    let reversed: Vec<Payment> = payments.into_iter().rev().collect();
    let other = chart
        .journal(&e, &[note, balance, deposit()], &reversed, &last)
        .unwrap();
    assert_eq!(one, other);
    let numbers: Vec<&str> = one.entries.iter().map(|e| e.number.as_str()).collect();
    assert_eq!(
        numbers,
        ["VE000042", "BQ000001", "VE000043", "BQ000002", "VE000044"]
    );
    assert_eq!(
        one.sequences,
        [
            JournalSequence {
                journal_code: "BQ".into(),
                last: 2
            },
            JournalSequence {
                journal_code: "VE".into(),
                last: 44
            },
        ]
    );
    let dates: Vec<_> = one.entries.iter().map(|e| e.date).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]));
}

/// The records of a FEC as text, split into zones.
fn records(fec: &str, separator: char) -> Vec<Vec<String>> {
    assert!(fec.ends_with("\r\n"));
    fec.trim_end_matches("\r\n")
        .split("\r\n")
        .map(|r| r.split(separator).map(str::to_owned).collect())
        .collect()
}

#[test]
fn the_fec_has_the_eighteen_zones_of_article_a47_a_1_in_order() {
    let official = [
        "JournalCode",
        "JournalLib",
        "EcritureNum",
        "EcritureDate",
        "CompteNum",
        "CompteLib",
        "CompAuxNum",
        "CompAuxLib",
        "PieceRef",
        "PieceDate",
        "EcritureLib",
        "Debit",
        "Credit",
        "EcritureLet",
        "DateLet",
        "ValidDate",
        "Montantdevise",
        "Idevise",
    ];
    assert_eq!(FEC_COLUMNS, official);
    let balance = balance_invoice();
    let note = credit_note(&balance);
    let payments = [deposit_payment(), pay(&balance, "vir-0612", "700.00")];
    let journal = journal(&[deposit(), balance, note], &payments);
    let options = FecOptions {
        separator: FecSeparator::Pipe,
        encoding: FecEncoding::Utf8,
    };
    let fec = String::from_utf8(accounting::fec(&journal.entries, &options).unwrap()).unwrap();
    let records = records(&fec, '|');
    assert_eq!(records[0], official);
    let body = &records[1..];
    assert_eq!(
        body.len(),
        journal.entries.iter().map(|e| e.lines.len()).sum::<usize>()
    );
    let date = |z: &str| z.len() == 8 && z.bytes().all(|b| b.is_ascii_digit());
    let amount = |z: &str| {
        let (units, cents) = z.split_once(',').unwrap();
        !units.is_empty() && units.bytes().all(|b| b.is_ascii_digit()) && cents.len() == 2
    };
    for r in body {
        assert_eq!(r.len(), 18, "{r:?}");
        assert!(["VE", "BQ"].contains(&r[0].as_str()));
        assert!(r[2].starts_with(&r[0]), "EcritureNum {}", r[2]);
        assert!(date(&r[3]) && date(&r[9]) && date(&r[15]), "{r:?}");
        assert!(
            r[4].bytes().take(3).all(|b| b.is_ascii_digit()),
            "CompteNum {}",
            r[4]
        );
        assert!(!r[5].is_empty() && !r[8].is_empty() && !r[10].is_empty());
        assert_eq!(
            r[6].is_empty(),
            r[4] != "411",
            "CompAuxNum only on the customers"
        );
        assert!(amount(&r[11]) && amount(&r[12]), "{r:?}");
        assert!(r[11] == "0,00" || r[12] == "0,00");
        assert!(r[13].is_empty() && r[14].is_empty() && r[16].is_empty() && r[17].is_empty());
        assert_eq!(r[15], r[3], "ValidDate");
    }
    // Debits equal credits, entry by entry and in all.
    let cents = |z: &str| z.replace(',', "").parse::<i64>().unwrap();
    let mut by_entry = std::collections::BTreeMap::<(String, String), i64>::new();
    for r in body {
        *by_entry.entry((r[0].clone(), r[2].clone())).or_default() += cents(&r[11]) - cents(&r[12]);
    }
    assert_eq!(by_entry.len(), 5);
    assert!(by_entry.values().all(|&d| d == 0), "{by_entry:?}");
    let debit: i64 = body.iter().map(|r| cents(&r[11])).sum();
    let credit: i64 = body.iter().map(|r| cents(&r[12])).sum();
    assert_eq!(debit, credit);
    // 300 deposit + 970.68 balance (with the deposit deducted) + 970.68 reversed + 1 000 paid.
    assert_eq!(debit, 324_136);
}

#[test]
fn the_fec_in_latin9_never_breaks_a_record_and_spells_what_it_lacks() {
    let mut entries = journal(&[deposit()], &[]).entries;
    entries[0].label = "Séjour 312\tMarie\r\n— « Dupont » | 12 €".into();
    let fec = accounting::fec(&entries, &FecOptions::default()).unwrap();
    // ISO 8859-15: é is E9, € is A4, « is AB; no byte is UTF-8's.
    assert!(fec.windows(2).all(|w| w != "é".as_bytes()));
    let text: String = fec.iter().map(|&b| char::from(b)).collect();
    let records = records(&text, '\t');
    assert_eq!(records.len(), 1 + 4);
    assert!(records.iter().all(|r| r.len() == 18));
    assert_eq!(
        records[1][10],
        "S\u{e9}jour 312 Marie - \u{ab} Dupont \u{bb} | 12 \u{a4}"
    );
}

#[test]
fn a_fec_of_tampered_entries_is_refused() {
    let mut entries = journal(&[deposit()], &[]).entries;
    entries[0].lines[1].credit.amount += Decimal::new(1, 2);
    let err = accounting::fec(&entries, &FecOptions::default()).unwrap_err();
    assert_eq!(err.code(), "accounting.entry_unbalanced");
    let mut entries = journal(&[deposit()], &[]).entries;
    entries[0].lines[1].account = "ABC".into();
    let err = accounting::fec(&entries, &FecOptions::default()).unwrap_err();
    assert_eq!(err.code(), "accounting.entry_invalid");
    let mut twice = vec![entries[0].clone(), entries[0].clone()];
    twice[0].lines[1].account = "4191".into();
    twice[1].lines[1].account = "4191".into();
    let err = accounting::fec(&twice, &FecOptions::default()).unwrap_err();
    assert_eq!(err.code(), "accounting.entry_invalid");
}

#[test]
fn the_fec_is_named_after_the_siren_and_the_closing_date() {
    let name = accounting::fec_file_name("73282932000074", "2026-12-31".parse().unwrap());
    assert_eq!(name.unwrap(), "732829320FEC20261231.txt");
}

#[test]
fn the_journal_reads_as_a_spreadsheet_too() {
    let journal = journal(&[deposit()], &[deposit_payment()]);
    let csv = accounting::journal_sheet(&journal.entries, &SheetOptions::csv(Locale::Fr)).unwrap();
    let text = String::from_utf8(csv).unwrap();
    let rows: Vec<&str> = text.trim_end().split("\r\n").collect();
    assert_eq!(rows.len(), 1 + 4 + 2);
    assert_eq!(
        rows[6],
        "BQ;BQ000001;2026-03-02;411;Clients;C-1042;Marie Dupont;pay_5Kx;2026-03-02;\
         Règlement FA26030042, Marie Dupont, carte bancaire;0,00;300,00"
    );
    let xlsx =
        accounting::journal_sheet(&journal.entries, &SheetOptions::xlsx(Locale::En)).unwrap();
    assert!(xlsx.starts_with(b"PK"));
    let mut tampered = journal.entries;
    tampered[1].lines[0].debit.amount += Decimal::ONE;
    let err = accounting::journal_sheet(&tampered, &SheetOptions::default()).unwrap_err();
    assert_eq!(err.code(), "accounting.entry_unbalanced");
}

/// A stay of random lines: accommodation, supplements, side sales, a tourist tax and a discount,
/// at 5.5, 10 and 20 %, on either price basis.
fn random_stay(lines: &[(u8, i64, i64, usize)], basis: bool) -> Stay {
    let rates = ["5.5", "10", "20"];
    let kinds = [
        LineKind::Accommodation,
        LineKind::Supplement,
        LineKind::SideSale,
    ];
    let mut stay: Stay = get("stay");
    stay.price_basis = if basis {
        PriceBasis::IncludingVat
    } else {
        PriceBasis::ExcludingVat
    };
    stay.lines = lines
        .iter()
        .map(|&(kind, quantity, cents, rate)| Line {
            label: "x".into(),
            kind: kinds[usize::from(kind) % 3],
            quantity: Decimal::new(quantity, 1),
            unit_price: Money::new(Decimal::new(cents, 3), hospes::Currency::EUR),
            vat_rate: rates[rate].parse().unwrap(),
        })
        .collect();
    stay.lines.push(Line {
        label: "Taxe de séjour".into(),
        kind: LineKind::TouristTax,
        quantity: "3".parse().unwrap(),
        unit_price: eur("0.605"),
        vat_rate: hospes::VatRate::ZERO,
    });
    stay.lines.push(Line {
        label: "Remise".into(),
        kind: LineKind::Discount,
        quantity: Decimal::ONE,
        unit_price: eur("-0.37"),
        vat_rate: stay.lines[0].vat_rate,
    });
    stay
}

fn issue(request: hospes::invoice::InvoiceRequest, last: Option<&str>) -> Invoice {
    invoice::draft(request)
        .unwrap()
        .issue(
            &series(last),
            "2026-06-01".parse().unwrap(),
            at("2026-06-01T10:00:00Z"),
        )
        .unwrap()
        .invoice
}

proptest! {
    #![proptest_config(common::proptest_config())]

    #[test]
    fn random_invoices_always_give_balanced_entries_that_clear_their_deposits(
        lines in proptest::collection::vec((0u8..3, 1i64..50, 1_000i64..400_000, 0usize..3), 1..8),
        basis in any::<bool>(),
        share in 1u32..100,
    ) {
        let stay = random_stay(&lines, basis);
        let total = stay.totals().unwrap().vat.total_incl_vat;
        prop_assume!(total.amount > Decimal::ONE);
        let amount = Money::new((total.amount * Decimal::from(share) / Decimal::ONE_HUNDRED).round_dp(2), total.currency);
        prop_assume!(amount.amount > Decimal::ZERO && amount.amount < total.amount);
        let mut deposit_request = request(InvoiceKind::Deposit, vec![]);
        deposit_request.stay = Some(stay.clone());
        deposit_request.amount = Some(amount.clone());
        let deposit = issue(deposit_request, None);
        let mut final_request = request(InvoiceKind::Final, vec![deposit.clone()]);
        final_request.stay = Some(stay);
        let last = deposit.number.clone();
        let fin = issue(final_request, last.as_deref());
        let note = credit_note(&fin);
        let paid = pay(&deposit, "p-1", &amount.amount.to_string());
        let journal = journal(&[deposit.clone(), fin.clone(), note.clone()], &[paid]);
        for entry in &journal.entries {
            entry.check().unwrap();
        }
        prop_assert_eq!(&journal.total_debit, &journal.total_credit);
        let of = |invoice: &Invoice| {
            let number = invoice.number.clone().unwrap();
            journal.entries.iter().find(|e| e.piece_ref == number).unwrap().clone()
        };
        let (d, f, n) = (of(&deposit), of(&fin), of(&note));
        // The deposit invoice's 4191 is cleared by the final invoice's deduction, to the cent;
        // the credit note then reverses the final invoice, deduction included.
        prop_assert_eq!(net(&[d.clone(), f.clone()], "4191"), Decimal::ZERO);
        prop_assert_eq!(net(std::slice::from_ref(&n), "4191"), net(std::slice::from_ref(&d), "4191"));
        prop_assert_eq!(net(&[d], "411"), deposit.total().amount);
        prop_assert_eq!(net(std::slice::from_ref(&f), "411"), fin.total().amount);
        prop_assert_eq!(net(std::slice::from_ref(&n), "411"), -fin.total().amount);
        for (x, y) in f.lines.iter().zip(&n.lines) {
            prop_assert_eq!((&x.account, &x.debit, &x.credit), (&y.account, &y.credit, &y.debit));
        }
        let fec = accounting::fec(&journal.entries, &FecOptions::default()).unwrap();
        prop_assert!(!fec.is_empty());
    }
}
