"""The demo payment provider: a hosted checkout page and HMAC-signed notifications, inside the app.

It plays what PayPlug or Stripe do, so the deposit and balance journeys run end to end with no
account anywhere: the guest is sent to `/demo-pay/<id>`, « pays » with the test card, and the
provider POSTs a signed notification to the host — before sending the guest back, and once more
a second later, as real providers retry — then redirects the guest to the portal's return page.
Nothing here is hospes: it is the other side of the `PaymentProvider` interface.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import secrets
import threading
import time
import urllib.request
from typing import Callable, Dict, Mapping, Optional, TypedDict

import hospes
from flask import Blueprint, abort, current_app, redirect, render_template, request
from flask.typing import ResponseReturnValue
from sqlalchemy import insert, select, update

from .db import Store, dumps, loads
from .tables import Json, as_utc, demo_checkouts
from .payments import BadSignature, Checkout

SIGNATURE_HEADER = "X-Demo-Signature"
#: How old a notification may be (replays of older ones are refused).
TOLERANCE_SECONDS = 300

Deliver = Callable[[str, bytes, Mapping[str, str]], None]


def deliver_over_http(url: str, body: bytes, headers: Mapping[str, str]) -> None:
    """POSTs the notification, and again a second later (a provider's retry), from a thread."""
    def post() -> None:
        req = urllib.request.Request(url, data=body, method="POST", headers=dict(headers))
        try:
            with urllib.request.urlopen(req, timeout=10) as answer:  # noqa: S310 - the host's own URL
                answer.read()
        except OSError:
            pass  # a real provider retries later; the return page records the payment meanwhile

    def send_then_retry() -> None:
        post()
        time.sleep(1)
        post()

    # From a thread, as a real provider's servers do: the checkout page never waits on the host it
    # notifies (with every server thread busy paying, it would be waiting on itself).
    threading.Thread(target=send_then_retry, daemon=True).start()


class DemoCheckout(TypedDict):
    """A checkout of the demo provider, as its hosted page shows it."""

    id: str
    reference: str
    request: hospes.PaymentRequest
    status: str


class DemoProvider:
    """The `PaymentProvider` of the demo: checkouts in its own table, notifications signed with
    HMAC-SHA256 over `"{timestamp}.{body}"` (as Stripe does)."""

    name = "demo"

    def __init__(self, store: Store, secret: bytes, base_url: str, deliver: Deliver = deliver_over_http,
                 clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.timezone.utc)) -> None:
        self.store, self.secret, self.base_url = store, secret, base_url.rstrip("/")
        self.deliver, self.clock = deliver, clock

    # -- the host's side of the interface -----------------------------------------------------

    def start(self, request: hospes.PaymentRequest, notify_url: str) -> Checkout:
        """Opens a checkout for the request (the same reference twice: the same checkout)."""
        with self.store.tx() as tx:
            found = tx.conn.execute(select(demo_checkouts.c.id).where(
                demo_checkouts.c.reference == request["reference"], demo_checkouts.c.status == "open")
                .order_by(demo_checkouts.c.id)).first()
            if found is not None:
                checkout_id = found.id
            else:
                checkout_id = secrets.token_urlsafe(12)
                tx.conn.execute(insert(demo_checkouts).values(
                    id=checkout_id, reference=request["reference"], request=dumps(request),
                    notify_url=notify_url, status="open"))
        return Checkout(redirect_url=f"{self.base_url}/demo-pay/{checkout_id}")

    def read_notification(self, headers: Mapping[str, str], body: bytes) -> hospes.ProviderResult:
        """The result a notification carries, once its signature and age are checked."""
        signed = next((v for k, v in headers.items() if k.lower() == SIGNATURE_HEADER.lower()), "")
        parts = dict(p.split("=", 1) for p in signed.split(",") if "=" in p)
        try:
            timestamp = int(parts.get("t", ""))
        except ValueError:
            raise BadSignature("no timestamp") from None
        expected = self._sign(timestamp, body)
        if not hmac.compare_digest(expected, parts.get("v1", "")):
            raise BadSignature("signature mismatch")
        if abs(self.clock().timestamp() - timestamp) > TOLERANCE_SECONDS:
            raise BadSignature("too old")
        notification = json.loads(body)
        if not isinstance(notification, dict):
            raise ValueError("a notification is a JSON object")
        return self._result(notification)

    def fetch_result(self, reference: str) -> Optional[hospes.ProviderResult]:
        """The latest settled checkout of a request, as the provider's API would answer it."""
        with self.store.read() as tx:
            row = tx.conn.execute(select(demo_checkouts).where(
                demo_checkouts.c.reference == reference, demo_checkouts.c.status != "open")
                .order_by(demo_checkouts.c.settled_at.desc(), demo_checkouts.c.id)).mappings().first()
        return None if row is None else self._result(self._notification(dict(row)))

    # -- the provider's side: its hosted page and its notifications ---------------------------

    def _sign(self, timestamp: int, body: bytes) -> str:
        return hmac.new(self.secret, str(timestamp).encode() + b"." + body, hashlib.sha256).hexdigest()

    def _notification(self, row: Mapping[str, object]) -> Json:
        """The notification's body, as the provider's JSON."""
        asked = hospes.from_wire("PaymentRequest", loads(str(row["request"])))
        at = as_utc(row["settled_at"]) or as_utc(self.clock())
        assert at is not None
        return {"reference": row["reference"], "status": row["status"], "amount": hospes.to_wire(asked["amount"]),
                "transaction_id": row["transaction_id"], "at": at.isoformat()}

    def _result(self, notification: Mapping[str, object]) -> hospes.ProviderResult:
        """What the provider says, mapped to hospes's `ProviderResult` (its text read as hospes
        reads the wire form: a status or amount it does not know is refused by the call)."""
        return hospes.from_wire("ProviderResult", {
            "reference": notification["reference"], "status": notification["status"],
            "amount": notification["amount"], "provider": self.name,
            "transaction_id": notification["transaction_id"], "at": notification["at"]})

    def settle(self, checkout_id: str, status: str) -> hospes.PaymentRequest:
        """The guest paid (`succeeded`), the bank refused (`failed`) or they gave up
        (`cancelled`): the checkout is settled, the host notified. Returns the request."""
        now = self.clock()
        with self.store.tx() as tx:
            row = tx.conn.execute(select(demo_checkouts).where(demo_checkouts.c.id == checkout_id)).mappings().first()
            if row is None or row["status"] != "open":
                raise LookupError(checkout_id)
            transaction_id = "demo_" + secrets.token_hex(8)
            # Settled once: « Payer » clicked twice at once must not become two transactions.
            done = tx.conn.execute(update(demo_checkouts).where(
                demo_checkouts.c.id == checkout_id, demo_checkouts.c.status == "open").values(
                status=status, transaction_id=transaction_id, settled_at=now))
            if done.rowcount != 1:
                raise LookupError(checkout_id)
            settled: Dict[str, object] = dict(row, status=status, transaction_id=transaction_id, settled_at=now)
        body = json.dumps(self._notification(settled)).encode()
        timestamp = int(now.timestamp())
        self.deliver(str(settled["notify_url"]), body, {
            "Content-Type": "application/json", SIGNATURE_HEADER: f"t={timestamp},v1={self._sign(timestamp, body)}"})
        return hospes.from_wire("PaymentRequest", loads(str(settled["request"])))

    def checkout(self, checkout_id: str) -> Optional[DemoCheckout]:
        with self.store.read() as tx:
            row = tx.conn.execute(select(demo_checkouts).where(demo_checkouts.c.id == checkout_id)).mappings().first()
        if row is None:
            return None
        return DemoCheckout(id=row["id"], reference=row["reference"], status=row["status"],
                            request=hospes.from_wire("PaymentRequest", loads(row["request"])))


bp = Blueprint("demo_pay", __name__, url_prefix="/demo-pay")


def _provider() -> DemoProvider:
    provider = current_app.extensions["hospes_portal"].provider
    if not isinstance(provider, DemoProvider):
        abort(404)
    return provider


@bp.get("/<checkout_id>")
def checkout_page(checkout_id: str) -> str:
    """The provider's hosted checkout page."""
    checkout = _provider().checkout(checkout_id)
    if checkout is None or checkout["status"] != "open":
        abort(404)
    return render_template("demo_checkout.html", checkout=checkout, asked=checkout["request"])


@bp.post("/<checkout_id>")
def checkout_answer(checkout_id: str) -> ResponseReturnValue:
    """Pay with the test card, refuse it, or give up: back to the portal."""
    action = request.form.get("action")
    status = {"pay": "succeeded", "refuse": "failed", "cancel": "cancelled"}.get(action or "")
    if status is None:
        abort(400)
    try:
        asked = _provider().settle(checkout_id, status)
    except LookupError:
        abort(404)
    return redirect(asked["cancel_url"] if status == "cancelled" else asked["return_url"], code=303)
