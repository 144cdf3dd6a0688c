"""Pledge fixtures: the pledge index in both languages and a factory of pledges."""

import datetime
from decimal import Decimal

import pytest
from django.utils.text import slugify

from hub.demo import publish
from hub.models import Objective, StakeholderType
from tests.factories import section_in_both_languages


@pytest.fixture
def pledge_indexes(home_pages, taxonomy):
    from pledges.models import PledgeIndexPage

    index = PledgeIndexPage(title="Pledges", slug="pledges", show_in_menus=True)
    return section_in_both_languages(home_pages, index, "التعهدات")


@pytest.fixture
def secretariat(db):
    from pledges.workflow import GROUP, pledge_review_workflow
    from tests.factories import UserFactory

    pledge_review_workflow()
    return UserFactory(groups=[GROUP])


def make_pledge(index, title, objectives=(8,), *, countries=("MA",), live=True,
                stakeholder="government-national", **fields):
    """A pledge under ``index`` (objectives by number), published when ``live``."""
    from pledges.models import PledgeCountry, PledgeObjective, PledgePage, PledgeStakeholder

    locale = index.locale
    fields.setdefault("summary", f"Summary of {title}.")
    fields.setdefault("slug", slugify(title, allow_unicode=True)[:50])
    fields.setdefault("pledging_entity", "Kingdom of Morocco")
    fields.setdefault("target", "Reach 1000 people.")
    fields.setdefault("start_date", datetime.date(2023, 1, 1))
    fields.setdefault("end_date", datetime.date(2026, 12, 31))
    if fields.get("pledge_type") == "financial":
        fields.setdefault("amount", Decimal("1000.00"))
        fields.setdefault("currency", "USD")
    page = PledgePage(title=title, locale=locale, live=live, **fields)
    page.pledge_objectives = [PledgeObjective(objective=o) for o in
                              Objective.objects.filter(locale=locale, number__in=objectives)]
    page.pledge_countries = [PledgeCountry(country=c) for c in countries]
    page.pledge_stakeholders = [PledgeStakeholder(stakeholder=s) for s in
                                StakeholderType.objects.filter(locale=locale, slug=stakeholder)]
    index.add_child(instance=page)
    if live:
        publish(page)
    return page
