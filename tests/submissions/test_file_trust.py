"""What an attached file really is, and who may download it: through the submission form."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image
from wagtail.documents.models import Document

from practices.models import PendingUpload, PracticePage
from tests.factories import UserFactory, logged_in

from . import samples
from .test_submission_form import field_errors, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitter(repository):
    return UserFactory()


def upload(name, data):
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def draft_with(client, *files):
    return client.post("/en/practices/submit/", form_data(
        submit_review=None, save_draft="1", attachments=list(files)))


@pytest.mark.parametrize("name,data,message", [
    ("report.docx", samples.zipped({"[Content_Types].xml": "<Types/>",
                                    "word/document.xml": "<w:document/>",
                                    "payload.exe": b"MZ\x90\x00"}), "is not in Word format"),
    ("sheet.xlsx", samples.zipped({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<x/>",
                                   "tools/run.bat": "calc"}), "is not in Excel format"),
    ("notes.odt", samples.zipped({"mimetype": "application/vnd.oasis.opendocument.text",
                                  "content.xml": "<office:document-content/>",
                                  "autorun.exe": b"MZ"}), "is not in OpenDocument text format"),
    ("report.pdf", b"%PDF-1.7\n<html><script>alert(1)</script></html>\n",
     "is not in PDF format"),
    ("report.pdf", b"%PDF-1.4\n" + b"0" * 4000 + b"\n%%EOF\n", "is not in PDF format"),
])
def test_files_that_only_look_right_are_refused(submitter, name, data, message):
    client = logged_in(submitter)
    response = draft_with(client, upload(name, data))
    assert response.status_code == 200
    assert message in field_errors(response, "attachments")
    assert not Document.objects.exists() and not PendingUpload.objects.exists()


def test_real_pdf_and_office_files_still_pass(submitter):
    client = logged_in(submitter)
    response = draft_with(client, samples.pdf(), upload("report.docx", samples.docx_bytes()),
                          upload("notes.odt", samples.odf_bytes()))
    assert response.status_code == 302, field_errors(response, "attachments")
    assert Document.objects.count() == 3


def big_png(width, height):
    output = io.BytesIO()
    Image.new("L", (width, height), 200).save(output, "PNG")
    return SimpleUploadedFile("map.png", output.getvalue(), content_type="image/png")


def test_images_beyond_the_decoding_budget_are_refused(submitter, settings):
    assert settings.HUB_SUBMISSION_MAX_IMAGE_PIXELS == 24_000_000
    client = logged_in(submitter)
    response = draft_with(client, big_png(5000, 5000))  # 25 megapixels
    assert response.status_code == 200
    assert "too many pixels (at most 24 million)" in field_errors(response, "attachments")
    assert draft_with(client, big_png(4000, 6000)).status_code == 302  # exactly the budget


def status(client, url):
    """The final status of a download (a refused one may first be redirected, like any 404)."""
    return client.get(url, follow=True).status_code


def test_staff_cannot_download_files_of_a_draft_never_submitted(submitter):
    client = logged_in(submitter)
    assert draft_with(client, samples.pdf()).status_code == 302
    document = Document.objects.get()
    moderator = logged_in(UserFactory(groups=["Moderators"]))
    reviewer = logged_in(UserFactory(groups=["Reviewers"]))
    assert status(client, document.url) == 200  # the uploader
    assert status(moderator, document.url) == 404
    assert status(reviewer, document.url) == 404
    assert status(Client(), document.url) == 404

    page = PracticePage.objects.get()
    response = client.post(f"/en/practices/mine/{page.pk}/edit/", form_data())
    assert response.status_code == 302
    assert status(moderator, document.url) == 200  # submitted: staff review it
    assert status(reviewer, document.url) == 200
    assert status(Client(), document.url) == 404


def test_staff_cannot_download_someone_elses_pending_upload(submitter):
    client = logged_in(submitter)
    response = client.post("/en/practices/submit/", form_data(
        title="", attachments=[samples.pdf()]))
    assert response.status_code == 200 and PendingUpload.objects.count() == 1
    document = Document.objects.get()
    assert status(client, document.url) == 200
    assert status(logged_in(UserFactory(groups=["Moderators"])), document.url) == 404
