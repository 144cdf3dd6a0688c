"""The guidance pages through the Django test client."""

import re
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from guidance.models import GuidePage
from hub.demo import publish, publish_translation
from hub.models import Objective
from practices.models import PracticeIndexPage, PracticeObjective, PracticePage

from .conftest import add

pytestmark = pytest.mark.django_db

PDF = (Path(__file__).parent / "sample.pdf").read_bytes()


def practice(index, title, numbers, locale, live=True):
    page = PracticePage(title=title, slug=title.lower().replace(" ", "-"), summary="A practice.")
    for number in numbers:
        page.practice_objectives.add(
            PracticeObjective(objective=Objective.objects.get(number=number, locale=locale))
        )
    index.add_child(instance=page)
    if live:
        publish(page)
    else:
        page.live = False
        page.save_revision()
        type(page).objects.filter(pk=page.pk).update(live=False)
    return page


def document(title):
    doc = Document(title=title)
    doc.file.save(f"{title.lower().replace(' ', '-')}.pdf", ContentFile(PDF), save=False)
    doc.save()
    return doc


def test_guidance_urls_answer(client, make_objective_page, make_tool):
    make_objective_page(1)
    make_tool("alternatives-to-detention", [1])
    for url in ("/en/guidance/", "/en/guidance/guide/", "/en/guidance/handbook/",
                "/en/guidance/handbook/objective-1/", "/en/guidance/tools/",
                "/en/guidance/tools/alternatives-to-detention/"):
        assert client.get(url).status_code == 200, url


def test_handbook_groups_objectives_by_area(client, make_objective_page):
    make_objective_page(2)
    html = client.get("/en/guidance/handbook/").content.decode()
    assert html.count('class="handbook-area"') == 5
    # An objective may belong to several areas; every one of the 23 is listed.
    assert {int(n) for n in re.findall(r'<li value="(\d+)">', html)} == set(range(1, 24))
    assert 'href="/en/guidance/handbook/objective-2/"' in html


def test_table_of_contents_anchors_match_headings(client, guidance):
    guide = GuidePage.objects.get(pk=guidance["guide"].pk)
    guide.body = [
        ("heading", {"text": "Overview of the Compact", "level": "h2"}),
        ("paragraph", "<p>Text.</p>"),
        ("heading", {"text": "خطط التنفيذ الوطنية", "level": "h2"}),
        ("heading", {"text": "Follow-up and review", "level": "h3"}),
        ("heading", {"text": "Follow-up and review", "level": "h3"}),
    ]
    publish(guide)
    toc = guide.table_of_contents()
    assert [text for _anchor, text, _level in toc][0] == "Overview of the Compact"
    html = client.get("/en/guidance/guide/").content.decode()
    ids = re.findall(r'<h[234] id="([^"]+)">', html)
    anchors = [anchor for anchor, _text, _level in toc]
    assert all(anchor for anchor in anchors)
    assert len(set(anchors)) == 4  # a repeated heading text still gets its own anchor
    assert anchors[3] == f"{anchors[2]}-2"
    assert ids[1:] == anchors  # after "Contents", each heading with its own anchor
    assert len(set(ids)) == len(ids)
    for anchor in anchors:
        assert f'href="#{anchor}"' in html


def test_objective_page_lists_published_practices_only(
    client, make_objective_page, home_pages, locales
):
    make_objective_page(5)
    repository = add(home_pages["en"], PracticeIndexPage(title="Practices", slug="practices"))
    practice(repository, "Published practice", [5], locales["en"])
    practice(repository, "Draft practice", [5], locales["en"], live=False)
    practice(repository, "Other objective", [6], locales["en"])
    html = client.get("/en/guidance/handbook/objective-5/").content.decode()
    assert "Published practice" in html
    assert "Draft practice" not in html
    assert "Other objective" not in html
    assert 'href="/en/practices/?objective=5"' in html


def test_repository_link_hidden_without_repository(client, make_objective_page):
    make_objective_page(5)
    html = client.get("/en/guidance/handbook/objective-5/").content.decode()
    assert "?objective=5" not in html


def test_previous_next_and_related_tools(client, make_objective_page, make_tool):
    for number in (3, 4, 5):
        make_objective_page(number)
    make_tool("return-and-reintegration", [4, 21], title="Return and reintegration")
    make_tool("access-to-services", [15], title="Access to services")
    html = client.get("/en/guidance/handbook/objective-4/").content.decode()
    assert 'rel="prev" href="/en/guidance/handbook/objective-3/"' in html
    assert 'rel="next" href="/en/guidance/handbook/objective-5/"' in html
    assert "Return and reintegration" in html
    assert "Access to services" not in html
    tool = client.get("/en/guidance/tools/return-and-reintegration/").content.decode()
    assert 'href="/en/guidance/handbook/objective-4/"' in tool


def test_documents_listed_and_downloaded_with_content_type(client, make_objective_page):
    doc = document("Detention guide")
    make_objective_page(13, resources=[("document", {"document": doc, "title": ""})])
    html = client.get("/en/guidance/handbook/objective-13/").content.decode()
    assert "Detention guide" in html and "PDF" in html
    response = client.get(doc.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content if response.streaming else [response.content]) == PDF


@pytest.mark.parametrize("size", [2, 20])
def test_objective_page_queries_do_not_grow(
    size, client, make_objective_page, home_pages, locales, django_assert_max_num_queries
):
    repository = add(home_pages["en"], PracticeIndexPage(title="Practices", slug="practices"))
    for i in range(size):
        practice(repository, f"Practice {i}", [7], locales["en"])
    docs = [document(f"Doc {i}") for i in range(size)]
    make_objective_page(
        7, resources=[("document", {"document": d, "title": ""}) for d in docs]
    )
    client.get("/en/guidance/handbook/objective-7/")  # warm caches (site, locales)
    with django_assert_max_num_queries(15):
        response = client.get("/en/guidance/handbook/objective-7/")
    assert response.content.decode().count("document-link__meta") == size


def test_arabic_objective_page_and_english_fallback(client, guidance, make_objective_page, locales):
    first = make_objective_page(1)
    make_objective_page(2)
    for key in ("index", "handbook"):
        publish_translation(guidance[key], "ar", title="الإرشادات")
    arabic_objective = Objective.objects.get(number=1, locale=locales["ar"])
    publish_translation(first, "ar", title="الهدف 1", summary="ملخص", objective=arabic_objective)
    html = client.get("/ar/guidance/handbook/objective-1/").content.decode()
    assert arabic_objective.title in html
    handbook = client.get("/ar/guidance/handbook/").content.decode()
    assert 'href="/ar/guidance/handbook/objective-1/"' in handbook
    # Objective 2 has no Arabic page yet: linked to English, and said so.
    assert re.search(r'href="/en/guidance/handbook/objective-2/" lang="en" dir="ltr"', handbook)
    assert "(English only)" in handbook or "الإنجليزية فقط" in handbook
