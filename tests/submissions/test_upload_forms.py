"""Every front-end form that takes files goes the same way in: the practice submission form and
the focal points' review form share one rate limit, one quota of pending bytes per person, the
same file checks, and a database failure in the middle of either leaves no file on disk and
no server error (the form comes back, text kept, with a translated message).

Failures are real: a trigger, created by the test in the database (SQLite or PostgreSQL),
refuses an insert inside the request's transaction.
"""

from contextlib import contextmanager

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from wagtail.documents.models import Document

from practices.models import PendingUpload, PracticePage
from reviews.models import VoluntaryReviewPage
from tests.factories import UserFactory, logged_in
from tests.failures import failing_insert_sql

from ..reviews.conftest import focal_point, review_site  # noqa: F401
from ..reviews.test_reviews import answers
from . import samples
from .test_submission_form import form_data

pytestmark = pytest.mark.django_db

TYPED = "Text typed before the refusal"


class PracticeForm:
    url = "/{language}/practices/submit/"
    text_field = "summary"

    def __init__(self, repository):
        self.user = UserFactory()
        self.client = logged_in(self.user)

    def post(self, *files, complete=False, submit=False, language="en", **fields):
        """``complete``: a form that saves; otherwise one refused (no title): files stay
        pending."""
        data = form_data(
            title="A practice" if complete else "", attachments=list(files),
            submit_review="1" if submit else None, save_draft=None if submit else "1",
            **{self.text_field: TYPED}, **fields)
        return self.client.post(self.url.format(language=language), data)

    def saved(self):
        return PracticePage.objects.filter(owner=self.user).exists()


class ReviewForm:
    url = "/{language}/reviews/new/jo/ar/"
    text_field = "section_2"

    def __init__(self, review_site):  # noqa: F811
        self.user = focal_point("JO")
        self.client = logged_in(self.user)

    def post(self, *files, complete=False, submit=False, language="en", **fields):
        """``complete``: a form that saves; otherwise a refused submit (a section left empty):
        files stay pending."""
        data = answers(**{self.text_field: TYPED})
        if not complete:
            data["section_3"], submit = "", True
        data.update(fields, attachments=list(files), action="submit" if submit else "save")
        return self.client.post(self.url.format(language=language), data)

    def saved(self):
        return VoluntaryReviewPage.objects.exists()


@pytest.fixture(params=["practice", "review"])
def upload_form(request):
    if request.param == "practice":
        return PracticeForm(request.getfixturevalue("repository"))
    return ReviewForm(request.getfixturevalue("review_site"))


def page_text(response):
    return BeautifulSoup(response.content.decode(), "html.parser").get_text(" ", strip=True)


def pending_tokens(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return [tag["value"] for tag in soup.select('input[name="pending"]')]


@contextmanager
def failing_inserts(table, after=0):
    """Inserts into ``table`` fail once it holds ``after`` rows (tests/failures.py)."""
    create, drop = failing_insert_sql(connection.vendor, table, after)
    with connection.cursor() as cursor:
        for statement in create:
            cursor.execute(statement)
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for statement in drop:
                cursor.execute(statement)


# -- one quota, one rate limit, the same checks ------------------------------------------------


def test_pending_bytes_stop_at_the_quota_in_every_form(upload_form, settings):
    settings.HUB_SUBMISSION_PENDING_QUOTA = 2 * len(samples.pdf().read()) + 10
    assert upload_form.post(samples.pdf("a.pdf")).status_code == 200
    assert PendingUpload.objects.filter(user=upload_form.user).count() == 1
    stored = samples.media_files()
    response = upload_form.post(samples.pdf("b.pdf"), samples.pdf("c.pdf"))
    assert response.status_code == 200
    assert "These files were not kept" in page_text(response)
    assert TYPED in response.content.decode()
    assert PendingUpload.objects.filter(user=upload_form.user).count() == 1
    assert samples.media_files() == stored  # nothing more on disk


def test_the_quota_counts_pending_files_of_both_forms_together(repository, review_site,  # noqa: F811
                                                                 settings):
    settings.HUB_SUBMISSION_PENDING_QUOTA = len(samples.pdf().read()) + 10
    practice, review = PracticeForm(repository), ReviewForm(review_site)
    practice.user, practice.client = review.user, review.client  # one person, both forms
    assert practice.post(samples.pdf("a.pdf")).status_code == 200
    response = review.post(samples.pdf("b.pdf"))
    assert "These files were not kept" in page_text(response)
    assert PendingUpload.objects.filter(user=practice.user).count() == 1


def test_posts_of_every_upload_form_are_rate_limited(upload_form, settings):
    settings.HUB_SUBMISSION_POSTS_PER_10_MINUTES = 2
    for _ in range(2):
        assert upload_form.post().status_code == 200
    response = upload_form.post(samples.pdf(), complete=True)
    assert response.status_code == 429
    assert "too many times" in page_text(response) and TYPED in response.content.decode()
    assert not PendingUpload.objects.exists() and not Document.objects.exists()
    assert not upload_form.saved()
    # In Arabic too.
    response = upload_form.post(language="ar")
    assert response.status_code == 429
    assert "أرسلت هذا النموذج مرات كثيرة" in page_text(response)


def test_every_upload_form_refuses_a_file_that_only_looks_right(upload_form):
    fake = SimpleUploadedFile("report.pdf", b"%PDF-1.7\n<html><script>alert(1)</script></html>\n",
                              "application/pdf")
    response = upload_form.post(fake, complete=True)
    assert response.status_code == 200
    assert "is not in PDF format" in page_text(response)
    assert TYPED in response.content.decode()
    assert not Document.objects.exists() and not upload_form.saved()


# -- a database failure in the middle of a request ---------------------------------------------


def test_a_failure_while_storing_files_leaves_none_on_disk(upload_form):
    """The second file's row is refused: the transaction rolls back, and both files, already
    written, are deleted again."""
    before = samples.media_files()
    with failing_inserts(PendingUpload._meta.db_table, after=1):
        response = upload_form.post(samples.pdf("one.pdf"), samples.pdf("two.pdf"),
                                    complete=True)
        assert response.status_code == 503
        assert "could not save this just now: nothing was saved" in page_text(response)
        assert TYPED in response.content.decode()
        arabic = upload_form.post(samples.pdf("one.pdf"), samples.pdf("two.pdf"), complete=True,
                                  language="ar")
        assert arabic.status_code == 503
        assert "تعذّر على المركز الحفظ الآن" in page_text(arabic)
    assert samples.media_files() == before  # no orphan file
    assert not PendingUpload.objects.exists() and not Document.objects.exists()
    assert not upload_form.saved()


def test_a_failure_while_saving_keeps_the_files_pending_and_saves_nothing(upload_form):
    """The review's workflow cannot start: the page, its revision and the workflow roll back;
    the file, stored before in its own transaction, stays a pending upload that a row knows,
    and the form carries it, so sending again needs no new upload."""
    before = samples.media_files()
    with failing_inserts("wagtailcore_workflowstate"):
        response = upload_form.post(samples.pdf("report.pdf"), complete=True, submit=True)
    assert response.status_code == 503
    assert "nothing was saved" in page_text(response) and TYPED in response.content.decode()
    assert not upload_form.saved()
    document = Document.objects.get()
    assert samples.media_files() - before == {document.file.name}  # known by its row
    tokens = pending_tokens(response)
    assert tokens == [str(PendingUpload.objects.get(document=document).token)]

    response = upload_form.post(complete=True, submit=True, pending=tokens)
    assert response.status_code == 302
    assert upload_form.saved() and not PendingUpload.objects.exists()
    assert Document.objects.get() == document
