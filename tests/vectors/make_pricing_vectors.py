"""Writes tests/vectors/pricing.json: one catalogue, the stays guests ask for, priced.

    PYTHONPATH=bindings-python/python python tests/vectors/make_pricing_vectors.py

The catalogue is core/tests/data/catalogue.json (a campsite with pitches, mobile homes and a
chalet). The outputs are computed by hospes and then frozen: review the diff of pricing.json.
"""

import json
from pathlib import Path

from vectorgen import Recorder

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).with_name("pricing.json")
CATALOGUE = json.loads((ROOT / "core/tests/data/catalogue.json").read_text(encoding="utf-8"))
FAMILY = [{}, {}, {"birth_date": "2016-05-02"}, {"birth_date": "2024-08-15"}]
MARCH = "2026-03-01T10:00:00Z"


def main():
    recorder = Recorder()

    def priced(name, request, now=MARCH, error=None):
        recorder.vec(name, "pricing.price", {"catalogue": CATALOGUE, "request": request, "now": now}, error=error)

    priced("a campsite pitch in July–August with two children and a dog",
           {"unit": "E12", "arrival": "2026-07-11", "departure": "2026-07-25", "guests": FAMILY,
            "supplements": [{"id": "dog"}]})
    priced("a week rental arriving on a Saturday",
           {"unit": "MH3", "arrival": "2026-07-11", "departure": "2026-07-18", "guests": [{}, {}, {}, {}]})
    priced("a week rental arriving on a Sunday is refused",
           {"unit": "MH3", "arrival": "2026-07-12", "departure": "2026-07-19", "guests": [{}]},
           error="pricing.arrival_day_not_allowed")
    priced("the winter promo code on a chalet, typed in lower case",
           {"unit": "CH1", "arrival": "2026-12-19", "departure": "2026-12-26",
            "guests": [{}, {}, {"birth_date": "2018-03-01"}], "promo_code": " hiver2026 "},
           now="2026-11-01T10:00:00Z")
    priced("fourteen nights across three seasons with a spring promo code, in English",
           {"unit": "E12", "arrival": "2026-06-22", "departure": "2026-07-06", "guests": FAMILY,
            "supplements": [{"id": "dog"}], "promo_code": "PRINTEMPS", "locale": "en"},
           now="2026-02-15T10:00:00Z")
    priced("bed linen is refused when arrival is too close",
           {"unit": "MH3", "arrival": "2026-06-10", "departure": "2026-06-13", "guests": [{}],
            "supplements": [{"id": "linen"}]}, now="2026-06-09T08:00:00Z", error="pricing.option_not_allowed")
    priced("a stay under the minimum is refused",
           {"unit": "MH3", "arrival": "2026-07-11", "departure": "2026-07-14", "guests": [{}]},
           error="pricing.below_minimum_stay")
    priced("cancellation insurance when booking, in Spanish",
           {"unit": "MH3", "arrival": "2026-10-03", "departure": "2026-10-06", "guests": [{}],
            "supplements": [{"id": "insurance"}, {"id": "cleaning"}], "promo_code": "MENAGE", "locale": "es"},
           now="2026-09-01T10:00:00Z")
    priced("cancellation insurance cannot be added to a booking later",
           {"unit": "MH3", "arrival": "2026-10-03", "departure": "2026-10-06", "guests": [{}],
            "supplements": [{"id": "insurance"}], "stage": "amendment"},
           now="2026-09-01T10:00:00Z", error="pricing.option_not_allowed")
    priced("a promo code used up is refused",
           {"unit": "E12", "arrival": "2026-07-11", "departure": "2026-07-18", "guests": [{}], "promo_code": "ETE10"},
           error="pricing.promo_used_up")
    priced("a spring promo code after spring is refused",
           {"unit": "E12", "arrival": "2026-07-11", "departure": "2026-07-18", "guests": [{}], "promo_code": "PRINTEMPS"},
           now="2026-04-02T10:00:00Z", error="pricing.promo_expired")
    priced("a promo code for other units is refused",
           {"unit": "CH1", "arrival": "2026-10-03", "departure": "2026-10-10", "guests": [{}], "promo_code": "PRINTEMPS"},
           now="2026-02-15T10:00:00Z", error="pricing.promo_not_for_unit")
    priced("an unknown promo code is refused",
           {"unit": "E12", "arrival": "2026-07-11", "departure": "2026-07-18", "guests": [{}], "promo_code": "GRATUIT"},
           error="pricing.promo_unknown")
    priced("a night already booked makes the unit unavailable",
           {"unit": "E12", "arrival": "2026-07-11", "departure": "2026-07-18", "guests": [{}],
            "unavailable": [{"from": "2026-07-15", "to": "2026-07-16"}]}, error="pricing.unit_unavailable")
    priced("five guests do not fit a chalet for four",
           {"unit": "CH1", "arrival": "2026-12-19", "departure": "2026-12-26", "guests": [{}, {}, {}, {}, {}]},
           error="pricing.capacity_exceeded")
    priced("three dogs are more than allowed",
           {"unit": "E12", "arrival": "2026-07-11", "departure": "2026-07-14", "guests": [{}],
            "supplements": [{"id": "dog", "quantity": 3}]}, error="pricing.option_quantity_exceeded")
    priced("everything is due at booking when arrival is near",
           {"unit": "MH3", "arrival": "2026-06-20", "departure": "2026-06-23", "guests": [{}]},
           now="2026-06-01T10:00:00Z")
    recorder.vec("the example catalogue is valid", "pricing.check_catalogue", {"catalogue": CATALOGUE})
    broken = json.loads(json.dumps(CATALOGUE))
    broken["rates"][0]["season"] = "monsoon"
    recorder.vec("a rate for an unknown season is refused when the catalogue is saved", "pricing.check_catalogue",
                 {"catalogue": broken}, error="pricing.catalogue_invalid")
    wordy = json.loads(json.dumps(CATALOGUE))
    wordy["supplements"][0]["description"]["en"] = "x" * 2001
    recorder.vec("an option description over 2 000 characters is refused when the catalogue is saved",
                 "pricing.check_catalogue", {"catalogue": wordy}, error="pricing.catalogue_invalid")

    def offered(name, request, now=MARCH, error=None):
        recorder.vec(name, "pricing.options", {"catalogue": CATALOGUE, "request": request, "now": now}, error=error)

    offered("the options of a mobile home the day before arrival, described in Spanish",
            {"unit": "MH3", "arrival": "2026-06-10", "departure": "2026-06-13", "guests": [{}, {}], "locale": "es"},
            now="2026-06-09T08:00:00Z")
    offered("the options of a pitch in a change: insurance is sold only when booking",
            {"unit": "E12", "arrival": "2026-07-11", "departure": "2026-07-18", "guests": [{}], "stage": "amendment"})
    offered("no options for a week rental arriving on a Sunday",
            {"unit": "MH3", "arrival": "2026-07-12", "departure": "2026-07-19", "guests": [{}]},
            error="pricing.arrival_day_not_allowed")

    def gridded(name, request, now=MARCH, error=None):
        recorder.vec(name, "pricing.grid", {"catalogue": CATALOGUE, "request": request, "now": now}, error=error)

    gridded("a booking widget's grid: every unit for four summer Saturdays, a week, a family with a dog",
            {"units": ["E12", "MH3", "CH1", "ZZ9"], "arrivals": ["2026-06-27", "2026-07-04", "2026-07-05", "2026-08-29"],
             "nights": 7, "guests": FAMILY, "supplements": [{"id": "dog"}], "promo_code": "PRINTEMPS",
             "calendars": [{"unit": "MH3", "unavailable": [{"from": "2026-07-06", "to": "2026-07-06"}]}]},
            now="2026-02-15T10:00:00Z")
    gridded("a grid of a pitch for October weekends, everything due at booking",
            {"units": ["E12"], "arrivals": ["2026-10-02", "2026-10-09"], "nights": 2, "guests": [{}, {}]},
            now="2026-09-30T10:00:00Z")
    gridded("a grid of 501 units is refused whole",
            {"units": [f"U{i}" for i in range(501)], "arrivals": ["2026-07-04"], "nights": 7, "guests": [{}]},
            error="pricing.grid_too_large")
    gridded("a grid of no night is refused whole",
            {"units": ["E12"], "arrivals": ["2026-07-04"], "nights": 0, "guests": [{}]},
            error="stay.period_invalid")
    recorder.write(OUT)


if __name__ == "__main__":
    main()
