//! What a host asks a link for, what it gets, and what a verified link says.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::purpose::LinkPurpose;
use super::state::LinkState;

/// What the host asks for when it issues a link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LinkRequest {
    /// What the link opens.
    pub purpose: LinkPurpose,
    /// Whose link it is.
    pub client_id: String,
    /// The stay or document reference, for every purpose but portal, reset and verify.
    #[serde(default)]
    pub subject: Option<String>,
    /// The state the link is bound to.
    pub state: LinkState,
    /// When it stops working; at most [`MAX_VALIDITY_DAYS`](super::MAX_VALIDITY_DAYS) after `now`.
    /// Required, except for a permanent space link, which has none.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub expires_at: Option<DateTime<Utc>>,
    /// A permanent space link (« Mon espace client »): a portal link without expiry, which dies
    /// only when the client's `link_version` is bumped or its key is retired. Only the
    /// [`Portal`](LinkPurpose::Portal) purpose may be permanent, and then `expires_at` is absent.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub permanent: bool,
}

/// A freshly issued link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct IssuedLink {
    /// The token (`v4.local.…`).
    pub token: String,
    /// The full URL to put in the e-mail.
    pub url: String,
    /// The token's unique id, for the host's audit log.
    pub token_id: String,
    /// When it stops working; `None` for a permanent space link, which never expires.
    pub expires_at: Option<DateTime<Utc>>,
}

/// What a token says about itself before it is verified: which records to load.
/// Nothing here is trusted until [`Keyring::verify`](super::Keyring::verify) succeeds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LinkHint {
    /// The client to load.
    pub client_id: String,
    /// The purpose the token claims.
    pub purpose: LinkPurpose,
    /// The stay or document to load, if any.
    pub subject: Option<String>,
}

/// The verified claims of a link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LinkClaims {
    /// Whose link it is.
    pub client_id: String,
    /// What it opens.
    pub purpose: LinkPurpose,
    /// The stay or document it opens, if any.
    pub subject: Option<String>,
    /// When it was issued.
    pub issued_at: DateTime<Utc>,
    /// When it stops working; `None` for a permanent space link, which never expires.
    pub expires_at: Option<DateTime<Utc>>,
    /// Its unique id.
    pub token_id: String,
}
