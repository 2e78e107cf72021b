"""A throwaway PostgreSQL server for the tests (pytest plugin: fixtures `pg_url`, `pg_database`).

The server runs from the Debian binaries (/usr/lib/postgresql/*/bin) as the `postgres` system
user when the tests run as root (PostgreSQL refuses root), listens on 127.0.0.1 on a free port
with its socket in a temporary folder, and is stopped at the end of the session.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

INSTALL = "apt-get install postgresql (Debian/Ubuntu) and pip install 'psycopg[binary]'"
_names = itertools.count()


def _bin_dir() -> Path:
    """The newest installed PostgreSQL's bin folder; fails the test run if there is none."""
    found = sorted(
        (Path(p).parent for p in glob.glob("/usr/lib/postgresql/*/bin/initdb")),
        key=lambda d: int(d.parent.name) if d.parent.name.isdigit() else 0,
    )
    on_path = shutil.which("initdb")
    if found:
        return found[-1]
    if on_path:
        return Path(on_path).parent
    pytest.fail(f"PostgreSQL server binaries (initdb, pg_ctl) not found: {INSTALL}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_server_user(argv: list[str]) -> list[str]:
    """Run as `postgres` when we are root, since PostgreSQL will not run as root."""
    return ["runuser", "-u", "postgres", "--", *argv] if os.geteuid() == 0 else argv


def _run(argv: list[str], *, log: Path | None = None) -> None:
    done = subprocess.run(_as_server_user(argv), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        extra = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
        pytest.fail(f"{' '.join(argv)} failed ({done.returncode}): {done.stderr}{extra}")


def _admin(url: str, sql: str) -> None:
    """Run one statement outside a transaction (CREATE/DROP DATABASE need that)."""
    with _import_psycopg().connect(url, autocommit=True) as conn:
        conn.execute(sql)


def _import_psycopg() -> ModuleType:
    """The psycopg module; fails the run, saying what to install, if it is missing."""
    try:
        import psycopg
    except ImportError:
        pytest.fail(f"the psycopg driver is missing: {INSTALL}")
    return psycopg


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """URL of an empty database on a PostgreSQL server started for this test session."""
    bin_dir = _bin_dir()
    _import_psycopg()
    root = Path(tempfile.mkdtemp(prefix="veilleur-pg-"))
    data, log = root / "data", root / "server.log"
    if os.geteuid() == 0:
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            pytest.fail(f"no 'postgres' system user to run the server as: {INSTALL}")
        os.chown(root, user.pw_uid, user.pw_gid)
    port = _free_port()
    options = (
        f"-h 127.0.0.1 -p {port} -k {root} -F "
        "-c synchronous_commit=off -c full_page_writes=off -c max_connections=50"
    )
    try:
        initdb = [str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust"]
        _run([*initdb, "-E", "UTF8", "--locale=C", "--no-sync"])
        pg_ctl = str(bin_dir / "pg_ctl")
        _run([pg_ctl, "-D", str(data), "-l", str(log), "-o", options, "-w", "start"], log=log)
        try:
            _admin(f"postgresql://postgres@127.0.0.1:{port}/postgres", "CREATE DATABASE veilleur")
            yield f"postgresql://postgres@127.0.0.1:{port}/veilleur"
        finally:
            _run([pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"], log=log)
    finally:
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_database(pg_url: str) -> Iterator[str]:
    """URL of a new, empty database on the session's server, dropped after the test."""
    base, _ = pg_url.rsplit("/", 1)
    name = f"test_{os.getpid()}_{next(_names)}"
    _admin(f"{base}/postgres", f"CREATE DATABASE {name}")
    try:
        yield f"{base}/{name}"
    finally:
        _admin(f"{base}/postgres", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
