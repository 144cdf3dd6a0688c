from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from hub.formatting import language_choices
from hub.forms import honeypot_field
from hub.models import Objective


def topic_choices(language_code):
    return [(str(o.number), f"{o.number}. {o.short_title or o.title}")
            for o in Objective.objects.filter(locale__language_code=language_code)]


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the newsletter"), choices=settings.LANGUAGES,
                                 widget=forms.RadioSelect)
    topics = forms.MultipleChoiceField(
        label=_("Topics"), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("The GCM objectives you follow. None: everything."),
    )

    def __init__(self, *args, language_code="en", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].choices = topic_choices(language_code)
        # Each language named in the reader's language («الإنجليزية»), as everywhere else.
        self.fields["language"].choices = language_choices()

    def clean_topics(self):
        return sorted(int(value) for value in self.cleaned_data["topics"])


class SubscribeForm(PreferencesForm):
    email = forms.EmailField(label=_("Email"), max_length=254)
    website = honeypot_field()  # see hub.forms
    field_order = ["email", "language", "topics", "website"]

    def is_bot(self):
        return bool(self.data.get("website"))
