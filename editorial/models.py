"""Pages an editor of the secretariat places anywhere in the tree ("About the Network", the
Migration MPTF, contact, statements…)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import MultiFieldPanel
from wagtail.fields import StreamField

from home.blocks import AnchoredBody
from hub.declarations import indexed, names
from hub.pages import HubPage

from .blocks import EditorialStreamBlock


class StandardPage(AnchoredBody, HubPage):
    """A page of blocks, with an optional table of contents and the date it was last reviewed.

    Allowed under every hub page that has children (``hub_anywhere_page_types``)."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(EditorialStreamBlock(), verbose_name=_("body"), blank=True)
    show_table_of_contents = models.BooleanField(
        _("show a table of contents"), default=False,
        help_text=_("Lists the page's headings at the top."))
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    share_image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("share image"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("Shown when the page is shared on social media (1200 × 630)."))

    subpage_types = ["editorial.StandardPage"]

    content_panels = HubPage.content_panels + [
        "intro", "body",
        MultiFieldPanel(["show_table_of_contents", "last_reviewed"],
                        heading=_("Page details")),
    ]
    promote_panels = HubPage.promote_panels + ["share_image"]
    search_fields = HubPage.search_fields + indexed("intro", "body")

    Meta = names(_("standard page"), _("standard pages"))
