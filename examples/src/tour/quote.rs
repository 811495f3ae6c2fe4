//! A quote changed and signed from the portal.

use crate::section;

/// A quote sent in March: Marie adds her daughter, types a promo code, and signs. The quote
/// signed, the stay it confirmed and the last invoice number of February, for her invoices.
pub fn quote(
    catalogue: &hospes::pricing::Catalogue,
) -> hospes::Result<(hospes::quote::Quote, hospes::Stay, &'static str)> {
    use hospes::portal::{Portal, PortalAccess};
    use hospes::pricing::PricedGuest;
    use hospes::quote::Quote;
    use hospes::signature::SignatureRequest;
    section("A quote for next summer, signed from the portal");
    let sent = "2026-03-01T10:00:00Z".parse().unwrap_or_default();
    let quote = Quote::create(
        "D26-0312",
        "C-1042",
        "318",
        catalogue,
        hospes::wire::from_json(
            r#"{"unit": "E12", "arrival": "2026-07-11", "departure": "2026-07-25", "guests": [{}, {}], "supplements": [{"id": "dog"}]}"#,
        )?,
        sent,
        "2026-03-31T21:59:59Z".parse().unwrap_or_default(),
    )?;
    println!(
        "quote {} sent, {} — valid until {}",
        quote.number, quote.priced.totals.vat.total_incl_vat, quote.valid_until
    );
    let marie: hospes::Client = hospes::wire::from_json(
        r#"{"id": "C-1042", "last_name": "Dupont", "first_name": "Marie", "email": "marie.dupont@example.fr", "created_at": "2024-05-02T14:10:00Z"}"#,
    )?;
    let from_link = PortalAccess {
        client_id: "C-1042".into(),
        purpose: Some(hospes::LinkPurpose::Quote),
        subject: Some("D26-0312".into()),
    };
    let portal = Portal::open(&from_link, marie)?;
    let evening = "2026-03-02T18:30:00Z".parse().unwrap_or_default();
    let guests = vec![
        PricedGuest::default(),
        PricedGuest::default(),
        PricedGuest {
            birth_date: "2016-05-02".parse().ok(),
        },
    ];
    let with_lea = portal.change_quote_guests(&quote, catalogue, guests, evening)?;
    println!(
        "she adds Léa (10): {}",
        with_lea.quote.priced.totals.vat.total_incl_vat
    );
    let with_code = portal.apply_quote_promo(
        &with_lea.quote,
        catalogue,
        Some("printemps".into()),
        evening,
    )?;
    println!(
        "she types PRINTEMPS: {} (the total shown as soon as the code is typed)",
        with_code.quote.priced.totals.vat.total_incl_vat
    );
    // She reads the quote as a PDF: what she signs is those bytes, by their SHA-256.
    let camping: hospes::Establishment = hospes::wire::from_json(
        &serde_json::from_str::<serde_json::Value>(include_str!(
            "../../../core/tests/data/invoicing.json"
        ))
        .map_err(|e| hospes::Error::Internal {
            detail: e.to_string(),
        })?
        .get("establishment")
        .cloned()
        .unwrap_or_default()
        .to_string(),
    )?;
    let printer = hospes::pdf::Printer::standard();
    let view = portal.quote(&with_code.quote, evening)?;
    let shown = portal.quote_document(&view.quote, &camping, None, printer)?;
    let first_shown = portal.quote_document(&quote, &camping, None, printer)?;
    // The stay names everyone the quote prices (Marie, Paul and Léa): a quote for three is not
    // confirmed on a stay that names fewer (`quote.participants_missing`).
    let stay: hospes::Stay = hospes::wire::from_json(
        r#"{"reference": "318", "client_id": "C-1042", "accommodation": "Emplacement confort",
            "arrival": "2026-07-11", "departure": "2026-07-25", "status": "option", "currency": "EUR",
            "participants": [{"first_name": "Paul", "last_name": "Dupont"},
                             {"first_name": "Léa", "last_name": "Dupont", "birth_date": "2016-05-02"}]}"#,
    )?;
    let signature = SignatureRequest {
        document_sha256: shown.sha256.clone(),
        signer_name: "Marie Dupont".into(),
        signer_email: Some("marie.dupont@example.fr".into()),
        consent_text: "J’accepte le devis et les conditions générales de vente.".into(),
        ip: Some("203.0.113.7".into()),
        user_agent: Some("Mozilla/5.0 (iPhone)".into()),
        image: None,
        locale: None,
    };
    let stale = SignatureRequest {
        document_sha256: first_shown.sha256.clone(),
        ..signature.clone()
    };
    if let Err(err) =
        portal.accept_quote(&with_code.quote, &stay, stale, &camping, printer, evening)
    {
        println!("signing the PDF of the quote as first sent: {}", err.code());
    }
    let signed = portal.accept_quote(&view.quote, &stay, signature, &camping, printer, evening)?;
    let accepted = signed.acceptance;
    println!(
        "she signs the PDF she read ({} bytes, sha256 {}…): stay {} is {:?}",
        shown.pdf.0.len(),
        shown.sha256.get(..16).unwrap_or_default(),
        accepted.stay.reference,
        accepted.stay.status,
    );
    // The host keeps the signed record: that PDF, byte for byte, and its evidence document.
    let dir = std::path::Path::new("target/tour/pdf");
    let io = |e: std::io::Error| hospes::Error::Internal {
        detail: format!("target/tour/pdf: {e}"),
    };
    std::fs::create_dir_all(dir).map_err(io)?;
    std::fs::write(dir.join("quote.signed.fr.pdf"), &signed.copy.document.0).map_err(io)?;
    std::fs::write(dir.join("quote.evidence.fr.pdf"), &signed.copy.evidence.0).map_err(io)?;
    println!(
        "kept: target/tour/pdf/quote.signed.fr.pdf and quote.evidence.fr.pdf ({} bytes)",
        signed.copy.evidence.0.len()
    );
    if let Some(evidence) = &accepted.quote.acceptance {
        evidence.verify(&signed.copy.document.0)?;
        let mut altered = signed.copy.document.0.clone();
        if let Some(byte) = altered.get_mut(1000) {
            *byte ^= 1;
        }
        if let Err(err) = evidence.verify(&altered) {
            println!(
                "the kept PDF verifies; with one byte changed: {}",
                err.code()
            );
        }
    }
    for event in &accepted.events {
        println!("  event {} at {}", event.kind(), event.occurred_at());
    }
    let pattern = "FA{yy}{mm}{seq:04}";
    let february_last = "FA26020041";
    let deposit_number =
        hospes::invoice::next_number(pattern, evening.date_naive(), Some(february_last))?;
    println!(
        "her deposit invoice is the first of March in series {pattern}: {deposit_number} (February ended at {february_last})"
    );
    Ok((accepted.quote, accepted.stay, february_last))
}
