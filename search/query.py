"""Search API for other code (the practice listing's keyword box, the site search page).

Contract: ``search_pages(queryset, q)`` returns the ids of the pages of ``queryset`` matching
``q``, best first, analysed exactly like the site search (any backend). ``queryset`` carries the
caller's filters (live, public, locale, facets); ``q`` is the raw text typed by the visitor.
``search_results(queryset, q)`` is the lazy form (sliceable, ``.count()``) for paginated use.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

MAX_QUERY_LENGTH = 200

# Result types of the search page → content types ("app_label.model"). Types whose apps do not
# exist yet match no content type and so show nothing. HUB_SEARCH_TYPES in settings overrides.
DEFAULT_SEARCH_TYPES = {
    "guidance": ["guidance.guidanceindexpage", "guidance.guidepage", "guidance.handbookpage"],
    "objective": ["guidance.objectivepage"],
    "tool": ["guidance.toolsindexpage", "guidance.thematictoolpage"],
    "practice": ["practices.practicepage"],
    "discussion": ["discussions.discussionindexpage", "discussions.discussionspacepage",
                   "discussions.discussiontopicpage"],
}


def search_types():
    return getattr(settings, "HUB_SEARCH_TYPES", DEFAULT_SEARCH_TYPES)


def content_type_ids(type_names):
    """{content type id: type name} for the given type names (one query)."""
    wanted = {}
    for name in type_names:
        for label in search_types().get(name, []):
            app_label, _dot, model = label.partition(".")
            wanted[(app_label, model)] = name
    if not wanted:
        return {}
    condition = Q()
    for app_label, model in wanted:
        condition |= Q(app_label=app_label, model=model)
    return {ct.pk: wanted[(ct.app_label, ct.model)]
            for ct in ContentType.objects.filter(condition)}


def clean_query(q):
    return " ".join(str(q or "").split())[:MAX_QUERY_LENGTH]


def search_results(queryset, q):
    """Lazy relevance-ordered results; the backend analyses ``q`` (see search/backends)."""
    q = clean_query(q)
    if not q:
        return queryset.none()
    return queryset.search(q)


def search_pages(queryset, q):
    """Ids of the matching pages of ``queryset``, best first."""
    return [page.pk for page in search_results(queryset, q)]
