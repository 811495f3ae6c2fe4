"""Every ```python block of the README and docs/*.md runs, so no snippet can rot.

A page is read the way a reader follows it: the blocks of one file run in order, in one
namespace, so a block may use what an earlier block of the same page defined (a setup block at
the top of a page, then the examples). Each block is its own test, named after its file and the
line of its opening fence (``docs/python.md:5``); when a block fails, the later blocks of the
same page fail too, naming the block that broke the page. Blocks run with the repository's root
as the working directory, so a path in a snippet reads as it does in the docs
(``core/tests/data/catalogue.json``).

A block written as a ``>>>`` session runs with :mod:`doctest` and its outputs are compared. A
block preceded by a ``<!-- no-run: reason -->`` comment line is skipped, with its reason.
"""

from __future__ import annotations

import contextlib
import doctest
import io
import os
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Optional, Set

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
from doc_blocks import PAGES, Block, blocks  # noqa: E402 - the shared reader of tools/
PYTHON = [block for page in PAGES for block in blocks(page) if block.language in ("python", "py", "pycon")]


@dataclass
class PageRun:
    """One page read so far: its namespace, the blocks already run, the block that broke it."""

    namespace: Dict[str, object]
    done: Set[str] = field(default_factory=set)
    broken: Optional[str] = None


RUNS: Dict[str, PageRun] = {}


def run_doctest(block: Block, namespace: Dict[str, object]) -> Optional[str]:
    """A ``>>>`` session: every output compared, as doctest does; the report when one differs."""
    parser = doctest.DocTestParser()
    test = parser.get_doctest(block.source, namespace, block.id, block.page, block.line)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    report = io.StringIO()
    runner.run(test, out=report.write, clear_globs=False)
    return f"doctest failed\n{report.getvalue()}" if runner.failures else None


def run_source(block: Block, namespace: Dict[str, object]) -> Optional[str]:
    """A plain block, compiled with its page and line numbers so a traceback points into the
    docs; the traceback when it fails."""
    try:
        code = compile("\n" * block.line + block.source, block.page, "exec")
        exec(code, namespace)  # noqa: S102 - the repository's own documentation
    except Exception as failure:  # noqa: BLE001 - reported with the snippet's own traceback
        frames = traceback.extract_tb(failure.__traceback__)
        ours = [frame for frame in frames if frame.filename != __file__]
        return "".join(traceback.format_list(ours) + traceback.format_exception_only(failure))
    return None


def run(block: Block, page: PageRun) -> Optional[str]:
    """Runs one block in its page's namespace, from the repository's root, its output swallowed."""
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            if block.source.lstrip().startswith(">>>"):
                return run_doctest(block, page.namespace)
            return run_source(block, page.namespace)
    finally:
        os.chdir(cwd)


@pytest.mark.parametrize("block", PYTHON, ids=[block.id for block in PYTHON])
def test_python_snippet_runs(block: Block) -> None:
    if block.no_run is not None:
        pytest.skip(f"no-run: {block.no_run}")
    page = RUNS.setdefault(block.page, PageRun(namespace={"__name__": f"docs:{block.page}"}))
    # The page's earlier blocks first, when this one runs alone (`-k`) or out of order.
    for earlier in [b for b in PYTHON if b.page == block.page and b.line < block.line and b.no_run is None]:
        if page.broken is None and earlier.id not in page.done:
            failure = run(earlier, page)
            if failure is not None:
                page.broken = earlier.id
                pytest.fail(f"an earlier block failed: {earlier.id}\n{failure}", pytrace=False)
            page.done.add(earlier.id)
    if page.broken is not None and page.broken != block.id:
        pytest.fail(f"an earlier block of {block.page} failed: {page.broken}", pytrace=False)
    if block.id in page.done:
        return
    failure = run(block, page)
    if failure is not None:
        page.broken = block.id
        pytest.fail(f"{block.id} failed:\n{failure}", pytrace=False)
    page.done.add(block.id)


def test_every_page_was_read() -> None:
    """The extraction itself: the README and the guides have Python blocks to run."""
    pages = {block.page for block in PYTHON}
    assert {"README.md", "docs/python.md"} <= pages, pages


def test_every_page_is_a_rust_doctest() -> None:
    """core/src/lib.rs includes every page, so `cargo test --doc` runs its ```rust blocks."""
    lib = (ROOT / "core" / "src" / "lib.rs").read_text(encoding="utf-8")
    missing = [page.relative_to(ROOT).as_posix() for page in PAGES
               if f'include_str!("../../{page.relative_to(ROOT).as_posix()}")' not in lib]
    assert not missing, f"add a #[doc = include_str!(…)] module to core/src/lib.rs's `docs` for {missing}"


@pytest.mark.parametrize("module", ["hospes", "hospes._held", "hospes._wire", "hospes.errors"])
def test_the_package_docstring_examples_run(module: str) -> None:
    """The ``>>>`` examples of the package's own docstrings, which ``help()`` shows."""
    import importlib

    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS, report=False)
    assert result.failed == 0, f"{module}: {result.failed} of {result.attempted} examples failed (python -m doctest -v)"
