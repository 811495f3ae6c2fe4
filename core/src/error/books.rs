//! The errors of the books: journal entries and the FEC, and the internal error. The last part
//! of the table of [`Error`](super::Error), after `guest` and `business`.

/// Hands `$callback` every family of the guest's part, then `$more` (the business's part), then
/// this part's.
macro_rules! books_families {
    ($callback:ident; $($more:tt)*) => {
        guest_families! { $callback;
            $($more)*
            /// Journal entries or a FEC that cannot be made: a chart that contradicts itself, a draft,
            /// an unbalanced entry (`accounting.*`).
            Accounting = "accounting" {
                /// A chart of accounts that contradicts itself.
                #[error("invalid chart of accounts, {field}: {detail}")]
                ChartInvalid = "accounting.chart_invalid" {
                    /// The field (`sales.accommodation`, `vat_collected`).
                    field: String,
                    /// What is wrong, with the value.
                    detail: String,
                },
                /// A draft invoice (no number or issue date) handed to the journal.
                #[error("invoice `{number}` is a draft: only issued documents are booked")]
                NotIssued = "accounting.not_issued" {
                    /// Its number, if any.
                    number: String,
                },
                /// A payment on an invoice that was not handed with it.
                #[error("payment `{key}` is on invoice `{invoice_number}`, which was not given")]
                InvoiceUnknown = "accounting.invoice_unknown" {
                    /// The invoice's number.
                    invoice_number: String,
                    /// The payment's key.
                    key: String,
                },
                /// An invoice or payment that cannot be booked as it is.
                #[error("document `{reference}` cannot be booked: {detail}")]
                DocumentInvalid = "accounting.document_invalid" {
                    /// The invoice's number, the payment's key or the journal's code.
                    reference: String,
                    /// What is wrong.
                    detail: String,
                },
                /// An entry whose debits and credits differ.
                #[error("entry {entry} is unbalanced: debit {debit}, credit {credit}")]
                EntryUnbalanced = "accounting.entry_unbalanced" {
                    /// The entry (`VE000042 (FA26030042)`).
                    entry: String,
                    /// Its debits.
                    debit: String,
                    /// Its credits.
                    credit: String,
                },
                /// An entry the FEC cannot hold.
                #[error("entry {entry} cannot be written: {detail}")]
                JournalEntryInvalid = "accounting.entry_invalid" {
                    /// The entry.
                    entry: String,
                    /// What is wrong.
                    detail: String,
                },
                /// A SIREN that is not nine digits with a valid key.
                #[error("`{value}` is not a SIREN")]
                SirenInvalid = "accounting.siren_invalid" {
                    /// The value given.
                    value: String,
                },
            }
            /// A bug in hospes, reported instead of crashing: please report it.
            Internal = "internal" {
                /// Something that cannot happen did; reported instead of crashing the host.
                #[error("internal error: {detail}")]
                Internal = "internal.error" {
                    /// What failed.
                    detail: String,
                },
            }
        }
    };
}
