"""The front-end practice form.

Fields map one to one onto ``PracticePage`` (same names) or its orderable relations
(``objectives`` → ``practice_objectives``). ``SECTIONS`` groups them for the template: adding a
practice field means adding a form field, naming it in a section, and (for a relation) a line
in ``services.apply_form``.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from hub.models import Objective

from .richtext import sanitise

SECTIONS = (
    (_("About the practice"), ("title", "summary", "description")),
    (_("GCM objectives"), ("objectives",)),
    (_("Consent"), ("consent",)),
)


class ObjectiveChoiceField(forms.TypedMultipleChoiceField):
    """Objectives by their language-independent number, labelled in the active language."""

    def __init__(self, **kwargs):
        super().__init__(coerce=int, **kwargs)

    def set_locale(self, locale):
        self.choices = [
            (o.number, str(o)) for o in Objective.objects.filter(locale=locale).order_by("number")
        ]
        self.widget.choices = self.choices


class PracticeSubmissionForm(forms.Form):
    title = forms.CharField(
        label=_("Title"), max_length=255,
        help_text=_("A short name for the practice, as you would cite it."),
    )
    summary = forms.CharField(
        label=_("Summary"), max_length=600, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Two or three sentences: what the practice does, for whom, where."),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Separate paragraphs with an empty line. Bold, italic, lists and links are kept; "
            "any other formatting is removed."
        ),
    )
    objectives = ObjectiveChoiceField(
        label=_("GCM objectives"), widget=forms.CheckboxSelectMultiple,
        help_text=_("The objectives of the Global Compact this practice implements."),
    )
    consent = forms.BooleanField(
        label=_("I agree that the hub publishes this practice, after review, under my name "
                "and organisation."),
    )
    # A field people do not see (hidden by CSS, skipped by screen readers); bots fill it in.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        # Hidden from people and assistive technology, out of the tab order: bots still fill it.
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, locale=None, draft=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objectives"].set_locale(locale)
        self.draft = draft
        if draft:
            # A draft keeps whatever is there: only the title is needed to save it.
            for name, field in self.fields.items():
                field.required = name == "title"

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("This field must be left empty."))
        return ""

    def clean_description(self):
        return sanitise(self.cleaned_data.get("description"))

    def sections(self):
        return [(label, [self[name] for name in names]) for label, names in SECTIONS]
