'use strict';
// The package keeps the promises index.d.ts makes. The declarations are read with the
// TypeScript parser, and every function, class constructor and method they declare is called
// with the declared number of arguments (hostile values): it answers a value or throws a
// HospesError with a code, never a TypeError about its arguments nor anything else. Each
// function's name and `length`, and each parameter's name, are checked against its declaration.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');
const hospes = require('..');

const DTS = path.join(__dirname, '..', 'index.d.ts');
const catalogue = hospes.fromWire(
  JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'core', 'tests', 'data', 'catalogue.json'), 'utf8')),
);
const mailContext = hospes.fromWire(
  JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'core', 'tests', 'data', 'mail.json'), 'utf8')).context,
);

/** A valid value for each constructor, by class name: what a host would pass. */
const VALID = {
  HospesError: () => ['client.email_invalid', 'The e-mail address is not valid.', { fr: 'L’adresse e-mail…' }, { value: 'marie@' }],
  Keyring: () => [{ activeKey: hospes.generateLinkKey() }],
  Pricer: () => [catalogue],
  Mailer: () => [{ name: 't', versions: [{ locale: 'fr', subject: 'Séjour [REF_SEJOUR]', html: '<p>[PRENOM]</p>' }] }],
  PreparedMailContext: () => [mailContext],
  Register: () => [
    { currency: 'EUR', timeZone: 'Europe/Paris' },
    [{ client: { id: 'C-1', lastName: 'Dupont', createdAt: '2026-01-15T09:30:00Z' } }],
  ],
};

/** What a host may hand any argument by mistake: each is given to every parameter at once. */
const HOSTILE = { undefined, null: null, zero: 0, 'empty string': '', 'empty array': [], 'empty object': {} };

/** One parameter list as declared: names in order, and how many come before the first optional one. */
function parameters(node) {
  const names = node.parameters.map((p) => p.name.getText());
  const firstOptional = node.parameters.findIndex((p) => p.questionToken || p.initializer || p.dotDotDotToken);
  return { names, required: firstOptional === -1 ? names.length : firstOptional };
}

/** The functions and classes index.d.ts exports, read with the TypeScript parser. */
function declarations() {
  const source = ts.createSourceFile(DTS, fs.readFileSync(DTS, 'utf8'), ts.ScriptTarget.Latest, true);
  const functions = [];
  const classes = [];
  for (const node of source.statements) {
    if (ts.isFunctionDeclaration(node)) {
      functions.push({ name: node.name.text, ...parameters(node) });
    } else if (ts.isClassDeclaration(node)) {
      const members = node.members;
      const ctor = members.find(ts.isConstructorDeclaration);
      classes.push({
        name: node.name.text,
        constructor: ctor ? parameters(ctor) : null,
        methods: members.filter(ts.isMethodDeclaration).map((m) => ({ name: m.name.getText(), ...parameters(m) })),
        properties: members.filter(ts.isPropertyDeclaration).map((p) => p.name.getText()),
      });
    }
  }
  return { functions, classes };
}

const { functions, classes } = declarations();
const camel = (key) => key.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
/** The operation each camelCase function runs (toWire and fromWire run none). */
const operationOf = Object.fromEntries(hospes.schema.operations.map((op) => [camel(op.function), op]));

/** The parameter names of a method or constructor, as written in its source (defaults left out). */
function sourceParameters(fn, name) {
  const match = fn.toString().match(new RegExp(`(?:^|\\s)${name}\\s*\\(([^)]*)\\)`));
  assert.ok(match, `${name} is not written as ${name}(…) in its source`);
  return match[1].split(',').map((p) => p.split('=')[0].trim()).filter(Boolean);
}

/** Runs `call`: its value, or the HospesError it threw; anything else fails, naming the call. */
function answer(call, what) {
  try {
    return call();
  } catch (err) {
    assert.ok(err instanceof hospes.HospesError, `${what} threw ${err && err.name}: ${err && err.message}`);
    assert.match(err.code, /^[a-z_]+\.[a-z_]+$/, `${what} threw a HospesError without a dotted code`);
    assert.notEqual(err.family, 'internal', `${what} hit a bug in hospes: ${err.code}: ${err.message}`);
    return err;
  }
}

test('index.d.ts declares every function and class the package exports, and nothing it lacks', () => {
  const exported = Object.entries(hospes).filter(([, value]) => typeof value === 'function').map(([name]) => name);
  const declared = [...functions.map((f) => f.name), ...classes.map((c) => c.name)];
  assert.deepEqual([...exported].sort(), [...declared].sort());
  assert.ok(functions.length > hospes.schema.operations.length, 'every operation, toWire and fromWire');
});

for (const declared of functions) {
  test(`${declared.name}: its name and length are the declaration's`, () => {
    const fn = hospes[declared.name];
    assert.equal(fn.name, declared.name);
    assert.equal(fn.length, declared.required, `${declared.name}(${declared.names.join(', ')})`);
    const op = operationOf[declared.name];
    if (op) {
      // Arguments are passed by position: the declared names are the operation's, in its order.
      assert.deepEqual(declared.names, Object.keys(op.args.properties || {}).map(camel));
    }
  });

  test(`${declared.name}: called with ${declared.names.length} hostile arguments, it answers or throws a HospesError`, () => {
    const fn = hospes[declared.name];
    for (const [label, value] of Object.entries(HOSTILE)) {
      const args = declared.names.map(() => value);
      answer(() => fn(...args), `${declared.name}(${label} × ${args.length})`);
    }
  });
}

for (const declared of classes) {
  const Class = hospes[declared.name];

  test(`${declared.name}: its constructor has the declared parameters`, () => {
    assert.ok(declared.constructor, `index.d.ts declares no constructor for ${declared.name}`);
    assert.equal(Class.name, declared.name);
    assert.equal(Class.length, declared.constructor.required);
    assert.deepEqual(sourceParameters(Class, 'constructor'), declared.constructor.names);
  });

  test(`${declared.name}: built with the declared arguments, valid or hostile, it is an instance or a HospesError`, () => {
    assert.ok(VALID[declared.name], `no valid value to build a ${declared.name} with`);
    const valid = VALID[declared.name]();
    assert.equal(valid.length, declared.constructor.names.length);
    assert.ok(answer(() => new Class(...valid), `new ${declared.name}(<valid>)`) instanceof Class);
    for (const [label, value] of Object.entries(HOSTILE)) {
      const args = declared.constructor.names.map(() => value);
      answer(() => new Class(...args), `new ${declared.name}(${label} × ${args.length})`);
    }
  });

  for (const property of declared.properties) {
    test(`${declared.name}.${property} is a property of every ${declared.name}`, () => {
      assert.ok(property in new Class(...VALID[declared.name]()), `${declared.name}.${property}`);
    });
  }

  for (const method of declared.methods) {
    test(`${declared.name}.${method.name}: declared parameters, and hostile arguments answered or refused with a code`, () => {
      const held = new Class(...VALID[declared.name]());
      const fn = held[method.name];
      assert.equal(typeof fn, 'function', `${declared.name}.${method.name}`);
      assert.equal(fn.length, method.required);
      assert.deepEqual(sourceParameters(fn, method.name), method.names);
      for (const [label, value] of Object.entries(HOSTILE)) {
        const args = method.names.map(() => value);
        answer(() => fn.apply(held, args), `${declared.name}.${method.name}(${label} × ${args.length})`);
      }
    });
  }
}

test('the sweep reaches the held values and their methods', () => {
  assert.deepEqual(classes.map((c) => c.name).sort(), Object.keys(VALID).sort());
  const methods = classes.flatMap((c) => c.methods.map((m) => `${c.name}.${m.name}`));
  for (const name of ['Keyring.issue', 'Keyring.verify', 'Pricer.price', 'Pricer.createQuote', 'Mailer.render', 'HospesError.messageIn', 'Register.upsert', 'Register.search', 'Register.exportTo']) {
    assert.ok(methods.includes(name), name);
  }
});
