#!/usr/bin/env python3
"""One version for every package hospes ships: checks that each place that states one agrees with
the workspace's `[workspace.package] version` (stdlib only; `make lint` runs it).

The places:
- Cargo.toml: the workspace version, and the version of the `hospes` path dependency (what the
  bindings require of the crate on crates.io); every member inherits the workspace version.
- bindings-python/pyproject.toml: `[project] version` (the wheel's and the sdist's).
- bindings-node/package.json: `version`, and the version of every platform package among its
  `optionalDependencies` (`hospes-linux-x64-gnu` …); package-lock.json's copy of both.
- bindings-mobile/kotlin/pom.xml: the JAR's `<version>`; bindings-mobile/kotlin/consumer/pom.xml:
  the version of hospes-kotlin it depends on.
- docs/install.md: every `hospes-kotlin:X` coordinate, `<version>` of the hospes-kotlin
  dependency, `hospes==X`, `hospes@X`, `hospes-linux-x64-gnu@X`, and the version in the names of
  the wheel, the sdist and the npm tarballs it shows.
- With `--python PY`: `hospes.__version__` as the interpreter PY imports it (the native module's
  `CARGO_PKG_VERSION`, so the wheel's library was built from this version).
- With `--node-package DIR`: the `version` of each package.json under DIR (the packages `npm
  pack` made, as installed).

    python3 tools/check_versions.py                       # the files
    python3 tools/check_versions.py --python venv/bin/python --node-package project/node_modules
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Dict, List, Tuple

try:
    import tomllib
except ImportError:  # Python 3.10: pip's copy of the same parser
    from pip._vendor import tomli as tomllib  # type: ignore[no-redef]

ROOT = Path(__file__).resolve().parents[1]
POM_NS = {"m": "http://maven.apache.org/POM/4.0.0"}
MEMBERS_VERSION_KEY = "version"


def toml(path: Path) -> Dict[str, Any]:
    with path.open("rb") as f:
        return tomllib.load(f)


def found(path: Path) -> str:
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def cargo_versions(workspace: Dict[str, Any]) -> List[Tuple[str, str]]:
    """(place, version) of the workspace, its `hospes` dependency and every member."""
    out = [("Cargo.toml [workspace.package] version", workspace["workspace"]["package"]["version"])]
    dep = workspace["workspace"]["dependencies"]["hospes"]
    out.append(("Cargo.toml [workspace.dependencies] hospes version", str(dep.get("version", "(none)"))))
    for member in workspace["workspace"]["members"]:
        manifest = ROOT / member / "Cargo.toml"
        version = toml(manifest)["package"].get(MEMBERS_VERSION_KEY)
        if version != {"workspace": True}:
            out.append((f"{found(manifest)} [package] version", str(version)))
    return out


def python_versions() -> List[Tuple[str, str]]:
    project = toml(ROOT / "bindings-python/pyproject.toml")["project"]
    return [("bindings-python/pyproject.toml [project] version", str(project.get("version", "(dynamic)")))]


def node_versions() -> List[Tuple[str, str]]:
    out = []
    package = json.loads((ROOT / "bindings-node/package.json").read_text(encoding="utf-8"))
    out.append(("bindings-node/package.json version", package["version"]))
    for name, version in package.get("optionalDependencies", {}).items():
        if name.startswith(f"{package['name']}-"):
            out.append((f"bindings-node/package.json optionalDependencies {name}", version))
    lock = json.loads((ROOT / "bindings-node/package-lock.json").read_text(encoding="utf-8"))
    out.append(("bindings-node/package-lock.json version", lock["version"]))
    root = lock.get("packages", {}).get("", {})
    out.append(('bindings-node/package-lock.json packages[""] version', root.get("version", "(none)")))
    for name, version in root.get("optionalDependencies", {}).items():
        if name.startswith(f"{package['name']}-"):
            out.append((f"bindings-node/package-lock.json optionalDependencies {name}", version))
    return out


def pom_versions() -> List[Tuple[str, str]]:
    out = []
    pom = ROOT / "bindings-mobile/kotlin/pom.xml"
    project = ET.parse(pom).getroot()
    out.append((f"{found(pom)} <version>", project.findtext("m:version", default="(none)", namespaces=POM_NS)))
    consumer = ROOT / "bindings-mobile/kotlin/consumer/pom.xml"
    if consumer.exists():
        for dep in ET.parse(consumer).getroot().iterfind("m:dependencies/m:dependency", POM_NS):
            if dep.findtext("m:artifactId", namespaces=POM_NS) == "hospes-kotlin":
                out.append((f"{found(consumer)} hospes-kotlin <version>", dep.findtext("m:version", default="(none)", namespaces=POM_NS)))
    return out


DOC_PATTERNS = [
    re.compile(r"hospes-kotlin:(?P<v>[0-9][^\s\"')`]*)"),
    re.compile(r"<artifactId>hospes-kotlin</artifactId>\s*<version>(?P<v>[^<]+)</version>"),
    re.compile(r"\bhospes==(?P<v>[0-9][^\s\"')`]*)"),
    re.compile(r"\bhospes(?:-linux-x64-gnu)?@(?P<v>[0-9][^\s\"')`]*)"),
    re.compile(r"\bhospes(?:-linux-x64-gnu)?-(?P<v>[0-9][\w.]*?)\.tgz"),
    re.compile(r"\bhospes-(?P<v>[0-9][\w.]*?)(?:-cp\d+|\.tar\.gz)"),
]


def doc_versions() -> List[Tuple[str, str]]:
    page = ROOT / "docs/install.md"
    if not page.exists():
        return []
    text = page.read_text(encoding="utf-8")
    out = []
    for pattern in DOC_PATTERNS:
        for match in pattern.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            out.append((f"docs/install.md:{line} {match.group(0).split()[0][:40]}", match["v"]))
    return out


def python_import_version(python: str) -> List[Tuple[str, str]]:
    code = "import hospes, sys; sys.stdout.write(hospes.__version__ + ' ' + hospes.__file__)"
    # Run from / so that the repository's own package is not what `import hospes` finds; the path
    # made absolute, not resolved (a venv's python is a symlink out of the venv).
    out = subprocess.run([os.path.abspath(python), "-c", code], check=True, capture_output=True, text=True, cwd="/").stdout
    version, where = out.split(" ", 1)
    return [(f"hospes.__version__ ({where})", version)]


def installed_node_versions(directory: Path) -> List[Tuple[str, str]]:
    out = []
    for manifest in sorted(directory.glob("hospes*/package.json")):
        out.append((f"{found(manifest)} version", json.loads(manifest.read_text(encoding="utf-8"))["version"]))
    if not out:
        raise SystemExit(f"no hospes package under {directory}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--python", help="an interpreter whose `import hospes` is checked too")
    parser.add_argument("--node-package", type=Path, help="a node_modules directory whose hospes packages are checked too")
    args = parser.parse_args()

    workspace = toml(ROOT / "Cargo.toml")
    expected = workspace["workspace"]["package"]["version"]
    places = cargo_versions(workspace) + python_versions() + node_versions() + pom_versions() + doc_versions()
    if args.python:
        places += python_import_version(args.python)
    if args.node_package:
        places += installed_node_versions(args.node_package)
    wrong = [(place, version) for place, version in places if version != expected]
    for place, version in wrong:
        print(f"{place}: {version}, not {expected}", file=sys.stderr)
    if wrong:
        print(f"check_versions: {len(wrong)} of {len(places)} places disagree with the workspace version {expected}", file=sys.stderr)
        return 1
    print(f"check_versions: {len(places)} places say {expected}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
