'use strict';
// The shared conformance vectors, run through the camelCase API: inputs are converted to
// camelCase properties, passed positionally in the operation's argument order, and the result
// is written back to the wire form and compared exactly.
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const hospes = require('..');

const dir = path.join(__dirname, '..', '..', 'tests', 'vectors');
const vectors = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .flatMap((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')).vectors.map((v) => ({ file: f, ...v })));
const argNames = Object.fromEntries(hospes.schema.operations.map((op) => [op.name, Object.keys(op.args.properties || {})]));

for (const vector of vectors) {
  test(`${vector.file}: ${vector.name}`, () => {
    const fn = hospes.operations[vector.op];
    const args = argNames[vector.op].map((name) => hospes.fromWire(vector.input[name]));
    if (vector.error) {
      assert.throws(() => fn(...args), (err) => err instanceof hospes.HospesError && err.code === vector.error);
    } else if (vector.expect_prefix) {
      assert.ok(fn(...args).startsWith(vector.expect_prefix));
    } else if (vector.expect_sha256) {
      // A file (PDF, XLSX, CSV, FEC) comes as a Buffer; its hash is the check.
      const file = fn(...args);
      assert.ok(Buffer.isBuffer(file) && file.length > 0);
      assert.equal(crypto.createHash('sha256').update(file).digest('hex'), vector.expect_sha256);
    } else if (vector.expect_text_sha256) {
      // A text document (the e-invoice XML) comes as a string; the hash of its UTF-8 is the check.
      const text = fn(...args);
      assert.ok(typeof text === 'string' && text.length > 0);
      assert.equal(crypto.createHash('sha256').update(text, 'utf8').digest('hex'), vector.expect_text_sha256);
    } else {
      assert.deepStrictEqual(hospes.toWire(fn(...args)), vector.expect);
    }
  });
}

// hospes.Keyring answers every link vector exactly as issueLink/verifyLink do.
for (const vector of vectors.filter((v) => v.op === 'link.issue' || v.op === 'link.verify')) {
  test(`${vector.file}: ${vector.name} (through a Keyring object)`, () => {
    const [config, ...args] = argNames[vector.op].map((name) => hospes.fromWire(vector.input[name]));
    const run = () => {
      const ring = new hospes.Keyring(config);
      return vector.op === 'link.issue' ? ring.issue(...args) : ring.verify(...args);
    };
    if (vector.error) {
      assert.throws(run, (err) => err instanceof hospes.HospesError && err.code === vector.error);
    } else {
      assert.deepStrictEqual(hospes.toWire(run()), vector.expect);
    }
  });
}

// hospes.Pricer answers every pricing, grid and quote-making vector as priceStay/priceGrid/createQuote do.
const held = { 'pricing.price': 'price', 'pricing.grid': 'grid', 'quote.create': 'createQuote' };
for (const vector of vectors.filter((v) => v.op in held)) {
  test(`${vector.file}: ${vector.name} (through a Pricer object)`, () => {
    const args = argNames[vector.op].filter((n) => n !== 'catalogue').map((name) => hospes.fromWire(vector.input[name]));
    const pricer = new hospes.Pricer(hospes.fromWire(vector.input.catalogue));
    const run = () => pricer[held[vector.op]](...args);
    if (vector.error) {
      assert.throws(run, (err) => err instanceof hospes.HospesError && err.code === vector.error);
    } else {
      assert.deepStrictEqual(hospes.toWire(run()), vector.expect);
    }
  });
}

test('every operation has a vector', () => {
  const covered = new Set(vectors.map((v) => v.op));
  assert.deepStrictEqual(Object.keys(hospes.operations).filter((op) => !covered.has(op)), []);
});
