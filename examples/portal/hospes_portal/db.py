"""The host's database: every table, and the functions that read and write them.

hospes stores nothing; this module does. Each hospes record is kept whole as JSON text in its
canonical wire form (`hospes.to_wire`), next to the few columns the host queries by (client id,
reference, number). The same SQLAlchemy Core code runs on SQLite and on PostgreSQL.

Reads and writes go through a `Tx` (one transaction): `with store.tx() as tx: …`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from typing import Any, Dict, Iterator, List, Optional

import hospes
from sqlalchemy import (
    Boolean, Column, DateTime, Integer, LargeBinary, MetaData, String, Table, Text, UniqueConstraint,
    create_engine, event, func, insert, select, update,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

Record = Dict[str, Any]

metadata = MetaData()


def _est() -> Column[str]:
    return Column("establishment_id", String(64), primary_key=True)


settings = Table(
    "settings", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

establishments = Table(
    "establishments", metadata,
    Column("id", String(64), primary_key=True),
    Column("kind", String(16), nullable=False),            # campsite | salon
    Column("record", Text, nullable=False),                # hospes Establishment
    Column("online_payment", Boolean, nullable=False),
    Column("update_policy", Text, nullable=False),         # hospes UpdatePolicy (« Mes infos »)
    Column("edit_policy", Text),                           # hospes EditPolicy (booking fields)
    Column("catalogue", Text),                             # hospes Catalogue
    Column("schedule", Text),                              # hospes AppointmentSchedule
    Column("terms", Text),                                 # hospes ContractTerms
    Column("series", Text, nullable=False),                # {"invoice": pattern, "credit_note": …, "last_…"}
)

mail_templates = Table(
    "mail_templates", metadata, _est(),
    Column("name", String(64), primary_key=True),
    Column("record", Text, nullable=False),                # hospes MailTemplate
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

clients = Table(
    "clients", metadata,
    Column("id", String(64), primary_key=True),
    Column("establishment_id", String(64), nullable=False, index=True),
    Column("email", String(254), index=True),
    Column("record", Text, nullable=False),                # hospes Client
    # Anything of the client changed (record, stay, invoice, payment): the register follows it.
    Column("updated_at", DateTime(timezone=True), nullable=False, index=True),
)

stays = Table(
    "stays", metadata, _est(),
    Column("reference", String(64), primary_key=True),
    Column("client_id", String(64), nullable=False, index=True),
    Column("record", Text, nullable=False),                # hospes Stay
)

quotes = Table(
    "quotes", metadata, _est(),
    Column("number", String(64), primary_key=True),
    Column("client_id", String(64), nullable=False, index=True),
    Column("stay_reference", String(64), nullable=False),
    Column("record", Text, nullable=False),                # hospes Quote
    Column("signed_pdf", LargeBinary),                     # the PDF she signed, byte for byte
    Column("evidence_pdf", LargeBinary),                   # its evidence document
)

invoices = Table(
    "invoices", metadata, _est(),
    Column("number", String(64), primary_key=True),
    Column("client_id", String(64), nullable=False, index=True),
    Column("stay_reference", String(64), index=True),
    Column("record", Text, nullable=False),                # hospes Invoice
)

payments = Table(
    "payments", metadata, _est(),
    Column("key", String(128), primary_key=True),          # idempotency key: recorded once
    Column("invoice_number", String(64), nullable=False, index=True),
    Column("record", Text, nullable=False),                # hospes Payment
)

contracts = Table(
    "contracts", metadata, _est(),
    Column("number", String(64), primary_key=True),
    Column("client_id", String(64), nullable=False, index=True),
    Column("stay_reference", String(64), nullable=False),
    Column("record", Text, nullable=False),                # hospes Contract
    Column("signed_pdf", LargeBinary),
    Column("evidence_pdf", LargeBinary),
)

residencies = Table(
    "residencies", metadata, _est(),
    Column("reference", String(64), primary_key=True),
    Column("client_id", String(64), nullable=False, index=True),
    Column("contract_number", String(64)),
    Column("record", Text, nullable=False),                # hospes Residency
)

appointments = Table(
    "appointments", metadata, _est(),
    Column("id", String(64), primary_key=True),
    Column("client_id", String(64), nullable=False, index=True),
    Column("record", Text, nullable=False),                # hospes Appointment
)

change_requests = Table(
    "change_requests", metadata, _est(),
    Column("id", String(64), primary_key=True),
    Column("client_id", String(64), nullable=False, index=True),
    Column("stay_reference", String(64), nullable=False),
    Column("status", String(16), nullable=False),          # pending | approved | declined
    Column("record", Text, nullable=False),                # hospes ChangeRequest
)

accounts = Table(
    "accounts", metadata, _est(),
    Column("email", String(254), primary_key=True),
    Column("client_id", String(64), nullable=False, index=True),
    Column("record", Text, nullable=False),                # hospes Account (holds a password hash)
)

login_throttles = Table(
    "login_throttles", metadata, _est(),
    Column("login", String(254), primary_key=True),        # an e-mail typed, known or not
    Column("record", Text, nullable=False),                # hospes Throttle
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("establishment_id", String(64), nullable=False),
    Column("stream", String(128), nullable=False),         # stay:312, client:C-1042 …
    Column("sequence", Integer, nullable=False),
    Column("client_id", String(64), index=True),
    Column("sha256", String(64), nullable=False),
    Column("record", Text, nullable=False),                # hospes LoggedEvent (hash-linked)
    UniqueConstraint("establishment_id", "stream", "sequence"),
)

links = Table(
    "links", metadata,
    Column("token_id", String(64), primary_key=True),      # never the token itself
    Column("establishment_id", String(64), nullable=False),
    Column("client_id", String(64), nullable=False, index=True),
    Column("purpose", String(32), nullable=False),
    Column("subject", String(64)),
    Column("issued_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True)),
)

outbox = Table(
    "outbox", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("establishment_id", String(64), nullable=False),
    Column("client_id", String(64), index=True),
    Column("to_address", String(254), nullable=False),
    Column("subject", Text, nullable=False),
    Column("html", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("transport", String(16), nullable=False),       # outbox | smtp
    Column("error", Text),
)

payment_requests = Table(
    "payment_requests", metadata, _est(),
    Column("reference", String(128), primary_key=True),    # hospes PaymentRequest.reference
    Column("client_id", String(64), nullable=False, index=True),
    Column("invoice_number", String(64), nullable=False),
    Column("provider", String(32), nullable=False),
    Column("record", Text, nullable=False),                # hospes PaymentRequest
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# The demo provider's own table: a real provider (PayPlug, Stripe) keeps this on its side.
demo_checkouts = Table(
    "demo_checkouts", metadata,
    Column("id", String(64), primary_key=True),
    Column("reference", String(128), nullable=False, index=True),
    Column("request", Text, nullable=False),               # what the host asked for
    Column("notify_url", Text, nullable=False),
    Column("status", String(16), nullable=False),          # open | succeeded | failed | cancelled
    Column("transaction_id", String(64)),
    Column("settled_at", DateTime(timezone=True)),
)


def dumps(value: Any) -> str:
    """A hospes value (or any record) as the JSON text stored in a column."""
    return json.dumps(hospes.to_wire(value), ensure_ascii=False, separators=(",", ":"))


def loads(text: Optional[str]) -> Any:
    """A stored JSON column back, in the wire form hospes reads as it is."""
    return None if text is None else json.loads(text)


def make_engine(url: str) -> Engine:
    """The engine for `url` (sqlite:///… or postgresql+psycopg://…), tables created if missing."""
    engine = create_engine(url, future=True, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(connection: Any, _record: Any) -> None:
            cursor = connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=5000")
            cursor.close()
    metadata.create_all(engine)
    return engine


class Store:
    """The database of the host: `tx()` opens a transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @contextlib.contextmanager
    def tx(self) -> Iterator["Tx"]:
        """One transaction, committed when the block ends without error."""
        with self.engine.begin() as conn:
            yield Tx(conn)


class Duplicate(Exception):
    """A row with the same key exists already (a payment recorded twice at the same instant)."""


class Tx:
    """Repository functions over one transaction. Each returns records in the wire form."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # -- settings -------------------------------------------------------------------------------

    def setting(self, key: str) -> Optional[str]:
        return self.conn.execute(select(settings.c.value).where(settings.c.key == key)).scalar()

    def set_setting(self, key: str, value: str) -> None:
        if self.setting(key) is None:
            self.conn.execute(insert(settings).values(key=key, value=value))
        else:
            self.conn.execute(update(settings).where(settings.c.key == key).values(value=value))

    # -- establishments -------------------------------------------------------------------------

    def establishment_ids(self) -> List[str]:
        return list(self.conn.execute(select(establishments.c.id).order_by(establishments.c.id)).scalars())

    def establishment(self, est_id: str, lock: bool = False) -> Optional[Record]:
        """The establishment's row: its hospes record under `record`, its settings beside it."""
        query = select(establishments).where(establishments.c.id == est_id)
        row = self.conn.execute(query.with_for_update() if lock else query).mappings().first()
        if row is None:
            return None
        return {k: (v if k in ("id", "kind", "online_payment") else loads(v)) for k, v in row.items()}

    def add_establishment(self, row: Record) -> None:
        values = {k: (v if k in ("id", "kind", "online_payment") else (None if v is None else dumps(v)))
                  for k, v in row.items()}
        self.conn.execute(insert(establishments).values(**values))

    def set_establishment(self, est_id: str, **columns: Any) -> None:
        """Changes some of its JSON columns (`edit_policy=…`, `series=…`)."""
        self.conn.execute(update(establishments).where(establishments.c.id == est_id)
                          .values(**{k: dumps(v) for k, v in columns.items()}))

    # -- mail templates -------------------------------------------------------------------------

    def mail_template(self, est_id: str, name: str) -> Optional[Record]:
        return loads(self.conn.execute(select(mail_templates.c.record).where(
            mail_templates.c.establishment_id == est_id, mail_templates.c.name == name)).scalar())

    def mail_templates(self, est_id: str) -> List[Record]:
        rows = self.conn.execute(select(mail_templates.c.record).where(
            mail_templates.c.establishment_id == est_id).order_by(mail_templates.c.name)).scalars()
        return [loads(r) for r in rows]

    def save_mail_template(self, est_id: str, template: Record, now: dt.datetime) -> None:
        key = (mail_templates.c.establishment_id == est_id) & (mail_templates.c.name == template["name"])
        if self.conn.execute(select(mail_templates.c.name).where(key)).first():
            self.conn.execute(update(mail_templates).where(key).values(record=dumps(template), updated_at=now))
        else:
            self.conn.execute(insert(mail_templates).values(
                establishment_id=est_id, name=template["name"], record=dumps(template), updated_at=now))

    # -- clients --------------------------------------------------------------------------------

    def client(self, client_id: str) -> Optional[Record]:
        return loads(self.conn.execute(select(clients.c.record).where(clients.c.id == client_id)).scalar())

    def client_in(self, est_id: str, client_id: str) -> Optional[Record]:
        """A client of this establishment, else None."""
        return loads(self.conn.execute(select(clients.c.record).where(
            clients.c.id == client_id, clients.c.establishment_id == est_id)).scalar())

    def client_by_email(self, est_id: str, email: str) -> Optional[Record]:
        return loads(self.conn.execute(select(clients.c.record).where(
            clients.c.establishment_id == est_id, clients.c.email == email.strip().lower())).scalar())

    def clients_changed_since(self, est_id: str, since: Optional[dt.datetime]) -> List[Record]:
        query = select(clients.c.record).where(clients.c.establishment_id == est_id)
        if since is not None:
            query = query.where(clients.c.updated_at > since)
        return [loads(r) for r in self.conn.execute(query).scalars()]

    def last_client_change(self, est_id: str) -> Optional[dt.datetime]:
        return self.conn.execute(select(func.max(clients.c.updated_at)).where(
            clients.c.establishment_id == est_id)).scalar()

    def save_client(self, est_id: str, client: Record, now: dt.datetime) -> None:
        record = dumps(client)
        email = (client.get("email") or "").strip().lower() or None
        if self.conn.execute(select(clients.c.id).where(clients.c.id == client["id"])).first():
            self.conn.execute(update(clients).where(clients.c.id == client["id"]).values(
                record=record, email=email, updated_at=now))
        else:
            self.conn.execute(insert(clients).values(
                id=client["id"], establishment_id=est_id, email=email, record=record, updated_at=now))

    def touch_client(self, client_id: str, now: dt.datetime) -> None:
        """Something of the client's changed (a stay, an invoice): the register reads it again."""
        self.conn.execute(update(clients).where(clients.c.id == client_id).values(updated_at=now))

    # -- records of one client (stays, quotes, invoices …) -------------------------------------

    def _one(self, table: Table, key: str, est_id: str, value: str) -> Optional[Record]:
        return loads(self.conn.execute(select(table.c.record).where(
            table.c.establishment_id == est_id, table.c[key] == value)).scalar())

    def _of_client(self, table: Table, est_id: str, client_id: str) -> List[Record]:
        rows = self.conn.execute(select(table.c.record).where(
            table.c.establishment_id == est_id, table.c.client_id == client_id)).scalars()
        return [loads(r) for r in rows]

    def _put(self, table: Table, key: str, est_id: str, values: Record) -> None:
        where = (table.c.establishment_id == est_id) & (table.c[key] == values[key])
        if self.conn.execute(select(table.c[key]).where(where)).first():
            self.conn.execute(update(table).where(where).values(**values))
        else:
            self.conn.execute(insert(table).values(establishment_id=est_id, **values))

    def stay(self, est_id: str, reference: str) -> Optional[Record]:
        return self._one(stays, "reference", est_id, reference)

    def stays_of(self, est_id: str, client_id: str) -> List[Record]:
        return self._of_client(stays, est_id, client_id)

    def save_stay(self, est_id: str, stay: Record) -> None:
        self._put(stays, "reference", est_id, {
            "reference": stay["reference"], "client_id": stay["client_id"], "record": dumps(stay)})

    def quote(self, est_id: str, number: str) -> Optional[Record]:
        return self._one(quotes, "number", est_id, number)

    def quotes_of(self, est_id: str, client_id: str) -> List[Record]:
        return self._of_client(quotes, est_id, client_id)

    def quote_for_stay(self, est_id: str, stay_reference: str) -> Optional[Record]:
        return self._one(quotes, "stay_reference", est_id, stay_reference)

    def save_quote(self, est_id: str, quote: Record, signed: Optional[Record] = None) -> None:
        values = {"number": quote["number"], "client_id": quote["client_id"],
                  "stay_reference": quote["stay_reference"], "record": dumps(quote)}
        if signed is not None:
            values.update(signed_pdf=signed["document"], evidence_pdf=signed["evidence"])
        self._put(quotes, "number", est_id, values)

    def invoice(self, est_id: str, number: str) -> Optional[Record]:
        return self._one(invoices, "number", est_id, number)

    def invoices_of(self, est_id: str, client_id: str) -> List[Record]:
        """The client's invoices, oldest first (by number within a series)."""
        return sorted(self._of_client(invoices, est_id, client_id), key=lambda i: (i["issue_date"] or "", i["number"]))

    def save_invoice(self, est_id: str, invoice: Record) -> None:
        self._put(invoices, "number", est_id, {
            "number": invoice["number"], "client_id": invoice["customer"]["client_id"],
            "stay_reference": invoice.get("stay_reference"), "record": dumps(invoice)})

    def payments_on(self, est_id: str, invoice_numbers: List[str]) -> List[Record]:
        if not invoice_numbers:
            return []
        rows = self.conn.execute(select(payments.c.record).where(
            payments.c.establishment_id == est_id, payments.c.invoice_number.in_(invoice_numbers))
            .order_by(payments.c.invoice_number)).scalars()
        return [loads(r) for r in rows]

    def add_payments(self, est_id: str, new: List[Record]) -> None:
        """Inserts payments by their idempotency key; raises `Duplicate` when one is there already."""
        for payment in new:
            try:
                with self.conn.begin_nested():
                    self.conn.execute(insert(payments).values(
                        establishment_id=est_id, key=payment["key"],
                        invoice_number=payment["invoice_number"], record=dumps(payment)))
            except IntegrityError:
                raise Duplicate(payment["key"]) from None

    def contract(self, est_id: str, number: str) -> Optional[Record]:
        return self._one(contracts, "number", est_id, number)

    def contracts_of(self, est_id: str, client_id: str) -> List[Record]:
        return self._of_client(contracts, est_id, client_id)

    def save_contract(self, est_id: str, contract: Record, signed: Optional[Record] = None) -> None:
        values = {"number": contract["number"], "client_id": contract["customer"]["client_id"],
                  "stay_reference": contract["stay_reference"], "record": dumps(contract)}
        if signed is not None:
            values.update(signed_pdf=signed["document"], evidence_pdf=signed["evidence"])
        self._put(contracts, "number", est_id, values)

    def signed_copy(self, table_name: str, est_id: str, number: str) -> Optional[bytes]:
        """The signed PDF kept for a quote or contract (`table_name`: quotes | contracts)."""
        table = quotes if table_name == "quotes" else contracts
        return self.conn.execute(select(table.c.signed_pdf).where(
            table.c.establishment_id == est_id, table.c.number == number)).scalar()

    def residency(self, est_id: str, reference: str) -> Optional[Record]:
        return self._one(residencies, "reference", est_id, reference)

    def residencies_of(self, est_id: str, client_id: str) -> List[Record]:
        return self._of_client(residencies, est_id, client_id)

    def residency_contract_number(self, est_id: str, reference: str) -> Optional[str]:
        return self.conn.execute(select(residencies.c.contract_number).where(
            residencies.c.establishment_id == est_id, residencies.c.reference == reference)).scalar()

    def save_residency(self, est_id: str, residency: Record, contract_number: Optional[str] = None) -> None:
        values = {"reference": residency["reference"], "client_id": residency["client_id"], "record": dumps(residency)}
        if contract_number is not None:
            values["contract_number"] = contract_number
        self._put(residencies, "reference", est_id, values)

    def appointment(self, est_id: str, appointment_id: str) -> Optional[Record]:
        return self._one(appointments, "id", est_id, appointment_id)

    def appointments_of(self, est_id: str, client_id: str) -> List[Record]:
        return self._of_client(appointments, est_id, client_id)

    def save_appointment(self, est_id: str, appointment: Record) -> None:
        self._put(appointments, "id", est_id, {
            "id": appointment["id"], "client_id": appointment["client_id"], "record": dumps(appointment)})

    def change_requests_of(self, est_id: str, client_id: str) -> List[Record]:
        rows = self.conn.execute(select(change_requests.c.record, change_requests.c.status).where(
            change_requests.c.establishment_id == est_id, change_requests.c.client_id == client_id)).all()
        return [dict(loads(r.record), status=r.status) for r in rows]

    def add_change_request(self, est_id: str, request: Record) -> None:
        self.conn.execute(insert(change_requests).values(
            establishment_id=est_id, id=request["id"], client_id=request["client_id"],
            stay_reference=request["stay_reference"], status="pending", record=dumps(request)))

    def set_change_request_status(self, est_id: str, request_id: str, status: str) -> None:
        self.conn.execute(update(change_requests).where(
            change_requests.c.establishment_id == est_id, change_requests.c.id == request_id).values(status=status))

    # -- accounts and throttles -----------------------------------------------------------------

    def account(self, est_id: str, email: str) -> Optional[Record]:
        return self._one(accounts, "email", est_id, email.strip().lower())

    def account_of(self, est_id: str, client_id: str) -> Optional[Record]:
        found = self._of_client(accounts, est_id, client_id)
        return found[0] if found else None

    def save_account(self, est_id: str, account: Record) -> None:
        self._put(accounts, "email", est_id, {
            "email": account["email"].strip().lower(), "client_id": account["client_id"], "record": dumps(account)})

    def throttle(self, est_id: str, login: str) -> Record:
        return self._one(login_throttles, "login", est_id, login.strip().lower()) or {}

    def save_throttle(self, est_id: str, login: str, throttle: Record) -> None:
        self._put(login_throttles, "login", est_id, {"login": login.strip().lower(), "record": dumps(throttle)})

    # -- the event log --------------------------------------------------------------------------

    def append_events(self, est_id: str, stream: str, new: List[Record]) -> List[Record]:
        """Chains `new` events after the stream's last entry (hospes computes the hashes)."""
        if not new:
            return []
        last = loads(self.conn.execute(select(events.c.record).where(
            events.c.establishment_id == est_id, events.c.stream == stream)
            .order_by(events.c.sequence.desc()).limit(1)).scalar())
        entries = hospes.append_event_log(last, new)
        for entry in entries:
            self.conn.execute(insert(events).values(
                establishment_id=est_id, stream=stream, sequence=entry["sequence"],
                client_id=entry["event"].get("client_id"), sha256=entry["sha256"], record=dumps(entry)))
        return entries

    def events_of(self, est_id: str, client_id: str) -> List[Record]:
        rows = self.conn.execute(select(events.c.stream, events.c.record).where(
            events.c.establishment_id == est_id, events.c.client_id == client_id).order_by(events.c.id)).all()
        return [dict(loads(r.record), stream=r.stream) for r in rows]

    def stream(self, est_id: str, stream: str) -> List[Record]:
        rows = self.conn.execute(select(events.c.record).where(
            events.c.establishment_id == est_id, events.c.stream == stream).order_by(events.c.sequence)).scalars()
        return [loads(r) for r in rows]

    # -- links issued, mails, payment requests ---------------------------------------------------

    def record_link(self, est_id: str, client_id: str, purpose: str, subject: Optional[str], issued: Record,
                    now: dt.datetime) -> None:
        self.conn.execute(insert(links).values(
            token_id=issued["token_id"], establishment_id=est_id, client_id=client_id, purpose=purpose,
            subject=subject, issued_at=now, expires_at=issued.get("expires_at")))

    def links_of(self, client_id: str) -> List[Record]:
        rows = self.conn.execute(select(links).where(links.c.client_id == client_id)
                                 .order_by(links.c.issued_at.desc())).mappings().all()
        return [dict(r) for r in rows]

    def add_mail(self, est_id: str, client_id: Optional[str], to: str, mail: Record, now: dt.datetime,
                 transport: str, error: Optional[str] = None) -> int:
        result = self.conn.execute(insert(outbox).values(
            establishment_id=est_id, client_id=client_id, to_address=to, subject=mail["subject"],
            html=mail["html"], text=mail["text"], created_at=now, transport=transport, error=error))
        return int(result.inserted_primary_key[0])

    def mails(self, limit: int = 100) -> List[Record]:
        rows = self.conn.execute(select(outbox).order_by(outbox.c.id.desc()).limit(limit)).mappings().all()
        return [dict(r) for r in rows]

    def mail(self, mail_id: int) -> Optional[Record]:
        row = self.conn.execute(select(outbox).where(outbox.c.id == mail_id)).mappings().first()
        return None if row is None else dict(row)

    def save_payment_request(self, est_id: str, client_id: str, provider: str, request: Record,
                             now: dt.datetime) -> None:
        where = (payment_requests.c.establishment_id == est_id) & (payment_requests.c.reference == request["reference"])
        if self.conn.execute(select(payment_requests.c.reference).where(where)).first() is None:
            self.conn.execute(insert(payment_requests).values(
                establishment_id=est_id, reference=request["reference"], client_id=client_id,
                invoice_number=request["invoice_number"], provider=provider, record=dumps(request), created_at=now))

    def payment_request(self, est_id: str, reference: str) -> Optional[Record]:
        row = self.conn.execute(select(payment_requests).where(
            payment_requests.c.establishment_id == est_id, payment_requests.c.reference == reference)).mappings().first()
        return None if row is None else dict(row, record=loads(row["record"]))

    def payment_request_anywhere(self, reference: str) -> Optional[Record]:
        """A payment request by its reference alone: what a provider's notification names."""
        row = self.conn.execute(select(payment_requests).where(
            payment_requests.c.reference == reference)).mappings().first()
        return None if row is None else dict(row, record=loads(row["record"]))
