"""The "Pledge review" workflow: one task, "Pledge moderation", by the secretariat's own group.

Built with the practices' workflow helpers; its approval publishes (``practices.finish``), so
the secretariat needs no page permissions. The same workflow reviews a new pledge and every
update of a published one: the update is a new revision, and the live revision stays visible
until the update is approved.
"""

from practices.workflow import assign_to, practice_review_workflow

WORKFLOW_NAME = "Pledge review"
GROUP = "Pledge secretariat"
TASKS = (("Pledge moderation", GROUP),)


def pledge_review_workflow():
    """The workflow, its task and group; the group may open the admin to moderate."""
    from django.contrib.auth.models import Group, Permission

    workflow = practice_review_workflow(WORKFLOW_NAME, TASKS)
    access_admin = Permission.objects.filter(codename="access_admin").first()
    if access_admin is not None:
        Group.objects.get(name=GROUP).permissions.add(access_admin)
    return workflow


def assign(index_page):
    assign_to(index_page, pledge_review_workflow())


def assign_to_all_indexes():
    from .models import PledgeIndexPage

    for index_page in PledgeIndexPage.objects.all():
        assign(index_page)
