//! The one error type of hospes.
//!
//! Every failure is an [`Error`] variant carrying the offending value. Each variant has a stable
//! dotted [`code`](Error::code) (`client.email_invalid`) that hosts match on, an
//! [`ErrorFamily`] (the part of the code before the dot: `client`) that the bindings map to
//! exception classes, and a message in French, English or Spanish from
//! [`message`](Error::message).
//!
//! Every error is declared once, in the table of this file (the `errors!` invocation): its doc,
//! its fields, its English display and its code, under its family. The [`Error`] enum,
//! [`Error::code`], [`Error::family`], the message arguments, [`Error::CODES`] and
//! [`ErrorFamily`] are generated from it, and so are the Python exception classes (through the
//! native module) and the Kotlin and Swift `ErrorFamily`. A new error is one entry in the table,
//! one row in `docs/errors.md` and its message in the three catalogues; the tests below check
//! that none is missing.

use serde::{Deserialize, Serialize};

use crate::i18n::catalogue::{Arg, text};
use crate::i18n::locale::Locale;

/// How a field of an error reaches its message: text as it is, a count as a number (which
/// selects the catalogues' plural forms); and how it reaches [`Error::fields`].
trait MessageArg {
    /// The field as a message argument.
    fn arg(&self) -> Arg<'_>;

    /// The field as a structured value: text as a string, a count as a number, an absent
    /// optional text as `null`.
    fn field(&self) -> serde_json::Value {
        match self.arg() {
            Arg::Text(text) => serde_json::Value::from(text.into_owned()),
            Arg::Number(n) => serde_json::Value::from(n),
        }
    }
}

impl MessageArg for String {
    fn arg(&self) -> Arg<'_> {
        Arg::from(self.as_str())
    }
}

/// An optional text: its value, else `none`, which the catalogues select on (and `null` among
/// the error's fields).
impl MessageArg for Option<String> {
    fn arg(&self) -> Arg<'_> {
        Arg::from(self.as_deref().unwrap_or("none"))
    }

    fn field(&self) -> serde_json::Value {
        self.as_deref()
            .map_or(serde_json::Value::Null, serde_json::Value::from)
    }
}

impl MessageArg for u32 {
    fn arg(&self) -> Arg<'_> {
        Arg::Number(i64::from(*self))
    }
}

impl MessageArg for u64 {
    fn arg(&self) -> Arg<'_> {
        Arg::Number(i64::try_from(*self).unwrap_or(i64::MAX))
    }
}

impl MessageArg for usize {
    fn arg(&self) -> Arg<'_> {
        Arg::Number(i64::try_from(*self).unwrap_or(i64::MAX))
    }
}

/// Generates, from the table of every error grouped by family, the [`Error`] enum (each entry's
/// attributes, doc and `#[error("…")]` display kept), [`ErrorFamily`], [`Error::CODES`],
/// [`Error::code`], [`Error::family`] and the message arguments (every field, by its name).
macro_rules! errors {
    (
        $(
            $(#[doc = $family_doc:literal])*
            $family:ident = $family_name:literal {
                $(
                    $(#[$attr:meta])*
                    $variant:ident = $code:literal $({
                        $( $(#[$field_attr:meta])* $field:ident: $type:ty, )*
                    })?,
                )*
            }
        )*
    ) => {
        /// What went wrong, with the value that was wrong.
        ///
        /// ```
        /// use hospes::error::ErrorFamily;
        /// use hospes::{Error, Locale};
        /// let err = Error::EmailInvalid { value: "jean@".into() };
        /// assert_eq!(err.code(), "client.email_invalid");
        /// assert_eq!(err.family(), ErrorFamily::Client);
        /// assert_eq!(err.message(Locale::Fr), "L’adresse e-mail « jean@ » n’est pas valide.");
        /// ```
        #[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
        #[non_exhaustive]
        pub enum Error {
            $($(
                $(#[$attr])*
                $variant $({ $( $(#[$field_attr])* $field: $type, )* })?,
            )*)*
        }

        /// The family of an error: the part of its code before the dot. Python raises one
        /// exception class per family (`ClientError` …); Kotlin and Swift carry it on their one
        /// error; the wire envelope names it (`"family": "client"`).
        ///
        /// ```
        /// use hospes::error::ErrorFamily;
        /// assert_eq!(ErrorFamily::Client.as_str(), "client");
        /// assert_eq!(ErrorFamily::Client.to_string(), "client");
        /// assert_eq!(serde_json::to_string(&ErrorFamily::Pdf).unwrap(), r#""pdf""#);
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        #[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[non_exhaustive]
        pub enum ErrorFamily {
            $(
                $(#[doc = $family_doc])*
                $family,
            )*
        }

        impl ErrorFamily {
            /// Every family, in the order of the table.
            ///
            /// ```
            /// use hospes::error::ErrorFamily;
            /// assert_eq!(ErrorFamily::ALL.first(), Some(&ErrorFamily::Input));
            /// assert!(ErrorFamily::ALL.contains(&ErrorFamily::Internal));
            /// ```
            pub const ALL: &'static [ErrorFamily] = &[$(ErrorFamily::$family),*];

            /// The family's name, as in its codes and on the wire: `client`.
            ///
            /// ```
            /// use hospes::error::ErrorFamily;
            /// assert_eq!(ErrorFamily::Establishment.as_str(), "establishment");
            /// ```
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(ErrorFamily::$family => $family_name,)*
                }
            }

            /// The family's doc line: what its errors are about, for the exception classes the
            /// bindings generate.
            ///
            /// ```
            /// use hospes::error::ErrorFamily;
            /// assert!(ErrorFamily::Portal.doc().contains("`portal.not_found`"));
            /// ```
            pub fn doc(self) -> &'static str {
                match self {
                    $(ErrorFamily::$family => concat!($($family_doc),*).trim(),)*
                }
            }
        }

        impl Error {
            /// Every code, with its family, in the order of the table.
            ///
            /// ```
            /// use hospes::error::ErrorFamily;
            /// use hospes::Error;
            /// assert!(Error::CODES.contains(&("client.email_invalid", ErrorFamily::Client)));
            /// ```
            pub const CODES: &'static [(&'static str, ErrorFamily)] = &[
                $($(($code, ErrorFamily::$family),)*)*
            ];

            /// The stable dotted code, e.g. `client.email_invalid`. Codes never change meaning.
            ///
            /// ```
            /// assert_eq!(hospes::Error::AmountOverflow.code(), "money.overflow");
            /// ```
            pub fn code(&self) -> &'static str {
                match self {
                    $($(Error::$variant { .. } => $code,)*)*
                }
            }

            /// The family of the code: the part before the dot (`client`, `money`, `input` …).
            ///
            /// ```
            /// use hospes::error::ErrorFamily;
            /// let err = hospes::Error::FieldLocked { field: "email".into() };
            /// assert_eq!(err.family(), ErrorFamily::Client);
            /// ```
            pub fn family(&self) -> ErrorFamily {
                match self {
                    $($(Error::$variant { .. } => ErrorFamily::$family,)*)*
                }
            }

            /// The values its message shows: every field, by its name.
            fn args(&self) -> Vec<(&'static str, Arg<'_>)> {
                match self {
                    $($(
                        Error::$variant { $($($field,)*)? } => vec![
                            $($((stringify!($field), MessageArg::arg($field)),)*)?
                        ],
                    )*)*
                }
            }

            /// The error's named values — every field of its variant, by its name, as its message
            /// shows them: texts as strings, counts as numbers, an absent optional text as `null`.
            /// An editor highlights `line` and `column` of a `mail.tag_unknown`; a page offers a
            /// new link to the `client_id` of a `link.expired`. The wire's error envelope carries
            /// them as `args`, Python's exceptions and Node's errors as `fields`. They never hold
            /// more than the message shows: no password, token or key is ever a field.
            ///
            /// ```
            /// let err = hospes::Error::FieldTooLong { field: "email".into(), max: 254 };
            /// let fields = err.fields();
            /// assert_eq!(fields["field"], "email");
            /// assert_eq!(fields["max"], 254);
            /// assert!(hospes::Error::LinkInvalid.fields().is_empty());
            /// ```
            pub fn fields(&self) -> serde_json::Map<String, serde_json::Value> {
                match self {
                    $($(
                        Error::$variant { $($($field,)*)? } => [
                            $($((stringify!($field), MessageArg::field($field)),)*)?
                        ]
                        .into_iter()
                        .map(|(name, value): (&str, serde_json::Value)| (name.to_owned(), value))
                        .collect(),
                    )*)*
                }
            }

            /// One error of every variant, in the order of the table, its fields empty or zero.
            #[cfg(test)]
            pub(crate) fn samples() -> Vec<Error> {
                vec![$($(Error::$variant { $($($field: Default::default(),)*)? },)*)*]
            }
        }
    };
}

// The table, in three parts by family (each file under 800 lines): `error_table!` hands
// `errors!` every family in order.
#[macro_use]
mod guest;
#[macro_use]
mod books;
#[macro_use]
mod business;

error_table!(errors);

impl std::fmt::Display for ErrorFamily {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Result alias used across hospes.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// The message for a guest or the business, in `locale`.
    ///
    /// ```
    /// use hospes::{Error, Locale};
    /// let err = Error::FieldLocked { field: "email".into() };
    /// assert_eq!(err.message(Locale::Es), "El campo «email» no puede ser modificado por el cliente.");
    /// ```
    pub fn message(&self, locale: Locale) -> String {
        let id = self.code().replace('.', "-");
        text(&id, &self.args(), locale, Locale::Fr)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_dotted_and_unique() {
        let codes: Vec<_> = Error::CODES.iter().map(|(code, _)| *code).collect();
        let mut unique = codes.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), codes.len());
        assert!(codes.iter().all(|c| c.split('.').count() == 2));
    }

    #[test]
    fn every_family_is_the_prefix_of_its_codes() {
        for (code, family) in Error::CODES {
            assert_eq!(code.split_once('.').map(|(f, _)| f), Some(family.as_str()));
        }
        for family in ErrorFamily::ALL {
            assert!(
                Error::CODES.iter().any(|(_, f)| f == family),
                "{family} has no code"
            );
            assert!(!family.doc().is_empty() && !family.doc().starts_with(' '));
        }
        let mut names: Vec<_> = ErrorFamily::ALL.iter().map(|f| f.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ErrorFamily::ALL.len());
    }

    #[test]
    fn a_family_is_its_name_on_the_wire() {
        for family in ErrorFamily::ALL {
            let json = serde_json::to_value(family).unwrap();
            assert_eq!(json, family.as_str());
            assert_eq!(
                serde_json::from_value::<ErrorFamily>(json).unwrap(),
                *family
            );
        }
    }

    #[test]
    fn every_variant_has_the_code_and_family_of_its_row() {
        let samples = Error::samples();
        assert_eq!(samples.len(), Error::CODES.len());
        for (err, (code, family)) in samples.iter().zip(Error::CODES) {
            assert_eq!((err.code(), err.family()), (*code, *family));
        }
    }

    #[test]
    fn a_text_field_is_a_text_argument_and_a_count_a_number() {
        let err = Error::FieldTooLong {
            field: "email".into(),
            max: 3,
        };
        assert_eq!(
            err.args(),
            vec![("field", Arg::from("email")), ("max", Arg::Number(3))]
        );
        let err = Error::Throttled {
            retry_after_seconds: u64::MAX,
        };
        assert_eq!(
            err.args(),
            vec![("retry_after_seconds", Arg::Number(i64::MAX))]
        );
        assert_eq!(Error::LinkInvalid.args(), vec![]);
    }

    #[test]
    fn an_error_s_fields_are_its_message_s_values_by_name() {
        let err = Error::MailTagUnknown {
            tag: "[DATE_ARIVEE]".into(),
            part: "fr.html".into(),
            line: 3,
            column: 14,
        };
        assert_eq!(
            serde_json::Value::Object(err.fields()),
            serde_json::json!({"tag": "[DATE_ARIVEE]", "part": "fr.html", "line": 3, "column": 14})
        );
        let none = Error::ContractTagUnknown {
            tag: "X".into(),
            part: "title".into(),
            offset: 0,
            suggestion: None,
        };
        assert_eq!(none.fields()["suggestion"], serde_json::Value::Null);
        for err in Error::samples() {
            let names: Vec<_> = err.args().iter().map(|(name, _)| *name).collect();
            let fields: Vec<_> = err.fields().keys().cloned().collect();
            assert_eq!(fields, names, "{}", err.code());
        }
    }

    #[test]
    fn no_error_field_is_a_secret() {
        let secrets = ["password", "token", "secret", "key_", "active_key", "hash"];
        for err in Error::samples() {
            for name in err.fields().keys() {
                assert!(
                    !secrets.iter().any(|s| name.contains(s)),
                    "{}: `{name}` may hold a secret",
                    err.code()
                );
            }
        }
    }

    #[test]
    fn every_code_is_documented_in_docs_errors() {
        let doc = include_str!("../../docs/errors.md");
        for (code, _) in Error::CODES {
            assert!(
                doc.contains(&format!("| `{code}` |")),
                "{code} missing from docs/errors.md"
            );
        }
    }

    #[test]
    fn every_error_speaks_three_languages_differently() {
        for err in Error::samples() {
            let fr = err.message(Locale::Fr);
            let en = err.message(Locale::En);
            let es = err.message(Locale::Es);
            assert!(!fr.is_empty() && !en.is_empty() && !es.is_empty());
            assert!(fr != en && en != es, "{} is not translated", err.code());
        }
    }
}
