"""The repository listing as a service: parse GET parameters, filter, count facets, sort, page.

Facets are disjunctive: the count shown for an option is the number of practices matching every
OTHER active facet plus that option (AND across facets, OR within one). All facet counts come
from one UNION query of ``GROUP BY`` aggregates, so the query count does not grow with content.
Terms are identified by their language-independent number/slug, countries by ISO alpha-2.
"""

import re
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import CharField, Count, Prefetch, Q, Value
from django.db.models.functions import Cast
from django.http import QueryDict
from django_countries import countries as all_countries

from hub.models import (
    GuidingPrinciple,
    Objective,
    Region,
    StakeholderType,
    SustainableDevelopmentGoal,
    ThematicArea,
    ThematicAreaObjective,
)
from search.query import search_pages

from .models import (
    FIRST_YEAR,
    ImplementationLevel,
    PracticeCountry,
    PracticeObjective,
    PracticePage,
    PracticePrinciple,
    PracticeRegion,
    PracticeSDG,
    PracticeStakeholder,
    PracticeType,
)

PER_PAGE = 12
MAX_VALUES = 30
SLUG_RE = re.compile(r"^[a-z0-9-]{1,80}$")
NUMBER_FACETS = ("objective", "principle", "area", "sdg")
SLUG_FACETS = ("region", "stakeholder")
FACETS = ("objective", "principle", "area", "sdg", "region", "country", "type", "level",
          "stakeholder")
SORTS = ("newest", "oldest", "title", "relevance")

# facet -> (through model, lookup of the language-independent key)
THROUGH = {
    "objective": (PracticeObjective, "objective__number"),
    "principle": (PracticePrinciple, "principle__number"),
    "sdg": (PracticeSDG, "sdg__number"),
    "region": (PracticeRegion, "region__slug"),
    "stakeholder": (PracticeStakeholder, "stakeholder__slug"),
    "country": (PracticeCountry, "country"),
}


@dataclass
class Filters:
    values: dict = field(default_factory=dict)  # facet -> tuple of keys (str)
    q: str = ""
    year_from: int | None = None
    year_to: int | None = None
    sort: str = "newest"
    page: int = 1

    @property
    def is_active(self):
        return bool(self.q or self.year_from or self.year_to or any(self.values.values()))


def _int(value, low, high):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if low <= number <= high else None


def _valid(facet, raw):
    raw = raw.strip()
    if facet in NUMBER_FACETS:
        number = _int(raw, 1, 999)
        return str(number) if number else None
    if facet in SLUG_FACETS:
        return raw if SLUG_RE.match(raw) else None
    if facet == "country":
        code = raw.upper()
        return code if len(code) == 2 and code in dict(all_countries) else None
    if facet == "type":
        return raw if raw in PracticeType.values else None
    if facet == "level":
        return raw if raw in ImplementationLevel.values else None
    return None


def parse_filters(params: QueryDict) -> Filters:
    """Validated filters from GET parameters; anything unknown or malformed is dropped."""
    filters = Filters(q=params.get("q", "").strip()[:200])
    for facet in FACETS:
        kept = []
        for raw in params.getlist(facet)[:MAX_VALUES]:
            value = _valid(facet, raw)
            if value and value not in kept:
                kept.append(value)
        filters.values[facet] = tuple(kept)
    filters.year_from = _int(params.get("year_from"), FIRST_YEAR, 2100)
    filters.year_to = _int(params.get("year_to"), FIRST_YEAR, 2100)
    sort = params.get("sort", "")
    if sort in SORTS and (sort != "relevance" or filters.q):
        filters.sort = sort
    elif filters.q:
        filters.sort = "relevance"
    filters.page = _int(params.get("page"), 1, 100_000) or 1
    return filters


def keyword_page_ids(queryset, q):
    """Ids of the practices of ``queryset`` matching the keyword, best first.

    The one place the keyword meets the search backend: the site search's Arabic-aware analyser.
    """
    return search_pages(queryset, q)


def facet_q(facet, keys, locale):
    """A Q on PracticePage selecting practices with any of ``keys`` in ``facet``."""
    if facet == "type":
        return Q(practice_type__in=keys)
    if facet == "level":
        return Q(implementation_level__in=keys)
    if facet == "area":
        numbers = ThematicAreaObjective.objects.filter(
            area__number__in=keys, area__locale=locale
        ).values("objective__number")
        links = PracticeObjective.objects.filter(objective__number__in=numbers)
    else:
        model, lookup = THROUGH[facet]
        links = model.objects.filter(**{f"{lookup}__in": keys})
    return Q(pk__in=links.values("page_id"))


def base_queryset(locale):
    return PracticePage.objects.live().public().filter(locale=locale)


class Listing:
    """The result of one listing request: page of results, facets, chips."""

    def __init__(self, locale, filters, keyword_ids=None):
        self.locale = locale
        self.filters = filters
        self.base = base_queryset(locale)
        self.keyword_ids = keyword_ids
        if filters.q and keyword_ids is None:
            self.keyword_ids = keyword_page_ids(self.base, filters.q)

    def common_q(self):
        q = Q()
        if self.keyword_ids is not None:
            q &= Q(pk__in=self.keyword_ids)
        if self.filters.year_from:
            q &= Q(ongoing=True) | Q(end_year__gte=self.filters.year_from) | Q(
                end_year__isnull=True, start_year__gte=self.filters.year_from
            )
        if self.filters.year_to:
            q &= Q(start_year__lte=self.filters.year_to)
        return q

    def filtered(self, exclude=None):
        q = self.common_q()
        for facet, keys in self.filters.values.items():
            if keys and facet != exclude:
                q &= facet_q(facet, keys, self.locale)
        return self.base.filter(q)

    def results(self):
        return self.filtered()

    # -- facets -------------------------------------------------------------------------
    def facet_counts(self):
        """{facet: {key: count}} for every facet, from one UNION query (plus one for areas)."""
        parts = []
        for facet, (model, lookup) in THROUGH.items():
            pages = self.filtered(exclude=facet).values("pk")
            parts.append(
                model.objects.filter(page__in=pages)
                .annotate(facet=Value(facet, output_field=CharField()),
                          key=Cast(lookup, CharField()))
                .values("facet", "key").annotate(n=Count("page", distinct=True)).order_by()
            )
        for facet, column in (("type", "practice_type"), ("level", "implementation_level")):
            parts.append(
                self.filtered(exclude=facet).order_by()
                .annotate(facet=Value(facet, output_field=CharField()),
                          key=Cast(column, CharField()))
                .values("facet", "key").annotate(n=Count("pk", distinct=True)).order_by()
            )
        counts = {facet: {} for facet in FACETS}
        for row in parts[0].union(*parts[1:], all=True):
            counts[row["facet"]][row["key"]] = row["n"]
        counts["area"] = self.area_counts()
        return counts

    def area_counts(self):
        mapping = {}
        for area, objective in ThematicAreaObjective.objects.filter(
            area__locale=self.locale
        ).values_list("area__number", "objective__number"):
            mapping.setdefault(str(area), []).append(objective)
        if not mapping:
            return {}
        pages = self.filtered(exclude="area").values("pk")
        return PracticeObjective.objects.filter(page__in=pages).aggregate(**{
            area: Count("page", distinct=True, filter=Q(objective__number__in=numbers))
            for area, numbers in mapping.items()
        })

    def options(self):
        """The facet options with labels in the listing's language, counts and selection."""
        labels = term_labels(self.locale)
        counts = self.facet_counts()
        facets = []
        for facet in FACETS:
            selected = self.filters.values.get(facet, ())
            choices = labels.get(facet, [])
            options = [
                {"key": key, "label": label, "count": counts[facet].get(key, 0),
                 "selected": key in selected}
                for key, label in choices
            ]
            if facet == "country":
                options = [o for o in options if o["count"] or o["selected"]]
            facets.append({"name": facet, "label": FACET_LABELS[facet], "options": options})
        return facets


def term_labels(locale):
    """{facet: [(key, label)]} for the listing's language, in one UNION query."""
    parts = []
    for facet, model, key, label in (
        ("objective", Objective, "number", "short_title"),
        ("principle", GuidingPrinciple, "number", "title"),
        ("area", ThematicArea, "number", "title"),
        ("sdg", SustainableDevelopmentGoal, "number", "title"),
        ("region", Region, "slug", "title"),
        ("stakeholder", StakeholderType, "slug", "title"),
    ):
        parts.append(
            model.objects.filter(locale=locale)
            .annotate(facet=Value(facet, output_field=CharField()),
                      key=Cast(key, CharField()), label=Cast(label, CharField()),
                      sort=Cast(key, CharField()) if key == "slug" else Cast(label, CharField()))
            .values("facet", "key", "label").order_by()
        )
    rows = list(parts[0].union(*parts[1:], all=True))
    labels = {}
    for row in rows:
        labels.setdefault(row["facet"], []).append((row["key"], row["label"]))
    for facet in NUMBER_FACETS:
        labels.get(facet, []).sort(key=lambda item: int(item[0]))
        labels[facet] = [(k, f"{k}. {v}") for k, v in labels.get(facet, [])]
    for facet in SLUG_FACETS:
        labels.get(facet, []).sort(key=lambda item: item[1])
    labels["country"] = sorted(((code, str(name)) for code, name in all_countries),
                               key=lambda item: item[1])
    labels["type"] = [(value, str(label)) for value, label in PracticeType.choices]
    labels["level"] = [(value, str(label)) for value, label in ImplementationLevel.choices]
    return labels


def card_prefetches(queryset):
    """What a result card shows: objectives and countries, without a query per card."""
    return queryset.prefetch_related(
        Prefetch("practice_objectives",
                 queryset=PracticeObjective.objects.select_related("objective")),
        "practice_countries",
    )


def sorted_results(listing):
    """(object_list or queryset, is_list) ordered by the chosen sort."""
    queryset = listing.results()
    sort = listing.filters.sort
    if sort == "relevance" and listing.keyword_ids is not None:
        kept = set(queryset.values_list("pk", flat=True))
        return [pk for pk in listing.keyword_ids if pk in kept], True
    order = {"newest": ("-first_published_at", "-pk"), "oldest": ("first_published_at", "pk"),
             "title": ("title", "pk")}.get(sort, ("-first_published_at", "-pk"))
    return queryset.order_by(*order), False


def paginate(listing):
    results, is_ids = sorted_results(listing)
    paginator = Paginator(results, PER_PAGE)
    number = min(listing.filters.page, paginator.num_pages) or 1
    page_obj = paginator.page(number)
    if is_ids:
        pages = {p.pk: p for p in card_prefetches(PracticePage.objects.filter(
            pk__in=list(page_obj.object_list)))}
        page_obj.object_list = [pages[pk] for pk in page_obj.object_list if pk in pages]
    else:
        page_obj.object_list = list(card_prefetches(page_obj.object_list))
    return paginator, page_obj


def chips(filters, facets):
    """Active filters as removable chips: label and the query string without that value."""
    from django.utils.translation import gettext

    result = []
    labels = {f["name"]: {o["key"]: o["label"] for o in f["options"]} for f in facets}
    base = []
    for facet, keys in filters.values.items():
        for key in keys:
            base.append((facet, key))
    extras = []
    if filters.q:
        extras.append(("q", filters.q))
    if filters.year_from:
        extras.append(("year_from", str(filters.year_from)))
    if filters.year_to:
        extras.append(("year_to", str(filters.year_to)))
    everything = base + extras
    if filters.sort not in ("newest", "relevance"):
        everything_sort = [("sort", filters.sort)]
    else:
        everything_sort = []
    for item in everything:
        facet, key = item
        remaining = QueryDict(mutable=True)
        for other in everything + everything_sort:
            if other != item:
                remaining.appendlist(*other)
        if facet == "q":
            label = gettext("Keyword: %(q)s") % {"q": key}
        elif facet == "year_from":
            label = gettext("From %(year)s") % {"year": key}
        elif facet == "year_to":
            label = gettext("Until %(year)s") % {"year": key}
        else:
            label = labels.get(facet, {}).get(key, key)
        result.append({"facet": facet, "label": label, "remove": remaining.urlencode()})
    return result


def other_language_count(locale):
    """Live practices in other languages with no live translation in ``locale``."""
    here = PracticePage.objects.live().filter(locale=locale).values("translation_key")
    return (PracticePage.objects.live().public().exclude(locale=locale)
            .exclude(translation_key__in=here).count())


from django.utils.translation import gettext_lazy as _  # noqa: E402

FACET_LABELS = {
    "objective": _("GCM objective"),
    "principle": _("Guiding principle"),
    "area": _("Thematic area"),
    "sdg": _("Sustainable Development Goal"),
    "region": _("Region"),
    "country": _("Country"),
    "type": _("Type of practice"),
    "level": _("Implementation level"),
    "stakeholder": _("Stakeholder type"),
}
