"""What the site's public forms share."""

from django import forms
from django.utils.translation import gettext_lazy as _


def honeypot_field():
    """The ``website`` honeypot: hidden from people by CSS, skipped by screen readers and out of
    the tab order; bots fill it in."""
    return forms.CharField(
        label=_("Leave this field empty"), required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )


class HoneypotMixin:
    """A form with ``website = honeypot_field()``: filled in, the form is invalid and
    ``is_spam``."""

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("This field must be left empty."))
        return ""

    @property
    def is_spam(self):
        return "website" in self.errors
