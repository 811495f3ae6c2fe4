# hospes — the two commands of the README, and the steps they are made of.
#
#   make demo   serves the reference portal (examples/portal) on 127.0.0.1 and prints the URLs
#               to open; `make tour` runs the console tour (examples/src/tour.rs)
#   make test   installs what it needs (a Python venv, npm ci, Maven's downloads) and runs
#               every suite: Rust, clippy, fmt, pytest, node --test, JUnit, the Swift check,
#               and the shared vectors in all four languages.
#
# One debug build of the workspace serves every language: the cdylibs built by `cargo build`
# are copied next to the Python and Node packages and loaded by the JVM through JNA.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

PYTHON ?= python3
VENV := .venv
VENV_PY := $(VENV)/bin/python
LIB_DIR := $(CURDIR)/target/debug
BINDGEN := $(LIB_DIR)/uniffi-bindgen
MOBILE_LIB := $(LIB_DIR)/libhospes_mobile.so
KOTLIN_OUT := bindings-mobile/kotlin/generated
SWIFT_OUT := bindings-mobile/swift/Sources

.PHONY: demo tour test lint rust-test build python-test node-test kotlin-test swift-check \
        bindings-generate bench fuzz wheel clean poppler audit portal portal-test facturx-test

demo: build portal

tour:
	cargo run --quiet -p hospes-examples --bin tour

test: lint build rust-test facturx-test python-test portal-test node-test kotlin-test swift-check package-test
	@echo "make test: every suite passed"

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --quiet -p hospes --no-deps --all-features
	$(PYTHON) tools/check_architecture.py
	$(PYTHON) tools/check_versions.py

# The PDF tests read documents back with poppler's pdftotext and pdftoppm.
poppler:
	@command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null || \
	  (echo "installing poppler-utils (pdftotext, pdftoppm) for the PDF tests" && \
	   (apt-get install -y -qq poppler-utils >/dev/null || (apt-get update -qq && apt-get install -y -qq poppler-utils >/dev/null)))

# Property tests draw their cases from one seed, chosen here and printed, so that any failure
# re-runs exactly: `make rust-test PROPTEST_RNG_SEED=<the seed printed>`. A failing case is also
# written beside its test (core/tests/<name>.proptest-regressions): commit it.
ifndef PROPTEST_RNG_SEED
PROPTEST_RNG_SEED := $(shell od -An -N4 -tu4 /dev/urandom | tr -d ' ')
endif
export PROPTEST_RNG_SEED

rust-test: build poppler
	@echo "property tests: PROPTEST_RNG_SEED=$(PROPTEST_RNG_SEED)"
	cargo test --workspace

# Every target of the workspace in one build: the tests, the cdylibs of the three bindings and
# the uniffi-bindgen binary share the same compiled core.
build:
	cargo build --workspace --all-targets
	cp $(LIB_DIR)/lib_native.so bindings-python/python/hospes/_native.abi3.so
	cp $(LIB_DIR)/libhospes_node.so bindings-node/hospes.node

# The venv is made once; its packages are installed again whenever requirements-dev.txt changes
# (a venv made before a new pin, such as hypothesis for the sweep, gets it).
VENV_DEV := $(VENV)/.requirements-dev.installed
# Declared before any rule names it: make expands a rule's prerequisites when it reads the rule.
PORTAL_VENV := $(VENV)/.requirements-portal.installed

$(VENV_PY):
	$(PYTHON) -m venv $(VENV)

$(VENV_DEV): bindings-python/requirements-dev.txt | $(VENV_PY)
	$(VENV_PY) -m pip install --quiet --disable-pip-version-check -r bindings-python/requirements-dev.txt
	touch $@

python-test: build $(VENV_DEV) $(PORTAL_VENV)
	cd bindings-python && PYTHONPATH=python ../$(VENV_PY) tools/gen_stubs.py --check
	cd bindings-python && PYTHONPATH=python ../$(VENV_PY) tools/gen_errors.py --check
	PYTHONPATH=bindings-python/python $(VENV_PY) tools/gen_wire_docs.py --check
	cd bindings-python && PYTHONPATH=python ../$(VENV_PY) -m pytest -q -p no:cacheprovider
	PYTHONPATH=bindings-python/python $(VENV_PY) examples/python_host.py
	# The hosts of examples/ (the reference portal included: it reads its records back typed
	# with hospes.from_wire) type-check against the generated stubs.
	MYPYPATH=bindings-python/python $(VENV)/bin/mypy --strict --cache-dir target/mypy examples/
	cd bindings-python && ../$(VENV)/bin/maturin sdist --out ../target/wheels

node-test: build
	cd bindings-node && npm ci --silent --no-audit --no-fund
	cd bindings-node && node scripts/gen-types.js --check
	cd bindings-node && npx --no-install tsc -p test/tsconfig.json
	cd bindings-node && node --test test/
	node examples/node_host.js

# The reference web host (examples/portal): Flask + waitress on 127.0.0.1:8080 (PORT=…), SQLite
# under target/portal/ (DATABASE_URL=postgresql+psycopg://… for PostgreSQL), seeded on first
# start. It uses the Python package as built in bindings-python/python (run `make build` first
# on a fresh clone). `make portal-test` runs its HTTP journeys with pytest.

$(PORTAL_VENV): examples/portal/requirements.txt examples/portal/requirements-test.txt | $(VENV_PY)
	$(VENV_PY) -m pip install --quiet --disable-pip-version-check -r examples/portal/requirements.txt \
	  -r examples/portal/requirements-test.txt
	touch $@

portal: $(PORTAL_VENV)
	cd examples/portal && PYTHONPATH=$(CURDIR)/bindings-python/python:. $(CURDIR)/$(VENV_PY) -m hospes_portal

# The journeys at HTTP level and in headless Chromium (Selenium, Debian's chromium and
# chromium-driver; axe-core from npm; screenshots to target/portal/screens/), on SQLite.
portal-test: $(PORTAL_VENV) $(VENV_DEV) poppler
	sh examples/portal/tests/browser/install_chromium.sh
	cd examples/portal/tests/browser && npm ci --silent --no-audit --no-fund
	cd examples/portal && PYTHONPATH=$(CURDIR)/bindings-python/python:.:tests $(CURDIR)/$(VENV_PY) -m pytest -q -p no:cacheprovider tests
	@# The same journeys on PostgreSQL: a throw-away cluster (initdb in a temporary directory, as the
	@# postgres user, on 127.0.0.1), started and stopped by tests/postgres.py.
	sh examples/portal/tests/install_postgres.sh
	cd examples/portal && PYTHONPATH=$(CURDIR)/bindings-python/python:.:tests $(CURDIR)/$(VENV_PY) tests/postgres.py -- \
	  $(CURDIR)/$(VENV_PY) -m pytest -q -p no:cacheprovider tests

# Factur-X: the Rust tests write every invoice kind in fr/en/es (XML and PDF/A-3b) and negative
# samples to target/facturx/; Mustang-CLI (Maven Central: veraPDF, the EN 16931 and Factur-X
# schematrons, the French rules) validates them all in one JVM, its XML reports parsed (never its
# exit code); the XML also passes the factur-x package's XSD and schematrons run with saxonche.
facturx-test: build $(VENV_DEV)
	$(VENV_PY) -m pip install --quiet --disable-pip-version-check -r tools/facturx/requirements.txt
	cargo test -q -p hospes --test facturx
	$(VENV_PY) tools/facturx/validate.py --schematron --invalid target/facturx/invalid

# Kotlin and Swift sources are generated from the built library and committed; CI regenerates
# them and fails on any difference, so the checked-in bindings always match the Rust API.
bindings-generate: build
	rm -rf $(KOTLIN_OUT) $(SWIFT_OUT)
	$(BINDGEN) generate $(MOBILE_LIB) --language kotlin --out-dir $(KOTLIN_OUT) --no-format
	$(PYTHON) tools/patch_kotlin_strings.py $(KOTLIN_OUT)
	$(BINDGEN) generate $(MOBILE_LIB) --language swift --out-dir $(SWIFT_OUT) --no-format

kotlin-test: build
	rm -rf target/bindings-check && mkdir -p target/bindings-check
	$(BINDGEN) generate $(MOBILE_LIB) --language kotlin --out-dir target/bindings-check/kotlin --no-format
	$(PYTHON) tools/patch_kotlin_strings.py target/bindings-check/kotlin
	diff -r $(KOTLIN_OUT) target/bindings-check/kotlin || (echo "Kotlin bindings are stale: run make bindings-generate" && exit 1)
	$(PYTHON) tools/gen_kotlin_doc_snippets.py --check
	PYTHONPATH=bindings-python/python $(PYTHON) tools/gen_kotlin_vectors.py --check
	mvn -B -q -f bindings-mobile/kotlin/pom.xml test -Dhospes.lib.dir=$(LIB_DIR)

swift-check: build
	rm -rf target/bindings-check/swift
	$(BINDGEN) generate $(MOBILE_LIB) --language swift --out-dir target/bindings-check/swift --no-format
	diff -r $(SWIFT_OUT) target/bindings-check/swift || (echo "Swift bindings are stale: run make bindings-generate" && exit 1)
	@echo "Swift bindings match the Rust API (no Swift compiler here: generated and checked only)"

# Criterion for the core, then the same calls from Python and Node against release builds, and
# the time of every case of the hostile-input sweeps' grid (the goal: no case over 1 s).
bench: $(VENV_DEV) $(PORTAL_VENV)
	$(PYTHON) tests/bench/register_clients.py
	cargo bench -p hospes --bench core
	cargo bench -p hospes --bench register
	cargo build --release -p hospes-python -p hospes-node
	rm -rf target/bench/python target/bench/node && mkdir -p target/bench/python/hospes target/bench/node
	cp bindings-python/python/hospes/*.py bindings-python/python/hospes/py.typed target/bench/python/hospes/
	cp target/release/lib_native.so target/bench/python/hospes/_native.abi3.so
	cp -r bindings-node/index.js bindings-node/bench target/bench/node/
	cp target/release/libhospes_node.so target/bench/node/hospes.node
	$(VENV_PY) -m pip install --quiet --disable-pip-version-check -r bindings-python/requirements-bench.txt
	@# WeasyPrint (bench_pdf.py) loads pango and harfbuzz-subset, Debian's libraries.
	@$(VENV_PY) -c "from weasyprint.text.ffi import harfbuzz_subset; assert harfbuzz_subset" >/dev/null 2>&1 || \
	  (echo "installing pango and harfbuzz-subset for WeasyPrint" && \
	   (apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 >/dev/null || \
	    (apt-get update -qq && apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 >/dev/null)))
	cd target/bench/node && npm install --silent --no-save --no-audit --no-fund jose@6.2.17 nunjucks@3.2.4 \
	  pdfkit@0.20.2 fontkit@2.0.4
	PYTHONPATH=target/bench/python $(VENV_PY) bindings-python/bench/bench_calls.py
	PYTHONPATH=target/bench/python $(VENV_PY) bindings-python/bench/bench_links.py
	PYTHONPATH=target/bench/python $(VENV_PY) bindings-python/bench/bench_mail.py
	PYTHONPATH=target/bench/python $(VENV_PY) bindings-python/bench/bench_pdf.py
	PYTHONPATH=target/bench/python $(VENV_PY) bindings-python/bench/bench_sweep.py
	PYTHONPATH=target/bench/python $(VENV_PY) bindings-python/bench/bench_register.py
	node target/bench/node/bench/calls.js
	node target/bench/node/bench/links.js
	node target/bench/node/bench/mail.js
	node target/bench/node/bench/pdf.js
	node target/bench/node/bench/sweep.js
	node target/bench/node/bench/register.js
	@# The reference portal: the stay page's server time, and a 50-guest load run on SQLite and on
	@# a throw-away PostgreSQL cluster (examples/portal/bench/bench_portal.py).
	cd examples/portal && PYTHONPATH=$(CURDIR)/target/bench/python:.:tests $(CURDIR)/$(VENV_PY) bench/bench_portal.py
	cd examples/portal && PYTHONPATH=$(CURDIR)/target/bench/python:.:tests $(CURDIR)/$(VENV_PY) tests/postgres.py -- \
	  $(CURDIR)/$(VENV_PY) bench/bench_portal.py

# Fuzz every parser of outside input for FUZZ_SECONDS each (cargo-fuzz, nightly).
FUZZ_SECONDS ?= 60
fuzz:
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	cd core && cargo +nightly fuzz run link_verify -- -max_total_time=$(FUZZ_SECONDS) -max_len=4096
	cd core && cargo +nightly fuzz run wire_call -- -max_total_time=$(FUZZ_SECONDS) -max_len=65536
	cd core && cargo +nightly fuzz run mail_template -- -max_total_time=$(FUZZ_SECONDS) -max_len=16384
	cd core && cargo +nightly fuzz run contract_terms -- -max_total_time=$(FUZZ_SECONDS) -max_len=16384
	cd core && cargo +nightly fuzz run json_input -- -max_total_time=$(FUZZ_SECONDS) -max_len=65536

# Licences and duplicate versions of the dependency tree (deny.toml), and dependencies no source
# uses. Not part of `make test`: it installs two tools the first time.
audit:
	command -v cargo-deny >/dev/null || cargo install cargo-deny --locked
	command -v cargo-machete >/dev/null || cargo install cargo-machete --locked
	cargo deny check licenses bans
	cargo machete --skip-target-dir

# ---- The packages a user installs (docs/install.md) --------------------------------------------
#
# One optimised build makes the three native packages: the wheel, the npm platform package and the
# JAR. Profile `dist` (Cargo.toml: release without cross-crate LTO, so that each library links the
# shared crates in seconds), target x86_64-unknown-linux-gnu linked by zig for glibc 2.28
# (tools/zigcc, given to maturin and to cargo alike through RUSTFLAGS, so that cargo's fingerprints,
# which hash the linker, match; with --target, RUSTFLAGS leave build scripts and proc macros to the
# host's linker). maturin builds the Python library with `-F hospes/uniffi`, the features
# the Node and mobile libraries give the core, and uniffi's `cli` lives in a crate of its own
# (bindings-mobile/bindgen): so every dependency and the core have the same features in maturin's
# build as in cargo's build of the three libraries after it, which then compiles only napi and the
# Node and mobile crates (the price: the Python module also exports the core's ~250 uniffi C
# functions, which nothing calls). `make wheel PACKAGE_PROFILE=release` builds with thin LTO.
.PHONY: package-test package-check
PACKAGE_PROFILE ?= dist
PACKAGE_TARGET := x86_64-unknown-linux-gnu
PACKAGE_LIBS := $(CURDIR)/target/$(PACKAGE_TARGET)/$(PACKAGE_PROFILE)
PACKAGE_ENV := RUSTFLAGS="-C linker=$(CURDIR)/tools/zigcc" HOSPES_PACKAGE_VENV=$(CURDIR)/$(VENV)
PACKAGE_VERSION = $(shell $(PYTHON) -c "import tomllib; print(tomllib.load(open('Cargo.toml', 'rb'))['workspace']['package']['version'])")
PY_MINOR = $(shell $(VENV_PY) -c "import sys; print('%d.%d' % sys.version_info[:2])")
WHEEL = target/wheels/hospes-$(PACKAGE_VERSION)-cp310-abi3-manylinux_2_28_x86_64.whl
VENV_PACKAGE := $(VENV)/.requirements-package.installed
KOTLIN_MODULE := bindings-mobile/kotlin/target/classes/META-INF/hospes-kotlin.kotlin_module

$(VENV_PACKAGE): bindings-python/requirements-package.txt | $(VENV_PY)
	$(VENV_PY) -m pip install --quiet --disable-pip-version-check -r bindings-python/requirements-package.txt
	touch $@

# The wheel: manylinux_2_28, abi3 (CPython >= 3.10), read back by auditwheel (tools/check_wheel.py).
wheel: $(VENV_DEV) $(VENV_PACKAGE)
	cd bindings-python && $(PACKAGE_ENV) ../$(VENV)/bin/maturin build --profile $(PACKAGE_PROFILE) \
	  --target $(PACKAGE_TARGET) --compatibility manylinux_2_28 --auditwheel check -F hospes/uniffi \
	  --interpreter $(CURDIR)/$(VENV_PY) --out ../target/wheels
	$(VENV_PY) tools/check_wheel.py $(WHEEL)

# Every package installed the way a user installs it: the wheel in a fresh venv (a call, an error
# code, the typed stubs); the two npm tarballs in a fresh project, offline, then `require`d,
# `import`ed and type-checked from TypeScript; the JAR in the local Maven repository, used by a
# project of its own (bindings-mobile/kotlin/consumer); Package.swift against the generated Swift
# sources; one version everywhere, the installed packages' included.
package-test: wheel
	@# The Node addon and the JAR's library: the same build as the wheel's (PYO3_CONFIG_FILE is the
	@# interpreter configuration maturin gave pyo3), so only the Node and mobile crates compile.
	$(PACKAGE_ENV) PYO3_CONFIG_FILE=$(CURDIR)/target/maturin/pyo3-config-$(PACKAGE_TARGET)-$(PY_MINOR)-abi3.txt \
	  cargo build --profile $(PACKAGE_PROFILE) --target $(PACKAGE_TARGET) -p hospes-python -p hospes-node -p hospes-mobile --lib
	rm -rf target/package-test && mkdir -p target/package-test
	$(PYTHON) -m venv target/package-test/venv
	target/package-test/venv/bin/python -m pip install --quiet --disable-pip-version-check --no-index --no-deps $(WHEEL)
	cd target/package-test && venv/bin/python $(CURDIR)/bindings-python/package-test/smoke.py $(PACKAGE_VERSION)
	cd bindings-node && node scripts/gen-esm.js --check
	test -x bindings-node/node_modules/.bin/tsc || (cd bindings-node && npm ci --silent --no-audit --no-fund)
	rm -rf target/npm && node bindings-node/scripts/pack.js --addon $(PACKAGE_LIBS)/libhospes_node.so --out target/npm
	cp -r bindings-node/package-test target/npm/consumer
	cd target/npm/consumer && npm install --offline --silent --no-audit --no-fund \
	  ../hospes-$(PACKAGE_VERSION).tgz ../hospes-linux-x64-gnu-$(PACKAGE_VERSION).tgz
	cd target/npm/consumer && node consumer.cjs && node consumer.mjs && $(CURDIR)/bindings-node/node_modules/.bin/tsc -p tsconfig.json
	@# The JAR: the classes `make kotlin-test` compiled (compiled here first when missing or older
	@# than a source: Kotlin compiles in ~45 s) and the library, packed and installed by the pom's
	@# `package` profile. Without the staging, `mvn -P package install` does the same from sources.
	test -f $(KOTLIN_MODULE) && [ -z "$$(find bindings-mobile/kotlin/generated bindings-mobile/kotlin/src/main \
	  -name '*.kt' -newer $(KOTLIN_MODULE) -print -quit)" ] || mvn -B -q -f bindings-mobile/kotlin/pom.xml compile
	rm -rf target/kotlin-package && mkdir -p target/kotlin-package/classes/linux-x86-64
	cp -R bindings-mobile/kotlin/target/classes/. target/kotlin-package/classes/
	cp $(PACKAGE_LIBS)/libhospes_mobile.so target/kotlin-package/classes/linux-x86-64/
	mvn -B -q -f bindings-mobile/kotlin/pom.xml -P package jar:jar install:install
	$(PYTHON) -c "import sys, zipfile; sys.exit('linux-x86-64/libhospes_mobile.so' not in zipfile.ZipFile(sys.argv[1]).namelist())" \
	  target/kotlin-package/hospes-kotlin-$(PACKAGE_VERSION).jar
	mvn -B -q -f bindings-mobile/kotlin/consumer/pom.xml test
	$(PYTHON) tools/check_swift_package.py
	$(PYTHON) tools/check_versions.py --python target/package-test/venv/bin/python --node-package target/npm/consumer/node_modules
	@echo "make package-test: the wheel, the npm packages, the JAR and the Swift package install and answer"

# Slower checks of what would be published, outside `make test`: the sdist built and installed
# from source in a fresh venv (pip compiles the Python library, release profile, in its own
# target directory), and the crate as crates.io would receive it (`cargo publish --dry-run` packs
# it and compiles the packed copy).
package-check: $(VENV_DEV)
	rm -rf target/package-check && mkdir -p target/package-check
	cd bindings-python && ../$(VENV)/bin/maturin sdist --out ../target/package-check
	$(PYTHON) -m venv target/package-check/venv
	target/package-check/venv/bin/python -m pip install --quiet --disable-pip-version-check \
	  target/package-check/hospes-$(PACKAGE_VERSION).tar.gz
	cd target/package-check && venv/bin/python $(CURDIR)/bindings-python/package-test/smoke.py $(PACKAGE_VERSION)
	cargo package --list -p hospes --allow-dirty > target/package-check/crate-files.txt
	@for f in Cargo.toml README.md LICENSE-MIT LICENSE-APACHE src/lib.rs fonts/LICENSE-Noto; do \
	  grep -qx "$$f" target/package-check/crate-files.txt || { echo "the crate lacks $$f"; exit 1; }; done
	@! grep -E '^(tests|benches|fuzz|examples)/' target/package-check/crate-files.txt
	cargo publish --dry-run -p hospes --allow-dirty
	@echo "make package-check: the sdist installs from source, the crate packs and compiles"

clean:
	cargo clean
	rm -rf $(VENV) bindings-node/node_modules bindings-node/hospes.node bindings-python/python/hospes/_native.abi3.so
