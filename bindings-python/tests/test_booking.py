"""A booking taken by phone and changes to a confirmed stay, from Python, as a back office does
them: priced and confirmed without a quote; moved, with a credit note and a new invoice."""

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

import hospes

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = json.loads((ROOT / "core/tests/data/catalogue.json").read_text(encoding="utf-8"))
DATA = json.loads((ROOT / "core/tests/data/invoicing.json").read_text(encoding="utf-8"))
MARCH = dt.datetime(2026, 3, 1, 10, tzinfo=dt.timezone.utc)
JUNE = dt.datetime(2026, 6, 5, 9, tzinfo=dt.timezone.utc)
FA = "FA{yy}{mm}{seq:04}"
AV = "AV{yy}{mm}{seq:04}"


def week(arrival, departure, options=()):
    return {"unit": "MH3", "arrival": arrival, "departure": departure, "guests": [{}, {}],
            "supplements": [{"id": o} for o in options]}


def phone_call(request, **extra):
    return {"client_id": "C-1042", "stay_reference": "312", "request": request, "origin": "phone", **extra}


def issued(kind, stay, previous, date, last, amount=None):
    draft = hospes.draft_invoice({"kind": kind, "establishment": DATA["establishment"], "client": DATA["client"],
                                  "stay": stay, "amount": amount, "previous": previous, "due_date": date})
    now = dt.datetime.combine(date, dt.time(10), tzinfo=dt.timezone.utc)
    return hospes.issue_invoice(draft, {"pattern": FA, "last": last}, date, now)["invoice"]


def paid_stay():
    """Stay 312 booked by phone on 1 March, its deposit and balance invoiced and paid."""
    booked = hospes.book_stay(CATALOGUE, phone_call(week(dt.date(2026, 7, 11), dt.date(2026, 7, 18))), MARCH)
    stay = booked["stay"]
    deposit = issued("deposit", stay, [], dt.date(2026, 3, 1), "FA26030041",
                     amount=booked["priced"]["schedule"][0]["amount"])
    balance = issued("balance", stay, [deposit], dt.date(2026, 6, 1), "FA26050007")
    payments = []
    for invoice, key in [(deposit, "pay_5Kx"), (balance, "vir-0601")]:
        payment = {"key": key, "invoice_number": invoice["number"],
                   "amount": invoice["totals"]["vat"]["total_incl_vat"], "method": "bank_transfer",
                   "received_at": JUNE}
        payments += hospes.record_payment(invoice, [], payment, JUNE)["payments"]
    return stay, [deposit, balance], payments


def test_a_booking_taken_by_phone_is_confirmed_without_a_quote():
    booked = hospes.book_stay(CATALOGUE, phone_call(week(dt.date(2026, 7, 11), dt.date(2026, 7, 18))), MARCH)
    assert booked["stay"]["status"] == "confirmed"
    assert booked["stay"]["origin"] == "phone"
    assert [e["type"] for e in booked["events"]] == ["stay_confirmed"]
    assert booked["priced"]["totals"]["vat"]["total_incl_vat"]["amount"] == Decimal("992.32")
    assert booked["priced"]["schedule"][1]["due_on"] == dt.date(2026, 6, 11)


def test_a_booking_taken_by_phone_is_refused_as_pricing_refuses_it():
    with pytest.raises(hospes.PricingError) as refused:
        hospes.book_stay(CATALOGUE, phone_call(week(dt.date(2026, 7, 12), dt.date(2026, 7, 19))), MARCH)
    assert refused.value.code == "pricing.arrival_day_not_allowed"


def test_moving_a_stays_dates_cancels_its_balance_invoice_by_a_credit_note_and_issues_a_new_one():
    stay, invoices, payments = paid_stay()
    later = week(dt.date(2026, 7, 18), dt.date(2026, 7, 25))
    shown = hospes.preview_amendment(stay, CATALOGUE, later, None, invoices, payments, JUNE)
    assert [d["kind"] for d in shown["documents"]] == ["credit_note", "balance"]
    assert shown["left_to_pay"]["amount"] == Decimal("0.00")
    done = hospes.amend_stay(stay, CATALOGUE, later, None, invoices, payments,
                             {"shown_total": shown["total"], "invoice_series": {"pattern": FA, "last": "FA26060003"},
                              "credit_note_series": {"pattern": AV}}, JUNE)
    assert done["stay"]["arrival"] == dt.date(2026, 7, 18)
    assert done["credit_notes"][0]["credited_invoice"] == invoices[1]["number"]
    assert done["invoices"][0]["status"] == "paid"
    # Money paid on the cancelled invoice is carried to the new one: nothing is paid twice.
    documents = [invoices[0], *done["cancelled_invoices"], *done["credit_notes"], *done["invoices"]]
    balance = hospes.stay_balance("EUR", documents, payments + done["carried_payments"])
    assert balance["paid"]["amount"] == Decimal("992.32")
    assert balance["due"]["amount"] == Decimal("0.00")
    assert [e["type"] for e in done["events"]][-1] == "stay_amended"


def test_the_amount_shown_before_confirming_must_be_the_amount_confirmed():
    stay, invoices, payments = paid_stay()
    cleaning = week(dt.date(2026, 7, 11), dt.date(2026, 7, 18), ["cleaning"])
    with pytest.raises(hospes.StayError) as refused:
        hospes.amend_stay(stay, CATALOGUE, cleaning, None, invoices, payments,
                          {"shown_total": {"amount": Decimal("992.32"), "currency": "EUR"},
                           "invoice_series": {"pattern": FA}, "credit_note_series": {"pattern": AV}}, JUNE)
    assert refused.value.code == "stay.amendment_changed"


def test_an_option_the_catalogue_sells_only_at_booking_cannot_be_added_later():
    stay, invoices, payments = paid_stay()
    insured = week(dt.date(2026, 7, 11), dt.date(2026, 7, 18), ["insurance"])
    with pytest.raises(hospes.PricingError) as refused:
        hospes.preview_amendment(stay, CATALOGUE, insured, None, invoices, payments, JUNE)
    assert refused.value.code == "pricing.option_not_allowed"
