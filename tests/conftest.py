"""Shared fixtures: the two-language site tree and the reference taxonomy."""

import pytest
from wagtail.models import Locale, Page, Site

from hub.demo import publish, publish_translation
from hub.reference_data import load_reference_data

from .factories import HomePageFactory, UserFactory


def pytest_report_header(config):
    from django.conf import settings

    database = settings.DATABASES["default"]
    return f"database: {database['ENGINE'].rsplit('.', 1)[-1]} {database.get('HOST') or ''}".strip()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: a rolled-back database sends no signal that would
    make the hub forget what it cached (hub/cache.py)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def locales(db):
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "ar")}


@pytest.fixture
def home_pages(locales):
    """English home page as the default site's root, and its published Arabic translation."""
    # After a transactional test has flushed the database, Wagtail's root node may be gone.
    root = Page.get_first_root_node() or Page.add_root(
        title="Root", slug="root", locale=locales["en"]
    )
    for placeholder in root.get_children():
        placeholder.slug = f"placeholder-{placeholder.pk}"
        placeholder.save(update_fields=["slug"])
    home = HomePageFactory(parent=root, locale=locales["en"])
    publish(home)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Hub"},
    )
    arabic = publish_translation(home, "ar", title="مركز المعارف", lead="الإرشادات والممارسات")
    return {"en": home, "ar": arabic}


@pytest.fixture
def taxonomy(locales):
    return load_reference_data()


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def editor(db):
    return UserFactory(groups=["Editors"])


@pytest.fixture
def moderator(db):
    return UserFactory(groups=["Moderators"])


@pytest.fixture
def practice_indexes(home_pages):
    """The repository page in English and its Arabic translation, both live."""
    from practices.models import PracticeIndexPage

    index = PracticeIndexPage(title="Repository of practices", slug="practices",
                              show_in_menus=True)
    home_pages["en"].add_child(instance=index)
    publish(index)
    arabic = publish_translation(index, "ar", title="مستودع الممارسات")
    return {"en": index, "ar": arabic}

def pytest_collection_modifyitems(config, items):
    """Elasticsearch tests need a cluster: skip them, visibly, unless ELASTICSEARCH_URL is set."""
    import os

    if os.environ.get("ELASTICSEARCH_URL"):
        return
    skip = pytest.mark.skip(reason="needs a reachable Elasticsearch cluster: set ELASTICSEARCH_URL")
    for item in items:
        if "elasticsearch" in item.keywords:
            item.add_marker(skip)
