"""Linking a pledge to the practices that carry it out: the maker finds published practices of
their language in the form and ticks them; anything else is refused in words, nothing typed lost.
"""

import re

import pytest

from hub.models import Objective
from pledges.models import PledgePage
from tests.factories import UserFactory, make_practice

from .test_submission import pledge_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def maker(client, pledge_indexes):
    user = UserFactory()
    client.force_login(user)
    return user


@pytest.fixture
def practices(practice_indexes, taxonomy):
    en, ar = practice_indexes["en"], practice_indexes["ar"]
    objective = Objective.objects.get(number=21, locale__language_code="en")
    return {
        "counselling": make_practice(en, "Return counselling in Morocco", [objective]),
        "desk": make_practice(en, "Reintegration desk for returnees", [objective]),
        "draft": make_practice(en, "Return counselling draft", [objective], live=False),
        "arabic": make_practice(
            ar, "إرشاد العائدين في المغرب",
            [Objective.objects.get(number=21, locale__language_code="ar")]),
    }


def ticked(html):
    """{practice id: checked} of the practice checkboxes on the page."""
    return {int(found.group(1)): "checked" in found.group(2) for found in re.finditer(
        r'<input type="checkbox" name="practices" value="(\d+)"([^>]*)>', html)}


def test_finding_practices_keeps_the_form_as_typed_and_saves_nothing(client, maker, practices):
    data = pledge_data(title="Fund for safe return", practice_query="counselling",
                       find_practices="1", amount="lots")
    data.pop("submit_review")
    response = client.post("/en/pledges/make/", data)
    assert response.status_code == 200
    html = response.content.decode()
    # Only the published English practice that matches, unticked; no error for the rest.
    assert ticked(html) == {practices["counselling"].pk: False}
    assert "Return counselling in Morocco" in html and "Return counselling draft" not in html
    assert "1 published practice matches “counselling”." in html
    assert 'value="Fund for safe return"' in html and 'value="lots"' in html
    assert 'value="counselling"' in html
    assert "Please correct the errors" not in html
    assert not PledgePage.objects.exists()


def test_the_chosen_practices_stay_ticked_beside_new_matches(client, maker, practices):
    data = pledge_data(practices=[str(practices["counselling"].pk)],
                       practice_query="reintegration", find_practices="1")
    html = client.post("/en/pledges/make/", data).content.decode()
    assert ticked(html) == {practices["counselling"].pk: True, practices["desk"].pk: False}


def test_a_pledge_links_the_ticked_practices(client, maker, practices):
    chosen = [practices["counselling"], practices["desk"]]
    data = pledge_data(practices=[str(p.pk) for p in chosen], save_draft="1")
    data.pop("submit_review")
    assert client.post("/en/pledges/make/", data).status_code == 302
    page = PledgePage.objects.get()
    latest = page.get_latest_revision_as_object()
    assert [link.practice_id for link in latest.pledge_practices.all()] == [
        p.pk for p in chosen]
    # The draft's form shows them ticked.
    html = client.get(f"/en/pledges/mine/{page.pk}/edit/").content.decode()
    assert ticked(html) == {p.pk: True for p in chosen}


@pytest.mark.parametrize("which", ["draft", "arabic", "unknown"])
def test_unpublished_other_language_or_unknown_practices_are_refused(client, maker, practices,
                                                                     which):
    bad = "999999" if which == "unknown" else str(practices[which].pk)
    good = str(practices["counselling"].pk)
    response = client.post("/en/pledges/make/", pledge_data(practices=[good, bad]))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "Choose among the published practices of this hub in this language" in " ".join(
        errors["practices"])
    html = response.content.decode()
    assert ticked(html) == {int(good): True}  # what was valid stays ticked
    assert 'value="Fund for safe return"' in html
    assert not PledgePage.objects.exists()


def test_the_arabic_form_finds_arabic_practices_and_refuses_in_arabic(client, maker, practices):
    data = pledge_data(practice_query="العائدين", find_practices="1")
    html = client.post("/ar/pledges/make/", data).content.decode()
    assert ticked(html) == {practices["arabic"].pk: False}
    assert "البحث عن الممارسات المنشورة" in html
    response = client.post("/ar/pledges/make/",
                           pledge_data(practices=[str(practices["counselling"].pk)]))
    assert response.status_code == 200
    message = " ".join(response.context["form"].errors["practices"])
    assert "اختر من بين الممارسات المنشورة" in message
    assert not PledgePage.objects.exists()


def test_more_than_ten_practices_are_refused(client, maker, practice_indexes, taxonomy):
    """Ticked among the chosen ones and a search's matches, 15 published practices."""
    many = [make_practice(practice_indexes["en"], f"Practice {n}", []) for n in range(15)]
    response = client.post("/en/pledges/make/",
                           pledge_data(practices=[str(p.pk) for p in many]))
    assert response.status_code == 200
    assert " ".join(response.context["form"].errors["practices"]) == (
        "Link at most 10 practices.")
    assert len(ticked(response.content.decode())) == 15  # all kept, for the maker to untick
