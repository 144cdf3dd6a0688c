"""The guiding template of the voluntary national review, and how its words are counted.

The five sections, their word limits and guiding questions come from the reference data
(``reference/voluntary_review_template.json``, from seed 004, annex 1), in Arabic and English.

Counting words: the text is split on white space (the characters of ``WHITESPACE``), and a
piece counts as a word when it holds at least one letter or digit (Unicode categories L* and
N*). So punctuation standing alone ("—", "،") is no word, Arabic diacritics and tatweel stay
inside their word, and a word joined to a conjunction ("والمهاجرين") is one word, as a reader
counts it. ``static/reviews/word-count.js`` applies the same rule in the browser (its
``WHITESPACE`` and ``\\p{L}\\p{N}`` test match these), and a test pins both on the same texts.
"""

import json
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

REFERENCE = Path(__file__).resolve().parent / "reference" / "voluntary_review_template.json"

# The white space of JavaScript's \s, written out so both sides split on the same characters.
WHITESPACE = (
    "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
_SPLIT = str.maketrans({char: " " for char in WHITESPACE})


def word_count(text):
    """Words in ``text``: white-space separated pieces holding a letter or a digit."""
    return sum(
        1 for piece in str(text or "").translate(_SPLIT).split(" ")
        if any(unicodedata.category(char)[0] in "LN" for char in piece)
    )


@dataclass(frozen=True)
class Section:
    number: int
    field: str  # the model field holding the answer
    titles: dict  # {"en": …, "ar": …}
    max_words: int
    questions: tuple  # ({"letter": …, "en": …, "ar": …}, …)

    def title(self, language):
        return self.titles.get(language) or self.titles["en"]

    def questions_in(self, language):
        return [q.get(language) or q["en"] for q in self.questions]


@cache
def reference():
    return json.loads(REFERENCE.read_text(encoding="utf-8"))


@cache
def sections():
    return tuple(
        Section(
            number=s["number"], field=f"section_{s['number']}",
            titles={"en": s["en"], "ar": s["ar"]}, max_words=s["max_words"],
            questions=tuple(
                {"letter": q.get("letter", ""), "en": q["en"], "ar": q["ar"]}
                for q in s.get("questions", ())
            ),
        )
        for s in reference()["sections"]
    )


def section_fields():
    return [s.field for s in sections()]


def template_text(key, language):
    entry = reference()[key]
    return entry.get(language) or entry["en"]
