"""Site-wide security glue: the Permissions-Policy header, the admin's login and logout."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from wagtail.admin.views.account import LogoutView


class PermissionsPolicyMiddleware:
    """Send ``settings.PERMISSIONS_POLICY`` with every response that has none yet."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "PERMISSIONS_POLICY", "")
        if policy:
            response.headers.setdefault("Permissions-Policy", policy)
        return response


class RequestSizeLimitMiddleware:
    """Refuse a request whose declared body is larger than ``HUB_MAX_REQUEST_SIZE`` with the
    site's 413 page, before anything reads the body. After ``LocaleMiddleware``: the page is
    in the visitor's language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.HUB_MAX_REQUEST_SIZE:
            from .views import request_too_large

            return request_too_large(request)
        return self.get_response(request)


def admin_login(request):
    """Wagtail's own login form is never shown: everyone signs in through the site's login,
    which applies one set of rules (verified address, throttling). ``next`` is kept."""
    query = request.GET.urlencode()
    return HttpResponseRedirect(reverse("account_login") + (f"?{query}" if query else ""))


_admin_logout = LogoutView.as_view()


@require_http_methods(["GET", "POST"])
def admin_logout(request):
    """Only a POST (with its CSRF token) ends the session. Wagtail's view, answering a GET with
    405, still deleted the session cookie: a link or an image could log a moderator out. A GET
    shows the site's "Sign out?" page instead."""
    if request.method == "POST":
        return _admin_logout(request)
    return HttpResponseRedirect(reverse("account_logout"))
