"""Absolute links to the site, all from one setting: ``HUB_BASE_URL``, the site's public address.

E-mails, feeds, the citation, exports and the pages' ``full_url`` (``hub.pages.HubPage``) use it,
so links are right on any host and port the site is served from (``make run`` sets it from
``HOST`` and ``PORT``; a deployment sets it to its public address).
"""

from django.conf import settings


def absolute(path=""):
    """``path`` (starting with ``/``) on the site's public address."""
    return settings.HUB_BASE_URL.rstrip("/") + path
