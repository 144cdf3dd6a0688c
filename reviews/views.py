"""Thin glue: the routable review pages and the focal points' form call the services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django_countries.fields import Country

from countries.data import MEMBER_STATES, REGIONS
from countries.services import region_titles
from hub.structure import language_code_of
from practices.exports import atom_from_rows, csv_from_rows, json_from_rows
from practices.submission import uploading

from . import services
from .forms import ReviewForm, attachment_blocks
from .listing import LANGUAGE_LABELS, filtered, paginate, parse_filters, rows
from .models import VoluntaryReviewPage
from .pdf import review_pdf


def serve_listing(index_page, request):
    language = language_code_of(index_page, request)
    cycles = services.cycle_titles(language)
    filters = parse_filters(request.GET, cycles)
    queryset = filtered(filters)
    export = request.GET.get("format")
    if export == "csv":
        return csv_from_rows(rows(queryset, request, cycles), f"reviews-{language}")
    if export == "json":
        return json_from_rows(rows(queryset, request, cycles), f"reviews-{language}")
    paginator, page_obj = paginate(queryset, filters)
    regions = region_titles(index_page.locale)
    context = index_page.get_context(request)
    context.update({
        "filters": filters,
        "paginator": paginator,
        "page_obj": page_obj,
        "reviews": page_obj.object_list,
        "cycles": cycles,
        "region_options": [(slug, regions.get(slug, slug)) for slug in REGIONS],
        "cycle_options": sorted(cycles.items(), key=lambda item: item[1]),
        "objective_options": range(1, 24),
        "language_options": list(LANGUAGE_LABELS.items()),
    })
    return TemplateResponse(request, "reviews/review_index_page.html", context)


def serve_feed(index_page, request):
    language = language_code_of(index_page, request)
    cycles = services.cycle_titles(language)
    queryset = filtered(parse_filters(request.GET, cycles))
    return atom_from_rows(
        rows(queryset, request, cycles), request,
        title=f"{index_page.title} · {_('GCM Knowledge Hub')}",
        link=index_page.get_full_url(request),
        description=strip_tags(index_page.intro or ""), language=language,
    )


def serve_compare(index_page, request, code):
    """A country's two latest published reviews from different cycles, section by section."""
    code = code.upper()
    if code not in MEMBER_STATES:
        raise Http404("No such member State")
    reviews, seen = [], set()
    for review in services.country_reviews(code):
        if review.cycle not in seen:
            seen.add(review.cycle)
            reviews.append(review)
    reviews = reviews[:2]
    if len(reviews) < 2:
        raise Http404("Fewer than two reviews")
    reviews.reverse()  # the older one first
    language = language_code_of(index_page, request)
    cycles = services.cycle_titles(language)
    rows_ = []
    for position, section in enumerate(services.sections()):
        rows_.append({
            "title": section.title(language),
            "cells": [{"review": r, "text": getattr(r, section.field),
                       "language": r.locale.language_code} for r in reviews],
            "position": position,
        })
    context = index_page.get_context(request)
    context.update({"country": Country(code), "compared": reviews, "rows": rows_,
                    "cycles": cycles})
    return TemplateResponse(request, "reviews/compare.html", context)


def serve_print(review, request):
    context = review.get_context(request)
    return TemplateResponse(request, "reviews/review_print.html", context)


def serve_pdf(review, request):
    response = HttpResponse(review_pdf(review, request), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="review-{str(review.country).lower()}-{review.pk}.pdf"')
    return response


# -- the focal points' form ------------------------------------------------------------------

@login_required
def mine(request):
    countries = services.focal_countries(request.user)
    if not countries:
        raise Http404("Not a focal point")
    reviews = (VoluntaryReviewPage.objects.filter(country__in=countries)
               .select_related("locale").order_by("country", "-latest_revision_created_at"))
    rows_ = [{"review": r, "state": services.state_of(r)} for r in reviews]
    context = {
        "rows": rows_,
        "countries": sorted(((c, Country(c).name) for c in countries), key=lambda x: str(x[1])),
        "languages": list(LANGUAGE_LABELS.items()),
    }
    response = TemplateResponse(request, "reviews/mine.html", context)
    patch_cache_control(response, private=True, no_cache=True)
    return response


@login_required
def new(request, code, language):
    code = code.upper()
    if code not in services.focal_countries(request.user) or language not in services.LANGUAGES:
        raise Http404("Not a focal point of this country")
    return _form(request, country=code, language=language)


@login_required
def edit(request, pk):
    review = services.review_for_focal_point(request.user, pk)
    return _form(request, review=review, country=str(review.country),
                 language=review.locale.language_code)


def _form(request, *, country, language, review=None):
    latest = review.get_latest_revision_as_object() if review else None
    locked = review is not None and services.in_moderation(review)
    options = {"user": request.user, "language": language, "review": latest}
    status = 200
    if request.method != "POST":
        form = ReviewForm(**options)
    elif locked:
        form = ReviewForm(request.POST, **options)
        messages.error(request, _("This review is with the Network secretariat for "
                                  "review: it cannot be edited until they decide."))
    else:
        form, status = uploading.bind(request, ReviewForm, **options)
        if status == 200:
            response = _save(request, form, country, language, review, latest)
            if response is not None:
                return response
            status = 503 if form.failed else 200
        if form.errors:
            messages.error(request, _("The review was not saved: see the messages below."))
    context = {
        "form": form, "review": review, "locked": locked, "country": Country(country),
        "language": language, "direction": "rtl" if language == "ar" else "ltr",
        "sections": form.section_rows(),
        "state": services.state_of(review) if review else "new",
        "attachment_rows": form.attachment_rows(),
    }
    response = TemplateResponse(request, "reviews/review_form.html", context, status=status)
    patch_cache_control(response, private=True, no_cache=True)
    return response


def _save(request, form, country, language, review, latest):
    """Keep the checked files, then save (and submit) when everything is valid: the redirect,
    or None to show the form again with its messages."""
    action = request.POST.get("action", "save")
    valid = form.is_valid()
    with uploading.database_failure(form):
        valid = form.keep_checked_files() and valid  # kept whatever else is refused
        errors = (services.submit_errors(form.cleaned_data, language)
                  if valid and action == "submit" else {})
        for field, message in errors.items():
            form.add_error(field if field in form.fields else None, message)
        if not valid or errors:
            return None
        with transaction.atomic():  # the save, the used uploads and the submission: all or none
            result = services.save_draft(
                request.user, form.cleaned_data, country=country, language=language,
                review=review, opened_revision=form.cleaned_data.get("opened_revision"),
                attachments=attachment_blocks(form, latest),
            )
            form.forget_used_uploads()
            if result.overwritten_by is not None:
                messages.warning(request, _(
                    "%(name)s saved this review after you opened it; your save replaced "
                    "their version (it is kept in the review's history)."
                ) % {"name": result.overwritten_by.get_full_name()
                     or result.overwritten_by.get_username()})
            if action == "submit":
                services.submit(request.user, result.review)
                messages.success(request, _("Your review was sent to the Network "
                                            "secretariat for review."))
            else:
                messages.success(request, _("Draft saved."))
                for message in services.limit_errors(form.cleaned_data, language).values():
                    messages.warning(request, message)
        return redirect("reviews:edit", pk=result.review.pk)
    return None
