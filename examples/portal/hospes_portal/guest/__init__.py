"""The guest side: one blueprint under `/<establishment id>/`, its pages in the modules beside.

Every request loads the establishment and, when signed in, the guest's `PortalAccess` and client
record; every view and action then goes through hospes's `portal_*` functions with that access —
a record named in the URL that is not hers is `portal.not_found`, answered 404 exactly like one
that does not exist.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any, Callable, Dict, Optional, ParamSpec, Sequence
from zoneinfo import ZoneInfo

import hospes
from flask import Blueprint, abort, flash, g, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue
from werkzeug.wrappers import Response

from .. import now, services
from ..db import EstablishmentRow, Tx
from ..i18n import as_locale, current_locale

bp = Blueprint("guest", __name__, url_prefix="/<est_id>")

P = ParamSpec("P")


@dataclass(frozen=True)
class Guest:
    """The signed-in guest: what her session opens, and her record as stored now."""

    access: hospes.PortalAccess
    client: hospes.Client


def place() -> EstablishmentRow:
    """The establishment of the URL (`/<est_id>/…`), loaded for every guest request."""
    found = g.get("est")
    if not isinstance(found, EstablishmentRow):
        abort(404)
    return found


def signed_in_guest() -> Optional[Guest]:
    """The guest signed in here, if any."""
    found = g.get("guest")
    return found if isinstance(found, Guest) else None


def me() -> Guest:
    """The signed-in guest (pages under `signed_in`)."""
    found = signed_in_guest()
    if found is None:
        abort(404)
    return found


@bp.url_value_preprocessor
def _pull_establishment(_endpoint: Optional[str], values: Optional[Dict[str, object]]) -> None:
    g.est_id = (values or {}).pop("est_id", None)


@bp.url_defaults
def _push_establishment(_endpoint: str, values: Dict[str, object]) -> None:
    if "est_id" not in values and getattr(g, "est_id", None):
        values["est_id"] = g.est_id


@bp.before_request
def _load_guest() -> None:
    """The establishment, and the guest's access and record when her session is for it (kept on
    `g` for the templates too: `g.est`, `g.establishment`, `g.client`)."""
    est_id = g.est_id
    if not isinstance(est_id, str):
        abort(404)
    with services().store.read() as tx:
        est = tx.establishment(est_id)
        if est is None:
            abort(404)
        g.est, g.establishment = est, est.record
        g.guest, g.access, g.client = None, None, None
        held = session.get("guest")
        if held and held.get("est") == est_id:
            access: hospes.PortalAccess = held["access"]
            client = tx.client_in(est_id, access["client_id"])
            # A session opened by a link ends when the client's links are revoked.
            if client is not None and held.get("link_version", client.get("link_version", 0)) == client.get("link_version", 0):
                g.guest, g.access, g.client = Guest(access, client), access, client
            else:
                session.pop("guest", None)
    if not session.get("locale"):
        client_locale = None if g.client is None else g.client.get("preferred_locale")
        g.locale = as_locale(client_locale or est.record.get("default_locale"))


@bp.errorhandler(hospes.PortalError)
def _not_hers(err: hospes.PortalError) -> ResponseReturnValue:
    """Another client's record, or one outside what her link opens: not found, never forbidden."""
    return render_template("error.html", message=err.message_in(current_locale())), 404


def signed_in(view: Callable[P, ResponseReturnValue]) -> Callable[P, ResponseReturnValue]:
    """The page needs a guest session; without one, the login page (and back here after)."""
    @functools.wraps(view)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> ResponseReturnValue:
        if signed_in_guest() is None:
            return redirect(url_for("guest.login"))
        return view(*args, **kwargs)
    return wrapper


def whole_space() -> bool:
    """Whether her session opens the whole space (a portal link or a login), for the menu."""
    found = signed_in_guest()
    return found is not None and found.access.get("purpose") in (None, "portal")


def today() -> dt.date:
    """Today on the establishment's calendar."""
    return now().astimezone(ZoneInfo(place().record["time_zone"])).date()


def refuse(err: hospes.HospesError) -> None:
    """Shows hospes's message in her language; a record that is not hers stays a 404."""
    if isinstance(err, hospes.PortalError):
        raise err
    flash(err.message_in(current_locale()), "error")


def log(tx: Tx, stream: str, events: Sequence[hospes.Event]) -> None:
    """Appends the events to the stream's hash-linked log."""
    tx.append_events(place().id, stream, events)


def page(template: str, **context: object) -> str:
    """Renders a guest page with what every page shows (the menu, her name)."""
    return render_template(template, whole_space=whole_space(), **context)


def back(endpoint: str, **values: Any) -> Response:
    """Redirect after a POST (303: the browser GETs the page again). `values` are the URL's, as
    `url_for` takes them."""
    return redirect(url_for(endpoint, **values), code=303)


def form_text(name: str) -> Optional[str]:
    """A form field, trimmed; None when empty."""
    value = (request.form.get(name) or "").strip()
    return value or None


from . import access, documents, salon, space, stays  # noqa: E402,F401  (register the pages)
