"""Discussion limits, overridable in settings (read at call time so tests can override them)."""

from datetime import timedelta

from django.conf import settings


def edit_window():
    return getattr(settings, "DISCUSSIONS_EDIT_WINDOW", timedelta(minutes=30))


def max_reply_length():
    return getattr(settings, "DISCUSSIONS_MAX_REPLY_LENGTH", 5000)


def rate_limit():
    """(replies, window): at most that many replies per user within the window."""
    return getattr(settings, "DISCUSSIONS_RATE_LIMIT", (10, timedelta(minutes=10)))
