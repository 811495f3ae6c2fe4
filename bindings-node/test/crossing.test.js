'use strict';
// The values written in Rust are exactly those of the JavaScript conversion they replace.
//
// Every function and held method gets its result from the addon's `invoke`: a tape (or JSON) whose
// keys Rust already wrote in camelCase, for `index.js` to build the objects from without renaming
// anything. The conversion of old — the canonical
// envelope of `call`, `JSON.parse` and `fromWire` renaming every key — is the reference: for every
// shared vector, through the module's function and through the held objects, both give the same
// values (the same JSON text: keys in the same order, strings as strings) or throw the same error
// (code, message, messages, fields).
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const hospes = require('..');

const native = require(path.join(__dirname, '..', 'hospes.node'));
const dir = path.join(__dirname, '..', '..', 'tests', 'vectors');
const vectors = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .flatMap((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')).vectors.map((v) => ({ file: f, ...v })));
const argNames = Object.fromEntries(hospes.schema.operations.map((op) => [op.name, Object.keys(op.args.properties || {})]));

/**
 * The addon's entry points, watched: every `invoke` (the module's and the held values') is
 * answered by Rust, and also put through the path of old — the same input to `call` (or
 * `callForFile`), then `JSON.parse` and `fromWire` — for `same` to compare.
 */
let seen = [];
function watch(owner, old) {
  const invoke = owner.invoke;
  owner.invoke = function (op, input, ...rest) {
    seen.push(() => {
      const answer = old.call(this, op, input);
      if (typeof answer !== 'string') return answer;
      const parsed = JSON.parse(answer);
      if (parsed.error) {
        const { code, message, messages, args: fields } = parsed.error;
        throw new hospes.HospesError(code, message, messages, fields);
      }
      return hospes.fromWire(parsed.ok);
    });
    return invoke.call(this, op, input, ...rest);
  };
}
watch(native, native.callForFile);
watch(native.NativeKeyring.prototype, native.NativeKeyring.prototype.call);
watch(native.NativePricer.prototype, native.NativePricer.prototype.call);
watch(native.NativeMailer.prototype, native.NativeMailer.prototype.call);
watch(native.NativeRegister.prototype, native.NativeRegister.prototype.callForFile);

/** What `run` gives, compared with what the path of old gives for the same input. */
function compared(run) {
  seen = [];
  const got = outcome(run);
  if (seen.length === 0) return got; // refused before Rust: the same JavaScript both ways
  assert.equal(seen.length, 1);
  const [old] = seen;
  const expected = outcome(old);
  if (expected.error || got.error) {
    assert.deepStrictEqual(got, expected);
    return got;
  }
  const again = outcome(old);
  if (again.ok !== undefined && JSON.stringify(again.ok) !== JSON.stringify(expected.ok)) {
    // Drawn at random: the same types and keys.
    assert.equal(JSON.stringify(shape(got.ok)), JSON.stringify(shape(expected.ok)));
    return got;
  }
  assert.equal(JSON.stringify(got.ok), JSON.stringify(expected.ok));
  assert.deepStrictEqual(got.ok, expected.ok);
  return got;
}

function outcome(run) {
  try {
    return { ok: run() };
  } catch (err) {
    assert.ok(err instanceof hospes.HospesError, String(err && err.stack));
    return { error: [err.code, err.message, JSON.stringify(err.messages), JSON.stringify(err.fields)] };
  }
}

/** The types and keys of a value, for results drawn at random (keys, tokens, salts). */
function shape(value) {
  if (Array.isArray(value)) return value.map(shape);
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  }
  return typeof value;
}

test('every vector: a function gives the values of old', () => {
  for (const vector of vectors) {
    const names = argNames[vector.op];
    const args = names.map((name) => hospes.fromWire(vector.input[name]));
    compared(() => hospes.operations[vector.op](...args));
  }
});

const held = {
  'link.issue': ['keyring', hospes.Keyring, 'issue'],
  'link.verify': ['keyring', hospes.Keyring, 'verify'],
  'pricing.price': ['catalogue', hospes.Pricer, 'price'],
  'pricing.grid': ['catalogue', hospes.Pricer, 'grid'],
  'quote.create': ['catalogue', hospes.Pricer, 'createQuote'],
  'mail.render': ['template', hospes.Mailer, 'render'],
};
test('every vector of a held value: a held object gives the values of old', () => {
  for (const vector of vectors.filter((v) => v.op in held)) {
    const [argument, Class, method] = held[vector.op];
    const names = argNames[vector.op].filter((n) => n !== argument);
    const args = names.map((name) => hospes.fromWire(vector.input[name]));
    let object;
    try {
      object = new Class(hospes.fromWire(vector.input[argument]));
    } catch (err) {
      assert.ok(err instanceof hospes.HospesError);
      continue;
    }
    compared(() => object[method](...args));
  }
});

test('a register gives the values of old', () => {
  const entries = ['Lefèvre', 'Dupont', 'Martin'].map((lastName, i) => ({ client: {
    id: `C-${i}`, lastName, firstName: 'Élodie', createdAt: '2026-01-15T09:30:00Z',
    address: { lines: ['3 rue des Lilas'], postcode: '69003', city: 'Lyon', country: 'FR' } } }));
  const register = new hospes.Register({ currency: 'EUR', timeZone: 'Europe/Paris' }, entries);
  const now = '2026-06-01T10:00:00Z';
  compared(() => register.search({ text: '', presentOnly: false }, now));
  compared(() => register.row('C-1', now));
  compared(() => register.row('C-9', now));
  compared(() => register.countries());
  const csv = compared(() => register.export({ presentOnly: false }, now, [], { format: 'csv', locale: 'fr' }));
  assert.ok(Buffer.isBuffer(csv.ok));
});

test('a hostile argument: the same value or error both ways', () => {
  const hostile = [null, 0, '', 'x', [], {}, [{}], '1.5', '2026-07-11', Buffer.from([0]), 2 ** 70, new Date(0)];
  for (const op of hospes.schema.operations) {
    const names = argNames[op.name];
    for (const name of names) {
      for (const value of hostile) {
        compared(() => hospes.operations[op.name](...names.map((n) => (n === name ? value : null))));
      }
    }
  }
});

test('every mail vector: a prepared context renders the mail of its records', () => {
  for (const vector of vectors.filter((v) => v.op === 'mail.render')) {
    let mailer;
    try {
      mailer = new hospes.Mailer(hospes.fromWire(vector.input.template));
    } catch (err) {
      assert.ok(err instanceof hospes.HospesError);
      continue;
    }
    const context = hospes.fromWire(vector.input.context);
    const expected = outcome(() => mailer.render(context));
    let prepared;
    try {
      prepared = mailer.prepare(context);
    } catch (err) {
      // Refused when prepared: the same error as when rendered (its path from the context).
      assert.ok(err instanceof hospes.HospesError && expected.error && expected.error[0] === err.code);
      continue;
    }
    const got = outcome(() => mailer.render(prepared));
    assert.equal(JSON.stringify(got), JSON.stringify(expected));
    assert.ok(prepared instanceof hospes.PreparedMailContext);
  }
});
