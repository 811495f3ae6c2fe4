//! The wire boundary: every operation of hospes callable by name with JSON arguments.
//!
//! The Python and Node bindings, and the shared conformance vectors in `tests/vectors/`, go
//! through [`call`]: an operation name (`client.normalize`), a JSON object of named arguments in
//! the canonical wire form (snake_case keys, decimals as strings, dates as `YYYY-MM-DD`, instants
//! as RFC 3339), and back a JSON envelope: `{"ok": value}` or `{"error": {"code", "family",
//! "message", "messages", "args"}}`. With the `schema` feature, `schema()` describes every operation and
//! type so that bindings generate their stubs and convert decimals and dates to native types.
//!
//! ```
//! let out = hospes::wire::call("money.add", r#"{"a": {"amount": "1.10", "currency": "EUR"}, "b": {"amount": "2.20", "currency": "EUR"}}"#);
//! assert_eq!(out, r#"{"ok":{"amount":"3.30","currency":"EUR"}}"#);
//! let err = hospes::wire::call("money.add", r#"{"a": {"amount": "1", "currency": "EUR"}, "b": {"amount": "1", "currency": "USD"}}"#);
//! assert!(err.contains(r#""code":"money.currency_mismatch""#));
//! ```

use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::error::Error;

mod envelope;
mod held;
mod operations;
#[cfg(feature = "schema")]
mod schema;
#[cfg(feature = "schema")]
pub mod shape;
mod sink;
mod table;
pub mod types;

use envelope::settle;
pub use envelope::{Answer, error_envelope, input_refusal};
pub use held::{
    Held, HeldRegister, call_held, call_held_for_file, call_held_returned, hold, render_held,
};
pub use operations::{LocalDateTime, OPERATIONS, Operation, ops};
#[cfg(feature = "schema")]
pub use schema::schema;
pub use sink::{Output, Returned, Sink, Unsupported};
// The canonical JSON form lives in the codec, beneath the domain; these are its names here too.
pub use crate::codec::{DecimalString, MAX_DEPTH, MAX_INPUT, from_json, to_json};

/// Runs operation `op` on the JSON object `input` and returns the JSON envelope. Never panics:
/// a bug inside hospes comes back as an `internal.error` envelope.
///
/// ```
/// let out = hospes::wire::call("money.round", r#"{"money": {"amount": "2.345", "currency": "EUR"}}"#);
/// assert_eq!(out, r#"{"ok":{"amount":"2.35","currency":"EUR"}}"#);
/// ```
pub fn call(op: &str, input: &str) -> String {
    // In the envelope a file is base64.
    call_for_file(op, input).into_envelope()
}

/// Runs operation `op` like [`call`], except that an operation returning a file (a PDF) answers
/// with the file's bytes themselves, not base64 inside an envelope: the bindings hand them on as
/// Python `bytes` or a Node `Buffer` without decoding. Every other answer, and every error, is
/// the envelope [`call`] returns. Never panics.
///
/// ```
/// use hospes::wire::{call_for_file, Answer};
/// let invoice = include_str!("../tests/data/invoice.json");
/// let Answer::File(pdf) = call_for_file("pdf.invoice", &format!(r#"{{"invoice": {invoice}}}"#)) else {
///     panic!("no PDF")
/// };
/// assert!(pdf.starts_with(b"%PDF-1.7"));
/// // Every other answer, and every error, is the envelope `call` gives.
/// let rounded = call_for_file("money.round", r#"{"money": {"amount": "2.345", "currency": "EUR"}}"#);
/// assert_eq!(rounded, Answer::Envelope(r#"{"ok":{"amount":"2.35","currency":"EUR"}}"#.into()));
/// let Answer::Envelope(error) = call_for_file("pdf.invoice", "{}") else { panic!("no error") };
/// assert!(error.contains(r#""code":"input.invalid""#));
/// ```
pub fn call_for_file(op: &str, input: &str) -> Answer {
    let outcome =
        catch_unwind(AssertUnwindSafe(|| {
            let operation = OPERATIONS.iter().find(|o| o.name == op).ok_or_else(|| {
                Error::OperationUnknown {
                    op: op.chars().take(100).collect(),
                }
            })?;
            (operation.run)(input)?.into_answer()
        }));
    settle(op, outcome).unwrap_or_else(Answer::Envelope)
}

/// Runs operation `op` on the JSON object `input` like [`call`], and hands back
/// what it returned, for the binding to build; an error is the envelope `call` answers. Never
/// panics.
pub fn call_returned(op: &str, input: &str) -> std::result::Result<Returned, String> {
    let outcome =
        catch_unwind(AssertUnwindSafe(|| {
            let operation = OPERATIONS.iter().find(|o| o.name == op).ok_or_else(|| {
                Error::OperationUnknown {
                    op: op.chars().take(100).collect(),
                }
            })?;
            (operation.run)(input)
        }));
    settle(op, outcome)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::FileBytes;
    use serde_json::Value;

    #[test]
    fn an_unknown_operation_is_named_in_the_error() {
        let out = call("client.delete_everything", "{}");
        assert!(out.contains(r#""code":"input.operation_unknown""#), "{out}");
        assert!(out.contains("client.delete_everything"));
    }

    #[test]
    fn a_wrong_type_is_reported_with_its_path() {
        let out = call(
            "money.round",
            r#"{"money": {"amount": 12.5, "currency": "EUR"}}"#,
        );
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["error"]["code"], "input.wrong_type");
        assert!(
            v["error"]["message"]
                .as_str()
                .unwrap()
                .contains("money.amount"),
            "{out}"
        );
    }

    #[test]
    fn nesting_past_thirty_two_levels_is_too_deep() {
        // An event is read whole before its kind is known: the nesting inside is read too.
        let deep = format!(
            r#"{{"last": null, "events": [{{"deep": {}1{}, "type": "x"}}]}}"#,
            "[".repeat(200),
            "]".repeat(200)
        );
        let v: Value = serde_json::from_str(&call("event.append_log", &deep)).unwrap();
        assert_eq!(v["error"]["code"], "input.too_deep", "{v}");
    }

    #[test]
    fn a_bad_currency_deep_in_a_record_keeps_its_own_code() {
        let out = call(
            "money.round",
            r#"{"money": {"amount": "1", "currency": "EURO"}}"#,
        );
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["error"]["code"], "money.currency_unknown");
    }

    #[test]
    fn ten_megabytes_are_refused_before_parsing() {
        let huge = format!(r#"{{"money": "{}"}}"#, "a".repeat(10 * 1024 * 1024));
        let v: Value = serde_json::from_str(&call("money.round", &huge)).unwrap();
        assert_eq!(v["error"]["code"], "input.too_large");
    }

    #[test]
    fn a_pdf_asked_for_as_a_file_is_the_envelope_s_bytes_decoded() {
        let input = format!(
            r#"{{"invoice": {}}}"#,
            include_str!("../tests/data/invoice.json")
        );
        let Answer::File(pdf) = call_for_file("pdf.invoice", &input) else {
            panic!("pdf.invoice gave no file");
        };
        let envelope: Value = serde_json::from_str(&call("pdf.invoice", &input)).unwrap();
        let inside: FileBytes = serde_json::from_value(envelope["ok"].clone()).unwrap();
        assert_eq!(pdf, inside.0);
    }

    #[test]
    fn asked_for_a_file_an_unknown_operation_or_a_refused_input_is_still_an_envelope() {
        let Answer::Envelope(out) = call_for_file("pdf.everything", "{}") else {
            panic!("an unknown operation gave a file");
        };
        assert!(out.contains(r#""code":"input.operation_unknown""#), "{out}");
        let huge = format!(r#"{{"invoice": "{}"}}"#, "a".repeat(2 * MAX_INPUT));
        let Answer::Envelope(out) = call_for_file("pdf.invoice", &huge) else {
            panic!("a refused input gave a file");
        };
        assert!(out.contains(r#""code":"input.too_large""#), "{out}");
    }

    #[test]
    fn operation_names_are_unique() {
        let mut names: Vec<_> = OPERATIONS.iter().map(|o| o.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), OPERATIONS.len());
    }
}
