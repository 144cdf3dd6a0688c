"""Benchmark settings: production-like (DEBUG off, templates cached) on a dedicated database."""

from .base import *  # noqa: F403
from .environment import env_str

DEBUG = False
SECRET_KEY = "bench-only-insecure-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
if not env_str("DATABASE_URL"):
    DATABASES["default"]["NAME"] = BASE_DIR / "var" / "bench.sqlite3"  # noqa: F405
HUB_PAGE_CACHE = False  # bench measures the cost of rendering
