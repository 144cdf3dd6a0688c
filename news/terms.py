"""The news listing's facets (registered with the ``hub_facets`` hook)."""

from django.utils.translation import gettext_lazy as _

from hub.models import Objective
from hub.registry import Facet

from .models import ArticleType

OWNER = "news.articlepage"

FACETS = (
    Facet("type", _("Type of article"), OWNER, "choice", choices=ArticleType),
    Facet("series", _("Series"), OWNER, "slug"),
    Facet("objective", _("GCM objective"), OWNER, "number", Objective, "short_title"),
)
