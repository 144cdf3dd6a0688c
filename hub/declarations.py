"""Short forms of what models and blocks declare again and again: their names (``Meta``) and
their search fields. A model reads ``Meta = names(_("event"), _("events"))`` and
``search_fields = HubPage.search_fields + indexed("city", "agenda", filters=("start",))``; a
StreamField block ``Meta = block_meta(icon="time", label=_("Session"), template=...)``.

Django takes any class as a model's ``Meta``; ``names`` builds it from the model's names and
other options, on top of ``bases`` (e.g. ``Orderable.Meta``) when the model needs theirs.
"""

from django.db import models
from wagtail.search import index


def names(verbose_name, verbose_name_plural=None, *, bases=(), **options):
    """A model's ``Meta``: its names (the plural, when given) and any other ``Meta`` option."""
    attributes = {"verbose_name": verbose_name, **options}
    if verbose_name_plural is not None:
        attributes["verbose_name_plural"] = verbose_name_plural
    return type("Meta", tuple(bases), attributes)


def block_meta(**options):
    """A StreamField block's ``Meta`` (icon, label, template…): Wagtail, like Django, takes any
    class there."""
    return type("Meta", (), options)


def abstract(*bases, **options):
    """The ``Meta`` of an abstract model, on top of ``bases`` (its abstract parents' ``Meta``)."""
    return type("Meta", bases, {"abstract": True, **options})


def unique(*fields, name):
    """A ``constraints`` entry: ``fields`` together are unique (constraint ``name``)."""
    return models.UniqueConstraint(fields=list(fields), name=name)


def indexed(*searched, filters=()):
    """``search_fields`` entries: full-text fields ``searched``, then filter fields ``filters``."""
    return [*(index.SearchField(name) for name in searched),
            *(index.FilterField(name) for name in filters)]
