"""The hostile-input sweep: nothing a host hands hospes crashes or exhausts it.

Every operation (``hospes.OPERATIONS``, from the schema in ``hospes._wire.SCHEMA``), every held
class (``Keyring``, ``Pricer``, ``Mailer``) and each of their methods is called with one argument
replaced by a hostile value (``sweep_worker.CATALOGUE``: None, bools, huge ints, floats, NaN,
strings with NUL or lone surrogates, 10 MB strings and bytes, lists, dicts, 10 000-level nesting,
cycles, ``Decimal("1E+999999999")``, dates and datetimes of the wrong kind…), every other argument
valid (taken from a shared vector of the same operation). Then Hypothesis puts hostile and
generated values anywhere inside the arguments.

Each case must keep every guarantee: the process does not crash, nothing raises
``PanicException`` or ``hospes.InternalError`` (``internal.error``), every refusal is a
``hospes.HospesError`` of a family with a dotted code, and no case takes over 10 s (the watchdog:
a debug build on a busy machine; ``make bench`` checks the 1 s figure on the release build). The
nested and cyclic values also run on a worker thread with a 256 KiB stack.

The cases run in a worker process (``sweep_worker.py``), restarted when a case kills it; a value
that crashed twice runs from then on in forked children of the worker, so that a SIGSEGV is a
failed test, not a dead pytest, and costs a fork. A value whose cases hang or exhaust memory three
times is not tried on the remaining targets, and time budgets bound the grid and the Hypothesis
part (the cases left out count as failed, "not run"), so that a broken build still finishes the
sweep in bounded time.

Knobs (environment): ``HOSPES_SWEEP_SEED`` (Hypothesis seed, printed with every failure),
``HOSPES_SWEEP_EXAMPLES`` (Hypothesis examples, default 300), ``HOSPES_SWEEP_WATCHDOG`` (seconds,
default 10), ``HOSPES_SWEEP_REPORT`` (a file to write every failure to, as JSON lines),
``HOSPES_SWEEP_VALUE_SECONDS``, ``HOSPES_SWEEP_GRID_SECONDS`` and
``HOSPES_SWEEP_HYPOTHESIS_SECONDS`` (the budgets: 20, 150 and 45 s).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from collections import defaultdict
from decimal import Decimal
from typing import Any, Dict, List, Tuple

import pytest
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

import sweep_worker as sw

SEED = int(os.environ.get("HOSPES_SWEEP_SEED", "20260617"))
EXAMPLES = int(os.environ.get("HOSPES_SWEEP_EXAMPLES", "300"))
REPORT = os.environ.get("HOSPES_SWEEP_REPORT")
#: Expensive failures (hang, memory, slow) of one value before it is not tried further.
BREAKER = 3
#: Time budgets (seconds), so that a broken build still finishes in bounded time: the cases of
#: one hostile value, the whole grid, the Hypothesis part. Cases past a budget count as failed.
VALUE_BUDGET = float(os.environ.get("HOSPES_SWEEP_VALUE_SECONDS", "20"))
GRID_BUDGET = float(os.environ.get("HOSPES_SWEEP_GRID_SECONDS", "150"))
HYPOTHESIS_BUDGET = float(os.environ.get("HOSPES_SWEEP_HYPOTHESIS_SECONDS", "45"))

TARGETS = sw.targets()
SAMPLES = sw.samples()
ARGS: Dict[str, List[str]] = {t: list(SAMPLES[t]["args"]) for t in TARGETS}
SLOTS = [(t, a) for t in TARGETS for a in ARGS[t]]


@pytest.fixture(scope="module")
def sweeper():
    runner = sw.Sweeper()
    yield runner
    runner.close()


class Tally:
    """The failures of a group of cases, by class, with the first reproducer of each."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.cases = 0
        self.by_class: Dict[str, List[Tuple[str, str]]] = defaultdict(list)
        self.expensive: Dict[str, int] = defaultdict(int)
        self.crashes: Dict[str, int] = defaultdict(int)
        self.slowest = (0.0, "")

    def add(self, case: Tuple[Any, ...], result: Dict[str, Any]) -> None:
        self.cases += 1
        target, arg, path, spec, mode = case
        call = sw.call_text(target, arg, tuple(path), spec)
        if mode != "main":
            call += f"  [on a {sw.SMALL_STACK // 1024} KiB-stack thread]"
        seconds = result.get("seconds", 0.0)
        if seconds > self.slowest[0]:
            self.slowest = (seconds, call)
        failure = sw.verdict(result)
        if failure is None:
            return
        self.by_class[failure].append((call, sw.outcome_text(result)))
        if result["outcome"] == "timeout" or failure.startswith("memory") or seconds > 2:
            self.expensive[self._key(spec, mode)] += 1
        if result["outcome"] == "crash":
            self.crashes[self._key(spec, mode)] += 1
        if REPORT:
            with open(REPORT, "a", encoding="utf-8") as out:
                out.write(json.dumps({"test": self.title, "class": failure, "call": call,
                                      "outcome": sw.outcome_text(result), "seed": SEED}) + "\n")

    @staticmethod
    def _key(spec: Tuple[str, Any], mode: str) -> str:
        return f"{sw.describe(spec)}/{mode}" if spec[0] == "catalogue" else f"literal/{mode}"

    def isolate(self, spec: Tuple[str, Any], mode: str) -> bool:
        """Whether this value crashed its process already: its next cases run in a fork."""
        return self.crashes[self._key(spec, mode)] >= 2

    def broken(self, spec: Tuple[str, Any], mode: str) -> bool:
        """Whether this value already hung or exhausted memory often enough not to try it again."""
        return spec[0] == "catalogue" and self.expensive[self._key(spec, mode)] >= BREAKER

    def skip(self, case: Tuple[Any, ...], why: str = "") -> None:
        self.cases += 1
        target, arg, path, spec, mode = case
        failure = "not run: " + (why or f"{sw.describe(spec)} already hung or exhausted memory {BREAKER} times")
        self.by_class[failure].append((sw.call_text(target, arg, tuple(path), spec), "skipped"))

    def failed(self) -> int:
        return sum(len(v) for v in self.by_class.values())

    def report(self) -> str:
        lines = [f"{self.title}: {self.failed()} of {self.cases} cases broke a guarantee (seed {SEED})"]
        # What broke first, by how often; the cases a budget left out last.
        order = sorted(self.by_class.items(), key=lambda kv: (kv[0].startswith("not run"), -len(kv[1])))
        for failure, examples in order:
            call, outcome = examples[0]
            lines.append(f"  {failure}: {len(examples)} cases, e.g. {call}\n      → {outcome}")
        if self.slowest[0] > 1:
            lines.append(f"  slowest: {self.slowest[0]:.2f} s for {self.slowest[1]}")
        return "\n".join(lines)


class Clock:
    """A time budget: how much is left of it."""

    def __init__(self, seconds: float, what: str) -> None:
        self.end = time.monotonic() + seconds
        self.why = f"over the sweep's budget of {seconds:g} s for {what}"

    def out(self) -> bool:
        return time.monotonic() > self.end


GRID_CLOCK: Dict[str, Clock] = {}


def run_all(sweeper: sw.Sweeper, tally: Tally, cases: List[Tuple[Any, ...]], clocks: List[Clock] = ()) -> None:
    for case in cases:
        spent = next((clock for clock in clocks if clock.out()), None)
        if spent is not None:
            tally.skip(case, spent.why)
        elif tally.broken(case[3], case[4]):
            tally.skip(case)
        else:
            tally.add(case, sweeper.run(case, tally.isolate(case[3], case[4])))


@pytest.mark.parametrize("mode", ["main", "small-stack"])
def test_every_target_has_a_valid_call(sweeper, mode):
    """The samples the sweep starts from: every target, called as its vector calls it, keeps the
    guarantees (and most succeed, so that a refusal in the sweep is the hostile value's doing),
    on the main thread and on a small-stack thread."""
    tally = Tally("valid calls" + (f" on a {mode} thread" if mode != "main" else ""))
    run_all(sweeper, tally, [(t, next(iter(ARGS[t]), ""), (), ("keep", None), mode) for t in TARGETS])
    assert not tally.failed(), tally.report()
    assert len(TARGETS) >= 95 and len(SLOTS) >= 250


# The nested and cyclic values run twice: on the main thread, then on a small-stack thread.
GRID = [(name, mode) for name in sw.CATALOGUE for mode in (["main", "small-stack"] if name in sw.DEEP else ["main"])]


@pytest.mark.parametrize("name,mode", GRID, ids=[f"{n}-{m}" if m != "main" else n for n, m in GRID])
def test_every_argument_of_every_target_refuses_it_cleanly(sweeper, name, mode):
    """One hostile value in place of each argument of each operation and held class, in turn."""
    tally = Tally(f"<{name}> as every argument" + (f" on a {mode} thread" if mode != "main" else ""))
    grid = GRID_CLOCK.setdefault("grid", Clock(GRID_BUDGET, "the whole grid"))
    value = Clock(VALUE_BUDGET, "one value's cases")
    run_all(sweeper, tally, [(t, a, (), ("catalogue", name), mode) for t, a in SLOTS], [value, grid])
    assert not tally.failed(), tally.report()


# ---------------------------------------------------------------------------------------------
# Hypothesis: hostile values anywhere inside the arguments, and generated ones.
# ---------------------------------------------------------------------------------------------

def _walk(value: Any, draw: Any) -> Tuple[Any, ...]:
    """A path into ``value``: at each level, stop or go into a key or an item."""
    path: List[Any] = []
    for _ in range(6):
        if isinstance(value, dict) and value:
            keys = sorted(value)
        elif isinstance(value, list) and value:
            keys = list(range(min(len(value), 4)))
        else:
            break
        if not draw(st.booleans()):
            break
        key = draw(st.sampled_from(keys))
        path.append(key)
        value = value[key]
    return tuple(path)


def _generated() -> st.SearchStrategy[Any]:
    scalars = st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(),
        st.text(st.characters(codec=None, categories=None), max_size=20),  # surrogates, NUL, controls
        st.binary(max_size=20), st.decimals(allow_nan=True, allow_infinity=True),
        st.dates(), st.datetimes(), st.datetimes(timezones=st.timezones() if _zoneinfo() else st.just(dt.timezone.utc)),
        st.sampled_from([Decimal("1E+999999"), Decimal("-1E-999999"), "1E+999999999", "NaN", "-0",
                         "2026-02-30", "26-07-11", "99999-01-01", "2026-06-01T10:00:00", "EUR", "FR"]),
    )
    return st.recursive(
        scalars,
        lambda inner: st.one_of(st.lists(inner, max_size=4),
                                st.dictionaries(st.text(max_size=12), inner, max_size=4)),
        max_leaves=12,
    )


def _zoneinfo() -> bool:
    try:
        import zoneinfo

        zoneinfo.ZoneInfo("Europe/Paris")
        return True
    except Exception:  # no tz database on this machine: aware datetimes in UTC only
        return False


@st.composite
def cases(draw: Any) -> Tuple[Any, ...]:
    target, arg = draw(st.sampled_from(SLOTS))
    path = _walk(SAMPLES[target]["args"][arg], draw)
    if draw(st.integers(0, 2)):
        spec: Tuple[str, Any] = ("catalogue", draw(st.sampled_from(sorted(sw.CATALOGUE))))
    else:
        spec = ("literal", draw(_generated()))
    deep = spec[0] == "catalogue" and spec[1] in sw.DEEP
    mode = draw(st.sampled_from(["main", "small-stack"])) if deep else "main"
    return (target, arg, path, spec, mode)


def test_hostile_values_anywhere_inside_the_arguments(sweeper):
    """Hypothesis, derandomized by a printed seed: a hostile or generated value at any depth of
    any argument of any target. Every example runs; the failures are reported together."""
    tally = Tally(f"Hypothesis sweep, {EXAMPLES} examples")
    clock = Clock(HYPOTHESIS_BUDGET, "the Hypothesis examples")

    @seed(SEED)
    @settings(max_examples=EXAMPLES, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck), derandomize=False)
    @given(case=cases())
    def explore(case: Tuple[Any, ...]) -> None:
        if clock.out():
            tally.skip(case, clock.why)
        elif tally.broken(case[3], case[4]):
            tally.skip(case)
        else:
            tally.add(case, sweeper.run(case, tally.isolate(case[3], case[4])))

    started = time.perf_counter()
    explore()
    print(f"hypothesis sweep: seed {SEED}, {tally.cases} cases in {time.perf_counter() - started:.1f} s")
    assert not tally.failed(), tally.report()


def test_a_crash_is_a_failure_not_a_dead_pytest(sweeper):
    """The harness itself: a case that kills its process, in a forked child or in the worker, is
    reported as a crash, and the next case runs."""
    forked = sweeper.run(("money.round", "money", ("amount",), ("literal", sw.CrashOnStr("1")), "main"), True)
    assert sw.verdict(forked) == "crash (SIGSEGV)", forked
    worker = sweeper.run(("money.round", "money", (), ("literal", _Bomb()), "main"))
    assert sw.verdict(worker) == "crash (SIGSEGV)", worker
    assert sw.verdict(sweeper.run(("money.round", "money", (), ("keep", None), "main"))) is None


class _Bomb:
    """Kills the worker that unpickles it, as a native crash would."""

    def __reduce__(self):
        import faulthandler

        return (faulthandler._sigsegv, ())
