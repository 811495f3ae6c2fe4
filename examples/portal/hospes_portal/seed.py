"""The demo data, loaded from one JSON fixture (`examples/portal/demo.json`) on first start.

The fixture declares records in hospes's wire form; documents are made by hospes as a PMS would
make them — quotes priced from the catalogue, invoices drafted and issued in their series,
payments recorded, contracts drawn up — and every event goes to the hash-linked log. The
fixture is written as of `as_of`: every date in it (but birth dates) moves by whole weeks, so
that `as_of` falls in the current week and weekdays (arrival days) stay what they were.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, List, Optional
from urllib.parse import parse_qs, urlparse

import hospes

from . import billing
from .db import EstablishmentRow, Tx

if TYPE_CHECKING:
    from . import Services

#: A part of the fixture, as JSON gives it (its records are typed by `hospes.from_wire`).
Spec = Dict[str, Any]

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INSTANT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z$")
_LOCAL = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$")
#: Keys whose dates stay as written: a person's age does not move with the demo.
_FIXED = {"birth_date"}


def shift_dates(value: object, days: int, key: str = "") -> object:
    """`value` with every date, instant and wall-clock time moved by `days` (not birth dates)."""
    if isinstance(value, dict):
        return {k: shift_dates(v, days, k) for k, v in value.items()}
    if isinstance(value, list):
        return [shift_dates(v, days, key) for v in value]
    if not isinstance(value, str) or key in _FIXED or days == 0:
        return value
    if _DATE.match(value):
        return (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat()
    if _INSTANT.match(value):
        moved = dt.datetime.fromisoformat(value.replace("Z", "+00:00")) + dt.timedelta(days=days)
        return moved.strftime("%Y-%m-%dT%H:%M:%SZ")
    if _LOCAL.match(value):
        return (dt.datetime.fromisoformat(value) + dt.timedelta(days=days)).strftime("%Y-%m-%dT%H:%M")
    return value


def load_fixture(path: Path, today: Optional[dt.date] = None) -> Spec:
    """The fixture, its dates moved to the week of `today` (as written when None)."""
    data: Dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if today is None:
        return data
    as_of = dt.date.fromisoformat(data["as_of"][:10])
    shifted = shift_dates(data, (today - as_of).days // 7 * 7)
    assert isinstance(shifted, dict)
    return shifted


def _noon(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(9), dt.timezone.utc)


class Seeder:
    """Writes the fixture through hospes, in one transaction."""

    def __init__(self, services: Services, tx: Tx, now: dt.datetime) -> None:
        self.services, self.tx, self.now = services, tx, now
        self.clients: Dict[str, hospes.Client] = {}
        self.establishment_of: Dict[str, EstablishmentRow] = {}

    def establishment(self, spec: Spec) -> None:
        record = hospes.from_wire("Establishment", dict(
            spec["record"], portal_base_url=f"{self.services.public_url}/{spec['record']['id']}/"))
        record = hospes.normalize_establishment(record)

        def setting(name: str) -> Optional[Spec]:
            found: Optional[Spec] = spec.get(name)
            return found

        edit_policy, catalogue = setting("edit_policy"), setting("catalogue")
        schedule, terms = setting("schedule"), setting("terms")
        self.tx.add_establishment(
            id=record["id"], kind=spec["kind"], record=record, online_payment=bool(spec["online_payment"]),
            update_policy=hospes.from_wire("UpdatePolicy", spec["update_policy"]),
            edit_policy=None if edit_policy is None else hospes.from_wire("EditPolicy", edit_policy),
            catalogue=None if catalogue is None else hospes.from_wire("Catalogue", catalogue),
            schedule=None if schedule is None else hospes.from_wire("AppointmentSchedule", schedule),
            terms=None if terms is None else hospes.from_wire("ContractTerms", terms),
            series={"invoice": spec["series"]["invoice"], "credit_note": spec["series"]["credit_note"],
                    "last_invoice": None, "last_credit_note": None, "factur_x": spec["series"].get("factur_x")})
        for found in spec["mail_templates"]:
            template = hospes.from_wire("MailTemplate", found)
            hospes.check_mail(template)
            self.tx.save_mail_template(record["id"], template, self.now)

    def client(self, spec: Spec) -> None:
        est = self.tx.establishment(spec["establishment"])
        assert est is not None
        record = hospes.normalize_client(hospes.from_wire("Client", spec["record"]), "FR", self.now)
        self.tx.save_client(est.id, record, self.now)
        self.clients[record["id"]] = record
        self.establishment_of[record["id"]] = est

    def stay(self, spec: Spec) -> None:
        est = self.establishment_of[spec["client_id"]]
        self.tx.save_stay(est.id, hospes.normalize_stay(hospes.from_wire("Stay", spec), self.now.date()))

    def _attach(self, est_id: str, reference: str, kind: hospes.DocumentKind, number: str) -> None:
        stay = self.tx.stay(est_id, reference)
        if stay is not None:
            stay["documents"] = stay.get("documents", []) + [{"kind": kind, "number": number}]
            self.tx.save_stay(est_id, stay)

    def quote(self, spec: Spec) -> None:
        est = self.establishment_of[spec["client_id"]]
        assert est.catalogue is not None
        pricer = hospes.Pricer(est.catalogue)
        created = dt.datetime.fromisoformat(spec["created_at"].replace("Z", "+00:00"))
        valid = dt.datetime.fromisoformat(spec["valid_until"].replace("Z", "+00:00"))
        quote = pricer.create_quote(spec["number"], spec["client_id"], spec["stay_reference"],
                                    hospes.from_wire("PriceRequest", spec["request"]), created, valid)
        self.tx.save_quote(est.id, quote)
        self._attach(est.id, spec["stay_reference"], "quote", quote["number"])
        if spec.get("mail"):
            self.services.postman.send_template(
                self.tx, est.record, spec["mail"], self.clients[spec["client_id"]], self.now,
                stay=self.tx.stay(est.id, spec["stay_reference"]), documents={"quote": quote["number"]},
                amounts={"total": quote["priced"]["totals"]["vat"]["total_incl_vat"]})

    def issue(self, est: EstablishmentRow, draft: hospes.Invoice, day: dt.date) -> hospes.Invoice:
        """Issues `draft` in the establishment's series on `day`, as the PMS did then."""
        return billing.issue(self.tx, est.id, draft, day, _noon(day))

    def _stay_anywhere(self, reference: str) -> hospes.Stay:
        """A stay of the fixture, whichever establishment it is at."""
        for client_id, est in self.establishment_of.items():
            stay = self.tx.stay(est.id, reference)
            if stay is not None and stay["client_id"] == client_id:
                return stay
        raise LookupError(f"no stay {reference} in the fixture")

    def invoice(self, spec: Spec) -> None:
        stay = self._stay_anywhere(spec["stay"]) if "stay" in spec else None
        client = self.clients[stay["client_id"] if stay is not None else spec["client_id"]]
        est = self.establishment_of[client["id"]]
        previous = [] if stay is None else self.tx.invoices_of(est.id, client["id"], stay["reference"])
        request = hospes.from_wire("InvoiceRequest", {k: spec[k] for k in ("kind", "due_date", "amount", "lines")
                                                      if k in spec})
        request["establishment"], request["client"], request["previous"] = est.record, client, previous
        if stay is not None:
            request["stay"] = stay
        invoice = self.issue(est, hospes.draft_invoice(request), dt.date.fromisoformat(spec["issued_on"]))
        if "payment" in spec:
            paid = spec["payment"]
            number = invoice.get("number") or ""
            payment = hospes.from_wire("Payment", dict(paid, invoice_number=number, amount=hospes.to_wire(
                invoice["totals"]["vat"]["total_incl_vat"])))
            outcome = hospes.record_payment(invoice, [], payment, payment["received_at"])
            self.tx.add_payments(est.id, outcome["payments"])
            self.tx.save_invoice(est.id, outcome["invoice"])
            reference = invoice.get("stay_reference")
            stream = f"stay:{reference}" if reference else f"client:{client['id']}"
            self.tx.append_events(est.id, stream, outcome["events"])

    def contract(self, est: EstablishmentRow, client: hospes.Client, stay: hospes.Stay, number: str,
                 schedule: List[hospes.Installment]) -> None:
        assert est.terms is not None
        catalogue = est.catalogue
        contract = hospes.create_contract({
            "number": number, "establishment": est.record, "client": client, "stay": stay, "terms": est.terms,
            "schedule": schedule, "cancellation": catalogue.get("cancellation", {}) if catalogue else {}}, self.now)
        self.tx.save_contract(est.id, contract)
        self._attach(est.id, stay["reference"], "contract", number)

    def stay_contract(self, spec: Spec) -> None:
        stay = self._stay_anywhere(spec["stay"])
        self.contract(self.establishment_of[stay["client_id"]], self.clients[stay["client_id"]], stay, spec["number"], [])

    def residency(self, spec: Spec) -> None:
        record = hospes.from_wire("Residency", spec["record"])
        client = self.clients[record["client_id"]]
        est = self.establishment_of[client["id"]]
        self.tx.save_residency(est.id, record, spec.get("contract"))
        if spec.get("contract"):
            stay = hospes.residency_stay(record)
            self.contract(est, client, stay, spec["contract"], hospes.rent_schedule(record))
        for index in spec.get("rent_invoices", []):
            self.issue(est, hospes.rent_invoice(record, est.record, client, index),
                       dt.date.fromisoformat(spec["issued_on"]))

    def appointment(self, spec: Spec) -> None:
        self.tx.save_appointment(self.establishment_of[spec["client_id"]].id, hospes.from_wire("Appointment", spec))

    def account(self, spec: Spec) -> None:
        """An account made as a guest would make it: registered, then confirmed by its link."""
        client = self.clients[spec["client_id"]]
        est = self.establishment_of[client["id"]]
        made = hospes.register_account(client, None, client.get("email") or "", spec["password"], self.now)
        account = made.get("account")
        assert account is not None
        self.tx.save_account(est.id, account)
        url = self.services.links.issue(self.tx, est.record, client, "account_verify", None, self.now)
        token = parse_qs(urlparse(url).query)["t"][0]
        claims = self.services.links.open(self.tx, est.record, token, "account_verify", self.now)
        confirmed = hospes.confirm_account(account, claims, self.now)
        self.tx.save_account(est.id, confirmed["account"])


def seed_once(services: Services, fixture: Path) -> bool:
    """Loads the fixture unless the database holds establishments already; True when it did."""
    now = services.clock()
    with services.store.tx() as tx:
        if tx.establishment_ids():
            return False
        data = load_fixture(fixture, now.date())
        seeder = Seeder(services, tx, now)
        for spec in data["establishments"]:
            seeder.establishment(spec)
        for spec in data["clients"]:
            seeder.client(spec)
        for spec in data["stays"]:
            seeder.stay(spec)
        for spec in data["invoices"]:
            seeder.invoice(spec)
        for spec in data["contracts"]:
            seeder.stay_contract(spec)
        for spec in data["quotes"]:
            seeder.quote(spec)
        for spec in data["residencies"]:
            seeder.residency(spec)
        for spec in data["appointments"]:
            seeder.appointment(spec)
        for spec in data["accounts"]:
            seeder.account(spec)
    return True


def point_links_at(services: Services) -> None:
    """Every establishment's `portal_base_url` on this server's public URL (it may change between
    runs: another port, a proxy). Links are built from it, never from a request's Host header."""
    with services.store.tx() as tx:
        for est_id in tx.establishment_ids():
            est = tx.establishment(est_id)
            assert est is not None
            wanted = f"{services.public_url}/{est_id}/"
            if est.record["portal_base_url"] != wanted:
                est.record["portal_base_url"] = wanted
                tx.set_establishment_record(est_id, est.record)
