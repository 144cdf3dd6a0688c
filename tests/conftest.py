"""Shared fixtures: the two-language site tree and the reference taxonomy."""

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale, Page, Site

from hub.demo import publish, publish_translation
from hub.reference_data import load_reference_data

from .factories import HomePageFactory, UserFactory, section_in_both_languages


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
def warm_query_count(client):
    """How many queries a page costs once the caches are warm: ``warm_query_count(url)`` empties
    the cache, requests ``url`` once to fill it, and counts the queries of the second request."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(url):
        cache.clear()
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        return len(queries)

    return count


@pytest.fixture
def locales(db):
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "ar")}


@pytest.fixture
def home_pages(locales):
    """English home page as the default site's root, and its published Arabic translation."""
    # After a transactional test has flushed the database, Wagtail's root node may be gone, and
    # the content types were created again with other ids than the ones Django cached.
    root = Page.get_first_root_node()
    if root is None:
        ContentType.objects.clear_cache()
        root = Page.add_root(title="Root", slug="root", locale=locales["en"])
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


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The reference taxonomy is loaded once into the test database, which every test's
    transaction then rolls back to: loading it took about a second a test."""
    with django_db_blocker.unblock():
        load_reference_data()


@pytest.fixture
def taxonomy(locales):
    """The reference taxonomy; loaded again only after a transactional test emptied the
    database."""
    from hub.models import Objective

    if not Objective.objects.exists():
        load_reference_data()


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

    index = PracticeIndexPage(title="Repository of practices", slug="practices", show_in_menus=True)
    return section_in_both_languages(home_pages, index, "مستودع الممارسات")


@pytest.fixture
def country_indexes(home_pages, taxonomy):
    """The country index in English and Arabic, both live."""
    from countries.models import CountryIndexPage

    index = CountryIndexPage(title="Countries", slug="countries", show_in_menus=True)
    return section_in_both_languages(home_pages, index, "البلدان")


TRANSACTIONAL_FIXTURES = {"transactional_db", "live_server", "django_db_reset_sequences"}


def is_transactional(item):
    """As pytest-django orders tests: such a test empties the database when it ends, migration
    data included (the root collection, the groups' permissions, the site)."""
    from django.test import TestCase, TransactionTestCase
    from pytest_django.plugin import validate_django_db

    test_class = getattr(item, "cls", None)
    if test_class and issubclass(test_class, TransactionTestCase):
        return not issubclass(test_class, TestCase)
    marker = item.get_closest_marker("django_db")
    if marker:
        transaction, reset_sequences, *_options = validate_django_db(marker)
        if transaction or reset_sequences:
            return True
    return bool(TRANSACTIONAL_FIXTURES & set(getattr(item, "fixturenames", ())))


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Marks every transactional test ``transactional``: `make test` runs the others in parallel
    processes and these after them in one, because pytest-xdist does not keep pytest-django's
    order (transactional tests last), and a test after an emptied database would lose its data.

    Engine tests need a server: skip them, visibly, unless ELASTICSEARCH_URL /
    OPENSEARCH_URL is set (`make engine` starts an OpenSearch node, see engine/)."""
    import os

    for item in items:
        if is_transactional(item):
            item.add_marker(pytest.mark.transactional)

    needs = {
        "elasticsearch": ("ELASTICSEARCH_URL", "a reachable Elasticsearch cluster"),
        "opensearch": ("OPENSEARCH_URL", "a reachable OpenSearch node (make engine)"),
    }
    for marker, (variable, what) in needs.items():
        if os.environ.get(variable):
            continue
        skip = pytest.mark.skip(reason=f"needs {what}: set {variable}")
        for item in items:
            if item.get_closest_marker(marker):
                item.add_marker(skip)


@pytest.fixture(scope="session")
def engine_indexes():
    """With OPENSEARCH_URL set, the test indexes, created afresh once per run with the hub's
    mappings (as `update_index` would); None on the database backends."""
    from django.conf import settings
    from wagtail.search.backends import get_search_backend
    from wagtail.search.index import get_indexed_models

    if not settings.OPENSEARCH_URL:
        return None
    backend = get_search_backend()
    indexes = {}
    for model in get_indexed_models():
        indexes.setdefault(backend.get_index_for_model(model).name, []).append(model)
    # Every index of an earlier run, aliased ones too (update_index rebuilds behind aliases).
    backend.es.indices.delete(index=f"{backend.index_prefix}*", ignore_unavailable=True)
    for name, models in indexes.items():
        index = backend.index_class(backend, name)
        index.put()
        for model in models:
            index.add_model(model)
    return backend, list(indexes)


@pytest.fixture(autouse=True)
def empty_engine_indexes(request):
    """Each test starts with empty engine indexes: the database rolls back, the engine does
    not, and a page id may be used again by the next test."""
    from django.conf import settings

    if not getattr(settings, "OPENSEARCH_URL", None):
        yield
        return
    backend, names = request.getfixturevalue("engine_indexes")
    backend.es.delete_by_query(index=",".join(names), body={"query": {"match_all": {}}},
                               refresh=True, conflicts="proceed")
    yield
