"""What events contribute to the shared parts of the site (see hub/registry.py)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from hub.registry import SearchType, contribute

contribute(
    search_types=[SearchType("event", _("Events"), ("events.eventindexpage", "events.eventpage"))],
)


@hooks.register("register_admin_urls")
def talk_request_urls():
    from . import admin_views

    return [
        path("talk-requests/", admin_views.talk_requests, name="events_talk_requests"),
        path("talk-requests/<int:pk>/accept/", admin_views.accept_talk,
             name="events_talk_accept"),
        path("talk-requests/<int:pk>/decline/", admin_views.decline_talk,
             name="events_talk_decline"),
    ]


@hooks.register("register_admin_menu_item")
def talk_requests_menu_item():
    return MenuItem(_("GCM Talk requests"), reverse("events_talk_requests"), icon_name="mail",
                    order=705)
