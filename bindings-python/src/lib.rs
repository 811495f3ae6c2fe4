//! Python bindings of hospes: a native module `hospes._native` with the functions `call`,
//! `call_for_file`, `schema` and `error_families`, and the `Keyring`, `Pricer`, `Mailer` and
//! `Register` classes holding parsed link keys, a parsed price catalogue, a compiled mail
//! template and the client register. The
//! `hospes` package (python/hospes) builds the typed, idiomatic API on top: one function per
//! operation, `decimal.Decimal`, `datetime.date`, aware `datetime`, exceptions with a `.code`.
//! Nothing here can panic into Python: `hospes::wire::call` answers every failure, a bug
//! included, with an error envelope.

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

mod convert;
mod encode;

/// Runs operation `op` with the named arguments `args` (a `dict` of Python values) and gives its
/// result as Python values: the arguments are encoded to the wire form in Rust, checked against
/// the schema (`encode`), and the result is built from the Rust value by the schema of its type
/// (`convert`), without JSON text in between: `Decimal`, `date`, aware `datetime`, `bytes` for a
/// file. A refused argument or an error raises its `HospesError`. The GIL is released while
/// hospes works.
#[pyfunction]
fn invoke(py: Python<'_>, op: &str, args: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    let input = encode::arguments(args, op)?;
    let returned = py.detach(|| hospes::wire::call_returned(op, &input));
    convert::answer(py, op, returned)
}

/// `invoke` for a held value.
fn invoke_held<H: hospes::wire::Held + Sync>(
    held: &H,
    py: Python<'_>,
    op: &str,
    args: &Bound<'_, PyAny>,
) -> PyResult<Py<PyAny>> {
    let input = encode::arguments(args, op)?;
    let returned = py.detach(|| hospes::wire::call_held_returned(held, op, &input));
    convert::answer(py, op, returned)
}

/// Runs operation `op` on the JSON object `input`; returns the JSON envelope
/// `{"ok": …}` or `{"error": {"code", "family", "message", "messages", "args"}}`.
/// The GIL is released while hospes works.
#[pyfunction]
fn call(py: Python<'_>, op: &str, input: &str) -> String {
    py.detach(|| hospes::wire::call(op, input))
}

/// Runs operation `op` like `call`, except that an operation returning a file (a PDF) gives its
/// bytes as `bytes`, not base64 inside the envelope; every other answer, and every error, is the
/// envelope as a `str`. The GIL is released while hospes works.
#[pyfunction]
fn call_for_file<'py>(py: Python<'py>, op: &str, input: &str) -> Bound<'py, PyAny> {
    match py.detach(|| hospes::wire::call_for_file(op, input)) {
        hospes::wire::Answer::File(bytes) => PyBytes::new(py, &bytes).into_any(),
        hospes::wire::Answer::Envelope(json) => PyString::new(py, &json).into_any(),
    }
}

/// The error envelope of a value the Python package refused itself
/// (`hospes::wire::input_refusal`): the same code and messages in every language as an error
/// from the core.
#[pyfunction]
fn refusal(code: &str, path: &str, detail: &str, received: &str) -> String {
    hospes::wire::input_refusal(code, path, detail, received)
}

/// The JSON Schema of every operation and type, as a JSON string.
#[pyfunction]
fn schema() -> String {
    hospes::wire::schema().to_string()
}

/// Every error family of hospes, in the order of the Rust table, as `(name, doc line)` pairs:
/// `tools/gen_errors.py` writes the exception classes of `hospes.errors` from them.
#[pyfunction]
fn error_families() -> Vec<(&'static str, &'static str)> {
    hospes::error::ErrorFamily::ALL
        .iter()
        .map(|family| (family.as_str(), family.doc()))
        .collect()
}

/// The host's link keys, parsed once: `link.issue` and `link.verify` without re-reading the
/// keys on every link. The `hospes.Keyring` class wraps it.
#[pyclass(frozen, module = "hospes._native")]
struct Keyring(hospes::link::Keyring);

#[pymethods]
impl Keyring {
    /// Parses the keyring config (JSON); a bad key raises `ValueError` carrying the error
    /// envelope, which the Python wrapper turns into `LinkError`.
    #[new]
    fn new(config: &str) -> PyResult<Self> {
        hospes::wire::hold(config)
            .map(Keyring)
            .map_err(pyo3::exceptions::PyValueError::new_err)
    }

    /// Runs `link.issue` or `link.verify` (their arguments less `keyring`, as JSON); returns the
    /// JSON envelope. The GIL is released while hospes works.
    fn call(&self, py: Python<'_>, op: &str, input: &str) -> String {
        py.detach(|| hospes::wire::call_held(&self.0, op, input))
    }

    /// Runs the operation `op` with the named arguments `args` (Python values) and gives its
    /// result as Python values, like the module's `invoke`.
    fn invoke(&self, py: Python<'_>, op: &str, args: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        invoke_held(&self.0, py, op, args)
    }

    /// The PASERK id (`k4.lid.…`) of the active key, safe to log.
    #[getter]
    fn active_key_id(&self) -> &str {
        self.0.active_key_id()
    }

    fn __repr__(&self) -> String {
        format!("Keyring(active_key_id={:?})", self.0.active_key_id())
    }
}

/// The price catalogue, parsed and checked once: `pricing.price` and `quote.create` without
/// re-reading it on every call. The `hospes.Pricer` class wraps it.
#[pyclass(frozen, module = "hospes._native")]
struct Pricer(hospes::pricing::Catalogue);

#[pymethods]
impl Pricer {
    /// Parses and checks the catalogue (JSON); a bad one raises `ValueError` carrying the error
    /// envelope, which the Python wrapper turns into the typed error.
    #[new]
    fn new(catalogue: &str) -> PyResult<Self> {
        hospes::wire::hold(catalogue)
            .map(Pricer)
            .map_err(pyo3::exceptions::PyValueError::new_err)
    }

    /// Runs `pricing.price` or `quote.create` (their arguments less `catalogue`, as JSON);
    /// returns the JSON envelope. The GIL is released while hospes works.
    fn call(&self, py: Python<'_>, op: &str, input: &str) -> String {
        py.detach(|| hospes::wire::call_held(&self.0, op, input))
    }

    /// Runs the operation `op` with the named arguments `args` (Python values) and gives its
    /// result as Python values, like the module's `invoke`.
    fn invoke(&self, py: Python<'_>, op: &str, args: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        invoke_held(&self.0, py, op, args)
    }
}

/// A mail template, checked and compiled once: `mail.render` for every guest without compiling
/// it again. The `hospes.Mailer` class wraps it.
#[pyclass(frozen, module = "hospes._native")]
struct Mailer(hospes::mail::CompiledMail);

#[pymethods]
impl Mailer {
    /// Checks and compiles the template (JSON); a bad one raises `ValueError` carrying the error
    /// envelope (`mail.tag_unknown` …), which the Python wrapper turns into `MailError`.
    #[new]
    fn new(template: &str) -> PyResult<Self> {
        hospes::wire::hold(template)
            .map(Mailer)
            .map_err(pyo3::exceptions::PyValueError::new_err)
    }

    /// Runs `mail.render` or `mail.check` (their arguments less `template`, as JSON); returns
    /// the JSON envelope. The GIL is released while hospes works.
    fn call(&self, py: Python<'_>, op: &str, input: &str) -> String {
        py.detach(|| hospes::wire::call_held(&self.0, op, input))
    }

    /// Runs the operation `op` with the named arguments `args` (Python values) and gives its
    /// result as Python values, like the module's `invoke`.
    fn invoke(&self, py: Python<'_>, op: &str, args: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        invoke_held(&self.0, py, op, args)
    }

    /// Renders the mail for a prepared context, as `invoke("mail.render", …)` does for the same
    /// context given as a record, without encoding and reading it again.
    fn render_prepared(
        &self,
        py: Python<'_>,
        context: &PreparedMailContext,
    ) -> PyResult<Py<PyAny>> {
        let returned = py.detach(|| hospes::wire::render_held(&self.0, &context.0));
        convert::answer(py, "mail.render", returned)
    }
}

/// A mail's context (establishment, client, stay, amounts, links), parsed and checked once:
/// every `Mailer` renders it without reading the records again. The
/// `hospes.PreparedMailContext` class wraps it.
#[pyclass(frozen, module = "hospes._native")]
struct PreparedMailContext(hospes::mail::PreparedContext);

#[pymethods]
impl PreparedMailContext {
    /// Parses and checks the context (JSON); a bad one raises `ValueError` carrying the error
    /// envelope, which the Python wrapper turns into the typed error.
    #[new]
    fn new(context: &str) -> PyResult<Self> {
        hospes::wire::hold(context)
            .map(PreparedMailContext)
            .map_err(pyo3::exceptions::PyValueError::new_err)
    }
}

/// The client register, held in memory and shared by the host's threads: built from the
/// host's rows, kept current with `register.upsert` and `register.remove`, searched many times.
/// The `hospes.Register` class wraps it.
#[pyclass(frozen, module = "hospes._native")]
struct Register(hospes::wire::HeldRegister);

#[pymethods]
impl Register {
    /// Builds the register from its source (JSON: config and first entries); a bad one raises
    /// `ValueError` carrying the error envelope, which the Python wrapper turns into the typed
    /// error.
    #[new]
    fn new(py: Python<'_>, source: &str) -> PyResult<Self> {
        py.detach(|| hospes::wire::hold(source))
            .map(Register)
            .map_err(pyo3::exceptions::PyValueError::new_err)
    }

    /// Runs a `register.*` operation (its arguments less `register`, as JSON); returns the JSON
    /// envelope. The GIL is released while hospes works.
    fn call(&self, py: Python<'_>, op: &str, input: &str) -> String {
        py.detach(|| hospes::wire::call_held(&self.0, op, input))
    }

    /// Runs the operation `op` with the named arguments `args` (Python values) and gives its
    /// result as Python values, like the module's `invoke`.
    fn invoke(&self, py: Python<'_>, op: &str, args: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        invoke_held(&self.0, py, op, args)
    }

    /// Runs a `register.*` operation like `call`, except that a file (labels, an export) comes
    /// as `bytes`.
    fn call_for_file<'py>(&self, py: Python<'py>, op: &str, input: &str) -> Bound<'py, PyAny> {
        match py.detach(|| hospes::wire::call_held_for_file(&self.0, op, input)) {
            hospes::wire::Answer::File(bytes) => PyBytes::new(py, &bytes).into_any(),
            hospes::wire::Answer::Envelope(json) => PyString::new(py, &json).into_any(),
        }
    }

    /// Clients held.
    fn __len__(&self) -> usize {
        self.0.read().len()
    }
}

/// The native half of the `hospes` package.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(call, m)?)?;
    m.add_function(wrap_pyfunction!(invoke, m)?)?;
    m.add_function(wrap_pyfunction!(call_for_file, m)?)?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    m.add_function(wrap_pyfunction!(refusal, m)?)?;
    m.add_function(wrap_pyfunction!(error_families, m)?)?;
    m.add_function(wrap_pyfunction!(encode::encode, m)?)?;
    m.add_class::<Keyring>()?;
    m.add_class::<Pricer>()?;
    m.add_class::<Mailer>()?;
    m.add_class::<PreparedMailContext>()?;
    m.add_class::<Register>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    convert::prepare();
    Ok(())
}
