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
from typing import Any, Dict, List, Optional
from urllib.parse import parse_qs, urlparse

import hospes

from . import billing
from .db import Record, Tx

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INSTANT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z$")
_LOCAL = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$")
#: Keys whose dates stay as written: a person's age does not move with the demo.
_FIXED = {"birth_date"}


def shift_dates(value: Any, days: int, key: str = "") -> Any:
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


def load_fixture(path: Path, today: Optional[dt.date] = None) -> Dict[str, Any]:
    """The fixture, its dates moved to the week of `today` (as written when None)."""
    data: Dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if today is None:
        return data
    as_of = dt.date.fromisoformat(data["as_of"][:10])
    return shift_dates(data, (today - as_of).days // 7 * 7)


def _noon(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=9, tzinfo=dt.timezone.utc)


def _wire(value: Any) -> Any:
    """A hospes result in the wire form the database keeps."""
    return json.loads(json.dumps(hospes.to_wire(value)))


class Seeder:
    """Writes the fixture through hospes, in one transaction."""

    def __init__(self, services: Any, tx: Tx, now: dt.datetime) -> None:
        self.services, self.tx, self.now = services, tx, now
        self.clients: Dict[str, Record] = {}
        self.establishment_of: Dict[str, Record] = {}

    def establishment(self, spec: Record) -> None:
        record = dict(spec["record"], portal_base_url=f"{self.services.public_url}/{spec['record']['id']}/")
        record = _wire(hospes.normalize_establishment(record))
        series = {"invoice": spec["series"]["invoice"], "credit_note": spec["series"]["credit_note"],
                  "last_invoice": None, "last_credit_note": None}
        self.tx.add_establishment({
            "id": record["id"], "kind": spec["kind"], "record": record, "online_payment": spec["online_payment"],
            "update_policy": spec["update_policy"], "edit_policy": spec.get("edit_policy"),
            "catalogue": spec.get("catalogue"), "schedule": spec.get("schedule"), "terms": spec.get("terms"),
            "series": series})
        for template in spec["mail_templates"]:
            hospes.check_mail(template)
            self.tx.save_mail_template(record["id"], template, self.now)

    def client(self, spec: Record) -> None:
        est = self.tx.establishment(spec["establishment"])
        assert est is not None
        record = _wire(hospes.normalize_client(spec["record"], "FR", self.now))
        self.tx.save_client(est["id"], record, self.now)
        self.clients[record["id"]] = record
        self.establishment_of[record["id"]] = est

    def stay(self, spec: Record) -> None:
        est = self.establishment_of[spec["client_id"]]
        self.tx.save_stay(est["id"], _wire(hospes.normalize_stay(spec, self.now.date())))

    def _attach(self, est_id: str, reference: str, kind: str, number: str) -> None:
        stay = self.tx.stay(est_id, reference)
        if stay is not None:
            stay.setdefault("documents", []).append({"kind": kind, "number": number})
            self.tx.save_stay(est_id, stay)

    def quote(self, spec: Record) -> None:
        est = self.establishment_of[spec["client_id"]]
        pricer = hospes.Pricer(est["catalogue"])
        created = dt.datetime.fromisoformat(spec["created_at"].replace("Z", "+00:00"))
        valid = dt.datetime.fromisoformat(spec["valid_until"].replace("Z", "+00:00"))
        quote = _wire(pricer.create_quote(spec["number"], spec["client_id"], spec["stay_reference"],
                                          spec["request"], created, valid))
        self.tx.save_quote(est["id"], quote)
        self._attach(est["id"], spec["stay_reference"], "quote", quote["number"])
        if spec.get("mail"):
            self.services.postman.send_template(
                self.tx, est["record"], spec["mail"], self.clients[spec["client_id"]], self.now,
                stay=self.tx.stay(est["id"], spec["stay_reference"]), documents={"quote": quote["number"]},
                amounts={"total": quote["priced"]["totals"]["vat"]["total_incl_vat"]})

    def issue(self, est: Record, draft: Record, day: str) -> Record:
        """Issues `draft` in the establishment's series on `day`, as the PMS did then."""
        return billing.issue(self.tx, est["id"], draft, day, _noon(day))

    def invoice(self, spec: Record) -> None:
        stay = None
        if "stay" in spec:
            owner = next(c for c, e in self.establishment_of.items()
                         if self.tx.stay(e["id"], spec["stay"]) and self.tx.stay(e["id"], spec["stay"])["client_id"] == c)
            est = self.establishment_of[owner]
            stay = self.tx.stay(est["id"], spec["stay"])
            client = self.clients[owner]
        else:
            client = self.clients[spec["client_id"]]
            est = self.establishment_of[client["id"]]
        previous = [i for i in self.tx.invoices_of(est["id"], client["id"])
                    if stay is not None and i.get("stay_reference") == stay["reference"]]
        request: Record = {"kind": spec["kind"], "establishment": est["record"], "client": client,
                           "due_date": spec["due_date"], "previous": previous}
        if stay is not None:
            request["stay"] = stay
        for key in ("amount", "lines"):
            if key in spec:
                request[key] = spec[key]
        invoice = self.issue(est, hospes.draft_invoice(request), spec["issued_on"])
        if "payment" in spec:
            paid = spec["payment"]
            payment = dict(paid, invoice_number=invoice["number"], amount=invoice["totals"]["vat"]["total_incl_vat"])
            received = dt.datetime.fromisoformat(paid["received_at"].replace("Z", "+00:00"))
            outcome = hospes.record_payment(invoice, [], payment, received)
            self.tx.add_payments(est["id"], [_wire(p) for p in outcome["payments"]])
            self.tx.save_invoice(est["id"], _wire(outcome["invoice"]))
            stream = f"stay:{invoice['stay_reference']}" if invoice.get("stay_reference") else f"client:{client['id']}"
            self.tx.append_events(est["id"], stream, outcome["events"])

    def contract(self, est: Record, client: Record, stay: Record, number: str, schedule: List[Record]) -> None:
        catalogue = est.get("catalogue") or {}
        contract = hospes.create_contract({
            "number": number, "establishment": est["record"], "client": client, "stay": stay, "terms": est["terms"],
            "schedule": schedule, "cancellation": catalogue.get("cancellation", {})}, self.now)
        self.tx.save_contract(est["id"], _wire(contract))
        self._attach(est["id"], stay["reference"], "contract", number)

    def stay_contract(self, spec: Record) -> None:
        for client_id, est in self.establishment_of.items():
            stay = self.tx.stay(est["id"], spec["stay"])
            if stay is not None and stay["client_id"] == client_id:
                self.contract(est, self.clients[client_id], stay, spec["number"], [])
                return

    def residency(self, spec: Record) -> None:
        record = spec["record"]
        client = self.clients[record["client_id"]]
        est = self.establishment_of[client["id"]]
        self.tx.save_residency(est["id"], record, spec.get("contract"))
        if spec.get("contract"):
            stay = _wire(hospes.residency_stay(record))
            self.contract(est, client, stay, spec["contract"], _wire(hospes.rent_schedule(record)))
        for index in spec.get("rent_invoices", []):
            self.issue(est, hospes.rent_invoice(record, est["record"], client, index), spec["issued_on"])

    def appointment(self, spec: Record) -> None:
        self.tx.save_appointment(self.establishment_of[spec["client_id"]]["id"], spec)

    def account(self, spec: Record) -> None:
        """An account made as a guest would make it: registered, then confirmed by its link."""
        client = self.clients[spec["client_id"]]
        est = self.establishment_of[client["id"]]
        made = hospes.register_account(client, None, client["email"], spec["password"], self.now)
        self.tx.save_account(est["id"], _wire(made["account"]))
        url = self.services.links.issue(self.tx, est["record"], client, "account_verify", None, self.now)
        token = parse_qs(urlparse(url).query)["t"][0]
        claims = self.services.links.open(self.tx, est["record"], token, "account_verify", self.now)
        confirmed = hospes.confirm_account(made["account"], claims, self.now)
        self.tx.save_account(est["id"], _wire(confirmed["account"]))


def seed_once(services: Any, fixture: Path) -> bool:
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


def point_links_at(services: Any) -> None:
    """Every establishment's `portal_base_url` on this server's public URL (it may change between
    runs: another port, a proxy). Links are built from it, never from a request's Host header."""
    with services.store.tx() as tx:
        for est_id in tx.establishment_ids():
            est = tx.establishment(est_id)
            assert est is not None
            wanted = f"{services.public_url}/{est_id}/"
            if est["record"]["portal_base_url"] != wanted:
                tx.set_establishment(est_id, record=dict(est["record"], portal_base_url=wanted))
