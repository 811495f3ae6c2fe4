"""The journeys run against a fresh app on a database of its own (a temporary SQLite file, or a
new database on the PostgreSQL server named by `PORTAL_TEST_POSTGRES`: see `databases.py`),
its clock set to the demo's `as_of` (so the fixture's dates stay as written), the demo
provider's notifications caught instead of sent over HTTP (each test delivers them, once or
twice)."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from pathlib import Path
from typing import Dict, Iterator, List, Mapping, Optional, Tuple, TypeVar

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from databases import fresh_database_url
from hospes_portal import create_app, office_password, services
from hospes_portal.db import Tx

T = TypeVar("T")

AS_OF = dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.timezone.utc)


class Clock:
    """The app's clock, moved by the tests."""

    def __init__(self) -> None:
        self.now = AS_OF

    def __call__(self) -> dt.datetime:
        return self.now


class Notifications:
    """What the demo provider would have POSTed to the host."""

    def __init__(self) -> None:
        self.sent: List[Tuple[str, bytes, Dict[str, str]]] = []

    def __call__(self, url: str, body: bytes, headers: Mapping[str, str]) -> None:
        self.sent.append((url, body, dict(headers)))


@pytest.fixture()
def clock() -> Clock:
    return Clock()


@pytest.fixture()
def notifications() -> Notifications:
    return Notifications()


@pytest.fixture()
def app(tmp_path: Path, clock: Clock, notifications: Notifications) -> Iterator[Flask]:
    app = create_app({"DATA_DIR": str(tmp_path), "DATABASE_URL": fresh_database_url(tmp_path),
                      "PUBLIC_URL": "http://localhost", "CLOCK": clock, "DELIVER": notifications})
    yield app
    app.extensions["hospes_portal"].store.engine.dispose()  # its connections, not left to the GC


def csrf(page: bytes) -> str:
    """The CSRF token of the first form of a page."""
    found = re.search(rb'name="csrf" value="([^"]+)"', page)
    assert found, "no form on the page"
    return found.group(1).decode()


def post(client: FlaskClient, url: str, data: Dict[str, str], page_url: str | None = None) -> TestResponse:
    """POSTs a form as the browser would: with the CSRF token of the page it sits on."""
    token = csrf(client.get(page_url or url).data)
    return client.post(url, data=dict(data, csrf=token))


@pytest.fixture()
def office(app: Flask) -> FlaskClient:
    """The back office, signed in with the password printed at start."""
    client = app.test_client()
    with app.app_context():
        password = office_password(services().store, services().data_dir)
    answer = post(client, "/office/login", {"password": password})
    assert answer.status_code == 303
    return client


def path_of(url: str) -> str:
    """The path and query of a link (the app answers at http://localhost)."""
    return re.sub(r"^https?://[^/]+", "", url)


def found(value: Optional[T]) -> T:
    """A record the test knows is there."""
    assert value is not None
    return value


def search(pattern: str, text: str) -> "re.Match[str]":
    """The first match of `pattern` in a page the test knows has it."""
    match = re.search(pattern, text)
    assert match, f"{pattern!r} not in the page"
    return match


@contextlib.contextmanager
def store(app: Flask) -> Iterator[Tx]:
    """A transaction on the app's database, for the checks (`with store(app) as tx:`)."""
    with app.app_context():
        with services().store.tx() as tx:
            yield tx
