"""hospes: the domain engine of a guest portal and a PMS client file, from Python.

Every operation of the Rust core is a function here, with its arguments by name::

    >>> import hospes, datetime
    >>> from decimal import Decimal
    >>> hospes.add_money({"amount": Decimal("10.10"), "currency": "EUR"},
    ...                  {"amount": Decimal("0.20"), "currency": "EUR"})
    {'amount': Decimal('10.30'), 'currency': 'EUR'}

Records are plain dicts in the canonical shape (snake_case keys), typed by the ``TypedDict``
stubs shipped with the package; amounts are ``decimal.Decimal``, calendar dates
``datetime.date``, instants aware ``datetime.datetime``. Failures raise a subclass of
:class:`HospesError` carrying a stable ``code``.
"""

from __future__ import annotations

import inspect as _inspect
from typing import Any, Callable, Dict

from . import _native, _wire
from .errors import (
    ClientError,
    EstablishmentError,
    FieldError,
    HospesError,
    InputError,
    InternalError,
    MoneyError,
    StayError,
)

__version__: str = _native.__version__

#: Converts Python values to the canonical wire form (decimals and dates as strings), e.g. to
#: store a record as JSON: ``json.dumps(hospes.to_wire(client))``.
to_wire = _wire.to_wire

__all__ = [
    "HospesError",
    "InputError",
    "MoneyError",
    "FieldError",
    "ClientError",
    "EstablishmentError",
    "StayError",
    "InternalError",
    "OPERATIONS",
    "to_wire",
]


def _make(op: Dict[str, Any]) -> Callable[..., Any]:
    args = op["args"]
    required = set(args.get("required", []))
    params = [
        _inspect.Parameter(
            name,
            _inspect.Parameter.POSITIONAL_OR_KEYWORD,
            default=_inspect.Parameter.empty if name in required else None,
        )
        for name in args.get("properties", {})
    ]
    # Required parameters first so that the signature is valid Python.
    params.sort(key=lambda p: p.default is not _inspect.Parameter.empty)
    signature = _inspect.Signature(params)
    name, returns = op["name"], op["returns"]

    def operation(*a: Any, **kw: Any) -> Any:
        bound = signature.bind(*a, **kw)
        return _wire.invoke(name, dict(bound.arguments), returns)

    operation.__name__ = operation.__qualname__ = op["function"]
    operation.__doc__ = op["doc"]
    operation.__signature__ = signature  # type: ignore[attr-defined]
    operation.__module__ = __name__
    return operation


#: Every operation: its dotted name → the Python function that runs it.
OPERATIONS: Dict[str, Callable[..., Any]] = {}

for _op in _wire.SCHEMA["operations"]:
    _fn = _make(_op)
    globals()[_op["function"]] = _fn
    OPERATIONS[_op["name"]] = _fn
    __all__.append(_op["function"])
del _op, _fn
