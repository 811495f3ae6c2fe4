//! # hospes
//!
//! The domain engine behind a guest self-service portal (« espace client ») and the client file
//! of a property-management system: campsites, holiday rentals, small hotels, grooming salons.
//!
//! hospes is a functional core: every operation takes values (a client, a stay, `now`) and
//! returns new values and [`Event`]s, or a typed [`Error`] with a stable code. The host keeps
//! its database, web server and mail sender. Money is exact ([`Money`], never a float), time is
//! an input, nothing panics.
//!
//! ```
//! use hospes::{Client, Country, GuestDetails, UpdatePolicy};
//!
//! let stored: Client = serde_json::from_str(r#"{
//!     "id": "C-1042", "civility": "mrs", "first_name": "Marie", "last_name": "Dupont",
//!     "email": "marie.dupont@example.fr", "created_at": "2026-01-15T09:30:00Z"
//! }"#).unwrap();
//! let now = "2026-06-01T10:00:00Z".parse().unwrap();
//!
//! // The guest adds their mobile number from the portal.
//! let mut form = GuestDetails::from_client(&stored);
//! form.mobile = Some("06 12 34 56 78".into());
//! let out = stored.apply_guest_update(form, &UpdatePolicy::default(), Country::FRANCE, now).unwrap();
//!
//! assert_eq!(out.client.mobile.as_deref(), Some("+33612345678"));
//! assert_eq!(out.events[0].kind(), "client_info_updated");
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod account;
pub mod accounting;
pub mod address;
pub mod amendment;
pub mod appointment;
pub mod booking;
pub mod calendar;
pub mod cancellation;
pub mod client;
pub mod codec;
pub mod contract;
pub mod correction;
pub mod editable;
pub mod einvoice;
pub mod email;
pub mod ereporting;
pub mod error;
pub mod establishment;
pub mod event;
pub mod evidence;
pub mod export;
pub mod gdpr;
pub mod i18n;
pub mod invoice;
pub mod link;
pub mod mail;
pub mod merge;
pub mod money;
pub mod payment;
pub mod pdf;
pub mod phone;
pub mod portal;
pub mod pricing;
pub mod qr;
pub mod quote;
mod random;
pub mod register;
pub mod residency;
pub mod settlement;
pub mod sheet;
pub mod signature;
pub mod stay;
pub mod text;
pub mod vat;
pub mod wire;

#[cfg(feature = "uniffi")]
pub mod ffi;

pub use address::{Address, Country};
pub use appointment::{
    Appointment, AppointmentOutcome, AppointmentRequest, AppointmentSchedule, AppointmentStatus,
    OpeningHours, TimeInterval,
};
pub use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
pub use client::{
    Civility, Client, ClientField, ClientKind, ClientUpdateOutcome, Companion, FieldChange,
    GuestDetails, Pet, UpdatePolicy,
};
pub use error::{Error, ErrorFamily, Result};
pub use establishment::{Establishment, LegalIds, OpeningPeriod, TimeZone};
pub use event::Event;
pub use i18n::Locale;
pub use link::{
    IssuedLink, Keyring, KeyringConfig, LinkClaims, LinkHint, LinkPurpose, LinkRequest, LinkState,
};
pub use money::{Currency, Money, Rounding};
pub use rust_decimal::Decimal;
pub use stay::{
    CustomFieldValue, DocumentKind, DocumentRef, Line, LineKind, LineTotal, Stay, StayStatus,
    StayTotals,
};
pub use vat::{PriceBasis, TaxedAmount, VatBreakdown, VatLine, VatRate};

#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!("hospes");

// The Rust blocks of the README and of every page of docs/ run as doctests (`cargo test --doc`),
// so no snippet can rot; the Python, Node and Kotlin suites run those languages' blocks.
#[cfg(doctest)]
mod docs {
    #[doc = include_str!("../../README.md")]
    mod readme {}
    #[doc = include_str!("../../docs/README.md")]
    mod index {}
    #[doc = include_str!("../../docs/accounts.md")]
    mod accounts {}
    #[doc = include_str!("../../docs/accounting.md")]
    mod accounting {}
    #[doc = include_str!("../../docs/architecture.md")]
    mod architecture {}
    #[doc = include_str!("../../docs/appointments.md")]
    mod appointments {}
    #[doc = include_str!("../../docs/concepts.md")]
    mod concepts {}
    #[doc = include_str!("../../docs/contracts.md")]
    mod contracts {}
    #[doc = include_str!("../../docs/editable.md")]
    mod editable {}
    #[doc = include_str!("../../docs/errors.md")]
    mod errors {}
    #[doc = include_str!("../../docs/e-invoicing.md")]
    mod e_invoicing {}
    #[doc = include_str!("../../docs/exports.md")]
    mod exports {}
    #[doc = include_str!("../../docs/gdpr.md")]
    mod gdpr {}
    #[doc = include_str!("../../docs/host.md")]
    mod host {}
    #[doc = include_str!("../../docs/invoices.md")]
    mod invoices {}
    #[doc = include_str!("../../docs/install.md")]
    mod install {}
    #[doc = include_str!("../../docs/kotlin.md")]
    mod kotlin {}
    #[doc = include_str!("../../docs/links.md")]
    mod links {}
    #[doc = include_str!("../../docs/mail-tags.md")]
    mod mail_tags {}
    #[doc = include_str!("../../docs/node.md")]
    mod node {}
    #[doc = include_str!("../../docs/payments.md")]
    mod payments {}
    #[doc = include_str!("../../docs/pdf.md")]
    mod pdf {}
    #[doc = include_str!("../../docs/portal.md")]
    mod portal {}
    #[doc = include_str!("../../docs/pricing.md")]
    mod pricing {}
    #[doc = include_str!("../../docs/python.md")]
    mod python {}
    #[doc = include_str!("../../docs/register.md")]
    mod register {}
    #[doc = include_str!("../../docs/rust.md")]
    mod rust {}
    #[doc = include_str!("../../docs/security.md")]
    mod security {}
    #[doc = include_str!("../../docs/swift.md")]
    mod swift {}
    #[doc = include_str!("../../docs/wire.md")]
    mod wire {}
}
