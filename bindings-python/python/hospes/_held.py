"""Values parsed once and kept: ``hospes.Keyring`` (link keys), ``hospes.Pricer`` (a price
catalogue) and ``hospes.Mailer`` (a compiled mail template). Their methods run the same operations
as the module's functions, without re-reading the value on every call."""

from __future__ import annotations

import json
from typing import Any, Dict, Tuple

from . import _native, _wire
from .errors import from_envelope

_RETURNS: Dict[str, Any] = {op["name"]: op["returns"] for op in _wire.SCHEMA["operations"]}


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
        return _wire.invoke(op, args, _RETURNS[op], self._native.call)


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
        self, establishment: Dict[str, Any], token: str, purpose: str, state: Dict[str, Any], now: Any
    ) -> Dict[str, Any]:
        """Verifies a link: the same as :func:`hospes.verify_link` with these keys."""
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

    def render(self, context: Dict[str, Any]) -> Dict[str, Any]:
        """Renders the mail for one guest: ``subject``, ``html`` and ``text``, in their language."""
        return self._call("mail.render", {"context": context})

    def __repr__(self) -> str:
        return f"Mailer({self.summary['name']!r})"


__all__ = ["Keyring", "Mailer", "Pricer"]
