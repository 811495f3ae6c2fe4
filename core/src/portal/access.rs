//! Who is in the guest's space and what they may open: the scope every guest operation takes,
//! so that no host can serve another client's record by passing an id from a URL.

use serde::{Deserialize, Serialize};

use crate::account::Login;
use crate::client::{Client, GuestDetails};
use crate::error::{Error, Result};
use crate::invoice::Invoice;
use crate::link::{LinkClaims, LinkPurpose};
use crate::stay::Stay;

/// What the guest's session may open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PortalAccess {
    /// The client whose space it is.
    pub client_id: String,
    /// The purpose of the link it came from; `None` after a login.
    pub purpose: Option<LinkPurpose>,
    /// The one stay or document a document link opens.
    pub subject: Option<String>,
}

impl PortalAccess {
    /// Access from a verified link: a portal link opens the whole space, any other link only its
    /// subject.
    pub fn from_link(claims: &LinkClaims) -> PortalAccess {
        PortalAccess {
            client_id: claims.client_id.clone(),
            purpose: Some(claims.purpose),
            subject: claims.subject.clone(),
        }
    }

    /// Access from a successful login: the whole space.
    pub fn from_login(login: &Login) -> PortalAccess {
        PortalAccess {
            client_id: login.client_id.clone(),
            purpose: None,
            subject: None,
        }
    }

    pub(super) fn whole_space(&self) -> bool {
        matches!(self.purpose, None | Some(LinkPurpose::Portal))
    }

    /// Whether the session opens what `is_subject` recognises: everything after a portal link
    /// or a login, else only the link's own subject.
    pub(super) fn opens(&self, is_subject: impl Fn(&str) -> bool) -> bool {
        self.whole_space() || self.subject.as_deref().is_some_and(is_subject)
    }

    pub(super) fn opens_stay(&self, stay: &Stay) -> bool {
        self.opens(|s| s == stay.reference || stay.documents.iter().any(|d| d.number == s))
    }

    /// Whether the session opens `invoice`: all of them after a portal link or a login, else an
    /// invoice or payment link its own, a stay link its stay's.
    pub(super) fn opens_invoice(&self, invoice: &Invoice) -> bool {
        self.opens(|s| {
            invoice.number.as_deref() == Some(s) || invoice.stay_reference.as_deref() == Some(s)
        })
    }
}

/// One guest's view of their space, bound to their client record.
#[derive(Debug, Clone)]
pub struct Portal {
    pub(super) access: PortalAccess,
    pub(super) client: Client,
}

pub(super) fn not_found(what: &str) -> Error {
    Error::PortalNotFound {
        what: what.to_owned(),
    }
}

impl Portal {
    /// Opens the space for `client` from `access`; `portal.not_found` when the record is not the
    /// access's client.
    ///
    /// ```
    /// use hospes::portal::{Portal, PortalAccess};
    /// # let client: hospes::Client = serde_json::from_str(r#"{"id":"C-1","last_name":"Dupont","created_at":"2026-01-01T00:00:00Z"}"#).unwrap();
    /// let access = PortalAccess { client_id: "C-2".into(), purpose: None, subject: None };
    /// assert_eq!(Portal::open(&access, client).unwrap_err().code(), "portal.not_found");
    /// ```
    pub fn open(access: &PortalAccess, client: Client) -> Result<Portal> {
        if client.id != access.client_id {
            return Err(not_found("client"));
        }
        Ok(Portal {
            access: access.clone(),
            client,
        })
    }

    /// Opens the space from a verified link.
    pub fn from_link(claims: &LinkClaims, client: Client) -> Result<Portal> {
        Portal::open(&PortalAccess::from_link(claims), client)
    }

    /// Opens the space after a successful login.
    pub fn from_login(login: &Login, client: Client) -> Result<Portal> {
        Portal::open(&PortalAccess::from_login(login), client)
    }

    /// The client record behind the space.
    pub fn client(&self) -> &Client {
        &self.client
    }

    pub(super) fn whole_space(&self) -> Result<()> {
        if self.access.whole_space() {
            Ok(())
        } else {
            Err(not_found("page"))
        }
    }

    /// The « Mes infos » form, pre-filled (never the business's notes).
    pub fn personal_info(&self) -> Result<GuestDetails> {
        self.whole_space()?;
        Ok(GuestDetails::from_client(&self.client))
    }
}
