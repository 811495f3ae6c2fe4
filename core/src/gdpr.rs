//! The GDPR rights of a client over the client file: the **export** of everything the business
//! holds on them (art. 15, right of access, and art. 20, portability) and their **erasure**
//! (art. 17, right to be forgotten), record by record, within what French law requires the
//! business to keep.
//!
//! The host gathers one client's records in a [`GdprRecords`] — the client record, their stays,
//! residencies, quotes, invoices and credit notes, payments, contracts, portal accounts,
//! appointments and the entries of the hash-linked event logs that concern them — and calls:
//!
//! - [`export`]: one machine-readable [`GdprExport`] document (JSON in the wire form), with a
//!   format version, the controller, the subject's id, every section titled in the client's
//!   language. The business's private notes about the client are personal data about them and
//!   are part of it; a portal account's password hash never is.
//! - [`erase`]: the anonymised client record (a stable pseudonym, every contact detail wiped,
//!   `link_version` bumped so that no link sent to them verifies any more) and, for every record
//!   passed, what the host must do with it — delete it, store its anonymised form, or keep it
//!   until a date because the law requires it (invoices ten years; signed contracts ten when
//!   concluded online with a consumer, else five) — and the `client_erased` event to store.
//! - [`workbook`]: the export as an XLSX workbook a person reads, one sheet per section.
//!
//! What is kept, for how long and on which article of French law: `docs/gdpr.md`.
//!
//! Both refuse a record that belongs to another client (`client.record_foreign`, naming it): an
//! export must never carry someone else's data, nor an erasure plan delete it.
//!
//! ```
//! # let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/invoicing.json")).unwrap()).unwrap();
//! # let establishment: hospes::Establishment = serde_json::from_value(data["establishment"].clone()).unwrap();
//! # let client: hospes::Client = serde_json::from_value(data["client"].clone()).unwrap();
//! # let invoice: hospes::invoice::Invoice = serde_json::from_value(data["deposit_invoice"].clone()).unwrap();
//! use hospes::gdpr::{self, ErasureAction, GdprRecords};
//! let records = GdprRecords { invoices: vec![invoice], ..GdprRecords::new(client) };
//! let now = "2026-09-01T10:00:00Z".parse().unwrap();
//!
//! let export = gdpr::export(&records, &establishment, now).unwrap();
//! assert_eq!(export.subject_id, "C-1042");
//! assert_eq!(export.invoices.len(), 1);
//!
//! let erasure = gdpr::erase(&records, &establishment, now).unwrap();
//! assert_eq!(erasure.client.email, None);
//! assert_eq!(erasure.steps[0].action, ErasureAction::Keep);
//! assert_eq!(erasure.steps[0].keep_until, Some("2036-03-01".parse().unwrap()));
//! assert_eq!(erasure.events[0].kind(), "client_erased");
//! ```

mod erase;
mod export;
mod records;
mod workbook;
mod xlsx;

pub use erase::{
    CONSUMER_CONTRACT_THRESHOLD_EUR, ErasedRecord, ErasureAction, ErasureStep, GdprErasure,
    RetentionBasis, erase, pseudonym,
};
pub use export::{
    FORMAT_VERSION, GdprAccount, GdprController, GdprExport, GdprSection, GdprSectionKind, export,
};
pub use records::{GdprRecordKind, GdprRecords};
pub use workbook::workbook;
