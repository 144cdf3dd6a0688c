"""The news listing: the repository's listing service (``practices/listing.py``) with the
articles' facets (type, series, objective), newest first by the article's date."""

from practices.facet_index import FacetIndex
from practices.listing import Listing, parse_filters, term_labels

from .models import ArticleObjective, ArticlePage, SeriesPage
from .terms import FACETS

DECLARED = {facet.name: facet for facet in FACETS}


def parse(params):
    return parse_filters(params, DECLARED)


def public_articles(locale):
    return ArticlePage.objects.live().public().filter(locale=locale)


def build(locale):
    rows = list(public_articles(locale).order_by("-date", "-pk").values_list(
        "pk", "title", "article_type", "date", "series__slug"))
    index = FacetIndex(ids=[row[0] for row in rows])
    index.years = [(row[3].year, row[3].year, False) for row in rows]
    index.title_order = sorted(range(len(rows)), key=lambda i: (rows[i][1], rows[i][0]))
    positions = {"type": {}, "series": {}, "objective": {}}
    for i, row in enumerate(rows):
        positions["type"].setdefault(row[2], []).append(i)
        if row[4]:
            positions["series"].setdefault(row[4], []).append(i)
    for page_id, number in ArticleObjective.objects.filter(page__locale=locale).values_list(
            "page_id", "objective__number"):
        i = index._position.get(page_id)
        if i is not None:
            positions["objective"].setdefault(str(number), []).append(i)
    index.bits = {facet: {key: index.bitset(found) for key, found in keys.items()}
                  for facet, keys in positions.items()}
    index.other_language = (
        ArticlePage.objects.live().public().exclude(locale=locale)
        .exclude(translation_key__in=public_articles(locale).values("translation_key")).count()
    )
    return index


def labels(locale):
    """The taxonomy's labels and the language's live series, by title (one query)."""
    result = term_labels(locale, FACETS)
    result["series"] = list(SeriesPage.objects.live().public().filter(locale=locale)
                            .order_by("title").values_list("slug", "title"))
    return result


def cards(queryset):
    return queryset.select_related("series").defer_streamfields()


class ArticleListing(Listing):
    model = ArticlePage
    declared = DECLARED
    build_index = staticmethod(build)
    public = staticmethod(public_articles)
    labels = staticmethod(labels)
    cards = staticmethod(cards)
