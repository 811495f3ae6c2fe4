'use strict';
// The client register from Node: held, kept current, searched, exported.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const hospes = require('..');

const NOW = new Date('2026-07-14T08:00:00Z');
const CONFIG = { currency: 'EUR', timeZone: 'Europe/Paris' };
const client = (i, lastName = 'Dupont', more = {}) => ({ client: { id: `C-${i}`, lastName, createdAt: NOW, ...more } });

test('a register is loaded in batches and searched without accents or case', () => {
  const register = new hospes.Register(CONFIG);
  for (let start = 0; start < 3000; start += 1000) {
    const batch = Array.from({ length: 1000 }, (_, k) => client(start + k, (start + k) % 3 === 0 ? 'Lefèvre' : 'Martin'));
    assert.equal(register.upsert(batch), 1000);
  }
  assert.equal(register.size, 3000);
  const page = register.search({ text: 'LEFEV', presentOnly: false, pageSize: 10 }, NOW);
  assert.equal(page.total, 1000);
  assert.equal(page.rows.length, 10);
  assert.equal(page.rows[0].createdOn, '2026-07-14');
});

test('by default only the clients present today are shown', () => {
  const stays = [{ reference: '1', arrival: '2026-07-10', departure: '2026-07-20', status: 'cancelled' }];
  const register = new hospes.Register(CONFIG, [{ ...client(1), stays }, client(2)]);
  assert.deepEqual(register.search({}, NOW).rows.map((r) => r.clientId), ['C-1']);
});

test('a short fragment, a bad entry and bad ids are coded errors', () => {
  const register = new hospes.Register(CONFIG, [client(1)]);
  assert.throws(() => register.search({ text: 'du' }, NOW), { code: 'register.query_too_short' });
  assert.throws(() => register.upsert([{ client: 'C-2' }]), { code: 'input.wrong_type' });
  assert.throws(() => register.remove([3]), { code: 'input.wrong_type' });
  assert.throws(() => register.exportTo({}, NOW, [], {}, 42), { code: 'input.wrong_type' });
  assert.equal(register.size, 1);
});

test('an export streams to a file; a missing folder is export.write_failed', () => {
  const register = new hospes.Register(CONFIG, Array.from({ length: 20 }, (_, i) => client(i, 'Núñez', { notes: 'secret' })));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hospes-register-'));
  const file = path.join(dir, 'clients.csv');
  assert.equal(register.exportTo({ presentOnly: false }, NOW, ['last_name', 'created_on'], { format: 'csv', locale: 'en' }, file), 20);
  const text = fs.readFileSync(file, 'utf8');
  assert.ok(text.startsWith('\ufeffLast name;Client since\r\n'), text.slice(0, 40));
  assert.ok(!text.includes('secret'));
  const xlsx = register.export({ presentOnly: false }, NOW, [], { format: 'xlsx' });
  assert.equal(xlsx.subarray(0, 2).toString(), 'PK');
  assert.throws(() => register.exportTo({}, NOW, [], {}, path.join(dir, 'missing', 'x.csv')), { code: 'export.write_failed' });
  fs.rmSync(dir, { recursive: true });
});

test('labels print the selection', () => {
  const register = new hospes.Register(CONFIG, [client(1, 'Dupont', { address: { lines: ['1 rue'], city: 'Lyon', country: 'FR' } })]);
  const pdf = register.labels({ presentOnly: false }, NOW, 'a4_2x7', 'FR', 'fr', 0);
  assert.equal(pdf.subarray(0, 4).toString(), '%PDF');
});

test('a client who was invoiced cannot be deleted', () => {
  const data = JSON.parse(fs.readFileSync(path.join(__dirname, '../../core/tests/data/invoicing.json'), 'utf8'));
  const invoice = hospes.fromWire(data.deposit_invoice);
  const marie = hospes.fromWire(data.client);
  assert.throws(() => hospes.clientDeletionCheck(marie, [invoice], [], []), { code: 'client.invoiced' });
  const figures = hospes.invoiceFigures(invoice, []);
  const register = new hospes.Register(CONFIG, [{ client: marie, invoices: [figures] }]);
  assert.equal(register.row(marie.id, NOW).revenueExclVat.amount, figures.revenueExclVat.amount);
});
