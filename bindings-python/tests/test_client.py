"""The client record from Python, in the words of a PMS's client register."""

import datetime as dt
from decimal import Decimal

import pytest

import hospes

NOW = dt.datetime(2026, 6, 1, 10, 0, tzinfo=dt.timezone.utc)


def marie(**changes):
    client = {
        "id": "C-1042",
        "civility": "mrs",
        "last_name": "Dupont",
        "first_name": "Marie",
        "address": {"lines": ["3 rue des Lilas"], "postcode": "69003", "city": "Lyon", "country": "FR"},
        "email": "marie.dupont@example.fr",
        "mobile": "+33612345678",
        "created_at": dt.datetime(2026, 1, 15, 9, 30, tzinfo=dt.timezone.utc),
        "companions": [{"first_name": "Léa", "last_name": "Dupont", "birth_date": dt.date(2016, 5, 2)}],
    }
    client.update(changes)
    return client


def test_a_normalised_client_comes_back_with_python_dates():
    client = hospes.normalize_client(marie(mobile="06 12 34 56 78"), "FR", NOW)
    assert client["mobile"] == "+33612345678"
    assert client["created_at"] == dt.datetime(2026, 1, 15, 9, 30, tzinfo=dt.timezone.utc)
    assert client["companions"][0]["birth_date"] == dt.date(2016, 5, 2)


def test_the_guest_corrects_their_city_and_the_establishment_receives_the_diff():
    stored = hospes.normalize_client(marie(), "FR", NOW)
    form = {k: stored[k] for k in ("civility", "first_name", "last_name", "address", "mobile", "email")}
    form["address"] = {**stored["address"], "city": "Villeurbanne", "postcode": "69100"}
    out = hospes.apply_guest_update(stored, form, {"locked": ["email"]}, "FR", NOW)
    (event,) = out["events"]
    assert event["type"] == "client_info_updated"
    assert event["occurred_at"] == NOW
    assert event["changes"] == [
        {
            "field": "address",
            "before": "3 rue des Lilas, 69003 Lyon, FR",
            "after": "3 rue des Lilas, 69100 Villeurbanne, FR",
        }
    ]


def test_a_locked_field_is_refused_with_a_client_error():
    stored = hospes.normalize_client(marie(), "FR", NOW)
    with pytest.raises(hospes.ClientError) as caught:
        hospes.apply_guest_update(stored, {"last_name": "Dupont", "email": "x@autre.fr"}, {"locked": ["email"]}, "FR", NOW)
    assert caught.value.code == "client.field_locked"
    assert caught.value.messages["fr"] == "Le champ « email » ne peut pas être modifié par le client."
    assert caught.value.message_in("es-ES").startswith("El campo")


def test_an_invalid_email_is_a_value_error_with_a_stable_code():
    with pytest.raises(ValueError) as caught:
        hospes.normalize_client(marie(email="marie@"), "FR", NOW)
    assert isinstance(caught.value, hospes.ClientError)
    assert caught.value.code == "client.email_invalid"


def test_money_is_decimal_both_ways():
    total = hospes.add_money({"amount": Decimal("10.10"), "currency": "EUR"}, {"amount": Decimal("0.20"), "currency": "EUR"})
    assert total == {"amount": Decimal("10.30"), "currency": "EUR"}
    assert str(total["amount"]) == "10.30"


def test_the_vat_table_of_a_stay():
    stay = {
        "reference": "312",
        "client_id": "C-1042",
        "accommodation": "Emplacement",
        "arrival": dt.date(2026, 7, 11),
        "departure": dt.date(2026, 7, 25),
        "status": "confirmed",
        "currency": "EUR",
        "lines": [
            {"label": "Emplacement", "quantity": Decimal(14), "unit_price": {"amount": Decimal("32.40"), "currency": "EUR"}, "vat_rate": Decimal(10)},
            {"label": "Électricité", "kind": "supplement", "quantity": Decimal(14), "unit_price": {"amount": Decimal("4.90"), "currency": "EUR"}, "vat_rate": Decimal(20)},
        ],
    }
    totals = hospes.stay_totals(stay)
    assert totals["vat"]["total_incl_vat"] == {"amount": Decimal("522.20"), "currency": "EUR"}
    assert [line["vat_rate"] for line in totals["vat"]["lines"]] == [Decimal(10), Decimal(20)]
