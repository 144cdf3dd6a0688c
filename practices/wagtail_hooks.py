"""Admin glue for the review workflow (the final "Reject" view, button and log action), who may
download a submission's documents, and what the repository contributes to the shared parts of the
site (see hub/registry.py): its page type in site search, its facets, "My submissions"."""

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button, ListingButton

import hub.converters  # noqa: F401 - registers <id:…>
from hub.registry import Link, SearchType, contribute

from . import admin_views
from .models import PracticeIndexPage, PracticePage
from .review_stages import review_stage, with_review_stage
from .screening import DECISIONS
from .submission.attachments import may_serve
from .terms import FACETS
from .workflow import REJECT_ACTION, REJECT_LABEL, in_practice_review


@hooks.register("register_log_actions")
def register_rejection(actions):
    actions.register_action(REJECT_ACTION, _("Reject submission"), _("Submission rejected"))


@hooks.register("register_admin_urls")
def reject_url():
    return [
        path("practices/reject/<id:page_id>/", admin_views.reject, name="practices_reject"),
        path("practices/review/<id:page_id>/", admin_views.review_status,
             name="practices_review_status"),
        path("practices/review/<id:page_id>/done/", admin_views.review_done,
             name="practices_review_done"),
    ]


@hooks.register("after_edit_page")
def confirm_decision_from_the_editor(request, page):
    """A decision taken in the page editor ends where one taken on the dashboard does: the
    confirmation of what it did (the editor itself only says the page was updated)."""
    if (isinstance(page.specific_deferred, PracticePage)
            and request.POST.get("action-workflow-action")
            and request.POST.get("workflow-action-name") in DECISIONS):
        return redirect("practices_review_done", page.pk)
    return None


@hooks.register("register_page_header_buttons")
def reject_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, PracticePage) and admin_views.can_reject(page, user):
        yield Button(
            REJECT_LABEL, reverse("practices_reject", args=[page.pk]), icon_name="cross",
            priority=80,
        )


@hooks.register("register_page_header_buttons")
def review_status_button(page, user, view_name, next_url=None):
    """Moderators see where a practice stands, in words, and open the reviewers' scores."""
    if isinstance(page.specific_deferred, PracticePage) and admin_views.is_moderator(user):
        yield Button(
            admin_views.stage(page), reverse("practices_review_status", args=[page.pk]),
            icon_name="list-ul", priority=70,
        )


@hooks.register("construct_explorer_page_queryset")
def review_stages_in_the_repository(parent_page, pages, request):
    if (isinstance(parent_page.specific_deferred, PracticeIndexPage)
            and admin_views.is_moderator(request.user)):
        return with_review_stage(pages)
    return pages


@hooks.register("register_page_listing_buttons")
def review_stage_button(page, user, next_url=None):
    """In the repository's listing, moderators see each practice's stage in review."""
    stage = review_stage(page)
    if stage:
        yield ListingButton(stage, reverse("practices_review_status", args=[page.pk]),
                            icon_name="list-ul", priority=5)


@hooks.register("before_serve_document")
def submission_documents_are_private_until_published(document, request):
    """A submitted file is downloadable once a live page uses it; before, only by its uploader
    and the hub's staff. Anyone else gets the same 404 as for a document that does not exist."""
    if not may_serve(document, request.user):
        raise Http404("No such document")


@hooks.register("before_edit_page")
def only_the_final_approval_publishes_from_the_edit_view(request, page):
    """While a practice is in the Practice review workflow, the edit view's "Publish" would
    cancel the workflow and skip the remaining review: refuse it (saving a draft still works)."""
    if request.method == "POST" and request.POST.get("action-publish") and in_practice_review(
        page
    ):
        messages.error(request, _(
            "This practice is under review: only the reviewers' final approval publishes it."
        ))
        return HttpResponseRedirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return None


@hooks.register("before_bulk_action")
def only_the_final_approval_publishes_in_bulk(request, action_type, objects, action):
    """The bulk "Publish" refuses the whole selection if any practice in it is under review."""
    if action_type != "publish":
        return None
    under_review = [obj for obj in objects if in_practice_review(obj)]
    if not under_review:
        return None
    messages.error(request, _(
        "Nothing was published: %(titles)s is under review, and only the reviewers' final "
        "approval publishes it."
    ) % {"titles": ", ".join(f"“{obj.get_admin_display_title()}”" for obj in under_review)})
    return HttpResponseRedirect(action.next_url)


contribute(
    search_types=[SearchType("practice", _("Practices"), ("practices.practicepage",))],
    facets=FACETS,
    account_menu_items=[Link(_("My submissions"), "practices:mine")],
    # Everyone sees it; a visitor who is not signed in is sent through log-in or sign-up and
    # back to the form (``next=``).
    header_links=[Link(_("Submit a practice"), "practices:submit")],
)
