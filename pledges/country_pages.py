"""What pledges add to the countries app: a section on each country page, a "countries with
pledges" filter on the country index (``countries/sections.py``), and the champion countries
the pledge listing filters on. Each costs a fixed number of queries."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from hub.structure import section_of_type

from .models import PledgeCountry, PledgeIndexPage, PledgeObjective, PledgePage

SHOWN = 10


def champion_codes():
    """ISO codes of the champion countries (one query), or none without the countries app."""
    from django.apps import apps

    if not apps.is_installed("countries"):
        return set()
    from countries.models import CountryProfile

    return {str(code) for code in CountryProfile.objects.filter(is_champion=True)
            .values_list("country", flat=True)}


def pledges_section(country):
    from countries.sections import CountrySection

    pledges = (PledgePage.objects.live().public()
               .filter(locale=country.locale, pledge_countries__country=country.code))
    count = pledges.count()
    newest = list(pledges.order_by("-first_published_at", "-pk").only(
        "title", "url_path", "pledge_type", "status", "locale_id", "path", "depth",
    )[:SHOWN]) if count else []
    objectives = dict(
        PledgeObjective.objects.filter(page__in=pledges.values("pk"))
        .values("objective__number").annotate(n=Count("page", distinct=True))
        .values_list("objective__number", "n")
    ) if count else {}
    index = section_of_type(country.request, PledgeIndexPage, country.locale.language_code)
    return CountrySection(
        key="pledges", heading=_("Pledges"),
        template="pledges/includes/country_section.html",
        context={"pledges": newest, "count": count, "index": index},
        order=60, objectives=objectives, counts_label=_("Pledges"),
    )


def pledging_countries_filter(locale):
    from countries.sections import CountryFilter

    codes = {str(code) for code in PledgeCountry.objects.filter(
        page__live=True, page__locale=locale).values_list("country", flat=True).distinct()}
    return CountryFilter("pledges", _("Countries with pledges"), codes, order=40)
