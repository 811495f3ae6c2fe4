"""The guest side: one blueprint under `/<establishment id>/`, its pages in the modules beside.

Every request loads the establishment and, when signed in, the guest's `PortalAccess` and client
record; every view and action then goes through hospes's `portal_*` functions with that access —
a record named in the URL that is not hers is `portal.not_found`, answered 404 exactly like one
that does not exist.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any, Callable, Dict, List, Optional, TypeVar
from zoneinfo import ZoneInfo

import hospes
from flask import Blueprint, abort, flash, g, redirect, render_template, request, session, url_for

from .. import now, services
from ..db import Record, Tx

bp = Blueprint("guest", __name__, url_prefix="/<est_id>")

F = TypeVar("F", bound=Callable[..., Any])


@bp.url_value_preprocessor
def _pull_establishment(_endpoint: Optional[str], values: Optional[Dict[str, Any]]) -> None:
    g.est_id = (values or {}).pop("est_id", None)


@bp.url_defaults
def _push_establishment(_endpoint: str, values: Dict[str, Any]) -> None:
    if "est_id" not in values and getattr(g, "est_id", None):
        values["est_id"] = g.est_id


@bp.before_request
def _load_guest() -> None:
    """The establishment, and the guest's access and record when her session is for it."""
    with services().store.tx() as tx:
        est = tx.establishment(g.est_id)
        if est is None:
            abort(404)
        g.est, g.establishment = est, est["record"]
        g.access, g.client = None, None
        held = session.get("guest")
        if held and held.get("est") == g.est_id:
            client = tx.client_in(g.est_id, held["access"]["client_id"])
            # A session opened by a link ends when the client's links are revoked.
            if client is not None and held.get("link_version", client.get("link_version", 0)) == client.get("link_version", 0):
                g.access, g.client = held["access"], client
            else:
                session.pop("guest", None)
    if not session.get("locale"):
        g.locale = (g.client or {}).get("preferred_locale") or g.establishment.get("default_locale") or "fr"


@bp.errorhandler(hospes.PortalError)
def _not_hers(err: hospes.PortalError):  # type: ignore[no-untyped-def]
    """Another client's record, or one outside what her link opens: not found, never forbidden."""
    return render_template("error.html", message=err.message_in(g.locale)), 404


def signed_in(view: F) -> F:
    """The page needs a guest session; without one, the login page (and back here after)."""
    @functools.wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if g.access is None:
            return redirect(url_for("guest.login"))
        return view(*args, **kwargs)
    return wrapper  # type: ignore[return-value]


def whole_space() -> bool:
    """Whether her session opens the whole space (a portal link or a login), for the menu."""
    return g.access is not None and g.access.get("purpose") in (None, "portal")


def today() -> dt.date:
    """Today on the establishment's calendar."""
    return now().astimezone(ZoneInfo(g.establishment["time_zone"])).date()


def refuse(err: hospes.HospesError) -> None:
    """Shows hospes's message in her language; a record that is not hers stays a 404."""
    if isinstance(err, hospes.PortalError):
        raise err
    flash(err.message_in(g.locale), "error")


def log(tx: Tx, stream: str, events: List[Record]) -> None:
    """Appends the events to the stream's hash-linked log."""
    tx.append_events(g.est_id, stream, events)


def stream_of(record: Record) -> str:
    """The log a record's events go to: its stay's, else its client's."""
    reference = record.get("stay_reference") or record.get("reference")
    return f"stay:{reference}" if reference else f"client:{g.access['client_id']}"


def page(template: str, **context: Any) -> str:
    """Renders a guest page with what every page shows (the menu, her name)."""
    return render_template(template, whole_space=whole_space(), **context)


def back(endpoint: str, **values: Any):  # type: ignore[no-untyped-def]
    """Redirect after a POST (303: the browser GETs the page again)."""
    return redirect(url_for(endpoint, **values), code=303)


def form_text(name: str) -> Optional[str]:
    """A form field, trimmed; None when empty."""
    value = (request.form.get(name) or "").strip()
    return value or None


from . import access, documents, salon, space, stays  # noqa: E402,F401  (register the pages)
