'use strict';
// Garbage from JavaScript throws ordinary errors with a code; Node never aborts.
const test = require('node:test');
const assert = require('node:assert/strict');
const hospes = require('..');

const now = '2026-06-01T00:00:00Z';
const client = (fields = {}) => ({ id: 'C-1', lastName: 'Martin', createdAt: '2026-01-01T00:00:00Z', ...fields });
const code = (expected) => (err) => err instanceof hospes.HospesError && err.code === expected;

test('wrong types throw input.wrong_type or input.invalid', () => {
  for (const args of [
    [42, 'FR', now],
    ['not a client', 'FR', now],
    [[client()], 'FR', now],
    [client({ companions: 'everyone' }), 'FR', now],
    [client({ linkVersion: -1 }), 'FR', now],
    [client(), 33, now],
    [client(), 'FR', 'yesterday'],
    [client({ createdAt: '2026-13-45T00:00:00Z' }), 'FR', now],
    [client(), 'FR', new Date('not a date')],
    [client({ id: () => 1 }), 'FR', now],
    [client({ id: 10n }), 'FR', now],
  ]) {
    assert.throws(
      () => hospes.normalizeClient(...args),
      (e) => e instanceof hospes.HospesError && ['input.wrong_type', 'input.invalid'].includes(e.code),
      JSON.stringify(args, (k, v) => (typeof v === 'bigint' ? `${v}n` : v)),
    );
  }
});

test('a value of another type is refused naming the field and the type received', () => {
  for (const [args, field, received] of [
    [[42, 'FR', now], '$.client', 'number'],
    [[[client()], 'FR', now], '$.client', 'Array'],
    [[client({ companions: 'everyone' }), 'FR', now], '$.client.companions', 'string'],
    [[client(), 33, now], '$.defaultCountry', 'number'],
    [[client({ lastName: Buffer.from('Dupont') }), 'FR', now], '$.client.lastName', 'Buffer'],
    [[client({ id: new Date('2026-01-01') }), 'FR', now], '$.client.id', 'Date'],
    [[client(), new Date('2026-01-01'), now], '$.defaultCountry', 'Date'],
    [[client(), 'FR', [now]], '$.now', 'Array'],
  ]) {
    assert.throws(
      () => hospes.normalizeClient(...args),
      (e) => e.code === 'input.wrong_type' && e.message.startsWith(`${field}: expected `) && e.message.endsWith(`received ${received}.`),
      `${field} ${received}`,
    );
  }
});

test('a number for money is refused: decimals are strings', () => {
  assert.throws(() => hospes.roundMoney({ amount: 2.345, currency: 'EUR' }), code('input.wrong_type'));
  assert.throws(() => hospes.roundMoney({ amount: NaN, currency: 'EUR' }), code('input.wrong_type'));
});

test('a ten megabyte name is refused quickly', () => {
  assert.throws(() => hospes.normalizeClient(client({ lastName: 'x'.repeat(10_000_000) }), 'FR', now), code('input.too_large'));
});

test('an invalid e-mail is refused with its code', () => {
  assert.throws(() => hospes.normalizeClient(client({ email: 'marie@' }), 'FR', now), code('client.email_invalid'));
});

test('absurd dates are refused', () => {
  // Born after today: a date, but not a birth date.
  const companions = [{ firstName: 'A', lastName: 'B', birthDate: '2027-01-01' }];
  assert.throws(() => hospes.normalizeClient(client({ companions }), 'FR', now), code('client.birth_date_invalid'));
  // Not a date as the wire writes one: four digits, a year from 1900 to 2999.
  for (const written of ['0001-01-01', '26-07-11', '3000-01-01', '+2026-07-11']) {
    const odd = [{ firstName: 'A', lastName: 'B', birthDate: written }];
    assert.throws(() => hospes.normalizeClient(client({ companions: odd }), 'FR', now), code('input.invalid'), written);
  }
  assert.throws(() => hospes.normalizeClient(client(), 'FR', '+275760-09-13T00:00:00Z'), code('input.invalid'));
});

test('odd unicode is answered, never crashes', () => {
  for (const name of ['\uDCFF', 'Zo\u200Be', 'Ｍａｒｔｉｎ', '\u0000']) {
    try {
      assert.equal(hospes.normalizeClient(client({ lastName: name }), 'FR', now).lastName, name);
    } catch (err) {
      assert.ok(err instanceof hospes.HospesError, String(err));
      assert.equal(err.code, 'input.invalid');
    }
  }
});

test('too many arguments is a TypeError', () => {
  assert.throws(() => hospes.roundMoney({ amount: '1', currency: 'EUR' }, 'extra'), TypeError);
});

test('an object containing itself is refused, not a RangeError', () => {
  const looped = { amount: '1', currency: 'EUR' };
  looped.self = looped;
  assert.throws(() => hospes.roundMoney(looped), (e) => e.code === 'input.cyclic' && e.message.includes('$.money.self'));
});

test('ten thousand levels are refused at the thirty-third', () => {
  const deep = {};
  let inner = deep;
  for (let i = 0; i < 10_000; i++) inner = inner.a = {};
  assert.throws(() => hospes.roundMoney(deep), (e) => e.code === 'input.too_deep' && e.message.split('.a').length - 1 === 31);
});

test('a Date, a Buffer or an array is not text', () => {
  for (const [value, received] of [[new Date('2026-02-28'), 'Date'], [Buffer.from('x'), 'Buffer'], [['x'], 'Array']]) {
    assert.throws(
      () => hospes.registerAccount(null, null, 'marie@example.fr', value, now),
      (e) => e.code === 'input.wrong_type' && e.message === `$.password: expected text, received ${received}.`,
    );
  }
});

test('a field given twice, as camelCase and snake_case, is refused, not one of them kept', () => {
  assert.throws(
    () => hospes.normalizeClient(client({ last_name: 'Dupont' }), 'FR', now),
    (e) => e.code === 'input.invalid' && e.message.includes('$.client') && e.message.includes('duplicate field `last_name`'),
  );
});

test('a __proto__ key is refused as an unknown field, not dropped', () => {
  const hostile = JSON.parse('{"__proto__": {"isAdmin": true}, "id": "C-1", "lastName": "Martin", "createdAt": "2026-01-01T00:00:00Z"}');
  assert.throws(
    () => hospes.normalizeClient(hostile, 'FR', now),
    (e) => e.code === 'input.invalid' && e.message.includes('__proto__'),
  );
  assert.deepEqual(hospes.toWire(hostile).__proto__, { is_admin: true });
  assert.equal(Object.getPrototypeOf(hospes.toWire(hostile)), Object.prototype);
});

test('texts with quotes, backslashes, control and astral characters cross unchanged', () => {
  for (const text of ['O"Brien', 'back\\slash', 'tab\there', 'line\nbreak', '\u2028\u2029', 'émoji 🏕️', 'déjà "vu" \\ \u007f']) {
    assert.equal(hospes.toWire({ lastName: text }).last_name, text);
  }
  for (const lastName of ['O"Brien', 'back\\slash', 'Zoé "la" \\ 🏕️']) {
    assert.equal(hospes.normalizeClient(client({ lastName }), 'FR', now).lastName, lastName);
  }
});
