"""Two languages: prefixed URLs, Accept-Language redirect, direction, language switcher."""

import pytest
from bs4 import BeautifulSoup

from .factories import HomePageFactory

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("ar,en;q=0.5", "/ar/"), ("en-GB,en;q=0.9", "/en/"), ("", "/en/"), ("fr-FR", "/en/")],
)
def test_root_redirects_by_accept_language(client, home_pages, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_english_home_is_left_to_right(client, home_pages):
    response = client.get("/en/")
    assert response.status_code == 200
    html = soup(response).html
    assert (html["lang"], html["dir"]) == ("en", "ltr")


def test_arabic_home_is_right_to_left_with_arabic_labels(client, home_pages):
    response = client.get("/ar/")
    assert response.status_code == 200
    document = soup(response)
    assert (document.html["lang"], document.html["dir"]) == ("ar", "rtl")
    main_nav = document.select_one("nav.main-nav")
    assert main_nav["aria-label"] == "القائمة الرئيسية"
    assert main_nav.select_one("a").get_text(strip=True) == "الرئيسية"
    assert document.select_one(".skip-link").get_text(strip=True) == "تخطي إلى المحتوى الرئيسي"
    assert document.select_one("h1").get_text(strip=True) == "مركز المعارف"


def test_switcher_links_to_translation_of_current_page(client, home_pages):
    section = HomePageFactory.build(title="About", slug="about")
    # A plain child page under the English home, translated to Arabic.
    from hub.demo import publish, publish_translation

    home = home_pages["en"]
    home.add_child(instance=section)
    publish(section)
    publish_translation(section, "ar", title="حول")
    document = soup(client.get("/en/about/"))
    link = document.select_one('[data-language-switch="ar"]')
    assert link["href"] == "/ar/about/"
    assert soup(client.get("/ar/about/")).select_one('[data-language-switch="en"]')["href"] == (
        "/en/about/"
    )


def test_switcher_falls_back_to_other_home_without_translation(client, home_pages):
    from hub.demo import publish

    section = HomePageFactory.build(title="English only", slug="english-only")
    home_pages["en"].add_child(instance=section)
    publish(section)
    document = soup(client.get("/en/english-only/"))
    assert document.select_one('[data-language-switch="ar"]')["href"] == "/ar/"


def test_switcher_on_non_page_view_keeps_the_path(client, home_pages):
    document = soup(client.get("/ar/search/?q=x"))
    assert document.select_one('[data-language-switch="en"]')["href"] == "/en/search/?q=x"


def test_hreflang_alternates(client, home_pages):
    document = soup(client.get("/en/"))
    alternates = {link["hreflang"] for link in document.select('link[rel="alternate"]')}
    assert alternates == {"en", "ar"}


def test_404_is_translated(client, home_pages):
    response = client.get("/ar/no-such-page/")
    assert response.status_code == 404
    document = soup(response)
    assert document.html["dir"] == "rtl"
    assert document.select_one("h1").get_text(strip=True) == "الصفحة غير موجودة"
    assert client.get("/en/no-such-page/").status_code == 404


def test_500_page_renders_in_the_language_of_the_url(rf):
    from hub.views import server_error

    response = server_error(rf.get("/ar/broken/"))
    assert response.status_code == 500
    document = BeautifulSoup(response.content.decode(), "html.parser")
    assert document.html["dir"] == "rtl"
    assert document.select_one("h1").get_text(strip=True) == "حدث خطأ ما"
