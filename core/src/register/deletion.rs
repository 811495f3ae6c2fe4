//! Deleting a client from the file: refused once they were invoiced; otherwise what goes with
//! them.

use serde::{Deserialize, Serialize};

use crate::account::Account;
use crate::client::{Client, Companion, Pet};
use crate::error::{Error, Result};
use crate::invoice::Invoice;
use crate::stay::Stay;

/// What deleting a client takes with them, for the host to delete in the same transaction.
///
/// ```
/// let deletion = hospes::register::ClientDeletion { client_id: "C-1".into(), companions: vec![],
///     pets: vec![], stays: vec!["Q-12".into()], accounts: vec![], link_version: 1 };
/// assert_eq!(deletion.stays, ["Q-12"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ClientDeletion {
    /// The client to delete.
    pub client_id: String,
    /// Their companions, deleted with the record.
    pub companions: Vec<Companion>,
    /// Their animals, deleted with the record.
    pub pets: Vec<Pet>,
    /// References of their stays (options, quotes, cancelled bookings never invoiced): deleted.
    pub stays: Vec<String>,
    /// E-mails of their portal accounts: deleted.
    pub accounts: Vec<String>,
    /// The link version that kills every link sent to them: store it (or delete their link
    /// state) before the record goes, so that no link in an old mail opens anything.
    pub link_version: u32,
}

/// Whether `client` may be deleted, given every invoice, stay and portal account the host
/// holds for them. A client who was ever invoiced — even if the invoice was later cancelled by
/// a credit note, even if the stay was cancelled — cannot be deleted (`client.invoiced`, naming
/// the invoices): the invoices must be kept, and they name the client. Drafts do not count.
/// A record of another client is refused (`client.record_foreign`).
///
/// ```
/// # let client: hospes::Client = serde_json::from_str(r#"{"id":"C-1","last_name":"Dupont","companions":[{"first_name":"Léa","last_name":"Dupont"}],"created_at":"2026-01-01T00:00:00Z"}"#).unwrap();
/// let deletion = hospes::register::deletion_check(&client, &[], &[], &[]).unwrap();
/// assert_eq!(deletion.companions.len(), 1);
/// assert_eq!(deletion.link_version, 1);
/// ```
pub fn deletion_check(
    client: &Client,
    invoices: &[Invoice],
    stays: &[Stay],
    accounts: &[Account],
) -> Result<ClientDeletion> {
    let foreign = |record: &str, id: &str| Error::RecordForeign {
        record: record.to_owned(),
        id: id.chars().take(100).collect(),
        client_id: client.id.chars().take(100).collect(),
    };
    let mut issued = Vec::new();
    for invoice in invoices {
        let number = invoice.number.as_deref().unwrap_or("");
        if invoice.customer.client_id != client.id {
            return Err(foreign("invoice", number));
        }
        if !number.is_empty() {
            issued.push(number);
        }
    }
    if !issued.is_empty() {
        return Err(Error::ClientInvoiced {
            client_id: client.id.chars().take(100).collect(),
            invoices: issued.join(", "),
        });
    }
    if let Some(stay) = stays.iter().find(|s| s.client_id != client.id) {
        return Err(foreign("stay", &stay.reference));
    }
    if let Some(account) = accounts.iter().find(|a| a.client_id != client.id) {
        return Err(foreign("account", &account.email));
    }
    Ok(ClientDeletion {
        client_id: client.id.clone(),
        companions: client.companions.clone(),
        pets: client.pets.clone(),
        stays: stays.iter().map(|s| s.reference.clone()).collect(),
        accounts: accounts.iter().map(|a| a.email.clone()).collect(),
        link_version: client.link_version.saturating_add(1),
    })
}
