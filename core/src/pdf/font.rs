//! Fonts: the shipped Noto Sans faces or an establishment's own TrueType font; measuring text,
//! and embedding only the glyphs a document uses.
//!
//! A face is embedded the way PDF readers handle any script: a Type 0 font over a
//! `CIDFontType2` descendant, `Identity-H` encoding (two bytes per glyph), the glyph subset as
//! `FontFile2` (subsetter), widths in `/W`, and a `ToUnicode` map so that text copies, searches
//! and extracts (`pdftotext`) as written. Without a shaper, text is mapped character by character
//! after NFC normalisation ("Zoë" typed with a combining diaeresis prints as one glyph).

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo};
use pdf_writer::{Chunk, Filter, Finish, Name, Rect, Ref, Str};
use sha2::{Digest, Sha256};
use subsetter::GlyphRemapper;

use crate::error::{Error, Result};

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
        let units: u32 = text.chars().map(|c| u32::from(self.glyph(c).1)).sum();
        units as f32 * size / self.units_per_em
    }
}

/// The glyphs of one face a document uses. Text is collected first ([`add`](Self::add)); once the
/// document's text is all known, [`seal`](Self::seal) numbers the glyphs in the order of their
/// characters, so that runs of letters and digits get consecutive codes and the `ToUnicode` map
/// is a handful of ranges instead of one line a glyph.
pub(crate) struct FontUse<'f> {
    face: &'f Face,
    /// Every character the document writes in this face.
    used: BTreeSet<char>,
    remapper: GlyphRemapper,
    /// New glyph id → the character it stands for, for `ToUnicode`.
    chars: BTreeMap<u16, char>,
}

impl<'f> FontUse<'f> {
    pub(crate) fn new(face: &'f Face) -> Self {
        FontUse {
            face,
            used: BTreeSet::new(),
            remapper: GlyphRemapper::new(),
            chars: BTreeMap::new(),
        }
    }

    /// The face.
    pub(crate) fn face(&self) -> &'f Face {
        self.face
    }

    /// Takes note of the characters `text` writes in this face.
    pub(crate) fn add(&mut self, text: &str) {
        self.used.extend(text.chars());
    }

    /// Numbers the glyphs of every character [`add`](Self::add)ed, in character order; a
    /// character the face lacks is written as glyph 0 (.notdef).
    pub(crate) fn seal(&mut self) {
        for &c in &self.used {
            let (gid, _) = self.face.glyph(c);
            if gid != 0 {
                let cid = self.remapper.remap(gid);
                self.chars.entry(cid).or_insert(c);
            }
        }
    }

    /// Appends `text`, [`add`](Self::add)ed before the font was [`seal`](Self::seal)ed, encoded
    /// for this font: two bytes per glyph (`Identity-H`).
    pub(crate) fn encode(&self, text: &str, out: &mut Vec<u8>) {
        for c in text.chars() {
            let cid = self.remapper.get(self.face.glyph(c).0).unwrap_or(0);
            out.extend_from_slice(&cid.to_be_bytes());
        }
    }

    /// Whether any text used this font.
    pub(crate) fn is_used(&self) -> bool {
        !self.used.is_empty()
    }

    /// Writes the Type 0 font `id` and everything it needs, taking ids from `next`.
    pub(crate) fn write(
        &self,
        chunk: &mut Chunk,
        id: Ref,
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

        chunk
            .type0_font(id)
            .base_font(Name(base.as_bytes()))
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid_id)
            .to_unicode(cmap_id);

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

        let compressed = super::deflate(&subset);
        chunk
            .stream(file_id, &compressed)
            .filter(Filter::FlateDecode)
            .pair(
                Name(b"Length1"),
                i32::try_from(subset.len()).unwrap_or(i32::MAX),
            );

        // A few hundred bytes of ranges: compressing them would save less than it costs.
        chunk.cmap(cmap_id, &to_unicode(&self.chars));
        Ok(())
    }
}

/// The `ToUnicode` CMap of a font whose two-byte codes are `chars`' keys: consecutive codes of
/// consecutive characters as `bfrange`s, the others as `bfchar`s, at most 100 to a block
/// (PDF 32000-1, 9.10.3). pdf-writer's `UnicodeCmap` writes only `bfchar`s, one line a glyph.
fn to_unicode(chars: &BTreeMap<u16, char>) -> Vec<u8> {
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
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    for block in ranges.chunks(100) {
        let _ = writeln!(out, "{} beginbfrange", block.len());
        for &(first, last, c) in block {
            let _ = writeln!(out, "<{first:04X}> <{last:04X}> <{}>", utf16(c));
        }
        out.push_str("endbfrange\n");
    }
    for block in singles.chunks(100) {
        let _ = writeln!(out, "{} beginbfchar", block.len());
        for &(code, c) in block {
            let _ = writeln!(out, "<{code:04X}> <{}>", utf16(c));
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
