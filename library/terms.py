"""The library listing's facets (registered with the ``hub_facets`` hook)."""

from django.utils.translation import gettext_lazy as _

from hub.models import Objective, Region
from hub.registry import Facet

from .models import DocumentType, LibraryObjective

OWNER = "library.librarydocumentpage"

# A facet's ``relation``: where the listing's index finds its key (see ``card_listing``).
FACETS = (
    Facet("type", _("Type of document"), OWNER, "choice", choices=DocumentType,
          relation="document_type"),
    Facet("objective", _("GCM objective"), OWNER, "number", Objective, "short_title",
          relation=(LibraryObjective, "objective__number")),
    Facet("region", _("Region"), OWNER, "slug", Region, relation="region__slug"),
)
