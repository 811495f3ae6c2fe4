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

/**
 * What each argument of each operation takes, read from the Rust schema once: every value is
 * checked against its field while it is converted, so nothing is reinterpreted (a Date where
 * text goes, a Buffer where a name goes, an array where a record goes are refused with
 * `input.wrong_type`, naming the field and the type received).
 */
const SHAPES = JSON.parse(native.shapes());
const ANY = [];
const RECORD = SHAPES.fits.record;
const LIST = SHAPES.fits.list;

/** Throws the HospesError of a value refused here, with the messages of every language. */
function refuse(code, where, detail, received = '') {
  const { error } = JSON.parse(native.refusal(code, where, String(detail), received));
  throw new HospesError(error.code, error.message, error.messages);
}

/** The words of what `shape` takes when `received` does not fit it, else null. */
function misfit(shape, received) {
  if (shape.length === 0) return null;
  let kinds = 0;
  for (const id of shape) kinds |= SHAPES.nodes[id][0];
  if (kinds & SHAPES.fits[received]) return null;
  return SHAPES.words.filter(([kind]) => kinds & kind).map(([, word]) => word).join(' or ');
}

/** The shape inside a record (`key`) or a list (`key` undefined) of `shape`, memoised by shape. */
const INSIDE = new WeakMap();
const LIST_ITEM = Symbol('item');
function inside(shape, key) {
  let known = INSIDE.get(shape);
  if (known === undefined) {
    known = new Map();
    INSIDE.set(shape, known);
  }
  const slot = key === undefined ? LIST_ITEM : key;
  let inner = known.get(slot);
  if (inner === undefined) {
    inner = insideOf(shape, key);
    if (known.size < 1000) known.set(slot, inner);
  }
  return inner;
}

function insideOf(shape, key) {
  let merged = null;
  for (const id of shape) {
    const [kinds, properties, values, items] = SHAPES.nodes[id];
    let inner;
    if (key === undefined) {
      if (!(kinds & LIST)) continue;
      inner = items;
    } else {
      if (!(kinds & RECORD)) continue;
      inner = Object.prototype.hasOwnProperty.call(properties, key) ? properties[key] : values;
      if (inner === null || inner === undefined) continue;
    }
    if (inner.length === 0) return ANY;
    merged = merged === null ? inner : [...new Set([...merged, ...inner])];
  }
  return merged === null ? ANY : merged;
}

/** The shape of argument `name` (snake_case) of operation `op`. */
function argumentShape(op, name) {
  const args = SHAPES.arguments[op];
  return (args && args[name]) || ANY;
}

/** A conversion's running state: the records and lists open (depth, cycles) and the size. */
const newState = () => ({ open: [], size: 0 });

/** Adds `bytes` to the size written; past the input limit the value is refused at once. */
function grow(state, bytes) {
  state.size += bytes;
  if (state.size > SHAPES.max_input) refuse('input.too_large', '$', state.size);
}

/** The kind of a JS value, in the schema's words; anything the wire form does not take throws. */
function kindOf(value, where) {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'boolean':
      return 'bool';
    case 'string':
      if (typeof value.isWellFormed === 'function' && !value.isWellFormed()) {
        refuse('input.invalid', where, 'text with a lone surrogate (\\ud800-\\udfff) is not valid Unicode');
      }
      return 'text';
    case 'number':
      if (!Number.isSafeInteger(value)) {
        // Money is never a float: no field takes one.
        refuse('input.wrong_type', where, 'a decimal as a string ("12.50"), never a float', `number ${value}`);
      }
      return 'integer';
    case 'object':
      break;
    default:
      refuse('input.invalid', where, `a ${typeof value} is not accepted; pass decimals as strings ("12.50")`);
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) refuse('input.invalid', where, 'invalid Date');
    return 'instant';
  }
  if (value instanceof Uint8Array) return 'bytes';
  if (Array.isArray(value)) return 'list';
  const proto = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null || !BUILT_INS.some((type) => value instanceof type)) {
    return 'record';
  }
  return refuse('input.invalid', where, `a ${value.constructor.name} is not accepted here`);
}

/** Objects of the language that are not records. */
const BUILT_INS = [Map, Set, WeakMap, WeakSet, Promise, RegExp, Error, ArrayBuffer, DataView,
  Number, String, Boolean, Symbol, Function, Object.getPrototypeOf(Int8Array)];

/** The name of a value's type, for an error: `Date`, `Array`, `Buffer`, `string`. */
function typeName(value) {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  if (Array.isArray(value)) return 'Array';
  return (value.constructor && value.constructor.name) || 'object';
}

/**
 * Converts a JS value to the canonical wire form — snake_case keys, Dates as RFC 3339, bytes as
 * base64 — checked against `shape` (the field's). Records and lists nest at most 32 levels
 * (`input.too_deep`), a value containing itself is refused (`input.cyclic`), and the conversion
 * stops as soon as it passes the 1 MiB input limit (`input.too_large`).
 */
function toWire(value, where, shape = ANY, state = newState()) {
  const received = kindOf(value, where);
  const expected = misfit(shape, received);
  if (expected !== null) refuse('input.wrong_type', where, expected, typeName(value));
  switch (received) {
    case 'null':
      return null;
    case 'text':
      grow(state, value.length + 2);
      return value;
    case 'instant':
      grow(state, 26);
      return value.toISOString();
    case 'bytes':
      // Files (a logo, a font) cross the wire as standard base64.
      grow(state, Math.ceil(value.byteLength / 3) * 4 + 2);
      return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
    case 'list': {
      enter(state, value, where);
      const item = inside(shape, undefined);
      const out = value.map((element, i) => toWire(element, `${where}[${i}]`, item, state));
      state.open.pop();
      return out;
    }
    case 'record': {
      enter(state, value, where);
      const out = {};
      for (const key of Object.keys(value)) {
        const element = value[key];
        if (element === undefined) continue;
        const name = toSnake(key);
        grow(state, name.length + 4);
        out[name] = toWire(element, `${where}.${key}`, inside(shape, name), state);
      }
      state.open.pop();
      return out;
    }
    default:
      grow(state, 8);
      return value;
  }
}

/** Enters a record or list: refused when it is one of its own parents or one level too deep. */
function enter(state, value, where) {
  if (state.open.includes(value)) refuse('input.cyclic', where, '');
  if (state.open.length >= SHAPES.max_depth) refuse('input.too_deep', where, '');
  state.open.push(value);
}

/** The named arguments of `op` in the wire form, each checked against its own shape. */
function argumentsToWire(op, names, values) {
  const state = newState();
  // The arguments object is the first level of nesting, as in every binding.
  state.open.push(values);
  const input = {};
  names.forEach((name, i) => {
    input[name] = toWire(values[i], `$.${toCamel(name)}`, argumentShape(op, name), state);
  });
  return JSON.stringify(input);
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
    const input = argumentsToWire(op.name, names, args);
    if (!bytes) return unwrap(native.call(op.name, input));
    // The file comes from Rust as a Buffer, without base64 or JSON in between; else an error.
    const answer = native.callForFile(op.name, input);
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
function hold(Native, value, where, [op, arg]) {
  const json = JSON.stringify(toWire(value, `$.${where}`, argumentShape(op, arg)));
  try {
    return new Native(json);
  } catch (error) {
    // The addon refuses a bad value with the error envelope as the message.
    if (!String(error.message).startsWith('{"error"')) throw error;
    unwrap(error.message);
    throw error;
  }
}

/** Converts named arguments to the wire form and runs `op` on a native held value. */
function callHeld(held, op, args) {
  const names = Object.keys(args).map(toSnake);
  return unwrap(held.call(op, argumentsToWire(op, names, Object.values(args))));
}

/** Like `callHeld`, for an operation answering a file: its bytes as a `Buffer`, else a thrown HospesError. */
function callHeldForFile(held, op, args) {
  const names = Object.keys(args).map(toSnake);
  const answer = held.callForFile(op, argumentsToWire(op, names, Object.values(args)));
  return Buffer.isBuffer(answer) ? answer : unwrap(answer);
}

/**
 * The host's link keys, parsed once (`issueLink`/`verifyLink` re-read them on every call).
 * `config` is a KeyringConfig: `activeKey`, optional `verifyOnlyKeys` and `clockSkewSeconds`;
 * a malformed key throws `link.key_invalid`, and keys are never shown, not even by inspection.
 */
class Keyring {
  #ring;

  constructor(config) {
    this.#ring = hold(native.NativeKeyring, config, 'config', ['link.issue', 'keyring']);
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
    this.#catalogue = hold(native.NativePricer, catalogue, 'catalogue', ['pricing.price', 'catalogue']);
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
    this.#mail = hold(native.NativeMailer, template, 'template', ['mail.render', 'template']);
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

/**
 * The client register held in memory (« Registre clients »): built from the host's rows, kept
 * current as the host saves clients, stays and invoices, searched many times. An index the host
 * can always rebuild from its database; it holds no notes. Load a large file in batches with
 * `upsert`, each under the 1 MiB input limit.
 */
class Register {
  #register;

  constructor(config, entries = []) {
    this.#register = hold(native.NativeRegister, { config, entries }, 'register', ['register.search', 'register']);
  }

  /** Clients held. */
  get size() {
    return this.#register.size;
  }

  /** Adds clients, or replaces what it holds of them (same `client.id`); returns how many. */
  upsert(entries) {
    const input = argumentsToWire('register.rows', ['entries'], [entries]);
    return unwrap(this.#register.call('register.upsert', input));
  }

  /** Forgets clients (deleted or erased); returns how many it held. */
  remove(clientIds) {
    if (!Array.isArray(clientIds) || !clientIds.every((id) => typeof id === 'string')) {
      unwrap(native.refusal('input.wrong_type', '$.clientIds', 'an array of strings', Array.isArray(clientIds) ? 'Array' : typeof clientIds));
    }
    return unwrap(this.#register.call('register.remove', JSON.stringify({ client_ids: clientIds })));
  }

  /** The page of clients matching `query` as of `now`, with the count: as `searchRegister`. */
  search(query, now) {
    return callHeld(this.#register, 'register.search', { query, now });
  }

  /** One client's line as of `now`. */
  row(clientId, now) {
    return callHeld(this.#register, 'register.row', { clientId, now });
  }

  /** The countries of the clients, with how many live in each. */
  countries() {
    return callHeld(this.#register, 'register.countries', {});
  }

  /**
   * The clients matching `query` (its page ignored) as a CSV or XLSX `Buffer`: the `columns`
   * asked for (all when empty), headers in `options.locale`. For many clients prefer `exportTo`.
   */
  export(query, now, columns, options) {
    return callHeldForFile(this.#register, 'register.export', { query, now, columns, options });
  }

  /** Streams the same export to the file at `path` (created or truncated); returns the rows. */
  exportTo(query, now, columns, options, path) {
    if (typeof path !== 'string') {
      unwrap(native.refusal('input.wrong_type', '$.path', 'a string', path === null ? 'null' : typeof path));
    }
    const input = JSON.parse(argumentsToWire('register.export', ['query', 'now', 'columns', 'options'], [query, now, columns, options]));
    input.path = path;
    return unwrap(this.#register.call('register.export_to', JSON.stringify(input)));
  }

  /** Address labels as a PDF `Buffer` for every client matching `query` (its page ignored). */
  labels(query, now, sheet, senderCountry, locale, skip) {
    return callHeldForFile(this.#register, 'register.labels', { query, now, sheet, senderCountry, locale, skip });
  }
}

module.exports.Keyring = Keyring;
module.exports.Register = Register;
module.exports.Mailer = Mailer;
module.exports.Pricer = Pricer;
module.exports.HospesError = HospesError;
/** Every operation: dotted name → function (used by the conformance vectors). */
module.exports.operations = operations;
/** The JSON Schema of every operation and type. */
module.exports.schema = schema;
module.exports.toWire = Object.defineProperty((value) => toWire(value, '$'), 'name', { value: 'toWire' });
module.exports.fromWire = fromWire;
