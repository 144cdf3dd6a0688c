"""Admin: issues as translatable snippets, with drafting, preview, test send and send."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import Issue


class IssueViewSet(SnippetViewSet):
    model = Issue
    icon = "mail"
    menu_label = _("Newsletter issues")
    add_to_admin_menu = True
    list_display = ["subject", "locale", "status", "sent_at"]
    list_filter = ["status", "locale"]


register_snippet(IssueViewSet)


@hooks.register("register_admin_urls")
def urls():
    return [
        path("newsletter/", admin_views.dashboard, name="newsletter_dashboard"),
        path("newsletter/draft/", admin_views.draft, name="newsletter_draft"),
        path("newsletter/<int:pk>/preview/", admin_views.preview, name="newsletter_preview"),
        path("newsletter/<int:pk>/test/", admin_views.test_send, name="newsletter_test"),
        path("newsletter/<int:pk>/send/", admin_views.send, name="newsletter_send"),
    ]


@hooks.register("register_admin_menu_item")
def menu_item():
    return MenuItem(_("Send the newsletter"), reverse("newsletter_dashboard"), icon_name="mail",
                    order=710)
