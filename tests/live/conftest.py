"""A real server in its own processes, on its own database, for requests in parallel.

The test database of pytest-django cannot serve here: on SQLite it lives in memory, shared by
the live server's threads through one connection, so nothing would ever run in parallel. This
fixture migrates a database of its own (a file next to the test run's on SQLite; ``<name>_live``
on PostgreSQL when DATABASE_URL names one), builds a small site (``seed.py``) and serves it with
gunicorn, two processes of eight threads each, with the test settings.
"""

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
CSRF = "a" * 32  # a CSRF secret of our own choosing: cookie and form field agree


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveSite:
    def __init__(self, url, database_url, seed):
        self.url = url
        self.database_url = database_url
        self.users = seed["users"]
        self.topic_url = seed["topic_url"]
        self.question = seed["question"]

    def session(self, user):
        session = requests.Session()
        session.cookies.set("sessionid", user["session"])
        session.cookies.set("csrftoken", CSRF)
        return session

    def post(self, user, path, data, files=None):
        return self.send(user, path, data, files).status_code

    def send(self, user, path, data, files=None):
        """POST a form (``files``: [(field, (name, bytes, type))]); the response, unfollowed."""
        return self.session(user).post(
            self.url + path, data={**data, "csrfmiddlewaretoken": CSRF}, files=files,
            allow_redirects=False, timeout=120,
        )

    def count(self, sql, *params):
        """One number from the server's database (``%s`` placeholders)."""
        if self.database_url.startswith("sqlite"):
            with sqlite3.connect(urlparse(self.database_url).path, timeout=30) as connection:
                return connection.execute(sql.replace("%s", "?"), params).fetchone()[0]
        import psycopg

        with psycopg.connect(self.database_url) as connection:
            return connection.execute(sql, params).fetchone()[0]

    def execute(self, *statements):
        """Run statements on the server's database, each committed at once."""
        if self.database_url.startswith("sqlite"):
            connection = sqlite3.connect(urlparse(self.database_url).path, timeout=30,
                                         isolation_level=None)
            try:
                for statement in statements:
                    connection.execute(statement)
            finally:
                connection.close()
            return
        import psycopg

        with psycopg.connect(self.database_url, autocommit=True) as connection:
            for statement in statements:
                connection.execute(statement)

    @property
    def vendor(self):
        return "sqlite" if self.database_url.startswith("sqlite") else "postgresql"


def _postgres(database_url, statement):
    """Run ``statement`` on the server of ``database_url``, connected to its "postgres" base."""
    import psycopg

    admin = urlunparse(urlparse(database_url)._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(statement)


def live_database_name(name):
    """``<name>_live``, one per parallel test process (pytest-xdist's PYTEST_XDIST_WORKER:
    "gw0", "gw1", …), so that one process never drops the database another serves from."""
    return "_".join(filter(None, [name, "live", os.environ.get("PYTEST_XDIST_WORKER", "")]))


def _database_url(tmp):
    outer = os.environ.get("DATABASE_URL", "")
    if outer.startswith(("postgres://", "postgresql://")):
        parts = urlparse(outer)
        name = live_database_name(parts.path.lstrip("/"))
        _postgres(outer, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        _postgres(outer, f'CREATE DATABASE "{name}"')
        return urlunparse(parts._replace(path=f"/{name}"))
    return f"sqlite:///{tmp / 'live.sqlite3'}"


@pytest.fixture(scope="session")
def live_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("live")
    database_url = _database_url(tmp)
    env = {**os.environ, "DATABASE_URL": database_url,
           "DJANGO_SETTINGS_MODULE": "config.settings.test", "PYTHONPATH": str(ROOT)}
    python = sys.executable
    subprocess.run([python, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env,
                   check=True)
    seeded = subprocess.run([python, "-m", "tests.live.seed", "20"], cwd=ROOT, env=env,
                            check=True, capture_output=True, text=True)
    seed = json.loads(seeded.stdout.strip().splitlines()[-1])
    port = free_port()
    log = open(tmp / "server.log", "w")  # noqa: SIM115 - closed at teardown
    server = subprocess.Popen(
        [python, "-m", "gunicorn", "config.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", "2", "--threads", "8", "--timeout", "120"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                requests.get(url + "/robots.txt", timeout=30)
                break
            except requests.RequestException:
                if server.poll() is not None:
                    raise RuntimeError((tmp / "server.log").read_text()) from None
                time.sleep(0.5)
        yield LiveSite(url, database_url, seed)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
        if not database_url.startswith("sqlite"):
            name = urlparse(database_url).path.lstrip("/")
            _postgres(database_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
