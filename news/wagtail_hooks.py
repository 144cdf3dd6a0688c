"""What news and blog contribute to the shared parts of the site (see hub/registry.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from hub.registry import FACETS, SEARCH_TYPES, SearchType

from .terms import FACETS as NEWS_FACETS


@hooks.register(SEARCH_TYPES)
def news_search_types():
    return [SearchType("article", _("News and blog"), ("news.articlepage", "news.seriespage"))]


@hooks.register(FACETS)
def news_facets():
    return list(NEWS_FACETS)
