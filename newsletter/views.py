"""Public newsletter pages: subscribe, confirm, preferences, unsubscribe (thin: forms and
services)."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from . import services
from .forms import PreferencesForm, SubscribeForm
from .models import Subscriber


def _message(request, title, text, status=200):
    return render(request, "newsletter/message.html", {"title": title, "text": text},
                  status=status)


@never_cache
def subscribe(request):
    language = get_language()
    if request.method == "POST":
        form = SubscribeForm(request.POST, language_code=language)
        if form.is_bot():
            return _checked_inbox(request)
        if services.rate_limited(request):
            form.add_error(None, _("Too many requests from your connection. Please try again "
                                   "in an hour."))
            return render(request, "newsletter/subscribe.html", {"form": form}, status=429)
        if form.is_valid():
            data = form.cleaned_data
            services.subscribe(data["email"], data["language"], data["topics"])
            return _checked_inbox(request)
    else:
        form = SubscribeForm(language_code=language, initial={"language": language})
    return render(request, "newsletter/subscribe.html", {"form": form})


def _checked_inbox(request):
    return _message(request, _("Check your inbox"), _(
        "If this address can receive the newsletter, a message is on its way to it: follow its "
        "link to confirm. Nothing is sent before you confirm."))


@never_cache
def confirm(request, token):
    subscriber = services.subscriber_for(token, "confirm")
    if subscriber is None:
        return _message(request, _("This link does not work"), _(
            "The link is damaged or has expired. Subscribe again to get a new one."), status=400)
    services.confirm(subscriber)
    return _message(request, _("Subscription confirmed"), _(
        "You will receive the newsletter. Every message has a link to change your preferences "
        "or unsubscribe."))


def _damaged_link(request):
    return _message(request, _("This link does not work"), _("The link is damaged."), status=400)


@csrf_exempt  # RFC 8058: mail programs POST here without a form of ours; the token is the proof
@never_cache
def unsubscribe(request, token):
    subscriber = services.subscriber_for(token, "unsubscribe")
    if subscriber is None:
        return _damaged_link(request)
    if request.method == "POST":
        services.unsubscribe(subscriber)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(_("You are unsubscribed."), content_type="text/plain")
        return _message(request, _("You are unsubscribed"), _(
            "You will receive no more newsletters. Unsubscribing again changes nothing."))
    return render(request, "newsletter/unsubscribe.html", {})


@never_cache
def preferences(request, token):
    subscriber = services.subscriber_for(token, "preferences")
    if subscriber is None:
        return _damaged_link(request)
    language = get_language()
    if request.method == "POST":
        form = PreferencesForm(request.POST, language_code=language)
        if form.is_valid():
            subscriber.language = form.cleaned_data["language"]
            subscriber.topics = form.cleaned_data["topics"]
            subscriber.save(update_fields=["language", "topics"])
            return _message(request, _("Preferences saved"),
                            _("Your newsletter preferences are saved."))
    else:
        form = PreferencesForm(language_code=language, initial={
            "language": subscriber.language, "topics": [str(t) for t in subscriber.topics]})
    return render(request, "newsletter/preferences.html", {
        "form": form, "unsubscribe_url": services.link(subscriber, "unsubscribe"),
        "is_subscribed": subscriber.status == Subscriber.Status.CONFIRMED,
    })
