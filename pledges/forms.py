"""The front-end pledge form and the progress-update form.

Fields map one to one onto ``PledgePage`` (same names), its taxonomy relations
(``pledges.terms.TERMS``), its countries, links and linked practices. Rules shared with the
admin come from ``pledges.models``: ``amount_errors`` and ``period_errors`` on every save,
``completeness_errors`` on "Submit for review". A draft needs only a title, but whatever it holds
must still be valid. Widgets, rich text and the honeypot are the practice form's.
"""

from django import forms
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from hub.forms import HoneypotMixin, honeypot_field
from practices.models import PracticePage
from practices.submission.fields import RichTextInput
from practices.submission.forms import LinkFieldsMixin, Section, scope_fields, term_field
from search.query import SearchUnavailable, clean_query, ranked

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
PRACTICES_FOUND = 20  # matches of a search for practices shown at once
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
    Section(_("Practices that carry it out"), ("practices", "practice_query"),
            include="pledges/submission/practices.html"),
    Section(_("Links"), (), include="pledges/submission/links.html"),
)


def _term(name, **kwargs):
    return term_field(TERMS, name, **kwargs)


class AmountField(forms.DecimalField):
    """A positive decimal amount; Arabic digits and separators are read as such."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.translate(DIGITS).strip()
        return super().to_python(value)


class PracticesField(forms.MultipleChoiceField):
    """Published practices of the form's language, by page id, ticked in a list of the chosen
    ones and the matches of a search (``PledgeForm.set_practice_choices``). Whether each is a
    published practice is checked by ``PledgeForm.clean_practices``, which says so in words."""

    widget = forms.CheckboxSelectMultiple

    def validate(self, value):
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class PledgeForm(
        HoneypotMixin, LinkFieldsMixin,
        scope_fields(TERMS, _("The pledge is global: it is not tied to particular countries"))):
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
    practices = PracticesField(
        label=_("Practices on this hub"), required=False,
        help_text=_("Tick the published practices of this hub that carry out the pledge. "
                    "Find them by words of their title or description below."),
    )
    practice_query = forms.CharField(
        label=_("Find published practices"), required=False, max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    website = honeypot_field()

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
        self.set_practice_choices()
        for field in self.fields.values():
            if type(field.widget) in (forms.TextInput, forms.Textarea):
                field.widget.attrs.setdefault("dir", "auto")

    def published_practices(self):
        return PracticePage.objects.live().public().filter(locale=self.locale)

    def set_practice_choices(self):
        """The practices to tick: those chosen (posted, or the pledge's), then the published
        practices of the form's language matching the search words, if any (two queries and
        one search)."""
        name = self.add_prefix("practices")
        chosen = (self.data.getlist(name) if self.is_bound and hasattr(self.data, "getlist")
                  else self.initial.get("practices") or [])
        ids = [int(value) for value in map(str, chosen)
               if value.isdigit()][:MAX_PRACTICES + PRACTICES_FOUND]
        published = self.published_practices()
        pages = {page.pk: page for page in published.filter(pk__in=ids).only("title")}
        self.chosen_practices = [pages[pk] for pk in dict.fromkeys(ids) if pk in pages]
        self.practice_words = clean_query(self.data.get(self.add_prefix("practice_query"), "")
                                          if self.is_bound else "")
        self.practices_found, self.practice_search_failed = [], False
        if self.practice_words:
            try:
                found = ranked(published, self.practice_words)[0:PRACTICES_FOUND]
            except SearchUnavailable:
                self.practice_search_failed = True
            else:
                rows = {page.pk: page for page in published.filter(pk__in=found).only("title")}
                self.practices_found = [rows[pk] for pk in found
                                        if pk in rows and pk not in pages]
        self.fields["practices"].choices = [
            (str(page.pk), page.title) for page in self.chosen_practices + self.practices_found
        ]

    def show_without_checking(self):
        """Render the posted form as typed, without errors (a search for practices is no
        attempt to save)."""
        self._errors = ErrorDict()
        return self

    def clean_practices(self):
        """The chosen practices as pages: each a published practice of the form's language."""
        values = list(dict.fromkeys(str(value) for value in self.cleaned_data["practices"]))
        if len(values) > MAX_PRACTICES:
            raise forms.ValidationError(_("Link at most %(n)d practices."),
                                        params={"n": MAX_PRACTICES})
        known = {str(page.pk): page for page in self.chosen_practices}
        if any(value not in known for value in values):
            raise forms.ValidationError(_(
                "Choose among the published practices of this hub in this language: one of "
                "those chosen is not, or no longer, published. The others are still ticked."))
        return [known[value] for value in values]

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


class ProgressForm(HoneypotMixin, forms.Form):
    """An update of a published pledge: its status and a dated progress note."""

    status = forms.ChoiceField(label=_("Status"), choices=PledgeStatus.choices)
    date = forms.DateField(label=_("Date of the update"), widget=DateInput())
    note = forms.CharField(
        label=_("Progress note"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5,
                                                                               "dir": "auto"}),
        help_text=_("What has been done since the last update, measured against the target."),
    )
    website = honeypot_field()

    def clean_date(self):
        import datetime

        date = self.cleaned_data["date"]
        if date > datetime.date.today():
            raise forms.ValidationError(_("The date of the update cannot be in the future."))
        return date

