"""Her documents: the quote (PDF, participants, promo code, signed by drawing), the contract
(PDF, signed by drawing), the invoices (paid badges, PDF) and paying through the provider."""

from __future__ import annotations

from typing import List, Optional, Union

import hospes
from flask import Response, abort, flash, redirect, request
from flask.typing import ResponseReturnValue

from .. import billing, now, payments, services
from ..db import PaymentRequestRow, Tx, file_bytes, number_of
from ..i18n import as_locale, current_locale, t
from . import back, bp, form_text, log, me, page, place, refuse, signed_in


def _pdf(data: Union[str, bytes], filename: str, download: bool = False) -> Response:
    """A PDF answer (hospes gives bytes; stored copies too)."""
    disposition = "attachment" if download else "inline"
    return Response(file_bytes(data), mimetype="application/pdf",
                    headers={"Content-Disposition": f'{disposition}; filename="{filename}"'})


def _signature(shown_locale: hospes.Locale, consent_key: str) -> hospes.SignatureRequest:
    """The `SignatureRequest` posted by the sign form: the hash of the PDF she was shown, her
    name, the consent she ticked, where from, and the strokes drawn on the pad."""
    drawn = form_text("signature_d")
    image: Optional[hospes.SignatureImage] = None
    if drawn:
        image = {"format": "svg_path", "d": drawn,
                 "width": int(request.form.get("signature_width") or 300),
                 "height": int(request.form.get("signature_height") or 120)}
    return {"document_sha256": request.form.get("document_sha256", ""), "signer_name": form_text("signer_name") or "",
            "signer_email": me().client.get("email"), "consent_text": t(consent_key, locale=shown_locale),
            "ip": request.remote_addr, "user_agent": request.headers.get("User-Agent"), "image": image,
            "locale": shown_locale}


def _shown_locale() -> hospes.Locale:
    """The language of the document she was shown (posted with the sign form)."""
    return as_locale(request.form.get("locale"), current_locale())


def _consented() -> bool:
    if request.form.get("consent") != "yes" or not form_text("signature_d"):
        flash(t("sign_needs_consent"), "error")
        return False
    return True


# -- the quote --------------------------------------------------------------------------------

def _quote(tx: Tx, number: str) -> hospes.Quote:
    quote = tx.quote(place().id, number)
    if quote is None:
        abort(404)
    return quote


@bp.get("/quotes/<number>")
@signed_in
def quote(number: str) -> ResponseReturnValue:
    est, guest = place(), me()
    with services().store.read() as tx:
        found = _quote(tx, number)
        view = hospes.portal_quote(guest.access, guest.client, found, now())
        stays = tx.stays_of(est.id, guest.client["id"])
    detail = hospes.portal_stay(guest.access, guest.client, stays, found["stay_reference"])
    shown = hospes.portal_quote_document(guest.access, guest.client, found, est.record, current_locale()) \
        if view["open"] else None
    return page("guest/quote.html", view=view, quote=view["quote"], detail=detail,
                shown_sha256=shown["sha256"] if shown else None, shown_locale=shown["locale"] if shown else None)


@bp.get("/quotes/<number>/pdf")
@signed_in
def quote_pdf(number: str) -> ResponseReturnValue:
    """The PDF she reads and signs; once signed, the very copy she signed."""
    est, guest = place(), me()
    with services().store.read() as tx:
        found = _quote(tx, number)
        hospes.portal_quote(guest.access, guest.client, found, now())
        signed = tx.signed_copy("quotes", est.id, number)
    if signed is not None:
        return _pdf(signed, f"devis-{number}.pdf")
    shown = hospes.portal_quote_document(guest.access, guest.client, found, est.record, current_locale())
    return _pdf(shown["pdf"], f"devis-{number}.pdf")


@bp.post("/quotes/<number>/promo")
@signed_in
def quote_promo(number: str) -> ResponseReturnValue:
    """A promo code typed (or removed): the quote re-priced, the new total shown."""
    est, guest = place(), me()
    with services().store.tx() as tx:
        found = _quote(tx, number)
        catalogue = est.catalogue
        if catalogue is None:
            abort(404)
        try:
            changed = hospes.portal_apply_quote_promo(guest.access, guest.client, found, catalogue,
                                                      form_text("promo_code"), now())
        except hospes.HospesError as err:
            refuse(err)
        else:
            tx.save_quote(est.id, changed["quote"])
            log(tx, f"stay:{found['stay_reference']}", changed["events"])
            flash(t("quote_repriced"), "ok")
    return back("guest.quote", number=number)


@bp.post("/quotes/<number>/sign")
@signed_in
def quote_sign(number: str) -> ResponseReturnValue:
    """She signs the PDF she read: the stay is confirmed, the first invoice issued and mailed."""
    if not _consented():
        return back("guest.quote", number=number)
    est, guest = place(), me()
    with services().store.tx() as tx:
        found = _quote(tx, number)
        stay = tx.stay(est.id, found["stay_reference"])
        if stay is None:
            abort(404)
        acceptance = _signature(_shown_locale(), "consent_quote")
        try:
            signed = hospes.portal_accept_quote(guest.access, guest.client, found, stay, acceptance, est.record, None,
                                                now())
        except hospes.HospesError as err:
            refuse(err)
            return back("guest.quote", number=number)
        accepted = signed["acceptance"]
        tx.save_quote(est.id, accepted["quote"], signed["copy"])
        tx.save_stay(est.id, accepted["stay"])
        log(tx, f"stay:{stay['reference']}", accepted["events"])
        billing.after_quote_signed(tx, services().postman, est, guest.client, signed, now())
    flash(t("quote_signed"), "ok")
    return back("guest.stay", reference=found["stay_reference"])


# -- the contract -----------------------------------------------------------------------------

def _contract(tx: Tx, number: str) -> hospes.Contract:
    found = tx.contract(place().id, number)
    if found is None:
        abort(404)
    return found


@bp.get("/contracts/<number>")
@signed_in
def contract(number: str) -> ResponseReturnValue:
    guest = me()
    with services().store.read() as tx:
        found = _contract(tx, number)
    view = hospes.portal_contract(guest.access, guest.client, found)
    shown = hospes.portal_contract_document(guest.access, guest.client, found, current_locale()) \
        if view["signable"] else None
    return page("guest/contract.html", view=view, contract=view["contract"],
                shown_sha256=shown["sha256"] if shown else None, shown_locale=shown["locale"] if shown else None)


@bp.get("/contracts/<number>/pdf")
@signed_in
def contract_pdf(number: str) -> ResponseReturnValue:
    guest = me()
    with services().store.read() as tx:
        found = _contract(tx, number)
        hospes.portal_contract(guest.access, guest.client, found)
        signed = tx.signed_copy("contracts", place().id, number)
    if signed is not None:
        return _pdf(signed, f"contrat-{number}.pdf")
    shown = hospes.portal_contract_document(guest.access, guest.client, found, current_locale())
    return _pdf(shown["pdf"], f"contrat-{number}.pdf")


@bp.post("/contracts/<number>/sign")
@signed_in
def contract_sign(number: str) -> ResponseReturnValue:
    if not _consented():
        return back("guest.contract", number=number)
    guest = me()
    with services().store.tx() as tx:
        found = _contract(tx, number)
        asked = _signature(_shown_locale(), "consent_contract")
        try:
            signed = hospes.portal_sign_contract(guest.access, guest.client, found, asked, None, now())
        except hospes.HospesError as err:
            refuse(err)
            return back("guest.contract", number=number)
        tx.save_contract(place().id, signed["signed"]["contract"], signed["copy"])
        log(tx, f"stay:{found['stay_reference']}", signed["signed"]["events"])
    flash(t("contract_signed"), "ok")
    return back("guest.contract", number=number)


# -- invoices and payment ---------------------------------------------------------------------

def _views(tx: Tx, only: Optional[str] = None) -> List[hospes.InvoiceView]:
    """Her invoices as hospes shows them (paid, due, payable); `only` one of them."""
    est, guest = place(), me()
    invoices = tx.invoices_of(est.id, guest.client["id"])
    if only is not None:
        invoices = [i for i in invoices if i.get("number") == only]
    paid = tx.payments_on(est.id, [number_of(i) for i in invoices])
    return hospes.portal_invoices(guest.access, guest.client, invoices, paid, est.online_payment)


@bp.get("/invoices")
@signed_in
def invoices() -> ResponseReturnValue:
    with services().store.read() as tx:
        views = _views(tx)
    return page("guest/invoices.html", invoices=views)


@bp.get("/invoices/<number>/pdf")
@signed_in
def invoice_pdf(number: str) -> ResponseReturnValue:
    with services().store.read() as tx:
        found = tx.invoice(place().id, number)
    if found is None:
        abort(404)
    return _pdf(hospes.portal_invoice_pdf(me().access, me().client, found), f"facture-{number}.pdf", download=True)


@bp.get("/invoices/<number>/pay")
@signed_in
def pay_page(number: str) -> ResponseReturnValue:
    """Where a payment link lands: the invoice, what is due, « Payer »."""
    with services().store.read() as tx:
        views = _views(tx, number)
    if not views:
        abort(404)
    return page("guest/pay.html", view=views[0])


@bp.post("/invoices/<number>/pay")
@signed_in
def pay(number: str) -> ResponseReturnValue:
    """« Payer »: hospes says what to charge, the provider takes the guest to its checkout."""
    provider = services().provider
    with services().store.tx() as tx:
        views = _views(tx, number)
        if not views:
            abort(404)
        if not views[0]["payable"]:
            flash(t("nothing_to_pay"), "error")
            return back("guest.invoices")
        asked = payments.prepare(tx, provider, place().record, me().client["id"], views[0]["invoice"], now())
    notify = f"{services().public_url}/payments/notify/{provider.name}"
    return redirect(provider.start(asked, notify).redirect_url, code=303)


def _asked_by_her(tx: Tx) -> PaymentRequestRow:
    """The payment request named by `?ref=`, if it is hers (else 404)."""
    asked = tx.payment_request(place().id, request.args.get("ref", ""))
    if asked is None or asked["client_id"] != me().client["id"]:
        abort(404)
    return asked


@bp.get("/pay/return")
@signed_in
def pay_return() -> ResponseReturnValue:
    """Back from the provider: the payment is recorded if the notification has not done it yet
    (the same transaction counts once), and she sees where it stands."""
    with services().store.tx() as tx:
        asked = _asked_by_her(tx)
    result = services().provider.fetch_result(asked["reference"])
    if result is not None:
        payments.record_safely(services().store.tx(), place().id, result, now())
    with services().store.tx() as tx:
        views = _views(tx, asked["invoice_number"])
    status = result["status"] if result else "pending"
    return page("guest/pay_result.html", view=views[0] if views else None, status=status)


@bp.get("/pay/cancel")
@signed_in
def pay_cancel() -> ResponseReturnValue:
    """She gave up on the provider's page: nothing is paid; back to her invoices."""
    with services().store.tx() as tx:
        asked = _asked_by_her(tx)
    result = services().provider.fetch_result(asked["reference"])
    if result is not None:
        payments.record_safely(services().store.tx(), place().id, result, now())
    flash(t("payment_cancelled"), "error")
    return back("guest.invoices")
