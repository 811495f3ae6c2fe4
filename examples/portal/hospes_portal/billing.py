"""The host's billing automations: invoices issued in the establishment's series, and what the
campsite does when a quote is signed (the deposit invoice, and the confirmation mail with its
payment link)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Optional

import hospes

from .db import Record, Tx


def issue(tx: Tx, est_id: str, draft: Record, day: str, now: dt.datetime) -> Record:
    """Issues `draft` in the establishment's invoice series (its row locked meanwhile), stores
    it, attaches it to its stay and logs `invoice_issued`."""
    est = tx.establishment(est_id, lock=True)
    assert est is not None
    series = est["series"]
    issued = hospes.issue_invoice(draft, {"pattern": series["invoice"], "last": series["last_invoice"]}, day, now)
    invoice = issued["invoice"]
    tx.set_establishment(est_id, series=dict(series, last_invoice=issued["series"]["last"]))
    tx.save_invoice(est_id, invoice)
    client_id = invoice["customer"]["client_id"]
    reference = invoice.get("stay_reference")
    if reference:
        stay = tx.stay(est_id, reference)
        if stay is not None:
            stay["documents"] = list(stay.get("documents", [])) + [{"kind": "invoice", "number": invoice["number"]}]
            tx.save_stay(est_id, stay)
    tx.append_events(est_id, f"stay:{reference}" if reference else f"client:{client_id}", issued["events"])
    tx.touch_client(client_id, now)
    return tx.invoice(est_id, invoice["number"]) or {}


def after_quote_signed(tx: Tx, postman: Any, est: Record, client: Record, quote: Record, stay: Record,
                       now: dt.datetime) -> Optional[Record]:
    """The campsite's automation on `quote_accepted`: the first installment of the quote's
    schedule invoiced (a deposit, or everything when arrival is near), and the confirmation
    mailed with its payment link. Returns the invoice."""
    schedule = quote["priced"]["schedule"]
    if not schedule:
        return None
    first = schedule[0]
    kind = "deposit" if first["kind"] == "deposit" else "final"
    day = now.astimezone(dt.timezone.utc).date().isoformat()
    # Due as the schedule says, and never before the invoice is issued (a quote signed late).
    request: Record = {"kind": kind, "establishment": est["record"], "client": client, "stay": stay,
                       "due_date": max(str(first["due_on"]), day)}
    if kind == "deposit":
        request["amount"] = first["amount"]
    invoice = issue(tx, est["id"], hospes.draft_invoice(request), day, now)
    stay = tx.stay(est["id"], stay["reference"]) or stay
    if kind == "deposit" and tx.mail_template(est["id"], "booking_confirmation") is not None:
        postman.send_template(tx, est["record"], "booking_confirmation", client, now, stay=stay,
                              documents={"invoice": invoice["number"]}, amounts={"deposit": first["amount"]})
    return invoice
