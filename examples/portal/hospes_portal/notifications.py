"""The payment provider's notifications (webhooks): signed, so exempt from the CSRF check,
recorded once however many times they arrive."""

from __future__ import annotations

from flask import Blueprint, abort, request
from flask.typing import ResponseReturnValue

from . import now, payments, services
from .payments import BadSignature

bp = Blueprint("notifications", __name__)


@bp.post("/payments/notify/<provider_name>")
def notify(provider_name: str) -> ResponseReturnValue:
    """Verifies the notification's signature, finds the request it answers, records the result."""
    provider = services().provider
    if provider_name != provider.name:
        abort(404)
    try:
        result = provider.read_notification(dict(request.headers), request.get_data())
    except (BadSignature, ValueError, KeyError):
        abort(400)
    with services().store.read() as tx:
        asked = tx.payment_request_anywhere(result["reference"])
    if asked is None:
        abort(404)
    payments.record_safely(services().store.tx(), asked["establishment_id"], result, now())
    return {"received": True}
