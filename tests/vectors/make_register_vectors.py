"""Writes the vectors of the client register: register.json.

    cd tests/vectors && PYTHONPATH=../../bindings-python/python python make_register_vectors.py

A small fixed register — accents, phones typed every way, plates, companies, a credit note —
searched, filtered, sorted and paged; rows and revenue; deletion refused once invoiced. The
outputs are computed by hospes and then frozen: review the diffs by eye.
"""

import json
from pathlib import Path

from vectorgen import Recorder

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
DATA = json.loads((ROOT / "core/tests/data/invoicing.json").read_text(encoding="utf-8"))
CONFIG = {"currency": "EUR", "time_zone": "Europe/Paris"}
NOW = "2026-07-14T08:00:00Z"


def eur(amount):
    return {"amount": amount, "currency": "EUR"}


def figures(number, kind, day, excl, incl, due):
    return {"number": number, "kind": kind, "issue_date": day, "revenue_excl_vat": eur(excl),
            "revenue_incl_vat": eur(incl), "due": eur(due)}


ENTRIES = [
    {"client": {"id": "C-1", "civility": "mrs", "last_name": "Dupont", "first_name": "Marie",
                "address": {"lines": ["3 rue des Lilas"], "postcode": "69003", "city": "Lyon", "country": "FR"},
                "mobile": "+33612345678", "email": "marie.dupont@example.fr", "licence_plates": ["AB-123-CD"],
                "notes": "Préfère l’emplacement 12.", "created_at": "2025-03-02T10:00:00Z"},
     "stays": [{"reference": "312", "arrival": "2026-07-11", "departure": "2026-07-25", "status": "in_progress"}],
     "invoices": [figures("F-1", "deposit", "2026-03-02", "100.00", "110.00", "0.00"),
                  figures("F-2", "balance", "2026-06-11", "300.00", "330.00", "130.00")]},
    {"client": {"id": "C-2", "civility": "mrs", "last_name": "Lefèvre-Dupont", "first_name": "Élodie",
                "address": {"lines": ["12 quai de la Fosse"], "postcode": "44000", "city": "Nantes", "country": "FR"},
                "landline": "+33240123456", "email": "elodie@example.fr", "created_at": "2026-02-10T10:00:00Z"},
     "stays": [{"reference": "401", "arrival": "2026-08-01", "departure": "2026-08-08", "status": "confirmed"}]},
    {"client": {"id": "C-3", "civility": "family", "last_name": "Müller", "first_name": "Jürgen",
                "address": {"lines": ["Hauptstraße 5"], "postcode": "80331", "city": "München", "country": "DE"},
                "mobile": "+4915112345678", "licence_plates": ["M-JM 1234"], "created_at": "2025-01-20T10:00:00Z"},
     "stays": [{"reference": "201", "arrival": "2025-08-02", "departure": "2025-08-16", "status": "completed"}],
     "invoices": [figures("F-0", "final", "2025-08-16", "500.00", "550.00", "0.00"),
                  figures("A-0", "credit_note", "2025-08-20", "-50.00", "-55.00", "0.00")]},
    {"client": {"id": "C-4", "company": "Voyages Soleil", "kind": "tour_operator",
                "address": {"lines": ["1 place Bellecour"], "city": "Lyon", "country": "FR"},
                "email": "resa@voyages-soleil.example", "created_at": "2024-11-05T10:00:00Z"}},
    {"client": {"id": "C-5", "last_name": "García", "first_name": "Lucía", "email": "lucia@example.es",
                "address": {"city": "Sevilla", "country": "ES"}, "created_at": "2026-05-01T10:00:00Z"},
     "stays": [{"reference": "Q-9", "arrival": "2026-09-01", "departure": "2026-09-05", "status": "option"}]},
]
REGISTER = {"config": CONFIG, "entries": ENTRIES}


def search(recorder, name, query, error=None):
    recorder.vec(name, "register.search", {"register": REGISTER, "query": query, "now": NOW}, error=error)


def register(recorder):
    search(recorder, "by default only the clients present today are shown", {})
    search(recorder, "the whole register, sorted by name", {"present_only": False})
    search(recorder, "the search ignores accents and case", {"text": "LEFÈVRE", "present_only": False})
    search(recorder, "the search ignores punctuation", {"text": "vre-dup", "present_only": False})
    search(recorder, "a fragment of a name finds every client holding it", {"text": "dupont", "present_only": False})
    search(recorder, "an e-mail fragment finds the tour operator", {"text": "voyages-soleil", "present_only": False})
    search(recorder, "ß and ü fold like ss and u", {"text": "muller", "present_only": False})
    search(recorder, "two characters are not a search", {"text": "du"}, error="register.query_too_short")
    for phone in ["06 12", "+33 6 12", "0612", "0033 6 12 34"]:
        search(recorder, f"the phone typed as {phone} finds its owner", {"phone": phone, "present_only": False})
    search(recorder, "a plate is found on its normalised form", {"plate": "ab123", "present_only": False})
    search(recorder, "criteria combine with AND", {"text": "dupont", "city": "nant", "present_only": False})
    search(recorder, "by country and seniority year", {"country": "DE", "created_year": 2025, "present_only": False})
    search(recorder, "by kind: prospects only (an option is not a stay yet)", {"kind": "prospect", "present_only": False})
    search(recorder, "sorted by revenue, largest first, second page of two",
           {"sort": "revenue_excl_vat", "descending": True, "page": 2, "page_size": 2, "present_only": False})
    search(recorder, "sorted by next stay", {"sort": "next_stay", "present_only": False})
    search(recorder, "a page size over 1000 is refused", {"page_size": 1001}, error="register.query_invalid")
    recorder.vec("revenue is net of credit notes, excluding VAT", "register.row",
                 {"register": REGISTER, "client_id": "C-3", "now": NOW})
    recorder.vec("an unknown client has no row", "register.row",
                 {"register": REGISTER, "client_id": "C-9", "now": NOW}, error="register.client_unknown")
    recorder.vec("the countries present in the file", "register.countries", {"register": REGISTER})
    recorder.vec("rows without holding a register", "register.rows",
                 {"config": CONFIG, "entries": ENTRIES[:2], "now": NOW})
    recorder.vec("an invoice in another currency is refused", "register.rows",
                 {"config": CONFIG, "now": NOW, "entries": [{"client": ENTRIES[0]["client"], "invoices": [
                     {**figures("F-9", "final", "2026-01-01", "1", "1", "0"),
                      "revenue_excl_vat": {"amount": "1", "currency": "USD"}}]}]}, error="money.currency_mismatch")
    recorder.vec("labels for the clients living in France", "register.labels",
                 {"register": REGISTER, "query": {"country": "FR", "present_only": False}, "now": NOW,
                  "sheet": "a4_3x8", "sender_country": "FR", "locale": "fr", "skip": 0}, expect_prefix=None,
                 sha256=True)
    for fmt, delimiter in (("csv", "semicolon"), ("csv", "comma"), ("xlsx", "semicolon")):
        recorder.vec(f"the whole register as {fmt} ({delimiter}), names and revenue", "register.export",
                     {"register": REGISTER, "query": {"present_only": False}, "now": NOW,
                      "columns": ["civility", "last_name", "first_name", "company", "city", "country", "kind",
                                  "created_on", "stays", "next_stay", "present", "revenue_excl_vat", "due"],
                      "options": {"format": fmt, "delimiter": delimiter, "locale": "fr"}}, sha256=True)
    recorder.vec("every column, headers in Spanish", "register.export",
                 {"register": REGISTER, "query": {"present_only": False}, "now": NOW, "columns": [],
                  "options": {"format": "csv", "locale": "es"}}, sha256=True)
    invoice = DATA["deposit_invoice"]
    recorder.vec("an invoice's figures: revenue without the tourist tax, and what is due", "register.invoice_figures",
                 {"invoice": invoice, "payments": []})
    client = {**DATA["client"]}
    recorder.vec("a client who was invoiced cannot be deleted", "client.deletion_check",
                 {"client": client, "invoices": [invoice], "stays": [], "accounts": []}, error="client.invoiced")
    recorder.vec("a client never invoiced goes with their companions and stays", "client.deletion_check",
                 {"client": client, "invoices": [], "stays": [DATA["stay"]], "accounts": []})
    recorder.vec("another client's stay is refused", "client.deletion_check",
                 {"client": client, "invoices": [], "stays": [{**DATA["stay"], "client_id": "C-9"}], "accounts": []},
                 error="client.record_foreign")


if __name__ == "__main__":
    rec = Recorder()
    register(rec)
    rec.write(HERE / "register.json")
