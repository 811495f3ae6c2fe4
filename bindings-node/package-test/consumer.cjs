'use strict';
// A CommonJS host of the installed package (`make package-test`): the addon comes from the
// platform package, a call answers, a refusal is a HospesError with its stable code.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const hospes = require('hospes');

const installed = path.dirname(require.resolve('hospes/package.json'));
assert.deepEqual(fs.readdirSync(installed).filter((f) => f.endsWith('.node')), [], 'the main package carries no binary');
const platform = require.resolve(`hospes-${process.platform}-${process.arch}-gnu`);
assert.match(path.basename(platform), /^hospes\.linux-x64-gnu\.node$/);

const sum = hospes.addMoney({ amount: '1.10', currency: 'EUR' }, { amount: '2.20', currency: 'EUR' });
assert.deepEqual(sum, { amount: '3.30', currency: 'EUR' });
const client = hospes.normalizeClient({ id: 'C-1042', lastName: 'Dupont', email: 'Marie.Dupont@Example.FR', createdAt: '2026-01-15T09:30:00Z' }, 'FR', new Date());
assert.equal(client.lastName, 'Dupont');
assert.throws(
  () => hospes.normalizeClient({ id: 'C-1', lastName: 'Dupont', email: 'not an address', createdAt: '2026-01-15T09:30:00Z' }, 'FR', new Date()),
  (err) => err instanceof hospes.HospesError && err.code === 'client.email_invalid',
);
console.log(`CommonJS: hospes ${require('hospes/package.json').version} from ${path.relative(process.cwd(), platform)}`);
