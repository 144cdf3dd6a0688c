"""Demo content: a registry of loaders that each app fills from its own ``demo.py``.

A loader is ``@register(order)`` on a function taking ``stdout``. It must be idempotent: do
nothing when its content is already there, so ``load_demo_content`` can run on every start.
``hub`` does not import the feature apps; it discovers their ``demo`` modules.

An app's demo texts are data, apart from the code: ``<app>/demo_content.json`` holds them in
both languages (``demo_content(app_label)``), so a translator reviews one file.
"""

import functools
import json
import logging
from collections import Counter
from pathlib import Path

from django.apps import apps
from django.utils.module_loading import autodiscover_modules
from django.utils.text import slugify
from wagtail.models import Locale

logger = logging.getLogger(__name__)

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


def publish_section(home_model, page, **arabic):
    """Publish ``page`` under the English home page (``home_model``: the home app's page model,
    which the core does not import) as ``publish_child`` does, and return its Arabic
    translation; publish nothing and return ``None`` when there is no home page yet or an
    English page of the same type is already there (the demo has been loaded)."""
    home = home_model.objects.filter(locale__language_code="en").first()
    if home is None or type(page).objects.filter(locale=home.locale).exists():
        return None
    return publish_child(home, page, **arabic)


@functools.cache
def demo_content(app_label):
    """The demo texts of an app: its ``demo_content.json``."""
    path = Path(apps.get_app_config(app_label).path) / "demo_content.json"
    return json.loads(path.read_text(encoding="utf-8"))


def publish_index(home_model, model):
    """Publish a section's index page (``model``, shown in menus) under the English home page
    with its Arabic translation, as ``publish_section`` does; its slug, title and introduction
    are the ``index`` entry of the app's ``demo_content.json``. Returns the English index, or
    ``None`` when nothing was published (no home page yet, or the demo is already loaded)."""
    texts = demo_content(model._meta.app_label)["index"]
    index = model(title=texts["title"]["en"], slug=texts["slug"], show_in_menus=True,
                  intro=texts["intro"]["en"])
    translation = publish_section(home_model, index, title=texts["title"]["ar"],
                                  intro=texts["intro"]["ar"])
    return None if translation is None else index


def publish_record(index, model, english, arabic, fill, arabic_slug=None):
    """Publish one demo record under ``index`` (the English index page) and return its page.

    With English texts it is one content in two languages, as the admin's "Translate" makes it:
    the English page, then, with Arabic texts too, its translation (same translation key and
    slug: ``english["slug"]`` or one made of the title). Without English it is an Arabic page
    only, under the index's translation, at ``arabic_slug`` or a readable Arabic slug of its
    title. ``english``/``arabic`` are the field values of each language (``title`` among them)
    or ``None``; ``fill(page, locale)`` sets what the languages share, such as the taxonomy,
    in the page's locale."""
    english_locale, arabic_locale = (Locale.objects.get(language_code=code)
                                     for code in ("en", "ar"))
    if not english:
        page = model(locale=arabic_locale, **arabic,
                     slug=arabic_slug or slugify(arabic["title"], allow_unicode=True)[:60])
        fill(page, arabic_locale)
        index.get_translation(arabic_locale).add_child(instance=page)
        return publish(page)
    page = model(locale=english_locale, **{"slug": slugify(english["title"])[:60], **english})
    fill(page, english_locale)
    index.add_child(instance=page)
    publish(page)
    if arabic:
        translation = page.copy_for_translation(arabic_locale).specific
        for name, value in arabic.items():
            setattr(translation, name, value)
        fill(translation, arabic_locale)
        translation.save()
        publish(translation)
        link_translation(page, translation)
    return page


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
    publish(translation)
    link_translation(page, translation)
    return translation


def link_translation(page, translation):
    """Record in wagtail-localize that ``translation`` translates ``page``, as its "Translate"
    action does: a ``TranslationSource`` of the page and a ``Translation`` into the other
    locale, with the strings the translation already has imported as its translations. Editors
    then see one content in two languages in the admin: they edit the Arabic in the translation
    editor and sync it when the English changes. Idempotent."""
    from wagtail_localize.models import Translation, TranslationSource
    from wagtail_localize.segments import StringSegmentValue
    from wagtail_localize.segments.extract import extract_segments

    try:
        source, _created = TranslationSource.get_or_create_from_instance(page)
    except (TypeError, ValueError):
        # A block value missing a field (None where a string belongs) cannot be segmented;
        # editors' pages always have one. The page stays a translation by its key.
        logger.warning("No translation source for %s: a block value is incomplete.", page)
        return None
    record, _created = Translation.objects.get_or_create(
        source=source, target_locale_id=translation.locale_id, defaults={"enabled": True})
    # The translation's strings by their place in the page (field, block id), in order; a
    # field whose blocks were written anew (other ids) pairs its strings in order when it has
    # as many as the source.
    strings, by_field = {}, {}
    for segment in extract_segments(translation):
        if isinstance(segment, StringSegmentValue):
            strings.setdefault(segment.path, []).append(segment.string.data)
            by_field.setdefault(segment.path.split(".")[0], []).append(segment.string.data)
    po = record.export_po()
    entries = [entry for entry in po if not entry.obsolete]
    per_field = Counter(entry.msgctxt.split(".")[0] for entry in entries)
    seen_path, seen_field = Counter(), Counter()
    for entry in entries:
        field = entry.msgctxt.split(".")[0]
        position, in_field = seen_path[entry.msgctxt], seen_field[field]
        seen_path[entry.msgctxt] += 1
        seen_field[field] += 1
        found = strings.get(entry.msgctxt, ())
        if entry.msgstr:
            continue
        if position < len(found):
            entry.msgstr = found[position]
        elif len(by_field.get(field, ())) == per_field[field]:
            entry.msgstr = by_field[field][in_field]
    record.import_po(po, tool_name="demo")
    return record
