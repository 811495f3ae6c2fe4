"""The reference portal's speed, as `make bench` reports it (never asserted in a test).

1. **The stay page, server side**: the time the app takes to answer `GET /<est>/stays/312` for a
   signed-in guest (Flask's WSGI call, database reads and hospes's calls included; no socket),
   median and p95 over 400 requests.
2. **A bounded load run** on 127.0.0.1: the portal served by waitress in its own process, 50
   simulated guests (each with a stay and a deposit to pay) who open their link, browse their
   space, pay the deposit through the demo provider and keep browsing, with a 1 s pause between
   requests (≈ 50 requests a second) for `--seconds` (40 by default, ≤ 60). Reported: requests,
   errors, p50/p95/max latency as the guest measures it; then the database is read back —
   every deposit paid exactly once (no payment lost, none doubled).

The database is a fresh SQLite file, or a fresh PostgreSQL database when `PORTAL_TEST_POSTGRES`
names a server (`tests/postgres.py -- python bench/bench_portal.py` runs a throw-away cluster).

    cd examples/portal && PYTHONPATH=../../bindings-python/python:.:tests python bench/bench_portal.py
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import http.client
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple
from urllib.parse import urlparse

from flask import Flask

HERE = Path(__file__).resolve().parent
PORTAL = HERE.parent
sys.path[:0] = [str(PORTAL), str(PORTAL / "tests")]

from databases import fresh_database_url  # noqa: E402 - tests/databases.py
from hospes_portal import FIXTURE, create_app, services  # noqa: E402

EST = "camping-des-pins"
GUESTS = 50


def bench_fixture(path: Path) -> None:
    """demo.json with 50 more guests of the campsite, each with a confirmed stay and a deposit due."""
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    for n in range(1, GUESTS + 1):
        client_id, reference = f"B-{n:03d}", f"9{n:03d}"
        data["clients"].append({"establishment": EST, "record": {
            "id": client_id, "civility": "mrs", "first_name": "Guest", "last_name": f"Bench {n}",
            "email": f"guest{n}@bench.example", "address": {"lines": [f"{n} rue du Banc"], "postcode": "33000",
                                                              "city": "Bordeaux", "country": "FR"},
            "created_at": "2026-01-10T10:00:00Z"}})
        data["stays"].append({
            "reference": reference, "client_id": client_id, "accommodation": "Chalet du lac",
            "arrival": "2026-07-18", "departure": "2026-07-25", "status": "confirmed", "currency": "EUR",
            "lines": [{"label": "Chalet du lac, 7 nuits", "kind": "accommodation", "quantity": "7",
                       "unit_price": {"amount": "100.00", "currency": "EUR"}, "vat_rate": "10"}]})
        data["invoices"].append({"stay": reference, "kind": "deposit", "issued_on": "2026-05-31",
                                 "due_date": "2026-06-08", "amount": {"amount": "210.00", "currency": "EUR"}})
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def percentile(values: List[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def stay_page(app: Flask, marie_link: str) -> Tuple[float, float]:
    """Median and p95 (ms) of the stay page answered by the app, Marie signed in by her link."""
    client = app.test_client()
    landing = client.get(urlparse(marie_link).path + "?" + urlparse(marie_link).query)
    assert landing.status_code in (302, 303), landing.status_code
    path = f"/{EST}/stays/312"
    for _ in range(30):
        assert client.get(path).status_code == 200
    times = []
    for _ in range(400):
        start = time.perf_counter()
        answer = client.get(path)
        times.append((time.perf_counter() - start) * 1000)
        assert answer.status_code == 200
    return statistics.median(times), percentile(times, 95)


class Guest(threading.Thread):
    """One guest's browser: a cookie, a connection, a 1 s pause between requests."""

    def __init__(self, port: int, link: str, invoice: str, until: float, pause: float) -> None:
        super().__init__(daemon=True)
        self.port, self.link, self.invoice, self.until, self.pause = port, link, invoice, until, pause
        self.cookie: Optional[str] = None
        self.times: List[float] = []
        self.errors: List[str] = []
        self.paid = False
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def request(self, method: str, path: str, form: Optional[Dict[str, str]] = None,
                expect: Tuple[int, ...] = (200,)) -> Tuple[int, Dict[str, str], str]:
        time.sleep(self.pause)
        headers = {"Cookie": self.cookie} if self.cookie else {}
        body = None
        if form is not None:
            body = "&".join(f"{k}={v}" for k, v in form.items())
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        start = time.perf_counter()
        try:
            self.conn.request(method, path, body=body, headers=headers)
            answer = self.conn.getresponse()
            text = answer.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException) as err:
            self.errors.append(f"{method} {path}: {err}")
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            return 0, {}, ""
        self.times.append((time.perf_counter() - start) * 1000)
        found = dict((k.lower(), v) for k, v in answer.getheaders())
        if "set-cookie" in found:
            self.cookie = found["set-cookie"].split(";", 1)[0]
        if answer.status not in expect:
            self.errors.append(f"{method} {path}: {answer.status}")
        return answer.status, found, text

    def form_token(self, page: str) -> str:
        found = re.search(r'name="csrf" value="([^"]+)"', page)
        return found.group(1) if found else ""

    def run(self) -> None:
        link = urlparse(self.link)
        status, headers, _ = self.request("GET", f"{link.path}?{link.query}", expect=(302, 303))
        home = urlparse(headers.get("location", f"/{EST}/")).path
        browse = [home, f"/{EST}/stays", f"/{EST}/invoices", f"/{EST}/infos"]
        self.request("GET", home)
        _, _, page = self.request("GET", f"/{EST}/invoices/{self.invoice}/pay")
        _, headers, _ = self.request("POST", f"/{EST}/invoices/{self.invoice}/pay",
                                     {"csrf": self.form_token(page)}, expect=(303,))
        checkout = urlparse(headers.get("location", "")).path
        _, _, page = self.request("GET", checkout)
        _, headers, _ = self.request("POST", checkout, {"csrf": self.form_token(page), "action": "pay"}, expect=(303,))
        back = urlparse(headers.get("location", ""))
        _, _, page = self.request("GET", f"{back.path}?{back.query}")
        self.paid = True
        turn = 0
        while time.monotonic() < self.until:
            self.request("GET", browse[turn % len(browse)])
            turn += 1


@dataclass
class LoadRun:
    """What the guests of a load run measured."""

    requests: int
    rate: float
    errors: List[str]
    p50: float
    p95: float
    max: float
    paid_journeys: int


def load_run(data_dir: Path, database_url: str, port: int, links: Dict[str, Tuple[str, str]],
             seconds: float) -> LoadRun:
    env = dict(os.environ, DATA_DIR=str(data_dir), DATABASE_URL=database_url, PORT=str(port), HOST="127.0.0.1",
               PUBLIC_URL=f"http://127.0.0.1:{port}", PYTHONPATH=os.pathsep.join(sys.path))
    server = subprocess.Popen([sys.executable, "-m", "hospes_portal"], cwd=PORTAL, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        until = time.monotonic() + seconds
        guests = []
        for n, (link, invoice) in enumerate(links.values()):
            guest = Guest(port, link, invoice, until, pause=1.0)
            guests.append(guest)
            threading.Timer(n / len(links), guest.start).start()   # arrivals spread over a second
        time.sleep(1.2)
        for guest in guests:
            guest.join(seconds + 60)
    finally:
        server.terminate()
        server.wait(10)
    times = [t for g in guests for t in g.times]
    errors = [e for g in guests for e in g.errors]
    return LoadRun(requests=len(times), rate=len(times) / seconds, errors=errors, p50=percentile(times, 50),
                   p95=percentile(times, 95), max=max(times), paid_journeys=sum(g.paid for g in guests))


def payments_check(app: Flask, invoices: List[str]) -> Tuple[int, int, int]:
    """(deposits paid exactly once, lost, doubled), read back from the database."""
    once = lost = doubled = 0
    with app.app_context(), services().store.tx() as tx:
        for number in invoices:
            paid = tx.payments_on(EST, [number])
            if len(paid) == 1:
                once += 1
            elif not paid:
                lost += 1
            else:
                doubled += 1
    return once, lost, doubled


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=40.0)
    args = parser.parse_args()
    seconds = min(args.seconds, 60.0)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        fixture = tmp_path / "bench.json"
        bench_fixture(fixture)
        database_url = fresh_database_url(tmp_path)
        kind = "PostgreSQL" if database_url.startswith("postgresql") else "SQLite"
        port = free_port()
        app = create_app({"DATA_DIR": str(tmp_path), "DATABASE_URL": database_url,
                          "PUBLIC_URL": f"http://127.0.0.1:{port}", "FIXTURE": str(fixture)})
        links: Dict[str, Tuple[str, str]] = {}
        with app.app_context():
            now = dt.datetime.now(dt.timezone.utc)
            with services().store.tx() as tx:
                est = tx.establishment(EST)
                assert est is not None
                for n in range(1, GUESTS + 1):
                    client = tx.client_in(EST, f"B-{n:03d}")
                    assert client is not None
                    number = tx.invoices_of(EST, client["id"])[0].get("number")
                    assert number is not None
                    links[client["id"]] = (services().links.issue(tx, est.record, client, "portal", None, now), number)
                marie = tx.client_in(EST, "C-1042")
                assert marie is not None
                marie_link = services().links.issue(tx, est.record, marie, "portal", None, now)
        median, p95 = stay_page(app, marie_link)
        print(f"portal bench on {kind}")
        print(f"  stay page, server side (400 requests): median {median:.2f} ms, p95 {p95:.2f} ms (goal: median ≤ 5 ms)")
        app.extensions["hospes_portal"].store.engine.dispose()
        run = load_run(tmp_path, database_url, port, links, seconds)
        once, lost, doubled = payments_check(app, [invoice for _, invoice in links.values()])
        print(f"  load run, {GUESTS} guests for {seconds:.0f} s: {run.requests} requests ({run.rate:.1f}/s), "
              f"p50 {run.p50:.1f} ms, p95 {run.p95:.1f} ms, max {run.max:.1f} ms (goal: p95 ≤ 50 ms), "
              f"errors {len(run.errors)}")
        print(f"  deposits: {once} paid once, {lost} lost, {doubled} doubled ({run.paid_journeys} journeys)")
        for error in run.errors[:10]:
            print(f"    error: {error}")
        app.extensions["hospes_portal"].store.engine.dispose()


if __name__ == "__main__":
    main()
