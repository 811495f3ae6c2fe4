"""Writes tests/vectors/export.json: the stays and payments exports as CSV and XLSX, each vector
carrying the SHA-256 of the file's bytes, so every binding proves it returns the very same file
(an XLSX's creation date is fixed, so its bytes are reproducible too).

    cd tests/vectors && PYTHONPATH=../../bindings-python/python python make_export_vectors.py

The outputs are computed by hospes and then frozen: a change of column, header, format or
compression changes the hashes, and core/tests/export.rs shows what the files say.
"""

import json
from pathlib import Path

from vectorgen import Recorder

HERE = Path(__file__).parent
DATA = json.loads((HERE.parents[1] / "core/tests/data/exports.json").read_text(encoding="utf-8"))
OUT = HERE / "export.json"


def main():
    recorder = Recorder()
    vec = recorder.vec
    stays, clients, payments = DATA["stays"], DATA["clients"], DATA["payments"]
    vec("every stay as a French CSV: semicolons, decimal commas, names, an injected formula quoted",
        "export.stays", {"stays": stays, "clients": clients, "options": {}}, sha256=True)
    vec("July's confirmed and completed stays as a Spanish workbook", "export.stays",
        {"stays": stays, "clients": clients, "options": {"format": "xlsx", "locale": "es"},
         "filter": {"arrival_from": "2026-07-01", "arrival_to": "2026-07-31",
                    "statuses": ["confirmed", "completed"]}}, sha256=True)
    vec("stays without their clients, as an English comma CSV", "export.stays",
        {"stays": stays, "clients": [], "options": {"delimiter": "comma", "locale": "en"}}, sha256=True)
    vec("every payment as a workbook, each dated in Paris", "export.payments",
        {"payments": payments, "time_zone": "Europe/Paris",
         "options": {"format": "xlsx", "sheet_name": "Encaissements 2026"}}, sha256=True)
    vec("the receipts of July and August, carried sums left out, as an English CSV", "export.payments",
        {"payments": payments, "time_zone": "Europe/Paris", "options": {"locale": "en", "delimiter": "comma"},
         "filter": {"received_from": "2026-07-01", "received_to": "2026-08-31",
                    "methods": ["card", "bank_transfer", "cheque", "cash", "holiday_vouchers", "other"]}},
        sha256=True)
    vec("a sheet name Excel forbids is refused", "export.payments",
        {"payments": payments, "time_zone": "Europe/Paris", "options": {"format": "xlsx", "sheet_name": "2026/07"}},
        error="export.invalid")
    vec("a temporary directory that does not exist is refused", "export.stays",
        {"stays": stays, "clients": [], "options": {"format": "xlsx", "temp_dir": "/nonexistent/hospes-exports"}},
        error="export.write_failed")
    vec("an unknown delimiter is refused", "export.stays",
        {"stays": stays, "clients": [], "options": {"delimiter": "tab"}}, error="input.invalid")
    vec("a stay filter with an impossible date is refused", "export.stays",
        {"stays": stays, "clients": [], "options": {}, "filter": {"arrival_from": "2026-02-30"}},
        error="input.invalid")
    recorder.write(OUT)


main()
