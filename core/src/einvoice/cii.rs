//! The UN/CEFACT Cross Industry Invoice (D16B) of an invoice, profile EN 16931: the elements in
//! the order the Factur-X schema wants them.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::figures::{Figures, TaxRow};
use super::xml::Xml;
use super::{BuyerIds, Category, FacturX};
use crate::address::{Address, Country};
use crate::i18n::{self, Arg, Locale};
use crate::invoice::einvoicing::{Checked, Scope};
use crate::invoice::{Invoice, InvoiceKind};

const RSM: &str = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
const QDT: &str = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";
const RAM: &str =
    "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
const UDT: &str = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";

/// The EN 16931 guideline (BT-24).
pub(super) const GUIDELINE: &str = "urn:cen.eu:en16931:2017";

/// What the writer needs besides the invoice: the figures, the options, and what was decided.
pub(super) struct Parts<'a> {
    pub(super) invoice: &'a Invoice,
    pub(super) options: &'a FacturX,
    pub(super) buyer: &'a BuyerIds,
    pub(super) figures: &'a Figures,
    /// What the check settled: number, date, the seller's SIREN, scope, framework, prepaid.
    pub(super) checked: Checked<'a>,
}

fn t(id: &str, args: &[(&str, Arg<'_>)], locale: Locale) -> String {
    i18n::text(id, args, locale, Locale::Fr)
}

/// An amount to the cent (`1234.50`).
pub(super) fn amount(value: Decimal) -> String {
    format!(
        "{:.2}",
        value.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
    )
}

/// A rate or a quantity as written: no trailing zeros (`5.5`, `20`, `7`).
fn number(value: Decimal) -> String {
    value.normalize().to_string()
}

fn date_102(xml: &mut Xml, outer: &'static str, date: NaiveDate) {
    xml.open(outer);
    xml.leaf_with(
        "udt:DateTimeString",
        &[("format", "102")],
        &date.format("%Y%m%d").to_string(),
    );
    xml.close();
}

/// The CII document.
pub(super) fn write(p: &Parts<'_>) -> String {
    let invoice = p.invoice;
    let locale = invoice.locale;
    let mut xml = Xml::new();
    xml.open_with(
        "rsm:CrossIndustryInvoice",
        &[
            ("xmlns:rsm", RSM),
            ("xmlns:qdt", QDT),
            ("xmlns:ram", RAM),
            ("xmlns:udt", UDT),
        ],
    );
    xml.open("rsm:ExchangedDocumentContext");
    xml.open("ram:BusinessProcessSpecifiedDocumentContextParameter");
    xml.leaf("ram:ID", p.checked.framework.code());
    xml.close();
    xml.open("ram:GuidelineSpecifiedDocumentContextParameter");
    xml.leaf("ram:ID", GUIDELINE);
    xml.close();
    xml.close();

    xml.open("rsm:ExchangedDocument");
    xml.leaf("ram:ID", p.checked.number);
    xml.leaf("ram:TypeCode", type_code(invoice.kind));
    date_102(&mut xml, "ram:IssueDateTime", p.checked.issue_date);
    notes(&mut xml, p, locale);
    xml.close();

    xml.open("rsm:SupplyChainTradeTransaction");
    for (i, item) in p.figures.items.iter().enumerate() {
        xml.open("ram:IncludedSupplyChainTradeLineItem");
        xml.open("ram:AssociatedDocumentLineDocument");
        xml.leaf("ram:LineID", &(i + 1).to_string());
        xml.close();
        xml.open("ram:SpecifiedTradeProduct");
        xml.leaf("ram:Name", &item.label);
        xml.close();
        xml.open("ram:SpecifiedLineTradeAgreement");
        xml.open("ram:NetPriceProductTradePrice");
        xml.leaf("ram:ChargeAmount", &number(item.price));
        xml.close();
        xml.close();
        xml.open("ram:SpecifiedLineTradeDelivery");
        xml.leaf_with(
            "ram:BilledQuantity",
            &[("unitCode", "C62")],
            &number(item.quantity),
        );
        xml.close();
        xml.open("ram:SpecifiedLineTradeSettlement");
        tax_category(&mut xml, "ram:ApplicableTradeTax", item.category, item.rate);
        xml.open("ram:SpecifiedTradeSettlementLineMonetarySummation");
        xml.leaf("ram:LineTotalAmount", &amount(item.net));
        xml.close();
        xml.close();
        xml.close();
    }

    xml.open("ram:ApplicableHeaderTradeAgreement");
    seller(&mut xml, p);
    buyer(&mut xml, p);
    xml.close();

    xml.open("ram:ApplicableHeaderTradeDelivery");
    let delivered = match invoice.kind {
        InvoiceKind::Deposit => None,
        _ => invoice.service_to,
    }
    .unwrap_or(p.checked.issue_date);
    xml.open("ram:ActualDeliverySupplyChainEvent");
    date_102(&mut xml, "ram:OccurrenceDateTime", delivered);
    xml.close();
    xml.close();

    settlement(&mut xml, p, locale);
    xml.finish()
}

/// The document's type code (BT-3): 386 a deposit (« facture d'acompte »), 381 a credit note,
/// 380 any other invoice.
pub(super) fn type_code(kind: InvoiceKind) -> &'static str {
    match kind {
        InvoiceKind::Deposit => "386",
        InvoiceKind::CreditNote => "381",
        _ => "380",
    }
}

fn note(xml: &mut Xml, content: &str, subject: &str) {
    xml.open("ram:IncludedNote");
    xml.leaf("ram:Content", content);
    xml.leaf("ram:SubjectCode", subject);
    xml.close();
}

/// The notes: the kind of sale for the French platforms (BAR: B2B, B2BINT, B2C), and for a
/// business customer the late-payment penalties (PMD), the recovery indemnity (PMT) and the
/// early-payment discount (AAB).
fn notes(xml: &mut Xml, p: &Parts<'_>, locale: Locale) {
    note(xml, p.checked.scope.code(), "BAR");
    if let Some(late) = &p.invoice.late_payment {
        let rate = late.penalty_rate_percent.normalize().to_string();
        note(
            xml,
            &t(
                "einvoice-note-penalty",
                &[("rate", rate.as_str().into())],
                locale,
            ),
            "PMD",
        );
        let indemnity = amount(late.recovery_indemnity.amount);
        let currency = late.recovery_indemnity.currency.code();
        note(
            xml,
            &t(
                "einvoice-note-indemnity",
                &[
                    ("amount", indemnity.as_str().into()),
                    ("currency", currency.into()),
                ],
                locale,
            ),
            "PMT",
        );
        let discount = if late.early_payment_discount_percent.is_zero() {
            t("doc-no-early-discount", &[], locale)
        } else {
            let percent = late.early_payment_discount_percent.normalize().to_string();
            t(
                "doc-early-discount",
                &[("percent", percent.as_str().into())],
                locale,
            )
        };
        note(xml, &discount, "AAB");
    }
}

fn tax_category(xml: &mut Xml, outer: &'static str, category: Category, rate: Decimal) {
    xml.open(outer);
    xml.leaf("ram:TypeCode", "VAT");
    xml.leaf("ram:CategoryCode", category.code());
    xml.leaf("ram:RateApplicablePercent", &number(rate));
    xml.close();
}

fn address(xml: &mut Xml, address: &Address, fallback: Option<Country>) {
    xml.open("ram:PostalTradeAddress");
    if let Some(postcode) = &address.postcode {
        xml.leaf("ram:PostcodeCode", postcode);
    }
    let names = ["ram:LineOne", "ram:LineTwo", "ram:LineThree"];
    let mut lines = address.lines.iter().filter(|l| !l.trim().is_empty());
    for name in names {
        if let Some(line) = lines.next() {
            // A fourth line and beyond join the third (CII has three).
            if name == "ram:LineThree" {
                let rest: Vec<&str> = std::iter::once(line.as_str())
                    .chain(lines.by_ref().map(String::as_str))
                    .collect();
                xml.leaf(name, &rest.join(", "));
            } else {
                xml.leaf(name, line);
            }
        }
    }
    if let Some(city) = &address.city {
        xml.leaf("ram:CityName", city);
    }
    if let Some(country) = address.country.or(fallback) {
        xml.leaf("ram:CountryID", country.code());
    }
    xml.close();
}

fn seller(xml: &mut Xml, p: &Parts<'_>) {
    let seller = &p.invoice.seller;
    xml.open("ram:SellerTradeParty");
    if let Some(siret) = &seller.siret {
        xml.leaf_with("ram:GlobalID", &[("schemeID", "0009")], siret);
    }
    xml.leaf("ram:Name", &seller.name);
    xml.open("ram:SpecifiedLegalOrganization");
    xml.leaf_with("ram:ID", &[("schemeID", "0002")], p.checked.siren);
    xml.close();
    address(xml, &seller.address, Some(Country::FRANCE));
    let endpoint = p
        .options
        .seller_electronic_address
        .as_deref()
        .unwrap_or(p.checked.siren);
    xml.open("ram:URIUniversalCommunication");
    xml.leaf_with("ram:URIID", &[("schemeID", "0225")], endpoint);
    xml.close();
    match (&seller.vat_number, &seller.siret) {
        (Some(vat), _) => {
            xml.open("ram:SpecifiedTaxRegistration");
            xml.leaf_with("ram:ID", &[("schemeID", "VA")], vat);
            xml.close();
        }
        (None, Some(siret)) => {
            // A business under the franchise has no VAT number: its tax registration is its
            // SIRET (BT-32), which EN 16931 asks for beside exempt lines (BR-E-02).
            xml.open("ram:SpecifiedTaxRegistration");
            xml.leaf_with("ram:ID", &[("schemeID", "FC")], siret);
            xml.close();
        }
        (None, None) => {}
    }
    xml.close();
}

fn buyer(xml: &mut Xml, p: &Parts<'_>) {
    let customer = &p.invoice.customer;
    let ids = p.buyer;
    xml.open("ram:BuyerTradeParty");
    let name = customer.company.as_deref().unwrap_or(&customer.name);
    xml.leaf("ram:Name", name);
    if let Some(siren) = &ids.siren {
        xml.open("ram:SpecifiedLegalOrganization");
        xml.leaf_with("ram:ID", &[("schemeID", "0002")], siren);
        xml.close();
    }
    if customer.company.is_some() && customer.name != name {
        xml.open("ram:DefinedTradeContact");
        xml.leaf("ram:PersonName", &customer.name);
        xml.close();
    }
    address(xml, &customer.address, None);
    let endpoint = match (&ids.electronic_address, &ids.siren) {
        (Some(address), _) => Some(address.as_str()),
        (None, Some(siren)) if p.checked.scope == Scope::B2b => Some(siren.as_str()),
        _ => None,
    };
    if let Some(endpoint) = endpoint {
        xml.open("ram:URIUniversalCommunication");
        xml.leaf_with("ram:URIID", &[("schemeID", "0225")], endpoint);
        xml.close();
    }
    if let Some(vat) = &ids.vat_number {
        xml.open("ram:SpecifiedTaxRegistration");
        xml.leaf_with("ram:ID", &[("schemeID", "VA")], vat);
        xml.close();
    }
    xml.close();
}

fn tax_row(xml: &mut Xml, row: &TaxRow, locale: Locale) {
    xml.open("ram:ApplicableTradeTax");
    xml.leaf("ram:CalculatedAmount", &amount(row.tax));
    xml.leaf("ram:TypeCode", "VAT");
    if let Some(id) = row.category.reason_id() {
        xml.leaf("ram:ExemptionReason", &t(id, &[], locale));
    }
    xml.leaf("ram:BasisAmount", &amount(row.basis));
    xml.leaf("ram:CategoryCode", row.category.code());
    if let Some(code) = row.category.reason_code() {
        xml.leaf("ram:ExemptionReasonCode", code);
    }
    xml.leaf("ram:RateApplicablePercent", &number(row.rate));
    xml.close();
}

fn settlement(xml: &mut Xml, p: &Parts<'_>, locale: Locale) {
    let invoice = p.invoice;
    let f = p.figures;
    xml.open("ram:ApplicableHeaderTradeSettlement");
    xml.leaf("ram:InvoiceCurrencyCode", invoice.currency.code());
    if let Some(means) = &p.options.payment_means {
        xml.open("ram:SpecifiedTradeSettlementPaymentMeans");
        xml.leaf("ram:TypeCode", means.code.code());
        if let Some(iban) = &means.iban {
            xml.open("ram:PayeePartyCreditorFinancialAccount");
            xml.leaf("ram:IBANID", &iban.replace(' ', ""));
            if let Some(name) = &means.account_name {
                xml.leaf("ram:AccountName", name);
            }
            xml.close();
        }
        if let Some(bic) = &means.bic {
            xml.open("ram:PayeeSpecifiedCreditorFinancialInstitution");
            xml.leaf("ram:BICID", bic);
            xml.close();
        }
        xml.close();
    }
    for row in &f.rows {
        tax_row(xml, row, locale);
    }
    if let (Some(from), Some(to)) = (invoice.service_from, invoice.service_to) {
        xml.open("ram:BillingSpecifiedPeriod");
        date_102(xml, "ram:StartDateTime", from);
        date_102(xml, "ram:EndDateTime", to);
        xml.close();
    }
    for allowance in &f.allowances {
        xml.open("ram:SpecifiedTradeAllowanceCharge");
        xml.open("ram:ChargeIndicator");
        xml.leaf("udt:Indicator", "false");
        xml.close();
        xml.leaf("ram:ActualAmount", &amount(allowance.amount));
        xml.leaf("ram:Reason", &allowance.reason);
        tax_category(
            xml,
            "ram:CategoryTradeTax",
            allowance.category,
            allowance.rate,
        );
        xml.close();
    }
    let due = f.grand_total - p.checked.prepaid;
    xml.open("ram:SpecifiedTradePaymentTerms");
    let date = words_date(invoice.due_date, locale);
    xml.leaf(
        "ram:Description",
        &t(
            "einvoice-payment-terms",
            &[("date", date.as_str().into())],
            locale,
        ),
    );
    date_102(xml, "ram:DueDateDateTime", invoice.due_date);
    xml.close();
    xml.open("ram:SpecifiedTradeSettlementHeaderMonetarySummation");
    xml.leaf("ram:LineTotalAmount", &amount(f.line_total));
    if !f.allowances.is_empty() {
        xml.leaf("ram:AllowanceTotalAmount", &amount(f.allowance_total));
    }
    xml.leaf("ram:TaxBasisTotalAmount", &amount(f.tax_basis));
    xml.leaf_with(
        "ram:TaxTotalAmount",
        &[("currencyID", invoice.currency.code())],
        &amount(f.tax_total),
    );
    xml.leaf("ram:GrandTotalAmount", &amount(f.grand_total));
    if !p.checked.prepaid.is_zero() {
        xml.leaf("ram:TotalPrepaidAmount", &amount(p.checked.prepaid));
    }
    xml.leaf("ram:DuePayableAmount", &amount(due));
    xml.close();
    if let (Some(number), Some(date)) = (&invoice.credited_invoice, p.options.credited_invoice_date)
    {
        xml.open("ram:InvoiceReferencedDocument");
        xml.leaf("ram:IssuerAssignedID", number);
        xml.open("ram:FormattedIssueDateTime");
        xml.leaf_with(
            "qdt:DateTimeString",
            &[("format", "102")],
            &date.format("%Y%m%d").to_string(),
        );
        xml.close();
        xml.close();
    }
    xml.close();
}

fn words_date(date: NaiveDate, locale: Locale) -> String {
    i18n::format::date(date, locale)
}
