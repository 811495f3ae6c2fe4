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
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, ParamSpec, Tuple

import hospes
from flask import Blueprint, Response, abort, flash, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue

from . import check_password, now, services
from .db import EstablishmentRow, Tx, number_of
from .i18n import current_locale, t
from .security import start_session

bp = Blueprint("office", __name__, url_prefix="/office")

P = ParamSpec("P")


def signed_in(view: Callable[P, ResponseReturnValue]) -> Callable[P, ResponseReturnValue]:
    @functools.wraps(view)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> ResponseReturnValue:
        if not session.get("office"):
            return redirect(url_for("office.login"))
        return view(*args, **kwargs)
    return wrapper


@bp.route("/login", methods=["GET", "POST"])
def login() -> ResponseReturnValue:
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
def logout() -> ResponseReturnValue:
    session.clear()
    return redirect(url_for("office.login"), code=303)


@bp.get("/")
@signed_in
def home() -> ResponseReturnValue:
    with services().store.read() as tx:
        places = [tx.establishment(e) for e in tx.establishment_ids()]
    return render_template("office/home.html", places=places)


# -- the client register ---------------------------------------------------------------------

class Registers:
    """One hospes `Register` per establishment, held in memory and brought up to date from the
    clients changed since it last looked (`clients.updated_at`)."""

    def __init__(self) -> None:
        self._held: Dict[str, Tuple[hospes.Register, Optional[dt.datetime]]] = {}
        self._lock = threading.Lock()

    def get(self, tx: Tx, est: EstablishmentRow) -> hospes.Register:
        with self._lock:
            held = self._held.get(est.id)
            register, seen = held if held else (None, None)
            if register is None:
                register = hospes.Register({"currency": est.record["currency"], "time_zone": est.record["time_zone"]})
            latest = tx.last_client_change(est.id)
            changed = tx.clients_changed_since(est.id, seen)
            if changed:
                register.upsert([_entry(tx, est.id, c) for c in changed])
            self._held[est.id] = (register, latest)
            return register


def _entry(tx: Tx, est_id: str, client: hospes.Client) -> hospes.RegisterEntry:
    """A client as the register indexes them: their stays' dates and their invoices' figures."""
    stays: List[hospes.StayDates] = [
        {"reference": s["reference"], "arrival": s["arrival"], "departure": s["departure"], "status": s["status"]}
        for s in tx.stays_of(est_id, client["id"])]
    invoices = [i for i in tx.invoices_of(est_id, client["id"]) if i["status"] != "draft"]
    paid = tx.payments_on(est_id, [number_of(i) for i in invoices])
    figures = [hospes.invoice_figures(i, [p for p in paid if p["invoice_number"] == i.get("number")]) for i in invoices]
    return {"client": client, "stays": stays, "invoices": figures}


REGISTERS = Registers()


def _establishment(tx: Tx, est_id: str) -> EstablishmentRow:
    est = tx.establishment(est_id)
    if est is None:
        abort(404)
    return est


@bp.get("/<est_id>/clients")
@signed_in
def clients(est_id: str) -> ResponseReturnValue:
    """« Registre clients »: search, filters, sort, pages — all hospes's."""
    args = request.args
    asked: Dict[str, object] = {"present_only": args.get("present_only") == "1", "page": int(args.get("page") or 1),
                                "page_size": 25, "sort": args.get("sort") or "last_name",
                                "descending": args.get("descending") == "1"}
    for key in ("text", "city", "country", "phone", "plate", "kind"):
        if args.get(key):
            asked[key] = args[key]
    if args.get("created_year"):
        asked["created_year"] = int(args["created_year"])
    query = hospes.from_wire("RegisterQuery", asked)  # a sort or kind it does not know: refused by `search`
    with services().store.read() as tx:
        est = _establishment(tx, est_id)
        register = REGISTERS.get(tx, est)
    found: hospes.RegisterPage
    try:
        found = register.search(query, now())
    except hospes.HospesError as err:
        flash(err.message_in(current_locale()), "error")
        found = {"total": 0, "page": 1, "page_size": 25, "rows": []}
    return render_template("office/clients.html", est=est, page=found, query=query, countries=register.countries())


@bp.route("/<est_id>/clients/<client_id>", methods=["GET", "POST"])
@signed_in
def client(est_id: str, client_id: str) -> ResponseReturnValue:
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
                issued = services().links.issue(tx, est.record, found, "portal", None, now())
            elif action == "mail_space":
                services().postman.send_template(tx, est.record, "portal_link", found, now())
                flash(t("office_link_mailed"), "ok")
            elif action in ("approve", "decline"):
                _answer_request(tx, est_id, found, request.form.get("request_id", ""), action)
        record = {
            "client": found, "stays": tx.stays_of(est_id, client_id), "invoices": tx.invoices_of(est_id, client_id),
            "events": tx.events_of(est_id, client_id), "links": tx.links_of(client_id)[:10],
            "requests": [r["request"] for r in tx.change_requests_of(est_id, client_id) if r["status"] == "pending"]}
    return render_template("office/client.html", est=est, issued=issued, **record)


def _answer_request(tx: Tx, est_id: str, client: hospes.Client, request_id: str, action: str) -> None:
    """The business approves or declines a booking change asked after its deadline."""
    pending = next((r["request"] for r in tx.change_requests_of(est_id, client["id"])
                    if r["request"]["id"] == request_id and r["status"] == "pending"), None)
    if pending is None:
        abort(404)
    stay = tx.stay(est_id, pending["stay_reference"])
    events: List[hospes.Event]
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
def gdpr(est_id: str, client_id: str) -> ResponseReturnValue:
    """Everything held on the client (GDPR art. 15 and 20): hospes's export, as JSON or XLSX."""
    with services().store.read() as tx:
        est = _establishment(tx, est_id)
        found = tx.client_in(est_id, client_id)
        if found is None:
            abort(404)
        invoices = tx.invoices_of(est_id, client_id)
        account = tx.account_of(est_id, client_id)
        records: hospes.GdprRecords = {
            "client": found, "stays": tx.stays_of(est_id, client_id), "residencies": tx.residencies_of(est_id, client_id),
            "quotes": tx.quotes_of(est_id, client_id), "invoices": invoices,
            "payments": tx.payments_on(est_id, [number_of(i) for i in invoices]),
            "contracts": tx.contracts_of(est_id, client_id), "accounts": [account] if account else [],
            "appointments": tx.appointments_of(est_id, client_id),
            "events": [e["entry"] for e in tx.events_of(est_id, client_id)]}
    document = hospes.gdpr_export(records, est.record, now())
    if request.args.get("format") == "xlsx":
        return Response(hospes.gdpr_workbook(document), mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        headers={"Content-Disposition": f'attachment; filename="rgpd-{client_id}.xlsx"'})
    body = json.dumps(hospes.to_wire(document), ensure_ascii=False, indent=2)
    return Response(body, mimetype="application/json",
                    headers={"Content-Disposition": f'attachment; filename="rgpd-{client_id}.json"'})


# -- mails, outbox, booking-edit policy -------------------------------------------------------

@dataclass(frozen=True)
class TemplateError:
    """Why a template was refused, placed where the business typed it: the part (`fr.html`,
    `en.subject`), the line and column (from 1), and that line as typed — hospes's structured
    values (`err.fields`), never its message parsed."""

    message: str
    part: Optional[str] = None
    line: Optional[int] = None
    column: Optional[int] = None
    excerpt: Optional[str] = None


def _template_error(err: hospes.MailError, template: hospes.MailTemplate) -> TemplateError:
    part, line, column = err.fields.get("part"), err.fields.get("line"), err.fields.get("column")
    if not (isinstance(part, str) and isinstance(line, int) and isinstance(column, int)):
        return TemplateError(err.message_in(current_locale()))
    locale, _, field = part.partition(".")
    source = next((v.get(field) for v in template["versions"] if v["locale"] == locale), None)
    lines = source.split("\n") if isinstance(source, str) else []
    excerpt = lines[line - 1] if 0 < line <= len(lines) else None
    return TemplateError(err.message_in(current_locale()), part, line, column, excerpt)


@bp.route("/<est_id>/mails/<name>", methods=["GET", "POST"])
@signed_in
def mail_template(est_id: str, name: str) -> ResponseReturnValue:
    """Edits one template, language by language; saved only once hospes's check passes (its
    error shown at its part, line and column)."""
    error: Optional[TemplateError] = None
    with services().store.tx() as tx:
        est = _establishment(tx, est_id)
        template = tx.mail_template(est_id, name)
        if template is None:
            abort(404)
        if request.method == "POST":
            versions: List[hospes.MailVersion] = []
            for v in template["versions"]:
                edited = v.copy()
                edited["subject"] = request.form.get(f"{v['locale']}.subject", "")
                edited["html"] = request.form.get(f"{v['locale']}.html", "")
                versions.append(edited)
            template["versions"] = versions
            try:
                summary = hospes.Mailer(template).summary
            except hospes.MailError as err:
                error = _template_error(err, template)
            else:
                tx.save_mail_template(est_id, template, now())
                flash(t("office_template_saved", links=", ".join(summary["links_needed"]) or "—"), "ok")
                return redirect(url_for("office.mail_template", est_id=est_id, name=name), code=303)
        names = tx.mail_template_names(est_id)
    page = render_template("office/mail_template.html", est=est, template=template, names=names, error=error)
    return page, (400 if error else 200)


@bp.get("/outbox")
@signed_in
def outbox() -> ResponseReturnValue:
    """Every mail sent, newest first, like a local mail catcher."""
    with services().store.read() as tx:
        mails = tx.mails()
    return render_template("office/outbox.html", mails=mails)


@bp.get("/outbox/<int:mail_id>")
@signed_in
def outbox_mail(mail_id: int) -> ResponseReturnValue:
    with services().store.read() as tx:
        mail = tx.mail(mail_id)
    if mail is None:
        abort(404)
    return render_template("office/outbox_mail.html", mail=mail, links=_links_in(mail["text"]))


def _links_in(text: str) -> List[str]:
    """The URLs of a mail's text part (hospes writes links as « label (address) »)."""
    return re.findall(r"https?://[^\s)]+", text)


@bp.route("/<est_id>/booking-policy", methods=["GET", "POST"])
@signed_in
def booking_policy(est_id: str) -> ResponseReturnValue:
    """Which booking fields guests may change, until how many days before arrival (and at what
    time): checked by hospes before it is saved."""
    with services().store.tx() as tx:
        est = _establishment(tx, est_id)
        policy: hospes.EditPolicy = est.edit_policy or {"fields": []}
        if request.method == "POST":
            fields: List[hospes.FieldRule] = []
            for rule in policy["fields"]:
                days = request.form.get(f"{rule['field']}.days") or "0"
                changed = rule.copy()
                changed["days_before_arrival"] = int(days) if days.isdigit() else -1
                changed["at"] = (request.form.get(f"{rule['field']}.at") or "").strip() or None
                fields.append(changed)
            candidate = policy.copy()
            candidate["fields"] = fields
            try:
                hospes.check_edit_policy(candidate)
            except hospes.HospesError as err:
                flash(err.message_in(current_locale()), "error")
            else:
                tx.set_edit_policy(est_id, candidate)
                flash(t("office_policy_saved"), "ok")
                return redirect(url_for("office.booking_policy", est_id=est_id), code=303)
    return render_template("office/booking_policy.html", est=est, policy=policy)
