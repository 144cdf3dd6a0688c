"""What the library contributes to the shared parts of the site (see hub/registry.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from hub.registry import FACETS, SEARCH_TYPES, SearchType

from .terms import FACETS as LIBRARY_FACETS


@hooks.register(SEARCH_TYPES)
def library_search_types():
    return [SearchType("document", _("Documents"), ("library.librarydocumentpage",))]


@hooks.register(FACETS)
def library_facets():
    return list(LIBRARY_FACETS)
