"""One way to show dates, times, numbers and file sizes, in Arabic and in English.

Templates use the ``hub_date``, ``hub_datetime``, ``hub_number`` and ``hub_filesize`` filters
(``hub_tags``); Python code calls these functions. The formats come from ``hub/formats/<lang>``;
the test suite's leak check fails any Arabic page that shows a date in another shape.
"""

from decimal import Decimal

from django.template.defaultfilters import filesizeformat
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import get_language

# What a hub date looks like in each language, for the checks of the test suite.
ARABIC_MONTHS = (
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
    "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
)


def _local(value):
    if hasattr(value, "tzinfo") and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def format_date(value):
    """«28 نوفمبر 2026» / «28 November 2026»; an empty string for no date."""
    if not value:
        return ""
    return formats.date_format(_local(value), "DATE_FORMAT")


def format_datetime(value):
    """«28 نوفمبر 2026، 12:26» / «28 November 2026, 12:26» in the site's time zone."""
    if not value:
        return ""
    return formats.date_format(_local(value), "DATETIME_FORMAT")


def format_number(value):
    """Western digits in both languages, grouped by thousands with the language's separator."""
    if value is None or value == "":
        return ""
    return formats.number_format(value, force_grouping=abs(value) >= 10000)


def format_amount(value):
    """An amount of money in the language's number format, exact (``Decimal``, never a float):
    «1,500,000» for a whole amount, «2,500.50» with its cents; grouped by thousands from 1,000
    so that sums line up in a table."""
    if value is None or value == "":
        return ""
    value = Decimal(value)
    places = 0 if value == value.to_integral_value() else 2
    return formats.number_format(value, decimal_pos=places, force_grouping=True)


def isolate(code):
    """A Latin code shown in Arabic text (an ISO 4217 currency, a file type), isolated so that
    it reads left to right and is marked as such: ``<bdi dir="ltr">USD</bdi>``."""
    if not code:
        return ""
    return format_html('<bdi dir="ltr">{}</bdi>', code)


def format_money(value, currency):
    """«1,500,000 USD»: the amount in the language's format, the currency code isolated."""
    if value is None or value == "":
        return ""
    return format_html("{} {}", format_amount(value), isolate(currency))


def format_filesize(size):
    """«614 بايت» / «1.2 MB»: Django's units, translated, with the language's number format."""
    return filesizeformat(size or 0)


def list_separator():
    """The comma between list items: «، » in Arabic, ", " in English."""
    return "، " if (get_language() or "").startswith("ar") else ", "


def format_list(items):
    """Items joined with the language's comma: «PDF، 614 بايت» / «PDF, 614 bytes»."""
    return list_separator().join(str(item) for item in items if item not in (None, ""))


# Letters an Arabic reader files together: the alif forms, alif maqsura and ya, ta marbuta and ha.
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_DIACRITICS = dict.fromkeys(range(0x064B, 0x0653))


def sort_key(text):
    """Dictionary order of a label in the active language: in Arabic, hamza forms of alif
    with alif, short vowels ignored and the article «ال» left aside (as in UN country lists,
    «الأردن» among the alifs but after «إثيوبيا» would be wrong); in English, case-insensitive."""
    text = str(text)
    if (get_language() or "").startswith("ar"):
        folded = text.translate(_DIACRITICS).translate(_ARABIC_FOLD)
        if folded.startswith("ال") and len(folded) > 3:
            folded = folded[2:]
        return folded, text
    return text.casefold(), text


def country_choices():
    """(ISO code, name) of every country, named and sorted in the active language."""
    from django_countries import countries

    return sorted(((code, str(name)) for code, name in countries), key=lambda c: sort_key(c[1]))


def language_choices():
    """The site's languages, each named in the active language («الإنجليزية», "Arabic")."""
    from django.conf import settings
    from django.utils.translation import get_language_info

    return [(code, get_language_info(code)["name_translated"]) for code, _name in
            settings.LANGUAGES]
