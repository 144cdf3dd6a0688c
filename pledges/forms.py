"""The front-end pledge form and the progress-update form.

Fields map one to one onto ``PledgePage`` (same names), its taxonomy relations
(``pledges.terms.TERMS``), its countries, links and linked practices. Rules shared with the
admin come from ``pledges.models``: ``amount_errors`` and ``period_errors`` on every save,
``completeness_errors`` on "Submit for review". A draft needs only a title, but whatever it holds
must still be valid. Widgets, rich text and the honeypot are the practice form's.
"""

from urllib.parse import urlsplit

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from practices.models import PracticePage
from practices.submission.fields import RichTextInput, TermChoiceField
from practices.submission.forms import LinkFieldsMixin, Section

from .models import (
    CURRENCY_CHOICES,
    PledgeStatus,
    PledgeType,
    amount_errors,
    completeness_errors,
    period_errors,
)
from .terms import TERMS

MAX_PRACTICES = 10
# Eastern Arabic and Persian digits, and the Arabic decimal and thousands separators, as typed
# on an Arabic keyboard.
DIGITS = {**{ord(c): str(n) for n, c in enumerate("٠١٢٣٤٥٦٧٨٩")},
          **{ord(c): str(n) for n, c in enumerate("۰۱۲۳۴۵۶۷۸۹")},
          ord("٫"): ".", ord("٬"): "", ord(","): "", ord(" "): ""}

SECTIONS = (
    Section(_("About the pledge"), ("title", "summary", "description", "pledge_type")),
    Section(_("Who makes it"), ("pledging_entity", "stakeholder", "partners")),
    Section(_("Target and time frame"), ("target", "start_date", "end_date")),
    Section(_("Amount (financial contributions only)"), ("amount", "currency")),
    Section(_("GCM objectives and principles"), ("objectives", "principles")),
    Section(_("Where"), ("is_global", "regions", "countries")),
    Section(_("Practices that carry it out"), ("practices",)),
    Section(_("Links"), (), include="pledges/submission/links.html"),
)


def _term(name, **kwargs):
    return TermChoiceField(next(term for term in TERMS if term.field == name), **kwargs)


class AmountField(forms.DecimalField):
    """A positive decimal amount; Arabic digits and separators are read as such."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.translate(DIGITS).strip()
        return super().to_python(value)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class PledgeForm(LinkFieldsMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=255,
                            help_text=_("A short name for the pledge."))
    summary = forms.CharField(
        label=_("Summary"), max_length=600, required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences: what is pledged, by whom, for whom."),
    )
    description = RichTextInput(label=_("Description"), rows=8)
    pledge_type = forms.ChoiceField(label=_("Type of pledge"), choices=PledgeType.choices,
                                    initial=PledgeType.POLICY)
    pledging_entity = forms.CharField(
        label=_("Pledging entity"), max_length=255, required=False,
        help_text=_("The organisation or government on whose behalf you make the pledge."),
    )
    stakeholder = forms.ChoiceField(label=_("Stakeholder type of the pledging entity"),
                                    required=False)
    partners = forms.CharField(label=_("Partners"), required=False, max_length=5000,
                               widget=forms.Textarea(attrs={"rows": 3}),
                               help_text=_("Other organisations involved, one per line."))
    target = forms.CharField(
        label=_("Measurable target"), max_length=2000, required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What will be achieved, and how it can be measured."),
    )
    start_date = forms.DateField(label=_("Start date"), required=False, widget=DateInput())
    end_date = forms.DateField(label=_("End date"), required=False, widget=DateInput(),
                               help_text=_("After the start date."))
    amount = AmountField(
        label=_("Amount"), required=False, max_digits=14, decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "dir": "ltr"}),
        help_text=_("Financial contributions only: a positive amount, e.g. 250000.00."),
    )
    currency = forms.ChoiceField(
        label=_("Currency"), required=False,
        choices=[("", _("No currency"))] + CURRENCY_CHOICES,
        # ISO 4217 codes read left to right in both languages.
        widget=forms.Select(attrs={"dir": "ltr"}),
        help_text=_("ISO 4217 code of the amount's currency."),
    )
    objectives = _term("objectives", label=_("GCM objectives"),
                       help_text=_("The objectives of the Global Compact this pledge advances."))
    principles = _term("principles", label=_("Guiding principles"))
    is_global = forms.BooleanField(
        label=_("The pledge is global: it is not tied to particular countries"),
        required=False, label_suffix="",
    )
    regions = _term("regions", label=_("Regions"))
    countries = forms.MultipleChoiceField(
        label=_("Countries"), required=False, widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Hold Ctrl (Cmd on a Mac) to choose several countries."),
    )
    practices = forms.CharField(
        label=_("Practices on this hub"), required=False, max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "ltr"}),
        help_text=_("Addresses of published practices of this hub that carry out the pledge, "
                    "one per line."),
    )
    website = forms.CharField(
        label=_("Leave this field empty"), required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, locale=None, draft=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.locale = locale
        self.draft = draft
        for term in TERMS:
            if term.field in self.fields:
                self.fields[term.field].set_locale(locale)
        stakeholders = next(term for term in TERMS if term.field == "stakeholders")
        self.fields["stakeholder"].choices = [("", _("Choose…"))] + stakeholders.choices(locale)
        self.fields["countries"].choices = [(c.code, c.name) for c in countries]
        self.add_link_fields()
        for field in self.fields.values():
            if type(field.widget) in (forms.TextInput, forms.Textarea):
                field.widget.attrs.setdefault("dir", "auto")

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("This field must be left empty."))
        return ""

    @property
    def is_spam(self):
        return "website" in self.errors

    def clean_practices(self):
        """Addresses of live practices in the form's language, one per line, as pages."""
        found, unknown = [], []
        lines = [line.strip() for line in self.cleaned_data["practices"].splitlines()]
        for line in [line for line in lines if line][:MAX_PRACTICES + 1]:
            parts = [part for part in urlsplit(line).path.split("/") if part]
            page = None
            if len(parts) >= 2:
                page = (PracticePage.objects.live().public()
                        .filter(locale__language_code=parts[0], slug=parts[-1]).first())
            if page is None:
                unknown.append(line)
            elif page not in found:
                found.append(page)
        if unknown:
            raise forms.ValidationError(
                _("Not the address of a published practice of this hub: %(lines)s"),
                params={"lines": ", ".join(unknown)},
            )
        if len(found) > MAX_PRACTICES:
            raise forms.ValidationError(_("Link at most %(n)d practices."),
                                        params={"n": MAX_PRACTICES})
        return found

    def clean(self):
        data = super().clean()
        for errors in (
            amount_errors(data.get("pledge_type"), data.get("amount"), data.get("currency")),
            period_errors(data.get("start_date"), data.get("end_date")),
        ):
            for field, message in errors.items():
                if field not in self.errors:
                    self.add_error(field, message)
        if not self.draft:
            for field, message in completeness_errors(data).items():
                if field not in self.errors:
                    self.add_error(field, message)
        data["links"] = self.links_from(data)
        return data

    def sections(self):
        return [
            {**section._asdict(), "fields": [self[name] for name in section.fields]}
            for section in SECTIONS
        ]


class ProgressForm(forms.Form):
    """An update of a published pledge: its status and a dated progress note."""

    status = forms.ChoiceField(label=_("Status"), choices=PledgeStatus.choices)
    date = forms.DateField(label=_("Date of the update"), widget=DateInput())
    note = forms.CharField(
        label=_("Progress note"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5,
                                                                               "dir": "auto"}),
        help_text=_("What has been done since the last update, measured against the target."),
    )
    website = PledgeForm.base_fields["website"]

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("This field must be left empty."))
        return ""

    @property
    def is_spam(self):
        return "website" in self.errors

    def clean_date(self):
        import datetime

        date = self.cleaned_data["date"]
        if date > datetime.date.today():
            raise forms.ValidationError(_("The date of the update cannot be in the future."))
        return date

