from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField

from hub.declarations import indexed, names
from hub.models import Objective
from hub.pages import HubPage
from hub.structure import sections_of

from .blocks import BaseStreamBlock


class HomePage(HubPage):
    """The root of one language's tree: ``/en/`` and ``/ar/`` are translations of each other."""

    lead = models.TextField(
        _("lead"), blank=True, help_text=_("One or two sentences under the title.")
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["wagtailcore.Page"]
    # One home page per language, each the root of its language's tree.
    max_count = len(settings.LANGUAGES)

    content_panels = HubPage.content_panels + ["lead", "body"]
    search_fields = HubPage.search_fields + indexed("lead", "body")

    Meta = names(_("home page"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = [page for page in sections_of(self, request) if page.show_in_menus]
        context["objectives"] = Objective.objects.filter(locale_id=self.locale_id)
        return context
