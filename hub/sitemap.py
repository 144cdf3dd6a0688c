"""The sitemap (/sitemap.xml): every live, public page of every language of the site.

Wagtail's own sitemap lists the descendants of the site's root page, which is one language's
home; the other languages' trees are its siblings, so they are added here.
"""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class HubSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        homes = Page.objects.filter(translation_key=root.translation_key)
        q = Q(pk__in=[])
        for path in homes.values_list("path", flat=True):
            q |= Q(path__startswith=path)
        return (
            Page.objects.live().public().filter(q).order_by("path")
            .defer_streamfields().specific()
        )
