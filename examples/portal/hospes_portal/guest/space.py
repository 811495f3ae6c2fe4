"""Her space: the home (establishment header, presentation, details to complete, upcoming stays),
« Mes infos » and the history of her stays and quotes."""

from __future__ import annotations

from typing import Any, Dict, List

import hospes
from flask import flash, g, request

from .. import now, services
from ..db import Record
from ..i18n import t
from . import back, bp, form_text, log, page, refuse, signed_in, today
from .access import land

#: « Mes infos »: the form's fields, in order (address parts apart).
FIELDS = ["civility", "first_name", "last_name", "company", "landline", "mobile", "email", "preferred_locale"]


@bp.get("/")
def home():  # type: ignore[no-untyped-def]
    """The space's home; with `?t=`, the landing of a portal link."""
    if "t" in request.args:
        return land("portal")
    if g.access is None:
        return back("guest.login")
    with services().store.tx() as tx:
        stays = tx.stays_of(g.est_id, g.client["id"])
        quotes = _open_quotes(tx.quotes_of(g.est_id, g.client["id"]))
        residencies = tx.residencies_of(g.est_id, g.client["id"])
    shown = hospes.portal_home(g.access, g.client, g.establishment, stays, g.locale, today())
    return page("guest/home.html", home=shown, quotes=quotes, residencies=residencies)


def _open_quotes(quotes: List[Record]) -> Dict[str, Record]:
    """Quotes by stay reference, for the « option » stays listed."""
    return {q["stay_reference"]: q for q in quotes}


@bp.get("/stays")
@signed_in
def history():  # type: ignore[no-untyped-def]
    with services().store.tx() as tx:
        stays = tx.stays_of(g.est_id, g.client["id"])
        quotes = _open_quotes(tx.quotes_of(g.est_id, g.client["id"]))
    shown = hospes.portal_history(g.access, g.client, stays, today())
    return page("guest/history.html", history=shown, quotes=quotes)


@bp.route("/infos", methods=["GET", "POST"])
@signed_in
def infos():  # type: ignore[no-untyped-def]
    """« Mes infos »: her details, the locked ones read-only, the missing ones pointed out."""
    policy = g.est["update_policy"]
    if request.method == "POST":
        details = _details_from_form(hospes.portal_personal_info(g.access, g.client), policy.get("locked", []))
        with services().store.tx() as tx:
            try:
                done = hospes.portal_update_personal_info(g.access, g.client, details, policy, g.establishment, now())
            except hospes.HospesError as err:
                refuse(err)
                return _infos_page(details), 400
            tx.save_client(g.est_id, done["client"], now())
            log(tx, f"client:{g.client['id']}", done["events"])
        flash(t("infos_saved") if done["events"] else t("nothing_changed"), "ok")
        return back("guest.infos")
    return _infos_page(hospes.portal_personal_info(g.access, g.client))


def _infos_page(details: Record) -> str:
    locked = g.est["update_policy"].get("locked", [])
    return page("guest/infos.html", details=details, locked=locked,
                missing=hospes.missing_client_details(g.client))


def _details_from_form(current: Record, locked: List[str]) -> Record:
    """The posted form as hospes's `GuestDetails`; locked fields keep their value on file."""
    details: Dict[str, Any] = {name: form_text(name) for name in FIELDS}
    details["address"] = {
        "lines": [line for line in (form_text("address_line1"), form_text("address_line2")) if line],
        "postcode": form_text("postcode"), "city": form_text("city"), "country": form_text("country")}
    plates = form_text("licence_plates") or ""
    details["licence_plates"] = [p.strip() for p in plates.split(",") if p.strip()]
    for field in locked:
        details[field] = current.get(field)
    return details
