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

import json
from typing import Any, Callable, Dict

from . import _native, _wire, errors
from ._held import Keyring, Mailer, PreparedMailContext, Pricer, Register
from .errors import (
    AccountError,
    AppointmentError,
    PdfError,
    BookingError,
    ClientError,
    ContractError,
    EstablishmentError,
    EvidenceError,
    FieldError,
    HospesError,
    InputError,
    InternalError,
    InvoiceError,
    LinkError,
    MailError,
    MoneyError,
    PaymentError,
    PortalError,
    PricingError,
    QuoteError,
    StayError,
    RegisterError,
    GdprError,
    ExportError,
    AccountingError,
)

__version__: str = _native.__version__

#: Converts Python values to the canonical wire form (decimals and dates as strings), e.g. to
#: store a record as JSON: ``json.dumps(hospes.to_wire(client))``.
to_wire = _wire.to_wire


def from_wire(type_name: str, value: Any) -> Any:
    """A record kept in the wire form — as ``to_wire`` wrote it to the host's database, decimals
    and dates as strings — back as the Python values hospes returns (``Decimal``, ``date``,
    aware ``datetime``), typed: ``hospes.from_wire("Client", json.loads(row))`` is a ``Client``
    for mypy. ``type_name`` is a record type of the stubs (``"Stay"``, ``"Invoice"``…); values
    are converted, not checked (the next hospes call checks them). An unknown type name is
    :class:`hospes.InputError` (``input.invalid``).

    >>> import hospes
    >>> hospes.from_wire("Period", {"from": "2026-07-11", "to": "2026-07-18"})["to"]
    datetime.date(2026, 7, 18)
    """
    node = _wire.DEFS.get(type_name) if isinstance(type_name, str) else None
    if node is None:
        envelope = _native.refusal("input.invalid", "$.type_name", f"no record type {repr(type_name)[:80]} "
                                   "(one of the stubs' record types: \"Client\", \"Stay\"…)", "")
        raise errors.from_envelope(json.loads(envelope)["error"])
    return _wire.from_wire(value, node)

__all__ = [
    "HospesError",
    "InputError",
    "MoneyError",
    "FieldError",
    "ClientError",
    "EstablishmentError",
    "StayError",
    "LinkError",
    "AccountError",
    "PortalError",
    "PricingError",
    "QuoteError",
    "InvoiceError",
    "PaymentError",
    "ContractError",
    "EvidenceError",
    "MailError",
    "BookingError",
    "AppointmentError",
    "PdfError",
    "InternalError",
    "RegisterError",
    "GdprError",
    "ExportError",
    "AccountingError",
    "OPERATIONS",
    "Keyring",
    "Mailer",
    "Pricer",
    "PreparedMailContext",
    "Register",
    "to_wire",
    "from_wire",
]


def _make(op: Dict[str, Any]) -> Callable[..., Any]:
    """A real Python function for ``op``: its signature is compiled, not interpreted per call."""
    args = op["args"]
    required = set(args.get("required", []))
    names = list(args.get("properties", {}))
    # The Rust order, as in every binding. An optional parameter gets a default only when all
    # those after it are optional too; before a required one it is passed, possibly as None.
    last_required = max((i for i, n in enumerate(names) if n in required), default=-1)
    params = ", ".join(n if n in required or i < last_required else f"{n}=None" for i, n in enumerate(names))
    packed = ", ".join(f"{n!r}: {n}" for n in names)
    # The arguments are encoded and the result built in Rust (`_native.invoke`), without JSON
    # text in between; a file (a PDF) comes back as bytes.
    source = f"def {op['function']}({params}):\n    return _invoke(_op, {{{packed}}})\n"
    namespace: Dict[str, Any] = {"_invoke": _native.invoke, "_op": op["name"]}
    exec(compile(source, f"<hospes {op['name']}>", "exec"), namespace)  # noqa: S102 - names come from the Rust schema
    operation = namespace[op["function"]]
    operation.__doc__ = op["doc"]
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
