"""What the editorial pages contribute to the shared parts of the site (see hub/registry.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from hub.registry import ANYWHERE_PAGE_TYPES, SEARCH_TYPES, SearchType


@hooks.register(ANYWHERE_PAGE_TYPES)
def editorial_anywhere_page_types():
    return ["editorial.standardpage"]


@hooks.register(SEARCH_TYPES)
def editorial_search_types():
    return [SearchType("page", _("Pages"), ("editorial.standardpage",))]
