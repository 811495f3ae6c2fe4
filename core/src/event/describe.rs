//! The values an event's description shows, by name, for the catalogues' sentences.

use super::Event;
use crate::i18n::{self, Arg, Locale, format};
use crate::money::Money;
use crate::stay::DatesChange;

impl Event {
    /// The values its description shows.
    pub(super) fn args(&self, locale: Locale) -> Vec<(&'static str, Arg<'_>)> {
        let money = |m: &Money| Arg::from(format::money(m, locale));
        let names = |n: &[String]| Arg::from(n.join(", "));
        let when = |t: &chrono::NaiveDateTime| {
            Arg::from(i18n::text(
                "label-date-at-time",
                &[
                    ("date", format::date(t.date(), locale).into()),
                    ("time", format::time(t.time(), locale).into()),
                ],
                locale,
                locale,
            ))
        };
        // `dates_changed` (`yes` or `no`) and, when yes, the four days.
        let dates = |change: Option<&DatesChange>| {
            let day = |d: chrono::NaiveDate| Arg::from(format::date(d, locale));
            let mut args = vec![(
                "dates_changed",
                Arg::from(if change.is_some() { "yes" } else { "no" }),
            )];
            if let Some(change) = change {
                args.extend([
                    ("previous_arrival", day(change.previous_arrival)),
                    ("previous_departure", day(change.previous_departure)),
                    ("arrival", day(change.arrival)),
                    ("departure", day(change.departure)),
                ]);
            }
            args
        };
        match self {
            Event::ClientInfoUpdated {
                client_id, changes, ..
            } => vec![
                ("client", client_id.as_str().into()),
                ("count", changes.len().into()),
            ],
            Event::AccountRegistered { client_id, .. }
            | Event::AccountVerified { client_id, .. }
            | Event::PasswordChanged { client_id, .. }
            | Event::ClientErased { client_id, .. } => {
                vec![("client", client_id.as_str().into())]
            }
            Event::ParticipantsChanged {
                client_id,
                stay_reference,
                added,
                removed,
                ..
            } => vec![
                ("client", client_id.as_str().into()),
                ("stay", stay_reference.as_str().into()),
                ("added", names(added)),
                ("removed", names(removed)),
                ("added_count", added.len().into()),
                ("removed_count", removed.len().into()),
            ],
            Event::QuoteChanged {
                client_id,
                quote_number,
                total,
                ..
            } => vec![
                ("client", client_id.as_str().into()),
                ("number", quote_number.as_str().into()),
                ("total", money(total)),
            ],
            Event::QuoteAccepted {
                client_id,
                quote_number,
                stay_reference,
                total,
                ..
            } => vec![
                ("client", client_id.as_str().into()),
                ("number", quote_number.as_str().into()),
                ("stay", stay_reference.as_str().into()),
                ("total", money(total)),
            ],
            Event::StayConfirmed {
                client_id,
                stay_reference,
                dates_changed,
                ..
            } => {
                let mut args = vec![
                    ("client", client_id.as_str().into()),
                    ("stay", stay_reference.as_str().into()),
                ];
                args.extend(dates(dates_changed.as_ref()));
                args
            }
            Event::StayAmended {
                client_id,
                stay_reference,
                dates_changed,
                previous_total,
                total,
                ..
            } => {
                let mut args = vec![
                    ("client", client_id.as_str().into()),
                    ("stay", stay_reference.as_str().into()),
                    ("previous_total", money(previous_total)),
                    ("total", money(total)),
                ];
                args.extend(dates(dates_changed.as_ref()));
                args
            }
            Event::InvoiceIssued {
                client_id,
                invoice_number,
                total,
                ..
            } => vec![
                ("client", client_id.as_str().into()),
                ("number", invoice_number.as_str().into()),
                ("total", money(total)),
            ],
            Event::InvoiceCancelled {
                client_id,
                invoice_number,
                credit_note_number,
                ..
            } => vec![
                ("client", client_id.as_str().into()),
                ("number", invoice_number.as_str().into()),
                ("credit_note", credit_note_number.as_str().into()),
            ],
            Event::PaymentRecorded {
                client_id,
                invoice_number,
                amount,
                ..
            }
            | Event::PaymentFailed {
                client_id,
                invoice_number,
                amount,
                ..
            }
            | Event::RefundRecorded {
                client_id,
                invoice_number,
                amount,
                ..
            } => vec![
                ("client", client_id.as_str().into()),
                ("number", invoice_number.as_str().into()),
                ("amount", money(amount)),
            ],
            Event::PaymentReversed {
                client_id,
                invoice_number,
                amount,
                reason,
                ..
            } => vec![
                ("client", client_id.as_str().into()),
                ("number", invoice_number.as_str().into()),
                ("amount", money(amount)),
                ("reason", reason.as_str().into()),
            ],
            Event::ContractSigned {
                client_id,
                contract_number,
                stay_reference,
                ..
            } => vec![
                ("client", client_id.as_str().into()),
                ("number", contract_number.as_str().into()),
                ("stay", stay_reference.as_str().into()),
            ],
            Event::StayCancelled {
                client_id,
                stay_reference,
                penalty,
                refund,
                ..
            } => vec![
                ("client", client_id.as_str().into()),
                ("stay", stay_reference.as_str().into()),
                ("penalty", money(penalty)),
                ("refund", money(refund)),
            ],
            Event::AppointmentRequested {
                client_id,
                pet,
                start,
                ..
            }
            | Event::AppointmentConfirmed {
                client_id,
                pet,
                start,
                ..
            }
            | Event::AppointmentDeclined {
                client_id,
                pet,
                start,
                ..
            }
            | Event::AppointmentCancelled {
                client_id,
                pet,
                start,
                ..
            } => vec![
                ("client", client_id.as_str().into()),
                ("pet", pet.as_str().into()),
                ("start", when(start)),
            ],
            Event::AppointmentRescheduled {
                client_id,
                pet,
                previous_start,
                start,
                ..
            } => vec![
                ("client", client_id.as_str().into()),
                ("pet", pet.as_str().into()),
                ("previous_start", when(previous_start)),
                ("start", when(start)),
            ],
            Event::BookingFieldsEdited {
                client_id,
                stay_reference,
                changes,
                ..
            }
            | Event::BookingChangeRequested {
                client_id,
                stay_reference,
                changes,
                ..
            }
            | Event::BookingChangeApproved {
                client_id,
                stay_reference,
                changes,
                ..
            } => vec![
                ("client", client_id.as_str().into()),
                ("stay", stay_reference.as_str().into()),
                ("count", changes.len().into()),
                (
                    "fields",
                    Arg::from(
                        changes
                            .iter()
                            .map(|c| c.field.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                ),
            ],
            Event::BookingChangeDeclined {
                client_id,
                stay_reference,
                ..
            } => vec![
                ("client", client_id.as_str().into()),
                ("stay", stay_reference.as_str().into()),
            ],
            Event::AuthorisedPersonsChanged {
                client_id,
                pitch,
                added,
                removed,
                ..
            } => vec![
                ("client", client_id.as_str().into()),
                ("pitch", pitch.as_str().into()),
                ("added", names(added)),
                ("removed", names(removed)),
                ("added_count", added.len().into()),
                ("removed_count", removed.len().into()),
            ],
        }
    }
}
