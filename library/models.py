"""The document library, /<lang>/library/: one page per document (its permanent address), the
English and Arabic versions of a document being translations of one page, each with the file in
its language. The text of a PDF is extracted in the background (``extraction.py``) and indexed
with the page, so site search finds a phrase that only the document contains."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from hub.declarations import indexed, names
from hub.models import Objective, objectives_by_number, term_link
from hub.pages import HubPage, SectionPage, to_view


class DocumentType(models.TextChoices):
    RESOLUTION = "resolution", pgettext_lazy("type of document", "Resolution")
    REPORT = "report", pgettext_lazy("type of document", "Report")
    GUIDANCE = "guidance", pgettext_lazy("type of document", "Guidance")
    TOOL = "tool", pgettext_lazy("type of document", "Tool")
    TEMPLATE = "template", pgettext_lazy("type of document", "Template")
    PRESENTATION = "presentation", pgettext_lazy("type of document", "Presentation")


class LibraryIndexPage(RoutablePageMixin, SectionPage):
    """The library of one language: a faceted listing with counts, like the repository."""

    parent_page_types = ["home.HomePage"]

    Meta = names(_("document library"))

    listing = path("", name="listing")(to_view("library.views.serve_listing"))


class LibraryDocumentPage(HubPage):
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("file"), on_delete=models.PROTECT,
        related_name="+", help_text=_("The file in this page's language."))
    document_type = models.CharField(_("type of document"), max_length=20,
                                     choices=DocumentType.choices)
    symbol = models.CharField(_("symbol"), max_length=60, blank=True,
                              help_text=_("The UN document symbol, e.g. A/RES/73/195."))
    year = models.PositiveSmallIntegerField(_("year"))
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    region = models.ForeignKey("hub.Region", verbose_name=_("region"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    full_text = models.TextField(_("text of the document"), blank=True, editable=False,
                                 help_text=_("Extracted from the PDF after publishing."))

    parent_page_types = ["library.LibraryIndexPage"]

    content_panels = HubPage.content_panels + [
        "document", "document_type", "symbol",
        "year", "publisher", "summary",
        "region", InlinePanel("library_objectives", label=_("GCM objectives")),
    ]
    search_fields = HubPage.search_fields + indexed(
        "symbol", "summary", "full_text", filters=("document_type", "year"))

    Meta = names(_("library document"), _("library documents"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["objectives"] = objectives_by_number(self.library_objectives)
        context["download_label"] = _("Download the document")
        return context


LibraryObjective = term_link(LibraryDocumentPage, "LibraryObjective", "objective", Objective,
                             _("GCM objective"), "library", module=__name__)
