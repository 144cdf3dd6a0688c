"""A page cache for anonymous visitors that is never stale.

Two layers, one rule. The Django layer (``PageCacheMiddleware``, the embedded default) keeps
whole responses in Django's cache; an HTTP cache in front (Varnish, ``deploy/varnish.vcl``, the
production topology) keeps them too, told by ``Cache-Control: s-maxage`` which responses it
may keep. Both forget **everything** the moment any content changes: a save or delete of any
model outside ``IGNORED_APPS`` (pages: publish, unpublish, move, delete, revisions; menus;
taxonomy terms; view restrictions; sites and locales; practices, replies, reviews…) and
Wagtail's page move signal. Forgetting is cheap (one generation number in the cache, one BAN
to Varnish through Wagtail's ``frontend_cache`` backends), a site of this size re-renders its
popular pages in a second, and nothing can be forgotten by mistake.

Never cached: requests of signed-in visitors (a session or messages cookie: they bypass the
cache), anything but GET/HEAD, paths in ``HUB_PAGE_CACHE_EXCLUDE`` (admin, documents, accounts,
site search), responses that set a cookie (a form's CSRF token, a session), responses marked
private/no-cache/no-store (the listing with a keyword, previews), streamed responses and
anything but 200.

The generation is bumped at once and again when the transaction commits, so a request that
rendered between the change and its commit cannot keep the old page. With several processes
the cache must be shared (Redis, ``REDIS_URL``); the local-memory cache suits one process.
"""

import logging
import re
from urllib.request import Request, urlopen

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.cache import patch_cache_control
from wagtail.contrib.frontend_cache.backends import HTTPBackend

logger = logging.getLogger(__name__)

GENERATION_KEY = "hub:page-generation"
# Writes that change no page: bookkeeping of sessions, tasks, logs, and the indexes the task
# worker keeps up to date after a change (which itself already purged). A project app whose
# models no page shows (e.g. outgoing e-mail) says so on its AppConfig: ``changes_no_page = True``.
IGNORED_APPS = {"sessions", "django_tasks_db", "admin", "contenttypes", "wagtailsearch"}
IGNORED_MODELS = {"wagtailcore.pagelogentry", "wagtailcore.modellogentry",
                  "wagtailcore.referenceindex", "wagtailusers.userprofile",
                  "account.emailconfirmation"}
DEFAULT_EXCLUDE = (r"^/admin/", r"^/django-admin/", r"^/documents/", r"^/[\w-]+/search/",
                   r"^/[\w-]+/accounts/", r"^/accounts/")


def timeout():
    return getattr(settings, "HUB_PAGE_CACHE_TIMEOUT", 3600)


def enabled():
    return getattr(settings, "HUB_PAGE_CACHE", True)


def excluded(path):
    patterns = getattr(settings, "HUB_PAGE_CACHE_EXCLUDE", DEFAULT_EXCLUDE)
    return any(re.search(pattern, path) for pattern in patterns)


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = 1
        cache.add(GENERATION_KEY, value, None)
    return value


def forget_all():
    """Every cached page, in Django's cache and in the HTTP cache in front."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)
    purge_http_caches()


def purge_http_caches():
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import get_backends

    for name, backend in get_backends().items():
        purge_all = getattr(backend, "purge_all", None)
        if purge_all is None:
            continue
        try:
            purge_all()
        except Exception as error:  # noqa: BLE001 - a cache that is down must not fail a save
            logger.warning("Could not purge the HTTP cache %s: %s", name, error)


def _changed(sender, instance=None, update_fields=None, **kwargs):
    meta = sender._meta
    app_name = getattr(meta.app_config, "name", meta.app_label)  # None for migration models
    if (meta.app_label in IGNORED_APPS or app_name in IGNORED_APPS
            or getattr(meta.app_config, "changes_no_page", False)
            or meta.label_lower in IGNORED_MODELS):
        return
    if update_fields and set(update_fields) <= {"last_login"}:
        return
    forget_all()
    transaction.on_commit(forget_all, robust=True)


def _moved(sender, **kwargs):
    forget_all()
    transaction.on_commit(forget_all, robust=True)


def connect_signals():
    """Called from ``HubConfig.ready()``."""
    from wagtail.signals import post_page_move

    post_save.connect(_changed, dispatch_uid="hub-page-cache-save")
    post_delete.connect(_changed, dispatch_uid="hub-page-cache-delete")
    post_page_move.connect(_moved, dispatch_uid="hub-page-cache-move")


def _signed_in(request):
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies


def _key(request, generation_number):
    return (f"hub:page:{generation_number}:{request.method == 'HEAD'}:{request.scheme}:"
            f"{request.get_host()}:{request.get_full_path()}")


def _cacheable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the page carries a CSRF token
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    if re.search(r"private|no-cache|no-store", response.get("Cache-Control", "")):
        return False
    # Pages under a language prefix vary on nothing an anonymous visitor sends (the session
    # cookie aside, which an anonymous visitor lacks); anything else is left to the view.
    return _vary(response) <= {"cookie"}


def _vary(response):
    return {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}


class PageCacheMiddleware:
    """Place right after WhiteNoise, before the session: a hit costs two cache reads."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (not enabled() or request.method not in ("GET", "HEAD") or _signed_in(request)
                or excluded(request.path)):
            response = self.get_response(request)
            if _signed_in(request):
                patch_cache_control(response, private=True)
            return response
        key = _key(request, generation())
        cached = cache.get(key)
        if cached is not None:
            cached["X-Hub-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if not _cacheable(request, response):
            return response
        if hasattr(response, "render") and callable(response.render):
            response.render()
        # Browsers revalidate; shared caches keep it until purged (or the timeout).
        patch_cache_control(response, public=True, max_age=0, s_maxage=timeout())
        if "Vary" in response:
            del response["Vary"]  # only Cookie, which anonymous visitors do not send
        cache.set(key, response, timeout())
        response["X-Hub-Cache"] = "miss"
        return response



class VarnishBackend(HTTPBackend):
    """Wagtail's HTTP purge backend (a PURGE per URL on publish and unpublish), plus a BAN of
    every cached object, which ``deploy/varnish.vcl`` accepts from loopback only."""

    def purge_all(self):
        request = Request(f"{self.cache_scheme}://{self.cache_netloc}/", method="BAN",
                          headers={"User-Agent": "gcm-hub"})
        with urlopen(request, timeout=2):  # noqa: S310 - LOCATION comes from the settings
            pass
