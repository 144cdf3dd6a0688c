"""The front-end practice form.

Fields map one to one onto ``PracticePage`` (same names), its taxonomy relations
(``practices.terms.TERMS``: ``objectives`` → ``practice_objectives``…), its countries, and its
``resources`` (link rows and attached files). ``SECTIONS`` groups them for the template: adding
a practice field means adding a form field, naming it in a section, and (if it is not a plain
page field) a line in ``services.apply_form`` and ``services.initial_from``.

Rules shared with the admin come from ``practices.models``: ``period_errors`` (years) on every
save, ``scope_errors`` (objectives, countries or global) on "Submit for review". A draft needs
only a title, but whatever it holds must still be valid (years, addresses, files).
"""

import unicodedata
from typing import NamedTuple

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.template.defaultfilters import filesizeformat
from django.utils.text import format_lazy
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from hub.formatting import country_choices
from hub.forms import HoneypotMixin, honeypot_field
from hub.templatetags.hub_tags import file_type

from ..models import (
    FIRST_YEAR,
    ImplementationLevel,
    PracticeType,
    SubmissionLanguage,
    last_allowed_year,
    period_errors,
    scope_errors,
)
from ..terms import TERMS
from .fields import (
    RICH_HELP,
    MultipleFileField,
    MultipleFileInput,
    RichTextInput,
    TermChoiceField,
    ValueListField,
)
from .files import ACCEPT, max_files, max_upload_size
from .uploading import UploadFormMixin

MAX_LINKS = 5


class Section(NamedTuple):
    label: str
    fields: tuple
    intro: str = ""
    include: str = ""  # a template for what is more than a list of fields


SECTIONS = (
    Section(_("About the practice"), (
        "title", "summary", "description", "practice_type", "implementation_level",
    )),
    Section(_("Dates"), ("start_year", "end_year", "ongoing")),
    Section(_("Who implements it"), (
        "implementing_organisation", "partners", "stakeholders",
    )),
    Section(_("Results and learning"), (
        "results", "lessons_learned", "innovation", "replicability", "migrant_participation",
    )),
    Section(_("GCM objectives and principles"), ("objectives", "principles", "sdgs")),
    Section(_("Where"), ("is_global", "regions", "countries")),
    Section(
        _("Resources"), ("attachments",),
        intro=_("Links to web pages and documents or images about the practice."),
        include="practices/submission/resources.html",
    ),
    Section(
        # Not Wagtail's "Focal point" of an image: one msgid would rename that in the admin.
        pgettext_lazy("contact person", "Focal point"),
        ("contact_name", "contact_organisation", "contact_email"),
        intro=_("The person the hub's moderators can contact about this practice. This contact "
                "is never published, exported or shown to other users."),
    ),
    Section(_("Language and consent"), ("submission_language", "consent")),
)


def term_field(terms, name, **kwargs):
    """The field ``name`` of one of ``terms`` (a submission's taxonomy relations)."""
    return TermChoiceField(next(term for term in terms if term.field == name), **kwargs)


def _term(name, **kwargs):
    return term_field(TERMS, name, **kwargs)


def scope_fields(terms, is_global_label):
    """A form mixin with the scope of a submission: global, or tied to regions and countries.
    The form sets the regions' language and the countries' choices. Shared by the submission
    forms of practices and pledges."""

    class ScopeFields(forms.Form):
        is_global = forms.BooleanField(label=is_global_label, required=False, label_suffix="")
        regions = term_field(terms, "regions", label=_("Regions"))
        countries = forms.MultipleChoiceField(
            label=_("Countries"), required=False, widget=forms.SelectMultiple(attrs={"size": 8}),
            help_text=_("Hold Ctrl (Cmd on a Mac) to choose several countries."),
        )

    return ScopeFields


class LinkFieldsMixin:
    """Up to ``MAX_LINKS`` titled links (``link_<n>_title``, ``link_<n>_url``): the fields,
    their cleaning into ``[(title, url)]`` and their rows for the template. Shared by the
    submission forms of practices and pledges."""

    def add_link_fields(self):
        for n in range(1, MAX_LINKS + 1):
            self.fields[f"link_{n}_title"] = forms.CharField(
                label=_("Link %(n)d: title") % {"n": n}, max_length=200, required=False,
            )
            self.fields[f"link_{n}_url"] = forms.URLField(
                label=_("Link %(n)d: address") % {"n": n}, max_length=2000, required=False,
                assume_scheme="https", validators=[URLValidator(schemes=["http", "https"])],
                widget=forms.URLInput(attrs={"dir": "ltr"}),
            )

    def links_from(self, data):
        links = []
        for n in range(1, MAX_LINKS + 1):
            title, url = data.get(f"link_{n}_title"), data.get(f"link_{n}_url")
            if url and not title:
                self.add_error(f"link_{n}_title", _("Give the link a title."))
            elif title and not url and f"link_{n}_url" not in self.errors:
                self.add_error(f"link_{n}_url", _("Enter the address of the link."))
            elif title and url:
                links.append((title, url))
        return links

    def link_rows(self):
        return [(self[f"link_{n}_title"], self[f"link_{n}_url"])
                for n in range(1, MAX_LINKS + 1)]


class PracticeSubmissionForm(
        HoneypotMixin, UploadFormMixin, LinkFieldsMixin,
        scope_fields(TERMS, _("The practice is global: it is not tied to particular countries"))):
    title = forms.CharField(
        label=_("Title"), max_length=255,
        help_text=_("A short name for the practice, as you would cite it."),
    )
    summary = forms.CharField(
        label=_("Summary"), max_length=600, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Two or three sentences: what the practice does, for whom, where."),
    )
    description = RichTextInput(label=_("Description"), rows=10)
    practice_type = forms.ChoiceField(
        label=_("Type of practice"), choices=PracticeType.choices, initial=PracticeType.PROGRAMME,
    )
    implementation_level = forms.ChoiceField(
        label=_("Implementation level"), choices=ImplementationLevel.choices,
        initial=ImplementationLevel.NATIONAL,
        help_text=_("The level of government or cooperation at which the practice works."),
    )
    start_year = forms.IntegerField(label=_("Start year"), required=False)
    end_year = forms.IntegerField(
        label=_("End year"), required=False,
        help_text=_("Leave empty if the practice is ongoing."),
    )
    ongoing = forms.BooleanField(
        label=_("The practice is ongoing"), required=False, label_suffix="",
    )
    implementing_organisation = forms.CharField(
        label=_("Main implementing organisation"), max_length=255, required=False,
    )
    partners = forms.CharField(
        label=_("Partners"), required=False, max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Other organisations involved, one per line."),
    )
    stakeholders = _term(
        "stakeholders", label=_("Stakeholders involved"),
        help_text=_("The kinds of actors who take part in the practice."),
    )
    results = RichTextInput(label=_("Results and impact"))
    lessons_learned = RichTextInput(label=_("Lessons learned"))
    innovation = RichTextInput(label=_("What makes it innovative"))
    replicability = RichTextInput(
        label=_("Replicability"),
        help_text=format_lazy(
            "{} {}", _("Could others adopt the practice elsewhere? What would they need?"),
            RICH_HELP,
        ),
    )
    migrant_participation = RichTextInput(
        label=_("Migrant participation"),
        help_text=format_lazy(
            "{} {}", _("How migrants took part in designing, running or evaluating the practice."),
            RICH_HELP,
        ),
    )
    objectives = _term(
        "objectives", label=_("GCM objectives"),
        help_text=_("The objectives of the Global Compact this practice implements."),
    )
    principles = _term(
        "principles", label=_("Guiding principles"),
        help_text=_("The guiding principles of the Global Compact the practice reflects."),
    )
    sdgs = _term("sdgs", label=_("Sustainable Development Goals"))
    attachments = MultipleFileField(
        label=_("Attach files"), required=False,
        widget=MultipleFileInput(attrs={"accept": ACCEPT}),
    )
    pending = ValueListField()
    remove_pending = ValueListField()
    remove_existing = ValueListField()
    contact_name = forms.CharField(label=_("Name"), max_length=255, required=False)
    contact_organisation = forms.CharField(label=_("Organisation"), max_length=255,
                                           required=False)
    contact_email = forms.EmailField(label=_("Email"), required=False)
    submission_language = forms.ChoiceField(
        label=_("Language of the original submission"), choices=SubmissionLanguage.choices,
        help_text=_("The language you write this submission in."),
    )
    consent = forms.BooleanField(
        label=_("I agree that the hub publishes this practice, after review, under my name "
                "and organisation."),
        label_suffix="",
    )
    website = honeypot_field()

    def __init__(self, *args, locale=None, draft=False, user=None, existing=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.init_uploads(user)
        self.draft = draft
        self.existing = list(existing)  # rows of attachments.existing(page)
        for term in TERMS:  # a relation the form does not offer is edited in the admin only
            if term.field in self.fields:
                self.fields[term.field].set_locale(locale)
        self.fields["countries"].choices = country_choices()
        self.fields["submission_language"].initial = (
            get_language() if get_language() in SubmissionLanguage.values
            else SubmissionLanguage.OTHER
        )
        for name in ("start_year", "end_year"):
            self.fields[name].widget.attrs.update(
                {"min": FIRST_YEAR, "max": last_allowed_year()}
            )
        self.fields["attachments"].help_text = _(
            "PDF, Word, Excel, PowerPoint or OpenDocument files, JPEG, PNG, WebP or GIF images; "
            "up to %(n)d files of at most %(size)s each."
        ) % {"n": max_files(), "size": filesizeformat(max_upload_size())}
        self.add_link_fields()
        for field in self.fields.values():
            if type(field.widget) in (forms.TextInput, forms.Textarea):
                field.widget.attrs.setdefault("dir", "auto")  # Arabic or English as typed
        if draft:
            # A draft keeps whatever is there: only the title is needed to save it.
            for name, field in self.fields.items():
                field.required = name == "title"

    def clean_title(self):
        """A title is one line: it goes into email subjects and the page's <title>."""
        title = self.cleaned_data["title"]
        if any(unicodedata.category(char) in ("Cc", "Zl", "Zp") for char in title):
            raise ValidationError(_("The title must be a single line, without line breaks or "
                                    "control characters."))
        return title


    def clean(self):
        data = super().clean()
        for field, message in period_errors(
            data.get("start_year"), data.get("end_year"), data.get("ongoing")
        ).items():
            if field not in self.errors:
                self.add_error(field, message)
        if not self.draft:
            errors = scope_errors(data.get("objectives"), data.get("countries"),
                                  data.get("is_global"))
            for field, messages in errors.items():
                for message in messages:
                    self.add_error("objectives" if field == "__all__" else field, message)
        data["links"] = self.links_from(data)
        self._clean_removals(data)
        return data

    def _clean_removals(self, data):
        removed = set(data.get("remove_pending") or [])
        data["pending"] = [u for u in self.pending_uploads if str(u.token) not in removed]
        data["discard_pending"] = [u for u in self.pending_uploads if str(u.token) in removed]
        existing_ids = {row["id"] for row in self.existing}
        data["remove_existing"] = [i for i in data.get("remove_existing") or []
                                   if i in existing_ids]
        self.limit_total(len(self.existing) - len(data["remove_existing"]) + len(data["pending"]))

    def sections(self):
        return [
            {**section._asdict(), "fields": [self[name] for name in section.fields]}
            for section in SECTIONS
        ]

    def attachment_rows(self):
        """The files the form holds: saved ones (editing), earlier and new pending uploads."""
        removed_existing = set(self.data.getlist("remove_existing")) if self.is_bound else set()
        removed_pending = set(self.data.getlist("remove_pending")) if self.is_bound else set()
        rows = [
            _row(row["object"], row["title"], row["id"], "remove_existing",
                 row["id"] in removed_existing)
            for row in self.existing
        ]
        for upload in self.pending_uploads + self.new_uploads:
            token = str(upload.token)
            obj = upload.file_object
            rows.append({**_row(obj, obj.title, token, "remove_pending",
                                token in removed_pending), "pending": True})
        return rows


def _row(obj, title, value, remove_name, removed):
    return {
        "title": title,
        "type": file_type(obj.file.name),
        "size": obj.file_size,
        "value": value,
        "remove_name": remove_name,
        "removed": removed,
        "pending": False,
    }
