"""Thin glue between the routable repository page and the listing/export services."""

from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control

from .exports import atom_response, csv_response, json_response
from .listing import (
    Listing,
    card_prefetches,
    chips,
    other_language_count,
    paginate,
    parse_filters,
)
from .models import PracticeObjective, PracticePage


def serve_listing(index_page, request):
    filters = parse_filters(request.GET)
    listing = Listing(index_page.locale, filters)
    export = request.GET.get("format")
    filename = f"practices-{index_page.locale.language_code}"
    if export == "csv":
        return csv_response(listing, request, filename)
    if export == "json":
        return json_response(listing, request, filename)
    facets = listing.options()
    paginator, page_obj = paginate(listing)
    other = other_language_count(index_page.locale)
    context = index_page.get_context(request)
    context.update({
        "filters": filters,
        "facets": facets,
        "chips": chips(filters, facets),
        "paginator": paginator,
        "page_obj": page_obj,
        "practices": page_obj.object_list,
        "other_language_count": other,
        "other_language_pages": index_page.get_translations().live() if other else [],
        "sorts": sort_options(filters),
    })
    response = TemplateResponse(request, "practices/practice_index_page.html", context)
    if filters.q:
        patch_cache_control(response, no_cache=True, private=True)
    return response


def serve_feed(index_page, request):
    return atom_response(Listing(index_page.locale, parse_filters(request.GET)), request,
                         index_page)


def sort_options(filters):
    from django.utils.translation import gettext_lazy as _

    options = [("newest", _("Newest")), ("oldest", _("Oldest")), ("title", _("Title"))]
    if filters.q:
        options.append(("relevance", _("Relevance")))
    return [{"value": v, "label": label, "selected": v == filters.sort} for v, label in options]


def detail_context(page, request):
    """Related practices (sharing an objective) for the detail page, in constant queries."""
    terms = {
        "objectives": [link.objective for link in
                       page.practice_objectives.select_related("objective")],
        "principles": [link.principle for link in
                       page.practice_principles.select_related("principle")],
        "sdgs": [link.sdg for link in page.practice_sdgs.select_related("sdg")],
        "regions": [link.region for link in page.practice_regions.select_related("region")],
        "stakeholders": [link.stakeholder for link in
                         page.practice_stakeholders.select_related("stakeholder")],
        "countries": page.countries,
    }
    numbers = [objective.number for objective in terms["objectives"]]
    related = (
        PracticePage.objects.live().public().filter(locale=page.locale)
        .exclude(pk=page.pk)
        .filter(pk__in=PracticeObjective.objects.filter(
            objective__number__in=numbers).values("page_id"))
        .order_by("-first_published_at")
    )
    related = card_prefetches(related)[:4]
    return {
        **terms,
        "related_practices": related,
        "listing_url": page.get_parent().url,
    }
