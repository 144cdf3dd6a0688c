from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.html import strip_tags

from hub.frame import language_code_of
from practices.exports import FEED_ENTRIES, atom_from_rows
from practices.listing_views import serve_faceted

from .listing import ArticleListing
from .models import ArticlePage

PER_PAGE = 12


def serve_listing(index_page, request):
    listing = ArticleListing.from_params(index_page.locale_id, request.GET)
    return serve_faceted(index_page, request, listing, "news/news_index_page.html", "news")


def _rows(listing, request):
    ids = listing.ordered_ids()[:FEED_ENTRIES]
    pages = ArticlePage.objects.filter(pk__in=ids).defer_streamfields().in_bulk()
    for pk in ids:
        page = pages[pk]
        yield {"title": page.title, "url": page.get_full_url(request), "summary": page.summary}


def serve_feed(index_page, request):
    listing = ArticleListing.from_params(index_page.locale_id, request.GET)
    return atom_from_rows(
        _rows(listing, request), request,
        title=index_page.title, link=index_page.get_full_url(request),
        description=strip_tags(index_page.intro or ""),
        language=language_code_of(index_page, request), limit=FEED_ENTRIES)


def serve_series(series, request):
    articles = (ArticlePage.objects.live().public().filter(series=series)
                .order_by("-date", "-pk").defer_streamfields())
    page_obj = Paginator(articles, PER_PAGE).get_page(request.GET.get("page"))
    context = series.get_context(request)
    context.update({"page_obj": page_obj, "articles": page_obj.object_list})
    return TemplateResponse(request, "news/series_page.html", context)
