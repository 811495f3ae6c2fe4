'use strict';
// Time of every case of the hostile-input sweep: the goal is no case over 1 s.
//
// The cases are the deterministic grid of test/sweep.test.js (every hostile value of the
// harness's CATALOGUE in place of every argument of every operation and held class; the nested
// and cyclic values also on a 512 KiB-stack worker thread), run the same way: in the harness's
// child process, each call timed around the call itself by the child (building the hostile value
// and the IPC are not counted). fast-check's random part is not run here. Unlike the test, no time
// budget leaves cases out: every case runs, under the same 10 s watchdog; a value whose cases hang
// or exhaust memory three times is not tried further (its cases count as not run).
//
// Each child (the first, and any that replaces one a case killed) is warmed up first with the
// test's valid calls (every target, on the main and a small-stack thread): the first call of some
// operations in a process pays a one-time initialisation (client.normalize's is ~0.75 s in a debug
// build), which is not the hostile value's doing. The slowest of those first calls is printed apart.
//
// Run by `make bench` against a release build (target/bench/node: `..` is that build).
const hospes = require('..');
const { GRID, SMALL_STACK_MB, Sweeper, callText, gridCases, outcomeText, samples, slots, targets, verdict } = require('./sweep-harness.js');

const GOAL_MS = 1000;
const BREAKER = 3; // as in the test

function percentile(ordered, fraction) {
  // Nearest rank: the smallest time that `fraction` of the cases do not exceed.
  return ordered[Math.max(0, Math.ceil(fraction * ordered.length) - 1)];
}

(async () => {
  const SAMPLES = samples(hospes);
  const TARGETS = targets(hospes);
  const SLOTS = slots(hospes, SAMPLES);
  const callOf = (c) => {
    const call = callText(hospes, c.target, SAMPLES[c.target].names, c.argIndex, c.where, c.spec);
    return c.mode === 'small-stack' ? `${call}  [on a ${SMALL_STACK_MB * 1024} KiB-stack worker thread]` : call;
  };

  const times = []; // [ms, case, result]
  const broken = []; // [failure, case, result]
  const expensive = new Map();
  let notRun = 0;
  const firstCalls = []; // [ms, case]
  const warmUp = ['main', 'small-stack'].flatMap((mode) => TARGETS.map((target) => ({ target, argIndex: 0, where: [], spec: { kind: 'keep' }, mode })));
  const sweeper = new Sweeper();
  const started = process.hrtime.bigint();
  try {
    for (const { name, mode } of GRID) {
      for (const c of gridCases(SLOTS, name, mode)) {
        const key = `${name}/${mode}`;
        if ((expensive.get(key) || 0) >= BREAKER) {
          notRun++;
          continue;
        }
        if (!sweeper.child) {
          // A new child: warm it up.
          for (const valid of warmUp) firstCalls.push([((await sweeper.run(valid)).seconds || 0) * 1000, valid]);
        }
        const result = await sweeper.run(c);
        times.push([(result.seconds || 0) * 1000, c, result]);
        const failure = verdict(result);
        if (failure !== null) {
          broken.push([failure, c, result]);
          if (result.outcome === 'timeout' || failure.startsWith('memory') || (result.seconds || 0) > 2) {
            expensive.set(key, (expensive.get(key) || 0) + 1);
          }
        }
      }
    }
  } finally {
    sweeper.stop();
  }
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;

  const ordered = times.map(([ms]) => ms).sort((a, b) => a - b);
  const values = new Set(GRID.map(({ name }) => name)).size;
  const again = GRID.filter(({ mode }) => mode !== 'main').length;
  console.log(`node   sweep: ${times.length} cases timed (${values} hostile values × ${SLOTS.length} arguments of `
    + `${TARGETS.length} targets, ${again} nested/cyclic values also on a small-stack thread) in ${elapsed.toFixed(1)} s`);
  if (ordered.length === 0) {
    console.log('node   sweep: no case ran');
    console.log(`node   sweep: max case time n/a: goal <= ${GOAL_MS} ms NOT met`);
    return;
  }
  const max = ordered[ordered.length - 1];
  console.log(`node   sweep per case: median ${percentile(ordered, 0.5).toFixed(3)} ms, `
    + `p99 ${percentile(ordered, 0.99).toFixed(3)} ms, max ${max.toFixed(3)} ms`);
  if (firstCalls.length) {
    const [ms, c] = firstCalls.reduce((a, b) => (b[0] > a[0] ? b : a));
    console.log(`node   sweep warm-up (valid calls, once per child, not counted): slowest first call ${ms.toFixed(1)} ms, ${callOf(c)}`);
  }
  console.log('node   sweep, the 5 slowest cases:');
  for (const [ms, c, result] of times.slice().sort((a, b) => b[0] - a[0]).slice(0, 5)) {
    console.log(`  ${ms.toFixed(3).padStart(10)} ms  ${callOf(c)}\n${' '.repeat(17)}→ ${outcomeText(result)}`);
  }
  if (broken.length) {
    console.log(`node   sweep: ${broken.length} cases broke another guarantee of the sweep (make test reports them), `
      + `e.g. ${callOf(broken[0][1])}: ${broken[0][0]}`);
  }
  if (notRun) console.log(`node   sweep: ${notRun} cases not run (their value hung or exhausted memory ${BREAKER} times)`);
  // A case that crashed or met the watchdog has no time to compare: the goal is not met.
  const unfinished = notRun + broken.filter(([, , r]) => r.outcome === 'timeout' || r.outcome === 'crash').length;
  if (unfinished) console.log(`node   sweep: ${unfinished} cases did not finish (crash, watchdog or not run)`);
  const met = max <= GOAL_MS && !unfinished;
  console.log(`node   sweep: max case time ${max.toFixed(1)} ms: goal <= ${GOAL_MS} ms ${met ? 'met' : 'NOT met'}`);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
