from django.apps import AppConfig


class PracticesConfig(AppConfig):
    name = "practices"

    def ready(self):
        from .finish import keeps_its_workflow
        from .submission import signals  # noqa: F401  (workflow notifications)
        from .workflow import assign_to_all_repositories, practice_review_workflow

        keeps_its_workflow(self, practice_review_workflow, assign_to_all_repositories)
