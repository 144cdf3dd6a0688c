"""What the submission views of every kind (practices, pledges) share: the submitter's own
page and its row on their dashboard, the language a form works in, and the form's views."""

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import get_language
from wagtail.models import Locale


def own_submission(model, user, pk, submissions_of):
    """The user's own page of ``model`` and its row in ``submissions_of(user)`` (its state,
    whether it can be edited), or 404 whether the page exists or not (no existence leak)."""
    page = get_object_or_404(model, pk=pk, owner=user)
    return page, next(row for row in submissions_of(user) if row["page"].pk == page.pk)


def form_language(page, index_for, missing):
    """The language code and locale of a form: the page's when editing one, the request's
    when making a new one; 404 (``missing``) where that language has no index to submit to."""
    language = page.locale.language_code if page else get_language()
    locale = page.locale if page else Locale.objects.get(language_code=language)
    if index_for(language) is None:
        raise Http404(missing)
    return language, locale


def form_views(model, submissions_of, handle, *, refused, mine):
    """The views of a submission form, for a verified address: a new submission with
    ``handle(request)``, and one's own with ``handle(request, page)`` while its row says it is
    editable (otherwise back to the dashboard ``mine`` with the message ``refused``)."""

    @verified_email_required
    def new(request):
        return handle(request)

    @verified_email_required
    def edit(request, pk):
        page, row = own_submission(model, request.user, pk, submissions_of)
        if not row["editable"]:
            messages.error(request, refused)
            return redirect(mine)
        return handle(request, page)

    return new, edit
