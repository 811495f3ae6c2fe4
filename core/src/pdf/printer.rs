//! The printer: the fonts and logo documents are set with, and the bytes it returns.

use std::borrow::Cow;
use std::sync::LazyLock;

use base64ct::{Base64, Encoding};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::font::Face;
use super::image::Image;
use super::page::Sheet;
use crate::error::{Error, Result};

static REGULAR: &[u8] = include_bytes!("../../fonts/NotoSans-Regular.ttf");

static BOLD: &[u8] = include_bytes!("../../fonts/NotoSans-Bold.ttf");

/// Largest font accepted from an establishment, in bytes.
const MAX_FONT: usize = 16 * 1024 * 1024;

/// Bytes that cross the wire as standard base64 (a PDF, a logo, a font) and reach each language
/// as its own bytes type: Python `bytes`, Node `Buffer`, Kotlin `ByteArray`, Swift `Data`.
///
/// ```
/// let bytes: hospes::pdf::FileBytes = serde_json::from_str("\"JVBERg==\"").unwrap();
/// assert_eq!(bytes.0, b"%PDF");
/// assert_eq!(serde_json::to_string(&bytes).unwrap(), "\"JVBERg==\"");
/// ```
#[derive(Clone, PartialEq, Eq, Default)]
pub struct FileBytes(pub Vec<u8>);

impl std::fmt::Debug for FileBytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "FileBytes({} bytes)", self.0.len())
    }
}

impl Serialize for FileBytes {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(&Base64::encode_string(&self.0))
    }
}

impl<'de> Deserialize<'de> for FileBytes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let text = Cow::<str>::deserialize(deserializer)?;
        Base64::decode_vec(text.trim()).map(FileBytes).map_err(|_| {
            serde::de::Error::custom("not standard base64 (A–Z a–z 0–9 + /, padded with =)")
        })
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for FileBytes {
    fn schema_name() -> Cow<'static, str> {
        "FileBytes".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "byte",
            "contentEncoding": "base64",
            "description": "Bytes, as standard base64 on the wire; each binding gives its own bytes type."
        })
    }
}

/// A signed document as the host keeps it: the PDF the guest was shown and signed, byte for
/// byte, and the evidence document that names its hash. Store both with the signature; the PDF
/// is what [`Signature::verify`](crate::signature::Signature::verify) checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SignedCopy {
    /// The PDF signed, exactly as shown.
    pub document: FileBytes,
    /// The evidence document (PDF), naming the signed PDF's SHA-256.
    pub evidence: FileBytes,
}

/// What an establishment brings to its documents: a logo and its own font (TrueType or OpenType
/// with TrueType outlines), regular and optionally bold. Without a font, Noto Sans is used.
///
/// ```
/// let letterhead = hospes::pdf::Letterhead::default();
/// assert!(letterhead.logo.is_none() && letterhead.font.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Letterhead {
    /// The logo, PNG or JPEG (≤ 2 MiB), printed top left.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub logo: Option<FileBytes>,
    /// The regular face (≤ 16 MiB); its licence must allow embedding.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub font: Option<FileBytes>,
    /// The bold face; the regular one is used for headings when absent.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub bold_font: Option<FileBytes>,
}

/// Renders documents with one set of faces and a logo, read once and reused.
///
/// ```
/// use hospes::pdf::{Letterhead, Printer};
/// let printer = Printer::new(&Letterhead::default()).unwrap();
/// let bad = Letterhead { font: Some(hospes::pdf::FileBytes(b"not a font".to_vec())), ..Default::default() };
/// assert_eq!(Printer::new(&bad).unwrap_err().code(), "pdf.font_invalid");
/// # let _ = printer;
/// ```
#[derive(Debug, Clone)]
pub struct Printer {
    pub(super) regular: Face,
    pub(super) bold: Face,
    pub(super) logo: Option<Image>,
}

static STANDARD: LazyLock<std::result::Result<Printer, Error>> = LazyLock::new(|| {
    Ok(Printer {
        regular: Face::parse(Cow::Borrowed(REGULAR), "NotoSans-Regular.ttf")?,
        bold: Face::parse(Cow::Borrowed(BOLD), "NotoSans-Bold.ttf")?,
        logo: None,
    })
});

impl Printer {
    /// A printer with the establishment's `letterhead`: its font and logo are checked here
    /// (`pdf.font_invalid`, `pdf.image_invalid`), not at each document.
    pub fn new(letterhead: &Letterhead) -> Result<Printer> {
        let standard = Printer::standard();
        let face = |bytes: &Option<FileBytes>, what: &str| -> Result<Option<Face>> {
            let Some(bytes) = bytes else { return Ok(None) };
            if bytes.0.len() > MAX_FONT {
                return Err(Error::FontInvalid {
                    field: what.to_owned(),
                    detail: format!("{} bytes, more than the 16 MiB accepted", bytes.0.len()),
                });
            }
            Face::parse(Cow::Owned(bytes.0.clone()), what).map(Some)
        };
        let regular = face(&letterhead.font, "font")?;
        let bold = face(&letterhead.bold_font, "bold_font")?;
        let logo = letterhead
            .logo
            .as_ref()
            .map(|bytes| Image::read(&bytes.0, "logo"))
            .transpose()?;
        let (regular, bold) = match (regular, bold) {
            (Some(r), Some(b)) => (r, b),
            (Some(r), None) => (r.clone(), r),
            (None, Some(b)) => (standard.regular.clone(), b),
            (None, None) => (standard.regular.clone(), standard.bold.clone()),
        };
        Ok(Printer {
            regular,
            bold,
            logo,
        })
    }

    /// The printer for an optional `letterhead`: the standard one when there is none (or an
    /// empty one), else a new printer with it. Used by every binding's one-call functions.
    ///
    /// ```
    /// use hospes::pdf::{Letterhead, Printer};
    /// let printer = Printer::for_letterhead(Some(Letterhead::default())).unwrap();
    /// assert!(std::ptr::eq(&*printer, Printer::standard()));
    /// ```
    pub fn for_letterhead(letterhead: Option<Letterhead>) -> Result<Cow<'static, Printer>> {
        match letterhead {
            Some(l) if l != Letterhead::default() => Printer::new(&l).map(Cow::Owned),
            _ => Ok(Cow::Borrowed(Printer::standard())),
        }
    }

    /// The printer with the shipped Noto Sans faces and no logo, built once per process.
    pub fn standard() -> &'static Printer {
        match &*STANDARD {
            Ok(printer) => printer,
            // The shipped faces are tested; reaching this means the binary is corrupt.
            Err(_) => unreachable_font(),
        }
    }

    /// A blank A4 sheet set in the printer's faces.
    pub(super) fn sheet(&self) -> Sheet<'_> {
        Sheet::a4(&self.regular, &self.bold)
    }
}

#[allow(clippy::panic)]
fn unreachable_font() -> ! {
    panic!("the fonts shipped with hospes do not parse")
}
