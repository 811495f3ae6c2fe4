//! Images on documents: the establishment's logo (PNG or JPEG) and a drawn signature sent as PNG.
//!
//! A JPEG is embedded as it is (`DCTDecode`), after reading its size from the frame header; a
//! PNG is decoded (the `png` crate) and its colour and transparency stored as a deflated image
//! with a soft mask.

use pdf_writer::{Chunk, Filter, Finish, Ref};

use crate::error::{Error, Result};

/// Largest image accepted, in bytes.
pub(crate) const MAX_IMAGE: usize = 2 * 1024 * 1024;
/// Largest side accepted, in pixels.
const MAX_SIDE: u32 = 6000;

/// An image ready to embed.
#[derive(Debug, Clone)]
pub(crate) struct Image {
    pub(crate) width: u32,
    pub(crate) height: u32,
    pixels: Pixels,
}

#[derive(Debug, Clone)]
enum Pixels {
    /// JPEG bytes as they came, with the number of colour components (1 gray, 3 RGB, 4 CMYK).
    Jpeg { data: Vec<u8>, components: u8 },
    /// Deflated 8-bit samples: gray or RGB, and a deflated alpha channel when some pixel is not
    /// opaque.
    Flate {
        data: Vec<u8>,
        gray: bool,
        alpha: Option<Vec<u8>>,
    },
}

impl Image {
    /// Reads PNG or JPEG bytes (told apart by their signature); `field` names the image in errors.
    pub(crate) fn read(bytes: &[u8], field: &str) -> Result<Image> {
        let invalid = |detail: String| Error::ImageInvalid {
            field: field.to_owned(),
            detail,
        };
        if bytes.len() > MAX_IMAGE {
            return Err(invalid(format!(
                "{} bytes, more than the 2 MiB accepted",
                bytes.len()
            )));
        }
        let image = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            png(bytes).map_err(invalid)?
        } else if bytes.starts_with(&[0xFF, 0xD8]) {
            jpeg(bytes).map_err(invalid)?
        } else {
            return Err(invalid("neither a PNG nor a JPEG image".to_owned()));
        };
        if image.width == 0
            || image.height == 0
            || image.width > MAX_SIDE
            || image.height > MAX_SIDE
        {
            return Err(invalid(format!(
                "{} × {} pixels: each side must be between 1 and {MAX_SIDE}",
                image.width, image.height
            )));
        }
        Ok(image)
    }

    /// Writes the image XObject `id` (and its soft mask, taking an id from `next`).
    pub(crate) fn write(&self, chunk: &mut Chunk, id: Ref, next: &mut impl FnMut() -> Ref) {
        let (w, h) = (
            i32::try_from(self.width).unwrap_or(1),
            i32::try_from(self.height).unwrap_or(1),
        );
        match &self.pixels {
            Pixels::Jpeg { data, components } => {
                let mut xobject = chunk.image_xobject(id, data);
                xobject.filter(Filter::DctDecode);
                xobject.width(w).height(h).bits_per_component(8);
                match components {
                    1 => xobject.color_space().device_gray(),
                    4 => xobject.color_space().device_cmyk(),
                    _ => xobject.color_space().device_rgb(),
                };
                xobject.finish();
            }
            Pixels::Flate { data, gray, alpha } => {
                let mask = alpha.as_ref().map(|a| (next(), a));
                let mut xobject = chunk.image_xobject(id, data);
                xobject.filter(Filter::FlateDecode);
                xobject.width(w).height(h).bits_per_component(8);
                if *gray {
                    xobject.color_space().device_gray();
                } else {
                    xobject.color_space().device_rgb();
                }
                if let Some((mask_id, _)) = mask {
                    xobject.s_mask(mask_id);
                }
                xobject.finish();
                if let Some((mask_id, alpha)) = mask {
                    let mut soft = chunk.image_xobject(mask_id, alpha);
                    soft.filter(Filter::FlateDecode);
                    soft.width(w).height(h).bits_per_component(8);
                    soft.color_space().device_gray();
                    soft.finish();
                }
            }
        }
    }
}

fn png(bytes: &[u8]) -> std::result::Result<Image, String> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    decoder.set_limits(png::Limits {
        bytes: 64 * 1024 * 1024,
    });
    let mut reader = decoder
        .read_info()
        .map_err(|e| format!("not a readable PNG ({e})"))?;
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| "the PNG is too large".to_owned())?;
    let mut buffer = vec![0; size];
    let frame = reader
        .next_frame(&mut buffer)
        .map_err(|e| format!("not a readable PNG ({e})"))?;
    let samples = buffer.get(..frame.buffer_size()).unwrap_or(&[]);
    let (channels, has_alpha) = match frame.color_type {
        png::ColorType::Grayscale => (1, false),
        png::ColorType::GrayscaleAlpha => (2, true),
        png::ColorType::Rgb => (3, false),
        png::ColorType::Rgba => (4, true),
        png::ColorType::Indexed => return Err("an indexed PNG that did not expand".to_owned()),
    };
    let colour = if has_alpha { channels - 1 } else { channels };
    let mut data = Vec::with_capacity(samples.len());
    let mut alpha = Vec::new();
    for pixel in samples.chunks_exact(channels) {
        data.extend_from_slice(pixel.get(..colour).unwrap_or(&[]));
        if has_alpha {
            alpha.push(pixel.get(colour).copied().unwrap_or(255));
        }
    }
    let alpha =
        (has_alpha && alpha.iter().any(|&a| a != 255)).then(|| super::deflate::deflate(&alpha));
    Ok(Image {
        width: frame.width,
        height: frame.height,
        pixels: Pixels::Flate {
            data: super::deflate::deflate(&data),
            gray: colour == 1,
            alpha,
        },
    })
}

/// Reads the size and components from a JPEG's frame header (SOF0 … SOF15, not DHT/JPG/DAC).
fn jpeg(bytes: &[u8]) -> std::result::Result<Image, String> {
    let mut at = 2;
    while let (Some(&0xFF), Some(&marker)) = (bytes.get(at), bytes.get(at + 1)) {
        let length = bytes
            .get(at + 2..at + 4)
            .and_then(|b| <[u8; 2]>::try_from(b).ok())
            .map(|b| usize::from(u16::from_be_bytes(b)))
            .ok_or_else(|| "a truncated JPEG".to_owned())?;
        if (0xC0..=0xCF).contains(&marker) && ![0xC4, 0xC8, 0xCC].contains(&marker) {
            let [_, h1, h2, w1, w2, components] = bytes
                .get(at + 4..at + 10)
                .and_then(|b| <[u8; 6]>::try_from(b).ok())
                .ok_or_else(|| "a truncated JPEG".to_owned())?;
            let height = u32::from(u16::from_be_bytes([h1, h2]));
            let width = u32::from(u16::from_be_bytes([w1, w2]));
            if ![1, 3, 4].contains(&components) {
                return Err(format!("a JPEG with {components} colour components"));
            }
            return Ok(Image {
                width,
                height,
                pixels: Pixels::Jpeg {
                    data: bytes.to_vec(),
                    components,
                },
            });
        }
        at += 2 + length;
    }
    Err("a JPEG without a frame header".to_owned())
}
