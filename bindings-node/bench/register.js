'use strict';
// The client register from Node on the million generated clients of
// target/bench/clients.jsonl (tests/bench/register_clients.py): loaded in batches under the
// 1 MiB input limit, then 3-character searches, present-only off — the first page of 50 and the
// count. Run from target/bench/node by `make bench`.

const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');
const hospes = require('../index.js');

const CLIENTS = path.resolve(__dirname, '../../clients.jsonl');
const NOW = new Date('2026-07-14T08:00:00Z');

function median(fn, runs = 30) {
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function main() {
  if (!fs.existsSync(CLIENTS)) throw new Error('run `python3 tests/bench/register_clients.py` first (make bench does)');
  const entries = [];
  for await (const line of readline.createInterface({ input: fs.createReadStream(CLIENTS) })) {
    entries.push(hospes.fromWire(JSON.parse(line)));
  }
  const register = new hospes.Register({ currency: 'EUR', timeZone: 'Europe/Paris' });
  const start = process.hrtime.bigint();
  const batch = 1000;
  for (let i = 0; i < entries.length; i += batch) register.upsert(entries.slice(i, i + batch));
  const loaded = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`register (Node): ${entries.length} clients loaded in batches of ${batch} in ${loaded.toFixed(1)} s`);
  const first = process.hrtime.bigint();
  register.search({ text: 'mar', presentOnly: false }, NOW);
  console.log(`  first search after loading, which tidies the register once: ${(Number(process.hrtime.bigint() - first) / 1e9).toFixed(2)} s`);
  for (const fragment of ['mar', 'dur', 'nun', 'ski']) {
    const query = { text: fragment, presentOnly: false };
    const { total } = register.search(query, NOW);
    const page = median(() => register.search(query, NOW));
    const count = median(() => register.search({ ...query, pageSize: 1 }, NOW));
    console.log(`  '${fragment}' (${total} matches): first 50 ${page.toFixed(3)} ms, count ${count.toFixed(3)} ms`);
  }
}

main();
