"""The repository listing driven through the Django test client."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError

from hub.models import Objective, Region
from practices.models import PracticePage

from ..factories import make_practice

SECRET = "focal.point@secret.example"


def objective(number, lang="en"):
    return Objective.objects.get(number=number, locale__language_code=lang)


@pytest.fixture
def corpus(practice_indexes, taxonomy):
    en, ar = practice_indexes["en"], practice_indexes["ar"]
    mena = Region.objects.get(slug="middle-east-and-north-africa", locale=en.locale)
    pages = {
        "djibouti": make_practice(en, "Protection along the Djibouti corridor",
                                  [objective(8), objective(15)], countries=["DJ"],
                                  regions=[mena], practice_type="programme",
                                  start_year=2020, end_year=2022, contact_email=SECRET),
        "morocco": make_practice(en, "Social cohesion in Morocco", [objective(15), objective(16)],
                                 countries=["MA"], practice_type="service", start_year=2021,
                                 ongoing=True, contact_email=SECRET),
        "data": make_practice(en, "Migration data portal", [objective(1)], countries=[],
                              is_global=True, practice_type="research", start_year=2015,
                              end_year=2017, implementation_level="global"),
        "draft": make_practice(en, "Unpublished draft", [objective(8)], live=False),
        "ar_only": make_practice(ar, "حماية المهاجرين في جيبوتي", [objective(8, "ar")],
                                 countries=["DJ"], contact_email=SECRET),
    }
    return pages


def body(response):
    """The bytes of a response, streamed (exports) or not."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def titles(response):
    return [p.title for p in response.context["practices"]]


def facet(response, name):
    for item in response.context["facets"]:
        if item["name"] == name:
            return {o["key"]: o["count"] for o in item["options"]}
    raise AssertionError(name)


@pytest.mark.django_db
def test_filters_narrow_and_combine(client, corpus):
    url = "/en/practices/"
    assert sorted(titles(client.get(url))) == sorted(
        ["Protection along the Djibouti corridor", "Social cohesion in Morocco",
         "Migration data portal"])
    assert titles(client.get(url, {"objective": 8})) == ["Protection along the Djibouti corridor"]
    # OR within a facet
    assert len(titles(client.get(url, {"objective": [8, 1]}))) == 2
    # AND across facets
    assert titles(client.get(url, {"objective": 15, "country": "MA"})) == [
        "Social cohesion in Morocco"]
    assert titles(client.get(url, {"objective": 1, "country": "MA"})) == []
    assert titles(client.get(url, {"region": "middle-east-and-north-africa"})) == [
        "Protection along the Djibouti corridor"]
    assert titles(client.get(url, {"type": "research"})) == ["Migration data portal"]
    assert titles(client.get(url, {"level": "global"})) == ["Migration data portal"]
    assert titles(client.get(url, {"year_to": 2016})) == ["Migration data portal"]
    assert "Social cohesion in Morocco" in titles(client.get(url, {"year_from": 2030}))


@pytest.mark.django_db
def test_facet_counts_equal_results(client, corpus):
    url = "/en/practices/"
    params = {"country": "MA"}
    response = client.get(url, params)
    for number, count in facet(response, "objective").items():
        narrowed = client.get(url, {**params, "objective": number})
        assert len(titles(narrowed)) == count, number
    countries = facet(client.get(url, {"objective": 15}), "country")
    assert countries == {"DJ": 1, "MA": 1}


@pytest.mark.django_db
def test_locale_unpublished_and_other_language_note(client, corpus):
    english = client.get("/en/practices/")
    assert "Unpublished draft" not in titles(english)
    assert english.context["other_language_count"] == 1
    arabic = client.get("/ar/practices/", {"objective": 8})
    assert titles(arabic) == ["حماية المهاجرين في جيبوتي"]
    # same numbers, whichever locale's objective rows the practices link to
    assert titles(client.get("/ar/practices/", {"objective": 8, "country": "DJ"})) == [
        "حماية المهاجرين في جيبوتي"]


@pytest.mark.django_db
def test_malformed_parameters_never_fail(client, corpus):
    response = client.get("/en/practices/", {
        "objective": ["x", "-1", "8"], "country": "ZZZ", "sort": "bogus", "page": "abc",
        "year_from": "soon", "region": "../etc", "level": "galactic"})
    assert response.status_code == 200
    assert titles(response) == ["Protection along the Djibouti corridor"]
    assert client.get("/en/practices/", {"page": 999}).status_code == 200


@pytest.mark.django_db
def test_sorting_pagination_and_empty_state(client, corpus, practice_indexes):
    url = "/en/practices/"
    by_title = titles(client.get(url, {"sort": "title"}))
    assert by_title == sorted(by_title)
    newest = titles(client.get(url, {"sort": "newest"}))
    assert titles(client.get(url, {"sort": "oldest"})) == list(reversed(newest))
    for n in range(12):
        make_practice(practice_indexes["en"], f"Extra practice {n}", [objective(3)])
    first, second = client.get(url), client.get(url, {"page": 2})
    assert len(titles(first)) == 12 and len(titles(second)) == 3
    empty = client.get(url, {"objective": 23})
    assert "No practice matches these filters yet." in empty.content.decode()


@pytest.mark.django_db
def test_keyword(client, corpus):
    assert titles(client.get("/en/practices/", {"q": "Morocco"})) == ["Social cohesion in Morocco"]


@pytest.mark.django_db
def test_exports_parse_and_stay_public(client, corpus):
    url = "/en/practices/"
    text = body(client.get(url, {"objective": 15, "format": "csv"})).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert sorted(r["title"] for r in rows) == ["Protection along the Djibouti corridor",
                                                "Social cohesion in Morocco"]
    data = json.loads(body(client.get(url, {"country": "DJ", "format": "json"})))
    assert [r["title"] for r in data["results"]] == ["Protection along the Djibouti corridor"]
    feed = ET.fromstring(client.get("/en/practices/feed/", {"objective": 1}).content)
    entries = feed.findall("{http://www.w3.org/2005/Atom}entry")
    assert [e.find("{http://www.w3.org/2005/Atom}title").text for e in entries] == [
        "Migration data portal"]
    for response in (client.get(url, {"format": "csv"}), client.get(url, {"format": "json"}),
                     client.get("/en/practices/feed/"), client.get(url),
                     client.get(corpus["djibouti"].url), client.get("/ar/practices/"),
                     client.get(corpus["ar_only"].url)):
        assert response.status_code == 200
        assert SECRET not in body(response).decode("utf-8")


@pytest.mark.django_db
def test_detail_links_back_to_filtered_listing(client, corpus):
    response = client.get(corpus["djibouti"].url)
    html = response.content.decode()
    assert 'href="/en/practices/?objective=8"' in html
    assert 'href="/en/practices/?country=DJ"' in html
    assert [p.title for p in response.context["related_practices"]] == [
        "Social cohesion in Morocco"]


@pytest.mark.django_db
def test_detail_shows_every_taxonomy_relation_in_the_editors_order(client, practice_indexes,
                                                                   taxonomy):
    from hub.models import GuidingPrinciple, StakeholderType, SustainableDevelopmentGoal

    en = practice_indexes["en"]
    page = make_practice(
        en, "Full taxonomy", [objective(15), objective(8)], countries=["JO", "DJ"],
        principles=[GuidingPrinciple.objects.get(number=4, locale=en.locale)],
        sdgs=[SustainableDevelopmentGoal.objects.get(number=10, locale=en.locale)],
        regions=[Region.objects.get(slug="middle-east-and-north-africa", locale=en.locale)],
        stakeholders=[StakeholderType.objects.filter(locale=en.locale).first()],
    )
    context = client.get(page.url).context
    assert [o.number for o in context["objectives"]] == [15, 8]
    assert [o.short_title for o in context["objectives"]] == [
        objective(15).short_title, objective(8).short_title]
    assert [(p.number, p.title) for p in context["principles"]] == [
        (4, GuidingPrinciple.objects.get(number=4, locale=en.locale).title)]
    assert [s.number for s in context["sdgs"]] == [10]
    assert [r.slug for r in context["regions"]] == ["middle-east-and-north-africa"]
    assert [s.slug for s in context["stakeholders"]] == [
        StakeholderType.objects.filter(locale=en.locale).first().slug]
    assert [(c.code, c.name) for c in context["countries"]] == [("JO", "Jordan"),
                                                              ("DJ", "Djibouti")]


@pytest.mark.django_db
def test_detail_preview_shows_the_taxonomy_being_edited(practice_indexes, taxonomy):
    from practices.models import PracticeObjective

    page = make_practice(practice_indexes["en"], "Previewed", [objective(8)])
    page.practice_objectives = [PracticeObjective(objective=objective(3))]
    html = page.make_preview_request().content.decode()
    assert 'href="/en/practices/?objective=3"' in html
    assert 'href="/en/practices/?objective=8"' not in html


def build(index, count, start=0):
    objectives = list(Objective.objects.filter(locale=index.locale))
    for n in range(start, start + count):
        make_practice(index, f"Practice {n}", [objectives[n % 23], objectives[(n + 5) % 23]],
                      countries=["MA", "DJ"][: 1 + n % 2], start_year=2000 + n % 20)


def count_queries(client, url, params=None):
    """Queries of a request in the steady state: after a first request has filled the cache
    and built the listing's facet index (see hub/cache.py, practices/facet_index.py)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assert client.get(url, params or {}).status_code == 200
    with CaptureQueriesContext(connection) as context:
        assert client.get(url, params or {}).status_code == 200
    return len(context)


@pytest.mark.django_db
def test_query_counts_constant(client, practice_indexes, taxonomy):
    """Same number of queries at 10 and 200 practices, at most 15 with the site chrome (menu,
    language switcher, alternates, breadcrumbs: one query, see hub/frame.py)."""
    index = practice_indexes["en"]
    params = {"objective": [1, 6], "country": "MA", "q": "Practice"}
    build(index, 10)
    detail = PracticePage.objects.first().url
    small = (count_queries(client, "/en/practices/", params), count_queries(client, detail),
             count_queries(client, "/en/practices/", {"format": "json"}))
    build(index, 190, start=10)
    large = (count_queries(client, "/en/practices/", params), count_queries(client, detail),
             count_queries(client, "/en/practices/", {"format": "json"}))
    print("queries at 10 and 200 practices (listing, detail, json):", small, large)
    assert small == large
    assert max(large) <= 15


@pytest.mark.django_db
def test_validation(practice_indexes, taxonomy):
    page = PracticePage(title="x", summary="y", start_year=2020, end_year=2019)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "end_year" in error.value.message_dict
    page = PracticePage(title="x", summary="y", start_year=1900)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "start_year" in error.value.message_dict
    page = PracticePage(title="x", summary="y", start_year=2020, end_year=2021, ongoing=True)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "ongoing" in error.value.message_dict
    from practices.models import scope_errors

    assert set(scope_errors([], [], False)) == {"__all__", "is_global"}
    assert scope_errors([1], [], True) == {}
