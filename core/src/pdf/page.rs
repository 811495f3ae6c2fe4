//! The small layout layer documents are drawn with: text with wrapping and alignment, tables that
//! break across pages and repeat their header, rules, boxes, images and a drawn signature — only
//! what documents need. Coordinates are PDF points from the bottom left; `y` is the baseline
//! cursor, moving down the page.

use pdf_writer::{Chunk, Content, Filter, Finish, Name, Pdf, Rect, Ref, Settings, Str, TextStr};

use super::font::{Face, FontUse};
use super::image::Image;
use crate::error::Result;
use crate::qr::Qr;

/// Points per millimetre.
pub(crate) const MM: f32 = 72.0 / 25.4;

/// Objects and page content written without indentation or line breaks: a reader needs none,
/// and a 20-line invoice is 1.5 KB lighter.
const COMPACT: Settings = Settings { pretty: false };

/// The information dictionary's producer.
const PRODUCER: &str = "hospes (pdf-writer)";

/// How a line of text sits against its `x`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    /// Starts at `x`.
    Left,
    /// Ends at `x`.
    Right,
    /// Centred on `x`.
    Center,
}

/// Regular or bold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Weight {
    Regular,
    Bold,
}

/// A table column: its width and how its cells align.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Column {
    pub(crate) width: f32,
    pub(crate) align: Align,
}

/// What the document says about itself (the PDF's information dictionary).
#[derive(Debug, Clone, Default)]
pub(crate) struct Info {
    pub(crate) title: String,
    pub(crate) author: String,
    pub(crate) subject: String,
    pub(crate) lang: &'static str,
    /// The document's own date (never the clock), so the bytes are reproducible.
    pub(crate) date: Option<chrono::NaiveDate>,
    /// Printed, centred, at the foot of every page (the legal line), with "n / N".
    pub(crate) footer: String,
    /// Makes the document PDF/A-3b with this file embedded (a Factur-X invoice).
    pub(crate) archive: Option<super::archive::Archive>,
}

/// A document being drawn, page by page.
pub(crate) struct Sheet<'f> {
    fonts: [FontUse<'f>; 2],
    images: Vec<&'f Image>,
    /// Finished pages: their drawings, and their text, encoded once every glyph is known.
    pages: Vec<(Content, Vec<Run>)>,
    content: Content,
    runs: Vec<Run>,
    /// Page width and height, in points.
    pub(crate) width: f32,
    pub(crate) height: f32,
    /// Left and right margins.
    pub(crate) margin: f32,
    /// Lowest baseline allowed before a page break.
    bottom: f32,
    /// Top baseline of a new page.
    top: f32,
    /// The baseline cursor.
    pub(crate) y: f32,
    /// When set, a new page starts with this table header.
    header: Option<(Vec<Column>, Vec<String>)>,
    /// The stroke gray the page's content last set (with the 0.6 pt line width of rules and
    /// frames); `None` before the first rule of a page.
    stroke: Option<f32>,
}

/// A line of text placed on a page.
struct Run {
    weight: Weight,
    size: f32,
    /// Position in hundredths of a point, so that moves from one line to the next are exact.
    x: i32,
    y: i32,
    text: String,
}

impl<'f> Sheet<'f> {
    /// An empty document of `width` × `height` points with `margin` all around.
    pub(crate) fn new(
        regular: &'f Face,
        bold: &'f Face,
        width: f32,
        height: f32,
        margin: f32,
    ) -> Self {
        let top = height - margin;
        Sheet {
            fonts: [FontUse::new(regular), FontUse::new(bold)],
            images: Vec::new(),
            pages: Vec::new(),
            content: Content::with_settings(COMPACT),
            width,
            height,
            margin,
            bottom: margin + 12.0,
            top,
            y: top,
            header: None,
            runs: Vec::new(),
            stroke: None,
        }
    }

    /// An A4 page (210 × 297 mm) with 18 mm margins.
    pub(crate) fn a4(regular: &'f Face, bold: &'f Face) -> Self {
        Sheet::new(regular, bold, 210.0 * MM, 297.0 * MM, 18.0 * MM)
    }

    /// The width between the margins.
    pub(crate) fn inner(&self) -> f32 {
        self.width - 2.0 * self.margin
    }

    fn font(&self, weight: Weight) -> &FontUse<'f> {
        let [regular, bold] = &self.fonts;
        if weight == Weight::Bold {
            bold
        } else {
            regular
        }
    }

    fn font_mut(&mut self, weight: Weight) -> &mut FontUse<'f> {
        let [regular, bold] = &mut self.fonts;
        if weight == Weight::Bold {
            bold
        } else {
            regular
        }
    }

    /// The face of `weight`.
    pub(crate) fn face(&self, weight: Weight) -> &'f Face {
        self.font(weight).face()
    }

    /// Width of `text` at `size` in `weight`.
    pub(crate) fn measure(&self, text: &str, size: f32, weight: Weight) -> f32 {
        self.face(weight).width(text, size)
    }

    /// Draws one line of `text` with its baseline at `y`.
    pub(crate) fn text(
        &mut self,
        x: f32,
        y: f32,
        text: &str,
        size: f32,
        weight: Weight,
        align: Align,
    ) {
        if text.is_empty() {
            return;
        }
        let text = &*nfc(text);
        let x = match align {
            Align::Left => x,
            Align::Right => x - self.measure(text, size, weight),
            Align::Center => x - self.measure(text, size, weight) / 2.0,
        };
        self.font_mut(weight).add(text);
        self.runs.push(Run {
            weight,
            size,
            x: hundredths(x),
            y: hundredths(y),
            text: text.to_owned(),
        });
    }

    /// Writes a page's text after its drawings (backgrounds and rules never cover text), in one
    /// text object, setting the font only when it changes.
    fn write_text(&self, content: &mut Content, runs: &[Run]) {
        if runs.is_empty() {
            return;
        }
        content.begin_text();
        let mut current = None;
        let mut bytes = Vec::new();
        // Each line starts where the previous one did, moved by `Td`: shorter than a matrix.
        let mut at = (0, 0);
        for run in runs {
            if current != Some((run.weight, run.size)) {
                let name = match run.weight {
                    Weight::Regular => Name(b"F1"),
                    Weight::Bold => Name(b"F2"),
                };
                content.set_font(name, run.size);
                current = Some((run.weight, run.size));
            }
            let step = |to: i32, from: i32| (i64::from(to) - i64::from(from)) as f32 / 100.0;
            content.next_line(step(run.x, at.0), step(run.y, at.1));
            at = (run.x, run.y);
            bytes.clear();
            self.font(run.weight).encode(&run.text, &mut bytes);
            content.show(Str(&bytes));
        }
        content.end_text();
    }

    /// Splits `text` into lines no wider than `width`: at spaces, at line breaks, and inside a
    /// word only when the word alone is too wide.
    pub(crate) fn wrap(&self, text: &str, width: f32, size: f32, weight: Weight) -> Vec<String> {
        let text = &*nfc(text);
        let face = self.face(weight);
        let space = face.width(" ", size);
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            let mut used = 0.0;
            for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
                let w = face.width(word, size);
                if !line.is_empty() && used + space + w <= width {
                    line.push(' ');
                    line.push_str(word);
                    used += space + w;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                used = 0.0;
                if w <= width {
                    line.push_str(word);
                    used = w;
                    continue;
                }
                for c in word.chars() {
                    let cw = face.width(c.encode_utf8(&mut [0; 4]), size);
                    if used + cw > width && !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                        used = 0.0;
                    }
                    line.push(c);
                    used += cw;
                }
            }
            lines.push(line);
        }
        lines
    }

    /// Writes `text` wrapped to `width` from the cursor down, `leading` apart, breaking pages.
    pub(crate) fn paragraph(
        &mut self,
        x: f32,
        width: f32,
        text: &str,
        size: f32,
        weight: Weight,
        align: Align,
    ) {
        let leading = size * 1.35;
        let anchor = match align {
            Align::Left => x,
            Align::Right => x + width,
            Align::Center => x + width / 2.0,
        };
        for line in self.wrap(text, width, size, weight) {
            self.need(leading);
            self.text(anchor, self.y, &line, size, weight, align);
            self.y -= leading;
        }
    }

    /// Starts a new page unless `height` more points fit above the bottom margin.
    pub(crate) fn need(&mut self, height: f32) {
        if self.y - height < self.bottom {
            self.new_page();
        }
    }

    /// Ends the page and starts another, repeating the current table's header.
    pub(crate) fn new_page(&mut self) {
        let done = std::mem::replace(&mut self.content, Content::with_settings(COMPACT));
        self.pages.push((done, std::mem::take(&mut self.runs)));
        self.stroke = None;
        self.y = self.top;
        if let Some((columns, header)) = self.header.take() {
            self.row(&columns, &header, Weight::Bold, true);
            self.header = Some((columns, header));
        }
    }

    /// A horizontal rule under the cursor, from `x1` to `x2`.
    pub(crate) fn rule(&mut self, x1: f32, x2: f32, y: f32, gray: f32) {
        self.stroke_gray(gray);
        self.content
            .move_to(round(x1), round(y))
            .line_to(round(x2), round(y))
            .stroke();
    }

    /// Sets the stroke of rules and frames, only when it changes: a table's rules share one.
    fn stroke_gray(&mut self, gray: f32) {
        if self.stroke.is_none() {
            self.content.set_line_width(0.6);
        }
        if self.stroke != Some(gray) {
            self.content.set_stroke_gray(gray);
            self.stroke = Some(gray);
        }
    }

    /// A filled rectangle in `gray` (0 black, 1 white).
    pub(crate) fn fill(&mut self, x: f32, y: f32, width: f32, height: f32, gray: f32) {
        self.content
            .save_state()
            .set_fill_gray(gray)
            .rect(round(x), round(y), round(width), round(height))
            .fill_nonzero()
            .restore_state();
    }

    /// A stroked rectangle.
    pub(crate) fn frame(&mut self, x: f32, y: f32, width: f32, height: f32, gray: f32) {
        self.stroke_gray(gray);
        self.content
            .rect(round(x), round(y), round(width), round(height))
            .stroke();
    }

    /// The dark modules of `code`, black, as one path of rectangles (one a run of a row, in
    /// module units under a scaling matrix: small whole numbers), filled once: no seam between
    /// modules. The matrix's top left corner, quiet zone included, is at (`x`, `top`); `pitch`
    /// points a module.
    pub(crate) fn qr(&mut self, code: &Qr, x: f32, top: f32, pitch: f32) {
        self.content
            .save_state()
            .transform([pitch, 0.0, 0.0, -pitch, round(x), round(top)])
            .set_fill_gray(0.0);
        for run in code.runs() {
            // A row or column of a version 40 code is at most 185: exact in an f32.
            self.content
                .rect(run.column as f32, run.row as f32, run.len as f32, 1.0);
        }
        self.content.fill_nonzero().restore_state();
    }

    /// A table: `header` in bold on a tinted band (none when every title is empty), then `rows`, each cell wrapped to its
    /// column; a row that does not fit starts a new page, which repeats the header.
    pub(crate) fn table(&mut self, columns: &[Column], header: &[String], rows: &[Vec<String>]) {
        self.need(40.0);
        if header.iter().any(|h| !h.is_empty()) {
            self.row(columns, header, Weight::Bold, true);
            self.header = Some((columns.to_vec(), header.to_vec()));
        }
        for cells in rows {
            self.row(columns, cells, Weight::Regular, false);
        }
        self.header = None;
        let x = self.margin;
        let end = x + columns.iter().map(|c| c.width).sum::<f32>();
        self.rule(x, end, self.y + 9.0, 0.6);
        self.y -= 6.0;
    }

    fn row(&mut self, columns: &[Column], cells: &[String], weight: Weight, band: bool) {
        const SIZE: f32 = 8.5;
        const PAD: f32 = 3.0;
        let leading = SIZE * 1.3;
        let wrapped: Vec<Vec<String>> = columns
            .iter()
            .zip(cells)
            .map(|(column, cell)| self.wrap(cell, column.width - 2.0 * PAD, SIZE, weight))
            .collect();
        let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let height = lines as f32 * leading + 2.0 * PAD;
        if !band {
            self.need(height);
        }
        let total: f32 = columns.iter().map(|c| c.width).sum();
        let top = self.y + SIZE + PAD;
        if band {
            self.fill(self.margin, top - height, total, height, 0.9);
        } else {
            self.rule(self.margin, self.margin + total, top, 0.85);
        }
        let mut x = self.margin;
        for (column, cell_lines) in columns.iter().zip(&wrapped) {
            let anchor = match column.align {
                Align::Left => x + PAD,
                Align::Right => x + column.width - PAD,
                Align::Center => x + column.width / 2.0,
            };
            let mut y = self.y;
            for line in cell_lines {
                self.text(anchor, y, line, SIZE, weight, column.align);
                y -= leading;
            }
            x += column.width;
        }
        self.y -= height;
    }

    /// Places `image` in the box (`x`, `y` bottom left, `width` × `height`), keeping its
    /// proportions.
    pub(crate) fn image(&mut self, image: &'f Image, x: f32, y: f32, width: f32, height: f32) {
        let scale = (width / image.width as f32).min(height / image.height as f32);
        let (w, h) = (image.width as f32 * scale, image.height as f32 * scale);
        let index = match self.images.iter().position(|i| std::ptr::eq(*i, image)) {
            Some(index) => index,
            None => {
                self.images.push(image);
                self.images.len() - 1
            }
        };
        let name = format!("Im{}", index + 1);
        self.content
            .save_state()
            .transform([w, 0.0, 0.0, h, x, y + (height - h)])
            .x_object(Name(name.as_bytes()))
            .restore_state();
    }

    /// Draws an SVG path (`d`, over a `view_width` × `view_height` pad) into the box with
    /// bottom left (`x`, `y`), keeping its proportions. Returns false when the path does not read.
    pub(crate) fn svg_path(
        &mut self,
        d: &str,
        view: (u32, u32),
        x: f32,
        y: f32,
        width: f32,
        height: f32,
    ) -> bool {
        let (vw, vh) = (view.0.max(1) as f32, view.1.max(1) as f32);
        let s = (width / vw).min(height / vh);
        let map = |px: f64, py: f64| (x + px as f32 * s, y + height - py as f32 * s);
        let mut segments = Vec::new();
        for segment in svgtypes::SimplifyingPathParser::from(d) {
            match segment {
                Ok(segment) => segments.push(segment),
                Err(_) => return false,
            }
        }
        self.content
            .save_state()
            .set_stroke_rgb(0.05, 0.1, 0.35)
            .set_line_width(1.4)
            .set_line_cap(pdf_writer::types::LineCapStyle::RoundCap)
            .set_line_join(pdf_writer::types::LineJoinStyle::RoundJoin);
        let mut current = (0.0f64, 0.0f64);
        for segment in segments {
            use svgtypes::SimplePathSegment as S;
            match segment {
                S::MoveTo { x: px, y: py } => {
                    let (a, b) = map(px, py);
                    self.content.move_to(a, b);
                    current = (px, py);
                }
                S::LineTo { x: px, y: py } => {
                    let (a, b) = map(px, py);
                    self.content.line_to(a, b);
                    current = (px, py);
                }
                S::CurveTo {
                    x1,
                    y1,
                    x2,
                    y2,
                    x: px,
                    y: py,
                } => {
                    let (a1, b1) = map(x1, y1);
                    let (a2, b2) = map(x2, y2);
                    let (a, b) = map(px, py);
                    self.content.cubic_to(a1, b1, a2, b2, a, b);
                    current = (px, py);
                }
                S::Quadratic {
                    x1,
                    y1,
                    x: px,
                    y: py,
                } => {
                    // A quadratic curve is the cubic with its control points two thirds along.
                    let c1 = (
                        current.0 + 2.0 / 3.0 * (x1 - current.0),
                        current.1 + 2.0 / 3.0 * (y1 - current.1),
                    );
                    let c2 = (px + 2.0 / 3.0 * (x1 - px), py + 2.0 / 3.0 * (y1 - py));
                    let (a1, b1) = map(c1.0, c1.1);
                    let (a2, b2) = map(c2.0, c2.1);
                    let (a, b) = map(px, py);
                    self.content.cubic_to(a1, b1, a2, b2, a, b);
                    current = (px, py);
                }
                S::ClosePath => {
                    self.content.close_path();
                }
            }
        }
        self.content.stroke().restore_state();
        true
    }

    /// Ends the document: the footer and page numbers on every page (none without a footer), the fonts (subset), the
    /// images, and the information dictionary. Object order is fixed, so the same document
    /// gives the same bytes.
    pub(crate) fn finish(mut self, info: &Info) -> Result<Vec<u8>> {
        let last = std::mem::replace(&mut self.content, Content::with_settings(COMPACT));
        self.pages.push((last, std::mem::take(&mut self.runs)));
        let count = self.pages.len();
        let mut pages = std::mem::take(&mut self.pages);
        for (n, page) in pages
            .iter_mut()
            .enumerate()
            .filter(|_| !info.footer.is_empty())
        {
            let number = format!("{} / {}", n + 1, count);
            let footer_y = self.margin - 4.0;
            std::mem::swap(&mut self.content, &mut page.0);
            std::mem::swap(&mut self.runs, &mut page.1);
            self.stroke = None;
            self.rule(self.margin, self.width - self.margin, footer_y + 10.0, 0.8);
            let footer = self.wrap(&info.footer, self.inner() - 40.0, 6.5, Weight::Regular);
            let mut y = footer_y;
            for line in &footer {
                self.text(
                    self.width / 2.0,
                    y,
                    line,
                    6.5,
                    Weight::Regular,
                    Align::Center,
                );
                y -= 8.0;
            }
            self.text(
                self.width - self.margin,
                footer_y,
                &number,
                6.5,
                Weight::Regular,
                Align::Right,
            );
            std::mem::swap(&mut self.content, &mut page.0);
            std::mem::swap(&mut self.runs, &mut page.1);
        }
        // Every character is known: number the glyphs, then encode each page's text.
        for font in &mut self.fonts {
            font.seal();
        }

        let mut next_id = 1;
        let mut next = || {
            let id = Ref::new(next_id);
            next_id += 1;
            id
        };
        let catalog_id = next();
        let tree_id = next();
        let info_id = next();
        let font_ids = [next(), next()];
        let image_ids: Vec<Ref> = self.images.iter().map(|_| next()).collect();
        let page_ids: Vec<(Ref, Ref)> = (0..count).map(|_| (next(), next())).collect();
        let archive = info.archive.as_ref().map(|a| (a, a.ids(&mut next)));

        let mut pdf = Pdf::with_settings(COMPACT);
        let mut catalog = pdf.catalog(catalog_id);
        catalog.pages(tree_id);
        if !info.lang.is_empty() {
            catalog.lang(TextStr(info.lang));
        }
        if let Some((archive, ids)) = archive {
            archive.catalog(&mut catalog, ids);
        }
        catalog.finish();
        pdf.pages(tree_id)
            .kids(page_ids.iter().map(|(page, _)| *page))
            .count(i32::try_from(count).unwrap_or(i32::MAX));
        let mut dict = pdf.document_info(info_id);
        dict.title(TextStr(&info.title))
            .author(TextStr(&info.author))
            .subject(TextStr(&info.subject))
            .creator(TextStr("hospes"))
            .producer(TextStr(PRODUCER));
        if let Some(date) = info.date {
            use chrono::Datelike;
            let d = match archive {
                // PDF/A: the instant the XMP metadata repeats, to the second and in UTC.
                Some(_) => super::archive::pdf_date(date),
                None => pdf_writer::Date::new(u16::try_from(date.year()).unwrap_or(2000))
                    .month(u8::try_from(date.month()).unwrap_or(1))
                    .day(u8::try_from(date.day()).unwrap_or(1)),
            };
            dict.creation_date(d).modified_date(d);
        }
        dict.finish();

        for ((page_id, content_id), (mut content, runs)) in page_ids.iter().zip(pages) {
            self.write_text(&mut content, &runs);
            let mut page = pdf.page(*page_id);
            page.media_box(Rect::new(0.0, 0.0, self.width, self.height))
                .parent(tree_id)
                .contents(*content_id);
            let mut resources = page.resources();
            let mut fonts = resources.fonts();
            for (i, (font, id)) in self.fonts.iter().zip(font_ids).enumerate() {
                if font.is_used() {
                    fonts.pair(Name(if i == 0 { b"F1" } else { b"F2" }), id);
                }
            }
            fonts.finish();
            if !self.images.is_empty() {
                let mut objects = resources.x_objects();
                for (i, id) in image_ids.iter().enumerate() {
                    let name = format!("Im{}", i + 1);
                    objects.pair(Name(name.as_bytes()), *id);
                }
            }
            resources.finish();
            page.finish();
            let bytes = super::deflate::deflate(&content.finish());
            pdf.stream(*content_id, &bytes).filter(Filter::FlateDecode);
        }

        let mut chunk = Chunk::with_settings(COMPACT);
        let mut more = 0;
        let base = next_id;
        let mut extra = || {
            more += 1;
            Ref::new(base + more - 1)
        };
        let one_byte = self
            .fonts
            .iter()
            .any(|f| f.is_used() && f.is_one_byte())
            .then(|| {
                let id = extra();
                super::font::write_one_byte(&mut chunk, id);
                id
            });
        for (font, id) in self.fonts.iter().zip(font_ids) {
            if font.is_used() {
                font.write(&mut chunk, id, one_byte, &mut extra)?;
            }
        }
        for (image, id) in self.images.iter().zip(&image_ids) {
            image.write(&mut chunk, *id, &mut extra);
        }
        if let Some((archive, ids)) = archive {
            let meta = super::archive::Meta {
                title: &info.title,
                author: &info.author,
                subject: &info.subject,
                lang: info.lang,
                date: info.date,
                producer: PRODUCER,
            };
            let id = archive.write(&mut chunk, ids, &meta);
            pdf.set_file_id((id.clone(), id));
        }
        pdf.extend(&chunk);
        Ok(pdf.finish())
    }
}

/// The most characters drawn from one string: far beyond any real field or clause. A longer one
/// is cut with "…", so that a hostile record cannot make a document take seconds to lay out.
const MAX_TEXT: usize = 20_000;

/// `text` in Unicode normal form C: a letter and its combining accent become the one character
/// the font has a glyph for.
fn nfc(text: &str) -> std::borrow::Cow<'_, str> {
    if text.char_indices().nth(MAX_TEXT).is_some() {
        let cut = text
            .char_indices()
            .nth(MAX_TEXT - 1)
            .map_or(0, |(at, _)| at);
        let mut clipped = text.get(..cut).unwrap_or_default().to_owned();
        clipped.push('…');
        return std::borrow::Cow::Owned(nfc(&clipped).into_owned());
    }
    // ASCII has nothing to compose: most of a document's strings are taken as they are.
    if text.is_ascii() {
        return std::borrow::Cow::Borrowed(text);
    }
    icu_normalizer::ComposingNormalizerBorrowed::new_nfc().normalize(text)
}

/// A coordinate to the hundredth of a point, far below what a printer resolves: shorter numbers
/// in the page content.
fn round(value: f32) -> f32 {
    (value * 100.0).round() / 100.0
}

/// A coordinate in hundredths of a point.
fn hundredths(value: f32) -> i32 {
    // Page coordinates are a few thousand points at most; the cast saturates beyond.
    (value * 100.0).round() as i32
}

#[cfg(test)]
mod clip_tests {
    use super::*;

    #[test]
    fn a_text_longer_than_any_field_is_cut_with_an_ellipsis() {
        let long = "é".repeat(MAX_TEXT * 3);
        let cut = nfc(&long);
        assert_eq!(cut.chars().count(), MAX_TEXT);
        assert!(cut.ends_with('…'));
        assert_eq!(nfc("Zoë"), "Zoë");
    }
}
