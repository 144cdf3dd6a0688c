from django.apps import AppConfig


class PledgesConfig(AppConfig):
    name = "pledges"

    def ready(self):
        from practices.finish import keeps_its_workflow, publishes_on_approval
        from practices.submission.signals import hub_notifies

        from . import signals  # noqa: F401  (workflow notifications)
        from .workflow import WORKFLOW_NAME, assign_to_all_indexes, pledge_review_workflow

        publishes_on_approval(WORKFLOW_NAME)
        keeps_its_workflow(self, pledge_review_workflow, assign_to_all_indexes)
        hub_notifies(WORKFLOW_NAME)
