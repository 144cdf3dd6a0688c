"""Local development: debug on, a throw-away secret, emails printed to the console (through the
outbox: outbox/)."""

from .base import *  # noqa: F403
from .environment import email_settings, env_bool, env_str

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
OUTBOX_DELIVERY_BACKEND = email_settings(
    "django.core.mail.backends.console.EmailBackend"
)["EMAIL_BACKEND"]
