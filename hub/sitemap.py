"""The sitemap (/sitemap.xml): every live, public page of every language of the site, each with
its translations as ``hreflang`` alternates.

Wagtail's own sitemap lists the descendants of the site's root page, which is one language's
home; the other languages' trees are its siblings, so they are added here. A page's translations
are in the same list (same ``translation_key``), so the alternates cost no query of their own.
"""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page


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

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        codes = dict(Locale.objects.values_list("pk", "language_code"))
        versions = defaultdict(list)
        for item in pages:
            versions[item.translation_key].append(
                {"lang_code": codes[item.locale_id], "location": item.get_full_url(self.request)})
        urls = []
        for item in pages:
            alternates = versions[item.translation_key]
            for url_info in item.get_sitemap_urls(self.request):
                if len(alternates) > 1 and any(
                        alt["location"] == url_info["location"] for alt in alternates):
                    url_info["alternates"] = alternates
                urls.append(url_info)
        last_mods = {url_info.get("lastmod") for url_info in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
