"""Writes tests/vectors/quote.json: a quote made, read, changed and signed from the portal.

    PYTHONPATH=bindings-python/python python tests/vectors/make_quote_vectors.py

The outputs are computed by hospes and then frozen: review the diff of quote.json by eye.
"""

import json
from pathlib import Path

from vectorgen import Recorder, call

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).with_name("quote.json")
CATALOGUE = json.loads((ROOT / "core/tests/data/catalogue.json").read_text(encoding="utf-8"))
CAMPING = json.loads((ROOT / "core/tests/data/invoicing.json").read_text(encoding="utf-8"))["establishment"]
MARCH = "2026-03-01T10:00:00Z"
LATER = "2026-03-02T18:30:00Z"
VALID_UNTIL = "2026-04-30T22:00:00Z"
MARIE = {"id": "C-1042", "last_name": "Dupont", "first_name": "Marie", "email": "marie.dupont@example.fr",
         "created_at": "2024-05-02T14:10:00Z"}
WHOLE = {"client_id": "C-1042", "purpose": None, "subject": None}
QUOTE_LINK = {"client_id": "C-1042", "purpose": "quote", "subject": "D26-0312"}
OTHER_QUOTE_LINK = {"client_id": "C-1042", "purpose": "quote", "subject": "D26-0299"}
# Her stay in « option » names her partner: the quote's two guests.
STAY = {"reference": "312", "client_id": "C-1042", "accommodation": "Emplacement confort",
        "arrival": "2026-07-11", "departure": "2026-07-25", "status": "option", "currency": "EUR",
        "participants": [{"first_name": "Paul", "last_name": "Dupont"}]}
REQUEST = {"unit": "E12", "arrival": "2026-07-11", "departure": "2026-07-25", "guests": [{}, {}],
           "supplements": [{"id": "dog"}]}


def main():
    recorder = Recorder()
    vec = recorder.vec
    create = {"number": "D26-0312", "client_id": "C-1042", "stay_reference": "312", "catalogue": CATALOGUE,
              "request": REQUEST, "now": MARCH, "valid_until": VALID_UNTIL}
    vec("the campsite makes a quote for a fortnight on a pitch", "quote.create", create)
    vec("a quote valid no later than it is made is refused", "quote.create",
        {**create, "valid_until": MARCH}, error="quote.validity_invalid")
    quote = call("quote.create", create)["ok"]
    vec("a quote link is bound to the quote's hash and status", "quote.link_state", {"quote": quote})
    vec("she reads her quote from its link", "portal.quote",
        {"access": QUOTE_LINK, "client": MARIE, "quote": quote, "now": LATER})
    vec("a link to another quote does not open this one", "portal.quote",
        {"access": OTHER_QUOTE_LINK, "client": MARIE, "quote": quote, "now": LATER}, error="portal.not_found")
    guests = [{}, {}, {"birth_date": "2016-05-02"}]
    vec("she adds her daughter: the quote is re-priced", "portal.change_quote_guests",
        {"access": WHOLE, "client": MARIE, "quote": quote, "catalogue": CATALOGUE, "guests": guests, "now": LATER})
    vec("she types the spring promo code: the total is recomputed", "portal.apply_quote_promo",
        {"access": WHOLE, "client": MARIE, "quote": quote, "catalogue": CATALOGUE, "promo_code": "printemps", "now": LATER})
    vec("an unknown promo code on a quote is refused", "portal.apply_quote_promo",
        {"access": WHOLE, "client": MARIE, "quote": quote, "catalogue": CATALOGUE, "promo_code": "GRATUIT", "now": LATER},
        error="pricing.promo_unknown")
    document = {"access": WHOLE, "client": MARIE, "quote": quote, "establishment": CAMPING, "locale": None, "letterhead": None}
    vec("she reads her quote as a PDF, with the hash of its bytes that she will sign", "portal.quote_document", document)
    vec("she reads it in Spanish: other bytes, another hash", "portal.quote_document", {**document, "locale": "es"})
    vec("a link to another quote does not show its PDF", "portal.quote_document",
        {**document, "access": OTHER_QUOTE_LINK}, error="portal.not_found")
    sha = call("portal.quote_document", document)["ok"]["sha256"]
    signature = {"document_sha256": sha, "signer_name": "Marie Dupont", "signer_email": "marie.dupont@example.fr",
                 "consent_text": "J’accepte le devis et les conditions générales de vente.",
                 "ip": "203.0.113.7", "user_agent": "Mozilla/5.0"}
    accept = {"access": WHOLE, "client": MARIE, "quote": quote, "stay": STAY, "acceptance": signature,
              "establishment": CAMPING, "letterhead": None, "now": LATER}
    vec("she signs the PDF she read: the stay is confirmed, the event names the PDF's hash, the PDF and its evidence come back",
        "portal.accept_quote", accept)
    vec("the hash of the French PDF does not sign the Spanish one", "portal.accept_quote",
        {**accept, "acceptance": {**signature, "locale": "es"}}, error="quote.changed")
    vec("a quote cannot be accepted after its validity", "portal.accept_quote",
        {**accept, "now": VALID_UNTIL}, error="quote.expired")
    changed = call("portal.change_quote_guests", {"access": WHOLE, "client": MARIE, "quote": quote, "catalogue": CATALOGUE,
                                                  "guests": guests, "now": LATER})["ok"]["quote"]
    vec("a quote changed since she read it cannot be accepted with the old hash", "portal.accept_quote",
        {**accept, "quote": changed}, error="quote.changed")
    vec("a quote accepted with another stay says so, naming both stays", "portal.accept_quote",
        {**accept, "stay": {**STAY, "reference": "298"}}, error="quote.stay_mismatch")
    changed_sha = call("portal.quote_document", {**document, "quote": changed})["ok"]["sha256"]
    vec("a quote for three is not confirmed on a stay naming two people", "portal.accept_quote",
        {**accept, "quote": changed, "acceptance": {**signature, "document_sha256": changed_sha}},
        error="quote.participants_missing")
    vec("when the quote's dates replace the stay's, the confirmation says so with both", "portal.accept_quote",
        {**accept, "stay": {**STAY, "arrival": "2026-07-10", "departure": "2026-07-24"}})
    accepted = call("portal.accept_quote", accept)["ok"]["acceptance"]["quote"]
    vec("a quote cannot be accepted twice", "portal.accept_quote",
        {**accept, "quote": accepted}, error="quote.already_accepted")
    # Her stay page re-prices the quote as she adds someone (friction 4), and the signature
    # gives the first invoice, due no earlier than the day she signed (frictions 10 and 11).
    lea = {"kind": "typed", "person": {"first_name": "Léa", "last_name": "Dupont", "birth_date": "2016-05-02"}}
    add_lea = {"access": WHOLE, "client": MARIE, "stay": STAY, "participant": lea, "now": LATER,
               "quote": quote, "catalogue": CATALOGUE}
    vec("she adds her daughter on her stay page: the stay and its quote, re-priced, come back together",
        "portal.add_participant", add_lea)
    done = call("portal.add_participant", add_lea)["ok"]
    repriced_sha = call("portal.quote_document", {**document, "quote": done["quote"]})["ok"]["sha256"]
    vec("with the quote re-priced as she added her daughter, she signs for the three of them", "portal.accept_quote",
        {**accept, "quote": done["quote"], "stay": done["stay"],
         "acceptance": {**signature, "document_sha256": repriced_sha}})
    vec("a stay's quote is re-priced only with the catalogue it is priced from", "portal.add_participant",
        {k: v for k, v in add_lea.items() if k != "catalogue"}, error="input.invalid")
    days_later = {**accept, "now": "2026-03-04T09:00:00Z"}
    vec("signed three days after it was made, the quote's deposit invoice is due on the signature day",
        "portal.accept_quote", days_later)
    first = call("portal.accept_quote", days_later)["ok"]["first_invoice"]
    vec("the first invoice of a signed quote drafts as it comes", "invoice.draft", {"request": first})
    vec("another client's quote is not found", "portal.quote",
        {"access": {**WHOLE, "client_id": "C-2077"}, "client": {**MARIE, "id": "C-2077"}, "quote": quote, "now": LATER},
        error="portal.not_found")
    recorder.write(OUT)


if __name__ == "__main__":
    main()
