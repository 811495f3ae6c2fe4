"""Conversion between Python values and hospes's canonical wire form, driven by its schema.

Going in, ``decimal.Decimal`` becomes its string, ``datetime.date`` ``YYYY-MM-DD`` and an aware
``datetime`` RFC 3339 UTC; a float is refused (money is never a float) and so is a naive
datetime. Coming out, the JSON Schema published by the native module says which strings are
decimals, dates and instants, and they come back as ``Decimal``, ``date`` and ``datetime``.
"""

from __future__ import annotations

import datetime as _dt
import json
from decimal import Decimal
from typing import Any, Callable, Dict

from . import _native
from .errors import InputError, from_envelope

SCHEMA: Dict[str, Any] = json.loads(_native.schema())
DEFS: Dict[str, Any] = SCHEMA["$defs"]


def to_wire(value: Any, path: str = "$") -> Any:
    """Turns Python values into JSON-ready values in the canonical wire form."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InputError("input.invalid", f"{path}: {value} is not a finite decimal")
        return format(value, "f")
    if isinstance(value, float):
        raise InputError(
            "input.invalid",
            f"{path}: floats are not accepted, use decimal.Decimal (or a string) for {value!r}",
        )
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise InputError("input.invalid", f"{path}: naive datetime {value.isoformat()}; pass an aware datetime")
        return value.astimezone(_dt.timezone.utc).isoformat().replace("+00:00", "Z")
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise InputError("input.invalid", f"{path}: key {key!r} is not a string")
            out[key] = to_wire(item, f"{path}.{key}")
        return out
    if isinstance(value, (list, tuple)):
        return [to_wire(item, f"{path}[{i}]") for i, item in enumerate(value)]
    raise InputError("input.invalid", f"{path}: {type(value).__name__} is not accepted here")


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
}


def from_wire(value: Any, node: Dict[str, Any]) -> Any:
    """Turns a wire value into Python values, following the schema ``node``."""
    node = _resolve(node)
    if value is None:
        return None
    variants = node.get("oneOf") or node.get("anyOf")
    if variants:
        return from_wire(value, _pick(value, variants))
    if isinstance(value, str):
        convert = _FORMATS.get(node.get("format", ""))
        try:
            return convert(value) if convert else value
        except ValueError:
            # Not a valid date or decimal: hand it on as is, the core will say what is wrong.
            return value
    if isinstance(value, list):
        items = node.get("items", {})
        return [from_wire(item, items) for item in value]
    if isinstance(value, dict):
        props = node.get("properties", {})
        return {key: from_wire(item, props.get(key, {})) for key, item in value.items()}
    return value


def _pick(value: Any, variants: list) -> Dict[str, Any]:
    """The variant of a union that ``value`` belongs to (tagged objects match their tag)."""
    candidates = [_resolve(v) for v in variants if _resolve(v).get("type") != "null"]
    if isinstance(value, dict) and "type" in value:
        for variant in candidates:
            if variant.get("properties", {}).get("type", {}).get("const") == value["type"]:
                return variant
    return candidates[0] if len(candidates) == 1 else {}


def invoke(op: str, args: Dict[str, Any], returns: Dict[str, Any]) -> Any:
    """Calls operation ``op`` with named ``args`` and converts the result, or raises."""
    payload = json.dumps(to_wire(args), ensure_ascii=True, allow_nan=False)
    envelope = json.loads(_native.call(op, payload))
    if "error" in envelope:
        raise from_envelope(envelope["error"])
    return from_wire(envelope["ok"], returns)
