'use strict';
// Packs the two npm packages a user installs, napi-rs's layout:
//
// - `hospes`: index.js, index.mjs and their types, no binary; its package.json is this
//   directory's, with the platform package added to `optionalDependencies` (as `napi prepublish`
//   adds them: they are not in the committed package.json, where `npm ci` would look them up in
//   the registry) and without the development fields.
// - `hospes-linux-x64-gnu` (the platform this runs on): the addon alone, named
//   `hospes.linux-x64-gnu.node`, with `os`, `cpu` and `libc` so that npm installs it only there.
//
// Each is staged in OUT/<name>/ with the licence texts and packed by `npm pack` into OUT/; the
// tarballs' paths are printed, the main package's first.
//
//   node scripts/pack.js --addon ../target/x86_64-unknown-linux-gnu/dist/libhospes_node.so --out ../target/npm
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const PACKAGE = path.resolve(__dirname, '..');
/** The repository's licence texts, added to both packages. */
const LICENCES = ['LICENSE-MIT', 'LICENSE-APACHE'];

function option(name) {
  const at = process.argv.indexOf(name);
  if (at < 0 || at + 1 >= process.argv.length) {
    console.error(`usage: node scripts/pack.js --addon <libhospes_node.so> --out <directory>`);
    process.exit(2);
  }
  return path.resolve(process.argv[at + 1]);
}

/** napi-rs's name of this platform: linux-x64-gnu, darwin-arm64, win32-x64-msvc … */
function platformTriple() {
  let abi = '';
  if (process.platform === 'linux') {
    abi = process.report.getReport().header.glibcVersionRuntime ? '-gnu' : '-musl';
  } else if (process.platform === 'win32') {
    abi = '-msvc';
  }
  return { name: `${process.platform}-${process.arch}${abi}`, os: process.platform, cpu: process.arch, libc: abi.slice(1) };
}

function writeJson(file, value) {
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

function pack(directory, out) {
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: directory, encoding: 'utf8' }));
  return path.join(out, packed.filename);
}

function main() {
  const addon = option('--addon');
  const out = option('--out');
  const manifest = JSON.parse(fs.readFileSync(path.join(PACKAGE, 'package.json'), 'utf8'));
  const platform = platformTriple();
  const platformName = `${manifest.name}-${platform.name}`;
  const binary = `${manifest.napi.binaryName}.${platform.name}.node`;

  const native = path.join(out, platform.name);
  fs.rmSync(native, { recursive: true, force: true });
  fs.mkdirSync(native, { recursive: true });
  fs.copyFileSync(addon, path.join(native, binary));
  const libc = platform.libc === 'gnu' ? { libc: ['glibc'] } : platform.libc === 'musl' ? { libc: ['musl'] } : {};
  writeJson(path.join(native, 'package.json'), {
    name: platformName,
    version: manifest.version,
    description: `The native addon of hospes for ${platform.name} (${manifest.name} loads it).`,
    license: manifest.license,
    os: [platform.os],
    cpu: [platform.cpu],
    ...libc,
    main: binary,
    files: [binary, ...LICENCES],
    engines: manifest.engines,
  });

  const main = path.join(out, manifest.name);
  fs.rmSync(main, { recursive: true, force: true });
  fs.mkdirSync(main, { recursive: true });
  for (const file of manifest.files) {
    if (file.includes('*')) throw new Error(`package.json files: list ${file} by name`);
    fs.copyFileSync(path.join(PACKAGE, file), path.join(main, file));
  }
  const published = {
    ...manifest,
    files: [...manifest.files, ...LICENCES],
    optionalDependencies: { ...manifest.optionalDependencies, [platformName]: manifest.version },
  };
  delete published.devDependencies;
  delete published.scripts;
  writeJson(path.join(main, 'package.json'), published);

  for (const dir of [main, native]) {
    for (const licence of LICENCES) fs.copyFileSync(path.join(PACKAGE, '..', licence), path.join(dir, licence));
  }

  console.log(pack(main, out));
  console.log(pack(native, out));
}

main();
