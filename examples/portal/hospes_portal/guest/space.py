"""Her space: the home (establishment header, presentation, details to complete, upcoming stays),
« Mes infos » and the history of her stays and quotes."""

from __future__ import annotations

from typing import Dict, List, Sequence

import hospes
from flask import flash, request
from flask.typing import ResponseReturnValue

from .. import now, services
from ..i18n import current_locale, t
from . import back, bp, form_text, log, me, page, place, refuse, signed_in, signed_in_guest, today
from .access import land

#: « Mes infos »: the form's fields, in order (address parts apart).
FIELDS = ["civility", "first_name", "last_name", "company", "landline", "mobile", "email", "preferred_locale"]


@bp.get("/")
def home() -> ResponseReturnValue:
    """The space's home; with `?t=`, the landing of a portal link."""
    if "t" in request.args:
        return land("portal")
    if signed_in_guest() is None:
        return back("guest.login")
    est, guest = place(), me()
    with services().store.read() as tx:
        stays = tx.stays_of(est.id, guest.client["id"])
        quotes = _open_quotes(tx.quotes_of(est.id, guest.client["id"]))
        residencies = tx.residencies_of(est.id, guest.client["id"])
    shown = hospes.portal_home(guest.access, guest.client, est.record, stays, current_locale(), today())
    return page("guest/home.html", home=shown, quotes=quotes, residencies=residencies)


def _open_quotes(quotes: Sequence[hospes.Quote]) -> Dict[str, hospes.Quote]:
    """Quotes by stay reference, for the « option » stays listed."""
    return {q["stay_reference"]: q for q in quotes}


@bp.get("/stays")
@signed_in
def history() -> ResponseReturnValue:
    est, guest = place(), me()
    with services().store.read() as tx:
        stays = tx.stays_of(est.id, guest.client["id"])
        quotes = _open_quotes(tx.quotes_of(est.id, guest.client["id"]))
    shown = hospes.portal_history(guest.access, guest.client, stays, today())
    return page("guest/history.html", history=shown, quotes=quotes)


@bp.route("/infos", methods=["GET", "POST"])
@signed_in
def infos() -> ResponseReturnValue:
    """« Mes infos »: her details, the locked ones read-only, the missing ones pointed out."""
    est, guest = place(), me()
    policy = est.update_policy
    if request.method == "POST":
        details = _details_from_form(hospes.portal_personal_info(guest.access, guest.client), policy.get("locked", []))
        with services().store.tx() as tx:
            try:
                done = hospes.portal_update_personal_info(guest.access, guest.client, details, policy, est.record, now())
            except hospes.HospesError as err:
                refuse(err)
                return _infos_page(details), 400
            tx.save_client(est.id, done["client"], now())
            log(tx, f"client:{guest.client['id']}", done["events"])
        flash(t("infos_saved") if done["events"] else t("nothing_changed"), "ok")
        return back("guest.infos")
    return _infos_page(hospes.portal_personal_info(guest.access, guest.client))


def _infos_page(details: hospes.GuestDetails) -> str:
    return page("guest/infos.html", details=details, locked=place().update_policy.get("locked", []),
                missing=hospes.missing_client_details(me().client))


def _details_from_form(current: hospes.GuestDetails, locked: List[hospes.ClientField]) -> hospes.GuestDetails:
    """The posted form as hospes's `GuestDetails` (its text read as hospes reads a stored record:
    a civility or language it does not know is refused by the call, with its message); locked
    fields keep their value on file."""
    form: Dict[str, object] = {name: form_text(name) for name in FIELDS}
    form["address"] = {
        "lines": [line for line in (form_text("address_line1"), form_text("address_line2")) if line],
        "postcode": form_text("postcode"), "city": form_text("city"), "country": form_text("country")}
    plates = form_text("licence_plates") or ""
    form["licence_plates"] = [p.strip() for p in plates.split(",") if p.strip()]
    details = hospes.from_wire("GuestDetails", form)
    for field in locked:
        details[field] = current.get(field)
    return details
