"""Moderation of voluntary reviews: the "Voluntary review approval" workflow, one task for the
``Network secretariat`` group, attached to each language's review index page.

Focal points (the ``Focal points`` group plus a ``FocalPoint`` row per country) prepare reviews
on the front end only; they have no admin access. The secretariat approves (publishes) or
requests changes in the admin; Wagtail keeps the state (WorkflowState, TaskState, revisions).
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

WORKFLOW_NAME = "Voluntary review approval"
TASK_NAME = "Secretariat review"
SECRETARIAT = "Network secretariat"
FOCAL_POINTS = "Focal points"


def focal_points_group():
    return Group.objects.get_or_create(name=FOCAL_POINTS)[0]


def ensure_groups():
    secretariat, _ = Group.objects.get_or_create(name=SECRETARIAT)
    Group.objects.get_or_create(name=FOCAL_POINTS)
    admin_access = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin").first()
    if admin_access:
        secretariat.permissions.add(admin_access)
    # Moderators name the focal points (FocalPoint snippets).
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators:
        moderators.permissions.add(*Permission.objects.filter(
            content_type__app_label="reviews", codename__endswith="_focalpoint"))
    return secretariat


def review_workflow():
    """Get or create the workflow and its task (idempotent)."""
    secretariat = ensure_groups()
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(secretariat)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def assign_to(index_page):
    """Attach the workflow to one language's review index, and let the secretariat publish."""
    WorkflowPage.objects.update_or_create(page=index_page,
                                          defaults={"workflow": review_workflow()})
    secretariat = Group.objects.get(name=SECRETARIAT)
    for codename in ("change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=secretariat, page=index_page,
            permission=Permission.objects.get(content_type__app_label="wagtailcore",
                                              codename=codename))


def assign_to_all_indexes():
    from .models import ReviewIndexPage

    for index_page in ReviewIndexPage.objects.all():
        assign_to(index_page)
