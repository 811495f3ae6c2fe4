//! The envelope every answer crosses in: `{"ok": value}`, or `{"error": {"code", "family",
//! "message", "messages", "args"}}`, or a file's bytes as they are.

use serde::Serialize;
use serde_json::{Value, json};

use crate::codec::{MAX_DEPTH, MAX_INPUT, to_json};
use crate::error::{Error, Result};
use crate::i18n::Locale;
use crate::pdf::FileBytes;

/// The envelope of a value: `{"ok": value}`.
pub(crate) fn ok_envelope<T: Serialize>(value: &T) -> Result<String> {
    to_json(value).map(|json| format!(r#"{{"ok":{json}}}"#))
}

/// The error envelope: code, family, English message, the message in every locale, and
/// `args`, the error's named values ([`Error::fields`]: `part`, `line`, `column` of a
/// `mail.tag_unknown`; `client_id`, `purpose`, `subject` of a `link.expired`), never a secret.
///
/// ```
/// let e = hospes::wire::error_envelope(&hospes::Error::AmountOverflow);
/// assert_eq!(e["error"]["code"], "money.overflow");
/// assert_eq!(e["error"]["messages"]["fr"], "Montant hors limites.");
/// assert_eq!(e["error"]["args"], serde_json::json!({}));
/// let e = hospes::wire::error_envelope(&hospes::Error::FieldTooLong { field: "notes".into(), max: 2000 });
/// assert_eq!(e["error"]["args"], serde_json::json!({"field": "notes", "max": 2000}));
/// ```
pub fn error_envelope(err: &Error) -> Value {
    let messages: serde_json::Map<String, Value> = Locale::ALL
        .iter()
        .map(|l| (l.tag().to_owned(), Value::String(err.message(*l))))
        .collect();
    json!({ "error": {
        "code": err.code(),
        "family": err.family(),
        "message": err.message(Locale::En),
        "messages": messages,
        "args": err.fields(),
    }})
}

/// What [`call_for_file`](super::call_for_file) answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The JSON envelope, `{"ok": …}` or `{"error": …}`, as [`call`](super::call) returns it.
    Envelope(String),
    /// The file an operation returned (a PDF), as it is.
    File(Vec<u8>),
}

impl Answer {
    /// The answer as the envelope [`call`](super::call) returns: a file goes base64 inside it.
    pub(super) fn into_envelope(self) -> String {
        match self {
            Answer::Envelope(json) => json,
            Answer::File(bytes) => ok_envelope(&FileBytes(bytes))
                .unwrap_or_else(|err| error_envelope(&err).to_string()),
        }
    }
}

/// The error envelope of a value a binding refused while converting it, before calling hospes:
/// `input.wrong_type` (`detail` is what the field takes, `received` what came),
/// `input.too_deep`, `input.cyclic`, `input.too_large` (`detail` the size reached), any other
/// code `input.invalid` with `detail`. The messages are those of every other error, in every
/// language.
///
/// ```
/// let e = hospes::wire::input_refusal("input.wrong_type", "$.a", "a record", "Array");
/// assert!(e.contains(r#""code":"input.wrong_type""#));
/// assert!(e.contains("$.a: expected a record, received Array"));
/// ```
pub fn input_refusal(code: &str, path: &str, detail: &str, received: &str) -> String {
    let path = path.to_owned();
    let error = match code {
        "input.wrong_type" => Error::InputWrongType {
            path,
            expected: detail.to_owned(),
            received: received.to_owned(),
        },
        "input.too_deep" => Error::InputTooDeep {
            path,
            max: MAX_DEPTH,
        },
        "input.cyclic" => Error::InputCyclic { path },
        "input.too_large" => Error::InputTooLarge {
            size: detail.parse().unwrap_or(MAX_INPUT + 1),
            max: MAX_INPUT,
        },
        _ => Error::InputInvalid {
            detail: format!("{path}: {detail}"),
        },
    };
    error_envelope(&error).to_string()
}

/// An operation's value, or its error envelope; a panic becomes `internal.error`.
pub(super) fn settle<T>(
    op: &str,
    outcome: std::thread::Result<Result<T>>,
) -> std::result::Result<T, String> {
    let result = outcome.unwrap_or_else(|_| {
        Err(Error::Internal {
            detail: format!("operation `{op}` failed unexpectedly"),
        })
    });
    result.map_err(|err| error_envelope(&err).to_string())
}
