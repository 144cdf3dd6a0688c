"""The newsletter as its readers and editors use it: double opt-in, an issue in the reader's
language with one-click unsubscribe headers, nothing after unsubscribing, abuse resistance, and a
send interrupted half-way that resumes with no duplicate."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from wagtail.models import Locale

from newsletter import services
from newsletter.models import Delivery, Issue, Subscriber
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver(/\S+/)")


def subscribe(client, email, language="ar", topics=("8",), lang="ar", **extra):
    return client.post(f"/{lang}/newsletter/", {"email": email, "language": language,
                                                "topics": list(topics), **extra})


def make_issue(subject="Issue", arabic="العدد"):
    issue = Issue.objects.create(subject=subject, locale=Locale.objects.get(language_code="en"),
                                 body=[("intro", "<p>English text.</p>")])
    translation = issue.copy_for_translation(Locale.objects.get(language_code="ar"))
    translation.subject = arabic
    translation.body = [("intro", "<p>نص عربي.</p>")]
    translation.save()
    return issue


def test_subscribe_confirm_receive_in_arabic_unsubscribe_one_click(client, home_pages, taxonomy):
    response = subscribe(client, "Reader@Example.org")
    assert response.status_code == 200
    assert "تحقق من بريدك الوارد" in response.content.decode()
    assert len(mail.outbox) == 1
    confirm_mail = mail.outbox[0]
    assert confirm_mail.to == ["reader@example.org"]
    assert "List-Unsubscribe" not in confirm_mail.extra_headers
    # Nothing is sent before confirmation.
    make_issue()
    services.start_sending(Issue.objects.get(subject="Issue"))
    assert len(mail.outbox) == 1

    (confirm_path,) = LINK.findall(confirm_mail.body)
    assert "/ar/newsletter/confirm/" in confirm_path
    assert client.get(confirm_path).status_code == 200
    subscriber = Subscriber.objects.get()
    assert subscriber.status == "confirmed" and subscriber.topics == [8]

    issue = make_issue("July issue", "عدد تموز/يوليو")
    services.start_sending(issue)
    assert len(mail.outbox) == 2
    message = mail.outbox[1]
    assert message.subject == "عدد تموز/يوليو"
    assert "نص عربي." in message.alternatives[0][0]
    assert 'dir="rtl"' in message.alternatives[0][0]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = re.fullmatch(r"<(.+)>", message.extra_headers["List-Unsubscribe"]).group(1)
    assert url.startswith("http://testserver/ar/newsletter/unsubscribe/")
    # RFC 8058: the mail program POSTs "List-Unsubscribe=One-Click", no cookie, no CSRF token.
    one_click = client.__class__(enforce_csrf_checks=True)
    response = one_click.post(url.removeprefix("http://testserver"),
                              {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert Subscriber.objects.get().status == "unsubscribed"
    # Twice is harmless.
    assert one_click.post(url.removeprefix("http://testserver"),
                          {"List-Unsubscribe": "One-Click"}).status_code == 200

    services.start_sending(make_issue("August issue", "عدد آب/أغسطس"))
    assert len(mail.outbox) == 2
    assert Issue.objects.get(subject="August issue").status == "sent"


def test_no_hint_whether_an_address_is_subscribed_and_twice_is_harmless(client, home_pages,
                                                                        taxonomy):
    first = subscribe(client, "a@example.org", lang="en", language="en")
    (confirm_path,) = LINK.findall(mail.outbox[0].body)
    client.get(confirm_path)
    again = subscribe(client, "a@example.org", lang="en", language="en")
    stranger = subscribe(client, "b@example.org", lang="en", language="en")
    assert first.content == again.content == stranger.content
    assert Subscriber.objects.get(email="a@example.org").status == "confirmed"
    assert "already subscribed" in mail.outbox[1].body
    assert "/en/newsletter/preferences/" in mail.outbox[1].body


def test_expired_or_forged_links_do_nothing(client, home_pages, taxonomy):
    subscribe(client, "late@example.org", lang="en", language="en")
    (confirm_path,) = LINK.findall(mail.outbox[0].body)
    with override_settings(NEWSLETTER_CONFIRM_MAX_AGE=-1):
        assert client.get(confirm_path).status_code == 400
    assert Subscriber.objects.get().status == "pending"
    assert client.get("/en/newsletter/confirm/forged:token/").status_code == 400
    assert client.post("/en/newsletter/unsubscribe/forged/").status_code == 400


def test_preferences_through_the_signed_link(client, home_pages, taxonomy):
    subscriber = Subscriber.objects.create(email="p@example.org", status="confirmed")
    url = services.link(subscriber, "preferences").removeprefix("http://testserver")
    assert client.get(url).status_code == 200
    response = client.post(url, {"language": "ar", "topics": ["3", "23"]})
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.language == "ar" and subscriber.topics == [3, 23]


def test_honeypot_and_rate_limit(client, home_pages, taxonomy):
    response = subscribe(client, "bot@example.org", lang="en", website="http://spam")
    assert response.status_code == 200 and not Subscriber.objects.exists() and not mail.outbox
    with override_settings(NEWSLETTER_RATE_LIMIT=(2, timedelta(hours=1))):
        subscribe(client, "one@example.org", lang="en", language="en")
        subscribe(client, "two@example.org", lang="en", language="en")
        refused = subscribe(client, "three@example.org", lang="en", language="en")
    assert refused.status_code == 429
    assert 'value="three@example.org"' in refused.content.decode()  # nothing typed is lost
    assert not Subscriber.objects.filter(email="three@example.org").exists()
    invalid = subscribe(client, "not-an-address", lang="ar")
    assert invalid.status_code == 200 and 'aria-invalid="true"' in invalid.content.decode()


class FailingAfter:
    """An e-mail backend that stops working after ``limit`` messages, like an SMTP server going
    away half-way through a send."""

    limit = 0
    sent = []

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        if len(FailingAfter.sent) >= FailingAfter.limit:
            raise ConnectionError("SMTP server went away")
        FailingAfter.sent.extend(messages)
        return len(messages)


def test_an_interrupted_send_resumes_without_duplicates(home_pages, taxonomy):
    for n in range(7):
        Subscriber.objects.create(email=f"s{n}@example.org", status="confirmed",
                                  language=["en", "ar"][n % 2])
    Subscriber.objects.create(email="pending@example.org")
    issue = make_issue()
    FailingAfter.sent, FailingAfter.limit = [], 4
    backend = f"{__name__}.FailingAfter"
    with override_settings(EMAIL_BACKEND=backend, NEWSLETTER_BATCH_SIZE=3):
        services.start_sending(issue)  # the second batch fails (the task is marked failed)
        assert len(FailingAfter.sent) == 4
        assert Delivery.objects.filter(sent_at__isnull=False).count() == 4
        assert Delivery.objects.count() == 4  # the failed recipient's claim was released
        assert Issue.objects.get(pk=issue.pk).status == "sending"
        FailingAfter.limit = 100
        services.start_sending(issue)  # resume
    recipients = [m.to[0] for m in FailingAfter.sent]
    assert sorted(recipients) == sorted(f"s{n}@example.org" for n in range(7))
    subjects = {m.to[0]: m.subject for m in FailingAfter.sent}
    assert subjects["s1@example.org"] == "العدد" and subjects["s0@example.org"] == "Issue"
    assert Issue.objects.get(pk=issue.pk).status == "sent"


def test_editors_draft_preview_test_and_send_others_cannot(client, home_pages, taxonomy):
    editor = UserFactory(groups=["Editors"], is_staff=False)
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"),
                                *Permission.objects.filter(content_type__app_label="newsletter",
                                                           codename__endswith="_issue"))
    reader = UserFactory()
    reader.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(reader)
    # Wagtail's admin answers a refused permission with a redirect to the dashboard.
    assert client.get("/admin/newsletter/")["Location"] == "/admin/"
    assert client.post("/admin/newsletter/draft/")["Location"] == "/admin/"
    assert not Issue.objects.exists()
    client.logout()
    assert client.get("/admin/newsletter/").status_code == 302
    client.force_login(editor)
    assert client.get("/admin/newsletter/").status_code == 200
    response = client.post("/admin/newsletter/draft/")
    assert response.status_code == 302
    issue = Issue.objects.get()
    assert issue.status == "draft"
    assert client.get(f"/admin/newsletter/{issue.pk}/preview/").status_code == 200
    client.post(f"/admin/newsletter/{issue.pk}/test/")
    assert mail.outbox[-1].to == [editor.email] and mail.outbox[-1].subject.startswith("[")
    Subscriber.objects.create(email="r@example.org", status="confirmed")
    client.post(f"/admin/newsletter/{issue.pk}/send/")
    assert mail.outbox[-1].to == ["r@example.org"]
    assert Issue.objects.get().status == "sent"
