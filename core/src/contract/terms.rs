//! The business's terms (« modèle-type de contrat »): a version, a title and clauses whose
//! headings and texts may hold merge fields — `[DATE_ARRIVEE]`, `[HEBERGEMENT]`,
//! `[NB_PERSONNES]`, `[MONTANT_ACOMPTE]` … the mail tags that mean the same ([`crate::merge`]).
//! Checked when the business saves them ([`ContractTerms::check`]); filled with the stay's values,
//! in the contract's language, when a contract is drawn up from them.

use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::error::{Error, Result};
use crate::establishment::Establishment;
use crate::i18n::{self, Locale, format};
use crate::merge::{self, Piece, TAGS, Tag};
use crate::money::Money;
use crate::pricing::{Installment, InstallmentKind};
use crate::stay::Stay;
use crate::text;

/// Most clauses in one set of terms.
pub const MAX_CLAUSES: usize = 100;
/// Longest version name, in characters.
pub const MAX_VERSION_CHARS: usize = 50;
/// Longest title, in characters (before merging).
pub const MAX_TITLE_CHARS: usize = 200;
/// Longest clause heading, in characters (before merging).
pub const MAX_HEADING_CHARS: usize = 200;
/// Longest clause text, in characters (before merging).
pub const MAX_CLAUSE_CHARS: usize = 20_000;

/// One clause of the business's terms.
///
/// ```
/// let clause: hospes::contract::Clause = serde_json::from_str(
///     r#"{"heading": "Article 1 — Objet", "text": "Location de [HEBERGEMENT]."}"#).unwrap();
/// assert_eq!(clause.heading, "Article 1 — Objet");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Clause {
    /// Its heading (« Article 3 — Animaux »); may hold merge fields.
    pub heading: String,
    /// Its text, paragraphs separated by blank lines; may hold merge fields.
    pub text: String,
}

/// The terms a contract is made from: the business's template, in one version. In a contract,
/// the same terms with their merge fields filled.
///
/// ```
/// let terms: hospes::contract::ContractTerms = serde_json::from_str(r#"{
///     "version": "2026-1", "title": "Contrat de location saisonnière",
///     "clauses": [{"heading": "Article 1 — Objet",
///                  "text": "Location de [HEBERGEMENT] du [DATE_ARRIVEE] au [DATE_DEPART]."}]
/// }"#).unwrap();
/// assert!(terms.check().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ContractTerms {
    /// The version, as the business names it (`2026-1`): kept in the contract and its evidence.
    pub version: String,
    /// The contract's title (« Contrat de location saisonnière »); may hold merge fields.
    pub title: String,
    /// The clauses, in order.
    pub clauses: Vec<Clause>,
}

/// What saved terms use, for the business's editor.
///
/// ```
/// let summary: hospes::contract::ContractTermsSummary =
///     serde_json::from_str(r#"{"tags": ["[DATE_ARRIVEE]"]}"#).unwrap();
/// assert_eq!(summary.tags, ["[DATE_ARRIVEE]"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ContractTermsSummary {
    /// The merge fields used, each once, by its French name with brackets (`[DATE_ARRIVEE]` for
    /// `[ARRIVAL_DATE]` too), in order of first use.
    pub tags: Vec<String>,
}

/// A part of the terms as read: text, and the tags in it.
enum Bit<'a> {
    Text(&'a str),
    Tag(Tag),
}

impl ContractTerms {
    /// Checks the terms as the business saves them: a version (at most 50 characters), a title
    /// (200), one to 100 clauses, each with a heading (200, one line) or a text (20 000), and
    /// every `[TAG]` in the title, the headings and the texts a contract merge field, closed by
    /// `]`. `Contract::create` checks the same.
    ///
    /// Errors: `contract.tag_unknown` (with the tag, the part — `terms.clauses[2].text`, clauses
    /// from 0 —, the offset in characters from 0, and the tag meant when one is close),
    /// `contract.tag_unclosed`, `contract.request_invalid` (no clause, too many, an empty one),
    /// `field.required`, `field.too_long`, `input.invalid` (a control character in a title or
    /// heading).
    ///
    /// ```
    /// use hospes::contract::{Clause, ContractTerms};
    /// use hospes::Error;
    /// let mut terms = ContractTerms {
    ///     version: "2026-1".into(),
    ///     title: "Contrat de location".into(),
    ///     clauses: vec![Clause { heading: "Séjour".into(), text: "Arrivée le [DATE_ARIVEE].".into() }],
    /// };
    /// assert_eq!(terms.check().unwrap_err(), Error::ContractTagUnknown {
    ///     tag: "[DATE_ARIVEE]".into(),
    ///     part: "terms.clauses[0].text".into(),
    ///     offset: 11,
    ///     suggestion: Some("[DATE_ARRIVEE]".into()),
    /// });
    /// terms.clauses[0].text = "Arrivée le [DATE_ARRIVEE].".into();
    /// assert!(terms.check().is_ok());
    /// ```
    pub fn check(&self) -> Result<()> {
        self.read().map(|_| ())
    }

    /// Checks the terms ([`check`](Self::check)) and lists the merge fields they use.
    ///
    /// ```
    /// # let mut terms: hospes::contract::ContractTerms = serde_json::from_str(r#"{"version": "1",
    /// #     "title": "Contrat [REF_SEJOUR]", "clauses": [{"heading": "", "text": "[ARRIVAL_DATE] [DATE_ARRIVEE]"}]}"#).unwrap();
    /// let summary = terms.summary().unwrap();
    /// assert_eq!(summary.tags, ["[REF_SEJOUR]", "[DATE_ARRIVEE]"]);
    /// ```
    pub fn summary(&self) -> Result<ContractTermsSummary> {
        let mut tags: Vec<String> = Vec::new();
        for (_, bits) in self.read()? {
            for bit in bits {
                if let Bit::Tag(tag) = bit {
                    let name = format!("[{}]", tag.name);
                    if !tags.contains(&name) {
                        tags.push(name);
                    }
                }
            }
        }
        Ok(ContractTermsSummary { tags })
    }

    /// Every part checked and read: the title, then each clause's heading and text.
    fn read(&self) -> Result<Vec<(String, Vec<Bit<'_>>)>> {
        let invalid = |detail: String| Error::ContractRequestInvalid { detail };
        if self.clauses.is_empty() {
            return Err(invalid("the terms have no clause".into()));
        }
        text::required(&self.version, "terms.version", MAX_VERSION_CHARS)?;
        text::required(&self.title, "terms.title", MAX_TITLE_CHARS)?;
        if self.clauses.len() > MAX_CLAUSES {
            return Err(invalid(format!(
                "the terms have more than {MAX_CLAUSES} clauses"
            )));
        }
        let mut parts = vec![("terms.title".to_owned(), self.title.as_str())];
        for (i, clause) in self.clauses.iter().enumerate() {
            let heading = format!("terms.clauses[{i}].heading");
            let text = format!("terms.clauses[{i}].text");
            let has_heading = text::optional(Some(&clause.heading), &heading, MAX_HEADING_CHARS)?;
            let has_text = text::optional_multiline(Some(&clause.text), &text, MAX_CLAUSE_CHARS)?;
            if has_heading.is_none() && has_text.is_none() {
                return Err(invalid(format!(
                    "terms.clauses[{i}] has neither a heading nor a text"
                )));
            }
            parts.push((heading, clause.heading.as_str()));
            parts.push((text, clause.text.as_str()));
        }
        parts
            .into_iter()
            .map(|(part, text)| read(&part, text).map(|bits| (part, bits)))
            .collect()
    }

    /// The terms with every merge field filled from `source`: checked first, title trimmed,
    /// values written once (a value holding `[DATE_ARRIVEE]` stays as it is). Terms without a
    /// tag come back as they are (the title trimmed).
    pub(crate) fn merged(&self, source: &Source<'_>) -> Result<ContractTerms> {
        let mut parts = self.read()?.into_iter().map(|(_, bits)| bits);
        let mut next = |source: &Source<'_>| -> Result<String> {
            let bits = parts.next().unwrap_or_default();
            let mut out = String::new();
            for bit in bits {
                match bit {
                    Bit::Text(text) => out.push_str(text),
                    Bit::Tag(tag) => out.push_str(&source.value(tag)?),
                }
            }
            Ok(out)
        };
        let title = next(source)?.trim().to_owned();
        let mut clauses = Vec::with_capacity(self.clauses.len());
        for _ in &self.clauses {
            let heading = next(source)?;
            let text = next(source)?;
            clauses.push(Clause { heading, text });
        }
        Ok(ContractTerms {
            version: self.version.trim().to_owned(),
            title,
            clauses,
        })
    }
}

/// `text`, the part named `part`, as text and contract merge fields.
fn read<'a>(part: &str, text: &'a str) -> Result<Vec<Bit<'a>>> {
    let offset = |at: usize| u32::try_from(at).unwrap_or(u32::MAX);
    let pieces = merge::pieces(text).map_err(|unclosed| Error::ContractTagUnclosed {
        tag: unclosed.written.to_owned(),
        part: part.to_owned(),
        offset: offset(unclosed.offset),
    })?;
    pieces
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => Ok(Bit::Text(text)),
            Piece::Tag { name, offset: at } => match merge::find_tag(name) {
                Some(tag) if tag.contract => Ok(Bit::Tag(tag)),
                _ => Err(Error::ContractTagUnknown {
                    tag: format!("[{name}]"),
                    part: part.to_owned(),
                    offset: offset(at),
                    suggestion: merge::closest(name, contract_names()).map(|n| format!("[{n}]")),
                }),
            },
        })
        .collect()
}

/// The names, French and English, of the merge fields a contract has.
fn contract_names() -> impl Iterator<Item = &'static str> {
    TAGS.iter()
        .filter(|t| t.contract)
        .flat_map(|t| [t.name, t.alias])
}

/// What a contract's merge fields are filled from, and in which language.
pub(crate) struct Source<'a> {
    /// The contract's number.
    pub number: &'a str,
    /// The lessor.
    pub establishment: &'a Establishment,
    /// The guest.
    pub client: &'a Client,
    /// The stay.
    pub stay: &'a Stay,
    /// Everyone staying, the client first.
    pub occupants: &'a [String],
    /// The stay's total, VAT included.
    pub total: &'a Money,
    /// What is due when: the deposit is its deposit installments.
    pub schedule: &'a [Installment],
    /// The contract's language: dates and amounts are written in it.
    pub locale: Locale,
}

impl Source<'_> {
    /// The value of `tag` as the contract shows it: one line of plain text (control characters
    /// become spaces), empty for an optional value absent (a first name, a phone).
    fn value(&self, tag: Tag) -> Result<String> {
        let (client, establishment, stay) = (self.client, self.establishment, self.stay);
        let locale = self.locale;
        let optional = |value: &Option<String>| value.clone().unwrap_or_default();
        let value = match tag.variable {
            "client.civility" => client
                .civility
                .map(|c| i18n::text(c.label_id(), &[], locale, establishment.default_locale))
                .unwrap_or_default(),
            "client.first_name" => optional(&client.first_name),
            "client.last_name" => optional(&client.last_name),
            "client.full_name" => client.display_name(),
            "client.email" => optional(&client.email),
            "client.address" => client
                .address
                .written(establishment.address.country, locale),
            "establishment.name" => establishment.name.clone(),
            "establishment.phone" => optional(&establishment.phone),
            "establishment.email" => optional(&establishment.email),
            "establishment.address" => establishment
                .address
                .written(establishment.address.country, locale),
            "stay.reference" => stay.reference.clone(),
            "stay.accommodation" => stay.accommodation.clone(),
            "stay.arrival" => format::date(stay.arrival, locale),
            "stay.departure" => format::date(stay.departure, locale),
            "stay.nights" => stay.nights().to_string(),
            "stay.people" => stay.headcount().to_string(),
            "stay.occupants" => self.occupants.join(", "),
            "amounts.total" => format::money(self.total, locale),
            "amounts.deposit" => format::money(&self.deposit()?, locale),
            "amounts.balance" => format::money(&self.total.checked_sub(&self.deposit()?)?, locale),
            "documents.contract" => self.number.to_owned(),
            other => {
                return Err(Error::Internal {
                    detail: format!("no contract value for `{other}`"),
                });
            }
        };
        Ok(value
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect())
    }

    /// The deposit: the schedule's deposit installments, zero when it has none.
    fn deposit(&self) -> Result<Money> {
        self.schedule
            .iter()
            .filter(|i| i.kind == InstallmentKind::Deposit)
            .try_fold(Money::zero(self.total.currency), |sum, i| {
                sum.checked_add(&i.amount)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> serde_json::Value {
        serde_json::from_str(include_str!("../../tests/data/invoicing.json")).unwrap()
    }

    fn terms(text: &str) -> ContractTerms {
        ContractTerms {
            version: "2026-1".into(),
            title: "Contrat".into(),
            clauses: vec![Clause {
                heading: "Article 1".into(),
                text: text.into(),
            }],
        }
    }

    #[test]
    fn every_contract_tag_has_a_value() {
        let data = data();
        let client: Client = serde_json::from_value(data["client"].clone()).unwrap();
        let establishment: Establishment =
            serde_json::from_value(data["establishment"].clone()).unwrap();
        let stay: Stay = serde_json::from_value(data["stay"].clone()).unwrap();
        let total = stay.totals().unwrap().vat.total_incl_vat;
        let occupants = stay.occupants(&client.display_name());
        let source = Source {
            number: "C-1",
            establishment: &establishment,
            client: &client,
            stay: &stay,
            occupants: &occupants,
            total: &total,
            schedule: &[],
            locale: Locale::Fr,
        };
        for tag in TAGS.iter().filter(|t| t.contract) {
            assert!(source.value(*tag).is_ok(), "{}", tag.name);
        }
        let link = merge::find_tag("LIEN_CONTRAT").unwrap();
        assert_eq!(source.value(link).unwrap_err().code(), "internal.error");
    }

    #[test]
    fn a_mail_only_tag_is_unknown_in_a_contract() {
        let err = terms("Voir [LIEN_CONTRAT].").check().unwrap_err();
        assert_eq!(
            err,
            Error::ContractTagUnknown {
                tag: "[LIEN_CONTRAT]".into(),
                part: "terms.clauses[0].text".into(),
                offset: 5,
                suggestion: None,
            }
        );
        assert!(
            err.message(Locale::Fr)
                .contains("un contrat n’a pas cette balise")
        );
    }

    #[test]
    fn an_unclosed_tag_is_refused_with_its_place() {
        let mut t = terms("ok");
        t.clauses.push(Clause {
            heading: "Du [DATE_ARRIVEE au".into(),
            text: String::new(),
        });
        assert_eq!(
            t.check().unwrap_err(),
            Error::ContractTagUnclosed {
                tag: "[DATE_ARRIVEE".into(),
                part: "terms.clauses[1].heading".into(),
                offset: 3,
            }
        );
    }

    #[test]
    fn sizes_are_capped_and_clauses_may_not_be_empty() {
        let long = "a".repeat(MAX_CLAUSE_CHARS + 1);
        assert_eq!(
            terms(&long).check().unwrap_err(),
            Error::FieldTooLong {
                field: "terms.clauses[0].text".into(),
                max: MAX_CLAUSE_CHARS
            }
        );
        let mut t = terms("x");
        t.clauses = vec![t.clauses[0].clone(); MAX_CLAUSES + 1];
        assert_eq!(t.check().unwrap_err().code(), "contract.request_invalid");
        let mut t = terms(" ");
        t.clauses[0].heading = String::new();
        assert_eq!(t.check().unwrap_err().code(), "contract.request_invalid");
        let mut t = terms("x");
        t.title = " ".into();
        assert_eq!(t.check().unwrap_err().code(), "field.required");
        t.clauses.clear();
        assert_eq!(t.check().unwrap_err().code(), "contract.request_invalid");
    }

    #[test]
    fn the_summary_lists_each_tag_once_by_its_french_name() {
        let summary = terms("[NIGHTS] nuits, [NB_NUITS] nuits, [HEBERGEMENT]")
            .summary()
            .unwrap();
        assert_eq!(summary.tags, ["[NB_NUITS]", "[HEBERGEMENT]"]);
    }
}
