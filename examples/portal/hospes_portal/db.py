"""The host's database: every table, and the functions that read and write them.

hospes stores nothing; this module does. Each hospes record is kept whole as JSON text in its
canonical wire form (`hospes.to_wire`), next to the few columns the host queries by (client id,
reference, number). The same SQLAlchemy Core code runs on SQLite and on PostgreSQL:

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

import contextlib
import datetime as dt
import hashlib
import json
from typing import Any, Dict, Iterable, Iterator, List, Optional

import hospes
from sqlalchemy import (
    Boolean, Column, DateTime, Integer, LargeBinary, MetaData, String, Table, Text, UniqueConstraint,
    create_engine, event, func, insert, select, text, update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Dialect, Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.types import TypeDecorator

Record = Dict[str, Any]

UTC = dt.timezone.utc


def as_utc(value: Any) -> Optional[dt.datetime]:
    """An instant as an aware UTC datetime: naive ones are taken as UTC, ISO text is parsed."""
    if value is None:
        return None
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if not isinstance(value, dt.datetime):
        raise TypeError(f"not an instant: {value!r}")
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class UtcDateTime(TypeDecorator[dt.datetime]):
    """An instant, stored in UTC (`timestamptz` on PostgreSQL, UTC text on SQLite, which keeps no
    offset) and read back as an aware UTC datetime on both, whatever the session's time zone."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Optional[dt.datetime]:
        found = as_utc(value)
        if found is not None and dialect.name == "sqlite":
            return found.replace(tzinfo=None)
        return found

    def process_result_value(self, value: Any, dialect: Dialect) -> Optional[dt.datetime]:
        return as_utc(value)


def _without_nul(value: Any) -> Any:
    return value.replace("\x00", "\ufffd") if isinstance(value, str) and "\x00" in value else value


class Str(TypeDecorator[str]):
    """VARCHAR(n) that never sends NUL: PostgreSQL refuses it in text (SQLite takes it), so a
    key typed with %00 is looked up as U+FFFD and found nowhere, on both databases."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        return _without_nul(value)


class Txt(TypeDecorator[str]):
    """TEXT that never sends NUL (see `Str`)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        return _without_nul(value)


#: The longest key a column holds (e-mail addresses, logins).
MAX_LOGIN = 254


def login_key(login: str) -> str:
    """The key a typed login is throttled under: trimmed, lower-cased; a string too long for an
    address is kept as its digest (it still gets throttled, and fits the column)."""
    key = login.strip().lower()
    return key if len(key) <= MAX_LOGIN else "sha256:" + hashlib.sha256(key.encode()).hexdigest()


metadata = MetaData()


def _est() -> Column[str]:
    return Column("establishment_id", Str(64), primary_key=True)


settings = Table(
    "settings", metadata,
    Column("key", Str(64), primary_key=True),
    Column("value", Txt, nullable=False),
)

establishments = Table(
    "establishments", metadata,
    Column("id", Str(64), primary_key=True),
    Column("kind", Str(16), nullable=False),               # campsite | salon
    Column("record", Txt, nullable=False),                 # hospes Establishment
    Column("online_payment", Boolean, nullable=False),
    Column("update_policy", Txt, nullable=False),          # hospes UpdatePolicy (« Mes infos »)
    Column("edit_policy", Txt),                            # hospes EditPolicy (booking fields)
    Column("catalogue", Txt),                              # hospes Catalogue
    Column("schedule", Txt),                               # hospes AppointmentSchedule
    Column("terms", Txt),                                  # hospes ContractTerms
    Column("series", Txt, nullable=False),                 # {"invoice": pattern, "credit_note": …, "last_…"}
)

mail_templates = Table(
    "mail_templates", metadata, _est(),
    Column("name", Str(64), primary_key=True),
    Column("record", Txt, nullable=False),                 # hospes MailTemplate
    Column("updated_at", UtcDateTime(), nullable=False),
)

clients = Table(
    "clients", metadata,
    Column("id", Str(64), primary_key=True),
    Column("establishment_id", Str(64), nullable=False, index=True),
    Column("email", Str(254), index=True),
    Column("record", Txt, nullable=False),                 # hospes Client
    # Anything of the client changed (record, stay, invoice, payment): the register follows it.
    Column("updated_at", UtcDateTime(), nullable=False, index=True),
)

stays = Table(
    "stays", metadata, _est(),
    Column("reference", Str(64), primary_key=True),
    Column("client_id", Str(64), nullable=False, index=True),
    Column("record", Txt, nullable=False),                 # hospes Stay
)

quotes = Table(
    "quotes", metadata, _est(),
    Column("number", Str(64), primary_key=True),
    Column("client_id", Str(64), nullable=False, index=True),
    Column("stay_reference", Str(64), nullable=False),
    Column("record", Txt, nullable=False),                 # hospes Quote
    Column("signed_pdf", LargeBinary),                     # the PDF she signed, byte for byte
    Column("evidence_pdf", LargeBinary),                   # its evidence document
)

invoices = Table(
    "invoices", metadata, _est(),
    Column("number", Str(64), primary_key=True),
    Column("client_id", Str(64), nullable=False, index=True),
    Column("stay_reference", Str(64), index=True),
    Column("record", Txt, nullable=False),                 # hospes Invoice
)

payments = Table(
    "payments", metadata, _est(),
    Column("key", Str(128), primary_key=True),             # idempotency key: recorded once
    Column("invoice_number", Str(64), nullable=False, index=True),
    Column("record", Txt, nullable=False),                 # hospes Payment
)

contracts = Table(
    "contracts", metadata, _est(),
    Column("number", Str(64), primary_key=True),
    Column("client_id", Str(64), nullable=False, index=True),
    Column("stay_reference", Str(64), nullable=False),
    Column("record", Txt, nullable=False),                 # hospes Contract
    Column("signed_pdf", LargeBinary),
    Column("evidence_pdf", LargeBinary),
)

residencies = Table(
    "residencies", metadata, _est(),
    Column("reference", Str(64), primary_key=True),
    Column("client_id", Str(64), nullable=False, index=True),
    Column("contract_number", Str(64)),
    Column("record", Txt, nullable=False),                 # hospes Residency
)

appointments = Table(
    "appointments", metadata, _est(),
    Column("id", Str(64), primary_key=True),
    Column("client_id", Str(64), nullable=False, index=True),
    Column("record", Txt, nullable=False),                 # hospes Appointment
)

change_requests = Table(
    "change_requests", metadata, _est(),
    Column("id", Str(64), primary_key=True),
    Column("client_id", Str(64), nullable=False, index=True),
    Column("stay_reference", Str(64), nullable=False),
    Column("status", Str(16), nullable=False),             # pending | approved | declined
    Column("record", Txt, nullable=False),                 # hospes ChangeRequest
)

accounts = Table(
    "accounts", metadata, _est(),
    Column("email", Str(254), primary_key=True),
    Column("client_id", Str(64), nullable=False, index=True),
    Column("record", Txt, nullable=False),                 # hospes Account (holds a password hash)
)

login_throttles = Table(
    "login_throttles", metadata, _est(),
    Column("login", Str(254), primary_key=True),           # an e-mail typed, known or not
    Column("record", Txt, nullable=False),                 # hospes Throttle
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("establishment_id", Str(64), nullable=False),
    Column("stream", Str(128), nullable=False),            # stay:312, client:C-1042 …
    Column("sequence", Integer, nullable=False),
    Column("client_id", Str(64), index=True),
    Column("sha256", Str(64), nullable=False),
    Column("record", Txt, nullable=False),                 # hospes LoggedEvent (hash-linked)
    UniqueConstraint("establishment_id", "stream", "sequence"),
)

links = Table(
    "links", metadata,
    Column("token_id", Str(64), primary_key=True),         # never the token itself
    Column("establishment_id", Str(64), nullable=False),
    Column("client_id", Str(64), nullable=False, index=True),
    Column("purpose", Str(32), nullable=False),
    Column("subject", Str(64)),
    Column("issued_at", UtcDateTime(), nullable=False),
    Column("expires_at", UtcDateTime()),
)

outbox = Table(
    "outbox", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("establishment_id", Str(64), nullable=False),
    Column("client_id", Str(64), index=True),
    Column("to_address", Str(254), nullable=False),
    Column("subject", Txt, nullable=False),
    Column("html", Txt, nullable=False),
    Column("text", Txt, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("transport", Str(16), nullable=False),          # outbox | smtp
    Column("error", Txt),
)

payment_requests = Table(
    "payment_requests", metadata, _est(),
    Column("reference", Str(128), primary_key=True),       # hospes PaymentRequest.reference
    Column("client_id", Str(64), nullable=False, index=True),
    Column("invoice_number", Str(64), nullable=False),
    Column("provider", Str(32), nullable=False),
    Column("record", Txt, nullable=False),                 # hospes PaymentRequest
    Column("created_at", UtcDateTime(), nullable=False),
)

# The demo provider's own table: a real provider (PayPlug, Stripe) keeps this on its side.
demo_checkouts = Table(
    "demo_checkouts", metadata,
    Column("id", Str(64), primary_key=True),
    Column("reference", Str(128), nullable=False, index=True),
    Column("request", Txt, nullable=False),                # what the host asked for
    Column("notify_url", Txt, nullable=False),
    Column("status", Str(16), nullable=False),             # open | succeeded | failed | cancelled
    Column("transaction_id", Str(64)),
    Column("settled_at", UtcDateTime()),
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
            # SQLAlchemy, not the sqlite3 module, begins transactions (see `_sqlite_begin`):
            # the module would begin one only at the first write, after the reads.
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


class Tx:
    """Repository functions over one transaction. Each returns records in the wire form."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # -- what runs the same on both databases ---------------------------------------------------

    def _upsert(self, table: Table, values: Record, keys: Iterable[str], insert_only: Iterable[str] = (),
                on_conflict: str = "update") -> None:
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
        self._upsert(mail_templates, {"establishment_id": est_id, "name": template["name"],
                                      "record": dumps(template), "updated_at": now}, ["establishment_id", "name"])

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
        return [loads(r) for r in self.conn.execute(query.order_by(clients.c.id)).scalars()]

    def last_client_change(self, est_id: str) -> Optional[dt.datetime]:
        return self.conn.execute(select(func.max(clients.c.updated_at)).where(
            clients.c.establishment_id == est_id)).scalar()

    def save_client(self, est_id: str, client: Record, now: dt.datetime) -> None:
        email = (client.get("email") or "").strip().lower() or None
        self._upsert(clients, {"id": client["id"], "establishment_id": est_id, "email": email,
                               "record": dumps(client), "updated_at": now}, ["id"], insert_only=["establishment_id"])

    def touch_client(self, client_id: str, now: dt.datetime) -> None:
        """Something of the client's changed (a stay, an invoice): the register reads it again."""
        self.conn.execute(update(clients).where(clients.c.id == client_id).values(updated_at=now))

    # -- records of one client (stays, quotes, invoices …) -------------------------------------

    def _one(self, table: Table, key: str, est_id: str, value: str) -> Optional[Record]:
        return loads(self.conn.execute(select(table.c.record).where(
            table.c.establishment_id == est_id, table.c[key] == value)).scalar())

    def _of_client(self, table: Table, est_id: str, client_id: str) -> List[Record]:
        """The client's rows, by key (a stated order: PostgreSQL returns rows as they lie on
        disk, where an updated row moves)."""
        rows = self.conn.execute(select(table.c.record).where(
            table.c.establishment_id == est_id, table.c.client_id == client_id)
            .order_by(*table.primary_key.columns)).scalars()
        return [loads(r) for r in rows]

    def _put(self, table: Table, key: str, est_id: str, values: Record) -> None:
        self._upsert(table, dict(values, establishment_id=est_id), ["establishment_id", key])

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

    def invoice(self, est_id: str, number: str, lock: bool = False) -> Optional[Record]:
        """An invoice; `lock`: its row locked until the transaction ends (SELECT … FOR UPDATE),
        for what reads its payments and then records one."""
        query = select(invoices.c.record).where(invoices.c.establishment_id == est_id, invoices.c.number == number)
        return loads(self.conn.execute(query.with_for_update() if lock else query).scalar())

    def invoices_of(self, est_id: str, client_id: str) -> List[Record]:
        """The client's invoices, oldest first (by number within a series)."""
        return sorted(self._of_client(invoices, est_id, client_id), key=lambda i: (i["issue_date"] or "", i["number"]))

    def save_invoice(self, est_id: str, invoice: Record) -> None:
        self._put(invoices, "number", est_id, {
            "number": invoice["number"], "client_id": invoice["customer"]["client_id"],
            "stay_reference": invoice.get("stay_reference"), "record": dumps(invoice)})

    def payments_on(self, est_id: str, invoice_numbers: List[str]) -> List[Record]:
        """The payments on these invoices, by invoice, then as received."""
        if not invoice_numbers:
            return []
        rows = self.conn.execute(select(payments.c.record).where(
            payments.c.establishment_id == est_id, payments.c.invoice_number.in_(invoice_numbers))).scalars()
        return sorted((loads(r) for r in rows), key=lambda p: (
            p["invoice_number"], as_utc(p.get("received_at")) or dt.datetime.min.replace(tzinfo=UTC), p["key"]))

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
        """The client's change requests, oldest first."""
        rows = self.conn.execute(select(change_requests.c.record, change_requests.c.status).where(
            change_requests.c.establishment_id == est_id, change_requests.c.client_id == client_id)).all()
        found = [dict(loads(r.record), status=r.status) for r in rows]
        return sorted(found, key=lambda r: (as_utc(r.get("requested_at")) or dt.datetime.min.replace(tzinfo=UTC),
                                            r["id"]))

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
        """The throttle of a login, locked until the transaction ends: attempts made in parallel
        take turns, each counting the failures before it."""
        self.lock(est_id, "login", login_key(login))
        return self._one(login_throttles, "login", est_id, login_key(login)) or {}

    def save_throttle(self, est_id: str, login: str, throttle: Record) -> None:
        self._put(login_throttles, "login", est_id, {"login": login_key(login), "record": dumps(throttle)})

    # -- the event log --------------------------------------------------------------------------

    def append_events(self, est_id: str, stream: str, new: List[Record]) -> List[Record]:
        """Chains `new` events after the stream's last entry (hospes computes the hashes)."""
        if not new:
            return []
        self.lock(est_id, "stream", stream)  # the last entry read is still the last when writing
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
                                 .order_by(links.c.issued_at.desc(), links.c.token_id)).mappings().all()
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
        self._upsert(payment_requests, {
            "establishment_id": est_id, "reference": request["reference"], "client_id": client_id,
            "invoice_number": request["invoice_number"], "provider": provider, "record": dumps(request),
            "created_at": now}, ["establishment_id", "reference"], on_conflict="nothing")

    def payment_request(self, est_id: str, reference: str) -> Optional[Record]:
        row = self.conn.execute(select(payment_requests).where(
            payment_requests.c.establishment_id == est_id, payment_requests.c.reference == reference)).mappings().first()
        return None if row is None else dict(row, record=loads(row["record"]))

    def payment_request_anywhere(self, reference: str) -> Optional[Record]:
        """A payment request by its reference alone: what a provider's notification names."""
        row = self.conn.execute(select(payment_requests).where(
            payment_requests.c.reference == reference)).mappings().first()
        return None if row is None else dict(row, record=loads(row["record"]))
