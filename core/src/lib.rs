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
pub mod address;
pub mod appointment;
pub mod cancellation;
pub mod client;
pub mod contract;
pub mod editable;
pub mod email;
pub mod error;
pub mod establishment;
pub mod event;
pub mod i18n;
pub mod invoice;
pub mod link;
pub mod mail;
pub mod money;
pub mod payment;
pub mod pdf;
pub mod phone;
pub mod portal;
pub mod pricing;
pub mod quote;
mod random;
pub mod residency;
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
pub use error::{Error, Result};
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
