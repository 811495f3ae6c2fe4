//! Her invoices, her payments and their e-reporting, her contract: the event log of the stay,
//! and a cancellation.

use crate::section;

/// Invoices, payments, the contract signed by drawing, the event log, and a cancellation.
pub fn billing(
    quote: &hospes::quote::Quote,
    stay: &hospes::Stay,
    february_last: &str,
) -> hospes::Result<()> {
    use hospes::cancellation::{self, CancellationConfirmation};
    use hospes::contract::{Contract, ContractRequest};
    use hospes::invoice::{self, InvoiceKind, InvoiceRequest, InvoiceSeries};
    use hospes::payment::{self, ProviderResult, ProviderStatus};
    use hospes::signature::{SignatureImage, SignatureRequest};
    section("Her invoices, her payments, her contract");
    let data: serde_json::Value = serde_json::from_str(include_str!(
        "../../../core/tests/data/invoicing.json"
    ))
    .map_err(|e| hospes::Error::Internal {
        detail: e.to_string(),
    })?;
    let field = |key: &str| data.get(key).cloned().unwrap_or_default();
    let camping: hospes::Establishment =
        hospes::wire::from_json(&field("establishment").to_string())?;
    let marie: hospes::Client = hospes::wire::from_json(&field("client").to_string())?;
    let terms: hospes::contract::ContractTerms =
        hospes::wire::from_json(&field("merge_terms").to_string())?;
    let signed_at: hospes::DateTime<hospes::Utc> =
        "2026-03-02T18:30:00Z".parse().unwrap_or_default();
    let deposit = quote
        .priced
        .schedule
        .first()
        .map(|i| i.amount.clone())
        .unwrap_or_else(|| hospes::Money::zero(stay.currency));
    let request = |kind, previous| InvoiceRequest {
        kind,
        establishment: camping.clone(),
        client: marie.clone(),
        stay: Some(stay.clone()),
        lines: vec![],
        amount: (kind == InvoiceKind::Deposit).then(|| deposit.clone()),
        previous,
        due_date: "2026-06-11".parse().unwrap_or_default(),
        locale: None,
        late_payment_rate_percent: None,
    };
    let series = InvoiceSeries {
        pattern: "FA{yy}{mm}{seq:04}".into(),
        last: Some(february_last.into()),
        factur_x: None,
    };
    let issued = invoice::draft(request(InvoiceKind::Deposit, vec![]))?.issue(
        &series,
        signed_at.date_naive(),
        signed_at,
    )?;
    let deposit_invoice = issued.invoice;
    println!(
        "deposit invoice {}: {} — VAT {}",
        deposit_invoice.number.as_deref().unwrap_or_default(),
        deposit_invoice.total(),
        deposit_invoice
            .totals
            .vat
            .lines
            .iter()
            .map(|l| format!("{} % {}", l.vat_rate.percent(), l.vat))
            .collect::<Vec<_>>()
            .join(", ")
    );

    let pay_request = payment::payment_request(&camping, &deposit_invoice, &[])?;
    println!(
        "« Payer » sends her to the provider for {} — back to {}",
        pay_request.amount, pay_request.return_url
    );
    let result = ProviderResult {
        reference: pay_request.reference.clone(),
        status: ProviderStatus::Succeeded,
        amount: pay_request.amount.clone(),
        provider: "payplug".into(),
        transaction_id: "pay_5Kx".into(),
        at: signed_at,
    };
    let paid = payment::accept_result(
        &deposit_invoice,
        &[],
        &pay_request,
        result.clone(),
        signed_at,
    )?;
    let twice = payment::accept_result(
        &paid.invoice,
        &paid.payments,
        &pay_request,
        result,
        signed_at,
    )?;
    println!(
        "the provider says paid: {:?}; its webhook says it again: counted {} time(s)",
        paid.invoice.status,
        twice.payments.len()
    );

    // What the campsite's approved platform reports for the first decade of March (B2C
    // e-reporting): her deposit as a sale of services, and the money received, rate by rate.
    let decade = hospes::ereporting::report(
        &camping,
        std::slice::from_ref(&paid.invoice),
        &paid.payments,
        "2026-03-01".parse().unwrap_or_default(),
        "2026-03-10".parse().unwrap_or_default(),
        &Default::default(),
    )?;
    for sale in &decade.transactions {
        println!(
            "e-reporting {}: {} at {} %, {} document(s): {} excl. VAT, VAT {}",
            sale.date,
            sale.category.code(),
            sale.vat_rate,
            sale.count,
            sale.excl_vat,
            sale.vat
        );
    }
    for received in &decade.payments {
        println!(
            "e-reporting {}: received at {} %: {} (VAT {})",
            received.date, received.vat_rate, received.amount, received.vat
        );
    }
    for day in &decade.tourist_tax {
        println!(
            "e-reporting {}: the tourist tax apart, not a sale: {} invoiced, {} received",
            day.date, day.invoiced, day.received
        );
    }

    let contract = Contract::create(
        ContractRequest {
            number: "C-2026-028".into(),
            establishment: camping.clone(),
            client: marie.clone(),
            stay: stay.clone(),
            terms,
            schedule: quote.priced.schedule.clone(),
            cancellation: quote.priced.cancellation.clone(),
            locale: None,
        },
        signed_at,
    )?;
    // The campsite's template names the stay's values; the contract holds them filled in.
    if let Some(clause) = contract.terms.clauses.get(1) {
        println!("contract {}, {}:", contract.number, contract.terms.title);
        println!("  {} — {}", clause.heading, clause.text);
    }
    // She reads the contract as a PDF in her space, and signs those bytes.
    let portal = hospes::portal::Portal::open(
        &hospes::portal::PortalAccess {
            client_id: marie.id.clone(),
            purpose: None,
            subject: None,
        },
        marie.clone(),
    )?;
    let printer = hospes::pdf::Printer::standard();
    let shown = portal.contract_document(&contract, None, printer)?;
    let signed = portal.sign_contract(
        &contract,
        SignatureRequest {
            document_sha256: shown.sha256.clone(),
            signer_name: "Marie Dupont".into(),
            signer_email: marie.email.clone(),
            consent_text: "J’ai lu et j’accepte le contrat et ses conditions (version 2026-1)."
                .into(),
            ip: Some("203.0.113.7".into()),
            user_agent: Some("Mozilla/5.0 (iPhone)".into()),
            image: Some(SignatureImage::SvgPath {
                d: "M12 58 C 30 12, 44 80, 62 40 S 98 20, 120 52 L 160 44".into(),
                width: 320,
                height: 100,
            }),
            locale: None,
        },
        printer,
        signed_at,
    )?;
    let kept = signed.copy;
    let signed = signed.signed;
    println!(
        "she signs contract {} by drawing: PDF {}…, drawing {}…; the host keeps the PDF ({} bytes) and its evidence ({} bytes)",
        signed.contract.number,
        shown.sha256.get(..12).unwrap_or_default(),
        signed
            .contract
            .signature
            .as_ref()
            .and_then(|s| s.image_sha256.as_deref())
            .and_then(|h| h.get(..12))
            .unwrap_or_default(),
        kept.document.0.len(),
        kept.evidence.0.len(),
    );

    let mut events = issued.events;
    events.extend(paid.events);
    events.extend(signed.events);
    let log = hospes::evidence::append(None, events)?;
    hospes::evidence::verify_log(&log)?;
    println!("the stay's log: {} events chained, verified", log.len());
    for entry in &log {
        println!(
            "  #{} {} {}…",
            entry.sequence,
            entry.event.kind(),
            entry.sha256.get(..12).unwrap_or_default()
        );
    }

    let june: hospes::DateTime<hospes::Utc> = "2026-06-01T10:00:00Z".parse().unwrap_or_default();
    let zone = camping.time_zone;
    let preview = cancellation::preview(
        stay,
        &quote.priced.cancellation,
        std::slice::from_ref(&paid.invoice),
        &paid.payments,
        zone,
        june,
    )?;
    println!(
        "if she cancelled on 1 June (D-{}): {} kept, {} refunded",
        preview.days_before_arrival, preview.penalty, preview.refund
    );
    // She cancels earlier, on 1 April: nothing is kept, her deposit goes back.
    let april: hospes::DateTime<hospes::Utc> = "2026-04-01T10:00:00Z".parse().unwrap_or_default();
    let early = cancellation::preview(
        stay,
        &quote.priced.cancellation,
        std::slice::from_ref(&paid.invoice),
        &paid.payments,
        zone,
        april,
    )?;
    let done = cancellation::confirm(
        stay,
        &quote.priced.cancellation,
        std::slice::from_ref(&paid.invoice),
        &paid.payments,
        CancellationConfirmation {
            shown_refund: early.refund.clone(),
            invoice_series: InvoiceSeries {
                pattern: "FA{yy}{mm}{seq:04}".into(),
                last: issued.series.last.clone(),
                factur_x: None,
            },
            credit_note_series: InvoiceSeries {
                pattern: "AV{yy}{mm}{seq:04}".into(),
                last: None,
                factur_x: None,
            },
        },
        zone,
        april,
    )?;
    println!(
        "she cancels on 1 April (D-{}): {} kept, {} to refund",
        early.days_before_arrival, early.penalty, done.refund
    );
    println!(
        "confirmed: credit note {}, fee invoice {}, events {}",
        done.credit_notes
            .first()
            .and_then(|c| c.number.as_deref())
            .unwrap_or_default(),
        done.fee_invoice
            .as_ref()
            .and_then(|f| f.number.as_deref())
            .unwrap_or("-"),
        done.events
            .iter()
            .map(|e| e.kind())
            .collect::<Vec<_>>()
            .join(", ")
    );
    // The business transfers the money back: a refund recorded on the credit note, once.
    if let Some(credit) = done.credit_notes.first() {
        let documents: Vec<hospes::invoice::Invoice> = done
            .cancelled_invoices
            .iter()
            .chain(&done.credit_notes)
            .chain(&done.fee_invoice)
            .cloned()
            .collect();
        let back = hospes::correction::Refund {
            key: "vir-remb-0402".into(),
            credit_note_number: credit.number.clone().unwrap_or_default(),
            amount: done.refund.clone(),
            method: hospes::payment::PaymentMethod::BankTransfer,
            refunded_at: "2026-04-02T09:00:00Z".parse().unwrap_or_default(),
            reason: Some("Annulation du séjour".into()),
        };
        let refunded = hospes::correction::refund(&documents, &paid.payments, back, april)?;
        println!(
            "refunded {} by transfer on credit note {}: still to refund {}, event {}",
            done.refund,
            refunded.balance.invoice_number,
            refunded.balance.due,
            refunded
                .events
                .first()
                .map(|e| e.describe(hospes::Locale::Fr))
                .unwrap_or_default()
        );
    }
    Ok(())
}
