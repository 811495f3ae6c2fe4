"""For a salon's client (seed 003): « Mes animaux », « Mes rendez-vous » and a new request."""

from __future__ import annotations

import secrets

import hospes
from flask import abort, flash, request
from flask.typing import ResponseReturnValue

from .. import now, services
from ..i18n import t
from . import back, bp, form_text, log, me, page, place, refuse, signed_in


@bp.get("/pets")
@signed_in
def pets() -> ResponseReturnValue:
    """Her pets, read-only, species and breed in the salon's language, with their appointments."""
    est, guest = place(), me()
    with services().store.read() as tx:
        appointments = tx.appointments_of(est.id, guest.client["id"])
    shown = hospes.portal_pets(guest.access, guest.client, appointments, est.record.get("default_locale", "fr"))
    return page("guest/pets.html", pets=shown)


@bp.route("/appointments", methods=["GET", "POST"])
@signed_in
def appointments() -> ResponseReturnValue:
    """Her appointments, past and upcoming, and the form to ask for a new one."""
    est, guest = place(), me()
    schedule = est.schedule
    if schedule is None:
        abort(404)
    with services().store.tx() as tx:
        if request.method == "POST":
            asked: hospes.AppointmentRequest = {"pet": form_text("pet") or "", "start": form_text("start") or "",
                                                "end": form_text("end"), "comment": form_text("comment")}
            try:
                done = hospes.portal_request_appointment(guest.access, guest.client, schedule, est.record["time_zone"],
                                                         "RDV-" + secrets.token_hex(4).upper(), asked, now())
            except hospes.HospesError as err:
                refuse(err)
            else:
                tx.save_appointment(est.id, done["appointment"])
                log(tx, f"client:{guest.client['id']}", done["events"])
                flash(t("appointment_requested"), "ok")
                return back("guest.appointments")
        mine = hospes.guest_appointments(guest.access, guest.client, tx.appointments_of(est.id, guest.client["id"]))
    return page("guest/appointments.html", appointments=sorted(mine, key=lambda a: a["start"], reverse=True),
                pets=guest.client.get("pets", []), form=request.form)


@bp.post("/appointments/<appointment_id>/cancel")
@signed_in
def cancel_appointment(appointment_id: str) -> ResponseReturnValue:
    est, guest = place(), me()
    with services().store.tx() as tx:
        found = tx.appointment(est.id, appointment_id)
        if found is None:
            abort(404)
        try:
            done = hospes.cancel_appointment(guest.access, guest.client, found, est.record["time_zone"], now())
        except hospes.HospesError as err:
            refuse(err)
        else:
            tx.save_appointment(est.id, done["appointment"])
            log(tx, f"client:{guest.client['id']}", done["events"])
            flash(t("appointment_cancelled"), "ok")
    return back("guest.appointments")
