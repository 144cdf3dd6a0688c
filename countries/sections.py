"""What other apps contribute to the country pages, through Wagtail hooks.

``hub_country_sections``: a function ``(country) -> CountrySection | None`` where ``country`` is
a ``CountryContext`` (code, profile, locale, request). The section brings its template and
context, and the GCM objectives it covers (numbers), which the page's 23-cell grid adds up.
It must cost a fixed number of queries whatever the amount of content.

``hub_country_filters``: a function ``(locale) -> CountryFilter`` adding a filter to the country
index (e.g. "has a voluntary review"): a key for the URL, a label, and the set of country codes
it keeps, computed in a fixed number of queries for all countries at once.

An app registers them in its ``wagtail_hooks.py``; ``countries`` itself contributes the
published practices (``countries/wagtail_hooks.py``).
"""

from dataclasses import dataclass, field

from django.db.models import Count, Window
from wagtail import hooks

SECTIONS_HOOK = "hub_country_sections"
FILTERS_HOOK = "hub_country_filters"


@dataclass
class CountryContext:
    code: str  # ISO 3166-1 alpha-2, upper case
    profile: object  # CountryProfile
    locale: object  # wagtail Locale of the page shown
    request: object


@dataclass
class CountrySection:
    key: str  # the section's id on the page
    heading: str
    template: str
    context: dict = field(default_factory=dict)
    order: int = 100
    # {objective number: count} of what this section shows, for the objectives grid.
    objectives: dict = field(default_factory=dict)
    # Label of what is counted in the grid ("practices", "reviews").
    counts_label: str = ""


@dataclass
class CountryFilter:
    key: str
    label: str
    codes: set
    order: int = 100


def sections_for(country):
    found = [fn(country) for fn in hooks.get_hooks(SECTIONS_HOOK)]
    return sorted((s for s in found if s is not None), key=lambda s: (s.order, s.key))


def filters_for(locale):
    found = [fn(locale) for fn in hooks.get_hooks(FILTERS_HOOK)]
    return sorted((f for f in found if f is not None), key=lambda f: (f.order, f.key))


def newest_and_total(pages, limit, *fields):
    """The ``limit`` newest of ``pages`` and how many there are, in one query (the total is a
    window over the whole match, taken before the limit)."""
    newest = list(pages.order_by("-first_published_at", "-pk").only(*fields)
                  .annotate(total=Window(Count("pk")))[:limit])
    return newest, (newest[0].total if newest else 0)


def objective_counts(through_model, pages):
    """{objective number: number of ``pages`` on it}, in one query; ``through_model`` links a
    page (``page``) to an objective (``objective``)."""
    return dict(
        through_model.objects.filter(page__in=pages.values("pk"))
        .values("objective__number").annotate(n=Count("page", distinct=True))
        .values_list("objective__number", "n")
    )
