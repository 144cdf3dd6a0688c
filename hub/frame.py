"""The page frame: home link, main menu, language switcher, hreflang alternates, breadcrumbs.

Every public page shows the frame, so it must cost a fixed, small number of queries:

- The site structure (``hub/structure.py``) comes from the cache.
- What depends on the current page (its live translations and its ancestors) comes from one
  query, once per request: the frame is memoised on the request.
"""

from django.conf import settings
from django.db.models import Q
from django.urls import translate_url
from django.utils import translation
from django.utils.functional import cached_property
from wagtail.models import Page

# The structure's helpers stay importable from here for code that reads both.
from .structure import (  # noqa: F401
    language_code_of,
    locale_id,
    section_of_type,
    sections_of,
    site_homes,
    site_structure,
)


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
