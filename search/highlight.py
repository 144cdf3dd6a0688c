"""Snippets with the matched words marked, computed on the original text with the analyser.

Because index and query share ``search.analysis``, a word of the page matches when its term is
one of the query's terms, whatever its diacritics, alef form or prefix.
"""

from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from .analysis import terms, tokens

SNIPPET_CHARS = 240


def highlight(text, query, length=SNIPPET_CHARS):
    """Escaped excerpt of ``text`` around the first match, matches wrapped in <mark>."""
    text = " ".join((text or "").split())
    wanted = set(terms(query))
    matches = [(start, end) for start, end, term in tokens(text) if term in wanted]
    begin = 0
    if matches:
        begin = max(0, matches[0][0] - length // 3)
        space = text.rfind(" ", 0, begin)
        begin = space + 1 if begin and space >= 0 else begin
    end = min(len(text), begin + length)
    if end < len(text):
        space = text.rfind(" ", begin, end)
        end = space if space > begin else end
    parts, cursor = [], begin
    for start, stop in matches:
        if start < begin or stop > end:
            continue
        parts.append(conditional_escape(text[cursor:start]))
        parts.append(mark_safe(f"<mark>{conditional_escape(text[start:stop])}</mark>"))
        cursor = stop
    parts.append(conditional_escape(text[cursor:end]))
    prefix = "… " if begin > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)


def page_text(page):
    """The searchable text of a specific page from its own fields (no extra queries)."""
    from modelsearch.index import SearchField

    chunks = [page.search_description or ""]
    for field in page.get_search_fields():
        if not isinstance(field, SearchField) or field.field_name == "title":
            continue
        try:
            field.get_field(type(page))
        except Exception:  # a method or related path: would cost queries, skip it
            continue
        value = field.get_value(page)
        if isinstance(value, (list, tuple)):
            value = " ".join(str(item) for item in value)
        chunks.append(str(value or ""))
    return " ".join(chunk for chunk in chunks if chunk)
