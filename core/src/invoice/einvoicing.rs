//! The rules that make an invoice an e-invoice (EN 16931 with the French rules BR-FR): what
//! `crate::einvoice::check` refuses, and what [`Invoice::issue`] and
//! [`Invoice::credit_note`] refuse in a Factur-X series before numbering anything.
//!
//! [`Invoice::issue`]: crate::invoice::Invoice::issue
//! [`Invoice::credit_note`]: crate::invoice::Invoice::credit_note

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::facturx::{FacturX, PaymentMeansCode, VatRegime};
use super::kind::InvoiceKind;
use super::record::{Invoice, InvoiceStatus};
use crate::address::Country;
use crate::error::{Error, Result};
use crate::money::Currency;
use crate::stay::LineKind;

/// Who buys, as the French platforms sort invoices (note BAR).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// A business in France: e-invoicing.
    B2b,
    /// A business abroad.
    B2bInternational,
    /// An individual: e-reporting, not e-invoicing.
    B2c,
}

impl Scope {
    pub(crate) fn code(self) -> &'static str {
        match self {
            Scope::B2b => "B2B",
            Scope::B2bInternational => "B2BINT",
            Scope::B2c => "B2C",
        }
    }
}

/// The French billing framework (« cadre de facturation », BT-23) of a services invoice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Framework {
    /// S1: an invoice of services.
    Services,
    /// S2: already paid.
    Paid,
    /// S4: the final invoice after deposits.
    AfterDeposit,
}

impl Framework {
    pub(crate) fn code(self) -> &'static str {
        match self {
            Framework::Services => "S1",
            Framework::Paid => "S2",
            Framework::AfterDeposit => "S4",
        }
    }
}

/// What [`checked`] settles, for the writer of the XML.
pub(crate) struct Checked<'a> {
    /// The invoice's number.
    pub(crate) number: &'a str,
    /// Its issue date.
    pub(crate) issue_date: NaiveDate,
    /// The seller's SIREN (the SIRET's first nine digits).
    pub(crate) siren: &'a str,
    /// Who buys.
    pub(crate) scope: Scope,
    /// The billing framework.
    pub(crate) framework: Framework,
    /// What was paid before issue.
    pub(crate) prepaid: Decimal,
}

/// Who buys `invoice`: an individual, a business in France or abroad.
fn scope(invoice: &Invoice) -> Scope {
    let country = invoice.customer.address.country;
    match (invoice.customer.business, country) {
        (false, _) => Scope::B2c,
        (true, Some(c)) if c != Country::FRANCE => Scope::B2bInternational,
        (true, _) => Scope::B2b,
    }
}

/// Checks that `invoice` can be an e-invoice with `options`, refusing with the first rule it
/// breaks (see `crate::einvoice::check`, which is this check, for the rules and their codes),
/// and settles what the XML says of it.
pub(crate) fn checked<'a>(invoice: &'a Invoice, options: &FacturX) -> Result<Checked<'a>> {
    let (Some(number), Some(issue_date)) = (&invoice.number, invoice.issue_date) else {
        return Err(Error::EinvoiceDraft {
            number: invoice.number.clone().unwrap_or_default(),
        });
    };
    if invoice.status == InvoiceStatus::Draft {
        return Err(Error::EinvoiceDraft {
            number: number.clone(),
        });
    }
    let id_ok = number.len() <= 35
        && !number.is_empty()
        && number
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '_' | '/'));
    if !id_ok {
        return Err(Error::EinvoiceNumberInvalid {
            number: number.chars().take(64).collect(),
        });
    }
    if invoice.currency != Currency::EUR {
        return Err(Error::EinvoiceCurrencyUnsupported {
            currency: invoice.currency.code().into(),
        });
    }
    check_identifiers(options)?;
    let siren = invoice
        .seller
        .siret
        .as_deref()
        .and_then(|s| s.get(..9))
        .filter(|s| s.chars().all(|c| c.is_ascii_digit()))
        .ok_or_else(|| Error::EinvoiceSirenMissing {
            seller: invoice.seller.name.clone(),
        })?;
    let regime = options.vat_regime.unwrap_or_default();
    let charged = invoice
        .lines
        .iter()
        .find(|l| !l.vat_rate.percent().is_zero());
    match (regime, charged) {
        (VatRegime::Franchise, Some(line)) => {
            return Err(Error::EinvoiceFranchiseVat {
                rate: line.vat_rate.to_string(),
            });
        }
        (VatRegime::Standard, Some(_)) if invoice.seller.vat_number.is_none() => {
            return Err(Error::MentionMissing {
                mention: "seller.vat_number".into(),
            });
        }
        _ => {}
    }
    let customer = &invoice.customer;
    let buyer_name = customer.company.clone().unwrap_or(customer.name.clone());
    if customer.address.country.is_none() {
        return Err(Error::EinvoiceBuyerAddressMissing {
            customer: buyer_name,
            missing: "country".into(),
        });
    }
    let scope = scope(invoice);
    if customer.business
        && (customer.address.lines.is_empty()
            || customer.address.postcode.is_none()
            || customer.address.city.is_none())
    {
        return Err(Error::EinvoiceBuyerAddressMissing {
            customer: buyer_name,
            missing: "address".into(),
        });
    }
    let buyer_siren = options.buyer.as_ref().and_then(|b| b.siren.as_deref());
    let siren_ok =
        buyer_siren.is_some_and(|s| s.len() == 9 && s.chars().all(|c| c.is_ascii_digit()));
    if scope == Scope::B2b && !siren_ok {
        return Err(Error::EinvoiceBuyerSirenMissing {
            customer: buyer_name,
        });
    }
    if invoice.kind == InvoiceKind::CreditNote
        && (invoice.credited_invoice.is_none() || options.credited_invoice_date.is_none())
    {
        return Err(Error::EinvoiceCreditedDateMissing {
            number: number.clone(),
        });
    }
    if let Some(means) = &options.payment_means
        && matches!(
            means.code,
            PaymentMeansCode::CreditTransfer | PaymentMeansCode::SepaCreditTransfer
        )
        && means.iban.as_deref().is_none_or(|i| i.trim().is_empty())
    {
        return Err(Error::EinvoiceIbanMissing {
            means: means.code.name().into(),
        });
    }
    let total = invoice.total().amount.abs();
    let prepaid = match &options.paid {
        None => Decimal::ZERO,
        Some(paid)
            if paid.currency == invoice.currency
                && !paid.amount.is_sign_negative()
                && paid.amount <= total =>
        {
            paid.amount
        }
        Some(paid) => {
            return Err(Error::EinvoicePaidInvalid {
                paid: paid.to_string(),
                total: invoice.total().to_string(),
            });
        }
    };
    let deducts_deposit = invoice
        .lines
        .iter()
        .any(|l| l.kind == LineKind::Deposit && l.unit_price.amount.is_sign_negative())
        && invoice.kind != InvoiceKind::CreditNote;
    let framework = if !total.is_zero() && prepaid == total {
        Framework::Paid
    } else if deducts_deposit {
        Framework::AfterDeposit
    } else {
        Framework::Services
    };
    Ok(Checked {
        number,
        issue_date,
        siren,
        scope,
        framework,
        prepaid,
    })
}

/// An identifier of the options: its name, its value if given, and the test of its format.
type Identifier<'a> = (&'static str, Option<&'a str>, fn(&str) -> bool);

/// Refuses an identifier of the options out of its format (`invoice.einvoice_identifier_invalid`),
/// whatever the customer: the XML would carry it as it is.
fn check_identifiers(options: &FacturX) -> Result<()> {
    let buyer = options.buyer.as_ref();
    let means = options.payment_means.as_ref();
    let fields: [Identifier<'_>; 7] = [
        ("buyer.siren", buyer.and_then(|b| b.siren.as_deref()), |s| {
            s.len() == 9 && s.bytes().all(|b| b.is_ascii_digit())
        }),
        (
            "buyer.vat_number",
            buyer.and_then(|b| b.vat_number.as_deref()),
            vat_number_ok,
        ),
        (
            "buyer.electronic_address",
            buyer.and_then(|b| b.electronic_address.as_deref()),
            |s| text_ok(s, 100),
        ),
        (
            "seller_electronic_address",
            options.seller_electronic_address.as_deref(),
            |s| text_ok(s, 100),
        ),
        (
            "payment_means.iban",
            means.and_then(|m| m.iban.as_deref()),
            iban_ok,
        ),
        (
            "payment_means.bic",
            means.and_then(|m| m.bic.as_deref()),
            |s| matches!(s.len(), 8 | 11) && s.bytes().all(|b| b.is_ascii_alphanumeric()),
        ),
        (
            "payment_means.account_name",
            means.and_then(|m| m.account_name.as_deref()),
            |s| text_ok(s, 140),
        ),
    ];
    for (field, value, ok) in fields {
        if let Some(value) = value
            && !ok(value)
        {
            return Err(Error::EinvoiceIdentifierInvalid {
                field: field.into(),
                value: value.chars().take(40).collect(),
            });
        }
    }
    Ok(())
}

/// Text an XML element carries: not blank, at most `max` characters, no control character.
fn text_ok(value: &str, max: usize) -> bool {
    !value.trim().is_empty() && value.chars().count() <= max && !value.chars().any(char::is_control)
}

/// An intra-community VAT number: two letters, then 2 to 13 letters or digits.
fn vat_number_ok(value: &str) -> bool {
    (4..=15).contains(&value.len())
        && value.bytes().take(2).all(|b| b.is_ascii_uppercase())
        && value.bytes().skip(2).all(|b| b.is_ascii_alphanumeric())
}

/// An IBAN (ISO 13616), spaces allowed between groups: country, check digits, at most 30
/// letters or digits, and the check digits right (ISO 7064 mod 97-10).
fn iban_ok(value: &str) -> bool {
    let compact: Vec<u8> = value.bytes().filter(|b| *b != b' ').collect();
    if !(15..=34).contains(&compact.len())
        || !compact.iter().take(2).all(u8::is_ascii_uppercase)
        || !compact.iter().skip(2).take(2).all(u8::is_ascii_digit)
        || !compact.iter().all(u8::is_ascii_alphanumeric)
    {
        return false;
    }
    let rearranged = compact.iter().skip(4).chain(compact.iter().take(4));
    let remainder = rearranged.fold(0u32, |acc, &b| {
        if b.is_ascii_digit() {
            (acc * 10 + u32::from(b - b'0')) % 97
        } else {
            (acc * 100 + u32::from(b.to_ascii_uppercase() - b'A') + 10) % 97
        }
    });
    remainder == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_iban_is_read_with_its_check_digits() {
        assert!(iban_ok("FR76 3000 6000 0112 3456 7890 189"));
        assert!(iban_ok("DE89370400440532013000"));
        assert!(!iban_ok("FR76 3000 6000 0112 3456 7890 188"));
        assert!(!iban_ok("FR76"));
        assert!(!iban_ok("fr76 3000 6000 0112 3456 7890 189"));
    }

    #[test]
    fn a_vat_number_is_two_letters_then_letters_or_digits() {
        assert!(vat_number_ok("FR44732829320"));
        assert!(!vat_number_ok("44732829320"));
        assert!(!vat_number_ok("FR"));
        assert!(!vat_number_ok(&"FR1".repeat(10)));
    }
}
