"""Data that changes rarely, kept in Django's cache, and forgotten when it changes.

Four entries: the site structure (home page of each language and its sections, for the page
frame and the router), the taxonomy labels of each language (for the listing), the private
sections (pages with view restrictions, for ``public()``), and counts over every language's pages
(``COUNTS_KEY``, e.g. the practices not yet translated, a query of 0.1 s at 100,000 practices).
Each is rebuilt in a few queries on the first request after a change.

Invalidation: any save or delete of a page (publishing, unpublishing, moving, renaming and
translating all save the page), a site, a locale or a view restriction forgets what depends on
it; so does any save or delete of a taxonomy term. Queryset ``update()`` calls send no signals:
code that changes pages that way must call ``forget()`` itself.

With a cache shared by every process (Redis in production) a change shows at once everywhere.
With the default local-memory cache each process has its own copy: the process that saved the
change forgets at once, the others after ``TIMEOUT`` at most.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

TIMEOUT = 300  # seconds
SITE_KEY = "hub:site-structure"
TERMS_KEY = "hub:terms"
PRIVATE_KEY = "hub:private-sections"
COUNTS_KEY = "hub:page-counts"


def cached(key, build):
    """The cached value of ``key``, built (and stored) by ``build()`` when missing."""
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, TIMEOUT)
    return value


def cached_in(key, part, build):
    """Like ``cached()`` for one part of a dict kept under ``key`` (e.g. one per locale)."""
    value = cache.get(key) or {}
    if part not in value:
        value[part] = build()
        cache.set(key, value, TIMEOUT)
    return value[part]


def forget(*keys):
    cache.delete_many(keys or (SITE_KEY, TERMS_KEY, PRIVATE_KEY, COUNTS_KEY))


def _keys_for(instance):
    from wagtail.models import Locale, Page, PageViewRestriction, Site

    from .models import FooterLink, NumberedTerm, SluggedTerm, ThematicAreaObjective

    if isinstance(instance, Page):
        return (SITE_KEY, COUNTS_KEY)
    if isinstance(instance, (Site, FooterLink)):
        return (SITE_KEY,)
    if isinstance(instance, PageViewRestriction):
        return (PRIVATE_KEY, SITE_KEY, COUNTS_KEY)
    if isinstance(instance, Locale):
        return (SITE_KEY, TERMS_KEY)
    if isinstance(instance, (NumberedTerm, SluggedTerm, ThematicAreaObjective)):
        return (TERMS_KEY,)
    return ()


def _changed(sender, instance=None, **kwargs):
    keys = _keys_for(instance)
    if keys:
        forget(*keys)


def _page_moved(sender, **kwargs):
    forget(SITE_KEY)


def connect_signals():
    """Called from ``HubConfig.ready()``."""
    from wagtail.signals import post_page_move

    post_save.connect(_changed, dispatch_uid="hub-cache-save")
    post_delete.connect(_changed, dispatch_uid="hub-cache-delete")
    # A move rewrites the paths of descendants with queryset updates.
    post_page_move.connect(_page_moved, dispatch_uid="hub-cache-move")
