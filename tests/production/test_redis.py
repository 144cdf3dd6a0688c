"""Redis for real: the cache, the hub's cached structure and django-allauth's rate limits on a
real Redis server (``make test-redis`` or ``.ci/run`` start one), and a Redis outage costs a
cache miss, not a page."""

import pytest
from django.core.cache import caches

from config.settings.environment import cache_from_url
from hub import cache as hub_cache
from hub.demo import publish
from tests.factories import UserFactory
from tests.test_settings import run_manage

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


@pytest.mark.redis
def test_redis_url_gives_a_working_cache_to_a_fresh_process(redis_url):
    """Setting REDIS_URL used to crash every page: the client was not installed."""
    code = (
        "from django.core.cache import caches; cache = caches['default']; "
        "cache.set('probe', 'ok', 30); "
        "print(cache.get('probe'), type(cache).__name__)"
    )
    result = run_manage("shell", "-c", code, env={"REDIS_URL": redis_url})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["ok", "TolerantRedisCache"]


@pytest.mark.redis
def test_two_cache_connections_share_entries(redis_cache, redis_client):
    redis_cache.set("shared", {"n": 1}, 30)
    assert redis_client.exists("hub:1:shared")
    other = caches.create_connection("default")
    assert other is not redis_cache
    assert other.get("shared") == {"n": 1}
    other.delete("shared")
    assert redis_cache.get("shared") is None


@pytest.mark.redis
def test_site_structure_lives_in_redis_and_is_forgotten_on_publish(
    redis_cache, redis_client, home_pages, client
):
    key = f"hub:1:{hub_cache.SITE_KEY}"
    assert client.get("/en/").status_code == 200
    assert redis_client.exists(key)

    home = home_pages["en"]
    home.title = "Knowledge Hub, renamed"
    publish(home)
    assert not redis_client.exists(key)
    assert client.get("/en/").status_code == 200
    assert redis_client.exists(key)


@pytest.mark.redis
def test_login_rate_limit_counts_in_redis(redis_cache, redis_client, home_pages, client, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "3/300s/key"}
    user = UserFactory(email="amal@example.org")

    for _ in range(3):
        response = client.post("/en/accounts/login/", {"login": user.email, "password": "wrong"})
        assert response.status_code == 200
    assert redis_client.keys("hub:1:allauth:rl:*login_failed*")

    # The right password is refused too while the limit holds.
    response = client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session

    # The counter is in Redis, not in this process: clearing Redis lifts the limit.
    redis_client.flushdb()
    response = client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_pages_are_served_while_redis_is_down(settings, home_pages, client):
    """Nothing listens on port 9: every cache call fails, every page still renders."""
    settings.CACHES = {"default": cache_from_url("redis://127.0.0.1:9/0")}
    cache = caches["default"]
    cache.set("k", "v")
    assert cache.get("k") is None
    assert cache.get("k", "fallback") == "fallback"
    assert cache.add("lock", 1) is True
    with pytest.raises(ValueError):
        cache.incr("counter")
    for path in ("/en/", "/ar/"):
        assert client.get(path).status_code == 200
    response = client.post("/en/accounts/login/", {"login": "x@example.org", "password": "wrong"})
    assert response.status_code == 200
