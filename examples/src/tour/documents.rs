//! The documents as PDF, written to `target/tour/pdf/`.

use crate::{from_field, read_json, section};
use hospes::{Client, Establishment, Locale};

/// The documents as PDF, written to `target/tour/pdf/`: Łukasz Żółć's 20-line invoice in
/// French, English and Spanish (and in French with her space link as a QR code, and as a
/// Factur-X e-invoice with its XML), its credit note, a quote, the signed contract with its
/// evidence page, and a sheet of address labels.
pub fn documents() -> hospes::Result<()> {
    use hospes::pdf::{LabelRequest, LabelSheet, Printer};
    section("Documents as PDF (target/tour/pdf/)");
    let data = read_json(include_str!("../../../core/tests/data/documents.json"))?;
    let mut invoice: hospes::invoice::Invoice = from_field(&data, "invoice")?;
    let printer = Printer::standard();
    let dir = std::path::Path::new("target/tour/pdf");
    let write = |name: &str, pdf: &[u8]| -> hospes::Result<()> {
        std::fs::create_dir_all(dir)
            .and_then(|()| std::fs::write(dir.join(name), pdf))
            .map_err(|e| hospes::Error::Internal {
                detail: e.to_string(),
            })?;
        println!("  {name:<28} {:>6} bytes", pdf.len());
        Ok(())
    };
    for locale in Locale::ALL {
        invoice.locale = locale;
        write(
            &format!("invoice.{locale}.pdf"),
            &printer.invoice(&invoice)?,
        )?;
    }
    // With the client's space link (as `link.url` writes it) as a QR code beside her address.
    invoice.locale = Locale::Fr;
    let space_link = "https://portail.camping-des-pins.fr/?t=v4.local.S5tNCyf3PatMjOfxdzqhQKcJ7";
    write(
        "invoice.fr.space-link.pdf",
        &printer.invoice_with_balance(&invoice, None, Some(space_link))?,
    )?;
    // The same invoice as a Factur-X e-invoice (docs/e-invoicing.md): PDF/A-3b with its CII XML
    // (EN 16931) embedded, and the XML alone, as a host sends it through its approved platform.
    let options = hospes::einvoice::FacturX::default();
    write(
        "invoice.fr.factur-x.pdf",
        &printer.factur_x(&invoice, None, None, &options)?,
    )?;
    write(
        "invoice.fr.factur-x.xml",
        hospes::einvoice::cii_xml(&invoice, &options)?.as_bytes(),
    )?;
    let credit: hospes::invoice::Invoice = from_field(&data, "credit_note")?;
    write("credit_note.fr.pdf", &printer.invoice(&credit)?)?;
    let quote: hospes::quote::Quote = from_field(&data, "quote")?;
    let establishment: Establishment = from_field(&data, "establishment")?;
    let client: Client = from_field(&data, "client")?;
    write(
        "quote.en.pdf",
        &printer.quote(&quote, &establishment, &client, Some(Locale::En), None)?,
    )?;
    let contract: hospes::contract::Contract = from_field(&data, "signed_contract")?;
    write(
        "contract.signed.fr.pdf",
        &printer.contract(&contract, None, None)?,
    )?;
    if let Some(signature) = &contract.signature {
        write(
            "contract.evidence.fr.pdf",
            &printer.evidence(
                &contract.number,
                &contract.seller,
                signature,
                contract.locale,
            )?,
        )?;
    }
    let request = LabelRequest {
        clients: from_field(&data, "label_clients")?,
        sheet: LabelSheet::A4_3x8,
        sender_country: hospes::Country::FRANCE,
        locale: Locale::Fr,
        skip: 0,
    };
    write("labels.a4_3x8.pdf", &printer.labels(&request)?)?;
    Ok(())
}
