"""Front-end pledges: the form, the maker's dashboard, editing and updating own pledges.

The practices' guards apply: a verified address, the rate limit on posts, the daily limit and
the drafts quota (``practices/submission/quotas.py``, ``services.save_and_submit``).
"""

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from practices.submission import quotas
from practices.submission.own import form_language, form_views, own_submission
from practices.submission.services import LimitReached

from . import services
from .forms import PledgeForm, ProgressForm
from .models import PledgePage


def _too_many_posts():
    return _("You have sent this form too many times in the last few minutes: wait ten minutes "
             "and send it again. Your text is kept below.")


def _handle(request, page=None):
    language, locale = form_language(page, services.index_for, "No pledges in this language")
    context = {"pledge": page, "title": _("Edit your pledge") if page else _("Make a pledge")}
    if request.method == "POST" and "find_practices" in request.POST:
        # A search for practices to link: the form comes back as typed, with the matches.
        form = PledgeForm(request.POST, locale=locale, draft=True).show_without_checking()
    elif request.method == "POST":
        is_draft = "save_draft" in request.POST
        form = PledgeForm(request.POST, locale=locale, draft=is_draft)
        if not quotas.post_allowed(request.user):
            form.add_error(None, _too_many_posts())
            return render(request, "pledges/submission/form.html", {**context, "form": form},
                          status=429)
        if form.is_valid():
            try:
                services.save_and_submit(request.user, form.cleaned_data, language, page,
                                         for_review=not is_draft)
            except LimitReached as limit:
                form.add_error(None, str(limit))
            else:
                messages.success(request, _("Your draft is saved.") if is_draft
                                 else _("Your pledge is submitted for moderation."))
                return redirect("pledges:mine")
    else:
        form = PledgeForm(initial=services.initial_from(page) if page else {}, locale=locale)
    return render(request, "pledges/submission/form.html", {**context, "form": form})


make, edit = form_views(
    PledgePage, services.submissions_of, _handle, mine="pledges:mine",
    refused=gettext_lazy("This pledge cannot be edited in its current state."))


@verified_email_required
def progress(request, pk):
    page, row = own_submission(PledgePage, request.user, pk, services.submissions_of)
    state = row["state"]
    if state not in services.UPDATABLE_STATES:
        messages.error(request, _("Only a published pledge can be updated, once any earlier "
                                  "update has been moderated."))
        return redirect("pledges:mine")
    context = {"pledge": page, "title": _("Update your pledge")}
    if request.method == "POST":
        form = ProgressForm(request.POST)
        if not quotas.post_allowed(request.user):
            form.add_error(None, _too_many_posts())
            return render(request, "pledges/submission/progress.html",
                          {**context, "form": form}, status=429)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.post_progress(request.user, page, data["status"], data["date"],
                                       data["note"])
            except LimitReached as limit:
                form.add_error(None, str(limit))
            else:
                messages.success(request, _("Your update is submitted for moderation. The "
                                            "published pledge stays as it is until then."))
                return redirect("pledges:mine")
    else:
        form = ProgressForm(initial=services.progress_initial(page, state))
    return render(request, "pledges/submission/progress.html", {**context, "form": form})


@verified_email_required
def mine(request):
    return render(request, "pledges/submission/mine.html",
                  {"title": _("My pledges"), "submissions": services.submissions_of(request.user)})
