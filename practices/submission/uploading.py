"""The one way in for files sent with a front-end form.

Every form of the site that takes files (the practice submission form, the focal points'
review form) goes through this module, not through a copy of it:

- ``bind``: the POSTs of upload forms are rate limited per person
  (``HUB_SUBMISSION_POSTS_PER_10_MINUTES``, one count for all these forms); over the limit the
  form is bound without its files (they are not even read) and says why (answer 429);
- ``UploadFormMixin``: each file is checked (``files.check_upload``: size, real format, image
  decoding budget), then by the form's own ``refuse`` (a narrower list of formats); the number
  of files is limited; earlier pending uploads come back by their token, for their owner only;
- ``UploadFormMixin.keep_checked_files``: checked files are stored as the person's pending
  uploads within their quota of pending bytes (``HUB_SUBMISSION_PENDING_QUOTA``), or refused
  with a message; what was typed is kept either way;
- ``database_failure``: a database error while storing or saving (a lost connection, a failed
  constraint) rolls everything back, leaves no file on disk (``attachments.stash``) and gives
  the form back with a message (answer 503), never a server error.
"""

import logging
from contextlib import contextmanager

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from . import attachments, quotas
from .files import check_upload, max_files

logger = logging.getLogger(__name__)


def bind(request, form_class, **options):
    """``form_class`` bound to this POST, and the answer's status: 200, or 429 when the person
    has sent upload forms too often (the form then holds the text only, and the refusal)."""
    if quotas.post_allowed(request.user):
        return form_class(request.POST, request.FILES, **options), 200
    form = form_class(request.POST, **options)
    form.add_error(None, _(
        "You have sent this form too many times in the last few minutes: wait ten "
        "minutes and send it again. Your text is kept below; attach your files again."
    ))
    return form, 429


@contextmanager
def database_failure(form):
    """Run the saving part of a view; on a database error, nothing is kept (the transaction
    rolled back, its files were deleted), the form says so and ``form.failed`` is True."""
    form.failed = False
    try:
        yield
    except DatabaseError:
        logger.exception("A database error stopped the save of an upload form")
        form.failed = True
        form.add_error(None, _(
            "The hub could not save this just now: nothing was saved. Your text is kept "
            "below; send the form again in a moment, and attach again any file that is not "
            "listed."
        ))


class UploadFormMixin:
    """For a form with the fields ``attachments`` (``MultipleFileField``) and ``pending``
    (``ValueListField``) and a ``user`` attribute, set before cleaning."""

    is_spam = False  # a form with a honeypot says when it caught a bot: nothing is stored

    def init_uploads(self, user):
        self.user = user
        self.checked_files = []  # files of this request that passed every check
        self.pending_uploads = []  # the person's earlier uploads the form carries
        self.new_uploads = []  # files of this request stored as pending uploads

    def refuse(self, checked, upload):
        """A message when this form does not take a checked file (every format by default)."""
        return None

    def clean_attachments(self):
        uploads = self.cleaned_data["attachments"]
        if len(uploads) > max_files():
            raise ValidationError(_("You can attach at most %(n)d files."),
                                  params={"n": max_files()})
        errors = []
        for upload in uploads:
            try:
                checked = check_upload(upload)
            except ValidationError as error:
                errors.extend(error.error_list)
                continue
            problem = self.refuse(checked, upload)
            if problem:
                errors.append(ValidationError(problem))
            else:
                self.checked_files.append(checked)
        if errors:
            raise ValidationError(errors)
        return uploads

    def clean_pending(self):
        tokens = self.cleaned_data["pending"]
        self.pending_uploads = attachments.resolve(self.user, tokens)
        if len(self.pending_uploads) != len(set(tokens)):
            # Expired, or not this person's: never attach it, say so next to the files.
            self.add_error("attachments", _(
                "A file you attached earlier is no longer available: please attach it again."
            ))
        return self.pending_uploads

    def limit_total(self, kept):
        """Refuse this request's files when, with the ``kept`` ones, they are too many."""
        if kept + len(self.checked_files) > max_files():
            self.checked_files = []  # refused: nothing of this request is stored
            self.add_error("attachments", ValidationError(
                _("You can attach at most %(n)d files: remove some before adding others."),
                params={"n": max_files()},
            ))

    def keep_checked_files(self):
        """Store this request's checked files as pending uploads, within the person's quota,
        even when something else in the form needs fixing (never for a bot). Returns False when
        the quota refused them (the reason is on the field, nothing was stored)."""
        checked, self.checked_files = self.checked_files, []
        if not checked or self.is_spam:
            return True
        try:
            uploads = attachments.stash_within_quota(self.user, checked)
        except attachments.StorageFull:
            self.add_error("attachments", _(
                "Your files could not be stored: the server has no room for them at the "
                "moment. Nothing was saved; your text is kept below. Try again later, or "
                "save your practice without the files."
            ))
            return False
        if uploads is None:
            self.add_error("attachments", _(
                "These files were not kept: together with the files you sent earlier "
                "without saving, they exceed %(limit)s. Save the form with the files "
                "already attached, or remove some, then attach the others again."
            ) % {"limit": filesizeformat(settings.HUB_SUBMISSION_PENDING_QUOTA)})
            return False
        self.new_uploads = uploads
        return True
