//! What each argument of an operation takes, read once from the [schema](super::schema): the
//! bindings check a host's values against it while converting them, so that nothing is
//! reinterpreted behind the caller's back — a `Decimal` or a `date` is not turned into the text
//! of a password, bytes are not turned into base64 in a name, a list is not read as a record.
//!
//! A shape is a set of alternatives (an optional field is "a string or nothing", an event one of
//! its kinds); the empty set is "anything" (a field the schema leaves open, or a key the
//! operation does not know, which the core refuses by name).
//!
//! ```
//! use hospes::wire::shape::{Received, Shapes};
//! let shapes = Shapes::get();
//! let money = shapes.argument("money.add", "a");
//! assert!(shapes.check(&money, Received::Record).is_ok());
//! assert_eq!(shapes.check(&money, Received::List).unwrap_err(), "a record");
//! let amount = shapes.field(&money, "amount");
//! assert!(shapes.check(&amount, Received::Decimal).is_ok());
//! let currency = shapes.field(&money, "currency");
//! assert_eq!(shapes.check(&currency, Received::Decimal).unwrap_err(), "text");
//! ```

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use foldhash::fast::RandomState;
use serde_json::Value;

/// A map by name, hashed fast: the bindings look a field's shape up for every value they convert.
type ByName<V> = HashMap<String, V, RandomState>;

/// What a host handed over, in terms every language shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Received {
    /// `None`, `null`, `undefined`.
    Null,
    /// `true` or `false`.
    Bool,
    /// A whole number.
    Integer,
    /// Text.
    Text,
    /// A decimal number of the language (`decimal.Decimal`).
    Decimal,
    /// A calendar date of the language (`datetime.date`).
    Date,
    /// An instant of the language (`datetime.datetime`, `Date`).
    Instant,
    /// Bytes (`bytes`, `Buffer`, `Uint8Array`).
    Bytes,
    /// A record: a dictionary or an object.
    Record,
    /// A list or a tuple.
    List,
}

impl Received {
    /// Every kind, by the name [`Shapes::to_json`] gives it.
    pub const ALL: [(Received, &'static str); 10] = [
        (Received::Null, "null"),
        (Received::Bool, "bool"),
        (Received::Integer, "integer"),
        (Received::Text, "text"),
        (Received::Decimal, "decimal"),
        (Received::Date, "date"),
        (Received::Instant, "instant"),
        (Received::Bytes, "bytes"),
        (Received::Record, "record"),
        (Received::List, "list"),
    ];

    /// The kinds of field it may go in.
    fn fits(self) -> u16 {
        match self {
            Received::Null => NULL,
            Received::Bool => BOOL,
            Received::Integer => INTEGER | NUMBER,
            // Text goes wherever the wire form takes a string: decimals, dates and bytes are
            // written as text there.
            Received::Text => TEXT | DECIMAL | DATE | INSTANT | BYTES,
            Received::Decimal => DECIMAL,
            Received::Date => DATE,
            Received::Instant => INSTANT,
            Received::Bytes => BYTES,
            Received::Record => RECORD,
            Received::List => LIST,
        }
    }
}

const NULL: u16 = 1;
const BOOL: u16 = 1 << 1;
const INTEGER: u16 = 1 << 2;
const NUMBER: u16 = 1 << 3;
const TEXT: u16 = 1 << 4;
const DECIMAL: u16 = 1 << 5;
const DATE: u16 = 1 << 6;
const INSTANT: u16 = 1 << 7;
const BYTES: u16 = 1 << 8;
const RECORD: u16 = 1 << 9;
const LIST: u16 = 1 << 10;

/// One alternative: the JSON types it takes, and for a record or a list what goes inside.
#[derive(Debug, Default)]
struct Node {
    kinds: u16,
    properties: ByName<Vec<u32>>,
    /// Values of a map (`additionalProperties` given as a schema); `None` when only the named
    /// properties are known.
    values: Option<Vec<u32>>,
    items: Vec<u32>,
}

/// The shapes of every operation's arguments.
#[derive(Debug, Default)]
pub struct Shapes {
    nodes: Vec<Node>,
    arguments: ByName<ByName<Vec<u32>>>,
}

/// The alternatives a value may take; empty: anything.
pub type Shape<'a> = Cow<'a, [u32]>;

impl Shapes {
    /// The shapes of this build's operations, read from its schema once.
    pub fn get() -> &'static Shapes {
        static SHAPES: OnceLock<Shapes> = OnceLock::new();
        SHAPES.get_or_init(|| Shapes::from_schema(&super::schema()))
    }

    /// Reads the shapes from a schema of the form [`schema`](super::schema) returns.
    pub fn from_schema(schema: &Value) -> Shapes {
        let mut builder = Builder {
            shapes: Shapes::default(),
            defs: schema.get("$defs"),
            built: HashMap::new(),
        };
        let operations = schema.get("operations").and_then(Value::as_array);
        for op in operations.into_iter().flatten() {
            let Some(name) = op.get("name").and_then(Value::as_str) else {
                continue;
            };
            let properties = op
                .get("args")
                .and_then(|args| args.get("properties"))
                .and_then(Value::as_object);
            let mut arguments = ByName::default();
            for (arg, node) in properties.into_iter().flatten() {
                arguments.insert(arg.clone(), builder.shape(node));
            }
            builder.shapes.arguments.insert(name.to_owned(), arguments);
        }
        builder.shapes
    }

    /// The shape of argument `arg` of operation `op`; anything when either is unknown (the
    /// core answers an unknown operation or argument by its name).
    pub fn argument(&self, op: &str, arg: &str) -> Shape<'_> {
        self.arguments
            .get(op)
            .and_then(|args| args.get(arg))
            .map_or(Cow::Borrowed(&[]), |shape| Cow::Borrowed(shape.as_slice()))
    }

    /// Whether `received` fits `shape`; else what the shape takes, for the error
    /// (`"a record"`, `"text or nothing"`).
    pub fn check(&self, shape: &[u32], received: Received) -> Result<(), String> {
        if shape.is_empty() {
            return Ok(());
        }
        let takes = shape
            .iter()
            .fold(0, |kinds, id| kinds | self.node(*id).kinds);
        if takes & received.fits() != 0 {
            Ok(())
        } else {
            Err(describe(takes))
        }
    }

    /// The shape of `key` inside a record of `shape`.
    pub fn field<'a>(&'a self, shape: &[u32], key: &str) -> Shape<'a> {
        self.inside(shape, |node| {
            if node.kinds & RECORD == 0 {
                return None;
            }
            node.properties
                .get(key)
                .or(node.values.as_ref())
                .map(Vec::as_slice)
        })
    }

    /// The shape of the items of a list of `shape`.
    pub fn item<'a>(&'a self, shape: &[u32]) -> Shape<'a> {
        self.inside(shape, |node| {
            (node.kinds & LIST != 0).then_some(node.items.as_slice())
        })
    }

    fn inside<'a>(
        &'a self,
        shape: &[u32],
        pick: impl Fn(&'a Node) -> Option<&'a [u32]>,
    ) -> Shape<'a> {
        let mut found: Option<Shape<'a>> = None;
        for id in shape {
            let Some(inner) = pick(self.node(*id)) else {
                continue;
            };
            if inner.is_empty() {
                // An open field in one alternative leaves the value open.
                return Cow::Borrowed(&[]);
            }
            found = Some(match found {
                None => Cow::Borrowed(inner),
                Some(mut merged) => {
                    for id in inner {
                        if !merged.contains(id) {
                            merged.to_mut().push(*id);
                        }
                    }
                    merged
                }
            });
        }
        found.unwrap_or(Cow::Borrowed(&[]))
    }

    /// The shapes as JSON, for a binding that checks values in its own language (Node):
    /// `{"nodes": [[kinds, {field: shape}, values or null, items]], "arguments": {op: {arg:
    /// shape}}, "fits": {received: kinds}, "words": [[kinds, word]]}`, a shape being a list of
    /// node indexes (empty: anything). A value fits a shape when `fits[received] & (the kinds of
    /// its nodes)` is not 0; else the words of those kinds say what was expected.
    ///
    /// ```
    /// let json = hospes::wire::shape::Shapes::get().to_json();
    /// assert!(json["arguments"]["money.add"]["a"].is_array());
    /// assert_eq!(json["fits"]["record"], 512);
    /// ```
    pub fn to_json(&self) -> Value {
        let nodes: Vec<Value> = self
            .nodes
            .iter()
            .map(|node| serde_json::json!([node.kinds, node.properties, node.values, node.items]))
            .collect();
        let fits: serde_json::Map<String, Value> = Received::ALL
            .iter()
            .map(|(received, name)| ((*name).to_owned(), Value::from(received.fits())))
            .collect();
        serde_json::json!({
            "nodes": nodes,
            "arguments": self.arguments,
            "fits": fits,
            "words": WORDS,
            "max_depth": super::MAX_DEPTH,
            "max_input": super::MAX_INPUT,
        })
    }

    fn node(&self, id: u32) -> &Node {
        static EMPTY: OnceLock<Node> = OnceLock::new();
        usize::try_from(id)
            .ok()
            .and_then(|i| self.nodes.get(i))
            .unwrap_or_else(|| EMPTY.get_or_init(Node::default))
    }
}

/// The kinds of field, in words every language reads, in the order they are listed.
const WORDS: [(u16, &str); 11] = [
    (TEXT, "text"),
    (DECIMAL, "a decimal"),
    (DATE, "a date (YYYY-MM-DD)"),
    (INSTANT, "an instant"),
    (BYTES, "bytes"),
    (INTEGER, "an integer"),
    (NUMBER, "a number"),
    (BOOL, "true or false"),
    (RECORD, "a record"),
    (LIST, "a list"),
    (NULL, "nothing"),
];

/// What a set of kinds takes, in words every language reads.
fn describe(kinds: u16) -> String {
    let words: Vec<&str> = WORDS
        .iter()
        .filter(|(kind, _)| kinds & kind != 0)
        .map(|(_, word)| *word)
        .collect();
    words.join(" or ")
}

struct Builder<'s> {
    shapes: Shapes,
    defs: Option<&'s Value>,
    built: HashMap<&'s str, Vec<u32>>,
}

impl<'s> Builder<'s> {
    fn shape(&mut self, node: &'s Value) -> Vec<u32> {
        let Some(object) = node.as_object() else {
            // `true`, `false`: open.
            return vec![];
        };
        if let Some(reference) = object.get("$ref").and_then(Value::as_str) {
            return self.definition(reference.rsplit('/').next().unwrap_or_default());
        }
        if let Some(variants) = object
            .get("anyOf")
            .or_else(|| object.get("oneOf"))
            .and_then(Value::as_array)
        {
            let mut all = vec![];
            for variant in variants {
                let shape = self.shape(variant);
                if shape.is_empty() {
                    return vec![];
                }
                all.extend(shape);
            }
            return all;
        }
        let kinds = kinds_of(object);
        if kinds == 0 {
            return vec![];
        }
        let id = self.reserve();
        self.fill(id, object, kinds);
        vec![id]
    }

    fn definition(&mut self, name: &'s str) -> Vec<u32> {
        if let Some(shape) = self.built.get(name) {
            return shape.clone();
        }
        let Some(def) = self.defs.and_then(|defs| defs.get(name)) else {
            return vec![];
        };
        let Some(object) = def.as_object() else {
            return vec![];
        };
        let structural = object.get("$ref").is_none()
            && object.get("anyOf").is_none()
            && object.get("oneOf").is_none();
        let kinds = kinds_of(object);
        if structural && kinds != 0 {
            // Reserved before its fields are read, so that a type containing itself refers
            // to its own node.
            let id = self.reserve();
            self.built.insert(name, vec![id]);
            self.fill(id, object, kinds);
            return vec![id];
        }
        // A union referring to itself is left open where it recurs.
        self.built.insert(name, vec![]);
        let shape = self.shape(def);
        self.built.insert(name, shape.clone());
        shape
    }

    fn reserve(&mut self) -> u32 {
        self.shapes.nodes.push(Node::default());
        u32::try_from(self.shapes.nodes.len() - 1).unwrap_or(u32::MAX)
    }

    fn fill(&mut self, id: u32, object: &'s serde_json::Map<String, Value>, kinds: u16) {
        let mut properties = ByName::default();
        for (key, node) in object
            .get("properties")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            properties.insert(key.clone(), self.shape(node));
        }
        let values = match object.get("additionalProperties") {
            Some(Value::Object(_)) => object.get("additionalProperties").map(|n| self.shape(n)),
            Some(Value::Bool(false)) => None,
            // Open (`true` or absent): any key, anything in it.
            _ if kinds & RECORD != 0 && properties.is_empty() => Some(vec![]),
            _ => None,
        };
        let items = object
            .get("items")
            .map(|n| self.shape(n))
            .unwrap_or_default();
        if let Some(node) = usize::try_from(id)
            .ok()
            .and_then(|i| self.shapes.nodes.get_mut(i))
        {
            *node = Node {
                kinds,
                properties,
                values,
                items,
            };
        }
    }
}

/// The kinds a schema node takes: its `type`, refined by its `format`; 0 when it says none.
fn kinds_of(object: &serde_json::Map<String, Value>) -> u16 {
    let format = object.get("format").and_then(Value::as_str).unwrap_or("");
    let one = |name: &str| match name {
        "null" => NULL,
        "boolean" => BOOL,
        "integer" => INTEGER,
        "number" => NUMBER,
        "string" => match format {
            "decimal" => DECIMAL,
            "date" => DATE,
            "date-time" => INSTANT,
            "byte" => BYTES,
            _ => TEXT,
        },
        "object" => RECORD,
        "array" => LIST,
        _ => 0,
    };
    match object.get("type") {
        Some(Value::String(name)) => one(name),
        Some(Value::Array(names)) => names
            .iter()
            .filter_map(Value::as_str)
            .fold(0, |k, n| k | one(n)),
        _ => match object.get("const").or_else(|| object.get("enum")) {
            Some(Value::String(_)) => TEXT,
            Some(Value::Array(values)) if values.iter().all(Value::is_string) => TEXT,
            _ => 0,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_is_not_a_record_and_a_decimal_is_not_text() {
        let shapes = Shapes::get();
        let money = shapes.argument("money.add", "a");
        assert_eq!(shapes.check(&money, Received::List), Err("a record".into()));
        let currency = shapes.field(&money, "currency");
        assert!(shapes.check(&currency, Received::Text).is_ok());
        assert_eq!(
            shapes.check(&currency, Received::Decimal),
            Err("text".into())
        );
    }

    #[test]
    fn a_password_takes_text_only() {
        let shapes = Shapes::get();
        let password = shapes.argument("account.register", "password");
        for other in [
            Received::Date,
            Received::Instant,
            Received::Decimal,
            Received::Bytes,
        ] {
            assert_eq!(
                shapes.check(&password, other),
                Err("text".into()),
                "{other:?}"
            );
        }
    }

    #[test]
    fn an_optional_field_takes_nothing_too() {
        let shapes = Shapes::get();
        let client = shapes.argument("client.normalize", "client");
        let companions = shapes.field(&client, "companions");
        let birth = shapes.field(&shapes.item(&companions), "birth_date");
        assert!(shapes.check(&birth, Received::Null).is_ok());
        assert!(shapes.check(&birth, Received::Date).is_ok());
        assert!(shapes.check(&birth, Received::Text).is_ok());
        assert_eq!(
            shapes.check(&birth, Received::Instant),
            Err("a date (YYYY-MM-DD) or nothing".into())
        );
    }

    #[test]
    fn lists_records_and_events_are_followed_inside() {
        let shapes = Shapes::get();
        let events = shapes.argument("event.append_log", "events");
        let event = shapes.item(&events);
        assert!(shapes.check(&event, Received::Record).is_ok());
        let at = shapes.field(&event, "occurred_at");
        assert_eq!(
            shapes.check(&at, Received::Decimal),
            Err("an instant".into())
        );
        // Bytes go where the schema says bytes.
        let letterhead = shapes.argument("pdf.invoice", "letterhead");
        assert!(
            shapes
                .check(&shapes.field(&letterhead, "logo"), Received::Bytes)
                .is_ok()
        );
    }

    #[test]
    fn what_the_schema_does_not_know_is_left_to_the_core() {
        let shapes = Shapes::get();
        assert!(shapes.argument("money.nothing", "a").is_empty());
        let money = shapes.argument("money.add", "a");
        assert!(shapes.field(&money, "colour").is_empty());
    }
}
