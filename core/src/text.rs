//! Cleaning of the short texts people type: names, cities, labels.
//!
//! Surrounding whitespace is trimmed, control characters are refused (they break exports, labels
//! and e-mails), and a length limit in characters is enforced before any other work so that a
//! 10 MB value costs nothing.

use crate::error::{Error, Result};

/// Trimmed `value`, or `FieldRequired` when blank, `FieldTooLong` past `max` characters.
///
/// ```
/// assert_eq!(hospes::text::required("  Dupont ", "last_name", 100).unwrap(), "Dupont");
/// assert_eq!(hospes::text::required(" ", "last_name", 100).unwrap_err().code(), "field.required");
/// ```
pub fn required(value: &str, field: &str, max: usize) -> Result<String> {
    optional(Some(value), field, max)?.ok_or_else(|| Error::FieldRequired {
        field: field.to_owned(),
    })
}

/// Trimmed `value`, `None` when absent or blank, `FieldTooLong` past `max` characters.
///
/// ```
/// assert_eq!(hospes::text::optional(Some("  "), "company", 10).unwrap(), None);
/// assert_eq!(hospes::text::optional(Some("Zoë"), "company", 3).unwrap().as_deref(), Some("Zoë"));
/// assert_eq!(hospes::text::optional(Some("Zoëe"), "company", 3).unwrap_err().code(), "field.too_long");
/// ```
pub fn optional(value: Option<&str>, field: &str, max: usize) -> Result<Option<String>> {
    clean(value, field, max, char::is_control)
}

/// Like [`optional`] but line breaks and tabs are kept (notes, comments).
///
/// ```
/// let notes = hospes::text::optional_multiline(Some("Chien calme.\nArrivée tardive."), "notes", 100).unwrap();
/// assert_eq!(notes.as_deref(), Some("Chien calme.\nArrivée tardive."));
/// ```
pub fn optional_multiline(value: Option<&str>, field: &str, max: usize) -> Result<Option<String>> {
    clean(value, field, max, |c| {
        c.is_control() && !matches!(c, '\n' | '\r' | '\t')
    })
}

fn clean(
    value: Option<&str>,
    field: &str,
    max: usize,
    forbidden: fn(char) -> bool,
) -> Result<Option<String>> {
    let Some(value) = value else { return Ok(None) };
    let too_long = || Error::FieldTooLong {
        field: field.to_owned(),
        max,
    };
    // A character is at most 4 bytes: anything longer than that is refused without scanning it.
    if value.len() > max.saturating_mul(4).saturating_add(64) {
        return Err(too_long());
    }
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    if trimmed.chars().count() > max {
        return Err(too_long());
    }
    if trimmed.chars().any(forbidden) {
        return Err(Error::InputInvalid {
            detail: format!("`{field}` contains a control character"),
        });
    }
    Ok(Some(trimmed.to_owned()))
}

/// `bytes` as lower-case hexadecimal.
pub(crate) fn lower_hex(bytes: &[u8]) -> String {
    let digit = |d: u8| char::from_digit(u32::from(d), 16).unwrap_or('0');
    let mut hex = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        hex.extend([digit(b >> 4), digit(b & 0x0f)]);
    }
    hex
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ten_megabyte_name_is_refused_as_too_long() {
        let huge = "a".repeat(10 * 1024 * 1024);
        assert_eq!(
            required(&huge, "first_name", 100).unwrap_err().code(),
            "field.too_long"
        );
    }

    #[test]
    fn a_line_break_inside_a_name_is_refused() {
        assert_eq!(
            required("Jean\nPaul", "first_name", 100)
                .unwrap_err()
                .code(),
            "input.invalid"
        );
    }
}
