'use strict';
// Signing what the guest reads, from Node: the PDF shown is the PDF signed and kept.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const hospes = require('..');

const DOCS = hospes.fromWire(JSON.parse(fs.readFileSync(path.join(__dirname, '../../core/tests/data/documents.json'), 'utf8')));
const { client, contract } = DOCS;
const access = { clientId: client.id, purpose: null, subject: null };
const NOW = new Date('2026-03-02T18:00:00Z');
const request = (documentSha256, more = {}) => ({
  documentSha256, signerName: 'Łukasz Żółć', consentText: 'J’ai lu et j’accepte le contrat.', ip: '203.0.113.7', ...more,
});

test('the signed PDF is the PDF shown, byte for byte, and it verifies', () => {
  const shown = hospes.portalContractDocument(access, client, contract, null, null);
  assert.ok(Buffer.isBuffer(shown.pdf) || shown.pdf instanceof Uint8Array || typeof shown.pdf === 'string');
  const signed = hospes.portalSignContract(access, client, contract, request(shown.sha256), null, NOW);
  assert.deepEqual(signed.copy.document, shown.pdf);
  assert.notDeepEqual(signed.copy.evidence, signed.copy.document);
  const { signature } = signed.signed.contract;
  assert.equal(signature.documentSha256, shown.sha256);
  hospes.verifySignature(signature, signed.copy.document);
});

test('one byte changed in the kept PDF fails verification', () => {
  const shown = hospes.portalContractDocument(access, client, contract, null, null);
  const signed = hospes.portalSignContract(access, client, contract, request(shown.sha256), null, NOW);
  const kept = Buffer.from(signed.copy.document, typeof signed.copy.document === 'string' ? 'base64' : undefined);
  kept[kept.length - 100] ^= 0x20;
  assert.throws(() => hospes.verifySignature(signed.signed.contract.signature, kept),
    (err) => err.code === 'evidence.document_altered');
});
