//! The mail tags a business writes in its templates — HippoCamp's own (`[LIEN_ESPACE_CLI]` …),
//! their neutral English aliases (`[PORTAL_LINK]` …) — and the template variables each stands for.

use crate::link::LinkPurpose;

/// One mail tag and the variable it is rewritten to before the template is compiled.
///
/// ```
/// let tag = hospes::mail::find_tag("LIEN_ESPACE_CLI").unwrap();
/// assert_eq!(tag.alias, "PORTAL_LINK");
/// assert_eq!(tag.variable, "links.portal");
/// assert_eq!(hospes::mail::find_tag("PORTAL_LINK"), Some(tag));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tag {
    /// The French name, as HippoCamp writes it (`LIEN_ESPACE_CLI`).
    pub name: &'static str,
    /// The neutral English alias (`PORTAL_LINK`).
    pub alias: &'static str,
    /// The template variable it stands for (`links.portal`).
    pub variable: &'static str,
    /// The link it needs, for the link tags.
    pub link: Option<LinkPurpose>,
}

const fn tag(name: &'static str, alias: &'static str, variable: &'static str) -> Tag {
    Tag {
        name,
        alias,
        variable,
        link: None,
    }
}

const fn link(
    name: &'static str,
    alias: &'static str,
    variable: &'static str,
    purpose: LinkPurpose,
) -> Tag {
    Tag {
        name,
        alias,
        variable,
        link: Some(purpose),
    }
}

/// Every built-in tag, links first (the six of HippoCamp's e-mails), in documentation order.
pub const TAGS: &[Tag] = &[
    link(
        "LIEN_ESPACE_CLI",
        "PORTAL_LINK",
        "links.portal",
        LinkPurpose::Portal,
    ),
    link(
        "LIEN_DEVIS",
        "QUOTE_LINK",
        "links.quote",
        LinkPurpose::Quote,
    ),
    link(
        "LIEN_CONTRAT",
        "CONTRACT_LINK",
        "links.contract",
        LinkPurpose::Contract,
    ),
    link(
        "LIEN_FACTURE",
        "INVOICE_LINK",
        "links.invoice",
        LinkPurpose::Invoice,
    ),
    link(
        "LIEN_PAIEMENT_ACOMPTE",
        "DEPOSIT_PAYMENT_LINK",
        "links.deposit_payment",
        LinkPurpose::DepositPayment,
    ),
    link(
        "LIEN_PAIEMENT_SOLDE",
        "BALANCE_PAYMENT_LINK",
        "links.balance_payment",
        LinkPurpose::BalancePayment,
    ),
    link(
        "LIEN_MODIF_RESA",
        "BOOKING_EDIT_LINK",
        "links.booking_edit",
        LinkPurpose::BookingEdit,
    ),
    tag("CIVILITE", "CIVILITY", "client.civility"),
    tag("PRENOM", "FIRST_NAME", "client.first_name"),
    tag("NOM", "LAST_NAME", "client.last_name"),
    tag("NOM_CLIENT", "CLIENT_NAME", "client.full_name"),
    tag("EMAIL_CLIENT", "CLIENT_EMAIL", "client.email"),
    tag(
        "NOM_ETABLISSEMENT",
        "ESTABLISHMENT_NAME",
        "establishment.name",
    ),
    tag(
        "TEL_ETABLISSEMENT",
        "ESTABLISHMENT_PHONE",
        "establishment.phone",
    ),
    tag(
        "EMAIL_ETABLISSEMENT",
        "ESTABLISHMENT_EMAIL",
        "establishment.email",
    ),
    tag("REF_SEJOUR", "STAY_REFERENCE", "stay.reference"),
    tag("HEBERGEMENT", "ACCOMMODATION", "stay.accommodation"),
    tag("DATE_ARRIVEE", "ARRIVAL_DATE", "stay.arrival"),
    tag("DATE_DEPART", "DEPARTURE_DATE", "stay.departure"),
    tag("NB_NUITS", "NIGHTS", "stay.nights"),
    tag("NB_PERSONNES", "PEOPLE", "stay.people"),
    tag("MONTANT_TOTAL", "TOTAL_AMOUNT", "amounts.total"),
    tag("MONTANT_ACOMPTE", "DEPOSIT_AMOUNT", "amounts.deposit"),
    tag("MONTANT_SOLDE", "BALANCE_AMOUNT", "amounts.balance"),
    tag("MONTANT_PAYE", "PAID_AMOUNT", "amounts.paid"),
    tag("MONTANT_DU", "DUE_AMOUNT", "amounts.due"),
    tag("NUM_DEVIS", "QUOTE_NUMBER", "documents.quote"),
    tag("NUM_CONTRAT", "CONTRACT_NUMBER", "documents.contract"),
    tag("NUM_FACTURE", "INVOICE_NUMBER", "documents.invoice"),
    tag("DATE_LIMITE_MODIF", "EDIT_DEADLINE", "edit.deadline"),
    tag("TEMPS_RESTANT", "TIME_REMAINING", "edit.remaining"),
    tag("TEXTE_RAPPEL", "REMINDER_TEXT", "edit.text"),
];

/// The built-in tag named `name` (French or English), if any.
pub fn find_tag(name: &str) -> Option<Tag> {
    TAGS.iter()
        .find(|t| t.name == name || t.alias == name)
        .copied()
}

/// The variables a template may use, by object; `tags` holds the host's own tags and `loop` is
/// the template engine's loop state.
pub(crate) const OBJECTS: &[(&str, &[&str])] = &[
    (
        "establishment",
        &["name", "phone", "email", "website", "address"],
    ),
    (
        "client",
        &[
            "civility",
            "first_name",
            "last_name",
            "full_name",
            "company",
            "email",
        ],
    ),
    (
        "stay",
        &[
            "reference",
            "accommodation",
            "arrival",
            "departure",
            "arrival_time",
            "nights",
            "people",
            "participants",
        ],
    ),
    ("amounts", &["total", "paid", "due", "deposit", "balance"]),
    ("documents", &["quote", "contract", "invoice"]),
    (
        "links",
        &[
            "portal",
            "quote",
            "contract",
            "invoice",
            "deposit_payment",
            "balance_payment",
            "booking_edit",
        ],
    ),
    ("edit", &["deadline", "remaining", "text", "fields"]),
    ("tags", &[]),
    ("loop", &["index", "index0", "first", "last", "length"]),
];

/// Whether a host tag name is well formed: `[A-Z][A-Z0-9_]*`, at most 40 characters.
pub(crate) fn is_tag_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some('A'..='Z'))
        && chars.all(|c| matches!(c, 'A'..='Z' | '0'..='9' | '_'))
        && name.len() <= 40
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tag_names_a_known_variable_and_no_two_tags_share_a_name() {
        let mut names = Vec::new();
        for t in TAGS {
            let (object, field) = t.variable.split_once('.').unwrap();
            let fields = OBJECTS.iter().find(|(o, _)| *o == object).unwrap().1;
            assert!(fields.contains(&field), "{} → {}", t.name, t.variable);
            assert!(is_tag_name(t.name) && is_tag_name(t.alias));
            names.push(t.name);
            names.push(t.alias);
        }
        let count = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), count);
    }
}
