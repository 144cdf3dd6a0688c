"""Admin glue for the review workflow: the final "reject" log action."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .workflow import REJECT_ACTION


@hooks.register("register_log_actions")
def register_rejection(actions):
    actions.register_action(REJECT_ACTION, _("Reject submission"), _("Submission rejected"))
