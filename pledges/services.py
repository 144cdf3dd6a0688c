"""Making, updating and submitting pledges; what state a pledge is in.

Built on the practices' submission services (``practices/submission/services.py``): the same
daily limit, the same workflow start/resume, the same dashboard rows with a constant number of
queries. What differs: a pledge's fields, and that a *published* pledge can be updated (status
and a progress note): the update is a new revision submitted to the same workflow while the
live revision stays visible.
"""

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, WorkflowState

from hub.locks import serialise_for
from practices.submission import quotas
from practices.submission import services as practice_services
from practices.submission.forms import MAX_LINKS
from practices.submission.services import LimitReached

from .models import (
    PledgeCountry,
    PledgeIndexPage,
    PledgeLink,
    PledgePage,
    PledgePractice,
    ProgressNote,
)
from .terms import TERMS
from .workflow import WORKFLOW_NAME

DAILY_LIMIT = practice_services.DAILY_LIMIT

# The state of a pledge: in Arabic the adjectives agree with «تعهد» (masculine), not with the
# practices' «ممارسة».
STATE_LABELS = {
    "draft": pgettext_lazy("pledge state", "Draft"),
    "submitted": pgettext_lazy("pledge state", "Submitted"),
    "in_screening": pgettext_lazy("pledge state", "In moderation"),
    "in_peer_review": pgettext_lazy("pledge state", "In peer review"),
    "changes_requested": pgettext_lazy("pledge state", "Changes requested"),
    "published": pgettext_lazy("pledge state", "Published"),
    "unpublished": pgettext_lazy("pledge state", "Unpublished"),
    "rejected": pgettext_lazy("pledge state", "Rejected"),
    "update_in_review": _("Published; update awaiting moderation"),
    "update_changes_requested": _("Published; changes requested on the update"),
}
EDITABLE_STATES = {"draft", "changes_requested"}
UPDATABLE_STATES = {"published", "update_changes_requested"}

PLAIN_FIELDS = ("summary", "pledge_type", "pledging_entity", "target", "start_date",
                "end_date", "amount", "currency", "partners", "is_global")
RICH_FIELDS = ("description",)


def index_for(language_code):
    return PledgeIndexPage.objects.filter(locale__language_code=language_code).first()


def limit_reached(user):
    return practice_services.submissions_today(user, WORKFLOW_NAME) >= DAILY_LIMIT


def initial_from(page):
    latest = page.get_latest_revision_as_object()
    initial = practice_services.initial_fields(latest, PLAIN_FIELDS, RICH_FIELDS)
    for term in TERMS:
        if term.field == "stakeholders":
            keys = term.keys_of(latest)
            initial["stakeholder"] = keys[0] if keys else ""
        else:
            initial[term.field] = term.keys_of(latest)
    initial["countries"] = [link.country.code for link in latest.pledge_countries.all()]
    initial["practices"] = [str(link.practice_id) for link in latest.pledge_practices.all()]
    for n, link in enumerate(list(latest.pledge_links.all())[:MAX_LINKS], start=1):
        initial[f"link_{n}_title"] = link.title
        initial[f"link_{n}_url"] = link.url
    return initial


def apply_form(page, data, locale):
    practice_services.apply_fields(page, data, PLAIN_FIELDS, RICH_FIELDS)
    if page.amount == "":
        page.amount = None
    for term in TERMS:
        keys = data.get(term.field)
        if term.field == "stakeholders":
            keys = [data["stakeholder"]] if data.get("stakeholder") else []
        setattr(page, term.relation, term.links_for(locale, keys))
    page.pledge_countries = [
        PledgeCountry(country=code) for code in sorted(set(data.get("countries") or []))
    ]
    page.pledge_links = [PledgeLink(title=title, url=url) for title, url in data.get("links") or []]
    page.pledge_practices = [PledgePractice(practice=practice)
                             for practice in data.get("practices") or []]


@transaction.atomic
def save_draft(user, data, language_code, page=None, clean=False):
    """Create or update the user's pledge (a draft revision) from the form's data."""
    locale = Locale.objects.get(language_code=language_code) if page is None else page.locale
    if page is None:
        parent = index_for(language_code)
        slug = find_available_slug(parent, slugify(data["title"])[:60] or "pledge")
        page = PledgePage(live=False, owner=user, locale=locale, slug=slug)
        apply_form(page, data, locale)
        parent.add_child(instance=page)
    else:
        page = page.get_latest_revision_as_object()
        apply_form(page, data, locale)
    page.save_revision(user=user, log_action=True, clean=clean)
    return page


def submit(user, page):
    practice_services.submit(user, page)


def limit_message():
    return gettext("You have reached the limit of %(n)d submissions a day. Your text is kept: "
                   "save it as a draft and submit it tomorrow.") % {"n": DAILY_LIMIT}


@transaction.atomic
def save_and_submit(user, data, language_code, page=None, for_review=False):
    """The practices' rules for one save: serialised per person (hub/locks.py), the daily limit
    on submissions and the quota of never-submitted drafts; raises ``LimitReached`` with
    nothing saved."""
    serialise_for(user)
    if for_review and limit_reached(user):
        raise LimitReached(limit_message())
    if not for_review and page is None and not quotas.may_create_draft(user, PledgePage):
        raise LimitReached(gettext(
            "You already have %(n)d drafts that were never submitted: submit or delete one of "
            "them before starting another. Your text is kept below."
        ) % {"n": settings.HUB_SUBMISSION_MAX_DRAFTS})
    page = save_draft(user, data, language_code, page, clean=for_review)
    if for_review:
        submit(user, page)
    return page


@transaction.atomic
def post_progress(user, page, status, date, note):
    """Record an update of a published pledge as a new revision and submit it for moderation.

    After "changes requested" on an update, the update's note is replaced, not added again.
    Counts against the daily limit (``LimitReached``).
    """
    serialise_for(user)
    if limit_reached(user):
        raise LimitReached(limit_message())
    row = next(row for row in submissions_of(user) if row["page"].pk == page.pk)
    latest = page.get_latest_revision_as_object()
    notes = list(latest.progress_notes.all())
    if row["state"] == "update_changes_requested" and notes:
        notes = notes[:-1]
    latest.status = status
    latest.progress_notes = notes + [ProgressNote(date=date, status=status, note=note)]
    latest.save_revision(user=user, log_action=True, clean=True)
    submit(user, latest)
    return latest


def progress_initial(page, state):
    latest = page.get_latest_revision_as_object()
    if state == "update_changes_requested":
        notes = list(latest.progress_notes.all())
        if notes:
            return {"status": notes[-1].status, "date": notes[-1].date, "note": notes[-1].note}
    return {"status": latest.status}


def state_of(page, workflow_state):
    """The practices' states, and those of an update of a published pledge."""
    if page.live and workflow_state is not None:
        if workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
            return "update_in_review"
        if workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            return "update_changes_requested"
    return practice_services.state_of(page, workflow_state)


def submissions_of(user):
    return practice_services.submissions_of(
        user, model=PledgePage, name_state=state_of, labels=STATE_LABELS,
        editable=EDITABLE_STATES,
    )
