//! Python bindings of hospes: a native module `hospes._native` with two functions, `call` and
//! `schema`. The `hospes` package (python/hospes) builds the typed, idiomatic API on top: one
//! function per operation, `decimal.Decimal`, `datetime.date`, aware `datetime`, exceptions with
//! a `.code`. Nothing here can panic into Python: `hospes::wire::call` answers every failure,
//! a bug included, with an error envelope.

use pyo3::prelude::*;

/// Runs operation `op` on the JSON object `input`; returns the JSON envelope
/// `{"ok": …}` or `{"error": {"code", "family", "message", "messages"}}`.
/// The GIL is released while hospes works.
#[pyfunction]
fn call(py: Python<'_>, op: &str, input: &str) -> String {
    py.detach(|| hospes::wire::call(op, input))
}

/// The JSON Schema of every operation and type, as a JSON string.
#[pyfunction]
fn schema() -> String {
    hospes::wire::schema().to_string()
}

/// The native half of the `hospes` package.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(call, m)?)?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
