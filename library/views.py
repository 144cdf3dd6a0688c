from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control

from hub.frame import frame_for
from practices.listing import chips, paginate
from practices.views import sort_options

from .listing import LibraryListing, parse


def serve_listing(index_page, request):
    listing = LibraryListing(index_page.locale_id, parse(request.GET))
    facets = listing.options()
    paginator, page_obj = paginate(listing)
    other = listing.other_language_count
    context = index_page.get_context(request)
    context.update({
        "filters": listing.filters,
        "facets": facets,
        "chips": chips(listing.filters, facets),
        "paginator": paginator,
        "page_obj": page_obj,
        "documents": page_obj.object_list,
        "sorts": sort_options(listing.filters),
        "other_language_count": other,
        "other_language_pages": frame_for(request, index_page).other_translations() if other
        else [],
    })
    response = TemplateResponse(request, "library/library_index_page.html", context)
    if listing.filters.q:
        patch_cache_control(response, no_cache=True, private=True)
    return response
