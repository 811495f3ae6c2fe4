"""Payment results arriving at the same instant, on SQLite and on PostgreSQL alike: the
provider's notification delivered several times at once, racing with the guest's return page;
two checkouts of the same invoice paid at once. Each payment is recorded once, and an invoice
is never paid twice: SQLite runs write transactions one at a time (`BEGIN IMMEDIATE`);
PostgreSQL locks the invoice's row while a result for it is recorded, the payment's key unique
underneath.

hospes is slowed down meanwhile, so that every request has read the invoice before any has
written: without the host's serialisation, a check-then-insert would record the payment as many
times as it was delivered."""

from __future__ import annotations

import re
import threading
import time
import datetime as dt
from typing import Callable, List, Mapping, Tuple

import hospes
import pytest
from flask import Flask
from flask.testing import FlaskClient

from conftest import Notifications, csrf, found, path_of, store
from test_journeys import CAMPING, marie_link, open_link

EST = "camping-des-pins"
THREADS = 6


def pay_balance_of_312(marie: FlaskClient) -> Tuple[str, str]:
    """« Payer » on stay 312's balance, then the test card on the demo checkout: the invoice's
    number and the return page's path (the notification is caught, not delivered)."""
    stay_page = marie.get(f"{CAMPING}/stays/312").data.decode()
    pay_action = re.search(r'action="([^"]+/invoices/([^"/]+)/pay)"', stay_page)
    assert pay_action, "stay 312 has a balance to pay"
    answer = marie.post(pay_action.group(1), data={"csrf": csrf(stay_page.encode())})
    checkout = path_of(answer.headers["Location"])
    answer = marie.post(checkout, data={"csrf": csrf(marie.get(checkout).data), "action": "pay"})
    return pay_action.group(2), path_of(answer.headers["Location"])


def at_once(app: Flask, monkeypatch: pytest.MonkeyPatch, *calls: Callable[[], int]) -> List[int]:
    """Runs `calls` in threads released together, hospes slowed down; their status codes."""
    accept = hospes.accept_payment_result

    def slow_accept(invoice: hospes.Invoice, payments: List[hospes.Payment], request: hospes.PaymentRequest,
                    result: hospes.ProviderResult, now: dt.datetime) -> hospes.PaymentRecorded:
        time.sleep(0.2)
        return accept(invoice, payments, request, result, now)

    monkeypatch.setattr(hospes, "accept_payment_result", slow_accept)
    start = threading.Barrier(len(calls))
    codes: List[int] = []
    errors: List[BaseException] = []

    def run(call: Callable[[], int]) -> None:
        try:
            start.wait()
            codes.append(call())
        except BaseException as err:  # noqa: BLE001 - reported below
            errors.append(err)

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    monkeypatch.undo()
    assert not errors, errors
    return codes


def deliver(app: Flask, url: str, body: bytes, headers: Mapping[str, str]) -> Callable[[], int]:
    return lambda: app.test_client().post(path_of(url), data=body, headers=headers).status_code


def recorded(app: Flask, number: str) -> Tuple[List[hospes.Payment], hospes.Invoice, List[hospes.LoggedEvent]]:
    with store(app) as tx:
        return tx.payments_on(EST, [number]), found(tx.invoice(EST, number)), tx.stream(EST, "stay:312")


def test_the_same_notification_at_once_and_the_return_page_record_one_payment(
        app: Flask, notifications: Notifications, monkeypatch: pytest.MonkeyPatch) -> None:
    marie = app.test_client()
    open_link(marie, marie_link(app))
    number, back_to = pay_balance_of_312(marie)
    (url, body, headers), = notifications.sent
    before, _, stream_before = recorded(app, number)

    def come_back() -> int:
        page = marie.get(back_to)
        assert "Paiement reçu" in page.data.decode()
        return page.status_code

    codes = at_once(app, monkeypatch, *[deliver(app, url, body, headers)] * THREADS, come_back)
    assert codes == [200] * (THREADS + 1)

    paid, invoice, stream = recorded(app, number)
    assert len(paid) == len(before) + 1
    assert invoice["status"] == "paid"
    assert [e["event"]["type"] for e in stream[len(stream_before):]] == ["payment_recorded"]
    assert [e["sequence"] for e in stream] == list(range(1, len(stream) + 1))
    # Once more, later (a provider's retry): still one payment.
    assert deliver(app, url, body, headers)() == 200
    assert len(recorded(app, number)[0]) == len(before) + 1


def test_two_checkouts_of_one_invoice_paid_at_once_pay_it_once(
        app: Flask, notifications: Notifications, monkeypatch: pytest.MonkeyPatch) -> None:
    # She pays in two tabs before either notification arrives: two transactions, one invoice.
    marie = app.test_client()
    open_link(marie, marie_link(app))
    number, _ = pay_balance_of_312(marie)
    assert pay_balance_of_312(marie)[0] == number
    (url, first, first_headers), (_, second, second_headers) = notifications.sent
    assert first != second
    before, _, stream_before = recorded(app, number)

    codes = at_once(app, monkeypatch, *[deliver(app, url, first, first_headers)] * 3,
                    *[deliver(app, url, second, second_headers)] * 3)
    assert codes == [200] * 6  # the one not recorded is answered too: the provider stops retrying

    paid, invoice, stream = recorded(app, number)
    assert len(paid) == len(before) + 1  # the other is the business's to refund (logged)
    assert invoice["status"] == "paid"
    assert [e["event"]["type"] for e in stream[len(stream_before):]] == ["payment_recorded"]
    assert [e["sequence"] for e in stream] == list(range(1, len(stream) + 1))
