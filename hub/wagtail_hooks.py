"""Admin registration of the shared taxonomy, grouped under one "Taxonomy" menu."""

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import (
    FooterLink,
    GuidingPrinciple,
    Objective,
    Region,
    StakeholderType,
    SustainableDevelopmentGoal,
    ThematicArea,
)


class NumberedTermViewSet(SnippetViewSet):
    list_display = ["number", "title"]
    list_filter = ["locale"]
    ordering = ["number"]
    search_fields = ["title"]


class ObjectiveViewSet(NumberedTermViewSet):
    model = Objective
    icon = "pick"
    list_display = ["number", "short_title", "title"]


class GuidingPrincipleViewSet(NumberedTermViewSet):
    model = GuidingPrinciple
    icon = "success"


class ThematicAreaViewSet(NumberedTermViewSet):
    model = ThematicArea
    icon = "folder-open-inverse"


class SustainableDevelopmentGoalViewSet(NumberedTermViewSet):
    model = SustainableDevelopmentGoal
    icon = "globe"


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    list_display = ["title", "slug"]
    list_filter = ["locale"]


class StakeholderTypeViewSet(SnippetViewSet):
    model = StakeholderType
    icon = "group"
    list_display = ["title", "slug"]
    list_filter = ["locale"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomy")
    menu_icon = "tag"
    menu_order = 250
    items = (
        ObjectiveViewSet,
        GuidingPrincipleViewSet,
        ThematicAreaViewSet,
        SustainableDevelopmentGoalViewSet,
        RegionViewSet,
        StakeholderTypeViewSet,
    )


register_snippet(TaxonomyGroup)


@hooks.register("insert_global_admin_js")
def text_direction_follows_content():
    """Let editors type Arabic right-to-left in the admin (wagtail-localize#197)."""
    return format_html('<script src="{}" defer></script>', static("js/admin-dir-auto.js"))


class FooterLinkViewSet(SnippetViewSet):
    model = FooterLink
    icon = "link"
    menu_label = _("Footer links")
    list_display = ["label", "page", "url", "sort_order", "locale"]
    list_filter = ["locale"]


register_snippet(FooterLinkViewSet)
