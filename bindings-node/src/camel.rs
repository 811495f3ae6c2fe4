//! hospes's answers as `index.js` hands them to a host — keys in camelCase, decimals and dates as
//! strings — written in Rust from the Rust result, so that JavaScript only builds the objects.
//!
//! The keys are renamed exactly as `index.js`'s `toCamel` does (`/_([a-z0-9])/g` to the
//! character upper-cased), every key at every depth, the values as the canonical JSON writes
//! them. Two forms:
//!
//! - the **tape** ([`tape`]): `~`, the shape of the value, then its texts, all separated by
//!   U+0001. `index.js` splits it (one native call makes every string) and builds the objects in
//!   one loop, assigning each key as `fromWire` did. A record's keys are numbers into a table
//!   `index.js` keeps (a key's text crosses once per thread, not once per record): V8 then never
//!   has to look a key's text up, which is what makes `JSON.parse` slow for records;
//! - the **JSON** ([`envelope`]) when the tape cannot be written (a text holding U+0001, the
//!   table out of step): `{"ok": …}` for `JSON.parse` alone, or, for a value the core's events
//!   cannot give exactly (its [`Unsupported`]) or a key `JSON.parse` would read otherwise than
//!   `fromWire` assigns it (`__proto__`), `{"raw": …}`, the canonical JSON, for `fromWire`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use hospes::wire::{Output, Sink, Unsupported};

/// The envelope `index.js` parses: `{"ok": …}` in camelCase, or `{"raw": …}` (see the module).
pub fn envelope(value: &dyn Output) -> String {
    let mut json = Camel {
        out: Vec::with_capacity(1024),
        comma: false,
        proto: false,
    };
    json.out.extend_from_slice(br#"{"ok":"#);
    if value.emit(&mut json).is_ok() && !json.proto {
        json.out.push(b'}');
        if let Ok(text) = String::from_utf8(json.out) {
            return text;
        }
    }
    let canonical = value.envelope();
    match canonical.strip_prefix(r#"{"ok":"#) {
        Some(rest) => format!(r#"{{"raw":{rest}"#),
        None => canonical,
    }
}

/// A [`Sink`] writing JSON with camelCase keys.
struct Camel {
    out: Vec<u8>,
    /// A value was written at this level: the next one takes a comma.
    comma: bool,
    /// A key renamed `__proto__` was met.
    proto: bool,
}

type Done = Result<(), Unsupported>;

impl Camel {
    fn separate(&mut self) {
        if self.comma {
            self.out.push(b',');
        }
    }

    fn raw(&mut self, bytes: &[u8]) -> Done {
        self.separate();
        self.out.extend_from_slice(bytes);
        self.comma = true;
        Ok(())
    }

    fn json<T: serde::Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.separate();
        serde_json::to_writer(&mut self.out, value).map_err(|_| Unsupported)?;
        self.comma = true;
        Ok(())
    }

    fn open(&mut self, bracket: u8) -> Done {
        self.separate();
        self.out.push(bracket);
        self.comma = false;
        Ok(())
    }

    fn close(&mut self, bracket: u8) -> Done {
        self.out.push(bracket);
        self.comma = true;
        Ok(())
    }

    /// `"key":`, the key written already renamed and quoted.
    fn written_key(&mut self, quoted: &[u8]) {
        self.separate();
        self.out.extend_from_slice(quoted);
        self.out.push(b':');
        self.comma = false;
    }
}

/// `key` as `index.js`'s `toCamel` renames it: `_` and a lowercase letter or a digit become that
/// character upper-cased; every other character stays.
pub fn to_camel(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut chars = key.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '_'
            && let Some(&next) = chars.peek()
            && (next.is_ascii_lowercase() || next.is_ascii_digit())
        {
            out.push(next.to_ascii_uppercase());
            chars.next();
            continue;
        }
        out.push(c);
    }
    out
}

/// Hashes a `&'static str` by its address and length: the names of record fields.
#[derive(Default)]
struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(*byte)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0.rotate_left(5) ^ n as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

/// A field's key renamed and quoted, and whether it is `__proto__`.
type Names = HashMap<(usize, usize), (Box<[u8]>, bool), BuildHasherDefault<AddressHasher>>;

thread_local! {
    static NAMES: RefCell<Names> = RefCell::new(Names::default());
}

fn quoted(key: &str) -> Result<(Box<[u8]>, bool), Unsupported> {
    let camel = to_camel(key);
    let text = serde_json::to_vec(&camel).map_err(|_| Unsupported)?;
    Ok((text.into_boxed_slice(), camel == "__proto__"))
}

impl Sink for Camel {
    fn null(&mut self) -> Done {
        self.raw(b"null")
    }
    fn bool(&mut self, value: bool) -> Done {
        self.raw(if value { b"true" } else { b"false" })
    }
    fn int(&mut self, value: i64) -> Done {
        self.json(&value)
    }
    fn uint(&mut self, value: u64) -> Done {
        self.json(&value)
    }
    fn float(&mut self, value: f64) -> Done {
        self.json(&value)
    }
    fn text(&mut self, value: &str) -> Done {
        self.json(value)
    }
    fn begin_list(&mut self, _: Option<usize>) -> Done {
        self.open(b'[')
    }
    fn end_list(&mut self) -> Done {
        self.close(b']')
    }
    fn begin_record(&mut self, _: Option<usize>) -> Done {
        self.open(b'{')
    }
    fn field(&mut self, name: &'static str) -> Done {
        let id = (name.as_ptr() as usize, name.len());
        let known = NAMES.with(|names| {
            let names = names.try_borrow().ok()?;
            let (text, proto) = names.get(&id)?;
            self.proto |= *proto;
            self.written_key(text);
            Some(())
        });
        if known.is_some() {
            return Ok(());
        }
        let (text, proto) = quoted(name)?;
        self.proto |= proto;
        self.written_key(&text);
        NAMES.with(|names| {
            if let Ok(mut names) = names.try_borrow_mut()
                && names.len() < 4096
            {
                names.insert(id, (text, proto));
            }
        });
        Ok(())
    }
    fn key(&mut self, key: &str) -> Done {
        let (text, proto) = quoted(key)?;
        self.proto |= proto;
        self.written_key(&text);
        Ok(())
    }
    fn end_record(&mut self) -> Done {
        self.close(b'}')
    }
}

// ---- The tape ----------------------------------------------------------------------------------

/// Separates the shape and the texts of a tape; a text holding it is sent as JSON instead.
const SEPARATOR: char = '\u{1}';
/// The first key number's character: the shape's other characters are ASCII. Key numbers are
/// written with characters U+0080 to U+00FF so that a tape whose texts are Latin-1 is Latin-1
/// throughout: V8 then keeps it, and every text cut from it, one byte a character (cheaper to
/// hand back to hospes, or to anything else, than two).
const FIRST_KEY: u32 = 0x80;
/// Key numbers below this are one character; the others are `k` and two characters, the high
/// and the low seven bits.
const ONE_CHARACTER_KEYS: u32 = 0x80;
/// Keys a thread's table holds at most.
const MAX_KEYS: usize = 0x80 * 0x80;

/// The camelCase keys of record fields given a number on this thread, in the order `index.js`
/// learns them, and their numbers by the address of their Rust name.
#[derive(Default)]
struct Table {
    numbers: HashMap<(usize, usize), u32, BuildHasherDefault<AddressHasher>>,
    keys: Vec<Box<str>>,
}

thread_local! {
    static TABLE: RefCell<Table> = RefCell::new(Table::default());
}

/// The value as a tape for `index.js`, which knows the first `known` keys of this thread's
/// table; `None` when it must go as JSON.
pub fn tape(value: &dyn Output, known: u32) -> Option<String> {
    TABLE.with(|table| {
        let mut table = table.try_borrow_mut().ok()?;
        let known = usize::try_from(known).ok()?;
        if known > table.keys.len() {
            return None;
        }
        let mut tape = Tape {
            shape: String::with_capacity(256),
            texts: String::with_capacity(1024),
            table: &mut table,
        };
        tape.shape.push('~');
        // The keys numbered since `index.js` last learnt them (a tape that went as JSON).
        for i in known..tape.table.keys.len() {
            let key = tape.table.keys.get(i)?.clone();
            tape.shape.push('D');
            tape.text(&key).ok()?;
        }
        value.emit(&mut tape).ok()?;
        let mut out = tape.shape;
        out.push_str(&tape.texts);
        Some(out)
    })
}

struct Tape<'t> {
    shape: String,
    texts: String,
    table: &'t mut Table,
}

impl Tape<'_> {
    /// A text of the tape: refused when it holds the separator.
    fn text(&mut self, text: &str) -> Done {
        if text.contains(SEPARATOR) {
            return Err(Unsupported);
        }
        self.texts.push(SEPARATOR);
        self.texts.push_str(text);
        Ok(())
    }

    fn number(&mut self, text: &str) -> Done {
        self.shape.push('n');
        self.text(text)
    }
}

impl Sink for Tape<'_> {
    fn null(&mut self) -> Done {
        self.shape.push('z');
        Ok(())
    }
    fn bool(&mut self, value: bool) -> Done {
        self.shape.push(if value { 't' } else { 'f' });
        Ok(())
    }
    fn int(&mut self, value: i64) -> Done {
        self.number(&value.to_string())
    }
    fn uint(&mut self, value: u64) -> Done {
        self.number(&value.to_string())
    }
    fn float(&mut self, value: f64) -> Done {
        // As serde_json writes it, for JavaScript to read the same double.
        let text = serde_json::to_string(&value).map_err(|_| Unsupported)?;
        self.number(&text)
    }
    fn text(&mut self, value: &str) -> Done {
        self.shape.push('s');
        Tape::text(self, value)
    }
    fn begin_list(&mut self, _: Option<usize>) -> Done {
        self.shape.push('[');
        Ok(())
    }
    fn end_list(&mut self) -> Done {
        self.shape.push(']');
        Ok(())
    }
    fn begin_record(&mut self, _: Option<usize>) -> Done {
        self.shape.push('{');
        Ok(())
    }
    fn field(&mut self, name: &'static str) -> Done {
        let id = (name.as_ptr() as usize, name.len());
        let number = match self.table.numbers.get(&id) {
            Some(number) => *number,
            None if self.table.keys.len() < MAX_KEYS => {
                let number = u32::try_from(self.table.keys.len()).map_err(|_| Unsupported)?;
                let key: Box<str> = to_camel(name).into();
                // Defined before it is used: `index.js` appends it to its table.
                self.shape.push('D');
                Tape::text(self, &key)?;
                self.table.keys.push(key);
                self.table.numbers.insert(id, number);
                number
            }
            None => return self.key(name),
        };
        let character = |seven_bits: u32| char::from_u32(FIRST_KEY + seven_bits).ok_or(Unsupported);
        if number < ONE_CHARACTER_KEYS {
            self.shape.push(character(number)?);
        } else {
            self.shape.push('k');
            self.shape.push(character(number >> 7)?);
            self.shape.push(character(number & 0x7F)?);
        }
        Ok(())
    }
    fn key(&mut self, key: &str) -> Done {
        self.shape.push('K');
        Tape::text(self, &to_camel(key))
    }
    fn end_record(&mut self) -> Done {
        self.shape.push('}');
        Ok(())
    }
}
