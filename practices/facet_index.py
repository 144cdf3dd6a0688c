"""An in-memory bitset index of the public practices of one language, for the listing.

Why: disjunctive facet counts ask "how many practices match every other active filter plus this
option" for some 300 options. In SQL that is one aggregate per facet over the filtered set, and
with a keyword every one of them runs the full-text match again (about 150 ms with 10,000
practices). Here each option is a Python integer used as a bitset over the language's practices
(bit *i* = the *i*-th practice, newest first), so a count is an AND and a ``bit_count()``: the
whole facet panel takes about a millisecond, whatever the corpus size.

Freshness: the index is rebuilt (one query per taxonomy relation, ~0.2 s with 10,000 practices)
whenever ``version()`` changes. That one cheap query per request covers publishing (new
``last_published_at``), unpublishing and deleting (the count of live practices), view
restrictions and the thematic areas' objectives. It runs once per request, however many
indexes the page reads (the pledge dashboard reads the pledges' and the practices'). The index
holds no text and no private field.
"""

import threading
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.core.signals import request_finished, request_started
from django.db import connection
from wagtail.models import Page, PageViewRestriction

from hub.models import ThematicAreaObjective

from .models import PracticeCountry, PracticePage
from .terms import TERMS

# facet -> (through model, lookup of the language-independent key)
THROUGH = {
    **{term.facet: (term.through, term.key_lookup) for term in TERMS},
    "country": (PracticeCountry, "country"),
}

_lock = threading.Lock()
_indexes = {}  # (builder, locale id) -> (version, FacetIndex)


def public_practices(locale):
    return PracticePage.objects.live().public().filter(locale=locale)


# During a request, {} or {"version": ...}: version() is read once per request.
_request_memo = ContextVar("facet_index_version", default=None)


def _start_memo(**kwargs):
    _request_memo.set({})


def _end_memo(**kwargs):
    _request_memo.set(None)


request_started.connect(_start_memo, dispatch_uid="facet_index_version_start")
request_finished.connect(_end_memo, dispatch_uid="facet_index_version_end")


def version():
    """What changes whenever the indexes must be rebuilt (see the module's docstring), read
    once per request."""
    memo = _request_memo.get()
    if memo is None:
        return _read_version()
    if "version" not in memo:
        memo["version"] = _read_version()
    return memo["version"]


def _read_version():
    """One query of a few milliseconds. Counted over every live page (not only practices)
    because that needs no join."""
    page, restriction, areas = (connection.ops.quote_name(model._meta.db_table) for model in
                                (Page, PageViewRestriction, ThematicAreaObjective))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT COUNT(*) || ':' || MAX(last_published_at) || ':' || MAX(id) "
            f"FROM {page} WHERE live), "
            f"(SELECT COUNT(*) || ':' || MAX(id) FROM {restriction}), "
            f"(SELECT COUNT(*) || ':' || MAX(id) FROM {areas})"
        )
        return cursor.fetchone()


def add_linked_positions(positions, index, through, locale):
    """Adds to ``positions`` ({facet: {key: [positions]}}) the terms each page of ``index``
    links to, per facet of ``through`` ({facet: (through model, key lookup)}): one query per
    relation."""
    position = index._position
    for facet, (model, lookup) in through.items():
        keys = positions.setdefault(facet, {})
        for page_id, key in model.objects.filter(page__locale=locale).values_list(
            "page_id", lookup
        ):
            i = position.get(page_id)
            if i is not None:
                keys.setdefault(str(key), []).append(i)


def complete(index, positions, through, locale, model=PracticePage):
    """``index`` completed from ``positions`` ({facet: {key: [positions]}} of the page's own
    columns): the linked terms (``add_linked_positions``), every facet's bitsets, and the count
    of ``model``'s pages in other languages. Shared by the listings of other page types."""
    add_linked_positions(positions, index, through, locale)
    index.bits = {facet: {key: index.bitset(found) for key, found in keys.items()}
                  for facet, keys in positions.items()}
    index.other_language = other_language_count(locale, model)
    return index


@dataclass
class FacetIndex:
    ids: list  # practice ids, newest first; bit i of every bitset is ids[i]
    bits: dict = field(default_factory=dict)  # facet -> {key (str): bitset}
    years: list = field(default_factory=list)  # (start_year, end_year, ongoing) per position
    title_order: list = field(default_factory=list)  # positions sorted by title
    other_language: int = 0  # live practices of other languages with no translation here

    @property
    def everything(self):
        return (1 << len(self.ids)) - 1

    def any_of(self, facet, keys):
        """Bitset of the practices having any of ``keys`` in ``facet``."""
        result = 0
        for key in keys:
            result |= self.bits.get(facet, {}).get(key, 0)
        return result

    def has(self, bits, pk):
        i = self._position.get(pk)
        return i is not None and bits >> i & 1

    @staticmethod
    def bitset(positions):
        """An int with the given bit positions set (built as a string: one big-int op)."""
        if not positions:
            return 0
        digits = bytearray(b"0" * (max(positions) + 1))
        for i in positions:
            digits[i] = 49  # "1"
        return int(bytes(digits[::-1]), 2)

    def positions(self, bitset):
        """Positions of the set bits, ascending (newest first)."""
        digits = bin(bitset)[:1:-1]
        return [i for i, digit in enumerate(digits) if digit == "1"]

    def from_ids(self, ids):
        position = self._position
        return self.bitset([position[pk] for pk in ids if pk in position])

    def __post_init__(self):
        self._position = {pk: i for i, pk in enumerate(self.ids)}


def build(locale):
    rows = list(
        public_practices(locale).order_by("-first_published_at", "-pk").values_list(
            "pk", "title", "practice_type", "implementation_level", "start_year", "end_year",
            "ongoing",
        )
    )
    index = FacetIndex(ids=[row[0] for row in rows])
    index.years = [(row[4], row[5], row[6]) for row in rows]
    index.title_order = sorted(range(len(rows)), key=lambda i: (rows[i][1], rows[i][0]))
    positions = {}  # facet -> {key: [positions]}
    for facet, column in (("type", 2), ("level", 3)):
        for i, row in enumerate(rows):
            positions.setdefault(facet, {}).setdefault(row[column], []).append(i)
    complete(index, positions, THROUGH, locale)
    areas = index.bits.setdefault("area", {})
    objectives = index.bits["objective"]
    for area, objective in ThematicAreaObjective.objects.filter(
        area__locale=locale
    ).values_list("area__number", "objective__number"):
        areas[str(area)] = areas.get(str(area), 0) | objectives.get(str(objective), 0)
    return index


def other_language_count(locale, model=PracticePage):
    """Live pages of ``model`` (practices by default) in other languages with no live
    translation in ``locale`` (one query)."""
    live = model.objects.live().public()
    return (
        live.exclude(locale=locale)
        .exclude(translation_key__in=live.filter(locale=locale).values("translation_key")).count()
    )


def index_for(locale, builder=None):
    """The current index of ``locale``'s practices (rebuilt when ``version()`` changed).

    ``builder`` builds another kind of page's index (``builder(locale) -> FacetIndex``), kept
    apart from the practices' and refreshed on the same ``version()``.
    """
    builder = builder or build
    current = version()
    key = (builder, getattr(locale, "pk", locale))  # a Locale or its id
    cached = _indexes.get(key)
    if cached is None or cached[0] != current:
        with _lock:
            cached = _indexes.get(key)  # another thread may have rebuilt it meanwhile
            if cached is None or cached[0] != current:
                cached = _indexes[key] = (current, builder(locale))
    return cached[1]


def index_of_cards(model, locale, *, order, year, columns, linked):
    """The ``FacetIndex`` of a listing of cards (library documents, articles): the language's
    public pages of ``model`` ordered by ``order``; one year per page (``year``, a lookup);
    ``columns`` {facet: lookup of the key on the page}; ``linked`` {facet: (through model, key
    lookup)}. Three queries plus one per linked relation."""
    rows = list(model.objects.live().public().filter(locale=locale).order_by(*order).values_list(
        "pk", "title", year, *columns.values()))
    index = FacetIndex(ids=[row[0] for row in rows])
    index.years = [(row[2], row[2], False) for row in rows]
    index.title_order = sorted(range(len(rows)), key=lambda i: (rows[i][1], rows[i][0]))
    positions = {facet: {} for facet in (*columns, *linked)}
    for column, facet in enumerate(columns, start=3):
        for i, row in enumerate(rows):
            if row[column]:
                positions[facet].setdefault(str(row[column]), []).append(i)
    return complete(index, positions, linked, locale, model)
