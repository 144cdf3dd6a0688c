"""The standard page: an editor of the Editors group creates it in the admin under the home page
(or under any section), translates it with wagtail-localize, publishes both, and it shows in
the menu, the sitemap (with hreflang alternates) and site search in both languages."""

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from editorial.models import StandardPage
from hub.demo import publish


def add_form(title, slug, **extra):
    return nested_form_data({
        "title": title, "slug": slug, "intro": "How the Network is organised.",
        "body": streamfield([
            ("heading", {"text": "Executive committee", "level": "h2"}),
            ("paragraph", rich_text("<p>The committee steers the Network's work.</p>")),
            ("heading", {"text": "Working groups", "level": "h2"}),
            ("accordion", {"title": "Questions", "items": streamfield([])}),
        ]),
        "show_table_of_contents": "on",
        "last_reviewed": "2026-11-01",
        "comments": inline_formset([]),
        "show_in_menus": "on",
        **extra,
    })


@pytest.mark.django_db
def test_editor_creates_and_translates_a_standard_page(client, editor, home_pages, locales):
    client.force_login(editor)
    home = home_pages["en"]
    response = client.post(f"/admin/pages/add/editorial/standardpage/{home.pk}/",
                           add_form("About the Network", "about", **{"action-publish": "publish"}))
    assert response.status_code == 302, response.content.decode()[:3000]
    page = StandardPage.objects.get(slug="about", locale=locales["en"])
    assert page.live and page.owner == editor

    html = client.get("/en/about/").content.decode()
    assert "<h1>About the Network</h1>" in html
    assert 'href="#executive-committee"' in html and 'id="executive-committee"' in html
    assert '<time datetime="2026-11-01">' in html
    assert 'property="og:title" content="About the Network"' in html

    # wagtail-localize: the editor submits the page for translation into Arabic.
    response = client.post(f"/admin/localize/submit/page/{page.pk}/",
                           {"locales": [locales["ar"].pk]})
    assert response.status_code == 302
    arabic = page.get_translation(locales["ar"]).specific
    arabic.title = "عن الشبكة"
    arabic.body = [("heading", {"text": "اللجنة التنفيذية", "level": "h2"})]
    publish(arabic)

    html = client.get("/ar/about/").content.decode()
    assert "<h1>عن الشبكة</h1>" in html
    assert 'id="اللجنة-التنفيذية"' in html
    client.logout()
    for code, title in (("en", "About the Network"), ("ar", "عن الشبكة")):
        home_html = client.get(f"/{code}/").content.decode()
        assert f">{title}<" in home_html, f"not in the {code} menu"
        results = client.get(f"/{code}/search/", {"q": title.split()[-1]}).content.decode()
        assert title in results, f"not found by search in {code}"

    sitemap = client.get("/sitemap.xml").content.decode()
    assert 'hreflang="ar" href="http://testserver/ar/about/"' in sitemap
    assert 'hreflang="en" href="http://testserver/en/about/"' in sitemap


@pytest.mark.django_db
def test_a_standard_page_fits_under_any_section_but_not_under_leaves(home_pages):
    from practices.models import PracticeIndexPage, PracticePage

    assert StandardPage in type(home_pages["en"]).allowed_subpage_models()
    assert StandardPage in PracticeIndexPage.allowed_subpage_models()
    assert StandardPage.can_exist_under(home_pages["en"])
    assert StandardPage not in PracticePage.allowed_subpage_models()


@pytest.mark.django_db
def test_bad_input_is_refused_with_the_text_kept(client, editor, home_pages):
    client.force_login(editor)
    home = home_pages["en"]
    data = add_form("About the Network", "about", **{"action-publish": "publish"})
    data["last_reviewed"] = "not a date"
    response = client.post(f"/admin/pages/add/editorial/standardpage/{home.pk}/", data)
    assert response.status_code == 200
    assert "About the Network" in response.content.decode()
    assert not Page.objects.filter(slug="about").exists()


@pytest.mark.django_db
def test_public_visitor_cannot_reach_the_admin_add_view(client, user, home_pages):
    home = home_pages["en"]
    response = client.get(f"/admin/pages/add/editorial/standardpage/{home.pk}/")
    assert response.status_code == 302 and "/login/" in response["Location"]
    client.force_login(user)
    response = client.get(f"/admin/pages/add/editorial/standardpage/{home.pk}/")
    assert response.status_code in (302, 403)


@pytest.mark.django_db
def test_editor_changes_the_footer_in_the_admin_and_it_shows_in_each_language(
        client, editor, home_pages, locales):
    from hub.models import FooterLink

    about = StandardPage(title="About the Network", slug="about")
    home_pages["en"].add_child(instance=about)
    publish(about)
    client.force_login(editor)
    response = client.post("/admin/snippets/hub/footerlink/add/", {
        "label": "About us", "page": about.pk, "url": "", "sort_order": 1,
        "locale": locales["en"].pk})
    assert response.status_code == 302, response.content.decode()[:2000]
    link = FooterLink.objects.get(label="About us")
    arabic = link.copy_for_translation(locales["ar"])
    arabic.label = "من نحن"
    arabic.save()
    client.logout()
    assert 'href="/en/about/">About us</a>' in client.get("/en/").content.decode()
    html = client.get("/ar/").content.decode()
    assert ">من نحن</a>" in html and "About us" not in html
    # Both or neither: a clear error that keeps what was typed.
    client.force_login(editor)
    response = client.post("/admin/snippets/hub/footerlink/add/", {
        "label": "Typed label", "page": about.pk, "url": "https://example.org/",
        "sort_order": 2, "locale": locales["en"].pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Choose a page or give an address, not both." in html and "Typed label" in html
