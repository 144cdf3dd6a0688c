"""``/<lang>/reviews/``: published reviews of both languages, filtered by GET parameters.

``region`` (a region slug: the countries of that region), ``cycle`` (a cycle slug),
``objective`` (1–23, a review covering it in depth) and ``language`` (``ar``/``en``). Unknown
values are ignored. Values are language-independent: one URL gives the same reviews in both
languages. The page costs a fixed number of queries: the count, one page of reviews, their
objectives, the cycles' titles.
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from django_countries.fields import Country

from countries.data import MEMBER_STATES, REGIONS
from countries.models import CountryProfile

from .services import LANGUAGES, published

PER_PAGE = 20
LANGUAGE_LABELS = {"ar": _("Arabic"), "en": _("English")}


@dataclass
class Filters:
    region: str = ""
    cycle: str = ""
    objective: int | None = None
    language: str = ""
    page: int = 1
    values: dict = field(default_factory=dict)

    @property
    def is_active(self):
        return bool(self.region or self.cycle or self.objective or self.language)


def parse_filters(params, cycles):
    filters = Filters()
    if params.get("region") in REGIONS:
        filters.region = params["region"]
    if params.get("cycle") in cycles:
        filters.cycle = params["cycle"]
    try:
        number = int(params.get("objective", ""))
        if 1 <= number <= 23:
            filters.objective = number
    except ValueError:
        pass
    if params.get("language") in LANGUAGES:
        filters.language = params["language"]
    try:
        filters.page = max(1, int(params.get("page", "1")))
    except ValueError:
        filters.page = 1
    return filters


def filtered(filters):
    queryset = published()
    if filters.region:
        codes = set(CountryProfile.objects.filter(region=filters.region)
                    .values_list("country", flat=True)) or {
            code for code, region in MEMBER_STATES.items() if region == filters.region}
        queryset = queryset.filter(country__in=codes)
    if filters.cycle:
        queryset = queryset.filter(cycle=filters.cycle)
    if filters.objective:
        queryset = queryset.filter(review_objectives__number=filters.objective)
    if filters.language:
        queryset = queryset.filter(locale__language_code=filters.language)
    return queryset.order_by("-first_published_at", "-pk")


def paginate(queryset, filters):
    paginator = Paginator(queryset, PER_PAGE)
    number = min(filters.page, paginator.num_pages) or 1
    return paginator, paginator.page(number)


def rows(queryset, request, cycles):
    """Open-data rows of the reviews: public fields, the five answers included."""
    for review in queryset.iterator(chunk_size=500):
        row = {
            "title": review.title,
            "url": review.get_full_url(request),
            "summary": (review.section_1 or "")[:600],
            "country": str(review.country),
            "country_name": str(Country(str(review.country)).name),
            "language": review.locale.language_code,
            "cycle": review.cycle,
            "cycle_title": cycles.get(review.cycle, ""),
            "objectives": review.objective_numbers,
        }
        for n in range(1, 6):
            row[f"section_{n}"] = getattr(review, f"section_{n}")
        row["first_published_at"] = (review.first_published_at.isoformat()
                                     if review.first_published_at else None)
        yield row
