//! Randomness, from the operating system's CSPRNG only.

use crate::error::{Error, Result};

/// Fills `bytes` from the operating system's random generator.
pub(crate) fn fill(bytes: &mut [u8]) -> Result<()> {
    getrandom::fill(bytes).map_err(|_| unavailable())
}

/// The error when the operating system cannot give random bytes.
pub(crate) fn unavailable() -> Error {
    Error::Internal {
        detail: "the operating system's random generator failed".into(),
    }
}
