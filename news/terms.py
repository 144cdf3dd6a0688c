"""The news listing's facets (registered with the ``hub_facets`` hook)."""

from django.utils.translation import gettext_lazy as _

from hub.models import Objective
from hub.registry import Facet

from .models import ArticleObjective, ArticleType

OWNER = "news.articlepage"

# A facet's ``relation``: where the listing's index finds its key (see ``card_listing``).
FACETS = (
    Facet("type", _("Type of article"), OWNER, "choice", choices=ArticleType,
          relation="article_type"),
    Facet("series", _("Series"), OWNER, "slug", relation="series__slug"),
    Facet("objective", _("GCM objective"), OWNER, "number", Objective, "short_title",
          relation=(ArticleObjective, "objective__number")),
)
