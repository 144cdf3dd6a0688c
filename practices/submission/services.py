"""Creating, updating and submitting practices; what state a submission is in."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, WorkflowState

from hub.models import Objective

from ..models import PracticeIndexPage, PracticeObjective, PracticePage
from ..workflow import TASKS, is_rejected
from .richtext import editable

DAILY_LIMIT = 10

STATE_LABELS = {
    "draft": _("Draft"),
    "submitted": _("Submitted"),
    "in_screening": _("In screening"),
    "in_peer_review": _("In peer review"),
    "changes_requested": _("Changes requested"),
    "published": _("Published"),
    "unpublished": _("Unpublished"),
    "rejected": _("Rejected"),
}
EDITABLE_STATES = {"draft", "changes_requested"}


def repository_for(language_code):
    return PracticeIndexPage.objects.filter(locale__language_code=language_code).first()


def submissions_today(user):
    since = timezone.now() - timedelta(days=1)
    return WorkflowState.objects.filter(requested_by=user, created_at__gte=since).count()


def initial_from(page):
    """Form data from the latest revision (a draft's page row is not updated by revisions)."""
    latest = page.get_latest_revision_as_object()
    return {
        "title": latest.title,
        "summary": latest.summary,
        "description": editable(latest.description),
        "objectives": [link.objective.number for link in latest.practice_objectives.all()],
    }


def apply_form(page, data, locale):
    page.title = data["title"]
    page.draft_title = data["title"]
    page.summary = data.get("summary") or ""
    page.description = data.get("description") or ""
    objectives = Objective.objects.filter(locale=locale, number__in=data.get("objectives") or [])
    page.practice_objectives = [PracticeObjective(objective=o) for o in objectives]


@transaction.atomic
def save_draft(user, data, language_code, page=None):
    locale = Locale.objects.get(language_code=language_code) if page is None else page.locale
    if page is None:
        parent = repository_for(language_code)
        slug = find_available_slug(parent, slugify(data["title"])[:60] or "practice")
        page = PracticePage(live=False, owner=user, locale=locale, slug=slug)
        apply_form(page, data, locale)
        parent.add_child(instance=page)
    else:
        page = page.get_latest_revision_as_object()
        apply_form(page, data, locale)
    page.save_revision(user=user, log_action=True)
    return page


@transaction.atomic
def submit(user, page):
    """Start (or resume after requested changes) the review; never publishes anything."""
    page = PracticePage.objects.get(pk=page.pk)
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    elif state is None:
        page.get_workflow().start(page, user)


def state_of(page, workflow_state):
    """Name the submission's state from Wagtail's workflow records."""
    if page.live:
        return "published"
    if workflow_state is None:
        return "draft"
    status = workflow_state.status
    if status == WorkflowState.STATUS_IN_PROGRESS:
        task = workflow_state.current_task_state.task if workflow_state.current_task_state else None
        if task is not None and task.name == TASKS[1][0]:
            return "in_peer_review"
        # Screening: "in screening" once a moderator has taken it (locked the page).
        return "in_screening" if page.locked else "submitted"
    if status == WorkflowState.STATUS_NEEDS_CHANGES:
        return "changes_requested"
    if is_rejected(workflow_state):
        return "rejected"
    if status == WorkflowState.STATUS_APPROVED:
        return "unpublished"
    return "draft"


def submissions_of(user):
    """The user's practices with their latest workflow state, in a constant number of queries."""
    pages = list(
        PracticePage.objects.filter(owner=user).select_related("locale").order_by("-pk")
    )
    states = {}
    for state in (
        WorkflowState.objects.filter(
            base_content_type__model="page", object_id__in=[str(p.pk) for p in pages]
        )
        .select_related("current_task_state__task")
        .order_by("created_at", "pk")
    ):
        states[state.object_id] = state  # the latest wins
    rows = []
    for page in pages:
        state = states.get(str(page.pk))
        name = state_of(page, state)
        task_state = state.current_task_state if state else None
        rows.append({
            "page": page,
            "state": name,
            "label": STATE_LABELS[name],
            "comment": task_state.comment if name in ("changes_requested", "rejected") else "",
            "submitted_at": state.created_at if state else None,
            "updated_at": page.latest_revision_created_at,
            "editable": name in EDITABLE_STATES,
        })
    return rows
