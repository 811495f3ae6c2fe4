"""The client register from Python, side by side with SQLite on the same million clients.

Loads target/bench/clients.jsonl (tests/bench/register_clients.py) into a held ``hospes.Register``
in batches under the 1 MiB input limit, and into SQLite (the same rows, the searched columns
pre-folded the way hospes folds them: Python's SQLite is too old for FTS5's remove_diacritics),
then times a 3-character fragment, present-only off: hospes's first page of 50 (in name order)
and count; SQLite ``LIKE '%frag%'`` over the same columns; an FTS5 trigram table (first 50, and the
count). Checks that all three find the same clients.
"""

import datetime
import json
import sqlite3
import statistics
import sys
import time
import unicodedata
from pathlib import Path

import hospes

ROOT = Path(__file__).resolve().parents[2]
CLIENTS = ROOT / "target/bench/clients.jsonl"
NOW = datetime.datetime(2026, 7, 14, 8, 0, tzinfo=datetime.timezone.utc)
SPELLED = {"œ": "oe", "æ": "ae", "ß": "ss", "ẞ": "ss", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "ı": "i", "þ": "th"}


def fold(text):
    """hospes's folding (register::fold): NFKD, accents dropped, letters and digits, lower case."""
    out = []
    for c in unicodedata.normalize("NFKD", text or ""):
        low = c.lower()
        if low in SPELLED:
            out.append(SPELLED[low])
        elif c.isalnum():
            out.append(low)
    return "".join(out)


def timed(fn, runs=30):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main():
    if not CLIENTS.exists():
        sys.exit("run `python3 tests/bench/register_clients.py` first (make bench does)")
    lines = CLIENTS.read_text(encoding="utf-8").splitlines()
    print(f"register: {len(lines)} clients")

    entries = [json.loads(line) for line in lines]
    register = hospes.Register({"currency": "EUR", "time_zone": "Europe/Paris"})
    start = time.perf_counter()
    batch = 1000  # about 500 KB of JSON a call: under the 1 MiB limit
    for i in range(0, len(entries), batch):
        register.upsert(entries[i:i + batch])
    load = time.perf_counter() - start
    print(f"  hospes.Register: loaded in batches of {batch} in {load:.1f} s")
    start = time.perf_counter()
    register.search({"text": "mar", "present_only": False}, NOW)
    print(f"  hospes.Register: first search after loading, which tidies it once: {time.perf_counter() - start:.2f} s")

    db = sqlite3.connect(":memory:")
    db.execute("create table clients (id text primary key, sort_name text, sort_first text,"
               " last text, first text, company text, email text)")
    db.execute("create virtual table clients_fts using fts5(last, first, company, email, tokenize='trigram')")
    start = time.perf_counter()
    rows = []
    for e in entries:
        c = e["client"]
        last, first, company, email = (fold(c.get(k)) for k in ("last_name", "first_name", "company", "email"))
        rows.append((c["id"], last or company, first, last, first, company, email))
    db.executemany("insert into clients values (?, ?, ?, ?, ?, ?, ?)", rows)
    db.execute("insert into clients_fts (rowid, last, first, company, email)"
               " select rowid, last, first, company, email from clients")
    db.commit()
    print(f"  SQLite: table and FTS5 trigram index in {time.perf_counter() - start:.1f} s")

    for fragment in ["mar", "dur", "nun", "ski"]:
        like = f"%{fragment}%"
        where = "last like ? or first like ? or company like ? or email like ?"
        page = register.search({"text": fragment, "present_only": False}, NOW)
        ours = {r["client_id"] for r in page["rows"]}
        first50 = [r[0] for r in db.execute(
            f"select id from clients where {where} order by sort_name, sort_first, id limit 50", (like,) * 4)]
        count_like = db.execute(f"select count(*) from clients where {where}", (like,) * 4).fetchone()[0]
        match = f'"{fragment}"'
        count_fts = db.execute("select count(*) from clients_fts where clients_fts match ?", (match,)).fetchone()[0]
        assert page["total"] == count_like == count_fts, (fragment, page["total"], count_like, count_fts)
        assert ours == set(first50), fragment

        t_page = timed(lambda: register.search({"text": fragment, "present_only": False}, NOW))
        t_count = timed(lambda: register.search({"text": fragment, "present_only": False, "page_size": 1}, NOW))
        t_like = timed(lambda: db.execute(
            f"select id from clients where {where} order by sort_name, sort_first, id limit 50", (like,) * 4).fetchall(),
            runs=3)
        t_like_count = timed(lambda: db.execute(f"select count(*) from clients where {where}", (like,) * 4).fetchone(),
                             runs=3)
        t_fts = timed(lambda: db.execute(
            "select rowid from clients_fts where clients_fts match ? limit 50", (match,)).fetchall())
        t_fts_sorted = timed(lambda: db.execute(
            "select c.id from clients_fts f join clients c on c.rowid = f.rowid where clients_fts match ?"
            " order by c.sort_name, c.sort_first, c.id limit 50", (match,)).fetchall(), runs=10)
        t_fts_count = timed(lambda: db.execute(
            "select count(*) from clients_fts where clients_fts match ?", (match,)).fetchone())
        print(f"  '{fragment}' ({page['total']} matches): hospes first 50 {t_page:.3f} ms, count {t_count:.3f} ms"
              f" | SQLite LIKE first 50 {t_like:.0f} ms, count {t_like_count:.0f} ms"
              f" | FTS5 trigram first 50 unordered {t_fts:.3f} ms, in name order {t_fts_sorted:.2f} ms,"
              f" count {t_fts_count:.2f} ms | hospes {t_like / t_page:.0f}x LIKE")


if __name__ == "__main__":
    main()
