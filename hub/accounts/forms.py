"""The profile questions, asked at sign-up (allauth's ACCOUNT_SIGNUP_FORM_CLASS) and on the
profile page."""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ..formatting import country_choices, language_choices, sort_key
from ..models import StakeholderType, UserProfile


def stakeholder_choices():
    terms = StakeholderType.objects.filter(locale__language_code=get_language())
    return [("", "---------")] + sorted(((term.slug, term.title) for term in terms),
                                        key=lambda choice: sort_key(choice[1]))


class ProfileForm(forms.ModelForm):
    class Meta:
        model = UserProfile
        fields = ["name", "organisation", "stakeholder_type", "country", "preferred_language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stakeholder_type"] = forms.ChoiceField(
            label=_("stakeholder type"), choices=stakeholder_choices(), required=False
        )
        # Countries and languages named and sorted in the page's language, not in English.
        self.fields["country"].choices = [("", "---------"), *country_choices()]
        self.fields["preferred_language"].choices = language_choices()
        if not self.instance.pk:
            self.fields["preferred_language"].initial = get_language()


class SignupForm(ProfileForm):
    """Extra sign-up fields; allauth calls ``signup`` once the user exists."""

    def signup(self, request, user):
        profile = UserProfile(user=user)
        for name in self.Meta.fields:
            setattr(profile, name, self.cleaned_data[name])
        profile.save()
