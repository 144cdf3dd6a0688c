"""The champion countries page (``ChampionCountriesPage``, ``/<lang>/champions/``): the
countries flagged champion in their profiles, by region, and the support the Network offers
them. The support areas are the reference data's ``champion_countries.expected_support``
(seed 001), translated in this app's catalogue; the page's introduction is the editor's."""

from django.utils.translation import gettext_lazy as _

from hub.formatting import sort_key

from .data import REGIONS
from .models import CountryProfile

# Reference data, champion_countries.expected_support: (area, what the Network offers).
SUPPORT_AREAS = (
    (_("National implementation planning"),
     _("Support for regular and comprehensive reviews of progress at the national level that "
       "generate a GCM implementation strategy aligned with the GCM's overarching vision and "
       "its cross-cutting and interdependent guiding principles.")),
    (_("Support in implementing specific GCM objectives"),
     _("Targeted technical support and capacity-building on priority issues through the "
       "activities of the Network's thematic workstreams.")),
    (_("Strengthening UN system coordination"),
     _("Support to UN country teams, where applicable, as well as national or regional UN "
       "networks or other UN coordination structures mobilized to support GCM "
       "implementation.")),
    (_("Increased knowledge management and information exchange"),
     _("Identifying positive practices and lessons learned from a wide range of relevant "
       "partners and across countries and regions, and making relevant knowledge, expertise "
       "and experience accessible to Member States and usable by them in developing "
       "GCM-based solutions to local migration challenges.")),
    (_("Improved monitoring and reporting"),
     _("Technical support for reviewing and reporting on the implementation of all aspects of "
       "the GCM, including in relation to the 2030 Agenda for Sustainable Development; this "
       "includes support for preparing the International Migration Review Forum and regional "
       "review processes with the participation of all relevant partners.")),
)


def champions_by_region(region_titles, country_url=None):
    """[{slug, title, countries: [{code, name, since, url}]}] of the champion countries, the
    regions in the Network's order (a region an editor typed that is not one of them last), the
    countries sorted by name in the active language; one query."""
    found = {}
    for profile in CountryProfile.objects.filter(is_champion=True).only(
            "country", "region", "champion_since"):
        code = str(profile.country.code)
        found.setdefault(profile.region, []).append({
            "code": code, "name": profile.country.name, "since": profile.champion_since,
            "url": country_url(code) if country_url else "",
        })
    order = list(REGIONS) + sorted(slug for slug in found if slug not in REGIONS)
    return [
        {"slug": slug, "title": region_titles.get(slug, slug),
         "countries": sorted(found[slug], key=lambda row: sort_key(row["name"]))}
        for slug in order if slug in found
    ]
