"""Conversion between Python values and hospes's canonical wire form, driven by its schema.

Going in, ``decimal.Decimal`` becomes its string, ``datetime.date`` ``YYYY-MM-DD`` and an aware
``datetime`` RFC 3339 UTC; a float is refused (money is never a float) and so is a naive
datetime. Coming out, the JSON Schema published by the native module says which strings are
decimals, dates and instants, and they come back as ``Decimal``, ``date`` and ``datetime``.
"""

from __future__ import annotations

import datetime as _dt
import base64
import json
from decimal import Decimal
from typing import Any, Callable, Dict, List, Optional

from . import _native
from .errors import InputError, from_envelope

SCHEMA: Dict[str, Any] = json.loads(_native.schema())
DEFS: Dict[str, Any] = SCHEMA["$defs"]


def _default(value: Any, path: str = "$") -> Any:
    """JSON encoding of the values ``json`` does not know: decimals, dates, instants."""
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InputError("input.invalid", f"{path}: {value} is not a finite decimal")
        return format(value, "f")
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise InputError("input.invalid", f"{path}: naive datetime {value.isoformat()}; pass an aware datetime")
        return value.astimezone(_dt.timezone.utc).isoformat().replace("+00:00", "Z")
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(value).decode("ascii")
    raise InputError("input.invalid", f"{path}: {type(value).__name__} is not accepted here")


def to_wire(value: Any, path: str = "$") -> Any:
    """Turns Python values into JSON-ready values in the canonical wire form.

    A float is refused: money is never a float (use ``decimal.Decimal`` or a string).
    """
    if value is None or isinstance(value, (bool, str, int)):
        return value
    if isinstance(value, float):
        raise InputError(
            "input.invalid",
            f"{path}: floats are not accepted, use decimal.Decimal (or a string) for {value!r}",
        )
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise InputError("input.invalid", f"{path}: key {key!r} is not a string")
            out[key] = to_wire(item, f"{path}.{key}")
        return out
    if isinstance(value, (list, tuple)):
        return [to_wire(item, f"{path}[{i}]") for i, item in enumerate(value)]
    return _default(value, path)


def _encode(args: Any, op: Optional[str] = None, arg: Optional[str] = None) -> str:
    """The JSON of the arguments of operation ``op`` (or of its one argument ``arg``), encoded in
    Rust (``_native.encode``) by the rules of :func:`to_wire`, each value checked against what its
    field takes; a value it refuses raises :class:`InputError` (``input.wrong_type``,
    ``input.too_deep``, ``input.cyclic``, ``input.too_large``, ``input.invalid``) naming where it
    was."""
    try:
        return _native.encode(args, op, arg)
    except ValueError as refusal:
        raise from_envelope(json.loads(str(refusal))["error"]) from None


def _resolve(node: Dict[str, Any]) -> Dict[str, Any]:
    while "$ref" in node:
        node = DEFS[node["$ref"].rsplit("/", 1)[-1]]
    return node


def _parse_instant(text: str) -> _dt.datetime:
    return _dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


_FORMATS: Dict[str, Callable[[str], Any]] = {
    "decimal": Decimal,
    "date": _dt.date.fromisoformat,
    "date-time": _parse_instant,
    "byte": base64.b64decode,
}

Converter = Optional[Callable[[Any], Any]]
_CONVERTERS: Dict[int, Converter] = {}


def converter(node: Dict[str, Any]) -> Converter:
    """The function turning wire values of schema ``node`` into Python values, or ``None`` when
    they come back as they are. Built once per schema node and cached."""
    key = id(node)
    if key not in _CONVERTERS:
        _CONVERTERS[key] = None  # recursion guard for self-referencing types
        _CONVERTERS[key] = _build(_resolve(node))
    return _CONVERTERS[key]


def _build(node: Dict[str, Any]) -> Converter:
    variants = node.get("oneOf") or node.get("anyOf")
    if variants:
        return _union([_resolve(v) for v in variants if _resolve(v).get("type") != "null"])
    parse = _FORMATS.get(node.get("format", ""))
    if parse is not None:
        def scalar(value: Any) -> Any:
            try:
                return parse(value) if isinstance(value, str) else value
            except ValueError:
                # Not a valid date or decimal: hand it on as is, the core will say what is wrong.
                return value
        return scalar
    if "items" in node:
        item = converter(node["items"])
        if item is None:
            return None
        return lambda value: [item(v) for v in value] if isinstance(value, list) else value
    props = [(k, converter(p)) for k, p in node.get("properties", {}).items()]
    fields = [(k, c) for k, c in props if c is not None]
    if not fields:
        return None

    def record(value: Any) -> Any:
        if not isinstance(value, dict):
            return value
        out = dict(value)
        for key, convert in fields:
            item = out.get(key)
            if item is not None:
                out[key] = convert(item)
        return out

    return record


def _tag(variant: Dict[str, Any]) -> Optional[tuple]:
    """The (property, value) that tells a variant of a tagged union apart, e.g. ("type", "…")."""
    for key, prop in variant.get("properties", {}).items():
        if "const" in prop:
            return key, prop["const"]
    return None


def _union(variants: List[Dict[str, Any]]) -> Converter:
    if len(variants) == 1:
        return converter(variants[0])
    tags = [_tag(v) for v in variants]
    if any(t is None for t in tags):
        return None
    key = tags[0][0]
    tagged = {t[1]: converter(v) for t, v in zip(tags, variants)}
    if all(c is None for c in tagged.values()):
        return None

    def by_tag(value: Any) -> Any:
        convert = tagged.get(value.get(key)) if isinstance(value, dict) else None
        return convert(value) if convert else value

    return by_tag


def from_wire(value: Any, node: Dict[str, Any]) -> Any:
    """Turns a wire value into Python values, following the schema ``node``."""
    if value is None:
        return None
    convert = converter(node)
    return convert(value) if convert else value


def returns_file(returns: Dict[str, Any]) -> bool:
    """Whether an operation returning schema ``returns`` gives a file (a PDF) as ``bytes``."""
    return returns.get("$ref", "").endswith("/FileBytes")


def _error(envelope: str) -> Exception:
    """The exception of an error envelope (the native ``invoke`` raises it)."""
    return from_envelope(json.loads(envelope)["error"])


_RETURNS: Dict[str, Any] = {op["name"]: op["returns"] for op in SCHEMA["operations"]}


def _answer(op: str, envelope: str) -> Any:
    """The result in ``envelope`` of operation ``op``, converted by :func:`from_wire`: what the
    native ``invoke`` gives for a value it does not build itself (none of hospes's today)."""
    parsed = json.loads(envelope)
    if "error" in parsed:
        raise from_envelope(parsed["error"])
    return from_wire(parsed["ok"], _RETURNS[op])


def invoke(
    op: str, args: Dict[str, Any], returns: Dict[str, Any], call: Callable[[str, str], str] = _native.call
) -> Any:
    """Calls operation ``op`` with named ``args`` through the JSON envelope and converts the
    result in Python, or raises: the conversion the native ``invoke`` does in Rust, kept as its
    reference (tests/test_crossing.py holds the two to the same values). ``call`` is the native
    entry point: the module's, or a held value's (a keyring, a pricer)."""
    payload = _encode(args, op)
    envelope = json.loads(call(op, payload))
    if "error" in envelope:
        raise from_envelope(envelope["error"])
    return from_wire(envelope["ok"], returns)


def invoke_for_file(
    op: str, args: Dict[str, Any], returns: Dict[str, Any], call: Callable[[str, str], Any] = _native.call_for_file
) -> bytes:
    """Calls operation ``op``, whose schema ``returns`` is a file (:func:`returns_file`), and gives
    its bytes as they come from Rust (``call_for_file``: no base64, no JSON), or raises. ``call`` is
    the native entry point: the module's, or a held value's (the register)."""
    answer = call(op, _encode(args, op))
    if isinstance(answer, bytes):
        return answer
    raise from_envelope(json.loads(answer)["error"])
