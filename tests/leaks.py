"""What an Arabic reader must not meet on an Arabic page: English or Latin text that is not
marked as such, and dates or numbers in another shape than the hub's one Arabic format.

``leaks(html)`` returns readable findings (an empty list for a clean page). Allowed Latin text:
- inside an element marked with another ``lang`` (it must also carry ``dir``), or isolated in
  ``<bdi>`` / ``dir="ltr"`` (URLs, e-mail addresses, acronyms, user names, file types), or
  text users typed in a language the hub does not know, marked ``dir="auto"``;
- acronyms from ``ACRONYMS`` (GCM, IMRF, SDG…) anywhere: the glossary keeps them in Latin
  script inside Arabic text;
- what no reader sees: scripts, styles, attribute values other than the ones read aloud.
"""

import re

from bs4 import BeautifulSoup, Comment, Declaration, Doctype

from hub.formatting import ARABIC_MONTHS

ACRONYMS = {"GCM", "IMRF", "SDG", "SDGs", "MPTF", "IOM", "UN", "UNHCR", "ILO", "GFMD", "ISO",
            "A/RES/73/195",
            # Names of file formats, products and keys, which have no Arabic name of their own.
            "PDF", "RSS", "Atom", "JSON", "CSV", "URL", "Word", "Excel", "PowerPoint",
            "OpenDocument", "iCalendar", "JPEG", "PNG", "WebP", "GIF", "Ctrl", "Cmd", "Mac"}
# Addresses are Latin by nature (the allow-list of the issue): web and e-mail addresses.
ADDRESS = re.compile(r"[a-z][a-z0-9+.-]*://\S*|[\w.+-]+@[\w-]+\.[\w.-]+")
LATIN = re.compile(r"[A-Za-z][A-Za-z0-9/.\-]*")
READ_ATTRIBUTES = ("aria-label", "placeholder", "title", "alt")
INVISIBLE = ("script", "style", "template", "noscript", "svg", "code", "pre")

MONTH = "(?<![\u0621-\u064A])(?:" + "|".join(ARABIC_MONTHS) + ")(?![\u0621-\u064A])"
# The hub's one Arabic date shape: «28 نوفمبر 2026», optionally «، 12:26»; or «نوفمبر 2026».
GOOD_DATE = re.compile(rf"(?:\b\d{{1,2}} )?(?:{MONTH}) \d{{4}}(?:، \d{{2}}:\d{{2}})?")
ANY_MONTH = re.compile(rf"(?:{MONTH})")
BAD_DATE_SHAPES = [
    (re.compile(rf"(?:{MONTH}) \d{{1,2}},"), "month before day, Latin comma"),
    (re.compile(rf"(?:{MONTH})، \d{{4}}"), "comma between month and year"),
    (re.compile(r"\d{1,2}:\d{2} ?[صم](?:\s|$|\.)"), "12-hour clock (ص/م)"),
    (re.compile(r"\d{4}-\d{2}-\d{2}"), "ISO date shown to the reader"),
]
ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")


def _isolated(element):
    """True when the element or an ancestor is marked as another language or isolated."""
    for node in [element, *element.parents]:
        if getattr(node, "name", None) is None:
            continue
        if node.name == "bdi" or node.get("dir") in ("ltr", "auto"):
            return True
        lang = node.get("lang")
        if lang and node.name != "html" and not lang.startswith("ar"):
            return True
    return False


def _latin_words(text):
    text = ADDRESS.sub(" ", text)
    return [word for word in LATIN.findall(text) if word.rstrip(".") not in ACRONYMS]


def leaks(html):
    """Findings on one Arabic page (see the module docstring)."""
    document = BeautifulSoup(html, "html.parser")
    findings = []
    for node in document.find_all(INVISIBLE):
        node.decompose()
    for comment in document.find_all(
            string=lambda text: isinstance(text, (Comment, Declaration, Doctype))):
        comment.extract()
    # Content in another language says which one and which direction.
    for element in document.find_all(attrs={"lang": True}):
        if element.name != "html" and not element["lang"].startswith("ar") and not element.get(
                "dir"):
            findings.append(f"lang={element['lang']} without dir: {element.get_text()[:60]!r}")
    texts = []
    for string in document.find_all(string=True):
        text = str(string).strip()
        if not text or _isolated(string.parent):
            continue
        texts.append(text)
        if ARABIC_LETTER.search(text) and ", " in text:
            findings.append(f"Latin comma in Arabic text: {text[:80]!r}")
        words = _latin_words(text)
        if words:
            findings.append(f"Latin text {words[:5]} in {text[:80]!r}")
    for element in document.find_all(True):
        if _isolated(element):
            continue
        for attribute in READ_ATTRIBUTES:
            words = _latin_words(element.get(attribute, ""))
            if words:
                findings.append(f"Latin text in {element.name}[{attribute}]: {words[:5]}")
        if element.name == "input" and element.get("type") in ("submit", "button"):
            if _latin_words(element.get("value", "")):
                findings.append(f"Latin button label {element.get('value')!r}")
    findings.extend(date_findings(" \n".join(texts)))
    for time in document.find_all("time"):
        if not GOOD_DATE.fullmatch(time.get_text(strip=True)):
            findings.append(f"<time> not in the hub's date format: {time.get_text(strip=True)!r}")
    return findings


# Arabic-Indic digits are not flagged in running text: content may quote the source documents
# (004 writes «٢٠٢٠»); every date the hub formats is checked in its <time> element, which must
# read in Western digits.


def date_findings(text):
    findings = [f"{reason}: {match.group(0)!r}" for pattern, reason in BAD_DATE_SHAPES
                for match in pattern.finditer(text)]
    # Every month name belongs to a date of the hub's shape.
    good_spans = [match.span() for match in GOOD_DATE.finditer(text)]
    for match in ANY_MONTH.finditer(text):
        if not any(start <= match.start() < end for start, end in good_spans):
            context = text[max(0, match.start() - 15): match.end() + 15]
            findings.append(f"month outside a hub date: {context!r}")
    return findings
