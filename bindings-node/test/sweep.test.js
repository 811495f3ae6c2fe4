'use strict';
/**
 * The hostile-input sweep, in JavaScript: nothing a host hands hospes crashes, hangs or exhausts
 * Node.
 *
 * Every exported operation (`hospes.operations`, from `hospes.schema`), every held class
 * (`Keyring`, `Pricer`, `Mailer`) and each of their methods is called with one argument replaced by
 * a hostile value (CATALOGUE below: undefined, null, NaN, Infinity, -0, BigInt, Symbol, functions,
 * 10 MB strings, lone surrogates, 10 000-level nesting, cyclic objects, invalid Dates, Buffers and
 * arrays where records go, decimal strings like "1E+999999999"…), every other argument valid
 * (taken from a shared vector of the same operation, tests/vectors/*.json). Then fast-check puts
 * hostile and generated values anywhere inside the arguments.
 *
 * Each case must keep every guarantee: the process does not crash, a thrown error is a
 * `HospesError` with a dotted `.code` (never a RangeError or TypeError leaking from the glue), never
 * `internal.error`, and no case takes over 10 s (the watchdog: a debug build on a busy machine).
 * The nested and cyclic values also run on a worker thread with a 512 KiB stack.
 *
 * The cases run in a child process (bench/sweep-harness.js, started with HOSPES_SWEEP_WORKER=1; it
 * also holds the catalogue, the samples and the grid, shared with `make bench`'s bench/sweep.js),
 * so that a crash is a failed test, not a dead test runner; a crashed or hung child is replaced. A
 * value whose cases hang or exhaust memory three times is not tried further, and time budgets bound
 * the whole sweep; the cases left out count as failures ("not run").
 *
 * Knobs (environment): HOSPES_SWEEP_SEED (fast-check seed, printed with every failure),
 * HOSPES_SWEEP_RUNS (fast-check runs, default 1000), HOSPES_SWEEP_WATCHDOG (seconds, default 10),
 * HOSPES_SWEEP_REPORT (a file to append every failure to, as JSON lines).
 */
const fs = require('node:fs');
const {
  CATALOGUE, DEEP, GRID, SMALL_STACK_MB, Sweeper, callText, describe, gridCases, outcomeText, samples, slots, targets, verdict,
} = require('../bench/sweep-harness.js');

sweep();

// ---------------------------------------------------------------------------------------------
// The tests: the cases run in the harness's child process, started once, replaced when it dies.
// ---------------------------------------------------------------------------------------------

function sweep() {
  const test = require('node:test');
  const assert = require('node:assert/strict');
  const fc = require('fast-check');
  const hospes = require('..');

  const SEED = Number(process.env.HOSPES_SWEEP_SEED || 20260617);
  const RUNS = Number(process.env.HOSPES_SWEEP_RUNS || 1000);
  const REPORT = process.env.HOSPES_SWEEP_REPORT;
  const BREAKER = 3;
  const VALUE_BUDGET_MS = Number(process.env.HOSPES_SWEEP_VALUE_SECONDS || 20) * 1000;
  const GRID_BUDGET_MS = Number(process.env.HOSPES_SWEEP_GRID_SECONDS || 150) * 1000;
  const FASTCHECK_BUDGET_MS = Number(process.env.HOSPES_SWEEP_FASTCHECK_SECONDS || 45) * 1000;

  const TARGETS = targets(hospes);
  const SAMPLES = samples(hospes);
  const SLOTS = slots(hospes, SAMPLES);

  class Clock {
    constructor(ms, what) {
      this.end = Date.now() + ms;
      this.why = `over the sweep's budget of ${ms / 1000} s for ${what}`;
    }

    out() {
      return Date.now() > this.end;
    }
  }

  class Tally {
    constructor(title) {
      this.title = title;
      this.cases = 0;
      this.byClass = new Map();
      this.expensive = new Map();
      this.slowest = [0, ''];
    }

    key(c) {
      return c.spec.kind === 'catalogue' ? `${c.spec.name}/${c.mode}` : `${c.spec.kind}/${c.mode}`;
    }

    text(c) {
      const { names } = SAMPLES[c.target];
      const call = callText(hospes, c.target, names, c.argIndex, c.where, c.spec);
      return c.mode === 'small-stack' ? `${call}  [on a ${SMALL_STACK_MB * 1024} KiB-stack worker thread]` : call;
    }

    record(failure, call, outcome) {
      if (!this.byClass.has(failure)) this.byClass.set(failure, []);
      this.byClass.get(failure).push([call, outcome]);
    }

    add(c, result) {
      this.cases++;
      const call = this.text(c);
      if ((result.seconds || 0) > this.slowest[0]) this.slowest = [result.seconds, call];
      const failure = verdict(result);
      if (failure === null) return;
      this.record(failure, call, outcomeText(result));
      if (result.outcome === 'timeout' || failure.startsWith('memory') || (result.seconds || 0) > 2) {
        this.expensive.set(this.key(c), (this.expensive.get(this.key(c)) || 0) + 1);
      }
      if (REPORT) {
        fs.appendFileSync(REPORT, `${JSON.stringify({ test: this.title, class: failure, call, outcome: outcomeText(result), seed: SEED })}\n`);
      }
    }

    broken(c) {
      return c.spec.kind === 'catalogue' && (this.expensive.get(this.key(c)) || 0) >= BREAKER;
    }

    skip(c, why) {
      this.cases++;
      this.record(`not run: ${why || `${describe(c.spec)} already hung or exhausted memory ${BREAKER} times`}`, this.text(c), 'skipped');
    }

    failed() {
      let n = 0;
      for (const list of this.byClass.values()) n += list.length;
      return n;
    }

    report() {
      const lines = [`${this.title}: ${this.failed()} of ${this.cases} cases broke a guarantee (seed ${SEED})`];
      const order = [...this.byClass.entries()].sort(
        (a, b) => Number(a[0].startsWith('not run')) - Number(b[0].startsWith('not run')) || b[1].length - a[1].length,
      );
      for (const [failure, examples] of order) {
        lines.push(`  ${failure}: ${examples.length} cases, e.g. ${examples[0][0]}\n      → ${examples[0][1]}`);
      }
      if (this.slowest[0] > 1) lines.push(`  slowest: ${this.slowest[0].toFixed(2)} s for ${this.slowest[1]}`);
      return lines.join('\n');
    }
  }

  async function runAll(sweeper, tally, cases, clocks = []) {
    for (const c of cases) {
      const spent = clocks.find((clock) => clock.out());
      if (spent) tally.skip(c, spent.why);
      else if (tally.broken(c)) tally.skip(c);
      else tally.add(c, await sweeper.run(c));
    }
  }

  const sweeper = new Sweeper();
  test.after(() => sweeper.stop());

  for (const mode of ['main', 'small-stack']) {
    test(`every target has a valid call${mode === 'main' ? '' : ' on a small-stack worker thread'}`, async () => {
      const tally = new Tally(`valid calls${mode === 'main' ? '' : ' on a small-stack worker thread'}`);
      await runAll(sweeper, tally, TARGETS.map((target) => ({ target, argIndex: 0, where: [], spec: { kind: 'keep' }, mode })));
      assert.equal(tally.failed(), 0, tally.report());
      assert.ok(TARGETS.length >= 95 && SLOTS.length >= 250, `${TARGETS.length} targets, ${SLOTS.length} arguments`);
    });
  }

  let grid = null; // started by the grid's first test
  for (const { name, mode } of GRID) {
    const title = `<${name}> as every argument${mode === 'main' ? '' : ' on a small-stack worker thread'}`;
    test(title, async () => {
      const tally = new Tally(title);
      grid ||= new Clock(GRID_BUDGET_MS, 'the whole grid');
      await runAll(sweeper, tally, gridCases(SLOTS, name, mode), [new Clock(VALUE_BUDGET_MS, "one value's cases"), grid]);
      assert.equal(tally.failed(), 0, tally.report());
    });
  }

  // fast-check: hostile values anywhere inside the arguments, and generated ones.
  function walk(value, choices) {
    const where = [];
    for (const choice of choices) {
      let keys;
      if (Array.isArray(value) && value.length) keys = value.slice(0, 4).map((_, i) => i);
      else if (value !== null && typeof value === 'object' && Object.keys(value).length) keys = Object.keys(value).sort();
      else break;
      if (choice < 0) break;
      const key = keys[choice % keys.length];
      where.push(key);
      value = value[key];
    }
    return where;
  }

  const generated = fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true,
    withNullPrototype: true,
    withBoxedValues: true,
    withObjectString: true,
    withUnicodeString: true,
  });
  const strings = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 20 }), // lone surrogates, NUL, controls
    fc.constantFrom('1E+999999', '-1E-999999', '1E+999999999', 'NaN', '-0', '2026-02-30', '26-07-11',
      '99999-01-01', '2026-06-01T10:00:00', 'EUR', 'FR', 'javascript:alert(1)'),
  );
  const slot = fc.constantFrom(...SLOTS);
  const cases = fc
    .record({
      slot,
      choices: fc.array(fc.integer({ min: -1, max: 50 }), { maxLength: 6 }),
      spec: fc.oneof(
        { weight: 2, arbitrary: fc.constantFrom(...Object.keys(CATALOGUE)).map((name) => ({ kind: 'catalogue', name })) },
        { weight: 1, arbitrary: fc.oneof(generated, strings).map((value) => ({ kind: 'literal', value })) },
      ),
      smallStack: fc.boolean(),
    })
    .map(({ slot: { target, argIndex }, choices, spec, smallStack }) => ({
      target,
      argIndex,
      where: walk(SAMPLES[target].args[argIndex], choices),
      spec,
      mode: spec.kind === 'catalogue' && DEEP.includes(spec.name) && smallStack ? 'small-stack' : 'main',
    }));

  test('hostile values anywhere inside the arguments (fast-check)', async () => {
    const tally = new Tally(`fast-check sweep, ${RUNS} runs`);
    const clock = new Clock(FASTCHECK_BUDGET_MS, 'the fast-check runs');
    const started = Date.now();
    const details = await fc.check(
      fc.asyncProperty(cases, async (c) => {
        if (clock.out()) tally.skip(c, clock.why);
        else if (tally.broken(c)) tally.skip(c);
        else tally.add(c, await sweeper.run(c));
        return true; // every run runs; the failures are reported together below
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    console.log(`fast-check sweep: seed ${SEED}, ${tally.cases} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    assert.equal(details.failed, false, `fast-check itself failed: ${details.errorInstance}`);
    assert.equal(tally.failed(), 0, tally.report());
  });

  test('a crash or a hang of a case is a failure, not a dead test runner', async () => {
    const crash = await sweeper.run({ target: 'money.round', argIndex: 0, where: [], spec: { kind: 'harness', name: 'crash' }, mode: 'main' });
    assert.equal(verdict(crash), 'crash (SIGSEGV)', JSON.stringify(crash));
    const fine = await sweeper.run({ target: 'money.round', argIndex: 0, where: [], spec: { kind: 'keep' }, mode: 'main' });
    assert.equal(verdict(fine), null, JSON.stringify(fine));
  });
}
