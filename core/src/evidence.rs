//! The evidence log: a stay's events chained by their hashes, so that a host, or an auditor
//! offline in any language, can prove that no event was changed, removed or inserted.

use serde::{Deserialize, Serialize};

use crate::event::Event;

/// An event in a stay's hash-linked log: each entry carries the hash of the one before, so that
/// a host (or an auditor, offline, in any language) can prove that no event was changed,
/// removed or inserted.
///
/// `sha256` is the SHA-256 (hex) of the canonical JSON of
/// `{"event": …, "previous_sha256": …, "sequence": …}`: object keys sorted by code point at
/// every level, no whitespace, UTF-8, strings escaped as JSON requires and nothing more (what
/// Python's `json.dumps(x, sort_keys=True, separators=(",", ":"), ensure_ascii=False)` writes).
/// The first entry's `previous_sha256` is 64 zeros.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LoggedEvent {
    /// Position in the log, from 1.
    pub sequence: u64,
    /// The previous entry's `sha256` (64 zeros for the first).
    pub previous_sha256: String,
    /// This entry's hash.
    pub sha256: String,
    /// The event.
    pub event: Event,
}

/// The `previous_sha256` of a log's first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Appends `events` to a log whose last entry is `last` (none for a new log).
///
/// ```
/// use hospes::evidence::{append, verify_log};
/// let at = "2026-06-01T12:00:00Z".parse().unwrap();
/// let e = hospes::Event::StayConfirmed { occurred_at: at, client_id: "C-1".into(), stay_reference: "312".into(), dates_changed: None };
/// let log = append(None, vec![e.clone(), e]).unwrap();
/// assert_eq!(log[1].previous_sha256, log[0].sha256);
/// assert!(verify_log(&log).is_ok());
/// ```
pub fn append(last: Option<&LoggedEvent>, events: Vec<Event>) -> crate::Result<Vec<LoggedEvent>> {
    let mut previous = last.map_or_else(|| GENESIS.to_owned(), |l| l.sha256.clone());
    let mut sequence = last.map_or(0, |l| l.sequence);
    events
        .into_iter()
        .map(|event| {
            sequence += 1;
            let sha256 = entry_hash(sequence, &previous, &event)?;
            let entry = LoggedEvent {
                sequence,
                previous_sha256: std::mem::replace(&mut previous, sha256.clone()),
                sha256,
                event,
            };
            Ok(entry)
        })
        .collect()
}

/// Checks a whole log (or a tail of one, starting from any entry): sequences follow, each
/// entry names the previous one's hash, each hash is right.
///
/// Errors: `evidence.log_broken` with the first sequence number that does not hold.
pub fn verify_log(entries: &[LoggedEvent]) -> crate::Result<()> {
    let broken = |sequence: u64, reason: &str| crate::Error::LogBroken {
        sequence,
        reason: reason.into(),
    };
    let mut before: Option<&LoggedEvent> = None;
    for entry in entries {
        if let Some(before) = before {
            if entry.sequence != before.sequence + 1 {
                return Err(broken(entry.sequence, "the sequence skips or repeats"));
            }
            if entry.previous_sha256 != before.sha256 {
                return Err(broken(
                    entry.sequence,
                    "it does not name the previous entry's hash",
                ));
            }
        } else if entry.sequence == 1 && entry.previous_sha256 != GENESIS {
            return Err(broken(1, "the first entry must follow 64 zeros"));
        }
        if entry_hash(entry.sequence, &entry.previous_sha256, &entry.event)? != entry.sha256 {
            return Err(broken(
                entry.sequence,
                "its hash does not match its content",
            ));
        }
        before = Some(entry);
    }
    Ok(())
}

fn entry_hash(sequence: u64, previous: &str, event: &Event) -> crate::Result<String> {
    let value = serde_json::json!({
        "event": event,
        "previous_sha256": previous,
        "sequence": sequence,
    });
    let mut out = String::new();
    canonical(&value, &mut out)?;
    Ok(crate::signature::sha256_of(out.as_bytes()))
}

/// Writes `value` as canonical JSON: keys sorted at every level, no whitespace.
fn canonical(value: &serde_json::Value, out: &mut String) -> crate::Result<()> {
    use serde_json::Value;
    let string = |s: &str| {
        serde_json::to_string(s).map_err(|e| crate::Error::Internal {
            detail: e.to_string(),
        })
    };
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&string(key)?);
                out.push(':');
                if let Some(v) = map.get(key) {
                    canonical(v, out)?;
                }
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(item, out)?;
            }
            out.push(']');
        }
        Value::String(s) => out.push_str(&string(s)?),
        other => out.push_str(&other.to_string()),
    }
    Ok(())
}
