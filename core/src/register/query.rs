//! What the business asks the register: one search box, filters combined with AND, an order
//! and a page.

use serde::{Deserialize, Serialize};

use super::fold::{fold, phone_digits, plate_key};
use super::row::{RegisterColumn, RegisterRow};
use crate::address::Country;
use crate::client::ClientKind;
use crate::error::{Error, Result};

/// The most rows a page holds.
pub const MAX_PAGE_SIZE: u32 = 1000;

/// A search of the register (« Registre clients »). Every criterion given must hold (AND); by
/// default only the clients present today are shown, as in the seed: untick `present_only`
/// for the whole register.
///
/// ```
/// let query: hospes::register::RegisterQuery = serde_json::from_str(r#"{"text": "dup"}"#).unwrap();
/// assert!(query.present_only);
/// assert_eq!(query.page_size, 50);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RegisterQuery {
    /// The search box: a fragment (3 letters or digits at least) of the last name, first name,
    /// company or e-mail; accents, case and punctuation do not count.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub text: Option<String>,
    /// A fragment (2 letters at least) of the city.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub city: Option<String>,
    /// The client's country.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub country: Option<Country>,
    /// A fragment of a phone number (3 digits at least), landline or mobile, however written.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub phone: Option<String>,
    /// A fragment of a licence plate (2 letters or digits at least), with or without dashes.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub plate: Option<String>,
    /// The year the client was registered (« ancienneté »).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub created_year: Option<i32>,
    /// The kind of client (derived as in [`RegisterRow::kind`]).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub kind: Option<ClientKind>,
    /// Only the clients with a stay covering today, whatever its status. On by default.
    #[cfg_attr(feature = "uniffi", uniffi(default = true))]
    pub present_only: bool,
    /// The column to sort by; ties by name, then id.
    pub sort: RegisterColumn,
    /// Largest first.
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub descending: bool,
    /// The page, from 1.
    #[cfg_attr(feature = "uniffi", uniffi(default = 1))]
    pub page: u32,
    /// Rows per page, 1 to 1000.
    #[cfg_attr(feature = "uniffi", uniffi(default = 50))]
    pub page_size: u32,
}

impl Default for RegisterQuery {
    fn default() -> Self {
        RegisterQuery {
            text: None,
            city: None,
            country: None,
            phone: None,
            plate: None,
            created_year: None,
            kind: None,
            present_only: true,
            sort: RegisterColumn::LastName,
            descending: false,
            page: 1,
            page_size: 50,
        }
    }
}

/// A page of the register: the rows, and how many clients match in all.
///
/// ```
/// let page = hospes::register::RegisterPage { total: 0, page: 1, page_size: 50, rows: vec![] };
/// assert!(page.rows.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RegisterPage {
    /// Clients matching, over every page.
    pub total: u64,
    /// This page, from 1.
    pub page: u32,
    /// Rows per page asked for.
    pub page_size: u32,
    /// The rows of this page, in order.
    pub rows: Vec<RegisterRow>,
}

/// A country present in the register and how many clients live there: the seed's « Pays »
/// list shows only the countries known in the client file.
///
/// ```
/// let c = hospes::register::CountryCount { country: hospes::Country::FRANCE, clients: 3 };
/// assert_eq!(c.country.code(), "FR");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CountryCount {
    /// The country.
    pub country: Country,
    /// Clients whose address is there.
    pub clients: u64,
}

/// A query checked and its fragments folded, ready to match.
#[derive(Debug, Default)]
pub(crate) struct Criteria {
    pub text: Option<String>,
    pub city: Option<String>,
    pub phone: Option<String>,
    pub plate: Option<String>,
}

const MAX_FRAGMENT: usize = 200;

fn fragment(
    value: Option<&str>,
    field: &str,
    min: usize,
    key: fn(&str) -> String,
) -> Result<Option<String>> {
    let Some(value) = value else { return Ok(None) };
    if value.chars().count() > MAX_FRAGMENT {
        return Err(Error::FieldTooLong {
            field: field.to_owned(),
            max: MAX_FRAGMENT,
        });
    }
    let folded = key(value);
    if folded.chars().count() < min {
        return Err(Error::RegisterQueryTooShort {
            field: field.to_owned(),
            min,
        });
    }
    Ok(Some(folded))
}

impl RegisterQuery {
    /// Checks the page and folds the fragments the way the register stores its text.
    pub(crate) fn criteria(&self) -> Result<Criteria> {
        if self.page == 0 {
            return Err(Error::RegisterQueryInvalid {
                detail: "page starts at 1, received 0".to_owned(),
            });
        }
        if self.page_size == 0 || self.page_size > MAX_PAGE_SIZE {
            return Err(Error::RegisterQueryInvalid {
                detail: format!(
                    "page_size must be 1 to {MAX_PAGE_SIZE}, received {}",
                    self.page_size
                ),
            });
        }
        if let Some(year) = self.created_year
            && !(1900..=9999).contains(&year)
        {
            return Err(Error::RegisterQueryInvalid {
                detail: format!("created_year must be 1900 to 9999, received {year}"),
            });
        }
        Ok(Criteria {
            text: fragment(self.text.as_deref(), "text", 3, fold)?,
            city: fragment(self.city.as_deref(), "city", 2, fold)?,
            phone: fragment(self.phone.as_deref(), "phone", 3, phone_digits)?,
            plate: fragment(self.plate.as_deref(), "plate", 2, plate_key)?,
        })
    }
}
