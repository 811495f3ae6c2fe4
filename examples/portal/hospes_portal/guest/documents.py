"""Her documents: the quote (PDF, participants, promo code, signed by drawing), the contract
(PDF, signed by drawing), the invoices (paid badges, PDF) and paying through the provider."""

from __future__ import annotations

import base64
from typing import Any, Optional

import hospes
from flask import Response, abort, flash, g, redirect, request

from .. import billing, now, payments, services
from ..db import Record, Tx
from ..i18n import t
from . import back, bp, form_text, log, page, refuse, signed_in


def _pdf(data: Any, filename: str, download: bool = False) -> Response:
    """A PDF answer (hospes gives bytes; stored copies too)."""
    body = data if isinstance(data, (bytes, bytearray)) else base64.b64decode(data)
    disposition = "attachment" if download else "inline"
    return Response(bytes(body), mimetype="application/pdf",
                    headers={"Content-Disposition": f'{disposition}; filename="{filename}"'})


def _signature(shown_locale: str, consent_key: str) -> Record:
    """The `SignatureRequest` posted by the sign form: the hash of the PDF she was shown, her
    name, the consent she ticked, where from, and the strokes drawn on the pad."""
    drawn = form_text("signature_d")
    image = None
    if drawn:
        image = {"format": "svg_path", "d": drawn,
                 "width": int(request.form.get("signature_width") or 300),
                 "height": int(request.form.get("signature_height") or 120)}
    return {"document_sha256": request.form.get("document_sha256", ""), "signer_name": form_text("signer_name") or "",
            "signer_email": g.client.get("email"), "consent_text": t(consent_key, locale=shown_locale),
            "ip": request.remote_addr, "user_agent": request.headers.get("User-Agent"), "image": image,
            "locale": shown_locale}


def _consented() -> bool:
    if request.form.get("consent") != "yes" or not form_text("signature_d"):
        flash(t("sign_needs_consent"), "error")
        return False
    return True


# -- the quote --------------------------------------------------------------------------------

def _quote(tx: Tx, number: str) -> Record:
    quote = tx.quote(g.est_id, number)
    if quote is None:
        abort(404)
    return quote


@bp.get("/quotes/<number>")
@signed_in
def quote(number: str):  # type: ignore[no-untyped-def]
    with services().store.tx() as tx:
        found = _quote(tx, number)
        view = hospes.portal_quote(g.access, g.client, found, now())
        stays = tx.stays_of(g.est_id, g.client["id"])
    detail = hospes.portal_stay(g.access, g.client, stays, found["stay_reference"])
    shown = hospes.portal_quote_document(g.access, g.client, found, g.establishment, g.locale) if view["open"] else None
    return page("guest/quote.html", view=view, quote=view["quote"], detail=detail,
                shown_sha256=shown["sha256"] if shown else None, shown_locale=shown["locale"] if shown else None)


@bp.get("/quotes/<number>/pdf")
@signed_in
def quote_pdf(number: str):  # type: ignore[no-untyped-def]
    """The PDF she reads and signs; once signed, the very copy she signed."""
    with services().store.tx() as tx:
        found = _quote(tx, number)
        hospes.portal_quote(g.access, g.client, found, now())
        signed = tx.signed_copy("quotes", g.est_id, number)
    if signed is not None:
        return _pdf(signed, f"devis-{number}.pdf")
    shown = hospes.portal_quote_document(g.access, g.client, found, g.establishment, g.locale)
    return _pdf(shown["pdf"], f"devis-{number}.pdf")


@bp.post("/quotes/<number>/promo")
@signed_in
def quote_promo(number: str):  # type: ignore[no-untyped-def]
    """A promo code typed (or removed): the quote re-priced, the new total shown."""
    with services().store.tx() as tx:
        found = _quote(tx, number)
        try:
            changed = hospes.portal_apply_quote_promo(g.access, g.client, found, g.est["catalogue"],
                                                      form_text("promo_code"), now())
        except hospes.HospesError as err:
            refuse(err)
        else:
            tx.save_quote(g.est_id, changed["quote"])
            log(tx, f"stay:{found['stay_reference']}", changed["events"])
            flash(t("quote_repriced"), "ok")
    return back("guest.quote", number=number)


@bp.post("/quotes/<number>/sign")
@signed_in
def quote_sign(number: str):  # type: ignore[no-untyped-def]
    """She signs the PDF she read: the stay is confirmed, the deposit invoiced and mailed."""
    if not _consented():
        return back("guest.quote", number=number)
    with services().store.tx() as tx:
        found = _quote(tx, number)
        stay = tx.stay(g.est_id, found["stay_reference"])
        if stay is None:
            abort(404)
        acceptance = _signature(request.form.get("locale") or g.locale, "consent_quote")
        try:
            signed = hospes.portal_accept_quote(g.access, g.client, found, stay, acceptance, g.establishment, None, now())
        except hospes.HospesError as err:
            refuse(err)
            return back("guest.quote", number=number)
        accepted = signed["acceptance"]
        tx.save_quote(g.est_id, accepted["quote"], signed["copy"])
        tx.save_stay(g.est_id, accepted["stay"])
        log(tx, f"stay:{stay['reference']}", accepted["events"])
        billing.after_quote_signed(tx, services().postman, g.est, g.client, accepted["quote"], accepted["stay"], now())
    flash(t("quote_signed"), "ok")
    return back("guest.stay", reference=found["stay_reference"])


# -- the contract -----------------------------------------------------------------------------

def _contract(tx: Tx, number: str) -> Record:
    found = tx.contract(g.est_id, number)
    if found is None:
        abort(404)
    return found


@bp.get("/contracts/<number>")
@signed_in
def contract(number: str):  # type: ignore[no-untyped-def]
    with services().store.tx() as tx:
        found = _contract(tx, number)
    view = hospes.portal_contract(g.access, g.client, found)
    shown = hospes.portal_contract_document(g.access, g.client, found, g.locale) if view["signable"] else None
    return page("guest/contract.html", view=view, contract=view["contract"],
                shown_sha256=shown["sha256"] if shown else None, shown_locale=shown["locale"] if shown else None)


@bp.get("/contracts/<number>/pdf")
@signed_in
def contract_pdf(number: str):  # type: ignore[no-untyped-def]
    with services().store.tx() as tx:
        found = _contract(tx, number)
        hospes.portal_contract(g.access, g.client, found)
        signed = tx.signed_copy("contracts", g.est_id, number)
    if signed is not None:
        return _pdf(signed, f"contrat-{number}.pdf")
    return _pdf(hospes.portal_contract_document(g.access, g.client, found, g.locale)["pdf"], f"contrat-{number}.pdf")


@bp.post("/contracts/<number>/sign")
@signed_in
def contract_sign(number: str):  # type: ignore[no-untyped-def]
    if not _consented():
        return back("guest.contract", number=number)
    with services().store.tx() as tx:
        found = _contract(tx, number)
        request_ = _signature(request.form.get("locale") or g.locale, "consent_contract")
        try:
            signed = hospes.portal_sign_contract(g.access, g.client, found, request_, None, now())
        except hospes.HospesError as err:
            refuse(err)
            return back("guest.contract", number=number)
        tx.save_contract(g.est_id, signed["signed"]["contract"], signed["copy"])
        log(tx, f"stay:{found['stay_reference']}", signed["signed"]["events"])
    flash(t("contract_signed"), "ok")
    return back("guest.contract", number=number)


# -- invoices and payment ---------------------------------------------------------------------

def _views(tx: Tx, only: Optional[str] = None) -> list:  # type: ignore[type-arg]
    """Her invoices as hospes shows them (paid, due, payable); `only` one of them."""
    invoices = tx.invoices_of(g.est_id, g.client["id"])
    if only is not None:
        invoices = [i for i in invoices if i["number"] == only]
    paid = tx.payments_on(g.est_id, [i["number"] for i in invoices])
    return hospes.portal_invoices(g.access, g.client, invoices, paid, g.est["online_payment"])


@bp.get("/invoices")
@signed_in
def invoices():  # type: ignore[no-untyped-def]
    with services().store.tx() as tx:
        views = _views(tx)
    return page("guest/invoices.html", invoices=views)


@bp.get("/invoices/<number>/pdf")
@signed_in
def invoice_pdf(number: str):  # type: ignore[no-untyped-def]
    with services().store.tx() as tx:
        found = tx.invoice(g.est_id, number)
    if found is None:
        abort(404)
    return _pdf(hospes.portal_invoice_pdf(g.access, g.client, found), f"facture-{number}.pdf", download=True)


@bp.get("/invoices/<number>/pay")
@signed_in
def pay_page(number: str):  # type: ignore[no-untyped-def]
    """Where a payment link lands: the invoice, what is due, « Payer »."""
    with services().store.tx() as tx:
        views = _views(tx, number)
    if not views:
        abort(404)
    return page("guest/pay.html", view=views[0])


@bp.post("/invoices/<number>/pay")
@signed_in
def pay(number: str):  # type: ignore[no-untyped-def]
    """« Payer »: hospes says what to charge, the provider takes the guest to its checkout."""
    provider = services().provider
    with services().store.tx() as tx:
        views = _views(tx, number)
        if not views:
            abort(404)
        if not views[0]["payable"]:
            flash(t("nothing_to_pay"), "error")
            return back("guest.invoices")
        asked = payments.prepare(tx, provider, g.establishment, g.client["id"], views[0]["invoice"], now())
    notify = f"{services().public_url}/payments/notify/{provider.name}"
    return redirect(provider.start(asked, notify).redirect_url, code=303)


def _asked_by_her(tx: Tx) -> Record:
    """The payment request named by `?ref=`, if it is hers (else 404)."""
    asked = tx.payment_request(g.est_id, request.args.get("ref", ""))
    if asked is None or asked["client_id"] != g.client["id"]:
        abort(404)
    return asked


@bp.get("/pay/return")
@signed_in
def pay_return():  # type: ignore[no-untyped-def]
    """Back from the provider: the payment is recorded if the notification has not done it yet
    (the same transaction counts once), and she sees where it stands."""
    with services().store.tx() as tx:
        asked = _asked_by_her(tx)
    result = services().provider.fetch_result(asked["reference"])
    if result is not None:
        payments.record_safely(services().store.tx(), g.est_id, result, now())
    with services().store.tx() as tx:
        views = _views(tx, asked["invoice_number"])
    status = result["status"] if result else "pending"
    return page("guest/pay_result.html", view=views[0] if views else None, status=status)


@bp.get("/pay/cancel")
@signed_in
def pay_cancel():  # type: ignore[no-untyped-def]
    """She gave up on the provider's page: nothing is paid; back to her invoices."""
    with services().store.tx() as tx:
        asked = _asked_by_her(tx)
    result = services().provider.fetch_result(asked["reference"])
    if result is not None:
        payments.record_safely(services().store.tx(), g.est_id, result, now())
    flash(t("payment_cancelled"), "error")
    return back("guest.invoices")
