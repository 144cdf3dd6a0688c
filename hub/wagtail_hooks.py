"""Admin registration of the shared taxonomy, grouped under one "Taxonomy" menu."""

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import TAXONOMY, FooterLink, NumberedTerm

ICONS = {"objective": "pick", "guidingprinciple": "success", "thematicarea": "folder-open-inverse",
         "sustainabledevelopmentgoal": "globe", "region": "site", "stakeholdertype": "group"}


class NumberedTermViewSet(SnippetViewSet):
    list_display = ["number", "title"]
    list_filter = ["locale"]
    ordering = ["number"]
    search_fields = ["title"]


class SluggedTermViewSet(SnippetViewSet):
    list_display = ["title", "slug"]
    list_filter = ["locale"]


def term_viewset(model):
    """The admin view of one kind of term, by its key (number or slug); the objectives also
    list their short title."""
    base = NumberedTermViewSet if issubclass(model, NumberedTerm) else SluggedTermViewSet
    attrs = {"model": model, "icon": ICONS[model._meta.model_name]}
    if any(field.name == "short_title" for field in model._meta.fields):
        attrs["list_display"] = ["number", "short_title", "title"]
    return type(f"{model.__name__}ViewSet", (base,), attrs)


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomy")
    menu_icon = "tag"
    menu_order = 250
    items = tuple(term_viewset(model) for model in TAXONOMY)


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
