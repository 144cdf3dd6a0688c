from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("outbox/", views.undelivered, name="outbox_undelivered"),
        path("outbox/<int:pk>/retry/", views.retry, name="outbox_retry"),
    ]


class UndeliveredMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_manage(request.user)


@hooks.register("register_settings_menu_item")
def register_menu_item():
    return UndeliveredMenuItem(
        _("Undelivered e-mails"), reverse("outbox_undelivered"), icon_name="mail", order=900
    )
