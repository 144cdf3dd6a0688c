"""Request a GCM Talk: registered users ask, the secretariat accepts in the admin, and an
accepted request becomes a draft event."""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Permission

from event_calendar.models import EventPage, TalkRequest
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = "/ar/events/request-a-gcm-talk/"


def form_data(**overrides):
    start = date.today() + timedelta(days=30)
    data = {"topic": "Labour mobility in the Gulf", "level": "regional",
            "proposed_start": start.isoformat(), "proposed_end": "",
            "organisers": "IOM\nILO", "objectives": ["6", "23"],
            "description": "Exchange on fair recruitment."}
    data.update(overrides)
    return data


def test_anonymous_visitors_are_sent_to_log_in(client, event_indexes):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.post(URL, form_data()).status_code == 302
    assert not TalkRequest.objects.exists()


def test_a_user_requests_a_talk_and_bad_input_loses_nothing(client, event_indexes, user):
    client.force_login(user)
    page = client.get(URL)
    assert page.status_code == 200 and 'dir="rtl"' in page.content.decode()
    bad = client.post(URL, form_data(proposed_start="2001-01-01", proposed_end="2000-01-01"))
    assert bad.status_code == 200
    body = bad.content.decode()
    assert "Labour mobility in the Gulf" in body and 'class="field__error"' in body
    assert not TalkRequest.objects.exists()
    assert client.post(URL, form_data()).status_code == 302
    talk = TalkRequest.objects.get()
    assert (talk.requester, talk.language, talk.objectives) == (user, "ar", [6, 23])
    # The honeypot stores nothing.
    client.post(URL, form_data(website="http://spam"))
    assert TalkRequest.objects.count() == 1


def test_the_secretariat_accepts_a_request_as_a_draft_event(client, event_indexes, user):
    client.force_login(user)
    client.post(URL, form_data())
    talk = TalkRequest.objects.get()
    # Neither the requester nor an admin user without the permission may accept.
    assert client.post(f"/admin/talk-requests/{talk.pk}/accept/").status_code in (302, 403)
    clerk = UserFactory()
    clerk.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(clerk)
    client.post(f"/admin/talk-requests/{talk.pk}/accept/")
    assert not EventPage.objects.exists()

    secretariat = UserFactory()
    secretariat.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_talkrequest"))
    client.force_login(secretariat)
    assert "Labour mobility in the Gulf" in client.get("/admin/talk-requests/").content.decode()
    response = client.post(f"/admin/talk-requests/{talk.pk}/accept/")
    event = EventPage.objects.get()
    assert response["Location"] == f"/admin/pages/{event.pk}/edit/"
    assert not event.live and event.event_type == "gcm-talk"
    assert event.locale.language_code == "ar"
    assert sorted(link.objective.number for link in event.event_objectives.all()) == [6, 23]
    talk.refresh_from_db()
    assert talk.status == "accepted" and talk.event_id == event.pk
    client.post(f"/admin/talk-requests/{talk.pk}/accept/")  # twice: still one event
    assert EventPage.objects.count() == 1
    client.logout()
    assert client.get("/ar/events/").context["listing"].upcoming == []
