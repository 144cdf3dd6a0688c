"""The view of a faceted listing on the repository's listing service, for the apps whose
listing shows only cards (the library, news): filters, counts, chips, sorts and pages."""

from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control

from hub.frame import frame_for

from .listing import chips, paginate
from .views import sort_options


def serve_faceted(index_page, request, listing, template, prefix):
    """``template`` extends ``practices/listing_base.html``; ``prefix`` names its form ids."""
    facets = listing.options()
    paginator, page_obj = paginate(listing)
    other = listing.other_language_count
    context = index_page.get_context(request)
    context.update({
        "prefix": prefix,
        "filters": listing.filters,
        "facets": facets,
        "chips": chips(listing.filters, facets),
        "paginator": paginator,
        "page_obj": page_obj,
        "sorts": sort_options(listing.filters),
        "other_language_count": other,
        "other_language_pages": frame_for(request, index_page).other_translations() if other
        else [],
    })
    response = TemplateResponse(request, template, context)
    if listing.filters.q:  # keyword searches are not cached
        patch_cache_control(response, no_cache=True, private=True)
    return response
