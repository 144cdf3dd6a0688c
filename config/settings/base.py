"""Settings shared by every environment. Environment-specific modules import from here."""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .environment import (
    cache_from_url,
    email_settings,
    env_bool,
    env_int,
    env_list,
    env_str,
    media_storage,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent
HUB_DIR = BASE_DIR / "hub"

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps: hub first so its templates (base, 404, 500) win.
    "hub",
    "home",
    "guidance",
    "practices",
    "search",
    "discussions",
    "pledges",
    "countries",
    "reviews",
    "events",
    "newsletter",
    "outbox",
    "editorial",
    "library",
    "news",
    # Translation
    "wagtail_localize",
    "wagtail_localize.locales",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_countries",
    "csp",
    "django_tasks_db",
    # Accounts
    "allauth",
    "allauth.account",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "hub.security.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "hub.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "hub.security.RequestSizeLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
CSRF_FAILURE_VIEW = "hub.views.csrf_failure"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [HUB_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite file by default, anything dj-database-url understands when DATABASE_URL is set.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent writes on the embedded default wait their turn instead of failing with
    # "database is locked": write-ahead log (readers never block the writer), every transaction
    # takes the write lock when it begins (no deadlock upgrading a read lock), and a writer waits
    # up to SQLITE_BUSY_TIMEOUT seconds for the lock.
    DATABASES["default"].setdefault("OPTIONS", {}).update({
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("SQLITE_BUSY_TIMEOUT", 30),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    })
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": cache_from_url(env_str("CACHE_URL") or env_str("REDIS_URL") or "locmem://hub"),
}

# Every e-mail goes through the outbox (outbox/): stored with a delivery task, then delivered by
# the task worker through the backend chosen by EMAIL_URL / EMAIL_BACKEND, retried on failure.
_delivery = email_settings("django.core.mail.backends.smtp.EmailBackend")
OUTBOX_DELIVERY_BACKEND = _delivery.pop("EMAIL_BACKEND")
globals().update(_delivery)
EMAIL_BACKEND = "outbox.backend.QueuedEmailBackend"
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)  # seconds; shorter than the outbox's lease
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "GCM Knowledge Hub <hub@localhost>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Internationalisation: English and Arabic, both first-class.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("ar", "العربية"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# A translation of a live page must go through moderation like any other change.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# The overrides catalogue corrects installed packages' Arabic strings: it must come first.
LOCALE_PATHS = [HUB_DIR / "overrides" / "locale", HUB_DIR / "locale"]
# One date and number format per language (hub/formats, read through hub/formatting.py).
FORMAT_MODULE_PATH = ["hub.formats"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"

STORAGES = {
    "default": media_storage(),  # MEDIA_ROOT, or an S3-compatible bucket (MEDIA_S3_BUCKET)
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = _("GCM Knowledge Hub")
# The site's public address, scheme and host (and port), without a trailing slash: every absolute
# link (e-mails, feeds, the citation, exports, alternates) is built from it, whatever the Site's
# hostname in the database. `make run` sets it from HOST and PORT.
HUB_BASE_URL = env_str("HUB_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = HUB_BASE_URL
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "ppt", "pptx", "odp",
                          "csv", "txt", "rtf"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Files attached to front-end practice submissions (practices/submission/files.py).
HUB_SUBMISSION_MAX_UPLOAD_SIZE = env_int(
    "HUB_SUBMISSION_MAX_UPLOAD_SIZE", WAGTAILDOCS_MAX_UPLOAD_SIZE
)
HUB_SUBMISSION_MAX_FILES = env_int("HUB_SUBMISSION_MAX_FILES", 5)
# Per person: bytes of files uploaded with forms not saved yet (enough for one full form), drafts
# never submitted, and POSTs of the submission form in ten minutes (practices/submission/quotas.py).
HUB_SUBMISSION_PENDING_QUOTA = env_int(
    "HUB_SUBMISSION_PENDING_QUOTA", HUB_SUBMISSION_MAX_FILES * HUB_SUBMISSION_MAX_UPLOAD_SIZE
)
HUB_SUBMISSION_MAX_DRAFTS = env_int("HUB_SUBMISSION_MAX_DRAFTS", 10)
# Independent approvals a practice needs in peer review before it is published.
HUB_PEER_REVIEW_APPROVALS = env_int("HUB_PEER_REVIEW_APPROVALS", 2)
HUB_SUBMISSION_POSTS_PER_10_MINUTES = env_int("HUB_SUBMISSION_POSTS_PER_10_MINUTES", 20)
# Also the memory budget of decoding images: 4 bytes a pixel, two copies at most, one image at a
# time (practices/submission/files.py): 24 million pixels ≈ 190 MB per request.
HUB_SUBMISSION_MAX_IMAGE_PIXELS = env_int("HUB_SUBMISSION_MAX_IMAGE_PIXELS", 24_000_000)
# The largest request body the hub reads (a full submission form with all its files, and some
# room for the text); anything larger is refused with the 413 page before it is read. The proxy
# in front should refuse the same size (README, "Security").
HUB_MAX_REQUEST_SIZE = env_int(
    "HUB_MAX_REQUEST_SIZE",
    HUB_SUBMISSION_MAX_FILES * HUB_SUBMISSION_MAX_UPLOAD_SIZE + 2 * 1024 * 1024,
)
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True

# Page cache for anonymous visitors (hub/page_cache.py), forgotten on every content change.
HUB_PAGE_CACHE = env_bool("HUB_PAGE_CACHE", True)
HUB_PAGE_CACHE_TIMEOUT = env_int("HUB_PAGE_CACHE_TIMEOUT", 3600)
# An HTTP cache in front (Varnish, deploy/varnish.vcl) purged through Wagtail's frontend_cache.
if env_str("VARNISH_URL"):
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
    WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "hub.page_cache.VarnishBackend", "LOCATION": env_str("VARNISH_URL")},
    }

# Background tasks (django-tasks): e-mail delivery, search index updates. "immediate" runs them
# in the request (development: a published page is searchable at once); "database" stores them
# for `manage.py db_worker` (django-tasks-db), the production default.
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS_BACKEND = env_str("TASKS_BACKEND", "immediate")
if TASKS_BACKEND not in TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {sorted(TASK_BACKENDS)}")
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASKS_BACKEND]}}

# Search: Wagtail's backends on text analysed by search/analysis.py (Arabic normalisation,
# stemming), so every backend matches the same words. See search/backends/.
OPENSEARCH_URL = env_str("OPENSEARCH_URL")  # an OpenSearch 2.x node or cluster (make engine)
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
if OPENSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.opensearch",
            "URLS": env_list("OPENSEARCH_URL"),  # several nodes: comma-separated
            "INDEX_PREFIX": env_str("OPENSEARCH_INDEX_PREFIX", "hub_"),
            "TIMEOUT": env_int("OPENSEARCH_TIMEOUT", 10),
            "OPTIONS": {},
        }
    }
elif ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch9",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": env_str("ELASTICSEARCH_INDEX_PREFIX", "hub_"),
            "TIMEOUT": env_int("ELASTICSEARCH_TIMEOUT", 10),
            "OPTIONS": {},
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}
# The practice listing's implementation: the in-memory index of each process (embedded
# default), or one request to the engine per listing page when an engine is configured
# (practices/engine_listing.py). PRACTICE_LISTING=embedded keeps the in-memory one anyway.
PRACTICE_LISTINGS = {"embedded": "practices.listing.Listing",
                     "engine": "practices.engine_listing.EngineListing"}
_listing = env_str("PRACTICE_LISTING",
                   "engine" if OPENSEARCH_URL or ELASTICSEARCH_URL else "embedded")
if _listing not in PRACTICE_LISTINGS:
    raise ImproperlyConfigured(f"PRACTICE_LISTING must be one of {sorted(PRACTICE_LISTINGS)}")
PRACTICE_LISTING = PRACTICE_LISTINGS[_listing]

# Accounts (django-allauth)
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_GET = False
# Confirming the address in the browser that signed up finishes that sign-up's log-in and goes on
# to where the person was headed (e.g. the submission form, ``next=``).
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
# One login for everyone: the admin sends people to the site's login (allauth), which refuses
# unverified addresses and throttles failed attempts (ACCOUNT_RATE_LIMITS, allauth's defaults:
# 5 failures per account per 5 minutes, 10 per address per minute).
WAGTAILADMIN_LOGIN_URL = "/accounts/login/"

COUNTRIES_FIRST_REPEAT = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
ACCOUNT_SIGNUP_FORM_CLASS = "hub.accounts.forms.SignupForm"
WAGTAIL_FINISH_WORKFLOW_ACTION = "practices.finish.publish_approved"

# Content-Security-Policy (django-csp): the site's pages load nothing inline and nothing from
# another origin. Wagtail's admin still writes inline scripts and styles, so /admin/ is left out
# (it is reached by staff only, behind the login).
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
# Powerful browser features the site never uses, refused to every origin (hub/security.py).
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), "
    "fullscreen=(self), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), "
    "payment=(), publickey-credentials-get=(), usb=(), screen-wake-lock=(), xr-spatial-tracking=()"
)
