"""Writes tests/vectors/portal.json: the client space's views and actions, and its isolation.

    PYTHONPATH=bindings-python/python python tests/vectors/make_portal_vectors.py

The outputs are computed by hospes and then frozen: review the diff of portal.json by eye.
"""

import json
from pathlib import Path

from vectorgen import Recorder, call

OUT = Path(__file__).with_name("portal.json")
DATA = Path(__file__).parents[2] / "core/tests/data"
BILLING = json.loads((DATA / "invoicing.json").read_text(encoding="utf-8"))
SALON = json.loads((DATA / "appointments.json").read_text(encoding="utf-8"))
NOW = "2026-06-01T10:00:00Z"
TODAY = "2026-06-01"
CAMPING = {"id": "camping-des-pins", "name": "Camping des Pins", "phone": "+33558091234",
           "website": "https://camping-des-pins.fr/",
           "address": {"lines": ["12 chemin des Pins"], "postcode": "40200", "city": "Mimizan", "country": "FR"},
           "opening_periods": [{"first_day": "2026-04-04", "last_day": "2026-09-27"}],
           "currency": "EUR", "time_zone": "Europe/Paris", "portal_base_url": "https://portail.camping-des-pins.fr/"}
MARIE = {"id": "C-1042", "civility": "mrs", "last_name": "Dupont", "first_name": "Marie",
         "email": "marie.dupont@example.fr", "notes": "Client fidèle — never shown to her",
         "created_at": "2024-05-02T14:10:00Z",
         "companions": [{"first_name": "Paul", "last_name": "Dupont", "birth_date": "1983-11-20"}]}
WHOLE = {"client_id": "C-1042", "purpose": None, "subject": None}
CONTRACT_LINK = {"client_id": "C-1042", "purpose": "contract", "subject": "28"}


def stay(reference, client_id, arrival, departure, status, documents=(), participants=()):
    return {"reference": reference, "client_id": client_id, "accommodation": "Emplacement grand confort",
            "arrival": arrival, "departure": departure, "status": status, "currency": "EUR",
            "participants": list(participants), "documents": list(documents),
            "lines": [{"label": "Emplacement, 7 nuits", "quantity": "7",
                       "unit_price": {"amount": "38.50", "currency": "EUR"}, "vat_rate": "10"}]}


STAYS = [
    stay("312", "C-1042", "2026-07-11", "2026-07-18", "confirmed",
         documents=[{"kind": "contract", "number": "28"}, {"kind": "invoice", "number": "FA26070012"}]),
    stay("298", "C-1042", "2025-08-01", "2025-08-08", "completed",
         participants=[{"first_name": "Paul", "last_name": "Dupont", "birth_date": "1983-11-20"}]),
    stay("330", "C-1042", "2026-08-15", "2026-08-22", "option"),
    stay("401", "C-2001", "2026-07-04", "2026-07-11", "confirmed"),
]



def guest_operations(vec):
    """Her own actions on stay 312, its invoices and her pitch (core/tests/data/invoicing.json),
    and on nobody else's: every record must be hers and within what her access opens."""
    her, stay, policy = BILLING["client"], BILLING["stay"], BILLING["cancellation"]
    deposit, paid, residency = BILLING["deposit_invoice"], BILLING["deposit_payment"], BILLING["residency"]
    jeans = {**deposit, "number": "FA26030043",
             "customer": {**deposit["customer"], "client_id": "C-2001", "name": "Jean Martin"}}
    jeans_payment = {**paid, "key": "pay_7Jm", "invoice_number": "FA26030043", "provider_reference": "pay_7Jm"}
    theirs = {**stay, "client_id": "C-2001"}
    invoice_link = {"client_id": "C-1042", "purpose": "invoice", "subject": "FA26030042"}

    preview = {"access": WHOLE, "client": her, "stay": stay, "policy": policy, "invoices": [deposit, jeans],
               "payments": [paid, jeans_payment], "time_zone": "Europe/Paris", "now": NOW}
    vec("she previews cancelling her stay: the deposit is kept, another client's invoice is not counted",
        "portal.cancellation_preview", preview)
    vec("she cannot preview the cancellation of another client's stay", "portal.cancellation_preview",
        {**preview, "stay": theirs}, error="portal.not_found")
    cancel = {**preview, "confirmation": {"shown_refund": {"amount": "0.00", "currency": "EUR"},
                                          "invoice_series": {"pattern": "FA{yy}{mm}{seq:04}", "last": "FA26050007"},
                                          "credit_note_series": {"pattern": "AV{yy}{mm}{seq:04}"}}}
    vec("she cancels her stay as shown: only her invoice is credited", "portal.cancel_stay", cancel)
    vec("a link to another of her stays does not cancel this one", "portal.cancel_stay",
        {**cancel, "access": {"client_id": "C-1042", "purpose": "booking_edit", "subject": "330"}},
        error="portal.not_found")

    authorise = {"access": WHOLE, "client": her, "residency": residency,
                 "persons": [{"first_name": "Paul", "last_name": "Dupont"},
                             {"first_name": "Jeanne", "last_name": "Martin"}],
                 "now": "2027-01-05T10:00:00Z"}
    vec("the resident names who may stay on her pitch", "portal.set_authorised", authorise)
    vec("another resident's pitch is not found", "portal.set_authorised",
        {**authorise, "residency": {**residency, "client_id": "C-2001"}}, error="portal.not_found")
    year = {"access": WHOLE, "client": her, "reference": "R-2027-A12",
            "residencies": [residency, {**residency, "reference": "R-2027-B03", "client_id": "C-2001"}]}
    vec("the resident sees her year on the pitch and its rent schedule", "portal.residency", year)
    vec("another resident's year is not found", "portal.residency", {**year, "reference": "R-2027-B03"},
        error="portal.not_found")

    edit_policy = {"fields": [{"field": "participants", "days_before_arrival": 7},
                              {"field": "arrival_time", "days_before_arrival": 1, "at": "18:00"}]}
    window = {"access": {"client_id": "C-1042", "purpose": "booking_edit", "subject": "312"}, "client": her,
              "policy": edit_policy, "stays": [stay, {**theirs, "reference": "401"}], "reference": "312",
              "time_zone": "Europe/Paris", "now": "2026-07-01T10:00:00Z"}
    vec("her booking_edit link shows what she may still change on its stay", "portal.edit_window", window)
    vec("another client's stay has no edit window for her", "portal.edit_window", {**window, "reference": "401"},
        error="portal.not_found")

    balance = {"access": WHOLE, "client": her, "stay": stay, "invoices": [deposit, jeans],
               "payments": [paid, jeans_payment], "online_payment": True}
    vec("her stay page shows what is left to pay and what « Payer » pays now, from her documents only",
        "portal.stay_payment", balance)
    vec("without online payment there is no « Payer »", "portal.stay_payment", {**balance, "online_payment": False})
    vec("another client's stay has no balance for her", "portal.stay_payment", {**balance, "stay": theirs},
        error="portal.not_found")

    download = {"access": invoice_link, "client": her, "invoice": deposit}
    vec("an invoice link downloads its own invoice, as the business prints it", "portal.invoice_pdf", download,
        sha256=True)
    vec("the guest downloads the e-invoice of a Factur-X series: the Factur-X PDF, the invoice itself",
        "portal.invoice_pdf", {**download, "invoice": {**deposit, "factur_x": {}}}, sha256=True)
    vec("an invoice link does not download another invoice", "portal.invoice_pdf",
        {**download, "access": {**invoice_link, "subject": "FA26060001"}}, error="portal.not_found")
    vec("another client's invoice is never downloaded", "portal.invoice_pdf",
        {"access": WHOLE, "client": her, "invoice": jeans}, error="portal.not_found")
    vec("a draft is never downloaded", "portal.invoice_pdf",
        {"access": WHOLE, "client": her, "invoice": {**deposit, "status": "draft", "number": None}},
        error="portal.not_found")

    ask = {"access": WHOLE, "client": SALON["client"], "schedule": SALON["schedule"], "time_zone": "Europe/Paris",
           "id": "RDV-502", "request": {"pet": "Filou", "start": "2026-06-05T14:00", "comment": "Toilettage complet"},
           "now": "2026-06-01T08:00:00Z"}
    vec("she asks for an appointment for her dog", "portal.request_appointment", ask)
    vec("a link to one invoice does not open the appointment requests", "portal.request_appointment",
        {**ask, "access": invoice_link}, error="portal.not_found")

    requested = SALON["requested"]
    seen = [requested,
            {**requested, "id": "RDV-430", "pet": "Praline", "start": "2026-04-07T09:30", "end": "2026-04-07T11:00",
             "status": "confirmed"},
            {**requested, "id": "RDV-470", "start": "2026-05-12T09:30", "end": "2026-05-12T11:00",
             "status": "cancelled"},
            {**requested, "id": "RDV-777", "client_id": "C-2077", "pet": "Filou", "status": "confirmed"}]
    pets = {"access": WHOLE, "client": SALON["client"], "appointments": seen, "locale": "es"}
    vec("« Mes animaux » lists her pets with species and breed in the salon's language", "portal.pets", pets)
    vec("a breed not in the catalogue is shown as typed", "portal.pets",
        {**pets, "client": {**SALON["client"], "pets": [{"name": "Filou", "species": "chien",
                                                          "breed": "Croisé griffon"}]}, "locale": "en"})
    vec("a link to one invoice does not open the pets page", "portal.pets",
        {**pets, "access": invoice_link}, error="portal.not_found")


def main():
    recorder = Recorder()
    vec = recorder.vec

    vec("a portal link opens the whole space", "portal.access_from_link",
        {"claims": {"client_id": "C-1042", "purpose": "portal", "subject": None, "issued_at": NOW,
                    "expires_at": "2026-07-01T10:00:00Z", "token_id": "5d8e435ae1637f7747d88b5379e97f4e"}})
    vec("a login opens the whole space", "portal.access_from_login",
        {"login": {"client_id": "C-1042", "upgraded_hash": None}})
    vec("the home shows the establishment, what to complete and only her upcoming stays", "portal.home",
        {"access": WHOLE, "client": MARIE, "establishment": CAMPING, "stays": STAYS, "locale": None, "today": TODAY})
    welcome = {**CAMPING, "presentation": {"fr": "Bienvenue au Camping des Pins, à 300 m de l’océan.",
                                           "es": "Bienvenidos al Camping des Pins, a 300 m del océano."}}
    vec("the home greets her with the presentation message in the page's language", "portal.home",
        {"access": WHOLE, "client": MARIE, "establishment": welcome, "stays": STAYS, "locale": "es", "today": TODAY})
    vec("a message not written in English is shown in the establishment's language", "portal.home",
        {"access": WHOLE, "client": MARIE, "establishment": welcome, "stays": STAYS, "locale": "en", "today": TODAY})
    vec("the history separates upcoming and past stays", "portal.history",
        {"access": WHOLE, "client": MARIE, "stays": STAYS, "today": TODAY})
    vec("the stay screen shows totals, documents and former companions", "portal.stay",
        {"access": WHOLE, "client": MARIE, "stays": STAYS, "reference": "312"})
    vec("another client's stay is not found, never forbidden", "portal.stay",
        {"access": WHOLE, "client": MARIE, "stays": STAYS, "reference": "401"}, error="portal.not_found")
    vec("a contract link opens the stay of its contract", "portal.stay",
        {"access": CONTRACT_LINK, "client": MARIE, "stays": STAYS, "reference": "312"})
    vec("a contract link does not open her other stays", "portal.stay",
        {"access": CONTRACT_LINK, "client": MARIE, "stays": STAYS, "reference": "330"}, error="portal.not_found")
    vec("a contract link does not open the home", "portal.home",
        {"access": CONTRACT_LINK, "client": MARIE, "establishment": CAMPING, "stays": STAYS, "locale": None,
         "today": TODAY}, error="portal.not_found")
    vec("a space cannot be opened on another client's record", "portal.history",
        {"access": {**WHOLE, "client_id": "C-2001"}, "client": MARIE, "stays": STAYS, "today": TODAY},
        error="portal.not_found")
    vec("her details form never shows the business's notes", "portal.personal_info",
        {"access": WHOLE, "client": MARIE})
    vec("she adds her mobile number from the portal", "portal.update_personal_info",
        {"access": WHOLE, "client": MARIE, "details": {"civility": "mrs", "last_name": "Dupont", "first_name": "Marie",
                                                       "email": "marie.dupont@example.fr", "mobile": "06 12 34 56 78"},
         "policy": {"locked": ["email"]}, "establishment": CAMPING, "now": NOW})
    vec("she picks a former companion for her July stay", "portal.add_participant",
        {"access": WHOLE, "client": MARIE, "stay": STAYS[0], "participant": {"kind": "former", "index": 0}, "now": NOW})
    vec("she types a new companion, who is remembered for next time", "portal.add_participant",
        {"access": WHOLE, "client": MARIE, "stay": STAYS[2],
         "participant": {"kind": "typed", "person": {"first_name": "Léa", "last_name": "Dupont", "birth_date": "2016-05-02"}},
         "now": NOW})
    vec("a former companion that does not exist is not found", "portal.add_participant",
        {"access": WHOLE, "client": MARIE, "stay": STAYS[0], "participant": {"kind": "former", "index": 5}, "now": NOW},
        error="portal.not_found")
    vec("participants of a finished stay cannot change", "portal.remove_participant",
        {"access": WHOLE, "client": MARIE, "stay": STAYS[1], "index": 0, "now": NOW}, error="stay.not_editable")
    vec("she cannot add someone to another client's stay", "portal.add_participant",
        {"access": WHOLE, "client": MARIE, "stay": STAYS[3], "participant": {"kind": "former", "index": 0}, "now": NOW},
        error="portal.not_found")
    with_paul = call("portal.add_participant", {"access": WHOLE, "client": MARIE, "stay": STAYS[0],
                                                "participant": {"kind": "former", "index": 0}, "now": NOW})["ok"]["stay"]
    vec("she removes a participant", "portal.remove_participant",
        {"access": WHOLE, "client": MARIE, "stay": with_paul, "index": 0, "now": NOW})
    # The booking page's rule for the participants, on the stay page too (friction 3).
    pick = {"access": WHOLE, "client": MARIE, "stay": STAYS[0], "participant": {"kind": "former", "index": 0}, "now": NOW}
    policy = {"fields": [{"field": "participants", "days_before_arrival": 7}]}
    rules = {"policy": policy, "time_zone": "Europe/Paris", "request_id": "REQ-41"}
    vec("before the participants deadline, the companion she picks joins her stay at once", "portal.add_participant",
        {**pick, **rules})
    vec("past the participants deadline, the companion she picks becomes a request for the campsite",
        "portal.add_participant", {**pick, **rules, "now": "2026-07-05T10:00:00Z"})
    vec("past the participants deadline, removing someone is a request too", "portal.remove_participant",
        {"access": WHOLE, "client": MARIE, "stay": with_paul, "index": 0, "now": "2026-07-05T10:00:00Z", **rules})
    vec("a policy that does not offer the participants lets her change none", "portal.add_participant",
        {**pick, **rules, "policy": {"fields": [{"field": "notes", "days_before_arrival": 1}]}},
        error="booking.field_not_editable")
    vec("a policy without the request id of a late change is the host's mistake", "portal.add_participant",
        {**pick, "policy": policy, "time_zone": "Europe/Paris"}, error="input.invalid")
    guest_operations(vec)
    recorder.write(OUT)


if __name__ == "__main__":
    main()
