"""Fixtures for the production parts: a real Redis server, settings that point at it."""

import os
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.core.cache import caches

REDIS_URL_VARIABLE = "HUB_TEST_REDIS_URL"


def worker_database(url):
    """The Redis database of this test process: parallel workers (pytest-xdist's "gw0", "gw1",
    …) take the URL's database and the ones below it, so one never flushes another's keys."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    parts = urlsplit(url)
    database = int(parts.path.strip("/") or 0) - int(worker.removeprefix("gw"))
    return urlunsplit(parts._replace(path=f"/{database}"))


@pytest.fixture
def redis_url():
    """The URL of a real, disposable Redis database (``make test-redis`` starts one).

    Skipped with the reason when none is configured or reachable. The database is flushed
    before and after each test: never point this at a Redis holding data you want to keep."""
    url = os.environ.get(REDIS_URL_VARIABLE)
    if not url:
        pytest.skip(f"{REDIS_URL_VARIABLE} is not set (make test-redis starts a Redis server)")
    url = worker_database(url)
    import redis

    client = redis.Redis.from_url(url, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.RedisError as error:
        pytest.skip(f"no Redis at {url}: {error}")
    client.flushdb()
    yield url
    client.flushdb()
    client.close()


@pytest.fixture
def redis_client(redis_url):
    import redis

    client = redis.Redis.from_url(redis_url)
    yield client
    client.close()


@pytest.fixture
def redis_cache(redis_url, settings):
    """The hub's default cache on the real Redis, built as production builds it."""
    from config.settings.environment import cache_from_url

    settings.CACHES = {"default": cache_from_url(redis_url)}
    cache = caches["default"]
    yield cache
    cache.close()
