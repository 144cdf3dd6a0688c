"""The practice listing on the engine gives the embedded listing's results, order and counts.

The cases are those of tests/practices/test_listing.py (filters alone and combined, OR within a
facet and AND across, years, sorts, pages, keyword and relevance, malformed parameters, both
languages, drafts and private practices), asked of both implementations over the same data:
``listing.Listing`` (the in-memory index, keyword ids from the engine) and
``engine_listing.EngineListing`` (one engine request). Skipped, with the reason shown, when
OPENSEARCH_URL is unset (`make test-engine` runs it).
"""

import pytest
from django.http import QueryDict
from wagtail.models import PageViewRestriction

from hub.models import GuidingPrinciple, Objective, Region, StakeholderType
from practices import engine_listing
from practices.engine_listing import EngineListing
from practices.listing import Listing, declarations, paginate, parse_filters
from practices.models import LISTING_KEYS, PracticePage
from practices.terms import FACETS, TERMS

from ..factories import make_practice

pytestmark = [pytest.mark.opensearch, pytest.mark.django_db]


def objective(number, lang="en"):
    return Objective.objects.get(number=number, locale__language_code=lang)


def term(model, lang="en", **lookup):
    return model.objects.get(locale__language_code=lang, **lookup)


@pytest.fixture
def corpus(practice_indexes, taxonomy):
    """The listing tests' practices, and enough more for pages, ties and every facet."""
    en, ar = practice_indexes["en"], practice_indexes["ar"]
    mena = term(Region, slug="middle-east-and-north-africa")
    make_practice(en, "Protection along the Djibouti corridor", [objective(8), objective(15)],
                  countries=["DJ"], regions=[mena], practice_type="programme",
                  start_year=2020, end_year=2022, summary="Migrants crossing the corridor")
    make_practice(en, "Social cohesion in Morocco", [objective(15), objective(16)],
                  countries=["MA"], practice_type="service", start_year=2021, ongoing=True,
                  summary="Migrants and their neighbours in Moroccan towns")
    make_practice(en, "Migration data portal", [objective(1)], countries=[], is_global=True,
                  practice_type="research", start_year=2015, end_year=2017,
                  implementation_level="global", summary="Open data on migration")
    make_practice(en, "Unpublished draft", [objective(8)], live=False)
    private = make_practice(en, "Private migrants practice", [objective(8)])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    make_practice(ar, "حماية المهاجرين في جيبوتي", [objective(8, "ar")], countries=["DJ"],
                  summary="المهاجرون على طول الممر")
    make_practice(ar, "بيانات الهجرة", [objective(1, "ar")], countries=["JO"],
                  practice_type="research", start_year=2019, summary="بيانات عن الهجرة")
    principle = term(GuidingPrinciple, number=4)
    stakeholder = StakeholderType.objects.filter(locale=en.locale).first()
    for n in range(14):  # pages, title ties, the same keyword at different weights
        make_practice(
            en, f"Extra practice {n % 5}", [objective(3), objective(4 + n % 19)],
            countries=["MA", "DJ", "JO"][: 1 + n % 3],
            principles=[principle] if n % 2 else [], stakeholders=[stakeholder] if n % 3 else [],
            practice_type=["programme", "service"][n % 2], start_year=2010 + n,
            end_year=None if n % 4 else 2010 + n + 2, ongoing=bool(n % 4 == 1),
            summary=" ".join(["migrants"] * (1 + n % 3)) + " support", slug=f"extra-{n}",
        )


CASES = [
    {},
    {"objective": "8"},
    {"objective": ["8", "1"]},
    {"objective": "15", "country": "MA"},
    {"objective": "1", "country": "MA"},
    {"region": "middle-east-and-north-africa"},
    {"type": "research"},
    {"level": "global"},
    {"year_to": "2016"},
    {"year_from": "2030"},
    {"year_from": "2014", "year_to": "2020"},
    {"area": "1"},
    {"area": ["2", "4"], "country": "DJ"},
    {"principle": "4", "type": "service"},
    {"sdg": "10"},
    {"objective": "3", "sort": "title"},
    {"objective": "3", "sort": "oldest"},
    {"sort": "newest", "page": "2"},
    {"page": "999"},
    {"q": "Morocco"},
    {"q": "migrants"},
    {"q": "migrants", "objective": ["3", "8"], "country": ["MA", "DJ"]},
    {"q": "migrants", "sort": "title", "page": "2"},
    {"q": "migrants", "year_from": "2015"},
    {"q": "!!"},
    {"objective": ["x", "-1", "8"], "country": "ZZZ", "sort": "bogus", "page": "abc",
     "year_from": "soon", "region": "../etc", "level": "galactic"},
]
ARABIC_CASES = [{}, {"objective": "8"}, {"objective": "8", "country": "DJ"},
                {"q": "المهاجرين"}, {"q": "الهجرة", "type": "research"}]


def query(params):
    data = QueryDict(mutable=True)
    for key, value in params.items():
        data.setlist(key, value if isinstance(value, list) else [value])
    return data


def answer(listing_class, locale, params):
    """Everything a visitor sees of a listing: the page, its ids in order, every id in order,
    the count, the facet options with their counts, the other-language note."""
    listing = listing_class(locale, parse_filters(query(params)))
    paginator, page = paginate(listing)
    return {
        "page": [practice.pk for practice in page.object_list],
        "page_number": page.number,
        "count": paginator.count,
        "all": list(listing.ordered_ids()[0:None]),
        "options": [(facet["name"], option["key"], option["count"], option["selected"])
                    for facet in listing.options() for option in facet["options"]],
        "other_language": listing.other_language_count,
    }


def test_the_engine_listing_answers_as_the_embedded_one(corpus, practice_indexes):
    for language, cases in (("en", CASES), ("ar", ARABIC_CASES)):
        locale = practice_indexes[language].locale_id
        for params in cases:
            embedded = answer(Listing, locale, params)
            engine = answer(EngineListing, locale, params)
            assert engine == embedded, (language, params)
        # Not vacuous: results, counts, and nothing unpublished or private.
        every = answer(EngineListing, locale, {})
        assert every["count"] == {"en": 17, "ar": 2}[language]
        assert not set(every["all"]) & set(PracticePage.objects.filter(
            title__in=["Unpublished draft", "Private migrants practice"]
        ).values_list("pk", flat=True))
    counts = EngineListing(practice_indexes["en"].locale_id,
                           parse_filters(query({"objective": "15"}))).facet_counts()
    assert counts["country"] == {"DJ": 2, "MA": 2, "JO": 1}
    assert counts["objective"]["3"] == 14  # the chosen facet counts as if it were not chosen


def test_a_facet_another_app_derives_answers_as_on_the_embedded_listing(
        corpus, practice_indexes):
    """The countries app's "champion countries" filter, derived from the country facet."""
    from countries.models import CountryProfile

    CountryProfile.objects.update_or_create(country="MA", defaults={
        "is_champion": True, "champion_since": 2021})
    locale = practice_indexes["en"].locale_id
    for params in ({"champion": "yes"}, {"champion": "yes", "objective": "15"},
                   {"champion": "yes", "q": "migrants", "sort": "title"}):
        embedded = answer(Listing, locale, params)
        assert embedded == answer(EngineListing, locale, params), params
    count = answer(EngineListing, locale, {"champion": "yes"})["count"]
    assert 0 < count < answer(EngineListing, locale, {})["count"]  # not vacuous


def test_a_listing_page_is_one_engine_request_through_the_configured_listing(
        client, corpus, practice_indexes, settings, monkeypatch):
    url = practice_indexes["en"].url
    params = {"q": "migrants", "objective": ["3", "8"], "country": ["MA", "DJ"],
              "year_from": "2012"}
    sent = []
    client_class = type(engine_listing.get_search_backend().es)
    search = client_class.search
    monkeypatch.setattr(client_class, "search",
                        lambda self, *a, **k: sent.append(k) or search(self, *a, **k))
    pages = {}
    for name in ("embedded", "engine"):
        settings.PRACTICE_LISTING = settings.PRACTICE_LISTINGS[name]
        sent.clear()
        response = client.get(url, params)
        assert response.status_code == 200
        pages[name] = ([p.pk for p in response.context["practices"]],
                       [(f["name"], [(o["key"], o["count"]) for o in f["options"]])
                        for f in response.context["facets"]])
    # The engine listing's page: one request with the aggregations of every facet.
    assert len(sent) == 1
    body = sent[0]["body"]
    # Every facet: the repository's own and those other apps derive from them (champions).
    assert set(body["aggs"]) == set(declarations())
    assert set(declarations()) > {facet.name for facet in FACETS}
    assert body["post_filter"] and body["query"]
    assert pages["engine"] == pages["embedded"] and pages["engine"][0]


def test_the_documents_carry_every_facet_of_the_listing():
    declared = {facet.name for facet in FACETS}
    assert set(engine_listing.FIELDS) | {engine_listing.AREA} == declared
    assert {(term.relation, term.attribute, term.key) for term in TERMS} == {
        value for value in LISTING_KEYS.values() if value[1] is not None}
