//! The client record (fiche client): identity, contact details, preferences, companions, pets.
//!
//! The host stores it; hospes checks and normalises it ([`Client::normalized`]) and applies the
//! guest's own corrections from the portal ([`Client::apply_guest_update`]).

pub(crate) mod field;
pub(crate) mod record;
pub mod species;
mod update;

pub use field::{ClientField, FieldChange};
pub use record::{Civility, Client, ClientKind, Companion, MAX_NAME, MAX_NOTES, Pet};
pub use update::{ClientUpdateOutcome, GuestDetails, UpdatePolicy};

pub(crate) use record::licence_plate;
