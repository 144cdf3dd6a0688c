"""Front-end submission: the form, the submitter's dashboard, editing own submissions."""

from allauth.account.decorators import verified_email_required
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale

from ..models import PracticePage
from ..peer_review import CRITERIA, approvals_needed
from . import attachments, quotas, services
from .forms import PracticeSubmissionForm


def _own_page(user, pk):
    """The user's own practice, or 404 whether it exists or not (no existence leak)."""
    return get_object_or_404(PracticePage, pk=pk, owner=user)


def _handle(request, page=None):
    language = page.locale.language_code if page else get_language()
    locale = page.locale if page else Locale.objects.get(language_code=language)
    if services.repository_for(language) is None:
        raise Http404("No repository in this language")
    existing = attachments.existing(page.get_latest_revision_as_object()) if page else []
    options = {"locale": locale, "user": request.user, "existing": existing}
    if request.method == "POST":
        is_draft = "save_draft" in request.POST
        if not quotas.post_allowed(request.user):
            # Too many posts: keep the text, do not even read the files.
            form = PracticeSubmissionForm(request.POST, draft=is_draft, **options)
            form.add_error(None, _(
                "You have sent this form too many times in the last few minutes: wait ten "
                "minutes and send it again. Your text is kept below; attach your files again."
            ))
            return _render(request, form, page, status=429)
        form = PracticeSubmissionForm(request.POST, request.FILES, draft=is_draft, **options)
        valid = form.is_valid()
        # Files that passed their checks are kept, even when something else needs fixing
        # (never for bots), within the person's quota of pending files.
        uploads = []
        if form.checked_files and not form.is_spam:
            uploads = attachments.stash_within_quota(request.user, form.checked_files)
            if uploads is None:
                uploads, valid = [], False
                form.add_error("attachments", _(
                    "These files were not kept: together with the files you sent earlier "
                    "without saving, they exceed %(limit)s. Save your practice with the files "
                    "already attached, or remove some, then attach the others again."
                ) % {"limit": filesizeformat(settings.HUB_SUBMISSION_PENDING_QUOTA)})
        if valid:
            try:
                services.save_and_submit(request.user, form.cleaned_data, language, page,
                                         uploads=uploads, for_review=not is_draft)
            except services.LimitReached as limit:
                form.add_error(None, str(limit))
            else:
                if is_draft:
                    messages.success(request, _("Your draft is saved."))
                else:
                    messages.success(request, _("Your practice is submitted for review."))
                return redirect("practices:mine")
        form.new_uploads = uploads
    else:
        initial = services.initial_from(page) if page else {}
        form = PracticeSubmissionForm(initial=initial, **options)
    return _render(request, form, page)


def _render(request, form, page, status=200):
    """The form, with the published criteria the peer reviewers will score it on."""
    return render(request, "practices/submission/form.html",
                  {"form": form, "practice": page, "criteria": CRITERIA,
                   "approvals": approvals_needed()}, status=status)


@verified_email_required
def submit(request):
    return _handle(request)


@verified_email_required
def edit(request, pk):
    page = _own_page(request.user, pk)
    rows = {row["page"].pk: row for row in services.submissions_of(request.user)}
    if not rows[page.pk]["editable"]:
        messages.error(request, _("This submission cannot be edited in its current state."))
        return redirect("practices:mine")
    return _handle(request, page)


@login_required
def mine(request):
    return render(
        request, "practices/submission/mine.html",
        {"submissions": services.submissions_of(request.user)},
    )
