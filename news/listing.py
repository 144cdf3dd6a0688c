"""The news listing: the repository's listing service (``practices/listing.py``) with the
articles' facets (type, series, objective), newest first by the article's date."""

from practices.listing import card_listing

from .models import ArticlePage, SeriesPage
from .terms import FACETS


class ArticleListing(card_listing(
        ArticlePage, FACETS, order=("-date", "-pk"), year="date__year",
        cards=lambda queryset: queryset.select_related("series").defer_streamfields())):
    @classmethod
    def labels(cls, locale):
        """The taxonomy's labels and the language's live series, by title (one query)."""
        result = super().labels(locale)
        result["series"] = list(SeriesPage.objects.live().public().filter(locale=locale)
                                .order_by("title").values_list("slug", "title"))
        return result
