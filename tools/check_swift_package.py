#!/usr/bin/env python3
"""Checks bindings-mobile/swift/Package.swift against the files uniffi generated, since no Swift
compiler runs here (stdlib only; `make package-test` runs it):

- every file of its targets' `path` is either one of their `sources` or `exclude`d, and each of
  those exists: a file uniffi adds or renames fails the check until the manifest names it;
- the `sources` are exactly the generated .swift files, and every C module they import
  (`#if canImport(HospesFFI)`) has its header and module map among the excluded files (they go
  into the XCFramework), the module map declaring that module over that header;
- every dependency of a target is a target of the manifest, and so is every product's target;
- the binary target's XCFramework is not committed, and docs/install.md builds it under that name
  with `xcodebuild -create-xcframework`.

    python3 tools/check_swift_package.py
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Dict, List

ROOT = Path(__file__).resolve().parents[1]
PACKAGE_DIR = ROOT / "bindings-mobile" / "swift"
MANIFEST = PACKAGE_DIR / "Package.swift"
INSTALL_DOC = ROOT / "docs" / "install.md"


def strings(text: str) -> List[str]:
    return re.findall(r'"([^"]*)"', text)


def calls(manifest: str, kind: str) -> List[str]:
    """The argument text of every `.kind(…)` call, balanced parentheses."""
    out = []
    for match in re.finditer(rf"\.{kind}\(", manifest):
        depth, i = 1, match.end()
        while depth and i < len(manifest):
            depth += {"(": 1, ")": -1}.get(manifest[i], 0)
            i += 1
        out.append(manifest[match.end() : i - 1])
    return out


def argument(call: str, name: str) -> str:
    """The text of argument `name:` of a call: a string or a bracketed list."""
    match = re.search(rf"\b{name}:\s*(\[[^\]]*\]|\"[^\"]*\")", call)
    return match.group(1) if match else ""


def main() -> int:
    problems: List[str] = []
    manifest = re.sub(r"//[^\n]*", "", MANIFEST.read_text(encoding="utf-8"))
    if not MANIFEST.read_text(encoding="utf-8").startswith("// swift-tools-version:"):
        problems.append("Package.swift: the first line must be `// swift-tools-version:X.Y`")

    targets: Dict[str, str] = {}
    for call in calls(manifest, "target") + calls(manifest, "binaryTarget"):
        targets[strings(argument(call, "name"))[0]] = call
    for call in calls(manifest, "library"):
        for name in strings(argument(call, "targets")):
            if name not in targets:
                problems.append(f"product {strings(argument(call, 'name'))} names no target {name}")

    checked_sources = 0
    for call in calls(manifest, "target"):
        name = strings(argument(call, "name"))[0]
        for dep in strings(argument(call, "dependencies")):
            if dep not in targets:
                problems.append(f"target {name}: dependency {dep} is no target of the manifest")
        directory = PACKAGE_DIR / (strings(argument(call, "path")) or [f"Sources/{name}"])[0]
        sources = set(strings(argument(call, "sources")))
        excluded = set(strings(argument(call, "exclude")))
        present = {p.name for p in directory.iterdir() if p.is_file()} if directory.is_dir() else set()
        for missing in sorted((sources | excluded) - present):
            problems.append(f"target {name}: {directory.relative_to(ROOT)}/{missing} does not exist")
        for unnamed in sorted(present - sources - excluded):
            problems.append(f"target {name}: {directory.relative_to(ROOT)}/{unnamed} is neither a source nor excluded")
        swift = {f for f in present if f.endswith(".swift")}
        if sources != swift:
            problems.append(f"target {name}: sources {sorted(sources)} are not the generated Swift files {sorted(swift)}")
        for source in sorted(swift & sources):
            checked_sources += 1
            text = (directory / source).read_text(encoding="utf-8")
            for module in re.findall(r"#if canImport\((\w+)\)", text):
                header, modulemap = f"{module}.h", f"{module}.modulemap"
                for needed in (header, modulemap):
                    if needed not in excluded:
                        problems.append(f"{source} imports {module}: {needed} is not among the files for the XCFramework (exclude)")
                if modulemap in present:
                    declared = (directory / modulemap).read_text(encoding="utf-8")
                    if not re.search(rf'module\s+{module}\s*\{{[^}}]*header\s+"{re.escape(header)}"', declared):
                        problems.append(f"{modulemap} does not declare module {module} over {header}")

    for call in calls(manifest, "binaryTarget"):
        path = strings(argument(call, "path"))[0]
        tracked = subprocess.run(["git", "ls-files", f"bindings-mobile/swift/{path}"], cwd=ROOT, capture_output=True, text=True).stdout
        if tracked.strip():
            problems.append(f"{path} is committed: it is built on a Mac (docs/install.md)")
        doc = INSTALL_DOC.read_text(encoding="utf-8") if INSTALL_DOC.exists() else ""
        if not re.search(rf"xcodebuild -create-xcframework[^`]*?-output [^\s`]*{re.escape(path)}", doc, re.S):
            problems.append(f"docs/install.md builds no {path} with xcodebuild -create-xcframework … -output")

    for problem in problems:
        print(f"Package.swift: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"Package.swift: {len(targets)} targets, {checked_sources} generated Swift files, every file named")
    return 0


if __name__ == "__main__":
    sys.exit(main())
