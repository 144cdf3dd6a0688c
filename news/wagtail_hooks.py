"""What news and blog contribute to the shared parts of the site (see hub/registry.py)."""

from django.utils.translation import gettext_lazy as _

from hub.registry import SearchType, contribute

from .terms import FACETS as NEWS_FACETS

contribute(
    search_types=[
        SearchType("article", _("News and blog"), ("news.articlepage", "news.seriespage")),
    ],
    facets=NEWS_FACETS,
)
