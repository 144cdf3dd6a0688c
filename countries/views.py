"""Thin glue between the country pages (the routable index, the champion countries page) and
the services (``services.py``, ``champions.py``)."""

from django.template.response import TemplateResponse

from hub.structure import language_code_of, section_of_type

from .champions import SUPPORT_AREAS, champions_by_region
from .models import ChampionCountriesPage, CountryIndexPage
from .services import country_detail, country_index, region_titles


def serve_index(index_page, request):
    context = index_page.get_context(request)
    context.update(country_index(index_page.locale, request.GET))
    context["champions_page"] = section_of_type(
        request, ChampionCountriesPage, language_code_of(index_page, request))
    return TemplateResponse(request, "countries/country_index_page.html", context)


def serve_country(index_page, request, code, enrichment=None):
    detail = country_detail(index_page, request, code, enrichment=enrichment)
    context = index_page.get_context(request)
    context.update(detail)
    context["index_page"] = index_page
    if enrichment is not None:
        context["page"] = enrichment
    return TemplateResponse(request, "countries/country_page.html", context)


def champions_context(page, request):
    """What the champion countries page shows: the countries by region, each linked to its
    country page when the language has a country index, and the Network's support areas."""
    from practices.models import PracticeIndexPage

    language = language_code_of(page, request)
    index = section_of_type(request, CountryIndexPage, language)
    index_url = index.get_url(request) if index else ""
    repository = section_of_type(request, PracticeIndexPage, language)
    regions = champions_by_region(
        region_titles(page.locale),
        (lambda code: f"{index_url}{code.lower()}/") if index_url else None)
    return {
        "regions": regions,
        "total": sum(len(region["countries"]) for region in regions),
        "support_areas": [{"title": title, "detail": detail} for title, detail in SUPPORT_AREAS],
        "country_index_url": index_url,
        "repository_url": repository.get_url(request) if repository else "",
    }
