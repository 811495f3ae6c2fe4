//! Node bindings of hospes: a native addon with two functions, `call` and `schema`. The
//! `hospes` package (index.js) builds the idiomatic API on top: camelCase functions and
//! properties, decimals as strings, calendar dates as `YYYY-MM-DD`, errors with a `.code`.
//! A panic in a synchronous addon function aborts Node, so both are `catch_unwind`, and
//! `hospes::wire::call` itself answers every failure with an error envelope.

use napi_derive::napi;

/// Runs operation `op` on the JSON object `input`; returns the JSON envelope
/// `{"ok": …}` or `{"error": {"code", "family", "message", "messages"}}`.
#[napi(catch_unwind)]
pub fn call(op: String, input: String) -> String {
    hospes::wire::call(&op, &input)
}

/// The JSON Schema of every operation and type, as a JSON string.
#[napi(catch_unwind)]
pub fn schema() -> String {
    hospes::wire::schema().to_string()
}
