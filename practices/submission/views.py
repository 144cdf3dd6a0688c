"""Front-end submission: the form, the submitter's dashboard, editing own submissions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import PracticePage
from ..peer_review import CRITERIA, approvals_needed
from . import attachments, services, uploading
from .forms import PracticeSubmissionForm
from .own import form_language, form_views


def _handle(request, page=None):
    language, locale = form_language(page, services.repository_for,
                                     "No repository in this language")
    existing = attachments.existing(page.get_latest_revision_as_object()) if page else []
    options = {"locale": locale, "user": request.user, "existing": existing}
    if request.method == "POST":
        is_draft = "save_draft" in request.POST
        form, status = uploading.bind(request, PracticeSubmissionForm, draft=is_draft, **options)
        if status != 200:
            return _render(request, form, page, status=status)
        valid = form.is_valid()
        with uploading.database_failure(form):
            # Files that passed their checks are kept, even when something else needs fixing.
            valid = form.keep_checked_files() and valid
            if valid:
                try:
                    services.save_and_submit(request.user, form.cleaned_data, language, page,
                                             uploads=form.new_uploads, for_review=not is_draft)
                except services.LimitReached as limit:
                    form.add_error(None, str(limit))
                else:
                    if is_draft:
                        messages.success(request, _("Your draft is saved."))
                    else:
                        messages.success(request, _("Your practice is submitted for review."))
                    return redirect("practices:mine")
        if form.failed:
            status = 503
    else:
        initial = services.initial_from(page) if page else {}
        form, status = PracticeSubmissionForm(initial=initial, **options), 200
    return _render(request, form, page, status=status)


def _render(request, form, page, status=200):
    """The form, with the published criteria the peer reviewers will score it on."""
    return render(request, "practices/submission/form.html",
                  {"form": form, "practice": page, "criteria": CRITERIA,
                   "title": _("Edit your practice") if page else _("Submit a practice"),
                   "approvals": approvals_needed()}, status=status)


submit, edit = form_views(
    PracticePage, services.submissions_of, _handle, mine="practices:mine",
    refused=gettext_lazy("This submission cannot be edited in its current state."))


@login_required
def mine(request):
    return render(
        request, "practices/submission/mine.html",
        {"title": _("My submissions"), "submissions": services.submissions_of(request.user)},
    )
