"""A throw-away PostgreSQL cluster for the tests: made in a temporary directory, listening on
127.0.0.1 only (a free port), trusted without password, fast rather than durable (fsync off),
stopped and removed afterwards — whatever happened meanwhile.

    with cluster() as admin_url:      # postgresql+psycopg://postgres@127.0.0.1:PORT/postgres
        ...

    python tests/postgres.py -- python -m pytest -q tests

The command line starts a cluster, runs the command with `PORTAL_TEST_POSTGRES=<admin url>` in
its environment (`tests/databases.py` then gives each test a database of its own on it), stops
the cluster and exits with the command's code. PostgreSQL refuses to run as root: as root, the
cluster's directory is handed to the `postgres` system user and its programs run as that user
(`runuser`). The binaries come from `PG_BINDIR`, `pg_config --bindir`,
/usr/lib/postgresql/*/bin or the PATH; `sh tests/install_postgres.sh` installs Debian's.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Iterator, List, Optional, Sequence

#: The variable the tests read the admin URL from.
ENV = "PORTAL_TEST_POSTGRES"
#: The system user that runs the cluster when we are root.
SYSTEM_USER = "postgres"


class NoPostgres(RuntimeError):
    """PostgreSQL's server programs are not installed."""


def bindir() -> Path:
    """Where `initdb`, `pg_ctl` and `postgres` are."""
    candidates: List[str] = []
    if os.environ.get("PG_BINDIR"):
        candidates.append(os.environ["PG_BINDIR"])
    if shutil.which("pg_config"):
        found = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=False)
        if found.returncode == 0:
            candidates.append(found.stdout.strip())
    versions = glob.glob("/usr/lib/postgresql/*/bin")
    candidates += sorted(versions, key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit() else 0,
                         reverse=True)
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(str(Path(on_path).resolve().parent))
    for candidate in candidates:
        if all((Path(candidate) / tool).is_file() for tool in ("initdb", "pg_ctl", "postgres")):
            return Path(candidate)
    raise NoPostgres("PostgreSQL's server is not installed (no initdb/pg_ctl found): "
                     "run `sh examples/portal/tests/install_postgres.sh` (Debian: apt-get install postgresql)")


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_owner() -> List[str]:
    """The prefix that runs a command as the cluster's owner: `postgres` when we are root."""
    if os.geteuid() != 0:
        return []
    if shutil.which("runuser") is None:
        raise RuntimeError("running as root needs `runuser` (util-linux) to start PostgreSQL as postgres")
    return ["runuser", "-u", SYSTEM_USER, "--"]


def _run(command: Sequence[str], log: Path) -> None:
    """Runs a PostgreSQL program as the cluster's owner, its output appended to `log`."""
    with open(log, "ab") as out:
        done = subprocess.run([*_as_owner(), *command], stdin=subprocess.DEVNULL, stdout=out,
                              stderr=subprocess.STDOUT, check=False)
    if done.returncode != 0:
        tail = log.read_text(errors="replace")[-3000:] if log.exists() else ""
        raise RuntimeError(f"{Path(command[0]).name} failed ({done.returncode}):\n{tail}")


@contextlib.contextmanager
def cluster(port: Optional[int] = None) -> Iterator[str]:
    """A fresh cluster for the block: yields its admin URL, stops it and removes it afterwards."""
    bins = bindir()
    root = Path(tempfile.mkdtemp(prefix="hospes-pg-"))
    data, sockets, log = root / "data", root / "sockets", root / "server.log"
    started = False
    try:
        sockets.mkdir()
        log.touch()
        if os.geteuid() == 0:
            owner = pwd.getpwnam(SYSTEM_USER)
            for path in (root, sockets, log):
                os.chown(path, owner.pw_uid, owner.pw_gid)
        root.chmod(0o700)
        _run([str(bins / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
              "--locale=C", "--no-sync", "--no-instructions"], log)
        for attempt in range(3):
            chosen = port or free_port()
            options = " ".join([
                "-c listen_addresses=127.0.0.1", f"-c port={chosen}", f"-k {sockets}",
                "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off",
                "-c max_connections=200", "-c shared_buffers=32MB",
                # Not UTC on purpose: sessions read instants in Paris time, as a French host's
                # server may; the portal must store and compare them as instants all the same.
                "-c TimeZone=Europe/Paris"])
            try:
                _run([str(bins / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", "60",
                      "-o", options, "start"], log)
                started = True
                break
            except RuntimeError:
                if port is not None or attempt == 2:  # a port taken meanwhile: try another
                    raise
        yield f"postgresql+psycopg://postgres@127.0.0.1:{chosen}/postgres"
    finally:
        if started:
            with contextlib.suppress(Exception):
                _run([str(bins / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"], log)
        shutil.rmtree(root, ignore_errors=True)


def main(argv: Sequence[str]) -> int:
    """`postgres.py -- command …`: the command run with a throw-away cluster; its exit code."""
    command = list(argv)
    if command and command[0] == "--":
        command = command[1:]
    if not command:
        print(__doc__, file=sys.stderr)
        return 2

    def stop(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, stop)
    try:
        with cluster() as url:
            print(f"postgres.py: throw-away cluster at {url}", file=sys.stderr, flush=True)
            child = subprocess.Popen(command, env=dict(os.environ, **{ENV: url}))
            try:
                return child.wait()
            except KeyboardInterrupt:
                child.terminate()
                with contextlib.suppress(subprocess.TimeoutExpired):
                    child.wait(timeout=10)
                if child.poll() is None:
                    child.kill()
                return 130
    except NoPostgres as err:
        print(f"postgres.py: {err}", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
