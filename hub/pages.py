"""The base pages every page model inherits (``HubPage``, ``SectionPage``), the one pattern for
routable pages' routes (``to_view``), and page querysets whose ``public()`` costs no query.

Wagtail's ``PageQuerySet.public()`` reads every ``PageViewRestriction`` each time it is called:
one query per listing on a page. Here the restricted sections are cached (``hub/cache.py``
forgets them whenever a restriction is saved or deleted) and the filter is the same as
Wagtail's. Serving a page still checks its restrictions against the database (Wagtail's
``before_serve_page`` hook): the cache only decides what listings show.
"""

from django.db.models import Q
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager, PageQuerySet, PageViewRestriction

from .cache import PRIVATE_KEY, cached
from .declarations import indexed
from .links import absolute


def private_sections():
    """(path, depth) of every page with a view restriction; its descendants are private too."""
    return cached(PRIVATE_KEY, lambda: list(
        PageViewRestriction.objects.values_list("page__path", "page__depth").distinct()
    ))


def private_q():
    """Wagtail's ``private_q()`` from the cached sections."""
    q = Q()
    for path, depth in private_sections():
        q |= Q(path__startswith=path) & Q(depth__gte=depth)
    return q if q else Q(pk__in=[])


def public(queryset):
    """``queryset.public()`` for querysets of Wagtail's own manager (``get_children()``…)."""
    return queryset.exclude(private_q())


class HubPageQuerySet(PageQuerySet):
    def private_q(self):
        return private_q()


class HubPageManager(PageManager.from_queryset(HubPageQuerySet)):
    """Manager of the hub's page models (Wagtail requires a ``PageManager`` subclass)."""


class HubPage(Page):
    """The base of every page model of the hub (abstract: it adds no table).

    It carries what each page needs and once had to remember: the manager whose ``public()``
    costs no query, the page frame (``frame(request)``, see ``hub/frame.py``) and the search
    defaults (``search_fields`` extend Wagtail's). Not ``WAGTAIL_PAGE_MODEL``, which
    wagtail-localize does not support: page models simply inherit it, and a test checks that
    every concrete page model does.
    """

    objects = HubPageManager()

    search_fields = Page.search_fields

    class Meta:
        abstract = True

    def get_url_parts(self, request=None):
        """Wagtail's (site id, root URL, path), with the site's public address (``HUB_BASE_URL``)
        as the root: every ``full_url`` points where the site is served, not at the Site's
        hostname and port in the database."""
        parts = super().get_url_parts(request)
        if parts is None:
            return None
        site_id, _root_url, page_path = parts
        return site_id, absolute(""), page_path

    @classmethod
    def declared_subpage_models(cls):
        """The page types this one may have as children: Wagtail's ``subpage_types`` where the
        class sets them, otherwise every page type that names this one among its parents
        (``parent_page_types``). The tree is declared once, by the children: a page type
        nobody names as parent has no children, and a new section app needs no edit in the
        page it sits under."""
        if getattr(cls, "subpage_types", None) is not None:
            return super().clean_subpage_models()
        from wagtail.models import get_page_models

        return [model for model in get_page_models()
                if getattr(model, "parent_page_types", None) is not None
                and cls in model.clean_parent_page_models()]

    @classmethod
    def clean_subpage_models(cls):
        """The declared ones, plus the page types apps allow anywhere
        (``hub_anywhere_page_types``), under every page that has children at all."""
        allowed = cls.declared_subpage_models()
        if not allowed:
            return allowed
        from django.apps import apps

        from .registry import anywhere_page_types

        extra = [apps.get_model(label) for label in anywhere_page_types()]
        return allowed + [model for model in extra if model not in allowed]

    def frame(self, request):
        """The frame of this page for ``request`` (menu, language links, breadcrumbs…)."""
        from .frame import frame_for

        return frame_for(request, self)


class SectionPage(HubPage):
    """A page that introduces what lies below it (a section's or a listing's index page): one
    per parent, with an editor's introduction that site search reads. An app may redeclare
    ``intro`` with more rich-text features."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    max_count_per_parent = 1

    #: The name under which the template gets the live public children of the one page type
    #: this section declares, in ``children_order`` (``None``: the section lists none itself).
    children_listed_as = None
    children_order = ()

    content_panels = HubPage.content_panels + ["intro"]
    search_fields = HubPage.search_fields + indexed("intro")

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.children_listed_as:
            context[self.children_listed_as] = self.listed_children()
        return context

    def listed_children(self):
        """The live public children of the page type this section declares (one query)."""
        [model] = self.declared_subpage_models()
        return model.objects.child_of(self).live().public().order_by(*self.children_order)


def to_view(dotted_path):
    """A routable page's route that only hands the page and the request (and the URL's
    arguments) to the view at ``dotted_path``, e.g.
    ``listing = path("", name="listing")(to_view("practices.views.serve_listing"))``.

    The one pattern for routable pages: routes parse, views handle the request, services change
    state. The view is imported when the route is called, since views import the models that
    declare the routes.
    """

    def route(self, request, *args, **kwargs):
        return import_string(dotted_path)(self, request, *args, **kwargs)

    route.__name__ = dotted_path.rsplit(".", 1)[1]
    return route
