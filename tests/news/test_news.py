"""News and blog: the listing's filters (type, series, objective) with counts, the Atom feed,
the series page, related practices by shared objectives, both languages, a fixed number of
queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hub.demo import publish, publish_translation
from hub.models import Objective, objective_links
from news.models import ArticleObjective, ArticlePage, NewsIndexPage, SeriesPage
from tests.factories import make_practice, section_in_both_languages


@pytest.fixture
def news(home_pages, taxonomy):
    indexes = section_in_both_languages(
        home_pages, NewsIndexPage(title="News and blog", slug="news"), "الأخبار والمدونة")
    series = SeriesPage(title="Civil society voices", slug="voices")
    indexes["en"].add_child(instance=series)
    publish(series)
    return {**indexes, "series": series}


def article(index, slug, *, kind="news", series=None, objectives=(), date=(2026, 1, 1)):
    page = ArticlePage(title=f"Article {slug}", slug=slug, article_type=kind, series=series,
                       summary=f"Summary of {slug} <b>bold?</b>", date=datetime.date(*date))
    index.add_child(instance=page)
    page.article_objectives = objective_links(ArticleObjective, page, objectives)
    return publish(page)


@pytest.mark.django_db
def test_listing_filters_by_type_series_and_objective(client, news):
    article(news["en"], "a", kind="news", objectives=(1,), date=(2026, 2, 1))
    article(news["en"], "b", kind="blog", series=news["series"], objectives=(1, 2))
    article(news["en"], "c", kind="statement", objectives=(3,), date=(2025, 5, 5))
    response = client.get("/en/news/")
    assert response.context["paginator"].count == 3
    titles = [page.title for page in response.context["page_obj"].object_list]
    assert titles == ["Article a", "Article b", "Article c"]  # newest first by date
    response = client.get("/en/news/", {"series": "voices"})
    assert [p.slug for p in response.context["page_obj"].object_list] == ["b"]
    response = client.get("/en/news/", {"objective": "1", "type": "news"})
    assert [p.slug for p in response.context["page_obj"].object_list] == ["a"]
    counts = {f["name"]: {o["key"]: o["count"] for o in f["options"]}
              for f in response.context["facets"]}
    assert counts["type"] == {"news": 1, "blog": 1, "statement": 0, "press-release": 0}
    assert counts["series"] == {"voices": 0}
    # Only the articles' own facets: none that other apps declare for practices.
    assert set(counts) == {"type", "series", "objective"}
    html = response.content.decode()
    assert "Civil society voices" in html and "1 article" in html
    assert client.get("/en/news/", {"series": "../x", "objective": "abc"}).status_code == 200


@pytest.mark.django_db
def test_feed_is_text_and_follows_the_filters(client, news):
    article(news["en"], "a", kind="news")
    article(news["en"], "b", kind="blog")
    response = client.get("/en/news/feed/", {"type": "blog"})
    assert response["Content-Type"].startswith("application/atom+xml")
    xml = response.content.decode()
    assert "Article b" in xml and "Article a" not in xml
    assert "<b>" not in xml  # summaries are sent as text, escaped


@pytest.mark.django_db
def test_series_page_lists_its_articles(client, news):
    article(news["en"], "in", kind="blog", series=news["series"])
    article(news["en"], "out", kind="blog")
    html = client.get("/en/news/voices/").content.decode()
    assert "Article in" in html and "Article out" not in html


@pytest.mark.django_db
def test_article_shows_practices_sharing_its_objectives(client, news, practice_indexes):
    english = practice_indexes["en"].locale
    make_practice(practice_indexes["en"], "Labour corridors",
                  Objective.objects.filter(locale=english, number=6))
    make_practice(practice_indexes["en"], "Data for policy",
                  Objective.objects.filter(locale=english, number=1))
    article(news["en"], "recruitment", objectives=(6,))
    html = client.get("/en/news/recruitment/").content.decode()
    assert "Related practices and tools" in html
    assert "Labour corridors" in html and "Data for policy" not in html


@pytest.mark.django_db
def test_arabic_article_and_listing(client, news):
    page = article(news["en"], "a", objectives=(23,))
    publish_translation(page, "ar", title="مقال بالعربية", summary="ملخص")
    html = client.get("/ar/news/").content.decode()
    assert "مقال بالعربية" in html
    html = client.get("/ar/news/a/").content.decode()
    assert "مقال بالعربية" in html and "يناير" in html


@pytest.mark.django_db
def test_listing_costs_a_fixed_number_of_queries(client, news):
    def count():
        client.get("/en/news/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/en/news/").status_code == 200
        return len(queries)

    for n in range(3):
        article(news["en"], f"s{n}", series=news["series"])
    small = count()
    for n in range(15):
        article(news["en"], f"l{n}", series=news["series"], kind="blog")
    assert count() == small <= 15


@pytest.mark.django_db
def test_home_page_block_shows_the_latest_articles(client, news, home_pages):
    for n, date in enumerate(((2026, 1, 1), (2026, 3, 1), (2025, 1, 1))):
        article(news["en"], f"n{n}", date=date)
    home = home_pages["en"]
    home.body.append(("latest_items", {"title": "Latest news", "section": news["en"],
                                       "count": 2}))
    publish(home)
    html = client.get("/en/").content.decode()
    assert "Latest news" in html
    assert html.index("Article n1") < html.index("Article n0") and "Article n2" not in html


@pytest.mark.django_db
def test_home_page_counts_what_each_section_holds(client, news, home_pages, practice_indexes):
    english = practice_indexes["en"].locale
    for title in ("One", "Two"):
        make_practice(practice_indexes["en"], title, Objective.objects.filter(
            locale=english, number=1))
    make_practice(practice_indexes["en"], "Draft", [], live=False)
    article(news["en"], "a")
    home = home_pages["en"]
    home.body.append(("section_counts", {"title": "The hub in numbers", "items": [
        {"label": "practices", "section": practice_indexes["en"]},
        {"label": "articles", "section": news["en"]}]}))
    publish(home)
    html = client.get("/en/").content.decode()
    assert "The hub in numbers" in html
    assert '<strong class="section-counts__number">2</strong> practices' in html
    # The news index counts its articles, not the series page beside them.
    assert '<strong class="section-counts__number">1</strong> articles' in html
