from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_roles(sender, using="default", apps=None, **kwargs):
    from django.contrib.auth.management import create_permissions

    from .roles import ensure_roles

    # Our handler may run before auth's for this app: create the hub's permissions first.
    create_permissions(sender, verbosity=0, using=using)
    ensure_roles()


class HubConfig(AppConfig):
    name = "hub"
    verbose_name = _("GCM Knowledge Hub")

    def ready(self):
        from . import cache, page_cache

        cache.connect_signals()
        page_cache.connect_signals()
        post_migrate.connect(_ensure_roles, sender=self, dispatch_uid="hub-ensure-roles")
