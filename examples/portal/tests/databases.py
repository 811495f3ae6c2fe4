"""Where each test's app keeps its data: a fresh database per test.

SQLite (a file in the test's temporary directory) unless `PORTAL_TEST_POSTGRES` names a
PostgreSQL server's admin URL (`tests/postgres.py` sets it to a throw-away cluster's): then a
database of its own is created on that server for each test, and dropped when the test process
ends.
"""

from __future__ import annotations

import atexit
import os
import threading
import uuid
from pathlib import Path
from typing import List, Optional

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url

ENV = "PORTAL_TEST_POSTGRES"

_admin: Optional[Engine] = None
_created: List[str] = []
_lock = threading.Lock()


def _admin_engine(url: str) -> Engine:
    global _admin
    with _lock:
        if _admin is None:
            _admin = create_engine(url, isolation_level="AUTOCOMMIT", pool_size=1, max_overflow=0)
            atexit.register(_drop_all)
        return _admin


def _drop_all() -> None:
    """Drops the databases made by this process (their apps' connections are cut: FORCE)."""
    if _admin is None:
        return
    try:
        with _admin.connect() as conn:
            for name in _created:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    except Exception:  # noqa: BLE001 - the server may be gone already (the cluster thrown away)
        pass
    _admin.dispose()


def using_postgres() -> bool:
    """Whether the tests run on PostgreSQL."""
    return bool(os.environ.get(ENV))


def fresh_database_url(tmp_path: Path) -> str:
    """The URL of an empty database for one test: `sqlite:///<tmp_path>/portal.db`, or a new
    database on the PostgreSQL server named by `PORTAL_TEST_POSTGRES`."""
    admin_url = os.environ.get(ENV)
    if not admin_url:
        return f"sqlite:///{Path(tmp_path) / 'portal.db'}"
    name = f"portal_test_{uuid.uuid4().hex[:16]}"
    with _admin_engine(admin_url).connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE template0'))
    _created.append(name)
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)
