"""What discussions contribute to the shared parts of the site (see hub/registry.py)."""

from django.utils.translation import gettext_lazy as _

from hub.registry import SearchType, contribute

contribute(
    search_types=[SearchType("discussion", _("Discussions"), (
        "discussions.discussionindexpage", "discussions.discussionspacepage",
        "discussions.discussiontopicpage"))],
)
