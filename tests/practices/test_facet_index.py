"""The listing's in-memory index follows every change to the public practices at once."""

import pytest
from wagtail.models import PageViewRestriction

from hub.demo import publish
from hub.models import Objective, ThematicArea, ThematicAreaObjective
from practices import listing

from ..factories import make_practice


def objective(number):
    return Objective.objects.get(number=number, locale__language_code="en")


def titles(client, params=None):
    response = client.get("/en/practices/", params or {})
    return sorted(p.title for p in response.context["practices"])


def objective_count(client, number):
    response = client.get("/en/practices/")
    options = next(f for f in response.context["facets"] if f["name"] == "objective")["options"]
    return next(o["count"] for o in options if o["key"] == str(number))


@pytest.fixture
def two_practices(practice_indexes, taxonomy):
    index = practice_indexes["en"]
    return (make_practice(index, "Remittance corridors", [objective(20)]),
            make_practice(index, "Return counselling", [objective(21)]))


@pytest.mark.django_db
def test_publish_unpublish_restrict_and_delete_show_at_once(client, practice_indexes,
                                                              two_practices):
    assert titles(client) == ["Remittance corridors", "Return counselling"]
    assert objective_count(client, 20) == 1

    added = make_practice(practice_indexes["en"], "Remittance data", [objective(20)])
    assert titles(client, {"objective": 20}) == ["Remittance corridors", "Remittance data"]
    assert objective_count(client, 20) == 2

    added.unpublish()
    assert titles(client, {"objective": 20}) == ["Remittance corridors"]
    assert objective_count(client, 20) == 1

    PageViewRestriction.objects.create(page=two_practices[1], restriction_type="login")
    assert titles(client) == ["Remittance corridors"]

    two_practices[0].delete()
    assert titles(client) == []


@pytest.mark.django_db
def test_a_republished_change_of_terms_moves_the_practice(client, two_practices):
    page = two_practices[0]
    link = page.practice_objectives.get()
    link.objective = objective(21)
    link.save()
    publish(page)
    assert titles(client, {"objective": 21}) == ["Remittance corridors", "Return counselling"]
    assert titles(client, {"objective": 20}) == []


@pytest.mark.django_db
def test_thematic_area_follows_its_objectives(client, two_practices):
    area = ThematicArea.objects.filter(locale__language_code="en").first()
    ThematicAreaObjective.objects.filter(area=area).delete()
    assert titles(client, {"area": area.number}) == []
    ThematicAreaObjective.objects.create(area=area, objective=objective(21))
    assert titles(client, {"area": area.number}) == ["Return counselling"]


@pytest.mark.django_db
def test_relevance_order_is_the_same_whichever_way_it_is_ranked(client, practice_indexes,
                                                                taxonomy, monkeypatch):
    index = practice_indexes["en"]
    make_practice(index, "Labour mobility", [objective(5)], summary="Remittance costs fall.")
    make_practice(index, "Remittance remittance costs", [objective(5)])
    make_practice(index, "Remittance costs", [objective(6)])
    make_practice(index, "Remittance research", [objective(6)], practice_type="research")

    def ranked(**params):
        params = {"q": "remittance", "sort": "relevance", **params}
        return [p.title for p in client.get("/en/practices/", params).context["practices"]]

    everything = ranked()  # keyword only: the database ranks the page shown
    assert len(everything) == 4 and everything[-1] == "Labour mobility"  # title beats summary
    programmes = [title for title in everything if title != "Remittance research"]
    assert ranked(type="programme") == programmes  # few results: ranked by id
    monkeypatch.setattr(listing, "RANK_AMONG_IDS", 0)
    assert ranked(type="programme") == programmes  # many: every match ranked, then kept
