"""Writes the vectors of the GDPR rights over the client file (gdpr.json): the export of
everything held on a client (art. 15 and 20), as JSON and as a workbook, and their erasure
(art. 17) with what is kept by law.

    cd tests/vectors && PYTHONPATH=../../bindings-python/python ../../.venv/bin/python make_gdpr_vectors.py

The outputs are computed by hospes and then frozen: review the diffs by eye.
"""

import json
from pathlib import Path

from vectorgen import Recorder, call

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
DATA = json.loads((ROOT / "core/tests/data/invoicing.json").read_text(encoding="utf-8"))
APPOINTMENTS = json.loads((ROOT / "core/tests/data/appointments.json").read_text(encoding="utf-8"))
E, STAY, TERMS, POLICY = DATA["establishment"], DATA["stay"], DATA["terms"], DATA["cancellation"]
DEPOSIT, DEPOSIT_PAYMENT = DATA["deposit_invoice"], DATA["deposit_payment"]
WHOLE = {"client_id": "C-1042", "purpose": None, "subject": None}
SEPTEMBER = "2026-09-01T10:00:00Z"

# Marie's record as the campsite keeps it: phones, a plate, a note of the business, a companion, a pet.
MARIE = {**DATA["client"], "mobile": "+33612345678", "licence_plates": ["AB-123-CD"],
         "notes": "Préfère l’emplacement 12, au calme.", "link_version": 4,
         "companions": [{"first_name": "Léa", "last_name": "Dupont", "birth_date": "2016-05-02"}],
         "pets": [{"name": "Filou", "species": "chien", "breed": "Caniche nain"}]}
ACCOUNT = {"client_id": "C-1042", "email": "marie.dupont@example.fr",
           "password_hash": "$argon2id$v=19$m=19456,t=2,p=1$c2VsLWRlLW1hcmll$Zm9yLWV5ZXMtb25seS1zZWNyZXQ",
           "verified": True, "created_at": "2026-01-15T09:35:00Z"}


def ok(op, args):
    out = call(op, args)
    assert "ok" in out, (op, out)
    return out["ok"]


def signed_contract():
    contract = ok("contract.create", {"request": {"number": "C-2026-028", "establishment": E, "client": DATA["client"],
                                                  "stay": STAY, "terms": TERMS, "cancellation": POLICY},
                                      "now": "2026-03-01T10:00:00Z"})
    sha = ok("portal.contract_document", {"access": WHOLE, "client": DATA["client"], "contract": contract,
                                          "locale": None, "letterhead": None})["sha256"]
    signature = {"document_sha256": sha, "signer_name": "Marie Dupont", "signer_email": "marie.dupont@example.fr",
                 "consent_text": "J’ai lu et j’accepte le contrat.", "ip": "203.0.113.7",
                 "user_agent": "Mozilla/5.0"}
    return ok("portal.sign_contract", {"access": WHOLE, "client": DATA["client"], "contract": contract,
                                       "signature": signature, "letterhead": None,
                                       "now": "2026-03-02T08:00:00Z"})["signed"]["contract"]


def log():
    events = [
        {"type": "contract_signed", "occurred_at": "2026-03-02T08:00:00Z", "client_id": "C-1042",
         "contract_number": "C-2026-028", "stay_reference": "312", "document_sha256": "9f" * 32,
         "terms_version": "2026-1"},
        {"type": "payment_recorded", "occurred_at": "2026-03-02T09:00:00Z", "client_id": "C-1042",
         "invoice_number": "FA26030042", "amount": {"amount": "300.00", "currency": "EUR"}, "method": "card",
         "key": "pay_5Kx"},
        {"type": "participants_changed", "occurred_at": "2026-06-01T10:00:00Z", "client_id": "C-1042",
         "stay_reference": "312", "added": ["Léa Dupont"], "removed": []},
    ]
    return ok("event.append_log", {"last": None, "events": events})


def records():
    return {"client": MARIE, "stays": [{**STAY, "status": "completed", "notes": "Arrivée tardive, vers 22 h."}],
            "invoices": [DEPOSIT], "payments": [DEPOSIT_PAYMENT], "contracts": [signed_contract()],
            "accounts": [ACCOUNT], "appointments": [APPOINTMENTS["requested"]], "events": log()}


def gdpr(recorder):
    vec = recorder.vec
    everything = records()
    export = {"records": everything, "establishment": E, "now": SEPTEMBER}
    vec("Marie's export: every record, the business's notes on her, her account without its password hash",
        "gdpr.export", export)
    assert "password_hash" not in json.dumps(call("gdpr.export", export))
    vec("an export is titled in the client's language", "gdpr.export",
        {"records": {"client": {**DATA["client"], "preferred_locale": "es"}}, "establishment": E, "now": SEPTEMBER})
    theirs = {**STAY, "reference": "313", "client_id": "C-2077"}
    vec("a stay of another client is refused from her export", "gdpr.export",
        {**export, "records": {**everything, "stays": everything["stays"] + [theirs]}}, error="client.record_foreign")
    vec("a payment on an invoice that is not hers is refused", "gdpr.export",
        {**export, "records": {**everything, "payments": [{**DEPOSIT_PAYMENT, "invoice_number": "FA26039999"}]}},
        error="client.record_foreign")
    vec("the export as a workbook: one sheet per section, in her language", "gdpr.workbook",
        {"document": ok("gdpr.export", export)}, sha256=True)

    vec("her erasure: a pseudonym, the invoice kept ten years with the name printed on it, the signed contract "
        "five, the stay anonymised, the account and the appointment deleted, her links revoked",
        "gdpr.erase", export)
    vec("an invoice made out to another customer is refused from her erasure", "gdpr.erase",
        {**export, "records": {**everything, "invoices": [{**DEPOSIT, "customer": {**DEPOSIT["customer"],
                                                                                    "client_id": "C-2077"}}]}},
        error="client.record_foreign")
    vec("a client cannot be erased while her stay runs", "gdpr.erase",
        {**export, "records": {**everything, "stays": [STAY]}, "now": "2026-07-15T10:00:00Z"},
        error="gdpr.erasure_blocked")
    vec("ten years on, her invoice and its payment go too", "gdpr.erase", {**export, "now": "2036-03-03T10:00:00Z"})
    vec("the erasure in the activity feed names no one", "event.describe",
        {"event": {"type": "client_erased", "occurred_at": SEPTEMBER, "client_id": "C-1042"}, "locale": "fr"})


def main():
    recorder = Recorder()
    gdpr(recorder)
    recorder.write(HERE / "gdpr.json")


if __name__ == "__main__":
    main()
