"""Project hygiene: migrations committed, roles in place, page-type rules of the home page."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Page

from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_no_missing_migrations():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_editors_can_publish_pages_and_edit_the_taxonomy():
    editors = Group.objects.get(name="Editors")
    codenames = set(
        GroupPagePermission.objects.filter(group=editors).values_list(
            "permission__codename", flat=True
        )
    )
    assert {"add_page", "change_page", "publish_page"} <= codenames
    assert editors.permissions.filter(codename="change_objective").exists()
    assert Group.objects.filter(name="Moderators").exists()


def test_home_page_lives_only_at_the_root(home_pages):
    assert HomePage.can_create_at(Page.get_first_root_node()) is False  # both languages exist
    assert HomePage.can_exist_under(Page.get_first_root_node())
    assert not HomePage.can_exist_under(home_pages["en"])


def test_demo_content_loads_twice_without_duplicates(locales, settings, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = tmp_path
    call_command("load_demo_content")
    call_command("load_demo_content")
    assert list(tmp_path.iterdir()) == []  # the demo's notifications are not sent out
    assert HomePage.objects.filter(locale__language_code="en").count() == 1
    assert HomePage.objects.filter(locale__language_code="ar", live=True).count() == 1
