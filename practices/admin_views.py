"""The moderators' screens in the admin: the final "Reject" (beside Wagtail's approve / request
changes), and where a practice stands in its review, with the peer reviewers' scores."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.models import Page, TaskState, WorkflowState

from hub.admin_views import admin_header

from .models import PracticePage
from .peer_review import PeerReview
from .review_stages import review_stage, with_review_stage
from .screening import ScreeningTask
from .submission.services import STATE_LABELS, state_of
from .workflow import reject_submission

STAFF_GROUPS = ("Moderators",)


class RejectForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("Reason, sent to the submitter"), widget=forms.Textarea
    )


def can_reject(page, user):
    """Whoever may approve the current task may reject the submission for good."""
    task = page.current_workflow_task
    return task is not None and any(
        name == "approve" for name, _label, _modal in task.get_actions(page, user)
    )


def reject(request, page_id):
    page = get_object_or_404(PracticePage, pk=page_id)
    if not can_reject(page, request.user):
        raise PermissionDenied
    form = RejectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reject_submission(page, request.user, form.cleaned_data["comment"])
        messages.success(request, _("The submission is rejected."))
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return TemplateResponse(request, "practices/admin/reject.html", {
        "page": page, "form": form,
        **admin_header(_("Reject the submission"), "cross", subtitle=page.draft_title),
    })


def is_moderator(user):
    return user.is_active and (
        user.is_superuser or user.groups.filter(name__in=STAFF_GROUPS).exists())


def stage(page):
    """Where the practice stands, in words of the reader's language: while in review, as the
    repository's admin listing says it (``review_stages``); otherwise the submitter's
    dashboard state."""
    in_review = review_stage(with_review_stage(Page.objects.filter(pk=page.pk)).get())
    if in_review:
        return in_review
    workflow_state = WorkflowState.objects.for_instance(page).order_by("-pk").first()
    return str(STATE_LABELS[state_of(page, workflow_state)])


def review_status(request, page_id):
    """Moderators only: the practice's stage and every peer review of it, newest round first."""
    page = get_object_or_404(PracticePage, pk=page_id)
    if not is_moderator(request.user):
        raise PermissionDenied
    reviews = (PeerReview.objects.filter(task_state__in=TaskState.objects.for_instance(page))
               .select_related("reviewer__profile", "task_state").order_by("-task_state_id", "pk"))
    return TemplateResponse(request, "practices/admin/review_status.html", {
        "page": page, "stage": stage(page), "reviews": reviews,
        **admin_header(_("Review of the practice"), "list-ul", subtitle=page.draft_title),
    })


def latest_decision(page, user):
    """The user's latest decision on the practice, as a peer reviewer ("approved") or at
    screening ("passed_screening"), or "changes_asked"; None when they have made none."""
    task_states = TaskState.objects.for_instance(page)
    review = (PeerReview.objects.filter(reviewer=user, task_state__in=task_states)
              .order_by("-created_at").first())
    screened = (task_states.filter(finished_by=user, task__in=ScreeningTask.objects.all(),
                                   status__in=(TaskState.STATUS_APPROVED,
                                               TaskState.STATUS_REJECTED))
                .order_by("-finished_at").first())
    if screened and (review is None or screened.finished_at > review.created_at):
        return ("passed_screening" if screened.status == TaskState.STATUS_APPROVED
                else "changes_asked")
    if review is not None:
        return "approved" if review.decision == PeerReview.APPROVE else "changes_asked"
    return None


def review_done(request, page_id):
    """Where a moderator or peer reviewer lands after deciding: a confirmation of their latest
    decision on the practice and where it now stands, on the admin's dashboard."""
    page = get_object_or_404(PracticePage, pk=page_id)
    text = {
        "passed_screening": _("“%(title)s” passed screening. %(stage)s."),
        "approved": _("Your approval of “%(title)s” is recorded. %(stage)s."),
        "changes_asked": _("Your request for changes to “%(title)s” was sent to its submitter."),
    }.get(latest_decision(page, request.user))
    if text is not None:
        title = page.get_latest_revision_as_object().title
        messages.success(request, text % {"title": title, "stage": stage(page)})
    return redirect("wagtailadmin_home")
