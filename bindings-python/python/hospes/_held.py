"""Values parsed once and kept: ``hospes.Keyring`` (link keys), ``hospes.Pricer`` (a price
catalogue), ``hospes.Mailer`` (a compiled mail template) and ``hospes.Register`` (the client
register). Their methods run the same operations
as the module's functions, without re-reading the value on every call."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from typing import Any, Dict, Iterable, List, Optional, Tuple

from . import _native, _wire
from .errors import InputError, from_envelope


class _Held:
    """A native value built once from a record; a bad one raises the typed error hospes gives.

    Each subclass takes its record under the keyword its stub declares (``Keyring(config=…)``,
    ``Pricer(catalogue=…)``, ``Mailer(template=…)``) and hands it to :meth:`_hold`.
    """

    __slots__ = ("_native",)
    _NATIVE: Any = None
    #: The operation and argument the held record is (its shape is checked on the way in).
    _ARGUMENT: Tuple[str, str] = ("", "")

    def _hold(self, value: Dict[str, Any]) -> None:
        payload = _wire._encode(value, *self._ARGUMENT)
        try:
            self._native = self._NATIVE(payload)
        except ValueError as envelope:
            raise from_envelope(json.loads(str(envelope))["error"]) from None

    def _call(self, op: str, args: Dict[str, Any]) -> Any:
        # Arguments encoded and the result built in Rust, as for the module's functions.
        return self._native.invoke(op, args)

    def _call_for_file(self, op: str, args: Dict[str, Any]) -> bytes:
        return self._native.invoke(op, args)  # type: ignore[no-any-return]


class Keyring(_Held):
    """The host's link keys, parsed once (``issue_link``/``verify_link`` re-read them per call).

    ``config`` is a ``KeyringConfig``: ``active_key``, optional ``verify_only_keys`` and
    ``clock_skew_seconds``. A malformed key raises :class:`hospes.LinkError`
    (``link.key_invalid``); keys are never echoed, not even by ``repr``::

        >>> import hospes
        >>> ring = hospes.Keyring({"active_key": hospes.generate_link_key()})
        >>> ring.active_key_id.startswith("k4.lid.")
        True
    """

    __slots__ = ()
    _NATIVE = _native.Keyring
    _ARGUMENT = ("link.issue", "keyring")

    def __init__(self, config: Dict[str, Any]) -> None:
        self._hold(config)

    @property
    def active_key_id(self) -> str:
        """The PASERK id (``k4.lid.…``) of the active key, safe to log."""
        return self._native.active_key_id

    def issue(self, establishment: Dict[str, Any], request: Dict[str, Any], now: Any) -> Dict[str, Any]:
        """Issues a link: the same as :func:`hospes.issue_link` with these keys."""
        return self._call("link.issue", {"establishment": establishment, "request": request, "now": now})

    def verify(
        self, establishment: Dict[str, Any], token: str, purpose: str, state: Optional[Dict[str, Any]], now: Any
    ) -> Dict[str, Any]:
        """Verifies a link: the same as :func:`hospes.verify_link` with these keys. ``state`` is
        ``None`` when the host has nothing the token could name (a deleted client or document):
        ``link.invalid``, as for a forged token. A genuine expired token raises ``link.expired``
        with the verified ``client_id``, ``purpose`` and ``subject`` in ``err.fields``."""
        args = {"establishment": establishment, "token": token, "purpose": purpose, "state": state, "now": now}
        return self._call("link.verify", args)

    def __repr__(self) -> str:
        return f"Keyring(active_key_id={self.active_key_id!r})"


class Pricer(_Held):
    """The establishment's price catalogue, parsed and checked once (``price_stay`` re-reads it
    per call, which from Python costs far more than the pricing itself).

    A catalogue that contradicts itself raises :class:`hospes.PricingError`
    (``pricing.catalogue_invalid``) here, once.
    """

    __slots__ = ()
    _NATIVE = _native.Pricer
    _ARGUMENT = ("pricing.price", "catalogue")

    def __init__(self, catalogue: Dict[str, Any]) -> None:
        self._hold(catalogue)

    def price(self, request: Dict[str, Any], now: Any) -> Dict[str, Any]:
        """Prices a stay: the same as :func:`hospes.price_stay` with this catalogue."""
        return self._call("pricing.price", {"request": request, "now": now})

    def grid(self, request: Dict[str, Any], now: Any) -> Dict[str, Any]:
        """The price grid of a booking widget — every unit × arrival date for one length of stay
        and one party, each cell its total and what is paid to book, or its refusal code: the
        same as :func:`hospes.price_grid` with this catalogue."""
        return self._call("pricing.grid", {"request": request, "now": now})

    def create_quote(
        self,
        number: str,
        client_id: str,
        stay_reference: str,
        request: Dict[str, Any],
        now: Any,
        valid_until: Any,
    ) -> Dict[str, Any]:
        """Makes a quote: the same as :func:`hospes.create_quote` with this catalogue."""
        args = {"number": number, "client_id": client_id, "stay_reference": stay_reference,
                "request": request, "now": now, "valid_until": valid_until}
        return self._call("quote.create", args)

    def __repr__(self) -> str:
        return "Pricer()"


class Mailer(_Held):
    """A mail template, checked and compiled once (``render_mail`` compiles it on every call).

    A template with an unknown tag, variable or a syntax error raises :class:`hospes.MailError`
    here, with its part, line and column, as when the business saves it::

        >>> import hospes
        >>> mailer = hospes.Mailer({"name": "t", "versions": [
        ...     {"locale": "fr", "subject": "Séjour [REF_SEJOUR]", "html": "<a href='[LIEN_ESPACE_CLI]'>Espace</a>"}]})
        >>> mailer.summary["links_needed"]
        ['portal']
    """

    __slots__ = ()
    _NATIVE = _native.Mailer
    _ARGUMENT = ("mail.render", "template")

    def __init__(self, template: Dict[str, Any]) -> None:
        self._hold(template)

    @property
    def summary(self) -> Dict[str, Any]:
        """The languages, tags and links the template uses."""
        return self._call("mail.check", {})

    def render(self, context: Any) -> Dict[str, Any]:
        """Renders the mail for one guest: ``subject``, ``html`` and ``text``, in their language.
        ``context`` is a ``MailContext`` record, or a :class:`PreparedMailContext` (read once, for
        a guest who gets several mails, or the same mail again)."""
        if isinstance(context, PreparedMailContext):
            return self._native.render_prepared(context._native)  # type: ignore[no-any-return]
        return self._call("mail.render", {"context": context})

    def prepare(self, context: Dict[str, Any]) -> "PreparedMailContext":
        """The context read and checked once, for :meth:`render` (of this mailer or any other)."""
        return PreparedMailContext(context)

    def __repr__(self) -> str:
        return f"Mailer({self.summary['name']!r})"


class PreparedMailContext(_Held):
    """A mail's context — establishment, client, stay, amounts, links — read and checked once, for
    a guest who gets several mails (the confirmation, the contract, the reminders) or the same mail
    again: every :class:`Mailer` renders it without reading the records again, exactly as it
    renders the record. A context hospes refuses raises its error here, once."""

    __slots__ = ()
    _NATIVE = _native.PreparedMailContext
    _ARGUMENT = ("mail.render", "context")

    def __init__(self, context: Dict[str, Any]) -> None:
        self._hold(context)

    def __repr__(self) -> str:
        return "PreparedMailContext()"


def _listed(values: Any) -> Any:
    """A list of ``values`` when it is a collection or an iterator (not text nor a record);
    anything else as it is, for the encoder to refuse by its type."""
    if isinstance(values, (str, bytes, dict)) or not hasattr(values, "__iter__"):
        return values
    return list(values)


class Register(_Held):
    """The client register held in memory (« Registre clients »), shared by the host's threads:
    built from the host's rows, kept current as the host saves clients, stays and invoices,
    searched many times. It is an index the host can always rebuild from its database; it holds
    no notes.

    ``config`` is a ``RegisterConfig`` (``currency``, ``time_zone``); ``entries`` the first
    ``RegisterEntry`` values (a client, their stays' dates, their invoices' figures). Load a large
    file in batches with :meth:`upsert`, each under the 1 MiB input limit::

        >>> import hospes, datetime
        >>> register = hospes.Register({"currency": "EUR", "time_zone": "Europe/Paris"})
        >>> register.upsert([{"client": {"id": "C-1", "last_name": "Lefèvre", "first_name": "Élodie",
        ...     "created_at": datetime.datetime(2026, 1, 15, 9, 30, tzinfo=datetime.timezone.utc)}}])
        1
        >>> now = datetime.datetime(2026, 6, 1, 10, 0, tzinfo=datetime.timezone.utc)
        >>> page = register.search({"text": "lefev", "present_only": False}, now)
        >>> page["total"], page["rows"][0]["first_name"]
        (1, 'Élodie')
    """

    __slots__ = ()
    _NATIVE = _native.Register
    _ARGUMENT = ("register.search", "register")

    def __init__(self, config: Dict[str, Any], entries: Optional[Iterable[Dict[str, Any]]] = None) -> None:
        self._hold({"config": config, "entries": [] if entries is None else _listed(entries)})

    def __len__(self) -> int:
        return len(self._native)

    def _held_only(self, op: str, payload: str) -> Any:
        envelope = json.loads(self._native.call(op, payload))
        if "error" in envelope:
            raise from_envelope(envelope["error"])
        return envelope["ok"]

    def upsert(self, entries: Iterable[Dict[str, Any]]) -> int:
        """Adds clients, or replaces what it holds of them (same ``client.id``); returns how many.
        Stops at the first refused, raising its error, with those before it kept."""
        payload = _wire._encode(_listed(entries), "register.rows", "entries")
        return int(self._held_only("register.upsert", '{"entries":' + payload + "}"))

    def remove(self, client_ids: Iterable[str]) -> int:
        """Forgets clients (deleted or erased); returns how many it held."""
        return int(self._held_only("register.remove", _wire._encode({"client_ids": _listed(client_ids)})))

    def search(self, query: Dict[str, Any], now: Any) -> Dict[str, Any]:
        """The page of clients matching ``query`` (a ``RegisterQuery``) as of ``now``, with the
        count of every match: the same as :func:`hospes.search_register` with this register."""
        return self._call("register.search", {"query": query, "now": now})

    def row(self, client_id: str, now: Any) -> Dict[str, Any]:
        """One client's line as of ``now``."""
        return self._call("register.row", {"client_id": client_id, "now": now})

    def countries(self) -> List[Dict[str, Any]]:
        """The countries of the clients, with how many live in each."""
        return self._call("register.countries", {})  # type: ignore[no-any-return]

    def labels(
        self, query: Dict[str, Any], now: Any, sheet: str, sender_country: str, locale: str, skip: int
    ) -> bytes:
        """Address labels as PDF for every client matching ``query`` (its page ignored)."""
        args = {"query": query, "now": now, "sheet": sheet, "sender_country": sender_country,
                "locale": locale, "skip": skip}
        return self._call_for_file("register.labels", args)

    def export(
        self, query: Dict[str, Any], now: Any, columns: List[str], options: Dict[str, Any]
    ) -> bytes:
        """The clients matching ``query`` (its page ignored) as CSV or XLSX bytes: the ``columns``
        asked for (all when empty), headers in ``options["locale"]``. For many clients, prefer
        :meth:`export_to`, which streams."""
        args = {"query": query, "now": now, "columns": columns, "options": options}
        return self._call_for_file("register.export", args)

    def export_to(
        self, query: Dict[str, Any], now: Any, columns: List[str], options: Dict[str, Any], target: Any
    ) -> int:
        """Streams the same export to ``target``: a path (``str`` or ``os.PathLike``, created or
        truncated) or a binary file object (written through a temporary file, in chunks: a
        million clients never stand in memory). Returns the number of rows written."""
        args = {"query": query, "now": now, "columns": columns, "options": options}
        payload = json.loads(_wire._encode(args, "register.export"))
        if not isinstance(target, (str, os.PathLike)) and not hasattr(target, "write"):
            raise InputError("input.wrong_type", f"$.target: expected a path or a binary file, received {type(target).__name__}")
        if hasattr(target, "write"):
            with tempfile.TemporaryDirectory() as folder:
                path = os.path.join(folder, "export")
                rows = self._export_to(payload, path)
                with open(path, "rb") as source:
                    shutil.copyfileobj(source, target, 1 << 16)
                return rows
        return self._export_to(payload, os.fspath(target))

    def _export_to(self, payload: Dict[str, Any], path: str) -> int:
        payload["path"] = path
        return int(self._held_only("register.export_to", json.dumps(payload)))

    def __repr__(self) -> str:
        return f"Register({len(self)} clients)"


__all__ = ["Keyring", "Mailer", "Pricer", "PreparedMailContext", "Register"]
