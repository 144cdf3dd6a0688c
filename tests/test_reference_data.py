"""The GCM taxonomy: loaded idempotently in both languages, shown in Arabic under /ar/."""

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from hub import models as hub_models

pytestmark = pytest.mark.django_db


def counts_per_locale(model):
    return {
        code: model.objects.filter(locale__language_code=code).count() for code in ("en", "ar")
    }


def test_loading_twice_leaves_exact_counts_per_locale(locales):
    call_command("load_reference_data")
    call_command("load_reference_data")
    assert counts_per_locale(hub_models.Objective) == {"en": 23, "ar": 23}
    assert counts_per_locale(hub_models.GuidingPrinciple) == {"en": 10, "ar": 10}
    assert counts_per_locale(hub_models.ThematicArea) == {"en": 5, "ar": 5}
    assert counts_per_locale(hub_models.SustainableDevelopmentGoal) == {"en": 17, "ar": 17}
    assert counts_per_locale(hub_models.Region) == {"en": 10, "ar": 10}
    assert counts_per_locale(hub_models.StakeholderType) == {"en": 10, "ar": 10}


def test_arabic_rows_are_translations_of_english_rows(taxonomy):
    english = hub_models.Objective.objects.get(number=8, locale__language_code="en")
    arabic = english.get_translation(english.locale.__class__.objects.get(language_code="ar"))
    assert arabic.number == 8
    assert english.short_title == "Save lives"
    assert arabic.short_title == "إنقاذ الأرواح"


def test_thematic_areas_group_objectives_in_the_same_language(taxonomy):
    area = hub_models.ThematicArea.objects.get(number=5, locale__language_code="ar")
    objectives = area.objectives
    assert [o.number for o in objectives] == [15, 16, 17, 22]
    assert {o.locale.language_code for o in objectives} == {"ar"}


def test_admin_edits_survive_a_reload(taxonomy):
    objective = hub_models.Objective.objects.get(number=1, locale__language_code="en")
    objective.title = "Edited by an editor"
    objective.save()
    call_command("load_reference_data")
    objective.refresh_from_db()
    assert objective.title == "Edited by an editor"
    call_command("load_reference_data", "--overwrite")
    objective.refresh_from_db()
    assert objective.title.startswith("Collect and utilize")


def test_arabic_objective_titles_appear_under_ar(client, home_pages, taxonomy):
    document = BeautifulSoup(client.get("/ar/").content.decode(), "html.parser")
    titles = [t.get_text(strip=True) for t in document.select(".objective-chip__title")]
    assert len(titles) == 23
    assert titles[0] == hub_models.Objective.objects.get(number=1, locale__language_code="ar").title
    assert "الهجرة" in " ".join(titles)
