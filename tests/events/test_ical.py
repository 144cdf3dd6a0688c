"""iCalendar: an event's .ics and the filtered feed parse back with the library that wrote them
(icalendar) and with an independent parser (vobject); Arabic text is folded and escaped."""

from datetime import UTC, datetime, timedelta

import icalendar
import pytest
import vobject

from hub.demo import publish, publish_translation

from .conftest import make_event

pytestmark = pytest.mark.django_db

ARABIC_TITLE = ("ورشة عمل لبناء القدرات حول الاستعراض الإقليمي للاتفاق العالمي، "
                "في المنطقة العربية; الجلسة الأولى")
ARABIC_SUMMARY = ("تهدف هذه السلسلة من ورش العمل إلى التوعية وبناء قدرات نقاط الاتصال المعنية "
                  "بالهجرة في الدول العربية، على مبادئ وأهداف الاتفاق العالمي;\nسطر ثانٍ\\نهاية")


def unfolded_lines(body):
    return body.decode("utf-8").replace("\r\n ", "").split("\r\n")


def test_event_ics_parses_back_with_two_parsers(client, event_indexes):
    event = make_event(event_indexes["en"], "Workshop, first session", datetime(2020, 6, 25, 10),
                       datetime(2020, 6, 25, 13), zone="Africa/Cairo", slug="workshop",
                       event_type="workshop", venue="ESCWA; Beirut", is_online=True)
    response = client.get("/en/events/workshop/event.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content

    calendar = icalendar.Calendar.from_ical(body)
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["summary"]) == "Workshop, first session"
    assert vevent.decoded("dtstart") == datetime(2020, 6, 25, 8, tzinfo=UTC)
    assert vevent.decoded("dtend") == datetime(2020, 6, 25, 11, tzinfo=UTC)
    assert str(vevent["url"]) == "http://testserver/en/events/workshop/"
    assert str(vevent["uid"]) == event.uid
    assert str(vevent["location"]) == "ESCWA; Beirut, Online"

    parsed = vobject.readOne(body.decode("utf-8"))
    assert parsed.vevent.summary.value == "Workshop, first session"
    assert parsed.vevent.dtstart.value == datetime(2020, 6, 25, 8, tzinfo=UTC)
    assert parsed.vevent.uid.value == event.uid
    assert parsed.vevent.location.value == "ESCWA; Beirut, Online"
    # The raw text escapes the comma and semicolon (RFC 5545, 3.3.11) and times are UTC.
    lines = unfolded_lines(body)
    assert "SUMMARY:Workshop\\, first session" in lines
    assert "DTSTART:20200625T080000Z" in lines


def test_arabic_text_is_folded_at_75_octets_and_escaped(client, event_indexes):
    event = make_event(event_indexes["en"], "Workshop", datetime(2020, 6, 25, 10),
                       datetime(2020, 6, 25, 13), slug="workshop")
    arabic = publish_translation(event, "ar", title=ARABIC_TITLE, summary=ARABIC_SUMMARY)
    body = client.get("/ar/events/workshop/event.ics").content
    for line in body.split(b"\r\n"):
        assert len(line) <= 75, line  # octets, not characters: UTF-8 Arabic letters are 2 each
        line.decode("utf-8")  # a fold never splits a character
    assert any(line.startswith(b" ") for line in body.split(b"\r\n"))  # it was folded
    lines = unfolded_lines(body)
    assert any(line.startswith("SUMMARY:ورشة عمل") and "العالمي، في المنطقة العربية\\; الجلسة"
               in line for line in lines)
    description = next(line for line in lines if line.startswith("DESCRIPTION:"))
    assert "الاتفاق العالمي\\;\\nسطر ثانٍ\\\\نهاية" in description

    for summary, text in (
        (str(icalendar.Calendar.from_ical(body).walk("VEVENT")[0]["summary"]),
         icalendar.Calendar.from_ical(body).walk("VEVENT")[0]["description"]),
        (vobject.readOne(body.decode()).vevent.summary.value,
         vobject.readOne(body.decode()).vevent.description.value),
    ):
        assert summary == ARABIC_TITLE
        assert str(text).startswith(ARABIC_SUMMARY)
        assert str(text).endswith("http://testserver/ar/events/workshop/")
    # Both languages of one event are one calendar event.
    english = icalendar.Calendar.from_ical(client.get("/en/events/workshop/event.ics").content)
    assert str(english.walk("VEVENT")[0]["uid"]) == arabic.uid == event.uid


def test_uid_survives_edits_and_the_feed_follows_filters(client, event_indexes):
    index = event_indexes["en"]
    talk = make_event(index, "GCM Talk", datetime(2030, 3, 1, 9), datetime(2030, 3, 1, 11),
                      slug="talk", event_type="gcm-talk", objectives=[8])
    make_event(index, "Review", datetime(2020, 11, 12), datetime(2020, 11, 13, 23, 59),
               slug="review", event_type="regional-review", all_day=True)
    before = icalendar.Calendar.from_ical(client.get("/en/events/talk/event.ics").content)
    talk.title = "GCM Talk on labour migration"
    talk.start += timedelta(hours=1)
    publish(talk)
    after = icalendar.Calendar.from_ical(client.get("/en/events/talk/event.ics").content)
    assert before.walk("VEVENT")[0]["uid"] == after.walk("VEVENT")[0]["uid"]
    assert str(after.walk("VEVENT")[0]["summary"]) == "GCM Talk on labour migration"

    feed = client.get("/en/events/feed.ics?type=gcm-talk")
    assert feed.status_code == 200
    events = icalendar.Calendar.from_ical(feed.content).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["GCM Talk on labour migration"]
    everything = vobject.readOne(client.get("/en/events/feed.ics").content.decode())
    summaries = sorted(e.summary.value for e in everything.vevent_list)
    assert summaries == ["GCM Talk on labour migration", "Review"]
    review = next(e for e in everything.vevent_list if e.summary.value == "Review")
    # All-day: dates, the end exclusive.
    assert str(review.dtstart.value) == "2020-11-12" and str(review.dtend.value) == "2020-11-14"
    assert client.get("/en/events/feed.ics?type=nothing-here").status_code == 200
    assert client.get("/en/events/feed.ics?objective=8").content.count(b"BEGIN:VEVENT") == 1
