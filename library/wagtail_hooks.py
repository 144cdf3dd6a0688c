"""What the library contributes to the shared parts of the site (see hub/registry.py)."""

from django.utils.translation import gettext_lazy as _

from hub.registry import SearchType, contribute

from .terms import FACETS as LIBRARY_FACETS

contribute(
    search_types=[SearchType("document", _("Documents"), ("library.librarydocumentpage",))],
    facets=LIBRARY_FACETS,
)
