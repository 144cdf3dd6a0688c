"""What pledges contribute to the shared parts of the site (see hub/registry.py): the page type
in site search, the listing's facets, "My pledges" in the account menu, a section on practice
pages and on country pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from hub.registry import ACCOUNT_MENU_ITEMS, FACETS, SEARCH_TYPES, Link, SearchType

from .terms import FACETS as PLEDGE_FACETS
from .views import practice_section


@hooks.register(SEARCH_TYPES)
def pledge_search_types():
    return [SearchType("pledge", _("Pledges"), ("pledges.pledgepage",))]


@hooks.register(FACETS)
def pledge_facets():
    return PLEDGE_FACETS


@hooks.register(ACCOUNT_MENU_ITEMS)
def my_pledges(request):
    return [Link(_("My pledges"), "pledges:mine")]


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
