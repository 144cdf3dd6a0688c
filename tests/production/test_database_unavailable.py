"""The database cannot be reached (restarted, failed over): the visitor gets the translated 503
page, never a stack trace, and the next request after it is back connects again."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client

UNREACHABLE = {"sqlite": "/nonexistent-directory/hub.sqlite3", "postgresql": "hub_no_such_database"}


@pytest.fixture
def database_down(django_db_blocker, monkeypatch):
    """The default connection pointed at a database that does not exist, for one test.

    The test database's own connection is set aside, not closed (closing SQLite's in-memory
    test database would destroy it), and put back afterwards."""
    with django_db_blocker.unblock():
        connection.ensure_connection()
        kept = connection.connection
        connection.connection = None
        monkeypatch.setitem(connection.settings_dict, "NAME", UNREACHABLE[connection.vendor])
        try:
            yield
        finally:
            monkeypatch.undo()
            if connection.connection is not None:
                connection.connection.close()
            connection.connection = kept


@pytest.mark.parametrize(("path", "lang", "direction", "heading"), [
    ("/ar/practices/", "ar", "rtl", "المركز غير متاح مؤقتًا"),
    ("/en/practices/", "en", "ltr", "The hub is briefly unavailable"),
])
def test_a_lost_database_gives_the_translated_503_page(database_down, settings, path, lang,
                                                      direction, heading):
    settings.HUB_PAGE_CACHE = False
    response = Client(raise_request_exception=False).get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response["Cache-Control"] == "no-store"
    document = BeautifulSoup(response.content.decode(), "html.parser")
    assert (document.html["lang"], document.html["dir"]) == (lang, direction)
    assert document.select_one("h1").get_text(strip=True) == heading
    assert "Traceback" not in response.content.decode()


def test_other_errors_keep_the_500_page(rf):
    from hub.views import server_error

    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(rf.get("/en/broken/"))
    assert response.status_code == 500
