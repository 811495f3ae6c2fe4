"""Pricing from Python: Decimal amounts, dates, a Pricer holding the catalogue."""

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

import hospes

CATALOGUE = json.loads((Path(__file__).resolve().parents[2] / "core/tests/data/catalogue.json").read_text(encoding="utf-8"))
MARCH = dt.datetime(2026, 3, 1, 10, tzinfo=dt.timezone.utc)
FAMILY = [{}, {}, {"birth_date": dt.date(2016, 5, 2)}, {"birth_date": dt.date(2024, 8, 15)}]


def test_a_campsite_pitch_in_july_with_two_children_and_a_dog():
    request = {"unit": "E12", "arrival": dt.date(2026, 7, 11), "departure": dt.date(2026, 7, 25),
               "guests": FAMILY, "supplements": [{"id": "dog"}]}
    priced = hospes.Pricer(CATALOGUE).price(request, MARCH)
    assert priced["totals"]["vat"]["total_incl_vat"]["amount"] == Decimal("616.31")
    assert [i["kind"] for i in priced["schedule"]] == ["deposit", "balance"]
    assert priced["schedule"][1]["due_on"] == dt.date(2026, 6, 11)
    assert priced == hospes.price_stay(CATALOGUE, request, MARCH)


def test_a_contradictory_catalogue_is_refused_once_when_held():
    broken = json.loads(json.dumps(CATALOGUE))
    broken["rates"][0]["season"] = "monsoon"
    with pytest.raises(hospes.PricingError) as caught:
        hospes.Pricer(broken)
    assert caught.value.code == "pricing.catalogue_invalid"
    assert "monsoon" in str(caught.value)


def test_a_float_price_is_refused_with_its_place():
    broken = json.loads(json.dumps(CATALOGUE))
    broken["rates"][0]["price"] = 32.5
    with pytest.raises(hospes.InputError) as caught:
        hospes.Pricer(broken)
    assert "price" in str(caught.value)


def test_a_booking_form_lists_the_options_described_in_the_guests_language():
    request = {"unit": "MH3", "arrival": dt.date(2026, 6, 10), "departure": dt.date(2026, 6, 13),
               "guests": [{}, {}], "locale": "es"}
    offers = {o["id"]: o for o in hospes.offered_options(CATALOGUE, request, dt.datetime(2026, 6, 9, 8, tzinfo=dt.timezone.utc))}
    assert "electricity" not in offers, "pitches only"
    assert offers["dog"]["description"] == "Perro con correa y cartilla de vacunación al día."
    assert offers["dog"]["amount"] == {"amount": Decimal("10.50"), "currency": "EUR"}
    assert offers["linen"]["available"] is False
    assert (offers["linen"]["unavailable_reason"], offers["linen"]["unavailable_within_days"]) == ("within_days", 3)


def test_a_stay_remembers_where_the_booking_came_from_and_the_business_notes():
    stay = {"reference": "312", "client_id": "C-1", "accommodation": "Pitch", "arrival": dt.date(2026, 7, 11),
            "departure": dt.date(2026, 7, 18), "status": "confirmed", "currency": "EUR",
            "origin": "phone", "business_notes": "  A demandé l’ombre.  "}
    normal = hospes.normalize_stay(stay, dt.date(2026, 6, 1))
    assert (normal["origin"], normal["business_notes"]) == ("phone", "A demandé l’ombre.")
    with pytest.raises(hospes.InputError):
        hospes.normalize_stay({**stay, "origin": "pigeon"}, dt.date(2026, 6, 1))
