//! QR codes, for the client's space link on printed documents and in the host's own pages.
//!
//! A primitive: it encodes a text and knows nothing of links or documents. The encoding is the
//! `qrcode` crate's; the choices are hospes's, the same for every caller:
//!
//! - **error correction level M** (15 % of the symbol may be lost: a fold, a stain, a pen mark);
//! - **byte mode**, the text's UTF-8 bytes as they are, without an ECI header (what phone readers
//!   expect). Never the automatic mode choice, which reads some UTF-8 byte pairs (`€` starts with
//!   `E2 82`) as Shift JIS kanji, so that a reader would decode another text;
//! - the **smallest version** (1 to 40) that holds the text, and the mask the standard's penalty
//!   rules choose: the same text always gives the same modules;
//! - a **quiet zone** of four light modules on every side, part of the matrix.
//!
//! A text is refused when it is empty or holds a control character (`link.qr_invalid`), and
//! when it is longer than [`MAX_TEXT_LEN`] bytes, checked before any work (`link.qr_too_long`).
//!
//! ```
//! use hospes::qr::Qr;
//! let qr = Qr::encode("https://portail.camping-des-pins.fr/").unwrap();
//! assert_eq!((qr.version(), qr.size()), (3, 29 + 8));
//! assert!(qr.svg().starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 37 37\""));
//! assert_eq!(Qr::encode("").unwrap_err().code(), "link.qr_invalid");
//! assert_eq!(Qr::encode(&"x".repeat(3000)).unwrap_err().code(), "link.qr_too_long");
//! ```

use std::fmt::Write as _;

use qrcode::bits::Bits;
use qrcode::canvas::{Canvas, MaskPattern};
use qrcode::{Color, EcLevel, Version};

use crate::error::{Error, Result};

/// The longest text encoded, in UTF-8 bytes: what a version 40 symbol (177 × 177 modules) holds
/// at level M in byte mode. Every text within it encodes, whatever its characters.
pub const MAX_TEXT_LEN: usize = 2331;

/// Light modules on each side of the symbol (ISO/IEC 18004 asks for four).
pub const QUIET_ZONE: usize = 4;

/// The error correction level of every code hospes draws.
const LEVEL: EcLevel = EcLevel::M;

/// A QR code: a square of modules, dark or light, the quiet zone included.
#[derive(Clone, PartialEq, Eq)]
pub struct Qr {
    version: u8,
    size: usize,
    /// Row by row, `size × size`, true for dark.
    dark: Vec<bool>,
}

/// A horizontal run of dark modules in one row: what the SVG and the PDFs draw as one rectangle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    /// The row, from 0 at the top (the quiet zone's first row).
    pub row: usize,
    /// The first dark module's column, from 0 at the left.
    pub column: usize,
    /// How many dark modules follow one another.
    pub len: usize,
}

impl std::fmt::Debug for Qr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Qr")
            .field("version", &self.version)
            .field("size", &self.size)
            .finish_non_exhaustive()
    }
}

impl Qr {
    /// Encodes `text` at level M in byte mode, in the smallest version that holds it.
    ///
    /// ```
    /// use hospes::qr::{MAX_TEXT_LEN, Qr};
    /// assert_eq!(Qr::encode(&"é".repeat(MAX_TEXT_LEN / 2)).unwrap().version(), 40);
    /// let err = Qr::encode(&"x".repeat(MAX_TEXT_LEN + 1)).unwrap_err();
    /// assert_eq!(err.to_string(), "a text of 2332 bytes does not fit a QR code (at most 2331)");
    /// assert_eq!(Qr::encode("line\nbreak").unwrap_err().code(), "link.qr_invalid");
    /// ```
    pub fn encode(text: &str) -> Result<Qr> {
        if text.is_empty() {
            return Err(Error::QrInvalid {
                detail: "the text is empty".to_owned(),
            });
        }
        if text.len() > MAX_TEXT_LEN {
            return Err(Error::QrTooLong {
                length: text.len(),
                max: MAX_TEXT_LEN,
            });
        }
        if let Some((at, c)) = text.chars().enumerate().find(|(_, c)| c.is_control()) {
            return Err(Error::QrInvalid {
                detail: format!(
                    "a control character (U+{:04X}) at character {at}",
                    u32::from(c)
                ),
            });
        }
        let too_long = || Error::QrTooLong {
            length: text.len(),
            max: MAX_TEXT_LEN,
        };
        let (version, symbol) = bits(text.as_bytes())
            .and_then(symbol)
            .ok_or_else(too_long)?;
        let width = symbol_width(version);
        let size = width + 2 * QUIET_ZONE;
        let mut dark = vec![false; size * size];
        for (i, module) in symbol.into_iter().enumerate() {
            let (row, column) = (i / width + QUIET_ZONE, i % width + QUIET_ZONE);
            if let Some(cell) = dark.get_mut(row * size + column) {
                *cell = module;
            }
        }
        Ok(Qr {
            version,
            size,
            dark,
        })
    }

    /// The symbol's version, 1 (21 × 21 modules) to 40 (177 × 177).
    pub fn version(&self) -> u8 {
        self.version
    }

    /// Modules on each side, the quiet zone included: the symbol's width plus eight.
    pub fn size(&self) -> usize {
        self.size
    }

    /// Whether the module at `column`, `row` (from the top left, quiet zone included) is dark;
    /// false outside the square.
    ///
    /// ```
    /// let qr = hospes::qr::Qr::encode("https://x.fr/").unwrap();
    /// assert!(!qr.is_dark(0, 0) && qr.is_dark(4, 4)); // the quiet zone, the finder's corner
    /// assert!(!qr.is_dark(qr.size(), 4));
    /// ```
    pub fn is_dark(&self, column: usize, row: usize) -> bool {
        column < self.size && self.dark.get(row * self.size + column) == Some(&true)
    }

    /// The runs of dark modules, row by row from the top, left to right in each row.
    ///
    /// ```
    /// let qr = hospes::qr::Qr::encode("https://x.fr/").unwrap();
    /// let first = qr.runs().next().unwrap();
    /// assert_eq!((first.row, first.column, first.len), (4, 4, 7)); // a finder's top edge
    /// ```
    pub fn runs(&self) -> impl Iterator<Item = Run> + '_ {
        self.dark
            .chunks(self.size.max(1))
            .enumerate()
            .flat_map(|(row, modules)| {
                let mut runs = Vec::new();
                let mut start = None;
                for (column, &dark) in modules.iter().chain([&false]).enumerate() {
                    match (dark, start) {
                        (true, None) => start = Some(column),
                        (false, Some(from)) => {
                            runs.push(Run {
                                row,
                                column: from,
                                len: column - from,
                            });
                            start = None;
                        }
                        _ => {}
                    }
                }
                runs
            })
    }

    /// The code as an SVG image: one white square and one path of the dark modules, each run of
    /// a row one rectangle, in a `viewBox` of one unit a module, quiet zone included, with no
    /// width or height (the page sizes it) and `shape-rendering="crispEdges"`. The same text
    /// gives the same bytes.
    ///
    /// ```
    /// let svg = hospes::qr::Qr::encode("https://x.fr/").unwrap().svg();
    /// assert!(svg.contains(r##"<rect width="29" height="29" fill="#fff"/><path d="M4 4h7v1h-7z"##));
    /// assert!(svg.ends_with("\"/></svg>"));
    /// ```
    pub fn svg(&self) -> String {
        let n = self.size;
        let mut svg = format!(
            concat!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {n} {n}" "#,
                r##"shape-rendering="crispEdges"><rect width="{n}" height="{n}" fill="#fff"/>"##,
                r#"<path d=""#
            ),
            n = n
        );
        for run in self.runs() {
            let _ = write!(
                svg,
                "M{} {}h{}v1h-{}z",
                run.column, run.row, run.len, run.len
            );
        }
        svg.push_str("\"/></svg>");
        svg
    }
}

/// The text's bytes in byte mode, in the smallest version whose capacity at level M holds them
/// (mode indicator, character count, eight bits a byte); `None` when none does.
fn bits(data: &[u8]) -> Option<Bits> {
    (1..=40).find_map(|version: i16| {
        let count_bits = if version < 10 { 8 } else { 16 };
        let needed = 4 + count_bits + 8 * data.len();
        let mut bits = Bits::new(Version::Normal(version));
        if needed > bits.max_len(LEVEL).ok()? {
            return None;
        }
        bits.push_byte_data(data).ok()?;
        bits.push_terminator(LEVEL).ok()?;
        Some(bits)
    })
}

/// Modules on each side of a symbol of `version`, quiet zone aside.
fn symbol_width(version: u8) -> usize {
    17 + 4 * usize::from(version)
}

/// The eight masks of a QR code, in the order of their numbers: the first of least penalty wins.
const MASKS: [MaskPattern; 8] = [
    MaskPattern::Checkerboard,
    MaskPattern::HorizontalLines,
    MaskPattern::VerticalLines,
    MaskPattern::DiagonalLines,
    MaskPattern::LargeCheckerboard,
    MaskPattern::Fields,
    MaskPattern::Diamonds,
    MaskPattern::Meadow,
];

/// The symbol of `bits`, row by row, true for dark: the codewords with their error correction
/// placed, then every mask tried and the one of least [`penalty`] kept, the first on a tie —
/// the very symbol of the crate's `QrCode::with_bits`, which allocates at every position its
/// finder rule checks and takes five times as long for the space link (2.5 ms against 0.5).
fn symbol(bits: Bits) -> Option<(u8, Vec<bool>)> {
    let Version::Normal(number) = bits.version() else {
        return None;
    };
    let version = u8::try_from(number).ok()?;
    let (data, correction) =
        qrcode::ec::construct_codewords(&bits.into_bytes(), Version::Normal(number), LEVEL).ok()?;
    let mut canvas = Canvas::new(Version::Normal(number), LEVEL);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&data, &correction);
    let width = symbol_width(version);
    MASKS
        .iter()
        .map(|mask| {
            let mut masked = canvas.clone();
            masked.apply_mask(*mask);
            let dark: Vec<bool> = masked
                .into_colors()
                .into_iter()
                .map(|c| c == Color::Dark)
                .collect();
            (penalty(&dark, width), dark)
        })
        .min_by_key(|(score, _)| *score)
        .map(|(_, dark)| (version, dark))
}

/// The penalty of a masked symbol, `width` modules a side, by the rules of ISO/IEC 18004
/// (§7.8.3.1) as the `qrcode` crate scores them: 3 + n for a run of 5 + n modules of one colour
/// in a row or a column; 3 for each 2 × 2 block of one colour; 40 for each 1:1:3:1:1
/// finder-like pattern with four light modules before or after it (outside the symbol is
/// light); and how far the dark modules are from half, in half-percents. Rows, then columns
/// (the symbol transposed once), each read as a slice.
fn penalty(dark: &[bool], width: usize) -> u32 {
    let width = width.max(1);
    let mut columns = Vec::with_capacity(dark.len());
    for x in 0..width {
        columns.extend(dark.iter().skip(x).step_by(width));
    }
    let mut score = 0;
    for line in dark.chunks(width).chain(columns.chunks(width)) {
        score += line_penalty(line);
    }
    for (above, below) in dark.chunks(width).zip(dark.chunks(width).skip(1)) {
        let blocks = above
            .windows(2)
            .zip(below.windows(2))
            .map(|pair| match pair {
                ([a, b], [c, d]) => usize::from((a == b) & (b == c) & (c == d)),
                _ => 0,
            })
            .sum::<usize>();
        score += 3 * blocks;
    }
    let total = dark.len().max(1);
    let half_percents = dark.iter().filter(|d| **d).count() * 200 / total;
    u32::try_from(score + half_percents.abs_diff(100)).unwrap_or(u32::MAX)
}

/// The run and finder-like penalties of one row or column, in one pass over the last modules
/// held as the bits of a number, without a branch on the modules (they are random: a branch
/// would be mispredicted every other module). A run of `5 + n` modules is `n + 1` positions
/// whose last five modules are alike, the first of them counting 2 more: `3 + n`.
fn line_penalty(line: &[bool]) -> usize {
    /// Dark, light, three dark, light, dark: `1011101`.
    const FINDER: u32 = 0b101_1101;
    // Light from `from` to `to`: what lies outside the line is.
    let light = |from: usize, to: usize| {
        line.get(from..to.min(line.len()))
            .is_none_or(|cells| cells.iter().all(|dark| !dark))
    };
    let mut score = 0;
    let mut window: u32 = 0;
    let mut alike_before = false;
    for (i, &dark) in line.iter().enumerate() {
        window = (window << 1) | u32::from(dark);
        let five = window & 0x1f;
        let alike = (i >= 4) & ((five == 0) | (five == 0x1f));
        score += usize::from(alike) + 2 * usize::from(alike & !alike_before);
        alike_before = alike;
        if (i >= 6) & (window & 0x7f == FINDER) {
            let start = i - 6;
            if light(start.saturating_sub(4), start) || light(i + 1, i + 5) {
                score += 40;
            }
        }
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_capacity_is_the_standards_for_level_m_in_byte_mode() {
        // Table 7 of ISO/IEC 18004: 14 bytes in version 1-M, 2 331 in version 40-M.
        assert_eq!(Qr::encode(&"a".repeat(14)).unwrap().version(), 1);
        assert_eq!(Qr::encode(&"a".repeat(15)).unwrap().version(), 2);
        assert_eq!(Qr::encode(&"a".repeat(MAX_TEXT_LEN)).unwrap().version(), 40);
        assert_eq!(
            Qr::encode(&"a".repeat(MAX_TEXT_LEN)).unwrap().size(),
            177 + 8
        );
    }

    #[test]
    fn a_euro_sign_is_written_as_its_utf8_bytes_not_as_a_kanji() {
        // The crate's automatic mode choice reads `€` (E2 82 AC) as a Shift JIS kanji then a
        // byte: a reader would decode another text. Byte mode takes its three bytes: twelve
        // euro signs are 36 bytes, version 3 at level M (26 bytes in version 2).
        use qrcode::optimize::Parser;
        use qrcode::types::Mode;
        let euros = "€".repeat(12);
        assert!(Parser::new(euros.as_bytes()).any(|s| s.mode == Mode::Kanji));
        assert_eq!(Qr::encode(&euros).unwrap().version(), 3);
        assert_eq!(Qr::encode(&"€".repeat(9)).unwrap().version(), 3);
        assert_eq!(Qr::encode(&"€".repeat(8)).unwrap().version(), 2);
    }

    #[test]
    fn the_symbol_is_the_one_the_crate_would_draw() {
        use qrcode::QrCode;
        let texts = (0..60)
            .map(|n| {
                format!(
                    "https://portail.camping-des-pins.fr/?t={}",
                    "v4.local.Zoë-".repeat(n)
                )
            })
            .chain(["a".to_owned(), "€".repeat(9), "0123456789".repeat(30)]);
        for text in texts {
            let ours = Qr::encode(&text).unwrap();
            let theirs = QrCode::with_bits(bits(text.as_bytes()).unwrap(), LEVEL).unwrap();
            let width = theirs.width();
            assert_eq!(ours.size(), width + 2 * QUIET_ZONE);
            for (i, color) in theirs.into_colors().into_iter().enumerate() {
                let (x, y) = (i % width + QUIET_ZONE, i / width + QUIET_ZONE);
                assert_eq!(ours.is_dark(x, y), color == Color::Dark, "{text}: {x},{y}");
            }
        }
    }

    #[test]
    fn the_quiet_zone_is_light() {
        let qr = Qr::encode("https://portail.camping-des-pins.fr/?t=abc").unwrap();
        let n = qr.size();
        for i in 0..n {
            for q in 0..QUIET_ZONE {
                assert!(!qr.is_dark(i, q) && !qr.is_dark(i, n - 1 - q));
                assert!(!qr.is_dark(q, i) && !qr.is_dark(n - 1 - q, i));
            }
        }
    }

    #[test]
    fn the_runs_cover_exactly_the_dark_modules() {
        let qr = Qr::encode("https://portail.camping-des-pins.fr/?t=v4.local.xyz").unwrap();
        let mut drawn = vec![false; qr.size() * qr.size()];
        for run in qr.runs() {
            assert!(run.len > 0);
            for c in run.column..run.column + run.len {
                assert!(!drawn[run.row * qr.size() + c], "drawn twice");
                drawn[run.row * qr.size() + c] = true;
            }
        }
        assert_eq!(drawn, qr.dark);
    }
}
