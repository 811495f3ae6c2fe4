"""How a guest gets in: a secret link (exchanged for a session, then removed from the URL), or an
account (first-visit registration, login throttled by hospes, password reset), and the language.
"""

from __future__ import annotations

from typing import Callable, Dict, Literal, Optional
from urllib.parse import parse_qs, urlparse

import hospes
from flask import abort, flash, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue

from .. import now, services
from ..db import Tx
from ..i18n import LOCALES, current_locale, t
from ..links import BadLink
from ..security import start_session
from . import back, bp, form_text, page, place, refuse

#: Where each kind of link lands once verified.
_TARGETS: Dict[str, Callable[[Optional[str]], str]] = {
    "portal": lambda s: url_for("guest.home"),
    "quote": lambda s: url_for("guest.quote", number=s),
    "contract": lambda s: url_for("guest.contract", number=s),
    "invoice": lambda s: url_for("guest.invoices"),
    "deposit_payment": lambda s: url_for("guest.pay_page", number=s),
    "balance_payment": lambda s: url_for("guest.pay_page", number=s),
    "booking_edit": lambda s: url_for("guest.booking", reference=s),
}


def land(purpose: hospes.LinkPurpose) -> ResponseReturnValue:
    """Verifies the link's token, opens a session for what it opens, and redirects to the page
    without the token (it never stays in the address bar, the history or a Referer)."""
    token = request.args.get("t")
    if not token:
        abort(404)
    est = place()
    with services().store.tx() as tx:
        try:
            claims = services().links.open(tx, est.record, token, purpose, now())
        except BadLink as bad:
            if bad.expired and bad.client_id:
                # hospes verified whose link it was: a new one goes to her address on file.
                session["expired_link"] = {"client_id": bad.client_id, "purpose": bad.purpose}
                return redirect(url_for("guest.link_expired"), code=303)
            return render_template("error.html", message=bad.error.message_in(current_locale())), 400
        client = tx.client_in(est.id, claims["client_id"])
        assert client is not None
        if purpose == "account_verify":
            account = tx.account_of(est.id, client["id"])
            assert account is not None
            confirmed = hospes.confirm_account(account, claims, now())
            tx.save_account(est.id, confirmed["account"])
            tx.append_events(est.id, f"client:{client['id']}", confirmed["events"])
            flash(t("account_confirmed"), "ok")
            return redirect(url_for("guest.login"), code=303)
    if purpose == "password_reset":
        session["reset_token"] = token
        return redirect(url_for("guest.new_password"), code=303)
    access = hospes.portal_access_from_link(claims)
    held = session.get("guest")
    keeps_whole_space = (held and held.get("est") == est.id and held["access"]["client_id"] == claims["client_id"]
                         and held["access"].get("purpose") in (None, "portal"))
    if not keeps_whole_space:
        start_session(guest={"est": est.id, "access": access, "link_version": client.get("link_version", 0)})
    return redirect(_TARGETS[purpose](claims.get("subject")), code=303)


@bp.get("/quote")
def quote_link() -> ResponseReturnValue:
    return land("quote")


@bp.get("/contract")
def contract_link() -> ResponseReturnValue:
    return land("contract")


@bp.get("/invoice")
def invoice_link() -> ResponseReturnValue:
    return land("invoice")


@bp.get("/pay/deposit")
def deposit_link() -> ResponseReturnValue:
    return land("deposit_payment")


@bp.get("/pay/balance")
def balance_link() -> ResponseReturnValue:
    return land("balance_payment")


@bp.get("/booking")
def booking_link() -> ResponseReturnValue:
    return land("booking_edit")


@bp.get("/account/verify")
def verify_link() -> ResponseReturnValue:
    return land("account_verify")


@bp.get("/account/reset")
def reset_link() -> ResponseReturnValue:
    return land("password_reset")


@bp.route("/link-expired", methods=["GET", "POST"])
def link_expired() -> ResponseReturnValue:
    """An expired link: offer a new one, sent to the address on file (never to one typed) — a
    new password-reset or confirmation link for an account's, else her space's link."""
    expired = session.get("expired_link") or {}
    client_id, purpose = expired.get("client_id"), expired.get("purpose")
    if request.method == "POST" and isinstance(client_id, str):
        est = place()
        with services().store.tx() as tx:
            client = tx.client_in(est.id, client_id)
            if client is not None and purpose in ("password_reset", "account_verify") \
                    and tx.account_of(est.id, client_id) is not None:
                _send_account_mail(tx, client, "password_reset" if purpose == "password_reset" else "account_verify")
            elif client is not None:
                services().postman.send_template(tx, est.record, "portal_link", client, now())
        session.pop("expired_link", None)
        flash(t("new_link_sent"), "ok")
        return back("guest.link_expired")
    return page("guest/link_expired.html", can_resend=isinstance(client_id, str))


@bp.route("/login", methods=["GET", "POST"])
def login() -> ResponseReturnValue:
    """E-mail and password; failures slow down as hospes's throttle says."""
    if request.method == "GET":
        return page("guest/login.html")
    email, password = form_text("email") or "", request.form.get("password", "")
    est_id = place().id
    with services().store.tx() as tx:
        throttle = tx.throttle(est_id, email)
        account = tx.account(est_id, email) if email else None
        try:
            done = hospes.login(account, email, password, throttle, now())
        except hospes.AccountError as err:
            if err.code == "account.login_failed":
                tx.save_throttle(est_id, email, hospes.record_login_failure(throttle, now()))
            refuse(err)
            return page("guest/login.html", email=email), 401
        tx.save_throttle(est_id, email, {})
        upgraded = done.get("upgraded_hash")
        if upgraded and account is not None:
            account["password_hash"] = upgraded
            tx.save_account(est_id, account)
    start_session(guest={"est": est_id, "access": hospes.portal_access_from_login(done)})
    return back("guest.home")


@bp.route("/register", methods=["GET", "POST"])
def register() -> ResponseReturnValue:
    """First visit: an account for the e-mail the business has on file. The answer is the same
    whether the address is known or not."""
    if request.method == "GET":
        return page("guest/register.html")
    email, password = form_text("email") or "", request.form.get("password", "")
    est_id = place().id
    with services().store.tx() as tx:
        client = tx.client_by_email(est_id, email) if email else None
        try:
            made = hospes.register_account(client, tx.account(est_id, email) if email else None, email, password, now())
        except hospes.HospesError as err:
            refuse(err)
            return page("guest/register.html", email=email), 400
        account = made.get("account")
        if account is not None and client is not None:
            tx.save_account(est_id, account)
            tx.append_events(est_id, f"client:{client['id']}", made["events"])
            _send_account_mail(tx, client, "account_verify")
    flash(t("register_sent"), "ok")
    return back("guest.login")


@bp.route("/forgot", methods=["GET", "POST"])
def forgot() -> ResponseReturnValue:
    """Forgotten password: a one-hour, single-use link, sent only to a known account."""
    if request.method == "GET":
        return page("guest/forgot.html")
    email = form_text("email") or ""
    est_id = place().id
    with services().store.tx() as tx:
        account = tx.account(est_id, email) if email else None
        client = tx.client_in(est_id, account["client_id"]) if account else None
        if client is not None:
            _send_account_mail(tx, client, "password_reset")
    flash(t("reset_sent"), "ok")
    return back("guest.login")


@bp.route("/account/new-password", methods=["GET", "POST"])
def new_password() -> ResponseReturnValue:
    """The reset link's page: the token is checked again when the new password is posted."""
    token = session.get("reset_token")
    if not token:
        abort(404)
    if request.method == "GET":
        return page("guest/new_password.html")
    with services().store.tx() as tx:
        try:
            claims = services().links.open(tx, place().record, token, "password_reset", now())
            account = tx.account_of(place().id, claims["client_id"])
            assert account is not None
            changed = hospes.reset_password(account, claims, request.form.get("password", ""), now())
        except BadLink as bad:
            session.pop("reset_token", None)
            return render_template("error.html", message=bad.error.message_in(current_locale())), 400
        except hospes.HospesError as err:
            refuse(err)
            return page("guest/new_password.html"), 400
        tx.save_account(place().id, changed["account"])
        tx.append_events(place().id, f"client:{claims['client_id']}", changed["events"])
    session.pop("reset_token", None)
    flash(t("password_changed"), "ok")
    return back("guest.login")


def _send_account_mail(tx: Tx, client: hospes.Client, purpose: Literal["account_verify", "password_reset"]) -> None:
    """The confirmation or reset mail (template of the same name): its link, bound to the
    account's address or password, goes in the built-in tag [LIEN_CONFIRMATION_COMPTE] or
    [LIEN_MOT_DE_PASSE]."""
    establishment = place().record
    url = services().links.issue(tx, establishment, client, purpose, None, now())
    links: hospes.MailLinks = {"account_verify": url} if purpose == "account_verify" else {"password_reset": url}
    services().postman.send_template(tx, establishment, purpose, client, now(), links=links)


@bp.post("/logout")
def logout() -> ResponseReturnValue:
    locale = session.get("locale")
    session.clear()
    if locale:
        session["locale"] = locale
    return back("guest.login")


@bp.post("/language")
def language() -> ResponseReturnValue:
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
    return not parsed.scheme and not parsed.netloc and parsed.path.startswith(f"/{place().id}/") and not parse_qs(parsed.query).get("t")

