"""How a guest gets in: a secret link (exchanged for a session, then removed from the URL), or an
account (first-visit registration, login throttled by hospes, password reset), and the language.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import hospes
from flask import abort, flash, g, redirect, render_template, request, session, url_for

from .. import now, services
from ..i18n import LOCALES, t
from ..links import BadLink
from ..security import start_session
from . import back, bp, form_text, page, refuse

#: Where each kind of link lands once verified.
_TARGETS = {
    "portal": lambda s: url_for("guest.home"),
    "quote": lambda s: url_for("guest.quote", number=s),
    "contract": lambda s: url_for("guest.contract", number=s),
    "invoice": lambda s: url_for("guest.invoices"),
    "deposit_payment": lambda s: url_for("guest.pay_page", number=s),
    "balance_payment": lambda s: url_for("guest.pay_page", number=s),
    "booking_edit": lambda s: url_for("guest.booking", reference=s),
}


def land(purpose: str):  # type: ignore[no-untyped-def]
    """Verifies the link's token, opens a session for what it opens, and redirects to the page
    without the token (it never stays in the address bar, the history or a Referer)."""
    token = request.args.get("t")
    if not token:
        abort(404)
    with services().store.tx() as tx:
        try:
            claims = services().links.open(tx, g.establishment, token, purpose, now())
        except BadLink as bad:
            if bad.expired:
                session["expired_link_client"] = bad.client_id
                return redirect(url_for("guest.link_expired"), code=303)
            return render_template("error.html", message=bad.error.message_in(g.locale)), 400
        client = tx.client_in(g.est_id, claims["client_id"])
        assert client is not None
        if purpose == "account_verify":
            account = tx.account_of(g.est_id, client["id"])
            assert account is not None
            confirmed = hospes.confirm_account(account, claims, now())
            tx.save_account(g.est_id, confirmed["account"])
            tx.append_events(g.est_id, f"client:{client['id']}", confirmed["events"])
            flash(t("account_confirmed"), "ok")
            return redirect(url_for("guest.login"), code=303)
    if purpose == "password_reset":
        session["reset_token"] = token
        return redirect(url_for("guest.new_password"), code=303)
    access = hospes.portal_access_from_link(claims)
    held = session.get("guest")
    keeps_whole_space = (held and held.get("est") == g.est_id and held["access"]["client_id"] == claims["client_id"]
                         and held["access"].get("purpose") in (None, "portal"))
    if not keeps_whole_space:
        start_session(guest={"est": g.est_id, "access": access, "link_version": client.get("link_version", 0)})
    return redirect(_TARGETS[purpose](claims.get("subject")), code=303)


@bp.get("/quote")
def quote_link():  # type: ignore[no-untyped-def]
    return land("quote")


@bp.get("/contract")
def contract_link():  # type: ignore[no-untyped-def]
    return land("contract")


@bp.get("/invoice")
def invoice_link():  # type: ignore[no-untyped-def]
    return land("invoice")


@bp.get("/pay/deposit")
def deposit_link():  # type: ignore[no-untyped-def]
    return land("deposit_payment")


@bp.get("/pay/balance")
def balance_link():  # type: ignore[no-untyped-def]
    return land("balance_payment")


@bp.get("/booking")
def booking_link():  # type: ignore[no-untyped-def]
    return land("booking_edit")


@bp.get("/account/verify")
def verify_link():  # type: ignore[no-untyped-def]
    return land("account_verify")


@bp.get("/account/reset")
def reset_link():  # type: ignore[no-untyped-def]
    return land("password_reset")


@bp.route("/link-expired", methods=["GET", "POST"])
def link_expired():  # type: ignore[no-untyped-def]
    """An expired link: offer a new one, sent to the address on file (never to one typed)."""
    client_id = session.get("expired_link_client")
    if request.method == "POST" and client_id:
        with services().store.tx() as tx:
            client = tx.client_in(g.est_id, client_id)
            if client is not None:
                services().postman.send_template(tx, g.establishment, "portal_link", client, now())
        session.pop("expired_link_client", None)
        flash(t("new_link_sent"), "ok")
        return back("guest.link_expired")
    return page("guest/link_expired.html", can_resend=bool(client_id))


@bp.route("/login", methods=["GET", "POST"])
def login():  # type: ignore[no-untyped-def]
    """E-mail and password; failures slow down as hospes's throttle says."""
    if request.method == "GET":
        return page("guest/login.html")
    email, password = form_text("email") or "", request.form.get("password", "")
    with services().store.tx() as tx:
        throttle = tx.throttle(g.est_id, email)
        account = tx.account(g.est_id, email) if email else None
        try:
            done = hospes.login(account, email, password, throttle, now())
        except hospes.AccountError as err:
            if err.code == "account.login_failed":
                tx.save_throttle(g.est_id, email, hospes.record_login_failure(throttle, now()))
            refuse(err)
            return page("guest/login.html", email=email), 401
        tx.save_throttle(g.est_id, email, {})
        if done.get("upgraded_hash") and account is not None:
            tx.save_account(g.est_id, dict(account, password_hash=done["upgraded_hash"]))
    start_session(guest={"est": g.est_id, "access": hospes.portal_access_from_login(done)})
    return back("guest.home")


@bp.route("/register", methods=["GET", "POST"])
def register():  # type: ignore[no-untyped-def]
    """First visit: an account for the e-mail the business has on file. The answer is the same
    whether the address is known or not."""
    if request.method == "GET":
        return page("guest/register.html")
    email, password = form_text("email") or "", request.form.get("password", "")
    with services().store.tx() as tx:
        client = tx.client_by_email(g.est_id, email) if email else None
        try:
            made = hospes.register_account(client, tx.account(g.est_id, email) if email else None, email, password, now())
        except hospes.HospesError as err:
            refuse(err)
            return page("guest/register.html", email=email), 400
        if made.get("account") and client is not None:
            tx.save_account(g.est_id, made["account"])
            tx.append_events(g.est_id, f"client:{client['id']}", made["events"])
            _send_account_mail(tx, client, "account_verify")
    flash(t("register_sent"), "ok")
    return back("guest.login")


@bp.route("/forgot", methods=["GET", "POST"])
def forgot():  # type: ignore[no-untyped-def]
    """Forgotten password: a one-hour, single-use link, sent only to a known account."""
    if request.method == "GET":
        return page("guest/forgot.html")
    email = form_text("email") or ""
    with services().store.tx() as tx:
        account = tx.account(g.est_id, email) if email else None
        client = tx.client_in(g.est_id, account["client_id"]) if account else None
        if client is not None:
            _send_account_mail(tx, client, "password_reset")
    flash(t("reset_sent"), "ok")
    return back("guest.login")


@bp.route("/account/new-password", methods=["GET", "POST"])
def new_password():  # type: ignore[no-untyped-def]
    """The reset link's page: the token is checked again when the new password is posted."""
    token = session.get("reset_token")
    if not token:
        abort(404)
    if request.method == "GET":
        return page("guest/new_password.html")
    with services().store.tx() as tx:
        try:
            claims = services().links.open(tx, g.establishment, token, "password_reset", now())
            account = tx.account_of(g.est_id, claims["client_id"])
            assert account is not None
            changed = hospes.reset_password(account, claims, request.form.get("password", ""), now())
        except BadLink as bad:
            session.pop("reset_token", None)
            return render_template("error.html", message=bad.error.message_in(g.locale)), 400
        except hospes.HospesError as err:
            refuse(err)
            return page("guest/new_password.html"), 400
        tx.save_account(g.est_id, changed["account"])
        tx.append_events(g.est_id, f"client:{claims['client_id']}", changed["events"])
    session.pop("reset_token", None)
    flash(t("password_changed"), "ok")
    return back("guest.login")


def _send_account_mail(tx, client, purpose: str) -> None:  # type: ignore[no-untyped-def]
    """The verification or reset mail: its link goes in the host tag [LIEN_COMPTE]."""
    url = services().links.issue(tx, g.establishment, client, purpose, None, now())
    services().postman.send_template(tx, g.establishment, purpose, client, now(), tags={"LIEN_COMPTE": url})


@bp.post("/logout")
def logout():  # type: ignore[no-untyped-def]
    locale = session.get("locale")
    session.clear()
    if locale:
        session["locale"] = locale
    return back("guest.login")


@bp.post("/language")
def language():  # type: ignore[no-untyped-def]
    """fr / en / es, remembered in the session; back to the page she was on."""
    wanted = request.form.get("locale")
    if wanted in LOCALES:
        session["locale"] = wanted
    target = request.form.get("next") or url_for("guest.home")
    if not _own_path(target):
        target = url_for("guest.home")
    return redirect(target, code=303)


def _own_path(target: str) -> bool:
    """Only a path of this establishment's portal, never another site."""
    parsed = urlparse(target)
    return not parsed.scheme and not parsed.netloc and parsed.path.startswith(f"/{g.est_id}/") and not parse_qs(parsed.query).get("t")

