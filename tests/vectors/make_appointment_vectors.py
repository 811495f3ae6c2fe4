"""Writes the vectors of appointment requests: appointment.json.

    PYTHONPATH=bindings-python/python python tests/vectors/make_appointment_vectors.py

The outputs are computed by hospes and then frozen: review the diffs by eye.
"""

import json
from pathlib import Path

from vectorgen import Recorder, call

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
DATA = json.loads((ROOT / "core/tests/data/appointments.json").read_text(encoding="utf-8"))
SCHEDULE, MARIE, JEAN, REQUESTED = DATA["schedule"], DATA["client"], DATA["other_client"], DATA["requested"]
PARIS = "Europe/Paris"
WHOLE = {"client_id": "C-1042", "purpose": None, "subject": None}
JEANS = {"client_id": "C-2077", "purpose": None, "subject": None}
NOW = "2026-05-28T08:00:00Z"


def request(start, pet="Filou", end=None, comment="Coupe courte, merci."):
    return {"pet": pet, "start": start, "end": end, "comment": comment}


def ask(access, client, req, now=NOW):
    return {"access": access, "client": client, "schedule": SCHEDULE, "time_zone": PARIS, "id": "RDV-502",
            "request": req, "now": now}


def appointments(recorder):
    vec = recorder.vec
    vec("Marie asks for Filou's grooming on Friday morning", "appointment.request",
        ask(WHOLE, MARIE, request("2026-06-05T09:30")))
    vec("the pet's name is read as on the record, whatever its case", "appointment.request",
        ask(WHOLE, MARIE, request("2026-06-05T14:00", pet=" praline ", end="2026-06-05T15:00")))
    vec("a request for someone else's dog is refused", "appointment.request",
        ask(WHOLE, MARIE, request("2026-06-05T09:30", pet="Rex")), error="appointment.pet_unknown")
    vec("a request on a Monday, when the salon is closed, is refused", "appointment.request",
        ask(WHOLE, MARIE, request("2026-06-08T10:00")), error="appointment.day_closed")
    vec("a request on 14 July is refused", "appointment.request",
        ask(WHOLE, MARIE, request("2026-07-14T10:00")), error="appointment.day_closed")
    vec("a request running over the lunch break is refused", "appointment.request",
        ask(WHOLE, MARIE, request("2026-06-05T11:00")), error="appointment.outside_hours")
    vec("a request less than 24 hours ahead is refused", "appointment.request",
        ask(WHOLE, MARIE, request("2026-05-29T09:00")), error="appointment.too_soon")
    vec("a request more than 60 days ahead is refused", "appointment.request",
        ask(WHOLE, MARIE, request("2026-08-28T09:00")), error="appointment.too_far_ahead")
    vec("an end before the start is refused", "appointment.request",
        ask(WHOLE, MARIE, request("2026-06-05T10:00", end="2026-06-05T09:00")), error="appointment.period_invalid")
    vec("Marie sees her appointments, not Jean's", "appointment.for_guest",
        {"access": WHOLE, "client": MARIE,
         "appointments": [REQUESTED, {**REQUESTED, "id": "RDV-777", "client_id": "C-2077", "pet": "Rex"}]})
    vec("the salon confirms Filou's request", "appointment.confirm",
        {"appointment": REQUESTED, "time_zone": PARIS, "now": NOW})
    confirmed = call("appointment.confirm", {"appointment": REQUESTED, "time_zone": PARIS, "now": NOW})["ok"]
    vec("a confirmed appointment cannot be confirmed again", "appointment.confirm",
        {"appointment": confirmed["appointment"], "time_zone": PARIS, "now": NOW},
        error="appointment.transition_invalid")
    vec("the salon moves a confirmed appointment to the afternoon", "appointment.reschedule",
        {"appointment": confirmed["appointment"], "schedule": SCHEDULE, "time_zone": PARIS,
         "start": "2026-06-02T14:00", "end": None, "now": NOW})
    vec("the salon cannot move it to a closed Monday", "appointment.reschedule",
        {"appointment": confirmed["appointment"], "schedule": SCHEDULE, "time_zone": PARIS,
         "start": "2026-06-01T14:00", "end": None, "now": NOW}, error="appointment.day_closed")
    vec("the salon declines a request, with a reason", "appointment.decline",
        {"appointment": REQUESTED, "reason": "Complet ce jour-là", "now": NOW})
    vec("Marie cancels her appointment", "appointment.cancel",
        {"access": WHOLE, "client": MARIE, "appointment": REQUESTED, "time_zone": PARIS, "now": NOW})
    vec("Jean cannot cancel Marie's appointment: not found", "appointment.cancel",
        {"access": JEANS, "client": JEAN, "appointment": REQUESTED, "time_zone": PARIS, "now": NOW},
        error="portal.not_found")
    vec("free starts on Tuesday 2 June around Filou's request", "appointment.free_slots",
        {"schedule": SCHEDULE, "time_zone": PARIS, "day": "2026-06-02", "duration_minutes": None,
         "taken": [REQUESTED], "now": NOW})
    vec("a valid schedule is accepted", "appointment.check_schedule", {"schedule": SCHEDULE})
    vec("a schedule closing before it opens is refused", "appointment.check_schedule",
        {"schedule": {**SCHEDULE, "weekly_hours": [{"days": ["monday"],
                                                     "intervals": [{"opens": "18:00", "closes": "09:00"}]}]}},
        error="appointment.schedule_invalid")


def main():
    rec = Recorder()
    appointments(rec)
    rec.write(HERE / "appointment.json")


if __name__ == "__main__":
    main()
