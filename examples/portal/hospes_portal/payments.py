"""Online payment: the provider plug-in interface, and how the host records what a provider says.

hospes says what to ask for (`payment_request`: amount due, description, return links, a
reference stable for the same request) and reads what came back (`accept_payment_result`:
succeeded records the payment keyed by the transaction id, so the notification and the return
page reporting the same payment count once). A provider adapter only translates:

- `start(request, notify_url)` → where to send the guest (the provider's hosted checkout);
- `read_notification(headers, body)` → the `ProviderResult` of a notification whose signature
  it verified (raise `BadSignature` otherwise);
- `fetch_result(reference)` → the result known for a request, asked when the guest comes back
  (the notification may be late, or lost).

See README.md for what a PayPlug or Stripe adapter needs.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from dataclasses import dataclass
from typing import Mapping, Optional, Protocol, TypedDict

import hospes

from .db import Duplicate, Tx

log = logging.getLogger(__name__)


class BadSignature(Exception):
    """A notification whose signature does not verify: answered 400, never recorded."""


@dataclass(frozen=True)
class Checkout:
    """Where the guest pays: the provider's hosted page."""

    redirect_url: str


class PaymentProvider(Protocol):
    """What the host needs from a payment provider."""

    name: str

    def start(self, request: hospes.PaymentRequest, notify_url: str) -> Checkout: ...

    def read_notification(self, headers: Mapping[str, str], body: bytes) -> hospes.ProviderResult:
        """The result a notification carries (`headers` as sent: look names up ignoring case)."""
        ...

    def fetch_result(self, reference: str) -> Optional[hospes.ProviderResult]: ...


class Handled(TypedDict):
    """What `record_safely` says of a result: known already (`duplicate`), or refused by hospes
    (`refused`: the error's code), when it did not record it."""

    duplicate: bool
    refused: Optional[str]


def prepare(tx: Tx, provider: PaymentProvider, establishment: hospes.Establishment, client_id: str,
            invoice: hospes.Invoice, now: dt.datetime) -> hospes.PaymentRequest:
    """What to charge for `invoice`, as hospes computes it, kept for when the result comes back.

    Call `provider.start(request, notify_url)` after this transaction commits: never hold a
    database transaction across a call to the provider."""
    number = invoice.get("number") or ""
    request = hospes.payment_request(establishment, invoice, tx.payments_on(establishment["id"], [number]))
    tx.save_payment_request(establishment["id"], client_id, provider.name, request, now)
    return request


def record_result(tx: Tx, establishment_id: str, result: hospes.ProviderResult,
                  now: dt.datetime) -> Optional[hospes.PaymentRecorded]:
    """Records a provider's result once, whoever reports it first (notification or return page).

    Returns hospes's `PaymentRecorded` (with `duplicate` when it was known), or None when the
    reference names no request of this host. Concurrent results for the same invoice wait for
    each other (its row is locked); should the same payment still be inserted twice (another
    writer that did not lock), its key is unique: `Duplicate` is raised — roll back and treat
    it as known."""
    asked = tx.payment_request(establishment_id, result["reference"])
    if asked is None:
        return None
    # The invoice's row locked first: results for it (the same one delivered twice at once, the
    # return page racing with the notification) take turns, each reading the payments the
    # previous one recorded. SQLite's write transaction (BEGIN IMMEDIATE) did it already.
    invoice = tx.invoice(establishment_id, asked["invoice_number"], lock=True)
    if invoice is None:
        return None
    known = tx.payments_on(establishment_id, [asked["invoice_number"]])
    outcome = hospes.accept_payment_result(invoice, known, asked["record"], result, now)
    if outcome["duplicate"]:
        return outcome
    keys = {p["key"] for p in known}
    tx.add_payments(establishment_id, [p for p in outcome["payments"] if p["key"] not in keys])
    tx.save_invoice(establishment_id, outcome["invoice"])
    reference = invoice.get("stay_reference")
    stream = f"stay:{reference}" if reference else f"client:{asked['client_id']}"
    tx.append_events(establishment_id, stream, outcome["events"])
    tx.touch_client(asked["client_id"], now)
    return outcome


def record_safely(store_tx: contextlib.AbstractContextManager[Tx], establishment_id: str,
                  result: hospes.ProviderResult, now: dt.datetime) -> Handled:
    """`record_result` in its own transaction; a concurrent duplicate counts as recorded.

    A result hospes refuses — another transaction paid the invoice first (two checkouts paid
    at once, in two tabs) — is not recorded: it is logged for the business to refund, and
    answered as handled (`refused`: the error's code), so that the provider stops retrying."""
    try:
        with store_tx as tx:
            outcome = record_result(tx, establishment_id, result, now)
            return {"duplicate": outcome is not None and outcome["duplicate"], "refused": None}
    except Duplicate:
        return {"duplicate": True, "refused": None}
    except hospes.PaymentError as err:
        log.warning("payment result not recorded (%s): %s, provider %s, transaction %s, reference %s",
                    err.code, err, result.get("provider"), result.get("transaction_id"), result.get("reference"))
        return {"duplicate": False, "refused": err.code}
