"""For a salon's client (seed 003): « Mes animaux », « Mes rendez-vous » and a new request."""

from __future__ import annotations

import secrets

import hospes
from flask import abort, flash, g, request

from .. import now, services
from ..i18n import t
from . import back, bp, form_text, log, page, refuse, signed_in


@bp.get("/pets")
@signed_in
def pets():  # type: ignore[no-untyped-def]
    """Her pets, read-only, species and breed in the salon's language, with their appointments."""
    with services().store.tx() as tx:
        appointments = tx.appointments_of(g.est_id, g.client["id"])
    shown = hospes.portal_pets(g.access, g.client, appointments, g.establishment.get("default_locale", "fr"))
    return page("guest/pets.html", pets=shown)


@bp.route("/appointments", methods=["GET", "POST"])
@signed_in
def appointments():  # type: ignore[no-untyped-def]
    """Her appointments, past and upcoming, and the form to ask for a new one."""
    schedule = g.est.get("schedule")
    if schedule is None:
        abort(404)
    with services().store.tx() as tx:
        if request.method == "POST":
            asked = {"pet": form_text("pet") or "", "start": form_text("start") or "",
                     "end": form_text("end"), "comment": form_text("comment")}
            try:
                done = hospes.portal_request_appointment(g.access, g.client, schedule, g.establishment["time_zone"],
                                                         "RDV-" + secrets.token_hex(4).upper(), asked, now())
            except hospes.HospesError as err:
                refuse(err)
            else:
                tx.save_appointment(g.est_id, done["appointment"])
                log(tx, f"client:{g.client['id']}", done["events"])
                flash(t("appointment_requested"), "ok")
                return back("guest.appointments")
        mine = hospes.guest_appointments(g.access, g.client, tx.appointments_of(g.est_id, g.client["id"]))
    return page("guest/appointments.html", appointments=sorted(mine, key=lambda a: a["start"], reverse=True),
                pets=g.client.get("pets", []), form=request.form)


@bp.post("/appointments/<appointment_id>/cancel")
@signed_in
def cancel_appointment(appointment_id: str):  # type: ignore[no-untyped-def]
    with services().store.tx() as tx:
        found = tx.appointment(g.est_id, appointment_id)
        if found is None:
            abort(404)
        try:
            done = hospes.cancel_appointment(g.access, g.client, found, g.establishment["time_zone"], now())
        except hospes.HospesError as err:
            refuse(err)
        else:
            tx.save_appointment(g.est_id, done["appointment"])
            log(tx, f"client:{g.client['id']}", done["events"])
            flash(t("appointment_cancelled"), "ok")
    return back("guest.appointments")
