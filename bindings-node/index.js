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

/**
 * The addon: `hospes.node` from a source build, else the platform file `napi build --platform`
 * names, else the platform package npm installed beside this one (`hospes-linux-x64-gnu`, an
 * optional dependency of the published package: docs/install.md).
 */
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
  const platformPackage = `hospes-${process.platform}-${process.arch}${abi}`;
  try {
    return require(platformPackage);
  } catch (err) {
    if (err.code !== 'MODULE_NOT_FOUND' || !String(err.message).includes(`'${platformPackage}'`)) throw err;
  }
  throw new Error(`hospes: no native addon for ${process.platform}-${process.arch}${abi} (looked for ${candidates.join(', ')} and the package ${platformPackage})`);
}

const native = loadNative();

/** Every error thrown by hospes: `.code` (stable, dotted), `.family`, `.messages` per locale. */
class HospesError extends Error {
  constructor(code, message, messages = null, fields = null) {
    super(message);
    this.name = 'HospesError';
    this.code = String(code);
    this.family = this.code.split('.', 1)[0];
    this.messages = messages || { en: message };
    // The error's named values (the envelope's `args`), camelCase like every property: `line`
    // of mail.tag_unknown, `clientId` of link.expired; texts, numbers, null when absent; never
    // a secret.
    this.fields = Object.fromEntries(Object.entries(fields || {}).map(([k, v]) => [toCamel(k), v]));
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
 * A text as JSON: most need no escape (no `"`, `\` or control character), and quoting them is
 * much cheaper than a call to `JSON.stringify` each; the output is the same.
 */
const NOTHING_TO_ESCAPE = /^[^"\\\u0000-\u001f]*$/;
const textJson = (text) => (NOTHING_TO_ESCAPE.test(text) ? `"${text}"` : JSON.stringify(text));
/** A record's key as JSON, with its colon: `"client_id":`. */
const keyJson = memo((key) => `${JSON.stringify(key)}:`);
/** A record's camelCase key on the wire: its snake_case name and that name as JSON (`keyJson`). */
const wireKey = memo((key) => {
  const name = toSnake(key);
  return { name, json: keyJson(name) };
});

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
  throw new HospesError(error.code, error.message, error.messages, error.args);
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
  if (shape.length === 0) return ANY;
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

/**
 * A conversion's running state: the records and lists open (depth, cycles), the size, and the
 * path of the value being converted — its root (`$.stay`) and the keys and indexes below it,
 * written out only when a value is refused.
 */
const newState = (root = '$') => ({ open: [], size: 0, root, path: [] });

/** Where the value being converted is: `$.stay.lines[0].unitPrice`. */
function whereOf(state) {
  let where = state.root;
  for (const segment of state.path) where += typeof segment === 'number' ? `[${segment}]` : `.${segment}`;
  return where;
}

/** Adds `bytes` to the size written; past the input limit the value is refused at once. */
function grow(state, bytes) {
  state.size += bytes;
  if (state.size > SHAPES.max_input) refuse('input.too_large', '$', state.size);
}

/** The kind of a JS value, in the schema's words; anything the wire form does not take throws. */
function kindOf(value, state) {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'boolean':
      return 'bool';
    case 'string':
      if (typeof value.isWellFormed === 'function' && !value.isWellFormed()) {
        refuse('input.invalid', whereOf(state), 'text with a lone surrogate (\\ud800-\\udfff) is not valid Unicode');
      }
      return 'text';
    case 'number':
      if (!Number.isSafeInteger(value)) {
        // Money is never a float: no field takes one.
        refuse('input.wrong_type', whereOf(state), 'a decimal as a string ("12.50"), never a float', `number ${value}`);
      }
      return 'integer';
    case 'object':
      break;
    default:
      refuse('input.invalid', whereOf(state), `a ${typeof value} is not accepted; pass decimals as strings ("12.50")`);
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) refuse('input.invalid', whereOf(state), 'invalid Date');
    return 'instant';
  }
  if (value instanceof Uint8Array) return 'bytes';
  if (Array.isArray(value)) return 'list';
  const proto = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null || !BUILT_INS.some((type) => value instanceof type)) {
    return 'record';
  }
  return refuse('input.invalid', whereOf(state), `a ${value.constructor.name} is not accepted here`);
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
 * Writes a JS value in the canonical wire form, as JSON text — snake_case keys, Dates as
 * RFC 3339, bytes as base64 — checked against `shape` (the field's). Records and lists nest at
 * most 32 levels (`input.too_deep`), a value containing itself is refused (`input.cyclic`), and
 * the conversion stops as soon as it passes the 1 MiB input limit (`input.too_large`).
 */
function toJson(value, shape, state) {
  const received = kindOf(value, state);
  if (shape.length !== 0) {
    const expected = misfit(shape, received);
    if (expected !== null) refuse('input.wrong_type', whereOf(state), expected, typeName(value));
  }
  switch (received) {
    case 'null':
      return 'null';
    case 'text':
      grow(state, value.length + 2);
      return textJson(value);
    case 'instant':
      grow(state, 26);
      return `"${value.toISOString()}"`;
    case 'bytes':
      // Files (a logo, a font) cross the wire as standard base64.
      grow(state, Math.ceil(value.byteLength / 3) * 4 + 2);
      return `"${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64')}"`;
    case 'list': {
      enter(state, value);
      const item = inside(shape, undefined);
      const path = state.path;
      let out = '[';
      for (let i = 0; i < value.length; i += 1) {
        path.push(i);
        if (i !== 0) out += ',';
        out += toJson(value[i], item, state);
        path.pop();
      }
      state.open.pop();
      return `${out}]`;
    }
    case 'record': {
      enter(state, value);
      let out = '{';
      const path = state.path;
      for (const key of Object.keys(value)) {
        const element = value[key];
        if (element === undefined) continue;
        const { name, json } = wireKey(key);
        grow(state, name.length + 4);
        path.push(key);
        if (out.length !== 1) out += ',';
        out += json + toJson(element, inside(shape, name), state);
        path.pop();
      }
      state.open.pop();
      return `${out}}`;
    }
    default:
      grow(state, 8);
      return String(value);
  }
}

/** Enters a record or list: refused when it is one of its own parents or one level too deep. */
function enter(state, value) {
  if (state.open.includes(value)) refuse('input.cyclic', whereOf(state), '');
  if (state.open.length >= SHAPES.max_depth) refuse('input.too_deep', whereOf(state), '');
  state.open.push(value);
}

/** The named arguments of `op` in the wire form (JSON), each checked against its own shape. */
function argumentsToWire(op, names, values) {
  const state = newState();
  // The arguments object is the first level of nesting, as in every binding.
  state.open.push(values);
  let input = '{';
  const args = SHAPES.arguments[op];
  for (let i = 0; i < names.length; i += 1) {
    const name = names[i];
    state.root = `$.${toCamel(name)}`;
    if (i !== 0) input += ',';
    input += keyJson(name) + toJson(values[i], (args && args[name]) || ANY, state);
  }
  return `${input}}`;
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
    const { code, message, messages, args } = parsed.error;
    throw new HospesError(code, message, messages, args);
  }
  return fromWire(parsed.ok);
}

/**
 * The keys of records, camelCase, by the numbers the addon gives them (on this thread): a tape
 * defines each key once (`D`) and then names it by its number. `KEYS.length` goes with every call.
 */
const KEYS = [];

/**
 * Builds a value from the addon's tape (bindings-node/src/camel.rs): `~`, then the shape — `{`
 * `}` a record, `[` `]` a list, `s` a text, `n` a number, `z` null, `t` `f` booleans, `D` a key
 * defined, `K` a key given in full, a character from U+0080 the key of that number (from 128 on,
 * `k` and two such characters: its high and low seven bits) — and the texts, all separated by
 * U+0001. Every key is assigned as `fromWire` assigns it.
 */
function fromTape(tape) {
  const texts = tape.split('\u0001');
  const shape = texts[0];
  let next = 1;
  const open = [];
  let into = null;
  let list = false;
  let key = '';
  let root = null;
  for (let i = 1; i < shape.length; i += 1) {
    const c = shape.charCodeAt(i);
    let value;
    switch (c) {
      case 115: // s
        value = texts[next++];
        break;
      case 123: // {
        value = {};
        break;
      case 91: // [
        value = [];
        break;
      case 125: // }
      case 93: // ]
        into = open.pop();
        key = open.pop();
        list = Array.isArray(into);
        continue;
      case 110: // n
        value = Number(texts[next++]);
        break;
      case 122: // z
        value = null;
        break;
      case 116: // t
        value = true;
        break;
      case 102: // f
        value = false;
        break;
      case 68: // D
        KEYS.push(texts[next++]);
        continue;
      case 75: // K
        key = texts[next++];
        continue;
      case 107: // k
        key = KEYS[((shape.charCodeAt(i + 1) - 0x80) << 7) | (shape.charCodeAt(i + 2) - 0x80)];
        i += 2;
        continue;
      default:
        key = KEYS[c - 0x80];
        continue;
    }
    if (into === null) root = value;
    else if (list) into.push(value);
    else into[key] = value;
    if (c === 123 || c === 91) {
      open.push(key, into);
      into = value;
      list = c === 91;
    }
  }
  return root;
}

/**
 * What the addon's `invoke` answers: a file's `Buffer` as it is; a tape (`fromTape`); else the
 * envelope, whose value Rust wrote with camelCase keys already (`JSON.parse` alone), `raw` (the
 * canonical form) for a value that needs `fromWire`, or the error, thrown as a HospesError.
 */
function answer(answered) {
  if (typeof answered !== 'string') return answered;
  if (answered.charCodeAt(0) === 126) return fromTape(answered);
  const parsed = JSON.parse(answered);
  if (parsed.error) {
    const { code, message, messages, args } = parsed.error;
    throw new HospesError(code, message, messages, args);
  }
  return parsed.raw !== undefined ? fromWire(parsed.raw) : parsed.ok;
}

function makeOperation(op) {
  const names = Object.keys(op.args.properties || {});
  const fn = function (...args) {
    if (args.length > names.length) {
      throw new TypeError(`${toCamel(op.function)}() takes at most ${names.length} arguments, got ${args.length}`);
    }
    // The result comes from Rust with camelCase keys, a file as a Buffer (no base64, no JSON).
    return answer(native.invoke(op.name, argumentsToWire(op.name, names, args), KEYS.length));
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
  const json = toJson(value, argumentShape(op, arg), newState(`$.${where}`));
  try {
    return new Native(json);
  } catch (error) {
    // The addon refuses a bad value with the error envelope as the message.
    if (!String(error.message).startsWith('{"error"')) throw error;
    unwrap(error.message);
    throw error;
  }
}

/**
 * Converts named arguments to the wire form and runs `op` on a native held value: its value, or
 * for an operation answering a file its bytes as a `Buffer`; else a thrown HospesError.
 */
function callHeld(held, op, args) {
  const names = Object.keys(args).map(toSnake);
  return answer(held.invoke(op, argumentsToWire(op, names, Object.values(args)), KEYS.length));
}
const callHeldForFile = callHeld;

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

  /**
   * The price grid of a booking widget — every unit × arrival date for one length of stay and
   * one party, each cell its total and what is paid to book, or its refusal code: the same as
   * `priceGrid` with this catalogue.
   */
  grid(request, now) {
    return callHeld(this.#catalogue, 'pricing.grid', { request, now });
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

  /**
   * Renders the mail for one guest: `subject`, `html` and `text`, in their language. `context` is
   * a MailContext record, or a `PreparedMailContext` (read once, for a guest who gets several
   * mails, or the same mail again).
   */
  render(context) {
    const prepared = PREPARED.get(context);
    if (prepared !== undefined) return answer(this.#mail.renderPrepared(prepared, KEYS.length));
    return callHeld(this.#mail, 'mail.render', { context });
  }

  /** The context read and checked once, for `render` (of this mailer or any other). */
  prepare(context) {
    return new PreparedMailContext(context);
  }
}

/** The native context of each PreparedMailContext. */
const PREPARED = new WeakMap();

/**
 * A mail's context — establishment, client, stay, amounts, links — read and checked once, for a
 * guest who gets several mails (the confirmation, the contract, the reminders) or the same mail
 * again: every Mailer renders it without reading the records again, exactly as it renders the
 * record. A context hospes refuses throws its error here, once.
 */
class PreparedMailContext {
  constructor(context) {
    PREPARED.set(this, hold(native.NativeMailContext, context, 'context', ['mail.render', 'context']));
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
module.exports.PreparedMailContext = PreparedMailContext;
module.exports.Pricer = Pricer;
module.exports.HospesError = HospesError;
/** Every operation: dotted name → function (used by the conformance vectors). */
module.exports.operations = operations;
/** The JSON Schema of every operation and type. */
module.exports.schema = schema;
module.exports.toWire = Object.defineProperty((value) => JSON.parse(toJson(value, ANY, newState())), 'name', { value: 'toWire' });
module.exports.fromWire = fromWire;
