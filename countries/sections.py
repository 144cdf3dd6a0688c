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
