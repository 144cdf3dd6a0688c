from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """The events app. Its package is not called ``events``: a package of that name on PyPI
    (a dependency of opensearch-py) owns the top-level module. Its label stays ``events``."""

    name = "event_calendar"
    label = "events"
    verbose_name = _("Events")
