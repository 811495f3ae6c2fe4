'use strict';
/**
 * hospes for Node: every operation of the Rust core as a camelCase function.
 *
 * Records are plain objects with camelCase properties; decimals are strings ("1234.50"),
 * calendar dates "YYYY-MM-DD", instants RFC 3339 strings (a Date is accepted as input).
 * Failures throw a HospesError with a stable `.code` ("client.email_invalid").
 * Types: index.d.ts, generated from the Rust schema by scripts/gen-types.js.
 */
const path = require('node:path');

const fs = require('node:fs');

/** The addon: `hospes.node` from a source build, else the platform file `napi build --platform` names. */
function loadNative() {
  let abi = '';
  if (process.platform === 'linux') {
    const glibc = process.report && process.report.getReport().header.glibcVersionRuntime;
    abi = glibc ? '-gnu' : '-musl';
  } else if (process.platform === 'win32') {
    abi = '-msvc';
  }
  const candidates = ['hospes.node', `hospes.${process.platform}-${process.arch}${abi}.node`];
  for (const file of candidates) {
    const full = path.join(__dirname, file);
    if (fs.existsSync(full)) return require(full);
  }
  throw new Error(`hospes: no native addon for ${process.platform}-${process.arch}${abi} (looked for ${candidates.join(', ')})`);
}

const native = loadNative();

/** Every error thrown by hospes: `.code` (stable, dotted), `.family`, `.messages` per locale. */
class HospesError extends Error {
  constructor(code, message, messages = null) {
    super(message);
    this.name = 'HospesError';
    this.code = String(code);
    this.family = this.code.split('.', 1)[0];
    this.messages = messages || { en: message };
  }

  /** The message in `locale` ("fr", "en", "es"), English when unknown. */
  messageIn(locale) {
    return this.messages[String(locale).split('-')[0].toLowerCase()] || this.message;
  }
}

/** Key conversion, memoised: records reuse the same few dozen keys on every call. */
function memo(convert) {
  const cache = new Map();
  return (key) => {
    let out = cache.get(key);
    if (out === undefined) {
      out = convert(key);
      if (cache.size < 10000) cache.set(key, out);
    }
    return out;
  };
}
const toCamel = memo((key) => key.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase()));
const toSnake = memo((key) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));

/** Converts a JS value to the canonical wire form: snake_case keys, Dates as RFC 3339. */
function toWire(value, where) {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new HospesError('input.invalid', `${where}: invalid Date`);
    return value.toISOString();
  }
  // Files (a logo, a font) cross the wire as standard base64.
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (Array.isArray(value)) return value.map((item, i) => toWire(item, `${where}[${i}]`));
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isSafeInteger(value)) {
        throw new HospesError(
          'input.invalid',
          `${where}: ${value} is not accepted; pass decimals as strings ("12.50")`,
        );
      }
      return value;
    case 'object': {
      const out = {};
      for (const [key, item] of Object.entries(value)) {
        if (item !== undefined) out[toSnake(key)] = toWire(item, `${where}.${key}`);
      }
      return out;
    }
    default:
      throw new HospesError('input.invalid', `${where}: a ${typeof value} is not accepted`);
  }
}

/** Converts a wire value to JS: camelCase keys, everything else as is. */
function fromWire(value) {
  if (Array.isArray(value)) return value.map(fromWire);
  if (value !== null && typeof value === 'object') {
    const out = {};
    for (const [key, item] of Object.entries(value)) out[toCamel(key)] = fromWire(item);
    return out;
  }
  return value;
}

const schema = JSON.parse(native.schema());

/** Parses an envelope: the value, or a thrown HospesError. */
function unwrap(envelope) {
  const parsed = JSON.parse(envelope);
  if (parsed.error) {
    const { code, message, messages } = parsed.error;
    throw new HospesError(code, message, messages);
  }
  return fromWire(parsed.ok);
}

/** Whether an operation returns a file (a PDF): a Buffer from `native.callForFile`. */
const returnsBytes = (op) => op.returns.$ref === '#/$defs/FileBytes';

function makeOperation(op) {
  const names = Object.keys(op.args.properties || {});
  const bytes = returnsBytes(op);
  const fn = function (...args) {
    if (args.length > names.length) {
      throw new TypeError(`${toCamel(op.function)}() takes at most ${names.length} arguments, got ${args.length}`);
    }
    const input = {};
    names.forEach((name, i) => {
      input[name] = toWire(args[i], toCamel(name));
    });
    if (!bytes) return unwrap(native.call(op.name, JSON.stringify(input)));
    // The file comes from Rust as a Buffer, without base64 or JSON in between; else an error.
    const answer = native.callForFile(op.name, JSON.stringify(input));
    return Buffer.isBuffer(answer) ? answer : unwrap(answer);
  };
  Object.defineProperty(fn, 'name', { value: toCamel(op.function) });
  // `length` counts the arguments index.d.ts requires, as for a function written out: those up
  // to the last required one (an optional one before it is passed, as null). The optional
  // trailing ones are not counted, as with default parameters.
  const required = new Set(op.args.required || []);
  const lastRequired = names.reduce((last, name, i) => (required.has(name) ? i : last), -1);
  Object.defineProperty(fn, 'length', { value: lastRequired + 1 });
  return fn;
}

const operations = {};
for (const op of schema.operations) {
  const fn = makeOperation(op);
  module.exports[fn.name] = fn;
  operations[op.name] = fn;
}

/** Builds a native held value (keys, a catalogue) from `value`; a bad one throws its HospesError. */
function hold(Native, value, where) {
  try {
    return new Native(JSON.stringify(toWire(value, where)));
  } catch (error) {
    // The addon refuses a bad value with the error envelope as the message.
    if (!String(error.message).startsWith('{"error"')) throw error;
    unwrap(error.message);
    throw error;
  }
}

/** Converts named arguments to the wire form and runs `op` on a native held value. */
function callHeld(held, op, args) {
  const input = {};
  for (const [name, value] of Object.entries(args)) input[toSnake(name)] = toWire(value, name);
  return unwrap(held.call(op, JSON.stringify(input)));
}

/**
 * The host's link keys, parsed once (`issueLink`/`verifyLink` re-read them on every call).
 * `config` is a KeyringConfig: `activeKey`, optional `verifyOnlyKeys` and `clockSkewSeconds`;
 * a malformed key throws `link.key_invalid`, and keys are never shown, not even by inspection.
 */
class Keyring {
  #ring;

  constructor(config) {
    this.#ring = hold(native.NativeKeyring, config, 'config');
  }

  /** The PASERK id (`k4.lid.…`) of the active key, safe to log. */
  get activeKeyId() {
    return this.#ring.activeKeyId;
  }

  /** Issues a link: the same as `issueLink` with these keys. */
  issue(establishment, request, now) {
    return callHeld(this.#ring, 'link.issue', { establishment, request, now });
  }

  /** Verifies a link: the same as `verifyLink` with these keys. */
  verify(establishment, token, purpose, state, now) {
    return callHeld(this.#ring, 'link.verify', { establishment, token, purpose, state, now });
  }
}

/**
 * The establishment's price catalogue, parsed and checked once (`priceStay` re-reads it on every
 * call, which costs far more than the pricing itself). A contradictory catalogue throws
 * `pricing.catalogue_invalid` here, once.
 */
class Pricer {
  #catalogue;

  constructor(catalogue) {
    this.#catalogue = hold(native.NativePricer, catalogue, 'catalogue');
  }

  /** Prices a stay: the same as `priceStay` with this catalogue. */
  price(request, now) {
    return callHeld(this.#catalogue, 'pricing.price', { request, now });
  }

  /** Makes a quote: the same as `createQuote` with this catalogue. */
  createQuote(number, clientId, stayReference, request, now, validUntil) {
    return callHeld(this.#catalogue, 'quote.create', { number, clientId, stayReference, request, now, validUntil });
  }
}

/**
 * A mail template, checked and compiled once (`renderMail` compiles it on every call). A template
 * with an unknown tag, variable or a syntax error throws `mail.*` here, with its part, line and
 * column, as when the business saves it.
 */
class Mailer {
  #mail;

  constructor(template) {
    this.#mail = hold(native.NativeMailer, template, 'template');
  }

  /** The languages, tags and links the template uses. */
  get summary() {
    return callHeld(this.#mail, 'mail.check', {});
  }

  /** Renders the mail for one guest: `subject`, `html` and `text`, in their language. */
  render(context) {
    return callHeld(this.#mail, 'mail.render', { context });
  }
}

module.exports.Keyring = Keyring;
module.exports.Mailer = Mailer;
module.exports.Pricer = Pricer;
module.exports.HospesError = HospesError;
/** Every operation: dotted name → function (used by the conformance vectors). */
module.exports.operations = operations;
/** The JSON Schema of every operation and type. */
module.exports.schema = schema;
module.exports.toWire = Object.defineProperty((value) => toWire(value, '$'), 'name', { value: 'toWire' });
module.exports.fromWire = fromWire;
