"""The news listing: the repository's listing service (``practices/listing.py``) with the
articles' facets (type, series, objective), newest first by the article's date."""

from practices.facet_index import index_of_cards
from practices.listing import Listing, parse_filters

from .models import ArticleObjective, ArticlePage, SeriesPage
from .terms import FACETS

DECLARED = {facet.name: facet for facet in FACETS}


def parse(params):
    return parse_filters(params, DECLARED)


def build(locale):
    """The in-memory bitset index of a language's public articles (``FacetIndex``)."""
    return index_of_cards(
        ArticlePage, locale, order=("-date", "-pk"), year="date__year",
        columns={"type": "article_type", "series": "series__slug"},
        linked={"objective": (ArticleObjective, "objective__number")})


def cards(queryset):
    return queryset.select_related("series").defer_streamfields()


class ArticleListing(Listing):
    model = ArticlePage
    declared = DECLARED
    build_index = staticmethod(build)
    cards = staticmethod(cards)

    @classmethod
    def labels(cls, locale):
        """The taxonomy's labels and the language's live series, by title (one query)."""
        result = super().labels(locale)
        result["series"] = list(SeriesPage.objects.live().public().filter(locale=locale)
                                .order_by("title").values_list("slug", "title"))
        return result
