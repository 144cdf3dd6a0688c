from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_workflow(sender, **kwargs):
    from wagtail.models import Page

    from .workflow import assign_to_all_indexes, review_workflow

    if Page.get_first_root_node() is None:
        return  # a flushed test database
    review_workflow()
    assign_to_all_indexes()


def _index_created(sender, instance, created=False, raw=False, **kwargs):
    """Each language's review index gets the secretariat's workflow when it is created."""
    if created and not raw:
        from .workflow import assign_to

        assign_to(instance)


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = _("Voluntary reviews")

    def ready(self):
        from django.db.models.signals import post_save

        from .models import ReviewIndexPage

        post_migrate.connect(_ensure_workflow, sender=self, dispatch_uid="reviews-workflow")
        post_save.connect(_index_created, sender=ReviewIndexPage, dispatch_uid="reviews-index")
