//! Python values to hospes's canonical JSON, in Rust: the arguments of every call.
//!
//! The rules are those of the wire form (docs/python.md): `decimal.Decimal` becomes its string,
//! `datetime.date` `YYYY-MM-DD`, an aware `datetime` RFC 3339 UTC (`…Z`); a float is refused
//! (money is never a float), a naive datetime too, and any other type; dictionary keys must be
//! strings. A refusal names where the value was (`$.context.stay.lines[0].quantity`).
//!
//! Done here rather than with the `json` module and a `default` hook because that costs more
//! than hospes itself on a record-sized argument: a mail's context took 27 µs that way, 9.9 µs here.

use std::io::Write as _;

use base64ct::{Base64, Encoding};
use pyo3::exceptions::PyValueError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType,
};

static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DATETIME: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static UTC: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static FORMAT: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// A refusal, and the path to the value refused, innermost segment first.
struct Refusal {
    path: Vec<String>,
    message: String,
}

impl Refusal {
    fn new(message: String) -> Refusal {
        Refusal {
            path: Vec::new(),
            message,
        }
    }

    fn at(mut self, segment: String) -> Refusal {
        self.path.push(segment);
        self
    }
}

impl From<PyErr> for Refusal {
    fn from(err: PyErr) -> Refusal {
        Refusal::new(err.to_string())
    }
}

/// The canonical JSON of `value`; a value the wire form does not take raises `ValueError`
/// with its path and what is wrong, for the Python wrapper to raise as `InputError`.
#[pyfunction]
pub fn encode(value: &Bound<'_, PyAny>) -> PyResult<String> {
    let mut out = Vec::with_capacity(1024);
    write(value, &mut out).map_err(|refusal| {
        let mut path = String::from("$");
        for segment in refusal.path.iter().rev() {
            path.push_str(segment);
        }
        PyValueError::new_err(format!("{path}: {}", refusal.message))
    })?;
    String::from_utf8(out).map_err(|e| PyValueError::new_err(e.to_string()))
}

fn write(value: &Bound<'_, PyAny>, out: &mut Vec<u8>) -> Result<(), Refusal> {
    let py = value.py();
    if value.is_none() {
        out.extend_from_slice(b"null");
    } else if let Ok(text) = value.cast::<PyString>() {
        string(text.to_str()?, out);
    } else if let Ok(bytes) = value.cast::<PyBytes>() {
        // Files (a logo, a font) cross the wire as standard base64.
        string(&Base64::encode_string(bytes.as_bytes()), out);
    } else if let Ok(bytes) = value.cast::<PyByteArray>() {
        string(&Base64::encode_string(&bytes.to_vec()), out);
    } else if let Ok(flag) = value.cast::<PyBool>() {
        out.extend_from_slice(if flag.is_true() { b"true" } else { b"false" });
    } else if let Ok(dict) = value.cast::<PyDict>() {
        out.push(b'{');
        for (i, (key, item)) in dict.iter().enumerate() {
            let Ok(key) = key.cast::<PyString>() else {
                return Err(Refusal::new(format!("key {} is not a string", key.repr()?)));
            };
            let key = key.to_str()?;
            if i > 0 {
                out.push(b',');
            }
            string(key, out);
            out.push(b':');
            write(&item, out).map_err(|r| r.at(format!(".{key}")))?;
        }
        out.push(b'}');
    } else if let Ok(list) = value.cast::<PyList>() {
        sequence(list.iter(), out)?;
    } else if let Ok(tuple) = value.cast::<PyTuple>() {
        sequence(tuple.iter(), out)?;
    } else if value.cast::<PyInt>().is_ok() {
        let _ = out.write_all(value.str()?.to_str()?.as_bytes());
    } else if value.cast::<PyFloat>().is_ok() {
        return Err(Refusal::new(format!(
            "floats are not accepted, use decimal.Decimal (or a string) for {}",
            value.repr()?
        )));
    } else if value.is_instance(DECIMAL.import(py, "decimal", "Decimal")?)? {
        // `str` writes plain digits for the amounts hospes meets; exponents, NaN and infinities
        // (all with a letter) take the careful path.
        let plain = value.str()?;
        let plain = plain.to_str()?;
        if !plain.bytes().any(|b| b.is_ascii_alphabetic()) {
            string(plain, out);
        } else if !value.call_method0(intern!(py, "is_finite"))?.is_truthy()? {
            return Err(Refusal::new(format!("{plain} is not a finite decimal")));
        } else {
            let format = FORMAT.get_or_try_init(py, || {
                PyResult::Ok(py.import("builtins")?.getattr("format")?.unbind())
            })?;
            let text = format.bind(py).call1((value, intern!(py, "f")))?;
            string(text.cast::<PyString>().map_err(PyErr::from)?.to_str()?, out);
        }
    } else if value.is_instance(DATETIME.import(py, "datetime", "datetime")?)? {
        if value.call_method0(intern!(py, "utcoffset"))?.is_none() {
            return Err(Refusal::new(format!(
                "naive datetime {}; pass an aware datetime",
                value.call_method0("isoformat")?.str()?
            )));
        }
        let utc = UTC.get_or_try_init(py, || {
            PyResult::Ok(
                py.import("datetime")?
                    .getattr("timezone")?
                    .getattr("utc")?
                    .unbind(),
            )
        })?;
        let text = value
            .call_method1(intern!(py, "astimezone"), (utc.bind(py),))?
            .call_method0(intern!(py, "isoformat"))?
            .str()?
            .to_str()?
            .replace("+00:00", "Z");
        string(&text, out);
    } else if value.is_instance(DATE.import(py, "datetime", "date")?)? {
        let text = value.call_method0(intern!(py, "isoformat"))?;
        string(text.cast::<PyString>().map_err(PyErr::from)?.to_str()?, out);
    } else {
        return Err(Refusal::new(format!(
            "{} is not accepted here",
            value.get_type().name()?
        )));
    }
    Ok(())
}

fn sequence<'py>(
    items: impl Iterator<Item = Bound<'py, PyAny>>,
    out: &mut Vec<u8>,
) -> Result<(), Refusal> {
    out.push(b'[');
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write(&item, out).map_err(|r| r.at(format!("[{i}]")))?;
    }
    out.push(b']');
    Ok(())
}

/// A JSON string literal, escaped by serde_json.
fn string(text: &str, out: &mut Vec<u8>) {
    let _ = serde_json::to_writer(out, text);
}
