'use strict';
// Link tokens from Node: hospes against jose JWE (dir, A256GCM), same claims.
// Run by `make bench` against a release build, with jose installed beside it.
const crypto = require('node:crypto');
const hospes = require('..');

const now = '2026-06-01T10:00:00Z';
const camping = {
  id: 'camping-des-pins', name: 'Camping des Pins', currency: 'EUR', timeZone: 'Europe/Paris',
  portalBaseUrl: 'https://portail.camping-des-pins.fr/',
};
const keyring = { activeKey: hospes.generateLinkKey() };
const state = { kind: 'document', sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', status: 'sent' };
const request = { purpose: 'quote', clientId: 'C-1042', subject: 'Q-2026-0312', state, expiresAt: '2026-06-15T10:00:00Z' };
const token = hospes.issueLink(keyring, camping, request, now).token;
const ring = new hospes.Keyring(keyring);

// Synchronous calls (hospes) are timed without an await per call; promises (jose) with one.
async function bench(name, call, n = 5000) {
  const sync = !(call() instanceof Promise);
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const start = process.hrtime.bigint();
    if (sync) for (let i = 0; i < n; i++) call();
    else for (let i = 0; i < n; i++) await call();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / n / 1000);
  }
  console.log(`node   ${name.padEnd(22)} ${best.toFixed(2).padStart(8)} µs/call`);
  return best;
}

(async () => {
  const jose = await import('jose');
  const key = crypto.randomBytes(32);
  const claims = { cid: 'C-1042', pur: 'quote', sub: 'Q-2026-0312', jti: '5d8e435ae1637f7747d88b5379e97f4e', exp: 1781517600 };
  const encode = () => new jose.CompactEncrypt(new TextEncoder().encode(JSON.stringify(claims)))
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(key);
  const jwe = await encode();
  await bench('hospes issueLink', () => hospes.issueLink(keyring, camping, request, now));
  await bench('hospes verifyLink', () => hospes.verifyLink(keyring, camping, token, 'quote', state, now));
  await bench('hospes Keyring.issue', () => ring.issue(camping, request, now));
  const verify = await bench('hospes Keyring.verify', () => ring.verify(camping, token, 'quote', state, now));
  await bench('jose JWE encrypt', encode);
  const decrypt = await bench('jose JWE decrypt', () => jose.compactDecrypt(jwe, key));
  console.log(`node   verify: hospes Keyring ${verify.toFixed(2)} µs (goal ≤ 7 µs) is ${(decrypt / verify).toFixed(1)}× jose JWE decrypt (goal ≥ 10×)`);
})();
