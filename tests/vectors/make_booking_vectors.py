"""Writes the vectors of a booking taken without a quote and of changes to a confirmed stay:
booking.json.

    PYTHONPATH=bindings-python/python python tests/vectors/make_booking_vectors.py

Stay 312 is booked by phone on 1 March (a week in the three-bedroom mobile home from 11 July),
its deposit invoiced and paid, its balance invoiced on 1 June and paid; on 5 June the business
moves it a week later, adds the end-of-stay cleaning, or grants a discount. The outputs are
computed by hospes and then frozen: review the diffs by eye.
"""

import json
from pathlib import Path

from vectorgen import Recorder, call

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
CATALOGUE = json.loads((ROOT / "core/tests/data/catalogue.json").read_text(encoding="utf-8"))
DATA = json.loads((ROOT / "core/tests/data/invoicing.json").read_text(encoding="utf-8"))
E, MARIE = DATA["establishment"], DATA["client"]
FA = "FA{yy}{mm}{seq:04}"
AV = "AV{yy}{mm}{seq:04}"
MARCH = "2026-03-01T10:00:00Z"
JUNE = "2026-06-05T09:00:00Z"


def ok(op, args):
    out = call(op, args)
    assert "ok" in out, (op, out)
    return out["ok"]


def week(arrival, departure, options=()):
    return {"unit": "MH3", "arrival": arrival, "departure": departure, "guests": [{}, {}],
            "supplements": [{"id": o} for o in options]}


def phone_call(request, **extra):
    return {"client_id": "C-1042", "stay_reference": "312", "request": request, "origin": "phone", **extra}


def money(amount):
    return {"amount": amount, "currency": "EUR"}


def issued(kind, stay, previous, date, last, amount=None):
    draft = ok("invoice.draft", {"request": {
        "kind": kind, "establishment": E, "client": MARIE, "stay": stay, "amount": amount,
        "previous": previous, "due_date": date}})
    return ok("invoice.issue", {"invoice": draft, "series": {"pattern": FA, "last": last}, "date": date,
                                "now": f"{date}T10:00:00Z"})["invoice"]


def bookings(recorder):
    vec = recorder.vec
    july = week("2026-07-11", "2026-07-18")
    vec("a booking taken by phone is confirmed without a quote", "stay.book",
        {"catalogue": CATALOGUE, "booking": phone_call(july), "now": MARCH})
    vec("a discount granted on the phone is a line of its own, split by VAT rate", "stay.book",
        {"catalogue": CATALOGUE, "now": MARCH, "booking": phone_call(
            week("2026-07-11", "2026-07-18", ["cleaning"]),
            discount={"label": "Geste commercial", "discount": {"kind": "percent", "percent": "10"}})})
    vec("a phone booking arriving on a Sunday in high season is refused", "stay.book",
        {"catalogue": CATALOGUE, "booking": phone_call(week("2026-07-12", "2026-07-19")), "now": MARCH},
        error="pricing.arrival_day_not_allowed")
    vec("a discount of more than 100 % is refused", "stay.book",
        {"catalogue": CATALOGUE, "now": MARCH, "booking": phone_call(
            july, discount={"label": "Geste commercial", "discount": {"kind": "percent", "percent": "120"}})},
        error="pricing.discount_invalid")
    return ok("stay.book", {"catalogue": CATALOGUE, "booking": phone_call(july), "now": MARCH})


def amendments(recorder, booked):
    vec = recorder.vec
    stay = booked["stay"]
    deposit_amount = booked["priced"]["schedule"][0]["amount"]
    deposit = issued("deposit", stay, [], "2026-03-01", "FA26030041", amount=deposit_amount)
    balance = issued("balance", stay, [deposit], "2026-06-01", "FA26050007")
    invoices = [deposit, balance]
    payments = [
        {"key": "pay_5Kx", "invoice_number": deposit["number"], "amount": deposit["totals"]["vat"]["total_incl_vat"],
         "method": "card", "received_at": "2026-03-01T10:05:00Z"},
        {"key": "vir-0601", "invoice_number": balance["number"], "amount": balance["totals"]["vat"]["total_incl_vat"],
         "method": "bank_transfer", "received_at": "2026-06-02T09:00:00Z"},
    ]
    a_week_later = week("2026-07-18", "2026-07-25")
    base = {"stay": stay, "catalogue": CATALOGUE, "discount": None, "invoices": invoices, "payments": payments,
            "now": JUNE}
    vec("moving a paid stay a week later: a credit note and a new balance invoice, the money carried",
        "stay.amendment_preview", {**base, "request": a_week_later})
    shown = ok("stay.amendment_preview", {**base, "request": a_week_later})
    confirmation = {"shown_total": shown["total"], "invoice_series": {"pattern": FA, "last": "FA26060003"},
                    "credit_note_series": {"pattern": AV}}
    vec("moving a stay's dates cancels its balance invoice by a credit note and issues a new one", "stay.amend",
        {**base, "request": a_week_later, "confirmation": confirmation})
    cleaning = week("2026-07-11", "2026-07-18", ["cleaning"])
    shown = ok("stay.amendment_preview", {**base, "request": cleaning})
    vec("adding the cleaning to a paid stay: 60 € left to pay on the new balance invoice", "stay.amend",
        {**base, "request": cleaning, "confirmation": {**confirmation, "shown_total": shown["total"]}})
    gesture = {"label": "Geste commercial", "discount": {"kind": "fixed", "amount": "80.00"}}
    same = week("2026-07-11", "2026-07-18")
    vec("a discount granted on a paid stay: 80 € to refund", "stay.amendment_preview",
        {**base, "request": same, "discount": gesture})
    vec("an option the catalogue sells only at booking cannot be added later", "stay.amendment_preview",
        {**base, "request": week("2026-07-11", "2026-07-18", ["insurance"])}, error="pricing.option_not_allowed")
    vec("a change that changes nothing is refused", "stay.amendment_preview", {**base, "request": same},
        error="stay.nothing_changed")
    vec("the amount shown before confirming must be the amount confirmed", "stay.amend",
        {**base, "request": cleaning, "confirmation": {**confirmation, "shown_total": money("992.32")}},
        error="stay.amendment_changed")
    vec("a cancelled stay cannot be changed", "stay.amend",
        {**base, "stay": {**stay, "status": "cancelled"}, "request": a_week_later, "confirmation": confirmation},
        error="stay.not_editable")


def main():
    recorder = Recorder()
    booked = bookings(recorder)
    amendments(recorder, booked)
    recorder.write(HERE / "booking.json")


if __name__ == "__main__":
    main()
