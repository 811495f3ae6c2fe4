//! The client register (« Registre clients »): the business's own view of its client file.
//!
//! The host keeps every record; a [`Register`] holds, in memory, what the register screen needs
//! of each client — their line ([`RegisterRow`]: identity, contacts, kind, seniority, stays,
//! presence today, revenue and amount due) and a trigram index over names, companies and
//! e-mails — built once from the host's rows ([`RegisterEntry`]) and kept current with
//! [`Register::upsert`] and [`Register::remove`]. A [`RegisterQuery`] is the seed's screen: one
//! search box from three characters, accent-, case- and punctuation-insensitive; filters by
//! city, country, phone (on its digits, however typed), plate, seniority year and kind,
//! combined with AND; « only the clients present » on by default; any column to sort by; pages.
//!
//! The selection exports as CSV or XLSX ([`Register::export`], streamed) and prints as address
//! labels ([`LabelRequest::from_rows`](crate::pdf::LabelRequest::from_rows)). Deleting a client
//! is checked by [`deletion_check`]: never once invoiced.
//!
//! ```
//! use hospes::register::{Register, RegisterEntry, RegisterQuery};
//! let mut register = Register::new(Default::default());
//! let marie: RegisterEntry = serde_json::from_str(r#"{
//!   "client": {"id": "C-1", "last_name": "Dupont", "first_name": "Marie", "mobile": "+33612345678",
//!              "created_at": "2025-03-02T10:00:00Z"},
//!   "stays": [{"reference": "312", "arrival": "2026-07-11", "departure": "2026-07-25", "status": "confirmed"}]
//! }"#).unwrap();
//! register.upsert(marie).unwrap();
//! let today = "2026-07-14".parse().unwrap();
//! // Present today: found with the default query, by her phone however it is typed.
//! let query = RegisterQuery { phone: Some("06 12 34".into()), ..RegisterQuery::default() };
//! assert_eq!(register.search(&query, today).unwrap().total, 1);
//! ```

mod deletion;
mod entry;
mod export;
mod fold;
mod index;
mod order;
mod query;
mod row;
mod slot;
mod tidy;

pub use deletion::{ClientDeletion, deletion_check};
pub use entry::{InvoiceFigures, RegisterEntry, StayDates};
pub use fold::{fold, phone_digits, plate_key};
pub use index::{Register, RegisterConfig, RegisterSource};
pub use query::{CountryCount, MAX_PAGE_SIZE, RegisterPage, RegisterQuery};
pub use row::{RegisterColumn, RegisterRow};
