#!/usr/bin/env python3
"""Validates the Factur-X files the Rust tests write (`cargo test -p hospes --test facturx`):
every `.xml` and `.pdf` under the folders given (by default target/facturx/xml and
target/facturx/pdf), by independent tools.

1. Mustang (org.mustangproject:Mustang-CLI:2.26.0, fetched from Maven Central into ~/.m2 on first
   use): veraPDF for PDF/A-3, the Factur-X 1.09 / EN 16931 schematrons and the French BR-FR rules,
   run in one JVM over every file (tools/facturx/Validate.java). Its exit code and its summary say
   "valid" for PDF/A and XMP failures, so the XML reports are read instead: any section whose
   status is "invalid", or any <error>, fails the run.
2. The French rules are written for invoices between businesses: a file named `b2b*` must raise
   none of them; for the others (invoices to guests) their warnings are listed.
3. With --schematron, the XML also goes through the XSD and the EN 16931 and Factur-X schematrons
   bundled with the Python `factur-x` package, run locally with saxonche (the package's own check
   calls a server on localhost and silently skips without one).

    python3 tools/facturx/validate.py [--expect-invalid] [--invalid FOLDER] [--schematron] [FOLDER...]

--expect-invalid turns the check around for the negative samples: every file must fail.
--invalid FOLDER adds a folder of negative samples to the same JVM run (`make test` starts the
JVM once): each of its files must fail, the others pass.
Exit 0 when every file is as expected; prints one line per file and a summary.
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MUSTANG = "org.mustangproject:Mustang-CLI:2.26.0"
JAR = Path.home() / ".m2/repository/org/mustangproject/Mustang-CLI/2.26.0/Mustang-CLI-2.26.0.jar"


def mustang_jar() -> Path:
    """The Mustang-CLI jar, fetched with Maven on first use (its parent POM is not on Maven
    Central, so the jar alone: -Dtransitive=false; it is self-contained)."""
    if not JAR.exists():
        subprocess.run(
            ["mvn", "-q", "-B", "dependency:get", f"-Dartifact={MUSTANG}", "-Dtransitive=false"],
            check=True,
            cwd="/tmp",
        )
    return JAR


def mustang_reports(folders: list[Path]) -> ET.Element:
    out = ROOT / "target/facturx/mustang-reports.xml"
    out.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["java", "-cp", str(mustang_jar()), str(ROOT / "tools/facturx/Validate.java"), str(out)]
        + [str(f) for f in folders],
        check=True,
        stderr=subprocess.DEVNULL,
    )
    return ET.parse(out).getroot()


def rule_of(text: str) -> str:
    found = re.search(r"\[ID ([^\]]+)\]", text) or re.search(r"\[(BR-[^\]]+)\]", text)
    return found.group(1) if found else text.strip().split(":")[0][:60]


def judge(report: ET.Element) -> tuple[list[str], list[str]]:
    """The failures (invalid sections, errors) and the warnings of one file's report."""
    failures, warnings = [], []
    for node in report.iter():
        if node.get("status") == "invalid":
            failures.append(f"<{node.tag}> section invalid")
        if node.tag == "error":
            failures.append(rule_of("".join(node.itertext())) + ": " + " ".join("".join(node.itertext()).split())[:300])
        if node.tag == "warning":
            warnings.append(rule_of("".join(node.itertext())))
    # veraPDF's failed rules, reported as <error> under <pdf> in recent versions; also keep
    # any "summary status" of the pdf section.
    return failures, warnings


def schematron_check(folders: list[Path]) -> list[str]:
    """The XML against the factur-x package's XSD and schematrons, with saxonche."""
    try:
        import facturx  # type: ignore
        from lxml import etree  # type: ignore
        from saxonche import PySaxonProcessor  # type: ignore
    except ImportError as missing:
        return [f"--schematron needs the Python packages factur-x and saxonche ({missing})"]
    base = Path(facturx.__file__).parent / "xsd_and_schematron"
    xslts = [base / "facturx-en16931/FACTUR-X_EN16931.xslt"]
    problems = []
    with PySaxonProcessor(license=False) as proc:
        xslt = proc.new_xslt30_processor()
        compiled = [xslt.compile_stylesheet(stylesheet_file=str(x)) for x in xslts]
        for folder in folders:
            for path in sorted(folder.glob("*.xml")):
                data = path.read_bytes()
                try:
                    facturx.xml_check_xsd(data, flavor="factur-x", level="en16931")
                except Exception as refused:  # noqa: BLE001 - the package raises plain Exceptions
                    problems.append(f"{path.name}: XSD: {refused}")
                for sheet in compiled:
                    svrl = sheet.transform_to_string(source_file=str(path))
                    tree = etree.fromstring(svrl.encode("utf-8"))
                    ns = {"svrl": "http://purl.oclc.org/dsdl/svrl"}
                    for failed in tree.iterfind(".//svrl:failed-assert", ns):
                        if failed.get("flag", "fatal") in ("fatal", "error"):
                            text = " ".join("".join(failed.itertext()).split())
                            problems.append(f"{path.name}: {failed.get('id')}: {text[:200]}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--expect-invalid", action="store_true",
                        help="every file of the folders given must be refused")
    parser.add_argument("--invalid", type=Path, action="append", default=[],
                        help="a folder of negative samples, each of which must be refused, checked in the same JVM run")
    parser.add_argument("--schematron", action="store_true")
    args = parser.parse_args()
    folders = args.folders or [ROOT / "target/facturx/xml", ROOT / "target/facturx/pdf"]
    folders = [f for f in folders if f.is_dir() and any(f.iterdir())]
    if not folders:
        print("no files to validate: run `cargo test -p hospes --test facturx` first")
        return 1
    negatives = [f for f in args.invalid if f.is_dir() and any(f.iterdir())]
    if args.invalid and not negatives:
        print("no negative samples to validate: run `cargo test -p hospes --test facturx` first")
        return 1
    reports = mustang_reports(folders + negatives)
    refused_folders = {f.name for f in negatives}
    bad = 0
    passed = 0
    b2c_warnings: collections.Counter[str] = collections.Counter()
    for report in reports.findall("report"):
        name = report.get("file", "?")
        failures, warnings = judge(report)
        french = sorted({w for w in warnings if w.startswith("BR-FR")})
        negative = Path(name).parent.name in refused_folders
        if Path(name).name.startswith("b2b") and french:
            failures.append("French rules for a B2B invoice: " + ", ".join(french))
        elif not Path(name).name.startswith("b2b") and not negative:
            b2c_warnings.update(set(french))
        if args.expect_invalid or negative:
            ok = bool(failures)
            print(f"{'ok  ' if ok else 'FAIL'} {name}: " + ("refused: " + failures[0][:160] if ok else "was accepted"))
        else:
            ok = not failures
            print(f"{'ok  ' if ok else 'FAIL'} {name}" + ("" if ok else ": " + "; ".join(failures)[:2000]))
        bad += not ok
        passed += ok
    if b2c_warnings and not args.expect_invalid:
        print("warnings of the French B2B rules on invoices to individuals (expected):")
        for rule, count in sorted(b2c_warnings.items()):
            print(f"  {rule}: {count} file(s)")
    if args.schematron and not args.expect_invalid:
        for problem in schematron_check([f for f in folders if any(f.glob("*.xml"))]):
            print("FAIL schematron", problem)
            bad += 1
    print(f"Factur-X validation: {passed} passed, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
