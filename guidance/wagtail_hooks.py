"""What guidance contributes to the shared parts of the site (see hub/registry.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from hub.registry import SEARCH_TYPES, SearchType


@hooks.register(SEARCH_TYPES)
def guidance_search_types():
    return [
        SearchType("guidance", _("Guidance"), (
            "guidance.guidanceindexpage", "guidance.guidepage", "guidance.handbookpage")),
        SearchType("objective", _("Objectives"), ("guidance.objectivepage",)),
        SearchType("tool", _("Thematic tools"), (
            "guidance.toolsindexpage", "guidance.thematictoolpage")),
    ]
