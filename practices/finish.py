"""The workflow's finishing action, importable while ``wagtail.models`` is still loading."""


def publish_approved(workflow_state, user=None):
    """WAGTAIL_FINISH_WORKFLOW_ACTION: the last approval publishes.

    For "Practice review" the approving reviewer's group task is the authority to publish, so the
    reviewer needs no publish permission of their own (Reviewers have no page permissions);
    other workflows keep Wagtail's default, permission-checked behaviour.
    """
    from wagtail.workflows import publish_workflow_state

    from .workflow import WORKFLOW_NAME

    if workflow_state.workflow.name != WORKFLOW_NAME:
        return publish_workflow_state(workflow_state, user=user)
    revision = workflow_state.content_object.get_latest_revision()
    return revision.publish(user=user, skip_permission_checks=True)
