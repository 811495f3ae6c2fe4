"""The back office: what the business needs to run the demo — sign-in, the client register
(hospes's `Register`), a client's record with « open the client space » and the GDPR export,
the mail templates (checked by hospes, errors at their line and column), the outbox, the
booking-edit policy and the late booking changes to answer.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import threading
from typing import Any, Callable, Dict, List, Optional, Tuple, TypeVar

import hospes
from flask import Blueprint, Response, abort, flash, g, redirect, render_template, request, session, url_for

from . import check_password, now, services
from .db import Record, Tx
from .i18n import t
from .security import start_session

bp = Blueprint("office", __name__, url_prefix="/office")

F = TypeVar("F", bound=Callable[..., Any])


def signed_in(view: F) -> F:
    @functools.wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if not session.get("office"):
            return redirect(url_for("office.login"))
        return view(*args, **kwargs)
    return wrapper  # type: ignore[return-value]


@bp.route("/login", methods=["GET", "POST"])
def login():  # type: ignore[no-untyped-def]
    """The business's sign-in: one password, failures slowed down by hospes's throttle."""
    if request.method == "GET":
        return render_template("office/login.html")
    with services().store.tx() as tx:
        throttle = tx.throttle("office", "office")
        wait = hospes.login_wait_seconds(throttle, now())
        if wait > 0:
            flash(t("office_wait", seconds=wait), "error")
            return render_template("office/login.html"), 429
        stored = tx.setting("office_password")
        if stored is None or not check_password(request.form.get("password", ""), stored):
            tx.save_throttle("office", "office", hospes.record_login_failure(throttle, now()))
            flash(t("office_wrong_password"), "error")
            return render_template("office/login.html"), 401
        tx.save_throttle("office", "office", {})
    start_session(office=True)
    return redirect(url_for("office.home"), code=303)


@bp.post("/logout")
def logout():  # type: ignore[no-untyped-def]
    session.clear()
    return redirect(url_for("office.login"), code=303)


@bp.get("/")
@signed_in
def home():  # type: ignore[no-untyped-def]
    with services().store.tx() as tx:
        places = [tx.establishment(e) for e in tx.establishment_ids()]
    return render_template("office/home.html", places=places)


# -- the client register ---------------------------------------------------------------------

class Registers:
    """One hospes `Register` per establishment, held in memory and brought up to date from the
    clients changed since it last looked (`clients.updated_at`)."""

    def __init__(self) -> None:
        self._held: Dict[str, Tuple[hospes.Register, Optional[dt.datetime]]] = {}
        self._lock = threading.Lock()

    def get(self, tx: Tx, est: Record) -> hospes.Register:
        with self._lock:
            register, seen = self._held.get(est["id"], (None, None))
            if register is None:
                register = hospes.Register({"currency": est["record"]["currency"], "time_zone": est["record"]["time_zone"]})
            latest = tx.last_client_change(est["id"])
            changed = tx.clients_changed_since(est["id"], seen)
            if changed:
                register.upsert([_entry(tx, est["id"], c) for c in changed])
            self._held[est["id"]] = (register, latest)
            return register


def _entry(tx: Tx, est_id: str, client: Record) -> Record:
    """A client as the register indexes them: their stays' dates and their invoices' figures."""
    stays = [{"reference": s["reference"], "arrival": s["arrival"], "departure": s["departure"], "status": s["status"]}
             for s in tx.stays_of(est_id, client["id"])]
    invoices = [i for i in tx.invoices_of(est_id, client["id"]) if i["status"] != "draft"]
    paid = tx.payments_on(est_id, [i["number"] for i in invoices])
    figures = [hospes.invoice_figures(i, [p for p in paid if p["invoice_number"] == i["number"]]) for i in invoices]
    return {"client": client, "stays": stays, "invoices": figures}


REGISTERS = Registers()


def _establishment(tx: Tx, est_id: str) -> Record:
    est = tx.establishment(est_id)
    if est is None:
        abort(404)
    return est


@bp.get("/<est_id>/clients")
@signed_in
def clients(est_id: str):  # type: ignore[no-untyped-def]
    """« Registre clients »: search, filters, sort, pages — all hospes's."""
    args = request.args
    query: Dict[str, Any] = {"present_only": args.get("present_only") == "1", "page": int(args.get("page") or 1),
                             "page_size": 25, "sort": args.get("sort") or "last_name",
                             "descending": args.get("descending") == "1"}
    for key in ("text", "city", "country", "phone", "plate", "kind"):
        if args.get(key):
            query[key] = args[key]
    if args.get("created_year"):
        query["created_year"] = int(args["created_year"])
    with services().store.tx() as tx:
        est = _establishment(tx, est_id)
        register = REGISTERS.get(tx, est)
    try:
        found = register.search(query, now())
    except hospes.HospesError as err:
        flash(err.message_in(g.locale), "error")
        found = {"total": 0, "page": 1, "page_size": 25, "rows": []}
    return render_template("office/clients.html", est=est, page=found, query=query, countries=register.countries())


@bp.route("/<est_id>/clients/<client_id>", methods=["GET", "POST"])
@signed_in
def client(est_id: str, client_id: str):  # type: ignore[no-untyped-def]
    """A client's record: details, stays, documents, events, links issued; « open the client
    space » (a link to copy or to mail), the GDPR export, late booking changes to answer."""
    issued: Optional[str] = None
    with services().store.tx() as tx:
        est = _establishment(tx, est_id)
        found = tx.client_in(est_id, client_id)
        if found is None:
            abort(404)
        if request.method == "POST":
            action = request.form.get("action")
            if action == "open_space":
                issued = services().links.issue(tx, est["record"], found, "portal", None, now())
            elif action == "mail_space":
                services().postman.send_template(tx, est["record"], "portal_link", found, now())
                flash(t("office_link_mailed"), "ok")
            elif action in ("approve", "decline"):
                _answer_request(tx, est_id, found, request.form.get("request_id", ""), action)
        record = {
            "client": found, "stays": tx.stays_of(est_id, client_id), "invoices": tx.invoices_of(est_id, client_id),
            "events": tx.events_of(est_id, client_id), "links": tx.links_of(client_id)[:10],
            "requests": [r for r in tx.change_requests_of(est_id, client_id) if r["status"] == "pending"]}
    return render_template("office/client.html", est=est, issued=issued, **record)


def _answer_request(tx: Tx, est_id: str, client: Record, request_id: str, action: str) -> None:
    """The business approves or declines a booking change asked after its deadline."""
    pending = next((r for r in tx.change_requests_of(est_id, client["id"])
                    if r["id"] == request_id and r["status"] == "pending"), None)
    if pending is None:
        abort(404)
    pending = {k: v for k, v in pending.items() if k != "status"}
    stay = tx.stay(est_id, pending["stay_reference"])
    if action == "approve" and stay is not None:
        done = hospes.approve_booking_change(pending, stay, now())
        tx.save_stay(est_id, done["stay"])
        events = done["events"]
    else:
        events = [hospes.decline_booking_change(pending, request.form.get("reason") or None, now())]
    tx.set_change_request_status(est_id, request_id, "approved" if action == "approve" else "declined")
    tx.append_events(est_id, f"stay:{pending['stay_reference']}", events)


@bp.get("/<est_id>/clients/<client_id>/gdpr")
@signed_in
def gdpr(est_id: str, client_id: str):  # type: ignore[no-untyped-def]
    """Everything held on the client (GDPR art. 15 and 20): hospes's export, as JSON or XLSX."""
    with services().store.tx() as tx:
        est = _establishment(tx, est_id)
        found = tx.client_in(est_id, client_id)
        if found is None:
            abort(404)
        invoices = tx.invoices_of(est_id, client_id)
        account = tx.account_of(est_id, client_id)
        records = {
            "client": found, "stays": tx.stays_of(est_id, client_id), "residencies": tx.residencies_of(est_id, client_id),
            "quotes": tx.quotes_of(est_id, client_id), "invoices": invoices,
            "payments": tx.payments_on(est_id, [i["number"] for i in invoices]),
            "contracts": tx.contracts_of(est_id, client_id), "accounts": [account] if account else [],
            "appointments": tx.appointments_of(est_id, client_id),
            "events": [{k: v for k, v in e.items() if k != "stream"} for e in tx.events_of(est_id, client_id)]}
    document = hospes.gdpr_export(records, est["record"], now())
    if request.args.get("format") == "xlsx":
        return Response(hospes.gdpr_workbook(document), mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        headers={"Content-Disposition": f'attachment; filename="rgpd-{client_id}.xlsx"'})
    body = json.dumps(hospes.to_wire(document), ensure_ascii=False, indent=2)
    return Response(body, mimetype="application/json",
                    headers={"Content-Disposition": f'attachment; filename="rgpd-{client_id}.json"'})


# -- mails, outbox, booking-edit policy -------------------------------------------------------

@bp.route("/<est_id>/mails/<name>", methods=["GET", "POST"])
@signed_in
def mail_template(est_id: str, name: str):  # type: ignore[no-untyped-def]
    """Edits one template, language by language; saved only once hospes's check passes (its
    error names the part, the line and the column)."""
    error: Optional[str] = None
    with services().store.tx() as tx:
        est = _establishment(tx, est_id)
        template = tx.mail_template(est_id, name)
        if template is None:
            abort(404)
        if request.method == "POST":
            template = dict(template, versions=[
                dict(v, subject=request.form.get(f"{v['locale']}.subject", ""), html=request.form.get(f"{v['locale']}.html", ""))
                for v in template["versions"]])
            try:
                summary = hospes.Mailer(template).summary
            except hospes.MailError as err:
                error = err.message_in(g.locale)
            else:
                tx.save_mail_template(est_id, template, now())
                flash(t("office_template_saved", links=", ".join(summary["links_needed"]) or "—"), "ok")
                return redirect(url_for("office.mail_template", est_id=est_id, name=name), code=303)
        names = [m["name"] for m in tx.mail_templates(est_id)]
    return render_template("office/mail_template.html", est=est, template=template, names=names, error=error), (400 if error else 200)


@bp.get("/outbox")
@signed_in
def outbox():  # type: ignore[no-untyped-def]
    """Every mail sent, newest first, like a local mail catcher."""
    with services().store.tx() as tx:
        mails = tx.mails()
    return render_template("office/outbox.html", mails=mails)


@bp.get("/outbox/<int:mail_id>")
@signed_in
def outbox_mail(mail_id: int):  # type: ignore[no-untyped-def]
    with services().store.tx() as tx:
        mail = tx.mail(mail_id)
    if mail is None:
        abort(404)
    return render_template("office/outbox_mail.html", mail=mail, links=_links_in(mail["text"]))


def _links_in(text: str) -> List[str]:
    """The URLs of a mail's text part (hospes writes links as « label (address) »)."""
    return re.findall(r"https?://[^\s)]+", text)


@bp.route("/<est_id>/booking-policy", methods=["GET", "POST"])
@signed_in
def booking_policy(est_id: str):  # type: ignore[no-untyped-def]
    """Which booking fields guests may change, until how many days before arrival (and at what
    time): checked by hospes before it is saved."""
    with services().store.tx() as tx:
        est = _establishment(tx, est_id)
        policy = est.get("edit_policy") or {"fields": []}
        if request.method == "POST":
            fields = []
            for rule in policy["fields"]:
                days = request.form.get(f"{rule['field']}.days") or "0"
                at = (request.form.get(f"{rule['field']}.at") or "").strip() or None
                fields.append(dict(rule, days_before_arrival=int(days) if days.isdigit() else -1, at=at))
            candidate = dict(policy, fields=fields)
            try:
                hospes.check_edit_policy(candidate)
            except hospes.HospesError as err:
                flash(err.message_in(g.locale), "error")
            else:
                tx.set_establishment(est_id, edit_policy=candidate)
                flash(t("office_policy_saved"), "ok")
                return redirect(url_for("office.booking_policy", est_id=est_id), code=303)
    return render_template("office/booking_policy.html", est=est, policy=policy)
