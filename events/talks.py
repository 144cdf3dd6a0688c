"""Requesting a GCM Talk (registered users) and accepting a request (the secretariat).

The form is a route of the events index (``request-a-gcm-talk/``); accepting makes a draft
event of type GCM Talk under the events index of the request's language, for an editor to
complete and publish through the usual moderation.
"""

from datetime import UTC, datetime, time, timedelta

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from hub.forms import honeypot_field
from hub.models import Objective

from .models import EventIndexPage, EventObjective, EventPage, EventType, TalkLevel, TalkRequest

DAILY_LIMIT = 5


class TalkRequestForm(forms.ModelForm):
    objectives = forms.MultipleChoiceField(
        label=gettext_lazy("GCM objectives"), required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    website = honeypot_field()  # see hub.forms

    class Meta:
        model = TalkRequest
        fields = ["topic", "level", "proposed_start", "proposed_end", "organisers",
                  "objectives", "description"]
        widgets = {
            "level": forms.RadioSelect,
            "proposed_start": forms.DateInput(attrs={"type": "date"}),
            "proposed_end": forms.DateInput(attrs={"type": "date"}),
            "organisers": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, language_code="en", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objectives"].choices = [
            (str(o.number), f"{o.number}. {o.short_title or o.title}")
            for o in Objective.objects.filter(locale__language_code=language_code)
        ]
        self.fields["level"].choices = TalkLevel.choices

    def clean_objectives(self):
        return sorted(int(value) for value in self.cleaned_data["objectives"])

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("proposed_start"), cleaned.get("proposed_end")
        if start and start < timezone.now().date():
            self.add_error("proposed_start", _("Propose a day that has not passed."))
        if start and end and end < start:
            self.add_error("proposed_end", _("The last day cannot be before the first."))
        return cleaned


def request_talk(index, request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    language = get_language()
    if request.method == "POST":
        form = TalkRequestForm(request.POST, language_code=language)
        if request.POST.get("website"):
            messages.success(request, _("Thank you: the secretariat will reply by email."))
            return redirect(index.url)
        since = timezone.now() - timedelta(days=1)
        if TalkRequest.objects.filter(requester=request.user, created_at__gte=since).count() \
                >= DAILY_LIMIT:
            form.add_error(None, _("You have sent many requests today. Please try again "
                                   "tomorrow."))
        elif form.is_valid():
            talk = form.save(commit=False)
            talk.requester, talk.language = request.user, language
            talk.objectives = form.cleaned_data["objectives"]
            talk.save()
            messages.success(request, _("Thank you: the secretariat will reply by email."))
            return redirect(index.url)
    else:
        form = TalkRequestForm(language_code=language)
    return index.render(request, template="events/request_talk.html",
                        context_overrides={"form": form})


def accept(talk, user=None):
    """Make the draft event of an accepted request (once) and return it."""
    if talk.event_id:
        return talk.event
    index = (EventIndexPage.objects.filter(locale__language_code=talk.language).first()
             or EventIndexPage.objects.first())
    start = datetime.combine(talk.proposed_start, time(0, 0), tzinfo=UTC)
    end = datetime.combine(talk.proposed_end or talk.proposed_start, time(23, 59), tzinfo=UTC)
    event = EventPage(
        title=talk.topic, summary=talk.description[:600], event_type=EventType.GCM_TALK,
        start=start, end=end, all_day=True, organisers=talk.organisers, live=False,
        owner=user,
    )
    for objective in Objective.objects.filter(locale=index.locale, number__in=talk.objectives):
        event.event_objectives.add(EventObjective(objective=objective))
    index.add_child(instance=event)
    event.save_revision(user=user, log_action=True)
    talk.event, talk.status = event, TalkRequest.Status.ACCEPTED
    talk.save(update_fields=["event", "status"])
    return event
