//! The canonical JSON form of every hospes value: how it is read, strictly and within limits,
//! and how it is written. The wire reads each operation's arguments with [`from_json`]; the
//! bindings and hosts store records with [`to_json`].

use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};

use super::parse::{parse_string, take_parse_failure};
use super::strict::{MAX_DEPTH, Strict};
use crate::error::{Error, Result};

/// Largest JSON input accepted by one call: 1 MiB, far above any real record.
pub const MAX_INPUT: usize = 1024 * 1024;

/// A decimal carried as a string on the wire (`"12.50"`), never as a JSON number.
///
/// ```
/// let d: hospes::codec::DecimalString = serde_json::from_str(r#""12.50""#).unwrap();
/// assert_eq!(d.0.to_string(), "12.50");
/// assert!(serde_json::from_str::<hospes::codec::DecimalString>("12.5").is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DecimalString(#[serde(with = "rust_decimal::serde::str")] pub Decimal);

impl<'de> Deserialize<'de> for DecimalString {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        parse_string(d, |s| {
            Decimal::from_str_exact(s.trim())
                .map(DecimalString)
                .map_err(|_| Error::InputInvalid {
                    detail: format!(
                        "`{}` is not a decimal",
                        s.chars().take(40).collect::<String>()
                    ),
                })
        })
    }
}

/// Writes any hospes value in its canonical JSON form.
///
/// ```
/// let m = hospes::Money::parse("1.50", "EUR").unwrap();
/// assert_eq!(hospes::codec::to_json(&m).unwrap(), r#"{"amount":"1.50","currency":"EUR"}"#);
/// ```
pub fn to_json<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| Error::Internal {
        detail: e.to_string(),
    })
}

/// Reads any hospes value from its canonical JSON form, with the same errors as `hospes::wire::call`.
///
/// ```
/// let m: hospes::Money = hospes::codec::from_json(r#"{"amount":"1.50","currency":"EUR"}"#).unwrap();
/// assert_eq!(m.to_string(), "1.50 EUR");
/// let err = hospes::codec::from_json::<hospes::Money>(r#"{"amount":"1.50","currency":"XYZ"}"#).unwrap_err();
/// assert_eq!(err.code(), "money.currency_unknown");
/// ```
pub fn from_json<T: DeserializeOwned>(input: &str) -> Result<T> {
    if input.len() > MAX_INPUT {
        return Err(Error::InputTooLarge {
            size: input.len(),
            max: MAX_INPUT,
        });
    }
    take_parse_failure();
    // Fast path: most inputs are valid. Only a failure pays for decoding again with the path
    // of the offending field tracked. Records are read from objects only (`Strict`).
    let de = &mut serde_json::Deserializer::from_str(input);
    if let Ok(value) =
        T::deserialize(Strict::new(&mut *de)).and_then(|value| de.end().map(|()| value))
    {
        return Ok(value);
    }
    if let Some(domain) = take_parse_failure() {
        return Err(domain);
    }
    let mut track = serde_path_to_error::Track::new();
    let de = &mut serde_json::Deserializer::from_str(input);
    let tracked = serde_path_to_error::Deserializer::new(&mut *de, &mut track);
    let err = match T::deserialize(Strict::new(tracked)).and_then(|value| de.end().map(|()| value))
    {
        Ok(value) => return Ok(value),
        Err(err) => err,
    };
    take_parse_failure();
    let path = match track.path().to_string() {
        root if root == "." => "$".to_owned(),
        path => format!("$.{path}"),
    };
    Err(refusal(&path, &err))
}

/// The error for what serde_json refused at `path`: a value of another type (`input.wrong_type`),
/// nesting past [`MAX_DEPTH`] (`input.too_deep`), anything else (`input.invalid`).
fn refusal(path: &str, err: &serde_json::Error) -> Error {
    let message = err.to_string();
    // serde's words: "invalid type: integer `12`, expected a string at line 1 column 20".
    let message = message.split(" at line ").next().unwrap_or(&message);
    if let Some((received, expected)) = message
        .strip_prefix("invalid type: ")
        .and_then(|rest| rest.split_once(", expected "))
    {
        return Error::InputWrongType {
            path: path.to_owned(),
            expected: plain_words(expected),
            received: match received {
                "sequence" => "a list".to_owned(),
                "map" => "a record".to_owned(),
                other => other.to_owned(),
            },
        };
    }
    if message.starts_with("nested deeper than") {
        return Error::InputTooDeep {
            path: path.to_owned(),
            max: MAX_DEPTH,
        };
    }
    let detail = if path == "$" {
        message.to_owned()
    } else {
        format!("{path}: {message}")
    };
    Error::InputInvalid { detail }
}

/// What a field takes in the words of [`shape`](self::shape) rather than serde's: `text`, `a
/// decimal`, `a record`, `a list`.
fn plain_words(expected: &str) -> String {
    let word = match expected {
        "a string" | "a borrowed string" => "text",
        "a Decimal type representing a fixed-point number" => "a decimal",
        "a sequence" => "a list",
        "a boolean" => "true or false",
        "a formatted date string" => "a date (YYYY-MM-DD)",
        "a formatted date and time string or a unix timestamp" => "an instant",
        _ if expected.starts_with("struct ") || expected.starts_with("a map") => "a record",
        _ if expected.starts_with("internally tagged enum") => "a record",
        "u8" | "u16" | "u32" | "u64" | "i8" | "i16" | "i32" | "i64" | "usize" => "an integer",
        _ => expected,
    };
    word.to_owned()
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for DecimalString {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Decimal".into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "format": "decimal", "description": "A decimal number written as a string: \"1234.50\"." })
    }
}
