from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _ensure_workflow(sender, **kwargs):
    from wagtail.models import Page

    from .workflow import assign_to_all_repositories, practice_review_workflow

    if Page.get_first_root_node() is None:
        return  # a flushed test database
    practice_review_workflow()
    assign_to_all_repositories()


class PracticesConfig(AppConfig):
    name = "practices"

    def ready(self):
        from .submission import signals  # noqa: F401  (workflow notifications)

        post_migrate.connect(_ensure_workflow, sender=self, dispatch_uid="practices-workflow")
