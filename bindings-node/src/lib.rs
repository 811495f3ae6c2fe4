//! Node bindings of hospes: a native addon with the functions `call`, `callForFile` and
//! `schema`, and the `NativeKeyring`, `NativePricer`, `NativeMailer` and `NativeRegister`
//! classes holding parsed link keys, a parsed catalogue, a compiled mail template and the
//! client register.
//! The `hospes` package (index.js) builds the idiomatic API on top: camelCase functions and
//! properties, decimals as strings, calendar dates as `YYYY-MM-DD`, errors with a `.code`. A
//! panic in a synchronous addon function aborts Node, so every entry point is `catch_unwind`,
//! and `hospes::wire::call` itself answers every failure with an error envelope.

use napi::Either;
use napi::bindgen_prelude::Buffer;
use napi_derive::napi;

mod camel;

/// What an operation returned, as `invoke` hands it to `index.js`: a file as a `Buffer`, any
/// other value as its camelCase tape (`camel::tape`: `index.js` knows the first `known` keys of
/// this thread's table) or else JSON (`camel::envelope`), an error as its envelope.
fn answered(
    returned: Result<hospes::wire::Returned, String>,
    known: u32,
) -> Either<Buffer, String> {
    match returned {
        Ok(hospes::wire::Returned::File(bytes)) => Either::A(bytes.into()),
        Ok(hospes::wire::Returned::Value(value)) => Either::B(
            camel::tape(value.as_ref(), known).unwrap_or_else(|| camel::envelope(value.as_ref())),
        ),
        Err(envelope) => Either::B(envelope),
    }
}

/// Runs operation `op` on the JSON object `input` (the canonical wire form, as for `call`) and
/// answers as `index.js` hands results over, keys in camelCase: a tape (`~…`, see `camel`) whose
/// keys after the first `known` of this thread's table are defined in it, or JSON — `{"ok": …}`
/// for `JSON.parse` alone, `{"raw": …}` (canonical) for `fromWire`, the error envelope — or a
/// file's bytes as a `Buffer`.
#[napi(catch_unwind)]
pub fn invoke(op: String, input: String, known: u32) -> Either<Buffer, String> {
    answered(hospes::wire::call_returned(&op, &input), known)
}

/// Runs operation `op` on the JSON object `input`; returns the JSON envelope
/// `{"ok": …}` or `{"error": {"code", "family", "message", "messages", "args"}}`.
#[napi(catch_unwind)]
pub fn call(op: String, input: String) -> String {
    hospes::wire::call(&op, &input)
}

/// Runs operation `op` like `call`, except that an operation returning a file (a PDF) gives its
/// bytes as a `Buffer` (handed over, not copied), not base64 inside the envelope; every other
/// answer, and every error, is the envelope as a string.
#[napi(catch_unwind)]
pub fn call_for_file(op: String, input: String) -> Either<Buffer, String> {
    match hospes::wire::call_for_file(&op, &input) {
        hospes::wire::Answer::File(bytes) => Either::A(bytes.into()),
        hospes::wire::Answer::Envelope(json) => Either::B(json),
    }
}

/// What each argument of each operation takes, as JSON (`hospes::wire::shape::Shapes::to_json`):
/// `index.js` checks the host's values against it while converting them.
#[napi(catch_unwind)]
pub fn shapes() -> String {
    hospes::wire::shape::Shapes::get().to_json().to_string()
}

/// The error envelope of a value `index.js` refused while converting it
/// (`hospes::wire::input_refusal`): the same code and messages in every language as an error
/// from the core.
#[napi(catch_unwind)]
pub fn refusal(code: String, path: String, detail: String, received: String) -> String {
    hospes::wire::input_refusal(&code, &path, &detail, &received)
}

/// The JSON Schema of every operation and type, as a JSON string.
#[napi(catch_unwind)]
pub fn schema() -> String {
    hospes::wire::schema().to_string()
}

/// The host's link keys, parsed once: `link.issue` and `link.verify` without re-reading the
/// keys on every link. `index.js` wraps it as `hospes.Keyring`.
#[napi(js_name = "NativeKeyring")]
pub struct Keyring {
    ring: hospes::link::Keyring,
}

#[napi]
impl Keyring {
    /// Parses the keyring config (JSON); a bad key throws an error whose message is the error
    /// envelope, which `index.js` turns into a `HospesError` (`link.key_invalid`).
    #[napi(constructor, catch_unwind)]
    pub fn new(config: String) -> napi::Result<Self> {
        hospes::wire::hold(&config)
            .map(|ring| Keyring { ring })
            .map_err(napi::Error::from_reason)
    }

    /// Runs `link.issue` or `link.verify` (their arguments less `keyring`, as JSON); returns the
    /// JSON envelope.
    #[napi(catch_unwind)]
    pub fn call(&self, op: String, input: String) -> String {
        hospes::wire::call_held(&self.ring, &op, &input)
    }

    /// Runs an operation like `call`, answering as the module's `invoke` does.
    #[napi(catch_unwind)]
    pub fn invoke(&self, op: String, input: String, known: u32) -> Either<Buffer, String> {
        answered(
            hospes::wire::call_held_returned(&self.ring, &op, &input),
            known,
        )
    }

    /// The PASERK id (`k4.lid.…`) of the active key, safe to log.
    #[napi(getter, catch_unwind)]
    pub fn active_key_id(&self) -> String {
        self.ring.active_key_id().to_owned()
    }
}

/// The price catalogue, parsed and checked once: `pricing.price` and `quote.create` without
/// re-reading it on every call. `index.js` wraps it as `hospes.Pricer`.
#[napi(js_name = "NativePricer")]
pub struct Pricer {
    catalogue: hospes::pricing::Catalogue,
}

#[napi]
impl Pricer {
    /// Parses and checks the catalogue (JSON); a bad one throws an error whose message is the
    /// error envelope, which `index.js` turns into a `HospesError`.
    #[napi(constructor, catch_unwind)]
    pub fn new(catalogue: String) -> napi::Result<Self> {
        hospes::wire::hold(&catalogue)
            .map(|catalogue| Pricer { catalogue })
            .map_err(napi::Error::from_reason)
    }

    /// Runs `pricing.price` or `quote.create` (their arguments less `catalogue`, as JSON);
    /// returns the JSON envelope.
    #[napi(catch_unwind)]
    pub fn call(&self, op: String, input: String) -> String {
        hospes::wire::call_held(&self.catalogue, &op, &input)
    }

    /// Runs an operation like `call`, answering as the module's `invoke` does.
    #[napi(catch_unwind)]
    pub fn invoke(&self, op: String, input: String, known: u32) -> Either<Buffer, String> {
        answered(
            hospes::wire::call_held_returned(&self.catalogue, &op, &input),
            known,
        )
    }
}

/// A mail template, checked and compiled once: `mail.render` for every guest without compiling
/// it again. `index.js` wraps it as `hospes.Mailer`.
#[napi(js_name = "NativeMailer")]
pub struct Mailer {
    mail: hospes::mail::CompiledMail,
}

#[napi]
impl Mailer {
    /// Checks and compiles the template (JSON); a bad one throws with the error envelope.
    #[napi(constructor, catch_unwind)]
    pub fn new(template: String) -> napi::Result<Self> {
        hospes::wire::hold(&template)
            .map(|mail| Mailer { mail })
            .map_err(napi::Error::from_reason)
    }

    /// Runs `mail.render` or `mail.check` (their arguments less `template`, as JSON); returns
    /// the JSON envelope.
    #[napi(catch_unwind)]
    pub fn call(&self, op: String, input: String) -> String {
        hospes::wire::call_held(&self.mail, &op, &input)
    }

    /// Runs an operation like `call`, answering as the module's `invoke` does.
    #[napi(catch_unwind)]
    pub fn invoke(&self, op: String, input: String, known: u32) -> Either<Buffer, String> {
        answered(
            hospes::wire::call_held_returned(&self.mail, &op, &input),
            known,
        )
    }

    /// Renders the mail for a prepared context, answering as `invoke("mail.render", …)` does for
    /// the same context given as JSON, without reading it again.
    #[napi(catch_unwind)]
    pub fn render_prepared(
        &self,
        context: &PreparedMailContext,
        known: u32,
    ) -> Either<Buffer, String> {
        answered(
            hospes::wire::render_held(&self.mail, &context.context),
            known,
        )
    }
}

/// A mail's context (establishment, client, stay, amounts, links), parsed and checked once:
/// every `NativeMailer` renders it without reading the records again. `index.js` wraps it as
/// `hospes.PreparedMailContext`.
#[napi(js_name = "NativeMailContext")]
pub struct PreparedMailContext {
    context: hospes::mail::PreparedContext,
}

#[napi]
impl PreparedMailContext {
    /// Parses and checks the context (JSON); a bad one throws with the error envelope.
    #[napi(constructor, catch_unwind)]
    pub fn new(context: String) -> napi::Result<Self> {
        hospes::wire::hold(&context)
            .map(|context| PreparedMailContext { context })
            .map_err(napi::Error::from_reason)
    }
}

/// The client register, held in memory: built from the host's rows, kept current with
/// `register.upsert` and `register.remove`, searched many times. `index.js` wraps it as
/// `hospes.Register`.
#[napi(js_name = "NativeRegister")]
pub struct Register {
    register: hospes::wire::HeldRegister,
}

#[napi]
impl Register {
    /// Builds the register from its source (JSON: config and first entries); a bad one throws
    /// with the error envelope.
    #[napi(constructor, catch_unwind)]
    pub fn new(source: String) -> napi::Result<Self> {
        hospes::wire::hold(&source)
            .map(|register| Register { register })
            .map_err(napi::Error::from_reason)
    }

    /// Runs a `register.*` operation (its arguments less `register`, as JSON); returns the JSON
    /// envelope.
    #[napi(catch_unwind)]
    pub fn call(&self, op: String, input: String) -> String {
        hospes::wire::call_held(&self.register, &op, &input)
    }

    /// Runs an operation like `call`, answering as the module's `invoke` does.
    #[napi(catch_unwind)]
    pub fn invoke(&self, op: String, input: String, known: u32) -> Either<Buffer, String> {
        answered(
            hospes::wire::call_held_returned(&self.register, &op, &input),
            known,
        )
    }

    /// Runs a `register.*` operation like `call`, except that a file (labels, an export) comes
    /// as a `Buffer`.
    #[napi(catch_unwind)]
    pub fn call_for_file(&self, op: String, input: String) -> Either<Buffer, String> {
        match hospes::wire::call_held_for_file(&self.register, &op, &input) {
            hospes::wire::Answer::File(bytes) => Either::A(bytes.into()),
            hospes::wire::Answer::Envelope(json) => Either::B(json),
        }
    }

    /// Clients held.
    #[napi(getter, catch_unwind)]
    pub fn size(&self) -> u32 {
        u32::try_from(self.register.read().len()).unwrap_or(u32::MAX)
    }
}
