"""Voluntary reviews through the real stack: the focal points' form, the secretariat's
workflow in the admin, the published review on the listing, country page, exports, PDF."""

import io
import json

import pypdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reviews.models import VoluntaryReviewPage
from tests.factories import UserFactory
from tests.submissions.samples import SAMPLE_PDF

from .conftest import focal_point

pytestmark = pytest.mark.django_db

ARABIC = {
    "section_1": "أنشأت الحكومة لجنة وطنية لتنسيق الاستعراض.",
    "section_2": "اعتمدت الحكومة سياسات جديدة لحماية العمال المهاجرين.",
    "section_3": "أحرز البلد تقدماً في تحقيق أهداف الاتفاق العالمي.",
    "section_4": "خصصت الحكومة موارد وطنية.",
    "section_5": "ستعد الحكومة خطة التنفيذ الوطنية.",
}


def answers(**changes):
    data = {**ARABIC, "cycle": "arab-2021", "objectives": ["6", "16"]}
    data.update(changes)
    return data


def new_url(code="jo", language="ar"):
    return f"/en/reviews/new/{code}/{language}/"


def edit_url(review):
    return f"/en/reviews/edit/{review.pk}/"


def save(client, url, data, action="save", **extra):
    return client.post(url, {**data, "action": action, **extra}, follow=True)


def approve(client, secretariat, review):
    """The secretariat approves in Wagtail's admin (the workflow action view)."""
    review.refresh_from_db()
    task_state = review.current_workflow_state.current_task_state
    client.force_login(secretariat)
    url = reverse("wagtailadmin_pages:workflow_action",
                  args=(review.pk, "approve", task_state.pk))
    response = client.post(url, {"comment": ""})
    assert response.status_code in (200, 302), response.content[:500]
    review.refresh_from_db()
    return review


def test_draft_saves_incomplete_and_submit_requires_every_section(
        client, review_site, jordan_focal_point):
    client.force_login(jordan_focal_point)
    response = save(client, new_url(), {"section_1": "مسودة أولى"})
    assert response.status_code == 200
    review = VoluntaryReviewPage.objects.get()
    assert review.live is False and review.locale.language_code == "ar"
    assert review.get_latest_revision_as_object().section_1 == "مسودة أولى"
    # Submitting with empty sections and no cycle: refused, named, nothing lost.
    response = save(client, edit_url(review), {"section_1": "نص محفوظ"}, action="submit")
    html = response.content.decode()
    assert "Section 2, “السياسة العامة والبيئة المؤاتية”, is required" in html
    assert "Choose the review cycle" in html
    assert "نص محفوظ" in html
    review.refresh_from_db()
    assert not review.workflow_in_progress


def test_word_limit_refuses_submit_naming_section_and_count(client, review_site,
                                                            jordan_focal_point):
    client.force_login(jordan_focal_point)
    long_text = " ".join(["كلمة"] * 501)
    response = save(client, new_url(), answers(section_1=long_text), action="submit")
    html = response.content.decode()
    assert "Section 1, “المنهجية”, has 501 words: at most 500 are allowed." in html
    assert long_text in html
    assert not VoluntaryReviewPage.objects.exists()
    # In Arabic, the message is in Arabic.
    response = client.post(
        "/ar" + new_url()[3:], {**answers(section_1=long_text), "action": "submit"})
    assert "501" in response.content.decode() and "المنهجية" in response.content.decode()
    assert "كلمة كحد أقصى" in response.content.decode()
    # Saving a draft over the limit keeps the text, with a warning.
    response = save(client, new_url(), answers(section_1=long_text))
    review = VoluntaryReviewPage.objects.get()
    assert review.get_latest_revision_as_object().section_1 == long_text
    assert "has 501 words" in response.content.decode()


def test_people_who_are_not_focal_points_of_the_country_get_404(
        client, review_site, jordan_focal_point):
    client.force_login(jordan_focal_point)
    save(client, new_url(), answers())
    review = VoluntaryReviewPage.objects.get()
    outsiders = {
        "anonymous": None,
        "registered user": UserFactory(),
        "focal point of Morocco": focal_point("MA"),
        "assigned to Jordan but not in the group": UserFactory(),
        "moderator": UserFactory(groups=["Moderators"]),
    }
    from reviews.models import FocalPoint

    FocalPoint.objects.create(user=outsiders["assigned to Jordan but not in the group"],
                              country="JO")
    outsiders["assigned to Jordan but not in the group"].groups.clear()  # an admin removed them
    for label, user in outsiders.items():
        client.logout()
        if user:
            client.force_login(user)
        for url in (edit_url(review), new_url()):
            response = client.get(url)
            expected = 302 if user is None else 404
            assert response.status_code == expected, (label, url)
        if user:
            response = client.post(edit_url(review), {**answers(section_1="x"),
                                                      "action": "save"})
            assert response.status_code == 404, label
    assert review.get_latest_revision_as_object().section_1 == ARABIC["section_1"]
    # A second focal point of Jordan shares the draft.
    client.force_login(focal_point("JO"))
    assert client.get(edit_url(review)).status_code == 200
    assert client.get("/en/reviews/mine/").status_code == 200


def test_review_in_moderation_cannot_be_edited_by_its_authors(client, review_site,
                                                              jordan_focal_point):
    client.force_login(jordan_focal_point)
    save(client, new_url(), answers(), action="submit")
    review = VoluntaryReviewPage.objects.get()
    assert review.workflow_in_progress
    response = save(client, edit_url(review), answers(section_1="تعديل بعد الإرسال"))
    html = response.content.decode()
    assert "cannot be edited until they decide" in html
    assert "تعديل بعد الإرسال" in html  # what was typed is shown again
    review.refresh_from_db()
    assert review.get_latest_revision_as_object().section_1 == ARABIC["section_1"]


def test_last_save_wins_with_a_warning(client, review_site, jordan_focal_point):
    client.force_login(jordan_focal_point)
    save(client, new_url(), answers())
    review = VoluntaryReviewPage.objects.get()
    opened = review.latest_revision_id
    colleague = focal_point("JO", first_name="Layla", last_name="Haddad")
    client.force_login(colleague)
    save(client, edit_url(review), answers(section_1="نسخة الزميلة"), opened_revision=opened)
    client.force_login(jordan_focal_point)
    response = save(client, edit_url(review), answers(section_1="نسختي"),
                    opened_revision=opened)
    assert "Layla Haddad saved this review after you opened it" in response.content.decode()
    review.refresh_from_db()
    assert review.get_latest_revision_as_object().section_1 == "نسختي"
    # No warning when nobody else saved in between.
    latest = VoluntaryReviewPage.objects.get().latest_revision_id
    response = save(client, edit_url(review), answers(), opened_revision=latest)
    assert "after you opened it" not in response.content.decode()


def test_attachments_go_through_the_practices_file_checks(client, review_site,
                                                          jordan_focal_point):
    client.force_login(jordan_focal_point)
    fake = SimpleUploadedFile("report.pdf", b"MZ this is no pdf", "application/pdf")
    response = save(client, new_url(), {**answers(), "attachments": fake})
    html = response.content.decode()
    assert "is not in PDF format" in html and ARABIC["section_2"] in html
    assert not VoluntaryReviewPage.objects.exists()
    image = SimpleUploadedFile("photo.gif", b"GIF89a" + b"\x00" * 30, "image/gif")
    response = save(client, new_url(), {**answers(), "attachments": image})
    assert response.status_code == 200 and not VoluntaryReviewPage.objects.exists()
    good = SimpleUploadedFile("التقرير.pdf", SAMPLE_PDF.read_bytes(), "application/pdf")
    save(client, new_url(), {**answers(), "attachments": good})
    review = VoluntaryReviewPage.objects.get().get_latest_revision_as_object()
    blocks = list(review.attachments)
    assert len(blocks) == 1 and blocks[0].value["document"].title == "التقرير"


def test_refused_submit_keeps_a_checked_file(client, review_site, jordan_focal_point):
    client.force_login(jordan_focal_point)
    good = SimpleUploadedFile("report.pdf", SAMPLE_PDF.read_bytes(), "application/pdf")
    response = save(client, new_url(), {**answers(section_3=""), "attachments": good},
                    action="submit")
    html = response.content.decode()
    assert "is required" in html and 'name="pending"' in html
    token = response.context["form"].pending_uploads[0].token
    save(client, new_url(), {**answers(), "pending": str(token)}, action="submit")
    review = VoluntaryReviewPage.objects.get().get_latest_revision_as_object()
    assert len(list(review.attachments)) == 1


def test_published_review_everywhere(client, review_site, jordan_focal_point, secretariat):
    client.force_login(jordan_focal_point)
    save(client, new_url(), answers(), action="submit")
    review = approve(client, secretariat, VoluntaryReviewPage.objects.get())
    assert review.live
    client.logout()
    url = review.url
    assert url.startswith("/ar/reviews/")
    page = client.get(url).content.decode()
    assert ARABIC["section_3"] in page and 'lang="ar"' in page
    for listing in ("/ar/reviews/?region=middle-east-and-north-africa",
                    "/en/reviews/?region=middle-east-and-north-africa&language=ar",
                    "/en/reviews/?cycle=arab-2021&objective=16"):
        assert review.title in client.get(listing).content.decode(), listing
    for listing in ("/en/reviews/?region=north-america", "/en/reviews/?language=en",
                    "/en/reviews/?objective=1", "/en/reviews/?cycle=imrf-2022"):
        assert review.title not in client.get(listing).content.decode(), listing
    assert review.title in client.get("/ar/countries/jo/").content.decode()
    assert review.title in client.get("/en/countries/jo/").content.decode()
    assert client.get("/en/countries/?filter=review").context["total"] == 1
    grid = {c["number"]: c for c in client.get("/en/countries/jo/").context["objective_grid"]}
    assert grid[16]["counts"] == [{"label": "Reviews", "count": 1}]
    cycle = client.get("/en/reviews/cycles/arab-2021/").content.decode()
    assert review.title in cycle
    # Open data, the practices' writers.
    data = json.loads(client.get("/en/reviews/?format=json").content)
    assert data["count"] == 1 and data["results"][0]["country"] == "JO"
    assert data["results"][0]["objectives"] == [6, 16]
    csv = client.get("/en/reviews/?format=csv").content.decode("utf-8")
    assert "JO" in csv and ARABIC["section_1"] in csv
    atom = client.get("/en/reviews/feed/").content.decode()
    assert review.title in atom
    # Site search in Arabic.
    results = client.get("/ar/search/", {"q": "العمال المهاجرين"}).content.decode()
    assert review.title in results


def test_pdf_has_the_arabic_text_in_reading_order(client, review_site, jordan_focal_point,
                                                  secretariat):
    client.force_login(jordan_focal_point)
    save(client, new_url(), answers(), action="submit")
    review = approve(client, secretariat, VoluntaryReviewPage.objects.get())
    response = client.get(review.url + "pdf/")
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in pypdf.PdfReader(
        io.BytesIO(response.content)).pages)
    for sentence in ARABIC.values():
        assert sentence.rstrip(".") in text, sentence
    assert text.index("المنهجية") < text.index("وسائل التنفيذ")
    assert client.get(review.url + "print/").status_code == 200


def test_pdf_and_print_of_an_unpublished_review_are_404(client, review_site,
                                                       jordan_focal_point):
    client.force_login(jordan_focal_point)
    save(client, new_url(), answers())
    review = VoluntaryReviewPage.objects.get()
    client.logout()
    for suffix in ("", "pdf/", "print/"):
        assert client.get(f"/ar/reviews/{review.slug}/{suffix}").status_code == 404


def test_two_reviews_side_by_side(client, review_site, jordan_focal_point, secretariat):
    client.force_login(jordan_focal_point)
    save(client, new_url(), answers(), action="submit")
    first = approve(client, secretariat, VoluntaryReviewPage.objects.get())
    client.force_login(jordan_focal_point)
    save(client, new_url(language="en"), {
        **answers(cycle="arab-2025"), "section_1": "A newer national committee."},
        action="submit")
    second = approve(client, secretariat,
                     VoluntaryReviewPage.objects.exclude(pk=first.pk).get())
    response = client.get("/en/reviews/compare/jo/")
    html = response.content.decode()
    assert response.status_code == 200
    assert ARABIC["section_1"] in html and "A newer national committee." in html
    assert html.index(first.title) < html.index(second.title)
    assert client.get("/en/reviews/compare/ma/").status_code == 404
    assert 'href="/en/reviews/compare/jo/"' in client.get("/en/countries/jo/").content.decode()


def test_a_moderator_names_a_focal_point_in_the_admin(client, review_site):
    from django.contrib.auth.models import Group

    from reviews.models import FocalPoint

    moderator = UserFactory(groups=["Moderators"])
    official = UserFactory()
    client.force_login(official)
    assert client.get(new_url()).status_code == 404
    client.force_login(moderator)
    response = client.post("/admin/snippets/reviews/focalpoint/add/",
                           {"user": official.pk, "country": "JO"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert official.groups.filter(name="Focal points").exists()
    client.force_login(official)
    assert client.get(new_url()).status_code == 200
    assert client.get(new_url(code="ma")).status_code == 404
    FocalPoint.objects.get(user=official).delete()
    assert not official.groups.filter(name="Focal points").exists()
    assert client.get(new_url()).status_code == 404
    # A registered user cannot name themselves.
    client.force_login(UserFactory())
    client.post("/admin/snippets/reviews/focalpoint/add/", {"user": official.pk,
                                                           "country": "JO"})
    assert not FocalPoint.objects.exists()
    assert Group.objects.get(name="Focal points").user_set.count() == 0
