"""Secret links: issued with hospes's `Keyring`, bound to the state of what they open, verified on
the landing page. The host stores no token — only an audit row per link issued (its id).

Each purpose is bound to a state the host computes from its records (docs/links.md): a link
stops working once that state changes — a quote signed, a payment made, a password changed.
"""

from __future__ import annotations

import datetime as dt
from typing import Dict, Optional

import hospes

from .db import Tx

#: How long each kind of link stays valid.
VALIDITY: Dict[hospes.LinkPurpose, dt.timedelta] = {
    "portal": dt.timedelta(days=30),
    "booking_edit": dt.timedelta(days=30),
    "quote": dt.timedelta(days=30),
    "contract": dt.timedelta(days=30),
    "invoice": dt.timedelta(days=30),
    "deposit_payment": dt.timedelta(days=14),
    "balance_payment": dt.timedelta(days=14),
    "password_reset": dt.timedelta(hours=1),
    "account_verify": dt.timedelta(hours=48),
}


class BadLink(Exception):
    """A link that does not open. An expired one names its client (verified by hospes: the
    token was genuine), so that a new link can be sent to the address on file."""

    def __init__(self, error: hospes.HospesError) -> None:
        super().__init__(error.code)
        self.error = error
        self.expired = error.code == "link.expired"
        self.client_id = self._field("client_id")
        self.purpose = self._field("purpose")
        self.subject = self._field("subject")

    def _field(self, name: str) -> Optional[str]:
        """A verified value of a `link.expired` (`client_id`, `purpose`, `subject`); None else."""
        value = self.error.fields.get(name) if self.expired else None
        return value if isinstance(value, str) else None


def state_for(tx: Tx, est_id: str, purpose: hospes.LinkPurpose, client: hospes.Client,
              subject: Optional[str]) -> Optional[hospes.LinkState]:
    """The state a link of `purpose` is bound to now, from the host's records; None when what it
    names does not exist (or is not this client's)."""
    if purpose in ("portal", "booking_edit"):
        return {"kind": "link_version", "link_version": client.get("link_version", 0)}
    if purpose == "quote":
        quote = tx.quote(est_id, subject or "")
        return hospes.quote_link_state(quote) if quote and quote["client_id"] == client["id"] else None
    if purpose == "contract":
        contract = tx.contract(est_id, subject or "")
        return hospes.contract_link_state(contract) if contract and contract["customer"]["client_id"] == client["id"] else None
    if purpose in ("invoice", "deposit_payment", "balance_payment"):
        invoice = tx.invoice(est_id, subject or "")
        if invoice is None or invoice["customer"]["client_id"] != client["id"]:
            return None
        if purpose == "invoice":
            return hospes.invoice_link_state(invoice)
        number = subject or ""
        due = hospes.invoice_balance(invoice, tx.payments_on(est_id, [number]))["due"]
        return {"kind": "amount_due", "invoice_number": number, "amount_due": due}
    account = tx.account_of(est_id, client["id"])
    if account is None:
        return None
    if purpose == "password_reset":
        return {"kind": "password", "password_hash": account["password_hash"]}
    return {"kind": "email", "email": account["email"]}  # account_verify


class Links:
    """Issues and opens the links of every establishment with the host's keys."""

    def __init__(self, keyring: hospes.Keyring) -> None:
        self.keyring = keyring

    def issue(self, tx: Tx, establishment: hospes.Establishment, client: hospes.Client,
              purpose: hospes.LinkPurpose, subject: Optional[str], now: dt.datetime, permanent: bool = False) -> str:
        """A link's URL, bound to the current state of what it opens; the issue is recorded."""
        state = state_for(tx, establishment["id"], purpose, client, subject)
        if state is None:
            raise LookupError(f"nothing to link to: {purpose} {subject}")
        request: hospes.LinkRequest = {"purpose": purpose, "client_id": client["id"], "subject": subject,
                                       "state": state}
        if permanent:
            request["permanent"] = True
        else:
            request["expires_at"] = now + VALIDITY[purpose]
        issued = self.keyring.issue(establishment, request, now)
        tx.record_link(establishment["id"], client["id"], purpose, subject, issued, now)
        return issued["url"]

    def open(self, tx: Tx, establishment: hospes.Establishment, token: str, purpose: hospes.LinkPurpose,
             now: dt.datetime) -> hospes.LinkClaims:
        """The verified claims of `token` for a page of `purpose`; raises `BadLink`.

        The token names its client and subject (untrusted) so that the host loads them and
        computes their state now; hospes then verifies the token against that state — or, when
        there is nothing to bind to (no such client, document or account), against none, and
        answers `link.invalid` as for any other bad link."""
        try:
            hint = hospes.inspect_link(token)
        except hospes.HospesError as err:
            raise BadLink(err) from None
        client = tx.client_in(establishment["id"], hint["client_id"])
        state = None if client is None else state_for(tx, establishment["id"], purpose, client, hint.get("subject"))
        try:
            return self.keyring.verify(establishment, token, purpose, state, now)
        except hospes.HospesError as err:
            raise BadLink(err) from None
