"""The library listing: the repository's listing service (``practices/listing.py``) with the
library's facets and index. Same parameters and rules (``q``, ``year_from``/``year_to``,
repeated values OR within a facet, AND across; counts are disjunctive)."""

from practices.facet_index import index_of_cards
from practices.listing import Listing, by_name

from .models import LibraryDocumentPage, LibraryObjective
from .terms import FACETS, OWNER


class LibraryListing(Listing):
    model = LibraryDocumentPage
    owner = OWNER
    declared = by_name(FACETS)

    @staticmethod
    def build_index(locale):
        """The in-memory bitset index of a language's public library documents
        (``FacetIndex``)."""
        return index_of_cards(
            LibraryDocumentPage, locale, order=("-year", "-pk"), year="year",
            columns={"type": "document_type", "region": "region__slug"},
            linked={"objective": (LibraryObjective, "objective__number")})

    @staticmethod
    def cards(queryset):
        return queryset.select_related("document", "region").defer("full_text")
