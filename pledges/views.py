"""Thin glue between the routable pledge index and the listing, export and dashboard services."""

from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control

from hub.frame import frame_for, language_code_of
from practices.listing import chips
from practices.listing_views import serve_faceted
from practices.models import PracticePage
from practices.views import detail_relations, export_response, practice_terms

from . import dashboard
from .exports import atom_response, csv_response, json_response
from .listing import PledgeListing
from .models import PledgeCountry, PledgePage
from .terms import TERMS

DETAIL_TERMS = detail_relations(TERMS, PledgeCountry)


def _listing_context(index_page, request, listing):
    other = listing.other_language_count
    return {
        "filters": listing.filters,
        "other_language_count": other,
        "other_language_pages": (
            frame_for(request, index_page).other_translations() if other else []
        ),
    }


def serve_listing(index_page, request):
    listing = PledgeListing.from_params(index_page.locale_id, request.GET)
    export = export_response(listing, request, f"pledges-{language_code_of(index_page, request)}",
                             csv_response, json_response)
    if export is not None:
        return export
    return serve_faceted(index_page, request, listing, "pledges/pledge_index_page.html",
                         "pledge", items_as="pledges")


def serve_feed(index_page, request):
    return atom_response(PledgeListing.from_params(index_page.locale_id, request.GET), request,
                         index_page)


def serve_dashboard(index_page, request):
    listing = PledgeListing.from_params(index_page.locale_id, request.GET)
    context = index_page.get_context(request)
    context.update(_listing_context(index_page, request, listing))
    facets = listing.options()
    context.update({
        "facets": facets,
        "chips": chips(listing.filters, facets),
        "dashboard": dashboard.build(listing, facets, request),
    })
    response = TemplateResponse(request, "pledges/dashboard.html", context)
    if listing.filters.q:
        patch_cache_control(response, no_cache=True, private=True)
    return response


def linked_practices(page):
    """The practices a pledge links to, each in the pledge's language where a live translation
    exists, else as linked (if live): two queries."""
    links = list(page.pledge_practices.select_related("practice__locale"))
    keys = [link.practice.translation_key for link in links]
    local = {
        practice.translation_key: practice
        for practice in PracticePage.objects.live().public()
        .filter(locale_id=page.locale_id, translation_key__in=keys)
        .only("id", "title", "url_path", "translation_key", "locale_id", "path", "depth")
    } if keys else {}
    result = []
    for link in links:
        practice = local.get(link.practice.translation_key)
        if practice is None and link.practice.live:
            practice = link.practice
        if practice is not None and practice not in result:
            result.append(practice)
    return result


def detail_context(page, request):
    terms = practice_terms(page, request, relations=DETAIL_TERMS)
    preview = getattr(request, "is_preview", False) or not page.pk
    return {
        **terms,
        "notes": sorted(page.progress_notes.all(), key=lambda note: note.date, reverse=True),
        "links": list(page.pledge_links.all()),
        "practices": [link.practice for link in page.pledge_practices.all()] if preview
        else linked_practices(page),
        "listing_url": page.get_parent().get_url(request),
    }


def practice_section(practice, request):
    """The pledges a practice carries out, for the practice page (``practice_page_sections``)."""
    pledges = list(
        PledgePage.objects.live().public()
        .filter(locale_id=practice.locale_id,
                pledge_practices__practice__translation_key=practice.translation_key)
        .distinct().only("id", "title", "url_path", "locale_id", "path", "depth", "pledge_type",
                         "status", "pledging_entity").order_by("title")
    )
    if not pledges:
        return None
    return {"template": "pledges/includes/practice_section.html", "pledges": pledges}
