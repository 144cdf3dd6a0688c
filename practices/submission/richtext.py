"""User-written rich text: plain paragraphs plus a small tag set, everything else removed."""

import re
from html import unescape

from django.utils.html import escape
from wagtail.whitelist import Whitelister, allow_without_attributes, attribute_rule, check_url

DROP_WITH_CONTENT = ("script", "style", "iframe", "object", "embed", "template")


class SubmissionWhitelister(Whitelister):
    element_rules = {
        "[document]": allow_without_attributes,
        "p": allow_without_attributes,
        "br": allow_without_attributes,
        "b": allow_without_attributes,
        "strong": allow_without_attributes,
        "i": allow_without_attributes,
        "em": allow_without_attributes,
        "ul": allow_without_attributes,
        "ol": allow_without_attributes,
        "li": allow_without_attributes,
        "a": attribute_rule({"href": check_url}),
    }

    def clean_tag_node(self, doc, tag):
        if tag.name in DROP_WITH_CONTENT:
            tag.decompose()  # code is not prose: drop it, do not keep its text
            return
        super().clean_tag_node(doc, tag)


def sanitise(text):
    """Blank lines separate paragraphs; allowed tags are kept, anything else is stripped."""
    text = (text or "").replace("\r\n", "\n").strip()
    if not text:
        return ""
    if "<" not in text:
        text = escape(text)
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]
    html = "".join(
        part if part.startswith("<p>") else "<p>" + part.replace("\n", "<br/>") + "</p>"
        for part in paragraphs
    )
    return SubmissionWhitelister().clean(html)


def editable(html):
    """The stored HTML back as the text the author typed (paragraphs as blank lines).

    Text without tags comes back unescaped ("&" not "&amp;"), as ``sanitise`` escapes such
    text again: saving a draft twice must not double-escape it. Text with tags stays HTML.
    """
    html = (html or "").strip()
    html = re.sub(r"</p>\s*<p>", "\n\n", html)
    html = re.sub(r"^<p>|</p>$", "", html)
    text = re.sub(r"<br\s*/?>", "\n", html)
    return text if "<" in text else unescape(text)
