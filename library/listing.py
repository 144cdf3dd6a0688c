"""The library listing: the repository's listing service (``practices/listing.py``) with the
library's facets and index. Same parameters and rules (``q``, ``year_from``/``year_to``,
repeated values OR within a facet, AND across; counts are disjunctive)."""

from practices.facet_index import FacetIndex
from practices.listing import Listing, parse_filters, term_labels

from .models import LibraryDocumentPage, LibraryObjective
from .terms import FACETS

DECLARED = {facet.name: facet for facet in FACETS}


def parse(params):
    return parse_filters(params, DECLARED)


def public_documents(locale):
    return LibraryDocumentPage.objects.live().public().filter(locale=locale)


def build(locale):
    """The in-memory bitset index of a language's public library documents (``FacetIndex``)."""
    rows = list(public_documents(locale).order_by("-year", "-pk").values_list(
        "pk", "title", "document_type", "year", "region__slug"))
    index = FacetIndex(ids=[row[0] for row in rows])
    index.years = [(row[3], row[3], False) for row in rows]
    index.title_order = sorted(range(len(rows)), key=lambda i: (rows[i][1], rows[i][0]))
    positions = {"type": {}, "region": {}, "objective": {}}
    for i, row in enumerate(rows):
        positions["type"].setdefault(row[2], []).append(i)
        if row[4]:
            positions["region"].setdefault(row[4], []).append(i)
    for page_id, number in LibraryObjective.objects.filter(page__locale=locale).values_list(
            "page_id", "objective__number"):
        i = index._position.get(page_id)
        if i is not None:
            positions["objective"].setdefault(str(number), []).append(i)
    index.bits = {facet: {key: index.bitset(found) for key, found in keys.items()}
                  for facet, keys in positions.items()}
    index.other_language = (
        LibraryDocumentPage.objects.live().public().exclude(locale=locale)
        .exclude(translation_key__in=public_documents(locale).values("translation_key")).count()
    )
    return index


def labels(locale):
    return term_labels(locale, FACETS)


def cards(queryset):
    return queryset.select_related("document", "region").defer("full_text")


class LibraryListing(Listing):
    model = LibraryDocumentPage
    declared = DECLARED
    build_index = staticmethod(build)
    public = staticmethod(public_documents)
    labels = staticmethod(labels)
    cards = staticmethod(cards)
