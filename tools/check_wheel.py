#!/usr/bin/env python3
"""Checks the wheel `make wheel` builds, with `auditwheel show` and by reading it (run by the
venv's Python, which has auditwheel: `make wheel`, `make package-test`):

- auditwheel finds it consistent with a manylinux tag no newer than --policy (manylinux_2_28:
  glibc 2.28, RHEL 8, Debian 10, Ubuntu 18.10 and later), and names no external shared library
  it would have to graft in: the library needs only what the manylinux policy guarantees
  (libc, libm, libgcc_s, libpthread, libdl …);
- its name and its WHEEL file carry that tag, for CPython's stable ABI from 3.10 (`cp310-abi3`);
- it holds the package: `_native.abi3.so`, the Python modules, and the typed stubs (`py.typed`,
  `__init__.pyi`), and no other native library.

    python tools/check_wheel.py target/wheels/hospes-0.1.0-cp310-abi3-manylinux_2_28_x86_64.whl
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import List, Tuple

REQUIRED = ["hospes/__init__.py", "hospes/__init__.pyi", "hospes/py.typed", "hospes/_native.abi3.so"]
ABI_TAG = "cp310-abi3"


def manylinux(tag: str) -> Tuple[int, int]:
    """(2, 28) of manylinux_2_28_x86_64; manylinux2014 is (2, 17)."""
    legacy = {"manylinux2014": (2, 17), "manylinux2010": (2, 12), "manylinux1": (2, 5)}
    for name, version in legacy.items():
        if tag.startswith(name + "_"):
            return version
    match = re.match(r"manylinux_(\d+)_(\d+)_", tag)
    if not match:
        raise ValueError(f"not a manylinux tag: {tag}")
    return int(match[1]), int(match[2])


def auditwheel_show(wheel: Path) -> str:
    result = subprocess.run([sys.executable, "-m", "auditwheel", "show", str(wheel)], capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"auditwheel show failed:\n{result.stdout}{result.stderr}")
    return " ".join(result.stdout.split())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wheel", type=Path)
    parser.add_argument("--policy", default="manylinux_2_28_x86_64", help="the newest tag accepted")
    args = parser.parse_args()
    newest = manylinux(args.policy)
    problems: List[str] = []

    shown = auditwheel_show(args.wheel)
    consistent = re.search(r'consistent with the following platform tag: "([^"]+)"', shown)
    tag = consistent[1] if consistent else ""
    if not consistent:
        problems.append(f"auditwheel names no platform tag: {shown}")
    elif not tag.startswith("manylinux") or manylinux(tag) > newest:
        problems.append(f"auditwheel: consistent with {tag} only, newer than {args.policy}")
    if "external shared libraries are required" in shown:
        problems.append(f"auditwheel: the wheel needs libraries outside the manylinux policy: {shown}")

    name = args.wheel.name
    if f"-{ABI_TAG}-" not in name or not name.endswith(".whl"):
        problems.append(f"{name}: not a {ABI_TAG} wheel")
    wheel_tag = name[: -len(".whl")].split("-")[-1]
    if not wheel_tag.startswith("manylinux") or manylinux(wheel_tag) > newest:
        problems.append(f"{name}: platform tag {wheel_tag}, not manylinux up to {args.policy}")
    if consistent and tag.startswith("manylinux") and manylinux(wheel_tag) < manylinux(tag):
        problems.append(f"{name}: tagged {wheel_tag}, older than the {tag} auditwheel finds it needs")

    with zipfile.ZipFile(args.wheel) as archive:
        names = archive.namelist()
        wheel_file = next((n for n in names if n.endswith(".dist-info/WHEEL")), "")
        meta = archive.read(wheel_file).decode() if wheel_file else ""
    for required in REQUIRED:
        if required not in names:
            problems.append(f"{name}: no {required}")
    natives = [n for n in names if re.search(r"\.so(\.|$)", n)]
    if natives != ["hospes/_native.abi3.so"]:
        problems.append(f"{name}: native libraries {natives}, expected hospes/_native.abi3.so alone")
    if f"Tag: {ABI_TAG}-{wheel_tag}" not in meta or "Root-Is-Purelib: false" not in meta:
        problems.append(f"{name}: WHEEL says {meta!r}")

    for problem in problems:
        print(f"check_wheel: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"check_wheel: {name}: auditwheel finds it {tag}, no external library; stubs and py.typed present")
    return 0


if __name__ == "__main__":
    sys.exit(main())
