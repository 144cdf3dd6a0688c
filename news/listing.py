"""The news listing: the repository's listing service (``practices/listing.py``) with the
articles' facets (type, series, objective), newest first by the article's date."""

from practices.facet_index import index_of_cards
from practices.listing import Listing, by_name

from .models import ArticleObjective, ArticlePage, SeriesPage
from .terms import FACETS, OWNER


class ArticleListing(Listing):
    model = ArticlePage
    owner = OWNER
    declared = by_name(FACETS)

    @staticmethod
    def build_index(locale):
        """The in-memory bitset index of a language's public articles (``FacetIndex``)."""
        return index_of_cards(
            ArticlePage, locale, order=("-date", "-pk"), year="date__year",
            columns={"type": "article_type", "series": "series__slug"},
            linked={"objective": (ArticleObjective, "objective__number")})

    @staticmethod
    def cards(queryset):
        return queryset.select_related("series").defer_streamfields()

    @classmethod
    def labels(cls, locale):
        """The taxonomy's labels and the language's live series, by title (one query)."""
        result = super().labels(locale)
        result["series"] = list(SeriesPage.objects.live().public().filter(locale=locale)
                                .order_by("title").values_list("slug", "title"))
        return result
