"""Front-end pledges: the form, the maker's dashboard, editing and updating own pledges."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale

from . import services
from .forms import PledgeForm, ProgressForm
from .models import PledgePage


def _limit_message():
    return _("You have reached the limit of %(n)d submissions a day. Your text is kept: save "
             "it as a draft and submit it tomorrow.") % {"n": services.DAILY_LIMIT}


def _own(user, pk):
    """The user's own pledge, or 404 whether it exists or not (no existence leak)."""
    return get_object_or_404(PledgePage, pk=pk, owner=user)


def _row(user, page):
    return next(row for row in services.submissions_of(user) if row["page"].pk == page.pk)


def _handle(request, page=None):
    language = page.locale.language_code if page else get_language()
    locale = page.locale if page else Locale.objects.get(language_code=language)
    if services.index_for(language) is None:
        raise Http404("No pledges in this language")
    if request.method == "POST":
        is_draft = "save_draft" in request.POST
        form = PledgeForm(request.POST, locale=locale, draft=is_draft)
        valid = form.is_valid()
        if not is_draft and services.limit_reached(request.user):
            valid = False
            form.add_error(None, _limit_message())
        if valid:
            page = services.save_draft(request.user, form.cleaned_data, language, page,
                                       clean=not is_draft)
            if is_draft:
                messages.success(request, _("Your draft is saved."))
            else:
                services.submit(request.user, page)
                messages.success(request, _("Your pledge is submitted for moderation."))
            return redirect("pledges:mine")
    else:
        form = PledgeForm(initial=services.initial_from(page) if page else {}, locale=locale)
    return render(request, "pledges/submission/form.html", {"form": form, "pledge": page})


@login_required
def make(request):
    return _handle(request)


@login_required
def edit(request, pk):
    page = _own(request.user, pk)
    if _row(request.user, page)["state"] not in services.EDITABLE_STATES:
        messages.error(request, _("This pledge cannot be edited in its current state."))
        return redirect("pledges:mine")
    return _handle(request, page)


@login_required
def progress(request, pk):
    page = _own(request.user, pk)
    state = _row(request.user, page)["state"]
    if state not in services.UPDATABLE_STATES:
        messages.error(request, _("Only a published pledge can be updated, once any earlier "
                                  "update has been moderated."))
        return redirect("pledges:mine")
    if request.method == "POST":
        form = ProgressForm(request.POST)
        valid = form.is_valid()
        if services.limit_reached(request.user):
            valid = False
            form.add_error(None, _limit_message())
        if valid:
            data = form.cleaned_data
            services.post_progress(request.user, page, data["status"], data["date"],
                                   data["note"])
            messages.success(request, _("Your update is submitted for moderation. The "
                                        "published pledge stays as it is until then."))
            return redirect("pledges:mine")
    else:
        form = ProgressForm(initial=services.progress_initial(page, state))
    return render(request, "pledges/submission/progress.html", {"form": form, "pledge": page})


@login_required
def mine(request):
    return render(request, "pledges/submission/mine.html",
                  {"submissions": services.submissions_of(request.user)})
