//! hospes's answers as Python values, built in Rust from the Rust result: no JSON text, no
//! `json.loads`, no walk in Python.
//!
//! The rules are those of `hospes._wire.converter`, which they replace on the way out and mirror
//! exactly, read from the same JSON Schema: a string of `format: decimal` becomes a
//! `decimal.Decimal`, of `format: date` a `datetime.date` (`date.fromisoformat`), of `format:
//! date-time` an aware `datetime.datetime` (`datetime.fromisoformat`, `Z` read as `+00:00`), of
//! `format: byte` `bytes` (`base64.b64decode`); a text that does not parse stays text. Only a
//! record's named properties are converted (a map's values are not), lists item by item, and a
//! tagged union (`oneOf` whose variants each carry a `const` property) by the variant its tag
//! names. Each operation's converter is built once from the schema and kept.
//!
//! The values come from the core's [`Sink`] events, in the order of the canonical JSON: records
//! are built as `dict`s in that order, with their keys interned once. A value the events cannot
//! give exactly as `json.loads` would read its JSON (the core's [`Unsupported`]) is read from
//! the envelope by the Python code of old (`hospes._wire._answer`).

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Arc, OnceLock};

use hospes::wire::{Output, Returned, Sink, Unsupported};
use pyo3::exceptions::PyValueError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyList, PyString, PyType};
use serde_json::Value;

/// How the values of one schema node come back; `Plain`: as JSON reads them.
#[derive(Debug)]
pub enum Conv {
    Plain,
    Decimal,
    Date,
    Instant,
    Bytes,
    /// A list whose items are converted.
    List(Arc<Conv>),
    /// A record whose named properties listed here are converted.
    Record(Vec<(Box<str>, Arc<Conv>)>),
    /// A tagged union: the property holding the tag, and each tag's converter.
    Union {
        key: Box<str>,
        tagged: Vec<(Value, Arc<Conv>)>,
    },
}

static PLAIN: Conv = Conv::Plain;

impl Conv {
    fn field(&self, name: &str) -> Option<&Conv> {
        match self {
            Conv::Record(fields) => fields
                .iter()
                .find(|(key, _)| key.as_ref() == name)
                .map(|(_, conv)| conv.as_ref()),
            _ => None,
        }
    }

    fn variant(&self, tag: &str) -> Option<&Conv> {
        match self {
            // The last variant of a tag wins, as in a Python dict built from them.
            Conv::Union { tagged, .. } => tagged
                .iter()
                .rev()
                .find(|(value, _)| value.as_str() == Some(tag))
                .map(|(_, conv)| conv.as_ref()),
            _ => None,
        }
    }
}

/// Every operation's converter of its result, built from the schema once.
struct Converters {
    returns: HashMap<String, Arc<Conv>>,
}

fn converters() -> &'static Converters {
    static CONVERTERS: OnceLock<Converters> = OnceLock::new();
    CONVERTERS.get_or_init(|| {
        static SCHEMA: OnceLock<Value> = OnceLock::new();
        let schema = SCHEMA.get_or_init(hospes::wire::schema);
        let mut builder = Builder {
            defs: schema.get("$defs"),
            built: HashMap::new(),
        };
        let mut returns = HashMap::new();
        for op in schema
            .get("operations")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let (Some(name), Some(node)) =
                (op.get("name").and_then(Value::as_str), op.get("returns"))
            {
                returns.insert(name.to_owned(), builder.converter(node));
            }
        }
        Converters { returns }
    })
}

/// Builds every converter now (at import, on the importing thread), not on a first call that
/// may come from a thread with a small stack: the schema is read recursively.
pub fn prepare() {
    let _ = converters();
    let _ = hospes::wire::shape::Shapes::get();
}

/// The converter of operation `op`'s result.
fn returns(op: &str) -> &'static Conv {
    converters()
        .returns
        .get(op)
        .map_or(&PLAIN, |conv| conv.as_ref())
}

/// Builds converters as `_wire.converter` does: one per schema node, by the node's identity, a
/// node being built answering "as it is" where it recurs.
struct Builder<'s> {
    defs: Option<&'s Value>,
    built: HashMap<usize, Arc<Conv>>,
}

impl<'s> Builder<'s> {
    fn converter(&mut self, node: &'s Value) -> Arc<Conv> {
        let id = std::ptr::from_ref(node) as usize;
        if let Some(conv) = self.built.get(&id) {
            return conv.clone();
        }
        self.built.insert(id, Arc::new(Conv::Plain));
        let conv = match self.resolve(node) {
            Some(node) => self.build(node),
            None => Arc::new(Conv::Plain),
        };
        self.built.insert(id, conv.clone());
        conv
    }

    fn resolve(&self, mut node: &'s Value) -> Option<&'s serde_json::Map<String, Value>> {
        loop {
            let object = node.as_object()?;
            let Some(reference) = object.get("$ref") else {
                return Some(object);
            };
            let name = reference.as_str()?.rsplit('/').next()?;
            node = self.defs?.get(name)?;
        }
    }

    fn build(&mut self, node: &'s serde_json::Map<String, Value>) -> Arc<Conv> {
        let variants = node
            .get("oneOf")
            .filter(|v| truthy(v))
            .or_else(|| node.get("anyOf"))
            .and_then(Value::as_array)
            .filter(|variants| !variants.is_empty());
        if let Some(variants) = variants {
            let kept: Vec<&'s Value> = variants
                .iter()
                .filter_map(|v| self.resolved_value(v))
                .filter(|v| v.get("type").and_then(Value::as_str) != Some("null"))
                .collect();
            return self.union(&kept);
        }
        let format = node.get("format").and_then(Value::as_str).unwrap_or("");
        let scalar = match format {
            "decimal" => Some(Conv::Decimal),
            "date" => Some(Conv::Date),
            "date-time" => Some(Conv::Instant),
            "byte" => Some(Conv::Bytes),
            _ => None,
        };
        if let Some(scalar) = scalar {
            return Arc::new(scalar);
        }
        if let Some(items) = node.get("items") {
            let item = self.converter(items);
            return if matches!(*item, Conv::Plain) {
                Arc::new(Conv::Plain)
            } else {
                Arc::new(Conv::List(item))
            };
        }
        let mut fields = Vec::new();
        for (key, property) in node
            .get("properties")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            let conv = self.converter(property);
            if !matches!(*conv, Conv::Plain) {
                fields.push((key.as_str().into(), conv));
            }
        }
        if fields.is_empty() {
            Arc::new(Conv::Plain)
        } else {
            Arc::new(Conv::Record(fields))
        }
    }

    /// The node a variant resolves to (the same node `_resolve` returns, for its identity).
    fn resolved_value(&self, mut node: &'s Value) -> Option<&'s Value> {
        loop {
            let Some(reference) = node.as_object().and_then(|o| o.get("$ref")) else {
                return node.is_object().then_some(node);
            };
            let name = reference.as_str()?.rsplit('/').next()?;
            node = self.defs?.get(name)?;
        }
    }

    fn union(&mut self, variants: &[&'s Value]) -> Arc<Conv> {
        if let [only] = variants {
            return self.converter(only);
        }
        let mut tags = Vec::new();
        for variant in variants {
            let tag = variant
                .get("properties")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
                .find_map(|(key, prop)| prop.get("const").map(|value| (key, value)));
            match tag {
                Some(tag) => tags.push(tag),
                None => return Arc::new(Conv::Plain),
            }
        }
        let Some((key, _)) = tags.first() else {
            return Arc::new(Conv::Plain);
        };
        let key: Box<str> = key.as_str().into();
        let mut tagged = Vec::new();
        for ((_, value), variant) in tags.iter().zip(variants) {
            tagged.push(((*value).clone(), self.converter(variant)));
        }
        if tagged.iter().all(|(_, conv)| matches!(**conv, Conv::Plain)) {
            return Arc::new(Conv::Plain);
        }
        Arc::new(Conv::Union { key, tagged })
    }
}

/// Whether a JSON value is true for Python (`node.get("oneOf") or …`).
fn truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64() != Some(0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

// ---- The Python values --------------------------------------------------------------------------

static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DATE_PARSE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static INSTANT_PARSE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static B64DECODE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static WIRE: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

fn cached<'py>(
    py: Python<'py>,
    cell: &'static PyOnceLock<Py<PyAny>>,
    module: &str,
    path: &[&str],
) -> PyResult<&'py Bound<'py, PyAny>> {
    cell.get_or_try_init(py, || {
        let mut value = py.import(module)?.into_any();
        for attr in path {
            value = value.getattr(*attr)?;
        }
        PyResult::Ok(value.unbind())
    })
    .map(|value| value.bind(py))
}

/// A text of the given format as Python reads it; a text that does not parse (`ValueError`)
/// stays text, as in `_wire`.
fn scalar<'py>(py: Python<'py>, conv: &Conv, text: &str) -> PyResult<Bound<'py, PyAny>> {
    let parsed = match conv {
        Conv::Decimal => DECIMAL.import(py, "decimal", "Decimal")?.call1((text,)),
        Conv::Date => {
            cached(py, &DATE_PARSE, "datetime", &["date", "fromisoformat"])?.call1((text,))
        }
        Conv::Instant => cached(
            py,
            &INSTANT_PARSE,
            "datetime",
            &["datetime", "fromisoformat"],
        )?
        .call1((text.replace('Z', "+00:00"),)),
        Conv::Bytes => cached(py, &B64DECODE, "base64", &["b64decode"])?.call1((text,)),
        _ => return Ok(PyString::new(py, text).into_any()),
    };
    match parsed {
        Ok(value) => Ok(value),
        Err(err) if err.is_instance_of::<PyValueError>(py) => {
            Ok(PyString::new(py, text).into_any())
        }
        Err(err) => Err(err),
    }
}

/// `_wire`'s conversion of a value already built: for the records whose tag does not come first.
fn convert<'py>(value: Bound<'py, PyAny>, conv: &Conv) -> PyResult<Bound<'py, PyAny>> {
    let py = value.py();
    match conv {
        Conv::Plain => Ok(value),
        Conv::Decimal | Conv::Date | Conv::Instant | Conv::Bytes => {
            match value.cast::<PyString>() {
                Ok(text) => scalar(py, conv, text.to_str()?),
                Err(_) => Ok(value),
            }
        }
        Conv::List(item) => match value.cast::<PyList>() {
            Ok(list) => {
                let items = list
                    .iter()
                    .map(|v| convert(v, item))
                    .collect::<PyResult<Vec<_>>>()?;
                Ok(PyList::new(py, items)?.into_any())
            }
            Err(_) => Ok(value),
        },
        Conv::Record(fields) => match value.cast::<PyDict>() {
            Ok(dict) => {
                let out = dict.copy()?;
                for (key, conv) in fields {
                    if let Some(item) = out.get_item(key.as_ref())?
                        && !item.is_none()
                    {
                        out.set_item(key.as_ref(), convert(item, conv)?)?;
                    }
                }
                Ok(out.into_any())
            }
            Err(_) => Ok(value),
        },
        Conv::Union { key, .. } => {
            let Ok(dict) = value.cast::<PyDict>() else {
                return Ok(value);
            };
            let tag = dict.get_item(key.as_ref())?;
            let chosen = match tag.as_ref().map(|t| t.cast::<PyString>()) {
                Some(Ok(text)) => conv.variant(text.to_str()?),
                _ => None,
            };
            match chosen {
                Some(chosen) => convert(value, chosen),
                None => Ok(value),
            }
        }
    }
}

/// Hashes a `&'static str` by its address and length: the names of record fields.
#[derive(Default)]
struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 =
                (self.0.rotate_left(5) ^ u64::from(*byte)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0.rotate_left(5) ^ n as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type Names = HashMap<(usize, usize), Py<PyString>, BuildHasherDefault<AddressHasher>>;

thread_local! {
    /// The interned Python strings of the field names met, by the address of their Rust name.
    static NAMES: RefCell<Names> = RefCell::new(Names::default());
}

fn field_name<'py>(py: Python<'py>, name: &'static str) -> Bound<'py, PyString> {
    let id = (name.as_ptr() as usize, name.len());
    NAMES.with(|names| {
        if let Ok(names) = names.try_borrow()
            && let Some(known) = names.get(&id)
        {
            return known.bind(py).clone();
        }
        let interned = PyString::intern(py, name);
        if let Ok(mut names) = names.try_borrow_mut()
            && names.len() < 4096
        {
            names.insert(id, interned.clone().unbind());
        }
        interned
    })
}

/// How a record being built converts its fields.
enum Mode<'c> {
    /// By these named properties (a record converter, or the variant its tag chose).
    Fields(&'c Conv),
    /// Not at all.
    Plain,
    /// A tagged union whose tag has not come yet: the first field decides.
    Undecided(&'c Conv),
    /// Built as it comes, then converted whole by this converter, as `_wire` does.
    After(&'c Conv),
}

enum Frame<'py, 'c> {
    Record {
        dict: Bound<'py, PyDict>,
        mode: Mode<'c>,
        key: Option<Bound<'py, PyString>>,
        /// The converter of the value to come.
        next: &'c Conv,
        /// The value to come is the union's tag.
        tag: bool,
    },
    List {
        items: Vec<Bound<'py, PyAny>>,
        item: &'c Conv,
    },
}

/// A [`Sink`] building Python values.
struct Build<'py, 'c> {
    py: Python<'py>,
    root: &'c Conv,
    stack: Vec<Frame<'py, 'c>>,
    done: Option<Bound<'py, PyAny>>,
    error: Option<PyErr>,
}

impl<'py, 'c> Build<'py, 'c> {
    fn new(py: Python<'py>, root: &'c Conv) -> Self {
        Build {
            py,
            root,
            stack: Vec::with_capacity(8),
            done: None,
            error: None,
        }
    }

    /// The converter of the value to come.
    fn next(&self) -> &'c Conv {
        match self.stack.last() {
            Some(Frame::Record { next, .. }) => next,
            Some(Frame::List { item, .. }) => item,
            None => self.root,
        }
    }

    fn fail(&mut self, err: PyErr) -> Unsupported {
        self.error = Some(err);
        Unsupported
    }

    /// Puts a finished value in its place.
    fn put(&mut self, value: Bound<'py, PyAny>) -> Result<(), Unsupported> {
        match self.stack.last_mut() {
            Some(Frame::Record {
                dict, key, next, ..
            }) => {
                *next = &PLAIN;
                let Some(key) = key.take() else {
                    return Err(Unsupported);
                };
                if let Err(err) = dict.set_item(key, value) {
                    return Err(self.fail(err));
                }
                Ok(())
            }
            Some(Frame::List { items, .. }) => {
                items.push(value);
                Ok(())
            }
            None => {
                self.done = Some(value);
                Ok(())
            }
        }
    }

    /// A value that is not text came where a union's tag goes: the record is converted whole.
    fn untagged(&mut self) {
        if let Some(Frame::Record { mode, tag, .. }) = self.stack.last_mut()
            && *tag
        {
            *tag = false;
            if let Mode::Undecided(union) = mode {
                *mode = Mode::After(union);
            }
        }
    }

    fn scalar(&mut self, value: Bound<'py, PyAny>) -> Result<(), Unsupported> {
        self.untagged();
        self.put(value)
    }

    fn named(&mut self, key: Bound<'py, PyString>, name: &str) -> Result<(), Unsupported> {
        let Some(Frame::Record {
            mode,
            key: slot,
            next,
            tag,
            ..
        }) = self.stack.last_mut()
        else {
            return Err(Unsupported);
        };
        *slot = Some(key);
        *next = match mode {
            Mode::Fields(conv) => conv.field(name).unwrap_or(&PLAIN),
            Mode::Plain | Mode::After(_) => &PLAIN,
            Mode::Undecided(union) => {
                if let Conv::Union { key, .. } = union {
                    if key.as_ref() == name {
                        *tag = true;
                    } else {
                        *mode = Mode::After(union);
                    }
                }
                &PLAIN
            }
        };
        Ok(())
    }

    fn finish(self) -> Option<Bound<'py, PyAny>> {
        self.done
    }
}

impl Sink for Build<'_, '_> {
    fn null(&mut self) -> Result<(), Unsupported> {
        let none = self.py.None().into_bound(self.py);
        self.scalar(none)
    }

    fn bool(&mut self, value: bool) -> Result<(), Unsupported> {
        let value = PyBool::new(self.py, value).to_owned().into_any();
        self.scalar(value)
    }

    fn int(&mut self, value: i64) -> Result<(), Unsupported> {
        let Ok(value) = value.into_pyobject(self.py);
        self.scalar(value.into_any())
    }

    fn uint(&mut self, value: u64) -> Result<(), Unsupported> {
        let Ok(value) = value.into_pyobject(self.py);
        self.scalar(value.into_any())
    }

    fn float(&mut self, value: f64) -> Result<(), Unsupported> {
        let value = PyFloat::new(self.py, value).into_any();
        self.scalar(value)
    }

    fn text(&mut self, value: &str) -> Result<(), Unsupported> {
        let conv = self.next();
        // The union's tag: the variant it names converts the rest of the record.
        if let Some(Frame::Record { mode, tag, .. }) = self.stack.last_mut()
            && *tag
        {
            *tag = false;
            if let Mode::Undecided(union) = *mode {
                *mode = match union.variant(value) {
                    None | Some(Conv::Plain) => Mode::Plain,
                    Some(chosen @ Conv::Record(_)) => {
                        let key = match union {
                            Conv::Union { key, .. } => key.as_ref(),
                            _ => "",
                        };
                        if chosen.field(key).is_some() {
                            Mode::After(union)
                        } else {
                            Mode::Fields(chosen)
                        }
                    }
                    Some(_) => Mode::After(union),
                };
            }
        }
        let built = match conv {
            Conv::Decimal | Conv::Date | Conv::Instant | Conv::Bytes => {
                scalar(self.py, conv, value)
            }
            _ => Ok(PyString::new(self.py, value).into_any()),
        };
        match built {
            Ok(value) => self.put(value),
            Err(err) => Err(self.fail(err)),
        }
    }

    fn begin_list(&mut self, len: Option<usize>) -> Result<(), Unsupported> {
        self.untagged();
        let item = match self.next() {
            Conv::List(item) => item.as_ref(),
            _ => &PLAIN,
        };
        self.stack.push(Frame::List {
            items: Vec::with_capacity(len.unwrap_or(0).min(1024)),
            item,
        });
        Ok(())
    }

    fn end_list(&mut self) -> Result<(), Unsupported> {
        let Some(Frame::List { items, .. }) = self.stack.pop() else {
            return Err(Unsupported);
        };
        match PyList::new(self.py, items) {
            Ok(list) => self.put(list.into_any()),
            Err(err) => Err(self.fail(err)),
        }
    }

    fn begin_record(&mut self, _: Option<usize>) -> Result<(), Unsupported> {
        self.untagged();
        let conv = self.next();
        let mode = match conv {
            Conv::Record(_) => Mode::Fields(conv),
            Conv::Union { .. } => Mode::Undecided(conv),
            _ => Mode::Plain,
        };
        self.stack.push(Frame::Record {
            dict: PyDict::new(self.py),
            mode,
            key: None,
            next: &PLAIN,
            tag: false,
        });
        Ok(())
    }

    fn field(&mut self, name: &'static str) -> Result<(), Unsupported> {
        let key = field_name(self.py, name);
        self.named(key, name)
    }

    fn key(&mut self, key: &str) -> Result<(), Unsupported> {
        let text = PyString::new(self.py, key);
        self.named(text, key)
    }

    fn end_record(&mut self) -> Result<(), Unsupported> {
        let Some(Frame::Record { dict, mode, .. }) = self.stack.pop() else {
            return Err(Unsupported);
        };
        let value = match mode {
            Mode::After(conv) | Mode::Undecided(conv) => match convert(dict.into_any(), conv) {
                Ok(value) => value,
                Err(err) => return Err(self.fail(err)),
            },
            Mode::Fields(_) | Mode::Plain => dict.into_any(),
        };
        self.put(value)
    }
}

/// The exception of an error envelope, as `hospes.errors.from_envelope` makes it.
pub fn refusal(py: Python<'_>, envelope: &str) -> PyErr {
    match wire(py).and_then(|wire| wire.call_method1(intern!(py, "_error"), (envelope,))) {
        Ok(exception) => PyErr::from_value(exception),
        Err(err) => err,
    }
}

fn wire(py: Python<'_>) -> PyResult<&Bound<'_, PyModule>> {
    WIRE.get_or_try_init(py, || PyResult::Ok(py.import("hospes._wire")?.unbind()))
        .map(|module| module.bind(py))
}

/// What operation `op` returned, as the Python values `hospes` gives: a file as `bytes`, any
/// other value converted by the schema of its type, an error raised as its `HospesError`.
pub fn answer(py: Python<'_>, op: &str, returned: Result<Returned, String>) -> PyResult<Py<PyAny>> {
    match returned {
        Err(envelope) => Err(refusal(py, &envelope)),
        Ok(Returned::File(bytes)) => Ok(PyBytes::new(py, &bytes).into_any().unbind()),
        Ok(Returned::Value(value)) => build(py, op, value.as_ref()),
    }
}

fn build(py: Python<'_>, op: &str, value: &dyn Output) -> PyResult<Py<PyAny>> {
    let mut sink = Build::new(py, returns(op));
    let emitted = value.emit(&mut sink);
    if let Some(err) = sink.error.take() {
        return Err(err);
    }
    match (emitted, sink.finish()) {
        (Ok(()), Some(built)) => Ok(built.unbind()),
        // What the events cannot give exactly: read from the envelope, as before.
        _ => Ok(wire(py)?
            .call_method1(intern!(py, "_answer"), (op, value.envelope()))?
            .unbind()),
    }
}
