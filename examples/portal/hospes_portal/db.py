"""The host's database: every table, and the functions that read and write them.

hospes stores nothing; this module does. Each hospes record is kept whole as JSON text in its
canonical wire form (`hospes.to_wire`), next to the few columns the host queries by (client id,
reference, number), and read back as what hospes returned (`hospes.from_wire`: `Decimal`,
`date`, aware `datetime`), typed by the stubs' records (`tx.stay()` is a `hospes.Stay`). Only
what a page asks for is read: `from_wire` walks each record in Python. The same SQLAlchemy Core
code runs on SQLite and on PostgreSQL:

- instants are stored in UTC and read back as aware UTC datetimes on both (`UtcDateTime`);
- text never carries NUL to the database (PostgreSQL refuses it: `Str`, `Txt`);
- "insert or update" is one `INSERT … ON CONFLICT` statement (`Tx._upsert`), so two requests
  creating the same row at once do not fail;
- lists come back in a stated order (`ORDER BY`), never in the order rows happen to lie on disk;
- transactions are isolated: on SQLite, `store.tx()` begins with `BEGIN IMMEDIATE` (one writer at
  a time, the others wait `busy_timeout`), `store.read()` with a plain `BEGIN` for pages that
  only read; on PostgreSQL (READ COMMITTED), what is read and then written under concurrency is
  locked first — the invoice whose payment result is recorded (`SELECT … FOR UPDATE`), the event
  stream appended to and the login throttled (transaction-scoped advisory locks).

Reads and writes go through a `Tx` (one transaction): `with store.tx() as tx: …`.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import hashlib
import json
import sqlite3
from functools import cached_property
from typing import Any, Dict, Iterable, Iterator, List, Mapping, NotRequired, Optional, Sequence, TypedDict, Union

import hospes
from sqlalchemy import (
    Boolean, Column, DateTime, Integer, LargeBinary, MetaData, String, Table, Text, UniqueConstraint,
    create_engine, event, func, insert, select, text, update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Dialect, Engine, RowMapping
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.pool import ConnectionPoolEntry
from sqlalchemy.sql import ColumnElement
from sqlalchemy.exc import IntegrityError
from sqlalchemy.types import TypeDecorator

from .tables import (
    accounts,
    appointments,
    change_requests,
    clients,
    contracts,
    establishments,
    events,
    invoices,
    Json,
    links,
    login_key,
    login_throttles,
    mail_templates,
    metadata,
    outbox,
    payment_requests,
    payments,
    quotes,
    residencies,
    settings,
    stays,
)


def dumps(value: object) -> str:
    """A hospes value (or any record) as the JSON text stored in a column (its wire form)."""
    return json.dumps(hospes.to_wire(value), ensure_ascii=False, separators=(",", ":"))


def loads(text: str) -> Json:
    """A stored JSON column back, in the wire form (`hospes.from_wire` then types it)."""
    found = json.loads(text)
    if not isinstance(found, dict):
        raise ValueError("a stored record is a JSON object")
    return found


def file_bytes(data: Union[str, bytes]) -> bytes:
    """A file hospes gave (a signed PDF): bytes from Python, base64 text in the wire form (the
    stubs type `FileBytes` as `str`, see FRICTIONS.md)."""
    return data if isinstance(data, bytes) else base64.b64decode(data)


def number_of(invoice: hospes.Invoice) -> str:
    """An issued invoice's number (only drafts have none, and the host stores no draft)."""
    number = invoice.get("number")
    if number is None:
        raise ValueError("an issued invoice has a number")
    return number


def make_engine(url: str) -> Engine:
    """The engine for `url` (sqlite:///… or postgresql+psycopg://…), tables created if missing."""
    engine = create_engine(url, future=True, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
            # SQLAlchemy, not the sqlite3 module, begins transactions (see `_sqlite_begin`):
            # the module would begin one only at the first write, after the reads.
            assert isinstance(connection, sqlite3.Connection)
            connection.isolation_level = None
            cursor = connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=10000")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn: Connection) -> None:
            # A write transaction takes SQLite's one write lock at once (others wait
            # busy_timeout for it): what it read stays true until it commits. A deferred one
            # that read, then writes after another writer committed, would fail instead.
            read_only = conn.get_execution_options().get("hospes_read_only", False)
            conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":  # processes starting at once: one creates the tables
            conn.execute(text("SELECT pg_advisory_xact_lock(7283910465)"))
        metadata.create_all(conn)
    return engine


class Store:
    """The database of the host: `tx()` opens a transaction, `read()` one that only reads."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @contextlib.contextmanager
    def tx(self) -> Iterator["Tx"]:
        """One transaction, committed when the block ends without error (on SQLite it holds the
        write lock from its start: keep it short, call no provider or mail server inside)."""
        with self.engine.begin() as conn:
            yield Tx(conn)

    @contextlib.contextmanager
    def read(self) -> Iterator["Tx"]:
        """A transaction that only reads, from one snapshot, neither waiting for writers nor
        holding them up (SQLite: a deferred `BEGIN`; PostgreSQL: REPEATABLE READ, READ ONLY)."""
        with self.engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                conn.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
            else:
                conn.execution_options(hospes_read_only=True)
            with conn.begin():
                yield Tx(conn)


class Duplicate(Exception):
    """A row with the same key exists already (a payment recorded twice at the same instant)."""


# -- the host's own rows ------------------------------------------------------------------------

class Series(TypedDict):
    """An establishment's numbering series and their last numbers (`establishments.series`)."""

    invoice: str
    credit_note: str
    last_invoice: Optional[str]
    last_credit_note: Optional[str]
    #: The business's Factur-X options (wire form) when its invoices are e-invoices, else absent.
    factur_x: NotRequired[Optional[Json]]


def invoice_series(series: Series) -> hospes.InvoiceSeries:
    """The invoice series as hospes takes it: pattern, last number, and Factur-X when chosen."""
    return _series(series, series["invoice"], series["last_invoice"])


def credit_note_series(series: Series) -> hospes.InvoiceSeries:
    """The credit-note series as hospes takes it (Factur-X like the invoices)."""
    return _series(series, series["credit_note"], series["last_credit_note"])


def _series(series: Series, pattern: str, last: Optional[str]) -> hospes.InvoiceSeries:
    found: hospes.InvoiceSeries = {"pattern": pattern, "last": last}
    options = series.get("factur_x")
    if options is not None:
        found["factur_x"] = hospes.from_wire("FacturX", options)
    return found


class EstablishmentRow:
    """An establishment's row: its hospes record and its settings. The large settings (catalogue,
    schedule, contract terms) are read from their JSON only when a page asks for them."""

    def __init__(self, id: str, kind: str, record: hospes.Establishment, online_payment: bool,
                 series: Series, columns: Mapping[str, Optional[str]]) -> None:
        self.id, self.kind, self.record, self.online_payment, self.series = id, kind, record, online_payment, series
        self._columns = columns

    def _json(self, name: str) -> Optional[Json]:
        text = self._columns.get(name)
        return None if text is None else loads(text)

    @cached_property
    def update_policy(self) -> hospes.UpdatePolicy:
        """What « Mes infos » lets the guest change."""
        return hospes.from_wire("UpdatePolicy", self._json("update_policy") or {})

    @cached_property
    def edit_policy(self) -> Optional[hospes.EditPolicy]:
        """The booking fields guests may edit, and until when (None: none)."""
        found = self._json("edit_policy")
        return None if found is None else hospes.from_wire("EditPolicy", found)

    @cached_property
    def catalogue(self) -> Optional[hospes.Catalogue]:
        """The price catalogue (a campsite's)."""
        found = self._json("catalogue")
        return None if found is None else hospes.from_wire("Catalogue", found)

    @cached_property
    def schedule(self) -> Optional[hospes.AppointmentSchedule]:
        """The appointment schedule (a salon's)."""
        found = self._json("schedule")
        return None if found is None else hospes.from_wire("AppointmentSchedule", found)

    @cached_property
    def terms(self) -> Optional[hospes.ContractTerms]:
        """The contract terms."""
        found = self._json("terms")
        return None if found is None else hospes.from_wire("ContractTerms", found)


class StoredChangeRequest(TypedDict):
    """A late booking change and where the business stands on it."""

    request: hospes.ChangeRequest
    status: str  # pending | approved | declined


class StreamEntry(TypedDict):
    """An entry of an event log, with the log it belongs to (`stay:312`, `client:C-1042`)."""

    stream: str
    entry: hospes.LoggedEvent


class LinkRow(TypedDict):
    """The audit row of a link issued (never its token)."""

    token_id: str
    establishment_id: str
    client_id: str
    purpose: str
    subject: Optional[str]
    issued_at: dt.datetime
    expires_at: Optional[dt.datetime]


class MailRow(TypedDict):
    """A mail of the outbox."""

    id: int
    establishment_id: str
    client_id: Optional[str]
    to_address: str
    subject: str
    html: str
    text: str
    created_at: dt.datetime
    transport: str
    error: Optional[str]


class PaymentRequestRow(TypedDict):
    """A payment request kept for when the provider's result comes back."""

    establishment_id: str
    reference: str
    client_id: str
    invoice_number: str
    provider: str
    record: hospes.PaymentRequest
    created_at: dt.datetime


class Tx:
    """Repository functions over one transaction. Records come back typed as hospes's
    (`hospes.from_wire`: decimals, dates and instants as Python values), and are written in
    their wire form (`hospes.to_wire`)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # -- what runs the same on both databases ---------------------------------------------------

    def _upsert(self, table: Table, values: Mapping[str, object], keys: Iterable[str],
                insert_only: Iterable[str] = (), on_conflict: str = "update") -> None:
        """Inserts `values`, or (`on_conflict="update"`) updates the row with the same `keys`
        (all but the `keys` and `insert_only` columns), or (`"nothing"`) leaves it as it is — in
        one statement, so that two transactions creating the same row at once both succeed."""
        keys, insert_only = list(keys), set(insert_only)
        changes = [k for k in values if k not in keys and k not in insert_only]
        dialect = self.conn.dialect.name
        if dialect in ("postgresql", "sqlite"):
            stmt = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table).values(**values)
            if on_conflict == "update" and changes:
                stmt = stmt.on_conflict_do_update(index_elements=keys, set_={k: stmt.excluded[k] for k in changes})
            else:
                stmt = stmt.on_conflict_do_nothing(index_elements=keys)
            self.conn.execute(stmt)
            return
        where = [table.c[k] == values[k] for k in keys]  # another database: look, then write
        if self.conn.execute(select(table.c[keys[0]]).where(*where)).first() is None:
            self.conn.execute(insert(table).values(**values))
        elif on_conflict == "update" and changes:
            self.conn.execute(update(table).where(*where).values(**{k: values[k] for k in changes}))

    def lock(self, *names: str) -> None:
        """Holds, until the transaction ends, a lock named by `names`: the transactions that read
        then write the same thing (a stream's last entry, a login's throttle) take turns. On
        PostgreSQL a transaction-scoped advisory lock; SQLite's `BEGIN IMMEDIATE` already made
        this transaction the only writer."""
        if self.conn.dialect.name == "postgresql":
            digest = hashlib.sha256("\x1f".join(names).encode()).digest()
            self.conn.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                              {"key": int.from_bytes(digest[:8], "big", signed=True)})

    # -- settings -------------------------------------------------------------------------------

    def setting(self, key: str) -> Optional[str]:
        return self.conn.execute(select(settings.c.value).where(settings.c.key == key)).scalar()

    def set_setting(self, key: str, value: str) -> None:
        self._upsert(settings, {"key": key, "value": value}, ["key"])

    # -- establishments -------------------------------------------------------------------------

    def establishment_ids(self) -> List[str]:
        return list(self.conn.execute(select(establishments.c.id).order_by(establishments.c.id)).scalars())

    def establishment(self, est_id: str, lock: bool = False) -> Optional[EstablishmentRow]:
        """The establishment's row: its hospes record, its settings beside it."""
        query = select(establishments).where(establishments.c.id == est_id)
        row = self.conn.execute(query.with_for_update() if lock else query).mappings().first()
        if row is None:
            return None
        series: Series = json.loads(row["series"])
        return EstablishmentRow(row["id"], row["kind"], hospes.from_wire("Establishment", loads(row["record"])),
                                bool(row["online_payment"]), series,
                                {k: row[k] for k in ("update_policy", "edit_policy", "catalogue", "schedule", "terms")})

    def add_establishment(self, *, id: str, kind: str, record: hospes.Establishment, online_payment: bool,
                          update_policy: hospes.UpdatePolicy, edit_policy: Optional[hospes.EditPolicy],
                          catalogue: Optional[hospes.Catalogue], schedule: Optional[hospes.AppointmentSchedule],
                          terms: Optional[hospes.ContractTerms], series: Series) -> None:
        settings_: Dict[str, object] = {"edit_policy": edit_policy, "catalogue": catalogue, "schedule": schedule,
                                        "terms": terms}
        self.conn.execute(insert(establishments).values(
            id=id, kind=kind, record=dumps(record), online_payment=online_payment, update_policy=dumps(update_policy),
            series=dumps(series), **{k: None if v is None else dumps(v) for k, v in settings_.items()}))

    def _set_establishment(self, est_id: str, column: str, value: object) -> None:
        self.conn.execute(update(establishments).where(establishments.c.id == est_id).values({column: dumps(value)}))

    def set_establishment_record(self, est_id: str, record: hospes.Establishment) -> None:
        self._set_establishment(est_id, "record", record)

    def set_series(self, est_id: str, series: Series) -> None:
        self._set_establishment(est_id, "series", series)

    def set_edit_policy(self, est_id: str, policy: hospes.EditPolicy) -> None:
        self._set_establishment(est_id, "edit_policy", policy)

    # -- mail templates -------------------------------------------------------------------------

    def mail_template(self, est_id: str, name: str) -> Optional[hospes.MailTemplate]:
        found: Optional[str] = self.conn.execute(select(mail_templates.c.record).where(
            mail_templates.c.establishment_id == est_id, mail_templates.c.name == name)).scalar()
        return None if found is None else hospes.from_wire("MailTemplate", loads(found))

    def mail_template_names(self, est_id: str) -> List[str]:
        return list(self.conn.execute(select(mail_templates.c.name).where(
            mail_templates.c.establishment_id == est_id).order_by(mail_templates.c.name)).scalars())

    def save_mail_template(self, est_id: str, template: hospes.MailTemplate, now: dt.datetime) -> None:
        self._upsert(mail_templates, {"establishment_id": est_id, "name": template["name"],
                                      "record": dumps(template), "updated_at": now}, ["establishment_id", "name"])

    # -- clients --------------------------------------------------------------------------------

    def _client(self, *where: ColumnElement[bool]) -> Optional[hospes.Client]:
        found: Optional[str] = self.conn.execute(select(clients.c.record).where(*where)).scalar()
        return None if found is None else hospes.from_wire("Client", loads(found))

    def client(self, client_id: str) -> Optional[hospes.Client]:
        return self._client(clients.c.id == client_id)

    def client_in(self, est_id: str, client_id: str) -> Optional[hospes.Client]:
        """A client of this establishment, else None."""
        return self._client(clients.c.id == client_id, clients.c.establishment_id == est_id)

    def client_by_email(self, est_id: str, email: str) -> Optional[hospes.Client]:
        return self._client(clients.c.establishment_id == est_id, clients.c.email == email.strip().lower())

    def clients_changed_since(self, est_id: str, since: Optional[dt.datetime]) -> List[hospes.Client]:
        query = select(clients.c.record).where(clients.c.establishment_id == est_id)
        if since is not None:
            query = query.where(clients.c.updated_at > since)
        return [hospes.from_wire("Client", loads(r)) for r in self.conn.execute(query.order_by(clients.c.id)).scalars()]

    def last_client_change(self, est_id: str) -> Optional[dt.datetime]:
        return self.conn.execute(select(func.max(clients.c.updated_at)).where(
            clients.c.establishment_id == est_id)).scalar()

    def save_client(self, est_id: str, client: hospes.Client, now: dt.datetime) -> None:
        email = (client.get("email") or "").strip().lower() or None
        self._upsert(clients, {"id": client["id"], "establishment_id": est_id, "email": email,
                               "record": dumps(client), "updated_at": now}, ["id"], insert_only=["establishment_id"])

    def touch_client(self, client_id: str, now: dt.datetime) -> None:
        """Something of the client's changed (a stay, an invoice): the register reads it again."""
        self.conn.execute(update(clients).where(clients.c.id == client_id).values(updated_at=now))

    # -- records of one client (stays, quotes, invoices …) -------------------------------------

    def _one(self, table: Table, key: str, est_id: str, value: str) -> Optional[Json]:
        """The stored record of the row whose `key` is `value`, in the wire form."""
        found: Optional[str] = self.conn.execute(select(table.c.record).where(
            table.c.establishment_id == est_id, table.c[key] == value)).scalar()
        return None if found is None else loads(found)

    def _of_client(self, table: Table, est_id: str, client_id: str) -> List[Json]:
        """The client's rows, by key (a stated order: PostgreSQL returns rows as they lie on
        disk, where an updated row moves), in the wire form."""
        rows = self.conn.execute(select(table.c.record).where(
            table.c.establishment_id == est_id, table.c.client_id == client_id)
            .order_by(*table.primary_key.columns)).scalars()
        return [loads(r) for r in rows]

    def _put(self, table: Table, key: str, est_id: str, values: Mapping[str, object]) -> None:
        self._upsert(table, dict(values, establishment_id=est_id), ["establishment_id", key])

    def stay(self, est_id: str, reference: str) -> Optional[hospes.Stay]:
        found = self._one(stays, "reference", est_id, reference)
        return None if found is None else hospes.from_wire("Stay", found)

    def stays_of(self, est_id: str, client_id: str) -> List[hospes.Stay]:
        return [hospes.from_wire("Stay", r) for r in self._of_client(stays, est_id, client_id)]

    def save_stay(self, est_id: str, stay: hospes.Stay) -> None:
        self._put(stays, "reference", est_id, {
            "reference": stay["reference"], "client_id": stay["client_id"], "record": dumps(stay)})

    def quote(self, est_id: str, number: str) -> Optional[hospes.Quote]:
        found = self._one(quotes, "number", est_id, number)
        return None if found is None else hospes.from_wire("Quote", found)

    def quotes_of(self, est_id: str, client_id: str) -> List[hospes.Quote]:
        return [hospes.from_wire("Quote", r) for r in self._of_client(quotes, est_id, client_id)]

    def quote_for_stay(self, est_id: str, stay_reference: str) -> Optional[hospes.Quote]:
        found = self._one(quotes, "stay_reference", est_id, stay_reference)
        return None if found is None else hospes.from_wire("Quote", found)

    def save_quote(self, est_id: str, quote: hospes.Quote, signed: Optional[hospes.SignedCopy] = None) -> None:
        values: Dict[str, object] = {"number": quote["number"], "client_id": quote["client_id"],
                                     "stay_reference": quote["stay_reference"], "record": dumps(quote)}
        if signed is not None:
            values.update(signed_pdf=file_bytes(signed["document"]), evidence_pdf=file_bytes(signed["evidence"]))
        self._put(quotes, "number", est_id, values)

    def invoice(self, est_id: str, number: str, lock: bool = False) -> Optional[hospes.Invoice]:
        """An invoice; `lock`: its row locked until the transaction ends (SELECT … FOR UPDATE),
        for what reads its payments and then records one."""
        query = select(invoices.c.record).where(invoices.c.establishment_id == est_id, invoices.c.number == number)
        found: Optional[str] = self.conn.execute(query.with_for_update() if lock else query).scalar()
        return None if found is None else hospes.from_wire("Invoice", loads(found))

    def invoices_of(self, est_id: str, client_id: str, stay_reference: Optional[str] = None) -> List[hospes.Invoice]:
        """The client's invoices (of one stay or residency: `stay_reference`), oldest first (by
        number within a series)."""
        query = select(invoices.c.record).where(invoices.c.establishment_id == est_id,
                                                invoices.c.client_id == client_id)
        if stay_reference is not None:
            query = query.where(invoices.c.stay_reference == stay_reference)
        found = [hospes.from_wire("Invoice", loads(r)) for r in self.conn.execute(query).scalars()]
        return sorted(found, key=lambda i: (i.get("issue_date") or dt.date.min, i.get("number") or ""))

    def save_invoice(self, est_id: str, invoice: hospes.Invoice) -> None:
        self._put(invoices, "number", est_id, {
            "number": number_of(invoice), "client_id": invoice["customer"]["client_id"],
            "stay_reference": invoice.get("stay_reference"), "record": dumps(invoice)})

    def payments_on(self, est_id: str, invoice_numbers: Sequence[str]) -> List[hospes.Payment]:
        """The payments on these invoices, by invoice, then as received."""
        if not invoice_numbers:
            return []
        rows = self.conn.execute(select(payments.c.record).where(
            payments.c.establishment_id == est_id, payments.c.invoice_number.in_(invoice_numbers))).scalars()
        found = [hospes.from_wire("Payment", loads(r)) for r in rows]
        return sorted(found, key=lambda p: (p["invoice_number"], p["received_at"], p["key"]))

    def add_payments(self, est_id: str, new: Iterable[hospes.Payment]) -> None:
        """Inserts payments by their idempotency key; raises `Duplicate` when one is there already."""
        for payment in new:
            try:
                with self.conn.begin_nested():
                    self.conn.execute(insert(payments).values(
                        establishment_id=est_id, key=payment["key"],
                        invoice_number=payment["invoice_number"], record=dumps(payment)))
            except IntegrityError:
                raise Duplicate(payment["key"]) from None

    def contract(self, est_id: str, number: str) -> Optional[hospes.Contract]:
        found = self._one(contracts, "number", est_id, number)
        return None if found is None else hospes.from_wire("Contract", found)

    def contracts_of(self, est_id: str, client_id: str) -> List[hospes.Contract]:
        return [hospes.from_wire("Contract", r) for r in self._of_client(contracts, est_id, client_id)]

    def save_contract(self, est_id: str, contract: hospes.Contract, signed: Optional[hospes.SignedCopy] = None) -> None:
        values: Dict[str, object] = {"number": contract["number"], "client_id": contract["customer"]["client_id"],
                                     "stay_reference": contract["stay_reference"], "record": dumps(contract)}
        if signed is not None:
            values.update(signed_pdf=file_bytes(signed["document"]), evidence_pdf=file_bytes(signed["evidence"]))
        self._put(contracts, "number", est_id, values)

    def signed_copy(self, table_name: str, est_id: str, number: str) -> Optional[bytes]:
        """The signed PDF kept for a quote or contract (`table_name`: quotes | contracts)."""
        table = quotes if table_name == "quotes" else contracts
        return self.conn.execute(select(table.c.signed_pdf).where(
            table.c.establishment_id == est_id, table.c.number == number)).scalar()

    def residency(self, est_id: str, reference: str) -> Optional[hospes.Residency]:
        found = self._one(residencies, "reference", est_id, reference)
        return None if found is None else hospes.from_wire("Residency", found)

    def residencies_of(self, est_id: str, client_id: str) -> List[hospes.Residency]:
        return [hospes.from_wire("Residency", r) for r in self._of_client(residencies, est_id, client_id)]

    def residency_contract_number(self, est_id: str, reference: str) -> Optional[str]:
        return self.conn.execute(select(residencies.c.contract_number).where(
            residencies.c.establishment_id == est_id, residencies.c.reference == reference)).scalar()

    def save_residency(self, est_id: str, residency: hospes.Residency, contract_number: Optional[str] = None) -> None:
        values: Dict[str, object] = {"reference": residency["reference"], "client_id": residency["client_id"],
                                     "record": dumps(residency)}
        if contract_number is not None:
            values["contract_number"] = contract_number
        self._put(residencies, "reference", est_id, values)

    def appointment(self, est_id: str, appointment_id: str) -> Optional[hospes.Appointment]:
        found = self._one(appointments, "id", est_id, appointment_id)
        return None if found is None else hospes.from_wire("Appointment", found)

    def appointments_of(self, est_id: str, client_id: str) -> List[hospes.Appointment]:
        return [hospes.from_wire("Appointment", r) for r in self._of_client(appointments, est_id, client_id)]

    def save_appointment(self, est_id: str, appointment: hospes.Appointment) -> None:
        self._put(appointments, "id", est_id, {
            "id": appointment["id"], "client_id": appointment["client_id"], "record": dumps(appointment)})

    def change_requests_of(self, est_id: str, client_id: str,
                           stay_reference: Optional[str] = None) -> List[StoredChangeRequest]:
        """The client's change requests (of one stay: `stay_reference`), oldest first."""
        query = select(change_requests.c.record, change_requests.c.status).where(
            change_requests.c.establishment_id == est_id, change_requests.c.client_id == client_id)
        if stay_reference is not None:
            query = query.where(change_requests.c.stay_reference == stay_reference)
        found = [StoredChangeRequest(request=hospes.from_wire("ChangeRequest", loads(r.record)), status=r.status)
                 for r in self.conn.execute(query).all()]
        return sorted(found, key=lambda r: (r["request"]["requested_at"], r["request"]["id"]))

    def add_change_request(self, est_id: str, request: hospes.ChangeRequest) -> None:
        self.conn.execute(insert(change_requests).values(
            establishment_id=est_id, id=request["id"], client_id=request["client_id"],
            stay_reference=request["stay_reference"], status="pending", record=dumps(request)))

    def set_change_request_status(self, est_id: str, request_id: str, status: str) -> None:
        self.conn.execute(update(change_requests).where(
            change_requests.c.establishment_id == est_id, change_requests.c.id == request_id).values(status=status))

    # -- accounts and throttles -----------------------------------------------------------------

    def account(self, est_id: str, email: str) -> Optional[hospes.Account]:
        found = self._one(accounts, "email", est_id, email.strip().lower())
        return None if found is None else hospes.from_wire("Account", found)

    def account_of(self, est_id: str, client_id: str) -> Optional[hospes.Account]:
        found = self._of_client(accounts, est_id, client_id)
        return hospes.from_wire("Account", found[0]) if found else None

    def save_account(self, est_id: str, account: hospes.Account) -> None:
        self._put(accounts, "email", est_id, {
            "email": account["email"].strip().lower(), "client_id": account["client_id"], "record": dumps(account)})

    def throttle(self, est_id: str, login: str) -> hospes.Throttle:
        """The throttle of a login, locked until the transaction ends: attempts made in parallel
        take turns, each counting the failures before it."""
        self.lock(est_id, "login", login_key(login))
        return hospes.from_wire("Throttle", self._one(login_throttles, "login", est_id, login_key(login)) or {})

    def save_throttle(self, est_id: str, login: str, throttle: hospes.Throttle) -> None:
        self._put(login_throttles, "login", est_id, {"login": login_key(login), "record": dumps(throttle)})

    # -- the event log --------------------------------------------------------------------------

    def append_events(self, est_id: str, stream: str, new: Sequence[hospes.Event]) -> List[hospes.LoggedEvent]:
        """Chains `new` events after the stream's last entry (hospes computes the hashes)."""
        if not new:
            return []
        self.lock(est_id, "stream", stream)  # the last entry read is still the last when writing
        found: Optional[str] = self.conn.execute(select(events.c.record).where(
            events.c.establishment_id == est_id, events.c.stream == stream)
            .order_by(events.c.sequence.desc()).limit(1)).scalar()
        last = None if found is None else hospes.from_wire("LoggedEvent", loads(found))
        entries = hospes.append_event_log(last, list(new))
        for entry in entries:
            event = entry["event"]
            self.conn.execute(insert(events).values(
                establishment_id=est_id, stream=stream, sequence=entry["sequence"],
                client_id=event.get("client_id"), sha256=entry["sha256"], record=dumps(entry)))
        return entries

    def events_of(self, est_id: str, client_id: str) -> List[StreamEntry]:
        rows = self.conn.execute(select(events.c.stream, events.c.record).where(
            events.c.establishment_id == est_id, events.c.client_id == client_id).order_by(events.c.id)).all()
        return [StreamEntry(stream=r.stream, entry=hospes.from_wire("LoggedEvent", loads(r.record))) for r in rows]

    def stream(self, est_id: str, stream: str) -> List[hospes.LoggedEvent]:
        rows = self.conn.execute(select(events.c.record).where(
            events.c.establishment_id == est_id, events.c.stream == stream).order_by(events.c.sequence)).scalars()
        return [hospes.from_wire("LoggedEvent", loads(r)) for r in rows]

    # -- links issued, mails, payment requests ---------------------------------------------------

    def record_link(self, est_id: str, client_id: str, purpose: str, subject: Optional[str],
                    issued: hospes.IssuedLink, now: dt.datetime) -> None:
        self.conn.execute(insert(links).values(
            token_id=issued["token_id"], establishment_id=est_id, client_id=client_id, purpose=purpose,
            subject=subject, issued_at=now, expires_at=issued.get("expires_at")))

    def links_of(self, client_id: str) -> List[LinkRow]:
        rows = self.conn.execute(select(links).where(links.c.client_id == client_id)
                                 .order_by(links.c.issued_at.desc(), links.c.token_id)).mappings().all()
        return [LinkRow(token_id=r["token_id"], establishment_id=r["establishment_id"], client_id=r["client_id"],
                        purpose=r["purpose"], subject=r["subject"], issued_at=r["issued_at"],
                        expires_at=r["expires_at"]) for r in rows]

    def add_mail(self, est_id: str, client_id: Optional[str], to: str, mail: hospes.RenderedMail, now: dt.datetime,
                 transport: str, error: Optional[str] = None) -> int:
        result = self.conn.execute(insert(outbox).values(
            establishment_id=est_id, client_id=client_id, to_address=to, subject=mail["subject"],
            html=mail["html"], text=mail["text"], created_at=now, transport=transport, error=error))
        key = result.inserted_primary_key
        assert key is not None
        return int(key[0])

    @staticmethod
    def _mail_row(r: RowMapping) -> MailRow:
        return MailRow(id=r["id"], establishment_id=r["establishment_id"], client_id=r["client_id"],
                       to_address=r["to_address"], subject=r["subject"], html=r["html"], text=r["text"],
                       created_at=r["created_at"], transport=r["transport"], error=r["error"])

    def mails(self, limit: int = 100) -> List[MailRow]:
        rows = self.conn.execute(select(outbox).order_by(outbox.c.id.desc()).limit(limit)).mappings().all()
        return [self._mail_row(r) for r in rows]

    def mail(self, mail_id: int) -> Optional[MailRow]:
        row = self.conn.execute(select(outbox).where(outbox.c.id == mail_id)).mappings().first()
        return None if row is None else self._mail_row(row)

    def save_payment_request(self, est_id: str, client_id: str, provider: str, request: hospes.PaymentRequest,
                             now: dt.datetime) -> None:
        self._upsert(payment_requests, {
            "establishment_id": est_id, "reference": request["reference"], "client_id": client_id,
            "invoice_number": request["invoice_number"], "provider": provider, "record": dumps(request),
            "created_at": now}, ["establishment_id", "reference"], on_conflict="nothing")

    def _payment_request(self, *where: ColumnElement[bool]) -> Optional[PaymentRequestRow]:
        r = self.conn.execute(select(payment_requests).where(*where)).mappings().first()
        if r is None:
            return None
        return PaymentRequestRow(establishment_id=r["establishment_id"], reference=r["reference"],
                                 client_id=r["client_id"], invoice_number=r["invoice_number"], provider=r["provider"],
                                 record=hospes.from_wire("PaymentRequest", loads(r["record"])),
                                 created_at=r["created_at"])

    def payment_request(self, est_id: str, reference: str) -> Optional[PaymentRequestRow]:
        return self._payment_request(payment_requests.c.establishment_id == est_id,
                                     payment_requests.c.reference == reference)

    def payment_request_anywhere(self, reference: str) -> Optional[PaymentRequestRow]:
        """A payment request by its reference alone: what a provider's notification names."""
        return self._payment_request(payment_requests.c.reference == reference)
