"""Demo content: a registry of loaders that each app fills from its own ``demo.py``.

A loader is ``@register(order)`` on a function taking ``stdout``. It must be idempotent: do
nothing when its content is already there, so ``load_demo_content`` can run on every start.
``hub`` does not import the feature apps; it discovers their ``demo`` modules.
"""

from django.utils.module_loading import autodiscover_modules
from wagtail.models import Locale

_LOADERS = []


def register(order):
    def decorator(function):
        _LOADERS.append((order, function.__module__, function))
        return function

    return decorator


def loaders():
    autodiscover_modules("demo")
    return [function for _order, _module, function in sorted(_LOADERS, key=lambda x: x[:2])]


def publish(page, user=None):
    revision = page.save_revision(user=user)
    revision.publish(user=user)
    page.refresh_from_db()
    return page


def publish_child(parent, page, **arabic):
    """Add ``page`` under ``parent``, publish it, and publish its Arabic translation with the
    ``arabic`` field values (the parent's translation must exist); returns the translation."""
    parent.add_child(instance=page)
    publish(page)
    return publish_translation(page, "ar", **arabic)


def publish_translation(page, language_code, **fields):
    """Create (or update) and publish the translation of ``page`` with the given field values.

    The parent must already be translated. Fields are set as attributes; StreamField values may
    be given as lists of ``(block_type, value)``.
    """
    locale = Locale.objects.get(language_code=language_code)
    translation = page.get_translation_or_none(locale)
    if translation is None:
        translation = page.copy_for_translation(locale)
    translation = translation.specific
    for name, value in fields.items():
        setattr(translation, name, value)
    return publish(translation)
