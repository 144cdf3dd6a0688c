"""Newsletter limits, overridable in settings (read at call time so tests can override them)."""

from datetime import timedelta

from django.conf import settings


def rate_limit():
    """(requests, window): at most that many subscribe requests per address of the client."""
    return getattr(settings, "NEWSLETTER_RATE_LIMIT", (5, timedelta(hours=1)))


def confirm_max_age():
    """How long a confirmation link stays valid, in seconds."""
    return getattr(settings, "NEWSLETTER_CONFIRM_MAX_AGE", 7 * 24 * 3600)


def batch_size():
    return getattr(settings, "NEWSLETTER_BATCH_SIZE", 50)
