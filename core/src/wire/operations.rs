//! The table of operations expanded: each as a typed Rust function (`ops`), its JSON runner and
//! its schema, gathered in [`OPERATIONS`].

use serde::{Deserialize, Deserializer};

use super::sink::{Returned, returned};
use super::types::*;
use crate::codec::{CalendarDate, DecimalString, from_json, parse_string};
use crate::error::{Error, Result};
use crate::i18n::format;
use crate::link::Keyring;
use crate::mail::CompiledMail;
use crate::pdf::Printer;
use crate::portal::Portal;
use crate::{
    account, accounting, amendment, appointment, booking, cancellation, correction, editable,
    einvoice, evidence, gdpr, invoice, link, payment, pricing, qr, settlement, vat,
};

/// An operation callable by name.
#[derive(Clone, Copy)]
pub struct Operation {
    /// Dotted name (`client.normalize`), used by vectors and bindings.
    pub name: &'static str,
    /// Function name in snake_case (`normalize_client`); bindings derive their own casing.
    pub function: &'static str,
    /// What it does, from the doc comment.
    pub doc: &'static str,
    pub(super) run: fn(&str) -> Result<Returned>,
    #[cfg(feature = "schema")]
    pub(super) schema: fn(&mut schemars::SchemaGenerator) -> (schemars::Schema, schemars::Schema),
}

impl std::fmt::Debug for Operation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Operation")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

/// The Rust type a JSON argument is read as: `Wire` when the table says `Type as Wire`.
macro_rules! wire_type {
    ($ty:ty) => {
        $ty
    };
    ($ty:ty as $wire:ty) => {
        $wire
    };
}

/// Builds the wire from the table (see [`operation_table`]).
macro_rules! operations {
    ($(
        $(#[doc = $doc:literal])*
        $op:literal => fn $name:ident($($arg:ident: $ty:ty $(as $wire:ty)?),* $(,)?) -> $ret:ty $body:block
    )*) => {
        /// Every operation as a typed Rust function, as the table declares it.
        pub mod ops {
            #[allow(unused_imports)]
            use super::*;
            $(
                $(#[doc = $doc])*
                #[allow(clippy::needless_question_mark, clippy::too_many_arguments)]
                pub fn $name($($arg: $ty),*) -> Result<$ret> {
                    Ok($body?)
                }
            )*
        }
        #[allow(non_camel_case_types)]
        mod args {
            use super::*;
            $(
                #[derive(Deserialize)]
                #[serde(deny_unknown_fields)]
                #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
                pub(super) struct $name { $(pub(super) $arg: wire_type!($ty $(as $wire)?),)* }
            )*
        }
        mod run {
            use super::*;
            $(
                pub(super) fn $name(input: &str) -> Result<Returned> {
                    let args::$name { $($arg),* } = from_json(input)?;
                    returned(ops::$name($(Carried::carried($arg)),*)?)
                }
            )*
        }
        /// Every operation, in documentation order.
        pub const OPERATIONS: &[Operation] = &[$(
            Operation {
                name: $op,
                function: stringify!($name),
                doc: concat!($($doc, "\n",)*),
                run: run::$name,
                #[cfg(feature = "schema")]
                schema: schema_pair::<args::$name, $ret>,
            },
        )*];
    };
}

crate::operation_table!(operations);

/// A value read from JSON in its wire form, carried over to the type the operation takes.
trait Carried<T> {
    fn carried(self) -> T;
}

impl<T> Carried<T> for T {
    fn carried(self) -> T {
        self
    }
}

impl Carried<Decimal> for DecimalString {
    fn carried(self) -> Decimal {
        self.0
    }
}

impl Carried<NaiveDate> for CalendarDate {
    fn carried(self) -> NaiveDate {
        self.0
    }
}

impl Carried<NaiveDateTime> for LocalDateTime {
    fn carried(self) -> NaiveDateTime {
        self.0
    }
}

impl Carried<Option<NaiveDateTime>> for Option<LocalDateTime> {
    fn carried(self) -> Option<NaiveDateTime> {
        self.map(|t| t.0)
    }
}

/// A wall-clock date-time carried on the wire as `YYYY-MM-DDTHH:MM` (seconds optional), as an
/// appointment's start and end are.
///
/// ```
/// let t: hospes::wire::LocalDateTime = serde_json::from_str(r#""2026-06-05T14:00""#).unwrap();
/// assert_eq!(t.0.to_string(), "2026-06-05 14:00:00");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalDateTime(pub chrono::NaiveDateTime);

impl<'de> Deserialize<'de> for LocalDateTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        parse_string(d, |s| appointment::parse_local(s).map(LocalDateTime))
    }
}

/// The schemas of an operation's arguments and result.
#[cfg(feature = "schema")]
fn schema_pair<A: schemars::JsonSchema, R: schemars::JsonSchema>(
    generator: &mut schemars::SchemaGenerator,
) -> (schemars::Schema, schemars::Schema) {
    (
        generator.subschema_for::<A>(),
        generator.subschema_for::<R>(),
    )
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for LocalDateTime {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "LocalDateTime".into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "format": "partial-date-time", "description": "A wall-clock date-time in the establishment's zone: \"2026-06-05T14:00\"." })
    }
}
