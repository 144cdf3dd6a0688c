"""The analyser on real word pairs from the seed documents (and their usual variants)."""

import pytest

from search.analysis import analyse

# (as written in the seeds, variant a reader may type)
ARABIC_PAIRS = [
    ("الهجرة", "الهِجْرَة"),          # diacritics
    ("إدارة", "ادارة"),               # alef with hamza below
    ("الأعضاء", "أعضاء"),             # article + alef with hamza above
    ("الإدماج", "الادماج"),
    ("المهاجرين", "والمهاجرين"),      # conjunction before the article
    ("للمهاجرين", "المهاجرين"),       # preposition + article
    ("وللمهاجرين", "للمهاجرين"),
    ("مستشفى", "مستشفي"),             # ى / ي
    ("مدرسة", "المدرسة"),
    ("المدرسة", "المدرسه"),           # ة / ه
    ("الوطنية", "وطنية"),
    ("الحكومة", "حكومه"),
    ("الاتفاق", "والاتفاق"),
    ("التوجيهات", "والتوجيهات"),
    ("بالهجرة", "هجرة"),
    ("فالهجرة", "الهجرة"),
    ("المــهاجرين", "المهاجرين"),     # tatweel
    ("ٱلهجرة", "الهجرة"),             # alef wasla
]


@pytest.mark.parametrize(("written", "variant"), ARABIC_PAIRS)
def test_arabic_variants_analyse_alike(written, variant):
    assert analyse(written) == analyse(variant)
    assert analyse(written)


def test_distinct_arabic_words_stay_distinct():
    assert analyse("الهجرة") != analyse("المدرسة")
    assert analyse("الاتفاق") != analyse("الحكومة")


def test_english_stemming():
    assert analyse("migrants") == analyse("migrant") == analyse("Migrant's").split()[0]
    assert analyse("migration") == analyse("Migrations")
    # Snowball English (Porter2) keeps migrant and migration apart: documented, not hidden.
    assert analyse("migrant") != analyse("migration")


def test_mixed_text_is_analysed_per_script():
    assert analyse("Migrants والمهاجرين in المدارس") == "migrant مهاجر in مدارس"


def test_punctuation_only_analyses_to_nothing():
    assert analyse("«»!؟ - …") == ""
