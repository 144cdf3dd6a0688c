"""Site-wide template helpers: navigation, language switcher, breadcrumbs, file metadata.

The navigation tags read the request's frame (``hub/frame.py``): built once per request, from
cached site structure plus one query for the current page's translations and ancestors.
"""

import os
from urllib.parse import urlencode

from django import template
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext_lazy as _

from hub import formatting, registry, structure
from hub.frame import frame_for

register = template.Library()

SITE_NAME = _("GCM Knowledge Hub")
SITE_DESCRIPTION = _("The knowledge hub of the Global Compact for Safe, Orderly and Regular "
                     "Migration: guidance, practices and discussions.")


def _frame(context):
    return frame_for(context.get("request"), context.get("page"))


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The live public sections under the home page of the active language, marking the
    current one."""
    return _frame(context).menu()


@register.simple_tag(takes_context=True)
def account_menu_items(context):
    """[{label, href}] the apps add to a signed-in visitor's account menu."""
    return registry.account_menu_items(context.get("request"))


@register.simple_tag(takes_context=True)
def header_links(context):
    """[{label, href}] the apps add to the site header."""
    return registry.header_links(context.get("request"))


@register.simple_tag(takes_context=True)
def footer_links(context):
    """[{label, href}] of the footer, as editors set them (Snippets → Footer links)."""
    request = context.get("request")
    return [{"label": link.label, "href": link.page.get_url(request) if link.page else link.url}
            for link in structure.footer_links(request)]


@register.simple_tag(takes_context=True)
def account_url(context, name):
    """The log-in or sign-up page (URL ``name``) with ``next`` set to the page shown, so the
    visitor comes back to it; without ``next`` on the account pages themselves."""
    url = reverse(name)
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if request is None or (match is not None and (match.url_name or "").startswith("account_")):
        return url
    return f"{url}?{urlencode({'next': request.get_full_path()})}"


@register.simple_tag(takes_context=True)
def home_url(context):
    return _frame(context).home_url()


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: the translation of the current page when it is live,
    otherwise that language's home page; for non-page views, the same path in that language."""
    return _frame(context).language_links()


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    """Ancestors of a page from its language's home page down, excluding the page itself."""
    return frame_for(context.get("request"), page).breadcrumbs()


@register.filter
def file_type(document):
    """Upper-case file extension of a document or file name: PDF, DOCX…"""
    name = getattr(document, "filename", None) or str(document)
    return os.path.splitext(name)[1].lstrip(".").upper() or "FILE"


@register.simple_tag(takes_context=True)
def alternate_links(context):
    """hreflang alternates: the live translations of the current page, with absolute URLs."""
    return _frame(context).alternates()


# One formatting helper for every date, number and size (hub/formatting.py).
register.filter("hub_date", formatting.format_date)
register.filter("hub_datetime", formatting.format_datetime)
register.filter("hub_number", formatting.format_number)
register.filter("hub_filesize", formatting.format_filesize)
register.filter("hub_amount", formatting.format_amount)
register.filter("hub_isolate", formatting.isolate)
register.filter("hub_money", formatting.format_money)


@register.simple_tag
def list_separator():
    """The comma between list items in the active language: «،» in Arabic."""
    return formatting.list_separator()


@register.inclusion_tag("hub/includes/open_graph.html", takes_context=True)
def open_graph(context):
    """Open Graph and Twitter card metadata: the page's share image when it has one (a
    ``share_image`` field), the site's otherwise."""
    request = context.get("request")
    if request is None:
        return {}
    page = context.get("page")
    image = getattr(page, "share_image", None)
    image_url = image.get_rendition("fill-1200x630").url if image else static("img/share.png")
    return {
        "title": (page.seo_title or page.title) if page is not None else SITE_NAME,
        "description": getattr(page, "search_description", "") or SITE_DESCRIPTION,
        "site_name": SITE_NAME,
        "locale": to_locale(get_language()),
        "url": request.build_absolute_uri(),
        "image_url": request.build_absolute_uri(image_url),
        "image_alt": image.default_alt_text if image else "",
        "type": "article" if page is not None and page.depth > 2 else "website",
    }


@register.simple_tag
def facet_options(facet):
    """The checkboxes of a listing's facet ({name, options: [{key, label, count, selected}]}).

    Written in Python: a listing's filters have some 250 options (every country), and the
    template engine spent a third of the listing's time on their attributes.
    """
    name = conditional_escape(facet["name"])
    options = []
    for option in facet["options"]:
        count, selected = option["count"], option["selected"]
        empty = "" if count or selected else " facet__option--empty"
        checked = " checked" if selected else ""
        options.append(
            f'<label class="facet__option{empty}"><input type="checkbox" name="{name}" '
            f'value="{conditional_escape(option["key"])}"{checked}> '
            f'<span>{conditional_escape(option["label"])}</span> '
            f'<span class="facet__count" data-count="{count}">({count})</span></label>'
        )
    return mark_safe("\n    ".join(options))
