"""The whole submission form: every field, attachments, bad input, editing, publication."""

import re

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection

from practices.models import PendingUpload, PracticePage
from tests.factories import UserFactory, logged_in

from . import samples
from .test_journey import act

pytestmark = pytest.mark.django_db

FULL = {
    "title": "Legal aid desks for migrant workers",
    "summary": "Free legal advice at border crossings.",
    "description": "First paragraph.\n\nSecond <script>alert(1)</script><b>bold</b>.",
    "practice_type": "service",
    "implementation_level": "regional",
    "start_year": "2019",
    "end_year": "2022",
    "implementing_organisation": "Migrant Rights Org",
    "partners": "Bar association\nLabour ministry",
    "stakeholders": ["civil-society-organizations", "trade-unions"],
    "results": "Ten thousand consultations & counting.",
    "lessons_learned": "Lawyers need interpreters.",
    "innovation": "Desks open <i>at the border</i>.",
    "replicability": "Any border post with a bar association.",
    "migrant_participation": "Migrant workers run the intake.",
    "objectives": ["6", "7"],
    "principles": ["1", "4"],
    "sdgs": ["8", "10"],
    "regions": ["middle-east-and-north-africa"],
    "countries": ["JO", "LB"],
    "link_1_title": "Project website",
    "link_1_url": "https://legal-aid.example.org/",
    "link_2_title": "Evaluation",
    "link_2_url": "https://example.org/evaluation",
    "contact_name": "Rana Private",
    "contact_organisation": "Private Focal Org",
    "contact_email": "rana.private@example.org",
    "submission_language": "en",
    "consent": "on",
    "website": "",
    "submit_review": "1",
}


def form_data(**overrides):
    data = {**FULL, **overrides}
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def submitter(repository):
    return UserFactory()


def html(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def submission_form(response):
    return html(response).select_one("form.submission-form")


def field_errors(response, name):
    """The error text shown next to the input called ``name``."""
    control = submission_form(response).find(attrs={"name": name})
    assert control is not None, name
    box = control.find_parent(class_="field")
    errors = box.find(class_="field__errors")
    return errors.get_text(" ", strip=True) if errors else ""


def pending_tokens(response):
    return [tag["value"] for tag in html(response).select('input[type=hidden][name="pending"]')]


def counts():
    return (PracticePage.objects.count(), Document.objects.count(), Image.objects.count(),
            samples.media_files())


def test_full_submission_is_reviewed_and_published_with_everything(submitter):
    client = logged_in(submitter)
    response = client.post("/en/practices/submit/", form_data(
        attachments=[samples.pdf("Annual report.pdf"), samples.png("Chart.png")]
    ))
    assert response.status_code == 302, field_errors
    page = PracticePage.objects.get()
    latest = page.get_latest_revision_as_object()
    assert (latest.title, latest.summary) == (FULL["title"], FULL["summary"])
    assert latest.description == "<p>First paragraph.</p><p>Second <b>bold</b>.</p>"
    assert (latest.practice_type, latest.implementation_level) == ("service", "regional")
    assert (latest.start_year, latest.end_year, latest.ongoing) == (2019, 2022, False)
    assert latest.implementing_organisation == "Migrant Rights Org"
    assert latest.partners == "Bar association\nLabour ministry"
    assert latest.results == "<p>Ten thousand consultations &amp; counting.</p>"
    assert latest.innovation == "<p>Desks open <i>at the border</i>.</p>"
    assert latest.lessons_learned == "<p>Lawyers need interpreters.</p>"
    assert latest.replicability == "<p>Any border post with a bar association.</p>"
    assert latest.migrant_participation == "<p>Migrant workers run the intake.</p>"
    assert sorted(o.number for o in latest.objectives) == [6, 7]
    assert sorted(p.number for p in latest.principles) == [1, 4]
    assert sorted(s.number for s in latest.sdgs) == [8, 10]
    assert [r.slug for r in latest.regions] == ["middle-east-and-north-africa"]
    assert sorted(s.slug for s in latest.stakeholders) == [
        "civil-society-organizations", "trade-unions",
    ]
    assert all(term.locale.language_code == "en" for term in latest.principles + latest.regions)
    assert sorted(c.code for c in latest.countries) == ["JO", "LB"]
    assert latest.is_global is False and latest.submission_language == "en"
    assert (latest.contact_name, latest.contact_organisation, latest.contact_email) == (
        "Rana Private", "Private Focal Org", "rana.private@example.org",
    )
    blocks = [(block.block_type, block.value) for block in latest.resources]
    assert [kind for kind, _ in blocks] == ["document", "image", "link", "link"]
    document, image = blocks[0][1]["document"], blocks[1][1]["image"]
    assert blocks[0][1]["title"] == document.title == "Annual report"
    assert re.fullmatch(r"documents/[0-9a-f]{32}\.pdf", document.file.name)
    assert re.fullmatch(r"original_images/[0-9a-f]{32}\.png", image.file.name)
    assert image.contextual_alt_text == "Chart"
    assert document.collection.name == image.collection.name == "Submissions"
    assert Collection.objects.filter(name="Submissions").count() == 1
    assert blocks[2][1]["url"] == "https://legal-aid.example.org/"
    assert not PendingUpload.objects.exists()

    # Before publication nobody outside sees the practice or its files.
    anonymous, intruder = Client(), logged_in(UserFactory())
    assert anonymous.get(f"/en/practices/{page.slug}/").status_code == 404
    assert anonymous.get(document.url).status_code == 404
    assert intruder.get(document.url).status_code == 404
    assert client.get(document.url).status_code == 200  # the uploader
    assert FULL["title"] not in anonymous.get("/en/practices/").content.decode()

    moderator = logged_in(UserFactory(groups=["Moderators"]))
    reviewer = logged_in(UserFactory(groups=["Reviewers"]))
    assert moderator.get(document.url).status_code == 200  # staff review the files
    assert act(moderator, page, "approve").status_code == 302
    assert act(reviewer, page, "approve").status_code == 302
    page = PracticePage.objects.get(pk=page.pk)
    assert page.live

    public = anonymous.get(page.url)
    assert public.status_code == 200
    text = public.content.decode()
    for expected in (
        FULL["title"], FULL["summary"], "Service delivery", "Regional", "2019–2022",
        "Migrant Rights Org", "Bar association<br>Labour ministry",
        "Ten thousand consultations &amp; counting.", "Lawyers need interpreters.",
        "<i>at the border</i>", "Any border post", "Migrant workers run the intake.",
        "People-centred", "Decent work and economic growth", "Middle East and North Africa",
        "Jordan", "Lebanon", "Trade unions", "Project website",
        'href="https://legal-aid.example.org/"', "Evaluation", document.url, "Annual report",
        'alt="Chart"',
    ):
        assert expected in text, expected
    for private in ("Rana Private", "Private Focal Org", "rana.private@example.org"):
        assert private not in text
    download = anonymous.get(document.url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == samples.SAMPLE_PDF.read_bytes()


def test_editing_shows_every_saved_value_and_removing_a_file_deletes_it(
    submitter, django_capture_on_commit_callbacks
):
    client = logged_in(submitter)
    data = form_data(submit_review=None, save_draft="1", ongoing="on", end_year=None,
                     is_global="on", attachments=[samples.pdf(), samples.png()])
    assert client.post("/en/practices/submit/", data).status_code == 302
    page = PracticePage.objects.get()
    edit_url = f"/en/practices/mine/{page.pk}/edit/"
    form = submission_form(client.get(edit_url))

    def value(name):
        return form.find(attrs={"name": name})

    for name in ("title", "start_year", "implementing_organisation", "contact_name",
                 "contact_organisation", "contact_email", "link_1_title", "link_1_url",
                 "link_2_title", "link_2_url"):
        assert value(name)["value"] == FULL[name], name
    for name in ("summary", "partners", "lessons_learned", "replicability",
                 "migrant_participation"):
        assert value(name).get_text().strip() == FULL[name], name
    assert value("description").get_text().strip() == (
        "First paragraph.\n\nSecond <b>bold</b>."
    )
    assert value("results").get_text().strip() == FULL["results"]  # "&" comes back as typed
    assert value("innovation").get_text().strip() == FULL["innovation"]
    for name in ("practice_type", "implementation_level", "submission_language"):
        assert form.select_one(f'select[name="{name}"] option[selected]')["value"] == FULL[name]
    assert [o["value"] for o in form.select('select[name="countries"] option[selected]')] == [
        "JO", "LB",
    ]
    for name in ("objectives", "principles", "sdgs", "regions", "stakeholders"):
        checked = [box["value"] for box in form.select(f'input[name="{name}"][checked]')]
        assert sorted(checked) == sorted(FULL[name]), name
    for name in ("ongoing", "is_global"):
        assert value(name).has_attr("checked"), name
    assert not value("consent").has_attr("checked")
    rows = form.select(".attachments__list li")
    assert [row.select_one(".attachments__title").get_text() for row in rows] == [
        "Annual report", "Chart",
    ]

    # Edit: remove the PDF, keep the image, change the summary; the PDF's file goes.
    document = Document.objects.get()
    path = samples.media_files()
    assert document.file.name in path
    block_id = form.select_one('input[name="remove_existing"]')["value"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url, form_data(
            submit_review=None, save_draft="1", summary="Shorter.", ongoing="on",
            end_year=None, is_global="on", remove_existing=[block_id],
        ))
    assert response.status_code == 302
    latest = PracticePage.objects.get().get_latest_revision_as_object()
    assert latest.summary == "Shorter."
    assert [block.block_type for block in latest.resources] == ["image", "link", "link"]
    assert not Document.objects.exists() and Image.objects.count() == 1
    assert document.file.name not in samples.media_files()


def test_draft_needs_only_a_title(submitter):
    client = logged_in(submitter)
    response = client.post("/en/practices/submit/", {"title": "Just an idea", "save_draft": "1"})
    assert response.status_code == 302
    latest = PracticePage.objects.get().get_latest_revision_as_object()
    assert latest.title == "Just an idea" and latest.summary == ""
    assert latest.practice_type == "programme" and latest.submission_language == "en"


@pytest.mark.parametrize(("overrides", "field", "message"), [
    ({"start_year": "1800"}, "start_year", "Enter a year between 1950 and"),
    ({"link_1_url": "javascript:alert(1)"}, "link_1_url", "Enter a valid URL."),
    ({"link_1_url": "ftp://example.org/file"}, "link_1_url", "Enter a valid URL."),
    ({"link_1_title": ""}, "link_1_title", "Give the link a title."),
    ({"link_2_url": ""}, "link_2_url", "Enter the address of the link."),
    ({"contact_email": "not an email"}, "contact_email", "Enter a valid email address."),
    ({"ongoing": "on"}, "ongoing", "An ongoing practice has no end year"),
    ({"start_year": None}, "start_year", "Give the start year as well."),
])
def test_a_draft_still_refuses_invalid_values(submitter, overrides, field, message):
    client = logged_in(submitter)
    data = form_data(submit_review=None, save_draft="1", **overrides)
    response = client.post("/en/practices/submit/", data)
    assert response.status_code == 200
    assert message in field_errors(response, field)
    assert not PracticePage.objects.exists()


def test_a_draft_refuses_a_bad_file(submitter):
    client = logged_in(submitter)
    before = counts()
    response = client.post("/en/practices/submit/", {
        "title": "Draft", "save_draft": "1",
        "attachments": [samples.png("fake.png", fmt="GIF")],
    })
    assert "is not in PNG format" in field_errors(response, "attachments")
    assert counts() == before


@pytest.mark.parametrize(("overrides", "upload", "field", "message"), [
    ({"summary": ""}, None, "summary", "This field is required."),
    ({"start_year": "2020", "end_year": "2018"}, None, "end_year",
     "The end year cannot be before the start year."),
    ({}, ("big.pdf", samples.SAMPLE_PDF.read_bytes() + b"%" * 2000), "attachments",
     "“big.pdf” is too large: files can be at most 1000"),
    ({}, ("photo.png", b"I am only text.\n"), "attachments",
     "The content of “photo.png” is not in PNG format"),
    ({}, ("report.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 200), "attachments",
     "The content of “report.pdf” is not in PDF format"),
])
def test_bad_input_keeps_everything_else_and_stores_nothing(
    submitter, settings, overrides, upload, field, message
):
    settings.HUB_SUBMISSION_MAX_UPLOAD_SIZE = 1000
    client = logged_in(submitter)
    # A first try: the PDF is fine but no objective was chosen. The PDF is kept as pending.
    first = client.post("/en/practices/submit/", form_data(
        objectives=[], attachments=[samples.pdf("Budget.pdf")],
    ))
    assert "Choose at least one GCM objective." in field_errors(first, "objectives")
    tokens = pending_tokens(first)
    assert len(tokens) == 1 and "Budget" in first.content.decode()

    before = counts()
    data = form_data(pending=tokens, **overrides)
    if upload:
        data["attachments"] = [samples.SimpleUploadedFile(*upload)]
    response = client.post("/en/practices/submit/", data)
    assert response.status_code == 200
    assert message in field_errors(response, field)
    assert counts() == before  # no page, no document or image, no file
    page = submission_form(response)
    assert page.find(attrs={"name": "title"})["value"] == FULL["title"]
    assert page.find(attrs={"name": "contact_email"})["value"] == FULL["contact_email"]
    assert page.find(attrs={"name": "partners"}).get_text().strip() == FULL["partners"]
    if field != "summary":
        assert page.find(attrs={"name": "summary"}).get_text().strip() == FULL["summary"]
    assert pending_tokens(response) == tokens
    assert "Budget" in page.select_one(".attachments__list").get_text()

    # Fixed, the submission goes through with the earlier upload attached.
    fixed = form_data(pending=tokens)
    response = client.post("/en/practices/submit/", fixed)
    assert response.status_code == 302
    latest = PracticePage.objects.get().get_latest_revision_as_object()
    assert [block.value["document"].title for block in latest.resources
            if block.block_type == "document"] == ["Budget"]
    assert not PendingUpload.objects.exists()


def test_valid_files_are_kept_when_another_is_refused(submitter):
    client = logged_in(submitter)
    response = client.post("/en/practices/submit/", form_data(attachments=[
        samples.pdf("Good.pdf"), samples.SimpleUploadedFile("bad.png", b"text"),
    ]))
    assert "“bad.png”" in field_errors(response, "attachments")
    assert not PracticePage.objects.exists()
    assert Document.objects.get().title == "Good" and not Image.objects.exists()
    assert len(pending_tokens(response)) == 1


def test_removing_a_pending_upload_deletes_it(submitter, django_capture_on_commit_callbacks):
    client = logged_in(submitter)
    first = client.post("/en/practices/submit/", form_data(
        summary="", attachments=[samples.pdf("Drop me.pdf")],
    ))
    tokens = pending_tokens(first)
    document = Document.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/practices/submit/", form_data(
            pending=tokens, remove_pending=tokens,
        ))
    assert response.status_code == 302
    latest = PracticePage.objects.get().get_latest_revision_as_object()
    assert [block.block_type for block in latest.resources] == ["link", "link"]
    assert not Document.objects.exists() and not PendingUpload.objects.exists()
    assert document.file.name not in samples.media_files()


def test_nobody_can_attach_another_users_upload(submitter):
    owner = logged_in(submitter)
    first = owner.post("/en/practices/submit/", form_data(
        summary="", attachments=[samples.pdf("Owner's secret.pdf")],
    ))
    tokens = pending_tokens(first)
    intruder = logged_in(UserFactory())
    response = intruder.post("/en/practices/submit/", form_data(pending=tokens))
    assert response.status_code == 200
    assert "no longer available" in field_errors(response, "attachments")
    assert "Owner" not in response.content.decode()
    assert not PracticePage.objects.exists()
    # The owner still has it; a made-up token is refused the same way.
    assert PendingUpload.objects.get().user == submitter
    response = intruder.post("/en/practices/submit/", form_data(
        pending=["00000000-0000-4000-8000-000000000000", "not-a-token"],
    ))
    assert "no longer available" in field_errors(response, "attachments")


def test_uploaded_image_is_reencoded_under_a_generated_name(submitter):
    from PIL import Image as PillowImage

    client = logged_in(submitter)
    data = samples.image_bytes("PNG", exif=True)
    name = '"><img src=x onerror=alert(1)> holiday.html.png'
    response = client.post("/en/practices/submit/", form_data(
        submit_review=None, save_draft="1",
        attachments=[samples.SimpleUploadedFile(name, data, content_type="text/html")],
    ))
    assert response.status_code == 302
    image = Image.objects.get()
    assert re.fullmatch(r"original_images/[0-9a-f]{32}\.png", image.file.name)
    assert image.title == '"><img src=x onerror=alert(1)> holiday.html'
    page = PracticePage.objects.get()
    edit_form = client.get(f"/en/practices/mine/{page.pk}/edit/").content.decode()
    assert "&lt;img src=x onerror=alert(1)&gt; holiday.html" in edit_form
    assert "<img src=x" not in edit_form
    with image.open_file() as stored:
        content = stored.read()
    assert content != data
    assert not PillowImage.open(image.file.path).getexif()
    assert (image.width, image.height) == (24, 16)


def test_an_html_file_is_refused_whatever_its_name(submitter):
    client = logged_in(submitter)
    before = counts()
    response = client.post("/en/practices/submit/", form_data(attachments=[
        samples.SimpleUploadedFile("../../page.html", b"<html><script>x</script></html>"),
    ]))
    assert "“page.html” is not a type of file we accept" in field_errors(response, "attachments")
    assert counts() == before


def test_too_many_files(submitter, settings):
    settings.HUB_SUBMISSION_MAX_FILES = 2
    client = logged_in(submitter)
    before = counts()
    response = client.post("/en/practices/submit/", form_data(attachments=[
        samples.pdf("a.pdf"), samples.pdf("b.pdf"), samples.pdf("c.pdf"),
    ]))
    assert "You can attach at most 2 files." in field_errors(response, "attachments")
    assert counts() == before


def test_arabic_form_is_right_to_left_with_arabic_choices(submitter):
    response = logged_in(submitter).get("/ar/practices/submit/")
    page = html(response)
    assert (page.html["lang"], page.html["dir"]) == ("ar", "rtl")
    countries = {o["value"]: o.get_text(strip=True)
                 for o in page.select('select[name="countries"] option')}
    assert countries["JO"] == "الأردن"
    assert page.select_one('select[name="submission_language"] option[selected]')["value"] == "ar"
    assert page.select_one('label[for="id_attachments"]').get_text(strip=True) == "أرفق ملفات:"
    principle = page.select_one('input[name="principles"][value="1"]').find_parent("label")
    assert "المحور الإنساني" in principle.get_text()


def test_deleting_a_practice_deletes_its_submitted_files(submitter,
                                                         django_capture_on_commit_callbacks):
    client = logged_in(submitter)
    before = counts()
    data = form_data(submit_review=None, save_draft="1", ongoing="on", end_year=None,
                     is_global="on", attachments=[samples.pdf(), samples.png()])
    assert client.post("/en/practices/submit/", data).status_code == 302
    assert counts()[1:3] == (before[1] + 1, before[2] + 1)
    with django_capture_on_commit_callbacks(execute=True):
        PracticePage.objects.get().delete()
    assert counts() == before
