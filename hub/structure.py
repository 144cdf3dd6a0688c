"""The site structure: locales, each site's home page per language, the sections under them.

Read by the router (``hub/routing.py``), the page frame (``hub/frame.py``) and any app that links
to a section by type. It changes rarely: it is cached (``hub/cache.py`` forgets it when a page,
site, locale or view restriction changes), rebuilt in four queries, and read from the cache once
per request.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import translation
from django.utils.functional import cached_property
from wagtail.models import Locale, Page, Site

from .cache import SITE_KEY, cached
from .pages import public


@dataclass
class SiteStructure:
    """Per site: the home page of each language (live or not) and the live public children of
    each home page (the sections), as base ``Page`` instances."""

    locale_ids: dict  # language code -> Locale id
    homes: dict = field(default_factory=dict)  # site id -> {language code: Page}
    sections: dict = field(default_factory=dict)  # home page id -> [Page]
    footer: dict = field(default_factory=dict)  # locale id -> [FooterLink] (page selected)

    @cached_property
    def language_codes(self):
        return {pk: code for code, pk in self.locale_ids.items()}


def _build_structure():
    structure = SiteStructure(locale_ids=dict(Locale.objects.values_list("language_code", "pk")))
    sites = list(Site.objects.select_related("root_page"))
    keys = {site.root_page.translation_key for site in sites}
    homes = list(Page.objects.filter(translation_key__in=keys)) if keys else []
    for site in sites:
        structure.homes[site.pk] = {
            structure.language_codes.get(home.locale_id): home
            for home in homes if home.translation_key == site.root_page.translation_key
        }
    children = Q()
    for home in homes:
        children |= Q(path__startswith=home.path, depth=home.depth + 1)
        structure.sections[home.pk] = []
    if homes:
        by_path = {home.path: home.pk for home in homes}
        for page in public(Page.objects.filter(children).live()).order_by("path"):
            structure.sections[by_path[page.path[: -Page.steplen]]].append(page)
    from .models import FooterLink

    for link in FooterLink.objects.select_related("page"):
        if link.page is None or link.page.live:
            structure.footer.setdefault(link.locale_id, []).append(link)
    return structure


def site_structure(request=None):
    """The cached site structure, read from the cache once per request when given one."""
    if request is None:
        return cached(SITE_KEY, _build_structure)
    if not hasattr(request, "_hub_site_structure"):
        request._hub_site_structure = cached(SITE_KEY, _build_structure)
    return request._hub_site_structure


def locale_id(language_code=None, request=None):
    """The id of the Locale of a language (the active one by default), without a query."""
    code = language_code or translation.get_language()
    return site_structure(request).locale_ids.get(code)


def language_code_of(page, request=None):
    """The language code of a page's locale, without a query."""
    return site_structure(request).language_codes.get(page.locale_id)


def site_homes(request):
    """{language code: home page} of the request's site (its root page and translations)."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return {}
    return site_structure(request).homes.get(site.pk, {})


def site_home(request):
    """The page Wagtail routes from: the home of the active language when live, else the
    site's root page (``site.root_page.localized``); None when the site is unknown."""
    homes = site_homes(request)
    home = homes.get(translation.get_language())
    if home is not None and home.live:
        return home
    root_id = Site.find_for_request(request).root_page_id if homes else None
    return next((home for home in homes.values() if home.pk == root_id), None)


def sections_of(home, request=None):
    """The live public children of a home page, from the cache when it is a site's home."""
    sections = site_structure(request).sections.get(home.pk)
    if sections is None:
        sections = list(public(home.get_children().live()))
    return sections


def section_of_type(request, model, language_code=None):
    """The live public section (child of a home page) of type ``model`` in a language."""
    home = site_homes(request).get(language_code or translation.get_language())
    if home is None:
        return None
    for page in sections_of(home, request):
        if issubclass(page.specific_class or Page, model):
            return page
    return None


def footer_links(request=None):
    """The footer links of the active language, in their order, without a query."""
    return site_structure(request).footer.get(locale_id(request=request), [])
