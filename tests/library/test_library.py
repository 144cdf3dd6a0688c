"""The document library: a faceted listing with counts, one page per document in each
language, and the text of PDFs found by site search (extracted by a background task, which
the test settings run at once)."""

from pathlib import Path

import pytest
from django.core.files import File
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model

from hub.demo import publish, publish_translation
from hub.models import objective_links
from library.models import (
    DocumentType,
    LibraryDocumentPage,
    LibraryIndexPage,
    LibraryObjective,
)
from tests.factories import section_in_both_languages

FILES = Path(__file__).resolve().parents[2] / "library" / "demo_files"


def document(name, title="File"):
    with (FILES / name).open("rb") as handle:
        return get_document_model().objects.create(title=title, file=File(handle, name=name))


@pytest.fixture
def library(home_pages, taxonomy):
    index = LibraryIndexPage(title="Document library", slug="library")
    return section_in_both_languages(home_pages, index, "مكتبة الوثائق")


def add_document(index, slug, *, file="a-res-73-195-en.pdf", kind=DocumentType.RESOLUTION,
                 year=2018, objectives=(23,), title=None):
    page = LibraryDocumentPage(title=title or f"Document {slug}", slug=slug, year=year,
                               document_type=kind, symbol="A/RES/73/195",
                               document=document(file))
    index.add_child(instance=page)
    page.library_objectives = objective_links(LibraryObjective, page, objectives)
    return publish(page)


@pytest.mark.django_db
def test_a_phrase_only_inside_the_pdf_is_found_by_site_search_in_both_languages(
        client, library, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = add_document(library["en"], "gcm", title="Founding resolution")
        arabic = publish_translation(page, "ar", title="القرار التأسيسي",
                                     document=document("a-res-73-195-ar.pdf"))
    page.refresh_from_db()
    assert "cooperative framework" in page.full_text
    html = client.get("/en/search/", {"q": "cooperative framework"}).content.decode()
    assert "Founding resolution" in html
    arabic.refresh_from_db()
    assert "إطار تعاوني" in arabic.full_text  # letters, not presentation forms
    html = client.get("/ar/search/", {"q": "إطار تعاوني"}).content.decode()
    assert "القرار التأسيسي" in html
    # The phrase is not in the title or the summary: without the PDF's text nothing is found.
    assert "Founding resolution" not in client.get(
        "/en/search/", {"q": "unrelated phrase nowhere"}).content.decode()


@pytest.mark.django_db
def test_a_file_that_is_not_a_readable_pdf_leaves_the_text_empty(
        client, library, django_capture_on_commit_callbacks, tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 this is not a PDF")
    with django_capture_on_commit_callbacks(execute=True):
        with broken.open("rb") as handle:
            doc = get_document_model().objects.create(title="x", file=File(handle, "broken.pdf"))
        page = LibraryDocumentPage(title="Broken", slug="broken", year=2020,
                                   document_type=DocumentType.REPORT, document=doc)
        library["en"].add_child(instance=page)
        publish(page)
    page.refresh_from_db()
    assert page.full_text == ""
    assert client.get("/en/library/broken/").status_code == 200


@pytest.mark.django_db
def test_listing_filters_and_counts(client, library):
    add_document(library["en"], "one", kind=DocumentType.RESOLUTION, objectives=(1, 23))
    add_document(library["en"], "two", kind=DocumentType.REPORT, year=2019, objectives=(23,))
    add_document(library["en"], "three", kind=DocumentType.REPORT, year=2021, objectives=(2,))
    html = client.get("/en/library/", {"type": "report"}).content.decode()
    assert "2 documents" in html
    assert "Document two" in html and "Document three" in html and "Document one" not in html
    response = client.get("/en/library/", {"type": "report", "objective": "23"})
    assert response.context["paginator"].count == 1
    counts = {f["name"]: {o["key"]: o["count"] for o in f["options"]}
              for f in response.context["facets"]}
    assert counts["type"]["resolution"] == 1 and counts["type"]["report"] == 1
    # Disjunctive: the objective counts ignore the objective filter, keep the type filter.
    assert counts["objective"]["2"] == 1
    assert counts["objective"]["23"] == 1 and counts["objective"]["1"] == 0
    # Only the library's own facets: no "champion countries" filter, which the countries app
    # declares for practices (it showed here, and matched nothing).
    assert set(counts) == {"type", "objective", "region"}
    assert 'name="champion"' not in response.content.decode()
    html = client.get("/en/library/", {"year_from": "2020"}).content.decode()
    assert "1 document" in html and "Document three" in html
    assert client.get("/en/library/", {"type": "bogus", "page": "99"}).status_code == 200


@pytest.mark.django_db
def test_arabic_listing_and_document_page(client, library):
    page = add_document(library["en"], "gcm", title="Founding resolution")
    publish_translation(page, "ar", title="القرار التأسيسي", document=document(
        "a-res-73-195-ar.pdf"))
    html = client.get("/ar/library/").content.decode()
    assert "القرار التأسيسي" in html and 'dir="ltr">A/RES/73/195</bdi>' in html
    html = client.get("/ar/library/gcm/").content.decode()
    assert "قرار" in html and ".pdf" in html


@pytest.mark.django_db
def test_listing_costs_a_fixed_number_of_queries(client, library):
    def count():
        client.get("/en/library/")  # warm the caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/en/library/").status_code == 200
        return len(queries)

    for n in range(3):
        add_document(library["en"], f"small-{n}")
    small = count()
    for n in range(15):
        add_document(library["en"], f"large-{n}", kind=DocumentType.REPORT)
    assert count() == small <= 15
