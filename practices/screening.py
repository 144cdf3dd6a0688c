"""Screening: the first step of the "Practice review" workflow, a moderator's approval.

It is Wagtail's group approval task but for where the moderator lands after deciding: the
confirmation of their decision and of where the practice now stands (``practices_review_done``),
as a peer reviewer does, instead of Wagtail's page with no word of what happened.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask

from hub.declarations import names

DECISIONS = ("approve", "reject")


class ScreeningTask(AbstractGroupApprovalTask):
    """Approved by one member of its groups, who may also ask for changes."""

    Meta = names(_("screening task"), _("screening tasks"))

    @classmethod
    def get_description(cls):
        return _("A member of the chosen groups checks the submission, then sends it on to peer "
                 "review or asks its submitter for changes.")

    def on_action(self, task_state, user, action_name, **kwargs):
        super().on_action(task_state, user, action_name, **kwargs)
        if action_name in DECISIONS:
            # Wagtail redirects there from the dashboard's workflow actions.
            return reverse("practices_review_done", args=[task_state.workflow_state.object_id])
        return None
