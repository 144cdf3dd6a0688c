"""Disk exhaustion through the submission form: per-person quotas on pending files and drafts,
a rate limit on the form's POSTs, and files that no row knows are swept away."""

import os
import time
import uuid
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.documents.models import Document

from practices.models import PendingUpload, PracticePage
from tests.factories import UserFactory, logged_in

from . import samples
from .test_submission_form import field_errors, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitter(repository):
    return UserFactory()


def without_title(client, *files, **fields):
    """A form that fails (no title): its checked files stay pending."""
    return client.post("/en/practices/submit/", form_data(
        title="", submit_review=None, save_draft="1", attachments=list(files), **fields))


def test_pending_uploads_stop_at_the_quota_and_keep_the_text(submitter, settings):
    size = len(samples.pdf().read())
    settings.HUB_SUBMISSION_PENDING_QUOTA = 2 * size + 10
    client = logged_in(submitter)
    assert without_title(client, samples.pdf("a.pdf"), samples.pdf("b.pdf")).status_code == 200
    assert PendingUpload.objects.filter(user=submitter).count() == 2
    stored = samples.media_files()

    response = without_title(client, samples.pdf("c.pdf"), summary="Typed before the refusal")
    assert response.status_code == 200
    assert "These files were not kept" in field_errors(response, "attachments")
    assert "Typed before the refusal" in response.content.decode()
    assert PendingUpload.objects.filter(user=submitter).count() == 2
    assert samples.media_files() == stored  # nothing more on disk

    # The quota is per person: someone else still uploads.
    other = logged_in(UserFactory())
    assert without_title(other, samples.pdf("d.pdf")).status_code == 200
    assert PendingUpload.objects.count() == 3


def test_drafts_stop_at_the_quota_and_keep_the_text(submitter, settings):
    settings.HUB_SUBMISSION_MAX_DRAFTS = 3
    client = logged_in(submitter)
    for n in range(3):
        response = client.post("/en/practices/submit/", form_data(
            title=f"Draft {n}", submit_review=None, save_draft="1"))
        assert response.status_code == 302
    response = client.post("/en/practices/submit/", form_data(
        title="One draft too many", submit_review=None, save_draft="1"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "You already have 3 drafts that were never submitted" in html
    assert "One draft too many" in html
    assert PracticePage.objects.filter(owner=submitter).count() == 3
    # Submitting a practice for review is not a draft: it still goes through.
    assert client.post("/en/practices/submit/", form_data(title="Submitted")).status_code == 302
    assert PracticePage.objects.filter(owner=submitter).count() == 4


def test_posts_of_the_form_are_rate_limited(submitter, settings):
    settings.HUB_SUBMISSION_POSTS_PER_10_MINUTES = 3
    client = logged_in(submitter)
    for _ in range(3):
        assert without_title(client).status_code == 200
    response = without_title(client, samples.pdf(), summary="Still here")
    assert response.status_code == 429
    html = response.content.decode()
    assert "too many times" in html and "Still here" in html
    assert not PendingUpload.objects.exists() and not Document.objects.exists()


def test_clean_pending_uploads_removes_files_no_row_knows(submitter, settings):
    client = logged_in(submitter)
    without_title(client, samples.pdf("kept.pdf"))
    known = Document.objects.get().file.name
    root = Path(settings.MEDIA_ROOT)
    stray, young = (root / "documents" / f"{uuid.uuid4().hex}.pdf",
                    root / "original_images" / f"{uuid.uuid4().hex}.png")
    for path in (stray, young):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"left behind by a transaction that rolled back")
    two_days_ago = time.time() - 2 * 86400
    os.utime(stray, (two_days_ago, two_days_ago))
    os.utime(root / known, (two_days_ago, two_days_ago))
    output = StringIO()
    call_command("clean_pending_uploads", stdout=output)
    assert not stray.exists()
    assert young.exists()  # may belong to an upload in progress
    assert (root / known).exists()  # a row knows it
    assert "file(s) that no document or image row knows" in output.getvalue()
    young.unlink()
