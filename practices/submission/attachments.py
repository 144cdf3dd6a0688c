"""Storing a submission's files: pending uploads, the page's resources, who may download them.

Checked files (``files.check_upload``) become Wagtail documents and images in the
"Submissions" collection at once, under a generated name (``<uuid>.<extension from the
content>``), each held by a ``PendingUpload`` of its uploader until a form is saved. Saving puts
them in the page's ``resources`` StreamField (document and image blocks, see
``practices/blocks.py``). Files removed from a submission, and pending uploads never used, are
deleted (Wagtail deletes the file from storage once the transaction commits).

Documents are downloaded through Wagtail's serve view: ``may_serve`` (a ``before_serve_document``
hook) serves a document of the Submissions collection to its uploader; to the hub's staff
(people with admin access) once a practice using it has been submitted for review (a draft that
was never submitted is its author's alone); and to anyone when a live, public page uses it.
"""

import errno
import uuid
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, ReferenceIndex, WorkflowState

from ..models import PendingUpload

COLLECTION_NAME = "Submissions"
ATTACHMENT_BLOCKS = ("document", "image")


def find_submissions_collection():
    """The "Submissions" collection under the root collection, or None before the first file."""
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=COLLECTION_NAME).first() if root else None


def submissions_collection():
    """The "Submissions" collection, created the first time a file is stored."""
    return (find_submissions_collection()
            or Collection.get_first_root_node().add_child(name=COLLECTION_NAME))


def is_submission_file(obj, collection):
    return collection is not None and obj.collection_id == collection.pk


def _store(user, checked, collection):
    name = f"{uuid.uuid4().hex}.{checked.extension}"
    if checked.family == "image":
        obj = get_image_model()(
            title=checked.title, collection=collection, uploaded_by_user=user,
            file=ImageFile(checked.content, name=name),
        )
        obj._set_image_file_metadata()
    else:
        obj = get_document_model()(
            title=checked.title, collection=collection, uploaded_by_user=user,
            file=File(checked.content, name=name),
        )
        obj._set_document_file_metadata()
    try:
        obj.save()
    except BaseException:
        # A storage that fails while writing (a full disk) leaves the part it wrote behind.
        path = obj.file.field.generate_filename(obj, name)
        if obj.file.storage.exists(path):
            obj.file.storage.delete(path)
        raise
    return obj


class StorageFull(Exception):
    """The media storage has no room for these files; nothing of them was kept."""


def is_storage_full(error):
    return isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT)


def stash(user, checked_files):
    """Store checked files as the user's pending uploads (a list of ``PendingUpload``).

    A file is written to storage before its row is committed; if the transaction fails (a lost
    database connection, say), the files written so far are deleted again. A process killed
    outright can still leave a file behind: ``clean_pending_uploads`` removes files that no row
    knows.
    """
    return _stash(user, checked_files)


def stash_within_quota(user, checked_files):
    """``stash``, or None (nothing stored) when the files would exceed the user's quota of
    pending bytes. Counted and stored in one transaction, one request of the user at a time."""
    return _stash(user, checked_files, quota=True)


def _stash(user, checked_files, quota=False):
    from hub.locks import serialise_for

    from .quotas import within_pending_quota

    if not checked_files:
        return []
    written = []
    try:
        with transaction.atomic():
            if quota:
                serialise_for(user)
                if not within_pending_quota(user, checked_files):
                    return None
            collection = submissions_collection()
            uploads = []
            for checked in checked_files:
                obj = _store(user, checked, collection)
                written.append(obj.file)
                field = "image" if checked.family == "image" else "document"
                uploads.append(PendingUpload.objects.create(user=user, **{field: obj}))
            return uploads
    except BaseException as error:
        for file in written:
            file.storage.delete(file.name)
        if is_storage_full(error):
            raise StorageFull from error
        raise


def resolve(user, tokens):
    """The user's pending uploads among ``tokens``; other people's tokens resolve to nothing."""
    valid = []
    for token in tokens:
        try:
            valid.append(uuid.UUID(str(token)))
        except ValueError:
            continue
    uploads = PendingUpload.objects.filter(user=user, token__in=valid).select_related(
        "document", "image"
    )
    order = {token: position for position, token in enumerate(valid)}
    return sorted(uploads, key=lambda upload: order[upload.token])


def block_for(upload):
    """Raw StreamField data of a resource block for a pending upload."""
    obj = upload.file_object
    if upload.image_id:
        value = {
            "image": {"image": obj.pk, "decorative": False, "alt_text": obj.title},
            "caption": "",
        }
        return {"type": "image", "value": value, "id": str(uuid.uuid4())}
    return {
        "type": "document",
        "value": {"document": obj.pk, "title": obj.title},
        "id": str(uuid.uuid4()),
    }


def link_block(title, url):
    return {"type": "link", "value": {"title": title, "url": url}, "id": str(uuid.uuid4())}


def existing(page):
    """The document and image blocks of a page version, as rows for the form."""
    return existing_in(page.resources)


def existing_in(stream):
    """The document and image blocks of a resources StreamField value, as rows for a form."""
    rows = []
    for block in stream:
        if block.block_type == "document" and block.value["document"] is not None:
            obj = block.value["document"]
            rows.append({"id": block.id, "object": obj, "title": block.value["title"] or obj.title})
        elif block.block_type == "image" and block.value["image"] is not None:
            obj = block.value["image"]
            rows.append({"id": block.id, "object": obj, "title": obj.title})
    return rows


def _is_used_elsewhere(obj, page):
    references = ReferenceIndex.get_references_to(obj)
    page_type = ContentType.objects.get_for_model(Page)
    own = references.filter(base_content_type=page_type, object_id=str(page.pk))
    return references.exclude(pk__in=own.values("pk")).exists() or (page.live and own.exists())


def delete_if_unused(objects, page):
    """Delete submission files that no longer belong to anything but ``page``'s draft."""
    collection = find_submissions_collection()
    for obj in objects:
        if is_submission_file(obj, collection) and not _is_used_elsewhere(obj, page):
            obj.delete()


def files_of(page):
    """The submission files a practice uses, in its live content or its latest revision."""
    collection = find_submissions_collection()
    if collection is None:
        return []
    versions = [page]
    if page.latest_revision_id:
        versions.append(page.get_latest_revision_as_object())
    found = {}
    for version in versions:
        for row in existing(version):
            obj = row["object"]
            if is_submission_file(obj, collection):
                found[(type(obj), obj.pk)] = obj
    return list(found.values())


def delete_orphans(objects):
    """Delete the given submission files that nothing references any more."""
    for obj in objects:
        if not ReferenceIndex.get_references_to(obj).exists():
            obj.delete()


def discard(uploads):
    """Delete pending uploads and their files."""
    for upload in uploads:
        upload.file_object.delete()  # cascades to the PendingUpload row


def clean_pending(older_than=timedelta(days=1)):
    """Delete pending uploads older than ``older_than``; returns how many."""
    stale = list(
        PendingUpload.objects.filter(created_at__lt=timezone.now() - older_than)
        .select_related("document", "image")
    )
    with transaction.atomic():
        discard(stale)
    return len(stale)


FILE_FOLDERS = ("documents", "original_images")  # where Wagtail stores documents and images


def delete_stray_files(older_than=timedelta(days=1)):
    """Delete files in the documents' and images' folders that no row knows, older than
    ``older_than`` (younger ones may belong to an upload still in progress); returns how many.
    """
    from django.core.files.storage import default_storage

    known = set(get_document_model().objects.values_list("file", flat=True))
    known.update(get_image_model().objects.values_list("file", flat=True))
    limit = timezone.now() - older_than
    deleted = 0
    for folder in FILE_FOLDERS:
        try:
            _dirs, names = default_storage.listdir(folder)
        except FileNotFoundError:
            continue
        for name in names:
            path = f"{folder}/{name}"
            if path not in known and default_storage.get_modified_time(path) < limit:
                default_storage.delete(path)
                deleted += 1
    return deleted


def may_serve(document, user):
    """May ``user`` download ``document``? Anything outside the Submissions collection: yes."""
    if not is_submission_file(document, find_submissions_collection()):
        return True
    if user.is_authenticated and user.pk == document.uploaded_by_user_id:
        return True
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = list(ReferenceIndex.get_references_to(document).filter(
        base_content_type=page_type
    ).values_list("object_id", flat=True))
    if user.is_authenticated and user.has_perm("wagtailadmin.access_admin") and (
        WorkflowState.objects.filter(base_content_type=page_type, object_id__in=page_ids).exists()
    ):
        return True
    return Page.objects.live().public().filter(pk__in=[int(pk) for pk in page_ids]).exists()
