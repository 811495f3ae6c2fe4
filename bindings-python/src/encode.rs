//! Python values to hospes's canonical JSON, in Rust: the arguments of every call.
//!
//! The rules are those of the wire form (docs/python.md): `decimal.Decimal` becomes its string,
//! `datetime.date` `YYYY-MM-DD`, an aware `datetime` RFC 3339 UTC (`…Z`), `bytes` base64. Each
//! value is checked against what its field takes ([`hospes::wire::shape`]), so nothing is
//! converted behind the caller's back: a `Decimal` or a `date` where text goes, bytes where a
//! name goes, a list where a record goes are refused (`input.wrong_type`, naming the field and
//! the type received). A float is refused (money is never a float), a naive datetime too.
//!
//! Nothing a caller hands over can crash or exhaust the process: nesting deeper than
//! [`hospes::wire::MAX_DEPTH`] is refused (`input.too_deep`), a value containing itself too
//! (`input.cyclic`), and the encoding stops as soon as it would pass [`hospes::wire::MAX_INPUT`]
//! (`input.too_large`) — a huge decimal exponent is refused before it is written out.
//!
//! Done here rather than with the `json` module and a `default` hook because that costs more
//! than hospes itself on a record-sized argument: a mail's context took 27 µs that way, 9.9 µs here.

use std::io::Write as _;

use base64ct::{Base64, Encoding};
use hospes::Error;
use hospes::wire::shape::{Received, Shape, Shapes};
use hospes::wire::{MAX_DEPTH, MAX_INPUT};
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

/// Digits a decimal may have before or after the point: rust_decimal's 28 (and one).
const DECIMAL_DIGITS: i64 = 29;

/// Why a value was refused; the path is added on the way out.
enum Why {
    WrongType { expected: String, received: String },
    TooDeep,
    Cyclic,
    TooLarge(usize),
    Invalid(String),
}

/// A refusal, and the path to the value refused, innermost segment first.
struct Refusal {
    path: Vec<String>,
    why: Why,
}

impl Refusal {
    fn new(why: Why) -> Refusal {
        Refusal {
            path: Vec::new(),
            why,
        }
    }

    fn invalid(message: String) -> Refusal {
        Refusal::new(Why::Invalid(message))
    }

    fn at(mut self, segment: String) -> Refusal {
        self.path.push(segment);
        self
    }

    /// The hospes error it is, with the full path (`$.client.last_name`).
    fn into_error(self) -> Error {
        let mut path = String::from("$");
        for segment in self.path.iter().rev() {
            path.push_str(segment);
        }
        match self.why {
            Why::WrongType { expected, received } => Error::InputWrongType {
                path,
                expected,
                received,
            },
            Why::TooDeep => Error::InputTooDeep {
                path,
                max: MAX_DEPTH,
            },
            Why::Cyclic => Error::InputCyclic { path },
            Why::TooLarge(size) => Error::InputTooLarge {
                size,
                max: MAX_INPUT,
            },
            Why::Invalid(message) => Error::InputInvalid {
                detail: format!("{path}: {message}"),
            },
        }
    }
}

impl From<PyErr> for Refusal {
    fn from(err: PyErr) -> Refusal {
        Refusal::invalid(err.to_string())
    }
}

/// The canonical JSON of `value`: the arguments of operation `op` by name, or, with `arg`, that
/// one argument alone (a held value: a keyring's config, a catalogue). A value the wire form
/// does not take raises `ValueError` whose text is the error envelope (`input.wrong_type`,
/// `input.too_deep`, …), for the Python wrapper to raise as `InputError`.
#[pyfunction]
#[pyo3(signature = (value, op = None, arg = None))]
pub fn encode(value: &Bound<'_, PyAny>, op: Option<&str>, arg: Option<&str>) -> PyResult<String> {
    encoded(value, op.unwrap_or_default(), arg).map_err(PyValueError::new_err)
}

/// The canonical JSON of the arguments of operation `op` (see [`encode`]); a refused value
/// raises its `InputError`, as the wrapper of `encode` does.
pub fn arguments(value: &Bound<'_, PyAny>, op: &str) -> PyResult<String> {
    encoded(value, op, None).map_err(|envelope| crate::convert::refusal(value.py(), &envelope))
}

/// The canonical JSON of `value`, or the error envelope of its refusal.
fn encoded(value: &Bound<'_, PyAny>, op: &str, arg: Option<&str>) -> Result<String, String> {
    let shapes = Shapes::get();
    let mut encoder = Encoder {
        shapes,
        op,
        out: Vec::with_capacity(1024),
        open: Vec::new(),
    };
    let written = match arg {
        Some(arg) => encoder.write(value, shapes.argument(encoder.op, arg)),
        None => encoder.arguments(value),
    };
    written.map_err(|refusal| hospes::wire::error_envelope(&refusal.into_error()).to_string())?;
    String::from_utf8(encoder.out).map_err(|e| {
        hospes::wire::error_envelope(&Error::InputInvalid {
            detail: e.to_string(),
        })
        .to_string()
    })
}

struct Encoder<'s> {
    shapes: &'s Shapes,
    op: &'s str,
    out: Vec<u8>,
    /// The records and lists being written, outermost first: their depth, and the cycle check.
    open: Vec<usize>,
}

impl Encoder<'_> {
    /// The top-level dictionary of arguments, each checked against its own shape.
    fn arguments(&mut self, value: &Bound<'_, PyAny>) -> Result<(), Refusal> {
        let Ok(dict) = value.cast::<PyDict>() else {
            return self.write(value, Shape::Borrowed(&[]));
        };
        let shapes = self.shapes;
        let op = self.op;
        self.record(dict, |key| shapes.argument(op, key))
    }

    /// Writes `value`, checked against `shape`. Kept small: it is the one function that
    /// recurses, once per level of nesting, and a host may call from a thread with a small stack.
    fn write(&mut self, value: &Bound<'_, PyAny>, shape: Shape<'_>) -> Result<(), Refusal> {
        let received = received(value)?;
        if let Err(expected) = self.shapes.check(&shape, received) {
            return Err(wrong_type(expected, value));
        }
        match received {
            Received::Record => {
                let dict = value.cast::<PyDict>().map_err(PyErr::from)?;
                let shapes = self.shapes;
                self.record(dict, |key| shapes.field(&shape, key))
            }
            Received::List => {
                let item = self.shapes.item(&shape);
                self.sequence(value, &item)
            }
            _ => self.scalar(value, received),
        }
    }

    /// Writes a value that holds no other.
    #[inline(never)]
    fn scalar(&mut self, value: &Bound<'_, PyAny>, received: Received) -> Result<(), Refusal> {
        match received {
            Received::Null => self.raw(b"null"),
            Received::Bool => self.raw(if value.is_truthy()? {
                b"true"
            } else {
                b"false"
            }),
            Received::Text => {
                let text = value.cast::<PyString>().map_err(PyErr::from)?;
                self.string(text_of(text)?)
            }
            // Python refuses to write an int of more than 4 300 digits; the size limit catches
            // the others.
            Received::Integer => self.raw(value.str()?.to_str()?.as_bytes()),
            Received::Bytes => self.bytes(value),
            Received::Decimal => self.decimal(value),
            Received::Instant => self.instant(value),
            Received::Date => {
                let text = value.call_method0(intern!(value.py(), "isoformat"))?;
                self.string(text.cast::<PyString>().map_err(PyErr::from)?.to_str()?)
            }
            Received::Record | Received::List => Ok(()),
        }
    }

    /// Enters a record or list: refused when it is one of its own parents or one too deep.
    fn enter(&mut self, value: &Bound<'_, PyAny>) -> Result<(), Refusal> {
        let id = value.as_ptr() as usize;
        if self.open.contains(&id) {
            return Err(Refusal::new(Why::Cyclic));
        }
        if self.open.len() >= MAX_DEPTH {
            return Err(Refusal::new(Why::TooDeep));
        }
        self.open.push(id);
        Ok(())
    }

    fn record<'a>(
        &mut self,
        dict: &Bound<'_, PyDict>,
        shape_of: impl Fn(&str) -> Shape<'a>,
    ) -> Result<(), Refusal> {
        self.enter(dict.as_any())?;
        self.out.push(b'{');
        for (i, (key, item)) in dict.iter().enumerate() {
            let Ok(key) = key.cast::<PyString>() else {
                return Err(Refusal::invalid(format!(
                    "key {} is not a string",
                    key.repr()?
                )));
            };
            let key = text_of(key)?;
            if i > 0 {
                self.out.push(b',');
            }
            self.string(key)?;
            self.out.push(b':');
            self.write(&item, shape_of(key))
                .map_err(|r| r.at(format!(".{key}")))?;
        }
        self.out.push(b'}');
        self.open.pop();
        Ok(())
    }

    fn sequence(&mut self, value: &Bound<'_, PyAny>, item: &[u32]) -> Result<(), Refusal> {
        self.enter(value)?;
        self.out.push(b'[');
        let items = match value.cast::<PyList>() {
            Ok(list) => list.iter().collect::<Vec<_>>(),
            Err(_) => value
                .cast::<PyTuple>()
                .map_err(PyErr::from)?
                .iter()
                .collect(),
        };
        for (i, element) in items.iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            self.write(element, Shape::Borrowed(item))
                .map_err(|r| r.at(format!("[{i}]")))?;
        }
        self.out.push(b']');
        self.open.pop();
        Ok(())
    }

    fn bytes(&mut self, value: &Bound<'_, PyAny>) -> Result<(), Refusal> {
        // Files (a logo, a font) cross the wire as standard base64; their size is checked before
        // anything is copied or encoded.
        if let Ok(bytes) = value.cast::<PyBytes>() {
            let data = bytes.as_bytes();
            self.fits(data.len().div_ceil(3) * 4)?;
            return self.string(&Base64::encode_string(data));
        }
        let array = value.cast::<PyByteArray>().map_err(PyErr::from)?;
        self.fits(array.len().div_ceil(3) * 4)?;
        self.string(&Base64::encode_string(&array.to_vec()))
    }

    fn decimal(&mut self, value: &Bound<'_, PyAny>) -> Result<(), Refusal> {
        let py = value.py();
        // `str` writes plain digits for the amounts hospes meets; exponents, NaN and infinities
        // (all with a letter) take the careful path.
        let plain = value.str()?;
        let plain = plain.to_str()?;
        if !plain.bytes().any(|b| b.is_ascii_alphabetic()) {
            return self.string(plain);
        }
        if !value.call_method0(intern!(py, "is_finite"))?.is_truthy()? {
            return Err(Refusal::invalid(format!("{plain} is not a finite decimal")));
        }
        // Written out, `1E+999999999` is a billion digits: refused from its exponent alone.
        let adjusted: i64 = value.call_method0(intern!(py, "adjusted"))?.extract()?;
        let exponent: i64 = value
            .call_method0(intern!(py, "as_tuple"))?
            .getattr(intern!(py, "exponent"))?
            .extract()?;
        if adjusted >= DECIMAL_DIGITS || exponent <= -DECIMAL_DIGITS {
            return Err(Refusal::invalid(format!(
                "{} is beyond the decimals hospes reads (at most 28 digits before and after the point)",
                plain.chars().take(40).collect::<String>()
            )));
        }
        let format = FORMAT.get_or_try_init(py, || {
            PyResult::Ok(py.import("builtins")?.getattr("format")?.unbind())
        })?;
        let text = format.bind(py).call1((value, intern!(py, "f")))?;
        self.string(text.cast::<PyString>().map_err(PyErr::from)?.to_str()?)
    }

    fn instant(&mut self, value: &Bound<'_, PyAny>) -> Result<(), Refusal> {
        let py = value.py();
        let utc = UTC.get_or_try_init(py, || {
            PyResult::Ok(
                py.import("datetime")?
                    .getattr("timezone")?
                    .getattr("utc")?
                    .unbind(),
            )
        })?;
        // Already in UTC (`astimezone` would answer the datetime itself): its ISO form, `Z` for
        // the offset, as below; for a `datetime` itself (no subclass redefining `isoformat`)
        // written here, as `isoformat` writes it, from its fields.
        if value.getattr(intern!(py, "tzinfo"))?.is(utc.bind(py)) {
            if value
                .get_type()
                .is(DATETIME.import(py, "datetime", "datetime")?)
            {
                let field = |name: &Bound<'_, PyString>| -> PyResult<u32> {
                    value.getattr(name)?.extract::<u32>()
                };
                let (year, month, day) = (
                    field(intern!(py, "year"))?,
                    field(intern!(py, "month"))?,
                    field(intern!(py, "day"))?,
                );
                let (hour, minute, second, micros) = (
                    field(intern!(py, "hour"))?,
                    field(intern!(py, "minute"))?,
                    field(intern!(py, "second"))?,
                    field(intern!(py, "microsecond"))?,
                );
                let mut text =
                    format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}");
                if micros != 0 {
                    text.push_str(&format!(".{micros:06}"));
                }
                text.push('Z');
                return self.string(&text);
            }
            let text = value
                .call_method0(intern!(py, "isoformat"))?
                .str()?
                .to_str()?
                .replace("+00:00", "Z");
            return self.string(&text);
        }
        if value.call_method0(intern!(py, "utcoffset"))?.is_none() {
            return Err(Refusal::invalid(format!(
                "naive datetime {}; pass an aware datetime",
                value.call_method0("isoformat")?.str()?
            )));
        }
        let text = value
            .call_method1(intern!(py, "astimezone"), (utc.bind(py),))?
            .call_method0(intern!(py, "isoformat"))?
            .str()?
            .to_str()?
            .replace("+00:00", "Z");
        self.string(&text)
    }

    /// Refuses to grow the output past the input limit.
    fn fits(&self, more: usize) -> Result<(), Refusal> {
        let size = self.out.len().saturating_add(more);
        if size > MAX_INPUT {
            return Err(Refusal::new(Why::TooLarge(size)));
        }
        Ok(())
    }

    fn raw(&mut self, bytes: &[u8]) -> Result<(), Refusal> {
        self.fits(bytes.len())?;
        let _ = self.out.write_all(bytes);
        Ok(())
    }

    /// A JSON string literal, escaped by serde_json.
    fn string(&mut self, text: &str) -> Result<(), Refusal> {
        self.fits(text.len())?;
        let _ = serde_json::to_writer(&mut self.out, text);
        self.fits(0)
    }
}

/// What kind of value `value` is; a float, or a type the wire form does not take, is refused.
/// The common types are told by their exact type first (a pointer comparison); subclasses take
/// the checks below, in the same order, which give the same kind for an exact type.
#[inline(never)]
fn received(value: &Bound<'_, PyAny>) -> Result<Received, Refusal> {
    let py = value.py();
    if value.is_exact_instance_of::<PyString>() {
        return Ok(Received::Text);
    }
    if value.is_exact_instance_of::<PyDict>() {
        return Ok(Received::Record);
    }
    if value.is_exact_instance_of::<PyInt>() {
        return Ok(Received::Integer);
    }
    if value.is_exact_instance_of::<PyList>() {
        return Ok(Received::List);
    }
    let kind = value.get_type();
    if kind.is(DECIMAL.import(py, "decimal", "Decimal")?) {
        return Ok(Received::Decimal);
    }
    if kind.is(DATETIME.import(py, "datetime", "datetime")?) {
        return Ok(Received::Instant);
    }
    if kind.is(DATE.import(py, "datetime", "date")?) {
        return Ok(Received::Date);
    }
    Ok(if value.is_none() {
        Received::Null
    } else if value.cast::<PyString>().is_ok() {
        Received::Text
    } else if value.cast::<PyBool>().is_ok() {
        Received::Bool
    } else if value.cast::<PyDict>().is_ok() {
        Received::Record
    } else if value.cast::<PyList>().is_ok() || value.cast::<PyTuple>().is_ok() {
        Received::List
    } else if value.cast::<PyInt>().is_ok() {
        Received::Integer
    } else if value.cast::<PyBytes>().is_ok() || value.cast::<PyByteArray>().is_ok() {
        Received::Bytes
    } else if value.cast::<PyFloat>().is_ok() {
        // Money is never a float: no field takes one.
        return Err(Refusal::new(Why::WrongType {
            expected: "a decimal (decimal.Decimal or a string), never a float".into(),
            received: format!("float {}", value.repr()?),
        }));
    } else if value.is_instance(DECIMAL.import(py, "decimal", "Decimal")?)? {
        Received::Decimal
    } else if value.is_instance(DATETIME.import(py, "datetime", "datetime")?)? {
        Received::Instant
    } else if value.is_instance(DATE.import(py, "datetime", "date")?)? {
        Received::Date
    } else {
        return Err(Refusal::invalid(format!(
            "{} is not accepted here",
            value.get_type().name()?
        )));
    })
}

/// The refusal of `value` where `expected` goes.
#[cold]
#[inline(never)]
fn wrong_type(expected: String, value: &Bound<'_, PyAny>) -> Refusal {
    Refusal::new(Why::WrongType {
        expected,
        received: type_name(value),
    })
}

/// The text of a Python string; one with a lone surrogate is not Unicode text and is refused.
fn text_of<'a>(text: &'a Bound<'_, PyString>) -> Result<&'a str, Refusal> {
    text.to_str().map_err(|_| {
        Refusal::invalid("text with a lone surrogate (\\ud800-\\udfff) is not valid Unicode".into())
    })
}

/// The Python name of a value's type, for an error (`Decimal`, `date`, `list`).
fn type_name(value: &Bound<'_, PyAny>) -> String {
    if value.is_none() {
        return "None".into();
    }
    value
        .get_type()
        .name()
        .and_then(|name| name.extract::<String>())
        .unwrap_or_else(|_| "a value".into())
}
