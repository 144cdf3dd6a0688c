"""The country index and the country page, in a fixed number of queries.

Index: one query for the profiles, the regions' names from the taxonomy cache, and one or two
queries per filter an app contributes (``hub_country_filters``). Country page: the profile,
the editor's page, and what each section costs (``hub_country_sections``), never a query per
country, practice or review.
"""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django_countries.fields import Country

from hub.cache import TERMS_KEY, cached_in
from hub.models import Objective, Region

from .data import MEMBER_STATES, REGIONS
from .models import CountryPage, CountryProfile, PlanStatus
from .sections import CountryContext, CountryFilter, filters_for, sections_for

OBJECTIVE_COUNT = 23


def region_titles(locale):
    """{region slug: title in the locale's language} (cached with the taxonomy)."""
    return cached_in(TERMS_KEY, ("country-regions", locale.pk), lambda: dict(
        Region.objects.filter(locale=locale).values_list("slug", "title")
    ))


def objective_titles(locale):
    """{objective number: short title in the locale's language} (cached with the taxonomy)."""
    return cached_in(TERMS_KEY, ("country-objectives", locale.pk), lambda: dict(
        Objective.objects.filter(locale=locale).values_list("number", "short_title")
    ))


def profiles():
    """{code: CountryProfile} of every member State (unsaved defaults for a missing row)."""
    found = {str(p.country.code): p for p in CountryProfile.objects.all()}
    return {
        code: found.get(code) or CountryProfile(country=code, region=region)
        for code, region in MEMBER_STATES.items()
    }


def champion_codes():
    """ISO codes of the countries flagged champion (one query)."""
    return {str(code) for code in CountryProfile.objects.filter(is_champion=True)
            .values_list("country", flat=True)}


def core_filters(all_profiles):
    return [
        CountryFilter("champion", _("Champion countries"),
                      {c for c, p in all_profiles.items() if p.is_champion}, order=10),
        CountryFilter("plan", _("National implementation plan adopted"),
                      {c for c, p in all_profiles.items()
                       if p.plan_status == PlanStatus.ADOPTED}, order=30),
    ]


def country_index(locale, params):
    """The member States grouped by region, narrowed by the filters in ``params`` (a GET)."""
    all_profiles = profiles()
    filters = core_filters(all_profiles) + filters_for(locale)
    filters.sort(key=lambda f: (f.order, f.key))
    keys = {f.key for f in filters}
    selected = [key for key in params.getlist("filter") if key in keys]
    region = params.get("region", "")
    titles = region_titles(locale)
    if region not in REGIONS:
        region = ""

    def kept(exclude=None):
        codes = {c for c, p in all_profiles.items() if not region or p.region == region}
        for f in filters:
            if f.key in selected and f.key != exclude:
                codes &= f.codes
        return codes

    shown = kept()
    flags = {f.key: f for f in filters}
    groups = []
    for slug in REGIONS:
        members = [
            {"code": code, "name": Country(code).name, "profile": profile,
             "flags": [flags[k].label for k in flags if code in flags[k].codes]}
            for code, profile in all_profiles.items()
            if profile.region == slug and code in shown
        ]
        if members:
            members.sort(key=lambda row: str(row["name"]))
            groups.append({"slug": slug, "title": titles.get(slug, slug), "countries": members})
    options = [
        {"key": f.key, "label": f.label, "selected": f.key in selected,
         "count": len(kept(exclude=f.key) & f.codes)}
        for f in filters
    ]
    regions = [{"slug": slug, "title": titles.get(slug, slug), "selected": slug == region}
               for slug in REGIONS]
    return {"groups": groups, "filters": options, "regions": regions, "region": region,
            "total": len(shown), "selected": selected,
            "is_filtered": bool(selected or region)}


def country_detail(index_page, request, code, enrichment=None):
    """Everything the country page shows, or 404 for a code that is no member State."""
    code = str(code).upper()
    if code not in MEMBER_STATES:
        raise Http404("No such member State")
    locale = index_page.locale
    profile = (CountryProfile.objects.filter(country=code).first()
               or CountryProfile(country=code, region=MEMBER_STATES[code]))
    if enrichment is None:
        enrichment = (CountryPage.objects.live().public()
                      .filter(locale_id=index_page.locale_id, country=code).first())
    country = CountryContext(code=code, profile=profile, locale=locale, request=request)
    sections = sections_for(country)
    return {
        "country": Country(code),
        "code": code,
        "profile": profile,
        "region_title": region_titles(locale).get(profile.region, profile.region),
        "enrichment": enrichment,
        "sections": sections,
        "objective_grid": objective_grid(locale, sections),
    }


def objective_grid(locale, sections):
    """The 23 objectives, each with what the sections count for it (all zero: not covered)."""
    titles = objective_titles(locale)
    counted = [s for s in sections if s.counts_label]
    grid = []
    for number in range(1, OBJECTIVE_COUNT + 1):
        counts = [{"label": s.counts_label, "count": s.objectives.get(number, 0)}
                  for s in counted]
        grid.append({
            "number": number,
            "title": titles.get(number, ""),
            "counts": [c for c in counts if c["count"]],
            "covered": any(c["count"] for c in counts),
        })
    return grid
