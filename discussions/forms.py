"""Front-end forms. Errors are translated and the bound form is re-rendered, so nothing typed
is lost."""

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from hub.forms import honeypot_field

from . import conf

TOO_LONG = _(
    "Your reply is too long: %(show_value)d characters, the limit is %(limit_value)d. "
    "Shorten it and post again; your text is kept below."
)


def body_field():
    limit = conf.max_reply_length()
    return forms.CharField(
        label=_("Your reply"),
        widget=forms.Textarea(attrs={"rows": 5, "dir": "auto", "maxlength": limit}),
        validators=[MaxLengthValidator(limit, message=TOO_LONG)],
        error_messages={"required": _("Your reply is empty: write something before posting.")},
        help_text=_("Plain text. Links and line breaks are kept; HTML is shown as typed."),
    )


class EditReplyForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"] = body_field()


class ReplyForm(EditReplyForm):
    question = forms.IntegerField(widget=forms.HiddenInput)
    parent = forms.IntegerField(widget=forms.HiddenInput, required=False)
    website = honeypot_field()  # see hub.forms

    field_order = ["body", "question", "parent", "website"]

    @property
    def is_spam(self):
        return bool(self.data.get("website"))


class HideReplyForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (sent to the author)"), max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}),
        error_messages={"required": _("Give a reason: the author will receive it.")},
    )


class ReportReplyForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with this reply?"), max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}),
        error_messages={"required": _("Tell the moderators what is wrong with this reply.")},
    )
