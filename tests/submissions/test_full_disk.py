"""The media disk fills up while a submission's files are written: the person gets a clear,
translated message and the form with what they typed; no partial file and no row are left.
(``make drills`` does the same on a real full tmpfs, drill 5.)"""

import errno
import os

import pytest
from django.core.files.storage import FileSystemStorage
from django.test import Client
from wagtail.documents.models import Document
from wagtail.images.models import Image

from practices.models import PendingUpload, PracticePage
from tests.factories import UserFactory

from . import samples

pytestmark = pytest.mark.django_db

MESSAGES = {
    "en": "Your files could not be stored: the server has no room for them at the moment.",
    "ar": "تعذّر تخزين ملفاتك: لا توجد مساحة لها على الخادم في الوقت الحالي.",
}


class FillingDisk(FileSystemStorage):
    """A disk with room for the first 100 bytes of a file only, as a full one behaves: part of
    the file is written, then the write fails with ENOSPC."""

    def _save(self, name, content):
        path = self.path(name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(content.read(100))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), path)


@pytest.fixture
def full_disk(settings):
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": f"{__name__}.FillingDisk"}}


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_full_disk_keeps_the_text_and_leaves_nothing_behind(repository, full_disk, lang):
    files_before = samples.media_files()
    client = Client()
    client.force_login(UserFactory())
    title = {"en": "Health desks for migrants", "ar": "مكاتب صحية للمهاجرين"}[lang]
    response = client.post(f"/{lang}/practices/submit/", {
        "title": title, "save_draft": "1",
        "attachments": [samples.png("Chart.png"), samples.pdf("Report.pdf")],
    })
    assert response.status_code == 200
    body = response.content.decode()
    assert MESSAGES[lang] in body
    assert f'value="{title}"' in body
    assert not PendingUpload.objects.exists()
    assert not Image.objects.exists() and not Document.objects.exists()
    assert not PracticePage.objects.filter(title=title).exists()
    assert samples.media_files() == files_before
