"""The hub's one text analyser, applied identically to what is indexed and to what is searched.

Neither SQLite FTS5 nor PostgreSQL's configurations normalise Arabic (see the README), so every
search backend of the hub (``search/backends/``) indexes and queries the *output* of this
analyser instead of raw text. The backends then only need to split on whitespace.

Per token, chosen by script (so mixed Arabic/English text works):

- Arabic: strip tashkeel and tatweel, unify alef forms (أ إ آ ٱ → ا), ى → ي; drop a
  conjunction و/ف written before the article (وال…، فال…، ولل…، فلل…), as Larkey's light10 does,
  because the Snowball stemmer keeps it; then the Snowball Arabic stemmer, with ة/ه unified
  around it (``stem_arabic``).
- Latin: fold accents, lower-case, Snowball English stemmer.
- Anything else (digits…): lower-cased as is.

``tokens()`` keeps the character offsets of every token in the *original* text, which is what
``search.highlight`` needs to mark matches in text that still has its diacritics.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# Arabic combining marks (tashkeel, Quranic marks, superscript alef) and tatweel. They are kept
# inside tokens by TOKEN_RE (Python's \w does not match combining marks) and removed afterwards.
ARABIC_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
TATWEEL = "\u0640"
LATIN_MARKS = "\u0300-\u036f"
TOKEN_RE = re.compile(rf"(?:[^\W_]|[{ARABIC_MARKS}{TATWEEL}{LATIN_MARKS}])+")
STRIP_RE = re.compile(rf"[{ARABIC_MARKS}{TATWEEL}]")
ARABIC_RE = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")

ARABIC_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي"})
# Conjunction before the definite article (or its assimilated form after the preposition ل).
CONJUNCTION_PREFIXES = ("وال", "فال", "ولل", "فلل")
MIN_STEM_INPUT = 4  # light10 only strips a prefix when at least this many letters remain

_arabic_stemmer = snowballstemmer.stemmer("arabic")
_english_stemmer = snowballstemmer.stemmer("english")


def normalize_arabic(word):
    """Diacritics and tatweel out, alef forms and ى/ي unified; other letters untouched."""
    word = unicodedata.normalize("NFKC", STRIP_RE.sub("", word))
    return word.translate(ARABIC_LETTERS)


def stem_arabic(word):
    """Snowball Arabic, with ة and ه made interchangeable at the end of a word.

    The stemmer removes a final ة but reads a final ه after the article as part of the word
    (المدرسة → مدرس, المدرسه → مدرسه), so a final ه is written as ة *before* stemming, and any
    ة left in the stem becomes ه: the index term never holds ة.
    """
    if word.endswith("ه"):
        word = word[:-1] + "ة"
    return _arabic_stemmer.stemWord(word).replace("ة", "ه")


def strip_conjunction(word):
    """والمهاجرين → المهاجرين, فللمهاجرين → للمهاجرين (the stemmer handles ال and لل)."""
    if word.startswith(CONJUNCTION_PREFIXES) and len(word) - 1 >= MIN_STEM_INPUT:
        return word[1:]
    return word


def fold_latin(word):
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


@lru_cache(maxsize=200_000)
def analyse_token(token, stem=True):
    """One surface token → its index term ('' when nothing is left). Cached: O(1) per repeat."""
    if ARABIC_RE.search(token):
        word = strip_conjunction(normalize_arabic(token))
        return stem_arabic(word) if stem else word.replace("ة", "ه")
    if LATIN_RE.search(token):
        word = fold_latin(token)
        return _english_stemmer.stemWord(word) if stem else word
    return unicodedata.normalize("NFKC", token).lower()


def tokens(text, stem=True):
    """Yield (start, end, term) for every token of ``text``; offsets refer to ``text`` itself."""
    for match in TOKEN_RE.finditer(text or ""):
        term = analyse_token(match.group(), stem)
        if term:
            yield match.start(), match.end(), term


def terms(text, stem=True):
    return [term for _start, _end, term in tokens(text, stem)]


def analyse(text, stem=True):
    """The analysed form of ``text``: its terms joined by spaces, ready for any backend."""
    return " ".join(terms(text, stem))
