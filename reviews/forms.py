"""The focal points' review form: the template's five answers, cycle, objectives, files.

Files go through the site's one way in for uploads (``practices.submission.uploading``: rate
limit, file checks, quota of pending bytes, storage): a checked file is stored at once as the
uploader's pending upload, so a refused save or submit never loses it; only reports (PDF,
Word, OpenDocument text) are accepted here.
"""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from practices.models import PendingUpload
from practices.submission import attachments
from practices.submission.fields import MultipleFileField, ValueListField
from practices.submission.files import max_files, max_upload_size
from practices.submission.uploading import UploadFormMixin

from .services import cycle_titles
from .template import sections, word_count

REPORT_EXTENSIONS = ("pdf", "doc", "docx", "odt")
MAX_ANSWER_CHARACTERS = 60_000


class ReviewForm(UploadFormMixin, forms.Form):
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
        self.init_uploads(user)
        self.language, self.review = language, review
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

    def refuse(self, checked, upload):
        if checked.extension not in REPORT_EXTENSIONS:
            return _("“%(name)s”: attach the report as PDF, Word or OpenDocument text.") % {
                "name": upload.name}
        return None

    def clean(self):
        data = super().clean()
        removed = set(data.get("remove_existing") or [])
        self.limit_total(len([r for r in self.existing if r["id"] not in removed])
                         + len(self.pending_uploads))
        return data

    def keep_checked_files(self):
        """Store the files checked in this request (see ``UploadFormMixin``); the form carries
        them from now on, whatever else is refused."""
        kept = super().keep_checked_files()
        self.pending_uploads += self.new_uploads
        self.new_uploads = []
        return kept

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
