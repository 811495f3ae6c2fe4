//! The chart of accounts the business configures: which account each line, tax and payment
//! goes to, and the journals entries are written in. The defaults follow the French PCG
//! (« plan comptable général »); see `docs/accounting.md` for the reasons behind each.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::invoice::InvoiceKind;
use crate::payment::PaymentMethod;
use crate::stay::LineKind;
use crate::vat::VatRate;

/// One account: its number (`CompteNum`) and its label (`CompteLib`).
///
/// ```
/// use hospes::accounting::LedgerAccount;
/// let bank: LedgerAccount = serde_json::from_str(r#"{"number": "512100", "label": "Crédit Agricole"}"#).unwrap();
/// assert_eq!(bank, LedgerAccount::new("512100", "Crédit Agricole"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LedgerAccount {
    /// The number: its first three characters are digits of the PCG (`706`, `4457`, `512`),
    /// then digits or letters (`7061`, `445712`, `512CA`).
    pub number: String,
    /// The label, as the chart names it (`Banque`).
    pub label: String,
}

impl LedgerAccount {
    /// An account from its number and label.
    ///
    /// ```
    /// let cash = hospes::accounting::LedgerAccount::new("531", "Caisse");
    /// assert_eq!(cash.number, "531");
    /// ```
    pub fn new(number: &str, label: &str) -> LedgerAccount {
        LedgerAccount {
            number: number.to_owned(),
            label: label.to_owned(),
        }
    }
}

/// A journal: its code (`JournalCode`) and label (`JournalLib`).
///
/// ```
/// use hospes::accounting::Journal;
/// let sales: Journal = serde_json::from_str(r#"{"code": "VT", "label": "Ventes"}"#).unwrap();
/// assert_eq!(sales, Journal::new("VT", "Ventes"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Journal {
    /// The code: 1 to 10 letters or digits (`VE`, `BQ`, `CA`).
    pub code: String,
    /// The label (`Ventes`).
    pub label: String,
}

impl Journal {
    /// A journal from its code and label.
    ///
    /// ```
    /// let cash = hospes::accounting::Journal::new("CA", "Caisse");
    /// assert_eq!(cash.code, "CA");
    /// ```
    pub fn new(code: &str, label: &str) -> Journal {
        Journal {
            code: code.to_owned(),
            label: label.to_owned(),
        }
    }
}

/// The sales accounts, by what a line charges for. Deposits and the tourist tax are not sales:
/// they have accounts of their own on [`ChartOfAccounts`].
///
/// ```
/// let sales: hospes::accounting::SalesAccounts = serde_json::from_str(r#"{"side_sale": {"number": "707", "label": "Ventes de marchandises"}}"#).unwrap();
/// assert_eq!(sales.side_sale.number, "707");
/// assert_eq!(sales.accommodation.number, "7061");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SalesAccounts {
    /// The accommodation or pitch (`accommodation` lines): 7061.
    pub accommodation: LedgerAccount,
    /// Options and supplements (`supplement` lines): 7062.
    pub supplement: LedgerAccount,
    /// A resident's rent (`rent` lines): 7063.
    pub rent: LedgerAccount,
    /// Every line of a cancellation-fee invoice: 7064.
    pub cancellation_fee: LedgerAccount,
    /// Side sales (`side_sale` lines): 7088, « produits des activités annexes ».
    pub side_sale: LedgerAccount,
    /// Discounts (`discount` lines, negative): 7096, « rabais, remises et ristournes accordés ».
    pub discount: LedgerAccount,
}

impl Default for SalesAccounts {
    fn default() -> Self {
        SalesAccounts {
            accommodation: LedgerAccount::new("7061", "Prestations de services - hébergements"),
            supplement: LedgerAccount::new(
                "7062",
                "Prestations de services - options et suppléments",
            ),
            rent: LedgerAccount::new("7063", "Prestations de services - locations à l'année"),
            cancellation_fee: LedgerAccount::new(
                "7064",
                "Prestations de services - frais d'annulation",
            ),
            side_sale: LedgerAccount::new("7088", "Produits des activités annexes"),
            discount: LedgerAccount::new("7096", "Rabais, remises et ristournes accordés"),
        }
    }
}

/// The account of the VAT collected at one rate.
///
/// ```
/// let row: hospes::accounting::VatAccount = serde_json::from_str(r#"{"vat_rate": "2.1", "account": {"number": "445714", "label": "TVA collectée 2,1 %"}}"#).unwrap();
/// assert_eq!(row.vat_rate.to_string(), "2.1");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VatAccount {
    /// The rate.
    pub vat_rate: VatRate,
    /// Where its VAT goes.
    pub account: LedgerAccount,
}

/// Where the payments of one method go: an account and, if not the bank journal, a journal.
///
/// ```
/// let cards: hospes::accounting::PaymentAccount = serde_json::from_str(r#"{"method": "card", "account": {"number": "5115", "label": "Cartes bancaires à encaisser"}}"#).unwrap();
/// assert!(cards.journal.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PaymentAccount {
    /// The method (`carried` is not money received: it has no entry, and no account).
    pub method: PaymentMethod,
    /// The account debited.
    pub account: LedgerAccount,
    /// The journal; none for the chart's bank journal.
    #[serde(default)]
    pub journal: Option<Journal>,
}

/// The chart of accounts: every field has a default on the French PCG, so `{}` is a complete
/// chart and a business changes only what its accountant asks for.
///
/// | what | default |
/// |---|---|
/// | customers (`CompAuxNum` the client id) | 411 Clients |
/// | sales by line kind | 7061 · 7062 · 7063 · 7064 · 7088 · 7096 (see [`SalesAccounts`]) |
/// | deposits received (`deposit` lines) | 4191 |
/// | VAT collected | 445711 (20 %), 445712 (10 %), 445713 (5.5 %), else 44571 |
/// | tourist tax, collected for the commune | 4471 |
/// | payments | 512 Banque (journal BQ); cheques 5112; holiday vouchers 5118; cash 531 (journal CA) |
/// | journals | VE Ventes, BQ Banque |
///
/// ```
/// use hospes::accounting::ChartOfAccounts;
/// let chart: ChartOfAccounts = serde_json::from_str(r#"{"tourist_tax": {"number": "4686", "label": "Taxe de séjour"}}"#).unwrap();
/// assert_eq!(chart.tourist_tax.number, "4686");
/// assert_eq!(chart.customers.number, "411");
/// assert!(chart.check().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ChartOfAccounts {
    /// The customers' collective account: 411 Clients.
    pub customers: LedgerAccount,
    /// Whether each client has an auxiliary account (`CompAuxNum`: the client id, `CompAuxLib`:
    /// their name) under the collective one. Yes by default.
    pub customer_auxiliary: bool,
    /// The sales accounts, by line kind.
    pub sales: SalesAccounts,
    /// Deposits received (`deposit` lines): 4191, credited by a deposit invoice, debited when
    /// a balance or final invoice deducts the deposit.
    pub deposits: LedgerAccount,
    /// The VAT collected, per rate.
    pub vat_collected: Vec<VatAccount>,
    /// The VAT collected at a rate without its own account: 44571.
    pub vat_collected_other: LedgerAccount,
    /// The tourist tax (`tourist_tax` lines), collected for the commune and paid over to it:
    /// never a sale. 4471.
    pub tourist_tax: LedgerAccount,
    /// Payments, unless [`payment_accounts`](Self::payment_accounts) names their method: 512.
    pub bank: LedgerAccount,
    /// The journal of payments: BQ Banque.
    pub bank_journal: Journal,
    /// Accounts (and journals) of their own for some payment methods.
    pub payment_accounts: Vec<PaymentAccount>,
    /// The journal of invoices and credit notes: VE Ventes.
    pub sales_journal: Journal,
}

impl Default for ChartOfAccounts {
    fn default() -> Self {
        let vat = |rate: &str, number: &str, label: &str| VatAccount {
            vat_rate: rate.parse().unwrap_or(VatRate::ZERO),
            account: LedgerAccount::new(number, label),
        };
        let paid = |method, number, label, journal: Option<Journal>| PaymentAccount {
            method,
            account: LedgerAccount::new(number, label),
            journal,
        };
        ChartOfAccounts {
            customers: LedgerAccount::new("411", "Clients"),
            customer_auxiliary: true,
            sales: SalesAccounts::default(),
            deposits: LedgerAccount::new(
                "4191",
                "Clients - avances et acomptes reçus sur commandes",
            ),
            vat_collected: vec![
                vat("20", "445711", "TVA collectée 20 %"),
                vat("10", "445712", "TVA collectée 10 %"),
                vat("5.5", "445713", "TVA collectée 5,5 %"),
            ],
            vat_collected_other: LedgerAccount::new("44571", "TVA collectée"),
            tourist_tax: LedgerAccount::new("4471", "Taxe de séjour collectée à reverser"),
            bank: LedgerAccount::new("512", "Banque"),
            bank_journal: Journal::new("BQ", "Banque"),
            payment_accounts: vec![
                paid(PaymentMethod::Cheque, "5112", "Chèques à encaisser", None),
                paid(
                    PaymentMethod::HolidayVouchers,
                    "5118",
                    "Chèques-vacances à encaisser",
                    None,
                ),
                paid(
                    PaymentMethod::Cash,
                    "531",
                    "Caisse",
                    Some(Journal::new("CA", "Caisse")),
                ),
            ],
            sales_journal: Journal::new("VE", "Ventes"),
        }
    }
}

/// Longest account number accepted.
const MAX_ACCOUNT: usize = 20;
/// Longest journal code accepted.
const MAX_JOURNAL: usize = 10;
/// Longest label accepted.
const MAX_LABEL: usize = 200;

impl ChartOfAccounts {
    /// Checks the chart as the business saves it: every account number starts with three
    /// digits of the PCG and goes on with letters or digits (20 at most), every journal code is
    /// 1 to 10 letters or digits, every label is there (200 characters at most), no VAT rate or
    /// payment method is listed twice, `carried` has no account, and one journal code has one
    /// label.
    ///
    /// Errors: `accounting.chart_invalid`, naming the field and the value.
    ///
    /// ```
    /// use hospes::accounting::{LedgerAccount, ChartOfAccounts};
    /// let mut chart = ChartOfAccounts::default();
    /// chart.bank = LedgerAccount::new("BANK", "Banque");
    /// assert_eq!(chart.check().unwrap_err().code(), "accounting.chart_invalid");
    /// ```
    pub fn check(&self) -> Result<()> {
        let mut accounts = vec![
            ("customers", &self.customers),
            ("sales.accommodation", &self.sales.accommodation),
            ("sales.supplement", &self.sales.supplement),
            ("sales.rent", &self.sales.rent),
            ("sales.cancellation_fee", &self.sales.cancellation_fee),
            ("sales.side_sale", &self.sales.side_sale),
            ("sales.discount", &self.sales.discount),
            ("deposits", &self.deposits),
            ("vat_collected_other", &self.vat_collected_other),
            ("tourist_tax", &self.tourist_tax),
            ("bank", &self.bank),
        ];
        accounts.extend(
            self.vat_collected
                .iter()
                .map(|v| ("vat_collected.account", &v.account)),
        );
        accounts.extend(
            self.payment_accounts
                .iter()
                .map(|p| ("payment_accounts.account", &p.account)),
        );
        for (field, account) in accounts {
            check_account(field, account)?;
        }
        let mut journals = vec![
            ("sales_journal", &self.sales_journal),
            ("bank_journal", &self.bank_journal),
        ];
        journals.extend(
            self.payment_accounts
                .iter()
                .filter_map(|p| p.journal.as_ref())
                .map(|j| ("payment_accounts.journal", j)),
        );
        for (i, (field, journal)) in journals.iter().enumerate() {
            check_journal(field, journal)?;
            let earlier = journals.iter().take(i).map(|(_, j)| j);
            if let Some(other) = earlier
                .into_iter()
                .find(|j| j.code == journal.code && j.label != journal.label)
            {
                return invalid(
                    field,
                    format!(
                        "journal `{}` is named both `{}` and `{}`",
                        journal.code, other.label, journal.label
                    ),
                );
            }
        }
        for (i, row) in self.vat_collected.iter().enumerate() {
            if self
                .vat_collected
                .iter()
                .take(i)
                .any(|r| r.vat_rate == row.vat_rate)
            {
                return invalid(
                    "vat_collected",
                    format!("the rate {} % is listed twice", row.vat_rate),
                );
            }
        }
        for (i, row) in self.payment_accounts.iter().enumerate() {
            let name = method_name(row.method);
            if row.method == PaymentMethod::Carried {
                return invalid(
                    "payment_accounts",
                    "`carried` is not money received: it has no account".to_owned(),
                );
            }
            if self
                .payment_accounts
                .iter()
                .take(i)
                .any(|r| r.method == row.method)
            {
                return invalid("payment_accounts", format!("`{name}` is listed twice"));
            }
        }
        Ok(())
    }

    /// The sales (or third-party) account of a line of `kind` on an invoice of `invoice`'s kind
    /// (for a credit note, the kind of the invoice it cancels): deposits to
    /// [`deposits`](Self::deposits), the tourist tax to [`tourist_tax`](Self::tourist_tax), every
    /// other line of a cancellation-fee invoice to `sales.cancellation_fee`, the rest by kind.
    ///
    /// ```
    /// use hospes::accounting::ChartOfAccounts;
    /// use hospes::invoice::InvoiceKind;
    /// use hospes::LineKind;
    /// let chart = ChartOfAccounts::default();
    /// assert_eq!(chart.line_account(InvoiceKind::Balance, LineKind::TouristTax).number, "4471");
    /// assert_eq!(chart.line_account(InvoiceKind::CancellationFee, LineKind::Accommodation).number, "7064");
    /// ```
    pub fn line_account(&self, invoice: InvoiceKind, kind: LineKind) -> &LedgerAccount {
        match kind {
            LineKind::Deposit => &self.deposits,
            LineKind::TouristTax => &self.tourist_tax,
            _ if invoice == InvoiceKind::CancellationFee => &self.sales.cancellation_fee,
            LineKind::Accommodation => &self.sales.accommodation,
            LineKind::Supplement => &self.sales.supplement,
            LineKind::Discount => &self.sales.discount,
            LineKind::SideSale => &self.sales.side_sale,
            LineKind::Rent => &self.sales.rent,
        }
    }

    /// The account of the VAT collected at `rate`.
    ///
    /// ```
    /// let chart = hospes::accounting::ChartOfAccounts::default();
    /// assert_eq!(chart.vat_account("10".parse().unwrap()).number, "445712");
    /// assert_eq!(chart.vat_account("2.1".parse().unwrap()).number, "44571");
    /// ```
    pub fn vat_account(&self, rate: VatRate) -> &LedgerAccount {
        self.vat_collected
            .iter()
            .find(|v| v.vat_rate == rate)
            .map_or(&self.vat_collected_other, |v| &v.account)
    }

    /// The account and journal of a payment made by `method`.
    ///
    /// ```
    /// use hospes::payment::PaymentMethod;
    /// let chart = hospes::accounting::ChartOfAccounts::default();
    /// let (account, journal) = chart.payment_account(PaymentMethod::Cash);
    /// assert_eq!((account.number.as_str(), journal.code.as_str()), ("531", "CA"));
    /// let (account, journal) = chart.payment_account(PaymentMethod::Card);
    /// assert_eq!((account.number.as_str(), journal.code.as_str()), ("512", "BQ"));
    /// ```
    pub fn payment_account(&self, method: PaymentMethod) -> (&LedgerAccount, &Journal) {
        match self.payment_accounts.iter().find(|p| p.method == method) {
            Some(row) => (
                &row.account,
                row.journal.as_ref().unwrap_or(&self.bank_journal),
            ),
            None => (&self.bank, &self.bank_journal),
        }
    }
}

/// The method as the wire names it (`holiday_vouchers`).
pub(crate) fn method_name(method: PaymentMethod) -> &'static str {
    match method {
        PaymentMethod::Card => "card",
        PaymentMethod::BankTransfer => "bank_transfer",
        PaymentMethod::Cheque => "cheque",
        PaymentMethod::Cash => "cash",
        PaymentMethod::HolidayVouchers => "holiday_vouchers",
        PaymentMethod::Other => "other",
        PaymentMethod::Carried => "carried",
    }
}

fn invalid(field: &str, detail: String) -> Result<()> {
    Err(Error::ChartInvalid {
        field: field.to_owned(),
        detail,
    })
}

fn cut(value: &str) -> String {
    value.chars().take(40).collect()
}

/// An account number: three digits, then letters or digits; and a label.
pub(crate) fn check_account(field: &str, account: &LedgerAccount) -> Result<()> {
    let number = account.number.as_str();
    let pcg = number.len() >= 3
        && number.len() <= MAX_ACCOUNT
        && number.bytes().take(3).all(|b| b.is_ascii_digit())
        && number.bytes().all(|b| b.is_ascii_alphanumeric());
    if !pcg {
        return invalid(
            field,
            format!(
                "account number `{}` must be three digits of the PCG followed by at most {} letters or digits",
                cut(number),
                MAX_ACCOUNT - 3
            ),
        );
    }
    check_label(field, &account.label)
}

/// A journal code: letters or digits; and a label.
pub(crate) fn check_journal(field: &str, journal: &Journal) -> Result<()> {
    let code = journal.code.as_str();
    if code.is_empty()
        || code.len() > MAX_JOURNAL
        || !code.bytes().all(|b| b.is_ascii_alphanumeric())
    {
        return invalid(
            field,
            format!(
                "journal code `{}` must be 1 to {MAX_JOURNAL} letters or digits",
                cut(code)
            ),
        );
    }
    check_label(field, &journal.label)
}

fn check_label(field: &str, label: &str) -> Result<()> {
    if label.trim().is_empty() {
        return invalid(field, "the label is empty".to_owned());
    }
    if label.chars().count() > MAX_LABEL {
        return invalid(
            field,
            format!(
                "label `{}…` is longer than {MAX_LABEL} characters",
                cut(label)
            ),
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_chart_is_valid_and_an_empty_object_is_the_default() {
        let chart: ChartOfAccounts = serde_json::from_str("{}").unwrap();
        assert_eq!(chart, ChartOfAccounts::default());
        chart.check().unwrap();
        assert_eq!(chart.vat_collected[2].vat_rate.to_string(), "5.5");
    }

    #[test]
    fn an_unknown_field_is_refused() {
        assert!(serde_json::from_str::<ChartOfAccounts>(r#"{"clients": {}}"#).is_err());
    }

    #[test]
    fn contradictions_are_refused_with_the_field() {
        let mut chart = ChartOfAccounts::default();
        chart.vat_collected.push(chart.vat_collected[0].clone());
        let Err(Error::ChartInvalid { field, .. }) = chart.check() else {
            panic!("a rate twice was accepted")
        };
        assert_eq!(field, "vat_collected");

        let chart = ChartOfAccounts {
            bank_journal: Journal::new("VE", "Banque"),
            ..ChartOfAccounts::default()
        };
        assert!(chart.check().is_err(), "VE named Ventes and Banque");

        let mut chart = ChartOfAccounts::default();
        chart.payment_accounts[0].method = PaymentMethod::Carried;
        assert!(chart.check().is_err());

        let chart = ChartOfAccounts {
            sales_journal: Journal::new("V|E", "Ventes"),
            ..ChartOfAccounts::default()
        };
        assert!(chart.check().is_err());

        let mut chart = ChartOfAccounts::default();
        chart.tourist_tax.label = " ".into();
        assert!(chart.check().is_err());
    }
}
