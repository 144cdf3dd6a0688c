from django.apps import AppConfig


class PluggableConfig(AppConfig):
    name = "tests.pluggable"
    label = "pluggable"
    default_auto_field = "django.db.models.BigAutoField"
