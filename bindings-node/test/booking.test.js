'use strict';
// A booking taken by phone and changes to a confirmed stay, from Node: priced and confirmed
// without a quote; moved, with a credit note and a new invoice — never an edit.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const hospes = require('..');

const ROOT = path.join(__dirname, '..', '..');
const catalogue = JSON.parse(fs.readFileSync(path.join(ROOT, 'core', 'tests', 'data', 'catalogue.json'), 'utf8'));
const data = JSON.parse(fs.readFileSync(path.join(ROOT, 'core', 'tests', 'data', 'invoicing.json'), 'utf8'));
const MARCH = new Date('2026-03-01T10:00:00Z');
const JUNE = new Date('2026-06-05T09:00:00Z');
const FA = 'FA{yy}{mm}{seq:04}';
const AV = 'AV{yy}{mm}{seq:04}';

const week = (arrival, departure, options = []) => ({
  unit: 'MH3', arrival, departure, guests: [{}, {}], supplements: options.map((id) => ({ id })),
});
const phoneCall = (request) => ({ clientId: 'C-1042', stayReference: '312', request, origin: 'phone' });

function issued(kind, stay, previous, date, last, amount = null) {
  const draft = hospes.draftInvoice({
    kind, establishment: hospes.fromWire(data.establishment), client: hospes.fromWire(data.client),
    stay, amount, previous, dueDate: date,
  });
  return hospes.issueInvoice(draft, { pattern: FA, last }, date, new Date(`${date}T10:00:00Z`)).invoice;
}

function paidStay() {
  const booked = hospes.bookStay(catalogue, phoneCall(week('2026-07-11', '2026-07-18')), MARCH);
  const deposit = issued('deposit', booked.stay, [], '2026-03-01', 'FA26030041', booked.priced.schedule[0].amount);
  const balance = issued('balance', booked.stay, [deposit], '2026-06-01', 'FA26050007');
  const payments = [[deposit, 'pay_5Kx'], [balance, 'vir-0601']].map(([invoice, key]) => ({
    key, invoiceNumber: invoice.number, amount: invoice.totals.vat.totalInclVat, method: 'bank_transfer',
    receivedAt: JUNE,
  }));
  return { stay: booked.stay, invoices: [deposit, balance], payments };
}

test('a booking taken by phone is confirmed without a quote', () => {
  const booked = hospes.bookStay(catalogue, phoneCall(week('2026-07-11', '2026-07-18')), MARCH);
  assert.equal(booked.stay.status, 'confirmed');
  assert.equal(booked.stay.origin, 'phone');
  assert.deepEqual(booked.events.map((e) => e.type), ['stay_confirmed']);
  assert.equal(booked.priced.totals.vat.totalInclVat.amount, '992.32');
});

test('moving a stay\'s dates cancels its balance invoice by a credit note and issues a new one', () => {
  const { stay, invoices, payments } = paidStay();
  const later = week('2026-07-18', '2026-07-25');
  const shown = hospes.previewAmendment(stay, catalogue, later, null, invoices, payments, JUNE);
  assert.deepEqual(shown.documents.map((d) => d.kind), ['credit_note', 'balance']);
  const done = hospes.amendStay(stay, catalogue, later, null, invoices, payments, {
    shownTotal: shown.total, invoiceSeries: { pattern: FA, last: 'FA26060003' }, creditNoteSeries: { pattern: AV },
  }, JUNE);
  assert.equal(done.creditNotes[0].creditedInvoice, invoices[1].number);
  assert.equal(done.invoices[0].status, 'paid');
  // Money paid on the cancelled invoice is carried to the new one: nothing is paid twice.
  const documents = [invoices[0], ...done.cancelledInvoices, ...done.creditNotes, ...done.invoices];
  const balance = hospes.stayBalance('EUR', documents, [...payments, ...done.carriedPayments]);
  assert.equal(balance.paid.amount, '992.32');
  assert.equal(balance.due.amount, '0.00');
});

test('the amount shown before confirming must be the amount confirmed', () => {
  const { stay, invoices, payments } = paidStay();
  assert.throws(
    () => hospes.amendStay(stay, catalogue, week('2026-07-11', '2026-07-18', ['cleaning']), null, invoices, payments, {
      shownTotal: { amount: '992.32', currency: 'EUR' }, invoiceSeries: { pattern: FA }, creditNoteSeries: { pattern: AV },
    }, JUNE),
    (err) => err instanceof hospes.HospesError && err.code === 'stay.amendment_changed',
  );
});
