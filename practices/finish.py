"""The workflow's finishing action, importable while ``wagtail.models`` is still loading."""

# Workflows whose last group task is the authority to publish (see ``publish_approved``); other
# apps add theirs with ``publishes_on_approval``.
_SELF_PUBLISHING = set()


def publishes_on_approval(workflow_name):
    _SELF_PUBLISHING.add(workflow_name)


def publish_approved(workflow_state, user=None):
    """WAGTAIL_FINISH_WORKFLOW_ACTION: the last approval publishes.

    For "Practice review" (and the workflows registered with ``publishes_on_approval``) the
    approving group task is the authority to publish, so the approver needs no publish
    permission of their own (Reviewers have no page permissions); other workflows keep Wagtail's
    default, permission-checked behaviour.
    """
    from wagtail.workflows import publish_workflow_state

    from .workflow import WORKFLOW_NAME

    name = workflow_state.workflow.name
    if name != WORKFLOW_NAME and name not in _SELF_PUBLISHING:
        return publish_workflow_state(workflow_state, user=user)
    revision = workflow_state.content_object.get_latest_revision()
    return revision.publish(user=user, skip_permission_checks=True)


def keeps_its_workflow(app_config, *steps):
    """After each ``migrate`` of ``app_config``'s app, run ``steps`` (create the app's review
    workflow, assign it to its index pages), unless the page tree is empty (a flushed test
    database). Called from the app's ``ready``."""
    from django.db.models.signals import post_migrate

    def ensure(sender, **kwargs):
        from wagtail.models import Page

        if Page.get_first_root_node() is None:
            return
        for step in steps:
            step()

    post_migrate.connect(ensure, sender=app_config, weak=False,
                         dispatch_uid=f"{app_config.label}-workflow")


def page_in_workflow(workflow_state, workflow_name, model):
    """The ``model`` page a state of the workflow ``workflow_name`` moderates, else None (the
    notifications of each review workflow listen to every workflow's signals)."""
    if workflow_state.workflow.name != workflow_name:
        return None
    page = workflow_state.content_object
    page = getattr(page, "specific", page)
    return page if isinstance(page, model) else None


def notifies_the_owner(workflow_name, model, send):
    """Tell the owner of a ``model`` page how the review by ``workflow_name`` ended, with the
    app's ``send(user, event, page, comment="")``: "published" on approval, "changes_requested"
    with the reviewer's comment on rejection."""
    from wagtail.signals import workflow_approved, workflow_rejected

    def approved(sender, instance, user=None, **kwargs):
        page = page_in_workflow(instance, workflow_name, model)
        if page is not None:
            page.refresh_from_db()
            send(page.owner, "published", page)

    def rejected(sender, instance, user=None, **kwargs):
        page = page_in_workflow(instance, workflow_name, model)
        if page is not None:
            send(page.owner, "changes_requested", page, instance.current_task_state.comment)

    workflow_approved.connect(approved, weak=False, dispatch_uid=f"{workflow_name}:approved")
    workflow_rejected.connect(rejected, weak=False, dispatch_uid=f"{workflow_name}:rejected")
