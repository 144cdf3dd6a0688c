"""Error pages and small site-wide views."""

import sys

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.utils.translation import get_language_from_request
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def _error_page(request, template, status, context=None):
    """An error page in the visitor's language (taken from the path, as for pages)."""
    language = get_language_from_request(request, check_path=True)
    with translation.override(language):
        return render(request, template, context, status=status)


def bad_request(request, exception=None):
    if isinstance(exception, RequestDataTooBig):
        return request_too_large(request)
    return _error_page(request, "400.html", 400)


def permission_denied(request, exception=None):
    return _error_page(request, "403.html", 403)


def csrf_failure(request, reason=""):
    """A form sent without a valid CSRF token (expired session, blocked cookies, old tab)."""
    return _error_page(request, "403_csrf.html", 403)


def request_too_large(request):
    return _error_page(request, "413.html", 413, {
        "max_size": settings.HUB_MAX_REQUEST_SIZE,
        "file_size": settings.HUB_SUBMISSION_MAX_UPLOAD_SIZE,
    })


def server_error(request):
    """Render the 500 page in the visitor's language, without touching the database.

    When the database cannot be reached (restarted, failed over, out of connections), the
    visitor gets the 503 page instead: the site is briefly unavailable, nothing is broken, and
    the next request connects again (``CONN_HEALTH_CHECKS``).
    """
    language = get_language_from_request(request, check_path=True)
    unavailable = isinstance(sys.exc_info()[1], (OperationalError, InterfaceError))
    template, status = ("503.html", 503) if unavailable else ("500.html", 500)
    with translation.override(language):
        html = loader.get_template(template).render({"LANGUAGE_CODE": language})
    response = HttpResponse(html, status=status)
    if unavailable:
        response["Retry-After"] = "5"
        response["Cache-Control"] = "no-store"
    return response


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain")


def healthz(request):
    """A bare view: liveness for the HTTP cache's probe, and the floor of `make loadtest`."""
    response = HttpResponse("ok\n", content_type="text/plain")
    response["Cache-Control"] = "no-store"
    return response
