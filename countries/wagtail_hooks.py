"""Admin registration of the country profiles, the practices section of a country page, and the
"champion countries" filter of the practice listing."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from hub.registry import FACETS, SearchType, contribute
from hub.structure import section_of_type

from .facets import listing_facets
from .models import CountryProfile
from .sections import SECTIONS_HOOK, CountrySection, newest_and_total, objective_counts

PRACTICES_SHOWN = 10


class CountryProfileViewSet(SnippetViewSet):
    model = CountryProfile
    icon = "site"
    menu_label = _("Country profiles")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["country", "region", "is_champion", "has_un_network", "plan_status"]
    list_filter = ["region", "is_champion", "has_un_network", "plan_status"]
    ordering = ["country"]


register_snippet(CountryProfileViewSet)


@hooks.register(SECTIONS_HOOK)
def practices_section(country):
    """The country's published practices in the page's language (two queries)."""
    from practices.models import PracticeIndexPage, PracticeObjective, PracticePage

    practices = (PracticePage.objects.live().public()
                 .filter(locale=country.locale, practice_countries__country=country.code))
    newest, count = newest_and_total(
        practices, PRACTICES_SHOWN,
        "title", "url_path", "summary", "start_year", "end_year", "ongoing", "locale_id")
    objectives = objective_counts(PracticeObjective, practices) if count else {}
    repository = section_of_type(country.request, PracticeIndexPage,
                                 country.locale.language_code)
    return CountrySection(
        key="practices", heading=_("Published practices"),
        template="countries/includes/practices_section.html",
        context={"practices": newest, "count": count, "repository": repository},
        order=50, objectives=objectives, counts_label=_("Practices"),
    )


contribute(search_types=[
    SearchType("country", _("Countries"), ("countries.countryindexpage", "countries.countrypage")),
])


@hooks.register(FACETS)
def champion_facets():
    return listing_facets()
