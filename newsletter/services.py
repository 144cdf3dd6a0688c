"""Subscribing, confirming, unsubscribing, drafting and sending issues.

Links in e-mails carry signed tokens (``django.core.signing``): the confirmation link expires
(``conf.confirm_max_age``), the unsubscribe and preferences links do not (an old message must
still let its reader leave). Pages never say whether an address is subscribed: a request for a
known address answers like any other and the address's owner gets an e-mail instead.
"""

from datetime import timedelta
from urllib.parse import urljoin

from django.apps import apps
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from . import conf
from .models import Delivery, Issue, Subscriber

SALTS = {"confirm": "newsletter.confirm", "unsubscribe": "newsletter.unsubscribe",
         "preferences": "newsletter.preferences"}
DRAFT_TYPES = ["practices.practicepage", "events.eventpage", "guidance.thematictoolpage",
               "discussions.discussiontopicpage"]


# Tokens and links

def token(subscriber, action):
    return signing.dumps(subscriber.pk, salt=SALTS[action])


def subscriber_for(value, action):
    """The subscriber a token names, or None when it is forged, damaged or (confirm) expired."""
    max_age = conf.confirm_max_age() if action == "confirm" else None
    try:
        pk = signing.loads(value, salt=SALTS[action], max_age=max_age)
    except signing.BadSignature:  # SignatureExpired is a BadSignature
        return None
    return Subscriber.objects.filter(pk=pk).first()


def absolute(path):
    return urljoin(settings.WAGTAILADMIN_BASE_URL, path)


def link(subscriber, action):
    with translation.override(subscriber.language):
        return absolute(reverse(f"newsletter:{action}", args=[token(subscriber, action)]))


# Abuse resistance

def client_address(request):
    return request.META.get("REMOTE_ADDR", "")


def rate_limited(request):
    """Whether this client has made too many subscribe requests in the window (counted in the
    cache, which is shared between processes in production: REDIS_URL)."""
    count, window = conf.rate_limit()
    key = f"newsletter:rate:{client_address(request)}"
    cache.add(key, 0, timeout=int(window.total_seconds()))
    try:
        current = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=int(window.total_seconds()))
        current = 1
    return current > count


# Subscribing

def _send(subscriber, template, subject, context, unsubscribe=True):
    context = {**context, "subscriber": subscriber,
               "preferences_url": link(subscriber, "preferences"),
               "unsubscribe_url": link(subscriber, "unsubscribe")}
    with translation.override(subscriber.language):
        text = render_to_string(f"newsletter/email/{template}.txt", context)
        html = render_to_string(f"newsletter/email/{template}.html", context)
        message = EmailMultiAlternatives(str(subject), text, to=[subscriber.email])
        message.attach_alternative(html, "text/html")
        if unsubscribe:
            message.extra_headers.update(unsubscribe_headers(context["unsubscribe_url"]))
        message.send()


def unsubscribe_headers(url):
    """RFC 2369 and RFC 8058: mail programs offer a one-click unsubscribe that POSTs
    ``List-Unsubscribe=One-Click`` to the URL."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def subscribe(email, language, topics):
    """Record the request and e-mail the address; the caller says the same thing whatever
    happened here."""
    email = email.strip().lower()
    subscriber, _created = Subscriber.objects.get_or_create(
        email=email, defaults={"language": language, "topics": topics}
    )
    if subscriber.status == Subscriber.Status.CONFIRMED:
        with translation.override(subscriber.language):
            _send(subscriber, "already", _("You are already subscribed"), {},
                  unsubscribe=False)
        return
    subscriber.language, subscriber.topics = language, topics
    subscriber.status = Subscriber.Status.PENDING
    subscriber.save(update_fields=["language", "topics", "status"])
    with translation.override(language):
        _send(subscriber, "confirm", _("Confirm your subscription to the newsletter"),
              {"confirm_url": link(subscriber, "confirm")}, unsubscribe=False)


def confirm(subscriber):
    if subscriber.status != Subscriber.Status.CONFIRMED:
        subscriber.status = Subscriber.Status.CONFIRMED
        subscriber.confirmed_at = timezone.now()
        subscriber.save(update_fields=["status", "confirmed_at"])


def unsubscribe(subscriber):
    if subscriber.status != Subscriber.Status.UNSUBSCRIBED:
        subscriber.status = Subscriber.Status.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["status", "unsubscribed_at"])


# Issues

def last_sent_at():
    issue = Issue.objects.filter(status=Issue.Status.SENT).order_by("-sent_at").first()
    return issue.sent_at if issue else None


def draft_issue(since=None, language=None):
    """A draft issue listing what was published since the last issue (a month at most, when
    none was sent), one block per kind of page."""
    since = since or last_sent_at() or timezone.now() - timedelta(days=31)
    locale = Locale.objects.get(language_code=language or settings.LANGUAGE_CODE)
    body = []
    with translation.override(locale.language_code):
        intro = _("What was published on the hub since the last issue.")
        body.append(("intro", f"<p>{intro}</p>"))
        for label in getattr(settings, "NEWSLETTER_DRAFT_TYPES", DRAFT_TYPES):
            try:
                model = apps.get_model(label)
            except LookupError:
                continue
            pages = list(model.objects.live().public().filter(
                locale=locale, first_published_at__gt=since).order_by("-first_published_at")[:10])
            if pages:
                body.append(("pages", {"heading": str(model._meta.verbose_name_plural).capitalize(),
                                       "pages": [page.pk for page in pages]}))
        subject = _("GCM Knowledge Hub: what is new")
    issue = Issue(subject=subject, locale=locale, body=body)
    issue.save()
    return issue


def issue_for(issue, language):
    """The issue's row in ``language``, else the issue itself."""
    return (Issue.objects.filter(translation_key=issue.translation_key,
                                 locale__language_code=language).first() or issue)


def render_issue(issue, subscriber):
    context = {"issue": issue, "subscriber": subscriber}
    if subscriber is not None:
        context.update(preferences_url=link(subscriber, "preferences"),
                       unsubscribe_url=link(subscriber, "unsubscribe"))
    with translation.override(issue.locale.language_code):
        return (render_to_string("newsletter/email/issue.txt", context),
                render_to_string("newsletter/email/issue.html", context))


def send_issue_to(issue, subscriber):
    localized = issue_for(issue, subscriber.language)
    text, html = render_issue(localized, subscriber)
    message = EmailMultiAlternatives(localized.subject, text, to=[subscriber.email])
    message.attach_alternative(html, "text/html")
    message.extra_headers.update(unsubscribe_headers(link(subscriber, "unsubscribe")))
    message.send()


def send_test(issue, email):
    """The issue as a subscriber would get it, to one address (the editor's); no record."""
    text, html = render_issue(issue, None)
    label = _("Test")
    message = EmailMultiAlternatives(f"[{label}] {issue.subject}", text, to=[email])
    message.attach_alternative(html, "text/html")
    message.send()


def recipients(issue):
    done = Delivery.objects.filter(issue_key=issue.translation_key).values("subscriber_id")
    return (Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED)
            .exclude(pk__in=done).order_by("pk"))


def start_sending(issue):
    from .tasks import send_batch

    Issue.objects.filter(translation_key=issue.translation_key).update(
        status=Issue.Status.SENDING)
    send_batch.enqueue(str(issue.translation_key))


def send_batch_now(issue_key, batch_size=None):
    """Send the issue to the next batch of recipients; True when some remain."""
    issue = Issue.objects.filter(translation_key=issue_key).order_by("pk").first()
    if issue is None:
        return False
    batch = list(recipients(issue)[: batch_size or conf.batch_size()])
    for subscriber in batch:
        try:
            with transaction.atomic():
                delivery = Delivery.objects.create(issue_key=issue_key, subscriber=subscriber)
        except IntegrityError:
            continue  # claimed by another worker
        try:
            send_issue_to(issue, subscriber)
        except Exception:
            delivery.delete()  # not sent: the next run tries this recipient again
            raise
        delivery.sent_at = timezone.now()
        delivery.save(update_fields=["sent_at"])
    if recipients(issue).exists():
        return True
    Issue.objects.filter(translation_key=issue_key).update(
        status=Issue.Status.SENT, sent_at=timezone.now())
    return False


def page_link(page):
    return absolute(page.url or "/")

