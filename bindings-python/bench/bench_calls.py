"""Cost of a call from Python, per operation, with the same inputs as core/benches/core.rs.

Run by `make bench` against a release build: PYTHONPATH=<package dir> python bench_calls.py
"""

import datetime as dt
import json
import pickle
import timeit
from decimal import Decimal

import hospes

NOW = dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc)
CLIENT = {
    "id": "C-1042", "civility": "mrs", "last_name": "Dupont", "first_name": "Marie",
    "address": {"lines": ["3 rue des Lilas"], "postcode": "69003", "city": "Lyon", "country": "FR"},
    "email": "Marie.Dupont@Example.FR", "mobile": "06 12 34 56 78", "licence_plates": ["ab-123-cd"],
    "created_at": dt.datetime(2026, 1, 15, 9, 30, tzinfo=dt.timezone.utc),
    "companions": [{"first_name": "Paul", "last_name": "Dupont", "birth_date": dt.date(1985, 3, 2)}],
}
EUR = lambda amount: {"amount": Decimal(amount), "currency": "EUR"}  # noqa: E731
STAY = {
    "reference": "312", "client_id": "C-1042", "accommodation": "Emplacement",
    "arrival": dt.date(2026, 7, 11), "departure": dt.date(2026, 7, 25), "status": "confirmed", "currency": "EUR",
    "lines": [
        {"label": "Emplacement", "quantity": Decimal(14), "unit_price": EUR("32.40"), "vat_rate": Decimal(10)},
        {"label": "Électricité", "kind": "supplement", "quantity": Decimal(14), "unit_price": EUR("4.90"), "vat_rate": Decimal(20)},
        {"label": "Animal", "kind": "supplement", "quantity": Decimal(14), "unit_price": EUR("3.00"), "vat_rate": Decimal(10)},
        {"label": "Taxe de séjour", "kind": "tourist_tax", "quantity": Decimal(56), "unit_price": EUR("0.66"), "vat_rate": Decimal(0)},
    ],
}

# The pricing case of core/benches/core.rs (run from the repository root, as `make bench` does).
_PRICE_OP = next(op for op in hospes._wire.SCHEMA["operations"] if op["name"] == "pricing.price")
PRICE_ARGS = hospes._wire.from_wire(
    {
        "catalogue": json.loads(open("core/tests/data/catalogue.json", encoding="utf-8").read()),
        "request": {"unit": "E12", "arrival": "2026-06-22", "departure": "2026-07-06",
                    "guests": [{}, {}, {"birth_date": "2016-05-02"}, {"birth_date": "2024-08-15"}],
                    "supplements": [{"id": "dog"}], "promo_code": "PRINTEMPS"},
        "now": "2026-02-15T10:00:00Z",
    },
    _PRICE_OP["args"],
)

PRICER = hospes.Pricer(PRICE_ARGS["catalogue"])

CASES = {
    "normalize_client": lambda: hospes.normalize_client(CLIENT, "FR", NOW),
    "stay_totals (4 lines)": lambda: hospes.stay_totals(STAY),
    "add_money": lambda: hospes.add_money(EUR("10.10"), EUR("0.20")),
    "price_stay (14 nights)": lambda: hospes.price_stay(**PRICE_ARGS),
    "Pricer.price (14 nights)": lambda: PRICER.price(PRICE_ARGS["request"], PRICE_ARGS["now"]),
}

# The goals of issue 23: a call costs little more than the work it asks of the core.
GOALS = {"stay_totals (4 lines)": 5, "Pricer.price (14 nights)": 25}

for name, call in CASES.items():
    number = 20_000
    best = min(timeit.repeat(call, number=number, repeat=5)) / number
    goal = f" (goal ≤ {GOALS[name]} µs)" if name in GOALS else ""
    print(f"python {name:<24} {best * 1e6:8.2f} µs/call{goal}")
    if name in GOALS:
        # The floor: what CPython's own C code (the unpickler) takes to build the same result —
        # the same dicts, Decimals and dates — with no hospes work and no argument read at all.
        built = pickle.dumps(call(), protocol=pickle.HIGHEST_PROTOCOL)
        floor = min(timeit.repeat(lambda: pickle.loads(built), number=number, repeat=5)) / number
        print(f"python {'  floor: build the result':<24} {floor * 1e6:8.2f} µs/call (pickle.loads of it)")

# A booking widget's grid (core/benches/core.rs `grid`): 30 units × the 52 Saturdays of 2026 ×
# 7 nights, in one call, against the loop a host would write without it.
GRID_CATALOGUE = dict(PRICE_ARGS["catalogue"])
GRID_CATALOGUE["units"] = [dict(PRICE_ARGS["catalogue"]["units"][i % 3], id=f"U{i:02}") for i in range(30)]
GRID_PRICER = hospes.Pricer(GRID_CATALOGUE)
GRID_NOW = dt.datetime(2026, 1, 2, 10, tzinfo=dt.timezone.utc)
GRID = {"units": [u["id"] for u in GRID_CATALOGUE["units"]],
        "arrivals": [dt.date(2026, 1, 3) + dt.timedelta(weeks=w) for w in range(52)],
        "nights": 7, "guests": [{}, {}, {"birth_date": dt.date(2016, 5, 2)}]}


def grid_by_loop() -> None:
    for unit in GRID["units"]:
        for arrival in GRID["arrivals"]:
            request = {"unit": unit, "arrival": arrival, "departure": arrival + dt.timedelta(days=7),
                       "guests": GRID["guests"]}
            try:
                GRID_PRICER.price(request, GRID_NOW)
            except hospes.PricingError:
                pass


grid_best = min(timeit.repeat(lambda: GRID_PRICER.grid(GRID, GRID_NOW), number=20, repeat=5)) / 20
loop_best = min(timeit.repeat(grid_by_loop, number=1, repeat=3))
print(f"python {'Pricer.grid (1 560 cells)':<24} {grid_best * 1e3:8.2f} ms/call (goal ≤ 15 ms)")
print(f"python {'loop of Pricer.price':<24} {loop_best * 1e3:8.2f} ms for the same 1 560 cells")
