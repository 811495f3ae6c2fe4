//! The export as a workbook a person reads: one sheet per section, headers and values in the
//! export's language, dates and amounts as Excel dates and numbers.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::export::{GdprExport, GdprSectionKind};
use super::xlsx::{self, Table, sheet_name};
use crate::error::Result;
use crate::i18n::{self, Locale};
use crate::money::Money;
use crate::sheet::{Cell, CellKind, SheetColumn};
use crate::signature::Signature;

/// The export as an XLSX workbook in its own language: one sheet per section, in the order of
/// [`GdprExport::sections`] — the client record as field and value, then one row per companion,
/// pet, stay, residency, quote, invoice, payment, contract, signature, account, appointment and
/// event log entry. Instants are shown on the establishment's clock.
///
/// ```
/// # let client: hospes::Client = serde_json::from_str(r#"{"id":"C-1","last_name":"Dupont","created_at":"2026-01-15T09:30:00Z"}"#).unwrap();
/// # let establishment: hospes::Establishment = serde_json::from_str(r#"{"id":"e","name":"Camping des Pins","currency":"EUR","time_zone":"Europe/Paris","portal_base_url":"https://portail.example.fr/"}"#).unwrap();
/// use hospes::gdpr;
/// let export = gdpr::export(&gdpr::GdprRecords::new(client), &establishment, "2026-09-01T10:00:00Z".parse().unwrap()).unwrap();
/// let xlsx = gdpr::workbook(&export).unwrap();
/// assert!(xlsx.starts_with(b"PK"));
/// assert_eq!(xlsx, gdpr::workbook(&export).unwrap());
/// ```
pub fn workbook(export: &GdprExport) -> Result<Vec<u8>> {
    xlsx::write(&export.title, &tables(export))
}

/// The cells of every section.
fn tables(export: &GdprExport) -> Vec<Table> {
    let w = Words {
        locale: export.locale,
        zone: export.time_zone,
    };
    GdprSectionKind::ALL
        .iter()
        .map(|&section| {
            let (columns, rows) = match section {
                GdprSectionKind::Client => client_rows(export, &w),
                GdprSectionKind::Companions => companion_rows(export, &w),
                GdprSectionKind::Pets => pet_rows(export, &w),
                GdprSectionKind::Stays => stay_rows(export, &w),
                GdprSectionKind::Residencies => residency_rows(export, &w),
                GdprSectionKind::Quotes => quote_rows(export, &w),
                GdprSectionKind::Invoices => invoice_rows(export, &w),
                GdprSectionKind::Payments => payment_rows(export, &w),
                GdprSectionKind::Contracts => contract_rows(export, &w),
                GdprSectionKind::Signatures => signature_rows(export, &w),
                GdprSectionKind::Accounts => account_rows(export, &w),
                GdprSectionKind::Appointments => appointment_rows(export, &w),
                GdprSectionKind::Events => event_rows(export, &w),
            };
            Table {
                name: sheet_name(&section.title(export.locale)),
                columns,
                rows,
            }
        })
        .collect()
}

type Rows = (Vec<SheetColumn>, Vec<Vec<Cell<'static>>>);

/// The words of the workbook in its language, and its clock.
struct Words {
    locale: Locale,
    zone: crate::establishment::TimeZone,
}

impl Words {
    /// The catalogue's text `gdpr-{id}`.
    fn text(&self, id: &str) -> String {
        i18n::text(&format!("gdpr-{id}"), &[], self.locale, Locale::Fr)
    }

    /// A column headed by `gdpr-col-{id}`.
    fn column(&self, id: &str, kind: CellKind) -> SheetColumn {
        SheetColumn::new(self.text(&format!("col-{id}")), kind)
    }

    /// Columns from `(id, kind)` pairs.
    fn columns(&self, columns: &[(&str, CellKind)]) -> Vec<SheetColumn> {
        columns
            .iter()
            .map(|(id, kind)| self.column(id, *kind))
            .collect()
    }

    /// The label of an enum value: `gdpr-{family}-{its wire name}`.
    fn value<T: Serialize>(&self, family: &str, value: &T) -> Cell<'static> {
        let name = serde_json::to_value(value)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        Cell::from(self.text(&format!("{family}-{name}")))
    }

    /// An instant on the establishment's clock.
    fn instant(&self, at: DateTime<Utc>) -> Cell<'static> {
        Cell::DateTime(at.with_timezone(&self.zone.tz()).naive_local())
    }
}

fn text(value: &str) -> Cell<'static> {
    Cell::from(value.to_owned())
}

fn optional(value: Option<&str>) -> Cell<'static> {
    value.map_or(Cell::Empty, text)
}

fn date(value: Option<NaiveDate>) -> Cell<'static> {
    value.map_or(Cell::Empty, Cell::Date)
}

fn money(value: &Money) -> Cell<'static> {
    Cell::Money(value.clone())
}

fn list<'a>(values: impl IntoIterator<Item = &'a str>) -> Cell<'static> {
    Cell::from(values.into_iter().collect::<Vec<_>>().join(", "))
}

fn client_rows(export: &GdprExport, w: &Words) -> Rows {
    let columns = vec![
        w.column("field", CellKind::Text).with_width(32.0),
        w.column("value", CellKind::Text).with_width(60.0),
    ];
    let c = &export.client;
    let controller = &export.controller;
    let contact = [
        controller.email.as_deref(),
        controller.phone.as_deref(),
        controller.website.as_deref(),
    ];
    let field = |id: &str, value: Cell<'static>| vec![w.text(&format!("field-{id}")).into(), value];
    let rows = vec![
        field("controller", text(&controller.name)),
        field("controller_address", text(&controller.address.one_line())),
        field("controller_contact", list(contact.into_iter().flatten())),
        field("generated_at", w.instant(export.generated_at)),
        field("client_id", text(&c.id)),
        field(
            "civility",
            c.civility.map_or(Cell::Empty, |civility| {
                Cell::from(i18n::text(civility.label_id(), &[], w.locale, Locale::Fr))
            }),
        ),
        field("last_name", optional(c.last_name.as_deref())),
        field("first_name", optional(c.first_name.as_deref())),
        field("company", optional(c.company.as_deref())),
        field("street", list(c.address.lines.iter().map(String::as_str))),
        field("postcode", optional(c.address.postcode.as_deref())),
        field("city", optional(c.address.city.as_deref())),
        field("country", optional(c.address.country.map(|c| c.code()))),
        field("landline", optional(c.landline.as_deref())),
        field("mobile", optional(c.mobile.as_deref())),
        field("email", optional(c.email.as_deref())),
        field(
            "preferred_locale",
            c.preferred_locale
                .map_or(Cell::Empty, |l| w.value("locale", &l)),
        ),
        field("notes", optional(c.notes.as_deref())),
        field(
            "licence_plates",
            list(c.licence_plates.iter().map(String::as_str)),
        ),
        field("kind", w.value("kind", &c.kind)),
        field("created_at", w.instant(c.created_at)),
    ];
    (columns, rows)
}

fn companion_rows(export: &GdprExport, w: &Words) -> Rows {
    let columns = w.columns(&[
        ("first_name", CellKind::Text),
        ("last_name", CellKind::Text),
        ("birth_date", CellKind::Date),
    ]);
    let rows = export
        .client
        .companions
        .iter()
        .map(|c| vec![text(&c.first_name), text(&c.last_name), date(c.birth_date)])
        .collect();
    (columns, rows)
}

fn pet_rows(export: &GdprExport, w: &Words) -> Rows {
    let columns = w.columns(&[
        ("name", CellKind::Text),
        ("species", CellKind::Text),
        ("breed", CellKind::Text),
    ]);
    let rows = export
        .client
        .pets
        .iter()
        .map(|p| {
            vec![
                text(&p.name),
                optional(p.species.as_deref()),
                optional(p.breed.as_deref()),
            ]
        })
        .collect();
    (columns, rows)
}

fn stay_rows(export: &GdprExport, w: &Words) -> Rows {
    let columns = w.columns(&[
        ("reference", CellKind::Text),
        ("accommodation", CellKind::Text),
        ("arrival", CellKind::Date),
        ("departure", CellKind::Date),
        ("status", CellKind::Text),
        ("participants", CellKind::Text),
        ("total", CellKind::Text),
        ("guest_notes", CellKind::Text),
        ("arrival_time", CellKind::Text),
        ("custom_fields", CellKind::Text),
        ("business_notes", CellKind::Text),
    ]);
    let rows = export
        .stays
        .iter()
        .map(|s| {
            let names: Vec<String> = s.participants.iter().map(|p| p.full_name()).collect();
            let fields: Vec<String> = s
                .custom_fields
                .iter()
                .map(|f| format!("{}: {}", f.key, f.value))
                .collect();
            vec![
                text(&s.reference),
                text(&s.accommodation),
                Cell::Date(s.arrival),
                Cell::Date(s.departure),
                w.value("stay", &s.status),
                list(names.iter().map(String::as_str)),
                s.totals()
                    .map_or(Cell::Empty, |t| money(&t.vat.total_incl_vat)),
                optional(s.notes.as_deref()),
                s.arrival_time
                    .map_or(Cell::Empty, |t| Cell::from(t.format("%H:%M").to_string())),
                list(fields.iter().map(String::as_str)),
                optional(s.business_notes.as_deref()),
            ]
        })
        .collect();
    (columns, rows)
}

fn residency_rows(export: &GdprExport, w: &Words) -> Rows {
    let columns = w.columns(&[
        ("reference", CellKind::Text),
        ("pitch", CellKind::Text),
        ("from", CellKind::Date),
        ("to", CellKind::Date),
        ("rent", CellKind::Text),
        ("authorised", CellKind::Text),
    ]);
    let rows = export
        .residencies
        .iter()
        .map(|r| {
            let names: Vec<String> = r.authorised.iter().map(|p| p.full_name()).collect();
            vec![
                text(&r.reference),
                text(&r.pitch),
                Cell::Date(r.from),
                Cell::Date(r.to),
                money(&r.rent),
                list(names.iter().map(String::as_str)),
            ]
        })
        .collect();
    (columns, rows)
}

fn quote_rows(export: &GdprExport, w: &Words) -> Rows {
    let columns = w.columns(&[
        ("number", CellKind::Text),
        ("stay", CellKind::Text),
        ("created_at", CellKind::DateTime),
        ("valid_until", CellKind::DateTime),
        ("status", CellKind::Text),
        ("total", CellKind::Text),
        ("signed_at", CellKind::DateTime),
    ]);
    let rows = export
        .quotes
        .iter()
        .map(|q| {
            vec![
                text(&q.number),
                text(&q.stay_reference),
                w.instant(q.created_at),
                w.instant(q.valid_until),
                w.value("quote", &q.status),
                money(&q.priced.totals.vat.total_incl_vat),
                q.acceptance
                    .as_ref()
                    .map_or(Cell::Empty, |s| w.instant(s.signed_at)),
            ]
        })
        .collect();
    (columns, rows)
}

fn invoice_rows(export: &GdprExport, w: &Words) -> Rows {
    let columns = w.columns(&[
        ("number", CellKind::Text),
        ("kind", CellKind::Text),
        ("status", CellKind::Text),
        ("issue_date", CellKind::Date),
        ("due_date", CellKind::Date),
        ("stay", CellKind::Text),
        ("customer", CellKind::Text),
        ("address", CellKind::Text),
        ("email", CellKind::Text),
        ("total", CellKind::Text),
    ]);
    let rows = export
        .invoices
        .iter()
        .map(|i| {
            vec![
                optional(i.number.as_deref()),
                w.value("invoice", &i.kind),
                w.value("invoice", &i.status),
                date(i.issue_date),
                Cell::Date(i.due_date),
                optional(i.stay_reference.as_deref()),
                text(&i.customer.name),
                text(&i.customer.address.one_line()),
                optional(i.customer.email.as_deref()),
                money(&i.totals.vat.total_incl_vat),
            ]
        })
        .collect();
    (columns, rows)
}

fn payment_rows(export: &GdprExport, w: &Words) -> Rows {
    let columns = w.columns(&[
        ("received_at", CellKind::DateTime),
        ("invoice", CellKind::Text),
        ("amount", CellKind::Text),
        ("method", CellKind::Text),
        ("provider", CellKind::Text),
        ("provider_reference", CellKind::Text),
        ("key", CellKind::Text),
    ]);
    let rows = export
        .payments
        .iter()
        .map(|p| {
            vec![
                w.instant(p.received_at),
                text(&p.invoice_number),
                money(&p.amount),
                w.value("method", &p.method),
                optional(p.provider.as_deref()),
                optional(p.provider_reference.as_deref()),
                text(&p.key),
            ]
        })
        .collect();
    (columns, rows)
}

fn contract_rows(export: &GdprExport, w: &Words) -> Rows {
    let columns = w.columns(&[
        ("number", CellKind::Text),
        ("stay", CellKind::Text),
        ("accommodation", CellKind::Text),
        ("arrival", CellKind::Date),
        ("departure", CellKind::Date),
        ("occupants", CellKind::Text),
        ("total", CellKind::Text),
        ("status", CellKind::Text),
        ("signed_at", CellKind::DateTime),
    ]);
    let rows = export
        .contracts
        .iter()
        .map(|c| {
            vec![
                text(&c.number),
                text(&c.stay_reference),
                text(&c.accommodation),
                Cell::Date(c.arrival),
                Cell::Date(c.departure),
                list(c.occupants.iter().map(String::as_str)),
                money(&c.totals.vat.total_incl_vat),
                w.value("contract", &c.status),
                c.signature
                    .as_ref()
                    .map_or(Cell::Empty, |s| w.instant(s.signed_at)),
            ]
        })
        .collect();
    (columns, rows)
}

fn signature_rows(export: &GdprExport, w: &Words) -> Rows {
    let columns = w.columns(&[
        ("document", CellKind::Text),
        ("number", CellKind::Text),
        ("signer", CellKind::Text),
        ("email", CellKind::Text),
        ("signed_at", CellKind::DateTime),
        ("ip", CellKind::Text),
        ("user_agent", CellKind::Text),
        ("consent", CellKind::Text),
        ("document_sha256", CellKind::Text),
        ("drawn", CellKind::Bool),
    ]);
    let row = |document: &str, number: &str, s: &Signature| {
        vec![
            Cell::from(w.text(&format!("document-{document}"))),
            text(number),
            text(&s.signer_name),
            optional(s.signer_email.as_deref()),
            w.instant(s.signed_at),
            optional(s.ip.as_deref()),
            optional(s.user_agent.as_deref()),
            text(&s.consent_text),
            text(&s.document_sha256),
            Cell::Bool(s.image.is_some()),
        ]
    };
    let quotes = export
        .quotes
        .iter()
        .filter_map(|q| q.acceptance.as_ref().map(|s| row("quote", &q.number, s)));
    let contracts = export
        .contracts
        .iter()
        .filter_map(|c| c.signature.as_ref().map(|s| row("contract", &c.number, s)));
    (columns, quotes.chain(contracts).collect())
}

fn account_rows(export: &GdprExport, w: &Words) -> Rows {
    let columns = w.columns(&[
        ("email", CellKind::Text),
        ("verified", CellKind::Bool),
        ("created_at", CellKind::DateTime),
    ]);
    let rows = export
        .accounts
        .iter()
        .map(|a| {
            vec![
                text(&a.email),
                Cell::Bool(a.verified),
                w.instant(a.created_at),
            ]
        })
        .collect();
    (columns, rows)
}

fn appointment_rows(export: &GdprExport, w: &Words) -> Rows {
    let columns = w.columns(&[
        ("pet", CellKind::Text),
        ("start", CellKind::DateTime),
        ("end", CellKind::DateTime),
        ("status", CellKind::Text),
        ("comment", CellKind::Text),
        ("requested_at", CellKind::DateTime),
        ("decline_reason", CellKind::Text),
    ]);
    let rows = export
        .appointments
        .iter()
        .map(|a| {
            vec![
                text(&a.pet),
                Cell::DateTime(a.start),
                Cell::DateTime(a.end),
                w.value("appointment", &a.status),
                optional(a.comment.as_deref()),
                w.instant(a.requested_at),
                optional(a.decline_reason.as_deref()),
            ]
        })
        .collect();
    (columns, rows)
}

fn event_rows(export: &GdprExport, w: &Words) -> Rows {
    let columns = vec![
        w.column("occurred_at", CellKind::DateTime),
        w.column("description", CellKind::Text).with_width(80.0),
        w.column("event", CellKind::Text),
        w.column("sequence", CellKind::Integer),
        w.column("entry_sha256", CellKind::Text),
    ];
    let rows = export
        .events
        .iter()
        .map(|e| {
            vec![
                w.instant(e.event.occurred_at()),
                Cell::from(e.event.describe(w.locale)),
                text(e.event.kind()),
                i64::try_from(e.sequence)
                    .map_or_else(|_| text(&e.sequence.to_string()), Cell::Integer),
                text(&e.sha256),
            ]
        })
        .collect();
    (columns, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every value of every enum the workbook names, read as that enum (so a renamed value
    /// fails here), has its label in every language.
    #[test]
    fn every_value_shown_has_a_label_in_every_language() {
        fn names<T: serde::de::DeserializeOwned>(family: &str, names: &[&str]) -> Vec<String> {
            names
                .iter()
                .map(|name| {
                    serde_json::from_value::<T>(serde_json::json!(name)).unwrap();
                    format!("gdpr-{family}-{name}")
                })
                .collect()
        }
        let mut ids = Vec::new();
        ids.extend(names::<Locale>("locale", &["fr", "en", "es"]));
        ids.extend(names::<crate::client::ClientKind>(
            "kind",
            &["stayer", "prospect", "resident", "tour_operator"],
        ));
        ids.extend(names::<crate::stay::StayStatus>(
            "stay",
            &[
                "option",
                "confirmed",
                "in_progress",
                "completed",
                "cancelled",
                "resident",
            ],
        ));
        ids.extend(names::<crate::quote::QuoteStatus>(
            "quote",
            &["sent", "accepted"],
        ));
        ids.extend(names::<crate::invoice::InvoiceKind>(
            "invoice",
            &[
                "deposit",
                "balance",
                "final",
                "side_sale",
                "rent",
                "cancellation_fee",
                "credit_note",
            ],
        ));
        ids.extend(names::<crate::invoice::InvoiceStatus>(
            "invoice",
            &["draft", "issued", "partly_paid", "paid", "cancelled"],
        ));
        ids.extend(names::<crate::payment::PaymentMethod>(
            "method",
            &[
                "card",
                "bank_transfer",
                "cheque",
                "cash",
                "holiday_vouchers",
                "other",
                "carried",
            ],
        ));
        ids.extend(names::<crate::contract::ContractStatus>(
            "contract",
            &["sent", "signed"],
        ));
        ids.extend(names::<crate::appointment::AppointmentStatus>(
            "appointment",
            &["requested", "confirmed", "declined", "cancelled"],
        ));
        ids.extend([
            "gdpr-document-quote".into(),
            "gdpr-document-contract".into(),
        ]);
        for locale in Locale::ALL {
            let keys = i18n::keys(locale);
            for id in &ids {
                assert!(keys.binary_search(id).is_ok(), "{locale}: {id}");
            }
        }
    }
}
