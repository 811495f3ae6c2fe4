"""A stay: its page (lines, totals, documents, left to pay), its companions, the booking fields
she may still edit, its cancellation; and a resident's year on her pitch."""

from __future__ import annotations

import secrets
from typing import Any, Dict, List, Optional

import hospes
from flask import abort, flash, g, request

from .. import now, services
from ..db import Record, Tx
from ..i18n import t
from . import back, bp, form_text, log, page, refuse, signed_in


def _stay_records(tx: Tx, reference: str) -> Dict[str, Any]:
    """Her stays, and the invoices and payments of the one asked for (hospes picks hers)."""
    stays = tx.stays_of(g.est_id, g.client["id"])
    invoices = [i for i in tx.invoices_of(g.est_id, g.client["id"]) if i.get("stay_reference") == reference]
    return {"stays": stays, "invoices": invoices,
            "payments": tx.payments_on(g.est_id, [i["number"] for i in invoices])}


@bp.get("/stays/<reference>")
@signed_in
def stay(reference: str):  # type: ignore[no-untyped-def]
    """« L'écran séjour »: reference, persons, documents, total and lines, left to pay, « Payer »."""
    with services().store.tx() as tx:
        found = _stay_records(tx, reference)
        quote = tx.quote_for_stay(g.est_id, reference)
    detail = hospes.portal_stay(g.access, g.client, found["stays"], reference)
    money = hospes.portal_stay_payment(g.access, g.client, detail["stay"], found["invoices"], found["payments"],
                                       g.est["online_payment"])
    invoices = hospes.portal_invoices(g.access, g.client, found["invoices"], found["payments"], g.est["online_payment"])
    window = _window(detail["stay"])
    return page("guest/stay.html", detail=detail, money=money, invoices=invoices, quote=quote, window=window,
                cancellable=detail["stay"]["status"] in ("option", "confirmed"))


def _window(stay: Record) -> Optional[Record]:
    """The booking fields she may still edit, when the business allows any."""
    policy = g.est.get("edit_policy")
    if not policy or stay["status"] not in ("option", "confirmed"):
        return None
    return hospes.portal_edit_window(g.access, g.client, policy, [stay], stay["reference"],
                                     g.establishment["time_zone"], now())


@bp.post("/stays/<reference>/participants")
@signed_in
def add_participant(reference: str):  # type: ignore[no-untyped-def]
    """Adds a companion: typed, or picked among her former companions."""
    if request.form.get("former"):
        participant: Record = {"kind": "former", "index": int(request.form["former"])}
    else:
        participant = {"kind": "typed", "person": {
            "first_name": form_text("first_name") or "", "last_name": form_text("last_name") or "",
            "birth_date": form_text("birth_date")}}
    return _change_participants(reference, lambda s: hospes.portal_add_participant(g.access, g.client, s, participant, now()))


@bp.post("/stays/<reference>/participants/<int:index>/remove")
@signed_in
def remove_participant(reference: str, index: int):  # type: ignore[no-untyped-def]
    return _change_participants(reference, lambda s: hospes.portal_remove_participant(g.access, g.client, s, index, now()))


def _change_participants(reference: str, change: Any):  # type: ignore[no-untyped-def]
    """Applies a participants change; a stay still in « option » has its quote re-priced for the
    people now coming (what she signs names everyone)."""
    with services().store.tx() as tx:
        stay = tx.stay(g.est_id, reference)
        if stay is None:
            abort(404)
        try:
            done = change(stay)
            tx.save_stay(g.est_id, done["stay"])
            tx.save_client(g.est_id, done["client"], now())
            log(tx, f"stay:{reference}", done["events"])
            quote = tx.quote_for_stay(g.est_id, reference)
            if quote is not None and quote["status"] == "sent":
                reprice_quote(tx, quote, done["stay"])
        except hospes.HospesError as err:
            refuse(err)
    if request.form.get("next") == "quote":
        quote_number = request.form.get("quote", "")
        return back("guest.quote", number=quote_number)
    return back("guest.stay", reference=reference)


def reprice_quote(tx: Tx, quote: Record, stay: Record) -> None:
    """The quote priced again for the client and the stay's participants (their ages count)."""
    guests = [{}] + [{"birth_date": p.get("birth_date")} for p in stay.get("participants", [])]
    changed = hospes.portal_change_quote_guests(g.access, g.client, quote, g.est["catalogue"], guests, now())
    tx.save_quote(g.est_id, changed["quote"])
    log(tx, f"stay:{quote['stay_reference']}", changed["events"])


@bp.route("/stays/<reference>/booking", methods=["GET", "POST"])
@signed_in
def booking(reference: str):  # type: ignore[no-untyped-def]
    """The booking fields she may still change, with the time left; past a deadline, a change
    becomes a request the business answers (seed 004)."""
    policy = g.est.get("edit_policy")
    with services().store.tx() as tx:
        stays = tx.stays_of(g.est_id, g.client["id"])
        detail = hospes.portal_stay(g.access, g.client, stays, reference)
        if request.method == "POST" and policy:
            change = _booking_change(policy, detail["stay"])
            try:
                done = hospes.apply_booking_change(g.access, g.client, policy, detail["stay"], g.establishment["time_zone"],
                                                   change, "REQ-" + secrets.token_hex(4).upper(), now())
            except hospes.HospesError as err:
                refuse(err)
            else:
                tx.save_stay(g.est_id, done["stay"])
                if done.get("request"):
                    tx.add_change_request(g.est_id, done["request"])
                log(tx, f"stay:{reference}", done["events"])
                kinds = {e["type"] for e in done["events"]}
                flash(t("booking_requested") if "booking_change_requested" in kinds
                      else t("booking_saved") if kinds else t("nothing_changed"), "ok")
                return back("guest.booking", reference=reference)
        requests = [r for r in tx.change_requests_of(g.est_id, g.client["id"]) if r["stay_reference"] == reference]
    window = _window(detail["stay"])
    return page("guest/booking.html", detail=detail, window=window, policy=policy, requests=requests)


def _booking_change(policy: Record, stay: Record) -> Record:
    """The posted fields of the policy as hospes's `BookingChange` (participants stay on the stay
    page, with their own add and remove)."""
    change: Dict[str, Any] = {}
    custom: List[Record] = []
    for rule in policy["fields"]:
        field = rule["field"]
        if field not in request.form or field == "participants":
            continue
        value = (request.form.get(field) or "").strip()
        if field in ("notes", "arrival_time"):
            change[field] = value if field == "notes" else (value or None)
        else:
            custom.append({"key": field, "value": value})
    if custom:
        change["custom_fields"] = custom
    return change


@bp.route("/stays/<reference>/cancel", methods=["GET", "POST"])
@signed_in
def cancel(reference: str):  # type: ignore[no-untyped-def]
    """What cancelling costs now, then the confirmation (refused if the refund shown changed)."""
    with services().store.tx() as tx:
        found = _stay_records(tx, reference)
        stay = next((s for s in found["stays"] if s["reference"] == reference), None)
        if stay is None:
            abort(404)
        policy = _cancellation_policy(tx, reference)
        zone = g.establishment["time_zone"]
        if request.method == "POST":
            est = tx.establishment(g.est_id, lock=True)
            assert est is not None
            series = est["series"]
            confirmation = {
                "shown_refund": {"amount": request.form.get("shown_refund", ""), "currency": stay["currency"]},
                "invoice_series": {"pattern": series["invoice"], "last": series["last_invoice"]},
                "credit_note_series": {"pattern": series["credit_note"], "last": series["last_credit_note"]}}
            try:
                done = hospes.portal_cancel_stay(g.access, g.client, stay, policy, found["invoices"],
                                                 found["payments"], confirmation, zone, now())
            except hospes.HospesError as err:
                refuse(err)
                return back("guest.cancel", reference=reference)
            _store_cancellation(tx, done, series)
            flash(t("stay_cancelled"), "ok")
            return back("guest.stay", reference=reference)
        preview = hospes.portal_cancellation_preview(g.access, g.client, stay, policy, found["invoices"],
                                                     found["payments"], zone, now())
    return page("guest/cancel.html", stay=stay, preview=preview)


def _cancellation_policy(tx: Tx, reference: str) -> Record:
    """The terms she accepted with her quote, else the catalogue's current ones."""
    quote = tx.quote_for_stay(g.est_id, reference)
    if quote is not None:
        return quote["priced"]["cancellation"]
    return (g.est.get("catalogue") or {}).get("cancellation", {})


def _store_cancellation(tx: Tx, done: Record, series: Record) -> None:
    stay = done["stay"]
    for invoice in done["cancelled_invoices"] + done["credit_notes"] + ([done["fee_invoice"]] if done.get("fee_invoice") else []):
        tx.save_invoice(g.est_id, invoice)
    if done.get("carried_payment"):
        tx.add_payments(g.est_id, [done["carried_payment"]])
    numbers = [i["number"] for i in done["credit_notes"]] + ([done["fee_invoice"]["number"]] if done.get("fee_invoice") else [])
    stay["documents"] = list(stay.get("documents", [])) + [
        {"kind": "credit_note" if n in {c["number"] for c in done["credit_notes"]} else "invoice", "number": n} for n in numbers]
    tx.save_stay(g.est_id, stay)
    tx.set_establishment(g.est_id, series=dict(series, last_invoice=done["invoice_series"].get("last"),
                                               last_credit_note=done["credit_note_series"].get("last")))
    log(tx, f"stay:{stay['reference']}", done["events"])
    tx.touch_client(g.client["id"], now())


@bp.route("/residencies/<reference>", methods=["GET", "POST"])
@signed_in
def residency(reference: str):  # type: ignore[no-untyped-def]
    """A resident's year: her pitch, rent installments and invoices, yearly contract, and the
    people allowed on the pitch."""
    with services().store.tx() as tx:
        stored = tx.residency(g.est_id, reference)
        try:
            view = hospes.portal_residency(g.access, g.client, [stored] if stored else [], reference)
        except hospes.PortalError:
            abort(404)
        found = view["residency"]
        if request.method == "POST":
            persons = _persons_from_form()
            try:
                done = hospes.portal_set_authorised(g.access, g.client, found, persons, now())
            except hospes.HospesError as err:
                refuse(err)
            else:
                tx.save_residency(g.est_id, done["residency"])
                log(tx, f"stay:{reference}", done["events"])
                flash(t("authorised_saved") if done["events"] else t("nothing_changed"), "ok")
            return back("guest.residency", reference=reference)
        invoices = [i for i in tx.invoices_of(g.est_id, g.client["id"]) if i.get("stay_reference") == reference]
        payments = tx.payments_on(g.est_id, [i["number"] for i in invoices])
        contract_number = tx.residency_contract_number(g.est_id, reference)
    views = hospes.portal_invoices(g.access, g.client, invoices, payments, g.est["online_payment"])
    return page("guest/residency.html", residency=found, schedule=view["schedule"], invoices=views,
                contract_number=contract_number)


def _persons_from_form() -> List[Record]:
    """The rows of the authorised persons' form (a blank row adds nobody)."""
    firsts, lasts = request.form.getlist("first_name"), request.form.getlist("last_name")
    removed = set(request.form.getlist("remove"))
    return [{"first_name": f.strip(), "last_name": l.strip()} for i, (f, l) in enumerate(zip(firsts, lasts))
            if (f.strip() or l.strip()) and str(i) not in removed]
