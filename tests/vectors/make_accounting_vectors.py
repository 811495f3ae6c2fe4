"""Writes the vectors of accounting: accounting.json (the chart of accounts, journal entries of
invoices, credit notes and payments, the FEC and its file name, the journal as a spreadsheet).

    cd tests/vectors && PYTHONPATH=../../bindings-python/python ../../.venv/bin/python make_accounting_vectors.py

The outputs are computed by hospes and then frozen: review the diffs by eye.
"""

import base64
import json
from pathlib import Path

from vectorgen import Recorder, call

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
DATA = json.loads((ROOT / "core/tests/data/invoicing.json").read_text(encoding="utf-8"))
E, MARIE, STAY = DATA["establishment"], DATA["client"], DATA["stay"]
DEPOSIT, DEPOSIT_PAYMENT = DATA["deposit_invoice"], DATA["deposit_payment"]
FA = "FA{yy}{mm}{seq:04}"
AV = "AV{yy}{mm}{seq:04}"
CHART = {}
EUR = "EUR"

# The accountant's own choices (docs/accounting.md): a named bank, cards waiting for the payout,
# cash in its journal, the tourist tax on 4686.
CUSTOM_CHART = {
    "bank": {"number": "512100", "label": "Crédit Agricole"},
    "payment_accounts": [
        {"method": "card", "account": {"number": "5115", "label": "Cartes bancaires à encaisser"}},
        {"method": "cash", "account": {"number": "531", "label": "Caisse"},
         "journal": {"code": "CA", "label": "Caisse"}},
    ],
    "tourist_tax": {"number": "4686", "label": "Taxe de séjour à reverser"},
}


def ok(op, args):
    out = call(op, args)
    assert "ok" in out, (op, out)
    return out["ok"]


def money(amount):
    return {"amount": amount, "currency": EUR}


def issue(request, date, last):
    draft = ok("invoice.draft", {"request": request})
    return ok("invoice.issue", {"invoice": draft, "series": {"pattern": FA, "last": last}, "date": date,
                                "now": date + "T10:00:00Z"})["invoice"]


def balance_request(stay=STAY, previous=(DEPOSIT,)):
    return {"kind": "balance", "establishment": E, "client": MARIE, "stay": stay, "previous": list(previous),
            "due_date": "2026-06-11"}


def documents():
    """Stay 312: the deposit, the balance, the balance's credit note, their payments."""
    balance = issue(balance_request(), "2026-06-01", "FA26030042")
    note = ok("invoice.credit_note", {"invoice": balance, "series": {"pattern": AV}, "date": "2026-06-05",
                                      "now": "2026-06-05T10:00:00Z"})["invoice"]
    transfer = {"key": "vir-0612", "invoice_number": balance["number"], "amount": money("600.00"),
                "method": "bank_transfer", "received_at": "2026-06-01T09:00:00Z"}
    # 22:30 UTC on 1 June is 00:30 on 2 June in Mimizan: booked on 2 June.
    cash = {"key": "caisse-17", "invoice_number": balance["number"], "amount": money("100.00"),
            "method": "cash", "received_at": "2026-06-01T22:30:00Z"}
    return balance, note, [DEPOSIT_PAYMENT, transfer, cash]


def chart(recorder):
    vec = recorder.vec
    vec("the chart an empty object stands for: the French PCG's usual accounts", "accounting.default_chart", {})
    vec("the accountant's own bank, card and tourist-tax accounts are a valid chart", "accounting.check_chart",
        {"chart": CUSTOM_CHART})
    vec("an account number that does not start with three digits of the PCG is refused",
        "accounting.check_chart", {"chart": {"bank": {"number": "BANK", "label": "Banque"}}},
        error="accounting.chart_invalid")
    vec("a VAT rate listed twice is refused", "accounting.check_chart",
        {"chart": {"vat_collected": [
            {"vat_rate": "10", "account": {"number": "445712", "label": "TVA 10 %"}},
            {"vat_rate": "10", "account": {"number": "445710", "label": "TVA 10 % bis"}}]}},
        error="accounting.chart_invalid")
    vec("a journal code with a separator in it is refused", "accounting.check_chart",
        {"chart": {"sales_journal": {"code": "V|E", "label": "Ventes"}}}, error="accounting.chart_invalid")


def journals(recorder):
    vec = recorder.vec
    balance, note, payments = documents()
    journal = {"chart": CHART, "establishment": E, "sequences": []}
    vec("the deposit invoice credits the deposits received and the VAT of each rate", "accounting.journal",
        {**journal, "invoices": [DEPOSIT], "payments": []})
    vec("the balance debits the deposit it deducts: 4191 is cleared to the cent", "accounting.journal",
        {**journal, "invoices": [DEPOSIT, balance], "payments": []})
    vec("a credit note is its invoice's entry reversed", "accounting.journal",
        {**journal, "invoices": [balance, note], "payments": []})
    vec("payments debit their method's account in its journal, dated in the establishment's zone",
        "accounting.journal", {**journal, "invoices": [DEPOSIT, balance], "payments": payments})
    vec("numbers go on from the last ones, without gaps in each journal", "accounting.journal",
        {**journal, "invoices": [note, balance, DEPOSIT], "payments": list(reversed(payments)),
         "sequences": [{"journal_code": "VE", "last": 41}, {"journal_code": "BQ", "last": 7}]})
    vec("the accountant's own accounts", "accounting.journal",
        {**journal, "chart": CUSTOM_CHART, "invoices": [DEPOSIT, balance], "payments": payments})
    carried = {**DEPOSIT_PAYMENT, "key": "carried-1", "method": "carried"}
    vec("money carried from a cancelled invoice is not booked again", "accounting.journal",
        {**journal, "invoices": [DEPOSIT], "payments": [DEPOSIT_PAYMENT, carried]})

    taxed = {**STAY, "price_basis": "excluding_vat", "lines": STAY["lines"] + [
        {"label": "Taxe de séjour", "kind": "tourist_tax", "quantity": "14",
         "unit_price": money("0.66"), "vat_rate": "0"},
        {"label": "Remise fidélité", "kind": "discount", "quantity": "1", "unit_price": money("-20.00"),
         "vat_rate": "10"}]}
    final = issue({**balance_request(taxed, ()), "kind": "final"}, "2026-06-01", None)
    vec("prices excluding VAT: the sales as printed, the discount on 709, the tourist tax to the commune",
        "accounting.journal", {**journal, "invoices": [final], "payments": []})

    draft = ok("invoice.draft", {"request": balance_request()})
    vec("a draft is not booked", "accounting.journal", {**journal, "invoices": [draft], "payments": []},
        error="accounting.not_issued")
    vec("a payment whose invoice was not given is refused", "accounting.journal",
        {**journal, "invoices": [DEPOSIT], "payments": payments}, error="accounting.invoice_unknown")
    altered = json.loads(json.dumps(DEPOSIT))
    altered["totals"]["vat"]["lines"][0]["vat"]["amount"] = "24.83"
    vec("an invoice whose totals do not follow from its lines is refused", "accounting.journal",
        {**journal, "invoices": [altered], "payments": []}, error="accounting.document_invalid")
    vec("an invoice given twice is refused", "accounting.journal",
        {**journal, "invoices": [DEPOSIT, DEPOSIT], "payments": []}, error="accounting.document_invalid")


def fec_records(out):
    return base64.b64decode(out).decode("utf-8").split("\r\n")


def fecs(recorder):
    vec = recorder.vec
    balance, note, payments = documents()
    entries = ok("accounting.journal", {"chart": CHART, "establishment": E, "sequences": [],
                                        "invoices": [DEPOSIT, balance, note], "payments": payments})["entries"]
    vec("the FEC: 18 zones tab-separated in ISO 8859-15, a record per entry line", "accounting.fec",
        {"entries": entries, "options": {}}, sha256=True)
    pipe = {"separator": "pipe", "encoding": "utf_8"}
    vec("the FEC separated by | in UTF-8", "accounting.fec", {"entries": entries, "options": pipe}, sha256=True)
    records = fec_records(ok("accounting.fec", {"entries": entries, "options": pipe}))
    assert records[0].split("|")[0] == "JournalCode" and len(records[0].split("|")) == 18, records[0]
    assert records[1] == ("VE|Ventes|VE000001|20260301|411|Clients|C-1042|Marie Dupont|FA26030042|20260301|"
                          "Facture FA26030042, Marie Dupont|300,00|0,00|||20260301||"), records[1]
    unbalanced = json.loads(json.dumps(entries))
    unbalanced[0]["lines"][0]["debit"]["amount"] = "300.01"
    vec("an unbalanced entry is not written", "accounting.fec", {"entries": unbalanced, "options": {}},
        error="accounting.entry_unbalanced")
    foreign = json.loads(json.dumps(entries))
    foreign[0]["lines"][1]["account"] = "ACOMPTE"
    vec("an account that does not start with three digits is not written", "accounting.fec",
        {"entries": foreign, "options": {}}, error="accounting.entry_invalid")
    vec("the journal as a CSV sheet, one row per entry line", "accounting.export",
        {"entries": entries, "options": {}}, sha256=True)
    csv = base64.b64decode(ok("accounting.export", {"entries": entries, "options": {}})).decode("utf-8")
    rows = csv.split("\r\n")
    assert rows[0] == ("\ufeffJournal;N° écriture;Date;Compte;Libellé du compte;Compte auxiliaire;"
                       "Libellé auxiliaire;Pièce;Date de la pièce;Libellé;Débit;Crédit"), rows[0]
    assert rows[1] == ("VE;VE000001;2026-03-01;411;Clients;C-1042;Marie Dupont;FA26030042;2026-03-01;"
                       "Facture FA26030042, Marie Dupont;300,00;0,00"), rows[1]
    vec("the journal as an XLSX workbook, headers in English", "accounting.export",
        {"entries": entries, "options": {"format": "xlsx", "locale": "en"}}, sha256=True)
    vec("an unbalanced entry is not exported either", "accounting.export", {"entries": unbalanced, "options": {}},
        error="accounting.entry_unbalanced")
    vec("the FEC's name: the SIREN, FEC, the closing date", "accounting.fec_file_name",
        {"siren": "732 829 320", "closing_date": "2026-12-31"})
    vec("the FEC's name from the SIRET", "accounting.fec_file_name",
        {"siren": "73282932000074", "closing_date": "2027-03-31"})
    vec("a SIREN with a wrong key is refused", "accounting.fec_file_name",
        {"siren": "732829321", "closing_date": "2026-12-31"}, error="accounting.siren_invalid")


def main():
    recorder = Recorder()
    chart(recorder)
    journals(recorder)
    fecs(recorder)
    recorder.write(HERE / "accounting.json")


if __name__ == "__main__":
    main()
