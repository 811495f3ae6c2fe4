//! The host's link keys and what they do: issue a link (PASETO v4.local, encrypted and
//! authenticated) and verify one.

use std::borrow::Cow;
use std::fmt;

use chrono::{DateTime, Duration, Utc};
use pasetors::Local;
use pasetors::keys::{Generate, SymmetricKey};
use pasetors::paserk::{FormatAsPaserk, Id};
use pasetors::token::UntrustedToken;
use pasetors::version4::{LocalToken, V4};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::establishment::Establishment;
use crate::random;

use super::claims::{IssuedLink, LinkClaims, LinkHint, LinkRequest};
use super::purpose::LinkPurpose;
use super::state::LinkState;
use super::token::{MAX_TOKEN_LEN, open};

/// Longest validity of a link: 400 days (a yearly resident's contract link and some margin).
/// The one exception is the permanent space link ([`LinkRequest::permanent`]), which has none.
pub const MAX_VALIDITY_DAYS: i64 = 400;

/// Clock skew allowed between the issuing and the verifying host, by default.
pub const DEFAULT_SKEW_SECONDS: u32 = 60;

const ASSERTION_DOMAIN: &str = "hospes/v1";

/// The host's link keys, as it stores them: PASERK `k4.local.…` strings. Secrets: never log it.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct KeyringConfig {
    /// The key new links are issued with.
    pub active_key: String,
    /// Former keys, still accepted for verification during a rotation.
    #[serde(default)]
    pub verify_only_keys: Vec<String>,
    /// Clock skew allowed on `iat`/`nbf`, in seconds (default 60).
    #[serde(default = "default_skew")]
    pub clock_skew_seconds: u32,
}

fn default_skew() -> u32 {
    DEFAULT_SKEW_SECONDS
}

impl fmt::Debug for KeyringConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KeyringConfig")
            .field("active_key", &"<secret>")
            .field("verify_only_keys", &self.verify_only_keys.len())
            .field("clock_skew_seconds", &self.clock_skew_seconds)
            .finish()
    }
}

struct LinkKey {
    id: String,
    key: SymmetricKey<V4>,
}

impl LinkKey {
    fn parse(paserk: &str) -> Result<LinkKey> {
        let key = SymmetricKey::<V4>::try_from(paserk.trim()).map_err(|_| Error::LinkKeyInvalid)?;
        let mut id = String::new();
        Id::from(&key)
            .fmt(&mut id)
            .map_err(|_| Error::LinkKeyInvalid)?;
        Ok(LinkKey { id, key })
    }
}

/// Generates a new random link key, as a PASERK `k4.local.…` string for the host to store.
///
/// ```
/// let key = hospes::link::generate_key().unwrap();
/// assert!(key.starts_with("k4.local."));
/// ```
pub fn generate_key() -> Result<String> {
    let key = SymmetricKey::<V4>::generate().map_err(|_| random::unavailable())?;
    let mut paserk = String::new();
    key.fmt(&mut paserk).map_err(|_| Error::LinkKeyInvalid)?;
    Ok(paserk)
}

/// The keys, parsed once: one active key and the verify-only keys of a rotation.
pub struct Keyring {
    active: LinkKey,
    verify_only: Vec<LinkKey>,
    skew: Duration,
}

impl fmt::Debug for Keyring {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Keyring")
            .field("active", &self.active.id)
            .field(
                "verify_only",
                &self.verify_only.iter().map(|k| &k.id).collect::<Vec<_>>(),
            )
            .finish()
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Footer<'a> {
    #[serde(borrow)]
    kid: Cow<'a, str>,
    #[serde(borrow)]
    cid: Cow<'a, str>,
    pur: LinkPurpose,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    sub: Option<Cow<'a, str>>,
}

/// The encrypted claims. Client, purpose and subject are in the footer, which the tag
/// authenticates: they are not repeated here, to keep links short.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Payload {
    #[serde(deserialize_with = "instant::one")]
    iat: DateTime<Utc>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "instant::optional"
    )]
    nbf: Option<DateTime<Utc>>,
    /// An instant, or `"never"` for a permanent space link; always present.
    #[serde(
        serialize_with = "instant::write_expiry",
        deserialize_with = "instant::expiry"
    )]
    exp: Option<DateTime<Utc>>,
    jti: String,
}

impl Keyring {
    /// Parses the host's keys; a malformed key is refused with `link.key_invalid` (never echoed).
    ///
    /// ```
    /// use hospes::link::{generate_key, Keyring, KeyringConfig};
    /// let config = KeyringConfig { active_key: generate_key().unwrap(), verify_only_keys: vec![], clock_skew_seconds: 60 };
    /// assert!(Keyring::new(&config).is_ok());
    /// let bad = KeyringConfig { active_key: "k4.local.short".into(), ..config };
    /// assert_eq!(Keyring::new(&bad).unwrap_err().code(), "link.key_invalid");
    /// ```
    pub fn new(config: &KeyringConfig) -> Result<Keyring> {
        Ok(Keyring {
            active: LinkKey::parse(&config.active_key)?,
            verify_only: config
                .verify_only_keys
                .iter()
                .map(|k| LinkKey::parse(k))
                .collect::<Result<_>>()?,
            skew: Duration::seconds(i64::from(config.clock_skew_seconds.min(3600))),
        })
    }

    /// The PASERK id (`k4.lid.…`) of the active key, safe to log.
    pub fn active_key_id(&self) -> &str {
        &self.active.id
    }

    /// Issues a link token and its URL. A link expires at `expires_at`, at most
    /// [`MAX_VALIDITY_DAYS`] ahead; only a portal link may instead be `permanent` (no expiry).
    ///
    /// ```
    /// use hospes::link::{generate_key, Keyring, KeyringConfig, LinkPurpose, LinkRequest, LinkState};
    /// # let establishment: hospes::Establishment = serde_json::from_str(r#"{"id":"camping-des-pins","name":"Camping des Pins","currency":"EUR","time_zone":"Europe/Paris","portal_base_url":"https://portail.camping-des-pins.fr/"}"#).unwrap();
    /// let ring = Keyring::new(&KeyringConfig { active_key: generate_key().unwrap(), verify_only_keys: vec![], clock_skew_seconds: 60 }).unwrap();
    /// let now = "2026-06-01T10:00:00Z".parse().unwrap();
    /// let request = LinkRequest {
    ///     purpose: LinkPurpose::Portal, client_id: "C-1042".into(), subject: None,
    ///     state: LinkState::LinkVersion { link_version: 0 },
    ///     expires_at: Some("2026-09-01T00:00:00Z".parse().unwrap()), permanent: false,
    /// };
    /// let link = ring.issue(&establishment, &request, now).unwrap();
    /// assert!(link.url.starts_with("https://portail.camping-des-pins.fr/?t=v4.local."));
    /// let claims = ring.verify(&establishment, &link.token, LinkPurpose::Portal, &request.state, now).unwrap();
    /// assert_eq!(claims.client_id, "C-1042");
    ///
    /// // The client's permanent space link: no expiry, still bound to her link version.
    /// let forever = LinkRequest { expires_at: None, permanent: true, ..request.clone() };
    /// let link = ring.issue(&establishment, &forever, now).unwrap();
    /// assert_eq!(link.expires_at, None);
    /// let years_later = "2036-06-01T10:00:00Z".parse().unwrap();
    /// assert!(ring.verify(&establishment, &link.token, LinkPurpose::Portal, &request.state, years_later).is_ok());
    /// let quote = LinkRequest { purpose: LinkPurpose::Quote, subject: Some("Q-1".into()), ..forever };
    /// assert_eq!(ring.issue(&establishment, &quote, now).unwrap_err().code(), "link.request_invalid");
    /// ```
    pub fn issue(
        &self,
        establishment: &Establishment,
        request: &LinkRequest,
        now: DateTime<Utc>,
    ) -> Result<IssuedLink> {
        check_request(request, now)?;
        let state = request.state.canonical()?;
        let token_id = random_id()?;
        let footer = Footer {
            kid: Cow::Borrowed(&self.active.id),
            cid: Cow::Borrowed(&request.client_id),
            pur: request.purpose,
            sub: request.subject.as_deref().map(Cow::Borrowed),
        };
        let payload = Payload {
            iat: now,
            nbf: None,
            exp: request.expires_at,
            jti: token_id.clone(),
        };
        let footer = to_vec(&footer)?;
        let assertion = assertion(
            request.purpose,
            &establishment.id,
            &request.client_id,
            request.subject.as_deref(),
            &state,
        )?;
        let token = LocalToken::encrypt(
            &self.active.key,
            &to_vec(&payload)?,
            Some(&footer),
            Some(&assertion),
        )
        .map_err(|_| Error::Internal {
            detail: "link encryption failed".into(),
        })?;
        if token.len() > MAX_TOKEN_LEN {
            return Err(Error::LinkRequestInvalid {
                detail: format!(
                    "the token would be longer than {MAX_TOKEN_LEN} bytes: shorten the ids"
                ),
            });
        }
        Ok(IssuedLink {
            url: super::web::url(establishment, request.purpose, &token)?,
            token,
            token_id,
            expires_at: request.expires_at,
        })
    }

    /// Verifies `token` for `purpose` against the state the host has now. Any tampering, another
    /// purpose, establishment, subject or state, an unknown (retired) key: `link.invalid`, always
    /// the same. A genuine token past its expiry: `link.expired`, naming the client, purpose and
    /// subject it was issued for; a permanent space link has none (and is only ever accepted as
    /// a portal link). The state is compared by value ([`LinkState::canonical`]): an amount due
    /// of `417.920` opens a link issued for `417.92`.
    ///
    /// `state` is `None` when the host has nothing the token could be bound to — the client,
    /// quote or invoice it names (see [`inspect`]) does not exist: the answer is then
    /// `link.invalid`, as for a forged token, after the same work (the token is read, its key
    /// found and its tag checked against a state no link is ever bound to), so that neither the
    /// answer nor its time tells a deleted record from a forged link. Without the state a token
    /// cannot be authenticated, so an expired token whose record is gone is `link.invalid` too:
    /// `link.expired` is only ever said of a token proven genuine.
    ///
    /// ```
    /// use hospes::link::{generate_key, Keyring, KeyringConfig, LinkPurpose, LinkRequest, LinkState};
    /// # let establishment: hospes::Establishment = serde_json::from_str(r#"{"id":"camping-des-pins","name":"Camping des Pins","currency":"EUR","time_zone":"Europe/Paris","portal_base_url":"https://portail.camping-des-pins.fr/"}"#).unwrap();
    /// let ring = Keyring::new(&KeyringConfig { active_key: generate_key().unwrap(), verify_only_keys: vec![], clock_skew_seconds: 60 }).unwrap();
    /// let now = "2026-06-01T10:00:00Z".parse().unwrap();
    /// let state = LinkState::LinkVersion { link_version: 0 };
    /// let request = LinkRequest {
    ///     purpose: LinkPurpose::BookingEdit, client_id: "C-1042".into(), subject: Some("312".into()),
    ///     state: state.clone(), expires_at: Some("2026-06-08T10:00:00Z".parse().unwrap()), permanent: false,
    /// };
    /// let token = ring.issue(&establishment, &request, now).unwrap().token;
    /// // Stay 312 was deleted: nothing to bind to, the same answer as a forged link.
    /// let gone = ring.verify(&establishment, &token, LinkPurpose::BookingEdit, None, now);
    /// assert_eq!(gone.unwrap_err().code(), "link.invalid");
    /// // A week later, with its state: expired, and whose it was.
    /// let later = "2026-06-09T10:00:00Z".parse().unwrap();
    /// let expired = ring.verify(&establishment, &token, LinkPurpose::BookingEdit, &state, later).unwrap_err();
    /// assert_eq!(expired.code(), "link.expired");
    /// assert_eq!(expired.fields()["client_id"], "C-1042");
    /// assert_eq!(expired.fields()["subject"], "312");
    /// ```
    pub fn verify<'s>(
        &self,
        establishment: &Establishment,
        token: &str,
        purpose: LinkPurpose,
        state: impl Into<Option<&'s LinkState>>,
        now: DateTime<Utc>,
    ) -> Result<LinkClaims> {
        let state = match state.into() {
            Some(state) if !purpose.accepts(state) => {
                return Err(Error::LinkRequestInvalid {
                    detail: format!(
                        "a {} link is not bound to this kind of state",
                        purpose.name()
                    ),
                });
            }
            Some(state) => Some(state.canonical()?),
            None => None,
        };
        let untrusted = open(token)?;
        let footer = read_footer(&untrusted)?;
        if footer.pur != purpose {
            return Err(Error::LinkInvalid);
        }
        let key = std::iter::once(&self.active)
            .chain(&self.verify_only)
            .find(|k| k.id == footer.kid)
            .ok_or(Error::LinkInvalid)?;
        // Without a state, the tag is checked against `null`: no link is ever issued without
        // one, so it fails as a forged token does, after the same work.
        let assertion = assertion(
            purpose,
            &establishment.id,
            &footer.cid,
            footer.sub.as_deref(),
            &state,
        )?;
        let trusted = LocalToken::decrypt(&key.key, &untrusted, None, Some(&assertion))
            .map_err(|_| Error::LinkInvalid)?;
        let payload: Payload =
            serde_json::from_str(trusted.payload()).map_err(|_| Error::LinkInvalid)?;
        if payload.iat > now + self.skew || payload.nbf.is_some_and(|nbf| nbf > now + self.skew) {
            return Err(Error::LinkInvalid);
        }
        match payload.exp {
            None if purpose != LinkPurpose::Portal => return Err(Error::LinkInvalid),
            Some(exp) if now >= exp => {
                return Err(Error::LinkExpired {
                    expired_at: exp.to_rfc3339(),
                    client_id: footer.cid.into_owned(),
                    purpose: purpose.name().to_owned(),
                    subject: footer.sub.map(Cow::into_owned),
                });
            }
            _ => {}
        }
        Ok(LinkClaims {
            client_id: footer.cid.into_owned(),
            purpose: footer.pur,
            subject: footer.sub.map(Cow::into_owned),
            issued_at: payload.iat,
            expires_at: payload.exp,
            token_id: payload.jti,
        })
    }
}

/// Reads which client, purpose and subject a token names, without trusting it: the host loads
/// those records, computes their [`LinkState`] and calls [`Keyring::verify`].
///
/// ```
/// assert_eq!(hospes::link::inspect("v4.local.garbage").unwrap_err().code(), "link.invalid");
/// ```
pub fn inspect(token: &str) -> Result<LinkHint> {
    let untrusted = open(token)?;
    let footer = read_footer(&untrusted)?;
    Ok(LinkHint {
        client_id: footer.cid.into_owned(),
        purpose: footer.pur,
        subject: footer.sub.map(Cow::into_owned),
    })
}

/// The footer of a token, still untrusted until it decrypts.
fn read_footer(untrusted: &UntrustedToken<Local, V4>) -> Result<Footer<'_>> {
    serde_json::from_slice(untrusted.untrusted_footer()).map_err(|_| Error::LinkInvalid)
}

fn check_request(request: &LinkRequest, now: DateTime<Utc>) -> Result<()> {
    let invalid = |detail: String| Err(Error::LinkRequestInvalid { detail });
    if request.client_id.trim().is_empty() || request.client_id.len() > 100 {
        return invalid("client_id must be 1 to 100 bytes".into());
    }
    match (&request.subject, request.purpose.needs_subject()) {
        (None, true) => {
            return invalid(format!("a {} link needs a subject", request.purpose.name()));
        }
        (Some(_), false) => {
            return invalid(format!("a {} link has no subject", request.purpose.name()));
        }
        (Some(s), true) if s.trim().is_empty() || s.len() > 100 => {
            return invalid("subject must be 1 to 100 bytes".into());
        }
        _ => {}
    }
    if !request.purpose.accepts(&request.state) {
        return invalid(format!(
            "a {} link is not bound to this kind of state",
            request.purpose.name()
        ));
    }
    if request.permanent && request.purpose != LinkPurpose::Portal {
        return invalid(format!(
            "only a portal link may be permanent, not a {} link",
            request.purpose.name()
        ));
    }
    let expires_at = match (request.expires_at, request.permanent) {
        (None, true) => return Ok(()),
        (Some(_), true) => return invalid("a permanent link has no expires_at".into()),
        (None, false) => {
            return invalid(
                "expires_at is required (only a permanent portal link has none)".into(),
            );
        }
        (Some(expires_at), false) => expires_at,
    };
    if expires_at <= now {
        return invalid("expires_at must be after now".into());
    }
    if expires_at > now + Duration::days(MAX_VALIDITY_DAYS) {
        return invalid(format!("a link is valid {MAX_VALIDITY_DAYS} days at most"));
    }
    Ok(())
}

/// The implicit assertion: a JSON array, unambiguous whatever the ids contain; `state` is
/// passed in its canonical form ([`LinkState::canonical`]).
fn assertion<S: Serialize>(
    purpose: LinkPurpose,
    establishment_id: &str,
    client_id: &str,
    subject: Option<&str>,
    state: &S,
) -> Result<Vec<u8>> {
    to_vec(&(
        ASSERTION_DOMAIN,
        purpose,
        establishment_id,
        client_id,
        subject,
        state,
    ))
}

fn to_vec<T: Serialize>(value: &T) -> Result<Vec<u8>> {
    serde_json::to_vec(value).map_err(|e| Error::Internal {
        detail: e.to_string(),
    })
}

/// 128 random bits from the operating system, as 32 hex digits.
fn random_id() -> Result<String> {
    let mut bytes = [0u8; 16];
    random::fill(&mut bytes)?;
    Ok(crate::text::lower_hex(&bytes))
}

/// Reading the payload's instants: RFC 3339, with a fast path for the form hospes writes.
mod instant {
    use chrono::{DateTime, NaiveDate, Utc};
    use serde::de::{Deserialize, Deserializer, Error};
    use serde::{Serialize, Serializer};

    /// The `exp` of a link that never expires.
    const NEVER: &str = "never";

    pub(super) fn one<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        parse(<&str>::deserialize(d)?).ok_or_else(|| D::Error::custom("not an RFC 3339 instant"))
    }

    /// `exp`: an instant, or `"never"` (a permanent space link) as `None`.
    pub(super) fn expiry<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<DateTime<Utc>>, D::Error> {
        match <&str>::deserialize(d)? {
            NEVER => Ok(None),
            s => parse(s)
                .map(Some)
                .ok_or_else(|| D::Error::custom("not an RFC 3339 instant")),
        }
    }

    /// Writes `exp` as [`expiry`] reads it.
    pub(super) fn write_expiry<S: Serializer>(
        exp: &Option<DateTime<Utc>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match exp {
            Some(exp) => exp.serialize(s),
            None => s.serialize_str(NEVER),
        }
    }

    pub(super) fn optional<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<DateTime<Utc>>, D::Error> {
        Option::<&str>::deserialize(d)?
            .map(|s| parse(s).ok_or_else(|| D::Error::custom("not an RFC 3339 instant")))
            .transpose()
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` read directly; any other RFC 3339 form through chrono.
    fn parse(s: &str) -> Option<DateTime<Utc>> {
        if let [
            y1,
            y2,
            y3,
            y4,
            b'-',
            m1,
            m2,
            b'-',
            d1,
            d2,
            b'T',
            h1,
            h2,
            b':',
            i1,
            i2,
            b':',
            s1,
            s2,
            b'Z',
        ] = *s.as_bytes()
        {
            let n = |digits: &[u8]| -> Option<u32> {
                digits.iter().try_fold(0u32, |n, &c| {
                    c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
                })
            };
            let year = i32::try_from(n(&[y1, y2, y3, y4])?).ok()?;
            return NaiveDate::from_ymd_opt(year, n(&[m1, m2])?, n(&[d1, d2])?)?
                .and_hms_opt(n(&[h1, h2])?, n(&[i1, i2])?, n(&[s1, s2])?)
                .map(|t| t.and_utc());
        }
        DateTime::parse_from_rfc3339(s).ok().map(|t| t.to_utc())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn establishment() -> Establishment {
        serde_json::from_str(r#"{"id":"camping-des-pins","name":"Camping des Pins","currency":"EUR","time_zone":"Europe/Paris","portal_base_url":"https://portail.camping-des-pins.fr/"}"#).unwrap()
    }

    fn now() -> DateTime<Utc> {
        "2026-06-01T10:00:00Z".parse().unwrap()
    }

    /// A token with exactly this payload, properly encrypted under `ring`'s active key.
    fn crafted(ring: &Keyring, payload: &str) -> String {
        let footer = to_vec(&Footer {
            kid: Cow::Borrowed(&ring.active.id),
            cid: Cow::Borrowed("C-1"),
            pur: LinkPurpose::Portal,
            sub: None,
        })
        .unwrap();
        let state = LinkState::LinkVersion { link_version: 0 };
        let assertion =
            assertion(LinkPurpose::Portal, "camping-des-pins", "C-1", None, &state).unwrap();
        LocalToken::encrypt(
            &ring.active.key,
            payload.as_bytes(),
            Some(&footer),
            Some(&assertion),
        )
        .unwrap()
    }

    fn verify(ring: &Keyring, token: &str) -> Result<LinkClaims> {
        let state = LinkState::LinkVersion { link_version: 0 };
        ring.verify(&establishment(), token, LinkPurpose::Portal, &state, now())
    }

    fn ring() -> Keyring {
        Keyring::new(&KeyringConfig {
            active_key: generate_key().unwrap(),
            verify_only_keys: vec![],
            clock_skew_seconds: 60,
        })
        .unwrap()
    }

    #[test]
    fn a_genuine_token_without_exp_is_rejected() {
        let ring = ring();
        let token = crafted(
            &ring,
            r#"{"iat":"2026-06-01T10:00:00Z","nbf":"2026-06-01T10:00:00Z","jti":"x"}"#,
        );
        assert_eq!(verify(&ring, &token).unwrap_err(), Error::LinkInvalid);
    }

    #[test]
    fn an_overflowing_or_pre_1970_exp_is_rejected() {
        let ring = ring();
        for exp in [
            "+275760-09-14T00:00:00Z",
            "99999999999999999999",
            "1969-12-31T23:59:59Z",
        ] {
            let payload = format!(
                r#"{{"iat":"2026-06-01T10:00:00Z","nbf":"2026-06-01T10:00:00Z","exp":"{exp}","jti":"x"}}"#
            );
            let err = verify(&ring, &crafted(&ring, &payload)).unwrap_err();
            assert!(
                matches!(err, Error::LinkInvalid | Error::LinkExpired { .. }),
                "{exp}: {err:?}"
            );
        }
    }

    #[test]
    fn a_genuine_token_that_never_expires_opens_the_portal_only() {
        let ring = ring();
        let payload = r#"{"iat":"2026-06-01T10:00:00Z","exp":"never","jti":"x"}"#;
        let claims = verify(&ring, &crafted(&ring, payload)).unwrap();
        assert_eq!(claims.expires_at, None);
        let state = LinkState::LinkVersion { link_version: 0 };
        let footer = to_vec(&Footer {
            kid: Cow::Borrowed(&ring.active.id),
            cid: Cow::Borrowed("C-1"),
            pur: LinkPurpose::BookingEdit,
            sub: Some(Cow::Borrowed("S-1")),
        })
        .unwrap();
        let assertion = assertion(
            LinkPurpose::BookingEdit,
            "camping-des-pins",
            "C-1",
            Some("S-1"),
            &state,
        )
        .unwrap();
        let token = LocalToken::encrypt(
            &ring.active.key,
            payload.as_bytes(),
            Some(&footer),
            Some(&assertion),
        )
        .unwrap();
        let booking = ring.verify(
            &establishment(),
            &token,
            LinkPurpose::BookingEdit,
            &state,
            now(),
        );
        assert_eq!(booking.unwrap_err(), Error::LinkInvalid);
    }

    #[test]
    fn an_expiry_of_null_or_anything_but_never_is_rejected() {
        let ring = ring();
        for exp in [r#"null"#, r#""Never""#, r#""forever""#, r#""""#] {
            let payload = format!(r#"{{"iat":"2026-06-01T10:00:00Z","exp":{exp},"jti":"x"}}"#);
            let err = verify(&ring, &crafted(&ring, &payload)).unwrap_err();
            assert_eq!(err, Error::LinkInvalid, "{exp}");
        }
    }

    #[test]
    fn a_future_nbf_is_rejected() {
        let ring = ring();
        let token = crafted(
            &ring,
            r#"{"iat":"2026-06-01T10:00:00Z","nbf":"2026-06-02T10:00:00Z","exp":"2026-07-01T10:00:00Z","jti":"x"}"#,
        );
        assert_eq!(verify(&ring, &token).unwrap_err(), Error::LinkInvalid);
    }

    #[test]
    fn unknown_claims_are_rejected() {
        let ring = ring();
        let token = crafted(
            &ring,
            r#"{"iat":"2026-06-01T10:00:00Z","exp":"2026-07-01T10:00:00Z","jti":"x","admin":true}"#,
        );
        assert_eq!(verify(&ring, &token).unwrap_err(), Error::LinkInvalid);
    }

    #[test]
    fn deep_or_wide_json_in_the_payload_is_rejected_without_trouble() {
        let ring = ring();
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert_eq!(
            verify(&ring, &crafted(&ring, &deep)).unwrap_err(),
            Error::LinkInvalid
        );
    }

    #[test]
    fn a_crafted_token_with_valid_claims_verifies() {
        let ring = ring();
        let token = crafted(
            &ring,
            r#"{"iat":"2026-06-01T10:00:00Z","nbf":"2026-06-01T10:00:00Z","exp":"2026-07-01T10:00:00Z","jti":"x"}"#,
        );
        assert_eq!(verify(&ring, &token).unwrap().client_id, "C-1");
    }

    #[test]
    fn a_quote_link_needs_its_subject_and_a_document_state() {
        let ring = ring();
        let request = LinkRequest {
            purpose: LinkPurpose::Quote,
            client_id: "C-1".into(),
            subject: None,
            state: LinkState::LinkVersion { link_version: 0 },
            expires_at: Some(now() + Duration::days(1)),
            permanent: false,
        };
        assert_eq!(
            ring.issue(&establishment(), &request, now())
                .unwrap_err()
                .code(),
            "link.request_invalid"
        );
        let request = LinkRequest {
            subject: Some("Q-1".into()),
            ..request
        };
        assert_eq!(
            ring.issue(&establishment(), &request, now())
                .unwrap_err()
                .code(),
            "link.request_invalid"
        );
    }

    #[test]
    fn the_implicit_assertion_cannot_be_confused_by_separators_in_ids() {
        let state = LinkState::LinkVersion { link_version: 0 };
        let a = assertion(LinkPurpose::Portal, "a|b", "c", None, &state).unwrap();
        let b = assertion(LinkPurpose::Portal, "a", "b|c", None, &state).unwrap();
        assert_ne!(a, b);
    }

    #[test]
    fn payload_instants_read_the_same_on_the_fast_path_and_through_chrono() {
        let read = |s: &str| {
            serde_json::from_str::<Payload>(&format!(r#"{{"iat":"{s}","exp":"{s}","jti":"x"}}"#))
                .map(|p| p.exp)
                .ok()
                .flatten()
        };
        for s in [
            "2026-06-01T10:00:00Z",
            "1970-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z",
        ] {
            assert_eq!(
                read(s),
                DateTime::parse_from_rfc3339(s).ok().map(|t| t.to_utc()),
                "{s}"
            );
        }
        assert_eq!(
            read("2026-06-01T12:00:00+02:00"),
            read("2026-06-01T10:00:00Z")
        );
        for bad in [
            "2026-02-30T10:00:00Z",
            "2026-06-01T24:00:00Z",
            "2026-0a-01T10:00:00Z",
            "",
            "tomorrow",
        ] {
            assert_eq!(read(bad), None, "{bad}");
        }
    }
}
