"""What discussions contribute to the shared parts of the site (see hub/registry.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from hub.registry import SEARCH_TYPES, SearchType


@hooks.register(SEARCH_TYPES)
def discussion_search_types():
    return [SearchType("discussion", _("Discussions"), (
        "discussions.discussionindexpage", "discussions.discussionspacepage",
        "discussions.discussiontopicpage"))]
