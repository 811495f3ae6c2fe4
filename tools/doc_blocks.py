"""The fenced code blocks of the README and docs/*.md, read once for every language's snippet
test: bindings-python/tests/test_docs.py runs the Python ones, tools/gen_kotlin_doc_snippets.py
turns the Kotlin ones into a JUnit test. (The Node test, in JavaScript, reads them itself.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})(?P<info>[^`]*)$")
NO_RUN = re.compile(r"^\s*<!--\s*no-run\b(?P<reason>.*?)-->\s*$")


@dataclass
class Block:
    """One fenced code block of a page."""

    page: str  # path from the repository root
    line: int  # line of the opening fence, from 1
    language: str
    source: str
    no_run: Optional[str]  # the reason, when preceded by a no-run comment

    @property
    def id(self) -> str:
        return f"{self.page}:{self.line}"


def blocks(path: Path) -> List[Block]:
    """The fenced blocks of a Markdown page, in order (CommonMark fences, no nesting)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found: List[Block] = []
    i = 0
    while i < len(lines):
        opening = FENCE.match(lines[i])
        if not opening:
            i += 1
            continue
        fence, info = opening["fence"], opening["info"].strip()
        language = re.split(r"[\s,{]", info, maxsplit=1)[0].lower() if info else ""
        end = i + 1
        while end < len(lines) and not re.match(rf"^ {{0,3}}{fence[0]}{{{len(fence)},}}\s*$", lines[end]):
            end += 1
        previous = next((line for line in reversed(lines[:i]) if line.strip()), "")
        marker = NO_RUN.match(previous)
        indent = len(opening["indent"])  # a fence indented by n spaces: n spaces off each line
        body = [line[min(indent, len(line) - len(line.lstrip(" "))) :] for line in lines[i + 1 : end]]
        found.append(
            Block(
                page=path.relative_to(ROOT).as_posix(),
                line=i + 1,
                language=language,
                source="\n".join(body) + "\n",
                no_run=(marker["reason"].strip(" :-") or "marked no-run") if marker else None,
            )
        )
        i = end + 1
    return found
