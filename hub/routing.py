"""Page routing in a fixed number of queries, whatever the depth of the page.

Wagtail routes ``/ar/guidance/handbook/objective-8/`` from the site's root page: the Arabic
home (locale and translation lookups), then for each slug one query for the child and one for
its specific object, about ten queries before the page does anything. This router finds the
same page with one query for the whole chain of ancestors (their ``url_path`` and slugs follow
from the URL) and one for the specific page; the home page of each language comes from the
cached site structure. It follows Wagtail's rules: a page routes the rest of the path itself
when its class has its own ``route()`` (``RoutablePageMixin`` pages when one of their routes
matches, as in ``RoutablePageMixin.route``), otherwise the next slug must be a child. The
result goes where Wagtail caches its own (``request._wagtail_route_for_request``), and
Wagtail's ``serve`` view does the rest (``before_serve_page`` hooks, view restrictions,
``serve()``).
"""

from django.http import Http404
from django.urls import Resolver404, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from .structure import site_home


def _stops_here(model, page, remaining):
    """Whether Wagtail's routing hands the ``remaining`` slugs to this page."""
    if not remaining:
        return True
    if model.route is Page.route:
        return False
    if model.route is RoutablePageMixin.route:
        if not page.live:
            return False
        try:
            model.get_resolver().resolve("/" + "/".join(remaining) + "/")
        except Resolver404:
            return False
    return True


def route(request, path):
    """Wagtail's ``RouteResult`` for the path, or None when the site has no home page here.

    Raises Http404 like Wagtail's routing when no page answers.
    """
    home = site_home(request)
    if home is None:
        return None
    slugs = [slug for slug in path.split("/") if slug]
    url_paths = [home.url_path + "".join(f"{slug}/" for slug in slugs[:n])
                 for n in range(len(slugs) + 1)]
    # By slug too: the slug has an index, the URL path has none, and the tree prefix alone
    # would read every page of the language (16 ms at 100,000 practices).
    chain = {page.url_path: page for page in
             Page.objects.filter(slug__in={home.slug, *slugs}, url_path__in=url_paths,
                                 path__startswith=home.path)}
    parent = None
    for n, url_path in enumerate(url_paths):
        page = chain.get(url_path)
        if page is None:
            raise Http404
        if parent is not None:
            page._cached_parent_obj = parent
        model = page.specific_class
        if model is None or _stops_here(model, page, slugs[n:]):
            return page.specific.route(request, slugs[n:])
        parent = page
    raise Http404  # not reached: the last url_path has no remaining slug


def serve(request, path):
    """Wagtail's ``serve`` view, routed by ``route()``."""
    if not hasattr(request, "_wagtail_route_for_request"):
        try:
            result = route(request, path)
        except Http404:
            request._wagtail_route_for_request = None
        else:
            if result is not None:
                request._wagtail_route_for_request = result
    return wagtail_views.serve(request, path)


def serve_file(request, path):
    """A page route named like a file (``events/feed.ics``): Wagtail's URLs all end with a
    slash, a file's does not. The route is declared with the slash (``@path("feed.ics/")``)."""
    return serve(request, path + "/")


# Wagtail's own URLs (password and login forms of private pages) with this router's serve view,
# under Wagtail's name so that page URLs reverse as usual; then routes named like files.
urlpatterns = [
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, serve, name="wagtail_serve"),
    # Only calendar files: any other suffix would also catch e.g. /en/documents/1/x.pdf, the URL
    # LocaleMiddleware tries when a document download answers 404.
    re_path(r"^((?:[\w\-]+/)*[\w\-]+\.ics)$", serve_file, name="hub_serve_file"),
]
