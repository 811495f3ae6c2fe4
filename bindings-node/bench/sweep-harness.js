'use strict';
/**
 * The harness of the hostile-input sweep, shared by the test (test/sweep.test.js)
 * and the bench (bench/sweep.js): the catalogue of hostile values, the valid samples of every
 * target, the grid of cases, and the child process the cases run in (this file, started with
 * HOSPES_SWEEP_WORKER=1; its small-stack worker thread with HOSPES_SWEEP_WORKER=thread).
 *
 * A case is { target, argIndex, where, spec, mode }: the operation (`money.add`), held class
 * (`Keyring`) or method (`Keyring.verify`); the index of the argument replaced; the keys/indexes
 * inside it (`[]` for the whole argument); the value (`{ kind: 'catalogue', name }`, built in the
 * child, `{ kind: 'literal', value }`, `{ kind: 'keep' }` or the harness's own `crash`/`hang`);
 * `'main'` or `'small-stack'`. Every other argument is valid, from a shared vector.
 *
 * It loads hospes from `..`: bindings-node/ in the source tree, target/bench/node/ (the release
 * build) in `make bench`'s copy of bench/.
 */
const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const { fork } = require('node:child_process');

const WATCHDOG_MS = Number(process.env.HOSPES_SWEEP_WATCHDOG || 10) * 1000;
const MEMORY_LIMIT_MB = Number(process.env.HOSPES_SWEEP_MEMORY_MB || 512);
// A worker's thread stack; Node gives V8 all of it but 192 KiB, so 0.25 MB would leave V8 64 KiB,
// too little to load any large module: 512 KiB is the smallest worker stack a host can really use.
const SMALL_STACK_MB = 0.5;

// ---------------------------------------------------------------------------------------------
// The catalogue of hostile values: name → [factory, risky]. Built lazily, once per process.
// ---------------------------------------------------------------------------------------------

function nestedObject(depth) {
  let value = {};
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

function nestedArray(depth) {
  let value = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

function cyclicObject() {
  const value = { id: 'C-1' };
  value.self = value;
  return value;
}

function cyclicArray() {
  const value = [];
  value.push(value);
  return value;
}

function cyclicThroughArray() {
  const record = { lines: [] };
  record.lines.push({ parent: record });
  return record;
}

const CATALOGUE = {
  undefined: [() => undefined, false],
  null: [() => null, false],
  true: [() => true, false],
  false: [() => false, false],
  zero: [() => 0, false],
  minus_zero: [() => -0, false],
  minus_one: [() => -1, false],
  float: [() => 1.5, false],
  nan: [() => NaN, false],
  infinity: [() => Infinity, false],
  minus_infinity: [() => -Infinity, false],
  unsafe_integer: [() => 2 ** 53 + 2, false],
  max_value: [() => Number.MAX_VALUE, false],
  denormal: [() => 5e-324, false],
  bigint: [() => 10n ** 400n, false],
  small_bigint: [() => 1n, false],
  symbol: [() => Symbol('hospes'), false],
  function: [() => () => 1, false],
  class: [() => class Record {}, false],
  empty_string: [() => '', false],
  string: [() => 'hospes', false],
  nul: [() => '\u0000', false],
  nul_inside: [() => 'C-1\u0000042', false],
  control_chars: [() => 'a\u0001\u001b[31m\u007f\u2028b', false],
  lone_surrogate: [() => '\uD800', false],
  lone_surrogate_inside: [() => 'Mar\uDCFFtin', false],
  decimal_huge_exponent: [() => '1E+999999999', false],
  decimal_minus_huge_exponent: [() => '-1E+999999999', false],
  decimal_tiny_exponent: [() => '1E-999999999', false],
  decimal_100k_digits: [() => `1.${'1'.repeat(100_000)}`, true],
  decimal_nan_string: [() => 'NaN', false],
  date_like_short_year: [() => '26-07-11', false],
  date_feb_30: [() => '2026-02-30', false],
  instant_far_future: [() => '+275760-09-13T00:00:00Z', false],
  date: [() => new Date('2026-06-01T10:00:00Z'), false],
  date_max: [() => new Date(8.64e15), false],
  date_min: [() => new Date(-8.64e15), false],
  invalid_date: [() => new Date('not a date'), false],
  buffer: [() => Buffer.from('\u0000\u00ffbytes', 'latin1'), false],
  uint8array: [() => new Uint8Array([1, 2, 3]), false],
  float64array: [() => new Float64Array([1.5, NaN]), false],
  arraybuffer: [() => new ArrayBuffer(8), false],
  dataview: [() => new DataView(new ArrayBuffer(8)), false],
  empty_array: [() => [], false],
  array: [() => [1, 'a', null], false],
  array_of_record_values: [() => ['10.10', 'EUR'], false],
  sparse_array: [() => [, , 1], false], // eslint-disable-line no-sparse-arrays
  empty_object: [() => ({}), false],
  object: [() => ({ unexpected: 1 }), false],
  null_prototype: [() => Object.assign(Object.create(null), { id: 'C-1' }), false],
  proto_key: [() => JSON.parse('{"__proto__": {"polluted": true}, "id": "C-1"}'), false],
  constructor_key: [() => ({ constructor: { prototype: { polluted: true } } }), false],
  to_json: [() => ({ toJSON: () => ({ id: 'C-1' }) }), false],
  map: [() => new Map([['id', 'C-1']]), false],
  set: [() => new Set([1, 2]), false],
  weakmap: [() => new WeakMap(), false],
  promise: [() => Promise.resolve(1), false],
  regexp: [() => /hospes/g, false],
  error: [() => new Error('boom'), false],
  proxy: [() => new Proxy({ id: 'C-1' }, {}), false],
  boxed_string: [() => new String('boxed'), false], // eslint-disable-line no-new-wrappers
  boxed_number: [() => new Number(1), false], // eslint-disable-line no-new-wrappers
  nested_array_900: [() => nestedArray(900), true],
  nested_array_10000: [() => nestedArray(10_000), true],
  nested_object_900: [() => nestedObject(900), true],
  nested_object_10000: [() => nestedObject(10_000), true],
  cyclic_object: [cyclicObject, true],
  cyclic_array: [cyclicArray, true],
  cyclic_through_array: [cyclicThroughArray, true],
  // Size: refused before anything is expanded (the input limit is 1 MiB).
  string_just_over_1mib: [() => 'é'.repeat(530_000), true],
  string_10mb: [() => 'x'.repeat(10_000_000), true],
  buffer_10mb: [() => Buffer.alloc(10_000_000), true],
  array_1m_items: [() => new Array(1_000_000).fill(0), true],
  object_5k_keys_over_1mib: [() => Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, 'v'.repeat(250)])), true],
};

/** The catalogue's nested and cyclic values: they also run on a small-stack worker thread. */
const DEEP = Object.keys(CATALOGUE).filter((name) => name.startsWith('nested_') || name.startsWith('cyclic_'));

const built = new Map();
function hostile(name) {
  if (!built.has(name)) built.set(name, CATALOGUE[name][0]());
  return built.get(name);
}

function describe(spec) {
  if (spec.kind === 'keep') return '<valid>';
  if (spec.kind === 'catalogue') return `<${spec.name}>`;
  if (spec.kind === 'harness') return `<harness: ${spec.name}>`;
  const text = util.inspect(spec.value, { depth: 4, maxArrayLength: 6, maxStringLength: 40, breakLength: Infinity });
  return text.length <= 120 ? text : `${text.slice(0, 117)}...`;
}

// ---------------------------------------------------------------------------------------------
// Valid samples: one real call per target, from the shared vectors.
// ---------------------------------------------------------------------------------------------

const HELD_CLASSES = {
  // class: [operation whose vector gives the value, its argument]
  Keyring: ['link.verify', 'keyring'],
  Pricer: ['pricing.price', 'catalogue'],
  Mailer: ['mail.render', 'template'],
  PreparedMailContext: ['mail.render', 'context'],
};
const HELD_METHODS = {
  // target: [class, the held argument, operation whose vector gives the arguments, method]
  'Keyring.issue': ['Keyring', 'keyring', 'link.issue', 'issue'],
  'Keyring.verify': ['Keyring', 'keyring', 'link.verify', 'verify'],
  'Pricer.price': ['Pricer', 'catalogue', 'pricing.price', 'price'],
  'Pricer.createQuote': ['Pricer', 'catalogue', 'quote.create', 'createQuote'],
  'Mailer.render': ['Mailer', 'template', 'mail.render', 'render'],
};

const camel = (key) => key.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

/** The shared vectors: tests/vectors of the repository, above bindings-node/bench/ or its copy. */
function vectorsDir() {
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'tests', 'vectors');
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`no tests/vectors in a directory above ${__dirname}`);
}

/** target → { names: [argument names, in order], args: [valid values], held?: valid held value }. */
function samples(hospes) {
  const dir = vectorsDir();
  const byOp = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    for (const vector of JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')).vectors) {
      (byOp[vector.op] ||= []).push(vector);
    }
  }
  const out = {};
  for (const op of hospes.schema.operations) {
    const names = Object.keys(op.args.properties || {});
    const vectors = byOp[op.name] || [{ input: {} }];
    // A vector that succeeds if there is one: then a refusal is the hostile value's doing.
    // (Every vector of link.issue refuses: the portal link bound to a link version is made valid below.)
    const portal = (v) => v.input.request && v.input.request.purpose === 'portal' && v.input.request.state && v.input.request.state.kind === 'link_version';
    const vector = vectors.find((v) => !v.error) || vectors.find(portal) || vectors[0];
    const input = { ...vector.input };
    // Operations whose vectors all refuse: the smallest change that makes the call valid.
    if (op.name === 'link.issue') input.request = { ...input.request, expires_at: '2026-07-01T10:00:00Z' };
    if (op.name === 'account.reset_password') input.claims = { ...input.claims, client_id: input.account.client_id };
    out[op.name] = {
      names: names.map(camel),
      args: names.map((name) => (name in input ? hospes.fromWire(input[name]) : null)),
    };
  }
  for (const [cls, [op, arg]] of Object.entries(HELD_CLASSES)) {
    const sample = out[op];
    out[cls] = { names: [camel(arg)], args: [sample.args[sample.names.indexOf(camel(arg))]] };
  }
  for (const [target, [cls, arg, op]] of Object.entries(HELD_METHODS)) {
    const sample = out[op];
    const keep = sample.names.map((n, i) => [n, sample.args[i]]).filter(([n]) => n !== camel(arg));
    out[target] = { names: keep.map(([n]) => n), args: keep.map(([, v]) => v), held: out[cls].args[0] };
  }
  return out;
}

function targets(hospes) {
  return [...hospes.schema.operations.map((op) => op.name), ...Object.keys(HELD_CLASSES), ...Object.keys(HELD_METHODS)];
}

function callText(hospes, target, names, argIndex, where, spec) {
  const value = `${names[argIndex] ?? ''}${where.map((p) => `[${JSON.stringify(p)}]`).join('')} = ${describe(spec)}`;
  if (HELD_CLASSES[target]) return `new hospes.${target}(${value})`;
  if (HELD_METHODS[target]) {
    const [cls, arg, , method] = HELD_METHODS[target];
    return `new hospes.${cls}(<valid ${camel(arg)}>).${method}(${value}, …)`;
  }
  return `hospes.${hospes.operations[target].name}(${value}, …)`;
}

// ---------------------------------------------------------------------------------------------
// Running one case (in the child process, or in its small-stack worker thread).
// ---------------------------------------------------------------------------------------------

function replaced(value, where, next) {
  if (where.length === 0) return next;
  const [head, ...rest] = where;
  if (Array.isArray(value)) {
    const copy = value.slice();
    copy[head] = replaced(value[head], rest, next);
    return copy;
  }
  if (value !== null && typeof value === 'object') return { ...value, [head]: replaced(value[head], rest, next) };
  return next;
}

function makeRunner(hospes) {
  const prepared = samples(hospes);
  const HospesError = hospes.HospesError;

  function invoke(target, args, held) {
    if (HELD_CLASSES[target]) {
      const made = new hospes[target](...args);
      util.inspect(made);
      if (target === 'Keyring') void made.activeKeyId;
      if (target === 'Mailer') void made.summary;
      return made;
    }
    if (HELD_METHODS[target]) {
      const [cls, , , method] = HELD_METHODS[target];
      const made = new hospes[cls](held);
      return made[method](...args);
    }
    return hospes.operations[target](...args);
  }

  return function run(c) {
    const sample = prepared[c.target];
    const args = sample.args.slice();
    if (c.spec.kind === 'harness') {
      if (c.spec.name === 'crash') process.kill(process.pid, 'SIGSEGV');
      if (c.spec.name === 'hang') for (;;);
    }
    if (c.spec.kind !== 'keep') {
      const value = c.spec.kind === 'catalogue' ? hostile(c.spec.name) : c.spec.value;
      args[c.argIndex] = replaced(args[c.argIndex], c.where, value);
    }
    const before = process.resourceUsage().maxRSS;
    const started = process.hrtime.bigint();
    const result = {};
    try {
      invoke(c.target, args, sample.held);
      result.outcome = 'ok';
    } catch (error) {
      if (error instanceof HospesError) {
        Object.assign(result, { outcome: 'refused', code: error.code, message: String(error.message).slice(0, 300) });
      } else {
        const type = error && error.constructor ? error.constructor.name : typeof error;
        const message = error && error.message !== undefined ? String(error.message) : String(error);
        const stack = error && error.stack ? String(error.stack).split('\n').slice(1, 3).map((l) => l.trim()) : [];
        Object.assign(result, { outcome: 'raised', type, message: message.slice(0, 300), where: stack });
      }
    }
    result.seconds = Number(process.hrtime.bigint() - started) / 1e9;
    result.memoryMb = Math.max(0, (process.resourceUsage().maxRSS - before) / 1024);
    return result;
  };
}

/** The child process: runs the cases the test sends, on its main thread or its small-stack thread. */
function serve() {
  const { Worker } = require('node:worker_threads');
  const hospes = require('..');
  const run = makeRunner(hospes);
  let small = null;
  let pending = null;
  function smallStack() {
    if (!small) {
      small = new Worker(__filename, {
        env: { ...process.env, HOSPES_SWEEP_WORKER: 'thread' },
        resourceLimits: { stackSizeMb: SMALL_STACK_MB },
      });
      small.on('message', (result) => pending && pending(result));
      small.on('error', (error) => pending && pending({ outcome: 'raised', type: `worker ${error.constructor.name}`, message: String(error.message).slice(0, 300) }));
      small.on('exit', (code) => {
        small = null;
        if (pending) pending({ outcome: 'crash', signal: `small-stack thread exited (${code})` });
      });
    }
    return small;
  }
  process.on('message', (c) => {
    if (c.mode === 'small-stack') {
      pending = (result) => {
        pending = null;
        process.send(result);
      };
      smallStack().postMessage(c);
    } else {
      process.send(run(c));
    }
  });
  process.send({ ready: process.pid });
}

function serveThread() {
  const { parentPort } = require('node:worker_threads');
  const run = makeRunner(require('..'));
  parentPort.on('message', (c) => parentPort.postMessage(run(c)));
}

/** Every (target, argument) pair: what the grid replaces, one at a time. */
function slots(hospes, prepared = samples(hospes)) {
  return targets(hospes).flatMap((target) => prepared[target].names.map((_, argIndex) => ({ target, argIndex })));
}

/** The grid's groups: every hostile value, and the nested and cyclic ones again on a small-stack thread. */
const GRID = Object.keys(CATALOGUE).flatMap((name) => (DEEP.includes(name) ? ['main', 'small-stack'] : ['main']).map((mode) => ({ name, mode })));

/** The cases of one group of the grid: the value `name` in place of each argument, in turn. */
function gridCases(allSlots, name, mode) {
  return allSlots.map(({ target, argIndex }) => ({ target, argIndex, where: [], spec: { kind: 'catalogue', name }, mode }));
}

// ---------------------------------------------------------------------------------------------
// The parent's side: the child process, started once, replaced when it dies or hangs.
// ---------------------------------------------------------------------------------------------

/** Runs cases in the child process and answers what happened to each (a crash or a hang replaces the child). */
class Sweeper {
  constructor() {
    this.child = null;
    this.stderr = '';
    this.started = 0;
  }

  start() {
    return new Promise((resolve, reject) => {
      this.stderr = '';
      const child = fork(__filename, [], {
        env: { ...process.env, HOSPES_SWEEP_WORKER: '1' },
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        serialization: 'advanced',
      });
      child.stderr.on('data', (chunk) => {
        this.stderr = (this.stderr + chunk).slice(-2000);
      });
      child.once('message', (hello) => (hello && hello.ready ? resolve() : reject(new Error(`worker said ${hello}`))));
      child.once('exit', (code, signal) => reject(new Error(`the sweep worker did not start (${code ?? signal}): ${this.stderr}`)));
      this.child = child;
      this.started++;
    }).then(() => this.child.removeAllListeners('exit'));
  }

  stop() {
    if (this.child) {
      this.child.removeAllListeners();
      if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
      this.child = null;
    }
  }

  async run(c) {
    if (!this.child) await this.start();
    const child = this.child;
    const started = Date.now();
    const answer = await new Promise((resolve) => {
      const timer = setTimeout(() => finish({ outcome: 'timeout' }), WATCHDOG_MS);
      const onMessage = (message) => finish(message);
      const onExit = (code, signal) => {
        // Let the last of stderr arrive before it is quoted.
        setTimeout(() => finish({ outcome: 'crash', signal: signal || `exit ${code}`, stderr: this.stderr.trim().slice(-400) }), 50);
      };
      function finish(result) {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(result);
      }
      child.on('message', onMessage);
      child.on('exit', onExit);
      try {
        child.send(c);
      } catch (error) {
        finish({ outcome: 'raised', type: `harness ${error.constructor.name}`, message: String(error.message).slice(0, 300) });
      }
    });
    if (answer.outcome === 'timeout' || answer.outcome === 'crash') {
      answer.seconds = (Date.now() - started) / 1000;
      this.stop();
    } else if ((answer.memoryMb || 0) > MEMORY_LIMIT_MB) {
      this.stop(); // a fresh child, so that the next case's memory is measured from low
    }
    return answer;
  }
}

/** `null` when the case kept every guarantee, else the failure's class, e.g. `crash (SIGSEGV)`, `internal.error`. */
function verdict(result) {
  switch (result.outcome) {
    case 'crash':
      return `crash (${result.signal})`;
    case 'timeout':
      return `timeout (> ${WATCHDOG_MS / 1000} s)`;
    case 'raised':
      // A value the harness could not hand to the child is the harness's fault, not hospes's.
      return result.type.startsWith('harness') ? `harness error (${result.type}: ${result.message})` : `wrong exception ${result.type}`;
    case 'refused':
      if (result.code === 'internal.error') return 'internal.error';
      if (typeof result.code !== 'string' || !/^[a-z0-9_]+(\.[a-z0-9_]+)+$/.test(result.code)) {
        return `refusal without a code (${util.inspect(result.code)})`;
      }
      break;
    default:
  }
  if ((result.seconds || 0) * 1000 > WATCHDOG_MS) return `timeout (> ${WATCHDOG_MS / 1000} s)`;
  if ((result.memoryMb || 0) > MEMORY_LIMIT_MB) return `memory (> ${MEMORY_LIMIT_MB} MiB for one call)`;
  return null;
}

/** What happened, in one line. */
function outcomeText(result) {
  const seconds = `${(result.seconds || 0).toFixed(2)} s`;
  const memory = `, +${(result.memoryMb || 0).toFixed(0)} MiB`;
  switch (result.outcome) {
    case 'crash': {
      const last = (result.stderr || '').split('\n').filter(Boolean).pop();
      return `crash ${result.signal} after ${seconds}${last ? `; stderr: ${last.slice(0, 160)}` : ''}`;
    }
    case 'timeout':
      return `timeout: killed after ${seconds}`;
    case 'raised':
      return `threw ${result.type}: ${result.message.slice(0, 160)} (${seconds}${memory})${result.where && result.where[0] ? ` ${result.where[0]}` : ''}`;
    case 'refused':
      return `refused ${result.code}: ${result.message.slice(0, 120)} (${seconds}${memory})`;
    default:
      return `ok (${seconds}${memory})`;
  }
}

module.exports = {
  WATCHDOG_MS, MEMORY_LIMIT_MB, SMALL_STACK_MB, CATALOGUE, DEEP, GRID, HELD_CLASSES, HELD_METHODS,
  hostile, describe, samples, targets, slots, gridCases, callText, replaced, makeRunner, Sweeper, verdict, outcomeText,
};

if (process.env.HOSPES_SWEEP_WORKER === '1' && require.main === module) {
  serve();
} else if (process.env.HOSPES_SWEEP_WORKER === 'thread' && require.main === module) {
  serveThread();
}
