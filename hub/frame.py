"""The page frame: home link, main menu, language switcher, hreflang alternates, breadcrumbs.

Every public page shows the frame, so it must cost a fixed, small number of queries:

- The site structure (locales, each site's home page per language and the live public pages
  under it) changes rarely: it is cached (``hub/cache.py`` forgets it when a page, site, locale
  or view restriction changes) and rebuilt in four queries.
- What depends on the current page (its live translations and its ancestors) comes from one
  query, once per request: the frame is memoised on the request.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q
from django.urls import translate_url
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


class Frame:
    """What the frame of one page (or non-page view) shows; build it with ``frame_for()``."""

    def __init__(self, request, page=None):
        self.request = request
        self.page = page if isinstance(page, Page) else None
        self.language = translation.get_language()
        self.homes = site_homes(request)

    def home(self, language_code=None):
        """The home page of a language (the active one by default), live or not, or None."""
        return self.homes.get(language_code or self.language)

    def home_url(self):
        home = self.home()
        return home.get_url(self.request) if home else "/"

    def sections(self):
        home = self.home()
        return sections_of(home, self.request) if home else []

    def menu(self):
        current = self.page.path if self.page else ""
        return [
            {"page": section, "is_active": current.startswith(section.path)}
            for section in self.sections() if section.show_in_menus
        ]

    @cached_property
    def _related(self):
        """The page's live translations and its ancestors below the tree root, in one query."""
        page = self.page
        if page is None or not page.path:  # no page, or a new page being previewed
            return [], []
        step = Page.steplen
        ancestor_paths = [page.path[:end] for end in range(2 * step, len(page.path), step)]
        rows = Page.objects.filter(
            (Q(translation_key=page.translation_key) & Q(live=True) & ~Q(pk=page.pk))
            | Q(path__in=ancestor_paths)
        ).order_by("path")
        translations, ancestors = [], []
        for row in rows:
            (ancestors if row.path in ancestor_paths else translations).append(row)
        return translations, ancestors

    def language_of(self, page):
        return language_code_of(page, self.request)

    def translations(self):
        """{language code: live translation} of the current page, itself first when live."""
        found = {}
        if self.page is not None and self.page.live:
            found[self.language_of(self.page)] = self.page
        for page in self._related[0]:
            found.setdefault(self.language_of(page), page)
        return found

    def other_translations(self):
        """The page's live translations in other languages, each with ``language_code``."""
        own = self.language_of(self.page) if self.page else None
        result = []
        for code, page in self.translations().items():
            if code != own:
                page.language_code = code
                result.append(page)
        return result

    def breadcrumbs(self):
        return self._related[1]

    def language_links(self):
        """One link per language: the live translation of the current page, otherwise that
        language's home page; for non-page views, the same path in that language."""
        translations = self.translations() if self.page else {}
        links = []
        for code, name in settings.LANGUAGES:
            is_translation = True
            if self.page is not None:
                target = translations.get(code)
                if target is None and self.language_of(self.page) == code:
                    target = self.page  # a draft being previewed
                if target is None:
                    is_translation = False
                    home = self.home(code)
                    url = home.get_url(self.request) if home and home.live else f"/{code}/"
                else:
                    url = target.get_url(self.request)
            elif self.request is not None:
                url = translate_url(self.request.get_full_path(), code)
            else:
                url, is_translation = f"/{code}/", False
            links.append({
                "code": code,
                "name": name,
                "url": url,
                "is_current": code == self.language,
                "is_translation": is_translation,
                "direction": "rtl" if translation.get_language_info(code)["bidi"] else "ltr",
            })
        return links

    def alternates(self):
        """hreflang alternates: the live translations of the page, with absolute URLs."""
        if self.page is None or self.request is None:
            return []
        return [
            {"code": code, "url": page.get_full_url(self.request)}
            for code, page in self.translations().items()
        ]


def frame_for(request, page=None):
    """The frame of ``page`` for this request, built once per request and page."""
    if request is None:
        return Frame(None, page)
    frames = request.__dict__.setdefault("_hub_frames", {})
    key = ("page", page.pk) if isinstance(page, Page) else None
    if key not in frames:
        frames[key] = Frame(request, page)
    return frames[key]
