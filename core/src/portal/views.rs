//! Guest-facing reads of a booking and of a residency, scoped like every other view: what the
//! guest may still change on one of her stays, and her year on a pitch with its rent.
//!
//! The record must be hers and within what her access opens (a portal link or a login; a link
//! whose subject is the stay or residency reference, such as her `booking_edit` link), else
//! `portal.not_found`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::access::{Portal, not_found};
use crate::editable::{self, EditPolicy, EditWindow};
use crate::error::Result;
use crate::establishment::TimeZone;
use crate::pricing::Installment;
use crate::residency::Residency;
use crate::stay::Stay;

/// A resident's year as her space shows it: the residency (pitch, dates, rent, installments,
/// authorised persons) and its rent schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ResidencyView {
    /// The residency.
    pub residency: Residency,
    /// Its rent installments (see [`Residency::rent_schedule`]).
    pub schedule: Vec<Installment>,
}

impl Portal {
    /// `residency`, if it is this guest's and within what her access opens (a portal link or a
    /// login, or a link whose subject is the residency's reference); else `portal.not_found`.
    pub(super) fn opens_residency(&self, residency: &Residency) -> Result<()> {
        if residency.client_id == self.client.id && self.access.opens(|s| s == residency.reference)
        {
            Ok(())
        } else {
            Err(not_found("residency"))
        }
    }

    /// What the guest may still change on her stay `reference`, field by field, with the time
    /// remaining (see [`editable::window`]).
    ///
    /// The stay must be hers and opened by her access — a portal link or a login, her
    /// `booking_edit` link (or any link) for that stay — else `portal.not_found`, as for the
    /// stay screen. `stays` may hold anyone's.
    ///
    /// ```
    /// # let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/invoicing.json")).unwrap()).unwrap();
    /// # let client: hospes::Client = serde_json::from_value(data["client"].clone()).unwrap();
    /// # let stay: hospes::Stay = serde_json::from_value(data["stay"].clone()).unwrap();
    /// use hospes::editable::EditPolicy;
    /// use hospes::portal::{Portal, PortalAccess};
    /// let policy: EditPolicy = serde_json::from_str(r#"{"fields": [{"field": "participants", "days_before_arrival": 7}]}"#).unwrap();
    /// // Her booking_edit link for stay 312.
    /// let access: PortalAccess = serde_json::from_str(r#"{"client_id": "C-1042", "purpose": "booking_edit", "subject": "312"}"#).unwrap();
    /// let marie = Portal::open(&access, client).unwrap();
    /// let (paris, now) = ("Europe/Paris".parse().unwrap(), "2026-07-01T10:00:00Z".parse().unwrap());
    /// let window = marie.edit_window(&policy, &[stay.clone()], "312", paris, now).unwrap();
    /// assert!(window.fields[0].open);
    ///
    /// let mut jeans = stay.clone();
    /// jeans.client_id = "C-2077".into();
    /// let err = marie.edit_window(&policy, &[jeans], "312", paris, now).unwrap_err();
    /// assert_eq!(err.code(), "portal.not_found");
    /// ```
    pub fn edit_window(
        &self,
        policy: &EditPolicy,
        stays: &[Stay],
        reference: &str,
        time_zone: TimeZone,
        now: DateTime<Utc>,
    ) -> Result<EditWindow> {
        let stay = self.find(stays, reference)?;
        editable::window(policy, stay, time_zone, now)
    }

    /// Her residency `reference` — pitch, dates, rent, installments, authorised persons — and
    /// its rent schedule (see [`Residency::rent_schedule`]); its rent invoices are listed by
    /// [`Portal::invoices`], its yearly contract shown by [`Portal::contract`].
    ///
    /// Scope as a stay: the residency must be hers and opened by her access (a portal link or a
    /// login, or a link whose subject is its reference), else `portal.not_found`. `residencies`
    /// may hold anyone's.
    ///
    /// ```
    /// # let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/invoicing.json")).unwrap()).unwrap();
    /// # let client: hospes::Client = serde_json::from_value(data["client"].clone()).unwrap();
    /// # let residency: hospes::residency::Residency = serde_json::from_value(data["residency"].clone()).unwrap();
    /// use hospes::portal::{Portal, PortalAccess};
    /// let marie = Portal::open(&PortalAccess { client_id: "C-1042".into(), purpose: None, subject: None }, client).unwrap();
    /// let year = marie.residency(&[residency.clone()], "R-2027-A12").unwrap();
    /// assert_eq!(year.residency.pitch, "Emplacement A12");
    /// assert_eq!(year.schedule.len(), 4);
    /// assert_eq!(year.schedule[0].amount.to_string(), "650.00 EUR");
    ///
    /// let mut jeans = residency.clone();
    /// jeans.client_id = "C-2077".into();
    /// assert_eq!(marie.residency(&[jeans], "R-2027-A12").unwrap_err().code(), "portal.not_found");
    /// ```
    pub fn residency(&self, residencies: &[Residency], reference: &str) -> Result<ResidencyView> {
        let residency = residencies
            .iter()
            .find(|r| r.reference == reference && self.opens_residency(r).is_ok())
            .ok_or_else(|| not_found("residency"))?;
        Ok(ResidencyView {
            schedule: residency.rent_schedule()?,
            residency: residency.clone(),
        })
    }
}
