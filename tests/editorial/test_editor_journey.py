"""What an editor of the Editors group publishes reaches every place a reader looks: a news
article and a library document created in the admin, translated with wagtail-localize, show in
their listings, the feed, the sitemap and site search in both languages; redirects are the
editor's to manage."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from hub.demo import publish, publish_translation
from hub.models import Objective
from library.models import LibraryDocumentPage, LibraryIndexPage
from news.models import ArticlePage, NewsIndexPage

PDF = Path(__file__).resolve().parents[2] / "library" / "demo_files"


@pytest.fixture
def sections(home_pages, taxonomy):
    result = {}
    for model, slug, titles in ((NewsIndexPage, "news", ("News", "الأخبار")),
                                (LibraryIndexPage, "library", ("Library", "المكتبة"))):
        index = model(title=titles[0], slug=slug)
        home_pages["en"].add_child(instance=index)
        publish(index)
        publish_translation(index, "ar", title=titles[1])
        result[slug] = index
    return result


def translate(client, page, locale, **fields):
    """Submit ``page`` for translation in the admin (wagtail-localize), then fill in and
    publish the Arabic version."""
    response = client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [locale.pk]})
    assert response.status_code == 302
    translation = page.get_translation(locale).specific
    for name, value in fields.items():
        setattr(translation, name, value)
    return publish(translation)


@pytest.mark.django_db
def test_editor_publishes_an_article_and_a_document_in_both_languages(
        client, editor, sections, locales, django_capture_on_commit_callbacks):
    client.force_login(editor)
    objective = Objective.objects.get(locale=locales["en"], number=23)
    data = nested_form_data({
        "title": "Arab States meet on the regional review", "slug": "regional-review",
        "date": "2026-11-20", "article_type": "news", "author": "", "organisation": "Network",
        "series": "", "summary": "Focal points agreed on the format.",
        "body": streamfield([("paragraph", rich_text("<p>Focal points met.</p>"))]),
        "article_objectives": inline_formset([{"objective": objective.pk}]),
        "article_areas": inline_formset([]),
        "comments": inline_formset([]), "action-publish": "publish",
    })
    response = client.post(f"/admin/pages/add/news/articlepage/{sections['news'].pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    article = ArticlePage.objects.get(slug="regional-review")
    assert article.live and [link.objective for link in article.article_objectives.all()] == [
        objective]

    upload = SimpleUploadedFile("gcm.pdf", (PDF / "a-res-73-195-en.pdf").read_bytes(),
                                content_type="application/pdf")
    response = client.post("/admin/documents/multiple/add/", {"files[]": upload},
                           HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.status_code == 200
    document_id = response.json()["doc_id"]
    data = nested_form_data({
        "title": "Founding resolution", "slug": "founding", "document": document_id,
        "document_type": "resolution", "symbol": "A/RES/73/195", "year": "2018",
        "publisher": "General Assembly", "summary": "", "region": "",
        "library_objectives": inline_formset([]),
        "comments": inline_formset([]), "action-publish": "publish",
    })
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/pages/add/library/librarydocumentpage/{sections['library'].pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    document = LibraryDocumentPage.objects.get(slug="founding")

    with django_capture_on_commit_callbacks(execute=True):
        translate(client, article, locales["ar"], title="الدول العربية تجتمع بشأن الاستعراض",
                  summary="اتفقت نقاط الاتصال على الشكل.")
        translate(client, document, locales["ar"], title="القرار التأسيسي")
    client.logout()

    for code, article_title, document_title in (
            ("en", "Arab States meet on the regional review", "Founding resolution"),
            ("ar", "الدول العربية تجتمع بشأن الاستعراض", "القرار التأسيسي")):
        assert article_title in client.get(f"/{code}/news/").content.decode()
        assert article_title in client.get(f"/{code}/news/feed/").content.decode()
        assert document_title in client.get(f"/{code}/library/").content.decode()
        # Results link to the page (titles are shown with the matched words marked).
        html = client.get(f"/{code}/search/", {"q": article_title.split()[-1]}).content.decode()
        assert f'href="/{code}/news/regional-review/"' in html
        html = client.get(f"/{code}/search/", {"q": document_title}).content.decode()
        assert f'href="/{code}/library/founding/"' in html
    # The English PDF's own words find the document.
    assert 'href="/en/library/founding/"' in client.get(
        "/en/search/", {"q": "cooperative framework"}).content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    for path in ("news/regional-review/", "library/founding/"):
        assert f'hreflang="en" href="http://testserver/en/{path}"' in sitemap
        assert f'hreflang="ar" href="http://testserver/ar/{path}"' in sitemap


@pytest.mark.django_db
def test_editor_manages_redirects(client, editor, sections):
    client.force_login(editor)
    response = client.post("/admin/redirects/add/", {
        "old_path": "/en/old-news/", "redirect_page": sections["news"].pk, "redirect_link": "",
        "is_permanent": "on", "site": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    response = client.get("/en/old-news/")
    assert response.status_code == 301 and response["Location"].endswith("/en/news/")
