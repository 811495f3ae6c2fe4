//! Link tokens: the secret links of every e-mail (`[LIEN_ESPACE_CLI]`, `[LIEN_DEVIS]` …).
//!
//! A link token is a PASETO v4.local token (XChaCha20 + keyed BLAKE2b, through `pasetors`):
//! its claims are encrypted and authenticated, it expires (all but the client's permanent space
//! link, [`LinkRequest::permanent`]: portal only, killed by her link version or its key's
//! retirement), and it is bound by the PASETO
//! *implicit assertion* — authenticated, never stored in the token — to its purpose, the
//! establishment, the client, the subject and a [`LinkState`] fingerprint. When that state
//! changes (a new link version, a signed quote, a paid invoice, a new password) every link bound
//! to the old state stops verifying, without any storage. The state is bound in its canonical
//! form ([`LinkState::canonical`]): values equal in value are equal (`417.920` and `417.92`,
//! an upper- and a lower-case hash), and any change of value kills the link. The exact format
//! is in `docs/links.md`.
//!
//! Verifying is two steps, because the state lives in the host's records:
//! [`inspect`] reads the (untrusted, but authenticated once verified) footer to learn which
//! client and subject to load, then [`Keyring::verify`] checks everything against the state
//! the host has now.

mod claims;
mod keyring;
mod purpose;
mod state;
mod token;
mod web;

pub use claims::{IssuedLink, LinkClaims, LinkHint, LinkRequest};
pub use keyring::{
    DEFAULT_SKEW_SECONDS, Keyring, KeyringConfig, MAX_VALIDITY_DAYS, generate_key, inspect,
};
pub use purpose::LinkPurpose;
pub use state::LinkState;
pub use token::MAX_TOKEN_LEN;
pub use web::url;
