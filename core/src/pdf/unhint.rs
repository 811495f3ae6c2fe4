//! Drops TrueType hinting from a face, once, when it is loaded: the `fpgm`, `prep` and `cvt `
//! programs and every glyph's instructions. PDF readers rasterise outlines themselves at any
//! zoom; the hints only weigh on the file (a third of a Noto subset), so leaving them out keeps
//! an invoice under 20 KB, and the subsetter has less to copy for every document. Glyph names
//! (`post`) go too, and the `name` table keeps only the copyright, family, style, identifier,
//! full name, version and PostScript name (Windows records): the licence text and URLs of a
//! font's `name` table weigh more than a page of text. Anything unexpected in the font returns
//! `None`, and the face is kept as it came.

/// Tables that only serve hinting.
const HINTING: [&[u8; 4]; 6] = [b"fpgm", b"prep", b"cvt ", b"hdmx", b"LTSH", b"VDMX"];

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    data.get(at..at + 2)
        .and_then(|b| <[u8; 2]>::try_from(b).ok())
        .map(u16::from_be_bytes)
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    data.get(at..at + 4)
        .and_then(|b| <[u8; 4]>::try_from(b).ok())
        .map(u32::from_be_bytes)
}

/// The font without hinting, or `None` when it cannot be read as expected.
pub(crate) fn strip(font: &[u8]) -> Option<Vec<u8>> {
    let count = usize::from(u16_at(font, 4)?);
    let mut tables: Vec<([u8; 4], Vec<u8>)> = Vec::with_capacity(count);
    for i in 0..count {
        let record = 12 + 16 * i;
        let tag = <[u8; 4]>::try_from(font.get(record..record + 4)?).ok()?;
        let offset = usize::try_from(u32_at(font, record + 8)?).ok()?;
        let length = usize::try_from(u32_at(font, record + 12)?).ok()?;
        tables.push((tag, font.get(offset..offset.checked_add(length)?)?.to_vec()));
    }
    let find = |tag: &[u8; 4]| tables.iter().position(|(t, _)| t == tag);
    let (head, loca, glyf) = (find(b"head")?, find(b"loca")?, find(b"glyf")?);
    let long = u16_at(&tables.get(head)?.1, 50)? == 1;
    let loca_data = &tables.get(loca)?.1;
    let glyf_data = &tables.get(glyf)?.1;
    let glyphs = if long {
        loca_data.len() / 4
    } else {
        loca_data.len() / 2
    }
    .checked_sub(1)?;
    let offset = |i: usize| -> Option<usize> {
        if long {
            usize::try_from(u32_at(loca_data, 4 * i)?).ok()
        } else {
            Some(usize::from(u16_at(loca_data, 2 * i)?) * 2)
        }
    };
    let mut new_glyf = Vec::with_capacity(glyf_data.len());
    let mut new_loca = Vec::with_capacity((glyphs + 1) * 4);
    for i in 0..glyphs {
        new_loca.extend_from_slice(&u32::try_from(new_glyf.len()).ok()?.to_be_bytes());
        let glyph = glyf_data.get(offset(i)?..offset(i + 1)?)?;
        if !glyph.is_empty() {
            new_glyf.extend_from_slice(&without_instructions(glyph)?);
            while new_glyf.len() % 4 != 0 {
                new_glyf.push(0);
            }
        }
    }
    new_loca.extend_from_slice(&u32::try_from(new_glyf.len()).ok()?.to_be_bytes());
    tables.get_mut(glyf)?.1 = new_glyf;
    tables.get_mut(loca)?.1 = new_loca;
    let head_data = &mut tables.get_mut(head)?.1;
    head_data
        .get_mut(50..52)?
        .copy_from_slice(&1u16.to_be_bytes());
    head_data.get_mut(8..12)?.copy_from_slice(&[0; 4]);
    tables.retain(|(tag, _)| !HINTING.contains(&tag));
    for (tag, data) in &mut tables {
        if tag == b"post" && data.len() >= 32 {
            // Version 3: no glyph names (readers name glyphs through ToUnicode, not `post`).
            data.truncate(32);
            data.get_mut(0..4)?
                .copy_from_slice(&0x0003_0000u32.to_be_bytes());
        } else if tag == b"name" {
            *data = short_names(data)?;
        }
    }
    Some(assemble(font.get(0..4)?, &tables))
}

/// The `name` table with only the Windows records of names 0 to 6.
fn short_names(data: &[u8]) -> Option<Vec<u8>> {
    let count = usize::from(u16_at(data, 2)?);
    let storage = usize::from(u16_at(data, 4)?);
    let mut records = Vec::new();
    let mut strings = Vec::new();
    for i in 0..count {
        let at = 6 + 12 * i;
        let (platform, name_id) = (u16_at(data, at)?, u16_at(data, at + 6)?);
        if platform != 3 || name_id > 6 {
            continue;
        }
        let length = usize::from(u16_at(data, at + 8)?);
        let offset = usize::from(u16_at(data, at + 10)?);
        let text = data.get(storage + offset..storage + offset + length)?;
        records.extend_from_slice(data.get(at..at + 8)?);
        records.extend_from_slice(&u16::try_from(length).ok()?.to_be_bytes());
        records.extend_from_slice(&u16::try_from(strings.len()).ok()?.to_be_bytes());
        strings.extend_from_slice(text);
    }
    let kept = u16::try_from(records.len() / 12).ok()?;
    let mut out = Vec::with_capacity(6 + records.len() + strings.len());
    out.extend_from_slice(&0u16.to_be_bytes());
    out.extend_from_slice(&kept.to_be_bytes());
    out.extend_from_slice(&u16::try_from(6 + records.len()).ok()?.to_be_bytes());
    out.extend_from_slice(&records);
    out.extend_from_slice(&strings);
    Some(out)
}

/// One glyph's bytes without its instructions.
fn without_instructions(glyph: &[u8]) -> Option<Vec<u8>> {
    let contours = i16::from_be_bytes(<[u8; 2]>::try_from(glyph.get(0..2)?).ok()?);
    if contours >= 0 {
        let at = 10 + 2 * usize::try_from(contours).ok()?;
        let length = usize::from(u16_at(glyph, at)?);
        let mut out = Vec::with_capacity(glyph.len() - length);
        out.extend_from_slice(glyph.get(..at)?);
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(glyph.get(at + 2 + length..)?);
        return Some(out);
    }
    // A composite glyph: walk its components; instructions, if any, follow the last one.
    const WORDS: u16 = 0x0001;
    const SCALE: u16 = 0x0008;
    const MORE: u16 = 0x0020;
    const XY_SCALE: u16 = 0x0040;
    const TWO_BY_TWO: u16 = 0x0080;
    const INSTRUCTIONS: u16 = 0x0100;
    let mut out = glyph.get(..10)?.to_vec();
    let mut at = 10;
    loop {
        let flags = u16_at(glyph, at)?;
        let mut size = 4 + if flags & WORDS != 0 { 4 } else { 2 };
        if flags & SCALE != 0 {
            size += 2;
        } else if flags & XY_SCALE != 0 {
            size += 4;
        } else if flags & TWO_BY_TWO != 0 {
            size += 8;
        }
        let start = out.len();
        out.extend_from_slice(glyph.get(at..at + size)?);
        out.get_mut(start..start + 2)?
            .copy_from_slice(&(flags & !INSTRUCTIONS).to_be_bytes());
        at += size;
        if flags & MORE == 0 {
            return Some(out);
        }
    }
}

/// A font file from its tables: the directory (sorted by tag), then each table 4-byte aligned.
fn assemble(version: &[u8], tables: &[([u8; 4], Vec<u8>)]) -> Vec<u8> {
    let mut sorted: Vec<&([u8; 4], Vec<u8>)> = tables.iter().collect();
    sorted.sort_by_key(|(tag, _)| *tag);
    let count = u16::try_from(sorted.len()).unwrap_or(u16::MAX);
    let power = 1u16 << (15 - count.max(1).leading_zeros());
    let search = power * 16;
    let selector = u16::try_from(power.trailing_zeros()).unwrap_or(0);
    let mut out = Vec::new();
    out.extend_from_slice(version);
    for value in [count, search, selector, count * 16 - search] {
        out.extend_from_slice(&value.to_be_bytes());
    }
    let mut offset = 12 + 16 * sorted.len();
    for (tag, data) in &sorted {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&u32::try_from(offset).unwrap_or(0).to_be_bytes());
        out.extend_from_slice(&u32::try_from(data.len()).unwrap_or(0).to_be_bytes());
        offset += data.len().div_ceil(4) * 4;
    }
    for (_, data) in &sorted {
        out.extend_from_slice(data);
        out.resize(out.len().div_ceil(4) * 4, 0);
    }
    out
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        for (slot, byte) in word.iter_mut().zip(chunk) {
            *slot = *byte;
        }
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_face_without_hints_still_parses_keeps_its_outlines_and_subsets() {
        let data = include_bytes!("../../fonts/NotoSans-Regular.ttf");
        let stripped = strip(data).unwrap();
        assert!(stripped.len() < data.len());
        let before = ttf_parser::Face::parse(data, 0).unwrap();
        let parsed = ttf_parser::Face::parse(&stripped, 0).unwrap();
        for tag in HINTING {
            assert!(
                parsed
                    .raw_face()
                    .table(ttf_parser::Tag::from_bytes(tag))
                    .is_none()
            );
        }
        let name = parsed
            .names()
            .into_iter()
            .find(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME && n.is_unicode())
            .and_then(|n| n.to_string());
        assert_eq!(name.as_deref(), Some("NotoSans-Regular"));
        let mut remapper = subsetter::GlyphRemapper::new();
        for c in "Łukasz Żółć 1 234,56 €".chars() {
            let gid = parsed.glyph_index(c).unwrap();
            assert_eq!(Some(gid), before.glyph_index(c));
            assert_eq!(
                parsed.glyph_bounding_box(gid),
                before.glyph_bounding_box(gid),
                "{c}"
            );
            assert_eq!(parsed.glyph_hor_advance(gid), before.glyph_hor_advance(gid));
            remapper.remap(gid.0);
        }
        let subset = subsetter::subset(&stripped, 0, &remapper).unwrap();
        let small = ttf_parser::Face::parse(&subset, 0).unwrap();
        // The accented letters are composites: their components come along.
        assert!(small.number_of_glyphs() > remapper.num_gids());
    }
}
