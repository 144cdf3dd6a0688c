"""The moderators' final "Reject" in the admin (beside Wagtail's approve / request changes)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages

from .models import PracticePage
from .workflow import reject_submission


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
    return TemplateResponse(
        request, "practices/admin/reject.html", {"page": page, "form": form}
    )
