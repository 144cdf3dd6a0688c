"""The data migrations that put the peer review and the screening tasks into an existing
"Practice review" workflow in place of the group approval tasks of the same names, and back."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import GroupApprovalTask, Task, Workflow, WorkflowTask

from practices.models import PeerReviewTask
from practices.workflow import practice_review_workflow

# Migrations run backwards and forwards: a transactional test. Not ``serialized_rollback``:
# restoring the serialized database clashes with the content types that a flush by an earlier
# transactional test left (Django re-creates them after a flush, under other ids).
pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("practices", "0004_peer_review_task")]
AFTER = [("practices", "0005_peer_review_in_practice_workflow")]


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)


@pytest.fixture(autouse=True)
def latest_schema():
    """Each test leaves the database at the latest migrations, as the rest of the suite needs."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def peer_review_step():
    return WorkflowTask.objects.get(workflow__name="Practice review", sort_order=1).task.specific


def test_the_workflow_of_an_existing_site_gets_the_peer_review_task():
    practice_review_workflow()  # a database flushed by an earlier test has no workflow
    migrate(BEFORE)
    # A site as it was: the second step a group approval task named "Peer review".
    workflow = Workflow.objects.get(name="Practice review")
    WorkflowTask.objects.filter(workflow=workflow, sort_order=1).delete()
    PeerReviewTask.objects.all().delete()
    old = GroupApprovalTask.objects.create(name="Peer review")
    old.groups.add(Group.objects.get(name="Reviewers"))
    WorkflowTask.objects.create(workflow=workflow, task=old, sort_order=1)

    migrate(AFTER)
    step = peer_review_step()
    assert isinstance(step, PeerReviewTask) and step.name == "Peer review" and step.active
    assert list(step.groups.values_list("name", flat=True)) == ["Reviewers"]
    old = Task.objects.get(pk=old.pk)
    assert not old.active and old.name == "Peer review (one reviewer)"

    migrate(BEFORE)
    assert peer_review_step().pk == old.pk
    migrate(AFTER)
    assert isinstance(peer_review_step(), PeerReviewTask)


def test_the_workflow_of_an_existing_site_gets_the_screening_task():
    """The same for the first step: its group approval task gives way to the screening task."""
    from practices.models import ScreeningTask

    before, after = [("practices", "0006_screening_task")], [
        ("practices", "0007_screening_in_practice_workflow")]
    practice_review_workflow()
    migrate(before)
    workflow = Workflow.objects.get(name="Practice review")
    WorkflowTask.objects.filter(workflow=workflow, sort_order=0).delete()
    ScreeningTask.objects.all().delete()
    old = GroupApprovalTask.objects.create(name="Screening")
    old.groups.add(Group.objects.get(name="Moderators"))
    WorkflowTask.objects.create(workflow=workflow, task=old, sort_order=0)

    def first_step():
        return WorkflowTask.objects.get(workflow=workflow, sort_order=0).task.specific

    migrate(after)
    step = first_step()
    assert isinstance(step, ScreeningTask) and step.name == "Screening" and step.active
    assert list(step.groups.values_list("name", flat=True)) == ["Moderators"]
    assert not Task.objects.get(pk=old.pk).active

    migrate(before)
    assert first_step().pk == old.pk and Task.objects.get(pk=old.pk).name == "Screening"
    migrate(after)
    assert isinstance(first_step(), ScreeningTask)
