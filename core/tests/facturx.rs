//! Factur-X: every kind of invoice hospes issues, as CII XML (and as PDF/A-3 with the XML
//! embedded), in French, English and Spanish, written to `target/facturx/` for the independent
//! validators (`tools/facturx/validate.py`: Mustang, and the schematrons of the Python
//! `factur-x` package), and the rules that refuse an e-invoice before it is issued. Then the
//! series the business makes Factur-X: what they refuse before numbering, what their invoices
//! and credit notes carry, and the e-invoice the guest downloads from her space.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::at;
use common::invoicing::{deposit, deposit_payment, eur, get, paris};
use hospes::booking::{self, BookingRequest};
use hospes::cancellation::{self, CancellationConfirmation};
use hospes::einvoice::{self, BuyerIds, FacturX, PaymentMeans, PaymentMeansCode, VatRegime};
use hospes::invoice::{self, Invoice, InvoiceKind, InvoiceRequest, InvoiceSeries};
use hospes::pdf::Printer;
use hospes::portal::{Portal, PortalAccess};
use hospes::pricing::{CancellationPolicy, Catalogue};
use hospes::{Client, Establishment, Line, Locale, Stay};
use std::path::PathBuf;

fn catalogue() -> Catalogue {
    serde_json::from_str(include_str!("data/catalogue.json")).unwrap()
}

fn series(pattern: &str) -> InvoiceSeries {
    InvoiceSeries {
        pattern: pattern.into(),
        last: None,
        factur_x: None,
    }
}

/// A fortnight on a pitch booked on 1 March with the spring promo code: the length-of-stay
/// discount, the promo code, a dog, electricity and the tourist tax.
fn pitch_stay() -> Stay {
    let request = serde_json::from_value(serde_json::json!({
        "unit": "E12", "arrival": "2026-07-04", "departure": "2026-07-18",
        "guests": [{}, {}, {"birth_date": "2018-04-02"}],
        "supplements": [{"id": "dog"}], "promo_code": "PRINTEMPS"
    }))
    .unwrap();
    let booking = BookingRequest {
        client_id: "C-1042".into(),
        stay_reference: "S-0418".into(),
        request,
        discount: None,
        participants: vec![],
        origin: None,
    };
    booking::book(&catalogue(), booking, at("2026-03-01T10:00:00Z"))
        .unwrap()
        .stay
}

fn line(label: &str, kind: &str, quantity: &str, price: &str, rate: &str) -> Line {
    serde_json::from_value(serde_json::json!({
        "label": label, "kind": kind, "quantity": quantity,
        "unit_price": {"amount": price, "currency": "EUR"}, "vat_rate": rate
    }))
    .unwrap()
}

fn request(
    kind: InvoiceKind,
    establishment: &Establishment,
    client: &Client,
    stay: Option<&Stay>,
    lines: Vec<Line>,
    previous: Vec<Invoice>,
    locale: Locale,
) -> InvoiceRequest {
    InvoiceRequest {
        kind,
        establishment: establishment.clone(),
        client: client.clone(),
        stay: stay.cloned(),
        lines,
        amount: (kind == InvoiceKind::Deposit).then(|| eur("250.00")),
        previous,
        due_date: "2026-06-20".parse().unwrap(),
        locale: Some(locale),
        late_payment_rate_percent: client.company.is_some().then(|| "12".parse().unwrap()),
    }
}

fn issue(request: InvoiceRequest, pattern: &str, date: &str) -> Invoice {
    invoice::draft(request)
        .unwrap()
        .issue(
            &series(pattern),
            date.parse().unwrap(),
            at("2026-03-01T10:00:00Z"),
        )
        .unwrap()
        .invoice
}

fn transfer() -> Option<PaymentMeans> {
    Some(PaymentMeans {
        code: PaymentMeansCode::SepaCreditTransfer,
        iban: Some("FR76 3000 6000 0112 3456 7890 189".into()),
        bic: Some("AGRIFRPP".into()),
        account_name: Some("Camping des Pins".into()),
    })
}

/// A tour operator in Bordeaux, with its SIREN: business-to-business.
fn agency() -> (Client, FacturX) {
    let mut client: Client = get("client");
    client.id = "C-1042".into();
    client.company = Some("Voyages Océane SAS".into());
    client.address = serde_json::from_value(serde_json::json!({
        "lines": ["8 cours de l’Intendance"], "postcode": "33000", "city": "Bordeaux", "country": "FR"
    }))
    .unwrap();
    let options = FacturX {
        buyer: Some(BuyerIds {
            siren: Some("552100554".into()),
            vat_number: Some("FR64552100554".into()),
            electronic_address: None,
        }),
        payment_means: transfer(),
        ..FacturX::default()
    };
    (client, options)
}

/// One document for the validators: its file name, the invoice, the options.
struct Sample {
    name: String,
    invoice: Invoice,
    options: FacturX,
}

/// Every kind of invoice hospes issues, in `locale`.
fn samples(locale: Locale) -> Vec<Sample> {
    let tag = locale.tag();
    let establishment: Establishment = get("establishment");
    let guest: Client = get("client");
    let stay = pitch_stay();
    let guest_options = FacturX {
        payment_means: Some(PaymentMeans {
            code: PaymentMeansCode::Card,
            iban: None,
            bic: None,
            account_name: None,
        }),
        ..FacturX::default()
    };
    let mut out = Vec::new();
    let mut push = |kind: &str, invoice: Invoice, options: FacturX| {
        out.push(Sample {
            name: format!("{kind}-{tag}"),
            invoice,
            options,
        });
    };

    let deposit = issue(
        request(
            InvoiceKind::Deposit,
            &establishment,
            &guest,
            Some(&stay),
            vec![],
            vec![],
            locale,
        ),
        "FA{yy}{mm}-{seq:04}",
        "2026-03-01",
    );
    let paid = FacturX {
        paid: Some(deposit.total().clone()),
        ..guest_options.clone()
    };
    push("deposit", deposit.clone(), paid);
    let balance = issue(
        request(
            InvoiceKind::Balance,
            &establishment,
            &guest,
            Some(&stay),
            vec![],
            vec![deposit.clone()],
            locale,
        ),
        "FA{yy}{mm}-{seq:04}",
        "2026-06-01",
    );
    push("balance", balance.clone(), guest_options.clone());
    let stay_312: Stay = get("stay");
    let final_invoice = issue(
        request(
            InvoiceKind::Final,
            &establishment,
            &guest,
            Some(&stay_312),
            vec![],
            vec![],
            locale,
        ),
        "FA{yy}{mm}-{seq:04}",
        "2026-06-20",
    );
    push("final", final_invoice, guest_options.clone());
    let side_sale = issue(
        request(
            InvoiceKind::SideSale,
            &establishment,
            &guest,
            None,
            vec![
                line("Pain et viennoiseries", "side_sale", "6", "1.30", "5.5"),
                line("Location de vélo, 2 jours", "side_sale", "2", "12.00", "20"),
            ],
            vec![],
            locale,
        ),
        "VA{yy}-{seq:05}",
        "2026-06-15",
    );
    push("side_sale", side_sale, guest_options.clone());
    let rent = issue(
        request(
            InvoiceKind::Rent,
            &establishment,
            &guest,
            None,
            vec![line(
                "Loyer emplacement A12, 1er trimestre 2027",
                "rent",
                "1",
                "650.00",
                "10",
            )],
            vec![],
            locale,
        ),
        "LO{yyyy}-{seq:04}",
        "2026-06-15",
    );
    push("rent", rent, guest_options.clone());
    let fee = issue(
        request(
            InvoiceKind::CancellationFee,
            &establishment,
            &guest,
            None,
            vec![
                line(
                    "Frais d’annulation, séjour S-0418 (TVA 10 %)",
                    "accommodation",
                    "1",
                    "180.00",
                    "10",
                ),
                line(
                    "Frais d’annulation, séjour S-0418 (TVA 20 %)",
                    "supplement",
                    "1",
                    "20.00",
                    "20",
                ),
            ],
            vec![],
            locale,
        ),
        "FA{yy}{mm}-{seq:04}",
        "2026-06-15",
    );
    push("cancellation_fee", fee, guest_options.clone());
    let note = balance
        .credit_note(
            &series("AV{yy}{mm}-{seq:04}"),
            "2026-06-05".parse().unwrap(),
            at("2026-06-05T10:00:00Z"),
        )
        .unwrap()
        .invoice;
    let credited = FacturX {
        credited_invoice_date: balance.issue_date,
        ..guest_options.clone()
    };
    push("credit_note", note, credited);

    // Business to business: a tour operator's balance, with the late-payment terms.
    let (agency, agency_options) = agency();
    let agency_stay = Stay {
        client_id: agency.id.clone(),
        ..stay.clone()
    };
    let b2b = issue(
        request(
            InvoiceKind::Balance,
            &establishment,
            &agency,
            Some(&agency_stay),
            vec![],
            vec![],
            locale,
        ),
        "FA{yy}{mm}-{seq:04}",
        "2026-06-01",
    );
    push("b2b_balance", b2b, agency_options);

    // A business under the VAT franchise: no VAT, every line exempt.
    let mut small = establishment.clone();
    small.legal.vat_number = None;
    let franchise = issue(
        request(
            InvoiceKind::SideSale,
            &small,
            &guest,
            None,
            vec![
                line("Nuitée chambre d’hôtes", "accommodation", "2", "75.00", "0"),
                line("Taxe de séjour", "tourist_tax", "4", "0.88", "0"),
            ],
            vec![],
            locale,
        ),
        "CH{yyyy}-{seq:04}",
        "2026-06-15",
    );
    let franchise_options = FacturX {
        vat_regime: Some(VatRegime::Franchise),
        ..guest_options.clone()
    };
    push("franchise", franchise, franchise_options);
    out
}

/// `target/facturx/{what}/`, made if need be.
fn folder(what: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../target/facturx")
        .join(what);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn every_kind_of_invoice_is_written_for_the_validators() {
    let xml_dir = folder("xml");
    let pdf_dir = folder("pdf");
    let printer = hospes::pdf::Printer::standard();
    for locale in [Locale::Fr, Locale::En, Locale::Es] {
        for sample in samples(locale) {
            let pdf = printer
                .factur_x(&sample.invoice, None, None, &sample.options)
                .unwrap_or_else(|e| panic!("{}: {e}", sample.name));
            std::fs::write(pdf_dir.join(format!("{}.pdf", sample.name)), pdf).unwrap();
            let xml = einvoice::cii_xml(&sample.invoice, &sample.options)
                .unwrap_or_else(|e| panic!("{}: {e}", sample.name));
            assert_eq!(
                xml,
                einvoice::cii_xml(&sample.invoice, &sample.options).unwrap()
            );
            let total = sample.invoice.total().amount.abs();
            assert!(
                xml.contains(&format!(
                    "<ram:GrandTotalAmount>{total:.2}</ram:GrandTotalAmount>"
                )),
                "{}",
                sample.name
            );
            std::fs::write(xml_dir.join(format!("{}.xml", sample.name)), xml).unwrap();
        }
    }
}

#[test]
fn the_pitch_stay_has_the_discounts_and_the_tourist_tax() {
    let stay = pitch_stay();
    let kinds: Vec<_> = stay.lines.iter().map(|l| l.kind).collect();
    assert!(
        kinds.contains(&hospes::stay::LineKind::Discount),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&hospes::stay::LineKind::TouristTax),
        "{kinds:?}"
    );
    let sample = samples(Locale::Fr)
        .into_iter()
        .find(|s| s.name == "balance-fr")
        .unwrap();
    let xml = einvoice::cii_xml(&sample.invoice, &sample.options).unwrap();
    assert!(xml.contains("<udt:Indicator>false</udt:Indicator>"));
    assert!(xml.contains("VATEX-EU-79-C"));
    assert!(
        xml.contains("<ram:ID>S4</ram:ID>"),
        "a balance after a deposit"
    );
}

/// A broken sample: its name, where to look, what to replace and by what.
type Mutation = (&'static str, &'static [u8], &'static [u8], &'static [u8]);

/// `bytes` with the first `from` after `after` replaced by `to`, of the same length, so that
/// the cross-reference table stays right: one required element of PDF/A-3 or Factur-X removed.
fn mutate(bytes: &[u8], after: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    assert_eq!(from.len(), to.len());
    let start = bytes.windows(after.len()).position(|w| w == after).unwrap();
    let at = start
        + bytes[start..]
            .windows(from.len())
            .position(|w| w == from)
            .expect("the element to remove is in the document");
    let mut out = bytes.to_vec();
    out[at..at + from.len()].copy_from_slice(to);
    out
}

/// The negative samples, each of which the validators must refuse (`validate.py
/// --expect-invalid target/facturx/invalid`): proof that the check can fail.
#[test]
fn broken_samples_are_written_for_the_validators() {
    let dir = folder("invalid");
    let sample = samples(Locale::Fr)
        .into_iter()
        .find(|s| s.name == "rent-fr")
        .unwrap();
    let pdf = hospes::pdf::Printer::standard()
        .factur_x(&sample.invoice, None, None, &sample.options)
        .unwrap();
    let cases: &[Mutation] = &[
        (
            "no-metadata",
            b"/Type/Catalog",
            b"/Metadata ",
            b"/Metadatx ",
        ),
        (
            "no-output-intent",
            b"/Type/Catalog",
            b"/OutputIntents[",
            b"/OutputIntentx[",
        ),
        (
            "no-af-relationship",
            b"/Type/Filespec",
            b"/AFRelationship",
            b"/AFRelationshix",
        ),
        ("no-catalog-af", b"/Type/Catalog", b"/AF[", b"/AX["),
        ("no-filespec-uf", b"/Type/Filespec", b"/UF(", b"/UX("),
        ("no-trailer-id", b"trailer", b"/ID[", b"/IX["),
        (
            "no-mime-subtype",
            b"/Type/EmbeddedFile",
            b"/Subtype/text",
            b"/Xubtype/text",
        ),
        ("no-filespec-f", b"/Type/Filespec", b"/F(", b"/X("),
        ("no-embedded-file", b"/Type/Filespec", b"/EF<<", b"/EX<<"),
        (
            "no-pdfaid-part",
            b"<x:xmpmeta",
            b"<pdfaid:part>3</pdfaid:part>",
            b"<pdfaid:parx>3</pdfaid:parx>",
        ),
        (
            "no-fx-document-type",
            b"<x:xmpmeta",
            b"fx:DocumentType>INVOICE</fx:DocumentType",
            b"fx:DocumentTypo>INVOICE</fx:DocumentTypo",
        ),
        (
            "no-fx-extension-schema",
            b"<pdfaSchema:namespaceURI>",
            b"urn:factur-x:",
            b"urn:factur-y:",
        ),
        (
            "widths-wrong",
            b"/CIDToGIDMap/Identity/W[",
            b"/W[0[600 2",
            b"/W[0[600 9",
        ),
    ];
    for &(name, after, from, to) in cases {
        std::fs::write(
            dir.join(format!("{name}.pdf")),
            mutate(&pdf, after, from, to),
        )
        .unwrap();
    }
    let xml = einvoice::cii_xml(&sample.invoice, &sample.options).unwrap();
    let total = format!(
        "<ram:GrandTotalAmount>{:.2}<",
        sample.invoice.total().amount
    );
    assert!(xml.contains(&total));
    let corrupt = xml.replacen(&total, "<ram:GrandTotalAmount>9999.99<", 1);
    std::fs::write(dir.join("total-corrupt.xml"), corrupt).unwrap();
    let line = xml.replacen("<ram:LineTotalAmount>", "<ram:LineTotalAmount>1", 1);
    std::fs::write(dir.join("line-total-corrupt.xml"), line).unwrap();
}

// The business chooses per series whether its invoices are Factur-X.

/// The guests' options of a Factur-X series: paid by card.
fn by_card() -> FacturX {
    FacturX {
        payment_means: Some(PaymentMeans {
            code: PaymentMeansCode::Card,
            iban: None,
            bic: None,
            account_name: None,
        }),
        ..FacturX::default()
    }
}

/// The series `pattern` after `last`, made Factur-X by the business.
fn factur_x_series(pattern: &str, last: Option<&str>) -> InvoiceSeries {
    InvoiceSeries {
        pattern: pattern.into(),
        last: last.map(Into::into),
        factur_x: Some(by_card()),
    }
}

/// A draft side sale at the bakery counter, from `establishment` to `client`.
fn bakery(establishment: &Establishment, client: &Client) -> Invoice {
    let lines = vec![line(
        "Pain et viennoiseries",
        "side_sale",
        "6",
        "1.30",
        "5.5",
    )];
    invoice::draft(request(
        InvoiceKind::SideSale,
        establishment,
        client,
        None,
        lines,
        vec![],
        Locale::Fr,
    ))
    .unwrap()
}

/// `bytes` holds `needle`.
fn holds(bytes: &[u8], needle: &[u8]) -> bool {
    bytes.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn a_factur_x_series_refuses_an_invoice_without_the_sellers_siren_and_keeps_its_number() {
    let series = factur_x_series("FA{yy}{mm}-{seq:04}", Some("FA2603-0041"));
    let date = "2026-03-10".parse().unwrap();
    let now = at("2026-03-10T10:00:00Z");
    let guest: Client = get("client");
    let mut waiting: Establishment = get("establishment");
    waiting.legal.siret = Some("en cours d’immatriculation".into());
    let draft = bakery(&waiting, &guest);

    let err = draft.issue(&series, date, now).unwrap_err();
    assert_eq!(err.code(), "invoice.einvoice_siren_missing");
    assert!(err.to_string().contains("Camping des Pins"), "{err}");
    // Without any SIRET, no invoice is issued, e-invoice or not.
    let mut unregistered = waiting.clone();
    unregistered.legal.siret = None;
    let err = bakery(&unregistered, &guest)
        .issue(&series, date, now)
        .unwrap_err();
    assert_eq!(err.code(), "invoice.mention_missing");
    // The rule is the series': the same draft in a series that is not Factur-X is issued.
    let plain = InvoiceSeries {
        factur_x: None,
        ..series.clone()
    };
    let paper = draft.issue(&plain, date, now).unwrap().invoice;
    assert_eq!(paper.number.as_deref(), Some("FA2603-0042"));
    assert_eq!(paper.factur_x, None);

    // The refused invoice took no number: with the SIREN, the e-invoice takes the next one.
    let issued = bakery(&get("establishment"), &guest)
        .issue(&series, date, now)
        .unwrap();
    assert_eq!(issued.invoice.number.as_deref(), Some("FA2603-0042"));
    assert_eq!(issued.series.last.as_deref(), Some("FA2603-0042"));
    assert_eq!(issued.series.factur_x, series.factur_x);
    assert_eq!(issued.invoice.factur_x, Some(by_card()));
    let options = issued.invoice.factur_x.clone().unwrap();
    assert!(einvoice::check(&issued.invoice, &options).is_ok());
}

#[test]
fn a_business_customer_is_e_invoiced_with_the_siren_her_draft_carries() {
    let series = factur_x_series("FA{yy}{mm}-{seq:04}", None);
    let date = "2026-06-15".parse().unwrap();
    let now = at("2026-06-15T10:00:00Z");
    let (agency, agency_options) = agency();
    let mut draft = bakery(&get("establishment"), &agency);
    let err = draft.issue(&series, date, now).unwrap_err();
    assert_eq!(err.code(), "invoice.einvoice_buyer_siren_missing");
    assert!(err.to_string().contains("Voyages Océane SAS"), "{err}");

    // Her SIREN is the invoice's own; the means of payment are the series'.
    draft.factur_x = Some(FacturX {
        buyer: agency_options.buyer.clone(),
        ..FacturX::default()
    });
    let issued = draft.issue(&series, date, now).unwrap().invoice;
    assert_eq!(issued.number.as_deref(), Some("FA2606-0001"));
    let options = issued.factur_x.clone().unwrap();
    assert_eq!(options.buyer, agency_options.buyer);
    assert_eq!(options.payment_means, by_card().payment_means);
    let xml = einvoice::cii_xml(&issued, &options).unwrap();
    assert!(xml.contains("552100554"));
}

#[test]
fn the_guest_downloads_the_e_invoice_from_her_space() {
    let guest: Client = get("client");
    let stay = pitch_stay();
    let deposit = invoice::draft(request(
        InvoiceKind::Deposit,
        &get("establishment"),
        &guest,
        Some(&stay),
        vec![],
        vec![],
        Locale::Fr,
    ))
    .unwrap()
    .issue(
        &factur_x_series("FA{yy}{mm}-{seq:04}", None),
        "2026-03-01".parse().unwrap(),
        at("2026-03-01T10:00:00Z"),
    )
    .unwrap()
    .invoice;
    // The link of the mail that sent her the invoice.
    let access: PortalAccess = serde_json::from_value(serde_json::json!({
        "client_id": guest.id, "purpose": "invoice", "subject": deposit.number
    }))
    .unwrap();
    let space = Portal::open(&access, guest.clone()).unwrap();
    let printer = Printer::standard();

    let pdf = space.invoice_pdf(&deposit, printer).unwrap();
    let options = deposit.factur_x.clone().unwrap();
    assert_eq!(
        pdf,
        printer.factur_x(&deposit, None, None, &options).unwrap()
    );
    assert!(holds(&pdf, b"factur-x.xml"));
    assert!(holds(&pdf, b"<pdfaid:part>3</pdfaid:part>"));
    assert_eq!(
        pdf,
        printer.invoice(&deposit).unwrap(),
        "what the business prints"
    );
    std::fs::write(folder("pdf").join("portal_deposit-fr.pdf"), &pdf).unwrap();

    // An invoice of a series that is not Factur-X downloads as it always did.
    let paper = Invoice {
        factur_x: None,
        ..deposit.clone()
    };
    let pdf = space.invoice_pdf(&paper, printer).unwrap();
    assert!(!holds(&pdf, b"factur-x.xml"));
}

#[test]
fn the_credit_note_of_an_e_invoice_is_an_e_invoice_dated_to_the_invoice_it_cancels() {
    let guest: Client = get("client");
    let side_sale = bakery(&get("establishment"), &guest)
        .issue(
            &factur_x_series("VA{yy}-{seq:05}", None),
            "2026-06-15".parse().unwrap(),
            at("2026-06-15T10:00:00Z"),
        )
        .unwrap()
        .invoice;
    // Credit notes have a series of their own, which the business did not make Factur-X:
    // the credit note of an e-invoice is one all the same.
    let credited = side_sale
        .credit_note(
            &series("AV{yy}{mm}-{seq:04}"),
            "2026-07-02".parse().unwrap(),
            at("2026-07-02T10:00:00Z"),
        )
        .unwrap();
    let note = credited.invoice;
    let options = note.factur_x.clone().unwrap();
    assert_eq!(options.credited_invoice_date, side_sale.issue_date);
    assert_eq!(options.payment_means, by_card().payment_means);
    assert_eq!(credited.cancelled.unwrap().factur_x, side_sale.factur_x);
    let xml = einvoice::cii_xml(&note, &options).unwrap();
    assert!(xml.contains("<ram:TypeCode>381</ram:TypeCode>"));
    let preceding = xml.split("<ram:InvoiceReferencedDocument>").nth(1).unwrap();
    assert!(preceding.contains(side_sale.number.as_deref().unwrap()));
    assert!(preceding.contains(">20260615<"), "{preceding}");
    assert!(holds(
        &Printer::standard().invoice(&note).unwrap(),
        b"factur-x.xml"
    ));

    // And a credit note numbered in a Factur-X series is one, whatever the invoice it cancels.
    let paper = bakery(&get("establishment"), &guest)
        .issue(
            &series("VA{yy}-{seq:05}"),
            "2026-06-15".parse().unwrap(),
            at("2026-06-15T10:00:00Z"),
        )
        .unwrap()
        .invoice;
    let note = paper
        .credit_note(
            &factur_x_series("AV{yy}{mm}-{seq:04}", None),
            "2026-07-02".parse().unwrap(),
            at("2026-07-02T10:00:00Z"),
        )
        .unwrap()
        .invoice;
    let options = note.factur_x.unwrap();
    assert_eq!(options.credited_invoice_date, paper.issue_date);
}

#[test]
fn cancelling_a_stay_in_factur_x_series_issues_e_invoices_the_fee_already_paid() {
    let stay: Stay = get("stay");
    let policy: CancellationPolicy = get("cancellation");
    let done = cancellation::confirm(
        &stay,
        &policy,
        &[deposit()],
        &[deposit_payment()],
        CancellationConfirmation {
            shown_refund: eur("0.00"),
            invoice_series: factur_x_series("FA{yy}{mm}{seq:04}", Some("FA26050007")),
            credit_note_series: factur_x_series("AV{yy}{mm}{seq:04}", None),
        },
        paris(),
        at("2026-06-01T10:00:00Z"),
    )
    .unwrap();
    let note = &done.credit_notes[0];
    let options = note.factur_x.clone().unwrap();
    assert_eq!(options.credited_invoice_date, deposit().issue_date);
    assert!(einvoice::cii_xml(note, &options).is_ok());

    let fee = done.fee_invoice.clone().unwrap();
    assert_eq!(fee.number.as_deref(), Some("FA26060001"));
    assert_eq!(done.invoice_series.last.as_deref(), Some("FA26060001"));
    let options = fee.factur_x.clone().unwrap();
    assert_eq!(options.paid.as_ref(), Some(fee.total()));
    let xml = einvoice::cii_xml(&fee, &options).unwrap();
    assert!(xml.contains("<ram:ID>S2</ram:ID>"), "already paid");
    assert!(xml.contains("<ram:DuePayableAmount>0.00</ram:DuePayableAmount>"));
    let kinds: Vec<&str> = done.events.iter().map(|e| e.kind()).collect();
    assert_eq!(
        kinds,
        [
            "invoice_issued",
            "invoice_cancelled",
            "invoice_issued",
            "stay_cancelled"
        ]
    );
}
