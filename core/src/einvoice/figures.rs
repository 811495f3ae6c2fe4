//! The invoice's figures as EN 16931 wants them: amounts excluding VAT on every line, discounts
//! as document-level allowances, one VAT breakdown per category and rate, and the totals — all
//! adding up to the cent to what the PDF prints.
//!
//! hospes prices guests including VAT and computes the VAT once per rate (see [`crate::vat`]);
//! EN 16931 wants each line's net amount excluding VAT, and the sum of a rate's net amounts to
//! be that rate's taxable amount. Each line's net amount is its total less VAT at its rate,
//! rounded; the cent or two of rounding left over in a rate goes to that rate's largest line,
//! so that the taxable amount per rate is exactly the one printed.
//!
//! A credit note is written with positive amounts (its type code, 381, says it credits): its
//! figures are those of the invoice it cancels.

use rust_decimal::Decimal;

use super::{Category, VatRegime};
use crate::error::Result;
use crate::invoice::{Invoice, InvoiceKind};
use crate::money;
use crate::stay::LineKind;
use crate::vat::PriceBasis;

/// A line of the e-invoice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Item {
    /// Its label.
    pub(super) label: String,
    /// Billed quantity: negative for a deduction (a deposit deducted from a balance).
    pub(super) quantity: Decimal,
    /// Net unit price excluding VAT, never negative (BR-27), to six decimals at most.
    pub(super) price: Decimal,
    /// Net amount excluding VAT.
    pub(super) net: Decimal,
    /// VAT category and rate.
    pub(super) category: Category,
    /// VAT rate in percent.
    pub(super) rate: Decimal,
}

/// A document-level allowance: a discount (promo code, length of stay).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Allowance {
    /// Why (the discount's label).
    pub(super) reason: String,
    /// Amount excluding VAT, positive.
    pub(super) amount: Decimal,
    /// VAT category.
    pub(super) category: Category,
    /// VAT rate in percent.
    pub(super) rate: Decimal,
}

/// One row of the VAT breakdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct TaxRow {
    pub(super) category: Category,
    pub(super) rate: Decimal,
    /// Taxable amount.
    pub(super) basis: Decimal,
    /// VAT.
    pub(super) tax: Decimal,
}

/// Everything the e-invoice counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Figures {
    pub(super) items: Vec<Item>,
    pub(super) allowances: Vec<Allowance>,
    pub(super) rows: Vec<TaxRow>,
    /// Sum of the lines' net amounts (BT-106).
    pub(super) line_total: Decimal,
    /// Sum of the allowances (BT-107).
    pub(super) allowance_total: Decimal,
    /// Total excluding VAT (BT-109).
    pub(super) tax_basis: Decimal,
    /// Total VAT (BT-110).
    pub(super) tax_total: Decimal,
    /// Total including VAT (BT-112).
    pub(super) grand_total: Decimal,
}

/// The category of VAT rate `rate` under `regime`: S for a positive rate; E for 0 %, the
/// tourist tax's rate (collected for the commune: art. 79 c of the VAT directive), or every line
/// of a business under the franchise.
pub(super) fn category(regime: VatRegime, rate: Decimal) -> Category {
    match regime {
        VatRegime::Franchise => Category::Franchise,
        VatRegime::Standard if rate.is_zero() => Category::Disbursement,
        VatRegime::Standard => Category::Standard,
    }
}

/// The figures of `invoice` under `regime`.
pub(super) fn figures(invoice: &Invoice, regime: VatRegime) -> Result<Figures> {
    let sign = if invoice.kind == InvoiceKind::CreditNote {
        Decimal::NEGATIVE_ONE
    } else {
        Decimal::ONE
    };
    let hundred = Decimal::ONE_HUNDRED;
    // Each line's net amount excluding VAT, before the rounding left over is placed.
    let mut nets = Vec::with_capacity(invoice.lines.len());
    for line in &invoice.lines {
        let total = line.total()?.amount * sign;
        let rate = line.vat_rate.percent();
        let net = match invoice.price_basis {
            PriceBasis::ExcludingVat => total,
            PriceBasis::IncludingVat => total
                .checked_mul(hundred)
                .and_then(|x| x.checked_div(hundred + rate))
                .ok_or_else(money::overflow)?
                .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero),
        };
        nets.push(net);
    }
    let mut rows = Vec::new();
    for row in &invoice.totals.vat.lines {
        let rate = row.vat_rate.percent();
        let basis = row.excl_vat.amount * sign;
        let at_rate: Decimal = invoice
            .lines
            .iter()
            .zip(&nets)
            .filter(|(l, _)| l.vat_rate == row.vat_rate)
            .map(|(_, n)| *n)
            .sum();
        let left = basis - at_rate;
        if !left.is_zero() {
            // The largest line at that rate takes the rounding left over.
            let largest = invoice
                .lines
                .iter()
                .zip(&nets)
                .enumerate()
                .filter(|(_, (l, _))| l.vat_rate == row.vat_rate)
                .max_by_key(|(i, (_, n))| (**n, std::cmp::Reverse(*i)))
                .map(|(i, _)| i);
            if let Some(net) = largest.and_then(|i| nets.get_mut(i)) {
                *net += left;
            }
        }
        rows.push(TaxRow {
            category: category(regime, rate),
            rate,
            basis,
            tax: row.vat.amount * sign,
        });
    }
    let mut items = Vec::new();
    let mut allowances = Vec::new();
    for (line, net) in invoice.lines.iter().zip(nets) {
        let rate = line.vat_rate.percent();
        let category = category(regime, rate);
        if line.kind == LineKind::Discount && net.is_sign_negative() {
            allowances.push(Allowance {
                reason: line.label.clone(),
                amount: -net,
                category,
                rate,
            });
            continue;
        }
        let quantity = if net.is_sign_negative() {
            -line.quantity.abs()
        } else {
            line.quantity.abs()
        };
        let price = if quantity.is_zero() {
            Decimal::ZERO
        } else {
            (net / quantity).abs().round_dp(6).normalize()
        };
        items.push(Item {
            label: line.label.clone(),
            quantity: quantity.normalize(),
            price,
            net,
            category,
            rate,
        });
    }
    let line_total: Decimal = items.iter().map(|i| i.net).sum();
    let allowance_total: Decimal = allowances.iter().map(|a| a.amount).sum();
    let tax_basis = line_total - allowance_total;
    let tax_total: Decimal = rows.iter().map(|r| r.tax).sum();
    Ok(Figures {
        items,
        allowances,
        rows,
        line_total,
        allowance_total,
        tax_basis,
        tax_total,
        grand_total: tax_basis + tax_total,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn invoice() -> Invoice {
        serde_json::from_str(include_str!("../../tests/data/invoice.json")).unwrap()
    }

    #[test]
    fn the_nets_add_up_to_each_rate_and_to_the_printed_totals() {
        let invoice = invoice();
        let f = figures(&invoice, VatRegime::Standard).unwrap();
        for row in &f.rows {
            let lines: Decimal = f
                .items
                .iter()
                .filter(|i| i.rate == row.rate)
                .map(|i| i.net)
                .sum();
            let off: Decimal = f
                .allowances
                .iter()
                .filter(|a| a.rate == row.rate)
                .map(|a| a.amount)
                .sum();
            assert_eq!(lines - off, row.basis, "rate {}", row.rate);
        }
        assert_eq!(f.grand_total, invoice.totals.vat.total_incl_vat.amount);
        assert_eq!(f.tax_basis, invoice.totals.vat.total_excl_vat.amount);
        assert!(f.items.iter().all(|i| !i.price.is_sign_negative()));
    }

    #[test]
    fn a_credit_note_counts_positive() {
        let invoice = invoice();
        let note = Invoice {
            kind: InvoiceKind::CreditNote,
            lines: invoice
                .lines
                .iter()
                .map(|l| crate::Line {
                    unit_price: crate::Money::new(-l.unit_price.amount, l.unit_price.currency),
                    ..l.clone()
                })
                .collect(),
            totals: crate::stay::totals_of(
                &invoice
                    .lines
                    .iter()
                    .map(|l| crate::Line {
                        unit_price: crate::Money::new(-l.unit_price.amount, l.unit_price.currency),
                        ..l.clone()
                    })
                    .collect::<Vec<_>>(),
                invoice.currency,
                invoice.price_basis,
            )
            .unwrap(),
            ..invoice.clone()
        };
        let f = figures(&note, VatRegime::Standard).unwrap();
        assert_eq!(f.grand_total, invoice.totals.vat.total_incl_vat.amount);
    }
}
