"""Media on S3-compatible storage (django-storages) when ``MEDIA_S3_BUCKET`` is set: tested
against a real S3 API served locally by moto's server (``moto[server]``, pinned in
requirements-dev.txt), on a loopback port of its own. The storage is built from the environment by
the same function the settings use."""

import urllib.request

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages

moto_server = pytest.importorskip(
    "moto.server", reason="moto[server] is not installed (pip install -r requirements-dev.txt)")
boto3 = pytest.importorskip("boto3", reason="boto3 is not installed")
pytest.importorskip("storages", reason="django-storages is not installed")

PORT = 8205
BUCKET = "hub-media"
ENVIRONMENT = {
    "MEDIA_S3_BUCKET": BUCKET,
    "MEDIA_S3_ENDPOINT_URL": f"http://127.0.0.1:{PORT}",
    "MEDIA_S3_REGION": "us-east-1",
    "MEDIA_S3_ACCESS_KEY_ID": "hub-test",
    "MEDIA_S3_SECRET_ACCESS_KEY": "hub-test-secret",
}


@pytest.fixture(scope="module")
def s3_server():
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=PORT, verbose=False)
    server.start()
    yield ENVIRONMENT["MEDIA_S3_ENDPOINT_URL"]
    server.stop()


@pytest.fixture
def bucket(s3_server, settings):
    from config.settings.environment import media_storage

    client = boto3.client(
        "s3", endpoint_url=s3_server, region_name="us-east-1",
        aws_access_key_id=ENVIRONMENT["MEDIA_S3_ACCESS_KEY_ID"],
        aws_secret_access_key=ENVIRONMENT["MEDIA_S3_SECRET_ACCESS_KEY"])
    client.create_bucket(Bucket=BUCKET)
    settings.STORAGES = {**settings.STORAGES, "default": media_storage(ENVIRONMENT)}
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def test_without_a_bucket_media_stay_on_the_local_disk():
    from config.settings.environment import media_storage

    assert media_storage({}) == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


@pytest.mark.django_db
def test_a_document_is_stored_in_the_bucket_privately_and_deleted_with_its_row(
        bucket, django_capture_on_commit_callbacks):
    from wagtail.documents import get_document_model
    from wagtail.models import Collection

    document = get_document_model().objects.create(
        title="Annual report", collection=Collection.get_first_root_node(),
        file=ContentFile(b"%PDF-1.4 report", name="report.pdf"))
    key = f"media/{document.file.name}"
    stored = bucket.get_object(Bucket=BUCKET, Key=key)
    assert stored["Body"].read() == b"%PDF-1.4 report"
    grants = bucket.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
    assert not any("AllUsers" in grant["Grantee"].get("URI", "") for grant in grants)

    # Links to the file are signed and expire.
    url = storages["default"].url(document.file.name)
    assert "X-Amz-Signature=" in url or "Signature=" in url
    with urllib.request.urlopen(url) as response:
        assert response.read() == b"%PDF-1.4 report"

    # Deleting the document deletes the object (Wagtail deletes the file after the commit).
    with django_capture_on_commit_callbacks(execute=True):
        document.delete()
    assert "Contents" not in bucket.list_objects_v2(Bucket=BUCKET)


@pytest.mark.django_db
def test_a_second_file_of_the_same_name_never_overwrites_the_first(bucket):
    storage = storages["default"]
    first = storage.save("documents/report.pdf", ContentFile(b"first"))
    second = storage.save("documents/report.pdf", ContentFile(b"second"))
    assert first != second
    assert storage.open(first).read() == b"first" and storage.open(second).read() == b"second"

