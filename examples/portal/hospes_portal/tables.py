"""The host's tables: SQLAlchemy Core declarations, and the column types that make SQLite and
PostgreSQL store the same values (instants in UTC, text without NUL). `db.py` reads and writes them.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import hashlib
import json
import sqlite3
from functools import cached_property
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, TypedDict, Union

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


#: A JSON object read back (a stored column, a provider's notification) before
#: `hospes.from_wire` types it. Its values are `object`, not `Any`: with `Any` in the argument,
#: mypy would match `from_wire`'s untyped fallback overload too and give `Any` back.
Json = Dict[str, object]

UTC = dt.timezone.utc


def as_utc(value: object) -> Optional[dt.datetime]:
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


def _without_nul(value: object) -> object:
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
