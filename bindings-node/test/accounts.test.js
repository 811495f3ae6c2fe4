'use strict';
// Portal accounts from Node: register, log in, no enumeration, throttle.
const test = require('node:test');
const assert = require('node:assert/strict');
const hospes = require('..');

const now = '2026-06-01T10:00:00Z';
const client = { id: 'C-7', lastName: 'Martin', email: 'paul.martin@example.fr', createdAt: '2026-01-01T00:00:00Z' };
const password = 'my dog is called Filou';

test('an account is created only for an address on file, and logs in once verified', () => {
  assert.deepEqual(hospes.registerAccount(null, null, 'nobody@example.fr', password, now), { account: null, events: [] });
  const { account } = hospes.registerAccount(client, null, client.email, password, now);
  assert.equal(account.clientId, 'C-7');
  assert.throws(() => hospes.login(account, client.email, password, {}, now), (e) => e.code === 'account.not_verified');
  const verified = { ...account, verified: true };
  assert.deepEqual(hospes.login(verified, client.email, password, {}, now), { clientId: 'C-7', upgradedHash: null });
  const unknown = (() => { try { hospes.login(null, 'nobody@example.fr', password, {}, now); } catch (e) { return e; } })();
  const wrong = (() => { try { hospes.login(verified, client.email, 'not the password', {}, now); } catch (e) { return e; } })();
  assert.equal(unknown.code, 'account.login_failed');
  assert.deepEqual([unknown.code, unknown.messages], [wrong.code, wrong.messages]);
});

test('the throttle slows repeated failures', () => {
  let throttle = {};
  for (let i = 0; i < 7; i++) throttle = hospes.recordLoginFailure(throttle, now);
  assert.equal(hospes.loginWaitSeconds(throttle, now), 8);
  assert.throws(() => hospes.login(null, client.email, password, throttle, now), (e) => e.code === 'account.throttled');
});

test('a short password is refused in the guest language', () => {
  assert.throws(
    () => hospes.registerAccount(client, null, client.email, 'short', now),
    (e) => e.code === 'account.password_too_short' && e.messageIn('es').includes('10'),
  );
});
