"""The view of a faceted listing on the repository's listing service (practices, pledges, the
library, news): filters, counts, chips, sorts, pages and the link to the other language."""

from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control

from hub.frame import frame_for

from .listing import chips, paginate, sort_options


def serve_faceted(index_page, request, listing, template, prefix, *, items_as=None, shown=None):
    """``template`` extends ``practices/listing_base.html``; ``prefix`` names its form ids;
    ``items_as`` also names the page's cards in the context. ``shown``: the filters the form
    shows where they differ from the listing's (the keyword kept while the engine is away)."""
    shown = shown or listing.filters
    facets = listing.options()
    paginator, page_obj = paginate(listing)
    other = listing.other_language_count
    context = index_page.get_context(request)
    context.update({
        "prefix": prefix,
        "filters": shown,
        "facets": facets,
        "chips": chips(listing.filters, facets),
        "paginator": paginator,
        "page_obj": page_obj,
        "sorts": sort_options(shown),
        "other_language_count": other,
        "other_language_pages": frame_for(request, index_page).other_translations() if other
        else [],
    })
    if items_as:
        context[items_as] = page_obj.object_list
    response = TemplateResponse(request, template, context)
    if shown.q:  # keyword searches are not cached
        patch_cache_control(response, no_cache=True, private=True)
    return response
