#!/usr/bin/env python3
"""Checks two rules of the layout that no compiler enforces (`make lint` runs it; stdlib only).

1. The top-level modules of the core crate import each other without cycles. A file belongs to
   the top-level module named by its first path component under core/src (pricing.rs and
   pricing/engine.rs both belong to `pricing`); lib.rs belongs to none. A file's references are
   every `crate::name` in its code, in `use` trees (`use crate::{a::X, b, c::{..}}`), in paths and
   in string attributes such as `schemars(with = "crate::wire::DecimalString")`, plus `super::`
   paths that climb to the crate root. A name re-exported by lib.rs (`crate::Money`) counts as its
   module. Comments are ignored, and so is test code: everything from the first `#[cfg(test)]`
   line of a file on, and the files of `#[cfg(test)] mod x;`. Every strongly connected component
   of more than one module is printed with the edges inside it, the files and the names that make
   them.
2. No hand-written source file (*.rs, *.py, *.js, *.kt, *.ts, *.swift) of the repository is over
   800 lines. The files are git's (tracked, and new ones not ignored); those marked
   `linguist-generated` in .gitattributes and the conformance vectors of tests/vectors/ are not
   counted.

    python3 tools/check_architecture.py          # both checks; exit 1 on any finding
    python3 tools/check_architecture.py --graph  # the module graph by floors (or its cycles)

Floors: a module that imports nothing from the crate is on floor 1, any other one floor above the
highest of the modules it imports.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Set, Tuple

ROOT = Path(__file__).resolve().parents[1]
CORE_SRC = ROOT / "core" / "src"
MAX_LINES = 800
SOURCE_SUFFIXES = (".rs", ".py", ".js", ".kt", ".ts", ".swift")
SKIPPED_DIRS = ("tests/vectors/",)

# edges[a][b] = {(file, name)}: module a imports `name` from module b in `file`.
Edges = Dict[str, Dict[str, Set[Tuple[str, str]]]]

IDENT = re.compile(r"(?:r#)?[A-Za-z_][A-Za-z0-9_]*")
CFG_TEST = re.compile(r"^[ \t]*#\[cfg\(test\)\]", re.M)
MOD_DECL = re.compile(r"\s*(?:#\[[^\]]*\]\s*)*(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)\s*;")
CRATE = re.compile(r"(?<![\w])crate\s*::\s*")
SUPER = re.compile(r"(?<![\w:])(?:super\s*::\s*)+")
PATH = re.compile(r"(?:r#)?\w+(?:\s*::\s*(?:r#)?\w+)*")


# ---------------------------------------------------------------------------------------------
# Reading Rust: comments out, strings kept (attributes name paths in them), test code out.


def lex(text: str) -> Tuple[str, str]:
    """Two copies of `text`, as long as it: `code` with every comment blanked, and `bare` with the
    contents of string and char literals blanked too (for matching braces)."""
    code = list(text)
    bare = list(text)
    n = len(text)
    i = 0

    def blank(start: int, end: int, both: bool) -> None:
        for k in range(start, min(end, n)):
            if text[k] != "\n":
                bare[k] = " "
                if both:
                    code[k] = " "

    while i < n:
        c = text[i]
        if text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            blank(i, end, True)
            i = end
        elif text.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            blank(i, j, True)
            i = j
        elif c in "bcr" and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            literal = re.compile(r'([bc]?)(r?)(#*)"').match(text, i)
            if literal and (literal.group(2) or not literal.group(3)):
                start = literal.end()
                if literal.group(2):  # raw: ends at the quote followed by as many #
                    close = text.find('"' + literal.group(3), start)
                    end = n if close < 0 else close + 1 + len(literal.group(3))
                    blank(start, end - 1 - len(literal.group(3)), False)
                else:
                    end = string_end(text, start)
                    blank(start, end - 1, False)
                i = end
            else:
                i += 1
        elif c == '"':
            end = string_end(text, i + 1)
            blank(i + 1, end - 1, False)
            i = end
        elif c == "'":
            if text.startswith("\\", i + 1):
                close = text.find("'", i + 3)
                end = n if close < 0 else close + 1
                blank(i + 1, end - 1, False)
                i = end
            elif i + 2 < n and text[i + 2] == "'":
                blank(i + 1, i + 2, False)
                i += 3
            else:
                i += 1  # a lifetime or a label
        else:
            i += 1
    return "".join(code), "".join(bare)


def string_end(text: str, start: int) -> int:
    """The index just past the closing quote of a string whose contents begin at `start`."""
    j = start
    while j < len(text):
        if text[j] == "\\":
            j += 2
        elif text[j] == '"':
            return j + 1
        else:
            j += 1
    return len(text)


def item_end(bare: str, start: int) -> int:
    """The end of the item that begins at `start`: its first `;` outside brackets, or the brace
    closing its first block."""
    depth = 0
    for j in range(start, len(bare)):
        c = bare[j]
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == ";" and depth == 0:
            return j + 1
        elif c == "{":
            level = 0
            for k in range(j, len(bare)):
                if bare[k] == "{":
                    level += 1
                elif bare[k] == "}":
                    level -= 1
                    if level == 0:
                        return k + 1
            return len(bare)
    return len(bare)


def test_modules(bare: str) -> List[str]:
    """The names of `#[cfg(test)] mod x;` declarations: files of test code."""
    found = []
    for m in CFG_TEST.finditer(bare):
        decl = MOD_DECL.match(bare, m.end())
        if decl:
            found.append(decl.group(1))
    return found


def without_tests(code: str, bare: str) -> Tuple[str, str]:
    """Everything before the first `#[cfg(test)]` line."""
    first = CFG_TEST.search(bare)
    if not first:
        return code, bare
    return code[: first.start()], bare[: first.start()]


# ---------------------------------------------------------------------------------------------
# Use trees and paths.


def parse_group(code: str, start: int) -> Tuple[List[str], int]:
    """The top-level items of the `{ … }` group opening at `start`, and the index past it."""
    items, depth, begin = [], 0, start + 1
    for j in range(start, len(code)):
        c = code[j]
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                items.append(code[begin:j])
                return [" ".join(i.split()) for i in items if i.strip()], j + 1
        elif c == "," and depth == 1:
            items.append(code[begin:j])
            begin = j + 1
    return [" ".join(i.split()) for i in items if i.strip()], len(code)


def leaves(tree: str, prefix: Tuple[str, ...] = ()) -> Iterable[Tuple[Tuple[str, ...], str]]:
    """The (path, name bound) pairs of a use tree: `a::{B, c::D as E}` gives ((a, B), B) and
    ((a, c, D), E)."""
    tree = tree.strip()
    m = re.match(r"^((?:(?:r#)?\w+\s*::\s*)*)(.*)$", tree, re.S)
    if not m:
        return
    path = prefix + tuple(p.strip() for p in m.group(1).split("::") if p.strip())
    rest = m.group(2).strip()
    if rest.startswith("{"):
        items, _ = parse_group(rest, 0)
        for item in items:
            yield from leaves(item, path)
    elif rest == "*":
        yield path + ("*",), "*"
    else:
        alias = re.match(r"^((?:r#)?\w+)(?:\s+as\s+((?:r#)?\w+))?$", rest)
        if alias:
            name = alias.group(1)
            yield path + (name,), alias.group(2) or name


def reexports(lib: Path, modules: Set[str]) -> Tuple[Dict[str, Optional[str]], Set[str]]:
    """The names lib.rs re-exports (name -> its top-level module, or None when it comes from
    another crate), and the modules it re-exports with a glob."""
    code, bare = lex(lib.read_text(encoding="utf-8"))
    code, bare = without_tests(code, bare)
    named: Dict[str, Optional[str]] = {}
    globs: Set[str] = set()
    for m in re.finditer(r"\bpub\s+use\s+", bare):
        end = item_end(bare, m.end())
        for path, bound in leaves(code[m.end(): end].rstrip().rstrip(";")):
            parts = list(path[1:] if path and path[0] == "crate" else path)
            if parts and parts[0] in modules:
                if bound == "*":
                    if len(parts) == 2:
                        globs.add(parts[0])
                else:
                    named[bound] = parts[0]
            elif bound != "*":
                named[bound] = None
    return named, globs


def inline_mods(bare: str) -> List[Tuple[int, int]]:
    """The spans of the `mod x { … }` blocks written inside a file."""
    spans = []
    for m in re.finditer(r"\bmod\s+\w+\s*\{", bare):
        spans.append((m.end() - 1, item_end(bare, m.end() - 1)))
    return spans


# ---------------------------------------------------------------------------------------------
# The graph.


def module_of(path: Path) -> Tuple[str, ...]:
    """The module path a file declares (pricing.rs: pricing; pricing/engine.rs: pricing, engine;
    pricing/engine/mod.rs: pricing, engine)."""
    parts = list(path.relative_to(CORE_SRC).with_suffix("").parts)
    if parts[-1] == "mod":
        parts.pop()
    return tuple(parts)


def all_modules() -> Set[str]:
    """Every module of the crate that is a file, by its path (`pricing/engine`)."""
    return {"/".join(module_of(p)) for p in CORE_SRC.rglob("*.rs") if p != CORE_SRC / "lib.rs"}


def deepest(modules: Set[str], parts: List[str]) -> Optional[str]:
    """The deepest module a path names (`client::record::Client` names client/record; a name
    that a facade re-exports names the facade, as a reader of the path sees it)."""
    for k in range(len(parts), 0, -1):
        key = "/".join(parts[:k])
        if key in modules:
            return key
    return None


USE_CHILD = re.compile(r"\buse\s+")


def build_graph() -> Tuple[Set[str], Edges, List[str]]:
    """The modules (one per file), the edges between them, and the `crate::` names resolved to
    no module."""
    modules = all_modules()
    tops = {m.split("/")[0] for m in modules}
    named, globs = reexports(CORE_SRC / "lib.rs", tops)
    edges: Edges = defaultdict(lambda: defaultdict(set))
    unresolved: List[str] = []

    files = sorted(p for p in CORE_SRC.rglob("*.rs") if p != CORE_SRC / "lib.rs")
    lexed = {p: lex(p.read_text(encoding="utf-8")) for p in files}
    test_files: Set[Path] = set()
    for p, (_, bare) in lexed.items():
        base = p.parent if p.name == "mod.rs" else p.with_suffix("")
        for name in test_modules(bare):
            test_files |= {base / f"{name}.rs", base / name / "mod.rs"}
            test_files |= set((base / name).rglob("*.rs")) if (base / name).is_dir() else set()

    def add(src: str, base: Tuple[str, ...], path: List[str], rel: str, shown_prefix: str) -> None:
        shown = shown_prefix + "::".join(path)
        target = deepest(modules, list(base) + path)
        if target is not None and (not base or target.startswith("/".join(base))):
            if target != src:
                edges[src][target].add((rel, shown))
        elif not base and path and path[0] in named:
            module = named[path[0]]
            if module is not None and module != src:
                edges[src][module].add((rel, f"{shown} (re-exported by lib.rs)"))
        elif not base and path and path[0] not in ("self", "super", "crate", "*") and not globs:
            unresolved.append(f"{rel}: {shown}")

    def references(code: str, at: int) -> Iterable[List[str]]:
        """The paths written at `at`, just after `crate::` (or `super::`, or `use`)."""
        if code.startswith("{", at):
            items, _ = parse_group(code, at)
            for item in items:
                for leaf, _bound in leaves(item):
                    if leaf:
                        yield list(leaf)
            return
        m = PATH.match(code, at)
        if not m:
            return
        written = [part.strip() for part in m.group(0).split("::")]
        group = re.compile(r"\s*::\s*\{").match(code, m.end())
        if group:
            items, _ = parse_group(code, group.end() - 1)
            written.append("{" + ", ".join(items) + "}")
        for leaf, _bound in leaves("::".join(written)):
            if leaf:
                yield list(leaf)

    for p in files:
        if p in test_files:
            continue
        here = module_of(p)
        src = "/".join(here)
        rel = str(p.relative_to(ROOT))
        code, bare = without_tests(*lexed[p])
        for m in CRATE.finditer(code):  # crate::name, crate::{…}, $crate::name
            for path in references(code, m.end()):
                add(src, (), path, rel, "crate::")
        spans = inline_mods(bare)
        for m in SUPER.finditer(code):  # super::…::name, from the file's own module
            climbs = m.group(0).count("super")
            nested = sum(1 for a, b in spans if a < m.start() < b)
            up = climbs - nested
            if up < 1 or up > len(here):
                continue
            base = here[: len(here) - up]
            for path in references(code, m.end()):
                add(src, base, path, rel, "super::" * climbs)
        for m in USE_CHILD.finditer(code):  # use child::name (a facade naming its children)
            for path in references(code, m.end()):
                if path and "/".join(here + (path[0],)) in modules:
                    add(src, here, path, rel, "")
    return modules, edges, sorted(set(unresolved))


def tarjan(nodes: Iterable[str], edges: Edges) -> List[List[str]]:
    """The strongly connected components of the graph (iterative Tarjan)."""
    index: Dict[str, int] = {}
    low: Dict[str, int] = {}
    stack: List[str] = []
    on_stack: Set[str] = set()
    components: List[List[str]] = []
    counter = 0
    for root in sorted(nodes):
        if root in index:
            continue
        work: List[Tuple[str, Iterable[str]]] = []
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        work.append((root, iter(sorted(edges.get(root, {})))))
        while work:
            v, successors = work[-1]
            advanced = False
            for w in successors:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(sorted(edges.get(w, {})))))
                    advanced = True
                    break
                if w in on_stack:
                    low[v] = min(low[v], index[w])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[v])
            if low[v] == index[v]:
                component = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    component.append(w)
                    if w == v:
                        break
                components.append(sorted(component))
    return components


def cycles(modules: Set[str], edges: Edges) -> List[List[str]]:
    return sorted((c for c in tarjan(modules, edges) if len(c) > 1), key=lambda c: (-len(c), c))


def print_cycles(found: List[List[str]], edges: Edges) -> None:
    for component in found:
        members = set(component)
        print(f"import cycle among {len(component)} modules of core/src: {', '.join(component)}")
        for a in component:
            for b in sorted(t for t in edges.get(a, {}) if t in members):
                print(f"  {a} -> {b}")
                by_file: Dict[str, List[str]] = defaultdict(list)
                for rel, name in edges[a][b]:
                    by_file[rel].append(name)
                for rel in sorted(by_file):
                    print(f"      {rel}: {', '.join(sorted(set(by_file[rel])))}")
        print()


def floors(modules: Set[str], edges: Edges) -> Dict[str, int]:
    floor: Dict[str, int] = {}

    def of(m: str) -> int:
        if m not in floor:
            floor[m] = 1 + max((of(t) for t in edges.get(m, {})), default=0)
        return floor[m]

    for m in modules:
        of(m)
    return floor


def print_floors(modules: Set[str], edges: Edges) -> None:
    floor = floors(modules, edges)
    for level in range(1, max(floor.values(), default=0) + 1):
        print(f"floor {level}:")
        for m in sorted(k for k, v in floor.items() if v == level):
            imports = sorted(edges.get(m, {}))
            print(f"  {m}" + (f" -> {', '.join(imports)}" if imports else ""))


# ---------------------------------------------------------------------------------------------
# File sizes.


def attribute_pattern(pattern: str) -> "re.Pattern[str]":
    """A .gitattributes pattern as a regex over repository paths: without a slash it matches a
    name at any depth; with one it is anchored at the root, `*` stays within a directory and `**`
    spans directories."""
    anchored = "/" in pattern.rstrip("/")
    pattern = pattern.lstrip("/")
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
        elif pattern.startswith("/**", i) and i + 3 == len(pattern):
            out, i = out + "/.*", i + 3
        elif pattern.startswith("**", i):
            out, i = out + ".*", i + 2
        elif pattern[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif pattern[i] == "?":
            out, i = out + "[^/]", i + 1
        elif pattern[i] == "[":
            close = pattern.find("]", i + 2)
            if close < 0:
                out, i = out + re.escape("["), i + 1
            else:
                body = pattern[i + 1: close].replace("\\", "\\\\")
                body = "^" + body[1:] if body.startswith("!") else body
                out, i = out + f"[{body}]", close + 1
        else:
            out, i = out + re.escape(pattern[i]), i + 1
    return re.compile(("" if anchored else "(?:.*/)?") + out + r"\Z")


def generated_rules() -> List[Tuple["re.Pattern[str]", Optional[bool]]]:
    """The .gitattributes lines that set or unset linguist-generated, in order (last one wins)."""
    rules: List[Tuple["re.Pattern[str]", Optional[bool]]] = []
    path = ROOT / ".gitattributes"
    if not path.exists():
        return rules
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if not fields or fields[0].startswith("#"):
            continue
        for attr in fields[1:]:
            if attr in ("linguist-generated", "linguist-generated=true"):
                rules.append((attribute_pattern(fields[0]), True))
            elif attr in ("-linguist-generated", "linguist-generated=false"):
                rules.append((attribute_pattern(fields[0]), False))
            elif attr == "!linguist-generated":
                rules.append((attribute_pattern(fields[0]), None))
    return rules


def is_generated(rel: str, rules: List[Tuple["re.Pattern[str]", Optional[bool]]]) -> bool:
    state: Optional[bool] = None
    for pattern, value in rules:
        if pattern.match(rel):
            state = value
    return bool(state)


def git_files() -> List[str]:
    out = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, check=True, capture_output=True,
    ).stdout.decode("utf-8")
    return sorted(set(f for f in out.split("\0") if f))


def line_count(path: Path) -> int:
    data = path.read_bytes()
    return data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)


def long_files() -> List[Tuple[str, int]]:
    rules = generated_rules()
    found = []
    for rel in git_files():
        if not rel.endswith(SOURCE_SUFFIXES) or rel.startswith(SKIPPED_DIRS):
            continue
        if is_generated(rel, rules):
            continue
        path = ROOT / rel
        if path.is_file():
            lines = line_count(path)
            if lines > MAX_LINES:
                found.append((rel, lines))
    return found


# ---------------------------------------------------------------------------------------------


def main(argv: List[str]) -> int:
    if any(a not in ("--graph",) for a in argv[1:]):
        print(__doc__)
        return 2
    modules, edges, unresolved = build_graph()
    found = cycles(modules, edges)
    if "--graph" in argv:
        if found:
            print("the module graph has cycles, so no floors:\n")
            print_cycles(found, edges)
            return 1
        print_floors(modules, edges)
        return 0

    failed = False
    if found:
        failed = True
        print_cycles(found, edges)
        print("Break each cycle: move what two modules both need below them, "
              "or invert the import.\n")
    for name in unresolved:
        print(f"note: {name} names no module of core/src nor a re-export of lib.rs")
    long = long_files()
    if long:
        failed = True
        print(f"source files over {MAX_LINES} lines (split them, or mark a generated file "
              "linguist-generated in .gitattributes):")
        for rel, lines in long:
            print(f"  {rel}: {lines} lines")
    if failed:
        return 1
    print(f"check_architecture: {len(modules)} core modules without import cycles; "
          f"no hand-written source over {MAX_LINES} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
