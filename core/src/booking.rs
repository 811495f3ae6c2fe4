//! A booking the business takes directly — by phone, at the desk, from an e-mail — without a
//! quote: the request is priced and the stay is confirmed at once.
//!
//! [`book`] prices the request at `now` (a new booking: options sold only at booking may be
//! taken), with the business's own discount if it grants one ([`BusinessDiscount`]), and
//! returns the confirmed [`Stay`] — its lines, dates, currency and price basis those of the
//! priced stay, the unit's name as its accommodation, the participants given (none yet is
//! fine: the guest can add them from her space), the booking's origin — with the
//! [`PricedStay`] (the payment schedule: the deposit due now, the balance later; the
//! cancellation terms) and `stay_confirmed`. That is the same event a quote accepted ends with,
//! so the host's automations (confirmation mail, deposit invoice) run alike; here it comes
//! alone, without `quote_accepted` before it, and the stay's `origin` says where it came from.
//!
//! Refused as pricing refuses the request (`pricing.unit_unavailable`,
//! `pricing.below_minimum_stay` …), and for a blank reference or client id (`field.required`)
//! or a participant whose name or birth date is not valid. Nothing is stored: calling [`book`]
//! tells the caller on the phone the price; the host stores what it returns once they agree.
//!
//! ```
//! # let catalogue: hospes::pricing::Catalogue = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/catalogue.json")).unwrap()).unwrap();
//! use hospes::booking::{self, BookingRequest};
//! use hospes::stay::BookingOrigin;
//! let request = serde_json::from_str(r#"{"unit": "MH3", "arrival": "2026-07-11",
//!     "departure": "2026-07-18", "guests": [{}, {}]}"#).unwrap();
//! let booking = BookingRequest {
//!     client_id: "C-1042".into(), stay_reference: "312".into(), request,
//!     discount: None, participants: vec![], origin: Some(BookingOrigin::Phone),
//! };
//! let booked = booking::book(&catalogue, booking, "2026-03-01T10:00:00Z".parse().unwrap()).unwrap();
//! assert_eq!(booked.stay.status, hospes::StayStatus::Confirmed);
//! assert_eq!(booked.stay.accommodation, "Mobil-home 3 chambres");
//! assert_eq!(booked.stay.totals().unwrap().vat.total_incl_vat, booked.priced.totals.vat.total_incl_vat);
//! assert_eq!(booked.events[0].kind(), "stay_confirmed");
//! ```

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::client::Companion;
use crate::error::Result;
use crate::event::Event;
use crate::pricing::{self, BookingStage, BusinessDiscount, Catalogue, PriceRequest, PricedStay};
use crate::stay::{BookingOrigin, Stay, StayStatus};

/// What the business books: for whom, under which reference, what, and how it came.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BookingRequest {
    /// Whose booking.
    pub client_id: String,
    /// The host's reference for the new stay.
    pub stay_reference: String,
    /// What is booked: unit, dates, guests, options, promo code (priced as a new booking).
    pub request: PriceRequest,
    /// The business's discount, if it grants one.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub discount: Option<BusinessDiscount>,
    /// The people staying besides the client, when already known.
    #[serde(default)]
    pub participants: Vec<Companion>,
    /// Where the booking came from (`phone`, `walk_in`, `email` …).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub origin: Option<BookingOrigin>,
}

/// A booking made: the confirmed stay, the priced stay it comes from, the event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Booking {
    /// The stay, `confirmed`, with the priced lines.
    pub stay: Stay,
    /// The priced stay: totals, the payment schedule (deposit due now), the cancellation terms,
    /// the promo code applied (add its discount to the code's `spent`).
    pub priced: PricedStay,
    /// `stay_confirmed`.
    pub events: Vec<Event>,
}

/// Books `booking` against `catalogue` at `now`, without a quote: see the [module](self).
///
/// Errors: the pricing errors of [`pricing::price`]; `pricing.discount_invalid`; field errors
/// for the reference, the client id, the discount's label or a participant.
pub fn book(catalogue: &Catalogue, booking: BookingRequest, now: DateTime<Utc>) -> Result<Booking> {
    let request = PriceRequest {
        stage: BookingStage::Booking,
        ..booking.request
    };
    let terms = pricing::Terms {
        discount: booking.discount.as_ref(),
        booked_options: vec![],
    };
    let priced = pricing::price_with(catalogue, &request, &terms, now)?;
    let today = now.with_timezone(&catalogue.time_zone.tz()).date_naive();
    let stay = Stay {
        reference: booking.stay_reference,
        client_id: booking.client_id,
        accommodation: priced.unit_name.clone(),
        arrival: priced.arrival,
        departure: priced.departure,
        status: StayStatus::Confirmed,
        participants: booking.participants,
        lines: priced.lines.clone(),
        price_basis: priced.price_basis,
        currency: priced.currency,
        documents: vec![],
        notes: None,
        arrival_time: None,
        custom_fields: vec![],
        origin: booking.origin,
        business_notes: None,
    }
    .normalized(today)?;
    let events = vec![Event::StayConfirmed {
        occurred_at: now,
        client_id: stay.client_id.clone(),
        stay_reference: stay.reference.clone(),
        dates_changed: None,
    }];
    Ok(Booking {
        stay,
        priced,
        events,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue() -> Catalogue {
        serde_json::from_str(include_str!("../tests/data/catalogue.json")).unwrap()
    }

    fn booking(request: &str) -> BookingRequest {
        BookingRequest {
            client_id: "C-1042".into(),
            stay_reference: "312".into(),
            request: serde_json::from_str(request).unwrap(),
            discount: None,
            participants: vec![],
            origin: Some(BookingOrigin::Phone),
        }
    }

    #[test]
    fn a_booking_is_priced_as_a_new_booking_whatever_the_stage_said() {
        let b = booking(
            r#"{"unit":"MH3","arrival":"2026-07-11","departure":"2026-07-18","guests":[{}],
                "supplements":[{"id":"insurance"}],"stage":"amendment"}"#,
        );
        let booked = book(&catalogue(), b, "2026-03-01T10:00:00Z".parse().unwrap()).unwrap();
        assert!(
            booked
                .stay
                .lines
                .iter()
                .any(|l| l.label == "Assurance annulation")
        );
        assert_eq!(booked.stay.origin, Some(BookingOrigin::Phone));
    }

    #[test]
    fn a_blank_reference_is_refused() {
        let mut b = booking(
            r#"{"unit":"MH3","arrival":"2026-07-11","departure":"2026-07-18","guests":[{}]}"#,
        );
        b.stay_reference = " ".into();
        let err = book(&catalogue(), b, "2026-03-01T10:00:00Z".parse().unwrap()).unwrap_err();
        assert_eq!(err.code(), "field.required");
    }
}
