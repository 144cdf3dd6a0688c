import pytest

from hub.demo import publish, publish_translation


@pytest.fixture
def country_indexes(home_pages, taxonomy):
    """The country index in English and Arabic, both live."""
    from countries.models import CountryIndexPage

    index = CountryIndexPage(title="Countries", slug="countries", show_in_menus=True)
    home_pages["en"].add_child(instance=index)
    publish(index)
    arabic = publish_translation(index, "ar", title="البلدان")
    return {"en": index, "ar": arabic}
