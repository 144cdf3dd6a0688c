import pytest

from hub.demo import publish, publish_translation
from practices.models import PracticeIndexPage


@pytest.fixture
def repository(home_pages, taxonomy):
    english = PracticeIndexPage(title="Practices", slug="practices")
    home_pages["en"].add_child(instance=english)
    publish(english)
    arabic = publish_translation(english, "ar", title="الممارسات")
    return {"en": english, "ar": arabic}
