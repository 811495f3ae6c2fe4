//! A token as it comes in from a URL, before any key touches it: its length and its header.

use pasetors::Local;
use pasetors::token::UntrustedToken;
use pasetors::version4::V4;

use crate::error::{Error, Result};

/// Longest token accepted: anything longer is refused before any decoding or cryptography.
pub const MAX_TOKEN_LEN: usize = 1024;

pub(super) const HEADER: &str = "v4.local.";

/// Parses a token's structure and footer, strictly: size, header, four parts, then pasetors'
/// constant-time decoder, which accepts canonical base64url only (URL-safe alphabet, no padding
/// or whitespace, unused trailing bits zero), so that no two strings are the same token.
pub(super) fn open(token: &str) -> Result<UntrustedToken<Local, V4>> {
    if token.len() > MAX_TOKEN_LEN || !token.is_ascii() {
        return Err(Error::LinkInvalid);
    }
    let rest = token.strip_prefix(HEADER).ok_or(Error::LinkInvalid)?;
    match rest.split_once('.') {
        Some((body, footer)) if !body.is_empty() && !footer.is_empty() => {}
        _ => return Err(Error::LinkInvalid),
    }
    UntrustedToken::<Local, V4>::try_from(token).map_err(|_| Error::LinkInvalid)
}
