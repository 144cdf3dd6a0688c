"""Creating, updating and submitting practices; what state a submission is in."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, WorkflowState

from hub.locks import serialise_for

from ..models import PendingUpload, PracticeCountry, PracticeIndexPage, PracticePage
from ..terms import TERMS
from ..workflow import TASKS, is_rejected
from . import attachments, quotas
from .forms import MAX_LINKS
from .richtext import editable

DAILY_LIMIT = 10

# The state of a practice: in Arabic the adjectives agree with «ممارسة» (feminine); another
# kind of submission gives its own labels with its own context (pledges: «تعهد», masculine).
STATE_LABELS = {
    "draft": pgettext_lazy("practice state", "Draft"),
    "submitted": pgettext_lazy("practice state", "Submitted"),
    "in_screening": pgettext_lazy("practice state", "In screening"),
    "in_peer_review": pgettext_lazy("practice state", "In peer review"),
    "changes_requested": pgettext_lazy("practice state", "Changes requested"),
    "published": pgettext_lazy("practice state", "Published"),
    "unpublished": pgettext_lazy("practice state", "Unpublished"),
    "rejected": pgettext_lazy("practice state", "Rejected"),
}
EDITABLE_STATES = {"draft", "changes_requested"}


def repository_for(language_code):
    return PracticeIndexPage.objects.filter(locale__language_code=language_code).first()


def submissions_today(user, workflow_name=None):
    """Reviews the user started in the last 24 hours (of one workflow, if named)."""
    since = timezone.now() - timedelta(days=1)
    states = WorkflowState.objects.filter(requested_by=user, created_at__gte=since)
    if workflow_name:
        states = states.filter(workflow__name=workflow_name)
    return states.count()


PLAIN_FIELDS = (
    "summary", "practice_type", "implementation_level", "start_year", "end_year", "ongoing",
    "implementing_organisation", "partners", "is_global", "submission_language",
    "contact_name", "contact_organisation", "contact_email",
)
RICH_FIELDS = (
    "description", "results", "lessons_learned", "innovation", "replicability",
    "migrant_participation",
)


def initial_fields(latest, plain, rich):
    """A revision's title, ``plain`` fields and ``rich`` text fields as form data (shared by the
    submission forms of other page types)."""
    initial = {"title": latest.title}
    initial.update({name: getattr(latest, name) for name in plain})
    initial.update({name: editable(getattr(latest, name)) for name in rich})
    return initial


def initial_from(page):
    """Form data from the latest revision (a draft's page row is not updated by revisions)."""
    latest = page.get_latest_revision_as_object()
    initial = initial_fields(latest, PLAIN_FIELDS, RICH_FIELDS)
    for term in TERMS:
        initial[term.field] = term.keys_of(latest)
    initial["countries"] = [link.country.code for link in latest.practice_countries.all()]
    links = [block.value for block in latest.resources if block.block_type == "link"]
    for n, link in enumerate(links[:MAX_LINKS], start=1):
        initial[f"link_{n}_title"] = link["title"]
        initial[f"link_{n}_url"] = link["url"]
    return initial


def apply_fields(page, data, plain, rich):
    """The form's title and fields onto ``page``; what a draft leaves empty gets the model
    field's default (shared by the submission forms of other page types)."""
    page.title = data["title"]
    page.draft_title = data["title"]
    for name in plain + rich:
        value = data.get(name)
        if value is None or value == "":
            value = page._meta.get_field(name).get_default()
        setattr(page, name, value)


def apply_form(page, data, locale):
    apply_fields(page, data, PLAIN_FIELDS, RICH_FIELDS)
    for term in TERMS:
        if term.field in data:  # else the form does not offer it: the page keeps its links
            setattr(page, term.relation, term.links_for(locale, data.get(term.field)))
    page.practice_countries = [
        PracticeCountry(country=code) for code in sorted(set(data.get("countries") or []))
    ]


def _resources(page, data, uploads):
    """The page's resources: kept attachments, new uploads, then the form's links.

    Returns the raw stream data and the documents/images the submitter removed.
    """
    removed_ids = set(data.get("remove_existing") or [])
    kept, removed = [], []
    for block in page.resources if page.pk else []:
        if block.block_type not in attachments.ATTACHMENT_BLOCKS:
            continue
        target = block.value[block.block_type]
        if target is None:
            continue  # deleted from the library meanwhile
        if block.id in removed_ids:
            removed.append(target)
        else:
            kept.append({"type": block.block_type, "value": block.block.get_prep_value(
                block.value), "id": block.id})
    new = [attachments.block_for(upload) for upload in uploads]
    links = [attachments.link_block(title, url) for title, url in data.get("links") or []]
    return kept + new + links, removed


@transaction.atomic
def save_draft(user, data, language_code, page=None, uploads=(), clean=False):
    """Create or update the user's draft from form data; attach pending ``uploads``.

    ``clean=True`` (on submission) also runs the model's own validation: the form has checked
    everything already, so a failure there is a bug, not a user error.
    """
    locale = Locale.objects.get(language_code=language_code) if page is None else page.locale
    uploads = list(data.get("pending") or []) + list(uploads)
    if page is None:
        parent = repository_for(language_code)
        slug = find_available_slug(parent, slugify(data["title"])[:60] or "practice")
        page = PracticePage(live=False, owner=user, locale=locale, slug=slug)
        page.resources, removed = _resources(page, data, uploads)
        apply_form(page, data, locale)
        parent.add_child(instance=page)
    else:
        page = page.get_latest_revision_as_object()
        page.resources, removed = _resources(page, data, uploads)
        apply_form(page, data, locale)
    page.save_revision(user=user, log_action=True, clean=clean)
    PendingUpload.objects.filter(pk__in=[upload.pk for upload in uploads]).delete()
    attachments.discard(data.get("discard_pending") or [])
    attachments.delete_if_unused(removed, page)
    return page


class LimitReached(Exception):
    """A per-person limit stops this save; nothing was saved. ``str()`` says which."""


@transaction.atomic
def save_and_submit(user, data, language_code, page=None, uploads=(), for_review=False):
    """Save the draft and, with ``for_review``, start its review: one transaction, in which the
    limits are counted and the page saved without another request of the same user in between
    (hub/locks.py). Raises ``LimitReached``, with nothing saved, when a limit is reached."""
    serialise_for(user)
    if for_review and submissions_today(user) >= DAILY_LIMIT:
        raise LimitReached(_(
            "You have reached the limit of %(n)d submissions a day. Your text is kept: save it "
            "as a draft and submit it tomorrow."
        ) % {"n": DAILY_LIMIT})
    if not for_review and page is None and not quotas.may_create_draft(user):
        raise LimitReached(_(
            "You already have %(n)d drafts that were never submitted: submit or delete one of "
            "them before starting another. Your text is kept below."
        ) % {"n": settings.HUB_SUBMISSION_MAX_DRAFTS})
    page = save_draft(user, data, language_code, page, uploads=uploads, clean=for_review)
    if for_review:
        submit(user, page)
    return page


@transaction.atomic
def submit(user, page):
    """Start (or resume after requested changes) the review; never publishes anything."""
    page = type(page).objects.get(pk=page.pk)
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


def submissions_of(user, model=PracticePage, name_state=state_of, labels=STATE_LABELS,
                   editable=EDITABLE_STATES):
    """The user's pages of ``model`` with their latest workflow state, in a constant number of
    queries. Another kind of submission passes its own state names, labels and editable ones."""
    pages = list(
        model.objects.filter(owner=user).select_related("locale").order_by("-pk")
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
        name = name_state(page, state)
        task_state = state.current_task_state if state else None
        rows.append({
            "page": page,
            "state": name,
            "label": labels[name],
            "comment": task_state.comment if name.endswith(("changes_requested", "rejected"))
            else "",
            "submitted_at": state.created_at if state else None,
            "updated_at": page.latest_revision_created_at,
            "editable": name in editable,
        })
    return rows
