'use strict';
// The client record from Node, in the words of a PMS's client register.
const test = require('node:test');
const assert = require('node:assert/strict');
const hospes = require('..');

const now = new Date('2026-06-01T10:00:00Z');
const marie = (changes = {}) => ({
  id: 'C-1042',
  civility: 'mrs',
  lastName: 'Dupont',
  firstName: 'Marie',
  address: { lines: ['3 rue des Lilas'], postcode: '69003', city: 'Lyon', country: 'FR' },
  email: 'marie.dupont@example.fr',
  mobile: '+33612345678',
  createdAt: '2026-01-15T09:30:00Z',
  ...changes,
});

test('a normalised client comes back with camelCase properties', () => {
  const client = hospes.normalizeClient(marie({ mobile: '06 12 34 56 78', licencePlates: ['ab-123-cd'] }), 'FR', now);
  assert.equal(client.mobile, '+33612345678');
  assert.deepEqual(client.licencePlates, ['AB-123-CD']);
  assert.equal(client.createdAt, '2026-01-15T09:30:00Z');
  assert.equal('last_name' in client, false);
});

test('the guest corrects their city and the establishment receives the diff', () => {
  const stored = hospes.normalizeClient(marie(), 'FR', now);
  const form = { ...stored, address: { ...stored.address, city: 'Villeurbanne', postcode: '69100' } };
  for (const key of ['id', 'notes', 'kind', 'createdAt', 'linkVersion', 'companions', 'pets']) delete form[key];
  const out = hospes.applyGuestUpdate(stored, form, { locked: ['email'] }, 'FR', now);
  assert.equal(out.events.length, 1);
  assert.equal(out.events[0].type, 'client_info_updated');
  assert.deepEqual(out.events[0].changes, [
    { field: 'address', before: '3 rue des Lilas, 69003 Lyon, FR', after: '3 rue des Lilas, 69100 Villeurbanne, FR' },
  ]);
});

test('a locked field is refused with a stable code and three languages', () => {
  const stored = hospes.normalizeClient(marie(), 'FR', now);
  assert.throws(
    () => hospes.applyGuestUpdate(stored, { lastName: 'Dupont', email: 'x@autre.fr' }, { locked: ['email'] }, 'FR', now),
    (err) =>
      err instanceof hospes.HospesError &&
      err instanceof Error &&
      err.code === 'client.field_locked' &&
      err.family === 'client' &&
      err.messageIn('fr') === 'Le champ « email » ne peut pas être modifié par le client.',
  );
});

test('amounts stay decimal strings', () => {
  const total = hospes.addMoney({ amount: '10.10', currency: 'EUR' }, { amount: '0.20', currency: 'EUR' });
  assert.deepEqual(total, { amount: '10.30', currency: 'EUR' });
});

test('the VAT table of a stay', () => {
  const totals = hospes.stayTotals({
    reference: '312',
    clientId: 'C-1042',
    accommodation: 'Emplacement',
    arrival: '2026-07-11',
    departure: '2026-07-25',
    status: 'confirmed',
    currency: 'EUR',
    lines: [
      { label: 'Emplacement', quantity: '14', unitPrice: { amount: '32.40', currency: 'EUR' }, vatRate: '10' },
      { label: 'Électricité', kind: 'supplement', quantity: '14', unitPrice: { amount: '4.90', currency: 'EUR' }, vatRate: '20' },
    ],
  });
  assert.deepEqual(totals.vat.totalInclVat, { amount: '522.20', currency: 'EUR' });
});

test('a booking form lists the options described in the guest’s language', () => {
  const catalogue = JSON.parse(require('node:fs').readFileSync(require('node:path').join(__dirname, '../../core/tests/data/catalogue.json'), 'utf8'));
  const request = { unit: 'MH3', arrival: '2026-06-10', departure: '2026-06-13', guests: [{}, {}], locale: 'en' };
  const offers = hospes.offeredOptions(catalogue, request, new Date('2026-06-09T08:00:00Z'));
  const dog = offers.find((o) => o.id === 'dog');
  assert.equal(dog.description, 'Dogs on a lead, with an up-to-date vaccination record.');
  assert.deepEqual(dog.amount, { amount: '10.50', currency: 'EUR' });
  const linen = offers.find((o) => o.id === 'linen');
  assert.equal(linen.available, false);
  assert.equal(linen.unavailableReason, 'within_days');
  assert.equal(offers.some((o) => o.id === 'electricity'), false);
});

test('a stay keeps its origin and the business notes, trimmed', () => {
  const stay = hospes.normalizeStay({
    reference: '312', clientId: 'C-1', accommodation: 'Pitch', arrival: '2026-07-11', departure: '2026-07-18',
    status: 'confirmed', currency: 'EUR', origin: 'walk_in', businessNotes: ' Client fidèle. ',
  }, '2026-06-01');
  assert.equal(stay.origin, 'walk_in');
  assert.equal(stay.businessNotes, 'Client fidèle.');
});
