//! Fonts: the shipped Noto Sans faces or an establishment's own TrueType font; measuring text,
//! and embedding only the glyphs a document uses.
//!
//! A face is embedded the way PDF readers handle any script: a Type 0 font over a
//! `CIDFontType2` descendant, the glyph subset as `FontFile2` (subsetter), widths in `/W`, and a
//! `ToUnicode` map so that text copies, searches and extracts (`pdftotext`) as written. Page text
//! takes one byte per glyph through the document's [`ONE_BYTE`] CMap when a face uses at most
//! [`ONE_BYTE_GLYPHS`] glyphs (any invoice, quote or contract in Latin script), two bytes
//! (`Identity-H`) beyond. Without a shaper, text is mapped character by character
//! after NFC normalisation ("Zoë" typed with a combining diaeresis prints as one glyph).

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo};
use pdf_writer::writers::WMode;
use pdf_writer::{Chunk, Filter, Finish, Name, Rect, Ref, Str};
use sha2::{Digest, Sha256};
use subsetter::GlyphRemapper;

use crate::error::{Error, Result};

/// The most glyphs (`.notdef` included) a face may use in a document and still be written one
/// byte per glyph: codes `0x1F` to `0xFF`.
pub(crate) const ONE_BYTE_GLYPHS: usize = 0x100 - FIRST_CODE as usize;

/// The one-byte code of glyph 0 (`.notdef`); glyph `n` is written as `FIRST_CODE + n`, so glyph
/// 1 (the space, in most documents) is `0x20` and a page's strings stay printable ASCII, one
/// byte a glyph, for up to 95 glyphs.
const FIRST_CODE: u8 = 0x1F;

/// The embedded CMap of one-byte codes (PDF 32000-1, 9.7.5): code `FIRST_CODE + n` shows glyph
/// `n`. Written once per document, shared by its fonts.
pub(crate) const ONE_BYTE: &[u8] = b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
/CIDSystemInfo 3 dict dup begin /Registry (Adobe) def /Ordering (Identity) def /Supplement 0 def end def\n\
/CMapName /Hospes-Identity-OneByte def\n/CMapType 1 def\n/WMode 0 def\n\
1 begincodespacerange\n<00> <FF>\nendcodespacerange\n\
1 begincidrange\n<1F> <FF> 0\nendcidrange\n\
endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";

/// Writes [`ONE_BYTE`] as the CMap stream `id`.
pub(crate) fn write_one_byte(chunk: &mut Chunk, id: Ref) {
    chunk
        .cmap(id, ONE_BYTE)
        .name(Name(b"Hospes-Identity-OneByte"))
        .system_info(identity())
        .writing_mode(WMode::Horizontal);
}

/// Characters below this code point are looked up in a table built once per face; it covers
/// Latin, punctuation, the euro sign and the narrow no-break space.
const DENSE: usize = 0x2200;

/// A parsed TrueType face: its bytes, metrics and character → glyph table.
#[derive(Clone)]
pub(crate) struct Face {
    data: Cow<'static, [u8]>,
    /// PostScript name, without spaces (`NotoSans-Bold`).
    name: String,
    units_per_em: f32,
    ascender: f32,
    descender: f32,
    cap_height: f32,
    italic_angle: f32,
    bbox: Rect,
    bold: bool,
    /// Glyph id and advance (font units) for every code point below [`DENSE`]; 0 / 0 when absent.
    dense: Vec<(u16, u16)>,
}

impl std::fmt::Debug for Face {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Face")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

impl Face {
    /// Parses a TrueType/OpenType face; `what` names it in errors (`font`, `bold_font`).
    /// Refused: bytes that are not a font, a font without a Unicode character map, and a font
    /// whose licence forbids embedding or subsetting.
    pub(crate) fn parse(data: Cow<'static, [u8]>, what: &str) -> Result<Face> {
        let invalid = |detail: &str| Error::FontInvalid {
            field: what.to_owned(),
            detail: detail.to_owned(),
        };
        // Hinting, glyph names and the long `name` records are dropped once, here, rather than
        // from every subset: the subsetter then copies only what documents embed.
        let data = match super::unhint::strip(&data) {
            Some(lean) => Cow::Owned(lean),
            None => data,
        };
        let face = ttf_parser::Face::parse(&data, 0)
            .map_err(|e| invalid(&format!("not a TrueType or OpenType font ({e})")))?;
        if face.permissions() == Some(ttf_parser::Permissions::Restricted)
            || !face.is_subsetting_allowed()
        {
            return Err(invalid(
                "its licence forbids embedding it in documents (OS/2 fsType)",
            ));
        }
        let mut dense = vec![(0u16, 0u16); DENSE];
        let mut found = 0usize;
        for (code, slot) in dense.iter_mut().enumerate() {
            let Some(c) = u32::try_from(code).ok().and_then(char::from_u32) else {
                continue;
            };
            if let Some(gid) = face.glyph_index(c) {
                *slot = (gid.0, face.glyph_hor_advance(gid).unwrap_or(0));
                found += 1;
            }
        }
        if found == 0 || face.glyph_index('a').is_none() {
            return Err(invalid("it has no Unicode character map for Latin letters"));
        }
        let name = face
            .names()
            .into_iter()
            .find(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME && n.is_unicode())
            .and_then(|n| n.to_string())
            .unwrap_or_else(|| "Font".to_owned())
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .take(60)
            .collect();
        let upem = f32::from(face.units_per_em().max(1));
        let scale = |v: i16| f32::from(v) * 1000.0 / upem;
        let b = face.global_bounding_box();
        Ok(Face {
            name,
            units_per_em: upem,
            ascender: scale(face.ascender()),
            descender: scale(face.descender()),
            cap_height: scale(face.capital_height().unwrap_or(face.ascender())),
            italic_angle: face.italic_angle(),
            bbox: Rect::new(
                scale(b.x_min),
                scale(b.y_min),
                scale(b.x_max),
                scale(b.y_max),
            ),
            bold: face.is_bold(),
            dense,
            data,
        })
    }

    /// Glyph id and advance (in font units) of `c`; glyph 0 (.notdef) when the face lacks it.
    fn glyph(&self, c: char) -> (u16, u16) {
        if let Some(&slot) = self.dense.get(c as usize) {
            return slot;
        }
        ttf_parser::Face::parse(&self.data, 0)
            .ok()
            .and_then(|face| {
                let gid = face.glyph_index(c)?;
                Some((gid.0, face.glyph_hor_advance(gid).unwrap_or(0)))
            })
            .unwrap_or((0, 0))
    }

    /// Width of `text` at `size` points.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        // u64: ten million characters of a host's text would overflow a u32 of font units.
        let units: u64 = text.chars().map(|c| u64::from(self.glyph(c).1)).sum();
        units as f32 * size / self.units_per_em
    }
}

/// A set of characters: a bit each below [`DENSE`] (the characters of Latin text, set and
/// tested in one step for every character a document writes), a tree beyond.
#[derive(Default)]
struct CharSet {
    dense: Vec<u64>,
    sparse: BTreeSet<char>,
}

impl CharSet {
    fn insert(&mut self, c: char) {
        let code = c as usize;
        if code >= DENSE {
            self.sparse.insert(c);
            return;
        }
        if self.dense.is_empty() {
            self.dense = vec![0; DENSE / 64];
        }
        if let Some(word) = self.dense.get_mut(code / 64) {
            *word |= 1 << (code % 64);
        }
    }

    fn is_empty(&self) -> bool {
        self.dense.iter().all(|&w| w == 0) && self.sparse.is_empty()
    }

    /// The characters in order.
    fn iter(&self) -> impl Iterator<Item = char> + '_ {
        let dense = self.dense.iter().enumerate().flat_map(|(i, &word)| {
            // The set bits of the word, lowest first.
            std::iter::successors(Some(word), |w| Some(w & w.wrapping_sub(1)))
                .take_while(|&w| w != 0)
                .filter_map(move |w| {
                    u32::try_from(i * 64)
                        .ok()
                        .and_then(|base| char::from_u32(base + w.trailing_zeros()))
                })
        });
        dense.chain(self.sparse.iter().copied())
    }
}

/// The glyphs of one face a document uses. Text is collected first ([`add`](Self::add)); once the
/// document's text is all known, [`seal`](Self::seal) numbers the glyphs in the order of their
/// characters, so that runs of letters and digits get consecutive codes and the `ToUnicode` map
/// is a handful of ranges instead of one line a glyph.
pub(crate) struct FontUse<'f> {
    face: &'f Face,
    /// Every character the document writes in this face.
    used: CharSet,
    remapper: GlyphRemapper,
    /// Code → the character it stands for, for `ToUnicode`.
    chars: BTreeMap<u16, char>,
    /// Whether codes take one byte ([`ONE_BYTE`]) rather than two (`Identity-H`); set by
    /// [`seal`](Self::seal).
    one_byte: bool,
}

impl<'f> FontUse<'f> {
    pub(crate) fn new(face: &'f Face) -> Self {
        FontUse {
            face,
            used: CharSet::default(),
            remapper: GlyphRemapper::new(),
            chars: BTreeMap::new(),
            one_byte: true,
        }
    }

    /// The face.
    pub(crate) fn face(&self) -> &'f Face {
        self.face
    }

    /// Takes note of the characters `text` writes in this face.
    pub(crate) fn add(&mut self, text: &str) {
        for c in text.chars() {
            self.used.insert(c);
        }
    }

    /// Numbers the glyphs of every character [`add`](Self::add)ed, in character order, and
    /// chooses the width of the codes: one byte up to [`ONE_BYTE_GLYPHS`] glyphs. A character the
    /// face lacks is written as glyph 0 (.notdef).
    pub(crate) fn seal(&mut self) {
        let mut chars = Vec::new();
        for c in self.used.iter() {
            let (gid, _) = self.face.glyph(c);
            if gid != 0 {
                chars.push((self.remapper.remap(gid), c));
            }
        }
        self.one_byte = usize::from(self.remapper.num_gids()) <= ONE_BYTE_GLYPHS;
        for (cid, c) in chars {
            self.chars.entry(self.code(cid)).or_insert(c);
        }
    }

    /// The code of glyph `cid` in the page content.
    fn code(&self, cid: u16) -> u16 {
        if self.one_byte {
            cid + u16::from(FIRST_CODE)
        } else {
            cid
        }
    }

    /// Whether page text takes one byte per glyph ([`ONE_BYTE`]), once [`seal`](Self::seal)ed.
    pub(crate) fn is_one_byte(&self) -> bool {
        self.one_byte
    }

    /// Appends `text`, [`add`](Self::add)ed before the font was [`seal`](Self::seal)ed, encoded
    /// for this font: one byte per glyph, or two (`Identity-H`).
    pub(crate) fn encode(&self, text: &str, out: &mut Vec<u8>) {
        for c in text.chars() {
            let cid = self.remapper.get(self.face.glyph(c).0).unwrap_or(0);
            let code = self.code(cid);
            if self.one_byte {
                out.push(code.to_be_bytes()[1]);
            } else {
                out.extend_from_slice(&code.to_be_bytes());
            }
        }
    }

    /// Whether any text used this font.
    pub(crate) fn is_used(&self) -> bool {
        !self.used.is_empty()
    }

    /// Writes the Type 0 font `id` and everything it needs, taking ids from `next`; `one_byte` is
    /// the document's [`ONE_BYTE`] CMap, written when one of its fonts takes one-byte codes.
    pub(crate) fn write(
        &self,
        chunk: &mut Chunk,
        id: Ref,
        one_byte: Option<Ref>,
        next: &mut impl FnMut() -> Ref,
    ) -> Result<()> {
        let face = self.face;
        let subset =
            subsetter::subset(&face.data, 0, &self.remapper).map_err(|e| Error::FontInvalid {
                field: face.name.clone(),
                detail: format!("its glyphs could not be subset ({e})"),
            })?;
        let cid_id = next();
        let descriptor_id = next();
        let file_id = next();
        let cmap_id = next();

        // A six-letter tag names the subset, from the glyphs it holds: the same text gives the
        // same name, so documents stay byte-for-byte reproducible.
        let mut hash = Sha256::new();
        for gid in self.remapper.remapped_gids() {
            hash.update(gid.to_be_bytes());
        }
        let tag: String = hash
            .finalize()
            .iter()
            .take(6)
            .map(|b| char::from(b'A' + b % 26))
            .collect();
        let base = format!("{tag}+{}", face.name);

        let mut font = chunk.type0_font(id);
        font.base_font(Name(base.as_bytes()));
        match one_byte.filter(|_| self.one_byte) {
            Some(cmap) => font.encoding_cmap(cmap),
            None => font.encoding_predefined(Name(b"Identity-H")),
        };
        font.descendant_font(cid_id).to_unicode(cmap_id);
        font.finish();

        let scale = 1000.0 / face.units_per_em;
        let parsed = ttf_parser::Face::parse(&face.data, 0).ok();
        let widths: Vec<f32> = self
            .remapper
            .remapped_gids()
            .map(|gid| {
                parsed
                    .as_ref()
                    .and_then(|f| f.glyph_hor_advance(ttf_parser::GlyphId(gid)))
                    .map_or(0.0, |w| (f32::from(w) * scale).round())
            })
            .collect();
        let mut cid = chunk.cid_font(cid_id);
        cid.subtype(CidFontType::Type2)
            .base_font(Name(base.as_bytes()))
            .system_info(identity())
            .font_descriptor(descriptor_id)
            .default_width(0.0)
            .cid_to_gid_map_predefined(Name(b"Identity"));
        cid.widths().consecutive(0, widths);
        cid.finish();

        let mut flags = FontFlags::NON_SYMBOLIC;
        if face.italic_angle != 0.0 {
            flags |= FontFlags::ITALIC;
        }
        if face.bold {
            flags |= FontFlags::FORCE_BOLD;
        }
        chunk
            .font_descriptor(descriptor_id)
            .name(Name(base.as_bytes()))
            .flags(flags)
            .bbox(face.bbox)
            .italic_angle(face.italic_angle)
            .ascent(face.ascender)
            .descent(face.descender)
            .cap_height(face.cap_height)
            .stem_v(if face.bold { 140.0 } else { 80.0 })
            .font_file2(file_id);

        let compressed = super::deflate::deflate(&subset);
        chunk
            .stream(file_id, &compressed)
            .filter(Filter::FlateDecode)
            .pair(
                Name(b"Length1"),
                i32::try_from(subset.len()).unwrap_or(i32::MAX),
            );

        // A few hundred bytes of ranges: compressing them would save less than it costs.
        chunk.cmap(cmap_id, &to_unicode(&self.chars, self.one_byte));
        Ok(())
    }
}

/// The `ToUnicode` CMap of a font whose codes (one byte or two) are `chars`' keys: consecutive
/// codes of consecutive characters as `bfrange`s, the others as `bfchar`s, at most 100 to a
/// block (PDF 32000-1, 9.10.3). pdf-writer's `UnicodeCmap` writes only `bfchar`s, two-byte
/// codes, one line a glyph.
fn to_unicode(chars: &BTreeMap<u16, char>, one_byte: bool) -> Vec<u8> {
    use std::fmt::Write;
    let mut ranges: Vec<(u16, u16, char)> = Vec::new();
    let mut singles: Vec<(u16, char)> = Vec::new();
    let mut pairs = chars.iter().map(|(&code, &c)| (code, c)).peekable();
    while let Some((first, c)) = pairs.next() {
        let mut last = first;
        // A range stays within one high byte of the code and of a BMP character.
        while let Some(&(code, next)) = pairs.peek() {
            let follows = u32::from(code) == u32::from(last) + 1
                && next as u32 == c as u32 + u32::from(code - first)
                && code >> 8 == first >> 8
                && next as u32 >> 8 == c as u32 >> 8
                && (next as u32) < 0x1_0000;
            if !follows {
                break;
            }
            last = code;
            pairs.next();
        }
        if last > first {
            ranges.push((first, last, c));
        } else {
            singles.push((first, c));
        }
    }
    let utf16 = |c: char| {
        let mut units = [0u16; 2];
        c.encode_utf16(&mut units)
            .iter()
            .fold(String::new(), |mut hex, unit| {
                let _ = write!(hex, "{unit:04X}");
                hex
            })
    };
    let mut out = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n",
    );
    // Codes in hexadecimal, two digits a byte.
    let (digits, last_code) = if one_byte { (2, 0xFF) } else { (4, 0xFFFF) };
    let _ = writeln!(
        out,
        "1 begincodespacerange\n<{:0digits$X}> <{last_code:0digits$X}>\nendcodespacerange",
        0
    );
    for block in ranges.chunks(100) {
        let _ = writeln!(out, "{} beginbfrange", block.len());
        for &(first, last, c) in block {
            let _ = writeln!(out, "<{first:0digits$X}> <{last:0digits$X}> <{}>", utf16(c));
        }
        out.push_str("endbfrange\n");
    }
    for block in singles.chunks(100) {
        let _ = writeln!(out, "{} beginbfchar", block.len());
        for &(code, c) in block {
            let _ = writeln!(out, "<{code:0digits$X}> <{}>", utf16(c));
        }
        out.push_str("endbfchar\n");
    }
    out.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    out.into_bytes()
}

fn identity() -> SystemInfo<'static> {
    SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_one_byte_cmap_starts_at_the_code_of_notdef() {
        let range = format!("<{FIRST_CODE:02X}> <FF> 0");
        assert!(ONE_BYTE.windows(range.len()).any(|w| w == range.as_bytes()));
        assert_eq!(ONE_BYTE_GLYPHS, 225);
    }

    #[test]
    fn every_character_the_document_catalogues_print_has_a_glyph_in_noto_sans() {
        let printer = super::super::Printer::standard();
        let faces = [&printer.regular, &printer.bold];
        let catalogues = [
            (
                "fr/documents",
                include_str!("../../locales/fr/documents.ftl"),
            ),
            (
                "en/documents",
                include_str!("../../locales/en/documents.ftl"),
            ),
            (
                "es/documents",
                include_str!("../../locales/es/documents.ftl"),
            ),
            ("fr/labels", include_str!("../../locales/fr/labels.ftl")),
            ("en/labels", include_str!("../../locales/en/labels.ftl")),
            ("es/labels", include_str!("../../locales/es/labels.ftl")),
        ];
        for (name, ftl) in catalogues {
            for line in ftl.lines().filter(|l| !l.trim_start().starts_with('#')) {
                for c in line.chars().filter(|c| !c.is_control()) {
                    for face in faces {
                        assert_ne!(
                            face.glyph(c).0,
                            0,
                            "{name}: `{c}` (U+{:04X}) has no glyph in {}: `{line}`",
                            c as u32,
                            face.name
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_char_set_gives_its_characters_in_order() {
        let mut set = CharSet::default();
        assert!(set.is_empty());
        for c in "Żółć zoë 1 234,56 € ✓ Ω".chars() {
            set.insert(c);
        }
        let mut expected: Vec<char> = "Żółć zoë 1 234,56 € ✓ Ω".chars().collect();
        expected.sort_unstable();
        expected.dedup();
        assert_eq!(set.iter().collect::<Vec<_>>(), expected);
        assert!(!set.is_empty());
    }
}
