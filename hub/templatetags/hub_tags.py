"""Site-wide template helpers: navigation, language switcher, breadcrumbs, file metadata."""

import os

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page, Site

register = template.Library()


def localized_home(request, language_code=None):
    """The home page of a language's tree (the active language by default), or None."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    root = site.root_page
    code = language_code or translation.get_language()
    if root.locale.language_code == code:
        return root
    try:
        locale = Locale.objects.get(language_code=code)
    except Locale.DoesNotExist:
        return None
    return root.get_translation_or_none(locale)


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The live sections under the home page of the active language, marking the current one."""
    home = localized_home(context.get("request"))
    if home is None:
        return []
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    return [
        {"page": item, "is_active": current_path.startswith(item.path)}
        for item in home.get_children().live().public().in_menu()
    ]


@register.simple_tag(takes_context=True)
def home_url(context):
    home = localized_home(context.get("request"))
    return home.url if home else "/"


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: the translation of the current page when it is live,
    otherwise that language's home page; for non-page views, the same path in that language."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    links = []
    for code, name in settings.LANGUAGES:
        url = None
        is_translation = False
        if isinstance(page, Page):
            if page.locale.language_code == code:
                url, is_translation = page.url, True
            else:
                target = page.get_translations().filter(locale__language_code=code).live().first()
                if target is not None:
                    url, is_translation = target.url, True
            if url is None:
                home = localized_home(request, code)
                url = home.url if home and home.live else f"/{code}/"
        elif request is not None:
            url = translate_url(request.get_full_path(), code)
            is_translation = True
        else:
            url = f"/{code}/"
        links.append({
            "code": code,
            "name": name,
            "url": url,
            "is_current": code == current,
            "is_translation": is_translation,
            "direction": "rtl" if translation.get_language_info(code)["bidi"] else "ltr",
        })
    return links


@register.simple_tag
def breadcrumbs(page):
    """Ancestors of a page from its language's home page down, excluding the page itself."""
    if not isinstance(page, Page):
        return []
    return list(page.get_ancestors().filter(depth__gt=1).specific())


@register.filter
def file_type(document):
    """Upper-case file extension of a document or file name: PDF, DOCX…"""
    name = getattr(document, "filename", None) or str(document)
    return os.path.splitext(name)[1].lstrip(".").upper() or "FILE"


@register.simple_tag(takes_context=True)
def alternate_links(context):
    """hreflang alternates: the live translations of the current page, with absolute URLs."""
    request = context.get("request")
    page = context.get("page")
    if not isinstance(page, Page) or request is None:
        return []
    pages = [page] + list(page.get_translations().live().select_related("locale"))
    return [
        {"code": p.locale.language_code, "url": p.get_full_url(request)}
        for p in pages
        if p.live
    ]
