from practices.listing_views import serve_faceted

from .listing import LibraryListing


def serve_listing(index_page, request):
    listing = LibraryListing.from_params(index_page.locale_id, request.GET)
    return serve_faceted(index_page, request, listing, "library/library_index_page.html",
                         "library")
