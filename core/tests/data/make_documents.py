"""Writes core/tests/data/documents.json and invoice.json: the records the PDF tests, benchmarks
and vectors print — an issued 20-line invoice and its credit note, a quote, a signed contract, and
clients whose names need more than Latin-1 (Łukasz Żółć, Ørsted, Ñúñez, Zoë).

    cd tests/vectors && PYTHONPATH=../../bindings-python/python python ../../core/tests/data/make_documents.py

Every record is made by hospes itself (invoice.draft/issue/credit_note, quote.create,
contract.create, portal.sign_contract), then frozen.
"""

import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parents[2] / "tests/vectors"))
from vectorgen import call  # noqa: E402

DATA = json.loads((HERE / "invoicing.json").read_text(encoding="utf-8"))
CATALOGUE = json.loads((HERE / "catalogue.json").read_text(encoding="utf-8"))
E = DATA["establishment"]
EUR = "EUR"


def ok(op, args):
    out = call(op, args)
    assert "ok" in out, (op, out)
    return out["ok"]


def money(amount):
    return {"amount": amount, "currency": EUR}


CLIENT = {"id": "C-2077", "civility": "mr", "first_name": "Łukasz", "last_name": "Żółć",
          "email": "lukasz.zolc@example.pl", "preferred_locale": "fr",
          "address": {"lines": ["ul. Świętokrzyska 12"], "postcode": "00-116", "city": "Warszawa", "country": "PL"},
          "created_at": "2026-01-20T08:00:00Z"}

# Twenty lines whose total, VAT included, is 1 234,56 €.
LINES = [
    {"label": "Mobil-home Ørsted, 3 chambres — 7 nuits", "quantity": "7", "unit_price": money("98.00"), "vat_rate": "10"},
    {"label": "Supplément animal (Zoë, chienne)", "kind": "supplement", "quantity": "7", "unit_price": money("4.00"), "vat_rate": "10"},
    {"label": "Location de draps — famille Ñúñez", "kind": "supplement", "quantity": "3", "unit_price": money("12.00"), "vat_rate": "20"},
    {"label": "Kit serviettes", "kind": "supplement", "quantity": "3", "unit_price": money("6.00"), "vat_rate": "20"},
    {"label": "Ménage de fin de séjour", "kind": "supplement", "quantity": "1", "unit_price": money("80.00"), "vat_rate": "20"},
    {"label": "Électricité 10 A", "kind": "supplement", "quantity": "7", "unit_price": money("4.50"), "vat_rate": "20"},
    {"label": "Véhicule supplémentaire", "kind": "supplement", "quantity": "7", "unit_price": money("3.00"), "vat_rate": "10"},
    {"label": "Lit bébé", "kind": "supplement", "quantity": "7", "unit_price": money("2.00"), "vat_rate": "10"},
    {"label": "Chaise haute", "kind": "supplement", "quantity": "7", "unit_price": money("1.00"), "vat_rate": "10"},
    {"label": "Barbecue", "kind": "supplement", "quantity": "1", "unit_price": money("15.00"), "vat_rate": "20"},
    {"label": "Petit-déjeuner (pain, viennoiseries)", "kind": "side_sale", "quantity": "14", "unit_price": money("6.50"), "vat_rate": "5.5"},
    {"label": "Glaces au snack", "kind": "side_sale", "quantity": "6", "unit_price": money("2.50"), "vat_rate": "5.5"},
    {"label": "Location de vélos, 3 jours", "kind": "side_sale", "quantity": "3", "unit_price": money("14.00"), "vat_rate": "20"},
    {"label": "Jetons de laverie", "kind": "side_sale", "quantity": "4", "unit_price": money("4.00"), "vat_rate": "20"},
    {"label": "Accès Wi-Fi premium", "kind": "supplement", "quantity": "7", "unit_price": money("2.00"), "vat_rate": "20"},
    {"label": "Sortie canoë encadrée", "kind": "side_sale", "quantity": "2", "unit_price": money("25.00"), "vat_rate": "20"},
    {"label": "Panier de produits locaux", "kind": "side_sale", "quantity": "1", "unit_price": money("34.00"), "vat_rate": "5.5"},
    {"label": "Remise fidélité", "kind": "discount", "quantity": "1", "unit_price": money("-20.00"), "vat_rate": "10"},
    {"label": "Taxe de séjour — 2 adultes × 7 nuits", "kind": "tourist_tax", "quantity": "14", "unit_price": money("0.61"), "vat_rate": "0"},
]
subtotal = sum(float(l["quantity"]) * float(l["unit_price"]["amount"]) for l in LINES)
LINES.append({"label": "Frais de dossier", "kind": "supplement", "quantity": "1",
              "unit_price": money(f"{1234.56 - subtotal:.2f}"), "vat_rate": "20"})
assert len(LINES) == 20

STAY = {"reference": "418", "client_id": "C-2077", "accommodation": "Mobil-home Ørsted, 3 chambres",
        "arrival": "2026-07-11", "departure": "2026-07-18", "status": "confirmed", "currency": EUR,
        "participants": [{"first_name": "Zoë", "last_name": "Żółć", "birth_date": "2015-03-09"},
                         {"first_name": "Inés", "last_name": "Ñúñez"}],
        "lines": LINES}


def main():
    draft = ok("invoice.draft", {"request": {"kind": "final", "establishment": E, "client": CLIENT, "stay": STAY,
                                             "due_date": "2026-07-18"}})
    issued = ok("invoice.issue", {"invoice": draft, "series": {"pattern": "FA{yy}{mm}{seq:04}", "last": "FA26070117"},
                                  "date": "2026-07-18", "now": "2026-07-18T09:00:00Z"})["invoice"]
    assert issued["totals"]["vat"]["total_incl_vat"]["amount"] == "1234.56", issued["totals"]["vat"]
    credit = ok("invoice.credit_note", {"invoice": issued, "series": {"pattern": "AV{yy}{mm}{seq:04}", "last": None},
                                        "date": "2026-07-20", "now": "2026-07-20T09:00:00Z"})["invoice"]
    quote = ok("quote.create", {"number": "D26-0418", "client_id": "C-2077", "stay_reference": "418",
                                "catalogue": CATALOGUE,
                                "request": {"unit": "E12", "arrival": "2026-07-11", "departure": "2026-07-25",
                                            "guests": [{}, {}], "supplements": [{"id": "dog"}]},
                                "now": "2026-03-01T10:00:00Z", "valid_until": "2026-04-30T22:00:00Z"})
    contract = ok("contract.create", {"request": {"number": "C-2026-041", "establishment": E, "client": CLIENT,
                                                  "stay": STAY, "terms": DATA["terms"],
                                                  "cancellation": DATA["cancellation"]},
                                      "now": "2026-03-01T10:00:00Z"})
    whole = {"client_id": "C-2077", "purpose": None, "subject": None}
    sha = ok("portal.contract_document", {"access": whole, "client": CLIENT, "contract": contract,
                                          "locale": None, "letterhead": None})["sha256"]
    signed = ok("portal.sign_contract", {
        "access": whole, "client": CLIENT, "contract": contract, "letterhead": None, "now": "2026-03-02T18:00:00Z",
        "signature": {"document_sha256": sha, "signer_name": "Łukasz Żółć", "signer_email": "lukasz.zolc@example.pl",
                      "consent_text": "J’ai lu et j’accepte le contrat et ses conditions.", "ip": "203.0.113.7",
                      "user_agent": "Mozilla/5.0 (X11; Linux x86_64)",
                      "image": {"format": "svg_path", "width": 300, "height": 100,
                                "d": "M20 70 C 40 20, 60 20, 70 60 S 100 90, 120 40 Q 140 10, 160 50 L 200 45 "
                                     "M 210 60 C 230 30, 250 80, 280 35"}}})["signed"]["contract"]
    others = [
        {"id": "C-3001", "first_name": "Anders", "last_name": "Ørsted", "address": {"lines": ["Nørregade 1"], "postcode": "1165", "city": "København", "country": "DK"}, "created_at": "2026-01-01T00:00:00Z"},
        {"id": "C-3002", "first_name": "Inés", "last_name": "Ñúñez", "address": {"lines": ["Calle Mayor 5", "3.º izquierda"], "postcode": "28013", "city": "Madrid", "country": "ES"}, "created_at": "2026-01-01T00:00:00Z"},
        {"id": "C-3003", "first_name": "Zoë", "last_name": "Martin", "address": {"lines": ["12 chemin des Pins"], "postcode": "40200", "city": "Mimizan", "country": "FR"}, "created_at": "2026-01-01T00:00:00Z"},
        {"id": "C-3004", "first_name": "John", "last_name": "Smith", "company": "Smith & Sons Travel Ltd", "address": {"lines": ["10 Downing Street"], "postcode": "SW1A 2AA", "city": "London", "country": "GB"}, "created_at": "2026-01-01T00:00:00Z"},
    ]
    out = {"establishment": E, "client": CLIENT, "invoice": issued, "credit_note": credit, "quote": quote,
           "contract": contract, "signed_contract": signed, "label_clients": [CLIENT] + others}
    (HERE / "documents.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (HERE / "invoice.json").write_text(json.dumps(issued, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print("wrote documents.json and invoice.json")


main()
