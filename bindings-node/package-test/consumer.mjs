// An ES module host of the installed package (`make package-test`): `import` gives the very
// objects `require` does, under every name.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import hospes, { addMoney, HospesError, normalizeClient } from 'hospes';
import * as namespace from 'hospes';

const cjs = createRequire(import.meta.url)('hospes');
assert.equal(hospes, cjs);
const missing = Object.keys(cjs).filter((name) => namespace[name] !== cjs[name]);
assert.deepEqual(missing, [], 'every export of require(\'hospes\') is a named export of the ES module');
assert.deepEqual(addMoney({ amount: '0.10', currency: 'EUR' }, { amount: '0.20', currency: 'EUR' }), { amount: '0.30', currency: 'EUR' });
assert.throws(
  () => normalizeClient({ id: 'C-1', lastName: 'Dupont', email: 'not an address', createdAt: '2026-01-15T09:30:00Z' }, 'FR', new Date()),
  (err) => err instanceof HospesError && err instanceof cjs.HospesError && err.code === 'client.email_invalid',
);
console.log(`ES module: ${Object.keys(cjs).length} exports, the same objects as CommonJS`);
