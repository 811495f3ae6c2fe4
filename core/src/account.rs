//! Optional portal accounts: an e-mail and a password, for establishments that want them
//! (CheckinDog's portal) besides the secret links.
//!
//! - A password is hashed with Argon2id (m = 19 MiB, t = 2, p = 1, OWASP's minimum) and a random
//!   salt; a hash made with weaker parameters is upgraded at the next successful login.
//! - An account can only be created for an e-mail that is on a client record, and becomes
//!   usable once its owner opens the `account_verify` link sent to that address.
//! - Registration, login and reset requests answer the same way and do the same work whether or
//!   not the e-mail is known: nobody can learn from them who is a client.
//! - [`Throttle`] is a pure policy the host feeds with its per-account counters: a few free
//!   attempts, then exponentially growing waits — never a lock-out the owner cannot get past.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::email;
use crate::error::{Error, Result};
use crate::event::Event;
use crate::link::{LinkClaims, LinkPurpose};
use crate::random;

/// Shortest password accepted, in characters.
pub const MIN_PASSWORD: usize = 10;
/// Longest password accepted, in characters (Argon2 takes anything; this bounds the work).
pub const MAX_PASSWORD: usize = 256;
/// Argon2id memory cost in KiB (19 MiB).
pub const MEMORY_KIB: u32 = 19 * 1024;
/// Argon2id passes.
pub const ITERATIONS: u32 = 2;

/// A hash of a password nobody has, with the current parameters: verified against when the
/// account does not exist, so that the answer takes the same time.
const DECOY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$aG9zcGVzLWRlY295LXNhbHQ$2kE8xoLQpcWQC5QJvRpmh/6AixHb3YX2Ml3N9y7VJ6Y";

/// A portal account, as the host stores it.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Account {
    /// The client it belongs to.
    pub client_id: String,
    /// The login: the client's e-mail, normalised.
    pub email: String,
    /// Argon2id hash in PHC form. Secret: never log it.
    pub password_hash: String,
    /// Whether the owner opened the verification link.
    pub verified: bool,
    /// When it was created.
    pub created_at: DateTime<Utc>,
}

impl std::fmt::Debug for Account {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Account")
            .field("client_id", &self.client_id)
            .field("email", &self.email)
            .field("password_hash", &"<secret>")
            .field("verified", &self.verified)
            .finish()
    }
}

/// What a registration produced. The guest is told the same thing in every case ("if this
/// address is known, you will receive an e-mail"); the host sends the verification mail only
/// when `account` is present.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Registration {
    /// The new, unverified account to store — absent when the address is on no client record
    /// or already has a verified account.
    pub account: Option<Account>,
    /// `account_registered`, when an account was created.
    pub events: Vec<Event>,
}

/// A successful login.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Login {
    /// The client whose portal opens.
    pub client_id: String,
    /// A new hash to store when the stored one used weaker parameters.
    pub upgraded_hash: Option<String>,
}

/// An account whose password or verification changed, and the events to publish.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AccountUpdate {
    /// The account to store.
    pub account: Account,
    /// What happened.
    pub events: Vec<Event>,
}

fn hasher() -> Result<Argon2<'static>> {
    let params = Params::new(MEMORY_KIB, ITERATIONS, 1, None).map_err(|e| Error::Internal {
        detail: format!("argon2 parameters: {e}"),
    })?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

fn check_password(password: &str) -> Result<()> {
    let length = password.chars().count();
    if password.len() > MAX_PASSWORD * 4 || length > MAX_PASSWORD {
        return Err(Error::FieldTooLong {
            field: "password".into(),
            max: MAX_PASSWORD,
        });
    }
    if length < MIN_PASSWORD {
        return Err(Error::PasswordTooShort { min: MIN_PASSWORD });
    }
    Ok(())
}

/// Hashes `password` with Argon2id and a random 128-bit salt, after checking its length.
///
/// ```
/// let hash = hospes::account::hash_password("correct horse battery").unwrap();
/// assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
/// assert_eq!(hospes::account::hash_password("short").unwrap_err().code(), "account.password_too_short");
/// ```
pub fn hash_password(password: &str) -> Result<String> {
    check_password(password)?;
    let mut salt = [0u8; 16];
    random::fill(&mut salt)?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| Error::Internal {
        detail: format!("salt: {e}"),
    })?;
    hasher()?
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| Error::Internal {
            detail: format!("argon2: {e}"),
        })
}

/// Whether `password` matches `hash` (any Argon2 variant and parameters); a malformed hash
/// simply does not match.
fn matches(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .ok()
        .zip(hasher().ok())
        .is_some_and(|(parsed, argon)| argon.verify_password(password.as_bytes(), &parsed).is_ok())
}

/// Whether a stored hash uses weaker parameters than today's.
fn outdated(hash: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else {
        return true;
    };
    let param = |name: &str| parsed.params.get_decimal(name).unwrap_or(0);
    parsed.algorithm.as_str() != "argon2id" || param("m") < MEMORY_KIB || param("t") < ITERATIONS
}

/// Registers an account for `email`: `client` is the client record the host found for that
/// address (if any) and `existing` the account it already has (if any). The password is hashed
/// in every case, so that the answer costs the same whether or not the address is known.
///
/// ```
/// use hospes::account;
/// # let client: hospes::Client = serde_json::from_str(r#"{"id":"C-1","last_name":"Dupont","email":"marie@example.fr","created_at":"2026-01-01T00:00:00Z"}"#).unwrap();
/// let now = "2026-06-01T10:00:00Z".parse().unwrap();
/// let out = account::register(Some(&client), None, "Marie@Example.fr", "correct horse battery", now).unwrap();
/// assert_eq!(out.account.unwrap().client_id, "C-1");
/// let unknown = account::register(None, None, "who@example.fr", "correct horse battery", now).unwrap();
/// assert!(unknown.account.is_none());
/// ```
pub fn register(
    client: Option<&Client>,
    existing: Option<&Account>,
    email: &str,
    password: &str,
    now: DateTime<Utc>,
) -> Result<Registration> {
    let login = normalize_login(email)?;
    let hash = hash_password(password)?;
    let on_file = client.filter(|c| {
        c.email
            .as_deref()
            .is_some_and(|e| e.eq_ignore_ascii_case(&login))
    });
    let (Some(client), false) = (on_file, existing.is_some_and(|a| a.verified)) else {
        return Ok(Registration {
            account: None,
            events: Vec::new(),
        });
    };
    Ok(Registration {
        account: Some(Account {
            client_id: client.id.clone(),
            email: login,
            password_hash: hash,
            verified: false,
            created_at: now,
        }),
        events: vec![Event::AccountRegistered {
            occurred_at: now,
            client_id: client.id.clone(),
        }],
    })
}

/// Marks the account verified once its owner opened the `account_verify` link. `claims` come
/// from `Keyring::verify` with the state `LinkState::Email { email: account.email }`.
pub fn confirm(
    account: &Account,
    claims: &LinkClaims,
    now: DateTime<Utc>,
) -> Result<AccountUpdate> {
    if claims.purpose != LinkPurpose::AccountVerify || claims.client_id != account.client_id {
        return Err(Error::LinkInvalid);
    }
    Ok(AccountUpdate {
        account: Account {
            verified: true,
            ..account.clone()
        },
        events: vec![Event::AccountVerified {
            occurred_at: now,
            client_id: account.client_id.clone(),
        }],
    })
}

/// Logs in with `email` and `password`. `account` is the account the host found for that login
/// (if any) and `throttle` its failure counter. Unknown login and wrong password are the same
/// error, after the same work; a correct password on an unverified account says so.
///
/// ```
/// use hospes::account::{self, Throttle};
/// let now = "2026-06-01T10:00:00Z".parse().unwrap();
/// let err = account::login(None, "who@example.fr", "correct horse battery", &Throttle::default(), now).unwrap_err();
/// assert_eq!(err.code(), "account.login_failed");
/// ```
pub fn login(
    account: Option<&Account>,
    email: &str,
    password: &str,
    throttle: &Throttle,
    now: DateTime<Utc>,
) -> Result<Login> {
    throttle.check(now)?;
    let failed = || Error::LoginFailed;
    if check_password(password).is_err() {
        // Still do the work, so that a short password is not answered faster.
        let _ = matches(password, DECOY_HASH);
        return Err(failed());
    }
    let login = normalize_login(email).ok();
    let Some(account) = account.filter(|a| {
        login
            .as_deref()
            .is_some_and(|l| a.email.eq_ignore_ascii_case(l))
    }) else {
        let _ = matches(password, DECOY_HASH);
        return Err(failed());
    };
    if !matches(password, &account.password_hash) {
        return Err(failed());
    }
    if !account.verified {
        return Err(Error::AccountNotVerified);
    }
    let upgraded_hash = if outdated(&account.password_hash) {
        Some(hash_password(password)?)
    } else {
        None
    };
    Ok(Login {
        client_id: account.client_id.clone(),
        upgraded_hash,
    })
}

/// Changes the password of a logged-in guest, who must give the current one.
pub fn change_password(
    account: &Account,
    current: &str,
    new: &str,
    now: DateTime<Utc>,
) -> Result<AccountUpdate> {
    if !matches(current, &account.password_hash) {
        return Err(Error::LoginFailed);
    }
    set_password(account, new, now)
}

/// Sets a new password from a `password_reset` link. `claims` come from `Keyring::verify` with
/// the state `LinkState::Password { password_hash: account.password_hash }`, so the link dies
/// with this very change: single use without storage.
pub fn reset_password(
    account: &Account,
    claims: &LinkClaims,
    new: &str,
    now: DateTime<Utc>,
) -> Result<AccountUpdate> {
    if claims.purpose != LinkPurpose::PasswordReset || claims.client_id != account.client_id {
        return Err(Error::LinkInvalid);
    }
    // Opening the reset link proves the address too.
    let update = set_password(account, new, now)?;
    Ok(AccountUpdate {
        account: Account {
            verified: true,
            ..update.account
        },
        events: update.events,
    })
}

fn set_password(account: &Account, new: &str, now: DateTime<Utc>) -> Result<AccountUpdate> {
    Ok(AccountUpdate {
        account: Account {
            password_hash: hash_password(new)?,
            ..account.clone()
        },
        events: vec![Event::PasswordChanged {
            occurred_at: now,
            client_id: account.client_id.clone(),
        }],
    })
}

fn normalize_login(email: &str) -> Result<String> {
    email::normalize(email).map(|e| e.to_lowercase())
}

/// The host's failure counter for one login, and the pure policy deciding when it may try again.
///
/// Five failures are free; then each failure doubles the wait after the last one, from 2 s up to
/// 15 minutes. The owner is slowed down with the attacker, never locked out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Throttle {
    /// Failed attempts since the last success.
    #[serde(default)]
    pub failures: u32,
    /// When the last one happened.
    #[serde(default)]
    pub last_failure_at: Option<DateTime<Utc>>,
}

/// Free attempts before any wait.
pub const FREE_ATTEMPTS: u32 = 5;
/// Longest wait between two attempts, in seconds.
pub const MAX_WAIT_SECONDS: i64 = 15 * 60;

impl Throttle {
    /// How long to wait before the next attempt is allowed; zero when it is allowed now.
    ///
    /// ```
    /// use hospes::account::Throttle;
    /// let now = "2026-06-01T10:00:00Z".parse().unwrap();
    /// let t = Throttle { failures: 7, last_failure_at: Some(now) };
    /// assert_eq!(t.wait_seconds(now), 8);
    /// assert_eq!(Throttle { failures: 3, last_failure_at: Some(now) }.wait_seconds(now), 0);
    /// ```
    pub fn wait_seconds(&self, now: DateTime<Utc>) -> i64 {
        let Some(last) = self.last_failure_at else {
            return 0;
        };
        if self.failures < FREE_ATTEMPTS {
            return 0;
        }
        let exponent = (self.failures - FREE_ATTEMPTS + 1).min(20);
        let wait = (1i64 << exponent).min(MAX_WAIT_SECONDS);
        let elapsed = (now - last).num_seconds().max(0);
        (wait - elapsed).max(0)
    }

    /// `Ok` when an attempt is allowed now, else `account.throttled` with the seconds to wait.
    pub fn check(&self, now: DateTime<Utc>) -> Result<()> {
        match self.wait_seconds(now) {
            0 => Ok(()),
            seconds => Err(Error::Throttled {
                retry_after_seconds: u64::try_from(seconds).unwrap_or(0),
            }),
        }
    }

    /// The counter after a failed attempt at `now`.
    pub fn failed(&self, now: DateTime<Utc>) -> Throttle {
        Throttle {
            failures: self.failures.saturating_add(1),
            last_failure_at: Some(now),
        }
    }

    /// The counter after a success: back to zero.
    pub fn succeeded(&self) -> Throttle {
        Throttle::default()
    }
}

/// How long a verification or reset link should live: 48 hours and 1 hour.
pub fn link_lifetime(purpose: LinkPurpose) -> Duration {
    match purpose {
        LinkPurpose::PasswordReset => Duration::hours(1),
        _ => Duration::hours(48),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        "2026-06-01T10:00:00Z".parse().unwrap()
    }

    fn marie() -> Client {
        serde_json::from_str(r#"{"id":"C-1","last_name":"Dupont","email":"marie@example.fr","created_at":"2026-01-01T00:00:00Z"}"#).unwrap()
    }

    fn verified_account(password: &str) -> Account {
        let mut account = register(Some(&marie()), None, "marie@example.fr", password, now())
            .unwrap()
            .account
            .unwrap();
        account.verified = true;
        account
    }

    #[test]
    fn the_decoy_hash_uses_todays_parameters() {
        assert!(PasswordHash::new(DECOY_HASH).is_ok());
        assert!(!outdated(DECOY_HASH));
    }

    #[test]
    fn an_account_can_only_be_created_for_an_email_on_a_client_record() {
        let other = register(
            Some(&marie()),
            None,
            "someone@else.fr",
            "correct horse battery",
            now(),
        )
        .unwrap();
        assert!(other.account.is_none() && other.events.is_empty());
    }

    #[test]
    fn a_verified_account_cannot_be_registered_again() {
        let account = verified_account("correct horse battery");
        let again = register(
            Some(&marie()),
            Some(&account),
            "marie@example.fr",
            "another password!",
            now(),
        )
        .unwrap();
        assert!(again.account.is_none());
    }

    #[test]
    fn login_needs_the_right_password_and_a_verified_account() {
        let account = verified_account("correct horse battery");
        let t = Throttle::default();
        assert_eq!(
            login(
                Some(&account),
                "MARIE@example.fr",
                "correct horse battery",
                &t,
                now()
            )
            .unwrap()
            .client_id,
            "C-1"
        );
        assert_eq!(
            login(
                Some(&account),
                "marie@example.fr",
                "wrong horse battery",
                &t,
                now()
            )
            .unwrap_err(),
            Error::LoginFailed
        );
        let unverified = Account {
            verified: false,
            ..account
        };
        assert_eq!(
            login(
                Some(&unverified),
                "marie@example.fr",
                "correct horse battery",
                &t,
                now()
            )
            .unwrap_err(),
            Error::AccountNotVerified
        );
    }

    #[test]
    fn an_unknown_login_and_a_wrong_password_are_the_same_error() {
        let t = Throttle::default();
        let unknown =
            login(None, "who@example.fr", "correct horse battery", &t, now()).unwrap_err();
        let account = verified_account("correct horse battery");
        let wrong = login(
            Some(&account),
            "marie@example.fr",
            "wrong horse battery",
            &t,
            now(),
        )
        .unwrap_err();
        assert_eq!(unknown, wrong);
        assert_eq!(
            unknown.message(crate::Locale::En),
            wrong.message(crate::Locale::En)
        );
    }

    #[test]
    fn a_weak_hash_is_upgraded_at_login() {
        let weak = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(8 * 1024, 1, 1, None).unwrap(),
        );
        let salt = SaltString::encode_b64(b"0123456789abcdef").unwrap();
        let hash = weak
            .hash_password(b"correct horse battery", &salt)
            .unwrap()
            .to_string();
        let account = Account {
            password_hash: hash,
            ..verified_account("correct horse battery")
        };
        let out = login(
            Some(&account),
            "marie@example.fr",
            "correct horse battery",
            &Throttle::default(),
            now(),
        )
        .unwrap();
        let upgraded = out.upgraded_hash.unwrap();
        assert!(
            upgraded.contains("m=19456,t=2,p=1") && matches("correct horse battery", &upgraded)
        );
    }

    #[test]
    fn the_throttle_slows_down_but_never_locks_out() {
        let mut t = Throttle::default();
        for _ in 0..5 {
            assert!(t.check(now()).is_ok());
            t = t.failed(now());
        }
        assert_eq!(
            t.check(now()).unwrap_err(),
            Error::Throttled {
                retry_after_seconds: 2
            }
        );
        for _ in 0..100 {
            t = t.failed(now());
        }
        assert_eq!(t.wait_seconds(now()), MAX_WAIT_SECONDS);
        assert!(t.check(now() + Duration::seconds(MAX_WAIT_SECONDS)).is_ok());
        assert_eq!(t.succeeded(), Throttle::default());
    }

    #[test]
    fn a_password_hash_never_appears_in_debug_output() {
        let account = verified_account("correct horse battery");
        assert!(!format!("{account:?}").contains("argon2id"));
    }

    #[test]
    fn a_reset_link_sets_a_new_password_and_proves_the_address() {
        let account = Account {
            verified: false,
            ..verified_account("correct horse battery")
        };
        let claims = LinkClaims {
            client_id: "C-1".into(),
            purpose: LinkPurpose::PasswordReset,
            subject: None,
            issued_at: now(),
            expires_at: Some(now() + Duration::hours(1)),
            token_id: "x".into(),
        };
        let update = reset_password(&account, &claims, "a brand new passphrase", now()).unwrap();
        assert!(
            update.account.verified
                && matches("a brand new passphrase", &update.account.password_hash)
        );
        let wrong = LinkClaims {
            client_id: "C-2".into(),
            ..claims
        };
        assert_eq!(
            reset_password(&account, &wrong, "a brand new passphrase", now()).unwrap_err(),
            Error::LinkInvalid
        );
    }
}
