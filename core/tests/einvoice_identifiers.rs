//! The identifiers of a Factur-X series' options are checked before an invoice is numbered:
//! the XML would carry them as they are, whoever the customer.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::at;
use common::invoicing::deposit;
use hospes::einvoice::{BuyerIds, FacturX, PaymentMeans, PaymentMeansCode};
use hospes::invoice::{Invoice, InvoiceSeries, InvoiceStatus};

/// The deposit invoice of the test data, back to a draft due after the day it is issued.
fn draft() -> Invoice {
    let mut draft = deposit();
    draft.status = InvoiceStatus::Draft;
    draft.number = None;
    draft.issue_date = None;
    draft.due_date = "2026-03-20".parse().unwrap();
    draft
}

/// Payment by SEPA transfer into the campsite's account.
fn transfer() -> PaymentMeans {
    PaymentMeans {
        code: PaymentMeansCode::SepaCreditTransfer,
        iban: Some("FR76 3000 6000 0112 3456 7890 189".into()),
        bic: Some("AGRIFRPP".into()),
        account_name: Some("Camping des Pins".into()),
    }
}

/// A Factur-X series after `FA2603-0041`, with `options`.
fn series(options: FacturX) -> InvoiceSeries {
    InvoiceSeries {
        pattern: "FA{yy}{mm}-{seq:04}".into(),
        last: Some("FA2603-0041".into()),
        factur_x: Some(options),
    }
}

fn buyer(ids: BuyerIds) -> FacturX {
    FacturX {
        buyer: Some(ids),
        ..FacturX::default()
    }
}

fn paid_by(means: PaymentMeans) -> FacturX {
    FacturX {
        payment_means: Some(means),
        ..FacturX::default()
    }
}

#[test]
fn an_identifier_out_of_its_format_is_refused_before_any_number_is_taken() {
    let cases = [
        (
            "buyer.siren",
            buyer(BuyerIds {
                siren: Some("x".repeat(10_000)),
                ..BuyerIds::default()
            }),
        ),
        (
            "buyer.siren",
            buyer(BuyerIds {
                siren: Some("55210055".into()),
                ..BuyerIds::default()
            }),
        ),
        (
            "buyer.vat_number",
            buyer(BuyerIds {
                vat_number: Some("44732829320".into()),
                ..BuyerIds::default()
            }),
        ),
        (
            "buyer.electronic_address",
            buyer(BuyerIds {
                electronic_address: Some("a".repeat(101)),
                ..BuyerIds::default()
            }),
        ),
        (
            "seller_electronic_address",
            FacturX {
                seller_electronic_address: Some("732829320\u{0}".into()),
                ..FacturX::default()
            },
        ),
        (
            "payment_means.iban",
            paid_by(PaymentMeans {
                iban: Some("FR76 3000 6000 0112 3456 7890 188".into()),
                ..transfer()
            }),
        ),
        (
            "payment_means.bic",
            paid_by(PaymentMeans {
                bic: Some("AGRI".into()),
                ..transfer()
            }),
        ),
        (
            "payment_means.account_name",
            paid_by(PaymentMeans {
                account_name: Some("\n".into()),
                ..transfer()
            }),
        ),
    ];
    let (date, now) = ("2026-03-10".parse().unwrap(), at("2026-03-10T10:00:00Z"));
    for (field, options) in cases {
        let err = draft().issue(&series(options), date, now).unwrap_err();
        assert_eq!(err.code(), "invoice.einvoice_identifier_invalid", "{field}");
        assert!(err.to_string().contains(field), "{err}");
        assert!(
            err.to_string().len() < 200,
            "never the whole of a huge value: {err}"
        );
    }
}

#[test]
fn the_identifiers_in_their_format_are_taken() {
    let (date, now) = ("2026-03-10".parse().unwrap(), at("2026-03-10T10:00:00Z"));
    let options = FacturX {
        buyer: Some(BuyerIds {
            siren: Some("552100554".into()),
            vat_number: Some("FR64552100554".into()),
            electronic_address: Some("552100554".into()),
        }),
        payment_means: Some(transfer()),
        ..FacturX::default()
    };
    let issued = draft().issue(&series(options), date, now).unwrap();
    assert_eq!(issued.invoice.number.as_deref(), Some("FA2603-0042"));
}
