"""Site search across every page type, restricted to the visitor's language by default."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import get_language, get_language_bidi
from django.views.decorators.cache import never_cache
from wagtail.models import Locale, Page

from hub.models import Objective
from hub.pages import public
from hub.structure import locale_id, site_structure

from .analysis import terms
from .highlight import highlight, page_text
from .query import (
    SearchUnavailable,
    clean_query,
    content_type_ids,
    engine_guard,
    search_results,
    search_types,
)

RESULTS_PER_PAGE = 10
RTL_LANGUAGES = {"ar"}


def _suggestions(query, locale):
    """Objectives of this language whose titles share a term with the query (all if empty)."""
    objectives = list(Objective.objects.filter(locale=locale).order_by("number"))
    if not query:
        return objectives
    wanted = set(terms(query))
    return [o for o in objectives if wanted & set(terms(f"{o.title} {o.short_title}"))]


def _decorate(results, query, active_language):
    """Pages (specific) with snippet and language; queries grow with types, not results."""
    languages = site_structure().language_codes
    items = []
    for page in results:
        language = languages.get(page.locale_id, active_language)
        items.append({
            "page": page,
            "title": highlight(page.title, query, length=200),
            "snippet": highlight(page_text(page), query),
            "other_language": language != active_language,
            "language": language,
            "direction": "rtl" if language in RTL_LANGUAGES else "ltr",
        })
    return items


class CountedPaginator(Paginator):
    """A paginator told its count: the per-type facet already counted the results."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.known_count = count

    @cached_property
    def count(self):
        return self.known_count


def _facet(results):
    """Result counts per content type id (one query); none when nothing was searchable."""
    try:
        return results.facet("content_type_id")
    except NotImplementedError:  # empty results (the query had no searchable word)
        return {}


def _results(request, base, query, selected, type_of, type_counts):
    """The paginator and page of results; fills ``type_counts`` (counts per type)."""
    results = Page.objects.none()
    total = 0
    if query:
        per_content_type = _facet(search_results(base, query))
        for ct_id, count in per_content_type.items():
            if ct_id in type_of:
                type_counts[type_of[ct_id]] += count
        total = (sum(type_counts[name] for name in selected) if selected
                 else sum(per_content_type.values()))
        filtered = base
        if selected:
            filtered = base.filter(content_type_id__in=[
                ct for ct, name in type_of.items() if name in selected])
        results = search_results(filtered.specific(), query)

    paginator = CountedPaginator(results, RESULTS_PER_PAGE, count=total)
    try:
        page_obj = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page_obj = paginator.page(1)
    except EmptyPage:
        page_obj = paginator.page(paginator.num_pages)
    return paginator, page_obj


@never_cache
def search(request):
    query = clean_query(request.GET.get("q", ""))
    known_types = search_types()
    selected = [t for t in request.GET.getlist("type") if t in known_types]
    all_languages = request.GET.get("all_languages") == "1"
    locale = locale_id() or Locale.get_active().pk  # the cached id, else Wagtail's fallback
    language = get_language()

    base = public(Page.objects.live())
    if not all_languages:
        base = base.filter(locale=locale)
    type_of = content_type_ids(known_types)

    type_counts = {name: 0 for name in known_types}
    try:
        with engine_guard():
            paginator, page_obj = _results(request, base, query, selected, type_of, type_counts)
            items = _decorate(page_obj.object_list, query, language) if query else []
    except SearchUnavailable:
        # The engine is away: say so, keep the form filled in, answer 503 (try again later).
        return TemplateResponse(request, "search/search.html", {
            "search_query": query, "unavailable": True, "items": [],
            "types": [{"name": name, "count": 0, "selected": name in selected}
                      for name in known_types],
            "all_languages": all_languages, "is_rtl": get_language_bidi(),
        }, status=503)
    return TemplateResponse(request, "search/search.html", {
        "search_query": query,
        "search_results": page_obj,
        "items": items,
        "paginator": paginator,
        "types": [{"name": name, "label": kind.label, "count": type_counts[name],
                   "selected": name in selected} for name, kind in known_types.items()],
        "all_languages": all_languages,
        "suggestions": _suggestions(query, locale) if not paginator.count else [],
        "is_rtl": get_language_bidi(),
    })
