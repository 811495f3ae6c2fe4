//! A line of the register, as the business sees it, and its columns.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::address::Address;
use crate::client::{Civility, Client, ClientKind};
use crate::money::Money;

/// One client's line in the register (« Registre clients »): the seed's columns, with the
/// figures hospes derives. The business's notes are not in it: the register never holds them.
///
/// ```
/// use hospes::register::{Register, RegisterConfig, RegisterEntry, RegisterQuery};
/// let mut register = Register::new(RegisterConfig::default());
/// let entry: RegisterEntry = serde_json::from_str(r#"{"client": {"id": "C-1", "last_name": "Dupont",
///   "first_name": "Marie", "created_at": "2025-03-02T10:00:00Z"},
///   "stays": [{"reference": "312", "arrival": "2026-07-11", "departure": "2026-07-25", "status": "confirmed"}]}"#).unwrap();
/// register.upsert(entry).unwrap();
/// let query = RegisterQuery { present_only: false, ..RegisterQuery::default() };
/// let page = register.search(&query, "2026-06-01".parse().unwrap()).unwrap();
/// let row = &page.rows[0];
/// assert_eq!(row.kind, hospes::ClientKind::Stayer);
/// assert_eq!(row.next_stay.unwrap().to_string(), "2026-07-11");
/// assert!(!row.present);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RegisterRow {
    /// The host's id of the client.
    pub client_id: String,
    /// How to address them.
    pub civility: Option<Civility>,
    /// Family name.
    pub last_name: Option<String>,
    /// First name.
    pub first_name: Option<String>,
    /// Company name.
    pub company: Option<String>,
    /// Postal address, country included.
    pub address: Address,
    /// Fixed-line phone.
    pub landline: Option<String>,
    /// Mobile phone.
    pub mobile: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Licence plates.
    pub licence_plates: Vec<String>,
    /// The kind of client, derived: a resident or a tour operator stays one; anyone else is a
    /// stayer once they have a confirmed (or later) stay, a prospect before.
    pub kind: ClientKind,
    /// When the record was created, in the establishment's zone (« ancienneté »).
    pub created_on: NaiveDate,
    /// Arrival of their first stay (cancelled stays and options do not count).
    pub first_stay: Option<NaiveDate>,
    /// Number of stays (cancelled stays and options do not count).
    pub stays: u32,
    /// Arrival of the latest stay begun by today.
    pub last_stay: Option<NaiveDate>,
    /// Arrival of the next stay after today.
    pub next_stay: Option<NaiveDate>,
    /// A stay of theirs covers today (arrival to departure day included), whatever its status.
    pub present: bool,
    /// Revenue (« CA ») from issued invoices net of credit notes, excluding VAT and the
    /// tourist tax.
    pub revenue_excl_vat: Money,
    /// The same revenue including VAT (still without the tourist tax).
    pub revenue_incl_vat: Money,
    /// Still to be paid on their invoices (negative: owed back to them).
    pub due: Money,
}

impl RegisterRow {
    /// The client record this row shows, as far as a row knows it (no notes, companions nor
    /// preferences; created at midnight UTC of `created_on`): what address labels need.
    ///
    /// ```
    /// # use hospes::register::{Register, RegisterEntry, RegisterQuery};
    /// # let mut register = Register::new(Default::default());
    /// # register.upsert(serde_json::from_str(r#"{"client": {"id": "C-1", "last_name": "Dupont", "created_at": "2026-01-15T09:30:00Z"}}"#).unwrap()).unwrap();
    /// let row = register.row("C-1", "2026-06-01".parse().unwrap()).unwrap();
    /// assert_eq!(row.to_client().display_name(), "Dupont");
    /// ```
    pub fn to_client(&self) -> Client {
        Client {
            id: self.client_id.clone(),
            civility: self.civility,
            last_name: self.last_name.clone(),
            first_name: self.first_name.clone(),
            company: self.company.clone(),
            address: self.address.clone(),
            landline: self.landline.clone(),
            mobile: self.mobile.clone(),
            email: self.email.clone(),
            preferred_locale: None,
            notes: None,
            licence_plates: self.licence_plates.clone(),
            kind: self.kind,
            created_at: self.created_on.and_time(chrono::NaiveTime::MIN).and_utc(),
            link_version: 0,
            companions: Vec::new(),
            pets: Vec::new(),
        }
    }
}

/// A column of the register: to sort by, or to export.
///
/// ```
/// let column: hospes::register::RegisterColumn = serde_json::from_str(r#""revenue_excl_vat""#).unwrap();
/// assert_eq!(column, hospes::register::RegisterColumn::RevenueExclVat);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum RegisterColumn {
    /// The client's id.
    ClientId,
    /// Civility.
    Civility,
    /// Family name (then first name): the default order.
    #[default]
    LastName,
    /// First name.
    FirstName,
    /// Company name.
    Company,
    /// Street lines.
    Address,
    /// Postcode.
    Postcode,
    /// City.
    City,
    /// Country.
    Country,
    /// Fixed-line phone.
    Landline,
    /// Mobile phone.
    Mobile,
    /// E-mail address.
    Email,
    /// Licence plates.
    LicencePlates,
    /// Kind of client.
    Kind,
    /// Creation date (« ancienneté »).
    CreatedOn,
    /// First stay.
    FirstStay,
    /// Number of stays.
    Stays,
    /// Latest stay begun.
    LastStay,
    /// Next stay.
    NextStay,
    /// Present today.
    Present,
    /// Revenue excluding VAT.
    RevenueExclVat,
    /// Revenue including VAT.
    RevenueInclVat,
    /// Amount still due.
    Due,
}

impl RegisterColumn {
    /// Every column, in the register's order.
    pub const ALL: [RegisterColumn; 23] = [
        RegisterColumn::ClientId,
        RegisterColumn::Civility,
        RegisterColumn::LastName,
        RegisterColumn::FirstName,
        RegisterColumn::Company,
        RegisterColumn::Address,
        RegisterColumn::Postcode,
        RegisterColumn::City,
        RegisterColumn::Country,
        RegisterColumn::Landline,
        RegisterColumn::Mobile,
        RegisterColumn::Email,
        RegisterColumn::LicencePlates,
        RegisterColumn::Kind,
        RegisterColumn::CreatedOn,
        RegisterColumn::FirstStay,
        RegisterColumn::Stays,
        RegisterColumn::LastStay,
        RegisterColumn::NextStay,
        RegisterColumn::Present,
        RegisterColumn::RevenueExclVat,
        RegisterColumn::RevenueInclVat,
        RegisterColumn::Due,
    ];

    /// The catalogue id of its header (« Nom », “Last name”, « Apellido »).
    ///
    /// ```
    /// use hospes::{i18n, Locale, register::RegisterColumn};
    /// assert_eq!(i18n::text(RegisterColumn::RevenueExclVat.header_id(), &[], Locale::Fr, Locale::Fr), "CA HT");
    /// ```
    pub fn header_id(self) -> &'static str {
        match self {
            RegisterColumn::ClientId => "register-client_id",
            RegisterColumn::Civility => "register-civility",
            RegisterColumn::LastName => "register-last_name",
            RegisterColumn::FirstName => "register-first_name",
            RegisterColumn::Company => "register-company",
            RegisterColumn::Address => "register-address",
            RegisterColumn::Postcode => "register-postcode",
            RegisterColumn::City => "register-city",
            RegisterColumn::Country => "register-country",
            RegisterColumn::Landline => "register-landline",
            RegisterColumn::Mobile => "register-mobile",
            RegisterColumn::Email => "register-email",
            RegisterColumn::LicencePlates => "register-licence_plates",
            RegisterColumn::Kind => "register-kind",
            RegisterColumn::CreatedOn => "register-created_on",
            RegisterColumn::FirstStay => "register-first_stay",
            RegisterColumn::Stays => "register-stays",
            RegisterColumn::LastStay => "register-last_stay",
            RegisterColumn::NextStay => "register-next_stay",
            RegisterColumn::Present => "register-present",
            RegisterColumn::RevenueExclVat => "register-revenue_excl_vat",
            RegisterColumn::RevenueInclVat => "register-revenue_incl_vat",
            RegisterColumn::Due => "register-due",
        }
    }
}
