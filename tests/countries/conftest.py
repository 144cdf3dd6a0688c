import pytest

from tests.factories import section_in_both_languages


@pytest.fixture
def country_indexes(home_pages, taxonomy):
    """The country index in English and Arabic, both live."""
    from countries.models import CountryIndexPage

    index = CountryIndexPage(title="Countries", slug="countries", show_in_menus=True)
    return section_in_both_languages(home_pages, index, "البلدان")
