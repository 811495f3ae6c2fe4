//! Merge fields: the bracket tags a business writes in its texts — HippoCamp's own names
//! (`[DATE_ARRIVEE]`, `[LIEN_ESPACE_CLI]` …) and their neutral English aliases
//! (`[ARRIVAL_DATE]`, `[PORTAL_LINK]` …) — declared once here, beneath the mail templates
//! ([`crate::mail`]) and the contract terms ([`crate::contract`]) that both use them: one name,
//! one meaning, wherever it is written.
//!
//! A tag is `[`, an upper-case name (`A`–`Z`, then `A`–`Z`, `0`–`9` or `_`, at most 40
//! characters) and `]`. A bracket that does not open such a name — `[a]`, `[ A ]`,
//! `tableau[0]`, `[Note]` — is text.
//!
//! ```
//! let tag = hospes::merge::find_tag("ARRIVAL_DATE").unwrap();
//! assert_eq!(tag.name, "DATE_ARRIVEE");
//! assert!(tag.contract, "a contract may show the arrival date");
//! assert!(!hospes::merge::find_tag("LIEN_ESPACE_CLI").unwrap().contract);
//! ```

use crate::link::LinkPurpose;

/// One merge field: its names and what it stands for.
///
/// ```
/// let tag = hospes::merge::find_tag("LIEN_ESPACE_CLI").unwrap();
/// assert_eq!(tag.alias, "PORTAL_LINK");
/// assert_eq!(tag.variable, "links.portal");
/// assert_eq!(hospes::merge::find_tag("PORTAL_LINK"), Some(tag));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tag {
    /// The French name, as HippoCamp writes it (`LIEN_ESPACE_CLI`).
    pub name: &'static str,
    /// The neutral English alias (`PORTAL_LINK`).
    pub alias: &'static str,
    /// What it stands for, as a mail template's variable (`links.portal`).
    pub variable: &'static str,
    /// The link it needs, for the link tags.
    pub link: Option<LinkPurpose>,
    /// Whether contract terms may use it: the stay's own values (names, dates, accommodation,
    /// people, amounts), not links, payments received or other documents.
    pub contract: bool,
}

/// A tag mails and contracts both use.
const fn shared(name: &'static str, alias: &'static str, variable: &'static str) -> Tag {
    Tag {
        name,
        alias,
        variable,
        link: None,
        contract: true,
    }
}

/// A tag only mails use.
const fn mail(name: &'static str, alias: &'static str, variable: &'static str) -> Tag {
    Tag {
        name,
        alias,
        variable,
        link: None,
        contract: false,
    }
}

/// A link tag: mails only.
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
        contract: false,
    }
}

/// Every built-in tag, links first (the six of HippoCamp's e-mails, the booking edit, then the
/// two account mails: confirming the address, choosing a new password), in documentation order.
///
/// ```
/// use hospes::{merge::find_tag, LinkPurpose};
/// assert_eq!(find_tag("LIEN_MOT_DE_PASSE").unwrap().link, Some(LinkPurpose::PasswordReset));
/// assert_eq!(find_tag("ACCOUNT_VERIFY_LINK").unwrap().name, "LIEN_CONFIRMATION_COMPTE");
/// ```
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
    link(
        "LIEN_CONFIRMATION_COMPTE",
        "ACCOUNT_VERIFY_LINK",
        "links.account_verify",
        LinkPurpose::AccountVerify,
    ),
    link(
        "LIEN_MOT_DE_PASSE",
        "PASSWORD_RESET_LINK",
        "links.password_reset",
        LinkPurpose::PasswordReset,
    ),
    shared("CIVILITE", "CIVILITY", "client.civility"),
    shared("PRENOM", "FIRST_NAME", "client.first_name"),
    shared("NOM", "LAST_NAME", "client.last_name"),
    shared("NOM_CLIENT", "CLIENT_NAME", "client.full_name"),
    shared("EMAIL_CLIENT", "CLIENT_EMAIL", "client.email"),
    shared("ADRESSE_CLIENT", "CLIENT_ADDRESS", "client.address"),
    shared(
        "NOM_ETABLISSEMENT",
        "ESTABLISHMENT_NAME",
        "establishment.name",
    ),
    shared(
        "TEL_ETABLISSEMENT",
        "ESTABLISHMENT_PHONE",
        "establishment.phone",
    ),
    shared(
        "EMAIL_ETABLISSEMENT",
        "ESTABLISHMENT_EMAIL",
        "establishment.email",
    ),
    shared(
        "ADRESSE_ETABLISSEMENT",
        "ESTABLISHMENT_ADDRESS",
        "establishment.address",
    ),
    shared("REF_SEJOUR", "STAY_REFERENCE", "stay.reference"),
    shared("HEBERGEMENT", "ACCOMMODATION", "stay.accommodation"),
    shared("DATE_ARRIVEE", "ARRIVAL_DATE", "stay.arrival"),
    shared("DATE_DEPART", "DEPARTURE_DATE", "stay.departure"),
    shared("NB_NUITS", "NIGHTS", "stay.nights"),
    shared("NB_PERSONNES", "PEOPLE", "stay.people"),
    shared("LISTE_OCCUPANTS", "OCCUPANTS", "stay.occupants"),
    shared("MONTANT_TOTAL", "TOTAL_AMOUNT", "amounts.total"),
    shared("MONTANT_ACOMPTE", "DEPOSIT_AMOUNT", "amounts.deposit"),
    shared("MONTANT_SOLDE", "BALANCE_AMOUNT", "amounts.balance"),
    mail("MONTANT_PAYE", "PAID_AMOUNT", "amounts.paid"),
    mail("MONTANT_DU", "DUE_AMOUNT", "amounts.due"),
    mail("NUM_DEVIS", "QUOTE_NUMBER", "documents.quote"),
    shared("NUM_CONTRAT", "CONTRACT_NUMBER", "documents.contract"),
    mail("NUM_FACTURE", "INVOICE_NUMBER", "documents.invoice"),
    mail("DATE_LIMITE_MODIF", "EDIT_DEADLINE", "edit.deadline"),
    mail("TEMPS_RESTANT", "TIME_REMAINING", "edit.remaining"),
    mail("TEXTE_RAPPEL", "REMINDER_TEXT", "edit.text"),
];

/// The built-in tag named `name` (French or English), if any.
///
/// ```
/// assert_eq!(hospes::merge::find_tag("NOM").unwrap().alias, "LAST_NAME");
/// assert_eq!(hospes::merge::find_tag("nom"), None);
/// ```
pub fn find_tag(name: &str) -> Option<Tag> {
    TAGS.iter()
        .find(|t| t.name == name || t.alias == name)
        .copied()
}

/// Whether a tag name is well formed: `[A-Z][A-Z0-9_]*`, at most 40 characters.
pub(crate) fn is_tag_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some('A'..='Z'))
        && chars.all(|c| matches!(c, 'A'..='Z' | '0'..='9' | '_'))
        && name.len() <= 40
}

/// A piece of a text read for its tags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Piece<'a> {
    /// Text, as written.
    Text(&'a str),
    /// A tag: its name (no brackets) and where its `[` is, in characters from 0.
    Tag { name: &'a str, offset: usize },
}

/// A `[` opening a tag name that `]` does not close: `[DATE_ARRIVEE au`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unclosed<'a> {
    /// What was written: the bracket and the name (`[DATE_ARRIVEE`).
    pub written: &'a str,
    /// Where the `[` is, in characters from 0.
    pub offset: usize,
}

/// `text` as text and tags, in order, in one pass. A `[` followed by an upper-case name is a
/// tag when `]` follows the name, text when a letter does (`[Note]`), and unclosed otherwise.
pub(crate) fn pieces(text: &str) -> Result<Vec<Piece<'_>>, Unclosed<'_>> {
    let mut out = Vec::new();
    // Bytes copied so far; characters before `counted` bytes.
    let (mut copied, mut counted, mut chars) = (0, 0, 0);
    let mut search = 0;
    while let Some(open) = text
        .get(search..)
        .and_then(|t| t.find('['))
        .map(|i| search + i)
    {
        let after = text.get(open + 1..).unwrap_or("");
        let name_len = after
            .find(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'))
            .unwrap_or(after.len());
        let name = after.get(..name_len).unwrap_or("");
        let next = after.get(name_len..).and_then(|r| r.chars().next());
        search = open + 1;
        if !is_tag_name(name) || next.is_some_and(char::is_alphabetic) {
            continue;
        }
        chars += text.get(counted..open).map_or(0, |t| t.chars().count());
        counted = open;
        if next != Some(']') {
            return Err(Unclosed {
                written: text.get(open..=open + name_len).unwrap_or(""),
                offset: chars,
            });
        }
        if open > copied {
            out.push(Piece::Text(text.get(copied..open).unwrap_or("")));
        }
        out.push(Piece::Tag {
            name,
            offset: chars,
        });
        copied = open + name_len + 2;
        search = copied;
    }
    if copied < text.len() {
        out.push(Piece::Text(text.get(copied..).unwrap_or("")));
    }
    Ok(out)
}

/// The name among `candidates` closest to `name` (edit distance), when it is close enough to
/// be the one meant: at most 2 edits, or a quarter of the name for a long one.
pub(crate) fn closest<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = 2.max(name.len() / 4);
    candidates
        .into_iter()
        .map(|c| (distance(name, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance between two short ASCII names.
fn distance(a: &str, b: &str) -> usize {
    let b = b.as_bytes();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.bytes().enumerate() {
        let mut diagonal = i;
        let mut left = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let up = row.get(j + 1).copied().unwrap_or(usize::MAX);
            let cost = usize::from(ca != *cb);
            let here = (diagonal + cost).min(up + 1).min(left + 1);
            diagonal = up;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = here;
            }
            left = here;
        }
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
    }
    row.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_tags_share_a_name() {
        let mut names: Vec<_> = TAGS.iter().flat_map(|t| [t.name, t.alias]).collect();
        assert!(names.iter().all(|n| is_tag_name(n)));
        let count = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), count);
    }

    #[test]
    fn tags_are_found_with_their_offsets_in_characters() {
        let p = pieces("Séjour du [DATE_ARRIVEE] au [DEPARTURE_DATE].").unwrap();
        assert_eq!(
            p,
            [
                Piece::Text("Séjour du "),
                Piece::Tag {
                    name: "DATE_ARRIVEE",
                    offset: 10
                },
                Piece::Text(" au "),
                Piece::Tag {
                    name: "DEPARTURE_DATE",
                    offset: 28
                },
                Piece::Text("."),
            ]
        );
        assert_eq!(
            pieces("[NOM]").unwrap(),
            [Piece::Tag {
                name: "NOM",
                offset: 0
            }]
        );
        assert_eq!(pieces("").unwrap(), []);
    }

    #[test]
    fn brackets_that_open_no_upper_case_name_are_text() {
        for text in ["[a] [Note] [] [ A ] tableau[0] [Équipe] [", "x [1A] y"] {
            assert_eq!(pieces(text).unwrap(), [Piece::Text(text)], "{text}");
        }
    }

    #[test]
    fn a_tag_name_left_open_is_unclosed() {
        assert_eq!(
            pieces("Arrivée le [DATE_ARRIVEE à 16 h").unwrap_err(),
            Unclosed {
                written: "[DATE_ARRIVEE",
                offset: 11
            }
        );
        assert_eq!(pieces("fin [NOM").unwrap_err().written, "[NOM");
        assert_eq!(pieces("[NOM[PRENOM]").unwrap_err().offset, 0);
    }

    proptest::proptest! {
        #[test]
        fn any_text_reads_back_as_written_with_offsets_in_characters(
            text in "[a-zA-Z0-9_ \\[\\]éÉ€\n]{0,60}"
        ) {
            if let Ok(pieces) = pieces(&text) {
                let mut back = String::new();
                for piece in pieces {
                    match piece {
                        Piece::Text(t) => back.push_str(t),
                        Piece::Tag { name, offset } => {
                            proptest::prop_assert_eq!(back.chars().count(), offset);
                            back.push_str(&format!("[{name}]"));
                        }
                    }
                }
                proptest::prop_assert_eq!(back, text);
            }
        }
    }

    #[test]
    fn the_closest_tag_is_suggested_only_when_close() {
        let names = TAGS.iter().flat_map(|t| [t.name, t.alias]);
        assert_eq!(closest("DATE_ARIVEE", names.clone()), Some("DATE_ARRIVEE"));
        assert_eq!(
            closest("ARRIVAL_DATES", names.clone()),
            Some("ARRIVAL_DATE")
        );
        assert_eq!(closest("ARTICLE", names), None);
        assert_eq!(distance("", "ABC"), 3);
        assert_eq!(distance("KITTEN", "SITTING"), 3);
    }
}
