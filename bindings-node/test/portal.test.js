'use strict';
// The client space from Node: a guest sees only her own records.
const test = require('node:test');
const assert = require('node:assert/strict');
const hospes = require('..');

const marie = { id: 'C-1', lastName: 'Dupont', firstName: 'Marie', createdAt: '2026-01-01T00:00:00Z' };
const stay = (reference, clientId) => ({
  reference, clientId, accommodation: 'Chalet', arrival: '2026-07-01', departure: '2026-07-08', status: 'confirmed', currency: 'EUR',
});

test('a guest sees her stays and never another client\'s', () => {
  const access = hospes.portalAccessFromLogin({ clientId: 'C-1', upgradedHash: null });
  const stays = [stay('1', 'C-1'), stay('2', 'C-2')];
  assert.deepEqual(hospes.portalHistory(access, marie, stays, '2026-06-01').upcoming.map((s) => s.reference), ['1']);
  assert.throws(() => hospes.portalStay(access, marie, stays, '2'), (e) => e.code === 'portal.not_found');
});
