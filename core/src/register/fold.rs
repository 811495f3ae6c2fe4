//! How the register compares text: accents, case and punctuation do not count.

use icu_normalizer::DecomposingNormalizerBorrowed;

/// `text` folded for search: letters and digits only, lower case, accents removed (`Élodie
/// Lefèvre-Dupont` → `elodielefevredupont`); the ligatures and letters Unicode does not
/// decompose are spelled out (`œ` → `oe`, `ß` → `ss`, `ø` → `o`, `ł` → `l`).
///
/// ```
/// use hospes::register::fold;
/// assert_eq!(fold("Élodie Lefèvre-Dupont"), "elodielefevredupont");
/// assert_eq!(fold("Œuvre Straße, Ørsted"), "oeuvrestrasseorsted");
/// assert_eq!(fold("marie.dupont@example.fr"), "mariedupontexamplefr");
/// ```
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// [`fold`] into `out` (cleared first), reusing its allocation.
pub(crate) fn fold_into(text: &str, out: &mut String) {
    out.clear();
    if text.is_ascii() {
        out.extend(
            text.bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
        return;
    }
    let decomposed = DecomposingNormalizerBorrowed::new_nfkd().normalize(text);
    for c in decomposed.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
            continue;
        }
        match c {
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            'ß' | 'ẞ' => out.push_str("ss"),
            'ø' | 'Ø' => out.push('o'),
            'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
            'ł' | 'Ł' => out.push('l'),
            'ı' => out.push('i'),
            'þ' | 'Þ' => out.push_str("th"),
            c if c.is_alphanumeric() => out.extend(c.to_lowercase()),
            _ => {}
        }
    }
}

/// The digits of a phone number or of a fragment of one, as the register matches them: a
/// leading `00` or `+` (international prefix) and a leading trunk `0` are dropped, so that
/// `06 12`, `+33 6 12` and `0612` all find `+33612345678`.
///
/// ```
/// use hospes::register::phone_digits;
/// assert_eq!(phone_digits("06 12"), "612");
/// assert_eq!(phone_digits("+33 6 12"), "33612");
/// assert_eq!(phone_digits("0033 6 12"), "33612");
/// ```
pub fn phone_digits(text: &str) -> String {
    let mut digits = String::new();
    phone_digits_into(text, &mut digits).to_owned()
}

/// [`phone_digits`] in `out` (cleared first), reusing its allocation.
pub(crate) fn phone_digits_into<'a>(text: &str, out: &'a mut String) -> &'a str {
    out.clear();
    out.extend(text.chars().filter(char::is_ascii_digit));
    out.strip_prefix("00")
        .or_else(|| out.strip_prefix('0'))
        .unwrap_or(out)
}

/// A licence plate as the register matches it: letters and digits, upper case (`ab-123 cd` →
/// `AB123CD`).
///
/// ```
/// assert_eq!(hospes::register::plate_key("ab-123 cd"), "AB123CD");
/// ```
pub fn plate_key(text: &str) -> String {
    let mut key = String::new();
    plate_key_into(text, &mut key);
    key
}

/// [`plate_key`] into `out` (cleared first), reusing its allocation.
pub(crate) fn plate_key_into(text: &str, out: &mut String) {
    out.clear();
    out.extend(
        text.chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_uppercase()),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn greek_and_cyrillic_letters_are_kept_in_lower_case() {
        assert_eq!(fold("Σοφία Ιβάνοβα"), "σοφιαιβανοβα");
        assert_eq!(fold("Ёлкин"), "елкин");
    }

    #[test]
    fn only_punctuation_folds_to_nothing() {
        assert_eq!(fold(" -'. @ "), "");
        assert_eq!(phone_digits("+"), "");
    }
}
