//! E-mail addresses: checked against RFC 5322 with the `email_address` crate, domain lower-cased.

use std::str::FromStr;

use email_address::EmailAddress;

use crate::error::{Error, Result};

/// Longest address accepted (RFC 5321 path limit).
pub const MAX_EMAIL: usize = 254;

/// Trims `value`, checks it is a deliverable-looking address (a dot in the domain, no display
/// name) and lower-cases the domain.
///
/// ```
/// assert_eq!(hospes::email::normalize(" Marie.Dupont@Example.FR ").unwrap(), "Marie.Dupont@example.fr");
/// assert_eq!(hospes::email::normalize("marie@localhost").unwrap_err().code(), "client.email_invalid");
/// assert_eq!(hospes::email::normalize("Marie <marie@example.fr>").unwrap_err().code(), "client.email_invalid");
/// ```
pub fn normalize(value: &str) -> Result<String> {
    let invalid = || Error::EmailInvalid {
        value: value.chars().take(MAX_EMAIL + 1).collect(),
    };
    let trimmed = value.trim();
    if trimmed.len() > MAX_EMAIL || trimmed.contains(['<', '>', ' ']) {
        return Err(invalid());
    }
    let parsed = EmailAddress::from_str(trimmed).map_err(|_| invalid())?;
    let domain = parsed.domain().to_ascii_lowercase();
    if !domain.contains('.') || domain.starts_with('[') || domain.ends_with('.') {
        return Err(invalid());
    }
    Ok(format!("{}@{domain}", parsed.local_part()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_without_at_sign_is_refused_with_its_value() {
        assert_eq!(
            normalize("marie.example.fr").unwrap_err(),
            Error::EmailInvalid {
                value: "marie.example.fr".into()
            }
        );
    }

    #[test]
    fn an_accented_local_part_is_accepted() {
        assert_eq!(normalize("zoë@example.es").unwrap(), "zoë@example.es");
    }
}
