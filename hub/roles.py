"""The editorial roles of the hub, as Django groups with Wagtail permissions.

Wagtail's own migrations create ``Editors`` and ``Moderators`` with page permissions on the root
page. This adds what the hub needs on top: editors publish guidance, maintain the taxonomy and
the footer links and redirects; moderators can edit the taxonomy too. Run after every migrate (see
``HubConfig.ready``), so new models' permissions are granted as soon as they exist.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

from .models import TAXONOMY

TAXONOMY_MODELS = tuple(model._meta.model_name for model in TAXONOMY)

PAGE_PERMISSIONS = {
    "Editors": ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
    "Moderators": ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
    # Reviewers act on practices only through the "Peer review" workflow task, which opens
    # the editor to them; they need admin access but no page permissions of their own.
    "Reviewers": (),
}

MODEL_PERMISSIONS = {
    "Editors": [f"{action}_{model}" for model in TAXONOMY_MODELS for action in ("add", "change")]
    + ["add_footerlink", "change_footerlink", "delete_footerlink"]
    + [f"wagtailredirects.{action}_redirect" for action in ("add", "change", "delete")],
    "Moderators": [f"change_{model}" for model in TAXONOMY_MODELS],
    "Reviewers": [],
}


def ensure_roles():
    root = Page.get_first_root_node()
    access_admin = Permission.objects.filter(codename="access_admin").first()
    if root is None or access_admin is None:
        return  # a flushed test database: Wagtail's initial data is not there to build on
    for name in set(PAGE_PERMISSIONS) | set(MODEL_PERMISSIONS):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        for codename in PAGE_PERMISSIONS.get(name, ()):
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)
        by_app = {}  # "app.codename", or "codename" for the hub's own
        for qualified in MODEL_PERMISSIONS.get(name, ()):
            app_label, _dot, codename = qualified.rpartition(".")
            by_app.setdefault(app_label or "hub", []).append(codename)
        for app_label, codenames in by_app.items():
            if app_label != "hub":  # another app's permissions may not be created yet
                create_permissions(apps.get_app_config(app_label), verbosity=0)
            group.permissions.add(*Permission.objects.filter(
                content_type__app_label=app_label, codename__in=codenames))
