from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _ensure_workflow(sender, **kwargs):
    from wagtail.models import Page

    from .workflow import assign_to_all_indexes, pledge_review_workflow

    if Page.get_first_root_node() is None:
        return  # a flushed test database
    pledge_review_workflow()
    assign_to_all_indexes()


class PledgesConfig(AppConfig):
    name = "pledges"

    def ready(self):
        from practices.finish import publishes_on_approval
        from practices.submission.signals import hub_notifies

        from . import signals  # noqa: F401  (workflow notifications)
        from .workflow import WORKFLOW_NAME

        publishes_on_approval(WORKFLOW_NAME)
        hub_notifies(WORKFLOW_NAME)
        post_migrate.connect(_ensure_workflow, sender=self, dispatch_uid="pledges-workflow")
