from django.db import models
from wagtail.search import index

from hub.pages import HubPage


class NotePage(HubPage):
    body = models.TextField(blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    search_fields = HubPage.search_fields + [index.SearchField("body")]
