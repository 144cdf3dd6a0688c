"""A submission whose transaction fails on a real server (tests/live/conftest.py): the files it
had written are deleted again, and the person gets the form back with a message, never a 500.

The failure is real: a trigger (tests/failures.py), created on the server's database for the
test, refuses the second file's row inside the request's own, outermost transaction.
"""

from practices.models import PendingUpload
from tests.failures import failing_insert_sql
from tests.submissions import samples
from tests.submissions.test_journey import submission_data


def test_a_submission_whose_transaction_fails_leaves_no_file_on_disk(live_site):
    user = live_site.users[17]
    pdf = samples.SAMPLE_PDF.read_bytes()
    files = [("attachments", (f"report-{n}.pdf", pdf, "application/pdf")) for n in (1, 2)]
    create, drop = failing_insert_sql(live_site.vendor, PendingUpload._meta.db_table, after=1,
                                      per_user=True)
    before = samples.media_files()
    live_site.execute(*create)
    try:
        response = live_site.send(user, "/en/practices/submit/",
                                  submission_data(title="Rolled back", summary="Kept text"),
                                  files=files)
    finally:
        live_site.execute(*drop)
    assert response.status_code == 503
    assert "could not save this just now" in response.text and "Kept text" in response.text
    assert samples.media_files() == before  # the two files written were deleted again
    for table in ("practices_pendingupload", "wagtaildocs_document"):
        assert live_site.count(f"SELECT COUNT(*) FROM {table}") == 0, table  # noqa: S608
    assert live_site.count("SELECT COUNT(*) FROM practices_practicepage "
                           "JOIN wagtailcore_page ON page_ptr_id = id WHERE owner_id = %s",
                           user["id"]) == 0

    # The same request, once the database accepts it again, goes through.
    response = live_site.send(user, "/en/practices/submit/",
                              submission_data(title="Sent again"), files=files)
    assert response.status_code == 302
    assert live_site.count("SELECT COUNT(*) FROM wagtaildocs_document") == 2
