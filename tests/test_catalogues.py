"""The Arabic catalogues: complete, no guesses, placeholders intact, the glossary's terms.

Every app of the project is walked generically (``hub.catalogues``), so an app added later is
checked without being listed here. The strings "the site shows" are found the way ``makemessages``
finds them (Django's ``templatize`` for templates, the gettext calls of the Python source), so a
string added to a template without an Arabic translation fails here, not in front of a reader.
"""

import ast
import io
import re
import tokenize
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import trans_real
from django.utils.translation.template import templatize

from hub.catalogues import project_catalogues, project_locale_dirs

CATALOGUES = project_catalogues("ar")

# %(name)s, %s, %d, %% and str.format's {name}.
PLACEHOLDER = re.compile(r"%\([a-zA-Z_]\w*\)[#0 +-]?\d*(?:\.\d+)?[sdifr]|%[sdifr]|\{[a-zA-Z_]\w*\}")

GETTEXT_FUNCTIONS = {
    "_": ("msgid",), "gettext": ("msgid",), "gettext_lazy": ("msgid",),
    "pgettext": ("context", "msgid"), "pgettext_lazy": ("context", "msgid"),
    "ngettext": ("msgid", "plural"), "ngettext_lazy": ("msgid", "plural"),
    "npgettext": ("context", "msgid", "plural"), "npgettext_lazy": ("context", "msgid", "plural"),
}

# Terms the glossary (§8 and the "avoid" column) rules out, with the msgid words that make an
# occurrence legitimate (e.g. «الاشتراك» is right for a subscription).
FORBIDDEN_TERMS = {
    "الميثاق": "compact is «الاتفاق العالمي»",
    "رمز المرور": "password is «كلمة المرور»",
    "كلمة السر": "password is «كلمة المرور»",
    "الرقم السري": "password is «كلمة المرور»",
    "الاشتراك": "«الاشتراك» is a subscription; sign up is «إنشاء حساب»",
    "دليل الأهداف": "the handbook is «الكتيّب»",
    "الالكتروني": "«الإلكتروني» takes a hamza",
    "فلتر": "filter is «تصفية»",
    "مرشح": "filters are «عوامل التصفية»",
    "صندوق النقد": "the IMRF is «منتدى استعراض الهجرة الدولية»",
    "الاستثماري": "the MPTF is «الصندوق الاستئماني»",
    "جهة الاتصال": "focal point is «نقطة الاتصال»",
}
ALLOWED_WHEN_MSGID_HAS = {"الاشتراك": ("subscri",)}


def entries(path):
    return [entry for entry in polib.pofile(str(path)) if not entry.obsolete and entry.msgid]


def entry_id(path, entry):
    return f"{Path(path).relative_to(settings.BASE_DIR)}: {entry.msgid[:60]!r}"


def test_every_app_catalogue_is_found():
    found = {po.parent.parent.parent.parent.name for po in CATALOGUES}
    assert {"hub", "home", "guidance", "practices", "search", "discussions"} <= found
    assert any("overrides" in po.parts for po in CATALOGUES)
    # Every project app that has a locale directory has its Arabic catalogue.
    for directory in project_locale_dirs():
        assert list(directory.glob("ar/LC_MESSAGES/django.po")), directory


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_no_fuzzy_or_guessed_entry(path):
    """A fuzzy entry is a guess by msgmerge; removing its flag by hand (leaving the ``#|``
    previous msgid) is how «التنقل بين الصفحات» became the label of "organisation"."""
    bad = [
        entry_id(path, entry) for entry in entries(path)
        if entry.fuzzy or entry.previous_msgid or entry.previous_msgid_plural
    ]
    assert bad == []


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_every_entry_has_an_arabic_translation(path):
    missing = []
    for entry in entries(path):
        forms = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        if entry.msgid_plural and len(forms) != 6:
            missing.append(entry_id(path, entry) + " (Arabic has 6 plural forms)")
        elif not all(form.strip() for form in forms):
            missing.append(entry_id(path, entry))
    assert missing == []


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_placeholders_match(path):
    """The same placeholders in msgstr as in msgid, or the page raises or shows the wrong value.
    A plural form may leave out the count (Arabic says «نتيجة واحدة», not «1 نتيجة»)."""
    wrong = []
    for entry in entries(path):
        if entry.msgid_plural:
            expected = set(placeholders(entry.msgid_plural)) | set(placeholders(entry.msgid))
            for form in entry.msgstr_plural.values():
                if not set(placeholders(form)) <= expected:
                    wrong.append(entry_id(path, entry))
        elif placeholders(entry.msgstr) != placeholders(entry.msgid):
            wrong.append(entry_id(path, entry))
    assert wrong == []


def test_one_msgid_one_translation_across_the_project():
    """Django merges every catalogue: when two apps translate the same msgid differently, one
    silently wins on every page (the hub's «الحساب» for "country" reached the admin)."""
    seen = {}
    for path in CATALOGUES:
        if "overrides" in path.parts:
            continue
        for entry in entries(path):
            key = (entry.msgctxt, entry.msgid, entry.msgid_plural)
            value = entry.msgstr or tuple(sorted(entry.msgstr_plural.items()))
            where = str(path.relative_to(settings.BASE_DIR))
            seen.setdefault(key, {}).setdefault(value, []).append(where)
    conflicts = [
        f"{key[1]!r}: {places}" for key, places in seen.items() if len(places) > 1
    ]
    assert conflicts == []


def merged_arabic_catalogue():
    return trans_real.translation("ar")._catalog


def test_glossary_terms_in_every_arabic_string_the_site_can_show():
    """Over the merged catalogue (the project's, django-allauth's, Wagtail's, Django's): the
    terms the glossary rules out do not appear; the overrides catalogue corrects packages."""
    offending = []
    catalogue = merged_arabic_catalogue()
    # The merged catalogue keeps shadowed entries too: look each key up to get what is shown.
    for key in {key for key, _ in catalogue.items()}:
        value = catalogue[key]
        msgid = key[0] if isinstance(key, tuple) else key
        msgid = msgid.split("\x04")[-1]
        for term, reason in FORBIDDEN_TERMS.items():
            allowed = ALLOWED_WHEN_MSGID_HAS.get(term, ())
            if term in value and not any(word in msgid.lower() for word in allowed):
                offending.append(f"{msgid[:50]!r} => {value[:50]!r}: {reason}")
    assert offending == []


@pytest.mark.parametrize(
    ("msgid", "arabic"),
    [
        ("organisation", "المنظمة/الجهة"),
        ("country", "البلد"),
        ("Sign Up", "إنشاء حساب"),
        ("Password", "كلمة المرور"),
        ("Password confirmation", "تأكيد كلمة المرور"),
        ("handbook", "الكتيّب"),
        ("guide", "الدليل"),
        ("Submitted on", "تاريخ التقديم"),
        ("Ethiopia", "إثيوبيا"),
    ],
)
def test_words_the_issue_found_wrong(msgid, arabic):
    with translation.override("ar"):
        assert translation.gettext(msgid) == arabic


@pytest.mark.parametrize(
    ("context", "msgid", "arabic"),
    [
        # A state agrees with what is in that state: «ممارسة» is feminine, «تعهد» and
        # «استعراض» masculine; one msgid without context would give one form for all.
        ("practice state", "Submitted", "مُقدَّمة"),
        ("pledge state", "Submitted", "مُقدَّم"),
        ("practice state", "Published", "منشورة"),
        ("pledge state", "Published", "منشور"),
        ("review state", "Published", "منشور"),
        ("practice state", "Unpublished", "أُلغي نشرها"),
        ("pledge state", "Unpublished", "أُلغي نشره"),
    ],
)
def test_words_that_agree_with_what_they_describe(context, msgid, arabic):
    with translation.override("ar"):
        assert translation.pgettext(context, msgid) == arabic


@pytest.mark.parametrize(
    ("context", "msgid", "arabic"),
    [
        # Wagtail's own words keep Wagtail's meaning: a project msgid without context replaces
        # the package's translation everywhere (the practice's contact person once renamed the
        # image editor's "Focal point", the discussions' «اعتماد» every workflow "Approve").
        (None, "Focal point", "نقطة التركيز"),
        (None, "Approve", "موافقة"),
        ("contact person", "Focal point", "نقطة الاتصال"),
        ("discussion reply", "Approve", "اعتماد"),
    ],
)
def test_the_hub_words_do_not_rename_a_package_word(context, msgid, arabic):
    with translation.override("ar"):
        shown = translation.pgettext(context, msgid) if context else translation.gettext(msgid)
    assert shown == arabic


# --- strings the site shows -------------------------------------------------------------------

def gettext_calls_in_python(source):
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        roles = GETTEXT_FUNCTIONS.get(name)
        if not roles or len(node.args) < len(roles):
            continue
        values = [getattr(arg, "value", None) for arg in node.args[: len(roles)]]
        if all(isinstance(value, str) for value in values):
            yield dict(zip(roles, values, strict=True))


def gettext_calls_in_template(source):
    """``templatize`` turns a template into the Python-like text xgettext reads."""
    # Lines are read without their indentation: templatize keeps the template's, which the
    # Python tokenizer would take for blocks.
    text = "\n".join(line.lstrip() for line in templatize(source).splitlines())
    tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    for index, token in enumerate(tokens):
        roles = GETTEXT_FUNCTIONS.get(token.string) if token.type == tokenize.NAME else None
        if not roles or index + 1 >= len(tokens) or tokens[index + 1].string != "(":
            continue
        values = [t.string for t in tokens[index + 2:] if t.type == tokenize.STRING][: len(roles)]
        if len(values) == len(roles):
            yield dict(zip(roles, (ast.literal_eval(value) for value in values), strict=True))


def shown_strings():
    """(file, call) for every translatable string in the project's apps, as makemessages sees."""
    base = Path(settings.BASE_DIR).resolve()
    for locale_dir in project_locale_dirs():
        app_dir = locale_dir.parent
        if app_dir.name == "overrides":
            continue
        for path in sorted(app_dir.rglob("*")):
            parts = set(path.relative_to(base).parts)
            if parts & {"migrations", "tests", "node_modules", ".venv", "static"}:
                continue
            if path.suffix == ".py":
                calls = gettext_calls_in_python(path.read_text(encoding="utf-8"))
            elif path.suffix in {".html", ".txt"} and "templates" in parts:
                calls = gettext_calls_in_template(path.read_text(encoding="utf-8"))
            else:
                continue
            for call in calls:
                yield str(path.relative_to(base)), call


def test_templatize_reader_finds_translate_and_blocktranslate():
    source = (
        '{% load i18n %}{% translate "Home" %}{% translate "May" context "month" %}'
        '{% blocktranslate count n=3 %}one item{% plural %}{{ n }} items{% endblocktranslate %}'
    )
    assert list(gettext_calls_in_template(source)) == [
        {"msgid": "Home"},
        {"context": "month", "msgid": "May"},
        {"msgid": "one item", "plural": "%(n)s items"},
    ]


def test_every_string_the_site_shows_has_an_arabic_translation():
    catalogue = merged_arabic_catalogue()
    strings = list(shown_strings())
    assert len(strings) > 300  # the reader does find the project's strings
    missing = []
    for where, call in strings:
        msgid = call["msgid"]
        if not re.search("[A-Za-z]", msgid):
            continue
        key = f"{call['context']}\x04{msgid}" if "context" in call else msgid
        if "plural" in call:
            found = all((key, form) in catalogue for form in range(6))
        else:
            found = key in catalogue and catalogue[key].strip() != ""
        if not found:
            missing.append(f"{where}: {msgid[:70]!r}")
    assert sorted(set(missing)) == []
