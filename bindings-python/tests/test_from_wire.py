"""A host keeps records as JSON in the wire form and reads them back with `hospes.from_wire`:
the same values hospes returned, typed as its records."""

import datetime as dt
import json
from decimal import Decimal

import pytest

import hospes

NOW = dt.datetime(2026, 6, 1, 9, tzinfo=dt.timezone.utc)


def stored(value):
    """What a database column holds, and what comes back from it."""
    return json.loads(json.dumps(hospes.to_wire(value)))


def test_a_client_read_back_from_the_database_is_the_client_hospes_returned():
    client = hospes.normalize_client({"id": "C-1042", "last_name": "Dupont", "email": "marie.dupont@example.fr",
                                      "created_at": NOW, "companions": [{"first_name": "Léa", "last_name": "Dupont",
                                                                         "birth_date": dt.date(2016, 5, 2)}]},
                                     "FR", NOW)
    back = hospes.from_wire("Client", stored(client))
    assert back == client
    assert back["created_at"] == NOW and back["companions"][0]["birth_date"] == dt.date(2016, 5, 2)


def test_an_invoice_read_back_keeps_its_exact_amounts():
    stay = hospes.normalize_stay({"reference": "312", "client_id": "C-1042", "accommodation": "Chalet",
                                  "arrival": "2026-07-11", "departure": "2026-07-18", "status": "confirmed",
                                  "currency": "EUR", "lines": [{"label": "Chalet, 7 nuits", "quantity": "7",
                                                                "unit_price": {"amount": "95.10", "currency": "EUR"},
                                                                "vat_rate": "10"}]}, NOW.date())
    totals = hospes.stay_totals(stay)
    back = hospes.from_wire("StayTotals", stored(totals))
    assert back == totals
    assert back["vat"]["total_incl_vat"]["amount"] == Decimal("665.70")


def test_a_tagged_union_reads_back_by_its_tag():
    access = {"client_id": "C-1042", "purpose": None, "subject": None}
    assert hospes.from_wire("PortalAccess", stored(access)) == access


def test_an_unknown_record_type_is_named():
    with pytest.raises(hospes.InputError, match="Nope"):
        hospes.from_wire("Nope", {})
    with pytest.raises(hospes.InputError):
        hospes.from_wire(None, {})  # type: ignore[call-overload]


def test_values_are_converted_not_checked_the_next_call_checks_them():
    odd = hospes.from_wire("Period", {"from": "not a date", "to": "2026-07-18"})
    assert odd["from"] == "not a date"
    with pytest.raises(hospes.InputError):
        hospes.normalize_stay({"reference": "1", "client_id": "C", "accommodation": "x", "arrival": odd["from"],
                               "departure": "2026-07-18", "status": "confirmed", "currency": "EUR"}, NOW.date())
