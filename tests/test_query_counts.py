"""Every public page costs at most 15 SQL queries for an anonymous visitor, whatever the amount
of content: the same count with 3 and with 30 practices per language (and more tools, spaces,
topics and replies), in both languages.

Each page is measured twice: right after the cache is emptied (cold: the site structure, the
taxonomy labels and Wagtail's site root paths are rebuilt) and again (warm, the steady state the
limit applies to). The cold count must not grow with content either.

The site search loads result pages per page type (``.specific()``), so its count depends on how
many types appear on a page of results, never on how many results there are; the test content
matches the searched words in practices only.
"""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from discussions.models import Question, Reply, SpaceObjective
from guidance.models import (
    GuidanceIndexPage,
    HandbookPage,
    ObjectivePage,
    ThematicToolObjective,
    ThematicToolPage,
    ToolsIndexPage,
)
from hub.demo import publish, publish_translation
from hub.models import GuidingPrinciple, Objective, Region, StakeholderType
from hub.models import SustainableDevelopmentGoal as SDG
from practices.exports import FEED_ENTRIES
from tests.factories import (
    DiscussionIndexPageFactory,
    DiscussionSpacePageFactory,
    DiscussionTopicPageFactory,
    UserFactory,
    make_practice,
)

LIMIT = 15
SMALL, LARGE = 3, 30
TITLES = {"en": "Labour migration programme", "ar": "برنامج الهجرة"}
SUMMARIES = {"en": "Services for migrants and their families.",
             "ar": "خدمات للمهاجرين وأسرهم."}


def add(parent, page):
    parent.add_child(instance=page)
    return publish(page)


def terms(model, language, count, offset, also=()):
    """``count`` terms of a language from the ``offset``-th on, plus ``also``, no duplicates."""
    rows = list(model.objects.filter(locale__language_code=language))
    chosen = [rows[(offset + i) % len(rows)] for i in range(count)] + list(also)
    return list(dict.fromkeys(chosen))


def add_practices(indexes, count, start):
    objective_8 = {language: Objective.objects.get(locale__language_code=language, number=8)
                   for language in indexes}
    for language, index in indexes.items():
        for n in range(start, start + count):
            make_practice(
                index, f"{TITLES[language]} {n}",
                terms(Objective, language, 3, n, also=[objective_8[language]]),
                countries=["MA", "DJ", "JO"][: 1 + n % 3],
                principles=terms(GuidingPrinciple, language, 2, n),
                sdgs=terms(SDG, language, 2, n),
                regions=terms(Region, language, 1, n, also=[Region.objects.get(
                    locale__language_code=language, slug="middle-east-and-north-africa")]),
                stakeholders=terms(StakeholderType, language, 2, n),
                summary=SUMMARIES[language], start_year=2000 + n % 20,
                slug=f"practice-{language}-{n}",
            )


def add_tools(tools, count, start):
    for n in range(start, start + count):
        tool = ThematicToolPage(title=f"Tool {n}", slug=f"tool-{n}", theme="Theme",
                                summary="Summary.")
        tool.tool_objectives.add(ThematicToolObjective(
            objective=Objective.objects.get(number=8, locale__language_code="en")))
        add(tools, tool)


def add_discussions(site, count, start):
    objectives = list(Objective.objects.filter(locale__language_code="en", number__lt=4))
    now = timezone.now()
    for n in range(start, start + count):
        space = publish(DiscussionSpacePageFactory(parent=site["discussions"], slug=f"s{n}"))
        for objective in objectives:
            SpaceObjective.objects.create(page=space, objective=objective)
        for kind, opens, closes in (("open", -2, 9), ("closed", -9, -1)):
            topic = DiscussionTopicPageFactory(
                parent=site["space"], slug=f"{kind}-{n}", opens_at=now + timedelta(days=opens),
                closes_at=now + timedelta(days=closes))
            publish(topic)
        SpaceObjective.objects.get_or_create(page=site["space"], objective=Objective.objects.get(
            locale__language_code="en", number=n % 23 + 1))
        for question in site["topic"].questions.all():
            parent = Reply.objects.create(question=question, author=UserFactory(), body=f"r{n}")
            Reply.objects.create(question=question, author=UserFactory(), parent=parent,
                                 body=f"answer {n}")


@pytest.fixture
def site(home_pages, taxonomy, practice_indexes, locales):
    guidance = add(home_pages["en"], GuidanceIndexPage(title="Guidance", slug="guidance",
                                                       show_in_menus=True))
    handbook = add(guidance, HandbookPage(title="Handbook", slug="handbook"))
    tools = add(guidance, ToolsIndexPage(title="Tools", slug="tools"))
    objective = add(handbook, ObjectivePage(
        title="Objective 8", slug="objective-8", summary="Save lives.",
        objective=Objective.objects.get(number=8, locale=locales["en"])))
    publish_translation(guidance, "ar", title="الإرشادات")
    publish_translation(handbook, "ar", title="الدليل")
    publish_translation(objective, "ar", title="الهدف 8",
                        objective=Objective.objects.get(number=8, locale=locales["ar"]))
    discussions = publish(DiscussionIndexPageFactory(parent=home_pages["en"]))
    space = publish(DiscussionSpacePageFactory(parent=discussions, slug="forum"))
    topic = DiscussionTopicPageFactory(parent=space, slug="topic",
                                       opens_at=timezone.now() - timedelta(days=1))
    for text in ("What works?", "What should change?"):
        Question.objects.create(page=topic, text=text)
    site = {"tools": tools, "discussions": discussions, "space": space, "topic": publish(topic)}
    add_practices(practice_indexes, SMALL, 0)
    practice = practice_indexes["en"].get_children().first().specific
    arabic = publish_translation(practice, "ar", title="ممارسة مترجمة")
    site["details"] = [practice.url, arabic.url]
    add_tools(tools, SMALL, 0)
    add_discussions(site, SMALL, 0)
    return site


PAGES = [
    "/en/", "/ar/",
    "/en/guidance/handbook/objective-8/", "/ar/guidance/handbook/objective-8/",
    "/en/practices/", "/ar/practices/",
    "/en/practices/?objective=8&region=middle-east-and-north-africa",
    "/en/practices/?objective=8&region=middle-east-and-north-africa&q=migrants",
    "/en/practices/?q=migration&sort=title&page=2",
    "/ar/practices/?champion=yes&objective=8",  # the countries app's filter (hub_facets)
    "/ar/practices/?q=المهاجرين",
    "/en/search/?q=migration", "/ar/search/?q=الهجرة", "/en/search/",
    "/en/discussions/", "/en/discussions/forum/", "/en/discussions/forum/topic/",
    "/en/no-such-page/", "/ar/no-such-page/",
    "/en/practices/feed/", "/ar/practices/feed/", "/en/practices/feed/?objective=8",
]


def measure(client, url):
    """(cold, warm) query counts of one anonymous request."""
    cache.clear()
    ContentType.objects.clear_cache()
    with CaptureQueriesContext(connection) as cold:
        response = client.get(url)
    assert response.status_code == (404 if "no-such" in url else 200), url
    with CaptureQueriesContext(connection) as warm:
        client.get(url)
    return len(cold), len(warm)


def assert_budget_holds(client, urls, grow, what):
    """The (cold, warm) query counts of ``urls`` stay the same after ``grow()`` adds content
    (``what``, for the printed table), and no warm page costs more than ``LIMIT``."""
    small = {url: measure(client, url) for url in urls}
    grow()
    large = {url: measure(client, url) for url in urls}
    print("\nqueries (cold, warm) with", SMALL, "and", LARGE, what, "per language:")
    for url in urls:
        print(f"  {url}: {small[url]} {large[url]}")
    assert small == large
    assert {url: warm for url, (_cold, warm) in large.items() if warm > LIMIT} == {}


def test_public_pages_cost_at_most_15_queries_whatever_the_content(client, site,
                                                                   practice_indexes):
    urls = PAGES + site["details"]

    def grow():
        add_practices(practice_indexes, LARGE - SMALL, SMALL)
        add_tools(site["tools"], LARGE - SMALL, SMALL)
        add_discussions(site, LARGE - SMALL, SMALL)

    assert_budget_holds(client, urls, grow, "practices")
    # The counts are of pages that really show the content.
    listing = client.get("/en/practices/?objective=8").context
    assert listing["paginator"].count == LARGE and len(listing["practices"]) == 12
    assert client.get("/ar/practices/?q=المهاجرين").context["paginator"].count == LARGE
    objective = client.get("/en/guidance/handbook/objective-8/").context
    assert len(objective["related_practices"]) == 5 and len(objective["related_tools"]) == LARGE
    search = client.get("/en/search/", {"q": "migration"}).context
    assert search["paginator"].count == LARGE and len(search["items"]) == 10
    topic = client.get("/en/discussions/forum/topic/").content.decode()
    assert topic.count('class="reply"') == 4 * LARGE
    # The feed shows its newest 25 entries, in both languages, for as many practices as there are.
    for url in ("/en/practices/feed/", "/ar/practices/feed/"):
        assert client.get(url).content.decode().count("<entry>") == FEED_ENTRIES < LARGE


def test_site_search_stays_within_15_queries_with_ten_page_types_on_one_page(client, site,
                                                                            home_pages):
    """The search's worst case: every result of the page shown of another page type (each type
    costs one query to load its pages)."""
    from wagtail.models import Page

    english = Page.objects.filter(locale__language_code="en", depth__gt=1)
    pages, kinds = [], set()
    for page in english.specific().order_by("path"):
        if type(page) not in kinds:
            kinds.add(type(page))
            pages.append(page)
    for page in pages:
        page.title = f"{page.title} rendezvous"
        publish(page)
    response = client.get("/en/search/", {"q": "rendezvous"})
    shown = {type(item["page"]) for item in response.context["items"]}
    assert len(shown) >= 10, shown
    cold, warm = measure(client, "/en/search/?q=rendezvous")
    assert warm <= LIMIT
