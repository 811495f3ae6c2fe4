//! Strings read into checked values by their domain constructor, keeping the domain error (a
//! bad currency deep in a record is `money.currency_unknown`, not a shape error).

use std::cell::RefCell;

use serde::{Deserialize, Deserializer};

use crate::error::{Error, Result};

thread_local! {
    /// The domain error behind the last failed string parse of the current decode, so that a
    /// bad currency deep in a record is reported as `money.currency_unknown`, not as a shape error.
    static PARSE_FAILURE: RefCell<Option<Error>> = const { RefCell::new(None) };
}

/// The domain error of the last failed string parse on this thread, taken (none after).
pub(crate) fn take_parse_failure() -> Option<Error> {
    PARSE_FAILURE.with(|slot| slot.borrow_mut().take())
}

/// Implements `Deserialize` for a string newtype through its checked constructor.
macro_rules! deserialize_from_str {
    ($ty:ty, $parse:expr) => {
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(
                d: D,
            ) -> std::result::Result<Self, D::Error> {
                crate::codec::parse::parse_string(d, $parse)
            }
        }
    };
}
pub(crate) use deserialize_from_str;

/// Deserialises a string with `parse`, keeping the typed error for the wire to report.
pub(crate) fn parse_string<'de, D, T>(
    d: D,
    parse: impl FnOnce(&str) -> Result<T>,
) -> std::result::Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    let s = String::deserialize(d)?;
    parse(&s).map_err(|err| {
        let message = err.to_string();
        PARSE_FAILURE.with(|slot| *slot.borrow_mut() = Some(err));
        serde::de::Error::custom(message)
    })
}
