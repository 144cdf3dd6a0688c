"""Wire the pledge review workflow to the index pages and to the notifications."""

from django.dispatch import receiver
from wagtail.signals import task_submitted

from practices.finish import notifies_the_owner, page_in_workflow
from practices.submission.signals import assigns_its_workflow

from .models import PledgeIndexPage, PledgePage
from .notifications import notify_secretariat, send
from .workflow import WORKFLOW_NAME, assign


def _pledge(workflow_state):
    return page_in_workflow(workflow_state, WORKFLOW_NAME, PledgePage)


def _event(page, new, update):
    return update if page.live else new


@receiver(task_submitted)
def on_task_submitted(sender, instance, user=None, **kwargs):
    page = _pledge(instance.workflow_state)
    if page is not None:
        notify_secretariat(_event(page, "review_requested", "update_review_requested"), page)
        send(page.owner, _event(page, "submitted", "update_submitted"), page)


assigns_its_workflow(PledgeIndexPage, assign)
notifies_the_owner(WORKFLOW_NAME, PledgePage, send)
