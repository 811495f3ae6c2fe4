"""The host's billing automations: invoices issued in the establishment's series, and what the
campsite does when a quote is signed (the first invoice, and the confirmation mail with its
payment link)."""

from __future__ import annotations

import datetime as dt
from typing import Optional
from zoneinfo import ZoneInfo

import hospes

from .db import EstablishmentRow, Tx, invoice_series, number_of
from .mail import Postman


def issue(tx: Tx, est_id: str, draft: hospes.Invoice, day: dt.date, now: dt.datetime) -> hospes.Invoice:
    """Issues `draft` in the establishment's invoice series (its row locked meanwhile), stores
    it, attaches it to its stay and logs `invoice_issued`."""
    est = tx.establishment(est_id, lock=True)
    assert est is not None
    series = est.series
    issued = hospes.issue_invoice(draft, invoice_series(series), day, now)
    invoice = issued["invoice"]
    series["last_invoice"] = issued["series"].get("last")
    tx.set_series(est_id, series)
    tx.save_invoice(est_id, invoice)
    client_id = invoice["customer"]["client_id"]
    reference = invoice.get("stay_reference")
    if reference:
        stay = tx.stay(est_id, reference)
        if stay is not None:
            stay["documents"] = list(stay.get("documents", [])) + [{"kind": "invoice", "number": number_of(invoice)}]
            tx.save_stay(est_id, stay)
    tx.append_events(est_id, f"stay:{reference}" if reference else f"client:{client_id}", issued["events"])
    tx.touch_client(client_id, now)
    return invoice


def after_quote_signed(tx: Tx, postman: Postman, est: EstablishmentRow, client: hospes.Client,
                       signed: hospes.SignedQuote, now: dt.datetime) -> Optional[hospes.Invoice]:
    """The campsite's automation on `quote_accepted`: the first installment hospes names
    (`first_invoice`: a deposit, or the whole stay when arrival is near) drafted and issued
    today, and the confirmation mailed with its payment link. Returns the invoice."""
    first = signed.get("first_invoice")
    if first is None:
        return None
    day = now.astimezone(ZoneInfo(est.record["time_zone"])).date()  # the day on its clock, as hospes dates it
    invoice = issue(tx, est.id, hospes.draft_invoice(first), day, now)
    stay = tx.stay(est.id, signed["acceptance"]["stay"]["reference"]) or signed["acceptance"]["stay"]
    deposit = first.get("amount")
    if first["kind"] == "deposit" and deposit is not None and tx.mail_template(est.id, "booking_confirmation") is not None:
        postman.send_template(tx, est.record, "booking_confirmation", client, now, stay=stay,
                              documents={"invoice": number_of(invoice)}, amounts={"deposit": deposit})
    return invoice
