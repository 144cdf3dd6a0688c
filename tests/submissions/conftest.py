import pytest

from practices.models import PracticeIndexPage
from tests.factories import section_in_both_languages


@pytest.fixture
def repository(home_pages, taxonomy):
    index = PracticeIndexPage(title="Practices", slug="practices")
    return section_in_both_languages(home_pages, index, "الممارسات")
