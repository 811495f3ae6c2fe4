//! The errors of what a guest brings and what the client file holds: input, money, fields, the
//! client, the establishment, the stay, links, accounts, the portal. One half of the table of
//! [`Error`](super::Error); the other is in `business`.

/// Hands `$callback` every error family of this half, then `$more` (the other half).
macro_rules! guest_families {
    ($callback:ident; $($more:tt)*) => {
        $callback! {
            /// The input could not be read: wrong type, missing field, float for money, too large
            /// (`input.*`).
            Input = "input" {
                /// The input could not be read as the expected shape (wrong type, missing field, bad date).
                #[error("invalid input: {detail}")]
                InputInvalid = "input.invalid" {
                    /// What the decoder said, with the path of the offending field.
                    detail: String,
                },
                /// The input is larger than hospes accepts for one call.
                #[error("input of {size} bytes exceeds the limit of {max} bytes")]
                InputTooLarge = "input.too_large" {
                    /// Size received, in bytes.
                    size: usize,
                    /// Largest accepted size, in bytes.
                    max: usize,
                },
                /// The input nests deeper than hospes reads (records and lists inside one another).
                #[error("input nested deeper than {max} levels at {path}")]
                InputTooDeep = "input.too_deep" {
                    /// Where the limit was passed (`$.client.companions[0]…`).
                    path: String,
                    /// Deepest nesting accepted.
                    max: usize,
                },
                /// The input contains itself (a dictionary or list holding a reference to itself).
                #[error("input contains itself at {path}")]
                InputCyclic = "input.cyclic" {
                    /// Where the value refers back to one of its parents.
                    path: String,
                },
                /// A value of another type than the field takes: a list for a record, a date or a decimal
                /// for a text, bytes for a name. Nothing is converted behind the caller's back.
                #[error("{path}: expected {expected}, received {received}")]
                InputWrongType = "input.wrong_type" {
                    /// The field (`$.client.last_name`).
                    path: String,
                    /// What the field takes (`a string`, `a record`).
                    expected: String,
                    /// What was received (`Decimal`, `a list`).
                    received: String,
                },
                /// A binding asked for an operation that does not exist.
                #[error("unknown operation `{op}`")]
                OperationUnknown = "input.operation_unknown" {
                    /// The operation name received.
                    op: String,
                },
                /// A phone number to format that is not a valid number in E.164 form
                /// (`+33558091234`: `+`, the country code and the number, digits only).
                #[error("`{value}` is not a phone number in E.164 form")]
                PhoneNotE164 = "input.phone_not_e164" {
                    /// The text received (at most 40 characters of it).
                    value: String,
                },
            }
            /// Amounts, currencies, VAT rates (`money.*`).
            Money = "money" {
                /// Not an ISO 4217 currency code.
                #[error("unknown currency `{value}`")]
                CurrencyUnknown = "money.currency_unknown" {
                    /// The code received.
                    value: String,
                },
                /// Two amounts in different currencies were combined.
                #[error("cannot combine {left} with {right}")]
                CurrencyMismatch = "money.currency_mismatch" {
                    /// Currency of the left operand.
                    left: String,
                    /// Currency of the right operand.
                    right: String,
                },
                /// An amount left the range a decimal can hold.
                #[error("amount out of range")]
                AmountOverflow = "money.overflow",
                /// A VAT rate outside 0–100 %.
                #[error("VAT rate `{value}` is not between 0 and 100 %")]
                VatRateInvalid = "money.vat_rate_invalid" {
                    /// The rate received, in percent.
                    value: String,
                },
            }
            /// A required field is empty or a text too long (`field.*`).
            Field = "field" {
                /// A required field is empty.
                #[error("`{field}` is required")]
                FieldRequired = "field.required" {
                    /// The field, as named on the wire.
                    field: String,
                },
                /// A text field is longer than allowed.
                #[error("`{field}` is longer than {max} characters")]
                FieldTooLong = "field.too_long" {
                    /// The field, as named on the wire.
                    field: String,
                    /// Maximum number of characters.
                    max: usize,
                },
            }
            /// A client record or a guest update was refused (`client.*`).
            Client = "client" {
                /// An e-mail address that is not valid.
                #[error("e-mail address `{value}` is not valid")]
                EmailInvalid = "client.email_invalid" {
                    /// The address received.
                    value: String,
                },
                /// A phone number that cannot be read for its country.
                #[error("phone number `{value}` in `{field}` is not valid")]
                PhoneInvalid = "client.phone_invalid" {
                    /// `landline` or `mobile`.
                    field: String,
                    /// The number received.
                    value: String,
                },
                /// Not an ISO 3166-1 alpha-2 country code.
                #[error("unknown country `{value}`")]
                CountryUnknown = "client.country_unknown" {
                    /// The code received.
                    value: String,
                },
                /// A birth date in the future or before 1900.
                #[error("birth date {value} is not plausible")]
                BirthDateInvalid = "client.birth_date_invalid" {
                    /// The date received.
                    value: String,
                },
                /// A licence plate with characters a plate cannot hold.
                #[error("licence plate `{value}` is not valid")]
                PlateInvalid = "client.plate_invalid" {
                    /// The plate received.
                    value: String,
                },
                /// The guest tried to change a field the establishment has locked.
                #[error("`{field}` cannot be changed by the guest")]
                FieldLocked = "client.field_locked" {
                    /// The locked field.
                    field: String,
                },
                /// A client who was ever invoiced cannot be deleted, even after a cancellation.
                #[error("client `{client_id}` was invoiced ({invoices}): the record cannot be deleted")]
                ClientInvoiced = "client.invoiced" {
                    /// The client's id.
                    client_id: String,
                    /// The numbers of their invoices and credit notes, comma-separated.
                    invoices: String,
                },
                /// A record passed with a client belongs to another client.
                #[error("{record} `{id}` belongs to another client than `{client_id}`")]
                RecordForeign = "client.record_foreign" {
                    /// What the record is (`stay`, `invoice`, `account` …).
                    record: String,
                    /// Its reference, number or id.
                    id: String,
                    /// The client it was passed with.
                    client_id: String,
                },
            }
            /// An establishment's settings were refused (`establishment.*`).
            Establishment = "establishment" {
                /// A SIRET that is not 14 digits with a valid check digit.
                #[error("SIRET `{value}` is not valid")]
                SiretInvalid = "establishment.siret_invalid" {
                    /// The SIRET received.
                    value: String,
                },
                /// A URL that cannot be parsed or is not http(s).
                #[error("URL `{value}` is not valid")]
                UrlInvalid = "establishment.url_invalid" {
                    /// The URL received.
                    value: String,
                },
                /// Not an IANA time zone name.
                #[error("unknown time zone `{value}`")]
                TimeZoneUnknown = "establishment.time_zone_unknown" {
                    /// The name received.
                    value: String,
                },
                /// An opening period whose last day is before its first day.
                #[error("opening period {first_day} – {last_day} is reversed")]
                OpeningPeriodInvalid = "establishment.opening_period_invalid" {
                    /// First day open.
                    first_day: String,
                    /// Last day open.
                    last_day: String,
                },
            }
            /// A stay was refused (`stay.*`).
            Stay = "stay" {
                /// A stay whose departure is not after its arrival.
                #[error("period {start} – {end} is empty or reversed")]
                PeriodInvalid = "stay.period_invalid" {
                    /// First day.
                    start: String,
                    /// Day after the last night (stays) or last day (openings).
                    end: String,
                },
                /// The stay is over, in progress or cancelled: its participants can no longer change.
                #[error("stay {reference} can no longer be changed")]
                StayNotEditable = "stay.not_editable" {
                    /// The stay's reference.
                    reference: String,
                },
                /// A stay that cannot be cancelled in its status.
                #[error("stay {reference} cannot be cancelled: it is {status}")]
                StayNotCancellable = "stay.not_cancellable" {
                    /// The stay.
                    reference: String,
                    /// Its status.
                    status: String,
                },
                /// The cancellation's terms moved since the guest saw them.
                #[error("cancellation of {reference} changed: refund {shown} shown, {now} now")]
                CancellationChanged = "stay.cancellation_changed" {
                    /// The stay.
                    reference: String,
                    /// The refund shown.
                    shown: String,
                    /// The refund now.
                    now: String,
                },
                /// A residency that cannot be used.
                #[error("invalid residency: {detail}")]
                ResidencyInvalid = "stay.residency_invalid" {
                    /// What is wrong.
                    detail: String,
                },
                /// More people on the pitch than allowed.
                #[error("{count} occupants, at most {max}")]
                TooManyOccupants = "stay.too_many_occupants" {
                    /// People asked.
                    count: usize,
                    /// Most allowed.
                    max: u32,
                },
                /// A line quantity that is zero or negative.
                #[error("quantity `{value}` of line `{label}` must be positive")]
                QuantityInvalid = "stay.quantity_invalid" {
                    /// Label of the line.
                    label: String,
                    /// The quantity received.
                    value: String,
                },
                /// A change to a stay that changes nothing: same dates, same lines.
                #[error("stay {reference}: the change asked changes nothing")]
                NothingChanged = "stay.nothing_changed" {
                    /// The stay.
                    reference: String,
                },
                /// The new total of a change moved since it was shown.
                #[error("change of stay {reference} changed: total {shown} shown, {now} now")]
                AmendmentChanged = "stay.amendment_changed" {
                    /// The stay.
                    reference: String,
                    /// The total shown.
                    shown: String,
                    /// The total now.
                    now: String,
                },
            }
            /// A link token was refused (`link.invalid`, `link.expired`) or cannot be issued; a QR code
            /// that cannot be drawn (`link.qr_*`).
            Link = "link" {
                /// A link token that is not valid: tampered, truncated, for another purpose, establishment,
                /// subject or state, or under an unknown key. Always the same error, whatever the cause.
                #[error("this link is not valid")]
                LinkInvalid = "link.invalid",
                /// A genuine link token past its expiry: whose link it was and what it opened,
                /// verified, so that the page can offer to send a new one.
                #[error("this link expired at {expired_at}")]
                LinkExpired = "link.expired" {
                    /// When it expired (RFC 3339).
                    expired_at: String,
                    /// The client the link was issued to (verified: the token is genuine).
                    client_id: String,
                    /// What it opened (`portal`, `quote` …).
                    purpose: String,
                    /// The stay or document it opened, if any.
                    subject: Option<String>,
                },
                /// A link key that is not a PASERK `k4.local.` key (the key itself is never echoed).
                #[error("a link key is not a valid k4.local PASERK key")]
                LinkKeyInvalid = "link.key_invalid",
                /// A link that cannot be issued or checked as asked.
                #[error("link request refused: {detail}")]
                LinkRequestInvalid = "link.request_invalid" {
                    /// What is wrong with the request.
                    detail: String,
                },
                /// A text no QR code is drawn for: empty, holding a control character, or a space
                /// link to print that is not an https URL (the link itself is never echoed).
                #[error("no QR code drawn: {detail}")]
                QrInvalid = "link.qr_invalid" {
                    /// What is wrong with the text.
                    detail: String,
                },
                /// A text longer than a QR code holds.
                #[error("a text of {length} bytes does not fit a QR code (at most {max})")]
                QrTooLong = "link.qr_too_long" {
                    /// The text's length, in UTF-8 bytes.
                    length: usize,
                    /// The most a QR code holds, in bytes.
                    max: usize,
                },
            }
            /// A login refused, a password too short, too many attempts (`account.*`).
            Account = "account" {
                /// A new password shorter than the minimum.
                #[error("the password must have at least {min} characters")]
                PasswordTooShort = "account.password_too_short" {
                    /// Minimum number of characters.
                    min: usize,
                },
                /// Unknown login or wrong password: always the same, so nobody learns who has an account.
                #[error("e-mail or password incorrect")]
                LoginFailed = "account.login_failed",
                /// The password is right but the account's e-mail was never confirmed.
                #[error("the account's e-mail address is not confirmed yet")]
                AccountNotVerified = "account.not_verified",
                /// Too many failed attempts: wait before the next one.
                #[error("too many attempts: try again in {retry_after_seconds} s")]
                Throttled = "account.throttled" {
                    /// Seconds to wait.
                    retry_after_seconds: u64,
                },
            }
            /// A record that is not this guest's, answered as missing (`portal.not_found`).
            Portal = "portal" {
                /// Not this guest's, or outside what their link opens: answered as missing, never
                /// forbidden.
                #[error("{what} not found")]
                PortalNotFound = "portal.not_found" {
                    /// What was asked for (`stay`, `companion`, `page` …).
                    what: String,
                },
            }
            $($more)*
        }
    };
}
