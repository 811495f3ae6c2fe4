//! The address of a link: the establishment's portal, the purpose's path and the token.

use super::purpose::LinkPurpose;
use super::token::open;
use crate::error::Result;
use crate::establishment::Establishment;

/// The URL of a link: the portal base URL, the purpose's page, and the token as `t`. The base
/// URL must be one a guest may be sent to ([`web_url`](crate::establishment::web_url):
/// `https:`), and the token a well-formed link token, whose characters need no escaping in a
/// URL: anything else is refused, never pasted into the URL.
///
/// ```
/// # let e: hospes::Establishment = serde_json::from_str(r#"{"id":"x","name":"x","currency":"EUR","time_zone":"Europe/Paris","portal_base_url":"https://portail.x.fr/espace/"}"#).unwrap();
/// # let key = hospes::link::generate_key().unwrap();
/// # let ring = hospes::link::Keyring::new(&hospes::wire::from_json(&format!(r#"{{"active_key":"{key}"}}"#)).unwrap()).unwrap();
/// # let request = hospes::wire::from_json(r#"{"purpose":"portal","client_id":"C-1","state":{"kind":"link_version","link_version":0},"expires_at":"2026-08-01T00:00:00Z"}"#).unwrap();
/// # let token = ring.issue(&e, &request, "2026-06-01T00:00:00Z".parse().unwrap()).unwrap().token;
/// let url = hospes::link::url(&e, hospes::LinkPurpose::Portal, &token).unwrap();
/// assert_eq!(url, format!("https://portail.x.fr/espace/?t={token}"));
/// let pasted = hospes::link::url(&e, hospes::LinkPurpose::Portal, "v4.local.x&admin=1");
/// assert_eq!(pasted.unwrap_err().code(), "link.invalid");
/// ```
pub fn url(establishment: &Establishment, purpose: LinkPurpose, token: &str) -> Result<String> {
    let base = crate::establishment::web_url(&establishment.portal_base_url)?;
    open(token)?;
    let base = base.trim_end_matches('/');
    let path = purpose.path();
    Ok(if path.is_empty() {
        format!("{base}/?t={token}")
    } else {
        format!("{base}/{path}?t={token}")
    })
}
