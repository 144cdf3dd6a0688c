"""Read configuration from environment variables.

Every setting that differs between a laptop, CI and production comes from here, so that the
settings modules stay declarative and no secret is ever written in the code.
"""

import os
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_str(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    word = value.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be one of {sorted(TRUE_WORDS | FALSE_WORDS)}")


def env_int(name, default):
    value = os.environ.get(name)
    if value in (None, ""):
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from error


def env_list(name, default=()):
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def cache_from_url(url):
    """Translate a CACHE_URL / REDIS_URL into a Django CACHES entry.

    Supported: ``locmem://[name]``, ``dummy://``, ``redis://host:port/db`` and ``rediss://``
    (the ``redis`` client package is in the requirements).
    """
    parsed = urlparse(url)
    if parsed.scheme in ("redis", "rediss"):
        # Short timeouts: Redis on the same network answers in a millisecond, and a Redis that
        # is down must cost a cache miss, not a stalled request (hub/redis_cache.py).
        return {
            "BACKEND": "hub.redis_cache.TolerantRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "hub",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    if parsed.scheme == "locmem":
        return {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": parsed.netloc or "hub",
        }
    if parsed.scheme == "dummy":
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    raise ImproperlyConfigured(
        f"Unsupported cache URL scheme {parsed.scheme!r}: use redis://, locmem:// or dummy://"
    )


def email_from_url(url):
    """Translate an EMAIL_URL into Django email settings.

    ``console://``, ``file:///path/to/dir``, ``locmem://``,
    ``smtp://user:password@host:port`` and ``smtp+tls://…``.
    """
    parsed = urlparse(url)
    scheme = parsed.scheme
    if scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if scheme == "locmem":
        return {"EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    if scheme == "file":
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": parsed.path,
        }
    if scheme in ("smtp", "smtp+tls", "smtp+ssl"):
        options = parse_qs(parsed.query)
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": parsed.hostname or "localhost",
            "EMAIL_PORT": parsed.port or 25,
            "EMAIL_HOST_USER": parsed.username or "",
            "EMAIL_HOST_PASSWORD": parsed.password or "",
            "EMAIL_USE_TLS": scheme == "smtp+tls" or "tls" in options,
            "EMAIL_USE_SSL": scheme == "smtp+ssl",
        }
    raise ImproperlyConfigured(f"Unsupported EMAIL_URL scheme {scheme!r}")


def email_settings(default_backend):
    """EMAIL_URL wins; else EMAIL_BACKEND / EMAIL_FILE_PATH; else the given default."""
    if os.environ.get("EMAIL_URL"):
        return email_from_url(os.environ["EMAIL_URL"])
    backend = os.environ.get("EMAIL_BACKEND")
    file_path = os.environ.get("EMAIL_FILE_PATH")
    if not backend and file_path:
        backend = "django.core.mail.backends.filebased.EmailBackend"
    result = {"EMAIL_BACKEND": backend or default_backend}
    if file_path:
        result["EMAIL_FILE_PATH"] = file_path
    return result


def media_storage(environ=None):
    """``STORAGES["default"]``: the local disk (``MEDIA_ROOT``), or an S3-compatible bucket
    through django-storages when ``MEDIA_S3_BUCKET`` is set. Objects are private (no ACL) and
    links to them are signed and expire; submission documents are still served through the
    hub's ``/documents/`` view, which checks who may see them."""
    environ = os.environ if environ is None else environ
    bucket = environ.get("MEDIA_S3_BUCKET", "")
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    options = {
        "bucket_name": bucket,
        "endpoint_url": environ.get("MEDIA_S3_ENDPOINT_URL") or None,
        "region_name": environ.get("MEDIA_S3_REGION") or None,
        "access_key": environ.get("MEDIA_S3_ACCESS_KEY_ID") or None,
        "secret_key": environ.get("MEDIA_S3_SECRET_ACCESS_KEY") or None,
        "location": environ.get("MEDIA_S3_PREFIX", "media"),
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": int(environ.get("MEDIA_S3_LINK_SECONDS", "3600")),
        "file_overwrite": False,
    }
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
