"""The worker of the hostile-input sweep (test_sweep.py), and what it shares with it.

The sweep calls every public entry point of ``hospes`` with one argument (or one field inside an
argument) replaced by a hostile value. Some of those calls killed the interpreter (SIGSEGV on a
deeply nested or self-referencing dict), so none of them runs inside pytest: they run here, in a
worker process that pytest starts once and talks to over a pipe (length-prefixed pickles).
A crash of the worker is noticed by pytest, which reports the case and starts another worker; a
value that crashed twice runs from then on in a forked child of the worker, so that a crash costs
a fork, not a new interpreter. Every call has a watchdog (10 s).

A case is ``(target, arg, path, value, mode)``:

- ``target``: an operation's dotted name (``money.add``), a held class (``Keyring``) or one of
  its methods (``Keyring.verify``);
- ``arg``: the argument replaced; ``path``: the keys/indexes inside it, ``()`` for the whole
  argument;
- ``value``: ``("catalogue", name)`` for a value of :data:`CATALOGUE`, built here (a 10 MB string
  or a 10 000-level dict is not pickled), or ``("literal", value)``;
- ``mode``: ``"main"`` or ``"small-stack"`` (a worker thread made with
  ``threading.stack_size(256 * 1024)``).

Every other argument is valid: taken from a shared conformance vector of the same operation
(tests/vectors/*.json), preferably one that succeeds.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import pickle
import resource
import select
import signal
import struct
import sys
import tempfile
import threading
import time
import traceback
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

VECTORS = Path(__file__).resolve().parents[2] / "tests" / "vectors"

#: Seconds one case may take before it counts as a hang (a debug build on a busy machine).
WATCHDOG = float(os.environ.get("HOSPES_SWEEP_WATCHDOG", "10"))
#: Growth of the resident memory of one case that counts as exhausting the host (MiB).
MEMORY_LIMIT_MB = int(os.environ.get("HOSPES_SWEEP_MEMORY_MB", "512"))
#: Address space of a forked case, so that a runaway allocation cannot take the machine down.
ADDRESS_SPACE = 8 << 30
SMALL_STACK = 256 * 1024


# ---------------------------------------------------------------------------------------------
# The catalogue of hostile values. Each is built lazily (a 10 MB string is made once per worker).
# ---------------------------------------------------------------------------------------------

def _nested_list(depth: int) -> Any:
    value: Any = []
    for _ in range(depth):
        value = [value]
    return value


def _nested_dict(depth: int) -> Any:
    value: Any = {}
    for _ in range(depth):
        value = {"a": value}
    return value


def _cyclic_dict() -> Any:
    value: Dict[str, Any] = {"id": "C-1"}
    value["self"] = value
    return value


def _cyclic_list() -> Any:
    value: List[Any] = []
    value.append(value)
    return value


def _cyclic_through_list() -> Any:
    record: Dict[str, Any] = {"lines": []}
    record["lines"].append({"parent": record})
    return record


UTC = dt.timezone.utc

#: name → (factory, risky). The risky ones (nested, cyclic, huge) are those expected to crash or
#: exhaust a build without the guards against hostile input (depth, cycles, size).
CATALOGUE: Dict[str, Tuple[Callable[[], Any], bool]] = {
    "none": (lambda: None, False),
    "true": (lambda: True, False),
    "false": (lambda: False, False),
    "zero": (lambda: 0, False),
    "minus_one": (lambda: -1, False),
    "int_2_64": (lambda: 2**64, False),
    "int_minus_2_63_minus_1": (lambda: -(2**63) - 1, False),
    "int_4000_digits": (lambda: 10**3999, False),
    "int_5000_digits": (lambda: 10**4999, False),  # beyond Python's int→str digit limit
    "float": (lambda: 1.5, False),
    "nan": (lambda: float("nan"), False),
    "inf": (lambda: float("inf"), False),
    "minus_inf": (lambda: float("-inf"), False),
    "complex": (lambda: 1j, False),
    "empty_str": (lambda: "", False),
    "str": (lambda: "hospes", False),
    "nul": (lambda: "\x00", False),
    "nul_inside": (lambda: "C-1\x00042", False),
    "control_chars": (lambda: "a\x01\x1b[31m\x7f\u2028b", False),
    "lone_surrogate": (lambda: "\ud800", False),
    "lone_surrogate_inside": (lambda: "Mar\udcfftin", False),
    "bytes": (lambda: b"\x00\xffbytes", False),
    "bytearray": (lambda: bytearray(b"abc"), False),
    "memoryview": (lambda: memoryview(b"abc"), False),
    "empty_list": (lambda: [], False),
    "list": (lambda: [1, "a", None], False),
    "tuple": (lambda: (1, 2), False),
    "set": (lambda: {1, 2}, False),
    "empty_dict": (lambda: {}, False),
    "dict": (lambda: {"unexpected": 1}, False),
    "dict_int_key": (lambda: {1: "a"}, False),
    "nested_list_900": (lambda: _nested_list(900), True),
    "nested_list_10000": (lambda: _nested_list(10_000), True),
    "nested_dict_900": (lambda: _nested_dict(900), True),
    "nested_dict_10000": (lambda: _nested_dict(10_000), True),
    "cyclic_dict": (_cyclic_dict, True),
    "cyclic_list": (_cyclic_list, True),
    "cyclic_through_list": (_cyclic_through_list, True),
    "decimal_1e+999999999": (lambda: Decimal("1E+999999999"), True),
    "decimal_-1e+999999999": (lambda: Decimal("-1E+999999999"), True),
    "decimal_1e-999999999": (lambda: Decimal("1E-999999999"), True),
    "decimal_100k_digits": (lambda: Decimal("1." + "1" * 100_000), True),
    "decimal_nan": (lambda: Decimal("NaN"), False),
    "decimal_snan": (lambda: Decimal("sNaN"), False),
    "decimal_inf": (lambda: Decimal("-Infinity"), False),
    "decimal": (lambda: Decimal("10.10"), False),
    "date": (lambda: dt.date(2026, 6, 1), False),
    "date_min": (lambda: dt.date.min, False),
    "date_max": (lambda: dt.date.max, False),
    "datetime_naive": (lambda: dt.datetime(2026, 6, 1, 10), False),
    "datetime_aware": (lambda: dt.datetime(2026, 6, 1, 10, tzinfo=UTC), False),
    "datetime_max_west": (
        lambda: dt.datetime.max.replace(tzinfo=dt.timezone(-dt.timedelta(hours=23))), False),
    "datetime_min_east": (
        lambda: dt.datetime.min.replace(tzinfo=dt.timezone(dt.timedelta(hours=23))), False),
    "time": (lambda: dt.time(10, 0), False),
    "timedelta": (lambda: dt.timedelta(days=1), False),
    "object": (lambda: object(), False),
    "type": (lambda: dict, False),
    "function": (lambda: (lambda: 1), False),
    # Size: refused before anything is expanded (the input limit is 1 MiB).
    "str_just_over_1mib": (lambda: "é" * 530_000, True),
    "str_10mb": (lambda: "x" * 10_000_000, True),
    "bytes_10mb": (lambda: b"\x00" * 10_000_000, True),
    "list_1m_items": (lambda: [0] * 1_000_000, True),
    "dict_5k_keys_over_1mib": (lambda: {f"k{i}": "v" * 250 for i in range(5_000)}, True),
}

#: The catalogue's values that are nested or cyclic: they also run on a small-stack thread.
DEEP = [name for name in CATALOGUE if name.startswith(("nested_", "cyclic_"))]

_BUILT: Dict[str, Any] = {}


class CrashOnStr(Decimal):
    """A decimal that kills its process when the encoder reads it: the harness's own test."""

    def __str__(self) -> str:
        import faulthandler

        faulthandler._sigsegv()
        return "0"



def hostile(name: str) -> Any:
    """The catalogue's value ``name``, built once per process."""
    if name not in _BUILT:
        _BUILT[name] = CATALOGUE[name][0]()
    return _BUILT[name]


def describe(spec: Tuple[str, Any]) -> str:
    """A short, printable name of a value spec."""
    kind, value = spec
    if kind == "keep":
        return "<valid>"
    if kind == "catalogue":
        return f"<{value}>"
    text = ascii(value)
    return text if len(text) <= 120 else text[:117] + "..."


# ---------------------------------------------------------------------------------------------
# Valid samples: one real call per target, from the shared vectors.
# ---------------------------------------------------------------------------------------------

def _vectors() -> Dict[str, List[Dict[str, Any]]]:
    by_op: Dict[str, List[Dict[str, Any]]] = {}
    for path in sorted(VECTORS.glob("*.json")):
        for vector in json.loads(path.read_text(encoding="utf-8"))["vectors"]:
            by_op.setdefault(vector["op"], []).append(vector)
    return by_op


def _pick(vectors: List[Dict[str, Any]]) -> Dict[str, Any]:
    """A vector that succeeds if there is one: then a refusal is the hostile value's doing. (Every
    vector of link.issue refuses; the portal link bound to a link version is made valid below.)"""
    for vector in vectors:
        if "error" not in vector:
            return vector
    for vector in vectors:
        request = vector["input"].get("request")
        if isinstance(request, dict) and request.get("purpose") == "portal" and \
                isinstance(request.get("state"), dict) and request["state"].get("kind") == "link_version":
            return vector
    return vectors[0]


# Operations whose vectors all refuse: the smallest change that makes the call valid.
def _repair(op: str, args: Dict[str, Any]) -> None:
    if op == "link.issue" and isinstance(args.get("request"), dict):
        args["request"] = {**args["request"], "expires_at": dt.datetime(2026, 7, 1, 10, tzinfo=UTC)}
    if op == "account.reset_password" and isinstance(args.get("claims"), dict):
        args["claims"] = {**args["claims"], "client_id": args["account"]["client_id"]}


HELD_METHODS = {
    # target: (class, what builds it, operation whose vector gives the arguments, method)
    "Keyring.issue": ("Keyring", "keyring", "link.issue", "issue"),
    "Keyring.verify": ("Keyring", "keyring", "link.verify", "verify"),
    "Pricer.price": ("Pricer", "catalogue", "pricing.price", "price"),
    "Pricer.create_quote": ("Pricer", "catalogue", "quote.create", "create_quote"),
    "Mailer.render": ("Mailer", "template", "mail.render", "render"),
}
# class: (operation whose vector gives the value, its argument, the constructor's parameter).
# The constructors are called with the value by position: the sweep is about values, not keywords.
HELD_CLASSES = {"Keyring": ("link.verify", "keyring", "config"),
                "Pricer": ("pricing.price", "catalogue", "catalogue"),
                "Mailer": ("mail.render", "template", "template"),
                "PreparedMailContext": ("mail.render", "context", "context")}


def samples() -> Dict[str, Dict[str, Any]]:
    """target → {"args": the valid arguments by name (every parameter present)}."""
    import hospes
    from hospes import _wire

    by_op = _vectors()
    out: Dict[str, Dict[str, Any]] = {}
    for op in _wire.SCHEMA["operations"]:
        names = list(op["args"].get("properties", {}))
        vector = _pick(by_op.get(op["name"], [{"input": {}}]))
        args = _wire.from_wire(vector["input"], op["args"]) or {}
        _repair(op["name"], args)
        out[op["name"]] = {"args": {name: args.get(name) for name in names}}
        assert op["name"] in hospes.OPERATIONS
    for cls, (op, arg, param) in HELD_CLASSES.items():
        out[cls] = {"args": {param: out[op]["args"][arg]}}
    for target, (cls, arg, op, _method) in HELD_METHODS.items():
        out[target] = {"args": {k: v for k, v in out[op]["args"].items() if k != arg},
                       "held": out[cls]["args"]}
    return out


def targets() -> List[str]:
    """Every target, in a stable order: operations, held classes, their methods."""
    from hospes import _wire

    return [op["name"] for op in _wire.SCHEMA["operations"]] + list(HELD_CLASSES) + list(HELD_METHODS)


def call_text(target: str, arg: str, path: Tuple[Any, ...], spec: Tuple[str, Any]) -> str:
    """The call, as a reader would type it: ``hospes.add_money(a=<nested_dict_10000>, b=…)``."""
    import hospes
    from hospes import _wire

    where = arg + "".join(f"[{p!r}]" for p in path)
    if target in HELD_CLASSES:
        return f"hospes.{target}({where}={describe(spec)})"
    if target in HELD_METHODS:
        cls, held_arg, _op, method = HELD_METHODS[target]
        return f"hospes.{cls}(<valid {held_arg}>).{method}({where}={describe(spec)}, …)"
    function = next(op["function"] for op in _wire.SCHEMA["operations"] if op["name"] == target)
    assert function in dir(hospes)
    return f"hospes.{function}({where}={describe(spec)}, …)"


# ---------------------------------------------------------------------------------------------
# Running one case.
# ---------------------------------------------------------------------------------------------

def replaced(value: Any, path: Tuple[Any, ...], new: Any) -> Any:
    """``value`` with the element at ``path`` replaced by ``new``; only the containers on the path
    are copied (the samples are shared between cases)."""
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        out = dict(value)
        out[head] = replaced(value.get(head), rest, new)
        return out
    if isinstance(value, list):
        out_list = list(value)
        out_list[head] = replaced(value[head], rest, new)
        return out_list
    return new


def invoke(target: str, args: Dict[str, Any], held: Optional[Dict[str, Any]]) -> Any:
    import hospes

    if target in HELD_CLASSES:
        made = getattr(hospes, target)(*args.values())
        repr(made)
        if target == "Keyring":
            made.active_key_id
        if target == "Mailer":
            made.summary
        return made
    if target in HELD_METHODS:
        cls, _arg, _op, method = HELD_METHODS[target]
        made = getattr(hospes, cls)(*(held or {}).values())
        return getattr(made, method)(**args)
    return hospes.OPERATIONS[target](**args)


def classify(error: BaseException) -> Dict[str, Any]:
    """What a raised exception says about the case, as plain data."""
    import hospes

    kind = f"{type(error).__module__}.{type(error).__qualname__}"
    if isinstance(error, hospes.HospesError):
        return {"outcome": "refused", "code": getattr(error, "code", None), "type": kind,
                "message": str(error)[:300]}
    where = traceback.extract_tb(error.__traceback__)[-1:] if error.__traceback__ else []
    return {"outcome": "raised", "type": kind, "message": str(error)[:300],
            "where": [f"{frame.filename}:{frame.lineno}" for frame in where]}


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_here(case: Tuple[Any, ...], prepared: Dict[str, Dict[str, Any]]) -> Dict[str, Any]:
    """Runs a case in this process (on a small-stack thread if asked) and says what happened."""
    target, arg, path, spec, mode = case
    sample = prepared[target]
    args = dict(sample["args"])
    if spec[0] != "keep":
        value = hostile(spec[1]) if spec[0] == "catalogue" else spec[1]
        args[arg] = replaced(args.get(arg), tuple(path), value)
    result: Dict[str, Any] = {}
    before = _rss_mb()

    def body() -> None:
        started = time.perf_counter()
        try:
            invoke(target, args, sample.get("held"))
            result.update(outcome="ok")
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as error:  # PanicException is a BaseException
            result.update(classify(error))
        result["seconds"] = time.perf_counter() - started

    if mode == "small-stack":
        threading.stack_size(SMALL_STACK)
        try:
            worker = threading.Thread(target=body, name="hospes-small-stack")
            worker.start()
        finally:
            threading.stack_size(0)
        worker.join()
    else:
        body()
    result["memory_mb"] = max(0.0, _rss_mb() - before)
    return result


def run_forked(case: Tuple[Any, ...], prepared: Dict[str, Dict[str, Any]], errlog: int) -> Dict[str, Any]:
    """Runs a case in a forked child: a crash or a hang costs the child, not this worker."""
    read_end, write_end = os.pipe()
    os.ftruncate(errlog, 0)
    os.lseek(errlog, 0, os.SEEK_SET)
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child: run, write the answer, leave without any cleanup
        try:
            os.close(read_end)
            os.dup2(errlog, 2)
            resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
            base = _rss_mb()
            result = run_here(case, prepared)
            result["memory_mb"] = max(0.0, _rss_mb() - base)
            payload = pickle.dumps(result)
            os.write(write_end, struct.pack("<I", len(payload)) + payload)
        finally:
            os._exit(0)
    os.close(write_end)
    chunks = b""
    deadline = started + WATCHDOG
    timed_out = False
    while True:
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            timed_out = True
            break
        ready, _, _ = select.select([read_end], [], [], remaining)
        if not ready:
            continue
        chunk = os.read(read_end, 1 << 16)
        if not chunk:
            break
        chunks += chunk
    if timed_out:
        os.kill(pid, signal.SIGKILL)
    os.close(read_end)
    _, status, _usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - started
    if timed_out:
        return {"outcome": "timeout", "seconds": seconds}
    if os.WIFSIGNALED(status):
        os.lseek(errlog, 0, os.SEEK_SET)
        stderr = os.read(errlog, 1 << 16).decode("utf-8", "replace")
        return {"outcome": "crash", "signal": signal.Signals(os.WTERMSIG(status)).name,
                "stderr": stderr.strip()[-400:], "seconds": seconds}
    if len(chunks) < 4:
        return {"outcome": "crash", "signal": f"exit {os.WEXITSTATUS(status)} without an answer",
                "seconds": seconds}
    return pickle.loads(chunks[4:])


def _read_frame(stream: Any) -> Any:
    header = stream.read(4)
    if len(header) < 4:
        return None
    (size,) = struct.unpack("<I", header)
    return pickle.loads(stream.read(size))


def _write_frame(stream: Any, value: Any) -> None:
    payload = pickle.dumps(value)
    stream.write(struct.pack("<I", len(payload)) + payload)
    stream.flush()


def serve() -> None:
    """The worker's loop: read a case, run it (in a forked child if asked), answer; until stdin
    closes."""
    channel_in = os.fdopen(os.dup(0), "rb")
    channel_out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything printed goes to stderr, never into the answers
    prepared = samples()
    errlog_fd, errlog_path = tempfile.mkstemp(prefix="hospes-sweep-")
    os.unlink(errlog_path)
    _write_frame(channel_out, {"ready": os.getpid()})
    while True:
        frame = _read_frame(channel_in)
        if frame is None:
            return
        case, isolate = frame
        _write_frame(channel_out, run_forked(case, prepared, errlog_fd) if isolate else run_here(case, prepared))


# ---------------------------------------------------------------------------------------------
# pytest's side: the worker process, started once, replaced when it dies or hangs.
# ---------------------------------------------------------------------------------------------

class Sweeper:
    """Runs cases in a worker process and returns what happened to each."""

    def __init__(self) -> None:
        self.proc: Optional[Any] = None
        self.started = 0
        self.stderr = tempfile.TemporaryFile()

    def _start(self) -> None:
        import subprocess

        import hospes

        env = dict(os.environ)
        package_root = str(Path(hospes.__file__).resolve().parents[1])
        env["PYTHONPATH"] = os.pathsep.join([package_root, str(Path(__file__).parent),
                                            env.get("PYTHONPATH", "")])
        self.stderr.seek(0)
        self.stderr.truncate()
        self.proc = subprocess.Popen(
            [sys.executable, "-c", "import sweep_worker; sweep_worker.serve()"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr, env=env,
        )
        self.started += 1
        hello = self._answer(60)
        if not isinstance(hello, dict) or "ready" not in hello:
            raise RuntimeError(f"the sweep worker did not start: {hello!r} {self._stderr_tail()}")

    def _stderr_tail(self) -> str:
        self.stderr.seek(0)
        return self.stderr.read()[-600:].decode("utf-8", "replace")

    def _answer(self, timeout: float) -> Any:
        assert self.proc is not None and self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if not ready:
            return "timeout"
        try:
            frame = _read_frame(self.proc.stdout)
        except (EOFError, pickle.UnpicklingError, struct.error):
            frame = None
        return "died" if frame is None else frame

    def _stop(self) -> None:
        if self.proc is not None:
            if self.proc.poll() is None:
                self.proc.kill()
            self.proc.wait()
            for stream in (self.proc.stdin, self.proc.stdout):
                if stream is not None:
                    stream.close()
            self.proc = None

    def run(self, case: Tuple[Any, ...], isolate: bool = False) -> Dict[str, Any]:
        """What happened to ``case``: run in the worker, or in a forked child of it when
        ``isolate`` (a value known to crash: a fork costs less than a new worker)."""
        if self.proc is None or self.proc.poll() is not None:
            self._stop()
            self._start()
        assert self.proc is not None and self.proc.stdin is not None
        started = time.perf_counter()
        try:
            _write_frame(self.proc.stdin, (case, isolate))
        except BrokenPipeError:
            self._stop()
            return {"outcome": "crash", "signal": "worker gone", "seconds": 0.0}
        answer = self._answer(WATCHDOG + (5 if isolate else 0))
        if isinstance(answer, dict):
            if answer.get("memory_mb", 0.0) > MEMORY_LIMIT_MB:
                self._stop()  # a fresh worker, so that the next case's memory is measured from low
            return answer
        seconds = time.perf_counter() - started
        if answer == "timeout":
            self._stop()
            return {"outcome": "timeout", "seconds": seconds}
        self.proc.wait()
        code = self.proc.returncode
        tail = self._stderr_tail()
        self._stop()
        name = signal.Signals(-code).name if code is not None and code < 0 else f"exit {code}"
        return {"outcome": "crash", "signal": name, "stderr": tail.strip()[-400:], "seconds": seconds}

    def close(self) -> None:
        self._stop()
        self.stderr.close()


def verdict(result: Dict[str, Any]) -> Optional[str]:
    """``None`` when the case kept every guarantee, else the failure's class, e.g.
    ``crash (SIGSEGV)``, ``internal.error``, ``wrong exception builtins.RecursionError``."""
    import re

    outcome = result["outcome"]
    if outcome == "crash":
        return f"crash ({result['signal']})"
    if outcome == "timeout":
        return f"timeout (> {WATCHDOG:g} s)"
    if outcome == "raised":
        if result["type"].endswith("PanicException"):
            return "panic (PanicException)"
        return f"wrong exception {result['type']}"
    if outcome == "refused":
        code = result.get("code")
        if code == "internal.error" or result["type"].endswith(".InternalError"):
            return "internal.error"
        if not isinstance(code, str) or not re.fullmatch(r"[a-z0-9_]+(\.[a-z0-9_]+)+", code):
            return f"refusal without a code ({code!r})"
        if result["type"] == "hospes.errors.HospesError":
            return f"refusal of no family ({code})"
    if result.get("seconds", 0.0) > WATCHDOG:
        return f"timeout (> {WATCHDOG:g} s)"
    if result.get("memory_mb", 0.0) > MEMORY_LIMIT_MB:
        return f"memory (> {MEMORY_LIMIT_MB} MiB for one call)"
    return None


def outcome_text(result: Dict[str, Any]) -> str:
    """What happened, in one line."""
    outcome = result["outcome"]
    seconds = f"{result.get('seconds', 0.0):.2f} s"
    if outcome == "crash":
        stderr = result.get("stderr", "").splitlines()
        last = f"; stderr: {stderr[-1][:160]}" if stderr else ""
        return f"crash {result['signal']} after {seconds}{last}"
    if outcome == "timeout":
        return f"timeout: killed after {seconds}"
    memory = f", +{result.get('memory_mb', 0):.0f} MiB"
    if outcome == "raised":
        return f"raised {result['type']}: {result['message'][:160]} ({seconds}{memory})"
    if outcome == "refused":
        return f"refused {result['type'].rsplit('.', 1)[-1]} {result.get('code')}: {result['message'][:120]} ({seconds}{memory})"
    return f"ok ({seconds}{memory})"


if __name__ == "__main__":
    serve()
