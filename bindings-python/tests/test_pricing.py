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
