"""Form fields of the submission form that Django does not have."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .richtext import sanitise

RICH_HELP = _(
    "Separate paragraphs with an empty line. Bold, italic, lists and links are kept; "
    "any other formatting is removed."
)


class TermChoiceField(forms.TypedMultipleChoiceField):
    """Taxonomy terms by their language-independent number or slug, labelled in the page's
    language."""

    def __init__(self, term, **kwargs):
        self.term = term
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        super().__init__(coerce=int if term.key == "number" else str, required=False, **kwargs)

    def set_locale(self, locale):
        self.choices = self.term.choices(locale)


class RichTextInput(forms.CharField):
    """Text from users, reduced to paragraphs, bold, italic, lists and links."""

    def __init__(self, rows=6, **kwargs):
        kwargs.setdefault("help_text", RICH_HELP)
        super().__init__(
            required=False, max_length=20_000, widget=forms.Textarea(attrs={"rows": rows}),
            **kwargs,
        )

    def clean(self, value):
        return sanitise(super().clean(value))


class ValueListField(forms.Field):
    """A list of values posted under one name (hidden inputs or checkboxes), rendered by hand."""

    widget = forms.MultipleHiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        return [str(item) for item in (value or [])][:50]


class MultipleFileInput(forms.FileInput):
    """Several files, chosen with a control in the page's language: the browser's own button
    ("Choose Files", in the browser's language) is visually hidden but keeps the focus and the
    keyboard; its label is drawn as the button, with a translated "no file chosen" and the
    chosen names (``practices/js/file-picker.js``, a static file for the CSP)."""

    allow_multiple_selected = True
    template_name = "practices/widgets/file_picker.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        attrs = context["widget"]["attrs"]
        attrs["class"] = " ".join(filter(None, [attrs.get("class"), "file-picker__input"]))
        attrs["aria-describedby"] = " ".join(filter(None, [
            attrs.get("aria-describedby"), f"{attrs.get('id')}_chosen" if attrs.get("id") else ""]))
        return context


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked by ``files.check_upload`` in the form."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        if not data:
            return []
        return list(data) if isinstance(data, (list, tuple)) else [data]
