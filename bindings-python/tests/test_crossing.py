"""The values built in Rust are exactly those of the Python conversion they replace.

Every function and held method converts its arguments and builds its result in Rust
(``_native.invoke``: no JSON text, no ``json.loads``, no walk in Python). ``_wire.invoke`` keeps the
conversion of old — the JSON envelope, ``json.loads`` and ``_wire.from_wire`` — as the reference:
for every shared vector, through the module's function and through the held objects, both give
the same values, compared strictly (the same types, ``Decimal`` with the same digits, the same
keys in the same order) or raise the same error (class, code, message, messages, fields).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Callable, Tuple

import pytest

import hospes
from hospes import _native, _wire

from conftest import load_vectors

VECTORS = list(load_vectors())
SCHEMAS = {op["name"]: op for op in _wire.SCHEMA["operations"]}


def same(a: Any, b: Any, path: str = "$") -> None:
    """``a`` and ``b`` are the same values: types, digits, keys and their order."""
    assert type(a) is type(b), f"{path}: {type(a).__name__} {a!r} against {type(b).__name__} {b!r}"
    if isinstance(a, dict):
        assert list(a) == list(b), f"{path}: keys {list(a)} against {list(b)}"
        for key in a:
            same(a[key], b[key], f"{path}.{key}")
    elif isinstance(a, list):
        assert len(a) == len(b), f"{path}: {len(a)} items against {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            same(x, y, f"{path}[{i}]")
    elif isinstance(a, Decimal):
        assert a.as_tuple() == b.as_tuple(), f"{path}: {a!r} against {b!r}"
    elif isinstance(a, dt.datetime):
        assert a == b and a.tzinfo is b.tzinfo and repr(a) == repr(b), f"{path}: {a!r} against {b!r}"
    else:
        assert a == b and repr(a) == repr(b), f"{path}: {a!r} against {b!r}"


def shape(a: Any) -> Any:
    """The types and keys of a value, for results drawn at random (keys, tokens, salts)."""
    if isinstance(a, dict):
        return {k: shape(v) for k, v in a.items()}
    if isinstance(a, list):
        return [shape(v) for v in a]
    return type(a).__name__


def outcome(run: Callable[[], Any]) -> Tuple[str, Any]:
    try:
        return "ok", run()
    except hospes.HospesError as err:
        return "error", (type(err), err.code, str(err), err.messages, err.fields)


def reference(op: str, args: dict, call: Any = None, call_for_file: Any = None) -> Any:
    """The result of old: the envelope through ``json.loads`` and ``_wire.from_wire``."""
    returns = SCHEMAS[op]["returns"]
    if _wire.returns_file(returns):
        return _wire.invoke_for_file(op, args, returns, call_for_file or _native.call_for_file)
    return _wire.invoke(op, args, returns, call or _native.call)


def compare(op: str, new: Callable[[], Any], old: Callable[[], Any]) -> None:
    got, expected = outcome(new), outcome(old)
    assert got[0] == expected[0], f"{op}: {got} against {expected}"
    if got[0] == "error":
        assert got[1] == expected[1]
        return
    again = outcome(old)
    if again[0] == "ok" and repr(shape(again[1])) == repr(shape(expected[1])) and again[1] != expected[1]:
        # Drawn at random (a key, a token, a salt): the same types and keys.
        assert repr(shape(got[1])) == repr(shape(expected[1]))
        return
    same(got[1], expected[1])


@pytest.mark.parametrize("vector", [v for _, v in VECTORS], ids=[i for i, _ in VECTORS])
def test_a_function_gives_the_values_of_old(vector):
    op = vector["op"]
    args = _wire.from_wire(vector["input"], SCHEMAS[op]["args"])
    function = hospes.OPERATIONS[op]
    compare(op, lambda: function(**args), lambda: reference(op, args))


HELD = {
    "link.issue": ("keyring", hospes.Keyring, "issue"),
    "link.verify": ("keyring", hospes.Keyring, "verify"),
    "pricing.price": ("catalogue", hospes.Pricer, "price"),
    "pricing.grid": ("catalogue", hospes.Pricer, "grid"),
    "quote.create": ("catalogue", hospes.Pricer, "create_quote"),
    "mail.render": ("template", hospes.Mailer, "render"),
}
HELD_VECTORS = [(i, v) for i, v in VECTORS if v["op"] in HELD]


@pytest.mark.parametrize("vector", [v for _, v in HELD_VECTORS], ids=[i for i, _ in HELD_VECTORS])
def test_a_held_object_gives_the_values_of_old(vector):
    op = vector["op"]
    args = _wire.from_wire(vector["input"], SCHEMAS[op]["args"])
    argument, cls, method = HELD[op]
    held = args.pop(argument)
    try:
        value = cls(held)
    except hospes.HospesError:
        return
    compare(op, lambda: getattr(value, method)(**args), lambda: reference(op, args, value._native.call))


def test_a_register_gives_the_values_of_old():
    now = dt.datetime(2026, 6, 1, 10, tzinfo=dt.timezone.utc)
    entries = [{"client": {"id": f"C-{i}", "last_name": name, "first_name": "Élodie",
                           "address": {"lines": ["3 rue des Lilas"], "postcode": "69003", "city": "Lyon", "country": "FR"},
                           "created_at": dt.datetime(2026, 1, 15, 9, 30, tzinfo=dt.timezone.utc)}}
               for i, name in enumerate(["Lefèvre", "Dupont", "Martin"])]
    register = hospes.Register({"currency": "EUR", "time_zone": "Europe/Paris"}, entries)
    for op, args in [("register.search", {"query": {"text": "", "present_only": False}, "now": now}),
                     ("register.row", {"client_id": "C-1", "now": now}),
                     ("register.row", {"client_id": "C-9", "now": now}),
                     ("register.countries", {})]:
        method = {"register.search": register.search, "register.row": register.row,
                  "register.countries": register.countries}[op]
        compare(op, lambda: method(**args), lambda: reference(op, args, register._native.call))


HOSTILE = [None, 0, "", "x", [], {}, [{}], Decimal("1.5"), dt.date(2026, 7, 11), b"\x00", 2**70]


@pytest.mark.parametrize("op", sorted(SCHEMAS))
def test_a_refused_argument_is_the_error_of_old(op):
    """Every argument given each hostile value: the same error (or value) both ways."""
    names = list(SCHEMAS[op]["args"].get("properties", {}))
    for name in names:
        for hostile in HOSTILE:
            args = {n: hostile if n == name else None for n in names}
            compare(op, lambda: hospes.OPERATIONS[op](**args), lambda: reference(op, args))


def test_what_the_events_cannot_give_is_read_from_the_envelope():
    """The fallback of old, for a value the core's events cannot give (none of hospes's today)."""
    envelope = _native.call("money.add", '{"a": {"amount": "1.10", "currency": "EUR"}, "b": {"amount": "2", "currency": "EUR"}}')
    same(_wire._answer("money.add", envelope), {"amount": Decimal("3.10"), "currency": "EUR"})
    with pytest.raises(hospes.MoneyError):
        _wire._answer("money.add", _native.call("money.add", '{"a": {"amount": "1", "currency": "EUR"}, "b": {"amount": "1", "currency": "USD"}}'))


MAILS = [(i, v) for i, v in VECTORS if v["op"] == "mail.render"]


@pytest.mark.parametrize("vector", [v for _, v in MAILS], ids=[i for i, _ in MAILS])
def test_a_prepared_context_renders_the_mail_of_its_records(vector):
    """``mailer.render(mailer.prepare(context))`` is ``mailer.render(context)``, value or error."""
    args = _wire.from_wire(vector["input"], SCHEMAS["mail.render"]["args"])
    try:
        mailer = hospes.Mailer(args["template"])
    except hospes.HospesError:
        return
    expected = outcome(lambda: mailer.render(args["context"]))
    try:
        prepared = mailer.prepare(args["context"])
    except hospes.HospesError as err:
        # Refused when prepared: the same error as when rendered (its path from the context).
        assert expected[0] == "error" and expected[1][1] == err.code
        return
    got = outcome(lambda: mailer.render(prepared))
    assert got[0] == expected[0]
    if got[0] == "error":
        assert got[1] == expected[1]
    else:
        same(got[1], expected[1])
