"""Preparing, submitting and listing voluntary reviews. Views only parse and call these.

Who may do what (checked here, never by Wagtail's ``Workflow.start``, which checks nothing):
a user edits a country's reviews when they belong to the ``Focal points`` group and a
moderator named them focal point of that country (``FocalPoint``); anyone else is told the
review does not exist (404), so drafts do not leak. A review in moderation is read-only for
its authors until the secretariat decides.
"""

import uuid
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Prefetch
from django.http import Http404
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django_countries.fields import Country
from wagtail.models import Locale

from .models import (
    FocalPoint,
    ReviewCyclePage,
    ReviewIndexPage,
    ReviewObjective,
    VoluntaryReviewPage,
)
from .template import section_fields, sections, word_count
from .workflow import FOCAL_POINTS

LANGUAGES = ("ar", "en")


# -- who -----------------------------------------------------------------------------------

def focal_countries(user):
    """The ISO codes of the countries ``user`` is focal point of (empty for anyone else)."""
    if not user.is_authenticated or not user.groups.filter(name=FOCAL_POINTS).exists():
        return set()
    return {str(code) for code in
            FocalPoint.objects.filter(user=user).values_list("country", flat=True)}


def review_for_focal_point(user, pk):
    """The review ``pk`` if ``user`` is a focal point of its country; 404 otherwise."""
    review = VoluntaryReviewPage.objects.filter(pk=pk).select_related("locale").first()
    if review is None or str(review.country) not in focal_countries(user):
        raise Http404("No such review")
    return review


def in_moderation(review):
    return review.workflow_in_progress


# -- checks ----------------------------------------------------------------------------------

def limit_errors(data, language):
    """{field: message} for every answer over its word limit (drafts and submissions)."""
    errors = {}
    for section in sections():
        count = word_count(data.get(section.field, ""))
        if count > section.max_words:
            errors[section.field] = _(
                "Section %(number)s, “%(title)s”, has %(count)s words: at most %(limit)s are "
                "allowed. Shorten it before submitting."
            ) % {"number": section.number, "title": section.title(language), "count": count,
                 "limit": section.max_words}
    return errors


def submit_errors(data, language):
    """{field: message} of what stops a submission: empty sections, no cycle, word limits."""
    errors = {}
    for section in sections():
        if not str(data.get(section.field, "")).strip():
            errors[section.field] = _(
                "Section %(number)s, “%(title)s”, is required before you submit."
            ) % {"number": section.number, "title": section.title(language)}
    if not data.get("cycle"):
        errors["cycle"] = _("Choose the review cycle this review is for before you submit.")
    errors.update(limit_errors(data, language))
    return errors


# -- saving ----------------------------------------------------------------------------------

@dataclass
class SaveResult:
    review: VoluntaryReviewPage
    overwritten_by: object = None  # the user whose later save this one replaced
    overwritten_at: object = None


def _apply(review, data):
    for field in section_fields():
        setattr(review, field, data.get(field, ""))
    review.cycle = data.get("cycle") or ""
    review.review_objectives = [ReviewObjective(number=n) for n in sorted(data.get("objectives")
                                                                           or [])]


def default_title(country_code, language):
    from django.utils import translation

    with translation.override(language):
        return str(_("Voluntary national review: %(country)s") % {
            "country": Country(country_code).name})


@transaction.atomic
def save_draft(user, data, *, country=None, language=None, review=None, opened_revision=None,
               attachments=None):
    """Create or update a review as a draft revision; returns a ``SaveResult``.

    ``opened_revision``: the latest revision id when the form was opened. When someone else
    saved since, this save still wins (their version stays in the page's history) and the
    result says who was overwritten, for the warning.
    """
    result = SaveResult(review=review)
    if review is None:
        index = ReviewIndexPage.objects.get(locale__language_code=language)
        review = VoluntaryReviewPage(
            title=default_title(country, language), country=country,
            slug=slugify(f"{country}-{data.get('cycle') or 'review'}-{uuid.uuid4().hex[:6]}"),
            live=False,
            locale=index.locale,
        )
        _apply(review, data)
        if attachments is not None:
            review.attachments = attachments
        index.add_child(instance=review)
        result.review = review
    else:
        review = review.get_latest_revision_as_object()
        latest = review.latest_revision
        if (opened_revision and latest and latest.pk != opened_revision
                and latest.user_id != user.pk):
            result.overwritten_by, result.overwritten_at = latest.user, latest.created_at
        _apply(review, data)
        if attachments is not None:
            review.attachments = attachments
        result.review = review
    review.save_revision(user=user, log_action=True)
    return result


def submit(user, review):
    """Start the secretariat's workflow on the latest revision (checked by the caller)."""
    if review.workflow_in_progress:
        raise ValueError("Already in moderation")
    workflow = review.get_workflow()
    workflow.start(review, user)


def state_of(review):
    """"draft", "in_moderation", "changes_requested", "published" (for labels)."""
    if review.workflow_in_progress:
        state = review.current_workflow_state
        if state.status == state.STATUS_NEEDS_CHANGES:
            return "changes_requested"
        return "in_moderation"
    if review.live and not review.has_unpublished_changes:
        return "published"
    return "draft"


# -- reading ---------------------------------------------------------------------------------

def published():
    """Live, public reviews of every language (each lives in its own language's tree)."""
    return (VoluntaryReviewPage.objects.live().public().select_related("locale")
            .prefetch_related(Prefetch("review_objectives",
                                       queryset=ReviewObjective.objects.order_by("number"))))


def cycle_titles(language):
    """{cycle slug: title} in a language (one query)."""
    return dict(ReviewCyclePage.objects.live().filter(locale__language_code=language)
                .values_list("slug", "title"))


def cycle_reviews(slug):
    return list(published().filter(cycle=slug).order_by("country"))


def country_reviews(code):
    return list(published().filter(country=code).order_by("-first_published_at"))


def objectives_of(reviews):
    counts = {}
    for review in reviews:
        for number in review.objective_numbers:
            counts[number] = counts.get(number, 0) + 1
    return counts


def review_context(review, request):
    language = review.locale.language_code
    return {
        "answers": [
            {"section": s, "title": s.title(language), "text": text,
             "words": word_count(text), "paragraphs": [p for p in text.split("\n\n") if p]}
            for s, text in review.answers()
        ],
        "review_language": language,
        "cycle_page": ReviewCyclePage.objects.live().filter(
            slug=review.cycle, locale=review.locale).first() if review.cycle else None,
    }


def reviews_by_country(codes=None):
    """{code: number of published reviews} (one query)."""
    queryset = VoluntaryReviewPage.objects.live().public()
    if codes is not None:
        queryset = queryset.filter(country__in=codes)
    return dict(queryset.values_list("country").annotate(n=Count("pk")).values_list(
        "country", "n"))


def locale_of(language):
    return Locale.objects.get(language_code=language)
