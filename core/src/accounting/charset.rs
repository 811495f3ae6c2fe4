//! Text as the FEC may hold it: one line per record, the zone separator never inside a zone,
//! and every character in the file's character set (ISO 8859-15, or UTF-8).

use icu_normalizer::DecomposingNormalizerBorrowed;

/// `text` made safe for one zone: control characters (tabs, line breaks …) and `separator`
/// become spaces, runs of spaces one space, and the ends are trimmed. With `latin9`, characters
/// ISO 8859-15 lacks are spelt with those it has (`’` → `'`, `–` → `-`, `ő` → `o`), else `?`.
pub(crate) fn zone(text: &str, separator: char, latin9: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    let mut push = |c: char, out: &mut String| {
        if c == ' ' {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    };
    for c in text.chars() {
        if c.is_control() || c.is_whitespace() || c == separator {
            push(' ', &mut out);
        } else if !latin9 || to_latin9(c).is_some() {
            push(c, &mut out);
        } else {
            for t in transliterate(c).chars() {
                push(if t == separator { ' ' } else { t }, &mut out);
            }
        }
    }
    out
}

/// `c`'s byte in ISO 8859-15 (Latin-9): Latin-1 but for the euro sign and seven letters.
pub(crate) fn to_latin9(c: char) -> Option<u8> {
    match c {
        '€' => Some(0xA4),
        'Š' => Some(0xA6),
        'š' => Some(0xA8),
        'Ž' => Some(0xB4),
        'ž' => Some(0xB8),
        'Œ' => Some(0xBC),
        'œ' => Some(0xBD),
        'Ÿ' => Some(0xBE),
        // The Latin-1 characters Latin-9 replaced.
        '\u{A4}' | '\u{A6}' | '\u{A8}' | '\u{B4}' | '\u{B8}' | '\u{BC}' | '\u{BD}' | '\u{BE}' => {
            None
        }
        c => u8::try_from(u32::from(c)).ok(),
    }
}

/// `text` in ISO 8859-15; a character it lacks (never left by [`zone`]) is `?`.
pub(crate) fn encode_latin9(text: &str) -> Vec<u8> {
    text.chars().map(|c| to_latin9(c).unwrap_or(b'?')).collect()
}

/// A character Latin-9 lacks, spelt with those it has: a few by hand, the others decomposed
/// (NFKD) and kept for their Latin-9 parts (`ő` → `o`, `ﬁ` → `fi`), else `?`.
fn transliterate(c: char) -> String {
    if let Some(known) = by_hand(c) {
        return known.to_owned();
    }
    let mut buffer = [0u8; 4];
    let decomposed =
        DecomposingNormalizerBorrowed::new_nfkd().normalize(c.encode_utf8(&mut buffer));
    let mut kept = String::new();
    for d in decomposed.chars() {
        if let Some(known) = by_hand(d) {
            kept.push_str(known);
        } else if to_latin9(d).is_some() && !d.is_control() {
            kept.push(d);
        }
    }
    if kept.is_empty() {
        "?".to_owned()
    } else {
        kept
    }
}

/// The characters Latin-9 lacks that decomposing does not help with.
fn by_hand(c: char) -> Option<&'static str> {
    Some(match c {
        '‘' | '’' | '‚' | '′' | 'ʼ' => "'",
        '“' | '”' | '„' | '″' => "\"",
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => "-",
        '⁄' | '∕' => "/",
        '…' => "...",
        '•' => ".",
        'ł' => "l",
        'Ł' => "L",
        'đ' => "d",
        'Đ' => "D",
        'ı' => "i",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zone_never_holds_a_separator_a_line_break_or_a_tab() {
        assert_eq!(
            zone("  Facture\tFA1|\r\nMarie   Dupont ", '|', true),
            "Facture FA1 Marie Dupont"
        );
        assert_eq!(zone("a|b", '\t', true), "a|b");
        assert_eq!(zone("\u{85}x\u{2028}y", '\t', false), "x y");
    }

    #[test]
    fn latin9_keeps_french_and_spells_out_the_rest() {
        let text = "Œuvre d’été — 12,50 € « ok » Łódź Ångström ﬁn 東";
        let z = zone(text, '\t', true);
        assert_eq!(z, "Œuvre d'été - 12,50 € « ok » Lódz Ångström fin ?");
        let bytes = encode_latin9(&z);
        assert!(bytes.contains(&0xBC) && bytes.contains(&0xA4) && bytes.contains(&0xE9));
        assert_eq!(bytes.len(), z.chars().count());
        // UTF-8 keeps everything but what breaks the layout.
        assert_eq!(zone(text, '\t', false), text);
    }

    #[test]
    fn the_characters_latin9_replaced_are_not_latin9() {
        assert_eq!(to_latin9('¤'), None);
        assert_eq!(to_latin9('½'), None);
        assert_eq!(to_latin9('é'), Some(0xE9));
        assert_eq!(zone("½", '\t', true), "1/2");
    }
}
