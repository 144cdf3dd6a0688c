from django.db import models
from wagtail.search import index

from hub.models import SluggedTerm, term_link
from hub.pages import HubPage
from practices.models import PracticePage


class NotePage(HubPage):
    body = models.TextField(blank=True)

    parent_page_types = ["home.HomePage"]

    search_fields = HubPage.search_fields + [index.SearchField("body")]


class Theme(SluggedTerm):
    """A kind of term another app adds to the practices (see ``facets.py``)."""


# Its link to a practice: with ``facets.THEME`` declared, the practice page and the exports
# show it without any other edit.
PracticeTheme = term_link(PracticePage, "PracticeTheme", "theme", Theme, "theme", "practice",
                          module=__name__)
