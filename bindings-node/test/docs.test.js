'use strict';
// Every ```js / ```javascript block of the README and docs/*.md runs, so no snippet can rot.
//
// A page is read the way a reader follows it: its blocks run in order in one Node process, as
// scripts of one global scope (a `const` of an earlier block is there for the later ones), with
// `require('hospes')` answering this package and the repository's root as the working directory
// (a path in a snippet reads as in the docs: `core/tests/data/catalogue.json`). Each block is its
// own test, named after its page and the line of its opening fence (`docs/node.md:3`); after a
// block fails, the later blocks of its page fail too, naming it. Pages run in separate
// processes, so two pages may both declare `const hospes`.
//
// A block preceded by a `<!-- no-run: reason -->` comment line is skipped with its reason.
// TypeScript blocks (```ts) are not type-checked here: each must be marked no-run (none is yet).
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const PACKAGE = path.resolve(__dirname, '..');
const NO_RUN = /^\s*<!--\s*no-run\b(.*?)-->\s*$/;
const FENCE = /^( {0,3})(`{3,}|~{3,})([^`]*)$/;

/** The fenced blocks of a Markdown page: { page, line, language, source, noRun }. */
function blocks(file) {
  const page = path.relative(ROOT, file).split(path.sep).join('/');
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  const found = [];
  for (let i = 0; i < lines.length; i += 1) {
    const opening = FENCE.exec(lines[i]);
    if (!opening) continue;
    const [, indent, fence, info] = opening;
    const language = info.trim().split(/[\s,{]/, 1)[0].toLowerCase();
    const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    let end = i + 1;
    while (end < lines.length && !closing.test(lines[end])) end += 1;
    const previous = lines.slice(0, i).reverse().find((line) => line.trim() !== '') || '';
    const marker = NO_RUN.exec(previous);
    const body = lines.slice(i + 1, end).map((line) => line.slice(Math.min(indent.length, line.length - line.trimStart().length)));
    found.push({
      page,
      line: i + 1,
      language,
      source: `${body.join('\n')}\n`,
      noRun: marker ? marker[1].trim().replace(/^[:\s-]+/, '') || 'marked no-run' : null,
    });
    i = end;
  }
  return found;
}

const PAGES = [path.join(ROOT, 'README.md'), ...fs.readdirSync(path.join(ROOT, 'docs'))
  .filter((name) => name.endsWith('.md')).sort().map((name) => path.join(ROOT, 'docs', name))];
const JS = new Set(['js', 'javascript', 'cjs', 'node']);
const TS = new Set(['ts', 'typescript']);

/** Runs one page's blocks in this process (the child's side); prints one result per block. */
function runPage(page, sources) {
  process.chdir(ROOT);
  const output = [];
  const capture = (...args) => output.push(args.map((a) => (typeof a === 'string' ? a : require('node:util').inspect(a))).join(' '));
  globalThis.console = { ...console, log: capture, info: capture, warn: capture, error: capture, debug: capture };
  globalThis.require = (name) => require(name === 'hospes' ? PACKAGE : name);
  const results = [];
  for (const { line, source } of sources) {
    output.length = 0;
    try {
      new vm.Script(source, { filename: page, lineOffset: line }).runInThisContext();
      results.push({ line, ok: true, output: output.join('\n') });
    } catch (error) {
      const detail = error && error.stack ? error.stack.split('\n').filter((l) => !l.includes('node:')).join('\n') : String(error);
      results.push({ line, ok: false, error: detail, output: output.join('\n') });
      break;
    }
  }
  process.stdout.write(JSON.stringify(results));
}

if (process.argv[2] === '--run-page') {
  const { page, sources } = JSON.parse(fs.readFileSync(0, 'utf8'));
  runPage(page, sources);
} else {
  const all = PAGES.flatMap(blocks);
  const runnable = all.filter((b) => JS.has(b.language) || TS.has(b.language));

  test('the README and the Node guide have JavaScript blocks to run', () => {
    const pages = new Set(runnable.filter((b) => JS.has(b.language)).map((b) => b.page));
    assert.ok(pages.has('README.md') && pages.has('docs/node.md'), [...pages].join(', '));
  });

  const byPage = new Map();
  for (const block of runnable) {
    if (!byPage.has(block.page)) byPage.set(block.page, []);
    byPage.get(block.page).push(block);
  }

  for (const [page, pageBlocks] of byPage) {
    const toRun = pageBlocks.filter((b) => JS.has(b.language) && !b.noRun);
    let results = null;
    const resultsOf = () => {
      if (results) return results;
      const child = spawnSync(process.execPath, [__filename, '--run-page'], {
        input: JSON.stringify({ page, sources: toRun.map(({ line, source }) => ({ line, source })) }),
        encoding: 'utf8',
        timeout: 120000,
      });
      if (child.status !== 0) throw new Error(`${page}: the runner failed (${child.status}): ${child.stderr}`);
      results = new Map(JSON.parse(child.stdout).map((r) => [r.line, r]));
      return results;
    };
    for (const block of pageBlocks) {
      const id = `${block.page}:${block.line}`;
      if (block.noRun) {
        test(id, { skip: `no-run: ${block.noRun}` }, () => {});
      } else if (TS.has(block.language)) {
        test(id, () => assert.fail(`${id}: TypeScript blocks are not type-checked; mark it <!-- no-run: reason -->`));
      } else {
        test(id, () => {
          const result = resultsOf().get(block.line);
          if (!result) {
            const broken = [...resultsOf().values()].find((r) => !r.ok);
            assert.fail(`an earlier block of ${page} failed: ${page}:${broken ? broken.line : '?'}`);
          }
          if (!result.ok) assert.fail(`${id} failed:\n${result.error}${result.output ? `\noutput:\n${result.output}` : ''}`);
        });
      }
    }
  }
}
