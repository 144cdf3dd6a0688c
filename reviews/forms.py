"""The focal points' review form: the template's five answers, cycle, objectives, files.

Files go through the practices' checks (``practices.submission.files.check_upload``) and
storage (``practices.submission.attachments``): a checked file is stored at once as the
uploader's pending upload, so a refused save or submit never loses it; only reports (PDF,
Word, OpenDocument text) are accepted here.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from practices.models import PendingUpload
from practices.submission import attachments
from practices.submission.fields import MultipleFileField, ValueListField
from practices.submission.files import check_upload, max_files, max_upload_size
from practices.submission.forms import PendingUploadsMixin

from .services import cycle_titles
from .template import sections, word_count

REPORT_EXTENSIONS = ("pdf", "doc", "docx", "odt")
MAX_ANSWER_CHARACTERS = 60_000


class ReviewForm(PendingUploadsMixin, forms.Form):
    cycle = forms.ChoiceField(label=_("Review cycle"), required=False)
    objectives = forms.TypedMultipleChoiceField(
        label=_("GCM objectives covered in depth"), coerce=int, required=False,
        widget=forms.CheckboxSelectMultiple, choices=[(n, n) for n in range(1, 24)],
    )
    attachments = MultipleFileField(label=_("Attach the full report"), required=False)
    pending = ValueListField()
    remove_existing = ValueListField()
    opened_revision = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, user, language, review=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user, self.language, self.review = user, language, review
        self.checked_files, self.pending_uploads = [], []
        self.existing = attachments.existing_in(review.attachments) if review else []
        for section in sections():
            self.fields[section.field] = forms.CharField(
                label=section.title(language), required=False, strip=False,
                max_length=MAX_ANSWER_CHARACTERS,
                widget=forms.Textarea(attrs={
                    "rows": 10, "dir": "auto", "data-word-limit": section.max_words,
                }),
            )
        self.fields["cycle"].choices = [("", _("Not chosen yet"))] + sorted(
            cycle_titles(language).items(), key=lambda item: item[1])
        self.fields["attachments"].help_text = _(
            "PDF, Word or OpenDocument text; up to %(n)d files of at most %(size)s each."
        ) % {"n": max_files(), "size": filesizeformat(max_upload_size())}
        if review is not None and not self.is_bound:
            self.initial.update({s.field: getattr(review, s.field) for s in sections()})
            self.initial["cycle"] = review.cycle
            self.initial["objectives"] = review.objective_numbers
            self.initial["opened_revision"] = review.latest_revision_id

    def clean_attachments(self):
        uploads = self.cleaned_data["attachments"]
        if len(uploads) > max_files():
            raise ValidationError(_("You can attach at most %(n)d files."),
                                  params={"n": max_files()})
        problems = []
        for upload in uploads:
            try:
                checked = check_upload(upload)
            except ValidationError as error:
                problems.extend(error.messages)
                continue
            if checked.extension not in REPORT_EXTENSIONS:
                problems.append(_("“%(name)s”: attach the report as PDF, Word or OpenDocument "
                                  "text.") % {"name": upload.name})
                continue
            self.checked_files.append(checked)
        if problems:
            raise ValidationError(problems)
        return uploads

    def clean(self):
        data = super().clean()
        removed = set(data.get("remove_existing") or [])
        kept = len([r for r in self.existing if r["id"] not in removed])
        if kept + len(self.pending_uploads) + len(self.checked_files) > max_files():
            self.checked_files = []
            self.add_error("attachments", ValidationError(
                _("You can attach at most %(n)d files: remove some before adding others."),
                params={"n": max_files()}))
        return data

    def store_uploads(self):
        """Store the files checked in this request as pending uploads (kept on any error)."""
        if self.checked_files:
            self.pending_uploads += attachments.stash(self.user, self.checked_files)
            self.checked_files = []

    def forget_used_uploads(self):
        PendingUpload.objects.filter(pk__in=[u.pk for u in self.pending_uploads]).delete()

    def section_rows(self):
        rows = []
        for section in sections():
            bound = self[section.field]
            rows.append({
                "section": section, "field": bound, "title": section.title(self.language),
                "questions": section.questions_in(self.language),
                "max_words": section.max_words, "words": word_count(bound.value() or ""),
            })
        return rows

    def attachment_rows(self):
        removed = set(self.data.getlist("remove_existing")) if self.is_bound else set()
        rows = [{"id": r["id"], "title": r["title"], "removed": r["id"] in removed}
                for r in self.existing]
        pending = [{"token": str(u.token), "title": u.file_object.title}
                   for u in self.pending_uploads]
        return rows, pending


def attachment_blocks(form, latest):
    """The review's attachments after this save: kept saved files, then the new ones."""
    removed = set(form.cleaned_data.get("remove_existing") or [])
    blocks = []
    if latest is not None:
        for block in latest.attachments.raw_data:
            if block["id"] not in removed:
                blocks.append(block)
    blocks += [attachments.block_for(upload) for upload in form.pending_uploads]
    return blocks
