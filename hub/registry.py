"""What the apps contribute to the shared parts of the site, read in one place.

The core (``hub``) and ``search`` name no feature app. Each app declares its contributions in its
own ``wagtail_hooks.py`` with Wagtail's hooks, and the shared code asks for them here:

- ``hub_search_types``: a function returning ``SearchType``s, the app's page types in the site
  search's "Type of content" filter, each with its label (a lazy translation).
- ``hub_facets``: a function returning ``Facet``s, the filters of a listing (read by the listing
  and its index, the exports and the detail page of the app that declares them).
- ``hub_account_menu_items``: a function taking the request, returning ``Link``s shown to a
  signed-in visitor on the profile page.
- ``hub_header_links``: a function taking the request, returning ``Link``s for the site header.
- ``hub_anywhere_page_types``: a function returning page models (``"app_label.model"``) that an
  editor may place under any hub page that has children (e.g. the standard page); the base page
  (``hub.pages.HubPage``) adds them to every parent's allowed types.

An app whose search types, facets and links are fixed declares them in one call,
``contribute(...)``, instead of a hook function for each.

Demo content has its own registry (``hub/demo.py``: each app's ``demo.py`` is discovered), and
the pages checked by ``make audit`` are listed per app in ``<app>/audit_pages.json`` (the audit
runs outside Django; see ``audit/run_audit.py``).

Hooks are read in the order of ``INSTALLED_APPS`` (Wagtail imports the ``wagtail_hooks`` modules
in that order), so the order of the apps is the order of their contributions.
"""

from dataclasses import dataclass
from typing import Any

from django.urls import NoReverseMatch, reverse
from wagtail import hooks

SEARCH_TYPES = "hub_search_types"
FACETS = "hub_facets"
ACCOUNT_MENU_ITEMS = "hub_account_menu_items"
HEADER_LINKS = "hub_header_links"
ANYWHERE_PAGE_TYPES = "hub_anywhere_page_types"


@dataclass(frozen=True)
class SearchType:
    """A type of content in the site search: the ``?type=`` value, its label, its page models
    (``"app_label.model"``; a model whose app is not installed matches nothing)."""

    name: str
    label: Any
    models: tuple


@dataclass(frozen=True)
class Facet:
    """A filter of a listing, named by its GET parameter.

    ``owner`` is the page model the listing lists (``"app_label.model"``). ``kind`` says how a
    value is validated and how options sort: ``"number"`` or ``"slug"`` (a taxonomy term's
    language-independent key, labels from ``terms``' ``label_field`` in the listing's language),
    ``"country"`` (ISO alpha-2) or ``"choice"`` (``choices``, a Django ``TextChoices``).
    ``relation`` is what the owning app needs to read and write the facet on a page (for a
    taxonomy relation, its through-model); the core does not look into it.

    A facet may be derived from another facet of the same listing, so that an app adds a
    filter to a listing it does not own (e.g. "champion countries" from ``country``):
    ``derived_from`` names that facet and ``groups`` is a function returning
    ``{key: keys of the derived_from facet}``, called once per request (a fixed number of
    queries). A derived facet's options are ``choices``.
    """

    name: str
    label: Any
    owner: str
    kind: str
    terms: Any = None
    label_field: str = "title"
    choices: Any = None
    relation: Any = None
    derived_from: str = ""
    groups: Any = None


@dataclass(frozen=True)
class Link:
    """An entry of a menu: its label and either a URL name (reversed when shown) or a URL."""

    label: Any
    url_name: str = ""
    url: str = ""

    def href(self):
        if self.url:
            return self.url
        try:
            return reverse(self.url_name)
        except NoReverseMatch:
            return ""


def contribute(*, search_types=(), facets=(), account_menu_items=(), header_links=(),
               anywhere_page_types=()):
    """Declare what an app always contributes, whoever asks: its ``SearchType``s, ``Facet``s,
    ``Link``s (account menu, header) and page types allowed anywhere. Each is registered as a
    hook returning it; an app whose contribution depends on the request or on data registers
    its own hook function."""
    for hook_name, items in ((SEARCH_TYPES, search_types), (FACETS, facets),
                             (ACCOUNT_MENU_ITEMS, account_menu_items),
                             (HEADER_LINKS, header_links),
                             (ANYWHERE_PAGE_TYPES, anywhere_page_types)):
        if items:
            hooks.register(hook_name, _returning(tuple(items)))


def _returning(items):
    def contribution(*_args):
        return items

    return contribution


def _collect(hook_name, *args):
    items = []
    for function in hooks.get_hooks(hook_name):
        items.extend(function(*args))
    return items


def search_types():
    """{name: SearchType} of every app, in the order of the apps."""
    return {item.name: item for item in _collect(SEARCH_TYPES)}


def facets(owner):
    """The facets of the listing of ``owner`` (``"app_label.model"``), in declaration order."""
    return [facet for facet in _collect(FACETS) if facet.owner == owner]


def _links(hook_name, request):
    return [{"label": link.label, "href": href}
            for link in _collect(hook_name, request) if (href := link.href())]


def account_menu_items(request):
    """[{label, href}] for a signed-in visitor's account menu."""
    return _links(ACCOUNT_MENU_ITEMS, request)


def header_links(request):
    """[{label, href}] for the site header."""
    return _links(HEADER_LINKS, request)


def anywhere_page_types():
    """["app_label.model"] of the page types allowed under every hub page that has children."""
    return _collect(ANYWHERE_PAGE_TYPES)
