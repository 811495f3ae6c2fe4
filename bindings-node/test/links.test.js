'use strict';
// Secret links from Node: issued, verified, revoked — and garbage refused, never crashed.
const test = require('node:test');
const assert = require('node:assert/strict');
const hospes = require('..');

const now = '2026-06-01T10:00:00Z';
const camping = {
  id: 'camping-des-pins', name: 'Camping des Pins', currency: 'EUR', timeZone: 'Europe/Paris',
  portalBaseUrl: 'https://portail.camping-des-pins.fr/',
};
const keyring = { activeKey: hospes.generateLinkKey() };
const version = (n) => ({ kind: 'link_version', linkVersion: n });
const portalLink = () =>
  hospes.issueLink(keyring, camping, { purpose: 'portal', clientId: 'C-1042', state: version(0), expiresAt: '2026-07-01T10:00:00Z' }, now);

test('a portal link round trips', () => {
  const link = portalLink();
  assert.ok(link.url.startsWith('https://portail.camping-des-pins.fr/?t=v4.local.'));
  assert.deepEqual(hospes.inspectLink(link.token), { clientId: 'C-1042', purpose: 'portal', subject: null });
  const claims = hospes.verifyLink(keyring, camping, link.token, 'portal', version(0), new Date(now));
  assert.equal(claims.expiresAt, '2026-07-01T10:00:00Z');
});

test('bumping the link version revokes the link', () => {
  assert.throws(() => hospes.verifyLink(keyring, camping, portalLink().token, 'portal', version(1), now), (e) => e.code === 'link.invalid');
});

test('an expired link says so', () => {
  assert.throws(
    () => hospes.verifyLink(keyring, camping, portalLink().token, 'portal', version(0), '2026-07-01T10:00:00Z'),
    (e) => e.code === 'link.expired' && e.messageIn('fr').startsWith('Ce lien a expiré'),
  );
});

test('odd tokens are refused with an ordinary error, never an abort', () => {
  const token = portalLink().token;
  for (const odd of [
    token.slice(0, 30) + '\u200B' + token.slice(30),
    token.replace('v4', 'ｖ4'),
    token.slice(0, 30) + '\uDCFF' + token.slice(30),
    `${token}=`,
    token.repeat(10000),
    '',
  ]) {
    assert.throws(
      () => hospes.verifyLink(keyring, camping, odd, 'portal', version(0), now),
      (e) => e instanceof hospes.HospesError && ['link.invalid', 'input.invalid', 'input.too_large'].includes(e.code),
    );
  }
  assert.throws(() => hospes.verifyLink(keyring, camping, 42, 'portal', version(0), now), (e) => e.code === 'input.wrong_type');
});

test('a Keyring object issues links that verifyLink accepts, and verifies theirs', () => {
  const ring = new hospes.Keyring(keyring);
  const link = ring.issue(camping, { purpose: 'portal', clientId: 'C-1042', state: version(0), expiresAt: '2026-07-01T10:00:00Z' }, now);
  assert.equal(hospes.verifyLink(keyring, camping, link.token, 'portal', version(0), now).tokenId, link.tokenId);
  const claims = ring.verify(camping, portalLink().token, 'portal', version(0), new Date(now));
  assert.equal(claims.clientId, 'C-1042');
  assert.equal(claims.issuedAt, now);
});

test('a Keyring object never shows its keys', () => {
  const ring = new hospes.Keyring(keyring);
  const shown = require('node:util').inspect(ring, { showHidden: true, depth: 5 }) + JSON.stringify(ring);
  assert.ok(!shown.includes(keyring.activeKey.slice(9)));
  assert.throws(() => new hospes.Keyring({ activeKey: 'k4.local.c2VjcmV0' }), (e) => e.code === 'link.key_invalid' && !e.message.includes('c2VjcmV0'));
});

test('a Keyring config that cannot be encoded names the bad value', () => {
  assert.throws(() => new hospes.Keyring({ activeKey: 1.5 }), (e) => e.code === 'input.wrong_type' && e.message.includes('activeKey'));
});

test('the QR code of a space link is a compact SVG', () => {
  const { url } = hospes.issueLink(keyring, camping, { purpose: 'portal', clientId: 'C-1042', state: version(0), permanent: true }, now);
  const svg = hospes.linkQrSvg(url);
  assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 85 85" shape-rendering="crispEdges">'));
  assert.equal(svg.match(/<path /g).length, 1);
  assert.equal(svg, hospes.linkQrSvg(url));
  // Every run of dark modules inside the quiet zone of four modules.
  const runs = [...svg.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)].map((m) => m.slice(1, 4).map(Number));
  assert.ok(runs.length > 1000);
  assert.ok(runs.every(([x, y, w]) => x >= 4 && y >= 4 && y < 81 && x + w <= 81));
});

test('a text no QR code holds is refused with a typed error', () => {
  for (const [text, code] of [
    ['', 'link.qr_invalid'],
    ['https://x.fr/\nhttps://evil.example/', 'link.qr_invalid'],
    [`https://x.fr/?t=${'a'.repeat(2400)}`, 'link.qr_too_long'],
  ]) {
    assert.throws(() => hospes.linkQrSvg(text), (e) => e instanceof hospes.HospesError && e.code === code);
  }
  assert.throws(() => hospes.linkQrSvg(`https://x.fr/?t=${'a'.repeat(2400)}`), (e) => /2416/.test(e.message) && /2331/.test(e.message));
});

test('a link whose record is gone is invalid, and an expired one names its client in fields', () => {
  const ring = new hospes.Keyring(keyring);
  const link = portalLink();
  assert.throws(() => ring.verify(camping, link.token, 'portal', null, now),
    (e) => e.code === 'link.invalid' && Object.keys(e.fields).length === 0);
  assert.throws(() => ring.verify(camping, link.token, 'portal', version(0), '2026-08-01T00:00:00Z'),
    (e) => e.code === 'link.expired' && e.fields.clientId === 'C-1042' && e.fields.purpose === 'portal'
      && e.fields.subject === null);
});

test('a mail tag unknown names its line and column in fields', () => {
  const template = { name: 't', versions: [{ locale: 'fr', subject: 's', html: 'Bonjour\n  [DATE_ARIVEE]' }] };
  assert.throws(() => hospes.checkMail(template),
    (e) => e.code === 'mail.tag_unknown' && e.fields.line === 2 && e.fields.column === 3);
});
