'use strict';
// Documents from Node: a PDF is a Buffer handed over from Rust, not base64 decoded here.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const hospes = require('..');
const native = require('../hospes.node');

const invoice = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'core', 'tests', 'data', 'invoice.json'), 'utf8'));

test('an invoice PDF comes from Rust as a Buffer, the same as the envelope\'s base64', () => {
  const pdf = hospes.invoicePdf(hospes.fromWire(invoice));
  const envelope = JSON.parse(native.call('pdf.invoice', JSON.stringify({ invoice })));
  assert.ok(Buffer.isBuffer(pdf));
  assert.ok(pdf.equals(Buffer.from(envelope.ok, 'base64')));
  assert.equal(pdf.subarray(0, 8).toString('latin1'), '%PDF-1.7');
});

test('an invoice that cannot be printed throws a HospesError, not a Buffer', () => {
  const broken = { ...hospes.fromWire(invoice), lines: 'twenty' };
  assert.throws(
    () => hospes.invoicePdf(broken),
    (err) => err instanceof hospes.HospesError && err.code === 'input.wrong_type' && /lines/.test(err.message),
  );
});

test('the client\'s space link is printed as a QR code only when given, and never echoed when refused', () => {
  const url = 'https://portail.camping-des-pins.fr/?t=v4.local.abc';
  const withLink = hospes.invoicePdf(hospes.fromWire(invoice), null, null, url);
  assert.ok(withLink.equals(hospes.invoicePdf(hospes.fromWire(invoice), null, null, url)));
  assert.ok(!withLink.equals(hospes.invoicePdf(hospes.fromWire(invoice))));
  assert.throws(
    () => hospes.invoicePdf(hospes.fromWire(invoice), null, null, 'javascript:alert("secret")'),
    (err) => err.code === 'link.qr_invalid' && !err.message.includes('secret'),
  );
});
