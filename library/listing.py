"""The library listing: the repository's listing service (``practices/listing.py``) with the
library's facets and index. Same parameters and rules (``q``, ``year_from``/``year_to``,
repeated values OR within a facet, AND across; counts are disjunctive)."""

from practices.facet_index import index_of_cards
from practices.listing import Listing, parse_filters

from .models import LibraryDocumentPage, LibraryObjective
from .terms import FACETS

DECLARED = {facet.name: facet for facet in FACETS}


def parse(params):
    return parse_filters(params, DECLARED)


def build(locale):
    """The in-memory bitset index of a language's public library documents (``FacetIndex``)."""
    return index_of_cards(
        LibraryDocumentPage, locale, order=("-year", "-pk"), year="year",
        columns={"type": "document_type", "region": "region__slug"},
        linked={"objective": (LibraryObjective, "objective__number")})


def cards(queryset):
    return queryset.select_related("document", "region").defer("full_text")


class LibraryListing(Listing):
    model = LibraryDocumentPage
    declared = DECLARED
    build_index = staticmethod(build)
    cards = staticmethod(cards)
