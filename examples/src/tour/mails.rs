//! The mails it sends, written to `target/tour/mails/`.

use crate::section;
use hospes::{Client, Establishment, Locale};

/// The contract mail the campsite sends, written as its owner wrote it in the PMS, rendered for
/// Marie (French) and for a Spanish guest, and written to `target/tour/mails/`.
pub fn mails(
    camping: &Establishment,
    marie: &Client,
    portal_url: &str,
    contract_url: &str,
) -> hospes::Result<()> {
    use hospes::mail::{CompiledMail, MailContext, MailLinks, MailTemplate, PreparedContext};
    section("The mails it sends");
    let template: MailTemplate = hospes::wire::from_json(
        r#"{
        "name": "contract_to_sign",
        "versions": [
          {"locale": "fr", "subject": "[NOM_ETABLISSEMENT] — votre contrat à signer",
           "html": "<p>Bonjour [CIVILITE] [NOM],</p>\n<p>Votre contrat de location est prêt : <a href=\"[LIEN_CONTRAT]\">lire et signer le contrat</a>.</p>\n<p>Tous vos séjours et vos factures sont dans <a href=\"[LIEN_ESPACE_CLI]\">votre espace client</a>.</p>\n<p>À bientôt au [NOM_ETABLISSEMENT] !</p>"},
          {"locale": "en", "subject": "[ESTABLISHMENT_NAME] — your contract to sign",
           "html": "<p>Dear [CIVILITY] [LAST_NAME],</p>\n<p>Your rental contract is ready: <a href=\"[CONTRACT_LINK]\">read and sign it</a>.</p>\n<p>All your stays and invoices are in <a href=\"[PORTAL_LINK]\">your guest space</a>.</p>"},
          {"locale": "es", "subject": "[NOM_ETABLISSEMENT] — su contrato para firmar",
           "html": "<p>Estimado/a [CIVILITE] [NOM]:</p>\n<p>Su contrato de alquiler está listo: <a href=\"[LIEN_CONTRAT]\">leer y firmar el contrato</a>.</p>\n<p>Todas sus estancias y facturas están en <a href=\"[LIEN_ESPACE_CLI]\">su espacio cliente</a>.</p>"}
        ]}"#,
    )?;
    let mail = CompiledMail::compile(&template)?;
    println!(
        "template « {} » saved: links to issue {:?}",
        mail.name(),
        mail.summary().links_needed
    );
    let mut typo = template.clone();
    if let Some(version) = typo.versions.first_mut() {
        version.html = "<p>Bonjour [PRENOM],</p>\n<p>Votre facture : [LIEN_FACTUR]</p>".into();
    }
    if let Err(err) = CompiledMail::compile(&typo) {
        println!("a typo when saving: {}", err.message(Locale::Fr));
    }
    let context = MailContext {
        establishment: camping.clone(),
        client: marie.clone(),
        locale: None,
        stay: None,
        amounts: Default::default(),
        documents: Default::default(),
        links: MailLinks {
            portal: Some(portal_url.into()),
            contract: Some(contract_url.into()),
            ..MailLinks::default()
        },
        edit: None,
        tags: vec![],
    };
    let dir = std::path::Path::new("target/tour/mails");
    std::fs::create_dir_all(dir).map_err(|e| hospes::Error::Internal {
        detail: e.to_string(),
    })?;
    let spanish = MailContext {
        locale: Some(Locale::Es),
        ..context.clone()
    };
    // Marie gets several mails: her context is read and checked once, the values each mail
    // shows worked out on its first render and kept.
    let prepared = PreparedContext::new(context.clone())?;
    let again = mail.render_prepared(&prepared)?;
    println!(
        "Marie's context prepared once: the same mail again ({} characters of HTML){}",
        again.html.len(),
        if again == mail.render(&context)? {
            ", identical"
        } else {
            ", DIFFERENT"
        }
    );
    let forged = MailContext {
        links: MailLinks {
            portal: Some("javascript:alert(1)".into()),
            ..MailLinks::default()
        },
        ..context.clone()
    };
    if let Err(err) = PreparedContext::new(forged) {
        println!(
            "a link that is not a web address, refused when prepared: {}",
            err.code()
        );
    }
    for (who, context) in [("marie", context), ("huesped", spanish)] {
        let rendered = mail.render(&context)?;
        let base = dir.join(format!("contract_to_sign.{who}.{}", rendered.locale));
        for (extension, body) in [("html", &rendered.html), ("txt", &rendered.text)] {
            std::fs::write(base.with_extension(extension), body).map_err(|e| {
                hospes::Error::Internal {
                    detail: e.to_string(),
                }
            })?;
        }
        println!("[{}] Subject: {}", rendered.locale, rendered.subject);
        for line in rendered.text.lines() {
            let line: String = line.chars().take(100).collect();
            println!("     {line}");
        }
    }
    println!("written to {}", dir.display());
    Ok(())
}
