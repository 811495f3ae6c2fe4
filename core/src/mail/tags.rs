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
            "account_verify",
            "password_reset",
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
    fn the_confirmation_and_reset_mails_carry_their_links_as_built_in_tags() {
        use crate::link::LinkPurpose;
        use crate::mail::{CompiledMail, MailContext, MailTemplate};
        let template: MailTemplate = serde_json::from_value(serde_json::json!({
            "name": "account", "versions": [{"locale": "fr", "subject": "Votre compte",
            "html": "<a href=\"[LIEN_CONFIRMATION_COMPTE]\">Confirmer</a> <a href=\"[PASSWORD_RESET_LINK]\">Mot de passe</a>"}]
        }))
        .unwrap();
        let mail = CompiledMail::compile(&template).unwrap();
        let summary = mail.summary();
        assert_eq!(
            summary.links_needed,
            [LinkPurpose::AccountVerify, LinkPurpose::PasswordReset]
        );
        assert_eq!(
            summary.tags,
            ["[LIEN_CONFIRMATION_COMPTE]", "[LIEN_MOT_DE_PASSE]"]
        );
        let mut context: MailContext = serde_json::from_value(serde_json::json!({
            "establishment": {"id": "e", "name": "Camping des Pins", "currency": "EUR",
                              "time_zone": "Europe/Paris", "portal_base_url": "https://p.fr/"},
            "client": {"id": "C-1", "last_name": "Dupont", "created_at": "2026-01-01T00:00:00Z"},
            "links": {"account_verify": "https://p.fr/account/verify?t=v4.local.a"}
        }))
        .unwrap();
        // Never sent without its link.
        assert_eq!(
            mail.render(&context).unwrap_err().code(),
            "mail.value_missing"
        );
        context.links.password_reset = Some("https://p.fr/account/reset?t=v4.local.b".into());
        let html = mail.render(&context).unwrap().html;
        assert!(
            html.contains("https://p.fr/account/verify?t=v4.local.a"),
            "{html}"
        );
        assert!(
            html.contains("https://p.fr/account/reset?t=v4.local.b"),
            "{html}"
        );
    }

    #[test]
    fn every_tag_names_a_known_variable() {
        for t in TAGS {
            let (object, field) = t.variable.split_once('.').unwrap();
            let fields = OBJECTS.iter().find(|(o, _)| *o == object).unwrap().1;
            assert!(fields.contains(&field), "{} → {}", t.name, t.variable);
        }
    }
}
