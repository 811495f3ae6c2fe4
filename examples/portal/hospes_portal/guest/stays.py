"""A stay: its page (lines, totals, documents, left to pay), its companions, the booking fields
she may still edit, its cancellation; and a resident's year on her pitch."""

from __future__ import annotations

import secrets
from typing import List, Optional

import hospes
from flask import abort, flash, request
from flask.typing import ResponseReturnValue

from .. import now, services
from ..db import Series, StoredChangeRequest, Tx, credit_note_series, invoice_series, number_of
from ..i18n import t
from . import back, bp, form_text, log, me, page, place, refuse, signed_in


def _request_id() -> str:
    """The host's id for a change past its deadline (hospes keeps it in the request)."""
    return "REQ-" + secrets.token_hex(4).upper()


@bp.get("/stays/<reference>")
@signed_in
def stay(reference: str) -> ResponseReturnValue:
    """« L'écran séjour »: reference, persons, documents, total and lines, left to pay, « Payer »,
    and the changes she asked for after their deadline."""
    est, guest = place(), me()
    with services().store.read() as tx:
        stays = tx.stays_of(est.id, guest.client["id"])
        invoices = tx.invoices_of(est.id, guest.client["id"], reference)
        payments = tx.payments_on(est.id, [number_of(i) for i in invoices])
        quote = tx.quote_for_stay(est.id, reference)
        requests = _requests(tx, reference)
    detail = hospes.portal_stay(guest.access, guest.client, stays, reference)
    money = hospes.portal_stay_payment(guest.access, guest.client, detail["stay"], invoices, payments,
                                       est.online_payment)
    views = hospes.portal_invoices(guest.access, guest.client, invoices, payments, est.online_payment)
    window = _window(detail["stay"])
    return page("guest/stay.html", detail=detail, money=money, invoices=views, quote=quote, window=window,
                participants_window=_field(window, "participants"), requests=requests, policy=est.edit_policy,
                cancellable=detail["stay"]["status"] in ("option", "confirmed"))


def _requests(tx: Tx, reference: str) -> List[StoredChangeRequest]:
    """Her changes of this stay asked after their deadline, and where the business stands."""
    if place().edit_policy is None:
        return []
    return tx.change_requests_of(place().id, me().client["id"], reference)


def _window(stay: hospes.Stay) -> Optional[hospes.EditWindow]:
    """The booking fields she may still edit, when the business allows any."""
    policy = place().edit_policy
    if not policy or stay["status"] not in ("option", "confirmed"):
        return None
    return hospes.portal_edit_window(me().access, me().client, policy, [stay], stay["reference"],
                                     place().record["time_zone"], now())


def _field(window: Optional[hospes.EditWindow], field: str) -> Optional[hospes.FieldWindow]:
    """One field of the window (its deadline, whether it is still open)."""
    return next((f for f in window["fields"] if f["field"] == field), None) if window else None


@bp.post("/stays/<reference>/participants")
@signed_in
def add_participant(reference: str) -> ResponseReturnValue:
    """Adds a companion: typed, or picked among her former companions."""
    participant: hospes.NewParticipant
    if request.form.get("former"):
        participant = {"kind": "former", "index": int(request.form["former"])}
    else:
        # The form's text read as hospes reads a stored record: a date typed wrong stays text,
        # and hospes says what is wrong with it.
        participant = {"kind": "typed", "person": hospes.from_wire("Companion", {
            "first_name": form_text("first_name") or "", "last_name": form_text("last_name") or "",
            "birth_date": form_text("birth_date")})}
    return _change_participants(reference, participant, None)


@bp.post("/stays/<reference>/participants/<int:index>/remove")
@signed_in
def remove_participant(reference: str, index: int) -> ResponseReturnValue:
    return _change_participants(reference, None, index)


def _change_participants(reference: str, added: Optional[hospes.NewParticipant],
                         removed: Optional[int]) -> ResponseReturnValue:
    """Adds `added` or removes the participant at `removed`, by the rule of the booking page: the
    business's edit policy decides (at once before the `participants` deadline, a request for it
    to answer after), and a stay still in « option » has its quote re-priced by hospes for the
    people now coming (what she signs names everyone)."""
    est, guest = place(), me()
    with services().store.tx() as tx:
        found = tx.stay(est.id, reference)
        if found is None:
            abort(404)
        policy = est.edit_policy
        zone, request_id = (est.record["time_zone"], _request_id()) if policy else (None, None)
        quote = tx.quote_for_stay(est.id, reference) if found["status"] == "option" else None
        catalogue = est.catalogue if quote is not None else None
        try:
            if added is not None:
                done = hospes.portal_add_participant(guest.access, guest.client, found, added, now(), policy, zone,
                                                     request_id, quote, catalogue)
            else:
                assert removed is not None
                done = hospes.portal_remove_participant(guest.access, guest.client, found, removed, now(), policy,
                                                        zone, request_id, quote, catalogue)
        except hospes.HospesError as err:
            refuse(err)
        else:
            tx.save_stay(est.id, done["stay"])
            tx.save_client(est.id, done["client"], now())
            repriced = done.get("quote")
            if repriced is not None:
                tx.save_quote(est.id, repriced)
            late = done.get("request")
            if late is not None:
                tx.add_change_request(est.id, late)
                flash(t("participants_requested"), "ok")
            log(tx, f"stay:{reference}", done["events"])
    if request.form.get("next") == "quote":
        return back("guest.quote", number=request.form.get("quote", ""))
    return back("guest.stay", reference=reference)


@bp.route("/stays/<reference>/booking", methods=["GET", "POST"])
@signed_in
def booking(reference: str) -> ResponseReturnValue:
    """The booking fields she may still change, with the time left; past a deadline, a change
    becomes a request the business answers (seed 004)."""
    est, guest = place(), me()
    policy = est.edit_policy
    with services().store.tx() as tx:
        stays = tx.stays_of(est.id, guest.client["id"])
        detail = hospes.portal_stay(guest.access, guest.client, stays, reference)
        if request.method == "POST" and policy:
            change = _booking_change(policy)
            try:
                done = hospes.apply_booking_change(guest.access, guest.client, policy, detail["stay"],
                                                   est.record["time_zone"], change, _request_id(), now())
            except hospes.HospesError as err:
                refuse(err)
            else:
                tx.save_stay(est.id, done["stay"])
                late = done.get("request")
                if late is not None:
                    tx.add_change_request(est.id, late)
                log(tx, f"stay:{reference}", done["events"])
                kinds = {e["type"] for e in done["events"]}
                flash(t("booking_requested") if "booking_change_requested" in kinds
                      else t("booking_saved") if kinds else t("nothing_changed"), "ok")
                return back("guest.booking", reference=reference)
        requests = _requests(tx, reference)
    window = _window(detail["stay"])
    return page("guest/booking.html", detail=detail, window=window, policy=policy, requests=requests)


def _booking_change(policy: hospes.EditPolicy) -> hospes.BookingChange:
    """The posted fields of the policy as hospes's `BookingChange` (participants stay on the stay
    page, with their own add and remove)."""
    change: hospes.BookingChange = {}
    custom: List[hospes.CustomFieldValue] = []
    for rule in policy["fields"]:
        field = rule["field"]
        if field not in request.form or field == "participants":
            continue
        value = (request.form.get(field) or "").strip()
        if field == "notes":
            change["notes"] = value
        elif field == "arrival_time":
            change["arrival_time"] = value or None
        else:
            custom.append({"key": field, "value": value})
    if custom:
        change["custom_fields"] = custom
    return change


@bp.route("/stays/<reference>/cancel", methods=["GET", "POST"])
@signed_in
def cancel(reference: str) -> ResponseReturnValue:
    """What cancelling costs now, then the confirmation (refused if the refund shown changed)."""
    est, guest = place(), me()
    with services().store.tx() as tx:
        stays = tx.stays_of(est.id, guest.client["id"])
        found = next((s for s in stays if s["reference"] == reference), None)
        if found is None:
            abort(404)
        invoices = tx.invoices_of(est.id, guest.client["id"], reference)
        payments = tx.payments_on(est.id, [number_of(i) for i in invoices])
        policy = _cancellation_policy(tx, reference)
        zone = est.record["time_zone"]
        if request.method == "POST":
            locked = tx.establishment(est.id, lock=True)
            assert locked is not None
            series = locked.series
            confirmation: hospes.CancellationConfirmation = {
                "shown_refund": hospes.from_wire("Money", {"amount": request.form.get("shown_refund", ""),
                                                           "currency": found["currency"]}),
                "invoice_series": invoice_series(series), "credit_note_series": credit_note_series(series)}
            try:
                done = hospes.portal_cancel_stay(guest.access, guest.client, found, policy, invoices, payments,
                                                 confirmation, zone, now())
            except hospes.HospesError as err:
                refuse(err)
                return back("guest.cancel", reference=reference)
            _store_cancellation(tx, done, series)
            flash(t("stay_cancelled"), "ok")
            return back("guest.stay", reference=reference)
        preview = hospes.portal_cancellation_preview(guest.access, guest.client, found, policy, invoices, payments,
                                                     zone, now())
    return page("guest/cancel.html", stay=found, preview=preview)


def _cancellation_policy(tx: Tx, reference: str) -> hospes.CancellationPolicy:
    """The terms she accepted with her quote, else the catalogue's current ones."""
    quote = tx.quote_for_stay(place().id, reference)
    if quote is not None:
        return quote["priced"]["cancellation"]
    catalogue = place().catalogue
    return catalogue.get("cancellation", {}) if catalogue else {}


def _store_cancellation(tx: Tx, done: hospes.Cancellation, series: Series) -> None:
    est_id = place().id
    cancelled = done["stay"]
    fee = done.get("fee_invoice")
    for invoice in done["cancelled_invoices"] + done["credit_notes"] + ([fee] if fee else []):
        tx.save_invoice(est_id, invoice)
    carried = done.get("carried_payment")
    if carried:
        tx.add_payments(est_id, [carried])
    documents: List[hospes.DocumentRef] = [{"kind": "credit_note", "number": number_of(c)} for c in done["credit_notes"]]
    if fee:
        documents.append({"kind": "invoice", "number": number_of(fee)})
    cancelled["documents"] = list(cancelled.get("documents", [])) + documents
    tx.save_stay(est_id, cancelled)
    series["last_invoice"] = done["invoice_series"].get("last")
    series["last_credit_note"] = done["credit_note_series"].get("last")
    tx.set_series(est_id, series)
    log(tx, f"stay:{cancelled['reference']}", done["events"])
    tx.touch_client(me().client["id"], now())


@bp.route("/residencies/<reference>", methods=["GET", "POST"])
@signed_in
def residency(reference: str) -> ResponseReturnValue:
    """A resident's year: her pitch, rent installments and invoices, yearly contract, and the
    people allowed on the pitch."""
    est, guest = place(), me()
    with services().store.tx() as tx:
        stored = tx.residency(est.id, reference)
        try:
            view = hospes.portal_residency(guest.access, guest.client, [stored] if stored else [], reference)
        except hospes.PortalError:
            abort(404)
        found = view["residency"]
        if request.method == "POST":
            persons = _persons_from_form()
            try:
                done = hospes.portal_set_authorised(guest.access, guest.client, found, persons, now())
            except hospes.HospesError as err:
                refuse(err)
            else:
                tx.save_residency(est.id, done["residency"])
                log(tx, f"stay:{reference}", done["events"])
                flash(t("authorised_saved") if done["events"] else t("nothing_changed"), "ok")
            return back("guest.residency", reference=reference)
        invoices = tx.invoices_of(est.id, guest.client["id"], reference)
        payments = tx.payments_on(est.id, [number_of(i) for i in invoices])
        contract_number = tx.residency_contract_number(est.id, reference)
    views = hospes.portal_invoices(guest.access, guest.client, invoices, payments, est.online_payment)
    return page("guest/residency.html", residency=found, schedule=view["schedule"], invoices=views,
                contract_number=contract_number)


def _persons_from_form() -> List[hospes.Companion]:
    """The rows of the authorised persons' form (a blank row adds nobody)."""
    firsts, lasts = request.form.getlist("first_name"), request.form.getlist("last_name")
    removed = set(request.form.getlist("remove"))
    return [{"first_name": f.strip(), "last_name": l.strip()} for i, (f, l) in enumerate(zip(firsts, lasts))
            if (f.strip() or l.strip()) and str(i) not in removed]
