"""`make test` runs the suite in parallel processes (pytest-xdist). Each has its own media
root, Redis database and live-site database (the test database is pytest-django's), so one
process never sees, empties or drops what another is using."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

from tests.live.conftest import live_database_name
from tests.production.conftest import worker_database


def media_root_of(worker):
    env = {key: value for key, value in os.environ.items() if key != "PYTEST_XDIST_WORKER"}
    if worker:
        env["PYTEST_XDIST_WORKER"] = worker
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    result = subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; print(settings.MEDIA_ROOT)"],
        cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_each_process_has_its_own_media_root():
    roots = {worker: media_root_of(worker) for worker in ("", "gw0", "gw1")}
    assert roots[""].endswith("/var/test-media")
    assert roots["gw0"].endswith("/var/test-media-gw0")
    assert roots["gw1"].endswith("/var/test-media-gw1")


@pytest.mark.parametrize(("worker", "database"), [(None, 15), ("gw0", 15), ("gw1", 14)])
def test_each_process_has_its_own_redis_database(monkeypatch, worker, database):
    if worker is None:
        monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    else:
        monkeypatch.setenv("PYTEST_XDIST_WORKER", worker)
    assert worker_database("redis://127.0.0.1:6390/15") == f"redis://127.0.0.1:6390/{database}"


@pytest.mark.parametrize(("worker", "name"), [(None, "hub_live"), ("gw1", "hub_live_gw1")])
def test_each_process_has_its_own_live_site_database(monkeypatch, worker, name):
    if worker is None:
        monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    else:
        monkeypatch.setenv("PYTEST_XDIST_WORKER", worker)
    assert live_database_name("hub") == name
