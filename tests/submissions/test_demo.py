import io

import pytest

from practices.submission import services
from practices.submission_demo import load_submissions

pytestmark = pytest.mark.django_db


def test_demo_submissions_cover_the_states_and_load_once(repository):
    load_submissions(io.StringIO())
    load_submissions(io.StringIO())
    from django.contrib.auth import get_user_model

    submitter = get_user_model().objects.get(email="submitter@demo.local")
    states = sorted(row["state"] for row in services.submissions_of(submitter))
    assert states == [
        "changes_requested", "draft", "in_peer_review", "rejected", "submitted",
    ]


def test_a_demo_submission_has_an_attached_chart(repository):
    load_submissions(io.StringIO())
    from practices.models import PracticePage

    page = PracticePage.objects.get(title="Demo submitted: legal aid desks")
    blocks = list(page.get_latest_revision_as_object().resources)
    assert [block.block_type for block in blocks] == ["image"]
    image = blocks[0].value["image"]
    assert image.title == "Consultations per year" and image.collection.name == "Submissions"
