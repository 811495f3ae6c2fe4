//! A booking taken by phone, then moved by the business: a credit note and a new invoice.

use crate::{from_field, read_json, section};
use hospes::Locale;

/// Jean calls the campsite: his stay is booked without a quote, its origin and the staff's note
/// kept; in June he moves it a week later and adds bed linen — the balance invoice is
/// cancelled by a credit note and a new one issued, what he paid carried over.
pub fn phone_booking(catalogue: &hospes::pricing::Catalogue) -> hospes::Result<()> {
    use hospes::amendment::{self, AmendmentConfirmation};
    use hospes::booking::{self, BookingRequest};
    use hospes::invoice::{self, InvoiceKind, InvoiceRequest, InvoiceSeries};
    use hospes::payment::{self, Payment, PaymentMethod};
    use hospes::pricing::PriceRequest;
    use hospes::stay::BookingOrigin;
    section("A booking taken by phone, then moved");
    let data = read_json(include_str!("../../../core/tests/data/invoicing.json"))?;
    let camping: hospes::Establishment = from_field(&data, "establishment")?;
    let client: hospes::Client = from_field(&data, "client")?;
    let called: hospes::DateTime<hospes::Utc> = "2026-03-10T15:00:00Z".parse().unwrap_or_default();
    let request: PriceRequest = hospes::wire::from_json(
        r#"{"unit": "MH3", "arrival": "2026-08-01", "departure": "2026-08-08", "guests": [{}, {}]}"#,
    )?;
    let mut booked = booking::book(
        catalogue,
        BookingRequest {
            client_id: client.id.clone(),
            stay_reference: "326".into(),
            request,
            discount: None,
            participants: vec![],
            origin: Some(BookingOrigin::Phone),
        },
        called,
    )?;
    booked.stay.business_notes = Some("Souhaite un mobil-home au calme, loin de l’entrée.".into());
    let stay = booked.stay.normalized(called.date_naive())?;
    println!(
        "stay {} booked on 10 March, origin « {} », {} — {} nights, {}; the staff's note, for the office only: « {} »",
        stay.reference,
        stay.origin.map(|o| o.label(Locale::Fr)).unwrap_or_default(),
        stay.accommodation,
        stay.nights(),
        stay.totals()?.vat.total_incl_vat,
        stay.business_notes.as_deref().unwrap_or_default()
    );
    for event in &booked.events {
        println!("  {}", event.describe(Locale::Fr));
    }
    let series = |last: &str| InvoiceSeries {
        pattern: "FA{yy}{mm}{seq:04}".into(),
        last: Some(last.into()),
        factur_x: None,
    };
    let draft = |kind, previous, amount| InvoiceRequest {
        kind,
        establishment: camping.clone(),
        client: client.clone(),
        stay: Some(stay.clone()),
        lines: vec![],
        amount,
        previous,
        due_date: "2026-07-02".parse().unwrap_or_default(),
        locale: None,
        late_payment_rate_percent: None,
    };
    let deposit_amount = booked.priced.schedule.first().map(|i| i.amount.clone());
    let deposit = invoice::draft(draft(InvoiceKind::Deposit, vec![], deposit_amount))?
        .issue(&series("FA26030050"), called.date_naive(), called)?
        .invoice;
    let balance_day: hospes::DateTime<hospes::Utc> =
        "2026-06-20T08:00:00Z".parse().unwrap_or_default();
    let balance = invoice::draft(draft(InvoiceKind::Balance, vec![deposit.clone()], None))?
        .issue(&series("FA26060010"), balance_day.date_naive(), balance_day)?
        .invoice;
    let paid = |invoice: &hospes::invoice::Invoice, key: &str| Payment {
        key: key.into(),
        invoice_number: invoice.number.clone().unwrap_or_default(),
        amount: invoice.total().clone(),
        method: PaymentMethod::BankTransfer,
        received_at: balance_day,
        provider: None,
        provider_reference: None,
        reverses: None,
        reason: None,
    };
    let payments = vec![paid(&deposit, "vir-326-1"), paid(&balance, "vir-326-2")];
    println!(
        "deposit {} and balance {} invoiced and paid by transfer",
        deposit.total(),
        balance.total()
    );
    let invoices = vec![deposit, balance];
    // On 25 June he calls again: a week later, and bed linen for both.
    let moved: PriceRequest = hospes::wire::from_json(
        r#"{"unit": "MH3", "arrival": "2026-08-08", "departure": "2026-08-15", "guests": [{}, {}],
            "supplements": [{"id": "linen", "quantity": 1}], "stage": "amendment"}"#,
    )?;
    let now = "2026-06-25T10:00:00Z".parse().unwrap_or_default();
    let shown = amendment::preview(&stay, catalogue, &moved, None, &invoices, &payments, now)?;
    println!(
        "the change, shown before it is confirmed: {} → {} ({}), to pay {}",
        shown.previous_total, shown.total, shown.difference, shown.left_to_pay
    );
    let done = amendment::confirm(
        &stay,
        catalogue,
        &moved,
        None,
        &invoices,
        &payments,
        AmendmentConfirmation {
            shown_total: shown.total.clone(),
            invoice_series: series("FA26060012"),
            credit_note_series: InvoiceSeries {
                pattern: "AV{yy}{mm}{seq:04}".into(),
                last: None,
                factur_x: None,
            },
        },
        now,
    )?;
    for note in &done.credit_notes {
        println!(
            "  credit note {} cancels {} ({})",
            note.number.as_deref().unwrap_or_default(),
            note.credited_invoice.as_deref().unwrap_or_default(),
            note.total()
        );
    }
    for new in &done.invoices {
        println!(
            "  new {:?} invoice {}: {}, {:?}",
            new.kind,
            new.number.as_deref().unwrap_or_default(),
            new.total(),
            new.status
        );
    }
    for carried in &done.carried_payments {
        println!("  {} carried to {}", carried.amount, carried.invoice_number);
    }
    for event in &done.events {
        println!("  {}", event.describe(Locale::Fr));
    }
    let mut documents: Vec<_> = invoices
        .iter()
        .map(|i| {
            done.cancelled_invoices
                .iter()
                .find(|c| c.number == i.number)
                .unwrap_or(i)
                .clone()
        })
        .collect();
    documents.extend(done.credit_notes.iter().cloned());
    documents.extend(done.invoices.iter().cloned());
    let mut all_payments = payments;
    all_payments.extend(done.carried_payments.iter().cloned());
    let balance = payment::stay_balance(done.stay.currency, &documents, &all_payments)?;
    println!(
        "stay {} now {} → {}: invoiced {}, paid {}, due {}",
        done.stay.reference,
        done.stay.arrival,
        done.stay.departure,
        balance.invoiced,
        balance.paid,
        balance.due
    );
    Ok(())
}
