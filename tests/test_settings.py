"""Configuration from the environment, and production settings that refuse to run insecurely."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.settings.environment import cache_from_url, email_from_url, email_settings

BASE_DIR = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "k3y-" + "x7Qp9Lm2Vb8Nc4Zr6Tw1Ys5Ud0Hf3Jg" * 2,
    "ALLOWED_HOSTS": "hub.example.org",
    "DATABASE_URL": f"sqlite:///{BASE_DIR / 'var' / 'deploy-check.sqlite3'}",
}


def run_manage(*args, env):
    unset = ("SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    clean = {k: v for k, v in os.environ.items() if k not in unset}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env={**clean, **env},
        capture_output=True, text=True, timeout=120,
    )


def test_production_check_deploy_has_no_warnings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY is missing or too weak" in result.stderr


def test_production_sends_the_content_security_and_permissions_policies():
    """The policies are on with the production settings, not only in the tests' settings."""
    env = {**{k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
           **PRODUCTION_ENV}
    code = (
        "import django; django.setup(); from django.test import Client; "
        "r = Client().get('/robots.txt', secure=True, HTTP_HOST='hub.example.org'); "
        "print(r.status_code); print(r['Content-Security-Policy']); "
        "print(r['Permissions-Policy'])"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=BASE_DIR, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    status, policy, permissions = result.stdout.strip().splitlines()
    assert status == "200"
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "style-src 'self'" in policy and "unsafe-inline" not in policy
    assert "camera=()" in permissions


@pytest.mark.parametrize("entry_point", ["config.wsgi", "config.asgi"])
def test_entry_points_serve_production_settings(entry_point):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DJANGO_SETTINGS_MODULE"}
    clean = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    code = (
        f"import os, {entry_point} as m; assert callable(m.application); "
        "print(os.environ['DJANGO_SETTINGS_MODULE'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env={**clean, **env},
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "config.settings.production"


def test_cache_urls():
    assert cache_from_url("redis://127.0.0.1:6379/1")["BACKEND"].endswith("RedisCache")
    assert cache_from_url("locmem://x")["LOCATION"] == "x"
    with pytest.raises(ImproperlyConfigured):
        cache_from_url("memcached://nope")


def test_email_configuration(monkeypatch, tmp_path):
    assert email_from_url(f"file://{tmp_path}") == {
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(tmp_path),
    }
    smtp = email_from_url("smtp+tls://me:secret@mail.example.org:587")
    assert (smtp["EMAIL_HOST"], smtp["EMAIL_PORT"], smtp["EMAIL_USE_TLS"]) == (
        "mail.example.org", 587, True,
    )
    monkeypatch.delenv("EMAIL_URL", raising=False)
    monkeypatch.delenv("EMAIL_BACKEND", raising=False)
    monkeypatch.setenv("EMAIL_FILE_PATH", str(tmp_path))
    assert email_settings("console")["EMAIL_BACKEND"].endswith("filebased.EmailBackend")


def test_database_url_selects_postgresql(monkeypatch):
    import dj_database_url

    config = dj_database_url.parse("postgres://hub@127.0.0.1:5432/hub")
    assert config["ENGINE"] == "django.db.backends.postgresql"
