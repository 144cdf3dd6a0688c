"""Peer review as the Network runs it: N independent approvals from members of the Reviewers group.

``PeerReviewTask`` is a Wagtail task (the Task API: ``get_actions``, ``on_action``,
``get_form_for_action``). Each reviewer declares no conflict of interest, scores the practice on
the published criteria (1–5, each with a comment) and approves or asks for changes. The task is
approved once ``HUB_PEER_REVIEW_APPROVALS`` reviewers have approved (the workflow then publishes);
any one reviewer asking for changes returns the practice to its submitter with the comment.
Resubmission starts a new task state, so a changed practice is reviewed afresh. A reviewer never
reviews their own submission, nor the same submission twice. The reviews (``PeerReview``) are
kept with the task state; moderators read them in the admin; nothing public shows them.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm
from wagtail.models import AbstractGroupApprovalTask, TaskState

# The published review criteria: (key, label, what the reviewer looks at).
CRITERIA = (
    ("relevance", _("Relevance to the GCM"),
     _("How the practice serves the objectives and guiding principles of the Global Compact "
       "for Migration.")),
    ("results", _("Results"),
     _("What the practice achieved, and how this is known.")),
    ("sustainability", _("Sustainability"),
     _("Whether the practice and its results last beyond its funding and its first partners.")),
    ("replicability", _("Replicability"),
     _("Whether others could adapt the practice to another place or context.")),
    ("participation", _("Participation of migrants"),
     _("How migrants and their communities took part in designing, running and assessing the "
       "practice.")),
)
SCORES = [(n, str(n)) for n in range(1, 6)]


def approvals_needed():
    return settings.HUB_PEER_REVIEW_APPROVALS


class PeerReviewTask(AbstractGroupApprovalTask):
    """Approved when enough members of its groups have approved, each once."""

    class Meta:
        verbose_name = _("peer review task")
        verbose_name_plural = _("peer review tasks")

    @classmethod
    def get_description(cls):
        return _("Several members of the chosen groups review and score the practice "
                 "independently; it goes on once enough of them approve.")

    def _current_state(self, obj):
        return self.task_states.filter(
            status=TaskState.STATUS_IN_PROGRESS, workflow_state__object_id=str(obj.pk)
        ).first()

    def may_review(self, obj, user, task_state=None):
        """A member of the groups, not the submitter, who has not reviewed this round yet."""
        if not user.is_authenticated or not self._user_in_groups(user):
            return False
        if getattr(obj, "owner_id", None) == user.pk:
            return False
        task_state = task_state or self._current_state(obj)
        return task_state is not None and not task_state.peer_reviews.filter(
            reviewer=user).exists()

    def get_actions(self, obj, user):
        if not self.may_review(obj, user):
            return []
        return [("reject", _("Request changes"), True), ("approve", _("Approve"), True)]

    def get_form_for_action(self, action):
        return ApprovalForm if action == "approve" else ChangesForm

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if not self._user_in_groups(user):
            return TaskState.objects.none()
        return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS).exclude(
            peer_reviews__reviewer=user)

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **data):
        # One at a time per task state: two last approvals cannot both finish it.
        task_state = TaskState.objects.select_for_update().get(pk=task_state.pk).specific
        obj = task_state.workflow_state.content_object
        if (action_name not in ("approve", "reject")
                or task_state.status != TaskState.STATUS_IN_PROGRESS
                or not self.may_review(obj, user, task_state)):
            raise PermissionDenied
        comment = data.get("comment", "")
        PeerReview.objects.create(
            task_state=task_state, reviewer=user,
            decision=PeerReview.APPROVE if action_name == "approve" else PeerReview.CHANGES,
            no_conflict=bool(data.get("no_conflict")), comment=comment,
            scores={key: {"score": int(data[f"{key}_score"]), "comment": data[f"{key}_comment"]}
                    for key, _label, _help in CRITERIA if data.get(f"{key}_score")},
        )
        if action_name == "reject":
            task_state.reject(user=user, comment=comment)
        elif approvals_of(task_state) >= approvals_needed():
            task_state.approve(user=user, comment=comment)
        # Wagtail redirects there: the reviewer is told what their decision did.
        return reverse("practices_review_done", args=[obj.pk])


class PeerReview(models.Model):
    """One reviewer's decision and scores in one round of peer review (never public)."""

    APPROVE, CHANGES = "approve", "changes"
    DECISIONS = [(APPROVE, _("Approved")), (CHANGES, _("Changes requested"))]

    task_state = models.ForeignKey(TaskState, on_delete=models.CASCADE,
                                   related_name="peer_reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                 related_name="+")
    decision = models.CharField(_("decision"), max_length=10, choices=DECISIONS)
    no_conflict = models.BooleanField(_("no conflict of interest declared"))
    scores = models.JSONField(_("scores"), default=dict)
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("peer review")
        verbose_name_plural = _("peer reviews")
        constraints = [models.UniqueConstraint(fields=["task_state", "reviewer"],
                                               name="one_peer_review_per_reviewer")]

    def __str__(self):
        return f"{self.reviewer} ({self.get_decision_display()})"

    def rows(self):
        """[(label, score, comment)] in the order of the criteria."""
        return [(label, self.scores.get(key, {}).get("score"),
                 self.scores.get(key, {}).get("comment", ""))
                for key, label, _help in CRITERIA]


def approvals_of(task_state):
    return task_state.peer_reviews.filter(decision=PeerReview.APPROVE).count()


class ChangesForm(TaskStateCommentForm):
    no_conflict = forms.BooleanField(
        label=_("I have no conflict of interest with this practice, its organisation or its "
                "submitter."))
    comment = forms.CharField(
        label=_("What should change (sent to the submitter)"), widget=forms.Textarea({"rows": 4}))


class ApprovalForm(ChangesForm):
    comment = forms.CharField(label=_("Comment"), required=False,
                              widget=forms.Textarea({"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label, help_text in CRITERIA:
            self.fields[f"{key}_score"] = forms.TypedChoiceField(
                label=label, help_text=help_text, choices=SCORES, coerce=int,
                widget=forms.RadioSelect)
            self.fields[f"{key}_comment"] = forms.CharField(
                label=_("Comment on “%(criterion)s”") % {"criterion": label},
                widget=forms.Textarea({"rows": 2}))
