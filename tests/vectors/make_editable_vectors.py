"""Writes the vectors of editable booking fields: editable.json.

    PYTHONPATH=bindings-python/python python tests/vectors/make_editable_vectors.py

The outputs are computed by hospes and then frozen: review the diffs by eye.
"""

import json
from pathlib import Path

from vectorgen import Recorder, call

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
DATA = json.loads((ROOT / "core/tests/data/invoicing.json").read_text(encoding="utf-8"))
MARIE, STAY = DATA["client"], DATA["stay"]
PARIS = "Europe/Paris"
WHOLE = {"client_id": "C-1042", "purpose": None, "subject": None}
OTHER = {"client_id": "C-2077", "purpose": None, "subject": None}
JEAN = {"id": "C-2077", "last_name": "Martin", "created_at": "2026-02-03T14:00:00Z"}
POLICY = {
    "fields": [
        {"field": "participants", "days_before_arrival": 7},
        {"field": "arrival_time", "days_before_arrival": 1, "at": "18:00"},
        {"field": "plate", "days_before_arrival": 2, "kind": "licence_plate",
         "labels": [{"locale": "fr", "text": "Plaque d'immatriculation"}, {"locale": "en", "text": "Licence plate"},
                    {"locale": "es", "text": "Matrícula"}]},
    ],
    "reminder": {"days_before_deadline": 3, "text": "Pensez à nous donner votre plaque !"},
}
# Arrival 11 July 2026: companions close at the end of 4 July in Paris, 22:00 UTC.
BEFORE, AFTER = "2026-07-04T21:59:59Z", "2026-07-04T22:00:01Z"
LEA = {"participants": [{"first_name": "Léa", "last_name": "Martin", "birth_date": "2016-05-02"}]}


def apply(change, now, access=WHOLE, client=MARIE):
    return {"access": access, "client": client, "policy": POLICY, "stay": STAY, "time_zone": PARIS,
            "change": change, "request_id": "REQ-1", "now": now}


def editables(recorder):
    vec = recorder.vec
    vec("a policy naming its fields is accepted", "editable.check_policy", {"policy": POLICY})
    vec("a custom field without a label is refused", "editable.check_policy",
        {"policy": {"fields": [{"field": "plate", "days_before_arrival": 2}]}}, error="booking.policy_invalid")
    vec("one second before the deadline: one second left for the companions", "editable.window",
        {"policy": POLICY, "stay": STAY, "time_zone": PARIS, "now": BEFORE})
    vec("one second after the deadline: companions closed, arrival time still open", "editable.window",
        {"policy": POLICY, "stay": STAY, "time_zone": PARIS, "now": AFTER})
    vec("a companion renamed one second before the deadline changes at once", "editable.apply", apply(LEA, BEFORE))
    vec("a companion renamed one second after the deadline becomes a request", "editable.apply", apply(LEA, AFTER))
    vec("a plate is upper-cased", "editable.apply",
        apply({"custom_fields": [{"key": "plate", "value": " ab-123-cd "}]}, BEFORE))
    vec("a change to a field that is not editable is refused", "editable.apply",
        apply({"notes": "Allergie aux arachides"}, BEFORE), error="booking.field_not_editable")
    vec("another client's stay is not found", "editable.apply", apply(LEA, BEFORE, OTHER, JEAN),
        error="portal.not_found")
    late = call("editable.apply", apply(LEA, AFTER))["ok"]["request"]
    vec("the business approves the late change", "editable.approve",
        {"request": late, "stay": STAY, "now": "2026-07-05T08:00:00Z"})
    vec("the business declines the late change", "editable.decline",
        {"request": late, "reason": "Liste déjà transmise", "now": "2026-07-05T08:00:00Z"})
    vec("no reminder before its day", "editable.reminders_due",
        {"policy": POLICY, "stays": [STAY], "time_zone": PARIS, "now": "2026-07-01T21:59:59Z"})
    vec("the reminder is due three days before the first deadline", "editable.reminders_due",
        {"policy": POLICY, "stays": [STAY], "time_zone": PARIS, "now": "2026-07-01T22:00:00Z"})
    at_nine = {**POLICY, "reminder": {**POLICY["reminder"], "at": "09:00"}}
    vec("a reminder set for nine is not due at 8:59 in Paris", "editable.reminders_due",
        {"policy": at_nine, "stays": [STAY], "time_zone": PARIS, "now": "2026-07-01T06:59:59Z"})
    vec("a reminder set for nine goes out at nine, Paris time", "editable.reminders_due",
        {"policy": at_nine, "stays": [STAY], "time_zone": PARIS, "now": "2026-07-01T07:00:00Z"})
    vec("a manual re-send has its own key", "editable.resend",
        {"policy": POLICY, "stay": STAY, "time_zone": PARIS, "now": "2026-07-02T10:00:00Z"})
    vec("a re-send once every deadline passed is refused", "editable.resend",
        {"policy": POLICY, "stay": STAY, "time_zone": PARIS, "now": "2026-07-10T16:00:01Z"},
        error="booking.nothing_editable")
    reminder = call("editable.resend", {"policy": POLICY, "stay": STAY, "time_zone": PARIS,
                                        "now": "2026-07-02T10:00:00Z"})["ok"]
    for locale in ("fr", "en", "es"):
        vec(f"the reminder's fields as the mail shows them in {locale}", "editable.mail_edit",
            {"reminder": reminder, "policy": POLICY, "locale": locale})
    mail = {"name": "reminder", "versions": [
        {"locale": "fr", "subject": "Plus que [TEMPS_RESTANT] pour modifier votre réservation",
         "html": "<p>[TEXTE_RAPPEL]</p><p>Vous pouvez modifier jusqu'au [DATE_LIMITE_MODIF] : "
                 "{{ edit.fields | join(sep=\", \") }}.</p><p><a href=\"[LIEN_MODIF_RESA]\">Modifier</a></p>"}]}
    edit = call("editable.mail_edit", {"reminder": reminder, "policy": POLICY, "locale": "fr"})["ok"]
    vec("the reminder mail, with the business's own text and the time remaining", "mail.render",
        {"template": mail, "context": {"establishment": DATA["establishment"], "client": MARIE, "stay": STAY,
                                       "edit": edit, "links": {"booking_edit": "https://portail.camping-des-pins.fr/booking?t=x"}}})


def main():
    rec = Recorder()
    editables(rec)
    rec.write(HERE / "editable.json")


if __name__ == "__main__":
    main()
