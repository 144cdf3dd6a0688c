"""Load the GCM reference data (objectives, principles, areas, SDGs, regions, stakeholders).

Idempotent: terms are matched by their language-independent identifier and locale, updated in
place, and the Arabic row of a term shares the English row's ``translation_key``.
Texts edited later in the admin are overwritten only with ``overwrite=True``.
"""

import json
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale

from . import models as taxonomy

REFERENCE_FILE = Path(__file__).resolve().parent / "reference" / "gcm.json"
LANGUAGES = ("en", "ar")


def read_reference(path=REFERENCE_FILE):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def ensure_locales():
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}


def _upsert(model, key_field, key_value, texts_by_language, locales, overwrite):
    """Create or update one term in every language; return {language: row}."""
    rows = {}
    translation_key = None
    for language in LANGUAGES:
        lookup = {key_field: key_value, "locale": locales[language]}
        row = model.objects.filter(**lookup).first()
        texts = texts_by_language[language]
        if row is None:
            row = model(**lookup, **texts)
            if translation_key is not None:
                row.translation_key = translation_key
            row.save()
        elif overwrite or any(not getattr(row, field) for field in texts):
            for field, value in texts.items():
                if overwrite or not getattr(row, field):
                    setattr(row, field, value)
            row.save()
        if translation_key is None:
            translation_key = row.translation_key
        elif row.translation_key != translation_key:
            row.translation_key = translation_key
            row.save(update_fields=["translation_key"])
        rows[language] = row
    return rows


@transaction.atomic
def load_reference_data(data=None, overwrite=False):
    data = data or read_reference()
    locales = ensure_locales()
    counts = {}

    objectives = {}
    for item in data["objectives"]:
        objectives[item["number"]] = _upsert(
            taxonomy.Objective, "number", item["number"],
            {
                "en": {"title": item["en"], "short_title": item["short_en"]},
                "ar": {"title": item["ar"], "short_title": item.get("short_ar", item["ar"])},
            },
            locales, overwrite,
        )
    counts["objectives"] = len(objectives)

    for model, key in ((taxonomy.GuidingPrinciple, "guiding_principles"),
                       (taxonomy.SustainableDevelopmentGoal, "sustainable_development_goals")):
        for item in data[key]:
            _upsert(model, "number", item["number"],
                    {lang: {"title": item[lang]} for lang in LANGUAGES}, locales, overwrite)
        counts[model._meta.verbose_name_plural] = len(data[key])

    for item in data["thematic_areas"]:
        areas = _upsert(taxonomy.ThematicArea, "number", item["number"],
                        {lang: {"title": item[lang]} for lang in LANGUAGES}, locales, overwrite)
        for language, area in areas.items():
            if area.area_objectives.exists() and not overwrite:
                continue
            area.area_objectives.all().delete()
            for order, number in enumerate(item["objectives_unverified"]):
                taxonomy.ThematicAreaObjective.objects.create(
                    area=area, objective=objectives[number][language], sort_order=order
                )
    counts["thematic_areas"] = len(data["thematic_areas"])

    for model, key in ((taxonomy.Region, "regions_un_network"),
                       (taxonomy.StakeholderType, "stakeholder_types")):
        for item in data[key]:
            _upsert(model, "slug", slugify(item["en"]),
                    {lang: {"title": item[lang]} for lang in LANGUAGES}, locales, overwrite)
        counts[model._meta.verbose_name_plural] = len(data[key])
    return counts
