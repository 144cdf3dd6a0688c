"""One date, number and list format per language (hub/formatting.py), Arabic sort order,
and the reference data's regions and thematic areas."""

import re
from datetime import UTC, date, datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from hub import formatting
from hub.models import Region, ThematicArea

MOMENT = datetime(2026, 11, 28, 0, 26, tzinfo=UTC)


@pytest.mark.parametrize(
    ("language", "day", "moment"),
    [("ar", "28 نوفمبر 2026", "28 نوفمبر 2026، 00:26"),
     ("en", "28 November 2026", "28 November 2026, 00:26")],
)
def test_one_date_format_per_language(language, day, moment):
    with translation.override(language):
        assert formatting.format_date(date(2026, 11, 28)) == day
        assert formatting.format_date(MOMENT) == day
        assert formatting.format_datetime(MOMENT) == moment
        # Templates: the filters and Django's own DATE_FORMAT give the same.
        template = Template('{% load hub_tags %}{{ d|hub_date }}|{{ d|hub_datetime }}|'
                            '{{ d|date:"DATE_FORMAT" }}')
        assert template.render(Context({"d": MOMENT})) == f"{day}|{moment}|{day}"


def test_every_month_reads_as_the_hubs_month_names():
    """Django's month names are the hub's (the leak check reads dates with them), April
    included: «أبريل» as the source documents write it, not Django's «إبريل»."""
    from django.utils.dates import MONTHS

    with translation.override("ar"):
        assert [str(MONTHS[month]) for month in range(1, 13)] == list(formatting.ARABIC_MONTHS)
        assert formatting.format_date(date(2026, 4, 5)) == "5 أبريل 2026"


def test_numbers_sizes_and_lists_in_arabic():
    with translation.override("ar"):
        assert formatting.format_number(12345) == "12,345"
        assert formatting.format_number(42) == "42"
        assert formatting.format_filesize(614) == "614\xa0بايت"
        assert formatting.format_list(["PDF", "614 بايت"]) == "PDF، 614 بايت"
    with translation.override("en"):
        assert formatting.format_list(["PDF", "614 bytes"]) == "PDF, 614 bytes"


def test_amounts_of_money_in_one_format_per_language():
    """Amounts are Decimal all the way: grouped, cents only when there are some, the currency
    code isolated for right-to-left text."""
    from decimal import Decimal

    for language in ("ar", "en"):
        with translation.override(language):
            assert formatting.format_amount(Decimal("1500000.00")) == "1,500,000"
            assert formatting.format_amount(Decimal("2500.5")) == "2,500.50"
            assert formatting.format_amount(Decimal("999999999999.99")) == "999,999,999,999.99"
            assert formatting.format_amount(None) == ""
            assert formatting.format_money(Decimal("750"), "USD") == (
                '750 <bdi dir="ltr">USD</bdi>')
    template = Template("{% load hub_tags %}{{ a|hub_money:'EUR' }}|{{ 'MAD'|hub_isolate }}")
    with translation.override("ar"):
        assert template.render(Context({"a": Decimal("12000.00")})) == (
            '12,000 <bdi dir="ltr">EUR</bdi>|<bdi dir="ltr">MAD</bdi>')


def test_countries_named_and_sorted_in_the_page_language():
    with translation.override("ar"):
        choices = formatting.country_choices()
        names = [name for _code, name in choices]
        assert dict(choices)["ET"] == "إثيوبيا"
        # Hamza forms of alif file with alif, and «ال» is left aside: «الأردن» between
        # «إثيوبيا» and «أرمينيا», not after every name in «أ».
        assert names.index("إثيوبيا") < names.index("الأردن") < names.index("أرمينيا")
        assert names.index("البحرين") < names.index("تونس")
    with translation.override("en"):
        names = [name for _code, name in formatting.country_choices()]
        assert names[:2] == ["Afghanistan", "Åland Islands"] or names[0] == "Afghanistan"


@pytest.mark.django_db
def test_sign_up_lists_countries_and_languages_in_arabic(client, home_pages):
    html = client.get("/ar/accounts/signup/").content.decode()
    assert html.index(">إثيوبيا<") < html.index(">الأردن<") < html.index(">أرمينيا<")
    assert re.search(r'<option value="en"[^>]*>الإنجليزية</option>', html)
    assert "المنظمة/الجهة" in html and "التنقل بين الصفحات" not in html
    assert ">البلد<" in html or "البلد" in html
    assert "إنشاء حساب" in html and "الاشتراك" not in html
    assert "رمز المرور" not in html and "كلمة المرور" in html


@pytest.mark.django_db
def test_reference_data_has_the_regions_of_the_source_documents(taxonomy):
    arabic = set(Region.objects.filter(locale__language_code="ar").values_list("title",
                                                                               flat=True))
    assert {"أوروبا الوسطى والشرقية", "أمريكا الوسطى والمكسيك", "المنطقة العربية"} <= arabic
    area = {area.locale.language_code: area.title for area in
            ThematicArea.objects.filter(number=2).select_related("locale")}
    assert "human rights" in area["en"] and "حقوق الإنسان" in area["ar"]


def test_search_indexes_a_headings_words_not_its_level():
    """Search snippets showed «المستوى 2» ("Level 2"): the level's label was indexed."""
    from home.blocks import HeadingBlock

    block = HeadingBlock()
    value = block.to_python({"text": "خطط التنفيذ الوطنية", "level": "h2"})
    assert block.get_searchable_content(value) == ["خطط التنفيذ الوطنية"]
