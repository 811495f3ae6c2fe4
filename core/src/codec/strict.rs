//! A deserializer that reads records only from objects.
//!
//! serde_json hands a derived struct a JSON array when it is asked for a struct and finds one,
//! and the struct reads its fields by position: `["10.10", "EUR"]` is then a `Money`. The
//! canonical form never writes a record that way, so hospes never reads one that way either:
//! [`Strict`] wraps any deserializer and asks for a map wherever a struct is wanted, at every
//! depth. A list given for a record is then refused as a wrong type, with its path.
//!
//! ```
//! use hospes::codec::strict::Strict;
//! use serde::Deserialize;
//! let mut json = serde_json::Deserializer::from_str(r#"["10.10", "EUR"]"#);
//! assert!(hospes::Money::deserialize(Strict::new(&mut json)).is_err());
//! let mut json = serde_json::Deserializer::from_str(r#"{"amount": "10.10", "currency": "EUR"}"#);
//! assert!(hospes::Money::deserialize(Strict::new(&mut json)).is_ok());
//! ```

use serde::de::{
    DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};

/// Deepest nesting of records and lists hospes reads, the arguments object counting as the first:
/// 32 levels, some three times the deepest record of hospes. The bindings refuse deeper values
/// while converting them, and [`from_json`](super::from_json) while reading JSON (`input.too_deep`), before going deeper.
pub const MAX_DEPTH: usize = 32;

/// A deserializer, or one of its parts, read strictly (see the module), and how many records
/// and lists are open around it.
#[derive(Debug, Clone, Copy)]
pub struct Strict<T> {
    inner: T,
    depth: usize,
}

impl<T> Strict<T> {
    /// Reads `inner` strictly, from the top: records and lists may nest
    /// [`MAX_DEPTH`] levels, the outermost counting as the first.
    pub fn new(inner: T) -> Strict<T> {
        Strict { inner, depth: 0 }
    }

    /// `part` read strictly at this one's depth.
    fn wrap<U>(&self, part: U) -> Strict<U> {
        Strict {
            inner: part,
            depth: self.depth,
        }
    }

    /// `part`, a record's or a list's content, read strictly one level deeper.
    fn deeper<U, E: serde::de::Error>(&self, part: U) -> Result<Strict<U>, E> {
        if self.depth >= MAX_DEPTH {
            return Err(E::custom(format_args!(
                "nested deeper than {} levels",
                MAX_DEPTH
            )));
        }
        Ok(Strict {
            inner: part,
            depth: self.depth + 1,
        })
    }
}

macro_rules! forward {
    ($($method:ident),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
            let visitor = self.wrap(visitor);
            self.inner.$method(visitor)
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Strict<D> {
    type Error = D::Error;

    forward!(
        deserialize_any,
        deserialize_bool,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_i128,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_u128,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_str,
        deserialize_string,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_option,
        deserialize_unit,
        deserialize_seq,
        deserialize_map,
        deserialize_identifier,
        deserialize_ignored_any,
    );

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let wrapped = self.wrap(visitor);
        self.inner.deserialize_unit_struct(name, wrapped)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let wrapped = self.wrap(visitor);
        self.inner.deserialize_newtype_struct(name, wrapped)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let wrapped = self.wrap(visitor);
        self.inner.deserialize_tuple(len, wrapped)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let wrapped = self.wrap(visitor);
        self.inner.deserialize_tuple_struct(name, len, wrapped)
    }

    /// A struct is read from a map only, never from a list of its fields in order.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let wrapped = self.wrap(visitor);
        self.inner.deserialize_map(wrapped)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let wrapped = self.wrap(visitor);
        self.inner.deserialize_enum(name, variants, wrapped)
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

macro_rules! visit {
    ($($method:ident: $ty:ty),* $(,)?) => {$(
        fn $method<E: serde::de::Error>(self, v: $ty) -> Result<Self::Value, E> {
            self.inner.$method(v)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Strict<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.inner.expecting(f)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        self.inner.visit_str(checked(v)?)
    }

    fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        self.inner.visit_borrowed_str(checked(v)?)
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Self::Value, E> {
        checked(&v)?;
        self.inner.visit_string(v)
    }

    visit!(
        visit_bool: bool,
        visit_i8: i8,
        visit_i16: i16,
        visit_i32: i32,
        visit_i64: i64,
        visit_i128: i128,
        visit_u8: u8,
        visit_u16: u16,
        visit_u32: u32,
        visit_u64: u64,
        visit_u128: u128,
        visit_f32: f32,
        visit_f64: f64,
        visit_char: char,
        visit_bytes: &[u8],
        visit_borrowed_bytes: &'de [u8],
        visit_byte_buf: Vec<u8>,
    );

    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        self.inner.visit_none()
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        self.inner.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        let wrapped = self.wrap(d);
        self.inner.visit_some(wrapped)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        let wrapped = self.wrap(d);
        self.inner.visit_newtype_struct(wrapped)
    }

    /// A list's items are one level deeper; past the limit the list is refused.
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        let wrapped = self.deeper(seq)?;
        self.inner.visit_seq(wrapped)
    }

    /// A record's fields are one level deeper; past the limit the record is refused.
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let wrapped = self.deeper(map)?;
        self.inner.visit_map(wrapped)
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        let wrapped = self.deeper(data)?;
        self.inner.visit_enum(wrapped)
    }
}

/// `text` when it holds no control character but a line break or a tab.
fn checked<E: serde::de::Error>(text: &str) -> Result<&str, E> {
    // Most text holds no byte that could start a control character (C0, DEL, or C1, which
    // UTF-8 writes 0xC2 0x80–0x9F): one pass over the bytes, then the exact search if needed.
    // In blocks of 32 without an early exit and without branches, so that the compiler checks
    // a block at once (eight times faster than byte by byte on a 400-byte link token).
    let suspect = |b: u8| {
        (u8::from(b < 0x20) & u8::from(!matches!(b, b'\n' | b'\r' | b'\t')))
            | u8::from(b == 0x7F)
            | u8::from(b == 0xC2)
    };
    let plain = |bytes: &[u8]| bytes.iter().fold(0, |any, &b| any | suspect(b)) == 0;
    let mut blocks = text.as_bytes().chunks_exact(32);
    if blocks.all(plain) && plain(blocks.remainder()) {
        return Ok(text);
    }
    match text
        .chars()
        .find(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        None => Ok(text),
        Some(c) => Err(E::custom(format_args!(
            "the control character U+{:04X} is not accepted in text",
            u32::from(c)
        ))),
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Strict<S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        let wrapped = self.wrap(d);
        self.inner.deserialize(wrapped)
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Strict<A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        let wrapped = self.wrap(seed);
        self.inner.next_element_seed(wrapped)
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Strict<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let wrapped = self.wrap(seed);
        self.inner.next_key_seed(wrapped)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        let wrapped = self.wrap(seed);
        self.inner.next_value_seed(wrapped)
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for Strict<A> {
    type Error = A::Error;
    type Variant = Strict<A::Variant>;

    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, Self::Variant), A::Error> {
        let depth = self.depth;
        let wrapped = self.wrap(seed);
        self.inner.variant_seed(wrapped).map(|(value, variant)| {
            (
                value,
                Strict {
                    inner: variant,
                    depth,
                },
            )
        })
    }
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for Strict<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.inner.unit_variant()
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        let wrapped = self.wrap(seed);
        self.inner.newtype_variant_seed(wrapped)
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        let wrapped = self.wrap(visitor);
        self.inner.tuple_variant(len, wrapped)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        let wrapped = self.wrap(visitor);
        self.inner.struct_variant(fields, wrapped)
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::Strict;
    use crate::{Money, Stay};

    fn read<T: for<'de> Deserialize<'de>>(json: &str) -> Result<T, serde_json::Error> {
        let mut de = serde_json::Deserializer::from_str(json);
        T::deserialize(Strict::new(&mut de))
    }

    #[test]
    fn a_nul_or_an_escape_in_any_text_is_refused_a_line_break_is_kept() {
        let err = read::<Money>(r#"{"amount":"1","currency":"EU\u0000R"}"#).unwrap_err();
        assert!(err.to_string().contains("U+0000"), "{err}");
        let data: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/data/invoicing.json")).unwrap();
        let mut stay = data["stay"].clone();
        stay["lines"][0]["label"] = "Mobil-home\n3 chambres".into();
        assert!(read::<Stay>(&stay.to_string()).is_ok());
        for control in ['\u{0}', '\u{1b}', '\u{7f}', '\u{85}', '\u{9b}'] {
            stay["lines"][0]["label"] = format!("Mobil-home{control}").into();
            assert!(read::<Stay>(&stay.to_string()).is_err(), "{control:?}");
        }
    }

    #[test]
    fn every_character_is_refused_exactly_when_it_is_a_control_character() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("é{c}«");
            let refused = c.is_control() && !matches!(c, '\n' | '\r' | '\t');
            assert_eq!(
                super::checked::<serde_json::Error>(&text).is_err(),
                refused,
                "{c:?}"
            );
        }
        // Checked by blocks of 32 bytes: a control character is found in any block, at any
        // place, and in the bytes after the last whole block.
        for len in [15, 31, 32, 33, 63, 64, 65, 80] {
            for at in 0..len {
                for c in ['\0', '\u{1b}', '\u{7f}', '\u{85}'] {
                    let mut text: String = "a".repeat(at);
                    text.push(c);
                    text.push_str(&"b".repeat(len - at - 1));
                    assert!(
                        super::checked::<serde_json::Error>(&text).is_err(),
                        "{text:?}"
                    );
                }
                let fine = format!("{}\n{}", "a".repeat(at), "é".repeat(len - at));
                assert!(
                    super::checked::<serde_json::Error>(&fine).is_ok(),
                    "{fine:?}"
                );
            }
        }
    }

    #[test]
    fn thirty_two_levels_are_read_and_a_thirty_third_is_refused() {
        use crate::event::Event;
        let nested = |levels: usize| {
            format!(
                r#"{{"type":"stay_confirmed","deep":{}1{}}}"#,
                "[".repeat(levels),
                "]".repeat(levels)
            )
        };
        // The event is the first level: 31 lists inside it fill the 32.
        let err = read::<Event>(&nested(31)).unwrap_err();
        assert!(!err.to_string().contains("nested deeper"), "{err}");
        let err = read::<Event>(&nested(32)).unwrap_err();
        assert!(
            err.to_string().contains("nested deeper than 32 levels"),
            "{err}"
        );
    }

    #[test]
    fn a_list_is_not_read_as_a_record_at_any_depth() {
        let err = read::<Money>(r#"["10.10","EUR"]"#).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("invalid type: sequence, expected struct Money"),
            "{err}"
        );
        let data: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/data/invoicing.json")).unwrap();
        let mut stay = data["stay"].clone();
        assert!(read::<Stay>(&stay.to_string()).is_ok());
        // One amount deep inside, written as a list of its fields in order.
        stay["lines"][0]["unit_price"] = serde_json::json!(["10.10", "EUR"]);
        let err = read::<Stay>(&stay.to_string()).unwrap_err();
        assert!(err.to_string().contains("expected struct Money"), "{err}");
    }
}
