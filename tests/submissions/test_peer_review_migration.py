"""The data migrations that put the peer review and the screening tasks into an existing
"Practice review" workflow in place of the group approval tasks of the same names, and back."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import GroupApprovalTask, Task, Workflow, WorkflowTask

from practices.models import PeerReviewTask, ScreeningTask
from practices.workflow import practice_review_workflow

# Migrations run backwards and forwards: a transactional test. Not ``serialized_rollback``:
# restoring the serialized database clashes with the content types that a flush by an earlier
# transactional test left (Django re-creates them after a flush, under other ids).
pytestmark = pytest.mark.django_db(transaction=True)

# (migration before, migration after, the step's order, name, group, task model, old task's name)
SWAPS = {
    "peer review": ("0004_peer_review_task", "0005_peer_review_in_practice_workflow", 1,
                    "Peer review", "Reviewers", PeerReviewTask, "Peer review (one reviewer)"),
    "screening": ("0006_screening_task", "0007_screening_in_practice_workflow", 0,
                  "Screening", "Moderators", ScreeningTask, "Screening (before confirmations)"),
}


def migrate(name):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([("practices", name)])


@pytest.fixture(autouse=True)
def latest_schema():
    """Each test leaves the database at the latest migrations, as the rest of the suite needs."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.parametrize("swap", SWAPS)
def test_the_workflow_of_an_existing_site_gets_the_task(swap):
    before, after, order, name, group, model, old_name = SWAPS[swap]
    practice_review_workflow()  # a database flushed by an earlier test has no workflow
    migrate(before)
    # A site as it was: this step a group approval task of the same name.
    workflow = Workflow.objects.get(name="Practice review")
    WorkflowTask.objects.filter(workflow=workflow, sort_order=order).delete()
    model.objects.all().delete()
    old = GroupApprovalTask.objects.create(name=name)
    old.groups.add(Group.objects.get(name=group))
    WorkflowTask.objects.create(workflow=workflow, task=old, sort_order=order)

    def step():
        return WorkflowTask.objects.get(workflow=workflow, sort_order=order).task.specific

    migrate(after)
    assert isinstance(step(), model) and step().name == name and step().active
    assert list(step().groups.values_list("name", flat=True)) == [group]
    assert Task.objects.filter(pk=old.pk, active=False, name=old_name).exists()

    migrate(before)
    assert step().pk == old.pk and Task.objects.get(pk=old.pk).name == name
    migrate(after)
    assert isinstance(step(), model)
