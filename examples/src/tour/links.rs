//! Secret links in the confirmation e-mail: issued, read, verified, and refused once what they
//! were issued for has changed.

use crate::section;
use hospes::link::{self, Keyring, KeyringConfig, LinkPurpose, LinkRequest, LinkState};
use hospes::{Client, Establishment, Locale};

/// The links of Marie's confirmation e-mail, and what becomes of them: the portal and contract
/// URLs, for the mails.
pub fn links(
    camping: &Establishment,
    marie: &Client,
    now: hospes::DateTime<hospes::Utc>,
) -> hospes::Result<(String, String)> {
    section("Secret links in the confirmation e-mail");
    let keyring = Keyring::new(&KeyringConfig {
        active_key: link::generate_key()?,
        verify_only_keys: vec![],
        clock_skew_seconds: 60,
    })?;
    let portal_state = LinkState::LinkVersion {
        link_version: marie.link_version,
    };
    let portal = keyring.issue(
        camping,
        &LinkRequest {
            purpose: LinkPurpose::Portal,
            client_id: marie.id.clone(),
            subject: None,
            state: portal_state.clone(),
            expires_at: Some(now + chrono::Duration::days(120)),
            permanent: false,
        },
        now,
    )?;
    let contract_state = |status: &str| LinkState::Document {
        sha256: "3b7e2c9a5f0d4e1b8a6c2f9e7d5b3a1c0e8f6d4b2a0c9e7f5d3b1a9c7e5f3d1b".into(),
        status: status.into(),
    };
    let contract = keyring.issue(
        camping,
        &LinkRequest {
            purpose: LinkPurpose::Contract,
            client_id: marie.id.clone(),
            subject: Some("28".into()),
            state: contract_state("sent"),
            expires_at: Some(now + chrono::Duration::days(30)),
            permanent: false,
        },
        now,
    )?;
    println!(
        "[LIEN_ESPACE_CLI] {} ({} characters)",
        portal.url,
        portal.url.len()
    );
    println!(
        "[LIEN_CONTRAT]    {}…",
        contract.url.chars().take(72).collect::<String>()
    );
    let hint = link::inspect(&contract.token)?;
    println!(
        "the guest clicks: the link names client {} and contract {}",
        hint.client_id,
        hint.subject.as_deref().unwrap_or("-")
    );
    let claims = keyring.verify(
        camping,
        &contract.token,
        LinkPurpose::Contract,
        &contract_state("sent"),
        now,
    )?;
    println!(
        "verified: contract {} of {}, valid until {}",
        claims.subject.as_deref().unwrap_or("-"),
        claims.client_id,
        claims
            .expires_at
            .map_or_else(|| "never".to_owned(), |at| at.to_string())
    );
    let revoked = LinkState::LinkVersion {
        link_version: marie.link_version + 1,
    };
    let outcomes = [
        (
            "the same link once the contract is signed",
            keyring.verify(
                camping,
                &contract.token,
                LinkPurpose::Contract,
                &contract_state("signed"),
                now,
            ),
        ),
        (
            "the contract link used as a portal link",
            keyring.verify(
                camping,
                &contract.token,
                LinkPurpose::Portal,
                &portal_state,
                now,
            ),
        ),
        (
            "the portal link after the client's links were revoked",
            keyring.verify(camping, &portal.token, LinkPurpose::Portal, &revoked, now),
        ),
        (
            "the portal link four months later",
            keyring.verify(
                camping,
                &portal.token,
                LinkPurpose::Portal,
                &portal_state,
                now + chrono::Duration::days(121),
            ),
        ),
    ];
    for (what, outcome) in outcomes {
        match outcome {
            Ok(_) => println!("  {what}: accepted"),
            Err(err) => println!("  {what}: {} — {}", err.code(), err.message(Locale::Fr)),
        }
    }
    Ok((portal.url, contract.url))
}
