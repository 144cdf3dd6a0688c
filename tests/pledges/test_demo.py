"""The demo pledges: about 30, every type and status, both languages as translations."""

import io

import pytest

from pledges.demo import load_pledge_submissions, load_pledges
from pledges.models import PledgePage, PledgeStatus, PledgeType

pytestmark = pytest.mark.django_db


def test_demo_pledges_cover_types_states_and_languages(home_pages, taxonomy, practice_indexes):
    load_pledges(io.StringIO())
    load_pledge_submissions(io.StringIO())
    live = PledgePage.objects.live()
    english = live.filter(locale__language_code="en")
    arabic = live.filter(locale__language_code="ar")
    assert 25 <= english.count() <= 30 and 25 <= arabic.count() <= 30
    assert {p.pledge_type for p in live} == set(PledgeType.values)
    assert {p.status for p in live} == set(PledgeStatus.values)
    translated = set(english.values_list("translation_key", flat=True)) & set(
        arabic.values_list("translation_key", flat=True))
    assert len(translated) >= 20
    assert live.filter(progress_notes__isnull=False).exists()
    for page in live.filter(pledge_type="financial"):
        assert page.amount > 0 and page.currency
    states = {row.owner.email for row in PledgePage.objects.filter(owner__isnull=False,
                                                                  live=False)}
    assert states == {"submitter@demo.local"}
    # Safe to run again.
    count = PledgePage.objects.count()
    load_pledges(io.StringIO())
    load_pledge_submissions(io.StringIO())
    assert PledgePage.objects.count() == count
