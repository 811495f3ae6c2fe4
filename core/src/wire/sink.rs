//! Answers handed to a binding as values rather than JSON text: the binding builds its own
//! language's values (Python objects, camelCase JSON for Node) straight from the Rust result,
//! without writing the canonical JSON and reading it back.
//!
//! [`call_returned`](super::call_returned) and [`call_held_returned`](super::call_held_returned) run an operation exactly as
//! [`call`](super::call) and [`call_held`](super::call_held) do — the same input, the same
//! checks, the same error envelope — and hand back what it [`Returned`]: a file's bytes, or a
//! value the binding [`emit`](Output::emit)s into its [`Sink`]. The events a sink receives are
//! those of the canonical JSON form, in its order: what `call` would have written, value by
//! value (a decimal is its text, a record its fields). A value the sink cannot take (a map whose
//! keys are not text, a float of 32 bits) answers [`Unsupported`], and the binding falls back to
//! the value's [`envelope`](Output::envelope), the JSON `call` gives.
//!
//! ```
//! use hospes::wire::{Returned, Sink, Unsupported, call_returned};
//! /// Writes what it receives, to show the events.
//! #[derive(Default)]
//! struct Trace(Vec<String>);
//! impl Sink for Trace {
//!     fn null(&mut self) -> Result<(), Unsupported> { self.0.push("null".into()); Ok(()) }
//!     fn bool(&mut self, v: bool) -> Result<(), Unsupported> { self.0.push(v.to_string()); Ok(()) }
//!     fn int(&mut self, v: i64) -> Result<(), Unsupported> { self.0.push(v.to_string()); Ok(()) }
//!     fn uint(&mut self, v: u64) -> Result<(), Unsupported> { self.0.push(v.to_string()); Ok(()) }
//!     fn float(&mut self, v: f64) -> Result<(), Unsupported> { self.0.push(v.to_string()); Ok(()) }
//!     fn text(&mut self, v: &str) -> Result<(), Unsupported> { self.0.push(format!("{v:?}")); Ok(()) }
//!     fn begin_list(&mut self, _: Option<usize>) -> Result<(), Unsupported> { self.0.push("[".into()); Ok(()) }
//!     fn end_list(&mut self) -> Result<(), Unsupported> { self.0.push("]".into()); Ok(()) }
//!     fn begin_record(&mut self, _: Option<usize>) -> Result<(), Unsupported> { self.0.push("{".into()); Ok(()) }
//!     fn field(&mut self, name: &'static str) -> Result<(), Unsupported> { self.0.push(format!("{name}:")); Ok(()) }
//!     fn key(&mut self, key: &str) -> Result<(), Unsupported> { self.0.push(format!("{key}:")); Ok(()) }
//!     fn end_record(&mut self) -> Result<(), Unsupported> { self.0.push("}".into()); Ok(()) }
//! }
//! let input = r#"{"a": {"amount": "1.10", "currency": "EUR"}, "b": {"amount": "2.20", "currency": "EUR"}}"#;
//! let Ok(Returned::Value(sum)) = call_returned("money.add", input) else { panic!("no value") };
//! let mut trace = Trace::default();
//! sum.emit(&mut trace).unwrap();
//! assert_eq!(trace.0.join(" "), r#"{ amount: "3.30" currency: "EUR" }"#);
//! assert_eq!(sum.envelope(), hospes::wire::call("money.add", input));
//! // A refused input is the error envelope `call` gives.
//! let Err(envelope) = call_returned("money.add", "{}") else { panic!("no error") };
//! assert_eq!(envelope, hospes::wire::call("money.add", "{}"));
//! ```

use std::any::Any;
use std::fmt;
use std::panic::{AssertUnwindSafe, catch_unwind};

use serde::Serialize;
use serde::ser::{
    self, SerializeMap, SerializeSeq, SerializeStruct, SerializeStructVariant, SerializeTuple,
    SerializeTupleStruct, SerializeTupleVariant, Serializer,
};

use super::envelope::{Answer, error_envelope, ok_envelope};
use crate::error::{Error, Result};
use crate::pdf::FileBytes;

/// What a binding builds its values with: one call per JSON value of the canonical form, in
/// order. A record is `begin_record`, then for each entry its name (`field` for a record's own
/// field, `key` for a map's key) and its value, then `end_record`; a list is `begin_list`, its
/// items, `end_list`. Any method may answer [`Unsupported`] to stop.
pub trait Sink {
    /// `null`: nothing, a unit.
    fn null(&mut self) -> std::result::Result<(), Unsupported>;
    /// `true` or `false`.
    fn bool(&mut self, value: bool) -> std::result::Result<(), Unsupported>;
    /// A negative or signed integer.
    fn int(&mut self, value: i64) -> std::result::Result<(), Unsupported>;
    /// An unsigned integer.
    fn uint(&mut self, value: u64) -> std::result::Result<(), Unsupported>;
    /// A finite number that is not whole (JSON writes a non-finite one as `null`).
    fn float(&mut self, value: f64) -> std::result::Result<(), Unsupported>;
    /// Text: a name, a decimal (`"12.50"`), a date, an instant, base64 bytes.
    fn text(&mut self, value: &str) -> std::result::Result<(), Unsupported>;
    /// A list begins, of `len` items when known.
    fn begin_list(&mut self, len: Option<usize>) -> std::result::Result<(), Unsupported>;
    /// The list ends.
    fn end_list(&mut self) -> std::result::Result<(), Unsupported>;
    /// A record (a JSON object) begins, of `len` entries when known.
    fn begin_record(&mut self, len: Option<usize>) -> std::result::Result<(), Unsupported>;
    /// The name of the record's next field, as the canonical form writes it (snake_case).
    fn field(&mut self, name: &'static str) -> std::result::Result<(), Unsupported>;
    /// The key of a map's next entry.
    fn key(&mut self, key: &str) -> std::result::Result<(), Unsupported>;
    /// The record ends.
    fn end_record(&mut self) -> std::result::Result<(), Unsupported>;
}

/// A value a [`Sink`] does not take, or a sink that stopped: the binding falls back to the
/// value's [`envelope`](Output::envelope).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unsupported;

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a value of the canonical form")
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Unsupported
    }
}

/// The value an operation returned, held until the binding builds it.
pub trait Output: Send {
    /// Hands the value to `sink`, event by event. Never panics: a panic is `Unsupported`.
    fn emit(&self, sink: &mut dyn Sink) -> std::result::Result<(), Unsupported>;
    /// The envelope [`call`](super::call) answers with this value: `{"ok": …}`, or the error
    /// envelope when it cannot be written. Never panics.
    fn envelope(&self) -> String;
}

/// What an operation returned: a value, or a file's bytes as they are.
pub enum Returned {
    /// Any value but a file.
    Value(Box<dyn Output>),
    /// The file an operation returned (a PDF, a spreadsheet).
    File(Vec<u8>),
}

impl fmt::Debug for Returned {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Returned::Value(_) => f.write_str("Returned::Value(..)"),
            Returned::File(bytes) => write!(f, "Returned::File({} bytes)", bytes.len()),
        }
    }
}

struct Typed<T>(T);

impl<T: Serialize + Send> Output for Typed<T> {
    fn emit(&self, sink: &mut dyn Sink) -> std::result::Result<(), Unsupported> {
        catch_unwind(AssertUnwindSafe(|| self.0.serialize(Emit { sink })))
            .unwrap_or(Err(Unsupported))
    }

    fn envelope(&self) -> String {
        let written =
            catch_unwind(AssertUnwindSafe(|| ok_envelope(&self.0))).unwrap_or_else(|_| {
                Err(Error::Internal {
                    detail: "a value failed to be written".into(),
                })
            });
        written.unwrap_or_else(|err| error_envelope(&err).to_string())
    }
}

impl Returned {
    /// What [`call_for_file`](super::call_for_file) answers: the file, or the envelope.
    pub(super) fn into_answer(self) -> Result<Answer> {
        match self {
            Returned::File(bytes) => Ok(Answer::File(bytes)),
            Returned::Value(value) => Ok(Answer::Envelope(value.envelope())),
        }
    }
}

/// What an operation that returned `out` hands back: its bytes when it is a file, else the value.
pub(super) fn returned<T: Serialize + Send + 'static>(out: T) -> Result<Returned> {
    let mut slot = Some(out);
    if let Some(file) = (&mut slot as &mut dyn Any)
        .downcast_mut::<Option<FileBytes>>()
        .and_then(Option::take)
    {
        return Ok(Returned::File(file.0));
    }
    slot.map(|out| Returned::Value(Box::new(Typed(out))))
        .ok_or_else(|| Error::Internal {
            detail: "a value went missing".into(),
        })
}

/// A serde serializer writing into a [`Sink`]: the events of what serde_json would write.
struct Emit<'a> {
    sink: &'a mut dyn Sink,
}

impl<'a> Emit<'a> {
    fn again(&mut self) -> Emit<'_> {
        Emit {
            sink: &mut *self.sink,
        }
    }
}

type Done = std::result::Result<(), Unsupported>;

impl<'a> Serializer for Emit<'a> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, v: bool) -> Done {
        self.sink.bool(v)
    }
    fn serialize_i8(self, v: i8) -> Done {
        self.sink.int(v.into())
    }
    fn serialize_i16(self, v: i16) -> Done {
        self.sink.int(v.into())
    }
    fn serialize_i32(self, v: i32) -> Done {
        self.sink.int(v.into())
    }
    fn serialize_i64(self, v: i64) -> Done {
        self.sink.int(v)
    }
    fn serialize_u8(self, v: u8) -> Done {
        self.sink.uint(v.into())
    }
    fn serialize_u16(self, v: u16) -> Done {
        self.sink.uint(v.into())
    }
    fn serialize_u32(self, v: u32) -> Done {
        self.sink.uint(v.into())
    }
    fn serialize_u64(self, v: u64) -> Done {
        self.sink.uint(v)
    }
    fn serialize_i128(self, v: i128) -> Done {
        // Beyond 64 bits, the binding reads the JSON.
        match i64::try_from(v) {
            Ok(v) => self.sink.int(v),
            Err(_) => Err(Unsupported),
        }
    }
    fn serialize_u128(self, v: u128) -> Done {
        match u64::try_from(v) {
            Ok(v) => self.sink.uint(v),
            Err(_) => Err(Unsupported),
        }
    }
    fn serialize_f32(self, _: f32) -> Done {
        // JSON writes it in its own shortest form, which a reader takes as another double.
        Err(Unsupported)
    }
    fn serialize_f64(self, v: f64) -> Done {
        if v.is_finite() {
            self.sink.float(v)
        } else {
            self.sink.null()
        }
    }
    fn serialize_char(self, v: char) -> Done {
        self.sink.text(v.encode_utf8(&mut [0u8; 4]))
    }
    fn serialize_str(self, v: &str) -> Done {
        self.sink.text(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Done {
        self.sink.begin_list(Some(v.len()))?;
        for byte in v {
            self.sink.uint((*byte).into())?;
        }
        self.sink.end_list()
    }
    fn serialize_none(self) -> Done {
        self.sink.null()
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        self.sink.null()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Done {
        self.sink.null()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Done {
        self.sink.text(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Done {
        self.sink.begin_record(Some(1))?;
        self.sink.field(variant)?;
        value.serialize(Emit {
            sink: &mut *self.sink,
        })?;
        self.sink.end_record()
    }
    fn serialize_seq(self, len: Option<usize>) -> std::result::Result<Self, Unsupported> {
        self.sink.begin_list(len)?;
        Ok(self)
    }
    fn serialize_tuple(self, len: usize) -> std::result::Result<Self, Unsupported> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> std::result::Result<Self, Unsupported> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> std::result::Result<Self, Unsupported> {
        self.sink.begin_record(Some(1))?;
        self.sink.field(variant)?;
        self.sink.begin_list(Some(len))?;
        Ok(self)
    }
    fn serialize_map(self, len: Option<usize>) -> std::result::Result<Self, Unsupported> {
        self.sink.begin_record(len)?;
        Ok(self)
    }
    fn serialize_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> std::result::Result<Self, Unsupported> {
        self.sink.begin_record(Some(len))?;
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> std::result::Result<Self, Unsupported> {
        self.sink.begin_record(Some(1))?;
        self.sink.field(variant)?;
        self.sink.begin_record(Some(len))?;
        Ok(self)
    }
}

impl<'a> SerializeSeq for Emit<'a> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Done {
        value.serialize(self.again())
    }
    fn end(self) -> Done {
        self.sink.end_list()
    }
}

impl<'a> SerializeTuple for Emit<'a> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Done {
        value.serialize(self.again())
    }
    fn end(self) -> Done {
        self.sink.end_list()
    }
}

impl<'a> SerializeTupleStruct for Emit<'a> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Done {
        value.serialize(self.again())
    }
    fn end(self) -> Done {
        self.sink.end_list()
    }
}

impl<'a> SerializeTupleVariant for Emit<'a> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Done {
        value.serialize(self.again())
    }
    fn end(self) -> Done {
        self.sink.end_list()?;
        self.sink.end_record()
    }
}

impl<'a> SerializeMap for Emit<'a> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Done {
        key.serialize(Key {
            sink: &mut *self.sink,
        })
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Done {
        value.serialize(self.again())
    }
    fn end(self) -> Done {
        self.sink.end_record()
    }
}

impl<'a> SerializeStruct for Emit<'a> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, name: &'static str, value: &T) -> Done {
        self.sink.field(name)?;
        value.serialize(self.again())
    }
    fn end(self) -> Done {
        self.sink.end_record()
    }
}

impl<'a> SerializeStructVariant for Emit<'a> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, name: &'static str, value: &T) -> Done {
        self.sink.field(name)?;
        value.serialize(self.again())
    }
    fn end(self) -> Done {
        self.sink.end_record()?;
        self.sink.end_record()
    }
}

/// A map's key, as serde_json writes it: text, a unit variant's name, an integer's digits, a
/// boolean's word. Anything else (a float, a record) is `Unsupported`: serde_json writes finite
/// floats in its own form or refuses the rest, which the envelope then says.
struct Key<'a> {
    sink: &'a mut dyn Sink,
}

impl<'a> Key<'a> {
    fn digits(self, digits: impl fmt::Display) -> Done {
        self.sink.key(&digits.to_string())
    }
}

impl<'a> Serializer for Key<'a> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = ser::Impossible<(), Unsupported>;
    type SerializeTuple = ser::Impossible<(), Unsupported>;
    type SerializeTupleStruct = ser::Impossible<(), Unsupported>;
    type SerializeTupleVariant = ser::Impossible<(), Unsupported>;
    type SerializeMap = ser::Impossible<(), Unsupported>;
    type SerializeStruct = ser::Impossible<(), Unsupported>;
    type SerializeStructVariant = ser::Impossible<(), Unsupported>;

    fn serialize_bool(self, v: bool) -> Done {
        self.sink.key(if v { "true" } else { "false" })
    }
    fn serialize_i8(self, v: i8) -> Done {
        self.digits(v)
    }
    fn serialize_i16(self, v: i16) -> Done {
        self.digits(v)
    }
    fn serialize_i32(self, v: i32) -> Done {
        self.digits(v)
    }
    fn serialize_i64(self, v: i64) -> Done {
        self.digits(v)
    }
    fn serialize_i128(self, v: i128) -> Done {
        self.digits(v)
    }
    fn serialize_u8(self, v: u8) -> Done {
        self.digits(v)
    }
    fn serialize_u16(self, v: u16) -> Done {
        self.digits(v)
    }
    fn serialize_u32(self, v: u32) -> Done {
        self.digits(v)
    }
    fn serialize_u64(self, v: u64) -> Done {
        self.digits(v)
    }
    fn serialize_u128(self, v: u128) -> Done {
        self.digits(v)
    }
    fn serialize_f32(self, _: f32) -> Done {
        Err(Unsupported)
    }
    fn serialize_f64(self, _: f64) -> Done {
        Err(Unsupported)
    }
    fn serialize_char(self, v: char) -> Done {
        self.sink.key(v.encode_utf8(&mut [0u8; 4]))
    }
    fn serialize_str(self, v: &str) -> Done {
        self.sink.key(v)
    }
    fn serialize_bytes(self, _: &[u8]) -> Done {
        Err(Unsupported)
    }
    fn serialize_none(self) -> Done {
        Err(Unsupported)
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        Err(Unsupported)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Done {
        Err(Unsupported)
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Done {
        self.sink.key(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Done {
        Err(Unsupported)
    }
    fn serialize_seq(
        self,
        _: Option<usize>,
    ) -> std::result::Result<Self::SerializeSeq, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_tuple(self, _: usize) -> std::result::Result<Self::SerializeTuple, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> std::result::Result<Self::SerializeTupleStruct, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> std::result::Result<Self::SerializeTupleVariant, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_map(
        self,
        _: Option<usize>,
    ) -> std::result::Result<Self::SerializeMap, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> std::result::Result<Self::SerializeStruct, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> std::result::Result<Self::SerializeStructVariant, Unsupported> {
        Err(Unsupported)
    }
}

/// The canonical JSON of a value, written from its events: what a sink sees is what `call`
/// writes. Used by the tests to hold the two to the same text.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::call_returned;

    #[derive(Default)]
    struct Json(String, Vec<bool>);

    impl Json {
        fn comma(&mut self) {
            if let Some(first) = self.1.last_mut() {
                if *first {
                    *first = false;
                } else if !self.0.ends_with(':') {
                    self.0.push(',');
                }
            }
        }
        fn scalar(&mut self, text: &str) -> Done {
            self.comma();
            self.0.push_str(text);
            Ok(())
        }
    }

    impl Sink for Json {
        fn null(&mut self) -> Done {
            self.scalar("null")
        }
        fn bool(&mut self, v: bool) -> Done {
            self.scalar(&v.to_string())
        }
        fn int(&mut self, v: i64) -> Done {
            self.scalar(&v.to_string())
        }
        fn uint(&mut self, v: u64) -> Done {
            self.scalar(&v.to_string())
        }
        fn float(&mut self, v: f64) -> Done {
            self.scalar(&serde_json::to_string(&v).map_err(|_| Unsupported)?)
        }
        fn text(&mut self, v: &str) -> Done {
            self.scalar(&serde_json::to_string(v).map_err(|_| Unsupported)?)
        }
        fn begin_list(&mut self, _: Option<usize>) -> Done {
            self.comma();
            self.0.push('[');
            self.1.push(true);
            Ok(())
        }
        fn end_list(&mut self) -> Done {
            self.1.pop();
            self.0.push(']');
            Ok(())
        }
        fn begin_record(&mut self, _: Option<usize>) -> Done {
            self.comma();
            self.0.push('{');
            self.1.push(true);
            Ok(())
        }
        fn field(&mut self, name: &'static str) -> Done {
            self.key(name)
        }
        fn key(&mut self, key: &str) -> Done {
            self.comma();
            self.0
                .push_str(&serde_json::to_string(key).map_err(|_| Unsupported)?);
            self.0.push(':');
            Ok(())
        }
        fn end_record(&mut self) -> Done {
            self.1.pop();
            self.0.push('}');
            Ok(())
        }
    }

    fn events(input: &str, op: &str) -> (String, String) {
        let Ok(Returned::Value(value)) = call_returned(op, input) else {
            panic!("{op} returned no value");
        };
        let mut json = Json::default();
        value.emit(&mut json).unwrap();
        (format!(r#"{{"ok":{}}}"#, json.0), value.envelope())
    }

    #[test]
    fn a_sink_sees_what_call_writes() {
        let stay = r#"{"stay": {"reference":"312","client_id":"C-1042","accommodation":"Emplacement","arrival":"2026-07-11",
          "departure":"2026-07-25","status":"confirmed","currency":"EUR","lines":[
          {"label":"Emplacement","quantity":"14","unit_price":{"amount":"32.40","currency":"EUR"},"vat_rate":"10"},
          {"label":"Taxe de séjour","kind":"tourist_tax","quantity":"56","unit_price":{"amount":"0.66","currency":"EUR"},"vat_rate":"0"}]}}"#;
        let (written, envelope) = events(stay, "stay.totals");
        assert_eq!(written, envelope);
        assert_eq!(envelope, crate::wire::call("stay.totals", stay));
        let events_of_unit = events(
            r#"{"pattern": "FA{yy}{seq:04}"}"#,
            "invoice.check_number_pattern",
        );
        assert_eq!(events_of_unit.0, r#"{"ok":null}"#);
    }

    #[test]
    fn a_file_is_its_bytes_and_an_error_its_envelope() {
        let input = format!(
            r#"{{"invoice": {}}}"#,
            include_str!("../../tests/data/invoice.json")
        );
        let Ok(Returned::File(pdf)) = call_returned("pdf.invoice", &input) else {
            panic!("no PDF");
        };
        assert!(pdf.starts_with(b"%PDF"));
        let refused = call_returned(
            "money.round",
            r#"{"money": {"amount": 1, "currency": "EUR"}}"#,
        );
        assert_eq!(
            refused.unwrap_err(),
            crate::wire::call(
                "money.round",
                r#"{"money": {"amount": 1, "currency": "EUR"}}"#
            )
        );
        let unknown = call_returned("money.nothing", "{}");
        assert!(unknown.unwrap_err().contains("input.operation_unknown"));
    }

    #[test]
    fn what_a_sink_cannot_take_is_unsupported() {
        let value = Typed(std::collections::BTreeMap::from([((1, 2), "x")]));
        assert_eq!(value.emit(&mut Json::default()), Err(Unsupported));
        assert!(value.envelope().contains("internal.error"));
        let float = Typed(1.5f32);
        assert_eq!(float.emit(&mut Json::default()), Err(Unsupported));
        assert_eq!(float.envelope(), r#"{"ok":1.5}"#);
    }
}
