"""Test settings (after bakerydemo's): fast hasher, local memory cache, immediate tasks."""

import os

from .base import *  # noqa: F403

# Under pytest-xdist each worker ("gw0", "gw1", …) has its own test database (pytest-django) and
# its own media root and Redis database (tests/production), so workers never see each other's files.
TEST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")

DEBUG = False
SECRET_KEY = "test-only-insecure-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = BASE_DIR / "var" / "-".join(filter(None, ["test-media", TEST_WORKER]))  # noqa: F405
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
}
HUB_BASE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"  # the test client's host
STATIC_ROOT = None  # static files come from the finders; nothing is collected in tests
WHITENOISE_USE_FINDERS = True
# A small app defined in the tests that plugs into the hub's registries (tests/pluggable/).
INSTALLED_APPS = [*INSTALLED_APPS, "tests.pluggable"]  # noqa: F405
# One approval publishes in most tests; the peer review tests and the journey ask for two.
HUB_PEER_REVIEW_APPROVALS = 1
HUB_PAGE_CACHE = False  # tests read response.context; tests/production turn it on

if OPENSEARCH_URL:  # noqa: F405
    # Tests write to their own indexes, and every write is searchable at once.
    WAGTAILSEARCH_BACKENDS["default"].update(  # noqa: F405
        INDEX_PREFIX=env_str("OPENSEARCH_INDEX_PREFIX", "hub_test_"), REFRESH=True)  # noqa: F405
