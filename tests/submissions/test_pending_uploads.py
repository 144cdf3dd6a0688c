"""Pending uploads that are never used are deleted, with their files."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection

from practices.models import PendingUpload
from tests.factories import UserFactory

from . import samples

pytestmark = pytest.mark.django_db


def upload_without_saving(user, *files):
    """Post a form that fails (no title), so its files stay pending."""
    client = Client()
    client.force_login(user)
    response = client.post("/en/practices/submit/", {"save_draft": "1", "attachments": files})
    assert response.status_code == 200
    return PendingUpload.objects.filter(user=user).order_by("-pk")[: len(files)]


def test_clean_pending_uploads_deletes_old_ones_and_their_files(
    repository, django_capture_on_commit_callbacks
):
    user = UserFactory()
    old = list(upload_without_saving(user, samples.pdf("Old.pdf"), samples.png("Old.png")))
    fresh = upload_without_saving(user, samples.pdf("Fresh.pdf")).get()
    PendingUpload.objects.filter(pk__in=[u.pk for u in old]).update(
        created_at=timezone.now() - timedelta(days=1, minutes=1)
    )
    assert Collection.objects.filter(name="Submissions").count() == 1  # made once, reused
    old_files = {u.file_object.file.name for u in old}
    assert old_files <= samples.media_files()

    output = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("clean_pending_uploads", stdout=output)
    assert "Deleted 2 pending upload(s)" in output.getvalue()
    assert list(PendingUpload.objects.all()) == [fresh]
    assert list(Document.objects.values_list("title", flat=True)) == ["Fresh"]
    assert not Image.objects.exists()
    assert not old_files & samples.media_files()
    assert fresh.document.file.name in samples.media_files()
