//! Every type the table of operations names, in scope wherever the table is expanded (the wire,
//! and the Kotlin and Swift crate).

pub use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
pub use rust_decimal::Decimal;

pub use crate::account::{Account, AccountUpdate, Login, Registration, Throttle};
pub use crate::accounting::{
    ChartOfAccounts, FecOptions, JournalEntries, JournalEntry, JournalSequence,
};
pub use crate::address::Country;
pub use crate::amendment::{Amendment, AmendmentConfirmation, AmendmentPreview};
pub use crate::appointment::{
    Appointment, AppointmentOutcome, AppointmentRequest, AppointmentSchedule,
};
pub use crate::booking::{Booking, BookingRequest};
pub use crate::cancellation::{Cancellation, CancellationConfirmation, CancellationPreview};
pub use crate::client::{
    Client, ClientField, ClientUpdateOutcome, Companion, GuestDetails, UpdatePolicy,
};
pub use crate::contract::{
    Contract, ContractRequest, ContractSigned, ContractTerms, ContractTermsSummary,
};
pub use crate::correction::{Refund, Reversal};
pub use crate::editable::{
    BookingChange, ChangeRequest, EditOutcome, EditPolicy, EditReminder, EditWindow,
};
pub use crate::einvoice::FacturX;
pub use crate::ereporting::{EReport, EReportOptions};
pub use crate::establishment::{Establishment, TimeZone};
pub use crate::event::Event;
pub use crate::evidence::LoggedEvent;
pub use crate::export::{PaymentFilter, StayFilter};
pub use crate::gdpr::{GdprErasure, GdprExport, GdprRecords};
pub use crate::i18n::Locale;
pub use crate::invoice::{Invoice, InvoiceRequest, InvoiceSeries, IssuedInvoice, Seller};
pub use crate::link::{
    IssuedLink, KeyringConfig, LinkClaims, LinkHint, LinkPurpose, LinkRequest, LinkState,
};
pub use crate::mail::{MailContext, MailEdit, MailSummary, MailTemplate, RenderedMail};
pub use crate::money::{Currency, Money};
pub use crate::payment::{
    InvoiceBalance, Payment, PaymentRecorded, PaymentReminder, PaymentRequest, ProviderResult,
    ReminderPolicy, ScheduledPayment, StayBalance,
};
pub use crate::pdf::{FileBytes, LabelRequest, LabelSheet, Letterhead, Printer};
pub use crate::portal::pets::PetView;
pub use crate::portal::{
    ContractView, InvoiceView, NewParticipant, ParticipantRules, ParticipantsChange, PortalAccess,
    PortalHome, QuoteView, ResidencyView, ShownDocument, SignedContract, SignedQuote, StayDetail,
    StayHistory, StayPayment,
};
pub use crate::pricing::{
    BusinessDiscount, CancellationPolicy, Catalogue, GridRequest, Installment, OptionOffer,
    PriceGrid, PriceRequest, PricedGuest, PricedStay,
};
pub use crate::quote::{Quote, QuoteAcceptance, QuoteChange};
pub use crate::register::{
    self, ClientDeletion, CountryCount, InvoiceFigures, Register, RegisterColumn, RegisterConfig,
    RegisterEntry, RegisterPage, RegisterQuery, RegisterRow, RegisterSource,
};
pub use crate::residency::{Residency, ResidencyChange};
pub use crate::settlement::{ClientAccount, Settled, Settlement};
pub use crate::sheet::SheetOptions;
pub use crate::signature::{Signature, SignatureRequest};
pub use crate::stay::{Stay, StayTotals};
pub use crate::vat::{PriceBasis, TaxedAmount, VatBreakdown};
