"""Reply rendering: plain text, everything escaped, then safe links and line breaks."""

from django import template
from django.utils.html import urlize
from django.utils.safestring import mark_safe
from django.utils.text import normalize_newlines

register = template.Library()


@register.filter
def reply_text(value):
    """Escape all of the text (``urlize`` with autoescape), link URLs, keep line breaks."""
    linked = urlize(value or "", trim_url_limit=60, nofollow=True, autoescape=True)
    return mark_safe(normalize_newlines(linked).replace("\n", "<br>"))


@register.simple_tag
def topic_route(page, name, *args):
    """URL of a topic route: ``{% topic_route page "edit_reply" reply.pk %}``."""
    return page.url + page.reverse_subpage(name, args=args or None)
