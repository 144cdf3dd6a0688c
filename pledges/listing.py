"""The pledge listing: the practice repository's listing service (``practices/listing.py``) with
the pledges' facets, index and cards. Same parameters and rules: repeat a parameter for several
values (OR within a facet, AND across), unknown values are dropped, counts are disjunctive.

Extra parameters: ``type`` (financial, human-resources, process, policy), ``status``
(announced, in-progress, fulfilled, withdrawn), ``currency`` (ISO 4217); ``year_from`` and
``year_to`` select the pledges whose time frame overlaps those years.
"""

from django.db.models import Prefetch

from hub.formatting import isolate
from practices.facet_index import FacetIndex, complete
from practices.listing import Listing, by_name

from .models import PledgeCountry, PledgeObjective, PledgePage
from .terms import FACETS, OWNER, TERMS

# facet -> (through model, lookup of the language-independent key)
THROUGH = {
    **{term.facet: (term.through, term.key_lookup) for term in TERMS},
    "country": (PledgeCountry, "country"),
}


def build(locale):
    """The in-memory bitset index of a language's public pledges (``FacetIndex``); rebuilt by
    ``practices.facet_index.index_for`` whenever a page is published, unpublished or deleted."""
    rows = list(
        PledgePage.objects.live().public().filter(locale=locale)
        .order_by("-first_published_at", "-pk").values_list(
            "pk", "title", "pledge_type", "status", "currency", "start_date", "end_date",
            "amount",
        )
    )
    index = FacetIndex(ids=[row[0] for row in rows])
    # position -> (currency, Decimal amount): the dashboard's sums per currency.
    index.amounts = {i: (row[4], row[7]) for i, row in enumerate(rows)
                     if row[7] is not None and row[4]}
    # (start year, end year, ongoing) as the practices' year filter reads them.
    index.years = [(row[5].year if row[5] else None, row[6].year if row[6] else None, False)
                   for row in rows]
    index.title_order = sorted(range(len(rows)), key=lambda i: (rows[i][1], rows[i][0]))
    positions = {}
    for facet, column in (("type", 2), ("status", 3), ("currency", 4)):
        keys = positions.setdefault(facet, {})
        for i, row in enumerate(rows):
            if row[column]:
                keys.setdefault(row[column], []).append(i)
    return complete(index, positions, THROUGH, locale, PledgePage)


CARD_DEFERRED = ("description", "partners", "target")


def cards(queryset):
    return queryset.defer(*CARD_DEFERRED).prefetch_related(
        Prefetch("pledge_objectives",
                 queryset=PledgeObjective.objects.select_related("objective")),
        "pledge_countries",
    )


class PledgeListing(Listing):
    model = PledgePage
    owner = OWNER
    declared = by_name(FACETS)
    build_index = staticmethod(build)
    cards = staticmethod(cards)

    @classmethod
    def labels(cls, locale):
        found = super().labels(locale)
        # ISO 4217 codes read the same in every language: isolated in right-to-left text.
        found["currency"] = [(key, isolate(key)) for key, _label in found.get("currency", ())]
        return found

    def options(self):
        facets = super().options()
        for facet in facets:
            if facet["name"] == "currency":  # only the currencies pledged in
                facet["options"] = [o for o in facet["options"] if o["count"] or o["selected"]]
        return facets
