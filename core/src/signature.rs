//! Electronic signatures and their evidence, for quotes, contracts and residents' yearly
//! contracts.
//!
//! A guest signs **the exact bytes they are shown**: the PDF of the quote or contract, in the
//! language they read it in. The form carries that PDF's SHA-256, and signing is refused if the
//! document shown is no longer the current one (`*.changed`). The [`Signature`] kept as evidence
//! records that hash (and the hash of the document's canonical record, for the log), the
//! language, the signer (client id, name, e-mail), the instant, the IP address and user agent the
//! host saw, the consent text ticked and the hash of that version, and the drawn signature — an
//! SVG path traced on the signature pad, or PNG bytes — with its own hash. The host keeps the
//! signed PDF's bytes beside it; [`Signature::verify`] hashes those stored bytes, never a new
//! rendering, so that a later renderer cannot break an old signature.
//!
//! ```
//! use hospes::signature::{SignatureImage, SignatureRequest, sign};
//! let request = SignatureRequest {
//!     document_sha256: "a".repeat(64),
//!     signer_name: "Marie Dupont".into(),
//!     signer_email: Some("marie.dupont@example.fr".into()),
//!     consent_text: "J’ai lu et j’accepte le contrat.".into(),
//!     ip: Some("203.0.113.7".into()),
//!     user_agent: Some("Mozilla/5.0".into()),
//!     image: Some(SignatureImage::SvgPath { d: "M10 40 C 30 10, 50 70, 90 30".into(), width: 300, height: 100 }),
//!     locale: None,
//! };
//! let now = "2026-06-01T10:00:00Z".parse().unwrap();
//! let signature = sign(&"a".repeat(64), None, "C-1042", request, now).unwrap();
//! assert_eq!(signature.consent_sha256.len(), 64);
//! assert!(signature.image_sha256.is_some());
//! ```

use base64ct::{Base64, Encoding};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::i18n::Locale;
use crate::text;

/// Longest SVG path accepted, in bytes.
const MAX_SVG_PATH: usize = 64 * 1024;
/// Largest PNG accepted, in bytes.
const MAX_PNG: usize = 256 * 1024;
/// Largest drawing area, in pixels, either way.
const MAX_SIDE: u32 = 4000;
/// The eight bytes every PNG starts with.
const PNG_MAGIC: &[u8] = b"\x89PNG\r\n\x1a\n";

/// The drawn signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "format", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum SignatureImage {
    /// The strokes traced on the pad, as the `d` of an SVG `<path>` (`M10 40 C 30 10 …`) over a
    /// `width` × `height` area: only path commands and numbers are accepted.
    SvgPath {
        /// The path data.
        d: String,
        /// Width of the pad, in pixels.
        width: u32,
        /// Height of the pad, in pixels.
        height: u32,
    },
    /// A PNG image of the signature, base64 (standard alphabet, padded).
    Png {
        /// The PNG bytes, base64.
        base64: String,
    },
}

impl SignatureImage {
    /// Checks the image: an SVG path made only of path commands and numbers, within size; a PNG
    /// that is one (its signature and header), within 256 KiB and 4000 × 4000 pixels.
    ///
    /// ```
    /// use hospes::signature::SignatureImage;
    /// let bad = SignatureImage::SvgPath { d: "M0 0\"/><script>alert(1)</script>".into(), width: 300, height: 100 };
    /// assert_eq!(bad.checked().unwrap_err().code(), "evidence.signature_image_invalid");
    /// ```
    pub fn checked(self) -> Result<SignatureImage> {
        let invalid = |detail: &str| Error::SignatureImageInvalid {
            detail: detail.into(),
        };
        match self {
            SignatureImage::SvgPath { d, width, height } => {
                let d = d.trim().to_owned();
                if d.len() > MAX_SVG_PATH {
                    return Err(invalid("the path is longer than 64 KiB"));
                }
                if !d.starts_with(['M', 'm']) {
                    return Err(invalid("the path must start with a move command (M)"));
                }
                if let Some(c) = d.chars().find(|c| {
                    !(c.is_ascii_digit()
                        || " ,.-+eE\n\t".contains(*c)
                        || "MmLlHhVvCcSsQqTtAaZz".contains(*c))
                }) {
                    return Err(invalid(&format!(
                        "the path holds `{}`: only SVG path commands and numbers are accepted",
                        c.escape_default()
                    )));
                }
                if !d.chars().skip(1).any(|c| "LlHhVvCcSsQqTtAa".contains(c)) {
                    return Err(invalid("the path draws nothing"));
                }
                check_numbers(&d).map_err(|detail| invalid(&detail))?;
                check_area(width, height)?;
                Ok(SignatureImage::SvgPath { d, width, height })
            }
            SignatureImage::Png { base64 } => {
                let base64 = base64.trim().to_owned();
                if base64.len() > MAX_PNG / 3 * 4 + 4 {
                    return Err(invalid("the image is larger than 256 KiB"));
                }
                let bytes = Base64::decode_vec(&base64)
                    .map_err(|_| invalid("the image is not valid base64"))?;
                let header = bytes.get(..24).ok_or_else(|| invalid("not a PNG image"))?;
                if header.get(..8) != Some(PNG_MAGIC) || header.get(12..16) != Some(b"IHDR") {
                    return Err(invalid("not a PNG image"));
                }
                let be = |range: std::ops::Range<usize>| {
                    header
                        .get(range)
                        .and_then(|b| <[u8; 4]>::try_from(b).ok())
                        .map_or(0, u32::from_be_bytes)
                };
                check_area(be(16..20), be(20..24))?;
                Ok(SignatureImage::Png { base64 })
            }
        }
    }

    /// SHA-256 (hex) of the image: of the path's bytes, or of the PNG's decoded bytes.
    pub fn sha256(&self) -> String {
        match self {
            SignatureImage::SvgPath { d, .. } => sha256_of(d.as_bytes()),
            SignatureImage::Png { base64 } => {
                sha256_of(&Base64::decode_vec(base64).unwrap_or_default())
            }
        }
    }

    /// The signature as a standalone SVG document (black strokes on a transparent pad), for a
    /// page or a PDF; `None` for a PNG.
    ///
    /// ```
    /// use hospes::signature::SignatureImage;
    /// let image = SignatureImage::SvgPath { d: "M10 40 L90 30".into(), width: 300, height: 100 };
    /// assert!(image.to_svg().unwrap().contains(r#"viewBox="0 0 300 100""#));
    /// ```
    pub fn to_svg(&self) -> Option<String> {
        match self {
            SignatureImage::SvgPath { d, width, height } => Some(format!(
                r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}"><path d="{d}" fill="none" stroke="#000" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></svg>"##
            )),
            SignatureImage::Png { .. } => None,
        }
    }
}

/// Largest coordinate a drawing may use, in pixels either way: ten times the largest pad.
const MAX_COORDINATE: f64 = 10.0 * MAX_SIDE as f64;

/// Every number of an SVG path is well formed, finite and within [`MAX_COORDINATE`]: `1e999`
/// (infinite once read) or `1e30` would draw nothing a person signed.
fn check_numbers(d: &str) -> std::result::Result<(), String> {
    let bytes = d.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let Some(&first) = bytes.get(i) else { break };
        if !(first.is_ascii_digit() || matches!(first, b'.' | b'-' | b'+')) {
            i += 1;
            continue;
        }
        // One number: sign, digits, one point, an exponent with its own sign.
        let start = i;
        let (mut point, mut exponent) = (false, false);
        i += 1;
        while let Some(&b) = bytes.get(i) {
            let prev = bytes.get(i - 1).copied().unwrap_or(b' ');
            let continues = b.is_ascii_digit()
                || (b == b'.' && !point && !exponent)
                || (matches!(b, b'e' | b'E') && !exponent && prev.is_ascii_digit())
                || (matches!(b, b'-' | b'+') && matches!(prev, b'e' | b'E'));
            if !continues {
                break;
            }
            point |= b == b'.';
            exponent |= matches!(b, b'e' | b'E');
            i += 1;
        }
        let text = d.get(start..i).unwrap_or_default();
        match text.parse::<f64>() {
            Ok(n) if n.is_finite() && n.abs() <= MAX_COORDINATE => {}
            Ok(_) => {
                return Err(format!(
                    "the coordinate `{}` is beyond ±{MAX_COORDINATE} pixels",
                    text.chars().take(40).collect::<String>()
                ));
            }
            Err(_) => {
                return Err(format!(
                    "`{}` is not a number",
                    text.chars().take(40).collect::<String>()
                ));
            }
        }
    }
    Ok(())
}

fn check_area(width: u32, height: u32) -> Result<()> {
    if (1..=MAX_SIDE).contains(&width) && (1..=MAX_SIDE).contains(&height) {
        Ok(())
    } else {
        Err(Error::SignatureImageInvalid {
            detail: format!("a {width} × {height} area: each side must be 1 to 4000 pixels"),
        })
    }
}

/// What the guest sends when they sign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SignatureRequest {
    /// SHA-256 (hex) of the exact PDF they were shown.
    pub document_sha256: String,
    /// Their name, as typed.
    pub signer_name: String,
    /// Their e-mail, if known.
    #[serde(default)]
    pub signer_email: Option<String>,
    /// The consent text they ticked (« J’ai lu et j’accepte … »).
    pub consent_text: String,
    /// The IP address, from the host's request.
    #[serde(default)]
    pub ip: Option<String>,
    /// The user agent, from the host's request.
    #[serde(default)]
    pub user_agent: Option<String>,
    /// The drawn signature, when the document asks for one.
    #[serde(default)]
    pub image: Option<SignatureImage>,
    /// The language the document was shown in; the document's own when absent.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub locale: Option<Locale>,
}

/// The evidence of a signature: what was signed, by whom, when, from where, after which consent,
/// with which drawn signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Signature {
    /// SHA-256 (hex) of the exact document signed: the bytes of the PDF the guest was shown.
    pub document_sha256: String,
    /// SHA-256 (hex) of the document's canonical record (its JSON) when it was signed: what the
    /// event log and links follow.
    #[serde(default)]
    pub content_sha256: Option<String>,
    /// The language the signed document was shown in.
    #[serde(default)]
    pub locale: Option<Locale>,
    /// The signer's client id.
    pub client_id: String,
    /// The signer's name, as typed.
    pub signer_name: String,
    /// The signer's e-mail, if known.
    pub signer_email: Option<String>,
    /// When.
    pub signed_at: DateTime<Utc>,
    /// The IP address the signature came from, as the host saw it.
    pub ip: Option<String>,
    /// The browser's user agent.
    pub user_agent: Option<String>,
    /// The consent text the guest ticked.
    pub consent_text: String,
    /// SHA-256 (hex) of that consent text, to tell its versions apart.
    pub consent_sha256: String,
    /// The drawn signature, if any.
    #[serde(default)]
    pub image: Option<SignatureImage>,
    /// SHA-256 (hex) of the drawn signature, if any.
    #[serde(default)]
    pub image_sha256: Option<String>,
}

impl Signature {
    /// Checks that `document` — the bytes the host kept as the signed document — are those that
    /// were signed: their SHA-256 is the signature's. Nothing is rendered again. Refused with
    /// `evidence.document_altered`, naming both hashes, when a single byte differs.
    ///
    /// ```
    /// # use hospes::signature::{sign, SignatureRequest};
    /// let pdf = b"%PDF-1.7 the quote as shown".to_vec();
    /// let shown = hospes::signature::sha256_of(&pdf);
    /// let request = SignatureRequest { document_sha256: shown.clone(), signer_name: "Marie Dupont".into(),
    ///     signer_email: None, consent_text: "J’accepte le devis.".into(), ip: None, user_agent: None, image: None, locale: None };
    /// let signature = sign(&shown, None, "C-1", request, "2026-06-01T10:00:00Z".parse().unwrap()).unwrap();
    /// assert!(signature.verify(&pdf).is_ok());
    /// let mut altered = pdf.clone();
    /// altered[3] ^= 1;
    /// assert_eq!(signature.verify(&altered).unwrap_err().code(), "evidence.document_altered");
    /// ```
    pub fn verify(&self, document: &[u8]) -> Result<()> {
        let stored = sha256_of(document);
        if stored == self.document_sha256.trim().to_ascii_lowercase() {
            Ok(())
        } else {
            Err(Error::DocumentAltered {
                signed: self.document_sha256.chars().take(64).collect(),
                stored,
            })
        }
    }
}

/// Signs the document whose bytes hash to `document_sha256` — the PDF the guest was shown — for
/// `client_id`, noting `content_sha256`, the hash of the document's record: refused with
/// `evidence.document_changed` when the guest was shown another hash, and when the name, the
/// consent or the drawing is missing or malformed.
pub fn sign(
    document_sha256: &str,
    content_sha256: Option<&str>,
    client_id: &str,
    request: SignatureRequest,
    now: DateTime<Utc>,
) -> Result<Signature> {
    if request.document_sha256.trim().to_ascii_lowercase() != document_sha256 {
        return Err(Error::DocumentChanged {
            shown: request.document_sha256.chars().take(64).collect(),
            current: document_sha256.to_owned(),
        });
    }
    let consent_text = text::required(&request.consent_text, "consent_text", 5000)?;
    let image = request.image.map(SignatureImage::checked).transpose()?;
    Ok(Signature {
        document_sha256: document_sha256.to_owned(),
        content_sha256: content_sha256.map(str::to_owned),
        locale: request.locale,
        client_id: client_id.to_owned(),
        signer_name: text::required(&request.signer_name, "signer_name", 200)?,
        signer_email: text::optional(request.signer_email.as_deref(), "signer_email", 320)?,
        signed_at: now,
        ip: text::optional(request.ip.as_deref(), "ip", 64)?,
        user_agent: text::optional(request.user_agent.as_deref(), "user_agent", 1000)?,
        consent_sha256: sha256_of(consent_text.as_bytes()),
        consent_text,
        image_sha256: image.as_ref().map(SignatureImage::sha256),
        image,
    })
}

/// SHA-256 of `bytes`, lower-case hex: the hash a signature binds when `bytes` is the PDF shown.
///
/// ```
/// assert_eq!(hospes::signature::sha256_of(b"").len(), 64);
/// ```
pub fn sha256_of(bytes: &[u8]) -> String {
    text::lower_hex(&Sha256::digest(bytes))
}

/// SHA-256 (hex) of a document's canonical JSON (its wire form, fields in declaration order):
/// what quotes, contracts and invoices are signed and linked by.
pub(crate) fn document_sha256<T: Serialize>(document: &T) -> Result<String> {
    Ok(sha256_of(crate::codec::to_json(document)?.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(image: Option<SignatureImage>) -> SignatureRequest {
        SignatureRequest {
            document_sha256: "ab".repeat(32),
            signer_name: "Marie Dupont".into(),
            signer_email: None,
            consent_text: "J’accepte.".into(),
            ip: Some("203.0.113.7".into()),
            user_agent: None,
            image,
            locale: None,
        }
    }

    fn now() -> DateTime<Utc> {
        "2026-06-01T10:00:00Z".parse().unwrap()
    }

    /// A 1×1 PNG.
    const PNG: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    #[test]
    fn a_drawn_signature_is_kept_with_its_hash() {
        let d = "M10 40 C 30 10, 50 70, 90 30 Z".to_owned();
        let image = SignatureImage::SvgPath {
            d: d.clone(),
            width: 300,
            height: 100,
        };
        let s = sign(&"ab".repeat(32), None, "C-1", request(Some(image)), now()).unwrap();
        assert_eq!(
            s.image_sha256.as_deref(),
            Some(sha256_of(d.as_bytes()).as_str())
        );
        assert_eq!(s.consent_sha256, sha256_of("J’accepte.".as_bytes()));
    }

    #[test]
    fn a_png_signature_is_accepted_and_hashed_over_its_bytes() {
        let s = sign(
            &"ab".repeat(32),
            None,
            "C-1",
            request(Some(SignatureImage::Png { base64: PNG.into() })),
            now(),
        )
        .unwrap();
        let bytes = Base64::decode_vec(PNG).unwrap();
        assert_eq!(s.image_sha256.unwrap(), sha256_of(&bytes));
    }

    #[test]
    fn a_script_in_a_drawn_path_is_refused() {
        let image = SignatureImage::SvgPath {
            d: r#"M0 0 L1 1"/><script>x</script>"#.into(),
            width: 300,
            height: 100,
        };
        assert_eq!(
            image.checked().unwrap_err().code(),
            "evidence.signature_image_invalid"
        );
    }

    #[test]
    fn a_path_that_draws_nothing_or_a_huge_pad_is_refused() {
        let dot = SignatureImage::SvgPath {
            d: "M10 10".into(),
            width: 300,
            height: 100,
        };
        assert!(dot.checked().is_err());
        let huge = SignatureImage::SvgPath {
            d: "M1 1 L2 2".into(),
            width: 100_000,
            height: 100,
        };
        assert!(huge.checked().is_err());
    }

    #[test]
    fn something_else_than_a_png_is_refused() {
        let gif = SignatureImage::Png {
            base64: Base64::encode_string(
                b"GIF89a\x01\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00",
            ),
        };
        assert!(gif.checked().is_err());
        assert!(
            SignatureImage::Png {
                base64: "not base64!".into()
            }
            .checked()
            .is_err()
        );
    }

    #[test]
    fn signing_another_hash_than_the_current_one_is_refused() {
        let err = sign(&"cd".repeat(32), None, "C-1", request(None), now()).unwrap_err();
        assert_eq!(err.code(), "evidence.document_changed");
    }

    #[test]
    fn a_signature_without_consent_is_refused() {
        let mut r = request(None);
        r.consent_text = "  ".into();
        assert_eq!(
            sign(&"ab".repeat(32), None, "C-1", r, now())
                .unwrap_err()
                .code(),
            "field.required"
        );
    }

    #[test]
    fn a_drawing_with_an_infinite_or_absurd_coordinate_is_refused() {
        let draw = |d: &str| {
            SignatureImage::SvgPath {
                d: d.into(),
                width: 300,
                height: 100,
            }
            .checked()
        };
        for bad in [
            "M1e999 0 L1 1",
            "M0 0 L1e30 1",
            "M0 0 L-50000 1",
            "M0 0 L1e 1",
            "M0 0 L. 1",
            "M- 0 L1 1",
        ] {
            let err = draw(bad).unwrap_err();
            assert_eq!(err.code(), "evidence.signature_image_invalid", "{bad}");
        }
        for good in [
            "M10 40 C 30 10, 50 70, 90 30",
            "m1.5.5l-2-3.25e1 1E+2,0z",
            "M0,0L299,99",
        ] {
            assert!(draw(good).is_ok(), "{good}");
        }
    }
}
