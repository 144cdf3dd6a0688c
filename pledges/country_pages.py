"""What pledges add to the countries app: a section on each country page, a "countries with
pledges" filter on the country index (``countries/sections.py``), and the champion countries
the pledge listing filters on. Each costs a fixed number of queries."""

from django.utils.translation import gettext_lazy as _

from hub.structure import section_of_type

from .models import PledgeCountry, PledgeIndexPage, PledgeObjective, PledgePage

SHOWN = 10


def champion_codes():
    """ISO codes of the champion countries (one query), or none without the countries app."""
    from django.apps import apps

    if not apps.is_installed("countries"):
        return set()
    from countries.services import champion_codes as flagged

    return flagged()


def pledges_section(country):
    from countries.sections import CountrySection, newest_and_total, objective_counts

    pledges = (PledgePage.objects.live().public()
               .filter(locale=country.locale, pledge_countries__country=country.code))
    newest, count = newest_and_total(
        pledges, SHOWN, "title", "url_path", "pledge_type", "status", "locale_id", "path", "depth")
    objectives = objective_counts(PledgeObjective, pledges) if count else {}
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
