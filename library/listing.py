"""The library listing: the repository's listing service (``practices/listing.py``) with the
library's facets and index. Same parameters and rules (``q``, ``year_from``/``year_to``,
repeated values OR within a facet, AND across; counts are disjunctive)."""

from practices.listing import card_listing

from .models import LibraryDocumentPage
from .terms import FACETS

LibraryListing = card_listing(
    LibraryDocumentPage, FACETS, order=("-year", "-pk"), year="year",
    cards=lambda queryset: queryset.select_related("document", "region").defer("full_text"))
