"""What pledges contribute to the shared parts of the site (see hub/registry.py): the page type
in site search, the listing's facets, "My pledges" in the account menu, a section on practice
pages and on country pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from hub.registry import Link, SearchType, contribute

from .terms import FACETS
from .views import practice_section

contribute(
    search_types=[SearchType("pledge", _("Pledges"), ("pledges.pledgepage",))],
    facets=FACETS,
    account_menu_items=[Link(_("My pledges"), "pledges:mine")],
)


@hooks.register("practice_page_sections")
def pledges_of_practice(page, request):
    return practice_section(page, request)


@hooks.register("hub_country_sections")
def pledges_of_country(country):
    from .country_pages import pledges_section

    return pledges_section(country)


@hooks.register("hub_country_filters")
def countries_with_pledges(locale):
    from .country_pages import pledging_countries_filter

    return pledging_countries_filter(locale)
