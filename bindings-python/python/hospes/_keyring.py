"""``hospes.Keyring``: the host's link keys parsed once, for issuing and verifying many links."""

from __future__ import annotations

import json
from typing import Any, Dict

from . import _native, _wire
from .errors import from_envelope

_RETURNS: Dict[str, Any] = {op["name"]: op["returns"] for op in _wire.SCHEMA["operations"]}


class Keyring:
    """The host's link keys, parsed once (``issue_link``/``verify_link`` re-read them per call).

    ``config`` is a ``KeyringConfig``: ``active_key``, optional ``verify_only_keys`` and
    ``clock_skew_seconds``. A malformed key raises :class:`hospes.LinkError`
    (``link.key_invalid``); keys are never echoed, not even by ``repr``::

        >>> import hospes
        >>> ring = hospes.Keyring({"active_key": hospes.generate_link_key()})
        >>> ring.active_key_id.startswith("k4.lid.")
        True
    """

    __slots__ = ("_ring",)

    def __init__(self, config: Dict[str, Any]) -> None:
        payload = _wire._encode(config)
        try:
            self._ring = _native.Keyring(payload)
        except ValueError as envelope:
            raise from_envelope(json.loads(str(envelope))["error"]) from None

    @property
    def active_key_id(self) -> str:
        """The PASERK id (``k4.lid.…``) of the active key, safe to log."""
        return self._ring.active_key_id

    def issue(self, establishment: Dict[str, Any], request: Dict[str, Any], now: Any) -> Dict[str, Any]:
        """Issues a link: the same as :func:`hospes.issue_link` with these keys."""
        return self._call("link.issue", {"establishment": establishment, "request": request, "now": now})

    def verify(
        self, establishment: Dict[str, Any], token: str, purpose: str, state: Dict[str, Any], now: Any
    ) -> Dict[str, Any]:
        """Verifies a link: the same as :func:`hospes.verify_link` with these keys."""
        args = {"establishment": establishment, "token": token, "purpose": purpose, "state": state, "now": now}
        return self._call("link.verify", args)

    def _call(self, op: str, args: Dict[str, Any]) -> Dict[str, Any]:
        envelope = json.loads(self._ring.call(op, _wire._encode(args)))
        if "error" in envelope:
            raise from_envelope(envelope["error"])
        return _wire.from_wire(envelope["ok"], _RETURNS[op])

    def __repr__(self) -> str:
        return f"Keyring(active_key_id={self.active_key_id!r})"
