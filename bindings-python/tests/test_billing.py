"""Invoices, payments, the event log and the invoice PDF from Python, as a host uses them."""

import base64
import hashlib
import json
from decimal import Decimal
from pathlib import Path

import pytest

import hospes

DATA = json.loads((Path(__file__).resolve().parents[2] / "core/tests/data/invoicing.json").read_text("utf-8"))


def test_a_host_verifies_the_event_log_offline_with_the_standard_library():
    paid = hospes.record_payment(DATA["deposit_invoice"], [], DATA["deposit_payment"], "2026-03-02T09:00:00Z")
    log = hospes.append_event_log(None, paid["events"])
    entry = hospes.to_wire(log[0])
    canonical = json.dumps(
        {"event": entry["event"], "previous_sha256": entry["previous_sha256"], "sequence": entry["sequence"]},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    assert hashlib.sha256(canonical.encode("utf-8")).hexdigest() == entry["sha256"]
    assert entry["previous_sha256"] == "0" * 64


def test_recording_the_same_payment_twice_counts_once():
    first = hospes.record_payment(DATA["deposit_invoice"], [], DATA["deposit_payment"], "2026-03-02T09:00:00Z")
    again = hospes.record_payment(first["invoice"], first["payments"], DATA["deposit_payment"], "2026-03-02T09:05:00Z")
    assert again["duplicate"] is True
    assert again["balance"]["paid"]["amount"] == Decimal("300.00")


def test_a_broken_log_raises_an_evidence_error_with_its_code():
    paid = hospes.record_payment(DATA["deposit_invoice"], [], DATA["deposit_payment"], "2026-03-02T09:00:00Z")
    log = hospes.append_event_log(None, paid["events"])
    log[0]["event"]["amount"]["amount"] = Decimal("3.00")
    with pytest.raises(hospes.EvidenceError) as err:
        hospes.verify_event_log(log)
    assert err.value.code == "evidence.log_broken"


INVOICE = json.loads((Path(__file__).resolve().parents[2] / "core/tests/data/invoice.json").read_text("utf-8"))


def test_an_invoice_pdf_comes_from_rust_as_bytes_the_same_as_the_envelope_s_base64():
    pdf = hospes.invoice_pdf(INVOICE)
    envelope = json.loads(hospes._native.call("pdf.invoice", json.dumps({"invoice": INVOICE})))
    assert isinstance(pdf, bytes) and pdf == base64.b64decode(envelope["ok"])
    assert pdf.startswith(b"%PDF-1.7")


def test_an_invoice_that_cannot_be_printed_raises_a_typed_error_not_bytes():
    broken = dict(INVOICE, lines="twenty")
    with pytest.raises(hospes.HospesError) as refused:
        hospes.invoice_pdf(broken)
    assert refused.value.code == "input.wrong_type"
    assert "lines" in str(refused.value)
