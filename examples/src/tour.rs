//! The tour: a campsite on the Landes coast uses hospes as its PMS would.
//!
//! `make tour` runs it (`make demo` serves the reference portal, `examples/portal/`, on the same
//! demo data: `examples/portal/demo.json`, read here by the client space and salon chapters). It prints what the PMS sees at each step: the establishment set up,
//! two clients typed at the reception desk, a family stay in July with its VAT table, a guest
//! correcting their details from the portal (and the event the PMS receives), the errors a
//! guest meets when they type something wrong — in the guest's own language —, secret links, a
//! portal account, the client space, next summer priced from the catalogue, a quote changed
//! and signed from the portal, the mails it sends (written to `target/tour/mails/`), a guest
//! editing her booking before the deadline, the client register searched and exported, a grooming salon's appointments, and the documents
//! as PDF (written to `target/tour/pdf/`).

#[path = "tour/accounts.rs"]
mod accounts;
#[path = "tour/appointments.rs"]
mod appointments;
#[path = "tour/billing.rs"]
mod billing;
#[path = "tour/booking.rs"]
mod booking;
#[path = "tour/client_space.rs"]
mod client_space;
#[path = "tour/demo.rs"]
mod demo;
#[path = "tour/documents.rs"]
mod documents;
#[path = "tour/hostile.rs"]
mod hostile;
#[path = "tour/links.rs"]
mod links;
#[path = "tour/mails.rs"]
mod mails;
#[path = "tour/phone.rs"]
mod phone;
#[path = "tour/pricing.rs"]
mod pricing;
#[path = "tour/quote.rs"]
mod quote;
#[path = "tour/reception.rs"]
mod reception;
#[path = "tour/register.rs"]
mod register;

use hospes::Locale;

fn main() {
    if let Err(err) = run() {
        eprintln!("tour failed: {} ({})", err.message(Locale::En), err.code());
        std::process::exit(1);
    }
}

fn section(title: &str) {
    println!("\n== {title} ==");
}

/// The chapters of the tour, in order.
fn run() -> hospes::Result<()> {
    let now = "2026-06-01T09:00:00Z".parse().unwrap_or_default();
    let (camping, marie) = reception::reception(now)?;
    let (portal_url, contract_url) = links::links(&camping, &marie, now)?;
    mails::mails(&camping, &marie, &portal_url, &contract_url)?;
    // Her client space opens once she has logged in.
    accounts::accounts(&marie, now)?;
    let catalogue = pricing::pricing()?;
    let (quote, stay, february_last) = quote::quote(&catalogue)?;
    billing::billing(&quote, &stay, february_last)?;
    phone::phone_booking(&catalogue)?;
    let july_14 = "2026-07-14T08:00:00Z".parse().unwrap_or_default();
    register::register(&camping, &marie, july_14)?;
    booking::booking_fields()?;
    appointments::appointments()?;
    documents::documents()?;
    hostile::hostile()
}

fn read_json(text: &str) -> hospes::Result<serde_json::Value> {
    serde_json::from_str(text).map_err(|e| hospes::Error::Internal {
        detail: e.to_string(),
    })
}

fn from_field<T: serde::de::DeserializeOwned>(
    data: &serde_json::Value,
    key: &str,
) -> hospes::Result<T> {
    hospes::wire::from_json(&data.get(key).cloned().unwrap_or_default().to_string())
}
