'use strict';
// Cost of a call from Node, per operation, with the same inputs as core/benches/core.rs.
// Run by `make bench` against a release build: node bench/calls.js
const hospes = require('..');

const eur = (amount) => ({ amount, currency: 'EUR' });
const client = {
  id: 'C-1042', civility: 'mrs', lastName: 'Dupont', firstName: 'Marie',
  address: { lines: ['3 rue des Lilas'], postcode: '69003', city: 'Lyon', country: 'FR' },
  email: 'Marie.Dupont@Example.FR', mobile: '06 12 34 56 78', licencePlates: ['ab-123-cd'],
  createdAt: '2026-01-15T09:30:00Z',
  companions: [{ firstName: 'Paul', lastName: 'Dupont', birthDate: '1985-03-02' }],
};
const stay = {
  reference: '312', clientId: 'C-1042', accommodation: 'Emplacement', arrival: '2026-07-11',
  departure: '2026-07-25', status: 'confirmed', currency: 'EUR',
  lines: [
    { label: 'Emplacement', quantity: '14', unitPrice: eur('32.40'), vatRate: '10' },
    { label: 'Électricité', kind: 'supplement', quantity: '14', unitPrice: eur('4.90'), vatRate: '20' },
    { label: 'Animal', kind: 'supplement', quantity: '14', unitPrice: eur('3.00'), vatRate: '10' },
    { label: 'Taxe de séjour', kind: 'tourist_tax', quantity: '56', unitPrice: eur('0.66'), vatRate: '0' },
  ],
};
// The pricing case of core/benches/core.rs (run from the repository root, as `make bench` does).
const catalogue = hospes.fromWire(JSON.parse(require('node:fs').readFileSync('core/tests/data/catalogue.json', 'utf8')));
const request = {
  unit: 'E12', arrival: '2026-06-22', departure: '2026-07-06',
  guests: [{}, {}, { birthDate: '2016-05-02' }, { birthDate: '2024-08-15' }],
  supplements: [{ id: 'dog' }], promoCode: 'PRINTEMPS',
};
const pricer = new hospes.Pricer(catalogue);
const cases = {
  normalizeClient: () => hospes.normalizeClient(client, 'FR', '2026-06-01T00:00:00Z'),
  'stayTotals (4 lines)': () => hospes.stayTotals(stay),
  addMoney: () => hospes.addMoney(eur('10.10'), eur('0.20')),
  'priceStay (14 nights)': () => hospes.priceStay(catalogue, request, '2026-02-15T10:00:00Z'),
  'Pricer.price (14 nights)': () => pricer.price(request, '2026-02-15T10:00:00Z'),
};
// The goals of issue 23: a call costs little more than the work it asks of the core.
const goals = { 'stayTotals (4 lines)': 5, 'Pricer.price (14 nights)': 20 };
for (const [name, call] of Object.entries(cases)) {
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const n = 20000;
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) call();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / n / 1000);
  }
  const goal = goals[name] ? ` (goal ≤ ${goals[name]} µs)` : '';
  console.log(`node   ${name.padEnd(24)} ${best.toFixed(2).padStart(8)} µs/call${goal}`);
  if (goals[name]) {
    // The floor: V8's own JSON (C++) reading the same result from its text — the objects a call
    // hands back, built with no hospes work and no argument read at all.
    const text = JSON.stringify(call());
    let floor = Infinity;
    for (let round = 0; round < 5; round++) {
      const n = 20000;
      const start = process.hrtime.bigint();
      for (let i = 0; i < n; i++) JSON.parse(text);
      floor = Math.min(floor, Number(process.hrtime.bigint() - start) / n / 1000);
    }
    console.log(`node   ${'  floor: build the result'.padEnd(24)} ${floor.toFixed(2).padStart(8)} µs/call (JSON.parse of it)`);
  }
}

// A booking widget's grid (core/benches/core.rs `grid`): 30 units × the 52 Saturdays of 2026 ×
// 7 nights, in one call, against the loop a host would write without it.
const gridCatalogue = { ...catalogue, units: Array.from({ length: 30 }, (_, i) => ({ ...catalogue.units[i % 3], id: `U${String(i).padStart(2, '0')}` })) };
const gridPricer = new hospes.Pricer(gridCatalogue);
const saturday = (w) => new Date(Date.UTC(2026, 0, 3 + 7 * w)).toISOString().slice(0, 10);
const plusWeek = (day) => new Date(Date.parse(`${day}T00:00:00Z`) + 7 * 86400000).toISOString().slice(0, 10);
const gridRequest = {
  units: gridCatalogue.units.map((u) => u.id), arrivals: Array.from({ length: 52 }, (_, w) => saturday(w)),
  nights: 7, guests: [{}, {}, { birthDate: '2016-05-02' }],
};
const gridNow = '2026-01-02T10:00:00Z';
const timeBest = (call, n, rounds) => {
  let best = Infinity;
  for (let round = 0; round < rounds; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) call();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / n / 1e6);
  }
  return best;
};
const byLoop = () => {
  for (const unit of gridRequest.units) {
    for (const arrival of gridRequest.arrivals) {
      try {
        gridPricer.price({ unit, arrival, departure: plusWeek(arrival), guests: gridRequest.guests }, gridNow);
      } catch (err) {
        if (!(err instanceof hospes.HospesError)) throw err;
      }
    }
  }
};
console.log(`node   ${'Pricer.grid (1 560 cells)'.padEnd(24)} ${timeBest(() => gridPricer.grid(gridRequest, gridNow), 20, 5).toFixed(2).padStart(8)} ms/call (goal ≤ 15 ms)`);
console.log(`node   ${'loop of Pricer.price'.padEnd(24)} ${timeBest(byLoop, 1, 3).toFixed(2).padStart(8)} ms for the same 1 560 cells`);
