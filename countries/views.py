"""Thin glue between the routable country index and ``services.py``."""

from django.template.response import TemplateResponse

from .services import country_detail, country_index


def serve_index(index_page, request):
    context = index_page.get_context(request)
    context.update(country_index(index_page.locale, request.GET))
    return TemplateResponse(request, "countries/country_index_page.html", context)


def serve_country(index_page, request, code, enrichment=None):
    detail = country_detail(index_page, request, code, enrichment=enrichment)
    context = index_page.get_context(request)
    context.update(detail)
    context["index_page"] = index_page
    if enrichment is not None:
        context["page"] = enrichment
    return TemplateResponse(request, "countries/country_page.html", context)
