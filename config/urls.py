from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from hub import routing, security, views
from hub.accounts import views as account_views
from hub.sitemap import HubSitemap
from search import views as search_views

handler404 = "hub.views.page_not_found"
handler500 = "hub.views.server_error"
handler400 = "hub.views.bad_request"
handler403 = "hub.views.permission_denied"

# Not language-prefixed: the admin, document downloads, and technical endpoints.
# Django's own admin is not routed: the Wagtail admin does all the hub's administration.
urlpatterns = [
    path("admin/login/", security.admin_login, name="hub_admin_login"),
    path("admin/logout/", security.admin_logout, name="hub_admin_logout"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": HubSitemap}}, name="sitemap"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Language-prefixed: /en/… and /ar/…. "/" redirects by Accept-Language (LocaleMiddleware).
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("accounts/profile/", account_views.profile, name="account_profile"),
    path("accounts/", include("allauth.urls")),
    path("newsletter/", include("newsletter.urls")),
    # Before Wagtail's catch-all: the repository page's own URL is /<lang>/practices/.
    path("practices/", include("practices.urls")),
    path("reviews/", include("reviews.urls")),
    path("pledges/", include("pledges.urls")),
    # Wagtail's URLs, pages served through hub/routing.py.
    path("", include(routing.urlpatterns)),
    prefix_default_language=True,
)
