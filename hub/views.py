"""Error pages and small site-wide views."""

from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.utils.translation import get_language_from_request
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """Render the 500 page in the visitor's language, without touching the database."""
    language = get_language_from_request(request, check_path=True)
    with translation.override(language):
        html = loader.get_template("500.html").render({"LANGUAGE_CODE": language})
    return HttpResponse(html, status=500)


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /django-admin/", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain")
