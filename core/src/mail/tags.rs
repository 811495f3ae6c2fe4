//! The mail tags a business writes in its templates — HippoCamp's own (`[LIEN_ESPACE_CLI]` …),
//! their neutral English aliases (`[PORTAL_LINK]` …), declared once in [`crate::merge`] — and the
//! template variables each stands for.

pub(crate) use crate::merge::is_tag_name;
pub use crate::merge::{TAGS, Tag, find_tag};

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
            "address",
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
            "occupants",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tag_names_a_known_variable() {
        for t in TAGS {
            let (object, field) = t.variable.split_once('.').unwrap();
            let fields = OBJECTS.iter().find(|(o, _)| *o == object).unwrap().1;
            assert!(fields.contains(&field), "{} → {}", t.name, t.variable);
        }
    }
}
