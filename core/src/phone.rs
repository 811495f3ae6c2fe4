//! Phone numbers, normalised to E.164 (`+33612345678`) with the libphonenumber metadata.

use crate::address::Country;
use crate::error::{Error, Result};

/// Longest phone input accepted before parsing (spaces, dots and an extension included).
const MAX_PHONE_INPUT: usize = 40;

/// Reads `value` as a phone number, in `default_country` unless it starts with `+` or `00`,
/// and returns it in E.164; `field` names it in the error.
///
/// ```
/// use hospes::{phone, Country};
/// let fr: Country = "FR".parse().unwrap();
/// assert_eq!(phone::normalize("06 12 34 56 78", fr, "mobile").unwrap(), "+33612345678");
/// assert_eq!(phone::normalize("0034 612 345 678", fr, "mobile").unwrap(), "+34612345678");
/// assert_eq!(phone::normalize("12", fr, "mobile").unwrap_err().code(), "client.phone_invalid");
/// ```
pub fn normalize(value: &str, default_country: Country, field: &str) -> Result<String> {
    let invalid = || Error::PhoneInvalid {
        field: field.to_owned(),
        value: value.chars().take(MAX_PHONE_INPUT).collect(),
    };
    let trimmed = value.trim();
    if trimmed.len() > MAX_PHONE_INPUT {
        return Err(invalid());
    }
    let international = trimmed
        .strip_prefix("00")
        .map(|rest| format!("+{rest}"))
        .unwrap_or_else(|| trimmed.to_owned());
    let region = default_country
        .code()
        .parse::<phonenumber::country::Id>()
        .ok();
    let number = phonenumber::parse(region, &international).map_err(|_| invalid())?;
    if !phonenumber::is_valid(&number) {
        return Err(invalid());
    }
    Ok(number.format().mode(phonenumber::Mode::E164).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fr() -> Country {
        "FR".parse().unwrap()
    }

    #[test]
    fn a_french_landline_with_dots_becomes_e164() {
        assert_eq!(
            normalize("05.58.09.12.34", fr(), "landline").unwrap(),
            "+33558091234"
        );
    }

    #[test]
    fn an_international_number_ignores_the_default_country() {
        assert_eq!(
            normalize("+44 20 7946 0958", fr(), "landline").unwrap(),
            "+442079460958"
        );
    }

    #[test]
    fn letters_are_not_a_phone_number() {
        assert_eq!(
            normalize("call me", fr(), "mobile").unwrap_err().code(),
            "client.phone_invalid"
        );
    }
}
