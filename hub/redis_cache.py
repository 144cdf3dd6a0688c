"""Django's Redis cache, made to degrade to a cache miss when Redis cannot be reached.

Everything the hub keeps in its cache can be rebuilt from the database (``hub/cache.py``, the
page cache, rate-limit counters), so a Redis outage must cost speed, not pages: a read that
fails is a miss, a write or a delete that fails is dropped, and a warning is logged. Rate
limits (django-allauth's counters) fail open while Redis is away.

A dropped delete could leave a stale entry behind if Redis came back with its old data: the
hub's Redis keeps nothing on disk (``deploy/redis.conf``: no RDB, no AOF), so a Redis that
restarts starts empty, and every entry also expires (``TIMEOUT``).
"""

import logging

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)


def _tolerant(method, fallback):
    def call(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except self._lib.exceptions.RedisError as error:
            logger.warning("Redis unavailable (%s): %s", method.__name__, error)
            return fallback(*args) if callable(fallback) else fallback

    call.__name__ = method.__name__
    call.__doc__ = method.__doc__
    return call


def _default(key, default=None, *rest):
    return default


class TolerantRedisCacheClient(RedisCacheClient):
    # ``add`` is how callers take a lock (django-allauth's rate limits do): with Redis away
    # there is nothing shared to protect, so the lock is granted rather than waited for.
    add = _tolerant(RedisCacheClient.add, True)
    get = _tolerant(RedisCacheClient.get, _default)
    set = _tolerant(RedisCacheClient.set, None)
    touch = _tolerant(RedisCacheClient.touch, False)
    delete = _tolerant(RedisCacheClient.delete, False)
    get_many = _tolerant(RedisCacheClient.get_many, {})
    has_key = _tolerant(RedisCacheClient.has_key, False)
    set_many = _tolerant(RedisCacheClient.set_many, [])
    delete_many = _tolerant(RedisCacheClient.delete_many, None)
    clear = _tolerant(RedisCacheClient.clear, False)

    def incr(self, key, delta):
        # Django raises ValueError for a missing key; an unreachable Redis counts as missing.
        try:
            return super().incr(key, delta)
        except self._lib.exceptions.RedisError as error:
            logger.warning("Redis unavailable (incr): %s", error)
            raise ValueError(f"Key {key!r} not found (Redis unavailable)") from error


class TolerantRedisCache(RedisCache):
    """``django.core.cache.backends.redis.RedisCache`` that survives a Redis outage."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = TolerantRedisCacheClient
