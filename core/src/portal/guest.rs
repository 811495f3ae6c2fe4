//! What a guest does to her own records from her space: cancel a stay, name who may stay on her
//! pitch, read a stay's balance, download an invoice, ask for an appointment.
//!
//! Each is the business-side operation behind the guest's [`Portal`]: the record must be the
//! portal client's and within what her access opens, else `portal.not_found` — so no host can
//! serve another client's record by passing an id from a URL. The lists a host passes along
//! (a stay's invoices and payments) may hold anyone's: only the guest's own documents, and the
//! payments on them, are counted, credited or shown.

use chrono::{DateTime, Utc};

use super::Portal;
use super::access::not_found;
use crate::appointment::{self, AppointmentOutcome, AppointmentRequest, AppointmentSchedule};
use crate::cancellation::{self, Cancellation, CancellationConfirmation, CancellationPreview};
use crate::client::Companion;
use crate::error::Result;
use crate::establishment::TimeZone;
use crate::invoice::{Invoice, InvoiceStatus};
use crate::payment::{self, Payment, StayBalance};
use crate::pdf::Printer;
use crate::pricing::CancellationPolicy;
use crate::residency::{Residency, ResidencyChange};
use crate::stay::Stay;

impl Portal {
    /// `stay`'s documents that are this guest's, and the payments on them; `portal.not_found`
    /// unless the stay is hers and opened by her access (as for the stay screen).
    fn own_stay_records(
        &self,
        stay: &Stay,
        invoices: &[Invoice],
        payments: &[Payment],
    ) -> Result<(Vec<Invoice>, Vec<Payment>)> {
        self.find(std::slice::from_ref(stay), &stay.reference)?;
        let hers: Vec<Invoice> = invoices
            .iter()
            .filter(|i| {
                i.customer.client_id == self.client.id
                    && i.stay_reference.as_deref() == Some(stay.reference.as_str())
            })
            .cloned()
            .collect();
        let numbers: Vec<&str> = hers.iter().filter_map(|i| i.number.as_deref()).collect();
        let paid = payments
            .iter()
            .filter(|p| numbers.contains(&p.invoice_number.as_str()))
            .cloned()
            .collect();
        Ok((hers, paid))
    }

    /// What cancelling one of her stays now would cost (see [`cancellation::preview`]).
    ///
    /// The stay must be hers and opened by her access (a portal link or a login, a link to the
    /// stay or to one of its documents), else `portal.not_found`. `invoices` and `payments` may
    /// hold anyone's: only her invoices of this stay, and the payments on them, are counted.
    ///
    /// ```
    /// # let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/invoicing.json")).unwrap()).unwrap();
    /// # let client: hospes::Client = serde_json::from_value(data["client"].clone()).unwrap();
    /// # let stay: hospes::Stay = serde_json::from_value(data["stay"].clone()).unwrap();
    /// # let policy: hospes::pricing::CancellationPolicy = serde_json::from_value(data["cancellation"].clone()).unwrap();
    /// # let deposit: hospes::invoice::Invoice = serde_json::from_value(data["deposit_invoice"].clone()).unwrap();
    /// # let paid: hospes::payment::Payment = serde_json::from_value(data["deposit_payment"].clone()).unwrap();
    /// use hospes::portal::{Portal, PortalAccess};
    /// let marie = Portal::open(&PortalAccess { client_id: "C-1042".into(), purpose: None, subject: None }, client).unwrap();
    /// let (paris, now) = ("Europe/Paris".parse().unwrap(), "2026-06-01T10:00:00Z".parse().unwrap());
    /// let p = marie.cancellation_preview(&stay, &policy, &[deposit.clone()], &[paid.clone()], paris, now).unwrap();
    /// assert_eq!(p.penalty.to_string(), "300.00 EUR");
    ///
    /// let mut jeans = stay.clone();
    /// jeans.client_id = "C-2077".into();
    /// let err = marie.cancellation_preview(&jeans, &policy, &[deposit], &[paid], paris, now).unwrap_err();
    /// assert_eq!(err.code(), "portal.not_found");
    /// ```
    pub fn cancellation_preview(
        &self,
        stay: &Stay,
        policy: &CancellationPolicy,
        invoices: &[Invoice],
        payments: &[Payment],
        time_zone: TimeZone,
        now: DateTime<Utc>,
    ) -> Result<CancellationPreview> {
        let (invoices, payments) = self.own_stay_records(stay, invoices, payments)?;
        cancellation::preview(stay, policy, &invoices, &payments, time_zone, now)
    }

    /// She confirms the cancellation she was shown (see [`cancellation::confirm`]): her invoices
    /// of the stay are credited, the fee invoice issued, the stay cancelled.
    ///
    /// Scope as [`cancellation_preview`](Portal::cancellation_preview): another client's stay is
    /// `portal.not_found`, and another client's invoice passed along is never credited.
    ///
    /// ```
    /// # let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/invoicing.json")).unwrap()).unwrap();
    /// # let client: hospes::Client = serde_json::from_value(data["client"].clone()).unwrap();
    /// # let stay: hospes::Stay = serde_json::from_value(data["stay"].clone()).unwrap();
    /// # let policy: hospes::pricing::CancellationPolicy = serde_json::from_value(data["cancellation"].clone()).unwrap();
    /// # let deposit: hospes::invoice::Invoice = serde_json::from_value(data["deposit_invoice"].clone()).unwrap();
    /// # let paid: hospes::payment::Payment = serde_json::from_value(data["deposit_payment"].clone()).unwrap();
    /// use hospes::cancellation::CancellationConfirmation;
    /// use hospes::portal::{Portal, PortalAccess};
    /// let marie = Portal::open(&PortalAccess { client_id: "C-1042".into(), purpose: None, subject: None }, client).unwrap();
    /// let confirmation: CancellationConfirmation = serde_json::from_str(r#"{"shown_refund": {"amount": "0.00", "currency": "EUR"},
    ///     "invoice_series": {"pattern": "FA{yy}{mm}{seq:04}"}, "credit_note_series": {"pattern": "AV{yy}{mm}{seq:04}"}}"#).unwrap();
    /// let (paris, now) = ("Europe/Paris".parse().unwrap(), "2026-06-01T10:00:00Z".parse().unwrap());
    /// let done = marie.cancel_stay(&stay, &policy, &[deposit], &[paid], confirmation, paris, now).unwrap();
    /// assert_eq!(done.stay.status, hospes::StayStatus::Cancelled);
    /// assert_eq!(done.credit_notes.len(), 1);
    /// ```
    #[allow(clippy::too_many_arguments)]
    pub fn cancel_stay(
        &self,
        stay: &Stay,
        policy: &CancellationPolicy,
        invoices: &[Invoice],
        payments: &[Payment],
        confirmation: CancellationConfirmation,
        time_zone: TimeZone,
        now: DateTime<Utc>,
    ) -> Result<Cancellation> {
        let (invoices, payments) = self.own_stay_records(stay, invoices, payments)?;
        cancellation::confirm(
            stay,
            policy,
            &invoices,
            &payments,
            confirmation,
            time_zone,
            now,
        )
    }

    /// The resident sets who may stay on her pitch (see [`Residency::set_authorised`]).
    ///
    /// The residency must be hers, and opened by her access: a portal link or a login, or a
    /// link whose subject is the residency's reference (its stay); else `portal.not_found`.
    ///
    /// ```
    /// # let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/invoicing.json")).unwrap()).unwrap();
    /// # let client: hospes::Client = serde_json::from_value(data["client"].clone()).unwrap();
    /// # let residency: hospes::residency::Residency = serde_json::from_value(data["residency"].clone()).unwrap();
    /// use hospes::portal::{Portal, PortalAccess};
    /// let marie = Portal::open(&PortalAccess { client_id: "C-1042".into(), purpose: None, subject: None }, client).unwrap();
    /// let jeanne: hospes::Companion = serde_json::from_str(r#"{"first_name": "Jeanne", "last_name": "Martin"}"#).unwrap();
    /// let now = "2027-01-05T10:00:00Z".parse().unwrap();
    /// let change = marie.set_authorised(&residency, vec![jeanne.clone()], now).unwrap();
    /// assert_eq!(change.residency.authorised, [jeanne.clone()]);
    ///
    /// let mut jeans = residency.clone();
    /// jeans.client_id = "C-2077".into();
    /// assert_eq!(marie.set_authorised(&jeans, vec![jeanne], now).unwrap_err().code(), "portal.not_found");
    /// ```
    pub fn set_authorised(
        &self,
        residency: &Residency,
        persons: Vec<Companion>,
        now: DateTime<Utc>,
    ) -> Result<ResidencyChange> {
        self.opens_residency(residency)?;
        residency.set_authorised(persons, now)
    }

    /// What is invoiced, paid and left to pay for one of her stays (see
    /// [`payment::stay_balance`]), in the stay's currency.
    ///
    /// Scope as the stay screen: her stay, opened by her access, else `portal.not_found`.
    /// `invoices` and `payments` may hold anyone's: only her invoices of this stay (drafts
    /// ignored) and the payments on them are counted.
    ///
    /// ```
    /// # let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/invoicing.json")).unwrap()).unwrap();
    /// # let client: hospes::Client = serde_json::from_value(data["client"].clone()).unwrap();
    /// # let stay: hospes::Stay = serde_json::from_value(data["stay"].clone()).unwrap();
    /// # let deposit: hospes::invoice::Invoice = serde_json::from_value(data["deposit_invoice"].clone()).unwrap();
    /// use hospes::portal::{Portal, PortalAccess};
    /// let marie = Portal::open(&PortalAccess { client_id: "C-1042".into(), purpose: None, subject: None }, client).unwrap();
    /// let mut jeans = deposit.clone();
    /// jeans.customer.client_id = "C-2077".into();
    /// jeans.number = Some("FA26030043".into());
    /// let balance = marie.stay_balance(&stay, &[deposit, jeans], &[]).unwrap();
    /// assert_eq!(balance.due.to_string(), "300.00 EUR");
    /// assert_eq!(balance.invoices.len(), 1);
    /// ```
    pub fn stay_balance(
        &self,
        stay: &Stay,
        invoices: &[Invoice],
        payments: &[Payment],
    ) -> Result<StayBalance> {
        let (invoices, payments) = self.own_stay_records(stay, invoices, payments)?;
        payment::stay_balance(stay.currency, &invoices, &payments)
    }

    /// One of her invoices (or credit notes) as PDF, printed by `printer`: the very document the
    /// business prints ([`Printer::invoice`]).
    ///
    /// Never a draft, never another client's: both are `portal.not_found`, as is an invoice
    /// outside what her access opens — a portal link or a login opens them all, an invoice or
    /// payment link its own invoice, a stay link its stay's (as [`Portal::invoices`] lists them).
    ///
    /// ```
    /// # let lukasz: hospes::Client = serde_json::from_str(r#"{"id": "C-2077", "last_name": "Żółć", "created_at": "2026-01-15T09:30:00Z"}"#).unwrap();
    /// # let invoice: hospes::invoice::Invoice = serde_json::from_str(include_str!("../../tests/data/invoice.json")).unwrap();
    /// use hospes::pdf::Printer;
    /// use hospes::portal::{Portal, PortalAccess};
    /// // An invoice link for FA26070118, Łukasz's invoice.
    /// let access: PortalAccess = serde_json::from_str(r#"{"client_id": "C-2077", "purpose": "invoice", "subject": "FA26070118"}"#).unwrap();
    /// let guest = Portal::open(&access, lukasz).unwrap();
    /// let pdf = guest.invoice_pdf(&invoice, Printer::standard()).unwrap();
    /// assert_eq!(pdf, Printer::standard().invoice(&invoice).unwrap());
    ///
    /// let mut draft = invoice.clone();
    /// draft.status = hospes::invoice::InvoiceStatus::Draft;
    /// assert_eq!(guest.invoice_pdf(&draft, Printer::standard()).unwrap_err().code(), "portal.not_found");
    /// ```
    pub fn invoice_pdf(&self, invoice: &Invoice, printer: &Printer) -> Result<Vec<u8>> {
        if invoice.customer.client_id != self.client.id
            || invoice.status == InvoiceStatus::Draft
            || !self.access.opens_invoice(invoice)
        {
            return Err(not_found("invoice"));
        }
        printer.invoice(invoice)
    }

    /// She asks for an appointment for one of her pets (see [`appointment::request`]): the
    /// appointment is hers, the pet must be on her record (`appointment.pet_unknown`), and only
    /// a portal link or a login opens the appointments (`portal.not_found` otherwise).
    ///
    /// ```
    /// # let data: serde_json::Value = serde_json::from_str(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/appointments.json"))).unwrap();
    /// # let schedule: hospes::appointment::AppointmentSchedule = serde_json::from_value(data["schedule"].clone()).unwrap();
    /// # let marie: hospes::Client = serde_json::from_value(data["client"].clone()).unwrap();
    /// use hospes::appointment::AppointmentRequest;
    /// use hospes::portal::{Portal, PortalAccess};
    /// let portal = Portal::open(&PortalAccess { client_id: "C-1042".into(), purpose: None, subject: None }, marie).unwrap();
    /// let req: AppointmentRequest = serde_json::from_str(r#"{"pet": "Filou", "start": "2026-06-05T14:00"}"#).unwrap();
    /// let now = "2026-06-01T08:00:00Z".parse().unwrap();
    /// let asked = portal.request_appointment(&schedule, "Europe/Paris".parse().unwrap(), "RDV-502", req, now).unwrap();
    /// assert_eq!(asked.appointment.client_id, "C-1042");
    /// ```
    pub fn request_appointment(
        &self,
        schedule: &AppointmentSchedule,
        time_zone: TimeZone,
        id: &str,
        request: AppointmentRequest,
        now: DateTime<Utc>,
    ) -> Result<AppointmentOutcome> {
        appointment::request(self, schedule, time_zone, id, request, now)
    }
}
