//! What one mail is about: the establishment and the client, the stay, the amounts, the
//! documents and the links it shows, the editable fields reminder and the host's own tags.

use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::editable::{EditPolicy, EditReminder};
use crate::error::{Error, Result};
use crate::establishment::Establishment;
use crate::i18n::Locale;
use crate::link::LinkPurpose;
use crate::money::Money;
use crate::stay::Stay;

/// The links a mail may carry, as full URLs issued by the link module.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MailLinks {
    /// `[LIEN_ESPACE_CLI]`.
    #[serde(default)]
    pub portal: Option<String>,
    /// `[LIEN_DEVIS]`.
    #[serde(default)]
    pub quote: Option<String>,
    /// `[LIEN_CONTRAT]`.
    #[serde(default)]
    pub contract: Option<String>,
    /// `[LIEN_FACTURE]`.
    #[serde(default)]
    pub invoice: Option<String>,
    /// `[LIEN_PAIEMENT_ACOMPTE]`.
    #[serde(default)]
    pub deposit_payment: Option<String>,
    /// `[LIEN_PAIEMENT_SOLDE]`.
    #[serde(default)]
    pub balance_payment: Option<String>,
    /// `[LIEN_MODIF_RESA]`: the page where the guest edits booking fields.
    #[serde(default)]
    pub booking_edit: Option<String>,
    /// `[LIEN_CONFIRMATION_COMPTE]`: confirming the address of a new portal account.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub account_verify: Option<String>,
    /// `[LIEN_MOT_DE_PASSE]`: choosing a new portal password.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub password_reset: Option<String>,
}

impl MailLinks {
    /// Refuses a link a guest may not be sent to (see
    /// [`web_url`](crate::establishment::web_url)): a `javascript:` link is refused, not merely
    /// escaped.
    ///
    /// ```
    /// use hospes::mail::MailLinks;
    /// let good = MailLinks { portal: Some("https://p.fr/?t=v4.local.x".into()), ..Default::default() };
    /// assert!(good.check().is_ok());
    /// let evil = MailLinks { invoice: Some("javascript:alert(1)".into()), ..Default::default() };
    /// assert_eq!(evil.check().unwrap_err().code(), "mail.link_invalid");
    /// ```
    pub fn check(&self) -> Result<()> {
        let links = [
            ("portal", &self.portal),
            ("quote", &self.quote),
            ("contract", &self.contract),
            ("invoice", &self.invoice),
            ("deposit_payment", &self.deposit_payment),
            ("balance_payment", &self.balance_payment),
            ("booking_edit", &self.booking_edit),
            ("account_verify", &self.account_verify),
            ("password_reset", &self.password_reset),
        ];
        for (link, value) in links {
            if let Some(value) = value {
                crate::establishment::web_url(value).map_err(|_| Error::MailLinkInvalid {
                    link: link.to_owned(),
                    value: value.chars().take(200).collect(),
                })?;
            }
        }
        Ok(())
    }

    /// The URL given for `purpose`, if any.
    ///
    /// ```
    /// use hospes::{mail::MailLinks, LinkPurpose};
    /// let links = MailLinks { portal: Some("https://p/".into()), ..Default::default() };
    /// assert_eq!(links.get(LinkPurpose::Portal), Some("https://p/"));
    /// assert_eq!(links.get(LinkPurpose::Quote), None);
    /// let reset = MailLinks { password_reset: Some("https://p/account/reset?t=x".into()), ..Default::default() };
    /// assert_eq!(reset.get(LinkPurpose::PasswordReset), Some("https://p/account/reset?t=x"));
    /// ```
    pub fn get(&self, purpose: LinkPurpose) -> Option<&str> {
        match purpose {
            LinkPurpose::Portal => self.portal.as_deref(),
            LinkPurpose::Quote => self.quote.as_deref(),
            LinkPurpose::Contract => self.contract.as_deref(),
            LinkPurpose::Invoice => self.invoice.as_deref(),
            LinkPurpose::DepositPayment => self.deposit_payment.as_deref(),
            LinkPurpose::BalancePayment => self.balance_payment.as_deref(),
            LinkPurpose::BookingEdit => self.booking_edit.as_deref(),
            LinkPurpose::PasswordReset => self.password_reset.as_deref(),
            LinkPurpose::AccountVerify => self.account_verify.as_deref(),
        }
    }
}

/// Amounts a mail may show; the host takes them from the stay's balance.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MailAmounts {
    /// The stay's total (`[MONTANT_TOTAL]`).
    #[serde(default)]
    pub total: Option<Money>,
    /// Received so far (`[MONTANT_PAYE]`).
    #[serde(default)]
    pub paid: Option<Money>,
    /// Still due (`[MONTANT_DU]`).
    #[serde(default)]
    pub due: Option<Money>,
    /// The deposit asked (`[MONTANT_ACOMPTE]`).
    #[serde(default)]
    pub deposit: Option<Money>,
    /// The balance asked (`[MONTANT_SOLDE]`).
    #[serde(default)]
    pub balance: Option<Money>,
}

/// Document numbers a mail may show.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MailDocuments {
    /// `[NUM_DEVIS]`.
    #[serde(default)]
    pub quote: Option<String>,
    /// `[NUM_CONTRAT]`.
    #[serde(default)]
    pub contract: Option<String>,
    /// `[NUM_FACTURE]`.
    #[serde(default)]
    pub invoice: Option<String>,
}

/// The editable-fields part of a reminder mail: until when, and the business's own text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MailEdit {
    /// The earliest deadline still open (`[DATE_LIMITE_MODIF]`, shown in the establishment's
    /// zone).
    pub deadline: chrono::DateTime<chrono::Utc>,
    /// Seconds left until then (`[TEMPS_RESTANT]`, shown in days or hours).
    pub remaining_seconds: i64,
    /// The business's extra text (`[TEXTE_RAPPEL]`).
    #[serde(default)]
    pub text: Option<String>,
    /// The fields still editable, as the guest reads them.
    #[serde(default)]
    pub fields: Vec<String>,
}

// The reminder of editable fields fills its part of the mail: a mail word, so written here.
impl EditReminder {
    /// The reminder's part of the mail context (`[DATE_LIMITE_MODIF]`, `[TEMPS_RESTANT]`,
    /// `[TEXTE_RAPPEL]`, the fields' labels) in `locale`.
    ///
    /// ```
    /// # use hospes::editable::*;
    /// # let p: EditPolicy = serde_json::from_str(r#"{"fields":[{"field":"participants","days_before_arrival":7}],"reminder":{"days_before_deadline":3,"text":"À bientôt"}}"#).unwrap();
    /// # let stay: hospes::Stay = serde_json::from_str(r#"{"reference":"1","client_id":"C","accommodation":"P","arrival":"2026-07-11","departure":"2026-07-18","status":"confirmed","currency":"EUR"}"#).unwrap();
    /// # let paris = hospes::TimeZone::new("Europe/Paris").unwrap();
    /// let reminder = resend(&p, &stay, paris, "2026-07-02T10:00:00Z".parse().unwrap()).unwrap();
    /// let edit = reminder.mail_edit(&p, hospes::Locale::Es);
    /// assert_eq!(edit.fields, ["Participantes"]);
    /// assert_eq!(edit.text.as_deref(), Some("À bientôt"));
    /// ```
    pub fn mail_edit(&self, policy: &EditPolicy, locale: Locale) -> MailEdit {
        MailEdit {
            deadline: self.deadline,
            remaining_seconds: self.remaining_seconds,
            text: self.text.clone(),
            fields: self
                .fields
                .iter()
                .filter_map(|f| policy.fields.iter().find(|r| &r.field == f))
                .map(|rule| rule.label(locale))
                .collect(),
        }
    }
}

/// A host tag's value for one mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct HostTagValue {
    /// The tag, without brackets (`PLAQUE`).
    pub name: String,
    /// Its value, escaped like any other.
    pub value: String,
}

/// What one mail is about. Everything but the establishment and the client is optional; a tag
/// whose value is absent is refused at render time (`mail.value_missing`) rather than sent
/// empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MailContext {
    /// Who sends it.
    pub establishment: Establishment,
    /// To whom.
    pub client: Client,
    /// In which language; by default the client's, else the establishment's.
    #[serde(default)]
    pub locale: Option<Locale>,
    /// The stay it is about.
    #[serde(default)]
    pub stay: Option<Stay>,
    /// Amounts to show.
    #[serde(default)]
    pub amounts: MailAmounts,
    /// Document numbers to show.
    #[serde(default)]
    pub documents: MailDocuments,
    /// Links, issued by the link module.
    #[serde(default)]
    pub links: MailLinks,
    /// The editable booking fields reminder, for that mail.
    #[serde(default)]
    pub edit: Option<MailEdit>,
    /// Values of the host's own tags.
    #[serde(default)]
    pub tags: Vec<HostTagValue>,
}
