import pytest
from wagtail.models import PageViewRestriction

from hub.demo import publish
from practices.models import PracticePage


@pytest.fixture
def make_page(home_pages):
    """Create a practice page (published unless live=False) under a language's home page."""
    counter = {"n": 0}

    def make(title, summary="-", language="en", live=True, private=False):
        counter["n"] += 1
        page = PracticePage(title=title, slug=f"p{counter['n']}", summary=summary,
                            locale=home_pages[language].locale)
        home_pages[language].add_child(instance=page)
        if live:
            publish(page)
        else:
            page.live = False
            page.save_revision()
            page.save()
        if private:
            PageViewRestriction.objects.create(page=page, restriction_type="login")
        return page

    return make
