"""The library listing's facets (registered with the ``hub_facets`` hook)."""

from django.utils.translation import gettext_lazy as _

from hub.models import Objective, Region
from hub.registry import Facet

from .models import DocumentType

OWNER = "library.librarydocumentpage"

FACETS = (
    Facet("type", _("Type of document"), OWNER, "choice", choices=DocumentType),
    Facet("objective", _("GCM objective"), OWNER, "number", Objective, "short_title"),
    Facet("region", _("Region"), OWNER, "slug", Region),
)
